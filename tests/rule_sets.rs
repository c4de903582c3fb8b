//! Rule sets as data: documents are read and checked on load (every bad reference an
//! `invalidRuleSet` error with its path), an exported built-in loaded under another id
//! answers exactly as the built-in, and the forms other notices need beyond the five.
#![cfg(not(target_arch = "wasm32"))]

mod arb;
mod common;

use common::*;
use proptest::prelude::*;
use serde_json::{json, Value};
use xueshi::report::{Range, Report, Status};
use xueshi::{Engine, ErrorCode};

const IDS: [&str; 5] = ["xinjiang-2022", "aksu-2024", "bingtuan-2019", "zaozhuang-2024", "taian-2022"];

fn doc(id: &str) -> Value {
    serde_json::from_str(engine().export(id).expect("built in")).expect("JSON")
}

/// Loads a document into a fresh engine (with the built-ins).
fn load(doc: &Value) -> Result<Engine, xueshi::Error> {
    let mut e = Engine::new().expect("built-in rule sets");
    e.load_text(&doc.to_string())?;
    Ok(e)
}

#[track_caller]
fn refused(doc: &Value, path: &str) -> xueshi::Error {
    let e = load(doc).err().unwrap_or_else(|| panic!("accepted: {doc}"));
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidRuleSet, path), "{}", e.message());
    assert!(!e.zh.is_empty() && !e.zh.is_ascii(), "a Chinese message: {}", e.zh);
    e
}

/// `doc` with `f` applied.
fn with(mut doc: Value, f: impl FnOnce(&mut Value)) -> Value {
    f(&mut doc);
    doc
}

fn copy(id: &str) -> Value {
    with(doc(id), |d| d["id"] = json!(format!("{id}-copy")))
}

/// A report of the copy, with the copy's id put back to the original's.
fn same_results(engine: &Engine, input: &Value, id: &str) {
    let run = |rs: &str| -> Report {
        let mut v = input.clone();
        v["ruleSets"] = json!([rs]);
        engine.evaluate_text(&v.to_string()).unwrap_or_else(|e| panic!("{e}"))
    };
    let built_in = serde_json::to_value(run(id)).unwrap();
    let mut loaded = serde_json::to_value(run(&format!("{id}-copy"))).unwrap();
    loaded["results"][0]["ruleSet"] = json!(id);
    assert_eq!(loaded, built_in, "{id}");
}

fn all_copies() -> Engine {
    let mut e = Engine::new().unwrap();
    for id in IDS {
        e.load_text(&copy(id).to_string()).unwrap_or_else(|err| panic!("{id}: {err}"));
    }
    e
}

#[test]
fn every_built_in_exported_and_loaded_under_another_id_answers_alike() {
    let e = all_copies();
    let inputs: Vec<Value> = ["../bench/typical-year.json"]
        .iter()
        .map(|p| serde_json::from_str(&std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(&p[3..])).unwrap()).unwrap())
        .chain(std::fs::read_dir(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds")).unwrap().filter_map(|f| {
            let v: Value = serde_json::from_str(&std::fs::read_to_string(f.ok()?.path()).ok()?).ok()?;
            engine().evaluate_text(&v.to_string()).ok().map(|_| v)
        }))
        .collect();
    assert!(inputs.len() >= 6, "{}", inputs.len());
    for input in &inputs {
        for year in [2019, 2022, 2024] {
            for lang in ["zh", "en"] {
                let mut v = input.clone();
                v["year"] = json!(year);
                v["lang"] = json!(lang);
                for id in IDS {
                    same_results(&e, &v, id);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
    #[test]
    fn copies_answer_alike_for_generated_inputs(v in arb::input(10)) {
        let e = all_copies();
        for id in IDS {
            same_results(&e, &v, id);
        }
    }
}

#[test]
fn the_compact_form_reads_back_what_was_written() {
    let bytes = engine().compiled();
    let back = xueshi::ruleset::compiled::decode(&bytes).expect("decodes");
    assert_eq!(back.len(), engine().entries().len());
    for ((set, resolved), e) in back.iter().zip(engine().entries()) {
        let want = xueshi::ruleset::RuleSet { source: xueshi::ruleset::Source::Compiled, examples: Vec::new(), ..(*e.set).clone() };
        assert_eq!(set, &want);
        // A deferring rule set carries its rules as it cites them, and the note.
        if let Some((rules, note)) = resolved {
            assert_eq!((rules, Some(note)), (&*e.rules, e.deferral.as_ref()));
        }
    }
    // Damaged bytes are refused, never a panic.
    for cut in [0, 4, 5, bytes.len() / 2, bytes.len() - 1] {
        assert!(xueshi::ruleset::compiled::decode(&bytes[..cut]).is_none(), "cut at {cut}");
    }
    let mut flipped = bytes.clone();
    for i in (4..flipped.len()).step_by(97) {
        flipped[i] ^= 0xff;
        let _ = xueshi::ruleset::compiled::decode(&flipped);
    }
    // The same results as the engine that read the documents.
    let from_bytes = Engine::from_compiled(&bytes).expect("an engine");
    assert_eq!(from_bytes.rule_sets(), engine().rule_sets());
    let input = serde_json::json!({"year": 2024, "activities": [
        {"id": "l", "kind": "lecture", "level": "provincial", "date": "2024-03-01", "hours": 4},
        {"id": "p", "kind": "paper", "venue": "national", "authors": 3, "date": "2024-03-01"}
    ]})
    .to_string();
    assert_eq!(from_bytes.evaluate_text(&input).unwrap(), engine().evaluate_text(&input).unwrap());
}

#[test]
fn a_built_in_id_is_refused() {
    let e = refused(&doc("taian-2022"), "id");
    assert!(e.en.contains("built-in"), "{}", e.en);
}

#[test]
fn wrong_shapes_and_values_name_their_path() {
    let base = copy("taian-2022");
    refused(&with(base.clone(), |d| d["format"] = json!("xueshi-rule-set/9")), "format");
    refused(&with(base.clone(), |d| d["title"] = json!(7)), "title");
    refused(&with(base.clone(), |d| d["title"] = json!("  ")), "title");
    refused(&with(base.clone(), |d| d["id"] = json!("Tai An")), "id");
    refused(&with(base.clone(), |d| d["governs"]["to"] = json!("2021-12-31")), "governs.to");
    refused(&with(base.clone(), |d| d["governs"]["from"] = json!("2022-02-30")), "governs.from");
    refused(&with(base.clone(), |d| d["requirement"]["total"] = json!(-90)), "requirement.total");
    refused(&with(base.clone(), |d| d["requirement"]["total"] = json!(50)), "requirement.total");
    refused(&with(base.clone(), |d| d["rules"][3]["credit"] = json!({"fixed": 0})), "rules[3].credit.fixed");
    refused(&with(base.clone(), |d| d["rules"][3]["credit"] = json!({"perDay": {"hours": "8"}})), "rules[3].credit.perDay.hours");
    refused(&with(base.clone(), |d| d["rules"][3]["extra"] = json!(1)), "rules[3].extra");
    refused(&with(base.clone(), |d| d["clauses"][0]["quote"] = json!("")), "clauses[0].quote");
    refused(&with(base.clone(), |d| d["clauses"][1]["id"] = d["clauses"][0]["id"].clone()), "clauses[1].id");
    refused(&with(base, |d| d["rules"] = json!([])), "rules");
}

#[test]
fn unknown_credit_forms_kinds_caps_and_clauses_are_refused() {
    let base = copy("xinjiang-2022");
    let e = refused(&with(base.clone(), |d| d["rules"][0]["credit"] = json!("perHour")), "rules[0].credit");
    assert!(e.en.contains("unknown credit form \"perHour\""), "{}", e.en);
    refused(&with(base.clone(), |d| d["rules"][0]["credit"] = json!("fixed")), "rules[0].credit");
    refused(&with(base.clone(), |d| d["rules"][0]["credit"] = json!({"excluded": 1})), "rules[0].credit.excluded");
    refused(&with(base.clone(), |d| d["rules"][0]["kind"] = json!("webinar")), "rules[0].kind");
    refused(&with(base.clone(), |d| d["rules"][4]["cap"] = json!("practise")), "rules[4].cap");
    refused(&with(base.clone(), |d| d["rules"][4]["clause"] = json!("art99")), "rules[4].clause");
    refused(&with(base.clone(), |d| d["noCarryOver"] = json!("art99")), "noCarryOver");
    refused(&with(base.clone(), |d| d["caps"][1]["id"] = json!("refresher")), "caps[1].id");
    // "upToCap" says: up to which maximum?
    let upto = base["rules"].as_array().unwrap().iter().position(|r| r["credit"] == json!("upToCap")).unwrap();
    refused(&with(base, |d| d["rules"][upto].as_object_mut().unwrap().remove("cap").map(|_| ()).unwrap()), &format!("rules[{upto}].cap"));
}

#[test]
fn conditions_and_credit_forms_are_checked_against_the_kinds_fields() {
    let base = copy("taian-2022");
    // taian rules[1] is degree study, when { mode: study }.
    refused(&with(base.clone(), |d| d["rules"][1]["when"] = json!({"venue": "national"})), "rules[1].when.venue");
    refused(&with(base.clone(), |d| d["rules"][1]["when"] = json!({"mode": "online"})), "rules[1].when.mode");
    refused(&with(base.clone(), |d| d["rules"][1]["when"] = json!({"mode": ["study", 3]})), "rules[1].when.mode[1]");
    refused(&with(base.clone(), |d| d["rules"][1]["when"] = json!({"mode": {"min": 1}})), "rules[1].when.mode");
    refused(&with(base.clone(), |d| d["rules"][1]["credit"] = json!({"sharedByAuthors": 100})), "rules[1].credit");
    refused(&with(base.clone(), |d| d["rules"][5]["credit"] = json!("actualTime")), "rules[5].credit");
    refused(
        &with(base.clone(), |d| d["rules"][5]["credit"] = json!({"perUnit": {"hours": 25, "field": "venue", "unit": "门"}})),
        "rules[5].credit.perUnit.field",
    );
    refused(&with(base, |d| d["rules"][5]["subject"] = json!("fromActivity")), "rules[5].subject");
}

#[test]
fn a_rule_that_could_never_apply_is_refused() {
    // taian rules[11] (national journals) placed after a paper rule with no conditions.
    let base = copy("taian-2022");
    let general = json!({"kind": "paper", "credit": "undetermined", "label": "论文", "clause": "sec2-3-3"});
    let e = refused(&with(base.clone(), |d| d["rules"].as_array_mut().unwrap().insert(10, general)), "rules[11]");
    assert!(e.en.contains("never applies: rules[10]"), "{}", e.en);
    let twice = base["rules"][11].clone();
    refused(&with(base.clone(), |d| d["rules"].as_array_mut().unwrap().push(twice)), "rules[19]");
    refused(&with(base, |d| d["rules"][1]["when"] = json!({"mode": "study", "studyYears": {"min": 4, "max": 2}})), "rules[1].when.studyYears.max");
}

#[test]
fn rules_from_must_name_a_rule_set_and_never_loop() {
    let aksu = copy("aksu-2024");
    refused(&with(aksu.clone(), |d| d["rulesFrom"]["ruleSet"] = json!("beijing-2020")), "rulesFrom.ruleSet");
    refused(&with(aksu.clone(), |d| d["caps"] = json!([])), "caps");
    // a → b → a: b borrows from a; loading a that borrows from b is a loop.
    let mut e = Engine::new().unwrap();
    let a = with(copy("xinjiang-2022"), |d| d["id"] = json!("loop-a"));
    e.load_text(&a.to_string()).unwrap();
    let b = with(aksu.clone(), |d| {
        d["id"] = json!("loop-b");
        d["rulesFrom"]["ruleSet"] = json!("loop-a");
    });
    e.load_text(&b.to_string()).unwrap();
    let a_borrowing = with(aksu, |d| {
        d["id"] = json!("loop-a");
        d["rulesFrom"]["ruleSet"] = json!("loop-b");
    });
    let err = e.load_text(&a_borrowing.to_string()).expect_err("a loop");
    assert_eq!(err.path, "rulesFrom.ruleSet");
    assert!(err.en.contains("loop-a → loop-b → loop-a"), "{}", err.en);
    // The engine is as it was: loop-b still borrows loop-a's own rules.
    assert!(e
        .evaluate_text(r#"{"year":2024,"ruleSets":["loop-b"],"activities":[{"id":"t","kind":"training","date":"2024-01-01","days":1}]}"#)
        .is_ok());
    // A lender cannot go while a borrower needs it; the borrower can.
    assert!(e.remove("loop-a").is_err());
    e.remove("loop-b").unwrap();
    e.remove("loop-a").unwrap();
    assert!(e.remove("taian-2022").is_err());
}

#[test]
fn a_replaced_lender_is_followed_by_those_that_borrow_from_it() {
    let mut e = Engine::new().unwrap();
    let lender = with(copy("xinjiang-2022"), |d| d["id"] = json!("lender"));
    e.load_text(&lender.to_string()).unwrap();
    e.load_text(&with(copy("aksu-2024"), |d| d["rulesFrom"]["ruleSet"] = json!("lender")).to_string()).unwrap();
    let input = r#"{"year":2024,"ruleSets":["aksu-2024-copy"],"activities":[{"id":"o","kind":"other","date":"2024-01-01","hours":5}]}"#;
    assert_eq!(e.evaluate_text(input).unwrap().results[0].lines[0].hours, upto(30.0));
    // 第八条（十） at 25 a year instead of 30 in the replaced lender.
    let cap = lender["caps"].as_array().unwrap().iter().position(|c| c["id"] == json!("other")).unwrap();
    e.load_text(&with(lender, |d| d["caps"][cap]["hours"] = json!(25)).to_string()).unwrap();
    let line = e.evaluate_text(input).unwrap().results[0].lines[0].clone();
    assert_eq!(line.hours, upto(25.0));
    assert_eq!(line.clause.unwrap().reference, "新人社规〔2022〕9号第八条第（十）项");
}

#[test]
fn garbage_and_huge_documents_are_refused() {
    let mut e = Engine::new().unwrap();
    for text in ["", "null", "[]", "{", "{\"format\":", &"{".repeat(100_000), &format!("\"{}\"", "x".repeat(2 << 20)), "\u{0}garbage"] {
        let err = e.load_text(text).expect_err("refused");
        assert_eq!(err.code, ErrorCode::InvalidRuleSet, "{}", err.message());
        assert!(!err.path.is_empty());
    }
    let ten_mb: String = (0..10 << 20).map(|i| char::from(b"{[\"a:1,}]"[i % 9])).collect();
    assert_eq!(e.load_text(&ten_mb).unwrap_err().path, "document");
    assert_eq!(e.rule_sets().len(), 5);
}

/// A document written for what other regions' notices say and the five do not: a daily
/// rate other than 8 with its own rate for half-time study, an amount spread over two
/// registration years, an amount per exam subject passed, the proof a clause names, a
/// field of its own and an exemption. (Numbers chosen for the test, not a region's.)
fn other_notice() -> Value {
    json!({
        "format": "xueshi-rule-set/1", "id": "test-forms", "title": "测试文件", "issuer": "测试", "region": "测试",
        "governs": {"from": "2024-01-01", "to": "2024-12-31"},
        "clauses": [
            {"id": "req", "ref": "一", "quote": "每年不少于72学时"},
            {"id": "time", "ref": "二", "quote": "每天按6学时计算，半脱产每天按3学时计算"},
            {"id": "degree", "ref": "三", "quote": "在职申请硕士学位登记240学时，分两年登记", "evidence": ["学位证书"]},
            {"id": "exam", "ref": "四", "quote": "每通过一科计12学时"},
            {"id": "online", "ref": "五", "quote": "线上学习按平台学时登记"},
            {"id": "free", "ref": "六", "quote": "机关单位人员不作要求"}
        ],
        "requirement": {"total": 72, "public": 24, "professional": 48, "clause": "req"},
        "time": {"hoursPerDay": 6, "partTimeHoursPerDay": 3, "clause": "time"},
        "fields": [{"kind": "training", "name": "online", "type": "flag", "label": "线上学习", "labelEn": "Online"}],
        "rules": [
            {"kind": "training", "when": {"online": true}, "credit": "actualTime", "label": "线上学习", "clause": "online"},
            {"kind": "training", "credit": "actualTime", "label": "培训", "clause": "time"},
            {"kind": "degree", "when": {"mode": "degreeOnly", "level": "master"}, "credit": {"spread": {"hours": 240, "years": 2}}, "label": "在职申请硕士学位", "clause": "degree"},
            {"kind": "qualificationExam", "credit": {"perUnit": {"hours": 12, "field": "subjects", "unit": "科", "unitEn": "subjects"}}, "label": "资格考试", "clause": "exam"}
        ],
        "exemptions": [{"employer": ["government"], "clause": "free"}],
        "examples": [{
            "title": "two part-time days and two exam subjects",
            "input": {"year": 2024, "activities": [
                {"id": "t", "kind": "training", "date": "2024-03-01", "days": 2, "studyMode": "partTime"},
                {"id": "x", "kind": "qualificationExam", "date": "2024-05-01", "category": "licensure", "subjects": 2}]},
            "expect": {"totals": {"professional": 30}, "lines": [{"activity": "t", "hours": 6, "status": "credited"}, {"activity": "x", "hours": 24, "clause": "四"}]}
        }]
    })
}

#[test]
fn forms_other_notices_need() {
    let e = load(&other_notice()).unwrap_or_else(|e| panic!("{e}"));
    let run = |acts: Value, year: i32| {
        e.evaluate_text(&json!({"year": year, "ruleSets": ["test-forms"], "activities": acts}).to_string())
            .unwrap_or_else(|e| panic!("{e}"))
            .results
            .remove(0)
    };
    let r = run(
        json!([{"id": "t", "kind": "training", "date": "2024-03-01", "days": 2}, {"id": "p", "kind": "training", "date": "2024-03-01", "days": 2, "studyMode": "partTime"}]),
        2024,
    );
    check(&r.lines[0], exact(12.0), Status::Credited);
    check(&r.lines[1], exact(6.0), Status::Credited);
    assert!(r.lines[1].explain.contains("（半脱产）"), "{}", r.lines[1].explain);
    // 分两年登记: half in the year granted, half the next; nothing the year after.
    let degree = json!([{"id": "d", "kind": "degree", "date": "2024-06-01", "level": "master", "mode": "degreeOnly"}]);
    check(&run(degree.clone(), 2024).lines[0], exact(120.0), Status::Credited);
    check(&run(degree.clone(), 2025).lines[0], exact(120.0), Status::Credited);
    check(&run(degree.clone(), 2026).lines[0], exact(0.0), Status::OtherYear);
    check(&run(degree, 2023).lines[0], exact(0.0), Status::OtherYear);
    assert_eq!(
        run(json!([{"id": "d", "kind": "degree", "date": "2024-06-01", "level": "master", "mode": "degreeOnly"}]), 2024).lines[0].evidence,
        vec![xueshi::sym::Sym::new("学位证书")]
    );
    let exam = run(json!([{"id": "x", "kind": "qualificationExam", "date": "2024-05-01", "category": "licensure", "subjects": 3}]), 2024);
    check(&exam.lines[0], exact(36.0), Status::Credited);
    // Its own field, usable in inputs once loaded.
    let online = run(json!([{"id": "o", "kind": "training", "date": "2024-03-01", "hours": 5, "online": true}]), 2024);
    assert_eq!(online.lines[0].clause.as_ref().unwrap().reference, "五");
    assert!(engine()
        .evaluate_text(r#"{"year":2024,"activities":[{"id":"o","kind":"training","date":"2024-03-01","hours":5,"online":true}]}"#)
        .is_err());
    // An exemption for the person's employer.
    let r = e
        .evaluate_text(&json!({"year": 2024, "ruleSets": ["test-forms"], "profile": {"employer": "government"}, "activities": []}).to_string())
        .unwrap();
    assert_eq!(r.results[0].compliance, xueshi::report::Compliance::Exempt);
    // Its example holds.
    let entry = e.get("test-forms").unwrap();
    assert_eq!(xueshi::ruleset::example::run(&e, "test-forms", &entry.set.examples[0]).unwrap(), Vec::<String>::new());
}

#[test]
fn an_example_that_does_not_hold_says_where() {
    let doc = with(other_notice(), |d| d["examples"][0]["expect"]["lines"][0]["hours"] = json!(7));
    let e = load(&doc).unwrap();
    let diffs = xueshi::ruleset::example::run(&e, "test-forms", &e.get("test-forms").unwrap().set.examples[0]).unwrap();
    assert_eq!(diffs, vec!["t.hours: expected exactly 7, got exactly 6".to_owned()]);
    refused(&with(other_notice(), |d| d["examples"][0]["input"]["ruleSets"] = json!(["x"])), "examples[0].input.ruleSets");
    refused(&with(other_notice(), |d| d["examples"][0]["expect"]["lines"][0]["status"] = json!("fine")), "examples[0].expect.lines[0].status");
}

#[test]
fn declared_fields_are_checked() {
    refused(&with(other_notice(), |d| d["fields"][0]["name"] = json!("days")), "fields[0].name");
    refused(&with(other_notice(), |d| d["fields"][0]["type"] = json!("choice")), "fields[0].values");
    refused(&with(other_notice(), |d| d["fields"][0]["kind"] = json!("seminar")), "fields[0].kind");
    // Another rule set may declare the same field only with the same type.
    let mut e = load(&other_notice()).unwrap();
    let clash = with(other_notice(), |d| {
        d["id"] = json!("test-clash");
        d["fields"][0]["type"] = json!("count");
        d["fields"][0]["min"] = json!(0);
        d["fields"][0]["max"] = json!(3);
        d["rules"][0]["when"] = json!({"online": 1});
    });
    assert_eq!(e.load_text(&clash.to_string()).unwrap_err().path, "fields[0].type");
}

#[test]
fn the_schema_takes_every_built_in_document() {
    let schema: Value = serde_json::from_str(&xueshi::ruleset::form::schema()).expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid JSON Schema");
    for id in IDS {
        let errors: Vec<String> = validator.iter_errors(&doc(id)).map(|e| format!("{} at {}", e, e.instance_path)).collect();
        assert!(errors.is_empty(), "{id}: {errors:#?}");
    }
    assert!(validator.is_valid(&other_notice()));
    // What the reader refuses for its shape, the schema refuses too.
    for bad in [
        with(doc("taian-2022"), |d| d["rules"][0]["credit"] = json!("perHour")),
        with(doc("taian-2022"), |d| d["rules"][0]["colour"] = json!(1)),
        with(doc("taian-2022"), |d| d["governs"] = json!({"from": "2022"})),
        with(doc("aksu-2024"), |d| d["rules"] = doc("taian-2022")["rules"].clone()),
    ] {
        assert!(!validator.is_valid(&bad), "{bad}");
    }
}

#[test]
fn lines_carry_the_proof_their_clause_names() {
    let l = line("taian-2022", 2022, json!({"kind": "degree", "level": "bachelor", "mode": "study", "date": "2022-06-30"}));
    assert_eq!(l.evidence, vec![xueshi::sym::Sym::new("毕业证")]);
    let l = line("taian-2022", 2022, json!({"kind": "award", "level": "city", "date": "2022-06-30"}));
    assert!(l.evidence.is_empty());
    let _ = Range { min: 0.0, max: None };
}

//! What holds across documents: validation, quotes, caps, compliance, the JSON entry point.

mod common;
use common::*;
use serde_json::{json, Value};
use xueshi::report::{Compliance, Status::*};
use xueshi::schema::{FieldType, KINDS};
use xueshi::ErrorCode;

fn error(input: Value) -> xueshi::Error {
    evaluate(input).expect_err("must be rejected")
}

#[track_caller]
fn rejects(input: Value, code: ErrorCode, path: &str) {
    let e = error(input);
    assert_eq!((e.code, e.path.as_str()), (code, path), "{e}");
    assert!(e.message().starts_with(&format!("{path}: ")));
    assert!(!e.zh.is_empty());
}

fn with(activity: Value) -> Value {
    json!({"year": 2024, "activities": [activity]})
}

#[test]
fn every_quote_is_the_documents_own_words() {
    let Some(dir) = seeds() else {
        eprintln!("SKIPPED every_quote_is_the_documents_own_words: no seed texts (set XUESHI_SEEDS, or put ../shared/seeds beside the repository)");
        return;
    };
    let seed = |id: &str| match id {
        "xinjiang-2022" => "002_b2887de2fb906d66.txt",
        "aksu-2024" => "000_e0b6e13b03ed8212.txt",
        "bingtuan-2019" => "001_a60a59b5608859ba.txt",
        "zaozhuang-2024" => "003_31d606e9e7613b4a.txt",
        "taian-2022" => "004_87dbb6aba45eb85a.txt",
        other => panic!("no seed for {other}"),
    };
    let mut checked = 0;
    for e in engine().entries() {
        let text = std::fs::read_to_string(dir.join(seed(&e.set.id))).expect("seed text");
        assert_eq!(e.set.unquoted(&text), Vec::<&str>::new(), "{}: not the document's own words", e.set.id);
        checked += e.set.quotes().len();
    }
    assert!(checked > 60, "{checked}");
}

#[test]
fn rule_set_infos_in_contract_order() {
    let ids: Vec<String> = engine().rule_sets().into_iter().map(|i| i.id.to_string()).collect();
    assert_eq!(ids, ["xinjiang-2022", "aksu-2024", "bingtuan-2019", "zaozhuang-2024", "taian-2022"]);
}

#[test]
fn results_follow_the_requested_order_and_default_to_all() {
    let r = evaluate(json!({"year": 2024, "activities": []})).unwrap();
    assert_eq!(r.results.len(), 5);
    let r = evaluate(json!({"year": 2024, "ruleSets": ["taian-2022", "aksu-2024"], "activities": []})).unwrap();
    let ids: Vec<&str> = r.results.iter().map(|r| &*r.rule_set).collect();
    assert_eq!(ids, ["taian-2022", "aksu-2024"]);
}

#[test]
fn errors_name_the_field_and_carry_a_code() {
    let paper = json!({"id": "p", "kind": "paper", "date": "2024-03-01", "venue": "national", "authors": 2});
    let mut bad = paper.clone();
    bad["authors"] = json!(0);
    rejects(with(bad.clone()), ErrorCode::InvalidInput, "activities[0].authors");
    bad["authors"] = json!(1.5);
    rejects(with(bad.clone()), ErrorCode::InvalidInput, "activities[0].authors");
    bad["authors"] = json!("3");
    rejects(with(bad), ErrorCode::InvalidInput, "activities[0].authors");
    let mut bad = paper.clone();
    bad["kind"] = json!("poster");
    rejects(with(bad), ErrorCode::UnknownKind, "activities[0].kind");
    rejects(json!({"year": 2024, "ruleSets": ["beijing-2020"], "activities": []}), ErrorCode::UnknownRuleSet, "ruleSets[0]");
    rejects(json!({"year": 2024, "ruleSets": [], "activities": []}), ErrorCode::InvalidInput, "ruleSets");
    rejects(json!({"year": 2024, "ruleSets": ["taian-2022", "taian-2022"], "activities": []}), ErrorCode::InvalidInput, "ruleSets[1]");
    rejects(json!({"activities": []}), ErrorCode::InvalidInput, "year");
    rejects(json!({"year": 2024.5, "activities": []}), ErrorCode::InvalidInput, "year");
    rejects(json!({"year": 1800, "activities": []}), ErrorCode::InvalidInput, "year");
    rejects(json!({"year": 2024}), ErrorCode::InvalidInput, "activities");
    rejects(json!({"year": 2024, "activities": {}}), ErrorCode::InvalidInput, "activities");
    rejects(json!({"year": 2024, "activities": [], "lang": "fr"}), ErrorCode::InvalidInput, "lang");
    rejects(json!({"year": 2024, "activities": [], "profile": {"employer": "farm"}}), ErrorCode::InvalidInput, "profile.employer");
    rejects(json!({"year": 2024, "activities": [], "profile": {"age": 3}}), ErrorCode::InvalidInput, "profile.age");
    rejects(json!([]), ErrorCode::InvalidInput, "input");
    rejects(json!({"year": 2024, "activities": [7]}), ErrorCode::InvalidInput, "activities[0]");
    let mut bad = paper.clone();
    bad["pages"] = json!(12);
    rejects(with(bad), ErrorCode::InvalidInput, "activities[0].pages");
    for date in ["2024-02-30", "2024-2-3", "24-02-03", "2024/02/03", "２０２４-02-03"] {
        let mut bad = paper.clone();
        bad["date"] = json!(date);
        rejects(with(bad), ErrorCode::InvalidInput, "activities[0].date");
    }
    let mut bad = paper.clone();
    bad["title"] = json!("论".repeat(201));
    rejects(with(bad), ErrorCode::InvalidInput, "activities[0].title");
    let mut bad = paper.clone();
    bad["venue"] = json!("international");
    rejects(with(bad), ErrorCode::InvalidInput, "activities[0].venue");
    rejects(json!({"year": 2024, "activities": [paper.clone(), paper.clone()]}), ErrorCode::InvalidInput, "activities[1].id");
    let mut bad = paper;
    bad.as_object_mut().unwrap().remove("id");
    rejects(with(bad), ErrorCode::InvalidInput, "activities[0].id");
}

#[test]
fn time_must_be_given_finite_and_within_a_year() {
    let training = |extra: Value| {
        let mut a = json!({"id": "t", "kind": "training", "date": "2024-03-01"});
        a.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        with(a)
    };
    rejects(training(json!({})), ErrorCode::InvalidInput, "activities[0].hours");
    rejects(training(json!({"hours": -1})), ErrorCode::InvalidInput, "activities[0].hours");
    rejects(training(json!({"hours": 1e308})), ErrorCode::InvalidInput, "activities[0].hours");
    rejects(training(json!({"days": 400})), ErrorCode::InvalidInput, "activities[0].days");
    rejects(training(json!({"minutes": "90"})), ErrorCode::InvalidInput, "activities[0].minutes");
    // null is absent, as JSON.stringify leaves undefined out.
    assert!(evaluate(training(json!({"hours": 3, "days": null}))).is_ok());
}

#[test]
fn lines_are_rounded_half_up_and_totals_are_their_sums() {
    let r = run(
        "taian-2022",
        2022,
        vec![
            json!({"kind": "paper", "venue": "national", "authors": 3, "date": "2022-03-01"}),
            json!({"kind": "paper", "venue": "national", "authors": 3, "date": "2022-04-01"}),
            json!({"kind": "paper", "venue": "national", "authors": 3, "date": "2022-05-01"}),
        ],
    );
    assert!(r.lines.iter().all(|l| l.hours == exact(41.67)));
    assert_eq!(r.totals.professional, exact(125.01));
    assert_eq!(r.totals.total, exact(125.01));
}

#[test]
fn a_shared_cap_keeps_earlier_lines_and_totals_do_not_depend_on_order() {
    // 枣庄 附件第2条: unit study (hours known) and self-study (up to) share 40.
    let unit = json!({"kind": "unitStudy", "hours": 30, "date": "2024-03-01"});
    let exam = json!({"kind": "selfStudyExam", "courses": 1, "date": "2024-04-01"});
    let a = run("zaozhuang-2024", 2024, vec![unit.clone(), exam.clone()]);
    let b = run("zaozhuang-2024", 2024, vec![exam, unit]);
    assert_eq!(a.totals.professional, xueshi::report::Range { min: 30.0, max: Some(40.0) });
    assert_eq!(a.totals, b.totals);
    check(&a.lines[0], exact(30.0), Credited);
    check(&a.lines[1], upto(10.0), Capped);
    // Either way, no line exceeds its own amount and the cap holds at both ends.
    for r in [&a, &b] {
        let max: f64 = r.lines.iter().map(|l| l.hours.max.unwrap()).sum();
        let min: f64 = r.lines.iter().map(|l| l.hours.min).sum();
        assert!(max <= 40.0 && min <= 40.0);
    }
}

#[test]
fn compliance_met_possible_short() {
    let public = json!({"kind": "training", "subject": "public", "date": "2024-03-01", "hours": 30});
    let professional = json!({"kind": "training", "date": "2024-03-01", "hours": 60});
    let r = run("zaozhuang-2024", 2024, vec![public.clone(), professional.clone()]);
    assert_eq!(r.compliance, Compliance::Met);
    assert_eq!((r.shortfall.total, r.shortfall.public, r.shortfall.professional), (0.0, 0.0, 0.0));
    // 40 guaranteed + up to 40 more: it may reach 60, and is 20 short on the guaranteed hours.
    let r = run(
        "zaozhuang-2024",
        2024,
        vec![
            public.clone(),
            json!({"kind": "unitStudy", "hours": 20, "date": "2024-03-01"}),
            json!({"kind": "training", "date": "2024-03-01", "hours": 20}),
            json!({"kind": "selfStudyExam", "courses": 1, "date": "2024-04-01"}),
        ],
    );
    assert_eq!(r.compliance, Compliance::Possible);
    assert_eq!(r.shortfall.professional, 20.0);
    assert_eq!(r.shortfall.total, 20.0);
    let r = run("zaozhuang-2024", 2024, vec![public]);
    assert_eq!(r.compliance, Compliance::Short);
    assert_eq!((r.shortfall.total, r.shortfall.public, r.shortfall.professional), (60.0, 0.0, 60.0));
}

#[test]
fn activities_of_another_year_count_nothing() {
    for rs in ["xinjiang-2022", "aksu-2024", "zaozhuang-2024"] {
        let r = run(rs, 2024, vec![json!({"kind": "training", "date": "2025-01-01", "hours": 90})]);
        check(&r.lines[0], exact(0.0), OtherYear);
        assert_eq!(r.totals.total, exact(0.0));
    }
    // Year attribution comes before whether the document rates the kind at all.
    let l = line("bingtuan-2019", 2019, json!({"kind": "paper", "venue": "national", "authors": 1, "date": "2018-05-01"}));
    check(&l, exact(0.0), OtherYear);
}

#[test]
fn every_kind_is_accepted_by_every_document() {
    let sample = |kind: &str| -> Value {
        let spec = KINDS.iter().find(|k| k.kind == kind).unwrap();
        let mut a = json!({"kind": kind, "date": "2024-05-01"});
        for f in spec.fields.iter().filter(|f| f.required) {
            a[f.name] = match f.ty {
                FieldType::Number { .. } => json!(3),
                FieldType::Count { min, .. } => json!(min),
                FieldType::Choice { values } => json!(values[0]),
                FieldType::Flag => json!(true),
                FieldType::Date => json!("2024-12-31"),
            };
        }
        if spec.needs_time {
            a["days"] = json!(1);
        }
        // Leave and assignments take one of months, days or an end date.
        if spec.field("end").is_some() {
            a["months"] = json!(3);
        }
        a
    };
    let activities: Vec<Value> = KINDS.iter().map(|k| sample(k.kind)).collect();
    assert_eq!(activities.len(), 24);
    for rs in engine().rule_sets() {
        let r = run(&rs.id, 2024, activities.clone());
        assert_eq!(r.lines.len(), 24);
        for l in &r.lines {
            assert!(!l.explain.is_empty());
            assert!(l.hours.max.is_none_or(|m| m >= l.hours.min));
        }
    }
}

#[test]
fn json_text_in_and_out() {
    let report = engine()
        .evaluate_text(
            r#"{"year":2022,"ruleSets":["taian-2022"],"activities":[{"id":"p","kind":"paper","date":"2022-03-01","venue":"national","authors":3}]}"#,
        )
        .unwrap();
    let v: Value = serde_json::from_str(&serde_json::to_string(&report).unwrap()).unwrap();
    assert_eq!(v["results"][0]["lines"][0]["hours"], json!({"min": 41.67, "max": 41.67}));
    assert_eq!(v["results"][0]["lines"][0]["clause"]["ref"], json!("二（三）3"));
    let e = engine().evaluate_text("{\"year\": 2022,").unwrap_err();
    assert_eq!((e.code, e.path.as_str()), (ErrorCode::InvalidInput, "input"));
    let e = engine().evaluate_text(&format!("{}{}", "[".repeat(100_000), "]".repeat(100_000))).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidInput);
}

#[test]
fn odd_unknown_keys_are_quoted_in_the_path() {
    rejects(json!({"year": 2024, "activities": [], "": 1}), ErrorCode::InvalidInput, "[\"\"]");
    let e = error(json!({"year": 2024, "activities": [{"id": "a", "kind": "competition", "date": "2024-01-01", "a \"b\"": 1}]}));
    assert_eq!(e.path, "activities[0][\"a \\\"b\\\"\"]");
    let e = error(json!({"year": 2024, "activities": [], "k".repeat(10_000): 1}));
    assert_eq!(e.path, format!("[\"{}…\"]", "k".repeat(40)));
}

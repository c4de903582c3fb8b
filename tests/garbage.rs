//! Garbage in: whatever the value, `evaluate` returns a report or an error with a code
//! and a field path; it never panics. Generated trees, valid inputs with one field
//! spoiled, and the edge cases named in the contract (NaN, Infinity, -0, 1e308, 400 days).
#![cfg(not(target_arch = "wasm32"))]

mod arb;

use arb::*;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Value};
use std::borrow::Cow;
use std::sync::OnceLock;
use xueshi::json::Json;
use xueshi::schema::KINDS;
use xueshi::{Engine, Error, ErrorCode};

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new().expect("built-in rule sets"))
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

/// An error names a field path and says what is wrong, in both languages.
#[track_caller]
fn well_formed(e: &Error) {
    assert!(!e.path.is_empty() && !e.en.is_empty() && !e.zh.is_empty(), "empty part in {e:?}");
    assert!(!e.code.as_str().is_empty());
}

/// Evaluates and checks the outcome is a report or a well-formed error.
#[track_caller]
fn outcome(v: &Json) -> Result<xueshi::report::Report, Error> {
    let r = engine().evaluate(v);
    if let Err(e) = &r {
        well_formed(e);
    }
    r
}

#[track_caller]
fn refused(v: &Json, path: &str) -> Error {
    match outcome(v) {
        Ok(_) => panic!("accepted: {v:?}"),
        Err(e) => {
            assert_eq!(e.path, path, "{}", e.message());
            e
        }
    }
}

/// Words the engine looks for, so that generated trees get past the first checks often.
fn word() -> BoxedStrategy<String> {
    let mut words: Vec<String> =
        vec!["year", "ruleSets", "activities", "id", "kind", "date", "title", "2024-05-01", "2024-02-30", "xinjiang-2022", ""]
            .into_iter()
            .map(String::from)
            .collect();
    for k in KINDS {
        words.push(k.kind.into());
        words.extend(k.fields.iter().map(|f| f.name.to_string()));
    }
    prop_oneof![3 => select(words), 1 => any::<String>()].boxed()
}

fn number() -> BoxedStrategy<f64> {
    prop_oneof![
        3 => select(vec![0.0, -0.0, 1.0, 12.0, 366.0, 400.0, 2024.0, 1e308, -1e308, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, f64::MIN_POSITIVE, 0.5, -1.0, 4294967296.0]),
        2 => any::<f64>(),
        2 => (-100i64..10_000).prop_map(|n| n as f64),
    ]
    .boxed()
}

/// Any tree of JSON-like values, up to a few levels deep.
fn tree() -> BoxedStrategy<Json<'static>> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        number().prop_map(Json::Num),
        word().prop_map(|w| Json::Str(w.into())),
        select(vec!["NaN", "a function", "a BigInt", "a symbol"]).prop_map(|w| Json::Unsupported(w.into())),
    ];
    leaf.prop_recursive(5, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Json::Arr),
            proptest::collection::vec((word(), inner), 0..8).prop_map(|f| Json::Obj(f.into_iter().map(|(k, v)| (k.into(), v)).collect())),
        ]
    })
    .boxed()
}

/// A valid input with one thing spoiled: a field replaced by garbage, removed, or added.
fn spoiled() -> BoxedStrategy<Json<'static>> {
    (input(6), any::<prop::sample::Index>(), any::<prop::sample::Index>(), tree(), 0..3u8, word())
        .prop_map(|(v, which, field, junk, how, name)| {
            let mut j = to_json(&v);
            let Json::Obj(top) = &mut j else { unreachable!() };
            // The target: one activity if there are any (mostly), else the top object.
            let acts_at = top.iter().position(|(k, _)| k == "activities");
            let n_acts = match acts_at.map(|i| &top[i].1) {
                Some(Json::Arr(a)) => a.len(),
                _ => 0,
            };
            let target: &mut Vec<(Cow<'static, str>, Json<'static>)> = match acts_at {
                Some(i) if n_acts > 0 && which.index(4) > 0 => match &mut top[i].1 {
                    Json::Arr(acts) => match &mut acts[which.index(n_acts)] {
                        Json::Obj(f) => f,
                        _ => unreachable!(),
                    },
                    _ => unreachable!(),
                },
                _ => top,
            };
            match how {
                0 if !target.is_empty() => {
                    let i = field.index(target.len());
                    target[i].1 = junk;
                }
                1 if !target.is_empty() => {
                    target.remove(field.index(target.len()));
                }
                _ => {
                    if !target.iter().any(|(k, _)| **k == *name) {
                        target.push((name.into(), junk));
                    }
                }
            }
            j
        })
        .boxed()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_tree_gives_a_report_or_an_error(v in tree()) {
        let _ = outcome(&v);
    }

    #[test]
    fn a_spoiled_input_gives_a_report_or_an_error(v in spoiled()) {
        let _ = outcome(&v);
    }

    #[test]
    fn any_serde_json_value_reads_and_evaluates(v in tree()) {
        // Through JSON text, as every face hands it in: finite numbers only.
        if let Ok(text) = serde_json::to_string(&to_value(&v)) {
            if let Ok(j) = xueshi::json::parse(&text) {
                let _ = outcome(&j);
            }
        }
    }
}

/// Json back to serde_json (non-finite numbers become null, as JSON.stringify does).
fn to_value(j: &Json) -> Value {
    match j {
        Json::Null | Json::Unsupported(_) => Value::Null,
        Json::Bool(b) => json!(b),
        Json::Num(n) => serde_json::Number::from_f64(*n).map_or(Value::Null, Value::Number),
        Json::Str(s) => json!(s),
        Json::Arr(a) => Value::Array(a.iter().map(to_value).collect()),
        Json::Obj(f) => Value::Object(f.iter().map(|(k, v)| (k.to_string(), to_value(v))).collect()),
    }
}

fn one(activity: Value) -> Json<'static> {
    to_json(&json!({ "year": 2024, "activities": [activity] }))
}

/// One training with `hours` set to a raw number (serde_json cannot hold NaN or Infinity).
fn hours(n: f64) -> Json<'static> {
    let mut j = one(json!({ "id": "a", "kind": "training", "date": "2024-05-01", "hours": 1 }));
    if let Json::Obj(top) = &mut j {
        if let Some((_, Json::Arr(acts))) = top.iter_mut().find(|(k, _)| k == "activities") {
            if let Json::Obj(f) = &mut acts[0] {
                f.iter_mut().find(|(k, _)| k == "hours").unwrap().1 = Json::Num(n);
            }
        }
    }
    j
}

#[test]
fn numbers_beyond_a_year_are_refused_with_their_path() {
    for n in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e308, -1e308, -1.0, 366.0 * 24.0 + 0.01] {
        refused(&hours(n), "activities[0].hours");
    }
    // -0 is 0; the longest year is the most one activity can hold.
    assert_eq!(outcome(&hours(-0.0)).unwrap().results[0].lines[0].hours.min, 0.0);
    assert!(outcome(&hours(366.0 * 24.0)).is_ok());
    let days = |d: f64| one(json!({ "id": "a", "kind": "training", "date": "2024-05-01", "days": d }));
    refused(&days(400.0), "activities[0].days");
    assert!(outcome(&days(366.0)).is_ok());
    let minutes = one(json!({ "id": "a", "kind": "practice", "date": "2024-05-01", "minutes": 1e12 }));
    refused(&minutes, "activities[0].minutes");
    for m in [0.0, 13.0, 1.5, 1e308] {
        refused(&one(json!({ "id": "a", "kind": "assignment", "date": "2024-05-01", "months": m })), "activities[0].months");
    }
    refused(&one(json!({ "id": "a", "kind": "paper", "venue": "national", "date": "2024-05-01", "authors": 0 })), "activities[0].authors");
    for y in [json!(1e308), json!(-0.0), json!(2024.5), json!("2024"), json!(1989), json!(2101)] {
        refused(&to_json(&json!({ "year": y, "activities": [] })), "year");
    }
}

#[test]
fn wrong_types_and_shapes_name_their_field() {
    refused(&Json::Null, "input");
    refused(&Json::Arr(vec![]), "input");
    refused(&to_json(&json!({ "year": 2024 })), "activities");
    refused(&to_json(&json!({ "year": 2024, "activities": {} })), "activities");
    refused(&to_json(&json!({ "year": 2024, "activities": [], "extra": 1 })), "extra");
    refused(&to_json(&json!({ "year": 2024, "activities": [], "ruleSets": [] })), "ruleSets");
    let e = refused(&to_json(&json!({ "year": 2024, "activities": [], "ruleSets": ["nowhere-2020"] })), "ruleSets[0]");
    assert_eq!(e.code, ErrorCode::UnknownRuleSet);
    let e = refused(&one(json!({ "id": "a", "kind": "nap", "date": "2024-05-01" })), "activities[0].kind");
    assert_eq!(e.code, ErrorCode::UnknownKind);
    refused(&one(json!({ "id": "a", "kind": "training", "date": "2024-02-30", "hours": 1 })), "activities[0].date");
    refused(&one(json!({ "id": "a", "kind": "training", "date": "2024-5-1", "hours": 1 })), "activities[0].date");
    refused(&one(json!({ "id": "a", "kind": "training", "date": "2024-05-01" })), "activities[0].hours");
    refused(&one(json!({ "id": "a", "kind": "training", "date": "2024-05-01", "hours": "8" })), "activities[0].hours");
    refused(&one(json!({ "id": "a", "kind": "training", "date": "2024-05-01", "hours": 1, "venue": "national" })), "activities[0].venue");
    refused(&one(json!({ "id": "", "kind": "other", "date": "2024-05-01", "hours": 1 })), "activities[0].id");
    let dup = json!({ "id": "a", "kind": "other", "date": "2024-05-01", "hours": 1 });
    refused(&to_json(&json!({ "year": 2024, "activities": [dup, dup] })), "activities[1].id");
}

#[test]
fn an_unknown_field_with_an_empty_or_odd_name_still_has_a_path() {
    for key in ["", ".", "[0]", " "] {
        let e = outcome(&to_json(&json!({ "year": 2024, "activities": [], key: 1 }))).unwrap_err();
        assert!(!e.path.is_empty(), "{key:?}: {e:?}");
        let e = outcome(&one(json!({ "id": "a", "kind": "other", "date": "2024-05-01", "hours": 1, key: 1 }))).unwrap_err();
        assert!(e.path.starts_with("activities[0]"), "{key:?}: {e:?}");
    }
}

#[test]
fn huge_strings_and_arrays_are_refused_cheaply() {
    let big = "学".repeat(10 * 1024 * 1024 / 3);
    refused(&one(json!({ "id": "a", "kind": "other", "date": "2024-05-01", "hours": 1, "title": big })), "activities[0].title");
    refused(&one(json!({ "id": big, "kind": "other", "date": "2024-05-01", "hours": 1 })), "activities[0].id");
    refused(&one(json!({ "id": "a", "kind": big, "date": "2024-05-01", "hours": 1 })), "activities[0].kind");
    let many = Json::Obj(vec![("year".into(), Json::Num(2024.0)), ("activities".into(), Json::Arr(vec![Json::Null; 1_000_000]))]);
    refused(&many, "activities");
}

mod text {
    use super::*;

    #[track_caller]
    fn outcome(text: &str) -> Result<String, Error> {
        let r = engine().evaluate_text(text).map(|report| serde_json::to_string(&report).expect("a report serialises"));
        match &r {
            Err(e) => well_formed(e),
            Ok(out) => assert!(serde_json::from_str::<Value>(out).is_ok(), "the report is JSON"),
        }
        r
    }

    /// Text that is almost JSON: brackets, quotes, digits, the engine's words.
    fn jsonish() -> BoxedStrategy<String> {
        proptest::collection::vec(
            prop_oneof![
                select(vec!["{", "}", "[", "]", ",", ":", "\"", "null", "true", "-0", "1e308", "NaN", "\\u0000", "\\ud800", " "])
                    .prop_map(String::from),
                word().prop_map(|w| format!("\"{w}\"")),
                any::<i32>().prop_map(|n| n.to_string()),
            ],
            0..40,
        )
        .prop_map(|parts| parts.concat())
        .boxed()
    }

    /// Valid input text with a few characters changed, removed or added.
    fn mangled() -> BoxedStrategy<String> {
        (input(4), proptest::collection::vec((any::<prop::sample::Index>(), 0..3u8, any::<char>()), 1..4))
            .prop_map(|(v, edits)| {
                let mut chars: Vec<char> = serde_json::to_string(&v).unwrap().chars().collect();
                for (at, how, c) in edits {
                    let i = at.index(chars.len());
                    match how {
                        0 => chars[i] = c,
                        1 => {
                            chars.remove(i);
                        }
                        _ => chars.insert(i, c),
                    }
                }
                chars.into_iter().collect()
            })
            .boxed()
    }

    proptest! {
        #![proptest_config(config())]

        #[test]
        fn any_string(s in any::<String>()) {
            let _ = outcome(&s);
        }

        #[test]
        fn almost_json(s in jsonish()) {
            let _ = outcome(&s);
        }

        #[test]
        fn mangled_valid_input(s in mangled()) {
            let _ = outcome(&s);
        }

        #[test]
        fn valid_input_as_text(v in input(8)) {
            let out = outcome(&serde_json::to_string(&v).unwrap()).expect("valid input");
            let direct = serde_json::to_string(&engine().evaluate(&to_json(&v)).unwrap()).unwrap();
            prop_assert_eq!(out, direct);
        }
    }

    /// The fuzz seeds say what they are: valid-* evaluate, invalid-* are refused.
    #[test]
    fn fuzz_seeds_are_what_their_names_say() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/seeds");
        let mut n = 0;
        for entry in std::fs::read_dir(dir).expect("fuzz/seeds") {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let r = outcome(&std::fs::read_to_string(&path).unwrap());
            assert_eq!(r.is_ok(), name.starts_with("valid-"), "{name}: {:?}", r.err());
            n += 1;
        }
        assert!(n >= 12, "{n} seeds");
    }

    #[test]
    fn extreme_numbers_in_text() {
        for n in [
            "0.1e-99999999999",
            "1e-99999999999",
            "1e99999999999",
            "-0.0e-2147483648",
            "9".repeat(400).as_str(),
            "0.00000000000000000000000000001e-400",
            "1E+2147483647",
        ] {
            let _ = outcome(&format!("{{\"year\":{n},\"activities\":[]}}"));
            let _ = outcome(&format!("{{\"year\":2024,\"activities\":[{{\"id\":\"a\",\"kind\":\"other\",\"date\":\"2024-05-01\",\"hours\":{n}}}]}}"));
        }
    }

    #[test]
    fn deep_nesting_and_long_arrays_are_refused() {
        // Refused with some path (the parser may name where it stopped); never a stack overflow.
        for depth in [33, 129, 10_000, 1_000_000] {
            let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            assert!(outcome(&text).is_err());
            let text = format!("{}{}", "{\"a\":".repeat(depth), "}".repeat(depth));
            assert!(outcome(&text).is_err());
        }
        let text = format!("{{\"year\":2024,\"activities\":[{}null]}}", "null,".repeat(999_999));
        assert!(outcome(&text).unwrap_err().path.starts_with("activities"));
        for bad in
            ["", " ", "{", "nul", "{\"year\":2024,\"activities\":[]} x", "{\"year\":NaN,\"activities\":[]}", "{\"year\":1e400,\"activities\":[]}"]
        {
            assert!(outcome(bad).is_err(), "{bad:?}");
        }
        let dup = "{\"year\":2024,\"year\":2025,\"activities\":[]}";
        assert_eq!(outcome(dup).unwrap_err().path, "input");
    }
}

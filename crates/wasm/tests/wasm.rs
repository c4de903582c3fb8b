//! The JS facade in headless Chromium: JS objects in, report out, errors are `Error`s
//! carrying `code` and `path`. Run by `make test-wasm` (wasm-pack test).
#![cfg(target_arch = "wasm32")]

use js_sys::{Error, Reflect, JSON};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use xueshi_wasm as wasm;

wasm_bindgen_test_configure!(run_in_browser);

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON")
}

fn to_value(v: JsValue) -> Value {
    serde_json::from_str(&String::from(JSON::stringify(&v).expect("plain JS data"))).expect("JSON")
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn evaluate_takes_a_js_object_and_returns_the_report() {
    let input = js(r#"{"year": 2022, "ruleSets": ["taian-2022"], "activities": [
        {"id": "p1", "kind": "paper", "date": "2022-03-01", "venue": "national", "authors": 3, "title": "论文"}]}"#);
    let report = to_value(wasm::evaluate(input).expect("valid input"));
    let line = &report["results"][0]["lines"][0];
    assert_eq!(line["activity"], json!("p1"));
    assert_eq!(line["hours"], json!({"min": 41.67, "max": 41.67}));
    assert_eq!(line["status"], json!("credited"));
    assert_eq!(line["clause"]["ref"], json!("二（三）3"));
    assert_eq!(report["results"][0]["compliance"], json!("short"));
}

#[wasm_bindgen_test]
fn absent_maxima_and_clauses_are_null_not_undefined() {
    let input = js(r#"{"year": 2022, "ruleSets": ["taian-2022"], "activities": [
        {"id": "b", "kind": "book", "date": "2022-03-01", "role": "author"},
        {"id": "x", "kind": "patent", "date": "2022-03-01", "type": "design"}]}"#);
    let report = wasm::evaluate(input).unwrap();
    let lines = get(&get(&report, "results").dyn_into::<js_sys::Array>().unwrap().get(0), "lines");
    let lines: js_sys::Array = lines.dyn_into().unwrap();
    assert!(get(&get(&lines.get(0), "hours"), "max").is_null());
    assert!(get(&lines.get(1), "clause").is_null());
}

#[wasm_bindgen_test]
fn errors_are_js_errors_with_code_and_path() {
    let cases = [
        (
            r#"{"year": 2024, "activities": [{"id": "a", "kind": "paper", "date": "2024-01-01", "venue": "national", "authors": 0}]}"#,
            "invalidInput",
            "activities[0].authors",
        ),
        (r#"{"year": 2024, "activities": [{"id": "a", "kind": "poster", "date": "2024-01-01"}]}"#, "unknownKind", "activities[0].kind"),
        (r#"{"year": 2024, "ruleSets": ["mars-2099"], "activities": []}"#, "unknownRuleSet", "ruleSets[0]"),
        (r#"{"year": 2024, "activities": [], "extra": 1}"#, "invalidInput", "extra"),
        ("null", "invalidInput", "input"),
    ];
    for (input, code, path) in cases {
        let err = wasm::evaluate(js(input)).expect_err(input);
        let err: Error = err.dyn_into().expect("an Error");
        assert_eq!(get(&err, "code").as_string().as_deref(), Some(code), "{input}");
        assert_eq!(get(&err, "path").as_string().as_deref(), Some(path), "{input}");
        assert!(String::from(err.message()).starts_with(&format!("{path}: ")));
        assert!(get(&err, "messageZh").as_string().is_some());
    }
}

#[wasm_bindgen_test]
fn js_only_values_are_errors_not_traps() {
    for bad in [JsValue::UNDEFINED, JsValue::from_f64(f64::NAN), JsValue::from_str("{}"), js_sys::Function::new_no_args("").into()] {
        let err = wasm::evaluate(bad).expect_err("rejected");
        assert!(get(&err, "code").as_string().is_some());
    }
    let nan = js(r#"{"year": 2024, "activities": [{"id": "t", "kind": "training", "date": "2024-01-01"}]}"#);
    let activity = js_sys::Array::from(&get(&nan, "activities")).get(0);
    Reflect::set(&activity, &"hours".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    let err = wasm::evaluate(nan).expect_err("NaN hours");
    assert_eq!(get(&err, "path").as_string().as_deref(), Some("activities[0].hours"));
    // After all that the module still works.
    assert!(wasm::evaluate(js(r#"{"year": 2024, "activities": []}"#)).is_ok());
}

#[wasm_bindgen_test]
fn rule_sets_and_version() {
    let sets = to_value(wasm::rule_sets().unwrap());
    assert_eq!(sets.as_array().unwrap().len(), 5);
    assert_eq!(sets[0]["id"], json!("xinjiang-2022"));
    assert_eq!(sets[0]["governs"], json!({"from": "2023-02-01", "to": "2028-01-31"}));
    assert_eq!(sets[2]["docNumber"], Value::Null);
    assert_eq!(wasm::version(), env!("CARGO_PKG_VERSION"));
    let kinds = to_value(wasm::activity_kinds().unwrap());
    assert_eq!(kinds.as_array().unwrap().len(), 24);
}

/// The flat wire format (wire.rs, js/wire.js) must rebuild exactly the report that
/// serde describes, on the first call (shapes and text sent) and later ones (reused).
#[wasm_bindgen_test]
fn the_wire_rebuilds_the_same_report_as_serde() {
    let text = r#"{"year": 2024, "activities": [
        {"id": "t1", "kind": "training", "subject": "public", "date": "2024-02-01", "hours": 30},
        {"id": "t2", "kind": "training", "date": "2024-03-01", "days": 2, "minutes": 100},
        {"id": "p1", "kind": "paper", "date": "2024-04-01", "venue": "national", "authors": 3, "title": "甲"},
        {"id": "p2", "kind": "paper", "date": "2024-04-02", "venue": "national", "authors": 1},
        {"id": "b1", "kind": "book", "date": "2024-05-01", "role": "author"},
        {"id": "as", "kind": "assignment", "date": "2024-12-01", "months": 6},
        {"id": "lv", "kind": "leave", "date": "2024-08-01", "reason": "maternity", "months": 4},
        {"id": "c1", "kind": "conference", "date": "2024-06-01", "level": "city", "days": 1},
        {"id": "d1", "kind": "degree", "date": "2025-06-01", "level": "doctor", "mode": "study"},
        {"id": "o1", "kind": "other", "date": "2023-06-01", "hours": 4},
        {"id": "名称 \"引号\" 😀", "kind": "competition", "date": "2024-06-01"}]}"#;
    let native = serde_json::to_value(xueshi::Engine::new().unwrap().evaluate_text(text).unwrap()).unwrap();
    for _ in 0..2 {
        let via_wire = wasm::evaluate(js(text)).unwrap();
        let via_wire: Value = serde_json::from_str(&String::from(JSON::stringify(&via_wire).unwrap())).unwrap();
        assert_eq!(first_difference(&via_wire, &native, "report"), None);
    }
}

/// Where two JSON values first differ, for a readable failure.
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            keys.into_iter().find_map(|k| {
                first_difference(x.get(k).unwrap_or(&Value::Null), y.get(k).unwrap_or(&Value::Null), &format!("{path}.{k}"))
                    .or_else(|| (x.contains_key(k) != y.contains_key(k)).then(|| format!("{path}.{k} present on one side only")))
            })
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            x.iter().zip(y).enumerate().find_map(|(i, (p, q))| first_difference(p, q, &format!("{path}[{i}]")))
        }
        (Value::Number(x), Value::Number(y)) if x.as_f64() == y.as_f64() => None,
        _ if a == b => None,
        _ => Some(format!("{path}: {a} ≠ {b}")),
    }
}

#[wasm_bindgen_test]
fn a_rule_set_exported_and_loaded_under_another_id_gives_the_same_results() {
    let mut doc = to_value(wasm::export_rule_set("taian-2022").unwrap());
    assert_eq!(doc["format"], json!("xueshi-rule-set/1"));
    doc["id"] = json!("taian-copy");
    let info = to_value(wasm::load_rule_set(js(&doc.to_string())).unwrap());
    assert_eq!((info["id"].clone(), info["builtIn"].clone()), (json!("taian-copy"), json!(false)));
    let input = |id: &str| {
        js(&format!(
            r#"{{"year": 2022, "ruleSets": ["{id}"], "activities": [
        {{"id": "p", "kind": "paper", "date": "2022-03-01", "venue": "national", "authors": 3}}]}}"#
        ))
    };
    let mut a = to_value(wasm::evaluate(input("taian-2022")).unwrap());
    let b = to_value(wasm::evaluate(input("taian-copy")).unwrap());
    a["results"][0]["ruleSet"] = json!("taian-copy");
    assert_eq!(first_difference(&a, &b, "report"), None);
    wasm::remove_rule_set("taian-copy").unwrap();
    let err = wasm::evaluate(input("taian-copy")).expect_err("removed");
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("unknownRuleSet"));
}

#[wasm_bindgen_test]
fn a_bad_rule_set_is_an_error_with_its_path_and_the_module_still_works() {
    let err = wasm::load_rule_set(js(r#"{"format": "xueshi-rule-set/1", "id": "x"}"#)).expect_err("incomplete");
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("invalidRuleSet"));
    assert_eq!(get(&err, "path").as_string().as_deref(), Some("title"));
    let err = wasm::load_rule_set(JsValue::from_str(&"{".repeat(2_000_000))).expect_err("garbage");
    assert_eq!(get(&err, "code").as_string().as_deref(), Some("invalidRuleSet"));
    assert!(wasm::evaluate(js(r#"{"year": 2024, "activities": []}"#)).is_ok());
    let schema = to_value(wasm::rule_set_schema());
    assert_eq!(schema["properties"]["format"]["enum"], json!(["xueshi-rule-set/1"]));
}

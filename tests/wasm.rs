//! The JS facade in headless Chromium: JS objects in, report out, errors are `Error`s
//! carrying `code` and `path`. Run by `make test-wasm` (wasm-pack test).
#![cfg(target_arch = "wasm32")]

use js_sys::{Error, Reflect, JSON};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use xueshi::wasm;

wasm_bindgen_test_configure!(run_in_browser);

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON")
}

fn to_value(v: JsValue) -> Value {
    serde_wasm_bindgen::from_value(v).expect("plain JS data")
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
        (r#"{"year": 2024, "activities": [{"id": "a", "kind": "paper", "date": "2024-01-01", "venue": "national", "authors": 0}]}"#, "invalidInput", "activities[0].authors"),
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

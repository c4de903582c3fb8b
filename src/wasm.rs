//! The JS facade: the input crosses as JSON text and the report as a flat array (both
//! ends in js/wire.js); rule set info and the kind schema go through serde-wasm-bindgen.
//! Errors become `Error`s carrying `code`, `path` and `messageZh`.

use crate::input::InputError;
use js_sys::{Error, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/wire.js")]
extern "C" {
    #[wasm_bindgen(js_name = encodeInput)]
    fn encode_input(value: &JsValue) -> String;
    #[wasm_bindgen(js_name = decodeReport)]
    fn decode_report(nums: &[f64], text: &[u16]) -> JsValue;
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
export type Subject = "public" | "professional";
export type Status = "credited" | "capped" | "deemed" | "upTo" | "undetermined" | "notCovered" | "otherYear";
export interface Range { min: number; max: number | null }
export interface Hours3 { total: number; public: number; professional: number }
export interface Activity { id: string; kind: string; date: string; title?: string; [field: string]: unknown }
export interface Input { year: number; ruleSets?: string[]; activities: Activity[] }
export interface Line {
  activity: string; subject: Subject; hours: Range; status: Status;
  clause: { ref: string; quote: string } | null; explain: string;
  parts?: { subject: Subject; hours: Range }[];
}
export interface RuleSetResult {
  ruleSet: string; title: string; applies: { inForce: boolean; note: string }; lines: Line[];
  totals: { public: Range; professional: Range; total: Range }; requirement: Hours3;
  deemed: { public: boolean; professional: boolean }; compliance: "met" | "possible" | "short";
  shortfall: Hours3; notes: string[];
}
export interface Report { year: number; results: RuleSetResult[] }
export interface RuleSetInfo {
  id: string; title: string; issuer: string; docNumber: string | null; region: string;
  governs: { from: string; to: string };
  requirement: { total: number; public: number; professional: number; professionalShare?: number };
}
export interface FieldSpec {
  name: string; type: "number" | "count" | "choice" | "flag"; required: boolean;
  default?: string | number | boolean; values?: string[]; min?: number; max?: number;
}
export interface KindSpec { kind: string; needsTime: boolean; fields: FieldSpec[] }
/** Thrown by `evaluate`: `message` is "path: what is wrong". */
export interface XueshiError extends Error { code: "invalidInput" | "unknownKind" | "unknownRuleSet"; path: string; messageZh: string }
"#;

thread_local! {
    static STATICS: std::cell::RefCell<crate::wire::Statics> = Default::default();
}

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    // `null` for absent values, plain objects rather than Maps.
    let s = serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true).serialize_maps_as_objects(true);
    value.serialize(&s).map_err(|e| JsValue::from(Error::new(&e.to_string())))
}

fn js_error(e: &InputError) -> JsValue {
    let err = Error::new(&e.message());
    for (key, value) in [("code", e.code.as_str().to_owned()), ("path", e.path.clone()), ("messageZh", e.message_zh())] {
        let _ = Reflect::set(&err, &JsValue::from_str(key), &JsValue::from_str(&value));
    }
    err.into()
}

/// The built-in rule sets, in the contract's order.
#[wasm_bindgen(js_name = ruleSets, unchecked_return_type = "RuleSetInfo[]")]
pub fn rule_sets() -> Result<JsValue, JsValue> {
    to_js(&crate::rule_set_infos())
}

/// The schema of every activity kind: fields, types, bounds, defaults.
#[wasm_bindgen(js_name = activityKinds, unchecked_return_type = "KindSpec[]")]
pub fn activity_kinds() -> Result<JsValue, JsValue> {
    to_js(crate::input::KINDS)
}

/// Credits the input's activities under each requested rule set.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn evaluate(#[wasm_bindgen(unchecked_param_type = "Input")] input: JsValue) -> Result<JsValue, JsValue> {
    let text = encode_input(&input);
    let value = crate::read_json(&text).map_err(|e| js_error(&e))?;
    let report = crate::evaluate(&value).map_err(|e| js_error(&e))?;
    Ok(STATICS.with_borrow_mut(|statics| {
        let mut wire = crate::wire::Wire::new(statics);
        wire.report(&report);
        decode_report(&wire.nums, &wire.text)
    }))
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_owned()
}

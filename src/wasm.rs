//! The JS facade: the input crosses as JSON text and the report as a flat array (both
//! ends in js/wire.js); rule set info and the kind schema go through serde-wasm-bindgen.
//! Errors become `Error`s carrying `code`, `path` and `messageZh`.

use crate::input::{ErrorCode, InputError};
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
#[wasm_bindgen(js_name = ruleSets)]
pub fn rule_sets() -> Result<JsValue, JsValue> {
    to_js(&crate::rule_set_infos())
}

/// The schema of every activity kind: fields, types, bounds, defaults.
#[wasm_bindgen(js_name = activityKinds)]
pub fn activity_kinds() -> Result<JsValue, JsValue> {
    to_js(crate::input::KINDS)
}

/// Credits the input's activities under each requested rule set.
#[wasm_bindgen]
pub fn evaluate(input: JsValue) -> Result<JsValue, JsValue> {
    let text = encode_input(&input);
    let value = crate::json::parse(&text).map_err(|(path, what)| {
        let path = if path.is_empty() { "input".to_owned() } else { path };
        js_error(&InputError::new(ErrorCode::InvalidInput, path, format!("cannot be read: {what}"), format!("无法读取：{what}")))
    })?;
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

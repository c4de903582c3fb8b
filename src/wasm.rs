//! The JS facade: JS values in and out through serde-wasm-bindgen; errors become
//! `Error`s carrying `code`, `path` and `messageZh`.

use crate::input::{ErrorCode, InputError};
use crate::json::Json;
use js_sys::{Error, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    // `null` for absent maxima and clauses, plain objects rather than Maps.
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
    let value = Json::read(serde_wasm_bindgen::Deserializer::from(input)).map_err(|e| {
        js_error(&InputError::new(ErrorCode::InvalidInput, "input", format!("cannot be read: {e}"), format!("无法读取：{e}")))
    })?;
    let report = crate::evaluate(&value).map_err(|e| js_error(&e))?;
    to_js(&report)
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_owned()
}

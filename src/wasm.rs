//! The JS facade: JS values in and out through serde-wasm-bindgen; errors become
//! `Error`s carrying `code`, `path` and `messageZh`.

use crate::input::{ErrorCode, InputError};
use crate::json::{Json, MAX_DEPTH, MAX_FIELDS, MAX_ITEMS};
use js_sys::{Array, Error, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/js/wire.js")]
extern "C" {
    #[wasm_bindgen(js_name = decodeReport)]
    fn decode_report(nums: &[f64], text: &[u16]) -> JsValue;
}

thread_local! {
    static STATICS: std::cell::RefCell<crate::wire::Statics> = Default::default();
}

#[wasm_bindgen]
extern "C" {
    // `catch`: a Proxy whose ownKeys trap throws becomes an error, not an exception
    // unwinding through wasm.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(o: &JsValue) -> Result<Array, JsValue>;
}

/// Reads a JS value as plain JSON data: what JSON.stringify would keep, with `undefined`
/// as null; anything else (symbols, BigInts, functions, throwing getters) is an error
/// naming the path. Written by hand rather than through serde so that no float
/// formatting from serde's error messages ends up in the wasm.
fn read(v: &JsValue, depth: u32) -> Result<Json, (String, String)> {
    let fail = |what: String| Err((String::new(), what));
    if depth > MAX_DEPTH {
        return fail(format!("nested more than {MAX_DEPTH} levels deep"));
    }
    if v.is_null() || v.is_undefined() {
        return Ok(Json::Null);
    }
    if let Some(b) = v.as_bool() {
        return Ok(Json::Bool(b));
    }
    if let Some(n) = v.as_f64() {
        return Ok(Json::Num(n));
    }
    if let Some(s) = v.as_string() {
        return Ok(Json::Str(s));
    }
    let thrown = |e: JsValue| (String::new(), format!("reading it threw: {}", e.as_string().or_else(|| e.dyn_ref::<Error>().map(|e| e.message().into())).unwrap_or_default()));
    if Array::is_array(v) {
        let arr: &Array = v.unchecked_ref();
        let len = arr.length();
        if len as usize > MAX_ITEMS {
            return fail(format!("an array longer than {MAX_ITEMS} items"));
        }
        let mut items = Vec::with_capacity(len as usize);
        for i in 0..len {
            let item = Reflect::get_u32(arr, i).map_err(thrown)?;
            items.push(read(&item, depth + 1).map_err(|(p, w)| (format!("[{i}]{}", dot(&p)), w))?);
        }
        return Ok(Json::Arr(items));
    }
    if v.is_object() {
        let keys = object_keys(v).map_err(thrown)?;
        if keys.length() as usize > MAX_FIELDS {
            return fail(format!("an object with more than {MAX_FIELDS} fields"));
        }
        let mut fields = Vec::with_capacity(keys.length() as usize);
        for key in keys.iter() {
            let name = key.as_string().unwrap_or_default();
            let value = Reflect::get(v, &key).map_err(|e| (name.clone(), thrown(e).1))?;
            let value = read(&value, depth + 1).map_err(|(p, w)| (format!("{name}{}", dot(&p)), w))?;
            fields.push((name, value));
        }
        return Ok(Json::Obj(fields));
    }
    fail(format!("a {}, which JSON cannot hold", v.js_typeof().as_string().unwrap_or_default()))
}

/// Joins a child path: `.title` after a key, `[2]` as is.
fn dot(p: &str) -> String {
    if p.is_empty() || p.starts_with('[') {
        p.to_owned()
    } else {
        format!(".{p}")
    }
}

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
    let value = read(&input, 0).map_err(|(path, what)| {
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

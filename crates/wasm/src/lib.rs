//! The JS facade of the engine: one `Engine` per wasm instance. Values cross in as JSON
//! text (`js/wire.js` encodes them) and come back in the flat form of `wire.rs`, rebuilt
//! by `js/wire.js`. Errors become `Error`s carrying `code`, `path` and `messageZh`.

pub mod wire;

use js_sys::{Error, Reflect};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use xueshi::Engine;

#[wasm_bindgen(module = "/js/wire.js")]
extern "C" {
    #[wasm_bindgen(js_name = encodeInput)]
    fn encode_input(value: &JsValue) -> String;
    #[wasm_bindgen(js_name = decodeValue, catch)]
    fn decode_value(nums: &[f64], text: &[u16], build: u32) -> Result<JsValue, JsValue>;
    #[cfg(feature = "authoring")]
    #[wasm_bindgen(js_name = parseJson)]
    fn parse_json(text: &str) -> JsValue;
}

// The report's types are generated from the engine's declarations (js/report.d.ts, by
// tests/generated.rs); the input's are written here, as the engine reads it by hand.
#[wasm_bindgen(typescript_custom_section)]
const REPORT_TYPES: &str = include_str!("../js/report.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const INPUT_TYPES: &str = r#"
export interface Activity { id: string; kind: string; date: string; title?: string; makeUpFor?: number; [field: string]: unknown }
export interface Input {
  year: number; ruleSets?: string[]; activities: Activity[];
  lang?: "zh" | "en"; profile?: { employer?: "enterprise" | "institution" | "government" };
}
export type YearsInput = Omit<Input, "year"> & { from: number; to: number };
/** A rule set document: see RULESETS.md and ruleSetSchema(). */
export type RuleSetDocument = { format: "xueshi-rule-set/1"; id: string; [field: string]: unknown };
/** Thrown by every function: `message` is "path: what is wrong" (English). */
export interface XueshiError extends Error {
  code: "invalidInput" | "unknownKind" | "unknownRuleSet" | "invalidRuleSet"; path: string; messageZh: string;
}
"#;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

thread_local! {
    static ENGINE: RefCell<Option<Result<Engine, xueshi::Error>>> = const { RefCell::new(None) };
    static SENT: RefCell<wire::Sent> = RefCell::new(wire::Sent::default());
}

fn js_error(e: &xueshi::Error) -> JsValue {
    let err = Error::new(&e.message());
    for (key, value) in [("code", e.code.as_str().to_owned()), ("path", e.path.clone()), ("messageZh", e.message_zh())] {
        let _ = Reflect::set(&err, &JsValue::from_str(key), &JsValue::from_str(&value));
    }
    err.into()
}

/// The engine with the built-in rule sets: read from their documents where this build can
/// read documents, else from their compact form written at build time.
fn built_in() -> Result<Engine, xueshi::Error> {
    #[cfg(feature = "authoring")]
    return Engine::new();
    #[cfg(not(feature = "authoring"))]
    return Engine::from_compiled(include_bytes!(concat!(env!("OUT_DIR"), "/built-in.xrs")));
}

/// Runs `f` on the instance's engine, made with the built-in rule sets on first use.
fn with_engine<R>(f: impl FnOnce(&mut Engine) -> Result<R, JsValue>) -> Result<R, JsValue> {
    ENGINE.with_borrow_mut(|slot| match slot.get_or_insert_with(built_in) {
        Ok(engine) => f(engine),
        Err(e) => Err(js_error(e)),
    })
}

/// Which build this is, for js/wire.js to keep each build's texts and shapes apart when
/// both run in one page (they share that module).
const BUILD: u32 = if cfg!(feature = "authoring") { 1 } else { 0 };

/// A value sent to JS through the wire; what JS learns is recorded only once it has it.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    SENT.with_borrow_mut(|sent| {
        let mut wire = wire::Wire::new(sent);
        wire.write(value).map_err(|e| JsValue::from(Error::new(&e.to_string())))?;
        match decode_value(&wire.nums, &wire.text, BUILD) {
            Ok(v) => {
                wire.commit();
                Ok(v)
            }
            Err(err) => {
                wire.roll_back();
                Err(err)
            }
        }
    })
}

// The calculator build's infos of its built-in rule sets, generated from them as JS
// (tests/generated.rs keeps it current).
#[cfg(not(feature = "authoring"))]
#[wasm_bindgen(module = "/js/built-in.js")]
extern "C" {
    /// The activity kinds when `kinds`, else the rule set infos.
    #[wasm_bindgen(js_name = builtIn)]
    fn built_in_infos(kinds: bool) -> JsValue;
}

/// The rule sets the engine holds: the built-in ones in the contract's order, then those
/// loaded.
#[wasm_bindgen(js_name = ruleSets, unchecked_return_type = "RuleSetInfo[]")]
pub fn rule_sets() -> Result<JsValue, JsValue> {
    #[cfg(feature = "authoring")]
    return with_engine(|e| to_js(&e.rule_sets()));
    // A build that loads no documents has only the built-in ones.
    #[cfg(not(feature = "authoring"))]
    return Ok(built_in_infos(false));
}

/// The schema of every activity kind: fields, types, bounds, defaults, and the fields
/// loaded rule sets declare.
#[wasm_bindgen(js_name = activityKinds, unchecked_return_type = "KindSpec[]")]
pub fn activity_kinds() -> Result<JsValue, JsValue> {
    #[cfg(feature = "authoring")]
    return with_engine(|e| to_js(&e.kinds()));
    #[cfg(not(feature = "authoring"))]
    return Ok(built_in_infos(true));
}

/// Credits the input's activities under each requested rule set.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn evaluate(#[wasm_bindgen(unchecked_param_type = "Input")] input: JsValue) -> Result<JsValue, JsValue> {
    let text = encode_input(&input);
    with_engine(|e| to_js(&e.evaluate_text(&text).map_err(|e| js_error(&e))?))
}

#[cfg(feature = "authoring")]
/// One Report a year from `from` to `to` (at most 10), the same activities attributed
/// by date, make-up study in the year it makes up.
#[wasm_bindgen(js_name = evaluateYears, unchecked_return_type = "YearsReport")]
pub fn evaluate_years(#[wasm_bindgen(unchecked_param_type = "YearsInput")] input: JsValue) -> Result<JsValue, JsValue> {
    let text = encode_input(&input);
    with_engine(|e| to_js(&e.evaluate_years_text(&text).map_err(|e| js_error(&e))?))
}

#[cfg(feature = "authoring")]
/// Ways to close the input's shortfall under one rule set, guaranteed hours first.
#[wasm_bindgen(unchecked_return_type = "Plan")]
pub fn plan(
    #[wasm_bindgen(unchecked_param_type = "Input")] input: JsValue,
    #[wasm_bindgen(js_name = ruleSetId)] rule_set_id: &str,
) -> Result<JsValue, JsValue> {
    let text = encode_input(&input);
    with_engine(|e| to_js(&e.plan_text(&text, rule_set_id).map_err(|e| js_error(&e))?))
}

#[cfg(feature = "authoring")]
/// Checks a rule set document (an object, or its JSON text) and registers it by its id
/// for later `evaluate` calls, replacing a loaded one of the same id.
#[wasm_bindgen(js_name = loadRuleSet, unchecked_return_type = "RuleSetInfo")]
pub fn load_rule_set(#[wasm_bindgen(unchecked_param_type = "RuleSetDocument | string")] doc: JsValue) -> Result<JsValue, JsValue> {
    let text = doc.as_string().unwrap_or_else(|| encode_input(&doc));
    with_engine(|e| e.load_text(&text).map_err(|e| js_error(&e)).and_then(|info| to_js(&info)))
}

#[cfg(feature = "authoring")]
/// Removes a loaded rule set.
#[wasm_bindgen(js_name = removeRuleSet)]
pub fn remove_rule_set(id: &str) -> Result<(), JsValue> {
    with_engine(|e| e.remove(id).map_err(|e| js_error(&e)))
}

#[cfg(feature = "authoring")]
/// A rule set as the plain JSON document it was read from.
#[wasm_bindgen(js_name = exportRuleSet, unchecked_return_type = "RuleSetDocument")]
pub fn export_rule_set(id: &str) -> Result<JsValue, JsValue> {
    with_engine(|e| e.export(id).map(parse_json).map_err(|e| js_error(&e)))
}

#[cfg(feature = "authoring")]
/// The JSON Schema of a rule set document.
#[wasm_bindgen(js_name = ruleSetSchema)]
pub fn rule_set_schema() -> JsValue {
    parse_json(&xueshi::ruleset::form::schema())
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    xueshi::VERSION.to_owned()
}

//! xueshi (学时): credits a professional's continuing-education activities under each
//! document's rules, cites the clause behind every number and says what is still short.
//!
//! The engine knows nothing of JS; `wasm` is the thin facade that the page calls.

pub mod engine;
pub mod hours;
pub mod input;
pub mod json;
pub mod model;
pub mod report;
pub mod rules;
pub mod wire;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

use input::{Input, InputError};
use json::Json;
use model::RuleSet;
use report::{Governs, Report, RequirementInfo, RuleSetInfo};
use std::sync::OnceLock;

/// The crate version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The built-in rule sets, built once, in the contract's order.
pub fn built_in() -> &'static [RuleSet] {
    static SETS: OnceLock<Vec<RuleSet>> = OnceLock::new();
    SETS.get_or_init(rules::built_in)
}

/// The built-in rule sets' crediting, resolved once (deferrals followed, kinds indexed).
/// Parallel to `built_in()`; every built-in set resolves (a test counts the results).
fn resolved() -> &'static [Option<engine::Resolved<'static>>] {
    static RESOLVED: OnceLock<Vec<Option<engine::Resolved<'static>>>> = OnceLock::new();
    RESOLVED.get_or_init(|| {
        let all = built_in();
        all.iter().map(|rs| engine::resolve(rs, all).map(engine::Resolved::forever)).collect()
    })
}

/// What a portal shows of each built-in rule set.
pub fn rule_set_infos() -> Vec<RuleSetInfo> {
    built_in()
        .iter()
        .map(|rs| {
            let r = &rs.requirement;
            RuleSetInfo {
                id: rs.id.clone(),
                title: rs.title.clone(),
                issuer: rs.issuer.clone(),
                doc_number: rs.doc_number.clone(),
                region: rs.region.clone(),
                governs: Governs { from: rs.governs.from.clone(), to: rs.governs.to.clone() },
                requirement: RequirementInfo {
                    total: r.total,
                    public: r.public,
                    professional: r.professional,
                    professional_share: r.professional_share.map(|s| f64::from(s.numerator) / f64::from(s.denominator)),
                },
            }
        })
        .collect()
}

/// Validates a JSON-like input against the contract.
pub fn parse(value: &Json) -> Result<Input, InputError> {
    let ids: Vec<&str> = built_in().iter().map(|r| &*r.id).collect();
    input::validate(value, &ids)
}

/// Evaluates a validated input under the rule sets it names (all built-in by default).
pub fn evaluate_input(input: &Input) -> Report {
    let all = built_in();
    let chosen: Vec<usize> = match &input.rule_sets {
        Some(ids) => ids.iter().filter_map(|id| all.iter().position(|r| &r.id == id)).collect(),
        None => (0..all.len()).collect(),
    };
    let results = chosen.into_iter().filter_map(|i| resolved().get(i)?.as_ref().map(|res| engine::evaluate_one(&all[i], res, input))).collect();
    Report { year: input.year, results }
}

/// Validates and evaluates.
pub fn evaluate(value: &Json) -> Result<Report, InputError> {
    parse(value).map(|input| evaluate_input(&input))
}

/// Reads JSON text (from a native caller, or from `JSON.stringify` in the wasm facade);
/// what cannot be read is an `invalidInput` error at the path where reading stopped.
pub fn read_json(text: &str) -> Result<Json<'_>, InputError> {
    json::parse(text).map_err(|(path, what)| {
        let path = if path.is_empty() { "input".to_owned() } else { path };
        InputError::new(input::ErrorCode::InvalidInput, path, format!("cannot be read: {what}"), format!("无法读取：{what}"))
    })
}

/// The JSON entry point: contract Input as JSON text in, Report as JSON text out.
#[cfg(feature = "json")]
pub fn evaluate_json(text: &str) -> Result<String, InputError> {
    let report = evaluate(&read_json(text)?)?;
    serde_json::to_string(&report).map_err(|e| InputError::new(input::ErrorCode::InvalidInput, "input", e.to_string(), e.to_string()))
}

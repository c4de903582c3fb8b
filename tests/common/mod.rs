//! Helpers shared by the per-document tests: build inputs as JSON, evaluate, read lines.
#![allow(dead_code)]

use serde_json::{json, Value};
use std::sync::OnceLock;
use xueshi::report::{Line, Range, Report, RuleSetResult, Status};
use xueshi::{Engine, Error};

/// The engine with the built-in rule sets, made once for all tests.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new().unwrap_or_else(|e| panic!("built-in rule sets: {e}")))
}

/// Evaluates an input given as serde_json, through JSON text as every face does.
pub fn evaluate(input: Value) -> Result<Report, Error> {
    engine().evaluate_text(&input.to_string())
}

/// Evaluates `activities` (ids filled in as a0, a1, … where missing) under one rule set.
pub fn run(rule_set: &str, year: i32, activities: Vec<Value>) -> RuleSetResult {
    let activities: Vec<Value> = activities
        .into_iter()
        .enumerate()
        .map(|(i, mut a)| {
            if a.get("id").is_none() {
                a["id"] = json!(format!("a{i}"));
            }
            a
        })
        .collect();
    let input = json!({ "year": year, "ruleSets": [rule_set], "activities": activities });
    let mut report = evaluate(input).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.results.len(), 1);
    report.results.remove(0)
}

/// The single line of one activity under one rule set.
pub fn line(rule_set: &str, year: i32, activity: Value) -> Line {
    run(rule_set, year, vec![activity]).lines.remove(0)
}

pub fn exact(h: f64) -> Range {
    Range { min: h, max: Some(h) }
}

pub fn upto(h: f64) -> Range {
    Range { min: 0.0, max: Some(h) }
}

/// A result's requirement as (total, public, professional).
pub fn requirement(r: &RuleSetResult) -> (f64, f64, f64) {
    (r.requirement.total, r.requirement.public, r.requirement.professional)
}

pub const OPEN: Range = Range { min: 0.0, max: None };

#[track_caller]
pub fn check(line: &Line, hours: Range, status: Status) {
    assert_eq!((line.hours, line.status), (hours, status), "line: {line:#?}");
}

#[track_caller]
pub fn cites(line: &Line, reference: &str) {
    let clause = line.clause.as_ref().unwrap_or_else(|| panic!("no clause on {line:#?}"));
    assert_eq!(clause.reference, reference, "line: {line:#?}");
    assert!(!clause.quote.is_empty());
}

/// Where the documents' texts are: `XUESHI_SEEDS`, else `../shared/seeds` beside the
/// repository; `None` when they are not there (a clean clone on its own).
pub fn seeds() -> Option<std::path::PathBuf> {
    let dir = std::env::var_os("XUESHI_SEEDS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds"));
    dir.is_dir().then_some(dir)
}

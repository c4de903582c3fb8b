//! Helpers shared by the per-document tests: build inputs as JSON, evaluate, read lines.
#![allow(dead_code)]

use serde_json::{json, Value};
use xueshi::json::Json;
use xueshi::report::{Line, Range, RuleSetResult, Status};

pub fn to_json(v: Value) -> Json<'static> {
    Json::read(v).expect("test input is JSON")
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
    let mut report = xueshi::evaluate(&to_json(input)).unwrap_or_else(|e| panic!("{e}"));
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

/// Asserts that `quote` is the document's own words: it occurs in the seed text
/// (ignoring whitespace and the OCR's mix of full- and half-width punctuation).
#[track_caller]
pub fn quoted_from(seed: &str, quote: &str) {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '，' => ',',
                '；' => ';',
                '：' => ':',
                '（' => '(',
                '）' => ')',
                '。' => '.',
                c => c,
            })
            .collect()
    };
    let text = norm(&std::fs::read_to_string(format!("{}/../shared/seeds/{seed}", env!("CARGO_MANIFEST_DIR"))).expect("seed"));
    for piece in quote.split("……") {
        assert!(text.contains(&norm(piece)), "not in {seed}: {piece}");
    }
}

//! The contract's Report and RuleSetInfo, as serialised to JS and JSON.

use crate::model::{Clause, Subject, Text};
use serde::Serialize;

/// Hours from `min` to `max`; `max: None` is "no maximum set" (JSON `null`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Range {
    pub min: f64,
    pub max: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    Credited,
    Capped,
    Deemed,
    UpTo,
    Undetermined,
    NotCovered,
    OtherYear,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Compliance {
    Met,
    Possible,
    Short,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Credited => "credited",
            Status::Capped => "capped",
            Status::Deemed => "deemed",
            Status::UpTo => "upTo",
            Status::Undetermined => "undetermined",
            Status::NotCovered => "notCovered",
            Status::OtherYear => "otherYear",
        }
    }
}

impl Compliance {
    pub fn as_str(self) -> &'static str {
        match self {
            Compliance::Met => "met",
            Compliance::Possible => "possible",
            Compliance::Short => "short",
        }
    }
}

/// One part of a line that credits both subjects (枣庄 援派: 公需 30 + 专业 60 a year).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Part {
    pub subject: Subject,
    pub hours: Range,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Line {
    pub activity: String,
    pub subject: Subject,
    pub hours: Range,
    pub status: Status,
    pub clause: Option<Clause>,
    pub explain: String,
    /// Only where one activity credits both subjects; `hours` is then their sum.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parts: Option<Vec<Part>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Totals {
    pub public: Range,
    pub professional: Range,
    pub total: Range,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Hours3 {
    pub total: f64,
    pub public: f64,
    pub professional: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Deemed {
    pub public: bool,
    pub professional: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Applies {
    pub in_force: bool,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleSetResult {
    pub rule_set: Text,
    pub title: Text,
    pub applies: Applies,
    pub lines: Vec<Line>,
    pub totals: Totals,
    pub requirement: Hours3,
    pub deemed: Deemed,
    pub compliance: Compliance,
    pub shortfall: Hours3,
    pub notes: Vec<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub year: i32,
    pub results: Vec<RuleSetResult>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Governs {
    pub from: Text,
    pub to: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequirementInfo {
    pub total: f64,
    pub public: f64,
    pub professional: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub professional_share: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleSetInfo {
    pub id: Text,
    pub title: Text,
    pub issuer: Text,
    pub doc_number: Option<Text>,
    pub region: Text,
    pub governs: Governs,
    pub requirement: RequirementInfo,
}

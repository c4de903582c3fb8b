//! The contract's Report and RuleSetInfo. Their fields are written here once: every face
//! serialises them with serde (JSON text natively, the wasm facade's flat transport), and
//! the facade generates its JS decoders and TypeScript types from these declarations
//! (`shape!`, `variants!`).

use crate::explain::Explain;
use crate::ruleset::{Clause, Subject};
use crate::sym::{Sym, Text};
use crate::{shape, variants};
use serde::Serialize;

shape! {
/// Hours from `min` to `max`; `max: None` is "no maximum set" (JSON `null`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Range {
    pub min: f64,
    pub max: Option<f64>,
}
}

variants! {
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
}

variants! {
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Compliance {
    Met,
    Possible,
    Short,
    /// The document relieves the person's group (contract v2 `profile`).
    Exempt,
}
}

variants! {
/// What a warning is about (contract v2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum WarningCode {
    /// Claims that look like one piece of work, where the document says it counts once.
    PossibleDuplicate,
    /// A yearly maximum is full: more of its kind adds nothing this year.
    CapReached,
}
}

shape! {
/// Something a reviewer should look at: which activities, why, by which clause.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Warning {
    pub code: WarningCode,
    pub activities: Vec<String>,
    pub message: Explain,
    pub clause: Clause,
}
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
            Compliance::Exempt => "exempt",
        }
    }
}

shape! {
/// One part of a line that credits both subjects (枣庄 援派: 公需 30 + 专业 60 a year).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Part {
    pub subject: Subject,
    pub hours: Range,
}
}

shape! {
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Line {
    pub activity: String,
    pub subject: Subject,
    pub hours: Range,
    pub status: Status,
    pub clause: Option<Clause>,
    pub explain: Explain,
    /// The proof the clause names, in its own words (contract v2).
    pub evidence: Vec<Sym>,
    /// Only where one activity credits both subjects, whose sum `hours` is (left out otherwise; such fields come last).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parts: Option<Vec<Part>>,
}
}

shape! {
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Totals {
    pub public: Range,
    pub professional: Range,
    pub total: Range,
}
}

shape! {
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Hours3 {
    pub total: f64,
    pub public: f64,
    pub professional: f64,
}
}

shape! {
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Deemed {
    pub public: bool,
    pub professional: bool,
}
}

shape! {
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Applies {
    pub in_force: bool,
    pub note: Explain,
}
}

shape! {
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleSetResult {
    pub rule_set: Sym,
    pub title: Sym,
    pub applies: Applies,
    pub lines: Vec<Line>,
    pub totals: Totals,
    pub requirement: Hours3,
    pub deemed: Deemed,
    pub compliance: Compliance,
    pub shortfall: Hours3,
    pub notes: Vec<Text>,
    /// What a reviewer should look at (contract v2); always empty in a build without the
    /// `review` feature (the calculator's), which then carries no code for them.
    #[cfg_attr(not(feature = "review"), serde(serialize_with = "no_warnings"))]
    pub warnings: Vec<Warning>,
}
}

/// A value of a proposed activity's field.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    Text(String),
    Number(f64),
    Flag(bool),
}

/// A partial activity the engine proposes (`plan`): its kind, date and fields, written as
/// one object, as an input takes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal(pub Vec<(&'static str, FieldValue)>);

impl Proposal {
    pub fn of(a: &crate::input::Activity) -> Proposal {
        use crate::input::Value;
        let mut fields = vec![("kind", FieldValue::Text(a.kind_name().to_owned())), ("date", FieldValue::Text(a.date_text.to_owned()))];
        for (name, value) in a.fields() {
            let spec = crate::schema::KINDS[a.kind].field(name);
            let Some(name) = spec.map(|f| f.name) else { continue };
            fields.push((
                name,
                match value {
                    Value::Number(n) => FieldValue::Number(*n),
                    Value::Count(n) => FieldValue::Number(f64::from(*n)),
                    Value::Choice(s) => FieldValue::Text((*s).to_owned()),
                    Value::Flag(b) => FieldValue::Flag(*b),
                    Value::Date(d) => FieldValue::Text(d.to_string()),
                },
            ));
        }
        Proposal(fields)
    }
}

impl Serialize for Proposal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            match value {
                FieldValue::Text(t) => map.serialize_entry(name, t)?,
                FieldValue::Number(n) => map.serialize_entry(name, n)?,
                FieldValue::Flag(b) => map.serialize_entry(name, b)?,
            }
        }
        map.end()
    }
}

shape! {
/// One way to close the shortfall (contract v2 `plan`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlanOption {
    pub kind: &'static str,
    pub activity: Proposal,
    pub hours: Range,
    pub clause: Clause,
    pub explain: Explain,
}
}

shape! {
/// `plan(input, ruleSetId)`: what is short under one rule set, and ways to close it,
/// guaranteed hours first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plan {
    pub shortfall: Hours3,
    pub options: Vec<PlanOption>,
}
}

#[cfg(not(feature = "review"))]
fn no_warnings<S: serde::Serializer>(_: &[Warning], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    s.serialize_seq(Some(0))?.end()
}

shape! {
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub year: i32,
    pub results: Vec<RuleSetResult>,
}
}

shape! {
/// `evaluateYears`: one Report a year, `from` to `to`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct YearsReport {
    pub from: i32,
    pub to: i32,
    pub years: Vec<Report>,
}
}

shape! {
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Governs {
    pub from: Sym,
    pub to: Sym,
}
}

shape! {
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequirementInfo {
    pub total: f64,
    pub public: f64,
    pub professional: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub professional_share: Option<f64>,
}
}

shape! {
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RuleSetInfo {
    pub id: Sym,
    pub title: Sym,
    /// An English rendering; `title` stays the official title (contract v2).
    pub title_en: Option<Sym>,
    pub issuer: Sym,
    pub doc_number: Option<Sym>,
    pub region: Sym,
    pub region_en: Option<Sym>,
    pub governs: Governs,
    pub requirement: RequirementInfo,
    /// Built into the engine (false: loaded with `loadRuleSet`).
    pub built_in: bool,
    /// Where its crediting rules come from, if another rule set's.
    pub rules_from: Option<Sym>,
}
}

/// Every type that crosses into JS, for the facade's generated decoders and TypeScript.
pub fn shapes() -> (Vec<&'static crate::shape::Shape>, Vec<&'static crate::shape::Variants>) {
    use crate::schema::{FieldView, KindView};
    let shapes = vec![
        &Report::SHAPE,
        &YearsReport::SHAPE,
        &Plan::SHAPE,
        &PlanOption::SHAPE,
        &RuleSetResult::SHAPE,
        &Applies::SHAPE,
        &Line::SHAPE,
        &Warning::SHAPE,
        &Part::SHAPE,
        &Range::SHAPE,
        &Totals::SHAPE,
        &Hours3::SHAPE,
        &Deemed::SHAPE,
        &Clause::SHAPE,
        &RuleSetInfo::SHAPE,
        &Governs::SHAPE,
        &RequirementInfo::SHAPE,
        &KindView::SHAPE,
        &FieldView::SHAPE,
    ];
    (shapes, vec![&Subject::VARIANTS, &Status::VARIANTS, &Compliance::VARIANTS, &WarningCode::VARIANTS])
}

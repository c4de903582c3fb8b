//! The vocabulary a rule set is written in. Each document under `rules/` is one value of
//! [`RuleSet`]; the engine is generic over these types and knows no document by name.
//! Everything derives serde so that a portal could hand in its own rule set in this shape.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Text of a rule set: borrowed for the built-in documents (no allocation, no code to
/// build it), owned when a rule set is read from elsewhere.
pub type Text = Cow<'static, str>;

/// A clause of a document: where it is (`第八条第（四）项`) and its own words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    #[serde(rename = "ref")]
    pub reference: Text,
    pub quote: Text,
}

/// Which part of the yearly requirement hours count towards.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Subject {
    Public,
    Professional,
}

impl Subject {
    pub fn as_str(self) -> &'static str {
        match self {
            Subject::Public => "public",
            Subject::Professional => "professional",
        }
    }
}

/// The subject a rule credits: a fixed one, or the one the activity names (training only).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SubjectOf {
    Public,
    Professional,
    Activity,
}

/// The days a document governs, both ends included (`YYYY-MM-DD`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub from: Text,
    pub to: Text,
}

/// The yearly requirement and the clause that sets it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Requirement {
    pub total: f64,
    pub public: f64,
    pub professional: f64,
    /// Set where the document states the professional part as a share of the total.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub professional_share: Option<Share>,
    pub clause: Clause,
}

/// A fraction such as 2/3, kept exact for display.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Share {
    pub numerator: u32,
    pub denominator: u32,
}

/// How time fields become 学时 under a document (contract rule 4).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct TimeRule {
    /// 学时 in a day.
    pub day_hours: f64,
    /// Minutes that make one 学时 in a session shorter than a day.
    pub minutes_per_hour: f64,
    /// The clause that sets these, if the document does.
    #[serde(default)]
    pub clause: Option<Clause>,
}

/// A yearly maximum shared by every rule that names it (contract rule 3).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cap {
    pub id: Text,
    pub hours: f64,
    /// What the cap covers, in the document's terms (for explanations).
    pub label: Text,
}

/// A condition on one attribute of an activity: the rule applies when the attribute's
/// value is one of `values` (`"true"`/`"false"` for flags, decimal text for counts).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct When {
    pub field: Text,
    pub values: Vec<Text>,
}

/// How one activity becomes hours. Amounts are 学时.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "type", deny_unknown_fields)]
pub enum Credit {
    /// A fixed amount per item (每项 10 学时).
    Fixed { hours: f64 },
    /// A fixed amount per counted unit of a field (每门 25 学时).
    PerUnit { hours: f64, field: Text, unit: Text },
    /// An amount shared equally by the authors (按作者数均分).
    SharedByAuthors { hours: f64 },
    /// Actual time times a multiple, optionally at most `max_per_day` a day.
    Time {
        #[serde(default = "one")]
        multiple: f64,
        #[serde(default)]
        max_per_day: Option<f64>,
    },
    /// So many 学时 per day, plus a bonus when a paper was presented.
    PerDay {
        hours_per_day: f64,
        #[serde(default)]
        paper_bonus: f64,
    },
    /// Only a yearly maximum is stated (contract rule 1): 0 … the cap.
    UpTo,
    /// No amount is stated (contract rule 2).
    Undetermined,
    /// 视同完成: the named parts count as done for `years` years ending with the
    /// activity's year (contract rules 5 and 6).
    Deemed {
        #[serde(default)]
        public: bool,
        #[serde(default)]
        professional: bool,
        #[serde(default = "one_year")]
        years: u32,
    },
    /// So much per year of the programme's length, for the years ending with the
    /// activity's year (在规定的学制内每年).
    PerStudyYear { hours: f64 },
    /// Amounts for a full year, pro rata by months served in the year (按月份比例).
    PerYearProRata { public: f64, professional: f64 },
    /// The requirement is pro-rated by time on duty once the months of leave of one
    /// group exceed `more_than_months` in the year (按实际在岗时间折算).
    ProRateRequirement { more_than_months: u32, group: Text },
    /// The requirement may be reduced by an amount the document leaves open.
    RequirementRelief,
    /// The document names this case and excludes it (a level below the clause's).
    Excluded,
}

fn one() -> f64 {
    1.0
}

fn one_year() -> u32 {
    1
}

/// One conversion: which activities it takes, how it credits them, which clause says so.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct Rule {
    pub kind: Text,
    #[serde(default)]
    pub when: Vec<When>,
    pub credit: Credit,
    pub subject: SubjectOf,
    /// The shared yearly cap this rule's lines count against.
    #[serde(default)]
    pub cap: Option<Text>,
    /// What the rule covers, in the document's terms (为解释).
    pub label: Text,
    pub clause: Clause,
}

/// The crediting rules of a document, or a deferral to another rule set's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "type", deny_unknown_fields)]
pub enum Crediting {
    Own {
        time: TimeRule,
        caps: Vec<Cap>,
        rules: Vec<Rule>,
        /// Where the document does not mention a kind, the clause worth naming (rule 8).
        #[serde(default)]
        closest: Vec<Closest>,
        /// The clause that forbids carrying hours over, if the document has one.
        #[serde(default)]
        no_carry_over: Option<Clause>,
    },
    /// Crediting follows another rule set, by this clause of the deferring document.
    Borrowed { from: Text, clause: Clause },
}

/// For a kind the document does not mention: the clause closest to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Closest {
    pub kind: Text,
    pub note: Text,
}

/// One document's rules.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct RuleSet {
    pub id: Text,
    pub title: Text,
    pub issuer: Text,
    pub doc_number: Option<Text>,
    pub region: Text,
    pub governs: Period,
    pub requirement: Requirement,
    pub crediting: Crediting,
    /// Facts worth telling every user of this document.
    #[serde(default)]
    pub notes: Vec<Text>,
}

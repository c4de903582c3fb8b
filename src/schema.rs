//! The activity schema: every kind of the contract with its fields, types, bounds and
//! defaults (one table, also exported to the page as `activityKinds()`), and the fields
//! that loaded rule sets declare. Rule set documents are checked against it on load.

use crate::json::MAX_ITEMS;
use crate::sym::Sym;
use serde::Serialize;

pub const MIN_YEAR: i32 = 1990;
pub const MAX_YEAR: i32 = 2100;
pub const MAX_ACTIVITIES: usize = MAX_ITEMS;
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_ID_CHARS: usize = 100;

/// The type of an activity field, with its bounds.
#[derive(Clone, Copy, Debug)]
pub enum FieldType {
    /// A finite number between 0 and `max`.
    Number {
        max: f64,
    },
    /// A whole number between `min` and `max`.
    Count {
        min: u32,
        max: u32,
    },
    Choice {
        values: &'static [&'static str],
    },
    Flag,
    /// A day, written YYYY-MM-DD.
    Date,
}

/// A default value of an optional field (`None`: absent stays absent).
#[derive(Clone, Copy, Debug, Serialize)]
#[serde(untagged)]
pub enum Default {
    Text(&'static str),
    Count(u32),
    Flag(bool),
}

#[derive(Clone, Copy, Debug)]
pub struct FieldSpec {
    pub name: &'static str,
    pub ty: FieldType,
    pub required: bool,
    pub default: Option<Default>,
}

#[derive(Clone, Copy, Debug)]
pub struct KindSpec {
    pub kind: &'static str,
    /// At least one of `hours`, `days`, `minutes` is required.
    pub needs_time: bool,
    pub fields: &'static [FieldSpec],
}

// A year has at most 366 days; no single activity can hold more time than that.
const MAX_DAYS: f64 = 366.0;
const MAX_HOURS: f64 = MAX_DAYS * 24.0;
const MAX_MINUTES: f64 = MAX_HOURS * 60.0;

const fn field(name: &'static str, ty: FieldType, required: bool, default: Option<Default>) -> FieldSpec {
    FieldSpec { name, ty, required, default }
}
const fn choice(name: &'static str, values: &'static [&'static str]) -> FieldSpec {
    field(name, FieldType::Choice { values }, true, None)
}
const fn flag(name: &'static str) -> FieldSpec {
    field(name, FieldType::Flag, false, Some(Default::Flag(false)))
}
const fn count(name: &'static str, min: u32, max: u32, default: Option<u32>) -> FieldSpec {
    let d = match default {
        Some(n) => Some(Default::Count(n)),
        None => None,
    };
    field(name, FieldType::Count { min, max }, default.is_none(), d)
}

const HOURS: FieldSpec = field("hours", FieldType::Number { max: MAX_HOURS }, false, None);
const HOURS_REQUIRED: FieldSpec = field("hours", FieldType::Number { max: MAX_HOURS }, true, None);
const DAYS: FieldSpec = field("days", FieldType::Number { max: MAX_DAYS }, false, None);
const MINUTES: FieldSpec = field("minutes", FieldType::Number { max: MAX_MINUTES }, false, None);
// Leave and assignments: months in the activity's year, or days, or an end date (from
// `date`, both included; the months of each year are then the days that fall in it).
const MONTHS: FieldSpec = field("months", FieldType::Count { min: 1, max: 12 }, false, None);
const END: FieldSpec = field("end", FieldType::Date, false, None);
const LEVEL3: FieldSpec = choice("level", &["national", "provincial", "city"]);

/// Every kind of the contract, in the contract's order.
pub const KINDS: &[KindSpec] = &[
    KindSpec {
        kind: "training",
        needs_time: true,
        fields: &[
            field("subject", FieldType::Choice { values: &["public", "professional"] }, false, Some(Default::Text("professional"))),
            HOURS,
            DAYS,
            MINUTES,
            // 全脱产 / 半脱产 (contract v2), for notices with a separate daily rate for half-time study.
            field("studyMode", FieldType::Choice { values: &["fullTime", "partTime"] }, false, Some(Default::Text("fullTime"))),
        ],
    },
    KindSpec { kind: "advancedSeminar", needs_time: false, fields: &[choice("level", &["national", "provincial"])] },
    KindSpec { kind: "refresher", needs_time: true, fields: &[HOURS, DAYS, MINUTES] },
    KindSpec { kind: "practice", needs_time: true, fields: &[HOURS, DAYS, MINUTES] },
    KindSpec { kind: "lecture", needs_time: false, fields: &[HOURS_REQUIRED, LEVEL3] },
    KindSpec { kind: "conference", needs_time: true, fields: &[LEVEL3, HOURS, DAYS, MINUTES, flag("presentedPaper")] },
    KindSpec {
        kind: "degree",
        needs_time: false,
        fields: &[
            // 专科 as well: 泰安 credits "各种学历教育"; 新疆 only 本科及以上.
            choice("level", &["associate", "bachelor", "master", "doctor"]),
            choice("mode", &["study", "degreeOnly"]),
            field("studyYears", FieldType::Count { min: 1, max: 10 }, false, None),
        ],
    },
    KindSpec { kind: "graduateCourses", needs_time: false, fields: &[] },
    KindSpec { kind: "selfStudyExam", needs_time: false, fields: &[count("courses", 1, 100, None)] },
    KindSpec {
        kind: "qualificationExam",
        needs_time: false,
        fields: &[
            choice("category", &["seniorTitle", "intermediateTitle", "juniorTitle", "licensure", "international"]),
            count("subjects", 1, 50, Some(1)),
        ],
    },
    KindSpec { kind: "languageComputerExam", needs_time: false, fields: &[] },
    KindSpec {
        kind: "paper",
        needs_time: false,
        fields: &[choice("venue", &["foreign", "national", "provincial", "city"]), count("authors", 1, 1000, None), flag("conferencePaper")],
    },
    KindSpec {
        kind: "book",
        needs_time: false,
        fields: &[choice("role", &["editorInChief", "deputyEditor", "editorialBoard", "author"]), flag("translation")],
    },
    KindSpec { kind: "patent", needs_time: false, fields: &[choice("type", &["invention", "utilityModel", "design"])] },
    KindSpec { kind: "softwareCopyright", needs_time: false, fields: &[] },
    KindSpec { kind: "standard", needs_time: false, fields: &[] },
    KindSpec { kind: "award", needs_time: false, fields: &[choice("level", &["national", "provincial", "city", "county"])] },
    KindSpec { kind: "researchProject", needs_time: false, fields: &[choice("level", &["national", "provincial", "other"])] },
    KindSpec { kind: "competition", needs_time: false, fields: &[] },
    KindSpec { kind: "expertService", needs_time: true, fields: &[HOURS, DAYS, MINUTES] },
    KindSpec { kind: "assignment", needs_time: false, fields: &[MONTHS, DAYS, END] },
    KindSpec { kind: "leave", needs_time: false, fields: &[choice("reason", &["abroad", "sickness", "maternity", "injury"]), MONTHS, DAYS, END] },
    KindSpec { kind: "unitStudy", needs_time: false, fields: &[HOURS_REQUIRED] },
    KindSpec { kind: "other", needs_time: false, fields: &[HOURS_REQUIRED] },
];

pub fn kind_spec(kind: &str) -> Option<(usize, &'static KindSpec)> {
    KINDS.iter().enumerate().find(|(_, k)| k.kind == kind)
}

impl KindSpec {
    pub fn field(&self, name: &str) -> Option<&'static FieldSpec> {
        self.fields.iter().find(|f| f.name == name)
    }
    /// Whether the kind takes time (`hours`, `days`, `minutes`).
    pub fn has_time(&self) -> bool {
        self.field("hours").is_some()
    }
}

/// The type of a field a rule set declares (contract v2: "extra activity fields").
#[derive(Clone, Debug, PartialEq)]
pub enum ExtraType {
    Number { max: f64 },
    Count { min: u32, max: u32 },
    Choice { values: Vec<Sym> },
    Flag,
}

/// A field a loaded rule set declares for one kind; inputs may carry it once loaded.
#[derive(Clone, Debug, PartialEq)]
pub struct ExtraField {
    pub kind: usize,
    pub name: Sym,
    pub ty: ExtraType,
    pub label: Sym,
    pub label_en: Option<Sym>,
    /// The rule set that declares it.
    pub rule_set: Sym,
}

crate::shape! {
/// A field as `activityKinds()` shows it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldView<'a> {
    pub name: &'a str,
    #[serde(rename = "type")]
    pub ty: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<Default>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label_en: Option<&'a str>,
    /// The rule set that declares it (fields loaded rule sets add).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_set: Option<&'a str>,
}
}

impl FieldView<'_> {
    fn of(f: &FieldSpec) -> FieldView<'static> {
        let (ty, values, min, max) = match f.ty {
            FieldType::Number { max } => ("number", None, None, Some(max)),
            FieldType::Count { min, max } => ("count", None, Some(min), Some(f64::from(max))),
            FieldType::Choice { values } => ("choice", Some(values.to_vec()), None, None),
            FieldType::Flag => ("flag", None, None, None),
            FieldType::Date => ("date", None, None, None),
        };
        FieldView { name: f.name, ty, required: Some(f.required), default: f.default, values, min, max, label: None, label_en: None, rule_set: None }
    }
    fn extra(f: &ExtraField) -> FieldView<'_> {
        let (ty, values, min, max) = match &f.ty {
            ExtraType::Number { max } => ("number", None, None, Some(*max)),
            ExtraType::Count { min, max } => ("count", None, Some(*min), Some(f64::from(*max))),
            ExtraType::Choice { values } => ("choice", Some(values.iter().map(|v| v.as_str()).collect()), None, None),
            ExtraType::Flag => ("flag", None, None, None),
        };
        FieldView {
            name: &f.name,
            ty,
            required: None,
            default: None,
            values,
            min,
            max,
            label: Some(&f.label),
            label_en: f.label_en.as_deref(),
            rule_set: Some(&f.rule_set),
        }
    }
}

crate::shape! {
/// One kind as `activityKinds()` shows it: the contract's fields, then those loaded rule
/// sets declare.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KindView<'a> {
    pub kind: &'static str,
    pub needs_time: bool,
    pub fields: Vec<FieldView<'static>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extra_fields: Vec<FieldView<'a>>,
}
}

impl KindView<'_> {
    pub fn new<'a>(spec: &'static KindSpec, extras: impl Iterator<Item = &'a ExtraField>) -> KindView<'a> {
        KindView {
            kind: spec.kind,
            needs_time: spec.needs_time,
            fields: spec.fields.iter().map(FieldView::of).collect(),
            extra_fields: extras.map(FieldView::extra).collect(),
        }
    }
}

//! The contract's Input: the schema of every activity kind (one table, also exported to
//! the page) and the validation that turns a [`Json`] value into typed [`Input`].

use crate::json::{Json, MAX_ITEMS};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::borrow::Cow;

pub const MIN_YEAR: i32 = 1990;
pub const MAX_YEAR: i32 = 2100;
pub const MAX_ACTIVITIES: usize = MAX_ITEMS;
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_ID_CHARS: usize = 100;

/// The type of an activity field, with its bounds.
#[derive(Clone, Copy, Debug, Serialize)]
#[serde(rename_all = "camelCase", tag = "type")]
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
}

/// A default value of an optional field (`None`: absent stays absent).
#[derive(Clone, Copy, Debug, Serialize)]
#[serde(untagged)]
pub enum Default {
    Text(&'static str),
    Count(u32),
    Flag(bool),
}

#[derive(Clone, Copy, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldSpec {
    pub name: &'static str,
    #[serde(flatten)]
    pub ty: FieldType,
    pub required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<Default>,
}

#[derive(Clone, Copy, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
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
const MONTHS: FieldSpec = count("months", 1, 12, None);
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
            choice("level", &["bachelor", "master", "doctor"]),
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
    KindSpec { kind: "assignment", needs_time: false, fields: &[MONTHS] },
    KindSpec { kind: "leave", needs_time: false, fields: &[choice("reason", &["abroad", "sickness", "maternity", "injury"]), MONTHS] },
    KindSpec { kind: "unitStudy", needs_time: false, fields: &[HOURS_REQUIRED] },
    KindSpec { kind: "other", needs_time: false, fields: &[HOURS_REQUIRED] },
];

pub fn kind_spec(kind: &str) -> Option<(usize, &'static KindSpec)> {
    KINDS.iter().enumerate().find(|(_, k)| k.kind == kind)
}

/// A validated field value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    Number(f64),
    Count(u32),
    Choice(&'static str),
    Flag(bool),
}

/// A validated activity: every field checked, defaults filled in.
#[derive(Clone, Debug, PartialEq)]
pub struct Activity {
    pub id: String,
    pub kind: &'static str,
    /// The kind's position in [`KINDS`].
    pub kind_index: usize,
    pub date: NaiveDate,
    pub title: Option<String>,
    fields: Vec<(&'static str, Value)>,
}

impl Activity {
    pub fn get(&self, name: &str) -> Option<Value> {
        self.fields.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
    }
    pub fn number(&self, name: &str) -> Option<f64> {
        match self.get(name)? {
            Value::Number(n) => Some(n),
            Value::Count(n) => Some(f64::from(n)),
            _ => None,
        }
    }
    pub fn count(&self, name: &str) -> Option<u32> {
        match self.get(name)? {
            Value::Count(n) => Some(n),
            _ => None,
        }
    }
    pub fn choice(&self, name: &str) -> Option<&'static str> {
        match self.get(name)? {
            Value::Choice(s) => Some(s),
            _ => None,
        }
    }
    pub fn flag(&self, name: &str) -> bool {
        matches!(self.get(name), Some(Value::Flag(true)))
    }
    /// Whether the field's value reads as `text` (`"true"`, `"12"`, `"national"`), for a
    /// rule's `when`; compares without allocating, as it runs for every rule tried.
    pub fn value_is(&self, name: &str, text: &str) -> bool {
        match self.get(name) {
            Some(Value::Choice(s)) => s == text,
            Some(Value::Flag(b)) => text == if b { "true" } else { "false" },
            Some(Value::Count(n)) => text.parse::<u32>() == Ok(n),
            // Integer formatting only: float parsing would add kilobytes to the wasm.
            Some(Value::Number(n)) => crate::hours::show_f(n).to_string() == text,
            None => false,
        }
    }
    pub fn year(&self) -> i32 {
        self.date.year()
    }
    /// The programme's standard length: as given, else the contract's default by level.
    pub fn study_years(&self) -> u32 {
        self.count("studyYears").unwrap_or(match self.choice("level") {
            Some("bachelor") => 4,
            _ => 3,
        })
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    pub year: i32,
    /// `None`: every built-in rule set.
    pub rule_sets: Option<Vec<String>>,
    pub activities: Vec<Activity>,
}

/// The stable error codes of the contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    InvalidInput,
    UnknownKind,
    UnknownRuleSet,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "invalidInput",
            ErrorCode::UnknownKind => "unknownKind",
            ErrorCode::UnknownRuleSet => "unknownRuleSet",
        }
    }
}

/// What is wrong with the input, where, in English and Chinese.
#[derive(Clone, Debug, PartialEq)]
pub struct InputError {
    pub code: ErrorCode,
    /// The field path, e.g. `activities[2].authors` (`input` for the whole value).
    pub path: String,
    pub en: String,
    pub zh: String,
}

impl InputError {
    pub fn new(code: ErrorCode, path: impl Into<String>, en: impl Into<String>, zh: impl Into<String>) -> Self {
        InputError { code, path: path.into(), en: en.into(), zh: zh.into() }
    }
    fn invalid(at: impl std::fmt::Display, en: impl Into<String>, zh: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidInput, at.to_string(), en, zh)
    }
    /// `path: what is wrong`, the contract's message.
    pub fn message(&self) -> String {
        format!("{}: {}", self.path, self.en)
    }
    pub fn message_zh(&self) -> String {
        format!("{}：{}", self.path, self.zh)
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for InputError {}

type Fields<'a> = &'a [(Cow<'a, str>, Json<'a>)];

/// Where in the input a value is (`activities[2].authors`), written out only when there
/// is an error to report: building every path up front cost more than the checks.
#[derive(Clone, Copy)]
struct At<'a> {
    base: &'a str,
    index: Option<usize>,
    field: Option<&'a str>,
}

impl<'a> At<'a> {
    const fn top(base: &'a str) -> Self {
        At { base, index: None, field: None }
    }
    const fn item(base: &'a str, index: usize) -> Self {
        At { base, index: Some(index), field: None }
    }
    fn field(self, field: &'a str) -> Self {
        At { field: Some(field), ..self }
    }
}

impl std::fmt::Display for At<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.base)?;
        if let Some(i) = self.index {
            write!(f, "[{i}]")?;
        }
        let Some(field) = self.field else { return Ok(()) };
        // A key someone typed may be empty, odd or huge: quote it, and only its start.
        let plain = !field.is_empty() && field.len() <= 40 && field.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$');
        if plain {
            let dot = if self.base.is_empty() { "" } else { "." };
            return write!(f, "{dot}{field}");
        }
        // Quoted by hand: `{:?}` would bring Unicode escaping tables into the wasm.
        f.write_str("[\"")?;
        for c in field.chars().take(40) {
            if c == '"' || c == '\\' {
                f.write_str("\\")?;
            }
            let mut buf = [0u8; 4];
            f.write_str(if c.is_control() { "\u{fffd}" } else { c.encode_utf8(&mut buf) })?;
        }
        let more = if field.chars().nth(40).is_some() { "…" } else { "" };
        write!(f, "{more}\"]")
    }
}

fn object<'a>(value: &'a Json<'a>, at: At) -> Result<Fields<'a>, InputError> {
    match value {
        Json::Obj(fields) => Ok(fields),
        other => Err(InputError::invalid(at, format!("must be an object, not {}", other.type_name()), "应为对象")),
    }
}

/// A field's value; `null` counts as absent, as JSON.stringify drops `undefined`.
fn lookup<'a>(fields: Fields<'a>, name: &str) -> Option<&'a Json<'a>> {
    fields.iter().find(|(k, _)| k == name).map(|(_, v)| v).filter(|v| **v != Json::Null)
}

fn reject_unknown(fields: Fields, known: &[&str]) -> Result<(), InputError> {
    match fields.iter().find(|(k, _)| !known.contains(&&**k)) {
        Some((k, _)) => Err(InputError::invalid(At::top("").field(k), "unknown field", "未知字段")),
        None => Ok(()),
    }
}

fn string<'a>(value: &'a Json<'a>, at: At) -> Result<&'a str, InputError> {
    match value {
        Json::Str(s) => Ok(s),
        other => Err(InputError::invalid(at, format!("must be a string, not {}", other.type_name()), "应为文本")),
    }
}

fn finite(value: &Json, at: At) -> Result<f64, InputError> {
    match value {
        Json::Num(n) if n.is_finite() => Ok(*n),
        Json::Num(_) => Err(InputError::invalid(at, "must be a finite number", "应为有限的数字")),
        other => Err(InputError::invalid(at, format!("must be a number, not {}", other.type_name()), "应为数字")),
    }
}

fn whole(value: &Json, at: At, min: u32, max: u32) -> Result<u32, InputError> {
    let bad = || InputError::invalid(at, format!("must be a whole number from {min} to {max}"), format!("应为 {min} 到 {max} 之间的整数"));
    let n = finite(value, at).map_err(|_| bad())?;
    if n.fract() != 0.0 || n < f64::from(min) || n > f64::from(max) {
        return Err(bad());
    }
    Ok(n as u32)
}

fn field_value(spec: &FieldSpec, value: &Json, at: At) -> Result<Value, InputError> {
    match spec.ty {
        FieldType::Number { max } => {
            let n = finite(value, at)?;
            if !(0.0..=max).contains(&n) {
                let max = crate::hours::show_f(max);
                return Err(InputError::invalid(at, format!("must be from 0 to {max}"), format!("应在 0 到 {max} 之间")));
            }
            Ok(Value::Number(n + 0.0)) // -0 becomes 0
        }
        FieldType::Count { min, max } => whole(value, at, min, max).map(Value::Count),
        FieldType::Choice { values } => {
            let s = string(value, at)?;
            match values.iter().find(|v| **v == s) {
                Some(v) => Ok(Value::Choice(v)),
                None => {
                    let list = values.iter().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join(", ");
                    Err(InputError::invalid(at, format!("must be one of {list}"), format!("应为以下之一：{list}")))
                }
            }
        }
        FieldType::Flag => match value {
            Json::Bool(b) => Ok(Value::Flag(*b)),
            other => Err(InputError::invalid(at, format!("must be true or false, not {}", other.type_name()), "应为 true 或 false")),
        },
    }
}

const COMMON: &[&str] = &["id", "kind", "date", "title"];

/// One activity, and its id as borrowed from the input (for the duplicate check).
fn activity<'a>(value: &'a Json<'a>, at: At<'a>) -> Result<(Activity, &'a str), InputError> {
    let fields = object(value, at)?;
    let kind_at = at.field("kind");
    let kind = string(lookup(fields, "kind").ok_or_else(|| InputError::invalid(kind_at, "is required", "必填"))?, kind_at)?;
    let (kind_index, spec) = kind_spec(kind).ok_or_else(|| {
        InputError::new(ErrorCode::UnknownKind, kind_at.to_string(), format!("unknown kind \"{kind}\""), format!("未知的活动类型“{kind}”"))
    })?;

    let id_at = at.field("id");
    let id = string(lookup(fields, "id").ok_or_else(|| InputError::invalid(id_at, "is required", "必填"))?, id_at)?;
    let id_chars = id.chars().count();
    if id_chars == 0 || id_chars > MAX_ID_CHARS {
        return Err(InputError::invalid(id_at, format!("must be 1 to {MAX_ID_CHARS} characters"), format!("应为 1 到 {MAX_ID_CHARS} 个字符")));
    }

    let date_at = at.field("date");
    let date = parse_date(string(lookup(fields, "date").ok_or_else(|| InputError::invalid(date_at, "is required", "必填"))?, date_at)?)
        .ok_or_else(|| InputError::invalid(date_at, "must be a real date written YYYY-MM-DD", "应为有效日期，格式 YYYY-MM-DD"))?;

    let title = match lookup(fields, "title") {
        Some(v) => {
            let title_at = at.field("title");
            let t = string(v, title_at)?;
            if t.chars().count() > MAX_TITLE_CHARS {
                return Err(InputError::invalid(
                    title_at,
                    format!("must be at most {MAX_TITLE_CHARS} characters"),
                    format!("不能超过 {MAX_TITLE_CHARS} 个字符"),
                ));
            }
            Some(t.to_owned())
        }
        None => None,
    };

    if let Some((k, _)) = fields.iter().find(|(k, _)| !COMMON.contains(&&**k) && !spec.fields.iter().any(|f| f.name == k)) {
        return Err(InputError::invalid(
            at.field(k),
            format!("unknown field for kind \"{}\"", spec.kind),
            format!("“{}”类活动没有此字段", spec.kind),
        ));
    }

    let mut values = Vec::with_capacity(spec.fields.len());
    for f in spec.fields {
        let f_at = at.field(f.name);
        match lookup(fields, f.name) {
            Some(v) => values.push((f.name, field_value(f, v, f_at)?)),
            None if f.required => return Err(InputError::invalid(f_at, "is required", "必填")),
            None => match f.default {
                Some(Default::Text(s)) => values.push((f.name, Value::Choice(s))),
                Some(Default::Count(n)) => values.push((f.name, Value::Count(n))),
                Some(Default::Flag(b)) => values.push((f.name, Value::Flag(b))),
                None => {}
            },
        }
    }
    if spec.needs_time && !["hours", "days", "minutes"].iter().any(|t| values.iter().any(|(n, _)| n == t)) {
        return Err(InputError::invalid(at.field("hours"), "one of hours, days or minutes is required", "学时、天数、分钟至少填写一项"));
    }
    Ok((Activity { id: id.to_owned(), kind: spec.kind, kind_index, date, title, fields: values }, id))
}

/// `YYYY-MM-DD`, a real calendar day.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// Checks the whole input against the contract; the first problem found is returned.
pub fn validate(value: &Json, known_rule_sets: &[&str]) -> Result<Input, InputError> {
    let fields = object(value, At::top("input"))?;
    reject_unknown(fields, &["year", "ruleSets", "activities"])?;

    let year = whole(
        lookup(fields, "year").ok_or_else(|| InputError::invalid("year", "is required", "必填"))?,
        At::top("year"),
        MIN_YEAR as u32,
        MAX_YEAR as u32,
    )? as i32;

    let rule_sets = match lookup(fields, "ruleSets") {
        None => None,
        Some(Json::Arr(items)) => {
            if items.is_empty() {
                return Err(InputError::invalid("ruleSets", "must name at least one rule set (omit it for all)", "至少选择一个文件（不填则全部）"));
            }
            let mut ids: Vec<String> = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let at = At::item("ruleSets", i);
                let id = string(item, at)?;
                if !known_rule_sets.contains(&id) {
                    return Err(InputError::new(
                        ErrorCode::UnknownRuleSet,
                        at.to_string(),
                        format!("unknown rule set \"{id}\"; known: {}", known_rule_sets.join(", ")),
                        format!("未知的文件“{id}”"),
                    ));
                }
                if ids.iter().any(|x| x == id) {
                    return Err(InputError::invalid(at, format!("\"{id}\" is listed twice"), format!("“{id}”重复")));
                }
                ids.push(id.to_owned());
            }
            Some(ids)
        }
        Some(other) => return Err(InputError::invalid("ruleSets", format!("must be an array, not {}", other.type_name()), "应为数组")),
    };

    let items = match lookup(fields, "activities") {
        Some(Json::Arr(items)) => items,
        Some(other) => return Err(InputError::invalid("activities", format!("must be an array, not {}", other.type_name()), "应为数组")),
        None => return Err(InputError::invalid("activities", "is required", "必填")),
    };
    if items.len() > MAX_ACTIVITIES {
        return Err(InputError::invalid("activities", format!("at most {MAX_ACTIVITIES} activities"), format!("最多 {MAX_ACTIVITIES} 项活动")));
    }
    let mut activities: Vec<Activity> = Vec::with_capacity(items.len());
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let at = At::item("activities", i);
        let (a, id) = activity(item, at)?;
        if !seen.insert(id) {
            return Err(InputError::invalid(
                at.field("id"),
                format!("\"{}\" is used by an earlier activity", a.id),
                format!("“{}”与前面的活动重复", a.id),
            ));
        }
        activities.push(a);
    }
    Ok(Input { year, rule_sets, activities })
}

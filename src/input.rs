//! The contract's Input: validation that turns a [`Json`] value into a typed [`Input`],
//! against the activity schema (the contract's kinds and the fields loaded rule sets
//! declare). The first problem found is returned, naming its path.

use crate::error::{quoted, quoted_zh, Error, ErrorCode, Path};
use crate::json::Json;
use crate::ruleset::Employer;
use crate::schema::*;
use chrono::{Datelike, NaiveDate};
use std::borrow::Cow;

/// A validated field value; text borrows from the input or the schema.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value<'a> {
    Number(f64),
    Count(u32),
    Choice(&'a str),
    Flag(bool),
    Date(NaiveDate),
}

/// A validated activity: every field checked, defaults filled in.
#[derive(Clone, Debug, PartialEq)]
pub struct Activity<'a> {
    pub id: &'a str,
    /// The kind's index in [`KINDS`].
    pub kind: usize,
    pub date: NaiveDate,
    /// The date as the input wrote it (YYYY-MM-DD): for messages, with no date formatter.
    pub date_text: &'a str,
    pub title: Option<&'a str>,
    /// The earlier year this is make-up study for (补学, contract v2 `makeUpFor`).
    pub make_up_for: Option<i32>,
    fields: Vec<(&'a str, Value<'a>)>,
}

impl<'a> Activity<'a> {
    pub fn get(&self, name: &str) -> Option<Value<'a>> {
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
    pub fn choice(&self, name: &str) -> Option<&'a str> {
        match self.get(name)? {
            Value::Choice(s) => Some(s),
            _ => None,
        }
    }
    pub fn flag(&self, name: &str) -> bool {
        matches!(self.get(name), Some(Value::Flag(true)))
    }
    /// The day leave or an assignment ends, where the input gives one.
    pub fn end(&self) -> Option<NaiveDate> {
        match self.get("end")? {
            Value::Date(d) => Some(d),
            _ => None,
        }
    }
    /// Leave or an assignment: its months in `year`, to 0.01: as given, or its days (in
    /// its own year), or the days from `date` to `end` that fall in `year`, at 12 months
    /// to the year's days.
    pub fn months_in(&self, year: i32) -> f64 {
        let days_in = |y: i32| if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) { 366.0 } else { 365.0 };
        let months = if let Some(end) = self.end() {
            // Days as counted from the calendar's start: no date arithmetic types.
            let first = NaiveDate::from_ymd_opt(year, 1, 1).map_or(0, |d| d.num_days_from_ce());
            let last = first + days_in(year) as i32 - 1;
            let days = end.num_days_from_ce().min(last) - self.date.num_days_from_ce().max(first) + 1;
            f64::from(days.max(0)) * 12.0 / days_in(year)
        } else if let Some(days) = self.number("days") {
            if year == self.year() {
                days * 12.0 / days_in(year)
            } else {
                0.0
            }
        } else {
            self.count("months").map_or(12.0, f64::from)
        };
        (months * 100.0).round() / 100.0
    }
    /// The same kind, day and details (title and id aside).
    pub fn same_content(&self, other: &Activity) -> bool {
        self.kind == other.kind && self.date == other.date && self.make_up_for == other.make_up_for && self.fields == other.fields
    }
    pub fn kind_name(&self) -> &'static str {
        KINDS[self.kind].kind
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

/// The language of explanations and notes (contract v2 `lang`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Profile {
    pub employer: Option<Employer>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Input<'a> {
    pub year: i32,
    /// Indices of the engine's rule sets, in the order asked for.
    pub rule_sets: Vec<usize>,
    pub activities: Vec<Activity<'a>>,
    pub lang: Lang,
    pub profile: Profile,
}

/// What validation needs to know of the engine.
pub struct Known<'k, 'a> {
    /// Every rule set's id, in the engine's order.
    pub rule_sets: &'k [&'k str],
    /// How many of them are built-in (the default when `ruleSets` is left out).
    pub built_in: usize,
    pub extras: &'a [ExtraField],
}

type Fields<'a> = &'a [(Cow<'a, str>, Json<'a>)];
type Found<T> = Result<T, Error>;

fn invalid(at: &Path, en: impl Into<String>, zh: impl Into<String>) -> Error {
    Error::new(ErrorCode::InvalidInput, at, en, zh)
}

fn object<'a>(value: &'a Json<'a>, at: &Path) -> Found<Fields<'a>> {
    match value {
        Json::Obj(fields) => Ok(fields),
        other => Err(invalid(at, format!("must be an object, not {}", other.type_name()), format!("应为对象，不能是{}", other.type_name_zh()))),
    }
}

/// A field's value; `null` counts as absent, as JSON.stringify drops `undefined`.
fn lookup<'a>(fields: Fields<'a>, name: &str) -> Option<&'a Json<'a>> {
    fields.iter().find(|(k, _)| k == name).map(|(_, v)| v).filter(|v| **v != Json::Null)
}

fn required<'a>(fields: Fields<'a>, name: &str, at: &Path) -> Found<&'a Json<'a>> {
    lookup(fields, name).ok_or_else(|| invalid(&at.field(name), "is required", "必填"))
}

fn string<'a>(value: &'a Json<'a>, at: &Path) -> Found<&'a str> {
    match value {
        Json::Str(s) => Ok(s),
        other => Err(invalid(at, format!("must be a string, not {}", other.type_name()), format!("应为文本，不能是{}", other.type_name_zh()))),
    }
}

fn finite(value: &Json, at: &Path) -> Found<f64> {
    match value {
        Json::Num(n) if n.is_finite() => Ok(*n),
        Json::Num(_) => Err(invalid(at, "must be a finite number", "应为有限的数字")),
        other => Err(invalid(at, format!("must be a number, not {}", other.type_name()), format!("应为数字，不能是{}", other.type_name_zh()))),
    }
}

fn whole(value: &Json, at: &Path, min: u32, max: u32) -> Found<u32> {
    let bad = || invalid(at, format!("must be a whole number from {min} to {max}"), format!("应为 {min} 到 {max} 之间的整数"));
    let n = finite(value, at).map_err(|_| bad())?;
    if n.fract() != 0.0 || n < f64::from(min) || n > f64::from(max) {
        return Err(bad());
    }
    Ok(n as u32)
}

fn number(value: &Json, at: &Path, max: f64) -> Found<f64> {
    let n = finite(value, at)?;
    if !(0.0..=max).contains(&n) {
        let max = crate::hours::show_f(max);
        return Err(invalid(at, format!("must be from 0 to {max}"), format!("应在 0 到 {max} 之间")));
    }
    Ok(n + 0.0) // -0 becomes 0
}

fn one_of<'a>(value: &Json, at: &Path, values: impl Iterator<Item = &'a str> + Clone) -> Found<&'a str> {
    let s = string(value, at)?;
    values.clone().find(|v| *v == s).ok_or_else(|| {
        let list = crate::words::list(values, ", ", true);
        invalid(at, format!("must be one of {list}"), format!("应为以下之一：{list}"))
    })
}

fn flag(value: &Json, at: &Path) -> Found<bool> {
    match value {
        Json::Bool(b) => Ok(*b),
        other => Err(invalid(
            at,
            format!("must be true or false, not {}", other.type_name()),
            format!("应为 true 或 false，不能是{}", other.type_name_zh()),
        )),
    }
}

fn field_value<'a>(spec: &'static FieldSpec, value: &Json, at: &Path) -> Found<Value<'a>> {
    Ok(match spec.ty {
        FieldType::Number { max } => Value::Number(number(value, at, max)?),
        FieldType::Count { min, max } => Value::Count(whole(value, at, min, max)?),
        FieldType::Choice { values } => Value::Choice(one_of(value, at, values.iter().copied())?),
        FieldType::Flag => Value::Flag(flag(value, at)?),
        FieldType::Date => Value::Date(
            parse_date(string(value, at)?).ok_or_else(|| invalid(at, "must be a real date written YYYY-MM-DD", "应为有效日期，格式 YYYY-MM-DD"))?,
        ),
    })
}

fn extra_value<'a>(field: &'a ExtraField, value: &Json, at: &Path) -> Found<Value<'a>> {
    Ok(match &field.ty {
        ExtraType::Number { max } => Value::Number(number(value, at, *max)?),
        ExtraType::Count { min, max } => Value::Count(whole(value, at, *min, *max)?),
        ExtraType::Choice { values } => Value::Choice(one_of(value, at, values.iter().map(|v| v.as_str()))?),
        ExtraType::Flag => Value::Flag(flag(value, at)?),
    })
}

/// Text from the input: at most `max` characters.
fn text<'a>(value: &'a Json<'a>, at: &Path, min: usize, max: usize) -> Found<&'a str> {
    let s = string(value, at)?;
    let n = s.chars().count();
    if n < min || n > max {
        let (en, zh) = if min > 0 {
            (format!("must be {min} to {max} characters"), format!("应为 {min} 到 {max} 个字符"))
        } else {
            (format!("must be at most {max} characters"), format!("不能超过 {max} 个字符"))
        };
        return Err(invalid(at, en, zh));
    }
    Ok(s)
}

const COMMON: &[&str] = &["id", "kind", "date", "title", "makeUpFor"];

/// One activity.
fn activity<'a>(value: &'a Json<'a>, at: &Path, extras: &'a [ExtraField]) -> Found<Activity<'a>> {
    let fields = object(value, at)?;
    let kind_at = at.field("kind");
    let kind = string(required(fields, "kind", at)?, &kind_at)?;
    let (kind_index, spec) = kind_spec(kind).ok_or_else(|| {
        Error::new(ErrorCode::UnknownKind, kind_at, format!("unknown kind {}", quoted(kind)), format!("未知的活动类型{}", quoted_zh(kind)))
    })?;
    let id = text(required(fields, "id", at)?, &at.field("id"), 1, MAX_ID_CHARS)?;
    let date_at = at.field("date");
    let date_text = string(required(fields, "date", at)?, &date_at)?;
    let date = parse_date(date_text).ok_or_else(|| invalid(&date_at, "must be a real date written YYYY-MM-DD", "应为有效日期，格式 YYYY-MM-DD"))?;
    let title = lookup(fields, "title").map(|v| text(v, &at.field("title"), 0, MAX_TITLE_CHARS)).transpose()?;
    let make_up_for = lookup(fields, "makeUpFor").map(|v| make_up_year(v, &at.field("makeUpFor"), date)).transpose()?;
    let extra = |name: &str| extras.iter().find(|f| f.kind == kind_index && *f.name == *name);
    if let Some((k, _)) = fields.iter().find(|(k, _)| !COMMON.contains(&&**k) && spec.field(k).is_none() && extra(k).is_none()) {
        return Err(invalid(&at.field(k), format!("unknown field for kind \"{}\"", spec.kind), format!("“{}”类活动没有此字段", spec.kind)));
    }
    let mut values = Vec::with_capacity(spec.fields.len());
    for f in spec.fields {
        let f_at = at.field(f.name);
        match lookup(fields, f.name) {
            Some(v) => values.push((f.name, field_value(f, v, &f_at)?)),
            None if f.required => return Err(invalid(&f_at, "is required", "必填")),
            None => match f.default {
                Some(Default::Text(s)) => values.push((f.name, Value::Choice(s))),
                Some(Default::Count(n)) => values.push((f.name, Value::Count(n))),
                Some(Default::Flag(b)) => values.push((f.name, Value::Flag(b))),
                None => {}
            },
        }
    }
    for f in extras.iter().filter(|f| f.kind == kind_index) {
        if let Some(v) = lookup(fields, &f.name) {
            values.push((f.name.as_str(), extra_value(f, v, &at.field(&f.name))?));
        }
    }
    if spec.needs_time && !["hours", "days", "minutes"].iter().any(|t| values.iter().any(|(n, _)| n == t)) {
        return Err(invalid(&at.field("hours"), "one of hours, days or minutes is required", "学时、天数、分钟至少填写一项"));
    }
    if spec.field("end").is_some() {
        span(&values, at, date)?;
    }
    Ok(Activity { id, kind: kind_index, date, date_text, title, make_up_for, fields: values })
}

impl<'a> Activity<'a> {
    /// An activity the engine proposes (`plan`): the given fields, the kind's defaults for
    /// the rest, as validation would fill them. `date_text` must be `date` written out.
    pub fn proposed(id: &'a str, kind: usize, date: NaiveDate, date_text: &'a str, given: Vec<(&'a str, Value<'a>)>) -> Activity<'a> {
        let mut fields = given;
        for f in KINDS[kind].fields {
            if fields.iter().any(|(n, _)| *n == f.name) {
                continue;
            }
            match f.default {
                Some(Default::Text(s)) => fields.push((f.name, Value::Choice(s))),
                Some(Default::Count(n)) => fields.push((f.name, Value::Count(n))),
                Some(Default::Flag(b)) => fields.push((f.name, Value::Flag(b))),
                None => {}
            }
        }
        Activity { id, kind, date, date_text, title: None, make_up_for: None, fields }
    }
    /// The fields given or filled in, in order.
    pub fn fields(&self) -> &[(&'a str, Value<'a>)] {
        &self.fields
    }
}

/// 补学 makes up a year before the one the study was done in.
fn make_up_year(value: &Json, at: &Path, date: NaiveDate) -> Found<i32> {
    // Years as u32, as `whole` writes its bounds: no second integer formatter in the wasm.
    let (first, before) = (MIN_YEAR as u32, (date.year() - 1).max(0) as u32);
    let bad = || {
        invalid(
            at,
            format!("must be a year from {first} to {before}, before the activity's date (make-up study is for an earlier year)"),
            format!("应为 {first} 到 {before} 之间的年份，早于活动日期（补学补的是以前的年度）"),
        )
    };
    if before < first {
        return Err(bad());
    }
    whole(value, at, first, before).map(|y| y as i32).map_err(|_| bad())
}

/// Leave and assignments: exactly one of months, days or an end date, the end not before
/// the start and within ten years of it.
fn span(values: &[(&str, Value)], at: &Path, date: NaiveDate) -> Found<()> {
    let mut given = None;
    for (name, value) in values {
        if !["months", "days", "end"].contains(name) {
            continue;
        }
        if given.is_some() {
            return Err(invalid(&at.field(name), "give one of months, days or end, not several", "月数、天数、结束日期只填写一项"));
        }
        given = Some(value);
        if let Value::Date(end) = value {
            if *end < date || end.year() - date.year() > 10 {
                return Err(invalid(&at.field("end"), "must be from the activity's date to ten years after it", "应在活动日期当天至其后十年之内"));
            }
        }
    }
    match given {
        Some(_) => Ok(()),
        None => Err(invalid(&at.field("months"), "one of months, days or end is required", "月数、天数、结束日期填写一项")),
    }
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

fn rule_sets(value: Option<&Json>, known: &Known<'_, '_>) -> Found<Vec<usize>> {
    let root = Path::Root("input");
    let at = root.field("ruleSets");
    let items = match value {
        None => return Ok((0..known.built_in).collect()),
        Some(Json::Arr(items)) => items,
        Some(other) => {
            return Err(invalid(&at, format!("must be an array, not {}", other.type_name()), format!("应为数组，不能是{}", other.type_name_zh())))
        }
    };
    if items.is_empty() {
        return Err(invalid(
            &at,
            "must name at least one rule set (leave it out for all built-in ones)",
            "应至少列出一个文件；不填此项则使用全部内置文件",
        ));
    }
    let mut out: Vec<usize> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let item_at = at.index(i);
        let id = string(item, &item_at)?;
        let Some(index) = known.rule_sets.iter().position(|k| *k == id) else {
            return Err(Error::new(
                ErrorCode::UnknownRuleSet,
                item_at,
                format!("unknown rule set {}; known: {}", quoted(id), crate::words::list(known.rule_sets.iter().copied(), ", ", false)),
                format!("未知的文件{}；可用：{}", quoted_zh(id), crate::words::list(known.rule_sets.iter().copied(), "、", false)),
            ));
        };
        if out.contains(&index) {
            return Err(invalid(&item_at, format!("{} is listed twice", quoted(id)), format!("{}重复", quoted_zh(id))));
        }
        out.push(index);
    }
    Ok(out)
}

fn profile(value: Option<&Json>) -> Found<Profile> {
    let Some(value) = value else { return Ok(Profile::default()) };
    let root = Path::Root("input");
    let at = root.field("profile");
    let fields = object(value, &at)?;
    if let Some((k, _)) = fields.iter().find(|(k, _)| k != "employer") {
        return Err(invalid(&at.field(k), "unknown field", "未知字段"));
    }
    let employer = match lookup(fields, "employer") {
        None => None,
        Some(v) => {
            let name = one_of(v, &at.field("employer"), Employer::ALL.iter().map(|(n, _)| *n))?;
            Employer::ALL.iter().find(|(n, _)| *n == name).map(|(_, e)| *e)
        }
    };
    Ok(Profile { employer })
}

/// The first activity, in input order, whose id an earlier one has: by sorting rather than
/// a hash set, which cost the wasm more code than this does.
fn repeated_id(activities: &[Activity], at: &Path) -> Option<Error> {
    let mut order: Vec<(&str, usize)> = activities.iter().enumerate().map(|(i, a)| (a.id, i)).collect();
    order.sort_unstable();
    let later = order.windows(2).filter(|w| w[0].0 == w[1].0).map(|w| w[1].1).min()?;
    let id = activities[later].id;
    let item = at.index(later);
    Some(invalid(&item.field("id"), format!("{} is used by an earlier activity", quoted(id)), format!("{}与前面的活动重复", quoted_zh(id))))
}

/// Checks the whole input against the contract.
pub fn validate<'a>(value: &'a Json<'a>, known: &Known<'_, 'a>) -> Found<Input<'a>> {
    let root = Path::Root("input");
    let fields = object(value, &root)?;
    unknown_field(fields, &root, &["year"])?;
    let year = a_year(fields, "year", &root)?;
    validate_rest(fields, &root, known, year)
}

/// The most years `evaluateYears` takes at once.
pub const MAX_SPAN_YEARS: i32 = 10;

/// Checks an input of `evaluateYears`: `from` and `to` (at most [`MAX_SPAN_YEARS`])
/// instead of `year`. The input's `year` is `from`; the last year is returned beside it.
pub fn validate_years<'a>(value: &'a Json<'a>, known: &Known<'_, 'a>) -> Found<(Input<'a>, i32)> {
    let root = Path::Root("input");
    let fields = object(value, &root)?;
    unknown_field(fields, &root, &["from", "to"])?;
    let (from, to) = (a_year(fields, "from", &root)?, a_year(fields, "to", &root)?);
    if to < from {
        return Err(invalid(&root.field("to"), "must not be before \"from\"", "不能早于 from"));
    }
    if to - from >= MAX_SPAN_YEARS {
        let n = MAX_SPAN_YEARS;
        return Err(invalid(&root.field("to"), format!("at most {n} years from \"from\""), format!("从 from 起最多 {n} 个年度")));
    }
    Ok((validate_rest(fields, &root, known, from)?, to))
}

/// A field neither the input's own nor the period's (`year`, or `from` and `to`).
fn unknown_field(fields: Fields, root: &Path, period: &[&str]) -> Found<()> {
    let ours = |k: &str| ["ruleSets", "activities", "lang", "profile"].contains(&k) || period.contains(&k);
    match fields.iter().find(|(k, _)| !ours(k)) {
        Some((k, _)) => Err(invalid(&root.field(k), "unknown field", "未知字段")),
        None => Ok(()),
    }
}

fn a_year(fields: Fields, name: &str, root: &Path) -> Found<i32> {
    Ok(whole(required(fields, name, root)?, &root.field(name), MIN_YEAR as u32, MAX_YEAR as u32)? as i32)
}

/// Everything but the year: rule sets, language, profile, activities.
fn validate_rest<'a>(fields: Fields<'a>, root: &Path, known: &Known<'_, 'a>, year: i32) -> Found<Input<'a>> {
    let root = *root;
    let rule_sets = rule_sets(lookup(fields, "ruleSets"), known)?;
    let lang = match lookup(fields, "lang") {
        None => Lang::Zh,
        Some(v) => match one_of(v, &root.field("lang"), ["zh", "en"].into_iter())? {
            "en" => Lang::En,
            _ => Lang::Zh,
        },
    };
    let profile = profile(lookup(fields, "profile"))?;
    let acts_at = root.field("activities");
    let items = match required(fields, "activities", &root)? {
        Json::Arr(items) => items,
        other => {
            return Err(invalid(
                &acts_at,
                format!("must be an array, not {}", other.type_name()),
                format!("应为数组，不能是{}", other.type_name_zh()),
            ))
        }
    };
    if items.len() > MAX_ACTIVITIES {
        return Err(invalid(&acts_at, format!("at most {MAX_ACTIVITIES} activities"), format!("最多 {MAX_ACTIVITIES} 项活动")));
    }
    let mut activities: Vec<Activity> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match activity(item, &acts_at.index(i), known.extras) {
            Ok(a) => activities.push(a),
            // A repeated id before this activity is the first problem in input order.
            Err(e) => return Err(repeated_id(&activities, &acts_at).unwrap_or(e)),
        }
    }
    if let Some(e) = repeated_id(&activities, &acts_at) {
        return Err(e);
    }
    Ok(Input { year, rule_sets, activities, lang, profile })
}

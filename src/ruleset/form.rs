//! The rule set document format as tables: every object's fields, their types and bounds,
//! with a line of documentation each. One walk over a document checks it against them
//! (`check`), and `schema` writes them out as JSON Schema, so the two never disagree.
//! What a table cannot say (that a clause id exists, that a kind has the field a rule
//! tests) is checked by `read`.

use crate::error::{quoted, quoted_zh, Error, ErrorCode, Path};
use crate::json::Json;
use std::fmt::Write;

/// What a value must be.
#[derive(Clone, Copy)]
pub enum Ty {
    /// Text that is not blank, at most so many characters.
    Text(u16),
    /// An id: letters, digits, `-`, `_`, `.`; at most 64.
    Ident,
    /// A rule set id: lower-case letters, digits, `-`.
    SetId,
    Date,
    /// Hours: more than 0 (or at least 0), at most 10,000.
    Hours {
        zero: bool,
    },
    /// 学时 in a day: more than 0, at most 24.
    PerDay,
    Whole(u32, u32),
    /// `"2/3"`.
    Fraction,
    Bool,
    Enum(&'static [&'static str]),
    Obj(&'static [Field]),
    List(&'static Ty),
    /// A credit form: its name alone, or `{ name: parameters }` (see `CREDIT_FORMS`).
    Credit,
    /// `{ field: value | [values] | { min, max } }`; the values are checked against the
    /// kind's field by `read`.
    When,
    /// Expected hours: a number, or `{ min, max }` with `max` null for no maximum.
    Expected,
    /// An object keyed by `public`, `professional`, `total`.
    Parts(&'static Ty),
    /// An example's input: an object, checked when the example runs.
    Input,
}

pub struct Field {
    pub name: &'static str,
    pub ty: Ty,
    pub required: bool,
    pub doc: &'static str,
}

const fn req(name: &'static str, ty: Ty, doc: &'static str) -> Field {
    Field { name, ty, required: true, doc }
}
const fn opt(name: &'static str, ty: Ty, doc: &'static str) -> Field {
    Field { name, ty, required: false, doc }
}

const LABEL: Ty = Ty::Text(300);
const HOURS: Ty = Ty::Hours { zero: false };
const HOURS0: Ty = Ty::Hours { zero: true };
pub const KINDS: &[&str] = &[
    "training",
    "advancedSeminar",
    "refresher",
    "practice",
    "lecture",
    "conference",
    "degree",
    "graduateCourses",
    "selfStudyExam",
    "qualificationExam",
    "languageComputerExam",
    "paper",
    "book",
    "patent",
    "softwareCopyright",
    "standard",
    "award",
    "researchProject",
    "competition",
    "expertService",
    "assignment",
    "leave",
    "unitStudy",
    "other",
];
const KIND: Ty = Ty::Enum(KINDS);
pub const EMPLOYERS: &[&str] = &["enterprise", "institution", "government"];
pub const STATUSES: &[&str] = &["credited", "capped", "deemed", "upTo", "undetermined", "notCovered", "otherYear"];
pub const COMPLIANCE: &[&str] = &["met", "possible", "short", "exempt"];

const CLAUSE: &[Field] = &[
    req("id", Ty::Ident, "What rules call the clause by."),
    req("ref", LABEL, "Where it is in the notice, e.g. 第八条第（四）项."),
    req("quote", Ty::Text(5000), "The clause's own words; …… marks words left out."),
    opt("evidence", Ty::List(&LABEL), "The proof the clause names, in its words (毕业证); rules citing it inherit it."),
];
const GOVERNS: &[Field] = &[req("from", Ty::Date, "First day governed."), req("to", Ty::Date, "Last day governed.")];
const REQUIREMENT: &[Field] = &[
    req("total", HOURS0, "学时 a year in all."),
    req("public", HOURS0, "At least this many of 公需科目."),
    req("professional", HOURS0, "At least this many of 专业科目."),
    opt("professionalShare", Ty::Fraction, "Where the notice states 专业 as a share of the total, e.g. \"2/3\"."),
    req("clause", Ty::Ident, "The clause that sets the requirement."),
];
const TIME: &[Field] = &[
    opt("hoursPerDay", Ty::PerDay, "学时 in a day (default 8)."),
    opt("partTimeHoursPerDay", Ty::PerDay, "半脱产: the daily rate of half-time study, where the notice sets one."),
    opt("minutesPerHour", HOURS, "Minutes that make 1 学时 in a part of a day (default 60)."),
    opt("clause", Ty::Ident, "The clause that sets these."),
];
const CAP: &[Field] = &[
    req("id", Ty::Ident, "What rules call the cap by."),
    req("hours", HOURS, "The yearly maximum (每年最多…学时)."),
    req("label", LABEL, "What the cap covers, in the notice's terms."),
    opt("labelEn", LABEL, "The same in English."),
];
const RULE: &[Field] = &[
    req("kind", KIND, "The kind of activity the rule takes."),
    opt("when", Ty::When, "Conditions on the activity's fields; the first rule whose kind and conditions match applies."),
    opt(
        "subject",
        Ty::Enum(&["public", "professional", "fromActivity"]),
        "The part credited (default professional; fromActivity: the training's own subject).",
    ),
    req("credit", Ty::Credit, "How the activity becomes hours."),
    opt("cap", Ty::Ident, "The yearly cap the rule's lines share."),
    req("label", LABEL, "What the rule covers, in the notice's terms; explanations start with it."),
    opt("labelEn", LABEL, "The same in English."),
    req("clause", Ty::Ident, "The clause that says so."),
    opt("evidence", Ty::List(&LABEL), "The proof to bring, in the notice's words (overrides the clause's)."),
];
const NOT_MENTIONED: &[Field] = &[
    req("kind", KIND, "A kind the notice does not mention."),
    req("note", LABEL, "The closest clause, to name in the explanation."),
    opt("noteEn", LABEL, "The same in English."),
];
const RULES_FROM: &[Field] = &[
    req("ruleSet", Ty::SetId, "The rule set whose crediting rules apply (loaded or built in)."),
    req("clause", Ty::Ident, "The clause of this notice that defers to it."),
];
const EXEMPTION: &[Field] = &[
    req("employer", Ty::List(&Ty::Enum(EMPLOYERS)), "The kinds of employer relieved."),
    req("clause", Ty::Ident, "The clause that relieves them (不作硬性要求)."),
];
const YEARS: &[Field] = &[req("from", Ty::Whole(1990, 2100), "The first year."), req("to", Ty::Whole(1990, 2100), "The last year.")];
const MAKE_UP: &[Field] = &[
    req("years", Ty::Obj(YEARS), "The years that may be made up (补学), both included."),
    req("doneFrom", Ty::Date, "The first day make-up study counts."),
    opt("doneTo", Ty::Date, "The last day it counts, where the notice sets a deadline."),
    opt("maxYears", Ty::Whole(1, 20), "At most so many of those years (最多不超过3个年度)."),
    req("clause", Ty::Ident, "The clause that allows it."),
];
const COUNTED_ONCE: &[Field] = &[
    opt("kinds", Ty::List(&KIND), "The kinds it speaks of (all when left out)."),
    req("clause", Ty::Ident, "The clause: 同一作品不累计计算, 不重复计算…"),
];
const DECLARED_FIELD: &[Field] = &[
    req("kind", KIND, "The kind that gets the field."),
    req("name", Ty::Ident, "A camelCase name not already a field of the kind."),
    req("type", Ty::Enum(&["number", "count", "choice", "flag"]), "number (with max), count (min, max), choice (values), flag."),
    opt("max", HOURS, "For number and count."),
    opt("min", Ty::Whole(0, 1_000_000), "For count."),
    opt("values", Ty::List(&Ty::Ident), "For choice."),
    req("label", LABEL, "How a form names the field."),
    opt("labelEn", LABEL, "The same in English."),
];
const NOTE: &[Field] = &[req("text", LABEL, "A fact worth telling every user."), opt("textEn", LABEL, "The same in English.")];
const EXPECT_LINE: &[Field] = &[
    req("activity", Ty::Text(100), "The activity's id."),
    opt("hours", Ty::Expected, "Its hours."),
    opt("status", Ty::Enum(STATUSES), "Its status."),
    opt("clause", LABEL, "The clause ref it cites."),
];
const EXPECT: &[Field] = &[
    opt("compliance", Ty::Enum(COMPLIANCE), "The result's compliance."),
    opt("totals", Ty::Parts(&Ty::Expected), "Totals by part."),
    opt("requirement", Ty::Parts(&HOURS0), "The requirement by part."),
    opt("shortfall", Ty::Parts(&HOURS0), "What is short by part."),
    opt("lines", Ty::List(&Ty::Obj(EXPECT_LINE)), "Lines by activity id."),
];
const EXAMPLE: &[Field] = &[
    opt("title", LABEL, "What the example shows."),
    req("input", Ty::Input, "An input without ruleSets: it runs under this document alone."),
    req("expect", Ty::Obj(EXPECT), "The parts of the result expected; what is left out is not checked."),
];

/// Every field of a document, in the order a document is best written.
pub const DOCUMENT: &[Field] = &[
    req("format", Ty::Enum(&[super::FORMAT]), "The format and its version."),
    req("id", Ty::SetId, "A stable id, e.g. taian-2022."),
    req("title", LABEL, "The official title."),
    opt("titleEn", LABEL, "An English rendering of the title."),
    req("issuer", LABEL, "Who issued the notice."),
    opt("docNumber", LABEL, "The 文号, e.g. 新人社规〔2022〕9号; leave out (or null) when it has none."),
    req("region", LABEL, "The region it governs."),
    opt("regionEn", LABEL, "The same in English."),
    req("governs", Ty::Obj(GOVERNS), "The days the notice governs, both ends included."),
    req("clauses", Ty::List(&Ty::Obj(CLAUSE)), "The clauses the document cites."),
    req("requirement", Ty::Obj(REQUIREMENT), "The yearly requirement."),
    opt("time", Ty::Obj(TIME), "How days and minutes become 学时."),
    opt("caps", Ty::List(&Ty::Obj(CAP)), "Yearly maxima shared by the rules that name them."),
    opt("rules", Ty::List(&Ty::Obj(RULE)), "The conversions, in order (required unless rulesFrom)."),
    opt("notMentioned", Ty::List(&Ty::Obj(NOT_MENTIONED)), "Kinds the notice does not mention, with the closest clause."),
    opt("noCarryOver", Ty::Ident, "The clause that forbids carrying hours over."),
    opt(
        "countedOnce",
        Ty::List(&Ty::Obj(COUNTED_ONCE)),
        "Where the notice says one piece of work counts once: claims that look alike are warned of.",
    ),
    opt("rulesFrom", Ty::Obj(RULES_FROM), "Crediting follows another rule set, by a clause of this notice."),
    opt("exemptions", Ty::List(&Ty::Obj(EXEMPTION)), "Groups the notice relieves of the requirement."),
    opt("makeUp", Ty::List(&Ty::Obj(MAKE_UP)), "Make-up study (补学) it allows; an activity's makeUpFor names the year."),
    opt("fields", Ty::List(&Ty::Obj(DECLARED_FIELD)), "Activity fields the rules need beyond the contract's."),
    opt("notes", Ty::List(&Ty::Obj(NOTE)), "Facts worth telling every user."),
    opt("examples", Ty::List(&Ty::Obj(EXAMPLE)), "Worked examples that `xueshi check` runs."),
];

const PER_DAY: &[Field] = &[req("hours", HOURS, "学时 a day."), opt("paperBonus", HOURS0, "Extra 学时 when a paper was presented.")];
const PER_UNIT: &[Field] = &[
    req("hours", HOURS, "学时 per unit."),
    req("field", Ty::Ident, "The count it multiplies (courses, subjects, …)."),
    req("unit", Ty::Text(20), "The unit's word (门)."),
    opt("unitEn", Ty::Text(40), "The same in English (courses)."),
];
const ACTUAL: &[Field] = &[opt("multiple", HOURS, "Times the actual time (6 for a lecturer)."), opt("maxPerDay", HOURS, "At most this many a day.")];
const DEEMED: &[Field] = &[
    req("parts", Ty::List(&Ty::Enum(&["public", "professional"])), "The parts counted as completed."),
    opt("years", Ty::Whole(1, 10), "For so many years ending with the activity's (default 1)."),
];
const SPREAD: &[Field] =
    &[req("hours", HOURS, "The amount."), req("years", Ty::Whole(2, 10), "Registered in equal parts over so many years from the activity's.")];
const BY_MONTHS: &[Field] = &[req("public", HOURS0, "公需 for a full year."), req("professional", HOURS0, "专业 for a full year.")];
const PRORATE: &[Field] = &[
    req("moreThanMonths", Ty::Whole(0, 11), "Counts once the group's months exceed this."),
    req("group", Ty::Text(64), "Leave of one group adds up (abroad, sick, …)."),
];

/// Every credit form: its name, and its parameters (`None`: written as the name alone).
pub const CREDIT_FORMS: &[(&str, Option<Ty>, &str)] = &[
    ("fixed", Some(HOURS), "A fixed amount per item (每项 10 学时)."),
    ("perUnit", Some(Ty::Obj(PER_UNIT)), "An amount per course or exam subject (每门 25 学时)."),
    ("sharedByAuthors", Some(HOURS), "An amount shared equally by the authors (按作者数均分)."),
    ("actualTime", None, "The actual time (按实际学时)."),
    ("actualTime", Some(Ty::Obj(ACTUAL)), "The actual time, times a multiple, at most so much a day."),
    ("perDay", Some(Ty::Obj(PER_DAY)), "So many a day, plus a bonus for a paper presented."),
    ("upToCap", None, "Only a yearly maximum is stated: 0 up to what the rule's cap leaves."),
    ("undetermined", None, "No amount is stated: open, bounded by the rule's cap if it has one."),
    ("deemed", Some(Ty::Obj(DEEMED)), "视同完成: counts as completing parts of the requirement."),
    ("perStudyYear", Some(HOURS), "So much per year of the programme's length (学制内每年)."),
    ("spread", Some(Ty::Obj(SPREAD)), "A fixed amount registered over several years (分两年登记)."),
    ("perYearByMonths", Some(Ty::Obj(BY_MONTHS)), "Amounts for a full year, pro rata by months (按月份比例)."),
    ("prorateRequirement", Some(Ty::Obj(PRORATE)), "Leave: the requirement is pro-rated by time on duty."),
    ("requirementRelief", None, "The requirement may be reduced by an amount left open."),
    ("excluded", None, "The notice names this case and gives it nothing."),
];

fn bad(path: &Path, en: impl Into<String>, zh: impl Into<String>) -> Error {
    Error::new(ErrorCode::InvalidRuleSet, path, en, zh)
}

/// Checks a value against its type, and what it holds against theirs.
pub fn check(v: &Json, ty: &Ty, path: &Path) -> Result<(), Error> {
    match (ty, v) {
        (Ty::Obj(fields), Json::Obj(_)) => check_object(v, fields, path),
        (Ty::List(item), Json::Arr(items)) => items.iter().enumerate().try_for_each(|(i, x)| check(x, item, &path.index(i))),
        (Ty::Parts(item), Json::Obj(fields)) => fields.iter().try_for_each(|(k, x)| match k.as_ref() {
            "public" | "professional" | "total" => check(x, item, &path.field(k)),
            _ => Err(bad(&path.field(k), "must be public, professional or total", "应为 public、professional 或 total")),
        }),
        (Ty::Credit, _) => check_credit(v, path),
        (Ty::When, Json::Obj(fields)) => fields.iter().try_for_each(|(k, x)| check_condition(x, &path.field(k))),
        (Ty::Expected, Json::Obj(_)) => check_object(v, &[req("min", HOURS0, ""), opt("max", HOURS0, "")], path),
        (Ty::Expected, _) => check(v, &HOURS0, path),
        (Ty::Input, Json::Obj(_)) => Ok(()),
        (Ty::Bool, Json::Bool(_)) => Ok(()),
        (Ty::Hours { .. } | Ty::PerDay | Ty::Whole(..), Json::Num(n)) => check_number(*n, ty, path),
        (Ty::Text(_) | Ty::Ident | Ty::SetId | Ty::Date | Ty::Fraction | Ty::Enum(_), Json::Str(s)) => check_text(s, ty, path),
        _ => {
            let (en, zh) = expected(ty);
            let (got, got_zh) = (v.type_name(), v.type_name_zh());
            Err(bad(path, format!("must be {en}, not {got}"), format!("应为{zh}，不能是{got_zh}")))
        }
    }
}

/// What a type is, in words.
fn expected(ty: &Ty) -> (&'static str, &'static str) {
    match ty {
        Ty::Obj(_) | Ty::Parts(_) | Ty::When | Ty::Input => ("an object", "对象"),
        Ty::List(_) => ("an array", "数组"),
        Ty::Bool => ("true or false", "true 或 false"),
        Ty::Hours { .. } | Ty::PerDay | Ty::Whole(..) | Ty::Expected => ("a number", "数字"),
        Ty::Credit => ("a credit form", "计算方式"),
        _ => ("text", "文本"),
    }
}

fn check_object(v: &Json, fields: &[Field], path: &Path) -> Result<(), Error> {
    let Json::Obj(items) = v else { return Err(bad(path, "must be an object", "应为对象")) };
    if let Some((k, _)) = items.iter().find(|(k, _)| !fields.iter().any(|f| f.name == k)) {
        let known = fields.iter().map(|f| f.name).collect::<Vec<_>>().join(", ");
        return Err(bad(&path.field(k), format!("unknown field; known: {known}"), format!("未知字段；可用的字段：{known}")));
    }
    for f in fields {
        match v.get(f.name) {
            Some(x) => check(x, &f.ty, &path.field(f.name))?,
            None if f.required => return Err(bad(&path.field(f.name), "is required", "必填")),
            None => {}
        }
    }
    Ok(())
}

fn check_number(n: f64, ty: &Ty, path: &Path) -> Result<(), Error> {
    let ok = match *ty {
        Ty::Hours { zero } => n.is_finite() && n <= 10_000.0 && (n > 0.0 || (zero && n == 0.0)),
        Ty::PerDay => n > 0.0 && n <= 24.0,
        Ty::Whole(min, max) => n.fract() == 0.0 && n >= f64::from(min) && n <= f64::from(max),
        _ => true,
    };
    if ok {
        return Ok(());
    }
    Err(match *ty {
        Ty::Hours { zero: true } => bad(path, "must be a number from 0 to 10000", "应为 0 到 10000 之间的数字"),
        Ty::Hours { zero: false } => bad(path, "must be a number > 0 and at most 10000", "应为大于 0 且不超过 10000 的数字"),
        Ty::PerDay => bad(path, "must be a number > 0 and at most 24", "应为大于 0 且不超过 24 的数字"),
        Ty::Whole(min, max) => bad(path, format!("must be a whole number from {min} to {max}"), format!("应为 {min} 到 {max} 之间的整数")),
        _ => bad(path, "must be a number", "应为数字"),
    })
}

fn check_text(s: &str, ty: &Ty, path: &Path) -> Result<(), Error> {
    let ok = match *ty {
        Ty::Text(max) => !s.trim().is_empty() && s.chars().nth(usize::from(max)).is_none(),
        Ty::Ident => ident(s, b"-_."),
        Ty::SetId => ident(s, b"-") && !s.bytes().any(|b| b.is_ascii_uppercase()),
        Ty::Date => crate::input::parse_date(s).is_some(),
        Ty::Fraction => fraction(s).is_some(),
        Ty::Enum(values) => values.contains(&s),
        _ => true,
    };
    if ok {
        return Ok(());
    }
    Err(match *ty {
        Ty::Text(max) if !s.trim().is_empty() => bad(path, format!("must be at most {max} characters"), format!("不能超过 {max} 个字符")),
        Ty::Text(_) => bad(path, "must not be empty", "不能为空"),
        Ty::Ident => bad(
            path,
            format!("{} must be 1 to 64 letters, digits, -, _ or .", quoted(s)),
            format!("{}应为 1 到 64 个字母、数字、-、_ 或 .", quoted_zh(s)),
        ),
        Ty::SetId => bad(
            path,
            format!("{} must be 1 to 64 lower-case letters, digits or -", quoted(s)),
            format!("{}应为 1 到 64 个小写字母、数字或 -", quoted_zh(s)),
        ),
        Ty::Date => bad(path, "must be a real date written YYYY-MM-DD", "应为有效日期，格式 YYYY-MM-DD"),
        Ty::Fraction => bad(path, "must be a fraction such as \"2/3\"", "应为分数，如“2/3”"),
        Ty::Enum(values) => {
            let list = values.iter().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join(", ");
            bad(path, format!("must be one of {list}, not {}", quoted(s)), format!("应为以下之一：{list}，不能是{}", quoted_zh(s)))
        }
        _ => bad(path, "is not valid", "无效"),
    })
}

fn ident(s: &str, extra: &[u8]) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || extra.contains(&b))
}

/// `"2/3"`: a share between 0 and 1.
pub fn fraction(s: &str) -> Option<(u32, u32)> {
    let (a, b) = s.split_once('/')?;
    let (n, d) = (a.trim().parse::<u32>().ok()?, b.trim().parse::<u32>().ok()?);
    (n > 0 && d >= n).then_some((n, d))
}

/// A credit form: the name of a form without parameters, or `{ name: parameters }`.
fn check_credit(v: &Json, path: &Path) -> Result<(), Error> {
    let (name, param) = match v {
        Json::Str(s) => (&**s, None),
        Json::Obj(items) if items.len() == 1 => (&*items[0].0, Some(&items[0].1)),
        _ => {
            return Err(bad(
                path,
                format!("must be a form's name or {{\"form\": parameters}}; forms: {}", form_names()),
                format!("应为计算方式名称或 {{方式: 参数}}；可用：{}", form_names()),
            ))
        }
    };
    let forms = || CREDIT_FORMS.iter().filter(|(n, _, _)| *n == name);
    if forms().next().is_none() {
        return Err(bad(
            path,
            format!("unknown credit form {}; known: {}", quoted(name), form_names()),
            format!("未知的计算方式{}；可用：{}", quoted_zh(name), form_names()),
        ));
    }
    match (param, forms().find_map(|(_, ty, _)| ty.as_ref())) {
        (None, _) if forms().any(|(_, ty, _)| ty.is_none()) => Ok(()),
        (None, _) => Err(bad(path, format!("\"{name}\" needs parameters: {{\"{name}\": …}}"), format!("“{name}”需要参数：{{\"{name}\": …}}"))),
        (Some(p), Some(ty)) => check(p, ty, &path.field(name)),
        (Some(_), None) => {
            Err(bad(&path.field(name), format!("\"{name}\" takes no parameters: write \"{name}\""), format!("“{name}”没有参数，直接写“{name}”")))
        }
    }
}

fn form_names() -> String {
    let mut names: Vec<&str> = CREDIT_FORMS.iter().map(|(n, _, _)| *n).collect();
    names.dedup();
    names.join(", ")
}

fn check_condition(v: &Json, path: &Path) -> Result<(), Error> {
    let scalar = |x: &Json| matches!(x, Json::Str(_) | Json::Num(_) | Json::Bool(_));
    match v {
        Json::Arr(items) if !items.is_empty() && items.iter().all(scalar) => Ok(()),
        Json::Obj(_) => {
            check_object(v, &[opt("min", HOURS0, ""), opt("max", HOURS0, "")], path)?;
            if v.get("min").is_none() && v.get("max").is_none() {
                return Err(bad(path, "must give \"min\", \"max\" or both", "应给出 min、max 或两者"));
            }
            Ok(())
        }
        x if scalar(x) => Ok(()),
        _ => Err(bad(path, "must be a value, a list of values, or {\"min\", \"max\"}", "应为一个取值、取值列表，或 {min, max}")),
    }
}

// --- JSON Schema --------------------------------------------------------------------

/// The document format as JSON Schema (draft 2020-12), written from the tables above.
pub fn schema() -> String {
    let mut out = String::with_capacity(16 * 1024);
    out.push_str(r#"{"$schema":"https://json-schema.org/draft/2020-12/schema","title":"xueshi rule set document","description":"One official notice's continuing-education hour rules (学时认定), every number citing its clause. See RULESETS.md.","#);
    // Either own rules or rules from another rule set.
    out.push_str(r#""oneOf":[{"required":["rules"],"not":{"required":["rulesFrom"]}},{"required":["rulesFrom"],"not":{"anyOf":[{"required":["time"]},{"required":["caps"]},{"required":["rules"]},{"required":["notMentioned"]},{"required":["noCarryOver"]},{"required":["countedOnce"]}]}}],"#);
    object_body(&mut out, DOCUMENT);
    out.push('}');
    out
}

fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn object_body(out: &mut String, fields: &[Field]) {
    out.push_str(r#""type":"object","additionalProperties":false,"required":["#);
    let required: Vec<&Field> = fields.iter().filter(|f| f.required).collect();
    for (i, f) in required.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        string(out, f.name);
    }
    out.push_str(r#"],"properties":{"#);
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        string(out, f.name);
        out.push(':');
        // The reader takes null for a field left out.
        if !f.required {
            out.push_str(r#"{"anyOf":["#);
        }
        write_ty(out, &f.ty, f.doc);
        if !f.required {
            out.push_str(r#",{"type":"null"}]}"#);
        }
    }
    out.push('}');
}

fn write_ty(out: &mut String, ty: &Ty, doc: &str) {
    out.push('{');
    if !doc.is_empty() {
        out.push_str(r#""description":"#);
        string(out, doc);
        out.push(',');
    }
    let _ = match ty {
        Ty::Text(max) => write!(out, r#""type":"string","minLength":1,"maxLength":{max},"pattern":"\\S""#),
        Ty::Ident => write!(out, r#""type":"string","pattern":"^[A-Za-z0-9._-]{{1,64}}$""#),
        Ty::SetId => write!(out, r#""type":"string","pattern":"^[a-z0-9-]{{1,64}}$""#),
        Ty::Date => write!(out, r#""type":"string","pattern":"^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}$""#),
        Ty::Hours { zero: true } => write!(out, r#""type":"number","minimum":0,"maximum":10000"#),
        Ty::Hours { zero: false } => write!(out, r#""type":"number","exclusiveMinimum":0,"maximum":10000"#),
        Ty::PerDay => write!(out, r#""type":"number","exclusiveMinimum":0,"maximum":24"#),
        Ty::Whole(min, max) => write!(out, r#""type":"integer","minimum":{min},"maximum":{max}"#),
        Ty::Fraction => write!(out, r#""type":"string","pattern":"^\\s*[0-9]+\\s*/\\s*[0-9]+\\s*$""#),
        Ty::Bool => write!(out, r#""type":"boolean""#),
        Ty::Input => write!(out, r#""type":"object","not":{{"required":["ruleSets"]}}"#),
        Ty::When => write!(
            out,
            r#""type":"object","additionalProperties":{{"oneOf":[{{"type":["string","number","boolean"]}},{{"type":"array","minItems":1,"items":{{"type":["string","number","boolean"]}}}},{{"type":"object","additionalProperties":false,"minProperties":1,"properties":{{"min":{{"type":"number","minimum":0}},"max":{{"type":"number","minimum":0}}}}}}]}}"#
        ),
        Ty::Expected => write!(
            out,
            r#""oneOf":[{{"type":"number","minimum":0}},{{"type":"object","additionalProperties":false,"required":["min"],"properties":{{"min":{{"type":"number","minimum":0}},"max":{{"type":["number","null"],"minimum":0}}}}}}]"#
        ),
        Ty::Enum(values) => {
            out.push_str(r#""enum":["#);
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(out, v);
            }
            write!(out, "]")
        }
        Ty::Obj(fields) => {
            object_body(out, fields);
            Ok(())
        }
        Ty::List(item) => {
            out.push_str(r#""type":"array","items":"#);
            write_ty(out, item, "");
            Ok(())
        }
        Ty::Parts(item) => {
            out.push_str(r#""type":"object","propertyNames":{"enum":["public","professional","total"]},"additionalProperties":"#);
            write_ty(out, item, "");
            Ok(())
        }
        Ty::Credit => {
            credit_schema(out);
            Ok(())
        }
    };
    out.push('}');
}

fn credit_schema(out: &mut String) {
    out.push_str(r#""oneOf":[{"enum":["#);
    let bare: Vec<&str> = CREDIT_FORMS.iter().filter(|(_, ty, _)| ty.is_none()).map(|(n, _, _)| *n).collect();
    for (i, n) in bare.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        string(out, n);
    }
    out.push(']');
    out.push('}');
    for (name, ty, doc) in CREDIT_FORMS {
        let Some(ty) = ty else { continue };
        out.push_str(r#",{"type":"object","additionalProperties":false,"minProperties":1,"maxProperties":1,"required":["#);
        string(out, name);
        out.push_str(r#"],"properties":{"#);
        string(out, name);
        out.push(':');
        write_ty(out, ty, doc);
        out.push_str("}}");
    }
    out.push(']');
}

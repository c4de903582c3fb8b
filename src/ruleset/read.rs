//! Reading a rule set document into a checked [`RuleSet`]: first its shape against the
//! format's tables (`form::check`), then what the tables cannot say (every reference to a
//! clause, a cap, a kind, a field or a rule set resolves; the values a rule tests are the
//! field's), then the values the engine uses. Every problem is an `invalidRuleSet` error
//! naming its path in the document, in English and Chinese.

use super::form::{self, Ty};
use super::*;
use crate::error::{quoted, quoted_zh, Error, ErrorCode, Path};
use crate::json::{self, Json};
use crate::schema::{kind_spec, ExtraType, FieldType, KindSpec, KINDS};

/// No document is larger: a notice's rules fit in a few tens of kilobytes.
pub const MAX_DOCUMENT_BYTES: usize = 1 << 20;

type Found<T> = Result<T, Error>;

/// What a document is read against besides the activity schema.
pub struct Context<'e> {
    /// Fields that rule sets already loaded declare; a document may declare the same
    /// field again only with the same type.
    pub extras: &'e [ExtraField],
}

pub(crate) fn bad(path: &Path, en: impl Into<String>, zh: impl Into<String>) -> Error {
    Error::new(ErrorCode::InvalidRuleSet, path, en, zh)
}

/// Reads a document from JSON text.
pub fn read_text(text: &str, source: Source, cx: &Context) -> Found<RuleSet> {
    let root = Path::Root("document");
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(bad(&root, "is larger than 1 MB", "超过 1 MB"));
    }
    let doc = json::parse(text).map_err(|e| {
        let path = if e.path.is_empty() { "document".to_owned() } else { e.path.clone() };
        Error::new(ErrorCode::InvalidRuleSet, path, format!("cannot be read: {}", e.en()), format!("无法读取：{}", e.zh()))
    })?;
    read(&doc, source, cx)
}

// Values of a document whose shape `form::check` has passed.
fn text<'j>(v: &'j Json, key: &str) -> &'j str {
    match v.get(key) {
        Some(Json::Str(s)) => s,
        _ => "",
    }
}
fn sym(v: &Json, key: &str) -> Sym {
    Sym::new(text(v, key))
}
fn opt_sym(v: &Json, key: &str) -> Option<Sym> {
    v.get(key).map(|_| sym(v, key))
}
fn num(v: &Json, key: &str) -> Option<f64> {
    match v.get(key) {
        Some(Json::Num(n)) => Some(*n + 0.0),
        _ => None,
    }
}
fn items<'j>(v: &'j Json<'j>, key: &str) -> &'j [Json<'j>] {
    match v.get(key) {
        Some(Json::Arr(items)) => items,
        _ => &[],
    }
}
fn label(v: &Json, key: &str, en: &str) -> Label {
    Label { zh: sym(v, key), en: opt_sym(v, en) }
}
fn syms(v: &Json, key: &str) -> Vec<Sym> {
    items(v, key).iter().filter_map(|x| if let Json::Str(s) = x { Some(Sym::new(s)) } else { None }).collect()
}

/// Reads a document from a JSON value.
pub fn read(doc: &Json, source: Source, cx: &Context) -> Found<RuleSet> {
    let root = Path::Root("document");
    form::check(doc, &Ty::Obj(form::DOCUMENT), &root)?;
    let id = sym(doc, "id");
    let clauses = clause_table(doc, &root)?;
    let fields = declared_fields(doc, &root, &id, cx)?;
    let crediting = crediting(doc, &root, &clauses, &fields)?;
    let governs = governs(doc, &root)?;
    let requirement = requirement(doc, &root, &clauses)?;
    let at = root.field("exemptions");
    let exemptions = items(doc, "exemptions")
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let employers = Employer::ALL
                .iter()
                .filter(|(n, _)| items(e, "employer").iter().any(|x| matches!(x, Json::Str(s) if s == n)))
                .map(|(_, e)| *e)
                .collect();
            Ok(Exemption { employers, clause: clauses.clause(e, &at.index(i))? })
        })
        .collect::<Found<_>>()?;
    let make_up = make_up(doc, &root, &clauses)?;
    let at = root.field("examples");
    let examples = items(doc, "examples").iter().enumerate().map(|(i, e)| example::read(e, &at.index(i))).collect::<Found<_>>()?;
    Ok(RuleSet {
        title: sym(doc, "title"),
        title_en: opt_sym(doc, "titleEn"),
        issuer: sym(doc, "issuer"),
        doc_number: opt_sym(doc, "docNumber"),
        region: sym(doc, "region"),
        region_en: opt_sym(doc, "regionEn"),
        governs,
        requirement,
        crediting,
        exemptions,
        make_up,
        notes: items(doc, "notes").iter().map(|n| label(n, "text", "textEn")).collect(),
        examples,
        fields,
        id,
        source,
    })
}

/// The document's clauses by id, with the proof each names.
struct ClauseTable(Vec<(Sym, Clause, Vec<Sym>)>);

impl ClauseTable {
    /// The clause an object's `clause` names.
    fn find(&self, v: &Json, path: &Path) -> Found<&(Sym, Clause, Vec<Sym>)> {
        let id = text(v, "clause");
        self.0.iter().find(|(k, _, _)| **k == *id).ok_or_else(|| {
            let at = path.field("clause");
            bad(&at, format!("no clause has the id {} (see \"clauses\")", quoted(id)), format!("没有 id 为{}的条款（见 clauses）", quoted_zh(id)))
        })
    }
    fn clause(&self, v: &Json, path: &Path) -> Found<Clause> {
        self.find(v, path).map(|(_, c, _)| c.clone())
    }
}

fn clause_table(doc: &Json, root: &Path) -> Found<ClauseTable> {
    let mut table: Vec<(Sym, Clause, Vec<Sym>)> = Vec::new();
    let at = root.field("clauses");
    for (i, c) in items(doc, "clauses").iter().enumerate() {
        let id = text(c, "id");
        if table.iter().any(|(k, _, _)| **k == *id) {
            let p = at.index(i);
            return Err(bad(&p.field("id"), format!("{} is used by an earlier clause", quoted(id)), format!("{}与前面的条款重复", quoted_zh(id))));
        }
        table.push((Sym::new(id), Clause { reference: sym(c, "ref"), quote: sym(c, "quote") }, syms(c, "evidence")));
    }
    Ok(ClauseTable(table))
}

fn make_up(doc: &Json, root: &Path, clauses: &ClauseTable) -> Found<Vec<MakeUp>> {
    let at = root.field("makeUp");
    let whole = |v: &Json, k: &str| num(v, k).unwrap_or(0.0) as u32;
    let mut out = Vec::new();
    for (i, m) in items(doc, "makeUp").iter().enumerate() {
        let p = at.index(i);
        let years = m.get("years").unwrap_or(&Json::Null);
        let years = (whole(years, "from"), whole(years, "to"));
        if years.1 < years.0 {
            return Err(bad(&p.field("years").field("to"), "must not be before \"from\"", "不能早于 from"));
        }
        let done_to = opt_sym(m, "doneTo");
        if done_to.as_ref().is_some_and(|t| **t < *text(m, "doneFrom")) {
            return Err(bad(&p.field("doneTo"), "must not be before \"doneFrom\"", "不能早于 doneFrom"));
        }
        let max_years = num(m, "maxYears").map(|n| n as u32);
        let (_, clause, evidence) = clauses.find(m, &p)?;
        out.push(MakeUp { years, done_from: sym(m, "doneFrom"), done_to, max_years, clause: clause.clone(), evidence: evidence.clone() });
    }
    Ok(out)
}

fn governs(doc: &Json, root: &Path) -> Found<Governs> {
    let g = doc.get("governs").unwrap_or(&Json::Null);
    let date = |k: &str| crate::input::parse_date(text(g, k)).unwrap_or_default();
    let (from, to) = (date("from"), date("to"));
    if to < from {
        let at = root.field("governs");
        return Err(bad(&at.field("to"), "must not be before \"from\"", "不能早于 from"));
    }
    Ok(Governs { from, to, from_text: sym(g, "from"), to_text: sym(g, "to") })
}

fn requirement(doc: &Json, root: &Path, clauses: &ClauseTable) -> Found<Requirement> {
    let at = root.field("requirement");
    let r = doc.get("requirement").unwrap_or(&Json::Null);
    let amount = |k: &str| num(r, k).unwrap_or(0.0);
    let (total, public, professional) = (amount("total"), amount("public"), amount("professional"));
    if public + professional > total {
        return Err(bad(&at.field("total"), "must be at least public + professional", "应不小于公需与专业之和"));
    }
    Ok(Requirement {
        total,
        public,
        professional,
        share: r.get("professionalShare").and_then(|_| form::fraction(text(r, "professionalShare"))),
        clause: clauses.clause(r, &at)?,
    })
}

/// The fields a document declares (contract v2 "extra activity fields").
fn declared_fields(doc: &Json, root: &Path, rule_set: &Sym, cx: &Context) -> Found<Vec<ExtraField>> {
    let mut out: Vec<ExtraField> = Vec::new();
    let at = root.field("fields");
    for (i, v) in items(doc, "fields").iter().enumerate() {
        let p = at.index(i);
        let field = declared_field(v, &p, rule_set)?;
        let clash = |f: &ExtraField| f.kind == field.kind && f.name == field.name;
        if out.iter().any(clash) {
            return Err(bad(&p.field("name"), "is declared twice for this kind", "同一类活动重复声明此字段"));
        }
        if let Some(other) = cx.extras.iter().find(|f| clash(f) && f.rule_set != *rule_set && f.ty != field.ty) {
            return Err(bad(
                &p.field("type"),
                format!("differs from the same field declared by {}", quoted(&other.rule_set)),
                format!("与{}声明的同名字段类型不同", quoted_zh(&other.rule_set)),
            ));
        }
        out.push(field);
    }
    Ok(out)
}

fn declared_field(v: &Json, p: &Path, rule_set: &Sym) -> Found<ExtraField> {
    let (kind, spec) = kind_spec(text(v, "kind")).unwrap_or((0, &KINDS[0]));
    let name = text(v, "name");
    if !name.bytes().all(|b| b.is_ascii_alphanumeric()) || !name.starts_with(|c: char| c.is_ascii_lowercase()) {
        return Err(bad(&p.field("name"), "must be a camelCase name (letters and digits)", "应为驼峰式名称（字母和数字）"));
    }
    if spec.field(name).is_some() || ["id", "kind", "date", "title"].contains(&name) {
        return Err(bad(
            &p.field("name"),
            format!("\"{name}\" is already a field of \"{}\"", spec.kind),
            format!("“{name}”已是“{}”类活动的字段", spec.kind),
        ));
    }
    let need = |k: &str| {
        v.get(k).map(|_| ()).ok_or_else(|| {
            bad(&p.field(k), format!("is required for a field of type \"{}\"", text(v, "type")), format!("“{}”类型的字段必须给出", text(v, "type")))
        })
    };
    let max = num(v, "max").unwrap_or(0.0);
    let ty = match text(v, "type") {
        "number" => need("max").map(|_| ExtraType::Number { max })?,
        "count" => {
            need("min")?;
            need("max")?;
            let min = num(v, "min").unwrap_or(0.0);
            if max.fract() != 0.0 || max < min {
                return Err(bad(&p.field("max"), "must be a whole number not below min", "应为不小于 min 的整数"));
            }
            ExtraType::Count { min: min as u32, max: max as u32 }
        }
        "choice" => need("values").map(|_| ExtraType::Choice { values: syms(v, "values") })?,
        _ => ExtraType::Flag,
    };
    let label = label(v, "label", "labelEn");
    Ok(ExtraField { kind, name: Sym::new(name), ty, label: label.zh, label_en: label.en, rule_set: rule_set.clone() })
}

// --- crediting ----------------------------------------------------------------------

const OWN: [&str; 6] = ["time", "caps", "rules", "notMentioned", "noCarryOver", "countedOnce"];

fn crediting(doc: &Json, root: &Path, clauses: &ClauseTable, fields: &[ExtraField]) -> Found<Crediting> {
    if let Some(from) = doc.get("rulesFrom") {
        if let Some(own) = OWN.iter().find(|k| doc.get(k).is_some()) {
            return Err(bad(
                &root.field(own),
                "must not be given with \"rulesFrom\" (the rules are the other rule set's)",
                "给出 rulesFrom 时不能再给出此项（规则取自另一文件）",
            ));
        }
        return Ok(Crediting::From { rule_set: sym(from, "ruleSet"), clause: clauses.clause(from, &root.field("rulesFrom"))? });
    }
    if items(doc, "rules").is_empty() {
        return Err(bad(&root.field("rules"), "must hold at least one rule (or give \"rulesFrom\")", "至少要有一条规则（或给出 rulesFrom）"));
    }
    let t = doc.get("time").unwrap_or(&Json::Null);
    let time = TimeRule {
        hours_per_day: num(t, "hoursPerDay").unwrap_or(8.0),
        part_time_hours_per_day: num(t, "partTimeHoursPerDay"),
        minutes_per_hour: num(t, "minutesPerHour").unwrap_or(60.0),
        clause: t.get("clause").map(|_| clauses.clause(t, &root.field("time"))).transpose()?,
    };
    let caps: Vec<Cap> = items(doc, "caps")
        .iter()
        .map(|c| Cap { id: sym(c, "id"), hours: num(c, "hours").unwrap_or(0.0), label: label(c, "label", "labelEn") })
        .collect();
    if let Some(i) = (0..caps.len()).find(|&i| caps[..i].iter().any(|d| d.id == caps[i].id)) {
        let at = root.field("caps");
        return Err(bad(&at.index(i).field("id"), "is used by an earlier cap", "与前面的上限重复"));
    }
    let at = root.field("rules");
    let rules: Vec<Rule> =
        items(doc, "rules").iter().enumerate().map(|(i, r)| rule(r, &at.index(i), clauses, &caps, fields)).collect::<Found<_>>()?;
    unreachable(&rules, &at)?;
    let not_mentioned = items(doc, "notMentioned")
        .iter()
        .map(|n| NotMentioned { kind: kind_spec(text(n, "kind")).map_or(0, |k| k.0), note: label(n, "note", "noteEn") })
        .collect();
    let no_carry_over = doc.get("noCarryOver").map(|_| clauses.by_id(text(doc, "noCarryOver"), &root.field("noCarryOver"))).transpose()?;
    let at = root.field("countedOnce");
    let counted_once = items(doc, "countedOnce")
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let kinds = items(c, "kinds").iter().filter_map(|k| kind_spec(if let Json::Str(s) = k { s } else { "" })).map(|k| k.0 as u32).collect();
            Ok(CountedOnce { kinds, clause: clauses.clause(c, &at.index(i))? })
        })
        .collect::<Found<_>>()?;
    let by_kind = (0..KINDS.len()).map(|k| (0..rules.len()).filter(|&i| rules[i].kind == k).map(|i| i as u16).collect()).collect();
    Ok(Crediting::Own(std::sync::Arc::new(Rules { time, caps, rules, by_kind, not_mentioned, no_carry_over, counted_once })))
}

/// A rule that an earlier one always takes first (the same kind, and no conditions or the
/// same ones) would never apply: the document means something else.
fn unreachable(rules: &[Rule], at: &Path) -> Found<()> {
    for (i, r) in rules.iter().enumerate() {
        if let Some(j) = rules[..i].iter().position(|e| e.kind == r.kind && (e.when.is_empty() || e.when == r.when)) {
            let kind = KINDS[r.kind].kind;
            return Err(bad(
                &at.index(i),
                format!("never applies: rules[{j}] takes every such \"{kind}\" first (put the rules with narrower conditions first)"),
                format!("永远不会用到：rules[{j}] 已先取走这些“{kind}”类活动（请把条件更具体的规则放在前面）"),
            ));
        }
    }
    Ok(())
}

impl ClauseTable {
    fn by_id(&self, id: &str, at: &Path) -> Found<Clause> {
        self.0.iter().find(|(k, _, _)| **k == *id).map(|(_, c, _)| c.clone()).ok_or_else(|| {
            bad(at, format!("no clause has the id {} (see \"clauses\")", quoted(id)), format!("没有 id 为{}的条款（见 clauses）", quoted_zh(id)))
        })
    }
}

fn rule(r: &Json, path: &Path, clauses: &ClauseTable, caps: &[Cap], extra: &[ExtraField]) -> Found<Rule> {
    let (kind, spec) = kind_spec(text(r, "kind")).unwrap_or((0, &KINDS[0]));
    let fields = KindFields { spec, kind, extra };
    let when = match r.get("when") {
        Some(Json::Obj(items)) => items.iter().map(|(k, v)| condition(k, v, &path.field("when"), &fields)).collect::<Found<_>>()?,
        _ => Vec::new(),
    };
    let subject = match text(r, "subject") {
        "public" => SubjectOf::Public,
        "fromActivity" => SubjectOf::FromActivity,
        _ => SubjectOf::Professional,
    };
    if subject == SubjectOf::FromActivity {
        fields.need("subject", &path.field("subject"), "\"fromActivity\"")?;
    }
    let cap = match r.get("cap") {
        None => None,
        Some(_) => {
            let (id, at) = (text(r, "cap"), path.field("cap"));
            Some(caps.iter().position(|c| *c.id == *id).ok_or_else(|| {
                bad(&at, format!("no cap has the id {} (see \"caps\")", quoted(id)), format!("没有 id 为{}的上限（见 caps）", quoted_zh(id)))
            })?)
        }
    };
    let credit = credit(r.get("credit").unwrap_or(&Json::Null), &path.field("credit"), &fields)?;
    if credit == Credit::UpToCap && cap.is_none() {
        return Err(bad(&path.field("cap"), "is required with \"upToCap\" (up to which yearly maximum?)", "“upToCap”必须指明上限（cap）"));
    }
    let (_, clause, clause_evidence) = clauses.find(r, path)?;
    let evidence = if r.get("evidence").is_some() { syms(r, "evidence") } else { clause_evidence.clone() };
    Ok(Rule { kind, when, credit, subject, cap, label: label(r, "label", "labelEn"), clause: clause.clone(), evidence })
}

/// The fields an activity of one kind may have: the contract's, and those the document
/// declares.
struct KindFields<'a> {
    spec: &'static KindSpec,
    kind: usize,
    extra: &'a [ExtraField],
}

/// A field's type, as far as a rule can test it.
enum FieldKind<'a> {
    Number,
    Choice(Vec<&'a str>),
    Flag,
}

impl KindFields<'_> {
    fn kind_of(&self, name: &str) -> Option<FieldKind<'_>> {
        if let Some(f) = self.spec.field(name) {
            return Some(match f.ty {
                FieldType::Number { .. } | FieldType::Count { .. } => FieldKind::Number,
                FieldType::Choice { values } => FieldKind::Choice(values.to_vec()),
                FieldType::Flag => FieldKind::Flag,
                // Dates (a leave's end) are not what a rule tests.
                FieldType::Date => return None,
            });
        }
        let f = self.extra.iter().find(|f| f.kind == self.kind && *f.name == *name)?;
        Some(match &f.ty {
            ExtraType::Number { .. } | ExtraType::Count { .. } => FieldKind::Number,
            ExtraType::Choice { values } => FieldKind::Choice(values.iter().map(|v| v.as_str()).collect()),
            ExtraType::Flag => FieldKind::Flag,
        })
    }
    /// The field, or an error saying the kind has no such field.
    fn need(&self, name: &str, path: &Path, why: &str) -> Found<FieldKind<'_>> {
        self.kind_of(name).ok_or_else(|| {
            bad(
                path,
                format!("{why} needs the field \"{name}\", which \"{}\" does not have", self.spec.kind),
                format!("{why}需要“{name}”字段，“{}”类活动没有", self.spec.kind),
            )
        })
    }
}

/// One condition of `when`, its values checked against the field's type.
fn condition(name: &str, v: &Json, path: &Path, fields: &KindFields) -> Found<When> {
    let p = path.field(name);
    let kind = fields.kind_of(name).ok_or_else(|| {
        bad(&p, format!("\"{}\" has no field {}", fields.spec.kind, quoted(name)), format!("“{}”类活动没有{}字段", fields.spec.kind, quoted_zh(name)))
    })?;
    let test = match (v, &kind) {
        (Json::Obj(_), FieldKind::Number) => {
            let (min, max) = (num(v, "min"), num(v, "max"));
            if min.zip(max).is_some_and(|(a, b)| a > b) {
                return Err(bad(&p.field("max"), "must not be less than min", "不能小于 min"));
            }
            Test::Between { min, max }
        }
        (Json::Obj(_), _) => return Err(bad(&p, "{\"min\", \"max\"} is only for numbers", "{min, max} 只用于数字字段")),
        (Json::Arr(values), _) => Test::OneOf(values.iter().enumerate().map(|(i, x)| scalar(x, &p.index(i), &kind)).collect::<Found<_>>()?),
        (single, _) => Test::OneOf(vec![scalar(single, &p, &kind)?]),
    };
    Ok(When { field: Sym::new(name), test })
}

fn scalar(v: &Json, path: &Path, kind: &FieldKind) -> Found<Scalar> {
    match (kind, v) {
        (FieldKind::Number, Json::Num(n)) => Ok(Scalar::Num(*n)),
        (FieldKind::Flag, Json::Bool(b)) => Ok(Scalar::Bool(*b)),
        (FieldKind::Choice(values), Json::Str(s)) if values.contains(&&**s) => Ok(Scalar::Text(Sym::new(s))),
        (FieldKind::Choice(values), _) => {
            let list = values.iter().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join(", ");
            Err(bad(path, format!("must be one of {list}"), format!("应为以下之一：{list}")))
        }
        (FieldKind::Number, _) => Err(bad(path, "must be a number, or {\"min\", \"max\"}", "应为数字，或 {min, max}")),
        (FieldKind::Flag, _) => Err(bad(path, "must be true or false", "应为 true 或 false")),
    }
}

/// A credit form (its shape already checked), and the fields it reads on the rule's kind.
fn credit(v: &Json, path: &Path, fields: &KindFields) -> Found<Credit> {
    let (name, p) = match v {
        Json::Obj(items) => (&*items[0].0, &items[0].1),
        _ => (text_of(v), &Json::Null),
    };
    let at = path.field(name);
    let need = |field: &str, why: &str| fields.need(field, path, why).map(|_| ());
    let amount = |k: &str| num(p, k).unwrap_or(0.0);
    let whole = |k: &str, default: u32| num(p, k).map_or(default, |n| n as u32);
    Ok(match (name, p) {
        ("fixed", Json::Num(h)) => Credit::Fixed(*h),
        ("sharedByAuthors", Json::Num(h)) => need("authors", "\"sharedByAuthors\"").map(|_| Credit::SharedByAuthors(*h))?,
        ("perStudyYear", Json::Num(h)) => need("studyYears", "\"perStudyYear\"").map(|_| Credit::PerStudyYear(*h))?,
        ("actualTime", _) => need("hours", "\"actualTime\"")
            .map(|_| Credit::ActualTime { multiple: num(p, "multiple").unwrap_or(1.0), max_per_day: num(p, "maxPerDay") })?,
        ("perDay", _) => {
            need("hours", "\"perDay\"")?;
            if amount("paperBonus") > 0.0 {
                fields.need("presentedPaper", &at.field("paperBonus"), "\"paperBonus\"")?;
            }
            Credit::PerDay { hours: amount("hours"), paper_bonus: amount("paperBonus") }
        }
        ("perUnit", _) => {
            let field = text(p, "field");
            if !matches!(fields.need(field, &at.field("field"), "\"perUnit\"")?, FieldKind::Number) {
                return Err(bad(&at.field("field"), format!("\"{field}\" is not a number or a count"), format!("“{field}”不是数字或计数字段")));
            }
            Credit::PerUnit { hours: amount("hours"), field: Sym::new(field), unit: label(p, "unit", "unitEn") }
        }
        ("deemed", _) => {
            let part = |x: &str| items(p, "parts").iter().any(|v| matches!(v, Json::Str(s) if s == x));
            Credit::Deemed { public: part("public"), professional: part("professional"), years: whole("years", 1) }
        }
        ("spread", _) => Credit::Spread { hours: amount("hours"), years: whole("years", 2) },
        ("perYearByMonths", _) => need("months", "\"perYearByMonths\"")
            .map(|_| Credit::PerYearByMonths { public: amount("public"), professional: amount("professional") })?,
        ("prorateRequirement", _) => {
            need("months", "\"prorateRequirement\"")?;
            Credit::ProrateRequirement { more_than_months: whole("moreThanMonths", 0), group: sym(p, "group") }
        }
        ("upToCap", _) => Credit::UpToCap,
        ("requirementRelief", _) => Credit::RequirementRelief,
        ("excluded", _) => Credit::Excluded,
        _ => Credit::Undetermined,
    })
}

fn text_of<'j>(v: &'j Json) -> &'j str {
    match v {
        Json::Str(s) => s,
        _ => "",
    }
}

//! Evaluation: each activity under each rule set, then caps, requirement, totals and
//! compliance. Generic over the vocabulary in `model`; no document is named here.

use crate::hours::{cents, show, show_f, to_f64};
use crate::input::{Activity, Input, KINDS};
use crate::model::{Cap, Clause, Closest, Credit, Crediting, Rule, RuleSet, Subject, SubjectOf, TimeRule};
use crate::report::*;
use chrono::NaiveDate;
use std::borrow::Cow;
use std::fmt::Write;

/// Hours in cents; `max: None` is "no maximum".
#[derive(Clone, Copy, Debug, PartialEq)]
struct Span {
    min: i64,
    max: Option<i64>,
}

impl Span {
    const ZERO: Span = Span { min: 0, max: Some(0) };
    fn exact(c: i64) -> Span {
        Span { min: c, max: Some(c) }
    }
    fn range(self) -> Range {
        Range { min: to_f64(self.min), max: self.max.map(to_f64) }
    }
    fn add(self, o: Span) -> Span {
        Span { min: self.min + o.min, max: self.max.zip(o.max).map(|(a, b)| a + b) }
    }
}

/// What the engine knows of a line before caps and totals.
struct Draft<'r> {
    subject: Subject,
    span: Span,
    status: Status,
    clause: Option<Clause>,
    explain: String,
    parts: Option<[(Subject, Span); 2]>,
    cap: Option<&'r Cap>,
    /// The explanation already states the cap (no need to repeat it when it bites).
    cap_said: bool,
    effect: Effect<'r>,
}

/// What a line does besides crediting hours.
#[derive(Clone, Copy, PartialEq)]
enum Effect<'r> {
    None,
    Deemed {
        public: bool,
        professional: bool,
    },
    /// Leave of `group`, which counts once the group's months exceed `threshold`.
    Leave {
        months: u32,
        group: &'r str,
        threshold: u32,
    },
    Relief,
}

/// The crediting rules of a rule set, with deferrals resolved and what every evaluation
/// would otherwise look up again worked out once.
pub struct Resolved<'a> {
    time: &'a TimeRule,
    caps: &'a [Cap],
    rules: &'a [Rule],
    /// Each rule's clause as shown: with the lending document's number where borrowed.
    cited: Vec<Clause>,
    /// For each kind of `input::KINDS`, the rules that take it, in order.
    by_kind: Vec<Vec<usize>>,
    closest: &'a [Closest],
    no_carry_over: Option<Clause>,
    /// Where the rules are borrowed: the note that says by which clause.
    deferral: Option<crate::model::Text>,
}

/// Finds the crediting rules of `rs`, following one deferral to another set of `all`.
pub fn resolve<'a>(rs: &'a RuleSet, all: &'a [RuleSet]) -> Option<Resolved<'a>> {
    let (own, lender_doc, deferral) = match &rs.crediting {
        own @ Crediting::Own { .. } => (own, None, None),
        Crediting::Borrowed { from, clause } => {
            let lender = all.iter().find(|r| &r.id == from)?;
            (&lender.crediting, Some(lender.doc_number.as_deref().unwrap_or(&lender.title)), Some(clause))
        }
    };
    let Crediting::Own { time, caps, rules, closest, no_carry_over } = own else { return None };
    let cite = |c: &Clause| match lender_doc {
        Some(doc) => Clause { reference: format!("{doc}{}", c.reference).into(), quote: c.quote.clone() },
        None => c.clone(),
    };
    Some(Resolved {
        time,
        caps,
        rules,
        cited: rules.iter().map(|r| cite(&r.clause)).collect(),
        by_kind: KINDS.iter().map(|k| rules.iter().enumerate().filter(|(_, r)| r.kind == k.kind).map(|(i, _)| i).collect()).collect(),
        closest,
        no_carry_over: no_carry_over.as_ref().map(cite),
        deferral: deferral.map(|c: &Clause| format!("{}：其他方式的学时按所引文件的办法认定", c.reference).into()),
    })
}

impl Resolved<'_> {
    fn cap(&self, id: &Option<crate::model::Text>) -> Option<&Cap> {
        id.as_ref().and_then(|id| self.caps.iter().find(|c| &c.id == id))
    }
    /// The first rule that takes the activity.
    fn rule_for(&self, a: &Activity) -> Option<usize> {
        let candidates = self.by_kind.get(a.kind_index)?;
        candidates.iter().copied().find(|&i| self.rules[i].when.iter().all(|w| w.values.iter().any(|v| a.value_is(&w.field, v))))
    }
}

impl Resolved<'static> {
    /// For the built-in rule sets, resolved once for the program's life: the shown
    /// clause refs and the deferral note become static text too, which the wire sends
    /// to JS only once.
    pub fn forever(mut self) -> Self {
        fn keep(text: &mut Cow<'static, str>) {
            if let Cow::Owned(s) = text {
                *text = Cow::Borrowed(Box::leak(std::mem::take(s).into_boxed_str()));
            }
        }
        self.cited.iter_mut().chain(self.no_carry_over.iter_mut()).for_each(|c| keep(&mut c.reference));
        self.deferral.iter_mut().for_each(keep);
        self
    }
}

/// The years an activity dated `year` counts for: `years` of them, ending with its own.
fn span_years(year: i32, years: u32) -> (i32, i32) {
    (year - (years.max(1) as i32 - 1), year)
}

/// `2024 年度` or `2021–2024 年度`.
fn years_text(from: i32, to: i32) -> impl std::fmt::Display {
    std::fmt::from_fn(move |f| if from == to { write!(f, "{to} 年度") } else { write!(f, "{from}–{to} 年度") })
}

/// Actual time in 学时 under the document's time rule; writes the words for it to `out`.
fn time_hours(a: &Activity, t: &TimeRule, max_per_day: Option<f64>, out: &mut String) -> f64 {
    let day_rate = max_per_day.map_or(t.day_hours, |m| m.min(t.day_hours));
    if let Some(h) = a.number("hours") {
        if let (Some(d), Some(m)) = (a.number("days"), max_per_day) {
            if h > d * m {
                let limit = d * m;
                let _ = write!(out, "{} 学时，每天不超过 {} 学时：{} 天 × {} = {}", show_f(h), show_f(m), show_f(d), show_f(m), show_f(limit));
                return limit;
            }
        }
        let _ = write!(out, "{} 学时", show_f(h));
        return h;
    }
    let mut total = 0.0;
    let days = a.number("days");
    if let Some(d) = days {
        total += d * day_rate;
        let _ = write!(out, "{} 天 × {} 学时/天", show_f(d), show_f(day_rate));
    }
    if let Some(m) = a.number("minutes") {
        total += m / t.minutes_per_hour;
        let plus = if days.is_some() { " + " } else { "" };
        let _ = write!(out, "{plus}{} 分钟 ÷ {} 分钟/学时", show_f(m), show_f(t.minutes_per_hour));
    }
    let _ = write!(out, " = {}", show_f(total));
    total
}

/// Days of an activity for a per-day rate: `days`, else its time at a day's 学时.
fn days_of(a: &Activity, t: &TimeRule, out: &mut String) -> f64 {
    if let Some(d) = a.number("days") {
        let _ = write!(out, "{} 天", show_f(d));
        return d;
    }
    let h = time_hours(a, t, None, out);
    let d = h / t.day_hours;
    let _ = write!(out, "，÷ {} 学时/天 = {} 天", show_f(t.day_hours), show_f(d));
    d
}

fn subject_of(rule: &Rule, a: &Activity) -> Subject {
    match rule.subject {
        SubjectOf::Public => Subject::Public,
        SubjectOf::Professional => Subject::Professional,
        SubjectOf::Activity => match a.choice("subject") {
            Some("public") => Subject::Public,
            _ => Subject::Professional,
        },
    }
}

fn part_name(public: bool, professional: bool) -> &'static str {
    match (public, professional) {
        (true, true) => "全部公需和专业科目",
        (true, false) => "公需科目",
        _ => "专业科目",
    }
}

/// One activity under one rule, before caps.
fn draft<'r>(res: &'r Resolved, year: i32, a: &Activity) -> Draft<'r> {
    let index = res.rule_for(a);
    let rule = index.map(|i| &res.rules[i]);
    let mut d = Draft {
        subject: rule.map_or(Subject::Professional, |r| subject_of(r, a)),
        span: Span::ZERO,
        status: Status::Credited,
        clause: index.map(|i| res.cited[i].clone()),
        explain: String::new(),
        parts: None,
        cap: rule.and_then(|r| res.cap(&r.cap)),
        cap_said: false,
        effect: Effect::None,
    };

    // Which year an activity belongs to comes first (contract rules 6 and 7), whether or
    // not the document rates its kind.
    let covered_years = match rule.map(|r| &r.credit) {
        Some(Credit::Deemed { years, .. }) => *years,
        Some(Credit::PerStudyYear { .. }) => a.study_years(),
        _ => 1,
    };
    let (first, last) = span_years(a.year(), covered_years);
    if year < first || year > last {
        d.status = Status::OtherYear;
        d.cap = None;
        let _ = write!(d.explain, "{}：计入{}，不计入 {year} 年度", rule.map_or("此项活动", |r| &r.label), years_text(first, last));
        if let Some(c) = &res.no_carry_over {
            let _ = write!(d.explain, "；{}：不得结转", c.reference);
        }
        return d;
    }

    let Some(rule) = rule else {
        d.status = Status::NotCovered;
        d.explain.push_str("本文件未规定此类活动的学时");
        if let Some(c) = res.closest.iter().find(|c| c.kind == a.kind) {
            let _ = write!(d.explain, "；{}", c.note);
        }
        return d;
    };
    let cap = d.cap;
    let label = &rule.label;

    // The explanation: the rule's label, then the arithmetic in words.
    let mut e = String::with_capacity(160);
    e.push_str(label);
    e.push('：');
    match &rule.credit {
        Credit::Fixed { hours } => {
            d.span = Span::exact(cents(*hours));
            let _ = write!(e, "每项 {} 学时", show_f(*hours));
        }
        Credit::PerUnit { hours, field, unit } => {
            let n = a.number(field).unwrap_or(0.0);
            d.span = Span::exact(cents(hours * n));
            let _ = write!(e, "{} × {} {unit} = {}", show_f(*hours), show_f(n), show(d.span.min));
        }
        Credit::SharedByAuthors { hours } => {
            let n = a.number("authors").unwrap_or(1.0).max(1.0);
            d.span = Span::exact(cents(hours / n));
            let _ = write!(e, "{} ÷ {} 位作者 = {}", show_f(*hours), show_f(n), show(d.span.min));
        }
        Credit::Time { multiple, max_per_day } => {
            let h = time_hours(a, res.time, *max_per_day, &mut e);
            d.span = Span::exact(cents(h * multiple));
            if *multiple != 1.0 {
                let _ = write!(e, " × {} = {}", show_f(*multiple), show(d.span.min));
            }
        }
        Credit::PerDay { hours_per_day, paper_bonus } => {
            let days = days_of(a, res.time, &mut e);
            let bonus = if a.flag("presentedPaper") { *paper_bonus } else { 0.0 };
            d.span = Span::exact(cents(days * hours_per_day + bonus));
            let _ = write!(e, " × {} 学时/天", show_f(*hours_per_day));
            if bonus > 0.0 {
                let _ = write!(e, " + 宣读论文 {}", show_f(bonus));
            }
            let _ = write!(e, " = {}", show(d.span.min));
        }
        Credit::UpTo => {
            let max = cap.map(|c| cents(c.hours));
            d.span = Span { min: 0, max };
            d.status = if max.is_some() { Status::UpTo } else { Status::Undetermined };
            match cap {
                Some(c) => {
                    let _ = write!(e, "文件只规定每年最多 {} 学时，具体学时由认定部门确定", show_f(c.hours));
                }
                None => e.push_str("文件未规定具体学时，由认定部门确定"),
            }
        }
        Credit::Undetermined => {
            e.push_str("文件未规定具体学时，由认定部门确定");
            match cap {
                // The clause's yearly cap still bounds what it can give.
                Some(c) => {
                    d.span = Span { min: 0, max: Some(cents(c.hours)) };
                    d.status = Status::UpTo;
                    d.cap_said = true;
                    let _ = write!(e, "；{}每年最多 {} 学时", c.label, show_f(c.hours));
                }
                None => {
                    d.span = Span { min: 0, max: None };
                    d.status = Status::Undetermined;
                }
            }
        }
        Credit::Deemed { public, professional, years } => {
            d.status = Status::Deemed;
            d.effect = Effect::Deemed { public: *public, professional: *professional };
            d.subject = if *professional { Subject::Professional } else { Subject::Public };
            e.push_str("视同完成");
            if *years > 1 {
                let _ = write!(e, "{years} 个年度（{}）", years_text(first, last));
            } else {
                e.push_str("当年度");
            }
            e.push_str(part_name(*public, *professional));
        }
        Credit::PerStudyYear { hours } => {
            d.span = Span::exact(cents(*hours));
            let _ = write!(e, "学制 {covered_years} 年（{}），每年 {} 学时", years_text(first, last), show_f(*hours));
        }
        Credit::PerYearProRata { public, professional } => {
            let m = f64::from(a.count("months").unwrap_or(12));
            let (p, q) = (cents(public * m / 12.0), cents(professional * m / 12.0));
            d.parts = Some([(Subject::Public, Span::exact(p)), (Subject::Professional, Span::exact(q))]);
            d.subject = Subject::Professional;
            d.span = Span::exact(p + q);
            let _ = write!(
                e,
                "公需 {} × {}/12 = {}，专业 {} × {}/12 = {}",
                show_f(*public),
                show_f(m),
                show(p),
                show_f(*professional),
                show_f(m),
                show(q)
            );
        }
        Credit::ProRateRequirement { more_than_months, group } => {
            // Decided once all leave of the year is known (see `prorate`).
            d.effect = Effect::Leave { months: a.count("months").unwrap_or(0), group, threshold: *more_than_months };
            e.truncate(label.len());
        }
        Credit::RequirementRelief => {
            d.status = Status::Undetermined;
            d.effect = Effect::Relief;
            e.push_str("可由所在单位出具证明，适当顺延完成或适当减少学时数，数额未定");
        }
        Credit::Excluded => {
            d.status = Status::NotCovered;
            e.truncate(label.len());
            e.push_str("，不计学时");
        }
    }
    d.explain = e;
    d
}

/// Shares one yearly cap among its lines in input order (contract rule 3). Both ends of
/// the group's range are the uncapped sums clipped to the cap, so totals do not depend on
/// order; the guaranteed hours go to the earliest lines, then the possible extra does.
fn apply_cap(drafts: &mut [Draft], cap: &Cap) {
    let limit = cents(cap.hours);
    let members: Vec<usize> = (0..drafts.len()).filter(|&i| drafts[i].cap.is_some_and(|c| std::ptr::eq(c, cap))).collect();
    let sum_min: i64 = members.iter().map(|&i| drafts[i].span.min).sum();
    let sum_max: Option<i64> = members.iter().map(|&i| drafts[i].span.max).sum();
    let (mut left_min, group_max) = (sum_min.min(limit), sum_max.map_or(limit, |m| m.min(limit)));
    let mut left_extra = group_max - left_min;
    for &i in &members {
        let d = &mut drafts[i];
        let min = d.span.min.min(left_min);
        left_min -= min;
        let room = d.span.max.map_or(i64::MAX, |m| m - min);
        let extra = room.min(left_extra);
        left_extra -= extra;
        let max = min + extra;
        if min < d.span.min || Some(max) != d.span.max {
            d.span = Span { min, max: Some(max) };
            d.status = Status::Capped;
            if !d.cap_said {
                let _ = write!(d.explain, "；{}每年最多 {} 学时", cap.label, show_f(cap.hours));
            }
            let _ = write!(d.explain, "，本项计入 {}（已封顶）", show_range(d.span));
        }
    }
}

/// `30`, `0–10` or `5 以上`.
fn show_range(s: Span) -> impl std::fmt::Display {
    std::fmt::from_fn(move |f| match s.max {
        Some(max) if max == s.min => write!(f, "{}", show(max)),
        Some(max) => write!(f, "{}–{}", show(s.min), show(max)),
        None => write!(f, "{} 以上", show(s.min)),
    })
}

/// Leave of one group counts once its months in the year exceed the clause's threshold;
/// returns the months off duty that pro-rate the requirement.
fn prorate(drafts: &mut [Draft]) -> u32 {
    let mut groups: Vec<(&str, u32, u32)> = Vec::new(); // (group, threshold, months)
    for d in drafts.iter() {
        if let Effect::Leave { months, group, threshold } = d.effect {
            match groups.iter_mut().find(|g| g.0 == group) {
                Some(g) => g.2 += months,
                None => groups.push((group, threshold, months)),
            }
        }
    }
    for d in drafts.iter_mut() {
        if let Effect::Leave { months, group, threshold } = d.effect {
            let sum = groups.iter().find(|g| g.0 == group).map_or(months, |g| g.2);
            if sum > threshold {
                let _ = write!(d.explain, "：本年度 {months} 个月（同类合计 {sum} 个月，超过 {threshold} 个月），按实际在岗时间折算年度要求");
            } else {
                d.status = Status::NotCovered;
                d.effect = Effect::None;
                let _ = write!(d.explain, "：同类合计 {sum} 个月，未超过 {threshold} 个月，不折算");
            }
        }
    }
    groups.iter().filter(|g| g.2 > g.1).map(|g| g.2).sum::<u32>().min(12)
}

fn in_force(rs: &RuleSet, year: i32) -> Applies {
    let (from, to) = (crate::input::parse_date(&rs.governs.from), crate::input::parse_date(&rs.governs.to));
    let (Some(from), Some(to)) = (from, to) else {
        return Applies { in_force: false, note: "本文件的适用期间无法读取".to_owned() };
    };
    let (start, end) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31));
    let period = format!("{} 至 {}", rs.governs.from, rs.governs.to);
    match (start, end) {
        (Some(s), Some(e)) if from <= s && to >= e => Applies { in_force: true, note: format!("本文件适用于 {period}，涵盖 {year} 年度") },
        (Some(s), Some(e)) if from <= e && to >= s => {
            Applies { in_force: true, note: format!("本文件适用于 {period}，{year} 年度只有部分时间在其适用期内") }
        }
        _ => Applies { in_force: false, note: format!("本文件适用于 {period}，不适用于 {year} 年度；以下结果仅供参考") },
    }
}

/// The result of one rule set for the input.
pub fn evaluate_one(rs: &RuleSet, res: &Resolved, input: &Input) -> RuleSetResult {
    let year = input.year;
    let mut drafts: Vec<Draft> = input.activities.iter().map(|a| draft(res, year, a)).collect();
    for cap in res.caps {
        apply_cap(&mut drafts, cap);
    }
    let off_months = prorate(&mut drafts);

    let req = &rs.requirement;
    let on_duty = f64::from(12 - off_months) / 12.0;
    let requirement = Hours3 {
        total: to_f64(cents(req.total * on_duty)),
        public: to_f64(cents(req.public * on_duty)),
        professional: to_f64(cents(req.professional * on_duty)),
    };

    let (mut public, mut professional) = (Span::exact(0), Span::exact(0));
    let mut deemed = Deemed { public: false, professional: false };
    let mut relief = false;
    for d in &drafts {
        for (subject, span) in d.parts.map_or_else(|| vec![(d.subject, d.span)], |p| p.to_vec()) {
            match subject {
                Subject::Public => public = public.add(span),
                Subject::Professional => professional = professional.add(span),
            }
        }
        match d.effect {
            Effect::Deemed { public: p, professional: q } => {
                deemed.public |= p;
                deemed.professional |= q;
            }
            Effect::Relief => relief = true,
            _ => {}
        }
    }
    let total = public.add(professional);

    // A deemed part counts as (at least) its requirement in the check.
    let effective = |s: Span, deemed: bool, need: f64| -> Span {
        if deemed {
            let need = cents(need);
            Span { min: s.min.max(need), max: s.max.map(|m| m.max(need)) }
        } else {
            s
        }
    };
    let ep = effective(public, deemed.public, requirement.public);
    let eq = effective(professional, deemed.professional, requirement.professional);
    let et = ep.add(eq);
    let need = |x: f64| cents(x);
    let reaches = |have: Option<i64>, x: f64| have.is_none_or(|h| h >= need(x));
    let met = ep.min >= need(requirement.public) && eq.min >= need(requirement.professional) && et.min >= need(requirement.total);
    let possible = reaches(ep.max, requirement.public) && reaches(eq.max, requirement.professional) && reaches(et.max, requirement.total);
    let compliance = if met {
        Compliance::Met
    } else if possible || relief {
        Compliance::Possible
    } else {
        Compliance::Short
    };
    let short = |have: i64, x: f64| to_f64((need(x) - have).max(0));
    let shortfall = Hours3 {
        total: short(et.min, requirement.total),
        public: short(ep.min, requirement.public),
        professional: short(eq.min, requirement.professional),
    };

    let mut notes = rs.notes.clone();
    if let Some(note) = &res.deferral {
        notes.push(note.clone());
    }
    if off_months > 0 {
        notes.push(format!("本年度有 {off_months} 个月不在岗，年度要求按在岗 {}/12 折算", 12 - off_months).into());
    }
    // Only where it is why the result reads 可能达标 (a year already met needs no relief).
    if relief && compliance == Compliance::Possible {
        notes.push("因伤、病、孕等特殊原因，年度要求可能经单位证明适当减少，故结果为“可能达标”".into());
    }

    let lines = drafts
        .into_iter()
        .zip(&input.activities)
        .map(|(d, a)| Line {
            activity: a.id.clone(),
            subject: d.subject,
            hours: d.span.range(),
            status: d.status,
            clause: d.clause,
            explain: d.explain,
            parts: d.parts.map(|p| p.iter().map(|(subject, span)| Part { subject: *subject, hours: span.range() }).collect()),
        })
        .collect();

    RuleSetResult {
        rule_set: rs.id.clone(),
        title: rs.title.clone(),
        applies: in_force(rs, year),
        lines,
        totals: Totals { public: public.range(), professional: professional.range(), total: total.range() },
        requirement,
        deemed,
        compliance,
        shortfall,
        notes,
    }
}

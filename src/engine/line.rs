//! One activity under one rule set, before caps: which rule takes it, which year it
//! belongs to, and how the rule's credit form turns it into hours, with the arithmetic in
//! words.

use super::make_up::{self, Claim};
use super::Span;
use crate::explain::Explain;
use crate::hours::{cents, show, show_f};
use crate::input::{Activity, Lang, Value};
use crate::report::Status;
use crate::ruleset::*;
use crate::say;
use crate::sym::Sym;
use crate::words;
use chrono::Datelike;

/// What the engine knows of a line before caps and totals.
pub(super) struct Draft<'r> {
    pub subject: Subject,
    pub span: Span,
    pub status: Status,
    pub rule: Option<&'r Rule>,
    /// The clause the line cites: its rule's, or the make-up provision that refuses it.
    pub clause: Option<&'r Clause>,
    /// Proof named besides the rule's: that of make-up study.
    pub more_evidence: &'r [Sym],
    pub explain: Explain,
    pub parts: Option<[(Subject, Span); 2]>,
    /// The yearly cap the line counts against (an index into `Rules::caps`).
    pub cap: Option<usize>,
    /// The explanation already states the cap (no need to repeat it when it bites).
    pub cap_said: bool,
    pub effect: Effect<'r>,
}

/// What a line does besides crediting hours.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Effect<'r> {
    None,
    Deemed {
        public: bool,
        professional: bool,
    },
    /// Leave of `group`, which counts once the group's months exceed `threshold`.
    Leave {
        months: f64,
        group: &'r str,
        threshold: u32,
    },
    Relief,
}

impl Rules {
    /// The first rule that takes the activity.
    pub(crate) fn rule_for(&self, a: &Activity) -> Option<&Rule> {
        let candidates = self.by_kind.get(a.kind)?;
        candidates.iter().map(|&i| &self.rules[usize::from(i)]).find(|r| r.when.iter().all(|w| holds(w, a)))
    }
}

fn holds(w: &When, a: &Activity) -> bool {
    match &w.test {
        Test::OneOf(values) => {
            let v = a.get(&w.field);
            values.iter().any(|s| match (s, v) {
                (Scalar::Text(t), Some(Value::Choice(c))) => *t == *c,
                (Scalar::Num(n), Some(Value::Number(x))) => x == *n,
                (Scalar::Num(n), Some(Value::Count(c))) => f64::from(c) == *n,
                (Scalar::Bool(b), Some(Value::Flag(f))) => *b == f,
                _ => false,
            })
        }
        Test::Between { min, max } => a.number(&w.field).is_some_and(|x| min.is_none_or(|m| x >= m) && max.is_none_or(|m| x <= m)),
    }
}

/// The years an activity counts for: its own (or the one it makes up), or several where
/// its rule says so (contract rule 6; 分年登记 runs forward from the year it was granted).
fn years_of(rule: Option<&Rule>, a: &Activity, y: i32) -> (i32, i32) {
    let back = |n: u32| (y - (n.max(1) as i32 - 1), y);
    match rule.map(|r| &r.credit) {
        Some(Credit::Deemed { years, .. }) => back(*years),
        Some(Credit::PerStudyYear(_)) => back(a.study_years()),
        Some(Credit::Spread { years, .. }) => (y, y + *years as i32 - 1),
        // Leave or an assignment with an end: every year it touches.
        _ => (y, a.end().map_or(y, |e| y + (e.year() - a.year()))),
    }
}

/// One activity under one rule set, before caps; `claim` is what the rule set makes of
/// its make-up study, if it is that.
pub(super) fn draft<'r>(rules: &'r Rules, year: i32, a: &Activity, claim: Option<&Claim<'r>>, lang: Lang) -> Draft<'r> {
    let rule = rules.rule_for(a);
    let mut d = Draft {
        subject: rule.map_or(Subject::Professional, |r| subject_of(r, a)),
        span: Span::ZERO,
        status: Status::Credited,
        rule,
        clause: rule.map(|r| &r.clause),
        more_evidence: claim.and_then(|c| c.window.filter(|_| c.refusal.is_none())).map_or(&[], |m| &m.evidence),
        explain: Explain::with_capacity(12),
        parts: None,
        cap: rule.and_then(|r| r.cap),
        cap_said: false,
        effect: Effect::None,
    };
    if let Some(c) = claim {
        make_up::lead(&mut d.explain, lang, c);
    }
    // Which year an activity belongs to comes first (contract rules 6 and 7), whether or
    // not the document rates its kind.
    let (first, last) = years_of(rule, a, claim.map_or(a.year(), |c| c.year));
    if year < first || year > last {
        other_year(&mut d, rules, year, (first, last), lang);
        return d;
    }
    if let Some((c, refusal)) = claim.and_then(|c| Some((c, c.refusal?))) {
        make_up::refused(&mut d.explain, lang, c, refusal);
        (d.status, d.rule, d.cap) = (Status::NotCovered, None, None);
        d.clause = c.window.map(|m| &m.clause);
        return d;
    }
    let Some(rule) = rule else {
        say!(d.explain, lang, ["本文件未规定此类活动的学时"], ["this document sets no hours for this kind of activity"]);
        if let Some(n) = rules.not_mentioned.iter().find(|n| n.kind == a.kind) {
            say!(d.explain, lang, ["；"], ["; "]);
            words::label(&mut d.explain, lang, &n.note);
        }
        d.status = Status::NotCovered;
        return d;
    };
    words::label(&mut d.explain, lang, &rule.label);
    say!(d.explain, lang, ["："], [": "]);
    credit(&mut d, rules, rule, year, a, (first, last), lang);
    d
}

fn other_year(d: &mut Draft, rules: &Rules, year: i32, (first, last): (i32, i32), lang: Lang) {
    d.status = Status::OtherYear;
    d.cap = None;
    let e = &mut d.explain;
    match d.rule {
        Some(r) => words::label(e, lang, &r.label),
        None => say!(e, lang, ["此项活动"], ["this activity"]),
    }
    say!(e, lang, ["：计入"], [": counts for "]);
    words::years(e, lang, first, last);
    say!(e, lang, ["，不计入 ", { year }, " 年度"], [", not for ", { year }]);
    if let Some(c) = &rules.no_carry_over {
        say!(e, lang, ["；"], ["; "]);
        words::doc_words(e, lang, &c.reference);
        say!(e, lang, ["：不得结转"], [": hours may not be carried over"]);
    }
}

fn subject_of(rule: &Rule, a: &Activity) -> Subject {
    match rule.subject {
        SubjectOf::Public => Subject::Public,
        SubjectOf::Professional => Subject::Professional,
        SubjectOf::FromActivity => match a.choice("subject") {
            Some("public") => Subject::Public,
            _ => Subject::Professional,
        },
    }
}

/// The rule's credit form: hours, status and the arithmetic in words.
fn credit<'r>(d: &mut Draft<'r>, rules: &'r Rules, rule: &'r Rule, year: i32, a: &Activity, years: (i32, i32), lang: Lang) {
    let e = &mut d.explain;
    match &rule.credit {
        Credit::Fixed(h) => {
            d.span = Span::exact(cents(*h));
            say!(e, lang, ["每项 ", { show_f(*h) }, " 学时"], [{ show_f(*h) }, " per item"]);
        }
        Credit::PerUnit { hours, field, unit } => {
            let n = a.number(field).unwrap_or(0.0);
            d.span = Span::exact(cents(hours * n));
            say!(e, lang, [{ show_f(*hours) }, " × ", { show_f(n) }, " "], [{ show_f(*hours) }, " × ", { show_f(n) }, " "]);
            words::label(e, lang, unit);
            say!(e, lang, [" = ", { show(d.span.min) }], [" = ", { show(d.span.min) }]);
        }
        Credit::SharedByAuthors(h) => {
            let n = a.number("authors").unwrap_or(1.0).max(1.0);
            d.span = Span::exact(cents(h / n));
            let (h, n, r) = (show_f(*h), show_f(n), show(d.span.min));
            say!(
                e,
                lang,
                [{ h }, " ÷ ", { n }, " 位作者 = ", { r }],
                [{ h }, " ÷ ", { n }, { words::en(n.0 as f64 / 100.0, " author = ", " authors = ") }, { r }]
            );
        }
        Credit::ActualTime { multiple, max_per_day } => actual_time(d, &rules.time, a, *multiple, *max_per_day, lang),
        Credit::PerDay { hours, paper_bonus } => per_day(d, &rules.time, a, *hours, *paper_bonus, lang),
        Credit::UpToCap | Credit::Undetermined => open_amount(d, rules, rule, lang),
        Credit::Deemed { public, professional, years: n } => {
            d.status = Status::Deemed;
            d.effect = Effect::Deemed { public: *public, professional: *professional };
            d.subject = if *professional { Subject::Professional } else { Subject::Public };
            deemed(e, lang, *public, *professional, *n, years);
        }
        Credit::PerStudyYear(h) => {
            d.span = Span::exact(cents(*h));
            say!(
                e,
                lang,
                ["学制 ", { a.study_years() }, " 年（"],
                ["programme of ", { a.study_years() }, { words::en(f64::from(a.study_years()), " year (", " years (") }]
            );
            words::years(e, lang, years.0, years.1);
            say!(e, lang, ["），每年 ", { show_f(*h) }, " 学时"], ["), ", { show_f(*h) }, " each year"]);
        }
        Credit::Spread { hours, years: n } => spread(d, *hours, *n, year - years.0, years, lang),
        Credit::PerYearByMonths { public, professional } => by_months(d, a.months_in(year), *public, *professional, lang),
        Credit::ProrateRequirement { more_than_months, group } => {
            // Decided once all leave of the year is known (see `prorate`).
            d.effect = Effect::Leave { months: a.months_in(year), group, threshold: *more_than_months };
            e.trim_separator();
        }
        Credit::RequirementRelief => {
            d.status = Status::Undetermined;
            d.effect = Effect::Relief;
            say!(
                e,
                lang,
                ["可由所在单位出具证明，适当顺延完成或适当减少学时数，数额未定"],
                ["the employer may certify it to extend the deadline or reduce the hours, by an amount not fixed"]
            );
        }
        Credit::Excluded => {
            d.status = Status::NotCovered;
            e.trim_separator();
            say!(e, lang, ["，不计学时"], ["; no hours"]);
        }
    }
}

fn deemed(e: &mut Explain, lang: Lang, public: bool, professional: bool, n: u32, (first, last): (i32, i32)) {
    if n > 1 {
        say!(e, lang, ["视同完成", { n }, " 个年度（"], ["counts as completing "]);
        if lang == Lang::Zh {
            words::years(e, lang, first, last);
            say!(e, lang, ["）"], []);
            words::parts(e, lang, public, professional);
        } else {
            words::parts(e, lang, public, professional);
            say!(e, lang, [], [" for ", { n }, " years ("]);
            words::years(e, lang, first, last);
            say!(e, lang, [], [")"]);
        }
    } else {
        say!(e, lang, ["视同完成当年度"], ["counts as completing "]);
        words::parts(e, lang, public, professional);
        say!(e, lang, [], [" for the year"]);
    }
}

/// An amount the document leaves open: 0 up to the yearly cap where the clause has one
/// (contract rule 1 and v1.1 rule 2), else no maximum (rule 2).
fn open_amount(d: &mut Draft, rules: &Rules, rule: &Rule, lang: Lang) {
    let e = &mut d.explain;
    let cap = rule.cap.and_then(|i| rules.caps.get(i));
    match (&rule.credit, cap) {
        (Credit::UpToCap, Some(c)) => {
            let h = show_f(c.hours);
            say!(
                e,
                lang,
                ["文件只规定每年最多 ", { h }, " 学时，具体学时由认定部门确定"],
                ["the document states only a yearly maximum of ", { h }, "; the recognising department sets the hours"]
            );
        }
        (_, Some(c)) => {
            say!(e, lang, ["文件未规定具体学时，由认定部门确定；"], ["the document sets no amount, the recognising department decides; "]);
            words::label(e, lang, &c.label);
            let h = show_f(c.hours);
            say!(e, lang, ["每年最多 ", { h }, " 学时"], [": at most ", { h }, " a year"]);
        }
        (_, None) => say!(e, lang, ["文件未规定具体学时，由认定部门确定"], ["the document sets no amount; the recognising department decides"]),
    }
    d.cap_said = cap.is_some();
    d.span = Span { min: 0, max: cap.map(|c| cents(c.hours)) };
    d.status = if cap.is_some() { Status::UpTo } else { Status::Undetermined };
}

/// The day's rate for this activity: half-time study (半脱产) at its own rate where the
/// document sets one, and never above the clause's per-day limit.
fn day_rate(a: &Activity, t: &TimeRule, max_per_day: Option<f64>) -> f64 {
    let rate = match (a.choice("studyMode"), t.part_time_hours_per_day) {
        (Some("partTime"), Some(r)) => r,
        _ => t.hours_per_day,
    };
    max_per_day.map_or(rate, |m| m.min(rate))
}

/// Actual time in 学时 under the time rule, and whether a limit of the clause cut it:
/// `hours` as given (at most `max_per_day` × `days`), else `days` at the day's rate plus
/// `minutes`, the part of a day, at the minutes rate and at most a day (v1.1 rule 3).
fn time_hours(a: &Activity, t: &TimeRule, max_per_day: Option<f64>, lang: Lang, out: &mut Explain) -> (f64, bool) {
    if let Some(h) = a.number("hours") {
        if let (Some(days), Some(m)) = (a.number("days"), max_per_day) {
            if h > days * m {
                let (hs, ms, ds, limit) = (show_f(h), show_f(m), show_f(days), show_f(days * m));
                say!(
                    out,
                    lang,
                    [{ hs }, " 学时，每天不超过 ", { ms }, " 学时：", { ds }, " 天 × ", { ms }, " = ", { limit }],
                    [{ hs }, " hours, at most ", { ms }, " a day: ", { ds }, { words::en(days, " day × ", " days × ") }, { ms }, " = ", { limit }]
                );
                return (days * m, true);
            }
        }
        say!(out, lang, [{ show_f(h) }, " 学时"], [{ show_f(h) }, " hours"]);
        return (h, false);
    }
    let rate = day_rate(a, t, max_per_day);
    let (mut total, mut cut) = (0.0, false);
    if let Some(days) = a.number("days") {
        total += days * rate;
        say!(
            out,
            lang,
            [{ show_f(days) }, " 天 × ", { show_f(rate) }, " 学时/天"],
            [{ show_f(days) }, { words::en(days, " day × ", " days × ") }, { show_f(rate) }, " per day"]
        );
        if a.choice("studyMode") == Some("partTime") && t.part_time_hours_per_day.is_some() {
            say!(out, lang, ["（半脱产）"], [" (part-time)"]);
        }
    }
    if let Some(m) = a.number("minutes") {
        if a.number("days").is_some() {
            out.push(" + ");
        }
        say!(
            out,
            lang,
            [{ show_f(m) }, " 分钟 ÷ ", { show_f(t.minutes_per_hour) }, " 分钟/学时"],
            [{ show_f(m) }, " min ÷ ", { show_f(t.minutes_per_hour) }, " min per hour"]
        );
        let part = m / t.minutes_per_hour;
        if part > rate {
            say!(out, lang, ["，不足一天的部分至多 ", { show_f(rate) }, " 学时"], [", a part of a day at most ", { show_f(rate) }]);
            cut = true;
        }
        total += part.min(rate);
    }
    say!(out, lang, [" = ", { show_f(total) }], [" = ", { show_f(total) }]);
    (total, cut)
}

fn actual_time(d: &mut Draft, t: &TimeRule, a: &Activity, multiple: f64, max_per_day: Option<f64>, lang: Lang) {
    let (h, cut) = time_hours(a, t, max_per_day, lang, &mut d.explain);
    d.span = Span::exact(cents(h * multiple));
    if cut {
        d.status = Status::Capped;
    }
    if multiple != 1.0 {
        let (k, r) = (show_f(multiple), show(d.span.min));
        say!(d.explain, lang, [" × ", { k }, " = ", { r }], [" × ", { k }, " = ", { r }]);
    }
}

/// So many 学时 a day (days as given, else its time at a day's rate), plus the bonus.
fn per_day(d: &mut Draft, t: &TimeRule, a: &Activity, hours: f64, paper_bonus: f64, lang: Lang) {
    let e = &mut d.explain;
    let days = match a.number("days") {
        Some(days) => {
            say!(e, lang, [{ show_f(days) }, " 天"], [{ show_f(days) }, { words::en(days, " day", " days") }]);
            days
        }
        None => {
            let (h, _) = time_hours(a, t, None, lang, e);
            let days = h / t.hours_per_day;
            say!(
                e,
                lang,
                ["，÷ ", { show_f(t.hours_per_day) }, " 学时/天 = ", { show_f(days) }, " 天"],
                [", ÷ ", { show_f(t.hours_per_day) }, " per day = ", { show_f(days) }, { words::en(days, " day", " days") }]
            );
            days
        }
    };
    let bonus = if a.flag("presentedPaper") { paper_bonus } else { 0.0 };
    d.span = Span::exact(cents(days * hours + bonus));
    say!(e, lang, [" × ", { show_f(hours) }, " 学时/天"], [" × ", { show_f(hours) }, " per day"]);
    if bonus > 0.0 {
        say!(e, lang, [" + 宣读论文 ", { show_f(bonus) }], [" + ", { show_f(bonus) }, " for a paper read"]);
    }
    say!(e, lang, [" = ", { show(d.span.min) }], [" = ", { show(d.span.min) }]);
}

/// A fixed amount in equal parts over several years; the last year takes what rounding
/// leaves, so the parts add up to the amount.
fn spread(d: &mut Draft, hours: f64, n: u32, index: i32, years: (i32, i32), lang: Lang) {
    let whole = cents(hours);
    let part = cents(hours / f64::from(n));
    let this = if index + 1 == n as i32 { whole - part * (i64::from(n) - 1) } else { part };
    d.span = Span::exact(this);
    let e = &mut d.explain;
    say!(e, lang, [{ show_f(hours) }, " 学时分 ", { n }, " 年登记（"], [{ show_f(hours) }, " registered over ", { n }, " years ("]);
    words::years(e, lang, years.0, years.1);
    say!(e, lang, ["），本年度 ", { show(this) }], ["), ", { show(this) }, " this year"]);
}

fn by_months(d: &mut Draft, m: f64, public: f64, professional: f64, lang: Lang) {
    let (p, q) = (cents(public * m / 12.0), cents(professional * m / 12.0));
    d.parts = Some([(Subject::Public, Span::exact(p)), (Subject::Professional, Span::exact(q))]);
    d.subject = Subject::Professional;
    d.span = Span::exact(p + q);
    let (ps, qs, ms, pr, qr) = (show_f(public), show_f(professional), show_f(m), show(p), show(q));
    say!(
        d.explain,
        lang,
        ["公需 ", { ps }, " × ", { ms }, "/12 = ", { pr }, "，专业 ", { qs }, " × ", { ms }, "/12 = ", { qr }],
        ["public ", { ps }, " × ", { ms }, "/12 = ", { pr }, ", professional ", { qs }, " × ", { ms }, "/12 = ", { qr }]
    );
}

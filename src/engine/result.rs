//! One rule set's result: lines drafted, yearly caps shared, the requirement pro-rated by
//! leave, totals, compliance and what is still short.

use super::line::{draft, Draft, Effect};
use super::{Entry, Span};
use crate::explain::Explain;
use crate::hours::{cents, show_f, to_f64};
use crate::input::{Input, Lang};
use crate::report::*;
use crate::ruleset::{Cap, Employer, RuleSet, Subject};
use crate::say;
use crate::sym::Text;
use crate::words;
use chrono::NaiveDate;

/// Shares one yearly cap among its lines (contract rule 3, v1.1 rule 4). Both ends of the
/// group's range are the uncapped sums clipped to the cap, so totals do not depend on
/// order; the guaranteed hours go to the earliest lines, then the possible extra does.
fn apply_cap(drafts: &mut [Draft], index: usize, cap: &Cap, lang: Lang) {
    let limit = cents(cap.hours);
    let members: Vec<usize> = (0..drafts.len()).filter(|&i| drafts[i].cap == Some(index)).collect();
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
            let e = &mut d.explain;
            if !d.cap_said {
                say!(e, lang, ["；"], ["; "]);
                words::label(e, lang, &cap.label);
                say!(e, lang, ["每年最多 ", { show_f(cap.hours) }, " 学时"], [": at most ", { show_f(cap.hours) }, " a year"]);
            }
            say!(e, lang, ["，本项计入 "], [", so this item gets "]);
            words::range(e, lang, d.span.min, d.span.max);
            say!(e, lang, ["（已封顶）"], [" (capped)"]);
        }
    }
}

/// Leave of one group counts once its months in the year exceed the clause's threshold;
/// returns the months off duty that pro-rate the requirement (to 0.01, at most 12).
fn prorate(drafts: &mut [Draft], lang: Lang) -> f64 {
    let mut groups: Vec<(&str, u32, f64)> = Vec::new(); // (group, threshold, months)
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
            let (m, total) = (show_f(months), show_f(sum));
            if sum > f64::from(threshold) {
                say!(
                    d.explain,
                    lang,
                    ["：本年度 ", { m }, " 个月（同类合计 ", { total }, " 个月，超过 ", { threshold }, " 个月），按实际在岗时间折算年度要求"],
                    [
                        ": ",
                        { m },
                        { words::en(months, " month this year (", " months this year (") },
                        { total },
                        " of this kind in all, more than ",
                        { threshold },
                        "), so the requirement is pro-rated by time on duty"
                    ]
                );
            } else {
                d.status = Status::NotCovered;
                d.effect = Effect::None;
                say!(
                    d.explain,
                    lang,
                    ["：同类合计 ", { total }, " 个月，未超过 ", { threshold }, " 个月，不折算"],
                    [
                        ": ",
                        { total },
                        { words::en(sum, " month", " months") },
                        " of this kind in all, not more than ",
                        { threshold },
                        ", so no pro-rating"
                    ]
                );
            }
        }
    }
    let off: f64 = groups.iter().filter(|g| g.2 > f64::from(g.1)).map(|g| g.2).sum();
    (off.min(12.0) * 100.0).round() / 100.0
}

fn in_force(rs: &RuleSet, year: i32, lang: Lang) -> Applies {
    let g = &rs.governs;
    let (from, to) = (&g.from_text, &g.to_text);
    let (start, end) = (NaiveDate::from_ymd_opt(year, 1, 1), NaiveDate::from_ymd_opt(year, 12, 31));
    let mut note = Explain::with_capacity(7);
    say!(note, lang, ["本文件适用于 ", { from }, " 至 ", { to }], ["This document governs ", { from }, " to ", { to }]);
    let in_force = match (start, end) {
        (Some(s), Some(e)) if g.from <= s && g.to >= e => {
            say!(note, lang, ["，涵盖 ", { year }, " 年度"], [", which covers ", { year }]);
            true
        }
        (Some(s), Some(e)) if g.from <= e && g.to >= s => {
            say!(note, lang, ["，", { year }, " 年度只有部分时间在其适用期内"], ["; only part of ", { year }, " falls within it"]);
            true
        }
        _ => {
            say!(
                note,
                lang,
                ["，不适用于 ", { year }, " 年度；以下结果仅供参考"],
                [", not ", { year }, "; the results below are for reference only"]
            );
            false
        }
    };
    Applies { in_force, note }
}

/// The sums of the lines by part, and what deeming and relief the lines carry.
struct Sums {
    public: Span,
    professional: Span,
    deemed: Deemed,
    relief: bool,
}

fn sums(drafts: &[Draft]) -> Sums {
    let mut s = Sums { public: Span::exact(0), professional: Span::exact(0), deemed: Deemed { public: false, professional: false }, relief: false };
    for d in drafts {
        let mut add = |subject: Subject, span: Span| match subject {
            Subject::Public => s.public = s.public.add(span),
            Subject::Professional => s.professional = s.professional.add(span),
        };
        match d.parts {
            Some(parts) => parts.into_iter().for_each(|(subject, span)| add(subject, span)),
            None => add(d.subject, d.span),
        }
        match d.effect {
            Effect::Deemed { public, professional } => {
                s.deemed.public |= public;
                s.deemed.professional |= professional;
            }
            Effect::Relief => s.relief = true,
            _ => {}
        }
    }
    s
}

/// Compliance (v1.1 rule 6) and the shortfall from the guaranteed hours: a deemed part
/// counts as (at least) its requirement.
fn check(s: &Sums, req: &Hours3, exempt: bool) -> (Compliance, Hours3) {
    let effective = |span: Span, deemed: bool, need: f64| -> Span {
        if !deemed {
            return span;
        }
        let need = cents(need);
        Span { min: span.min.max(need), max: span.max.map(|m| m.max(need)) }
    };
    let ep = effective(s.public, s.deemed.public, req.public);
    let eq = effective(s.professional, s.deemed.professional, req.professional);
    let et = ep.add(eq);
    let reaches = |have: Option<i64>, x: f64| have.is_none_or(|h| h >= cents(x));
    let met = ep.min >= cents(req.public) && eq.min >= cents(req.professional) && et.min >= cents(req.total);
    let possible = reaches(ep.max, req.public) && reaches(eq.max, req.professional) && reaches(et.max, req.total);
    let compliance = match () {
        _ if exempt => Compliance::Exempt,
        _ if met => Compliance::Met,
        _ if possible || s.relief => Compliance::Possible,
        _ => Compliance::Short,
    };
    let short = |have: i64, x: f64| to_f64((cents(x) - have).max(0));
    (compliance, Hours3 { total: short(et.min, req.total), public: short(ep.min, req.public), professional: short(eq.min, req.professional) })
}

/// The notes of a result: the document's, then what this input made worth saying.
fn notes(entry: &Entry, off_months: f64, relief_said: bool, exempt_by: Option<(&crate::ruleset::Exemption, Employer)>, lang: Lang) -> Vec<Text> {
    let mut notes: Vec<Text> = entry.set.notes.iter().map(|n| note_text(lang, n)).collect();
    if let Some(note) = &entry.deferral {
        notes.push(note_text(lang, note));
    }
    let mut n = Explain::default();
    if let Some((ex, employer)) = exempt_by {
        say!(n, lang, ["依"], ["Under "]);
        words::doc_words(&mut n, lang, &ex.clause.reference);
        say!(n, lang, ["，"], [", professionals of "]);
        words::employer(&mut n, lang, employer);
        say!(n, lang, ["专业技术人员不受本年度学时要求约束（见该条原文）"], [" are relieved of this requirement (see the clause's own words)"]);
        notes.push(std::mem::take(&mut n).to_string().into());
    }
    if off_months > 0.0 {
        let (off, on) = (show_f(off_months), show_f(12.0 - off_months));
        say!(
            n,
            lang,
            ["本年度有 ", { off }, " 个月不在岗，年度要求按在岗 ", { on }, "/12 折算"],
            [{ off }, { words::en(off_months, " month", " months") }, " off duty this year: the requirement is pro-rated to ", { on }, "/12"]
        );
        notes.push(std::mem::take(&mut n).to_string().into());
    }
    // Only where it is why the result reads 可能达标 (a year already met needs no relief).
    if relief_said {
        say!(
            n,
            lang,
            ["因伤、病、孕等特殊原因，年度要求可能经单位证明适当减少，故结果为“可能达标”"],
            ["For injury, illness, pregnancy or similar reasons the employer may certify a lower requirement, so the result is “possible”"]
        );
        notes.push(n.to_string().into());
    }
    notes
}

fn note_text(lang: Lang, l: &crate::ruleset::Label) -> Text {
    match (lang, &l.en) {
        (Lang::Zh, _) => Text::Sym(l.zh.clone()),
        (Lang::En, Some(en)) => Text::Sym(en.clone()),
        (Lang::En, None) => Text::Owned(format!("“{}”", l.zh)),
    }
}

/// The result of one rule set for the input.
pub(super) fn evaluate_one(entry: &Entry, input: &Input) -> RuleSetResult {
    let (rs, rules, lang, year) = (&*entry.set, &*entry.rules, input.lang, input.year);
    let claims = super::make_up::claims(rs, &input.activities);
    let mut drafts: Vec<Draft> = input.activities.iter().zip(&claims).map(|(a, c)| draft(rules, year, a, c.as_ref(), lang)).collect();
    for (i, cap) in rules.caps.iter().enumerate() {
        apply_cap(&mut drafts, i, cap, lang);
    }
    let off_months = prorate(&mut drafts, lang);
    let on_duty = (12.0 - off_months) / 12.0;
    let req = &rs.requirement;
    let requirement = Hours3 {
        total: to_f64(cents(req.total * on_duty)),
        public: to_f64(cents(req.public * on_duty)),
        professional: to_f64(cents(req.professional * on_duty)),
    };
    let exempt_by = input.profile.employer.and_then(|e| rs.exemptions.iter().find(|x| x.employers.contains(&e)).map(|x| (x, e)));
    let s = sums(&drafts);
    let (compliance, shortfall) = check(&s, &requirement, exempt_by.is_some());
    let notes = notes(entry, off_months, s.relief && compliance == Compliance::Possible, exempt_by, lang);
    let total = s.public.add(s.professional);
    #[cfg(feature = "review")]
    let warnings = super::warnings::warnings(rules, &drafts, &input.activities, lang);
    #[cfg(not(feature = "review"))]
    let warnings = Vec::new();
    let lines = drafts.into_iter().zip(&input.activities).map(|(d, a)| d.into_line(a.id)).collect();
    RuleSetResult {
        rule_set: rs.id.clone(),
        title: rs.title.clone(),
        applies: in_force(rs, year, lang),
        lines,
        totals: Totals { public: s.public.range(), professional: s.professional.range(), total: total.range() },
        requirement,
        deemed: s.deemed,
        compliance,
        shortfall,
        notes,
        warnings,
    }
}

impl Draft<'_> {
    fn into_line(self, activity: &str) -> Line {
        let mut evidence = self.rule.map(|r| r.evidence.clone()).unwrap_or_default();
        evidence.extend_from_slice(self.more_evidence);
        Line {
            activity: activity.to_owned(),
            subject: self.subject,
            hours: self.span.range(),
            status: self.status,
            parts: self.parts.map(|p| p.iter().map(|(subject, span)| Part { subject: *subject, hours: span.range() }).collect()),
            clause: self.clause.cloned(),
            explain: self.explain,
            evidence,
        }
    }
}

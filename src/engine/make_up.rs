//! Make-up study (补学): an activity with `makeUpFor` counts in the year it makes up, where
//! the document allows make-up of that year at that date, and not beyond the number of
//! years the document allows.

use crate::explain::Explain;
use crate::input::{Activity, Lang};
use crate::ruleset::{MakeUp, RuleSet};
use crate::say;
use crate::words;

/// What a document makes of one activity's `makeUpFor`.
#[derive(Clone, Copy)]
pub(super) struct Claim<'r> {
    /// The year it is for.
    pub year: i32,
    /// The provision that allows it, or the first one there is (to cite when it does not).
    pub window: Option<&'r MakeUp>,
    pub refusal: Option<Refusal>,
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Refusal {
    /// The document allows no make-up study.
    NoProvision,
    /// Not a year it allows, or not done when it allows.
    Outside,
    /// More years than it allows; the earliest years claimed are the ones that count.
    TooManyYears,
}

/// Each activity's claim under `set`, in input order (`None`: not make-up study).
pub(super) fn claims<'r>(set: &'r RuleSet, activities: &[Activity]) -> Vec<Option<Claim<'r>>> {
    let mut out: Vec<Option<Claim>> = activities
        .iter()
        .map(|a| {
            let year = a.make_up_for?;
            let window = set.make_up.iter().find(|m| m.allows(year, a.date));
            let refusal = match (window, set.make_up.is_empty()) {
                (Some(_), _) => None,
                (None, true) => Some(Refusal::NoProvision),
                (None, false) => Some(Refusal::Outside),
            };
            Some(Claim { year, window: window.or(set.make_up.first()), refusal })
        })
        .collect();
    for m in &set.make_up {
        let Some(max) = m.max_years else { continue };
        // The distinct years claimed, in order (kept sorted as they come: a sort would cost
        // the wasm kilobytes).
        let mut years: Vec<i32> = Vec::new();
        for c in out.iter().flatten().filter(|c| c.refusal.is_none() && same(c.window, m)) {
            if let Err(i) = years.binary_search(&c.year) {
                years.insert(i, c.year);
            }
        }
        if let Some(&last) = years.get(max as usize - 1) {
            for c in out.iter_mut().flatten().filter(|c| c.refusal.is_none() && same(c.window, m) && c.year > last) {
                c.refusal = Some(Refusal::TooManyYears);
            }
        }
    }
    out
}

fn same(a: Option<&MakeUp>, b: &MakeUp) -> bool {
    a.is_some_and(|a| std::ptr::eq(a, b))
}

/// How an explanation of make-up study starts.
pub(super) fn lead(e: &mut Explain, lang: Lang, c: &Claim) {
    say!(e, lang, ["补学 ", { c.year }, " 年度，"], ["make-up study for ", { c.year }, ", "]);
}

/// Why the document does not count it.
pub(super) fn refused(e: &mut Explain, lang: Lang, c: &Claim, refusal: Refusal) {
    let y = c.year;
    match (refusal, c.window) {
        (Refusal::NoProvision, _) | (_, None) => {
            say!(e, lang, ["本文件未规定补学，不计学时"], ["this document provides for no make-up study, so no hours"]);
        }
        (Refusal::Outside, Some(m)) => {
            words::doc_words(e, lang, &m.clause.reference);
            say!(e, lang, ["只允许补 "], [" allows make-up of "]);
            words::years(e, lang, m.years.0 as i32, m.years.1 as i32);
            let from = &m.done_from;
            match &m.done_to {
                Some(to) => say!(e, lang, ["，于 ", { from }, " 至 ", { to }, " 完成"], [" only, done from ", { from }, " to ", { to }]),
                None => say!(e, lang, ["，", { from }, " 起完成"], [" only, done from ", { from }]),
            }
            say!(e, lang, ["；", { y }, " 年度不计学时"], ["; no hours for ", { y }]);
        }
        (Refusal::TooManyYears, Some(m)) => {
            let n = m.max_years.unwrap_or(0);
            words::doc_words(e, lang, &m.clause.reference);
            say!(
                e,
                lang,
                ["最多补 ", { n }, " 个年度，更早的年度已占满，", { y }, " 年度不计学时"],
                [" allows at most ", { n }, { words::en(f64::from(n), " year", " years") }, ", taken by earlier years; no hours for ", { y }]
            );
        }
    }
}

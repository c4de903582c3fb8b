//! A result's warnings (contract v2): claims that look like one piece of work where the
//! document says it counts once (`possibleDuplicate`), and yearly maxima already full
//! (`capReached`). Lines are never dropped: a reviewer decides.

use super::line::Draft;
use crate::explain::Explain;
use crate::hours::{cents, show_f};
use crate::input::{Activity, Lang};
use crate::report::{Status, Warning, WarningCode};
use crate::ruleset::{Clause, Rules};
use crate::say;
use crate::words;
use chrono::{Datelike, NaiveDate};

pub(super) fn warnings(rules: &Rules, drafts: &[Draft], acts: &[Activity], lang: Lang) -> Vec<Warning> {
    let mut out: Vec<Warning> = Vec::new();
    // An activity is warned of once, under the first of the document's words that speaks of it.
    let mut said = vec![false; acts.len()];
    for once in &rules.counted_once {
        let counts =
            |i: usize| !said[i] && drafts[i].status != Status::OtherYear && (once.kinds.is_empty() || once.kinds.contains(&(acts[i].kind as u32)));
        // Two orders, both of `(&str, usize)`, the type the input's id check sorts (one sort
        // in the wasm): by title; by kind, then day and index packed 16 bits each (days
        // from 1990 to 2100, at most 50,000 activities).
        let first_day = NaiveDate::from_ymd_opt(1990, 1, 1).map_or(0, |d| d.num_days_from_ce());
        let mut by_title: Vec<(&str, usize)> = Vec::new();
        let mut by_day: Vec<(&str, usize)> = Vec::new();
        for (i, a) in acts.iter().enumerate() {
            if counts(i) {
                let title = a.title.map_or("", str::trim);
                if !title.is_empty() {
                    by_title.push((title, i));
                }
                by_day.push((a.kind_name(), ((a.date.num_days_from_ce() - first_day) as usize) << 16 | i));
            }
        }
        by_title.sort_unstable();
        by_day.sort_unstable();
        let mut groups: Vec<(Vec<usize>, bool)> = Vec::new();
        alike(&by_title, |a, b| a.0 == b.0, |i, j| acts[i].kind == acts[j].kind, |k| k.1, true, &mut groups);
        // Alike in title as well: already said by title.
        let titled = |i: usize| acts[i].title.map_or("", str::trim);
        let same = |i: usize, j: usize| acts[i].same_content(&acts[j]) && (titled(i).is_empty() || titled(i) != titled(j));
        alike(&by_day, |a, b| a.0 == b.0 && a.1 >> 16 == b.1 >> 16, same, |k| k.1 & 0xffff, false, &mut groups);
        for (group, by_title) in groups {
            group.iter().for_each(|&i| said[i] = true);
            out.push(duplicate(&once.clause, &group, by_title, acts, lang));
        }
    }
    full_caps(rules, drafts, acts, lang, &mut out);
    out
}

/// Groups of two or more: runs of `keyed` that `run` keeps together, split by `same`.
fn alike(
    keyed: &[(&str, usize)],
    run: impl Fn(&(&str, usize), &(&str, usize)) -> bool,
    same: impl Fn(usize, usize) -> bool,
    index: impl Fn(&(&str, usize)) -> usize,
    by_title: bool,
    out: &mut Vec<(Vec<usize>, bool)>,
) {
    let mut start = 0;
    while start < keyed.len() {
        let mut end = start + 1;
        while end < keyed.len() && run(&keyed[start], &keyed[end]) {
            end += 1;
        }
        let mut left: Vec<usize> = keyed[start..end].iter().map(&index).collect();
        // In input order (the keys hold the index last), with no second sort in the wasm.
        while !left.is_empty() {
            let first = left.remove(0);
            let mut group = vec![first];
            left.retain(|&i| {
                !(same(first, i) && {
                    group.push(i);
                    true
                })
            });
            if group.len() > 1 {
                out.push((group, by_title));
            }
        }
        start = end;
    }
}

fn duplicate(clause: &Clause, group: &[usize], by_title: bool, acts: &[Activity], lang: Lang) -> Warning {
    let mut m = Explain::default();
    let (first, n) = (&acts[group[0]], group.len() as u32);
    if by_title {
        let title = first.title.map_or("", str::trim).to_owned();
        say!(
            m,
            lang,
            ["“", { title.clone() }, "”：", { n }, " 项同类活动名称相同，可能是同一项重复申报；"],
            ["“", { title }, "”: ", { n }, " activities of one kind have this title, perhaps one item claimed twice; "]
        );
    } else {
        let date = first.date_text.to_owned();
        say!(
            m,
            lang,
            [{ n }, " 项同类活动日期（", { date.clone() }, "）和内容相同，可能是同一项重复申报；"],
            [{ n }, " activities of one kind share the date (", { date }, ") and details, perhaps one item claimed twice; "]
        );
    }
    words::doc_words(&mut m, lang, &clause.reference);
    say!(m, lang, ["：同一项只计一次"], [" counts one item once"]);
    Warning {
        code: WarningCode::PossibleDuplicate,
        activities: group.iter().map(|&i| acts[i].id.to_owned()).collect(),
        message: m,
        clause: clause.clone(),
    }
}

/// Yearly maxima whose guaranteed hours are full.
fn full_caps(rules: &Rules, drafts: &[Draft], acts: &[Activity], lang: Lang, out: &mut Vec<Warning>) {
    for (index, cap) in rules.caps.iter().enumerate() {
        let members: Vec<usize> = (0..drafts.len()).filter(|&i| drafts[i].cap == Some(index)).collect();
        let guaranteed: i64 = members.iter().map(|&i| drafts[i].span.min).sum();
        let Some(clause) = members.first().and_then(|&i| drafts[i].clause) else { continue };
        if guaranteed < cents(cap.hours) {
            continue;
        }
        let mut m = Explain::default();
        words::label(&mut m, lang, &cap.label);
        let h = show_f(cap.hours);
        say!(
            m,
            lang,
            ["每年最多 ", { h }, " 学时，本年度已满：再添加此类活动不再计学时"],
            [": at most ", { h }, " a year, full this year: more of this kind adds no hours"]
        );
        let activities = members.iter().map(|&i| acts[i].id.to_owned()).collect();
        out.push(Warning { code: WarningCode::CapReached, activities, message: m, clause: clause.clone() });
    }
}

//! Ways to close a result's shortfall under one rule set (contract v2 `plan`): for each rule
//! that credits something one can still do this year, an activity it takes, sized to the
//! part that is short, and what the engine gives for it when it is added to the input, so
//! that caps, their remaining room and the time rule are the engine's own. Guaranteed
//! hours first.

use super::result::evaluate_one;
use super::Entry;
use crate::explain::Explain;
use crate::hours::{cents, show_f, to_f64};
use crate::input::{Activity, Input, Value};
use crate::report::{Compliance, Hours3, Plan, PlanOption, Proposal, Status};
use crate::ruleset::{Credit, Rule, Scalar, Subject, SubjectOf, Test};
use crate::say;
use crate::schema::{FieldType, KINDS};
use crate::words;
use chrono::NaiveDate;

/// Kinds that are circumstances or programmes of several years, not something to do to
/// close this year's gap.
const NOT_PROPOSED: [&str; 4] = ["leave", "assignment", "degree", "graduateCourses"];

pub(super) fn plan(entry: &Entry, input: &Input) -> Plan {
    let base = evaluate_one(entry, input);
    let shortfall = base.shortfall;
    let mut options: Vec<(i64, PlanOption)> = Vec::new();
    if base.compliance == Compliance::Exempt || shortfall.total <= 0.0 && shortfall.public <= 0.0 && shortfall.professional <= 0.0 {
        return Plan { shortfall, options: Vec::new() };
    }
    let date_text = format!("{}-06-30", input.year);
    let Some(date) = NaiveDate::from_ymd_opt(input.year, 6, 30) else { return Plan { shortfall, options: Vec::new() } };
    for rule in entry.rules.rules.iter().filter(|r| proposable(r)) {
        for part in parts(rule, &shortfall) {
            let need = match part {
                Subject::Public => shortfall.public.max(if shortfall.professional > 0.0 { 0.0 } else { shortfall.total }),
                Subject::Professional => shortfall.professional.max(if shortfall.public > 0.0 { 0.0 } else { shortfall.total }),
            };
            if need <= 0.0 {
                continue;
            }
            let Some(fields) = fields_for(entry, rule, part, need) else { continue };
            let activity = Activity::proposed("plan", rule.kind, date, &date_text, fields);
            if let Some(option) = try_option(entry, input, rule, activity, (part, need), &shortfall) {
                options.push(option);
            }
        }
    }
    // Guaranteed hours first (most first), then what may be credited up to a maximum.
    options.sort_by_key(|(key, _)| std::cmp::Reverse(*key));
    Plan { shortfall, options: options.into_iter().map(|(_, o)| o).collect() }
}

fn proposable(rule: &Rule) -> bool {
    !NOT_PROPOSED.contains(&KINDS[rule.kind].kind)
        && !matches!(rule.credit, Credit::Excluded | Credit::RequirementRelief | Credit::ProrateRequirement { .. } | Credit::PerYearByMonths { .. })
}

/// The short parts a rule can credit.
fn parts(rule: &Rule, short: &Hours3) -> Vec<Subject> {
    let (public, professional) = (short.public > 0.0, short.professional > 0.0 || short.total > short.public);
    let can = |s: Subject| match s {
        Subject::Public => public,
        Subject::Professional => professional,
    };
    let offered: &[Subject] = match (rule.subject, &rule.credit) {
        (_, Credit::Deemed { public, professional, .. }) => match (public, professional) {
            (true, _) => &[Subject::Public],
            _ => &[Subject::Professional],
        },
        (SubjectOf::Public, _) => &[Subject::Public],
        (SubjectOf::Professional, _) => &[Subject::Professional],
        (SubjectOf::FromActivity, _) => &[Subject::Public, Subject::Professional],
    };
    offered.iter().copied().filter(|&s| can(s)).collect()
}

/// The activity's fields: what the rule's conditions ask, the time to close `need` where
/// the kind takes time, the first allowed value of every other required field.
fn fields_for<'e>(entry: &'e Entry, rule: &'e Rule, part: Subject, need: f64) -> Option<Vec<(&'e str, Value<'e>)>> {
    let spec = &KINDS[rule.kind];
    let mut fields: Vec<(&'e str, Value<'e>)> = Vec::new();
    for w in &rule.when {
        let value = match &w.test {
            Test::OneOf(values) => match values.first()? {
                Scalar::Text(t) => Value::Choice(t),
                Scalar::Num(n) => Value::Number(*n),
                Scalar::Bool(b) => Value::Flag(*b),
            },
            Test::Between { min, max } => Value::Number(min.or(*max).unwrap_or(1.0)),
        };
        let value = match (spec.field(&w.field).map(|f| f.ty), value) {
            (Some(FieldType::Count { .. }), Value::Number(n)) => Value::Count(n as u32),
            (_, v) => v,
        };
        fields.push((spec.field(&w.field)?.name, value));
    }
    if spec.field("subject").is_some() {
        fields.push(("subject", Value::Choice(if part == Subject::Public { "public" } else { "professional" })));
    }
    if spec.has_time() {
        let t = &entry.rules.time;
        let per_day = match rule.credit {
            Credit::PerDay { hours, .. } => hours,
            Credit::ActualTime { multiple, max_per_day } => max_per_day.map_or(t.hours_per_day, |m| m.min(t.hours_per_day)) * multiple,
            _ => t.hours_per_day,
        };
        fields.push(("days", Value::Number((need / per_day).ceil().clamp(1.0, 366.0))));
    }
    for f in spec.fields.iter().filter(|f| f.required) {
        if fields.iter().any(|(n, _)| *n == f.name) {
            continue;
        }
        fields.push((
            f.name,
            match f.ty {
                FieldType::Choice { values } => Value::Choice(values.first()?),
                FieldType::Count { min, .. } => Value::Count(min),
                FieldType::Number { max } => Value::Number(need.min(max)),
                FieldType::Flag => Value::Flag(false),
                FieldType::Date => return None,
            },
        ));
    }
    Some(fields)
}

/// The option the engine gives for `activity` added to the input, if it adds anything to
/// `part`; keyed for ordering (guaranteed cents, then possible).
fn try_option(
    entry: &Entry,
    input: &Input,
    rule: &Rule,
    activity: Activity,
    (part, need): (Subject, f64),
    short: &Hours3,
) -> Option<(i64, PlanOption)> {
    let mut with = input.clone();
    with.activities.push(activity);
    let result = evaluate_one(entry, &with);
    let line = result.lines.last()?;
    let deemed = line.status == Status::Deemed;
    let max = line.hours.max.map_or(i64::MAX, cents);
    if !deemed && max <= 0 || matches!(line.status, Status::NotCovered | Status::OtherYear) {
        return None;
    }
    let guaranteed = if deemed { cents(need) } else { cents(line.hours.min) };
    let key = guaranteed * 2 + i64::from(guaranteed == 0);
    let mut explain = Explain::default();
    words::parts(&mut explain, input.lang, part == Subject::Public, part == Subject::Professional);
    let left = show_f(if part == Subject::Public { short.public } else { short.professional.max(short.total) });
    say!(explain, input.lang, [" 还差 ", { left }, "："], [" short by ", { left }, ": "]);
    explain.0.extend(line.explain.0.iter().cloned());
    if let Some(cap) = rule.cap.and_then(|i| entry.rules.caps.get(i)) {
        let used: i64 = result
            .lines
            .iter()
            .zip(&input.activities)
            .filter(|(_, a)| entry.rules.rule_for(a).is_some_and(|r| r.cap == rule.cap))
            .map(|(l, _)| cents(l.hours.min))
            .sum();
        let room = to_f64((cents(cap.hours) - used).max(0));
        say!(explain, input.lang, ["（本年度还可计 ", { show_f(room) }, "）"], [" (", { show_f(room) }, " more this year at most)"]);
    }
    let activity = Proposal::of(with.activities.last()?);
    Some((key, PlanOption { kind: KINDS[rule.kind].kind, activity, hours: line.hours, clause: line.clause.clone()?, explain }))
}

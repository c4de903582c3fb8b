//! Properties of `evaluate` over generated valid inputs (every kind, every document).
//! Hours are compared in whole cents, as the engine rounds every line to 0.01.
#![cfg(not(target_arch = "wasm32"))]

mod arb;

use arb::*;
use proptest::prelude::*;
use serde_json::Value;
use std::sync::OnceLock;
use xueshi::input::{Activity, Value as V};
use xueshi::report::{Line, Range, Report, RuleSetResult, Status};
use xueshi::ruleset::{Credit, Rule, Rules, Scalar, Subject, Test};
use xueshi::Engine;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new().expect("built-in rule sets"))
}

fn config() -> ProptestConfig {
    // Modest, so that `cargo test` stays quick; PROPTEST_CASES=20000 for a long hunt.
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

/// Cents, as the engine keeps hours (every reported number is a whole number of cents).
fn c(x: f64) -> i64 {
    let c = (x * 100.0).round();
    assert_eq!(c / 100.0, x, "{x} is not a whole number of cents");
    c as i64
}

/// A range in cents; `None` is "no maximum".
fn span(r: Range) -> (i64, Option<i64>) {
    (c(r.min), r.max.map(c))
}

fn evaluate(v: &Value) -> Report {
    engine().evaluate_text(&v.to_string()).unwrap_or_else(|e| panic!("a valid input was refused: {e}\n{v:#}"))
}

/// The crediting rules a rule set uses (a deferring one's are its lender's).
fn rules_of(id: &str) -> &'static Rules {
    &engine().get(id).expect("rule set").rules
}

/// The rule an activity falls under: the first whose kind and conditions match.
fn rule_of<'a>(rules: &'a Rules, a: &Activity) -> Option<&'a Rule> {
    rules.rules.iter().find(|r| {
        r.kind == a.kind
            && r.when.iter().all(|w| match &w.test {
                Test::OneOf(values) => values.iter().any(|s| match (s, a.get(&w.field)) {
                    (Scalar::Text(t), Some(V::Choice(c))) => t.as_str() == c,
                    (Scalar::Num(n), v) => v.is_some() && a.number(&w.field) == Some(*n),
                    (Scalar::Bool(b), Some(V::Flag(f))) => *b == f,
                    _ => false,
                }),
                Test::Between { min, max } => a.number(&w.field).is_some_and(|x| min.is_none_or(|m| x >= m) && max.is_none_or(|m| x <= m)),
            })
    })
}

fn cents(x: f64) -> i64 {
    xueshi::hours::cents(x)
}

/// The most the clause can give one activity, before any other line is considered
/// (`None`: the clause sets no maximum). Written from the clause's terms, not the engine.
fn allowance(rules: &Rules, a: &Activity) -> Option<i64> {
    let time = &rules.time;
    let Some(rule) = rule_of(rules, a) else { return Some(0) };
    let cap = rule.cap.map(|i| cents(rules.caps[i].hours));
    let n = |f: &str| a.number(f).unwrap_or(0.0);
    // Actual time at the full daily rate: a per-day limit can only lower it; the part of
    // a day is at most a day.
    let rate = time.hours_per_day.max(time.part_time_hours_per_day.unwrap_or(0.0));
    let actual = || a.number("hours").unwrap_or_else(|| n("days") * rate + (n("minutes") / time.minutes_per_hour).min(rate));
    let own = match &rule.credit {
        Credit::Fixed(hours) | Credit::PerStudyYear(hours) => Some(cents(*hours)),
        Credit::PerUnit { hours, field, .. } => Some(cents(hours * n(field))),
        Credit::SharedByAuthors(hours) => Some(cents(hours / n("authors").max(1.0))),
        Credit::ActualTime { multiple, .. } => Some(cents(actual() * multiple)),
        Credit::PerDay { hours, paper_bonus } => {
            let days = a.number("days").unwrap_or_else(|| actual() / time.hours_per_day);
            Some(cents(days * hours + if a.flag("presentedPaper") { *paper_bonus } else { 0.0 }))
        }
        Credit::UpToCap | Credit::Undetermined => None,
        Credit::Spread { hours, years } => Some(cents(*hours) - cents(hours / f64::from(*years)) * (i64::from(*years) - 1)),
        Credit::PerYearByMonths { public, professional } => {
            // Days or an end date: at most a whole year of it in any year.
            let m = a.count("months").map_or(12.0, f64::from);
            Some(cents(public * m / 12.0) + cents(professional * m / 12.0))
        }
        Credit::Deemed { .. } | Credit::ProrateRequirement { .. } | Credit::RequirementRelief | Credit::Excluded => Some(0),
    };
    match (own, cap) {
        (Some(o), Some(c)) => Some(o.min(c)),
        (o, c) => o.or(c),
    }
}

fn le(a: Option<i64>, b: Option<i64>) -> bool {
    match (a, b) {
        (_, None) => true,
        (None, Some(_)) => false,
        (Some(a), Some(b)) => a <= b,
    }
}

/// What each subject gets from a line: its parts where it has them, else its hours.
fn contributions(l: &Line) -> Vec<(Subject, (i64, Option<i64>))> {
    match &l.parts {
        Some(parts) => parts.iter().map(|p| (p.subject, span(p.hours))).collect(),
        None => vec![(l.subject, span(l.hours))],
    }
}

fn add(a: (i64, Option<i64>), b: (i64, Option<i64>)) -> (i64, Option<i64>) {
    (a.0 + b.0, a.1.zip(b.1).map(|(x, y)| x + y))
}

/// Every check on one report of a valid input.
fn check_report(v: &Value, report: &Report) {
    let text = v.to_string();
    let json = xueshi::json::parse(&text).expect("JSON");
    let input = engine().parse(&json).expect("valid");
    assert_eq!(report.year, input.year);
    for r in &report.results {
        check_result(r, &input.activities);
    }
}

fn check_result(r: &RuleSetResult, activities: &[Activity]) {
    let rules = rules_of(&r.rule_set);
    let caps = &rules.caps;
    assert_eq!(r.lines.len(), activities.len(), "{}: one line per activity", r.rule_set);
    let mut public = (0, Some(0));
    let mut professional = (0, Some(0));
    for (l, a) in r.lines.iter().zip(activities) {
        assert_eq!(l.activity, a.id);
        let (min, max) = span(l.hours);
        let ctx = || format!("{}: {} {:?} -> {:?}", r.rule_set, a.id, a, l);
        assert!(min >= 0 && le(Some(min), max), "range out of order: {}", ctx());
        assert!(le(max, allowance(rules, a)), "more than the clause allows ({:?}): {}", allowance(rules, a), ctx());
        if matches!(l.status, Status::NotCovered | Status::OtherYear | Status::Deemed) {
            assert_eq!((min, max), (0, Some(0)), "{:?} credits nothing: {}", l.status, ctx());
        }
        if let Some(parts) = &l.parts {
            let sum = parts.iter().fold((0, Some(0)), |s, p| add(s, span(p.hours)));
            assert_eq!(sum, (min, max), "parts add up to the line: {}", ctx());
            for p in parts {
                let (pmin, pmax) = span(p.hours);
                assert!(pmin >= 0 && le(Some(pmin), pmax), "part out of order: {}", ctx());
            }
        }
        for (subject, s) in contributions(l) {
            match subject {
                Subject::Public => public = add(public, s),
                Subject::Professional => professional = add(professional, s),
            }
        }
    }
    // No yearly cap is exceeded, at either end of the range.
    for (ci, cap) in caps.iter().enumerate() {
        let limit = cents(cap.hours);
        let members: Vec<&Line> = r
            .lines
            .iter()
            .zip(activities)
            .filter(|(l, a)| l.status != Status::OtherYear && rule_of(rules, a).is_some_and(|ru| ru.cap == Some(ci)))
            .map(|(l, _)| l)
            .collect();
        let (sum_min, sum_max) = members.iter().fold((0, Some(0)), |s, l| add(s, span(l.hours)));
        assert!(sum_min <= limit && le(sum_max, Some(limit)), "{}: cap {} ({limit}) exceeded: {sum_min}..{sum_max:?}", r.rule_set, cap.id);
    }
    let t = &r.totals;
    assert_eq!(span(t.public), public, "{}: public = its lines", r.rule_set);
    assert_eq!(span(t.professional), professional, "{}: professional = its lines", r.rule_set);
    assert_eq!(span(t.total), add(public, professional), "{}: total = public + professional", r.rule_set);
    for s in [r.shortfall.total, r.shortfall.public, r.shortfall.professional] {
        assert!(c(s) >= 0, "{}: shortfall {s} < 0", r.rule_set);
    }
}

/// Hours in cents, `None`: no maximum.
type Span = (i64, Option<i64>);

/// Each result's public, professional and total range.
fn totals(report: &Report) -> Vec<(String, [Span; 3])> {
    report.results.iter().map(|r| (r.rule_set.to_string(), [span(r.totals.public), span(r.totals.professional), span(r.totals.total)])).collect()
}

/// Everything of a result that must not depend on the order of the activities.
fn order_free(report: &Report) -> Vec<String> {
    report
        .results
        .iter()
        .map(|r| format!("{} {:?} {:?} {:?} {:?} {:?}", r.rule_set, r.totals, r.requirement, r.deemed, r.compliance, r.shortfall))
        .collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_line_and_total_is_consistent(v in input(12)) {
        let report = evaluate(&v);
        check_report(&v, &report);
    }

    /// 新疆 counts one piece of work once (第九条, every kind): a claim made twice is
    /// warned of with both named, and every such warning names claims of one kind.
    #[test]
    fn a_claim_made_twice_is_warned_of_where_it_counts_once(v in input(8), pick in any::<prop::sample::Index>()) {
        let mut v = v;
        v["ruleSets"] = serde_json::json!(["xinjiang-2022"]);
        let acts = v["activities"].as_array_mut().expect("activities");
        prop_assume!(!acts.is_empty());
        let original = acts[pick.index(acts.len())].clone();
        let mut copy = original.clone();
        copy["id"] = serde_json::json!("the-copy");
        acts.push(copy);
        let report = evaluate(&v);
        let r = &report.results[0];
        let id = original["id"].as_str().expect("an id");
        let counts = r.lines.iter().find(|l| l.activity == id).expect("its line").status != Status::OtherYear;
        let named = r.warnings.iter().any(|w| {
            w.code == xueshi::report::WarningCode::PossibleDuplicate && w.activities.iter().any(|a| a == id) && w.activities.iter().any(|a| a == "the-copy")
        });
        prop_assert_eq!(named, counts, "{:#}", v);
        let kinds: std::collections::HashMap<&str, &str> =
            v["activities"].as_array().unwrap().iter().map(|a| (a["id"].as_str().unwrap(), a["kind"].as_str().unwrap())).collect();
        for w in &r.warnings {
            prop_assert!(w.activities.len() >= 2 || w.code == xueshi::report::WarningCode::CapReached);
            if w.code == xueshi::report::WarningCode::PossibleDuplicate {
                prop_assert!(w.activities.iter().all(|a| kinds[a.as_str()] == kinds[w.activities[0].as_str()]));
            }
        }
    }

    #[test]
    fn same_input_same_report(v in input(12)) {
        let once = evaluate(&v);
        prop_assert_eq!(&once, &evaluate(&v));
        // Also after a round trip through JSON text, as the page and the JSON entry point see it.
        let again: Value = serde_json::from_str(&serde_json::to_string(&v).unwrap()).unwrap();
        prop_assert_eq!(&once, &evaluate(&again));
    }

    #[test]
    fn adding_an_activity_never_lowers_a_total(
        (year, rs, acts, extra, at) in parts(10).prop_flat_map(|(y, rs, acts)| {
            let n = acts.len();
            (Just(y), Just(rs), Just(acts), activity(y), 0..=n)
        })
    ) {
        let base = with_ids(acts);
        let mut extra = extra;
        extra.insert("id".into(), Value::from("extra"));
        let before = totals(&evaluate(&input_value(year, &rs, base.clone())));
        for pos in [base.len(), at] {
            let mut more = base.clone();
            more.insert(pos, Value::Object(extra.clone()));
            let v = input_value(year, &rs, more);
            let report = evaluate(&v);
            check_report(&v, &report);
            for ((id, old), (_, new)) in before.iter().zip(totals(&report)) {
                for (part, (o, n)) in ["public", "professional", "total"].iter().zip(old.iter().zip(new)) {
                    prop_assert!(n.0 >= o.0, "{} {} min fell from {} to {} (inserted at {})", id, part, o.0, n.0, pos);
                    prop_assert!(le(o.1, n.1), "{} {} max fell from {:?} to {:?} (inserted at {})", id, part, o.1, n.1, pos);
                }
            }
        }
    }

    #[test]
    fn reordering_never_changes_a_total(
        (year, rs, acts, order) in parts(12).prop_flat_map(|(y, rs, acts)| {
            let idx: Vec<usize> = (0..acts.len()).collect();
            (Just(y), Just(rs), Just(acts), Just(idx).prop_shuffle())
        })
    ) {
        let acts = with_ids(acts);
        let shuffled: Vec<Value> = order.iter().map(|&i| acts[i].clone()).collect();
        let a = evaluate(&input_value(year, &rs, acts));
        let b = evaluate(&input_value(year, &rs, shuffled));
        prop_assert_eq!(order_free(&a), order_free(&b));
    }
}

/// The largest input the contract takes evaluates, linearly (no stack or time blow-up);
/// the time itself is the bench's business.
#[test]
fn ten_thousand_activities_evaluate() {
    let acts: Vec<Value> = (0..10_000)
        .map(|i| {
            let k = &xueshi::schema::KINDS[i % xueshi::schema::KINDS.len()];
            let mut m = serde_json::Map::new();
            m.insert("id".into(), Value::from(format!("a{i}")));
            m.insert("kind".into(), Value::from(k.kind));
            m.insert("date".into(), Value::from("2024-06-01"));
            for f in k.fields.iter().filter(|f| f.required) {
                let v = match f.ty {
                    xueshi::schema::FieldType::Number { .. } => Value::from(2),
                    xueshi::schema::FieldType::Count { min, .. } => Value::from(min),
                    xueshi::schema::FieldType::Choice { values } => Value::from(values[i % values.len()]),
                    xueshi::schema::FieldType::Flag => Value::from(false),
                    xueshi::schema::FieldType::Date => Value::from("2024-12-31"),
                };
                m.insert(f.name.into(), v);
            }
            if k.needs_time {
                m.insert("hours".into(), Value::from(3));
            }
            if k.field("end").is_some() {
                m.insert("months".into(), Value::from(3));
            }
            Value::Object(m)
        })
        .collect();
    let v = input_value(2024, &None, acts);
    let report = evaluate(&v);
    assert_eq!(report.results.len(), 5);
    check_report(&v, &report);
}

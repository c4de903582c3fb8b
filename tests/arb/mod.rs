//! Generators of valid inputs for the property and garbage tests. Fields, types and
//! bounds come from `xueshi::input::KINDS`, so the generators follow the schema.
#![allow(dead_code)]

use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Map, Value};
use xueshi::json::Json;
use xueshi::schema::{FieldSpec, FieldType, KindSpec, KINDS};

/// Assessment years: each document's own year, one inside the 新疆 period, one outside all.
pub const YEARS: &[i32] = &[2019, 2022, 2024, 2025, 2030];

pub const RULE_SETS: &[&str] = &["xinjiang-2022", "aksu-2024", "bingtuan-2019", "zaozhuang-2024", "taian-2022"];

pub fn to_json(v: &Value) -> Json<'static> {
    let text = v.to_string();
    xueshi::ruleset::owned(&xueshi::json::parse(&text).expect("test input is JSON"))
}

/// A number field: mostly everyday amounts, sometimes the bounds or anything in range.
fn number(max: f64) -> BoxedStrategy<Value> {
    prop_oneof![
        6 => (0u32..=4000).prop_map(|c| json!(f64::from(c) / 100.0)),
        2 => (0.0..=max).prop_map(|x| json!(x)),
        1 => select(vec![0.0, 0.004, 0.005, 2.675, max]).prop_map(|x| json!(x)),
    ]
    .boxed()
}

fn count(min: u32, max: u32) -> BoxedStrategy<Value> {
    prop_oneof![3 => min..=max.min(min + 4), 1 => min..=max].prop_map(|n| json!(n)).boxed()
}

fn value(f: &FieldSpec) -> BoxedStrategy<Value> {
    match f.ty {
        FieldType::Number { max } => number(max),
        FieldType::Count { min, max } => count(min, max),
        FieldType::Choice { values } => select(values.to_vec()).prop_map(|v| json!(v)).boxed(),
        FieldType::Flag => any::<bool>().prop_map(|b| json!(b)).boxed(),
        // Set with the date it follows (see `activity`).
        FieldType::Date => Just(Value::Null).boxed(),
    }
}

/// One field: required ones always, optional ones present, absent or `null` (= absent).
fn field(f: &'static FieldSpec) -> BoxedStrategy<Option<(&'static str, Value)>> {
    let v = value(f);
    if f.required {
        v.prop_map(move |v| Some((f.name, v))).boxed()
    } else {
        prop_oneof![2 => v.prop_map(move |v| Some((f.name, v))), 2 => Just(None), 1 => Just(Some((f.name, Value::Null)))].boxed()
    }
}

const TIME: [&str; 3] = ["hours", "days", "minutes"];

/// The kind's own fields; where it takes time and none was drawn, `hours` is added.
fn kind_fields(k: &'static KindSpec) -> BoxedStrategy<Map<String, Value>> {
    let fields: Vec<_> = k.fields.iter().map(field).collect();
    let hours_max = k.fields.iter().find_map(|f| match (f.name, f.ty) {
        ("hours", FieldType::Number { max }) => Some(max),
        _ => None,
    });
    (fields, number(hours_max.unwrap_or(1.0)))
        .prop_map(move |(drawn, fallback)| {
            let mut m = Map::new();
            m.insert("kind".into(), json!(k.kind));
            for (name, v) in drawn.into_iter().flatten() {
                m.insert(name.into(), v);
            }
            if k.needs_time && !TIME.iter().any(|t| m.get(*t).is_some_and(|v| !v.is_null())) {
                m.insert("hours".into(), fallback);
            }
            m
        })
        .boxed()
}

/// A day in or around `year`: mostly in it, sometimes up to five years before or one after.
fn date(year: i32) -> BoxedStrategy<String> {
    let y = prop_oneof![4 => Just(year), 1 => (year - 5)..=(year + 1)];
    let md = prop_oneof![6 => (1u32..=12, 1u32..=28), 1 => select(vec![(1, 1), (12, 31), (6, 30)])];
    (y, md).prop_map(|(y, (m, d))| format!("{y:04}-{m:02}-{d:02}")).boxed()
}

/// Leave and assignments: one of months, days, or an end up to 500 days after the date.
fn span(m: &mut Map<String, Value>, date: &str, (which, months, days, after): (u8, u32, f64, i64)) {
    for f in ["months", "days", "end"] {
        m.remove(f);
    }
    match which {
        0 => m.insert("months".into(), json!(months)),
        1 => m.insert("days".into(), json!(days)),
        _ => {
            let start = xueshi::input::parse_date(date).expect("a drawn date");
            m.insert("end".into(), json!((start + chrono::Days::new(after as u64)).to_string()))
        }
    };
}

/// A valid activity of any kind, dated in or around `year`, without its `id`.
pub fn activity(year: i32) -> BoxedStrategy<Map<String, Value>> {
    let kind = select((0..KINDS.len()).collect::<Vec<_>>()).prop_flat_map(|i| kind_fields(&KINDS[i]));
    let title = prop_oneof![3 => Just(None), 1 => "[a-z 学时]{0,20}".prop_map(Some)];
    let spans = (0u8..3, 1u32..=12, 0.0..=366.0f64, 0i64..500);
    (kind, date(year), title, spans)
        .prop_map(|(mut m, d, t, s)| {
            if m.get("kind").and_then(Value::as_str).is_some_and(|k| matches!(k, "leave" | "assignment")) {
                span(&mut m, &d, s);
            }
            m.insert("date".into(), json!(d));
            if let Some(t) = t {
                m.insert("title".into(), json!(t));
            }
            m
        })
        .boxed()
}

/// Gives activities the ids a0, a1, … in order (unique by construction).
pub fn with_ids(acts: Vec<Map<String, Value>>) -> Vec<Value> {
    acts.into_iter()
        .enumerate()
        .map(|(i, mut m)| {
            m.insert("id".into(), json!(format!("a{i}")));
            Value::Object(m)
        })
        .collect()
}

pub fn input_value(year: i32, rule_sets: &Option<Vec<&str>>, activities: Vec<Value>) -> Value {
    let mut v = json!({ "year": year, "activities": activities });
    if let Some(rs) = rule_sets {
        v["ruleSets"] = json!(rs);
    }
    v
}

/// Some of the rule sets in some order, or none given (= all).
pub fn rule_sets() -> BoxedStrategy<Option<Vec<&'static str>>> {
    prop_oneof![
        3 => Just(None),
        1 => proptest::sample::subsequence(RULE_SETS.to_vec(), 1..=RULE_SETS.len()).prop_shuffle().prop_map(Some),
    ]
    .boxed()
}

/// An input in parts: year, rule sets (`None`: all), activities without ids.
pub type Parts = (i32, Option<Vec<&'static str>>, Vec<Map<String, Value>>);

/// A valid input: year, rule sets and up to `max` activities (ids not yet given).
pub fn parts(max: usize) -> BoxedStrategy<Parts> {
    select(YEARS.to_vec()).prop_flat_map(move |y| (Just(y), rule_sets(), proptest::collection::vec(activity(y), 0..=max))).boxed()
}

pub fn input(max: usize) -> BoxedStrategy<Value> {
    parts(max).prop_map(|(y, rs, acts)| input_value(y, &rs, with_ids(acts))).boxed()
}

//! Native counterparts of the browser bench (bench/run.mjs), on the same workloads:
//! a typical year (bench/typical-year.json: 20 activities of 15 kinds, all five
//! documents) and one input of 10,000 activities. `make bench` reads the medians from
//! target/criterion/*/new/estimates.json.
//!
//! `typical_year/evaluate` is the figure the browser's is divided by: what a native caller
//! does (input tree in, validation, evaluation, `Report` out), so the ratio is the whole
//! cost of running in wasm, boundary crossings included. `values` adds serde_json values
//! in and out; `json_text` is the JSON entry point, text in and out.

use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::Value;
use std::hint::black_box;
use std::time::Duration;
use xueshi::json::Json;

const TYPICAL: &str = include_str!("../bench/typical-year.json");

fn typical() -> Value {
    serde_json::from_str(TYPICAL).expect("bench/typical-year.json")
}

/// The typical year's activities repeated to `n`, each with its own id.
fn many(n: usize) -> Value {
    let mut v = typical();
    let base = v["activities"].as_array().expect("activities").clone();
    let acts: Vec<Value> = (0..n)
        .map(|i| {
            let mut a = base[i % base.len()].clone();
            a["id"] = Value::from(format!("x{i}"));
            a
        })
        .collect();
    v["activities"] = Value::Array(acts);
    v
}

/// JS-like value in, report value out: the work a wasm `evaluate` call does.
fn values(input: &Value) -> Value {
    let json = Json::read(input).expect("reads");
    let report = xueshi::evaluate(&json).expect("valid");
    serde_json::to_value(&report).expect("serialises")
}

fn bench(c: &mut Criterion) {
    let input = typical();
    let json = Json::read(&input).expect("reads");
    let text = serde_json::to_string(&input).expect("text");

    let mut g = c.benchmark_group("typical_year");
    g.bench_function("values", |b| b.iter(|| values(black_box(&input))));
    g.bench_function("evaluate", |b| b.iter(|| xueshi::evaluate(black_box(&json)).expect("valid")));
    g.bench_function("json_text", |b| b.iter(|| shim::evaluate_json_text(black_box(&text))));
    // The Rust half of a wasm `evaluate` call, natively: JSON text in (as js/wire.js sends
    // it), validation and evaluation, the flat report out (as js/wire.js reads it).
    let mut statics = xueshi::wire::Statics::default();
    g.bench_function("call", |b| {
        b.iter(|| {
            let value = xueshi::json::parse(black_box(&text)).expect("parses");
            let report = xueshi::evaluate(&value).expect("valid");
            let mut wire = xueshi::wire::Wire::new(&mut statics);
            wire.report(&report);
            (wire.nums.len(), wire.text.len())
        })
    });
    g.finish();

    let big = Json::read(&many(10_000)).expect("reads");
    let mut g = c.benchmark_group("ten_thousand_activities");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.bench_function("evaluate", |b| b.iter(|| xueshi::evaluate(black_box(&big)).expect("valid")));
    g.finish();
}

/// `evaluate_json` where the feature is on, else the same steps by hand.
mod shim {
    #[cfg(feature = "json")]
    pub fn evaluate_json_text(text: &str) -> String {
        xueshi::evaluate_json(text).expect("valid")
    }
    #[cfg(not(feature = "json"))]
    pub fn evaluate_json_text(text: &str) -> String {
        let v: serde_json::Value = serde_json::from_str(text).expect("json");
        serde_json::to_string(&super::values(&v)).expect("text")
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);

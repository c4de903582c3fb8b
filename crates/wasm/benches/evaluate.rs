//! Native counterparts of the browser bench (bench/run.mjs), on the same workloads:
//! a typical year (bench/typical-year.json: 20 activities of 15 kinds, all five
//! documents) and one input of 10,000 activities. `make bench` reads the medians from
//! target/criterion/*/new/estimates.json.
//!
//! `typical_year/call` is the figure the browser's is divided by: the Rust half of a wasm
//! `evaluate` call done natively (the JSON text js/wire.js sends in, parse, validate,
//! evaluate, the flat report js/wire.js reads out), so the ratio is the whole cost of
//! running in wasm, boundary crossings included.

use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::Value;
use std::hint::black_box;
use std::time::Duration;
use xueshi::Engine;
use xueshi_wasm::wire::{Sent, Wire};

const TYPICAL: &str = include_str!("../../../bench/typical-year.json");

/// The typical year's activities repeated to `n`, each with its own id.
fn many(n: usize) -> String {
    let mut v: Value = serde_json::from_str(TYPICAL).expect("bench/typical-year.json");
    let base = v["activities"].as_array().expect("activities").clone();
    let acts: Vec<Value> = (0..n)
        .map(|i| {
            let mut a = base[i % base.len()].clone();
            a["id"] = Value::from(format!("x{i}"));
            a
        })
        .collect();
    v["activities"] = Value::Array(acts);
    v.to_string()
}

fn bench(c: &mut Criterion) {
    let engine = Engine::new().expect("built-in rule sets");
    let mut g = c.benchmark_group("typical_year");
    g.bench_function("evaluate", |b| b.iter(|| engine.evaluate_text(black_box(TYPICAL)).expect("valid")));
    let mut sent = Sent::default();
    g.bench_function("call", |b| {
        b.iter(|| {
            let report = engine.evaluate_text(black_box(TYPICAL)).expect("valid");
            let mut wire = Wire::new(&mut sent);
            wire.write(&report).expect("writes");
            let sizes = (wire.nums.len(), wire.text.len());
            wire.commit();
            sizes
        })
    });
    g.finish();

    let big = many(10_000);
    let mut g = c.benchmark_group("ten_thousand_activities");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.bench_function("evaluate", |b| b.iter(|| engine.evaluate_text(black_box(&big)).expect("valid")));
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);

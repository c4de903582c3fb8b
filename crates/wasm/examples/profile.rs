//! Runs the Rust half of a typical `evaluate` call many times, for a profiler:
//! `valgrind --tool=callgrind target/release/examples/profile`.
use xueshi_wasm::wire::{Sent, Wire};

fn main() {
    let input = include_str!("../../../bench/typical-year.json");
    let engine = xueshi::Engine::new().expect("built-in rule sets");
    let mut sent = Sent::default();
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(200);
    let mut total = 0;
    for _ in 0..n {
        let report = engine.evaluate_text(input).expect("valid");
        let mut wire = Wire::new(&mut sent);
        wire.write(&report).expect("writes");
        if total > 0 && total < 20000 {
            eprintln!("nums {} text {}", wire.nums.len(), wire.text.len());
        }
        total += wire.nums.len() + wire.text.len();
        wire.commit();
    }
    println!("{total}");
}

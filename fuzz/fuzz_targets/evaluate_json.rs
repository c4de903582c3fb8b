//! The JSON entry point on arbitrary bytes: a report or an error with a code and a path,
//! never a panic (a panic is what libFuzzer reports as a crash).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use xueshi::Engine;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new().expect("built-in rule sets"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match engine().evaluate_text(text) {
        Ok(report) => assert!(serde_json::to_string(&report).is_ok()),
        Err(e) => assert!(!e.path.is_empty() && !e.en.is_empty() && !e.zh.is_empty(), "bad error: {e:?}"),
    }
});

//! The rule set loader on arbitrary bytes: a loaded rule set that evaluates, or an
//! `invalidRuleSet` error with a path, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use xueshi::{Engine, ErrorCode};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut engine = Engine::new().expect("built-in rule sets");
    match engine.load_text(text) {
        Ok(info) => {
            // What loads evaluates every kind without a panic.
            let input = format!(r#"{{"year":2024,"ruleSets":["{}"],"activities":[{{"id":"a","kind":"training","date":"2024-01-01","days":2}},{{"id":"b","kind":"paper","date":"2024-01-01","venue":"national","authors":2}}]}}"#, info.id);
            let _ = engine.evaluate_text(&input);
        }
        Err(e) => assert!(e.code == ErrorCode::InvalidRuleSet && !e.path.is_empty() && !e.en.is_empty() && !e.zh.is_empty(), "bad error: {e:?}"),
    }
});

//! The JSON entry point on arbitrary bytes: a report or an error with a code and a path,
//! never a panic (a panic is what libFuzzer reports as a crash).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match xueshi::evaluate_json(text) {
        Ok(report) => assert!(report.starts_with("{\"year\":"), "not a report: {report}"),
        Err(e) => assert!(!e.path.is_empty() && !e.en.is_empty() && !e.code.as_str().is_empty(), "bad error: {e:?}"),
    }
});

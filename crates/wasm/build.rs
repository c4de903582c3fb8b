//! Reads the built-in rule set documents (rules/*.json) with the engine, natively, and
//! writes what the calculator build (`--no-default-features`, no document reader) carries
//! instead: the rule sets in the compact form (their infos and the activity schema travel
//! as JS, js/built-in.js).
use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=../../rules");
    let engine = xueshi::Engine::new().unwrap_or_else(|e| panic!("the built-in rule sets do not read: {e}"));
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let write = |name: &str, bytes: &[u8]| std::fs::write(Path::new(&out).join(name), bytes).expect("OUT_DIR is writable");
    write("built-in.xrs", &engine.compiled());
}

//! Reads the built-in rule set documents (rules/*.json) with the engine, natively, and
//! writes what the calculator build (`--no-default-features`, no document reader) carries
//! instead: the rule sets in the compact form, and the rule set infos and the activity
//! schema as JSON, which do not change in a build that loads no documents.
use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=../../rules");
    let engine = xueshi::Engine::new().unwrap_or_else(|e| panic!("the built-in rule sets do not read: {e}"));
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let write = |name: &str, bytes: &[u8]| std::fs::write(Path::new(&out).join(name), bytes).expect("OUT_DIR is writable");
    write("built-in.xrs", &xueshi::ruleset::compiled::encode(engine.entries().iter().map(|e| &*e.set)));
    write("rule-sets.json", serde_json::to_string(&engine.rule_sets()).expect("serialises").as_bytes());
    write("kinds.json", serde_json::to_string(&engine.kinds()).expect("serialises").as_bytes());
}

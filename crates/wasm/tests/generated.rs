//! The JS decoders in js/wire.js and the TypeScript types in js/report.d.ts are written
//! from the engine's declarations of what crosses into JS (`xueshi::report::shapes`), so
//! that a field is written once. This test fails when they are out of date;
//! `XUESHI_GENERATE=1 cargo test -p xueshi-wasm --test generated` writes them.
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write;
use std::path::PathBuf;
use xueshi::shape::{Field, Shape, Variants};

const BEGIN: &str = "// --- generated from the engine's shape!/variants! declarations by crates/wasm/tests/generated.rs ---\n";
const END: &str = "// --- end of generated code ---\n";

/// TypeScript names where the Rust ones are the engine's own.
fn ts_name(rust: &str) -> &str {
    match rust {
        "KindView" => "KindSpec",
        "FieldView" => "FieldSpec",
        other => other,
    }
}

fn camel(s: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for (i, c) in s.chars().enumerate() {
        match c {
            '_' => upper = true,
            c if upper => {
                out.extend(c.to_uppercase());
                upper = false;
            }
            c if i == 0 => out.extend(c.to_lowercase()),
            c => out.push(c),
        }
    }
    out
}

/// The name a field has in JS: its serde rename, else its name in camelCase.
fn js_name(f: &Field) -> String {
    for a in f.attrs {
        let a = a.replace(' ', "");
        if let Some(rest) = a.strip_prefix("serde(rename=\"") {
            return rest.trim_end_matches("\")").to_owned();
        }
    }
    camel(f.name)
}

fn optional(f: &Field) -> bool {
    f.attrs.iter().any(|a| a.contains("skip_serializing_if"))
}

/// A Rust type as TypeScript.
fn ts_type(ty: &str) -> String {
    let ty: String = ty.chars().filter(|c| !c.is_whitespace()).collect();
    let ty = ty.trim_start_matches('&').trim_start_matches("'static").trim_start_matches("'a");
    if let Some(inner) = ty.strip_prefix("Option<").and_then(|t| t.strip_suffix('>')) {
        return format!("{} | null", ts_type(inner));
    }
    if let Some(inner) = ty.strip_prefix("Vec<").and_then(|t| t.strip_suffix('>')) {
        let inner = ts_type(inner);
        return if inner.contains(' ') { format!("({inner})[]") } else { format!("{inner}[]") };
    }
    let base = ty.split('<').next().unwrap_or(ty);
    match base {
        "String" | "str" | "Sym" | "Text" | "Explain" => "string".into(),
        "f64" | "f32" | "i32" | "u32" | "usize" | "i64" => "number".into(),
        "bool" => "boolean".into(),
        "Default" => "string | number | boolean".into(),
        // A partial activity, written as an object (see the Input types in src/lib.rs).
        "Proposal" => "Partial<Activity>".into(),
        other => ts_name(other).into(),
    }
}

fn decoder(out: &mut String, s: &Shape) {
    let (required, left_out): (Vec<&Field>, Vec<&Field>) = s.fields.iter().partition(|f| !optional(f));
    let first_left_out = s.fields.iter().position(optional).unwrap_or(s.fields.len());
    assert_eq!(first_left_out, required.len(), "{}: fields left out when absent must come last", s.name);
    let literal = required.iter().map(|f| format!("{}: v()", js_name(f))).collect::<Vec<_>>().join(", ");
    if left_out.is_empty() {
        let _ = writeln!(out, "  {}: (v) => ({{ {literal} }}),", s.name);
        return;
    }
    let _ = write!(out, "  {}: (v) => {{\n    const o = {{ {literal} }};\n    let x;\n", s.name);
    for f in left_out {
        let _ = writeln!(out, "    if ((x = v()) !== SKIPPED) o.{} = x;", js_name(f));
    }
    out.push_str("    return o;\n  },\n");
}

fn generated_js() -> String {
    let (shapes, _) = xueshi::report::shapes();
    let mut out = String::from(BEGIN);
    out.push_str("// How each struct is rebuilt: an object literal, so that V8 makes every one alike.\nconst DECODERS = {\n");
    for s in shapes {
        decoder(&mut out, s);
    }
    out.push_str("};\n");
    out.push_str(END);
    out
}

fn interface(out: &mut String, s: &Shape) {
    let _ = writeln!(out, "export interface {} {{", ts_name(s.name));
    for f in s.fields {
        let doc: Vec<&str> =
            f.attrs.iter().filter_map(|a| a.strip_prefix("doc =").map(|d| d.trim_start().trim_start_matches('r').trim_matches('"').trim())).collect();
        if !doc.is_empty() {
            let _ = writeln!(out, "  /** {} */", doc.join(" "));
        }
        let (q, ty) = if optional(f) { ("?", ts_type(f.ty).trim_end_matches(" | null").to_owned()) } else { ("", ts_type(f.ty)) };
        let _ = writeln!(out, "  {}{q}: {ty};", js_name(f));
    }
    out.push_str("}\n");
}

fn union(out: &mut String, v: &Variants) {
    let names = v.variants.iter().map(|n| format!("\"{}\"", camel(n))).collect::<Vec<_>>().join(" | ");
    let _ = writeln!(out, "export type {} = {names};", v.name);
}

fn generated_ts() -> String {
    let (shapes, variants) = xueshi::report::shapes();
    let mut out = String::from("// Generated from the engine's shape!/variants! declarations by crates/wasm/tests/generated.rs.\n");
    for v in variants {
        union(&mut out, v);
    }
    for s in shapes {
        interface(&mut out, s);
    }
    out
}

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("js").join(name)
}

/// Writes or checks a generated file (`whole`) or the generated block of one (`block`).
fn keep(name: &str, generated: &str, block: bool) {
    let file = path(name);
    let current = std::fs::read_to_string(&file).unwrap_or_default();
    let wanted = if block {
        let (start, end) = (current.find(BEGIN).expect("the generated block's start"), current.find(END).expect("its end") + END.len());
        format!("{}{generated}{}", &current[..start], &current[end..])
    } else {
        generated.to_owned()
    };
    if std::env::var_os("XUESHI_GENERATE").is_some() {
        std::fs::write(&file, &wanted).expect("writes");
    } else {
        assert!(current == wanted, "{name} is out of date: XUESHI_GENERATE=1 cargo test -p xueshi-wasm --test generated");
    }
}

/// What the calculator build's `ruleSets()` and `activityKinds()` return: the built-in
/// rule sets do not change in a build that loads none, so they travel as JS, not as text
/// in the wasm (which the wasm budget counts).
fn generated_built_in() -> String {
    let engine = xueshi::Engine::new().expect("the built-in rule sets read");
    format!(
        "// Generated by crates/wasm/tests/generated.rs from rules/*.json (XUESHI_GENERATE=1 to rewrite).\n\
         // The calculator build's ruleSets() and activityKinds(): a fresh value each call. One\n\
         // function, as wasm-bindgen imports a snippet once per function.\n\
         export function builtIn(kinds) {{\n  return kinds\n    ? {}\n    : {};\n}}\n",
        json(&engine.kinds()),
        json(&engine.rule_sets()),
    )
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("serialises")
}

#[test]
fn the_calculators_built_in_infos_are_current() {
    keep("built-in.js", &generated_built_in(), false);
}

#[test]
fn js_decoders_and_typescript_types_are_current() {
    keep("wire.js", &generated_js(), true);
    keep("report.d.ts", &generated_ts(), false);
}

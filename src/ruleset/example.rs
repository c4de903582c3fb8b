//! Worked examples a document carries, OpenFisca-style (`examples: [{ input, expect }]`):
//! an input evaluated under the document alone, and the parts of the result the author
//! expects. `xueshi check` runs them; a loaded document keeps them.

use super::owned;
use super::read::bad;
use crate::error::{Error, Path};
use crate::hours::cents;
use crate::json::Json;
use crate::report::{Range, RuleSetResult};
use crate::Engine;

/// Hours the author expects: exact, or a range (`max: None` is no maximum).
#[derive(Clone, Debug, PartialEq)]
pub struct Hours {
    pub min: f64,
    pub max: Option<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExpectLine {
    pub activity: String,
    pub hours: Option<Hours>,
    pub status: Option<String>,
    /// The clause ref the line cites.
    pub clause: Option<String>,
}

/// The parts of a result an example checks; what it leaves out is not checked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Expect {
    pub compliance: Option<String>,
    /// (part, hours) for `public`, `professional`, `total`.
    pub totals: Vec<(String, Hours)>,
    pub requirement: Vec<(String, f64)>,
    pub shortfall: Vec<(String, f64)>,
    pub lines: Vec<ExpectLine>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    pub title: Option<String>,
    /// The input, without `ruleSets`: an example runs under its own document.
    pub input: Json<'static>,
    pub expect: Expect,
}

fn text(v: &Json, key: &str) -> Option<String> {
    match v.get(key) {
        Some(Json::Str(s)) => Some(s.to_string()),
        _ => None,
    }
}

/// `41.67` or `{ "min": 0, "max": 20 }` (`"max": null`: no maximum).
fn hours(v: &Json) -> Hours {
    match v {
        Json::Num(n) => Hours { min: *n, max: Some(*n) },
        _ => {
            let n = |k: &str| if let Some(Json::Num(n)) = v.get(k) { Some(*n) } else { None };
            Hours { min: n("min").unwrap_or(0.0), max: n("max") }
        }
    }
}

/// `{ "public": 30, … }`, each part read by `item`.
fn by_part<T>(v: Option<&Json>, item: impl Fn(&Json) -> T) -> Vec<(String, T)> {
    match v {
        Some(Json::Obj(f)) => f.iter().filter(|(_, v)| *v != Json::Null).map(|(k, v)| (k.to_string(), item(v))).collect(),
        _ => Vec::new(),
    }
}

/// One example of a document's `examples`, its shape already checked.
pub fn read(v: &Json, path: &Path) -> Result<Example, Error> {
    let input = v.get("input").unwrap_or(&Json::Null);
    if input.get("ruleSets").is_some() {
        let at = path.field("input");
        return Err(bad(&at.field("ruleSets"), "must be left out: an example runs under its own document", "不要填写：示例只按本文件计算"));
    }
    let e = v.get("expect").unwrap_or(&Json::Null);
    let lines = match e.get("lines") {
        Some(Json::Arr(items)) => items
            .iter()
            .map(|l| ExpectLine {
                activity: text(l, "activity").unwrap_or_default(),
                hours: l.get("hours").map(hours),
                status: text(l, "status"),
                clause: text(l, "clause"),
            })
            .collect(),
        _ => Vec::new(),
    };
    let amount = |x: &Json| if let Json::Num(n) = x { *n } else { 0.0 };
    let expect = Expect {
        compliance: text(e, "compliance"),
        totals: by_part(e.get("totals"), hours),
        requirement: by_part(e.get("requirement"), amount),
        shortfall: by_part(e.get("shortfall"), amount),
        lines,
    };
    Ok(Example { title: text(v, "title"), input: owned(input), expect })
}

fn same(a: f64, b: f64) -> bool {
    cents(a) == cents(b)
}

fn same_range(r: &Range, h: &Hours) -> bool {
    same(r.min, h.min) && r.max.map(cents) == h.max.map(cents)
}

fn show(h: &Hours) -> String {
    let (min, max) = (crate::hours::show_f(h.min), h.max.map(crate::hours::show_f));
    match max {
        Some(max) if max.0 == min.0 => format!("exactly {min}"),
        Some(max) => format!("{min} to {max}"),
        None => format!("{min} or more (no maximum)"),
    }
}

/// Runs an example under rule set `id`: the differences from what it expects (empty when
/// it holds), or the error the engine gave for its input.
pub fn run(engine: &Engine, id: &str, example: &Example) -> Result<Vec<String>, Error> {
    let Json::Obj(fields) = &example.input else { return Ok(vec!["input is not an object".into()]) };
    let mut fields = fields.clone();
    fields.push(("ruleSets".into(), Json::Arr(vec![Json::Str(id.to_owned().into())])));
    let report = engine.evaluate(&Json::Obj(fields))?;
    Ok(report.results.first().map(|r| differences(r, &example.expect)).unwrap_or_default())
}

fn differences(r: &RuleSetResult, e: &Expect) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(c) = &e.compliance {
        if r.compliance.as_str() != c {
            out.push(format!("compliance: expected {c}, got {}", r.compliance.as_str()));
        }
    }
    let pick = |part: &str, t: [Range; 3]| match part {
        "public" => t[0],
        "professional" => t[1],
        _ => t[2],
    };
    for (part, h) in &e.totals {
        let got = pick(part, [r.totals.public, r.totals.professional, r.totals.total]);
        if !same_range(&got, h) {
            out.push(format!("totals.{part}: expected {}, got {}", show(h), show(&Hours { min: got.min, max: got.max })));
        }
    }
    for (name, list, got) in [("requirement", &e.requirement, r.requirement), ("shortfall", &e.shortfall, r.shortfall)] {
        for (part, want) in list {
            let have = match part.as_str() {
                "public" => got.public,
                "professional" => got.professional,
                _ => got.total,
            };
            if !same(have, *want) {
                let (want, have) = (crate::hours::show_f(*want), crate::hours::show_f(have));
                out.push(format!("{name}.{part}: expected {want}, got {have}"));
            }
        }
    }
    for l in &e.lines {
        let Some(line) = r.lines.iter().find(|x| x.activity == l.activity) else {
            out.push(format!("lines: no activity \"{}\" in the input", l.activity));
            continue;
        };
        let at = &l.activity;
        if let Some(h) = &l.hours {
            if !same_range(&line.hours, h) {
                out.push(format!("{at}.hours: expected {}, got {}", show(h), show(&Hours { min: line.hours.min, max: line.hours.max })));
            }
        }
        if let Some(s) = &l.status {
            if line.status.as_str() != s {
                out.push(format!("{at}.status: expected {s}, got {}", line.status.as_str()));
            }
        }
        if let Some(c) = &l.clause {
            let got = line.clause.as_ref().map(|c| c.reference.as_str()).unwrap_or("none");
            if got != c {
                out.push(format!("{at}.clause: expected {c}, got {got}"));
            }
        }
    }
    out
}

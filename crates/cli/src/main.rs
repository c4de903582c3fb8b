//! `xueshi`: the engine on the command line, for portal maintainers and servers.
//!
//! ```text
//! xueshi check <rules.json> [--source notice.txt] [--rules other.json]…
//! xueshi eval <input.json> [--rules extra.json]…
//! xueshi schema
//! ```

use clap::{Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use xueshi::ruleset::{example, form};
use xueshi::Engine;

/// A line on stdout; a closed pipe (`xueshi eval … | head`) is not an error worth a panic.
macro_rules! say {
    ($($t:tt)*) => {{
        let _ = writeln!(std::io::stdout().lock(), $($t)*);
    }};
}

#[derive(Parser)]
#[command(name = "xueshi", version, about = "Continuing-education hours (学时) under official rule sets, every number cited")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a rule set document: read and validate it, run its embedded examples, and
    /// with --source check that every quoted clause occurs word for word in the notice.
    Check {
        /// The rule set document (JSON).
        rules: PathBuf,
        /// The notice's text, to check the quotes against.
        #[arg(long)]
        source: Option<PathBuf>,
        /// Rule set documents to load first (one this one takes its rules from).
        #[arg(long = "rules", value_name = "OTHER")]
        other: Vec<PathBuf>,
    },
    /// Evaluate an input (JSON, as `evaluate` takes it) and print the report as JSON.
    Eval {
        input: PathBuf,
        /// Rule set documents to load before evaluating.
        #[arg(long = "rules", value_name = "RULES")]
        rules: Vec<PathBuf>,
    },
    /// Print the JSON Schema of a rule set document.
    Schema,
    /// Print the activity kinds with their fields and values (what `when` may test),
    /// with those the documents given with --rules declare.
    Kinds {
        #[arg(long = "rules", value_name = "RULES")]
        rules: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check { rules, source, other } => check(&rules, source.as_deref(), &other),
        Command::Eval { input, rules } => eval(&input, &rules),
        Command::Schema => {
            say!("{}", form::schema());
            Ok(true)
        }
        Command::Kinds { rules } => engine_with(&rules).and_then(|e| {
            say!("{}", serde_json::to_string_pretty(&e.kinds()).map_err(|e| e.to_string())?);
            Ok(true)
        }),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("xueshi: {message}");
            ExitCode::from(2)
        }
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The engine with the built-in rule sets and the documents given with --rules.
fn engine_with(rules: &[PathBuf]) -> Result<Engine, String> {
    let mut engine = Engine::new().map_err(|e| format!("built-in rule sets: {e}"))?;
    for path in rules {
        engine.load_text(&read(path)?).map_err(|e| format!("{}: {}\n  {}", path.display(), e.message(), e.message_zh()))?;
    }
    Ok(engine)
}

/// Prints what is wrong with a document and whether its examples and quotes hold;
/// `Ok(false)` when anything does not.
fn check(path: &Path, source: Option<&Path>, other: &[PathBuf]) -> Result<bool, String> {
    let mut engine = engine_with(other)?;
    let text = read(path)?;
    let info = match engine.load_text(&text) {
        Ok(info) => info,
        Err(e) => {
            say!("{}: invalid rule set\n  {}\n  {}", path.display(), e.message(), e.message_zh());
            return Ok(false);
        }
    };
    say!("{}: rule set \"{}\" ({}) is valid", path.display(), info.id, info.title);
    for id in unused_clauses(&text) {
        say!("  note  clause \"{id}\" is cited by nothing");
    }
    let entry = engine.get(&info.id).ok_or("the rule set just loaded is missing")?;
    let mut ok = true;
    for (i, ex) in entry.set.examples.iter().enumerate() {
        let name = ex.title.clone().unwrap_or_else(|| format!("example {}", i + 1));
        match example::run(&engine, &info.id, ex) {
            Ok(diffs) if diffs.is_empty() => say!("  ok    {name}"),
            Ok(diffs) => {
                ok = false;
                say!("  FAIL  {name}");
                diffs.iter().for_each(|d| say!("        {d}"));
            }
            Err(e) => {
                ok = false;
                say!("  FAIL  {name}: the input is refused\n        {}\n        {}", e.message(), e.message_zh());
            }
        }
    }
    if let Some(source) = source {
        let missing = entry.set.unquoted(&read(source)?);
        if missing.is_empty() {
            say!("  ok    every quote occurs in {}", source.display());
        } else {
            ok = false;
            say!("  FAIL  not word for word in {}:", source.display());
            missing.iter().for_each(|q| say!("        {q}"));
        }
    }
    say!("{}: {}", path.display(), if ok { "ok" } else { "FAILED" });
    Ok(ok)
}

/// Clause ids no rule, requirement, time rule, exemption or deferral cites (worth a
/// note: a clause quoted for nothing, or a rule that forgot it).
fn unused_clauses(text: &str) -> Vec<String> {
    let Ok(doc) = serde_json::from_str::<serde_json::Value>(text) else { return Vec::new() };
    let clause = |v: &serde_json::Value| v.get("clause").and_then(|c| c.as_str()).map(str::to_owned);
    let mut cited: Vec<String> = ["requirement", "time", "rulesFrom"].iter().filter_map(|k| doc.get(k).and_then(clause)).collect();
    for key in ["rules", "exemptions", "makeUp", "countedOnce"] {
        cited.extend(doc.get(key).and_then(|v| v.as_array()).into_iter().flatten().filter_map(clause));
    }
    cited.extend(doc.get("noCarryOver").and_then(|c| c.as_str()).map(str::to_owned));
    let ids = doc.get("clauses").and_then(|c| c.as_array()).into_iter().flatten().filter_map(|c| c.get("id")?.as_str());
    ids.filter(|id| !cited.iter().any(|c| c == id)).map(str::to_owned).collect()
}

fn eval(path: &Path, rules: &[PathBuf]) -> Result<bool, String> {
    let engine = engine_with(rules)?;
    match engine.evaluate_text(&read(path)?) {
        Ok(report) => {
            say!("{}", serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?);
            Ok(true)
        }
        Err(e) => {
            eprintln!("{}: {}\n  {}", path.display(), e.message(), e.message_zh());
            Ok(false)
        }
    }
}

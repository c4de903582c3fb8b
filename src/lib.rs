//! xueshi (学时): credits a professional's continuing-education activities under each
//! document's rules, cites the clause behind every number and says what is still short.
//!
//! The engine knows nothing of JS: an [`Engine`] holds the rule sets (the built-in
//! documents in `rules/*.json` and any loaded at runtime) and evaluates inputs; each face
//! (the wasm facade, the command-line tool) is a thin crate on it under `crates/`.

pub mod engine;
pub mod error;
#[macro_use]
pub mod explain;
pub mod hours;
pub mod input;
pub mod json;
pub mod report;
pub mod ruleset;
pub mod schema;
#[macro_use]
pub mod shape;
pub mod sym;
pub mod words;

pub use engine::Engine;
pub use error::{Error, ErrorCode};

/// The crate version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

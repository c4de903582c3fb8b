//! Errors: a stable code, the path of what is wrong, and what is wrong in English and in
//! Chinese. Paths are written out only when there is an error to report: building one
//! for every value checked cost more than the checks.

use std::fmt;

/// The stable error codes of the contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    InvalidInput,
    UnknownKind,
    UnknownRuleSet,
    InvalidRuleSet,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidInput => "invalidInput",
            ErrorCode::UnknownKind => "unknownKind",
            ErrorCode::UnknownRuleSet => "unknownRuleSet",
            ErrorCode::InvalidRuleSet => "invalidRuleSet",
        }
    }
}

/// What is wrong, where, in English and Chinese.
#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    pub code: ErrorCode,
    /// The path, e.g. `activities[2].authors` or `rules[3].credit`.
    pub path: String,
    pub en: String,
    pub zh: String,
}

impl Error {
    pub fn new(code: ErrorCode, path: impl fmt::Display, en: impl Into<String>, zh: impl Into<String>) -> Self {
        Error { code, path: path.to_string(), en: en.into(), zh: zh.into() }
    }
    /// `path: what is wrong`, the contract's message (English).
    pub fn message(&self) -> String {
        format!("{}: {}", self.path, self.en)
    }
    /// The same in Chinese.
    pub fn message_zh(&self) -> String {
        format!("{}：{}", self.path, self.zh)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Error {}

/// Where a value is in a JSON document: a chain of links that lives on the stack and is
/// written out only for an error.
#[derive(Clone, Copy)]
pub enum Path<'a> {
    /// The whole value, named (`input`, `document`); its children do not repeat the name.
    Root(&'static str),
    Field(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    pub fn field(&'a self, name: &'a str) -> Path<'a> {
        Path::Field(self, name)
    }
    pub fn index(&'a self, i: usize) -> Path<'a> {
        Path::Index(self, i)
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Path::Root(name) => f.write_str(name),
            Path::Index(parent, i) => {
                parent.fmt(f)?;
                write!(f, "[{i}]")
            }
            Path::Field(parent, name) => {
                // A key someone typed may be empty, odd or huge: quote it, and only its start.
                let plain = !name.is_empty() && name.len() <= 40 && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$');
                if !matches!(parent, Path::Root(_)) {
                    parent.fmt(f)?;
                    if plain {
                        f.write_str(".")?;
                    }
                }
                if plain {
                    return f.write_str(name);
                }
                f.write_str("[\"")?;
                escaped(f, name)?;
                f.write_str("\"]")
            }
        }
    }
}

/// Writes at most 40 characters of `s`, `"` and `\` escaped and control characters
/// replaced, then "…" if it was longer. By hand: `{:?}` would bring Unicode escape tables
/// into the wasm.
fn escaped(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    for c in s.chars().take(MAX_QUOTED) {
        if c == '"' || c == '\\' {
            f.write_str("\\")?;
        }
        let mut buf = [0u8; 4];
        f.write_str(if c.is_control() { "\u{fffd}" } else { c.encode_utf8(&mut buf) })?;
    }
    if s.chars().nth(MAX_QUOTED).is_some() {
        f.write_str("…")?;
    }
    Ok(())
}

/// How much of a value taken from the input a message may quote (contract v1.1 rule 7).
pub const MAX_QUOTED: usize = 40;

/// A value from the input as a message quotes it: `"…"` around at most 40 characters.
pub fn quoted(s: &str) -> impl fmt::Display + '_ {
    fmt::from_fn(move |f| {
        f.write_str("\"")?;
        escaped(f, s)?;
        f.write_str("\"")
    })
}

/// The same in a Chinese message: “…”.
pub fn quoted_zh(s: &str) -> impl fmt::Display + '_ {
    fmt::from_fn(move |f| {
        f.write_str("“")?;
        escaped(f, s)?;
        f.write_str("”")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_like_the_contract() {
        let root = Path::Root("input");
        assert_eq!(root.to_string(), "input");
        let acts = root.field("activities");
        let a2 = acts.index(2);
        assert_eq!(a2.field("authors").to_string(), "activities[2].authors");
        assert_eq!(root.field("year").to_string(), "year");
        assert_eq!(a2.field("").to_string(), "activities[2][\"\"]");
        assert_eq!(a2.field("a\"b").to_string(), "activities[2][\"a\\\"b\"]");
        let long = "k".repeat(50);
        assert_eq!(root.field(&long).to_string(), format!("[\"{}…\"]", "k".repeat(40)));
    }

    #[test]
    fn quotes_at_most_forty_characters() {
        assert_eq!(quoted("abc").to_string(), "\"abc\"");
        assert_eq!(quoted(&"学".repeat(41)).to_string(), format!("\"{}…\"", "学".repeat(40)));
        assert_eq!(quoted_zh("论文").to_string(), "“论文”");
    }
}

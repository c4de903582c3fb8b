//! An explanation ("国内国家级刊物：125 ÷ 3 位作者 = 41.67") kept as its pieces: the
//! rule set's words and the engine's phrases (each a `Sym`, so the wasm facade sends it
//! once and then names it), the numbers, and rarely text made for this input. Natively it
//! is one string; across into JS the pieces travel and JS joins them, so a report carries
//! almost no text that was not sent before.

use crate::hours::show;
use crate::sym::Sym;
use serde::ser::{Serialize, SerializeSeq, Serializer};
use std::fmt;

/// The name under which an explanation presents itself to a serializer that is not
/// human-readable (the wasm facade's wire): a sequence of pieces.
pub const EXPLAIN_MARK: &str = "xueshi::Explain";

/// The name under which one of the engine's phrases presents itself to that serializer: a
/// string constant of the program, which it may name by its address (never freed, never
/// reused, unlike a rule set's text).
pub const WORD_MARK: &str = "xueshi::Word";

#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// One of the engine's phrases (`"位作者 = "`).
    Word(&'static str),
    Sym(Sym),
    /// Hours in cents, written as people write them (`41.67`, `125`).
    Cents(i64),
    /// A whole number: a year, months, a count.
    Int(i64),
    Text(String),
}

impl From<&'static str> for Piece {
    fn from(s: &'static str) -> Piece {
        Piece::Word(s)
    }
}
impl From<Sym> for Piece {
    fn from(s: Sym) -> Piece {
        Piece::Sym(s)
    }
}
impl From<&Sym> for Piece {
    fn from(s: &Sym) -> Piece {
        Piece::Sym(s.clone())
    }
}
impl From<crate::hours::Shown> for Piece {
    fn from(s: crate::hours::Shown) -> Piece {
        Piece::Cents(s.0)
    }
}
impl From<u32> for Piece {
    fn from(n: u32) -> Piece {
        Piece::Int(i64::from(n))
    }
}
impl From<i32> for Piece {
    fn from(n: i32) -> Piece {
        Piece::Int(i64::from(n))
    }
}
impl From<String> for Piece {
    fn from(s: String) -> Piece {
        Piece::Text(s)
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Explain(pub Vec<Piece>);

impl Explain {
    pub fn with_capacity(n: usize) -> Explain {
        Explain(Vec::with_capacity(n))
    }
    pub fn push(&mut self, p: impl Into<Piece>) {
        self.0.push(p.into());
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// Whether the explanation, as text, contains `s`.
    pub fn contains(&self, s: &str) -> bool {
        self.to_string().contains(s)
    }
    /// Drops a last piece that is only separator punctuation (`：`, `: `).
    pub fn trim_separator(&mut self) {
        if let Some(Piece::Word(s)) = self.0.last() {
            if s.trim_matches([':', ' ', '：']).is_empty() {
                self.0.pop();
            }
        }
    }
}

impl fmt::Display for Explain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for p in &self.0 {
            match p {
                Piece::Word(w) => f.write_str(w)?,
                Piece::Sym(s) => f.write_str(s)?,
                Piece::Cents(c) => write!(f, "{}", show(*c))?,
                Piece::Int(n) => write!(f, "{n}")?,
                Piece::Text(t) => f.write_str(t)?,
            }
        }
        Ok(())
    }
}

/// A piece as JS takes it: text, or a number that JS writes as people do (cents become
/// hundredths, which JS prints the shortest way, as `show` does).
struct Wire<'a>(&'a Piece);

impl Serialize for Wire<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Piece::Word(w) => s.serialize_newtype_variant(WORD_MARK, 0, "", *w),
            Piece::Sym(sym) => sym.serialize(s),
            Piece::Cents(c) => s.serialize_f64(*c as f64 / 100.0),
            Piece::Int(n) => s.serialize_f64(*n as f64),
            Piece::Text(t) => s.serialize_str(t),
        }
    }
}

struct Pieces<'a>(&'a [Piece]);

impl Serialize for Pieces<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for p in self.0 {
            seq.serialize_element(&Wire(p))?;
        }
        seq.end()
    }
}

impl Serialize for Explain {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.collect_str(self)
        } else {
            s.serialize_newtype_variant(EXPLAIN_MARK, 0, "", &Pieces(&self.0))
        }
    }
}

/// Appends pieces in Chinese or English: literals are phrases, `{expr}` any value that
/// becomes a piece.
/// `say!(e, lang, ["每项 ", {h}, " 学时"], [{h}, " per item"])`.
#[macro_export]
macro_rules! say {
    ($out:expr, $lang:expr, [$($zh:tt),* $(,)?], [$($en:tt),* $(,)?]) => {{
        match $lang {
            $crate::input::Lang::Zh => { $( $crate::say!(@piece $out, $zh); )* }
            $crate::input::Lang::En => { $( $crate::say!(@piece $out, $en); )* }
        }
    }};
    (@piece $out:expr, $text:literal) => { $out.push($crate::explain::Piece::Word($text)) };
    (@piece $out:expr, {$e:expr}) => { $out.push($e) };
}

//! Text of a rule set (titles, clause words, labels) with a stable identity: every `Sym`
//! gets an id that no other text ever gets, so a face can send each text once and then
//! name it by id (the wasm facade does), even after rule sets are replaced and their
//! memory reused.

use serde::{Serialize, Serializer};
use std::fmt;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

/// Shared, immutable text with an id that is never reused.
#[derive(Clone)]
pub struct Sym {
    id: u32,
    text: Arc<str>,
}

static NEXT_ID: AtomicU32 = AtomicU32::new(0);

/// The name under which a `Sym` presents itself to a serializer that is not
/// human-readable (the wasm facade's wire): a variant of this name whose index is the id
/// and whose content is the text.
pub const SYM_MARK: &str = "xueshi::Sym";

impl Sym {
    pub fn new(text: &str) -> Sym {
        Sym { id: NEXT_ID.fetch_add(1, Ordering::Relaxed), text: text.into() }
    }
    pub fn id(&self) -> u32 {
        self.id
    }
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl std::ops::Deref for Sym {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl PartialEq for Sym {
    fn eq(&self, other: &Sym) -> bool {
        self.text == other.text
    }
}

impl PartialEq<str> for Sym {
    fn eq(&self, other: &str) -> bool {
        &*self.text == other
    }
}

impl PartialEq<&str> for Sym {
    fn eq(&self, other: &&str) -> bool {
        &*self.text == *other
    }
}

impl fmt::Debug for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.text, f)
    }
}

impl fmt::Display for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for Sym {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.serialize_str(&self.text)
        } else {
            s.serialize_newtype_variant(SYM_MARK, self.id, "", &*self.text)
        }
    }
}

/// Text in a report: a rule set's own (a `Sym`) or worked out for this input.
#[derive(Clone, Debug, PartialEq)]
pub enum Text {
    Sym(Sym),
    Owned(String),
}

impl Text {
    pub fn as_str(&self) -> &str {
        match self {
            Text::Sym(s) => s,
            Text::Owned(s) => s,
        }
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<Sym> for Text {
    fn from(s: Sym) -> Text {
        Text::Sym(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::Owned(s)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::Sym(sym) => sym.serialize(s),
            Text::Owned(o) => s.serialize_str(o),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_never_reused() {
        let a = Sym::new("第五条");
        let b = Sym::new("第五条");
        assert_ne!(a.id(), b.id());
        assert_eq!(a, b);
        assert_eq!(a.clone().id(), a.id());
        assert_eq!(serde_json::to_string(&a).unwrap(), "\"第五条\"");
    }
}

//! The lookup tables one reading uses, built once from [`crate::aliases`] and the
//! caller's extra fields: header key → column meaning, kind key → kind, and per choice
//! field value key → contract value.

use crate::aliases::{self, Choices, FieldType, Implied};
use crate::text::key;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: the keys are a few bytes and not chosen by an attacker who could gain from
/// collisions (the tables are fixed), so a simple fast hash beats SipHash here.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Lookup<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

/// A field that a loaded rule set declares (contract v2), so that its column is read
/// rather than ignored.
#[derive(Clone, Debug, PartialEq)]
pub struct ExtraField {
    /// The field's name in the activity, also accepted as the header.
    pub name: String,
    pub ty: ExtraType,
    /// Other headers for it, e.g. its Chinese label.
    pub aliases: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExtraType {
    Number,
    Count,
    /// The allowed values (matched like the built-in ones, without aliases).
    Choice(Vec<String>),
    Flag,
    Text,
}

/// How to read a table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Options {
    /// Fields beyond the contract's; one whose name is already a column is left out.
    pub extra_fields: Vec<ExtraField>,
}

/// What a column gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Slot {
    Id,
    Person,
    Name,
    Kind,
    Date,
    Title,
    Evidence,
    Start,
    End,
    /// An activity field, by its index in [`Schema::fields`].
    Field(usize),
}

pub(crate) enum Ty {
    Number(&'static [&'static str]),
    Count(&'static [&'static str]),
    Flag,
    Text,
    Choice(ChoiceSet),
}

/// A choice field's values by key, and the lists an error message shows.
pub(crate) struct ChoiceSet {
    values: Lookup<String>,
    pub en_list: String,
    pub zh_list: String,
}

impl ChoiceSet {
    fn new<'a>(entries: impl Iterator<Item = (&'a str, &'a [&'a str])>) -> ChoiceSet {
        let mut values = Lookup::default();
        let (mut en, mut zh) = (Vec::new(), Vec::new());
        for (value, aliases) in entries {
            values.insert(key(value), value.to_owned());
            for a in aliases {
                values.entry(key(a)).or_insert_with(|| value.to_owned());
            }
            en.push(value.to_owned());
            zh.push(format!("“{}”", aliases.first().copied().unwrap_or(value)));
        }
        ChoiceSet { values, en_list: en.join(", "), zh_list: zh.join("、") }
    }

    fn from_static(choices: Choices) -> ChoiceSet {
        ChoiceSet::new(choices.iter().map(|(v, a)| (*v, *a)))
    }

    /// The contract value for `text`, if it is one of the choices.
    pub(crate) fn get(&self, text: &str) -> Option<&str> {
        self.values.get(&key(text)).map(String::as_str)
    }
}

pub(crate) struct FieldDef {
    pub name: String,
    pub ty: Ty,
}

pub(crate) struct Schema {
    headers: Lookup<Slot>,
    pub fields: Vec<FieldDef>,
    kinds: Lookup<(&'static str, Option<Implied>)>,
    pub kind_list: ChoiceSet,
}

impl Schema {
    pub(crate) fn new(options: &Options) -> Schema {
        let mut fields: Vec<FieldDef> = aliases::FIELDS.iter().map(|(name, ty)| FieldDef { name: (*name).to_owned(), ty: ty_of(*ty) }).collect();
        let mut headers = Lookup::default();
        for (target, names) in aliases::HEADERS {
            let Some(slot) = slot_named(target, &fields) else { continue };
            for n in std::iter::once(target).chain(names.iter()) {
                headers.entry(key(n)).or_insert(slot);
            }
        }
        for extra in &options.extra_fields {
            if headers.contains_key(&key(&extra.name)) {
                continue;
            }
            let slot = Slot::Field(fields.len());
            fields.push(FieldDef { name: extra.name.clone(), ty: extra_ty(&extra.ty) });
            for n in std::iter::once(&extra.name).chain(extra.aliases.iter()) {
                headers.entry(key(n)).or_insert(slot);
            }
        }
        let mut kinds = Lookup::default();
        for (kind, names) in aliases::KINDS {
            for n in std::iter::once(kind).chain(names.iter()) {
                kinds.entry(key(n)).or_insert((*kind, None));
            }
        }
        for (alias, kind, implied) in aliases::KIND_IMPLIES {
            kinds.entry(key(alias)).or_insert((*kind, Some(*implied)));
        }
        Schema { headers, fields, kinds, kind_list: ChoiceSet::from_static(aliases::KINDS) }
    }

    /// What a header means; a trailing note in brackets (`学时（必填）`) is ignored when
    /// the whole header is not known.
    pub(crate) fn slot(&self, header: &str) -> Option<Slot> {
        let k = key(header);
        if let Some(s) = self.headers.get(&k) {
            return Some(*s);
        }
        let cut = k.strip_suffix(')')?.rfind('(')?;
        k.get(..cut).and_then(|base| self.headers.get(base)).copied()
    }

    pub(crate) fn kind(&self, text: &str) -> Option<(&'static str, Option<Implied>)> {
        self.kinds.get(&key(text)).copied()
    }

    pub(crate) fn field_index(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f.name == name)
    }
}

fn slot_named(target: &str, fields: &[FieldDef]) -> Option<Slot> {
    Some(match target {
        "id" => Slot::Id,
        "person" => Slot::Person,
        "name" => Slot::Name,
        "kind" => Slot::Kind,
        "date" => Slot::Date,
        "title" => Slot::Title,
        "evidence" => Slot::Evidence,
        "start" => Slot::Start,
        "end" => Slot::End,
        field => Slot::Field(fields.iter().position(|f| f.name == field)?),
    })
}

fn ty_of(t: FieldType) -> Ty {
    match t {
        FieldType::Number(units) => Ty::Number(units),
        FieldType::Count(units) => Ty::Count(units),
        FieldType::Choice(c) => Ty::Choice(ChoiceSet::from_static(c)),
        FieldType::Flag => Ty::Flag,
    }
}

fn extra_ty(t: &ExtraType) -> Ty {
    match t {
        ExtraType::Number => Ty::Number(&[]),
        ExtraType::Count => Ty::Count(&[]),
        ExtraType::Choice(values) => Ty::Choice(ChoiceSet::new(values.iter().map(|v| (v.as_str(), &[][..])))),
        ExtraType::Flag => Ty::Flag,
        ExtraType::Text => Ty::Text,
    }
}

/// The first Chinese alias of a header target (`hours` → `学时`), for messages and the
/// Chinese template.
pub(crate) fn zh_header(target: &str) -> &str {
    aliases::HEADERS.iter().find(|(t, _)| *t == target).and_then(|(_, names)| names.first().copied()).unwrap_or(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_values_by_key() {
        let s = Schema::new(&Options::default());
        assert_eq!(s.slot("工号"), Some(Slot::Person));
        assert_eq!(s.slot("Study_Years"), Some(Slot::Field(7)));
        assert_eq!(s.slot("学时（必填）"), s.slot("hours"));
        assert_eq!(s.slot("序号"), None);
        assert_eq!(s.kind("病假"), Some(("leave", Some(Implied::Choice("reason", "sickness")))));
        assert_eq!(s.kind(" ＴＲＡＩＮＩＮＧ "), Some(("training", None)));
    }

    /// No alias means two things in one table (the lookup would take the first quietly).
    #[test]
    fn every_alias_is_unambiguous() {
        fn check<'a>(what: &str, names: impl Iterator<Item = &'a str>) {
            let mut seen = std::collections::HashSet::new();
            for n in names {
                assert!(seen.insert(key(n)), "{what}: {n} twice");
            }
        }
        let all = |t: &'static [(&'static str, &'static [&'static str])]| t.iter().flat_map(|(v, a)| std::iter::once(*v).chain(a.iter().copied()));
        check("headers", all(aliases::HEADERS));
        check("kinds", all(aliases::KINDS).chain(aliases::KIND_IMPLIES.iter().map(|(a, _, _)| *a)));
        for (name, ty) in aliases::FIELDS {
            if let FieldType::Choice(c) = ty {
                check(name, all(c));
            }
        }
        check("flags", aliases::YES.iter().chain(aliases::NO).copied());
    }
}

//! A report flattened for one crossing into JS: a serde serializer that writes numbers and
//! tags into one array and all text as UTF-16 into another, which JS decodes at once (a
//! copy, for UTF-16) and cuts at the offsets given here; `js/wire.js` rebuilds the
//! objects.
//! Field names come from the report types themselves (serde), so their order is written
//! once, in the engine's `report.rs`.
//!
//! What is sent once and then named: a struct's field names (its shape), the names of enum
//! variants, and a rule set's text (a `Sym`, by its id, which no other text ever gets).
//! What JS has received is only recorded once it has decoded the whole report, so the two
//! sides never disagree about it, even when a decode fails.

use serde::ser::{self, Serialize, SerializeSeq, SerializeStruct, SerializeTuple, Serializer};
use std::fmt;
use xueshi::explain::{EXPLAIN_MARK, WORD_MARK};
use xueshi::sym::SYM_MARK;

// Tags, as js/wire.js reads them.
const NULL: f64 = 0.0;
const FALSE: f64 = 1.0;
const TRUE: f64 = 2.0;
const NUM: f64 = 3.0;
/// Text used once: its end follows (an offset in UTF-16 units).
const STR: f64 = 4.0;
/// A rule set's text already sent: its id follows.
const SYM: f64 = 5.0;
/// A rule set's text sent now: its id and end offset follow.
const SYM_NEW: f64 = 6.0;
/// A sequence: its length, then the items.
const SEQ: f64 = 7.0;
/// A struct of a known shape: the shape's id, then one value (or `SKIP`) per field.
const OBJ: f64 = 8.0;
/// A struct seen for the first time: the shape's id, the struct's name (`STR`), whose
/// decoder js/wire.js has (generated from the same declaration), then the values.
const OBJ_NEW: f64 = 9.0;
/// An enum variant's name already sent: its id follows.
const NAME: f64 = 10.0;
/// An enum variant's name sent now: its id and end offset follow.
const NAME_NEW: f64 = 11.0;
/// A field left out (`skip_serializing_if`).
const SKIP: f64 = 12.0;
/// An explanation: a sequence of pieces (text, or numbers JS writes) that JS joins.
const EXPLAIN: f64 = 13.0;
/// An object of keys and values (a proposed activity): the number of entries, then each
/// key and its value.
const MAP: f64 = 14.0;

/// What has been sent to JS, kept between calls.
#[derive(Default)]
pub struct Sent {
    /// Bit `id` set: the Sym with that id has been sent.
    syms: Vec<u64>,
    /// Struct shapes by the struct's name (the 0 is for `find`).
    shapes: Vec<(&'static str, u32)>,
    /// Enum variants as (enum name, variant index), and the engine's phrases as (phrase,
    /// `u32::MAX`): JS keeps both as names, by index.
    names: Vec<(&'static str, u32)>,
    /// Where each phrase is in `names`, sorted by its address (a program constant):
    /// (address, length, id).
    words: Vec<(usize, usize, u32)>,
}

impl Sent {
    fn has_sym(&self, id: u32) -> bool {
        self.syms.get(id as usize / 64).is_some_and(|w| w & (1 << (id % 64)) != 0)
    }
    fn add_sym(&mut self, id: u32) {
        let (word, bit) = (id as usize / 64, id % 64);
        if self.syms.len() <= word {
            self.syms.resize(word + 1, 0);
        }
        self.syms[word] |= 1 << bit;
    }
}

/// One report being written; what it sends for the first time is pending until
/// [`Wire::commit`].
pub struct Wire<'s> {
    pub nums: Vec<f64>,
    pub text: Vec<u16>,
    sent: &'s mut Sent,
    new_syms: Vec<u32>,
    new_shapes: usize,
    new_names: usize,
    /// The id of the Sym whose text the next string is.
    sym: Option<u32>,
    /// The next string is one of the engine's phrases.
    word: bool,
}

#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

impl<'s> Wire<'s> {
    pub fn new(sent: &'s mut Sent) -> Self {
        let (new_shapes, new_names) = (sent.shapes.len(), sent.names.len());
        Wire {
            nums: Vec::with_capacity(4096),
            text: Vec::with_capacity(8192),
            sent,
            new_syms: Vec::new(),
            new_shapes,
            new_names,
            sym: None,
            word: false,
        }
    }

    /// Writes a value.
    pub fn write<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    /// JS has decoded the report: what it sent for the first time is now known there.
    pub fn commit(self) {
        for id in &self.new_syms {
            self.sent.add_sym(*id);
        }
    }

    /// JS failed to decode it: forget what it would have learned.
    pub fn roll_back(self) {
        self.sent.shapes.truncate(self.new_shapes);
        self.sent.names.truncate(self.new_names);
        let kept = self.new_names as u32;
        self.sent.words.retain(|w| w.2 < kept);
    }

    /// One of the engine's phrases: named once, then by its id.
    fn word(&mut self, w: &str) {
        let key = (w.as_ptr() as usize, w.len());
        let at = match self.sent.words.binary_search_by(|x| (x.0, x.1).cmp(&key)) {
            Ok(at) => {
                self.tag(NAME);
                self.nums.push(f64::from(self.sent.words[at].2));
                return;
            }
            Err(at) => at,
        };
        let id = self.sent.names.len() as u32;
        self.sent.words.insert(at, (key.0, key.1, id));
        self.sent.names.push(("", u32::MAX));
        self.tag(NAME_NEW);
        self.nums.push(f64::from(id));
        self.text_end(w);
    }

    fn tag(&mut self, t: f64) {
        self.nums.push(t);
    }
    /// Appends text as UTF-16 and writes where it ends. By hand: `encode_utf16` went a
    /// character at a time through an iterator, the slowest part of the call; JS then
    /// only copies (its UTF-8 decoder was slower still on Chinese text).
    fn text_end(&mut self, s: &str) {
        utf16(s.as_bytes(), &mut self.text);
        self.nums.push(self.text.len() as f64);
    }
}

/// UTF-8 (valid, from a `str`) as UTF-16, appended to `out`: room made first (never more
/// units than bytes), then written in place, as a push per unit was not inlined.
fn utf16(b: &[u8], out: &mut Vec<u16>) {
    let start = out.len();
    out.resize(start + b.len(), 0);
    let room = &mut out[start..];
    let (mut i, mut j) = (0, 0);
    while i < b.len() && j < room.len() {
        let c = u32::from(b[i]);
        let (code, len) = match c {
            0..0x80 => (c, 1),
            0xC0..0xE0 => (((c & 0x1F) << 6) | cont(b, i + 1), 2),
            0xE0..0xF0 => (((c & 0x0F) << 12) | (cont(b, i + 1) << 6) | cont(b, i + 2), 3),
            _ => (((c & 0x07) << 18) | (cont(b, i + 1) << 12) | (cont(b, i + 2) << 6) | cont(b, i + 3), 4),
        };
        if code >= 0x10000 && j + 1 < room.len() {
            let c = code - 0x10000;
            room[j] = 0xD800 | (c >> 10) as u16;
            room[j + 1] = 0xDC00 | (c & 0x3FF) as u16;
            j += 2;
        } else {
            room[j] = code as u16;
            j += 1;
        }
        i += len;
    }
    out.truncate(start + j);
}

/// The six bits of a continuation byte (0 past the end, which valid UTF-8 never reaches).
#[inline(always)]
fn cont(b: &[u8], i: usize) -> u32 {
    b.get(i).map_or(0, |&x| u32::from(x & 0x3F))
}

type Done = Result<(), Error>;

/// Where a program constant is among `names` (with the variant index, for enums): by
/// address first, as serde's derive hands over the same one every time, else by its text.
fn find(names: &[(&'static str, u32)], name: &'static str, index: u32) -> Option<usize> {
    for (at, &(n, i)) in names.iter().enumerate() {
        if i == index && std::ptr::eq(n, name) {
            return Some(at);
        }
    }
    names.iter().position(|&(n, i)| i == index && n == name)
}

fn unsupported(what: &str) -> Error {
    Error(format!("the report transport does not carry {what}"))
}

impl<'a, 's> Serializer for &'a mut Wire<'s> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = Self;
    type SerializeStruct = Shape<'a, 's>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn is_human_readable(&self) -> bool {
        false // so that a Sym presents its id
    }
    fn serialize_bool(self, v: bool) -> Done {
        self.tag(if v { TRUE } else { FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Done {
        self.serialize_f64(v as f64)
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.serialize_f64(v as f64)
    }
    fn serialize_f32(self, v: f32) -> Done {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Done {
        self.nums.push(NUM);
        self.nums.push(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Done {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Done {
        if std::mem::take(&mut self.word) {
            self.word(v);
            return Ok(());
        }
        match self.sym.take() {
            Some(id) => {
                self.tag(SYM_NEW);
                self.nums.push(f64::from(id));
                self.new_syms.push(id);
            }
            None => self.tag(STR),
        }
        self.text_end(v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Done {
        Err(unsupported("bytes"))
    }
    fn serialize_none(self) -> Done {
        self.tag(NULL);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.tag(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done {
        self.tag(NULL);
        Ok(())
    }
    /// Enum variants are the program's own names: sent once, keyed by the enum's name
    /// and the variant's index.
    fn serialize_unit_variant(self, name: &'static str, index: u32, variant: &'static str) -> Done {
        match find(&self.sent.names, name, index) {
            Some(id) => {
                self.tag(NAME);
                self.nums.push(id as f64);
            }
            None => {
                self.sent.names.push((name, index));
                self.tag(NAME_NEW);
                self.nums.push((self.sent.names.len() - 1) as f64);
                self.text_end(variant);
            }
        }
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    /// A `Sym` presents itself as a variant of `SYM_MARK` whose index is its id: its text
    /// is written only the first time. An explanation presents its pieces as a variant of
    /// `EXPLAIN_MARK`.
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, name: &'static str, id: u32, _: &'static str, text: &T) -> Done {
        if name == EXPLAIN_MARK {
            self.tag(EXPLAIN);
            return text.serialize(self);
        }
        if name == WORD_MARK {
            self.word = true;
            return text.serialize(self);
        }
        if name != SYM_MARK {
            return Err(unsupported("enum variants with data"));
        }
        if self.sent.has_sym(id) || self.new_syms.contains(&id) {
            self.tag(SYM);
            self.nums.push(f64::from(id));
            return Ok(());
        }
        self.sym = Some(id);
        text.serialize(self)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self, Error> {
        let len = len.ok_or_else(|| unsupported("sequences of unknown length"))?;
        self.tag(SEQ);
        self.nums.push(len as f64);
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, Error> {
        Err(unsupported("tuple structs"))
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeTupleVariant, Error> {
        Err(unsupported("enum variants with data"))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Self, Error> {
        let len = len.ok_or_else(|| unsupported("maps of unknown length"))?;
        self.tag(MAP);
        self.nums.push(len as f64);
        Ok(self)
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Shape<'a, 's>, Error> {
        let known = find(&self.sent.shapes, name, 0);
        let id = known.unwrap_or_else(|| {
            self.sent.shapes.push((name, 0));
            self.sent.shapes.len() - 1
        });
        self.tag(if known.is_some() { OBJ } else { OBJ_NEW });
        self.nums.push(id as f64);
        if known.is_none() {
            self.tag(STR);
            self.text_end(name);
        }
        Ok(Shape { wire: self })
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeStructVariant, Error> {
        Err(unsupported("enum variants with data"))
    }
}

impl ser::SerializeMap for &mut Wire<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

impl SerializeSeq for &mut Wire<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

impl SerializeTuple for &mut Wire<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

/// A struct being written: its values in the order its declaration gives its fields.
pub struct Shape<'a, 's> {
    wire: &'a mut Wire<'s>,
}

impl SerializeStruct for Shape<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, _: &'static str, value: &T) -> Done {
        value.serialize(&mut *self.wire)
    }
    fn skip_field(&mut self, _: &'static str) -> Done {
        self.wire.tag(SKIP);
        Ok(())
    }
    fn end(self) -> Done {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use xueshi::sym::Sym;

    #[derive(Serialize)]
    struct Pair {
        text: Sym,
        #[serde(skip_serializing_if = "Option::is_none")]
        extra: Option<u32>,
    }

    fn write(sent: &mut Sent, v: &Pair, commit: bool) -> Vec<f64> {
        let mut w = Wire::new(sent);
        w.write(v).unwrap();
        let nums = w.nums.clone();
        if commit {
            w.commit()
        } else {
            w.roll_back()
        }
        nums
    }

    #[test]
    fn shapes_and_text_are_sent_once_and_then_named() {
        let mut sent = Sent::default();
        let v = Pair { text: Sym::new("第五条"), extra: None };
        let id = f64::from(v.text.id());
        // First: the shape with the struct's name, the text with its id, the left-out field
        // (text offsets are the ends in UTF-16 units).
        assert_eq!(write(&mut sent, &v, true), [OBJ_NEW, 0.0, STR, 4.0, SYM_NEW, id, 7.0, SKIP]);
        // Then: only the shape's id and the text's.
        assert_eq!(write(&mut sent, &v, true), [OBJ, 0.0, SYM, id, SKIP]);
        assert_eq!(write(&mut sent, &Pair { extra: Some(3), ..v }, true), [OBJ, 0.0, SYM, id, NUM, 3.0]);
    }

    #[test]
    fn text_is_utf16_as_js_has_it() {
        for s in ["", "a", "é", "学时", "第八条第（八）项 41.67", "😀", "a😀b学", &"混合 text 😀 ".repeat(9)] {
            let mut out = Vec::new();
            utf16(s.as_bytes(), &mut out);
            assert_eq!(out, s.encode_utf16().collect::<Vec<_>>(), "{s}");
        }
    }

    #[test]
    fn what_js_could_not_decode_is_sent_again() {
        let mut sent = Sent::default();
        let v = Pair { text: Sym::new("第六条"), extra: None };
        let first = write(&mut sent, &v, false);
        assert_eq!(write(&mut sent, &v, false), first, "rolled back: shape and text are new again");
        write(&mut sent, &v, true);
        assert_eq!(write(&mut sent, &v, true)[0], OBJ);
    }
}

//! A report flattened for one crossing into JS: a serde serializer that writes numbers and
//! tags into one array and text as UTF-16 into another; `js/wire.js` rebuilds the objects.
//! Field names come from the report types themselves (serde), so their order is written
//! once, in the engine's `report.rs`.
//!
//! What is sent once and then named: a struct's field names (its shape), the names of enum
//! variants, and a rule set's text (a `Sym`, by its id, which no other text ever gets).
//! What JS has received is only recorded once it has decoded the whole report, so the two
//! sides never disagree about it, even when a decode fails.

use serde::ser::{self, Serialize, SerializeSeq, SerializeStruct, SerializeTuple, Serializer};
use std::fmt;
use xueshi::sym::SYM_MARK;

// Tags, as js/wire.js reads them.
const NULL: f64 = 0.0;
const FALSE: f64 = 1.0;
const TRUE: f64 = 2.0;
const NUM: f64 = 3.0;
/// Text used once: the end offset of its UTF-16 follows.
const STR: f64 = 4.0;
/// A rule set's text already sent: its id follows.
const SYM: f64 = 5.0;
/// A rule set's text sent now: its id and end offset follow.
const SYM_NEW: f64 = 6.0;
/// A sequence: its length, then the items.
const SEQ: f64 = 7.0;
/// A struct of a known shape: the shape's id, then one value (or `SKIP`) per field.
const OBJ: f64 = 8.0;
/// A struct seen for the first time: the shape's id, then (`STR` name, value or `SKIP`)
/// per field, then `END`.
const OBJ_NEW: f64 = 9.0;
/// An enum variant's name already sent: its id follows.
const NAME: f64 = 10.0;
/// An enum variant's name sent now: its id and end offset follow.
const NAME_NEW: f64 = 11.0;
/// A field left out (`skip_serializing_if`).
const SKIP: f64 = 12.0;
const END: f64 = 13.0;

/// What has been sent to JS, kept between calls.
#[derive(Default)]
pub struct Sent {
    /// Bit `id` set: the Sym with that id has been sent.
    syms: Vec<u64>,
    /// Struct shapes by the struct's name.
    shapes: Vec<&'static str>,
    /// Enum variants as (enum name, variant index).
    names: Vec<(&'static str, u32)>,
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
        Wire { nums: Vec::with_capacity(4096), text: Vec::with_capacity(8192), sent, new_syms: Vec::new(), new_shapes, new_names, sym: None }
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
    }

    fn tag(&mut self, t: f64) {
        self.nums.push(t);
    }
    fn text_end(&mut self, s: &str) {
        self.text.extend(s.encode_utf16());
        self.nums.push(self.text.len() as f64);
    }
}

type Done = Result<(), Error>;

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
    type SerializeMap = ser::Impossible<(), Error>;
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
        match self.sent.names.iter().position(|&(n, i)| i == index && n == name) {
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
    /// is written only the first time.
    fn serialize_newtype_variant<T: Serialize + ?Sized>(self, name: &'static str, id: u32, _: &'static str, text: &T) -> Done {
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
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(unsupported("maps"))
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Shape<'a, 's>, Error> {
        let known = self.sent.shapes.iter().position(|n| *n == name);
        let id = known.unwrap_or_else(|| {
            self.sent.shapes.push(name);
            self.sent.shapes.len() - 1
        });
        self.tag(if known.is_some() { OBJ } else { OBJ_NEW });
        self.nums.push(id as f64);
        Ok(Shape { wire: self, new: known.is_none() })
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, _: &'static str, _: usize) -> Result<Self::SerializeStructVariant, Error> {
        Err(unsupported("enum variants with data"))
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

/// A struct being written: the first of its shape names each field before its value.
pub struct Shape<'a, 's> {
    wire: &'a mut Wire<'s>,
    new: bool,
}

impl Shape<'_, '_> {
    fn key(&mut self, key: &'static str) {
        if self.new {
            self.wire.tag(STR);
            self.wire.text_end(key);
        }
    }
}

impl SerializeStruct for Shape<'_, '_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
        self.key(key);
        value.serialize(&mut *self.wire)
    }
    fn skip_field(&mut self, key: &'static str) -> Done {
        self.key(key);
        self.wire.tag(SKIP);
        Ok(())
    }
    fn end(self) -> Done {
        if self.new {
            self.wire.tag(END);
        }
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
        // First: the shape with its field names, the text with its id, the left-out field
        // (text offsets are the ends in UTF-16 units).
        assert_eq!(write(&mut sent, &v, true), [OBJ_NEW, 0.0, STR, 4.0, SYM_NEW, id, 7.0, STR, 12.0, SKIP, END]);
        // Then: only the shape's id and the text's.
        assert_eq!(write(&mut sent, &v, true), [OBJ, 0.0, SYM, id, SKIP]);
        assert_eq!(write(&mut sent, &Pair { extra: Some(3), ..v }, true), [OBJ, 0.0, SYM, id, NUM, 3.0]);
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

//! A Report flattened for one crossing into JS: numbers in one array, text as UTF-16 in
//! another, and text that lives for the whole program (clause words, statuses, labels)
//! sent once and then named by index. `js/wire.js` rebuilds the contract's objects from
//! it, in the same order. Building the objects field by field from Rust cost ~20
//! boundary crossings a line, and parsing a JSON string ~2× the time of this.
//!
//! Text codes: `k ≥ 0` is static text already sent; `NEW` is static text that follows and
//! gets the next index; `TEXT` is text used once. Both of the latter are followed by the
//! end offset of the text in the UTF-16 array. `None` numbers are NaN.

use crate::report::{Line, Range, Report, RuleSetResult};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

pub const NEW: f64 = -2.0;
pub const TEXT: f64 = -1.0;

/// What has been sent to JS as static text, by the text's address.
#[derive(Default)]
pub struct Statics {
    index: HashMap<(usize, usize), u32, BuildHasherDefault<AddressHasher>>,
}

/// Keys are addresses of static text, not input anyone controls: a multiply-mix is enough,
/// and SipHash made these lookups a third of the wire's time.
#[derive(Default)]
pub struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub struct Wire<'s> {
    pub nums: Vec<f64>,
    pub text: Vec<u16>,
    statics: &'s mut Statics,
}

impl<'s> Wire<'s> {
    pub fn new(statics: &'s mut Statics) -> Self {
        Wire { nums: Vec::with_capacity(4096), text: Vec::with_capacity(8192), statics }
    }

    fn num(&mut self, x: f64) {
        self.nums.push(x);
    }
    fn flag(&mut self, b: bool) {
        self.nums.push(if b { 1.0 } else { 0.0 });
    }
    fn opt(&mut self, x: Option<f64>) {
        self.nums.push(x.unwrap_or(f64::NAN));
    }
    fn range(&mut self, r: Range) {
        self.num(r.min);
        self.opt(r.max);
    }
    fn once(&mut self, code: f64, s: &str) {
        self.text.extend(s.encode_utf16());
        self.nums.push(code);
        self.nums.push(self.text.len() as f64);
    }
    /// Text that outlives the program's every call: sent the first time only.
    fn fixed(&mut self, s: &'static str) {
        let key = (s.as_ptr() as usize, s.len());
        let next = self.statics.index.len() as u32;
        match self.statics.index.get(&key) {
            Some(&k) => self.nums.push(f64::from(k)),
            None => {
                self.statics.index.insert(key, next);
                self.once(NEW, s);
            }
        }
    }
    #[allow(clippy::ptr_arg)] // borrowed text is static, owned text is not: the Cow tells which
    fn cow(&mut self, s: &Cow<'static, str>) {
        match s {
            Cow::Borrowed(b) => self.fixed(b),
            Cow::Owned(o) => self.once(TEXT, o),
        }
    }

    pub fn report(&mut self, r: &Report) {
        self.num(f64::from(r.year));
        self.num(r.results.len() as f64);
        for res in &r.results {
            self.result(res);
        }
    }

    fn result(&mut self, r: &RuleSetResult) {
        self.cow(&r.rule_set);
        self.cow(&r.title);
        self.flag(r.applies.in_force);
        self.once(TEXT, &r.applies.note);
        self.num(r.lines.len() as f64);
        for line in &r.lines {
            self.line(line);
        }
        for t in [r.totals.public, r.totals.professional, r.totals.total] {
            self.range(t);
        }
        for h in [r.requirement, r.shortfall] {
            self.num(h.total);
            self.num(h.public);
            self.num(h.professional);
        }
        self.flag(r.deemed.public);
        self.flag(r.deemed.professional);
        self.fixed(r.compliance.as_str());
        self.num(r.notes.len() as f64);
        for n in &r.notes {
            self.cow(n);
        }
    }

    fn line(&mut self, l: &Line) {
        self.once(TEXT, &l.activity);
        self.fixed(l.subject.as_str());
        self.range(l.hours);
        self.fixed(l.status.as_str());
        match &l.clause {
            Some(c) => {
                self.flag(true);
                self.cow(&c.reference);
                self.cow(&c.quote);
            }
            None => self.flag(false),
        }
        self.once(TEXT, &l.explain);
        match &l.parts {
            Some(parts) => {
                self.num(parts.len() as f64);
                for p in parts {
                    self.fixed(p.subject.as_str());
                    self.range(p.hours);
                }
            }
            None => self.num(0.0),
        }
    }
}

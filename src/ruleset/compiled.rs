//! Rule sets in a compact binary form, for a build that carries the built-in documents
//! already read (the calculator's wasm, which then needs no document reader: see
//! `Engine::from_compiled`). Written at build time from the checked documents; read back
//! with every index and length checked, so damaged bytes are an error, never a panic.
//!
//! The form: `XRS1`, a table of every text once, then the rule sets, each value in the
//! order its type declares its fields (numbers as LEB128, floats as 8 bytes, texts as
//! indices into the table). A rule set that takes its rules from another carries them
//! already resolved (as it cites them) and its deferral note: the reader then needs no
//! resolution code.

use super::*;
use crate::schema::{ExtraType, KINDS};

const MAGIC: &[u8; 4] = b"XRS1";

/// A rule set as the compact form holds it: where it takes its rules from another, those
/// rules as it cites them and the note that says so.
pub type Compiled = (RuleSet, Option<(Rules, Label)>);

/// Writes rule sets in the compact form: each with its rules resolved and its deferral
/// note, where it has one.
pub fn encode<'a>(sets: impl IntoIterator<Item = (&'a RuleSet, &'a Rules, Option<&'a Label>)>) -> Vec<u8> {
    let sets: Vec<_> = sets.into_iter().collect();
    let mut w = Writer { body: Vec::new(), texts: Vec::new() };
    w.uint(sets.len());
    for (set, rules, deferral) in &sets {
        set.put(&mut w);
        if let (Crediting::From { .. }, Some(note)) = (&set.crediting, deferral) {
            rules.put(&mut w);
            note.put(&mut w);
        }
    }
    let mut out = MAGIC.to_vec();
    let mut table = Writer { body: Vec::new(), texts: Vec::new() };
    table.uint(w.texts.len());
    for t in &w.texts {
        table.uint(t.len());
        table.body.extend_from_slice(t.as_bytes());
    }
    out.extend(table.body);
    out.extend(w.body);
    out
}

/// Reads rule sets written by [`encode`]; `None` when the bytes are not that.
pub fn decode(bytes: &[u8]) -> Option<Vec<Compiled>> {
    let mut r = Reader { bytes: bytes.strip_prefix(MAGIC)?, at: 0, texts: Vec::new() };
    let n = r.uint()?;
    for _ in 0..n {
        let len = r.uint()?;
        let raw = r.bytes.get(r.at..r.at.checked_add(len)?)?;
        r.at += len;
        r.texts.push(Sym::new(std::str::from_utf8(raw).ok()?));
    }
    let count = r.uint()?;
    let mut sets = Vec::new();
    for _ in 0..count {
        let set = RuleSet::get(&mut r)?;
        let resolved = match set.crediting {
            Crediting::From { .. } => Some((Rules::get(&mut r)?, Label::get(&mut r)?)),
            Crediting::Own(_) => None,
        };
        sets.push((set, resolved));
    }
    (r.at == r.bytes.len()).then_some(sets)
}

struct Writer {
    body: Vec<u8>,
    texts: Vec<Sym>,
}

impl Writer {
    fn uint(&mut self, mut n: usize) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                self.body.push(byte);
                return;
            }
            self.body.push(byte | 0x80);
        }
    }
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
    texts: Vec<Sym>,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }
    #[inline(never)]
    fn uint(&mut self) -> Option<usize> {
        let mut n: usize = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            n |= usize::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(n);
            }
        }
        None
    }
    /// A number that must be below `limit` (an index, a tag).
    fn below(&mut self, limit: usize) -> Option<usize> {
        self.uint().filter(|&n| n < limit)
    }
}

/// A value in the compact form.
trait Code: Sized {
    fn put(&self, w: &mut Writer);
    fn get(r: &mut Reader) -> Option<Self>;
}

// The leaves are called from every struct: kept out of line, the decoder is a third smaller.
impl Code for Sym {
    fn put(&self, w: &mut Writer) {
        let i = w.texts.iter().position(|t| t == self).unwrap_or_else(|| {
            w.texts.push(self.clone());
            w.texts.len() - 1
        });
        w.uint(i);
    }
    #[inline(never)]
    fn get(r: &mut Reader) -> Option<Self> {
        let i = r.uint()?;
        r.texts.get(i).cloned()
    }
}

impl Code for f64 {
    fn put(&self, w: &mut Writer) {
        w.body.extend_from_slice(&self.to_le_bytes());
    }
    #[inline(never)]
    fn get(r: &mut Reader) -> Option<Self> {
        let raw = r.bytes.get(r.at..r.at + 8)?;
        r.at += 8;
        let n = f64::from_le_bytes(raw.try_into().ok()?);
        n.is_finite().then_some(n)
    }
}

impl Code for u32 {
    fn put(&self, w: &mut Writer) {
        w.uint(*self as usize);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        r.uint()?.try_into().ok()
    }
}

impl Code for bool {
    fn put(&self, w: &mut Writer) {
        w.body.push(u8::from(*self));
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(r.below(2)? == 1)
    }
}

impl<T: Code> Code for Option<T> {
    fn put(&self, w: &mut Writer) {
        match self {
            None => w.body.push(0),
            Some(v) => {
                w.body.push(1);
                v.put(w);
            }
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        match r.below(2)? {
            0 => Some(None),
            _ => T::get(r).map(Some),
        }
    }
}

impl<T: Code> Code for Vec<T> {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len());
        for v in self {
            v.put(w);
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let n = r.uint()?;
        // Each item takes at least a byte: a length beyond what is left is damage.
        if n > r.bytes.len() - r.at {
            return None;
        }
        // A loop rather than collect(): this runs for every type, and each collect into
        // an Option<Vec> is its own iterator adapter in the wasm.
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(T::get(r)?);
        }
        Some(out)
    }
}

/// Structs: their fields in order, both ways.
macro_rules! code_struct {
    ($t:ident { $($f:ident),* }) => {
        impl Code for $t {
            fn put(&self, w: &mut Writer) {
                $(self.$f.put(w);)*
            }
            fn get(r: &mut Reader) -> Option<Self> {
                Some($t { $($f: Code::get(r)?),* })
            }
        }
    };
}

code_struct!(Clause { reference, quote });
code_struct!(Label { zh, en });
code_struct!(Cap { id, hours, label });
code_struct!(When { field, test });
code_struct!(TimeRule { hours_per_day, part_time_hours_per_day, minutes_per_hour, clause });

/// An index into a table of `limit` entries.
struct Index<const LIMIT: usize>(usize);

impl Code for (u32, u32) {
    fn put(&self, w: &mut Writer) {
        self.0.put(w);
        self.1.put(w);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some((u32::get(r)?, u32::get(r)?))
    }
}

impl Code for Governs {
    fn put(&self, w: &mut Writer) {
        self.from_text.put(w);
        self.to_text.put(w);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let (from_text, to_text) = (Sym::get(r)?, Sym::get(r)?);
        let (from, to) = (crate::input::parse_date(&from_text)?, crate::input::parse_date(&to_text)?);
        Some(Governs { from, to, from_text, to_text })
    }
}

code_struct!(CountedOnce { kinds, clause });
code_struct!(MakeUp { years, done_from, done_to, max_years, clause, evidence });
code_struct!(Requirement { total, public, professional, share, clause });

impl Code for Scalar {
    fn put(&self, w: &mut Writer) {
        match self {
            Scalar::Text(s) => {
                w.body.push(0);
                s.put(w);
            }
            Scalar::Num(n) => {
                w.body.push(1);
                n.put(w);
            }
            Scalar::Bool(b) => {
                w.body.push(2);
                b.put(w);
            }
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(match r.below(3)? {
            0 => Scalar::Text(Sym::get(r)?),
            1 => Scalar::Num(f64::get(r)?),
            _ => Scalar::Bool(bool::get(r)?),
        })
    }
}

impl Code for Test {
    fn put(&self, w: &mut Writer) {
        match self {
            Test::OneOf(values) => {
                w.body.push(0);
                values.put(w);
            }
            Test::Between { min, max } => {
                w.body.push(1);
                min.put(w);
                max.put(w);
            }
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(match r.below(2)? {
            0 => Test::OneOf(Vec::get(r)?),
            _ => Test::Between { min: Code::get(r)?, max: Code::get(r)? },
        })
    }
}

impl Code for Credit {
    fn put(&self, w: &mut Writer) {
        let tag: u8 = match self {
            Credit::Fixed(_) => 0,
            Credit::PerUnit { .. } => 1,
            Credit::SharedByAuthors(_) => 2,
            Credit::ActualTime { .. } => 3,
            Credit::PerDay { .. } => 4,
            Credit::UpToCap => 5,
            Credit::Undetermined => 6,
            Credit::Deemed { .. } => 7,
            Credit::PerStudyYear(_) => 8,
            Credit::Spread { .. } => 9,
            Credit::PerYearByMonths { .. } => 10,
            Credit::ProrateRequirement { .. } => 11,
            Credit::RequirementRelief => 12,
            Credit::Excluded => 13,
        };
        w.body.push(tag);
        match self {
            Credit::Fixed(h) | Credit::SharedByAuthors(h) | Credit::PerStudyYear(h) => h.put(w),
            Credit::PerUnit { hours, field, unit } => {
                hours.put(w);
                field.put(w);
                unit.put(w);
            }
            Credit::ActualTime { multiple: a, max_per_day: b } => {
                a.put(w);
                b.put(w);
            }
            Credit::PerDay { hours: a, paper_bonus: b } | Credit::PerYearByMonths { public: a, professional: b } => {
                a.put(w);
                b.put(w);
            }
            Credit::Deemed { public, professional, years } => {
                public.put(w);
                professional.put(w);
                years.put(w);
            }
            Credit::Spread { hours, years } => {
                hours.put(w);
                years.put(w);
            }
            Credit::ProrateRequirement { more_than_months, group } => {
                more_than_months.put(w);
                group.put(w);
            }
            Credit::UpToCap | Credit::Undetermined | Credit::RequirementRelief | Credit::Excluded => {}
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(match r.below(14)? {
            0 => Credit::Fixed(f64::get(r)?),
            1 => Credit::PerUnit { hours: Code::get(r)?, field: Code::get(r)?, unit: Code::get(r)? },
            2 => Credit::SharedByAuthors(f64::get(r)?),
            3 => Credit::ActualTime { multiple: Code::get(r)?, max_per_day: Code::get(r)? },
            4 => Credit::PerDay { hours: Code::get(r)?, paper_bonus: Code::get(r)? },
            5 => Credit::UpToCap,
            6 => Credit::Undetermined,
            7 => Credit::Deemed { public: Code::get(r)?, professional: Code::get(r)?, years: Code::get(r)? },
            8 => Credit::PerStudyYear(f64::get(r)?),
            9 => Credit::Spread { hours: Code::get(r)?, years: Code::get(r)? },
            10 => Credit::PerYearByMonths { public: Code::get(r)?, professional: Code::get(r)? },
            11 => Credit::ProrateRequirement { more_than_months: Code::get(r)?, group: Code::get(r)? },
            12 => Credit::RequirementRelief,
            _ => Credit::Excluded,
        })
    }
}

impl<const LIMIT: usize> Code for Index<LIMIT> {
    fn put(&self, w: &mut Writer) {
        w.uint(self.0);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        r.below(LIMIT).map(Index)
    }
}

const N_KINDS: usize = KINDS.len();

impl Code for Rule {
    fn put(&self, w: &mut Writer) {
        Index::<N_KINDS>(self.kind).put(w);
        self.when.put(w);
        self.credit.put(w);
        w.body.push(self.subject as u8);
        self.cap.map(|c| c as u32).put(w);
        self.label.put(w);
        self.clause.put(w);
        self.evidence.put(w);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let kind = Index::<N_KINDS>::get(r)?.0;
        let (when, credit) = (Code::get(r)?, Code::get(r)?);
        let subject = [SubjectOf::Public, SubjectOf::Professional, SubjectOf::FromActivity][r.below(3)?];
        let cap = Option::<u32>::get(r)?.map(|c| c as usize);
        Some(Rule { kind, when, credit, subject, cap, label: Code::get(r)?, clause: Code::get(r)?, evidence: Code::get(r)? })
    }
}

impl Code for NotMentioned {
    fn put(&self, w: &mut Writer) {
        Index::<N_KINDS>(self.kind).put(w);
        self.note.put(w);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(NotMentioned { kind: Index::<N_KINDS>::get(r)?.0, note: Code::get(r)? })
    }
}

impl Code for Rules {
    fn put(&self, w: &mut Writer) {
        self.time.put(w);
        self.caps.put(w);
        self.rules.put(w);
        self.not_mentioned.put(w);
        self.no_carry_over.put(w);
        self.counted_once.put(w);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let (time, caps, rules): (TimeRule, Vec<Cap>, Vec<Rule>) = (Code::get(r)?, Code::get(r)?, Code::get(r)?);
        // A rule's cap must be one of the caps; the kinds were checked as they were read.
        if rules.iter().any(|x| x.cap.is_some_and(|c| c >= caps.len())) || rules.len() > usize::from(u16::MAX) {
            return None;
        }
        let by_kind = (0..N_KINDS).map(|k| (0..rules.len()).filter(|&i| rules[i].kind == k).map(|i| i as u16).collect()).collect();
        Some(Rules { time, caps, rules, by_kind, not_mentioned: Code::get(r)?, no_carry_over: Code::get(r)?, counted_once: Code::get(r)? })
    }
}

impl Code for Crediting {
    fn put(&self, w: &mut Writer) {
        match self {
            Crediting::Own(rules) => {
                w.body.push(0);
                rules.put(w);
            }
            Crediting::From { rule_set, clause } => {
                w.body.push(1);
                rule_set.put(w);
                clause.put(w);
            }
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(match r.below(2)? {
            0 => Crediting::Own(std::sync::Arc::new(Rules::get(r)?)),
            _ => Crediting::From { rule_set: Code::get(r)?, clause: Code::get(r)? },
        })
    }
}

impl Code for Exemption {
    fn put(&self, w: &mut Writer) {
        let kinds: Vec<u32> = self.employers.iter().map(|e| Employer::ALL.iter().position(|(_, x)| x == e).unwrap_or(0) as u32).collect();
        kinds.put(w);
        self.clause.put(w);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let kinds: Vec<u32> = Code::get(r)?;
        let mut employers = Vec::with_capacity(kinds.len());
        for k in kinds {
            employers.push(Employer::ALL.get(k as usize)?.1);
        }
        Some(Exemption { employers, clause: Code::get(r)? })
    }
}

impl Code for ExtraType {
    fn put(&self, w: &mut Writer) {
        match self {
            ExtraType::Number { max } => {
                w.body.push(0);
                max.put(w);
            }
            ExtraType::Count { min, max } => {
                w.body.push(1);
                min.put(w);
                max.put(w);
            }
            ExtraType::Choice { values } => {
                w.body.push(2);
                values.put(w);
            }
            ExtraType::Flag => w.body.push(3),
        }
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(match r.below(4)? {
            0 => ExtraType::Number { max: Code::get(r)? },
            1 => ExtraType::Count { min: Code::get(r)?, max: Code::get(r)? },
            2 => ExtraType::Choice { values: Code::get(r)? },
            _ => ExtraType::Flag,
        })
    }
}

impl Code for ExtraField {
    fn put(&self, w: &mut Writer) {
        Index::<N_KINDS>(self.kind).put(w);
        self.name.put(w);
        self.ty.put(w);
        self.label.put(w);
        self.label_en.put(w);
        self.rule_set.put(w);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        let kind = Index::<N_KINDS>::get(r)?.0;
        Some(ExtraField { kind, name: Code::get(r)?, ty: Code::get(r)?, label: Code::get(r)?, label_en: Code::get(r)?, rule_set: Code::get(r)? })
    }
}

/// Examples are for `xueshi check`, not carried in the compact form.
impl Code for RuleSet {
    fn put(&self, w: &mut Writer) {
        let RuleSet {
            id,
            title,
            title_en,
            issuer,
            doc_number,
            region,
            region_en,
            governs,
            requirement,
            crediting,
            exemptions,
            make_up,
            fields,
            notes,
            examples: _,
            source: _,
        } = self;
        for text in [id, title, issuer, region] {
            text.put(w);
        }
        for text in [title_en, doc_number, region_en] {
            text.put(w);
        }
        governs.put(w);
        requirement.put(w);
        crediting.put(w);
        exemptions.put(w);
        make_up.put(w);
        fields.put(w);
        notes.put(w);
    }
    fn get(r: &mut Reader) -> Option<Self> {
        Some(RuleSet {
            id: Code::get(r)?,
            title: Code::get(r)?,
            issuer: Code::get(r)?,
            region: Code::get(r)?,
            title_en: Code::get(r)?,
            doc_number: Code::get(r)?,
            region_en: Code::get(r)?,
            governs: Code::get(r)?,
            requirement: Code::get(r)?,
            crediting: Code::get(r)?,
            exemptions: Code::get(r)?,
            make_up: Code::get(r)?,
            fields: Code::get(r)?,
            notes: Code::get(r)?,
            examples: Vec::new(),
            source: Source::Compiled,
        })
    }
}

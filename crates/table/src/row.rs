//! One sheet row made into a contract activity, or every problem it has.

use crate::aliases::{Implied, TIME_KINDS};
use crate::cell::{self, text, ymd, Cell};
use crate::error::{CellError, Problem};
use crate::header::Header;
use crate::schema::{Schema, Slot, Ty};
use crate::text::fold;
use chrono::NaiveDate;
use serde_json::{Map, Value};

/// An activity's fields in order: `id`, `kind`, `date`, `title`, then the sheet's columns.
/// A list rather than a map: a map's fixed node is most of what a row would hold.
pub type Fields = Vec<(String, Value)>;

/// One activity read from the sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The row as the sheet shows it, 1-based.
    pub row: usize,
    /// Who it belongs to (the person column, as text).
    pub person: String,
    pub name: Option<String>,
    /// The proof named in the evidence column (证明材料), as written.
    pub evidence: Option<String>,
    /// The contract activity: `id`, `kind`, `date` (`YYYY-MM-DD`), `title` if given, and
    /// the fields the row fills, each of its contract type (numbers, whole numbers,
    /// contract choice values, booleans). Each name occurs once.
    pub activity: Fields,
}

impl Row {
    /// A field of the activity by its contract name.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.activity.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// The activity as a JSON object, e.g. for `serde_json::to_string`.
    pub fn activity_json(&self) -> Value {
        Value::Object(self.activity.iter().cloned().collect::<Map<String, Value>>())
    }
}

/// The row, `None` when every column it has a header for is blank.
pub(crate) fn build_row(schema: &Schema, header: &Header, row: usize, cells: &[Cell<'_>]) -> Option<Result<Row, Vec<CellError>>> {
    let blank = header.slots().iter().all(|(_, cols)| cols.iter().all(|&c| cells.get(c).is_none_or(Cell::is_blank)));
    if blank {
        return None;
    }
    let mut b = Builder { schema, header, row, cells, errors: Vec::new() };
    // Identifiers typed with a full-width input method are the same identifiers.
    let person = b.text(Slot::Person).map(|p| fold(&p).into_owned());
    if b.pick(Slot::Person).is_none() {
        b.missing(Slot::Person, Problem::Missing);
    }
    let (name, evidence, title) = (b.text(Slot::Name), b.text(Slot::Evidence), b.text(Slot::Title));
    let id = b.text(Slot::Id).map(|i| fold(&i).into_owned());
    let kind = b.kind();
    let (date, span) = b.dates();
    let mut fields = Fields::new();
    b.fields(&mut fields);
    if let Some(k) = &kind {
        b.implied(k, &mut fields);
        if let (true, Some((start, end))) = (TIME_KINDS.contains(&k.kind), span) {
            b.days_from_span(start, end, &mut fields);
        }
    }
    match (person, kind, date) {
        (Some(person), Some(kind), Some(date)) if b.errors.is_empty() => {
            let mut activity = Fields::with_capacity(4 + fields.len());
            activity.push(("id".into(), Value::String(id.unwrap_or_else(|| format!("row-{row}")))));
            activity.push(("kind".into(), Value::String(kind.kind.to_owned())));
            activity.push(("date".into(), Value::String(ymd(date))));
            if let Some(t) = title {
                activity.push(("title".into(), Value::String(t)));
            }
            activity.append(&mut fields);
            Some(Ok(Row { row, person, name, evidence, activity }))
        }
        _ => Some(Err(b.errors)),
    }
}

struct Kind {
    kind: &'static str,
    implied: Option<Implied>,
    /// The kind cell as written, for a message about a contradiction.
    written: String,
}

struct Builder<'a, 'c> {
    schema: &'a Schema,
    header: &'a Header,
    row: usize,
    cells: &'a [Cell<'c>],
    errors: Vec<CellError>,
}

impl<'a, 'c> Builder<'a, 'c> {
    /// The first filled cell among the slot's columns.
    fn pick(&self, slot: Slot) -> Option<(usize, &'a Cell<'c>)> {
        let cells = self.cells;
        self.header.columns(slot).iter().find_map(|&c| cells.get(c).filter(|cell| !cell.is_blank()).map(|cell| (c, cell)))
    }

    fn fail(&mut self, col: usize, p: Problem) {
        self.errors.push(p.at(self.row, self.header.name(col)));
    }

    /// Reports a blank required value at the slot's first column.
    fn missing(&mut self, slot: Slot, p: Problem) {
        if let Some(&col) = self.header.columns(slot).first() {
            self.fail(col, p);
        }
    }

    /// The slot's value read by `f`; a bad one is reported and gives `None`.
    fn read<T>(&mut self, slot: Slot, f: impl Fn(&Cell<'_>) -> Result<T, Problem>) -> Option<(usize, T)> {
        let (col, cell) = self.pick(slot)?;
        match f(cell) {
            Ok(v) => Some((col, v)),
            Err(p) => {
                self.fail(col, p);
                None
            }
        }
    }

    fn text(&mut self, slot: Slot) -> Option<String> {
        self.read(slot, |c| text(c).map(|t| t.map(|s| s.into_owned()).unwrap_or_default())).map(|(_, t)| t)
    }

    fn kind(&mut self) -> Option<Kind> {
        let Some(written) = self.text(Slot::Kind) else {
            if self.pick(Slot::Kind).is_none() {
                self.missing(Slot::Kind, Problem::Missing);
            }
            return None;
        };
        match self.schema.kind(&written) {
            Some((kind, implied)) => Some(Kind { kind, implied, written }),
            None => {
                let list = &self.schema.kind_list;
                let p = Problem::NotChoice(written, list.en_list.clone(), list.zh_list.clone());
                if let Some((col, _)) = self.pick(Slot::Kind) {
                    self.fail(col, p);
                }
                None
            }
        }
    }

    /// The activity's date (the date column, else the end date) and the start–end span.
    fn dates(&mut self) -> (Option<NaiveDate>, Option<(NaiveDate, NaiveDate)>) {
        let date = self.read(Slot::Date, cell::date).map(|(_, d)| d);
        let start = self.read(Slot::Start, cell::date);
        let end = self.read(Slot::End, cell::date);
        let span = match (start, end) {
            (Some((_, s)), Some((col, e))) if e < s => {
                self.fail(col, Problem::EndBeforeStart(ymd(e), ymd(s)));
                None
            }
            (Some((_, s)), Some((_, e))) => Some((s, e)),
            _ => None,
        };
        if self.pick(Slot::Date).is_none() && self.pick(Slot::End).is_none() {
            let slot = if self.header.has(Slot::Date) { Slot::Date } else { Slot::End };
            self.missing(slot, Problem::MissingDate);
        }
        (date.or(end.map(|(_, e)| e)), span)
    }

    fn fields(&mut self, out: &mut Fields) {
        let (schema, header) = (self.schema, self.header);
        for (slot, _) in header.slots() {
            let Slot::Field(i) = *slot else { continue };
            let Some(def) = schema.fields.get(i) else { continue };
            if let Some((_, v)) = self.read(*slot, |c| field_value(&def.ty, c)) {
                out.push((def.name.clone(), v));
            }
        }
    }

    /// A value the kind's alias gives (`病假` → reason sickness), unless its column says it.
    fn implied(&mut self, kind: &Kind, out: &mut Fields) {
        let Some(implied) = kind.implied else { return };
        let (field, value) = match implied {
            Implied::Choice(f, v) => (f, Value::String(v.to_owned())),
            Implied::Yes(f) => (f, Value::Bool(true)),
        };
        let slot = self.schema.field_index(field).map(Slot::Field);
        let given = slot.and_then(|s| self.pick(s));
        match (out.iter().find(|(n, _)| n == field).map(|(_, v)| v), given) {
            (Some(v), _) if *v == value => {}
            (Some(_), Some((col, cell))) => {
                let shown = text(cell).ok().flatten().map(|s| s.into_owned()).unwrap_or_default();
                self.fail(col, Problem::Contradicts(shown, kind.written.clone()));
            }
            // A bad value in the column was reported already.
            (None, Some(_)) => {}
            _ => out.push((field.to_owned(), value)),
        }
    }

    /// Inclusive calendar days from a start and an end date, when no time is given.
    fn days_from_span(&mut self, start: NaiveDate, end: NaiveDate, out: &mut Fields) {
        let time_given = ["hours", "days", "minutes"].iter().any(|f| self.schema.field_index(f).is_some_and(|i| self.pick(Slot::Field(i)).is_some()));
        if !time_given {
            out.push(("days".into(), Value::from((end - start).num_days() + 1)));
        }
    }
}

fn field_value(ty: &Ty, cell: &Cell<'_>) -> Result<Value, Problem> {
    Ok(match ty {
        Ty::Number(units) => json_number(cell::number(cell, units)?),
        Ty::Count(units) => Value::from(cell::count(cell, units)?),
        Ty::Flag => Value::Bool(cell::flag(cell)?),
        Ty::Text => Value::String(text(cell)?.map(|s| s.into_owned()).unwrap_or_default()),
        Ty::Choice(set) => Value::String(cell::choice(cell, set)?.to_owned()),
    })
}

/// Whole numbers as JSON integers (`8`, not `8.0`).
fn json_number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9_007_199_254_740_992.0 {
        Value::from(x as i64)
    } else {
        serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
    }
}

//! The header row: which column gives what, found among the first rows so that a title
//! row above it (a portal's export often has one) does no harm.

use crate::cell::{text, Cell};
use crate::error::{duplicate_columns, rows_above_header, unknown_column, CellError, FileError};
use crate::schema::{zh_header, Schema, Slot};

/// How many non-blank rows may stand above the header.
const HEADER_SEARCH_ROWS: usize = 10;

pub(crate) struct Header {
    pub row: usize,
    /// Each column's header as written.
    names: Vec<String>,
    /// Each meaning with its columns, left to right.
    slots: Vec<(Slot, Vec<usize>)>,
    pub warnings: Vec<CellError>,
}

/// A source of rows: the row number as the sheet shows it, and its cells.
pub(crate) trait Source {
    fn next_row(&mut self) -> Result<Option<(usize, Vec<Cell<'_>>)>, FileError>;
}

/// The header row: the first of the first [`HEADER_SEARCH_ROWS`] non-blank rows that
/// has a person and a kind column.
pub(crate) fn find_header(schema: &Schema, source: &mut impl Source) -> Result<Header, FileError> {
    let mut first: Option<Header> = None;
    let mut looked = 0;
    while looked < HEADER_SEARCH_ROWS {
        let Some((row, cells)) = source.next_row()? else { break };
        if cells.iter().all(Cell::is_blank) {
            continue;
        }
        looked += 1;
        let mut header = Header::scan(schema, row, &cells);
        if header.has(Slot::Person) && header.has(Slot::Kind) {
            if let Some(e) = header.missing(schema) {
                return Err(e);
            }
            if first.is_some() {
                header.warnings.insert(0, rows_above_header(header.row));
            }
            return Ok(header);
        }
        first.get_or_insert(header);
    }
    match first {
        Some(h) => Err(h.missing(schema).unwrap_or_else(FileError::empty)),
        None => Err(FileError::empty()),
    }
}

impl Header {
    fn scan(schema: &Schema, row: usize, cells: &[Cell<'_>]) -> Header {
        let mut h = Header { row, names: Vec::with_capacity(cells.len()), slots: Vec::new(), warnings: Vec::new() };
        for (col, cell) in cells.iter().enumerate() {
            // An error value or an over-long cell is no header: the column is ignored.
            let name = text(cell).ok().flatten().map(|s| s.into_owned()).unwrap_or_default();
            if !name.is_empty() {
                match schema.slot(&name) {
                    Some(slot) => match h.slots.iter_mut().find(|(s, _)| *s == slot) {
                        Some((_, cols)) => cols.push(col),
                        None => h.slots.push((slot, vec![col])),
                    },
                    None => h.warnings.push(unknown_column(row, &name)),
                }
            }
            h.names.push(name);
        }
        let duplicates: Vec<CellError> = h
            .slots
            .iter()
            .filter(|(_, cols)| cols.len() > 1)
            .map(|(slot, cols)| {
                let names: Vec<&str> = cols.iter().map(|&c| h.name(c)).collect();
                let target = target(schema, *slot);
                duplicate_columns(row, &names, target, zh_header(target))
            })
            .collect();
        h.warnings.extend(duplicates);
        h
    }

    pub(crate) fn has(&self, slot: Slot) -> bool {
        !self.columns(slot).is_empty()
    }

    pub(crate) fn columns(&self, slot: Slot) -> &[usize] {
        self.slots.iter().find(|(s, _)| *s == slot).map(|(_, c)| c.as_slice()).unwrap_or(&[])
    }

    pub(crate) fn slots(&self) -> &[(Slot, Vec<usize>)] {
        &self.slots
    }

    pub(crate) fn name(&self, col: usize) -> &str {
        self.names.get(col).map(String::as_str).unwrap_or("")
    }

    /// The error for the required columns that are missing, if any: person, kind, and a
    /// date or an end date.
    fn missing(&self, schema: &Schema) -> Option<FileError> {
        let mut en = Vec::new();
        let mut zh = Vec::new();
        for slot in [Slot::Person, Slot::Kind] {
            if !self.has(slot) {
                let t = target(schema, slot);
                en.push(t.to_owned());
                zh.push(zh_header(t).to_owned());
            }
        }
        if !self.has(Slot::Date) && !self.has(Slot::End) {
            en.push("date (or an end date)".to_owned());
            zh.push(format!("{}（或{}）", zh_header("date"), zh_header("end")));
        }
        (!en.is_empty()).then(|| FileError::missing_columns(self.row, &en.join(", "), &zh.join("、")))
    }
}

/// The contract name (or reader name) of what a column gives.
pub(crate) fn target(schema: &Schema, slot: Slot) -> &str {
    match slot {
        Slot::Id => "id",
        Slot::Person => "person",
        Slot::Name => "name",
        Slot::Kind => "kind",
        Slot::Date => "date",
        Slot::Title => "title",
        Slot::Evidence => "evidence",
        Slot::Start => "start",
        Slot::End => "end",
        Slot::Field(i) => schema.fields.get(i).map(|f| f.name.as_str()).unwrap_or(""),
    }
}

//! Where rows come from: a CSV stream or an .xlsx workbook's first worksheet, each giving
//! rows numbered as the sheet shows them. Which one is decided by the bytes, not the name.

use crate::cell::Cell;
use crate::error::FileError;
use crate::header::Source;
use calamine::{Data, Dimensions, Range, Reader, SheetType, SheetVisible, Xlsx};
use chrono::NaiveDate;
use std::io::{Cursor, Read};

/// What a file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

/// How many bytes are looked at to tell the format (and the CSV delimiter).
pub(crate) const PREFIX_BYTES: usize = 8192;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Tells the format from a file's first bytes (at least a few hundred of them, or the
/// whole file if shorter); a file that is neither is a [`FileError`] saying what it is.
pub fn detect(prefix: &[u8]) -> Result<Format, FileError> {
    let zip = [b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"];
    if zip.iter().any(|m| prefix.starts_with(*m)) {
        return Ok(Format::Xlsx);
    }
    // An OLE compound file: an old .xls, or an .xlsx encrypted with a password.
    if prefix.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(FileError::old_workbook());
    }
    if prefix.starts_with(b"\xFF\xFE") || prefix.starts_with(b"\xFE\xFF") {
        return Err(FileError::utf16());
    }
    let body = prefix.strip_prefix(UTF8_BOM).unwrap_or(prefix);
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(FileError::empty());
    }
    if body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<') {
        return Err(FileError::markup());
    }
    // Text in any encoding has no control bytes other than tab, newlines and form feed.
    if body.iter().any(|&b| b < 0x09 || ((0x0E..0x20).contains(&b) && b != 0x1A)) {
        return Err(FileError::binary());
    }
    match std::str::from_utf8(body) {
        Ok(_) => Ok(Format::Csv),
        // Cut in the middle of a character by the end of the prefix: still UTF-8.
        Err(e) if e.error_len().is_none() => Ok(Format::Csv),
        Err(_) => Err(FileError::not_utf8(None)),
    }
}

/// Reads a CSV stream record by record; never holds more than one record.
pub(crate) struct CsvSource<R: Read> {
    reader: csv::Reader<R>,
    record: csv::ByteRecord,
    /// Line breaks inside quoted cells so far: they move the line count, not the row.
    embedded: u64,
    last_row: usize,
}

impl<R: Read> CsvSource<R> {
    /// `input` must end with a line break (the caller appends one) so that the line
    /// count after each record includes its own.
    pub(crate) fn new(input: R, prefix: &[u8]) -> CsvSource<R> {
        let mut builder = csv::ReaderBuilder::new();
        builder.has_headers(false).flexible(true).delimiter(delimiter(prefix));
        // Only "\n" ends a record, so empty lines (CRLF or LF) count in the line number;
        // a "\r" before it is trimmed off the last cell. Files with bare CR line ends
        // (old Mac) keep the default and are numbered by records.
        if prefix.contains(&b'\n') || !prefix.contains(&b'\r') {
            builder.terminator(csv::Terminator::Any(b'\n'));
        }
        CsvSource { reader: builder.from_reader(input), record: csv::ByteRecord::new(), embedded: 0, last_row: 0 }
    }
}

/// Comma, unless the first line has none and has tabs (Excel's "Text") or semicolons.
fn delimiter(prefix: &[u8]) -> u8 {
    let first = prefix.split(|&b| b == b'\n' || b == b'\r').next().unwrap_or(prefix);
    [b',', b'\t', b';'].into_iter().find(|d| first.contains(d)).unwrap_or(b',')
}

impl<R: Read> Source for CsvSource<R> {
    fn next_row(&mut self) -> Result<Option<(usize, Vec<Cell<'_>>)>, FileError> {
        let more = self.reader.read_byte_record(&mut self.record).map_err(|_| FileError::unreadable(Some(self.last_row + 1)))?;
        if !more {
            return Ok(None);
        }
        self.embedded += self.record.iter().map(|f| f.iter().filter(|&&b| b == b'\n').count() as u64).sum::<u64>();
        // Lines before this record's end, less breaks inside cells, less its own.
        let line = self.reader.position().line();
        let row = usize::try_from(line.saturating_sub(1 + self.embedded)).unwrap_or(usize::MAX).max(self.last_row + 1);
        self.last_row = row;
        let mut cells = Vec::with_capacity(self.record.len());
        for field in self.record.iter() {
            let s = std::str::from_utf8(field).map_err(|_| FileError::not_utf8(Some(row)))?;
            cells.push(if s.is_empty() { Cell::Empty } else { Cell::Text(s) });
        }
        Ok(Some((row, cells)))
    }
}

/// The first worksheet of an .xlsx workbook, loaded whole.
pub(crate) struct XlsxSource {
    range: Range<Data>,
    next: usize,
    /// The sheet row (0-based) where the used range starts.
    first_row: usize,
}

impl XlsxSource {
    pub(crate) fn open(bytes: Vec<u8>) -> Result<XlsxSource, FileError> {
        let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|_| FileError::not_workbook())?;
        let name = first_worksheet(&book).ok_or_else(FileError::no_worksheet)?;
        let mut range = book.worksheet_range(&name).map_err(|_| FileError::not_workbook())?;
        // What a merged cell shows in every row it spans is its top-left value.
        if let Ok(merged) = book.merge_cells_by_sheet_name(&name) {
            fill_merged(&mut range, &merged);
        }
        let first_row = range.start().map_or(0, |(r, _)| r as usize);
        Ok(XlsxSource { range, next: 0, first_row })
    }
}

/// The first visible worksheet (a hidden one is not what the user sees first), else the
/// first worksheet.
fn first_worksheet<R: std::io::Read + std::io::Seek>(book: &Xlsx<R>) -> Option<String> {
    let sheets = book.sheets_metadata();
    let worksheets = || sheets.iter().filter(|s| s.typ == SheetType::WorkSheet);
    worksheets().find(|s| s.visible == SheetVisible::Visible).or_else(|| worksheets().next()).map(|s| s.name.clone())
}

fn fill_merged(range: &mut Range<Data>, regions: &[Dimensions]) {
    let (Some(start), Some(end)) = (range.start(), range.end()) else { return };
    // Overlapping merges are invalid; a file full of them must not cost more than the sheet.
    let mut budget = range.get_size().0.saturating_mul(range.get_size().1).saturating_mul(2);
    for m in regions {
        let value = match range.get_value(m.start) {
            Some(v) if *v != Data::Empty => v.clone(),
            _ => continue,
        };
        for r in m.start.0.max(start.0)..=m.end.0.min(end.0) {
            for c in m.start.1.max(start.1)..=m.end.1.min(end.1) {
                if budget == 0 {
                    return;
                }
                budget -= 1;
                if (r, c) != m.start {
                    range.set_value((r, c), value.clone());
                }
            }
        }
    }
}

fn cell_of(data: Option<&Data>) -> Cell<'_> {
    match data {
        None | Some(Data::Empty) => Cell::Empty,
        Some(Data::String(s)) | Some(Data::DateTimeIso(s)) | Some(Data::DurationIso(s)) => Cell::Text(s),
        Some(Data::Float(x)) => Cell::Number(*x),
        Some(Data::Int(i)) => Cell::Number(*i as f64),
        Some(Data::Bool(b)) => Cell::Bool(*b),
        Some(Data::DateTime(dt)) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Cell::Date(NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d)), dt.as_f64())
        }
        Some(Data::DateTime(dt)) => Cell::Number(dt.as_f64()),
        Some(Data::Error(e)) => Cell::Error(e.to_string()),
    }
}

impl Source for XlsxSource {
    fn next_row(&mut self) -> Result<Option<(usize, Vec<Cell<'_>>)>, FileError> {
        let (height, width) = self.range.get_size();
        if self.next >= height {
            return Ok(None);
        }
        let i = self.next;
        self.next += 1;
        let cells = (0..width).map(|c| cell_of(self.range.get((i, c)))).collect();
        Ok(Some((self.first_row + i + 1, cells)))
    }
}

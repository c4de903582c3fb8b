//! Reads a unit's staff spreadsheet, CSV text or an .xlsx workbook, into rows of xueshi
//! contract activities, reporting every bad cell by row and column in Chinese and
//! English and never panicking; writes the templates and .xlsx/.csv exports.
//!
//! It checks types and the required columns (person, kind, date); whether a value is
//! allowed for the kind is the engine's job. See README.md for every column, alias and
//! value format.
//!
//! ```
//! let csv = "人员编号,姓名,类型,日期,学时\n1001,张三,培训,2024/3/1,8学时\n";
//! let table = xueshi_table::read(csv.as_bytes(), &Default::default()).unwrap();
//! let row = &table.rows[0];
//! assert_eq!(row.activity_json(), serde_json::json!({"id": "row-2", "kind": "training", "date": "2024-03-01", "hours": 8}));
//! assert_eq!((row.row, row.person.as_str(), row.name.as_deref()), (2, "1001", Some("张三")));
//! ```

pub mod aliases;
mod cell;
mod error;
mod header;
mod row;
mod schema;
mod source;
mod template;
mod text;
mod write;

pub use error::{CellError, FileError, QUOTE_CHARS};
pub use row::{Fields, Row};
pub use schema::{ExtraField, ExtraType, Options};
pub use source::{detect, Format};
pub use template::{template_csv, template_xlsx, Lang};
pub use write::{csv_bytes, defuse, write_csv, xlsx_bytes};

use header::{find_header, Header, Source};
use schema::Schema;
use source::{CsvSource, XlsxSource, PREFIX_BYTES};
use std::io::{Chain, Cursor, Read};

/// What reading one sheet row gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Record {
    Row(Row),
    /// The row was skipped: every problem it has.
    Rejected(Vec<CellError>),
}

/// A whole table read at once (see [`read`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub format: Format,
    /// The header's row number (1 unless title rows stand above it).
    pub header_row: usize,
    pub rows: Vec<Row>,
    /// Every bad cell of the rows that were skipped, in sheet order.
    pub errors: Vec<CellError>,
    /// Columns that were ignored, columns that give the same thing, rows above the header.
    pub warnings: Vec<CellError>,
}

type CsvInput<R> = Chain<Chain<Cursor<Vec<u8>>, R>, &'static [u8]>;

enum Src<R: Read> {
    Csv(Box<CsvSource<CsvInput<R>>>),
    Xlsx(XlsxSource),
}

impl<R: Read> Source for Src<R> {
    fn next_row(&mut self) -> Result<Option<(usize, Vec<cell::Cell<'_>>)>, FileError> {
        match self {
            Src::Csv(s) => s.next_row(),
            Src::Xlsx(s) => s.next_row(),
        }
    }
}

/// The rows of a table as they are read: a CSV stream is read one record at a time, so
/// any size can go through; an .xlsx workbook is loaded whole first. After an `Err` (the
/// file cannot be read further) the iterator ends.
pub struct Rows<R: Read> {
    schema: Schema,
    header: Header,
    source: Src<R>,
    format: Format,
    done: bool,
}

impl<R: Read> Rows<R> {
    pub fn format(&self) -> Format {
        self.format
    }
    pub fn header_row(&self) -> usize {
        self.header.row
    }
    /// Columns that are ignored, columns that give the same thing, rows above the header.
    pub fn warnings(&self) -> &[CellError] {
        &self.header.warnings
    }
}

impl<R: Read> Iterator for Rows<R> {
    type Item = Result<Record, FileError>;

    fn next(&mut self) -> Option<Self::Item> {
        let Rows { schema, header, source, done, .. } = self;
        while !*done {
            let built = match source.next_row() {
                Ok(Some((row, cells))) => row::build_row(schema, header, row, &cells),
                Ok(None) => {
                    *done = true;
                    return None;
                }
                Err(e) => {
                    *done = true;
                    return Some(Err(e));
                }
            };
            match built {
                Some(Ok(r)) => return Some(Ok(Record::Row(r))),
                Some(Err(errors)) => return Some(Ok(Record::Rejected(errors))),
                None => {}
            }
        }
        None
    }
}

/// Opens a table (CSV or .xlsx, told apart by content) and reads its header row.
pub fn open<R: Read>(mut input: R, options: &Options) -> Result<Rows<R>, FileError> {
    let mut prefix = Vec::with_capacity(PREFIX_BYTES);
    (&mut input).take(PREFIX_BYTES as u64).read_to_end(&mut prefix).map_err(|_| FileError::unreadable(None))?;
    let format = detect(&prefix)?;
    let mut source = match format {
        Format::Xlsx => {
            input.read_to_end(&mut prefix).map_err(|_| FileError::unreadable(None))?;
            Src::Xlsx(XlsxSource::open(prefix)?)
        }
        Format::Csv => {
            let csv = CsvSource::new(Cursor::new(prefix.clone()).chain(input).chain(&b"\n"[..]), &prefix);
            Src::Csv(Box::new(csv))
        }
    };
    let schema = Schema::new(options);
    let header = find_header(&schema, &mut source)?;
    Ok(Rows { schema, header, source, format, done: false })
}

/// Reads a whole table from its bytes: the browser's way, with the file in memory.
pub fn read(bytes: &[u8], options: &Options) -> Result<Table, FileError> {
    let rows = open(bytes, options)?;
    let mut table =
        Table { format: rows.format(), header_row: rows.header_row(), rows: Vec::new(), errors: Vec::new(), warnings: rows.warnings().to_vec() };
    for record in rows {
        match record? {
            Record::Row(r) => table.rows.push(r),
            Record::Rejected(e) => table.errors.extend(e),
        }
    }
    Ok(table)
}

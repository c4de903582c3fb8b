//! Writing tables: CSV that a spreadsheet opens without running anything, and .xlsx.

use crate::error::FileError;
use rust_xlsxwriter::{Format as CellFormat, Workbook, Worksheet, XlsxError};
use std::borrow::Cow;
use std::io::{self, Write};

/// The most rows and characters a worksheet cell can hold.
const MAX_ROWS: usize = 1_048_576;
const MAX_COLS: usize = 16_384;
const MAX_CELL_CHARS: usize = 32_767;

/// A cell made safe for CSV, as OWASP advises against formula injection: NUL removed,
/// and a `'` put before a cell that a spreadsheet could take as a formula, one starting
/// (after any leading blanks) with `=`, `+`, `-`, `@` or their full-width forms `＝＋－＠`,
/// or starting with a tab or a carriage return. A plain number such as `-3.5` is left as
/// it is: it cannot be a formula, and it stays a number.
pub fn defuse(cell: &str) -> Cow<'_, str> {
    let cell: Cow<'_, str> = if cell.contains('\0') { Cow::Owned(cell.replace('\0', "")) } else { Cow::Borrowed(cell) };
    let starts_risky =
        cell.starts_with(['\t', '\r']) || cell.trim_start_matches(crate::text::is_blank).starts_with(['=', '+', '-', '@', '＝', '＋', '－', '＠']);
    if starts_risky && !is_plain_number(&cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        cell
    }
}

fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    !int.is_empty() && int.bytes().all(|b| b.is_ascii_digit()) && frac.bytes().all(|b| b.is_ascii_digit())
}

/// Writes rows as CSV for a spreadsheet: UTF-8 with a byte-order mark (so that Excel
/// reads it as UTF-8), CRLF line ends, every cell [`defuse`]d, quoted where needed.
pub fn write_csv<W, I, R, S>(out: W, rows: I) -> io::Result<()>
where
    W: Write,
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut out = out;
    out.write_all(b"\xEF\xBB\xBF")?;
    let mut writer = csv::WriterBuilder::new().flexible(true).terminator(csv::Terminator::CRLF).from_writer(out);
    for row in rows {
        let cells: Vec<String> = row.into_iter().map(|c| defuse(c.as_ref()).into_owned()).collect();
        writer.write_record(&cells)?;
    }
    writer.flush()
}

/// [`write_csv`] into memory.
pub fn csv_bytes(rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_csv(&mut out, rows);
    out
}

/// An .xlsx workbook with one worksheet holding `rows`, the first row bold and frozen as
/// the header. A cell that reads back exactly as a number (`41.67`, not `007` or an
/// 18-digit ID number) is written as a number; everything else as text, never as a
/// formula.
pub fn xlsx_bytes(rows: &[Vec<String>]) -> Result<Vec<u8>, FileError> {
    if rows.len() > MAX_ROWS {
        return Err(FileError::too_many_rows());
    }
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let bold = CellFormat::new().set_bold();
    let mut widths: Vec<usize> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate().take(MAX_COLS) {
            write_cell(sheet, r, c, value, (r == 0).then_some(&bold))?;
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(display_width(value));
            } else {
                widths.push(display_width(value));
            }
        }
    }
    finish_sheet(sheet, &widths)?;
    book.save_to_buffer().map_err(|_| FileError::write_failed())
}

pub(crate) fn write_cell(sheet: &mut Worksheet, r: usize, c: usize, value: &str, format: Option<&CellFormat>) -> Result<(), FileError> {
    let (row, col) = (r as u32, c as u16);
    let value = value.replace('\0', "");
    if value.chars().count() > MAX_CELL_CHARS {
        return Err(FileError::cell_too_long(r + 1, c + 1));
    }
    let number = value.parse::<f64>().ok().filter(|x| x.is_finite() && format!("{x}") == value);
    let result: Result<_, XlsxError> = match (number, format) {
        (Some(x), None) => sheet.write_number(row, col, x).map(|_| ()),
        (_, Some(f)) => sheet.write_string_with_format(row, col, value, f).map(|_| ()),
        (None, None) => sheet.write_string(row, col, value).map(|_| ()),
    };
    result.map_err(|_| FileError::write_failed())
}

/// Column widths from the longest cell (a CJK character is two wide), the header frozen.
pub(crate) fn finish_sheet(sheet: &mut Worksheet, widths: &[usize]) -> Result<(), FileError> {
    for (c, w) in widths.iter().enumerate() {
        let width = (*w).clamp(6, 60) as f64 + 2.0;
        sheet.set_column_width(c as u16, width).map_err(|_| FileError::write_failed())?;
    }
    sheet.set_freeze_panes(1, 0).map_err(|_| FileError::write_failed())?;
    Ok(())
}

pub(crate) fn display_width(s: &str) -> usize {
    s.chars().take(100).map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 }).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defuses_what_a_spreadsheet_would_run() {
        for (cell, safe) in [
            ("=1+1", "'=1+1"),
            ("+cmd", "'+cmd"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\rx", "'\rx"),
            ("  =1", "'  =1"),
            ("\u{3000}＝1", "'\u{3000}＝1"),
            ("＋1", "'＋1"),
            ("－1", "'－1"),
            ("＠x", "'＠x"),
            ("a\0b", "ab"),
            ("=\0x", "'=x"),
            ("-3.5", "-3.5"),
            ("+8", "+8"),
            ("培训", "培训"),
            ("a=b", "a=b"),
        ] {
            assert_eq!(defuse(cell), safe, "{cell:?}");
        }
    }
}

//! One cell as either format gives it, and its reading as text, number, whole number,
//! flag, date or choice. Each reading says what is wrong rather than guessing.

use crate::aliases::{NO, YES};
use crate::error::Problem;
use crate::schema::ChoiceSet;
use crate::text::{clean, key};
use chrono::{Days, NaiveDate};
use std::borrow::Cow;

/// A spreadsheet cell holds at most this many characters; more is not a value anyone typed.
const MAX_CELL_CHARS: usize = 32_767;
/// Beyond this a number cell has lost digits (spreadsheets keep 15 significant ones).
const EXACT_DIGITS_LIMIT: f64 = 1e15;
/// Integers beyond this are not exact in a JSON number (2^53).
const MAX_EXACT_INT: f64 = 9_007_199_254_740_992.0;
/// The last day a spreadsheet date serial can name (9999-12-31).
const MAX_SERIAL: f64 = 2_958_465.0;

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell<'a> {
    Empty,
    Text(&'a str),
    Number(f64),
    Bool(bool),
    /// A cell formatted as a date: the day it shows (`None`: no such day, e.g. the
    /// 1900-02-29 that spreadsheets invented), and its serial number.
    Date(Option<NaiveDate>, f64),
    /// A spreadsheet error value such as `#N/A`.
    Error(String),
}

impl Cell<'_> {
    pub(crate) fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => clean(s).is_empty(),
            _ => false,
        }
    }
}

/// How a whole number reads as text: no ".0"; other numbers in their shortest form.
pub(crate) fn number_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < EXACT_DIGITS_LIMIT {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// A large number as a spreadsheet keeps it: 15 significant digits, then zeros.
fn fifteen_digits(x: f64) -> String {
    let s = format!("{:.14e}", x.abs());
    let Some((mantissa, exp)) = s.split_once('e') else { return format!("{x}") };
    let Ok(exp) = exp.parse::<usize>() else { return format!("{x}") };
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let zeros = "0".repeat((exp + 1).saturating_sub(digits.len()).min(400));
    format!("{}{digits}{zeros}", if x < 0.0 { "-" } else { "" })
}

pub(crate) fn ymd(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// The cell as text, trimmed but otherwise as written (a title keeps its full-width
/// punctuation); `None` when blank.
pub(crate) fn text<'c>(cell: &'c Cell<'_>) -> Result<Option<Cow<'c, str>>, Problem> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Text(s) => {
            let s = Cow::Borrowed(s.trim_matches(crate::text::is_blank));
            if s.len() > MAX_CELL_CHARS && s.chars().count() > MAX_CELL_CHARS {
                return Err(Problem::TooLong);
            }
            Ok(if s.is_empty() { None } else { Some(s) })
        }
        Cell::Number(x) if x.abs() >= EXACT_DIGITS_LIMIT => Err(Problem::LongNumber(fifteen_digits(*x))),
        Cell::Number(x) => Ok(Some(Cow::Owned(number_text(*x)))),
        Cell::Bool(b) => Ok(Some(Cow::Borrowed(if *b { "TRUE" } else { "FALSE" }))),
        Cell::Date(Some(d), _) => Ok(Some(Cow::Owned(ymd(*d)))),
        Cell::Date(None, x) => Ok(Some(Cow::Owned(number_text(*x)))),
        Cell::Error(e) => Err(Problem::SpreadsheetError(e.clone())),
    }
}

/// What a cell that is not blank shows, for quoting in a message.
fn shown(cell: &Cell<'_>) -> String {
    match text(cell) {
        Ok(Some(s)) => s.into_owned(),
        _ => String::new(),
    }
}

/// A decimal number as people write it: optional sign, digits, optional fraction.
fn is_decimal(s: &str) -> bool {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    !(int.is_empty() && frac.is_empty()) && int.bytes().all(|b| b.is_ascii_digit()) && frac.bytes().all(|b| b.is_ascii_digit())
}

fn parse_decimal(raw: &str, units: &[&str]) -> Result<f64, Problem> {
    let s = clean(raw);
    let body = units.iter().find_map(|u| s.strip_suffix(u)).unwrap_or(&s).trim_end_matches(crate::text::is_blank);
    if !is_decimal(body) {
        return Err(Problem::NotNumber(raw.to_owned()));
    }
    match body.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        _ => Err(Problem::TooLarge(raw.to_owned())),
    }
}

/// A number; text may carry one of the column's units (`8学时`).
pub(crate) fn number(cell: &Cell<'_>, units: &[&str]) -> Result<f64, Problem> {
    match cell {
        Cell::Number(x) if x.is_finite() => Ok(*x),
        Cell::Text(s) => parse_decimal(s, units),
        Cell::Date(..) => Err(Problem::DateNotNumber),
        Cell::Error(e) => Err(Problem::SpreadsheetError(e.clone())),
        other => Err(Problem::NotNumber(shown(other))),
    }
}

/// A whole number (a spreadsheet's 3.0000000001 from a formula counts as 3).
pub(crate) fn count(cell: &Cell<'_>, units: &[&str]) -> Result<i64, Problem> {
    let x = number(cell, units)?;
    let r = x.round();
    if (x - r).abs() > 1e-9 {
        return Err(Problem::NotWhole(shown(cell)));
    }
    if r.abs() > MAX_EXACT_INT {
        return Err(Problem::TooLarge(shown(cell)));
    }
    Ok(r as i64)
}

pub(crate) fn flag(cell: &Cell<'_>) -> Result<bool, Problem> {
    match cell {
        Cell::Bool(b) => Ok(*b),
        Cell::Number(x) if *x == 1.0 => Ok(true),
        Cell::Number(x) if *x == 0.0 => Ok(false),
        Cell::Text(s) => {
            let k = key(s);
            if YES.contains(&k.as_str()) {
                Ok(true)
            } else if NO.contains(&k.as_str()) {
                Ok(false)
            } else {
                Err(Problem::NotFlag((*s).to_owned()))
            }
        }
        Cell::Error(e) => Err(Problem::SpreadsheetError(e.clone())),
        other => Err(Problem::NotFlag(shown(other))),
    }
}

pub(crate) fn choice<'s>(cell: &Cell<'_>, set: &'s ChoiceSet) -> Result<&'s str, Problem> {
    let shown = text(cell)?.unwrap_or_default();
    set.get(&shown).ok_or_else(|| Problem::NotChoice(shown.into_owned(), set.en_list.clone(), set.zh_list.clone()))
}

/// A date: a date cell, a serial number, or text such as `2024-03-01`, `2024/3/1`,
/// `2024.3.1`, `2024年3月1日`, `20240301`, with or without a time after it.
pub(crate) fn date(cell: &Cell<'_>) -> Result<NaiveDate, Problem> {
    match cell {
        Cell::Date(Some(d), _) => Ok(*d),
        Cell::Date(None, x) => Err(Problem::NoSuchDay(number_text(*x))),
        Cell::Number(x) => serial_date(*x, &number_text(*x)),
        Cell::Text(s) => text_date(s),
        Cell::Error(e) => Err(Problem::SpreadsheetError(e.clone())),
        other => Err(Problem::NotDate(shown(other))),
    }
}

const DATE_FORMATS: &[&str] = &["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y年%m月%d号"];

fn text_date(raw: &str) -> Result<NaiveDate, Problem> {
    let s = clean(raw);
    let day: String = without_time(&s).chars().filter(|c| !crate::text::is_blank(*c)).collect();
    if is_decimal(&day) && !day.starts_with(['+', '-']) {
        if day.len() == 8 && !day.contains('.') {
            return NaiveDate::parse_from_str(&day, "%Y%m%d").map_err(|_| Problem::NotDate(raw.to_owned()));
        }
        let x = day.parse::<f64>().map_err(|_| Problem::NotDate(raw.to_owned()))?;
        return serial_date(x, raw);
    }
    // chrono's %Y takes any number of digits: `24/3/1` would be the year 24.
    let bytes = day.as_bytes();
    let year_first = bytes.len() > 4 && bytes.iter().take(4).all(u8::is_ascii_digit) && bytes.get(4).is_some_and(|b| !b.is_ascii_digit());
    if !year_first {
        return Err(Problem::NotDate(raw.to_owned()));
    }
    for f in DATE_FORMATS {
        if let Ok(d) = NaiveDate::parse_from_str(&day, f) {
            return Ok(d);
        }
    }
    // The shape of a date with numbers no calendar has (2024-02-30) says more than "not a date".
    let parts: Vec<&str> = day.split(|c: char| !c.is_ascii_digit()).filter(|p| !p.is_empty()).collect();
    if parts.len() == 3 && parts.first().is_some_and(|y| y.len() == 4) && parts.iter().skip(1).all(|p| p.len() <= 2) {
        return Err(Problem::NoSuchDay(raw.to_owned()));
    }
    Err(Problem::NotDate(raw.to_owned()))
}

/// The date part of "2024-03-01 08:30" or "2024-03-01T08:30:00".
fn without_time(s: &str) -> &str {
    match s.find(':') {
        Some(i) => s.get(..i).unwrap_or(s).trim_end_matches(|c: char| c.is_ascii_digit()).trim_end_matches([' ', 'T', 't']),
        None => s,
    }
}

/// A spreadsheet date serial (1900 date system): 1 is 1900-01-01, and 60 is the
/// 1900-02-29 that Lotus 1-2-3 invented and Excel kept, so serials after it are one day
/// off a plain count. Numbers from 1000 to 9999 (days in 1902–1927) are not taken as
/// serials: they are a year (`2024`) or a year and month (`2024.3`).
fn serial_date(x: f64, raw: &str) -> Result<NaiveDate, Problem> {
    let days = x.floor();
    if (1000.0..10000.0).contains(&x) {
        return Err(if x.fract() == 0.0 { Problem::YearOnly(raw.to_owned()) } else { Problem::NotDate(raw.to_owned()) });
    }
    if !(1.0..=MAX_SERIAL).contains(&days) {
        return Err(Problem::NotDate(raw.to_owned()));
    }
    if days == 60.0 {
        return Err(Problem::NoSuchDay(raw.to_owned()));
    }
    let (base, offset) = if days < 60.0 { ((1899, 12, 31), days) } else { ((1899, 12, 30), days) };
    NaiveDate::from_ymd_opt(base.0, base.1, base.2)
        .and_then(|b| b.checked_add_days(Days::new(offset as u64)))
        .ok_or_else(|| Problem::NotDate(raw.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Result<String, Problem> {
        date(&Cell::Text(s)).map(ymd)
    }

    #[test]
    fn dates_people_write() {
        for s in [
            "2024-03-01",
            "2024/3/1",
            "2024.3.1",
            "2024年3月1日",
            "20240301",
            "２０２４－０３－０１",
            "2024-03-01 08:30",
            "2024/3/1 8:30:00",
            "2024-03-01T08:30:00Z",
            "45352",
        ] {
            assert_eq!(d(s).as_deref(), Ok("2024-03-01"), "{s}");
        }
        assert_eq!(d("2024"), Err(Problem::YearOnly("2024".into())));
        assert_eq!(d("2024.3"), Err(Problem::NotDate("2024.3".into())));
        assert_eq!(d("2024-02-30"), Err(Problem::NoSuchDay("2024-02-30".into())));
        assert_eq!(d("3/1/2024"), Err(Problem::NotDate("3/1/2024".into())));
        assert_eq!(d("24/3/1"), Err(Problem::NotDate("24/3/1".into())));
        assert_eq!(d("024-3-1"), Err(Problem::NotDate("024-3-1".into())));
        assert!(matches!(d("next week"), Err(Problem::NotDate(_))));
    }

    #[test]
    fn serials_around_the_invented_leap_day() {
        assert_eq!(serial_date(1.0, "1").map(ymd).as_deref(), Ok("1900-01-01"));
        assert_eq!(serial_date(59.0, "59").map(ymd).as_deref(), Ok("1900-02-28"));
        assert_eq!(serial_date(60.0, "60"), Err(Problem::NoSuchDay("60".into())));
        assert_eq!(serial_date(61.0, "61").map(ymd).as_deref(), Ok("1900-03-01"));
        assert_eq!(serial_date(45352.75, "x").map(ymd).as_deref(), Ok("2024-03-01"));
        assert!(serial_date(0.0, "0").is_err());
        assert!(serial_date(3e6, "3e6").is_err());
    }

    #[test]
    fn numbers_and_units() {
        assert_eq!(number(&Cell::Text("８.５学时"), &["学时"]), Ok(8.5));
        assert_eq!(number(&Cell::Text("8 学时"), &["学时"]), Ok(8.0));
        assert!(number(&Cell::Text("8小时"), &["学时"]).is_err());
        assert!(number(&Cell::Text("1e3"), &[]).is_err());
        assert!(number(&Cell::Text(&"9".repeat(400)), &[]).is_err());
        assert_eq!(count(&Cell::Number(3.0000000001), &[]), Ok(3));
        assert!(count(&Cell::Text("2.5"), &[]).is_err());
        assert_eq!(flag(&Cell::Text("是")), Ok(true));
        assert_eq!(flag(&Cell::Text("FALSE")), Ok(false));
        assert!(flag(&Cell::Text("maybe")).is_err());
    }
}

//! What can go wrong, in English and Chinese. Every message names the row and the column
//! (or says that the file as a whole is the problem) and quotes at most [`QUOTE_CHARS`]
//! characters of anything taken from the sheet.

use std::fmt;

/// How many characters of a value from the sheet a message quotes before "…".
pub const QUOTE_CHARS: usize = 40;

/// A bad cell (or, among warnings, a column or rows that were ignored).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellError {
    /// The row as the sheet shows it, 1-based (the header is row 1 unless title rows
    /// stand above it).
    pub row: usize,
    /// The column's header as written in the sheet (quoted like a value: at most
    /// [`QUOTE_CHARS`] characters); empty when the warning is about whole rows.
    pub column: String,
    /// English, naming the row and the column.
    pub en: String,
    /// Chinese, naming the row and the column.
    pub zh: String,
}

/// The file cannot be read (or read further): nothing about it is a cell's fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    /// Where reading stopped, when it stopped part-way through (a CSV file that turns out
    /// not to be UTF-8 further down); `None` when the file as a whole is the problem.
    pub row: Option<usize>,
    pub en: String,
    pub zh: String,
}

impl fmt::Display for CellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

impl std::error::Error for CellError {}
impl std::error::Error for FileError {}

/// At most [`QUOTE_CHARS`] characters of `s`, then "…"; control characters (a newline
/// inside a cell) shown as spaces so a message stays on one line.
pub(crate) fn quote(s: &str) -> String {
    let mut out: String = s.chars().take(QUOTE_CHARS).map(|c| if c.is_control() { ' ' } else { c }).collect();
    if s.chars().nth(QUOTE_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// What is wrong with a cell's value; [`Problem::at`] makes it a [`CellError`].
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Problem {
    Missing,
    MissingDate,
    NotNumber(String),
    TooLarge(String),
    NotWhole(String),
    NotDate(String),
    NoSuchDay(String),
    YearOnly(String),
    DateNotNumber,
    NotFlag(String),
    /// The value, then the accepted values in English and in Chinese.
    NotChoice(String, String, String),
    /// The value, then what the kind cell already says (its text).
    Contradicts(String, String),
    TooLong,
    LongNumber(String),
    SpreadsheetError(String),
    /// The end date, then the start date, as written.
    EndBeforeStart(String, String),
}

impl Problem {
    /// The error at a row and a column (the header as written).
    pub(crate) fn at(&self, row: usize, column: &str) -> CellError {
        let column = quote(column);
        let (en, zh) = self.texts();
        CellError { row, en: format!("row {row}, column \"{column}\": {en}"), zh: format!("第{row}行“{column}”列：{zh}"), column }
    }

    fn texts(&self) -> (String, String) {
        use Problem::*;
        match self {
            Missing => ("is empty; every row needs it".into(), "为空，每一行都必须填写".into()),
            MissingDate => ("is empty; give the date the activity was completed".into(), "为空，请填写完成日期".into()),
            NotNumber(v) => (format!("\"{}\" is not a number", quote(v)), format!("“{}”不是数字", quote(v))),
            TooLarge(v) => (format!("\"{}\" is too large", quote(v)), format!("“{}”太大", quote(v))),
            NotWhole(v) => (format!("\"{}\" is not a whole number", quote(v)), format!("“{}”不是整数", quote(v))),
            NotDate(v) => {
                (format!("\"{}\" is not a date; write it like 2024-03-01", quote(v)), format!("“{}”不是日期，请写成 2024-03-01 这样的格式", quote(v)))
            }
            NoSuchDay(v) => (format!("\"{}\" is not a day of the calendar", quote(v)), format!("“{}”这一天不存在", quote(v))),
            YearOnly(v) => (
                format!("\"{}\" is a year, not a date; write the whole date, like 2024-03-01", quote(v)),
                format!("“{}”只是年份，请填写完整日期，例如 2024-03-01", quote(v)),
            ),
            DateNotNumber => ("holds a date, not a number".into(), "是日期，不是数字".into()),
            NotFlag(v) => (format!("\"{}\" is neither yes nor no; write true or false, 1 or 0", quote(v)), format!("“{}”不是“是”或“否”", quote(v))),
            NotChoice(v, en, zh) => (format!("\"{}\" is not one of: {en}", quote(v)), format!("“{}”不是可选的值：{zh}", quote(v))),
            Contradicts(v, kind) => {
                (format!("\"{}\" contradicts the kind \"{}\"", quote(v), quote(kind)), format!("“{}”与类型“{}”不符", quote(v), quote(kind)))
            }
            TooLong => {
                ("holds more than 32,767 characters, more than a spreadsheet cell can".into(), "超过 32767 个字符，超出电子表格单元格的上限".into())
            }
            LongNumber(v) => (
                format!("\"{}\" is a number with more digits than a spreadsheet keeps (15); format the column as text and type it again", quote(v)),
                format!("“{}”是超过 15 位的数字，电子表格已丢失其末尾几位：请把这一列设为文本格式后重新填写", quote(v)),
            ),
            SpreadsheetError(v) => (format!("shows the spreadsheet error {}", quote(v)), format!("显示电子表格错误“{}”", quote(v))),
            EndBeforeStart(end, start) => (
                format!("\"{}\" is before the start date \"{}\"", quote(end), quote(start)),
                format!("“{}”早于开始日期“{}”", quote(end), quote(start)),
            ),
        }
    }
}

/// Column-level and row-level warnings: the reading goes on.
pub(crate) fn unknown_column(row: usize, column: &str) -> CellError {
    let c = quote(column);
    CellError {
        row,
        en: format!("row {row}, column \"{c}\": not a column this reader knows; it is ignored"),
        zh: format!("第{row}行“{c}”列：不认识的列，已忽略"),
        column: c,
    }
}

/// Several columns give the same thing (e.g. 工号 and 证件号码 both name the person).
pub(crate) fn duplicate_columns(row: usize, columns: &[&str], en_name: &str, zh_name: &str) -> CellError {
    let en_list = columns.iter().map(|c| format!("\"{}\"", quote(c))).collect::<Vec<_>>().join(", ");
    let zh_list = columns.iter().map(|c| format!("“{}”", quote(c))).collect::<Vec<_>>().join("、");
    CellError {
        row,
        column: columns.get(1).map(|c| quote(c)).unwrap_or_default(),
        en: format!("row {row}: columns {en_list} all give the {en_name}; each row uses the first of them that is filled"),
        zh: format!("第{row}行：{zh_list}这几列都表示{zh_name}，每行取其中第一个有值的列"),
    }
}

pub(crate) fn rows_above_header(header_row: usize) -> CellError {
    let last = header_row.saturating_sub(1);
    CellError {
        row: 1,
        column: String::new(),
        en: format!("rows 1 to {last}, above the header row {header_row}, were skipped"),
        zh: format!("表头（第{header_row}行）上方的第1至{last}行已跳过"),
    }
}

impl FileError {
    fn new(en: impl Into<String>, zh: impl Into<String>) -> FileError {
        FileError { row: None, en: en.into(), zh: zh.into() }
    }

    pub(crate) fn empty() -> FileError {
        FileError::new("the file is empty: it has no header row", "文件是空的，没有表头行")
    }

    pub(crate) fn not_utf8(row: Option<usize>) -> FileError {
        let (at_en, at_zh) = match row {
            Some(r) => (format!(" (row {r})"), format!("（第{r}行）")),
            None => (String::new(), String::new()),
        };
        FileError {
            row,
            en: format!("the file is not UTF-8 text{at_en}: in Excel or WPS choose Save As, \"CSV UTF-8 (Comma delimited)\", and use that file"),
            zh: format!("文件不是 UTF-8 编码{at_zh}：请在 Excel 或 WPS 中“另存为”，选择“CSV UTF-8（逗号分隔）”格式，再使用另存的文件"),
        }
    }

    pub(crate) fn utf16() -> FileError {
        FileError::new(
            "the file is UTF-16 text (\"Unicode Text\"): save it as \"CSV UTF-8 (Comma delimited)\" instead",
            "文件是 UTF-16 编码的文本（“Unicode 文本”）：请改为另存为“CSV UTF-8（逗号分隔）”格式",
        )
    }

    pub(crate) fn old_workbook() -> FileError {
        FileError::new(
            "this is an old .xls workbook or a password-protected one: open it and save it as an .xlsx workbook without a password",
            "这是旧版 .xls 工作簿或设置了密码的工作簿：请打开后另存为不设密码的 .xlsx 工作簿",
        )
    }

    pub(crate) fn markup() -> FileError {
        FileError::new(
            "this is a web page or XML file, not CSV or .xlsx (some systems export tables that way): open it in Excel or WPS and save it as an .xlsx workbook",
            "这是网页或 XML 文件，不是 CSV 或 .xlsx 文件（有的系统这样导出表格）：请用 Excel 或 WPS 打开后另存为 .xlsx 工作簿",
        )
    }

    pub(crate) fn binary() -> FileError {
        FileError::new("this is neither a CSV file nor an .xlsx workbook", "这既不是 CSV 文件，也不是 .xlsx 工作簿")
    }

    pub(crate) fn not_workbook() -> FileError {
        FileError::new(
            "the file is a ZIP archive but not an .xlsx workbook (it may be damaged, or another format such as .ods or .docx)",
            "文件是 ZIP 压缩包，但不是 .xlsx 工作簿（可能已损坏，或是 .ods、.docx 等其他格式）",
        )
    }

    pub(crate) fn no_worksheet() -> FileError {
        FileError::new("the workbook has no worksheet", "工作簿中没有工作表")
    }

    pub(crate) fn unreadable(row: Option<usize>) -> FileError {
        FileError { row, ..FileError::new("the file could not be read to the end", "文件无法完整读取") }
    }

    /// `en` and `zh` list the missing columns, e.g. `person, kind` and `人员编号、类型`.
    pub(crate) fn missing_columns(row: usize, en: &str, zh: &str) -> FileError {
        FileError {
            row: Some(row),
            en: format!("row {row}, the header row, has no column for: {en} (the template shows the headers)"),
            zh: format!("表头（第{row}行）缺少以下列：{zh}（表头写法见模板）"),
        }
    }

    pub(crate) fn too_many_rows() -> FileError {
        FileError::new("more than 1,048,576 rows, the most a worksheet holds", "超过 1048576 行，超出工作表的上限")
    }

    pub(crate) fn cell_too_long(row: usize, column: usize) -> FileError {
        FileError {
            row: Some(row),
            en: format!("row {row}, column {column}: more than 32,767 characters, more than a spreadsheet cell holds"),
            zh: format!("第{row}行第{column}列：超过 32767 个字符，超出电子表格单元格的上限"),
        }
    }

    pub(crate) fn write_failed() -> FileError {
        FileError::new("the workbook could not be written", "无法生成工作簿")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_cuts_at_forty_characters() {
        let long = "学".repeat(41);
        assert_eq!(quote(&long), format!("{}…", "学".repeat(40)));
        assert_eq!(quote(&"a".repeat(40)), "a".repeat(40));
        assert_eq!(quote("a\nb"), "a b");
    }
}

//! Reading .xlsx: the cells a spreadsheet program really writes (numbers, date cells,
//! booleans, error values, merged cells), and files that are no workbook.

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, XlsxError};
use serde_json::json;
use std::io::Write;
use xueshi_table::{read, FileError, Format as TableFormat, Options, Table};

fn table(bytes: &[u8]) -> Table {
    match read(bytes, &Options::default()) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    }
}

fn file_error(bytes: &[u8]) -> FileError {
    match read(bytes, &Options::default()) {
        Ok(t) => panic!("read {} rows", t.rows.len()),
        Err(e) => e,
    }
}

/// A portal-style export: a merged title row, Chinese headers in row 2, the person's
/// number and name merged down over their rows, real date cells, numbers, booleans.
fn portal_export() -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let hidden = book.add_worksheet();
    hidden.set_name("代码表")?.set_hidden(true);
    hidden.write_string(0, 0, "not this sheet")?;
    let sheet = book.add_worksheet();
    let plain = Format::new();
    let date = Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    sheet.merge_range(0, 0, 0, 7, "2024年度专业技术人员继续教育学时登记表", &plain)?;
    for (c, h) in ["人员编号", "姓名", "学习形式", "取得日期", "学时", "宣读论文", "级别", "作者人数"].iter().enumerate() {
        sheet.write_string(1, c as u16, *h)?;
    }
    sheet.merge_range(2, 0, 4, 0, "1001", &plain)?;
    sheet.merge_range(2, 1, 4, 1, "张三", &plain)?;
    sheet.write_string(2, 2, "培训")?;
    sheet.write_datetime_with_format(2, 3, &ExcelDateTime::from_ymd(2024, 3, 1)?, &date)?;
    sheet.write_number(2, 4, 8.0)?;
    sheet.write_string(3, 2, "学术会议")?;
    sheet.write_number(3, 3, 45352.0)?; // a date serial in a General cell
    sheet.write_number(3, 4, 7.5)?;
    sheet.write_boolean(3, 5, true)?;
    sheet.write_string(3, 6, "国家级")?;
    sheet.write_string(4, 2, "论文")?;
    sheet.write_datetime_with_format(4, 3, &ExcelDateTime::from_ymd(2024, 2, 29)?, &date)?;
    sheet.write_number(4, 7, 3.0)?;
    // A person number typed as a number: 18 digits, the last three already lost.
    sheet.write_number(5, 0, 650_102_199_001_011_234.0)?;
    sheet.write_string(5, 2, "其他")?;
    sheet.write_string(5, 3, "2024-05-01")?;
    sheet.write_formula(5, 4, Formula::new("=NA()").set_result("#N/A"))?;
    sheet.write_number(6, 0, 1002.0)?;
    sheet.write_string(6, 2, "其他")?;
    sheet.write_number(6, 3, 59.0)?; // 1900-02-28, before the invented leap day
    sheet.write_number(6, 4, 1.0)?;
    sheet.write_number(7, 0, 1002.0)?;
    sheet.write_string(7, 2, "其他")?;
    sheet.write_number(7, 3, 60.0)?; // 1900-02-29, which never was
    sheet.write_number(7, 4, 1.0)?;
    sheet.set_active(true);
    book.save_to_buffer()
}

#[test]
fn a_portal_export() {
    let bytes = portal_export().expect("workbook");
    let t = table(&bytes);
    assert_eq!(t.format, TableFormat::Xlsx);
    assert_eq!(t.header_row, 2);
    let a = |i: usize| t.rows[i].activity_json();
    assert_eq!(t.rows.iter().map(|r| (r.row, r.person.as_str())).collect::<Vec<_>>(), vec![(3, "1001"), (4, "1001"), (5, "1001"), (7, "1002")]);
    assert_eq!(t.rows[1].name.as_deref(), Some("张三"));
    assert_eq!(a(0), json!({"id": "row-3", "kind": "training", "date": "2024-03-01", "hours": 8}));
    assert_eq!(a(1), json!({"id": "row-4", "kind": "conference", "date": "2024-03-01", "hours": 7.5, "presentedPaper": true, "level": "national"}));
    assert_eq!(a(2), json!({"id": "row-5", "kind": "paper", "date": "2024-02-29", "authors": 3}));
    assert_eq!(a(3)["date"], "1900-02-28");
    let errors: Vec<(usize, &str, &str)> = t.errors.iter().map(|e| (e.row, e.column.as_str(), e.zh.as_str())).collect();
    assert_eq!(
        errors,
        vec![
            (6, "人员编号", "第6行“人员编号”列：“650102199001011000”是超过 15 位的数字，电子表格已丢失其末尾几位：请把这一列设为文本格式后重新填写"),
            (6, "学时", "第6行“学时”列：显示电子表格错误“#N/A”"),
            (8, "取得日期", "第8行“取得日期”列：“60”这一天不存在"),
        ]
    );
}

#[test]
fn a_zip_that_is_not_a_workbook() {
    let mut zipped = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut zipped);
        zip.start_file("readme.txt", zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored)).expect("zip");
        zip.write_all(b"hello").expect("zip");
        zip.finish().expect("zip");
    }
    let e = file_error(zipped.get_ref());
    assert_eq!(e.en, "the file is a ZIP archive but not an .xlsx workbook (it may be damaged, or another format such as .ods or .docx)");
    assert_eq!(file_error(b"PK\x03\x04 and then nothing a zip has").zh, e.zh);
    // A real workbook cut in half.
    let bytes = portal_export().expect("workbook");
    assert_eq!(file_error(&bytes[..bytes.len() / 2]).zh, e.zh);
}

#[test]
fn a_workbook_without_the_required_columns() {
    let mut book = Workbook::new();
    book.add_worksheet().write_string(0, 0, "hello").expect("cell");
    let e = file_error(&book.save_to_buffer().expect("workbook"));
    assert!(e.en.starts_with("row 1, the header row, has no column for: person, kind, date"), "{}", e.en);
    let mut book = Workbook::new();
    book.add_worksheet();
    assert_eq!(file_error(&book.save_to_buffer().expect("workbook")).en, "the file is empty: it has no header row");
}

/// A workbook in the 1904 date system (old Mac Excel): rust_xlsxwriter writes only 1900,
/// so the flag is set in the workbook part afterwards.
fn workbook_1904(serial: f64) -> Vec<u8> {
    use std::io::Read;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["person", "kind", "date"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).expect("cell");
    }
    sheet.write_string(1, 0, "p").expect("cell");
    sheet.write_string(1, 1, "other").expect("cell");
    sheet.write_number_with_format(1, 2, serial, &Format::new().set_num_format("yyyy-mm-dd")).expect("cell");
    let bytes = book.save_to_buffer().expect("workbook");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("entry");
        let name = file.name().expect("name").to_string();
        let mut content = String::new();
        file.read_to_string(&mut content).expect("text");
        if name == "xl/workbook.xml" {
            content = content.replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1);
        }
        zip.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).expect("zip");
        zip.write_all(content.as_bytes()).expect("zip");
    }
    zip.finish().expect("zip");
    out.into_inner()
}

#[test]
fn date_cells_of_the_1904_date_system() {
    // 2024-03-01 is 43890 days after 1904-01-01 (45352 in the 1900 system).
    let t = table(&workbook_1904(43890.0));
    assert_eq!(t.rows[0].get("date").and_then(|d| d.as_str()), Some("2024-03-01"));
}

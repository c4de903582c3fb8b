//! Reading CSV: formats people produce, Chinese headers and values, and every bad cell.

use serde_json::json;
use xueshi_table::{open, read, CellError, FileError, Format, Options, Record, Table};

fn table(text: &str) -> Table {
    match read(text.as_bytes(), &Options::default()) {
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

fn rows_and_errors(t: &Table) -> (Vec<usize>, Vec<(usize, String)>) {
    (t.rows.iter().map(|r| r.row).collect(), t.errors.iter().map(|e| (e.row, e.column.clone())).collect())
}

#[test]
fn english_headers_give_contract_activities() {
    let t = table(
        "person,name,kind,date,title,hours,subject,id\n\
         p1,Zhang San,training,2024-03-01,Course,8,public,a1\n\
         p1,Zhang San,paper,2024-05-02,On hours,,,\n",
    );
    assert_eq!(t.format, Format::Csv);
    assert!(t.errors.is_empty() && t.warnings.is_empty(), "{:?} {:?}", t.errors, t.warnings);
    let a = &t.rows[0];
    assert_eq!((a.row, a.person.as_str(), a.name.as_deref()), (2, "p1", Some("Zhang San")));
    assert_eq!(a.activity_json(), json!({"id": "a1", "kind": "training", "date": "2024-03-01", "title": "Course", "hours": 8, "subject": "public"}));
    assert_eq!(a.activity.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(), ["id", "kind", "date", "title", "hours", "subject"]);
    assert_eq!(t.rows[1].activity_json()["id"], "row-3");
    assert_eq!(t.rows[1].get("hours"), None);
}

#[test]
fn chinese_headers_and_values() {
    let t = table(
        "工号,姓名,学习形式,完成日期,项目名称,学时数,科目类别,级别,刊物级别,作者人数,会议论文,宣读论文,原因,月数,证明材料,脱产方式,补学年度\n\
         0012,张三,培训,2024年3月1日,公需课程,８学时,公需,,,,,,,,培训证书,半脱产,2023年\n\
         0012,张三,论文,2024/3/2,某论文,,,,国家级,3人,否,,,,,,\n\
         0012,张三,学术会议,2024.3.3,年会,,,自治区级,,,,是,,,,,\n\
         0012,张三,病假,2024-12-31,,,,,,,,,,3个月,,,\n\
         0012,张三,援派,2024-12-31,,,,,,,,,,6,,,\n",
    );
    assert!(t.errors.is_empty(), "{:?}", t.errors);
    let get = |i: usize| t.rows[i].activity_json();
    assert_eq!(t.rows[0].person, "0012");
    assert_eq!(t.rows[0].evidence.as_deref(), Some("培训证书"));
    assert_eq!(
        get(0),
        json!({"id": "row-2", "kind": "training", "date": "2024-03-01", "title": "公需课程", "hours": 8, "subject": "public", "studyMode": "partTime", "makeUpFor": 2023})
    );
    assert_eq!(
        get(1),
        json!({"id": "row-3", "kind": "paper", "date": "2024-03-02", "title": "某论文", "venue": "national", "authors": 3, "conferencePaper": false})
    );
    assert_eq!(
        get(2),
        json!({"id": "row-4", "kind": "conference", "date": "2024-03-03", "title": "年会", "level": "provincial", "presentedPaper": true})
    );
    assert_eq!(get(3), json!({"id": "row-5", "kind": "leave", "date": "2024-12-31", "reason": "sickness", "months": 3}));
    assert_eq!(get(4), json!({"id": "row-6", "kind": "assignment", "date": "2024-12-31", "months": 6}));
}

#[test]
fn headers_and_values_in_any_width_and_case() {
    let t = table("ＰＥＲＳＯＮ, Kind ,Date,Study_Years,level\n　p1　,DEGREE,２０２４－０６－３０,３,Master\n");
    assert!(t.errors.is_empty(), "{:?}", t.errors);
    assert_eq!(t.rows[0].person, "p1");
    assert_eq!(t.rows[0].activity_json()["studyYears"], 3);
    assert_eq!(t.rows[0].activity_json()["kind"], "degree");
    assert_eq!(t.rows[0].activity_json()["level"], "master");
}

#[test]
fn bom_crlf_quotes_and_empty_rows_keep_sheet_row_numbers() {
    let text = "\u{FEFF}person,kind,date,title\r\n\
                \r\n\
                p1,training,2024-03-01,\"Course, with a comma\"\r\n\
                p1,training,2024-03-02,\"Two\r\nlines, and \"\"quotes\"\"\"\r\n\
                ,,,\r\n\
                \r\n\
                p1,training,bad,x\r\n\
                p2,other,2024-03-04,last";
    let t = table(text);
    assert_eq!(t.rows[0].activity_json()["title"], "Course, with a comma");
    assert_eq!(t.rows[1].activity_json()["title"], "Two\r\nlines, and \"quotes\"");
    // Sheet rows: header 1, blank 2, 3, 4 (two lines, one row), blank 5 and 6, bad 7, 8.
    assert_eq!(rows_and_errors(&t), (vec![3, 4, 8], vec![(7, "date".to_owned())]));
}

#[test]
fn lf_files_and_tab_separated_text() {
    let t = table("person\tkind\tdate\np1\ttraining\t2024-03-01\n\np2\ttraining\t2024-03-02");
    assert_eq!(t.rows.iter().map(|r| (r.row, r.person.as_str())).collect::<Vec<_>>(), vec![(2, "p1"), (4, "p2")]);
}

#[test]
fn dates_as_spreadsheets_export_them() {
    let t = table(
        "person,kind,date\n\
         p,other,2024/3/1\n\
         p,other,45352\n\
         p,other,45352.5\n\
         p,other,2024-03-01 08:30:00\n\
         p,other,20240301\n\
         p,other,2024年03月01日\n",
    );
    assert!(t.errors.is_empty(), "{:?}", t.errors);
    assert!(t.rows.iter().all(|r| r.activity_json()["date"] == "2024-03-01"));
    let bad = table("person,kind,date\np,other,2024\np,other,2024-02-30\np,other,3/1/2024\np,other,60\n");
    let zh: Vec<&str> = bad.errors.iter().map(|e| e.zh.as_str()).collect();
    assert_eq!(
        zh,
        vec![
            "第2行“date”列：“2024”只是年份，请填写完整日期，例如 2024-03-01",
            "第3行“date”列：“2024-02-30”这一天不存在",
            "第4行“date”列：“3/1/2024”不是日期，请写成 2024-03-01 这样的格式",
            "第5行“date”列：“60”这一天不存在",
        ]
    );
}

#[test]
fn start_and_end_give_the_date_and_days() {
    let t = table(
        "人员编号,类型,开始时间,结束时间,学时,天数\n\
         p,培训,2024-03-01 08:30,2024-03-03 17:00,,\n\
         p,培训,2024-03-01,2024-03-03,16,\n\
         p,论文,2024-03-01,2024-03-03,,\n\
         p,培训,2024-03-05,2024-03-01,,\n\
         p,培训,2024-03-05,,,\n",
    );
    let a = |i: usize| t.rows[i].activity_json();
    assert_eq!(a(0), json!({"id": "row-2", "kind": "training", "date": "2024-03-03", "days": 3}));
    assert_eq!(a(1), json!({"id": "row-3", "kind": "training", "date": "2024-03-03", "hours": 16}));
    // Papers take no time: the span gives only the date.
    assert_eq!(a(2), json!({"id": "row-4", "kind": "paper", "date": "2024-03-03"}));
    let errors: Vec<String> = t.errors.iter().map(|e| e.en.clone()).collect();
    assert_eq!(
        errors,
        vec![
            "row 5, column \"结束时间\": \"2024-03-01\" is before the start date \"2024-03-05\"",
            "row 6, column \"结束时间\": is empty; give the date the activity was completed",
        ]
    );
}

#[test]
fn a_thousand_bad_rows_among_good_ones() {
    let mut text = String::from("person,kind,date,hours,authors,presentedPaper\n");
    let mut bad_rows = Vec::new();
    for i in 0..3000 {
        let row = i + 2;
        match i % 3 {
            0 => {
                bad_rows.push(row);
                match i % 4 {
                    0 => text.push_str(&format!("p{i},training,2024-13-01,x,,\n")),
                    1 => text.push_str(",seminar,2024-01-01,8,,\n"),
                    2 => text.push_str(&format!("p{i},paper,2024-01-01,,2.5,\n")),
                    _ => text.push_str(&format!("p{i},conference,2024-01-01,8,,maybe\n")),
                }
            }
            _ => text.push_str(&format!("p{i},training,2024-01-01,{},,\n", i % 40)),
        }
    }
    let t = table(&text);
    assert_eq!(t.rows.len(), 2000);
    let mut error_rows: Vec<usize> = t.errors.iter().map(|e| e.row).collect();
    error_rows.dedup();
    assert_eq!(error_rows, bad_rows);
    // Rows with two bad cells report both.
    assert!(t.errors.iter().filter(|e| e.row == 2).count() == 2, "{:?}", &t.errors[..2]);
    assert_eq!(t.errors.iter().filter(|e| e.row == 11).map(|e| e.column.as_str()).collect::<Vec<_>>(), vec!["person", "kind"]);
}

#[test]
fn every_message_names_row_and_column_and_quotes_forty_characters() {
    let long = "无".repeat(100);
    let t = table(&format!("person,kind,date,hours\np,training,2024-01-01,{long}\n"));
    let e: &CellError = &t.errors[0];
    assert_eq!((e.row, e.column.as_str()), (2, "hours"));
    assert_eq!(e.zh, format!("第2行“hours”列：“{}…”不是数字", "无".repeat(40)));
    assert_eq!(e.en, format!("row 2, column \"hours\": \"{}…\" is not a number", "无".repeat(40)));
}

#[test]
fn huge_cells() {
    let title = "题".repeat(20_000);
    let too_long = "x".repeat(40_000);
    let ignored = "y".repeat(1_000_000);
    let text = format!(
        "person,kind,date,title,序号\n\
         p,other,2024-01-01,{title},{ignored}\n\
         p,other,2024-01-01,{too_long},1\n\
         p,other,2024-01-01,ok,{ignored}\n"
    );
    let t = table(&text);
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[0].activity_json()["title"].as_str().map(|s| s.chars().count()), Some(20_000));
    assert_eq!(t.errors.len(), 1);
    assert!(t.errors[0].en.starts_with("row 3, column \"title\": holds more than 32,767"), "{}", t.errors[0].en);
    assert_eq!(t.warnings.len(), 1);
}

#[test]
fn unknown_columns_are_warned_about_once_and_ignored() {
    let t = table("序号,person,kind,date,备注,hour\n1,p,other,2024-01-01,a,8\n2,p,other,2024-01-02,b,9\n");
    assert_eq!(t.rows.len(), 2);
    let warned: Vec<(usize, &str)> = t.warnings.iter().map(|w| (w.row, w.column.as_str())).collect();
    assert_eq!(warned, vec![(1, "序号"), (1, "备注"), (1, "hour")]);
    assert_eq!(t.warnings[0].zh, "第1行“序号”列：不认识的列，已忽略");
}

#[test]
fn several_columns_for_one_thing_take_the_first_filled() {
    let t = table("工号,证件号码,kind,日期,完成日期\nA1,650100,other,,2024-01-02\n,650101,other,2024-01-03,\n");
    assert_eq!(t.rows.iter().map(|r| r.person.as_str()).collect::<Vec<_>>(), vec!["A1", "650101"]);
    assert_eq!(t.rows.iter().map(|r| r.get("date").and_then(|d| d.as_str())).collect::<Vec<_>>(), vec![Some("2024-01-02"), Some("2024-01-03")]);
    assert_eq!(t.warnings.len(), 2);
    assert!(t.warnings[0].en.contains("\"工号\", \"证件号码\""), "{}", t.warnings[0].en);
}

#[test]
fn a_title_row_above_the_header() {
    let t = table("2024年度继续教育学时登记表,,\n\n人员编号,类型,日期\np,其他,2024-01-01\n");
    assert_eq!(t.header_row, 3);
    assert_eq!(t.rows[0].row, 4);
    assert_eq!(t.warnings.len(), 1);
}

#[test]
fn missing_required_columns_are_one_file_error() {
    let e = file_error(b"person,date,hours\np,2024-01-01,8\n");
    assert_eq!(e.en, "row 1, the header row, has no column for: kind (the template shows the headers)");
    assert_eq!(e.zh, "表头（第1行）缺少以下列：类型（表头写法见模板）");
    let e = file_error("姓名,类型\n张三,培训\n".as_bytes());
    assert_eq!(e.zh, "表头（第1行）缺少以下列：人员编号、日期（或结束时间）（表头写法见模板）");
    assert_eq!(file_error(b"").zh, "文件是空的，没有表头行");
    assert_eq!(file_error(b"\xEF\xBB\xBF\r\n").row, None);
}

#[test]
fn kind_alias_and_its_column_must_agree() {
    let t = table("person,kind,date,reason,months\np,病假,2024-12-31,产假,2\np,产假,2024-12-31,maternity,2\n");
    assert_eq!(t.rows.len(), 1);
    assert_eq!(t.errors[0].zh, "第2行“reason”列：“产假”与类型“病假”不符");
}

#[test]
fn unknown_kinds_and_choices_list_what_is_accepted() {
    let t = table("person,kind,date,level\np,seminar,2024-01-01,\np,training,2024-01-01,世界级\n");
    assert!(t.errors[0].en.starts_with("row 2, column \"kind\": \"seminar\" is not one of: training, advancedSeminar,"));
    assert!(t.errors[0].zh.starts_with("第2行“kind”列：“seminar”不是可选的值：“培训”、“高级研修”"));
    assert!(t.errors[1].zh.contains("“国家级”、“省级”"), "{}", t.errors[1].zh);
}

#[test]
fn non_utf8_csv_is_one_file_error() {
    let (gbk, _, _) = encoding_rs::GBK.encode("人员编号,类型,日期\n1001,培训,2024-01-01\n");
    let e = file_error(&gbk);
    assert_eq!(e.row, None);
    assert!(e.zh.contains("“CSV UTF-8（逗号分隔）”"), "{}", e.zh);
    assert!(e.en.contains("\"CSV UTF-8 (Comma delimited)\""), "{}", e.en);
    // English headers, Chinese further down: the rows before it were read, then it stops.
    let mut text = b"person,kind,date,title\n".to_vec();
    for _ in 0..2000 {
        text.extend_from_slice(b"p,other,2024-01-01,ok\n");
    }
    text.extend_from_slice(&encoding_rs::GBK.encode("p,other,2024-01-01,中文\n").0);
    let mut rows = open(&text[..], &Options::default()).expect("header");
    let read: Vec<_> = rows.by_ref().collect();
    assert_eq!(read.iter().filter(|r| matches!(r, Ok(Record::Row(_)))).count(), 2000);
    assert_eq!(read.last().and_then(|r| r.as_ref().err()).and_then(|e| e.row), Some(2002));
    assert!(rows.next().is_none());
}

#[test]
fn files_that_are_not_tables() {
    let mut random = Vec::new();
    let mut x: u32 = 12345;
    for _ in 0..5000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        random.push((x >> 16) as u8);
    }
    assert_eq!(file_error(&random).en, "this is neither a CSV file nor an .xlsx workbook");
    assert!(file_error(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest").en.contains(".xls"));
    assert!(file_error(b"\xFF\xFEp\0e\0").en.contains("UTF-16"));
    assert!(file_error(b"<html><table><tr><td>1</td></tr></table></html>").en.contains("web page"));
}

#[test]
fn streaming_reads_rows_one_at_a_time() {
    struct Endless(u64);
    impl std::io::Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let line = if self.0 == 0 { "person,kind,date\n".to_owned() } else { format!("p{},other,2024-01-01\n", self.0) };
            self.0 += 1;
            let n = line.len().min(buf.len());
            buf[..n].copy_from_slice(&line.as_bytes()[..n]);
            Ok(n)
        }
    }
    let rows = open(Endless(0), &Options::default()).expect("header");
    let last = rows.take(50_000).last();
    assert!(matches!(last, Some(Ok(Record::Row(r))) if r.row == 50_001));
}

#[test]
fn extra_fields_of_loaded_rule_sets() {
    use xueshi_table::{ExtraField, ExtraType};
    let options = Options { extra_fields: vec![ExtraField { name: "onSite".into(), ty: ExtraType::Flag, aliases: vec!["是否现场".into()] }] };
    let t = read("person,kind,date,是否现场\np,training,2024-01-01,是\n".as_bytes(), &options).expect("read");
    assert_eq!(t.rows[0].activity_json()["onSite"], true);
}

#[test]
fn chinese_messages_hold_no_english_prose() {
    let t = table(
        "person,kind,date,hours,authors,presentedPaper,level,哈哈\n\
         ,x,y,z,2.5,maybe,世界级\n\
         p,training,2024-02-30,1e3,0.5,1,national\n",
    );
    let allowed = ["CSV", "UTF", "Excel", "WPS", "xlsx", "xls", "ZIP", "ods", "docx", "XML", "Unicode"];
    let mut messages: Vec<String> = t.errors.iter().chain(&t.warnings).map(|e| e.zh.clone()).collect();
    for bytes in [&b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"[..], b"\xFF\xFE", b"<html>", b"\x01\x02", b"a,b\n", b"PK\x03\x04junk"] {
        if let Err(e) = read(bytes, &Options::default()) {
            messages.push(e.zh);
        }
    }
    messages.push(read(&encoding_rs::GBK.encode("人员编号\n").0, &Options::default()).err().map(|e| e.zh).unwrap_or_default());
    for m in &messages {
        // What a message quotes is the user's, not prose: leave it out.
        let mut prose = String::new();
        let mut quoted = false;
        for c in m.chars() {
            match c {
                '“' => quoted = true,
                '”' => quoted = false,
                c if !quoted => prose.push(c),
                _ => {}
            }
        }
        let words: Vec<&str> = prose.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()).collect();
        assert!(words.iter().all(|w| allowed.contains(w)), "{m}: {words:?}");
    }
    assert!(messages.len() >= 12, "{messages:?}");
}

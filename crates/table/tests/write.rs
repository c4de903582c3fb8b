//! The templates read back as they were written, in both languages and formats; exports
//! keep text as text and cannot run anything.

use xueshi_table::aliases::KINDS;
use xueshi_table::{csv_bytes, read, template_csv, template_xlsx, write_csv, xlsx_bytes, Lang, Options, Table};

fn table(bytes: &[u8]) -> Table {
    match read(bytes, &Options::default()) {
        Ok(t) => t,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn every_template_reads_back_to_the_same_activities() {
    let zh_csv = table(&template_csv(Lang::Zh));
    let en_csv = table(&template_csv(Lang::En));
    let zh_xlsx = table(&template_xlsx(Lang::Zh).expect("template"));
    let en_xlsx = table(&template_xlsx(Lang::En).expect("template"));
    for t in [&zh_csv, &en_csv, &zh_xlsx, &en_xlsx] {
        assert!(t.errors.is_empty() && t.warnings.is_empty(), "{:?} {:?}", t.errors, t.warnings);
        let mut kinds: Vec<&str> = t.rows.iter().filter_map(|r| r.get("kind").and_then(|k| k.as_str())).collect();
        kinds.dedup();
        assert_eq!(kinds.len(), KINDS.len(), "{kinds:?}");
        for (k, _) in KINDS {
            assert!(kinds.contains(k), "{k}");
        }
    }
    let activities = |t: &Table| {
        let without_title = |r: &xueshi_table::Row| r.activity.iter().filter(|(k, _)| *k != "title").map(|(k, v)| (k.clone(), v.clone())).collect();
        t.rows.iter().map(|r| (r.person.clone(), without_title(r))).collect::<Vec<(String, Vec<_>)>>()
    };
    assert_eq!(activities(&zh_csv), activities(&en_csv));
    assert_eq!(activities(&zh_csv), activities(&zh_xlsx));
    assert_eq!(activities(&zh_csv), activities(&en_xlsx));
    assert_eq!(zh_csv.rows[0].name.as_deref(), Some("张三"));
    assert_eq!(zh_csv.rows[0].evidence.as_deref(), Some("培训证书"));
    assert_eq!(zh_xlsx.rows[3].activity_json()["title"], "国家级高级研修项目：智慧医疗");
    assert_eq!(zh_xlsx.rows.iter().map(|r| &r.activity).collect::<Vec<_>>(), zh_csv.rows.iter().map(|r| &r.activity).collect::<Vec<_>>());
}

#[test]
fn the_chinese_csv_template_as_a_portal_user_sees_it() {
    let bytes = template_csv(Lang::Zh);
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes).expect("utf-8");
    let mut lines = text.trim_start_matches('\u{FEFF}').split("\r\n");
    assert_eq!(
        lines.next(),
        Some("人员编号,姓名,类型,日期,名称,学时,天数,分钟数,科目,脱产方式,级别,学习方式,学制,课程数,考试类别,科目数,刊物级别,作者人数,会议论文,宣读论文,角色,译著,专利类型,原因,月数,补学年度,证明材料")
    );
    assert_eq!(lines.next(), Some("1001,张三,培训,2024-03-15,2024年度公需科目网络培训,30,,,公需,,,,,,,,,,,,,,,,,,培训证书"));
}

#[test]
fn csv_exports_are_defused_and_quoted() {
    let rows = vec![
        vec!["name".to_owned(), "note".to_owned()],
        vec!["=HYPERLINK(\"http://x\")".to_owned(), "a, b\nc".to_owned()],
        vec!["  @SUM(A1)".to_owned(), "-41.67".to_owned()],
        vec!["＋1".to_owned(), "nul\0here".to_owned()],
    ];
    let text = String::from_utf8(csv_bytes(&rows)).expect("utf-8");
    assert_eq!(text, "\u{FEFF}name,note\r\n\"'=HYPERLINK(\"\"http://x\"\")\",\"a, b\nc\"\r\n'  @SUM(A1),-41.67\r\n'＋1,nulhere\r\n");
    let mut streamed = Vec::new();
    write_csv(&mut streamed, rows.iter()).expect("write");
    assert_eq!(streamed, text.as_bytes());
}

#[test]
fn xlsx_exports_keep_text_as_text() {
    let rows = vec![
        vec!["人员编号".to_owned(), "kind".to_owned(), "date".to_owned(), "学时".to_owned(), "title".to_owned()],
        vec!["007".to_owned(), "other".to_owned(), "2024-01-02".to_owned(), "41.67".to_owned(), "=1+1".to_owned()],
        vec!["650102199001011234".to_owned(), "other".to_owned(), "2024-01-03".to_owned(), "8".to_owned(), "x\0y".to_owned()],
    ];
    let t = table(&xlsx_bytes(&rows).expect("xlsx"));
    assert!(t.errors.is_empty(), "{:?}", t.errors);
    assert_eq!(t.rows[0].person, "007");
    assert_eq!(t.rows[0].activity_json()["hours"], 41.67);
    assert_eq!(t.rows[0].activity_json()["title"], "=1+1");
    assert_eq!(t.rows[1].person, "650102199001011234");
    assert_eq!(t.rows[1].activity_json()["hours"], 8);
    assert_eq!(t.rows[1].activity_json()["title"], "xy");
    let too_long = vec![vec!["a".to_owned()], vec!["x".repeat(40_000)]];
    assert_eq!(xlsx_bytes(&too_long).err().and_then(|e| e.row), Some(2));
}

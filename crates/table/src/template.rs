//! The templates a unit fills in: the header row and one example row per kind, in
//! Chinese (headers and values as a portal writes them) or English (contract names).

use crate::aliases::{FieldType, FIELDS, KINDS};
use crate::error::FileError;
use crate::schema::zh_header;
use crate::write::{csv_bytes, display_width, finish_sheet, write_cell};
use rust_xlsxwriter::{DataValidation, DataValidationErrorStyle, ExcelDateTime, Format as CellFormat, Formula, Workbook, Worksheet};

/// The language of a template's headers and values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// The template's columns, by contract (or reader) name.
const COLUMNS: &[&str] = &[
    "person",
    "name",
    "kind",
    "date",
    "title",
    "hours",
    "days",
    "minutes",
    "subject",
    "studyMode",
    "level",
    "mode",
    "studyYears",
    "courses",
    "category",
    "subjects",
    "venue",
    "authors",
    "conferencePaper",
    "presentedPaper",
    "role",
    "translation",
    "type",
    "reason",
    "months",
    "makeUpFor",
    "evidence",
];

struct Example {
    person: &'static str,
    name: (&'static str, &'static str),
    kind: &'static str,
    date: (u16, u8, u8),
    title: (&'static str, &'static str),
    /// Contract field values as the English template writes them.
    fields: &'static [(&'static str, &'static str)],
    evidence: (&'static str, &'static str),
}

const ZHANG: (&str, &str) = ("张三", "Zhang San");
const LI: (&str, &str) = ("李四", "Li Si");
const WANG: (&str, &str) = ("王五", "Wang Wu");

#[rustfmt::skip]
const EXAMPLES: &[Example] = &[
    Example { person: "1001", name: ZHANG, kind: "training", date: (2024, 3, 15), title: ("2024年度公需科目网络培训", "2024 public-subject online course"), fields: &[("hours", "30"), ("subject", "public")], evidence: ("培训证书", "certificate") },
    Example { person: "1001", name: ZHANG, kind: "training", date: (2024, 5, 22), title: ("医学影像新技术培训班", "Imaging techniques course"), fields: &[("days", "3"), ("subject", "professional"), ("studyMode", "fullTime")], evidence: ("结业证书", "course certificate") },
    Example { person: "1001", name: ZHANG, kind: "training", date: (2024, 2, 20), title: ("2023年度专业科目补学", "Make-up study for 2023"), fields: &[("hours", "20"), ("makeUpFor", "2023")], evidence: ("学习记录", "learning record") },
    Example { person: "1001", name: ZHANG, kind: "advancedSeminar", date: (2024, 7, 12), title: ("国家级高级研修项目：智慧医疗", "National advanced seminar: smart health care"), fields: &[("level", "national")], evidence: ("结业证书", "course certificate") },
    Example { person: "1001", name: ZHANG, kind: "refresher", date: (2024, 9, 30), title: ("自治区人民医院进修", "Refresher at the regional hospital"), fields: &[("days", "60")], evidence: ("进修鉴定表", "assessment form") },
    Example { person: "1002", name: LI, kind: "practice", date: (2024, 4, 10), title: ("企业技术实践", "Practice at a manufacturer"), fields: &[("days", "5")], evidence: ("实践证明", "practice record") },
    Example { person: "1002", name: LI, kind: "lecture", date: (2024, 6, 18), title: ("全区专题讲座授课", "Regional lecture"), fields: &[("hours", "4"), ("level", "provincial")], evidence: ("授课通知", "invitation") },
    Example { person: "1002", name: LI, kind: "conference", date: (2024, 8, 22), title: ("全国学术年会", "National annual conference"), fields: &[("days", "2"), ("level", "national"), ("presentedPaper", "true")], evidence: ("会议通知、论文", "programme, paper") },
    Example { person: "1002", name: LI, kind: "degree", date: (2024, 6, 30), title: ("硕士研究生毕业", "Master's degree"), fields: &[("level", "master"), ("mode", "study"), ("studyYears", "3")], evidence: ("毕业证、学位证", "diploma, degree certificate") },
    Example { person: "1002", name: LI, kind: "graduateCourses", date: (2024, 1, 15), title: ("在职研究生课程结业", "Graduate courses completed"), fields: &[], evidence: ("结业证书", "course certificate") },
    Example { person: "1003", name: WANG, kind: "selfStudyExam", date: (2024, 4, 20), title: ("高等教育自学考试", "Self-study examinations"), fields: &[("courses", "2")], evidence: ("成绩单", "transcript") },
    Example { person: "1003", name: WANG, kind: "qualificationExam", date: (2024, 10, 26), title: ("中级职称考试", "Intermediate title examination"), fields: &[("category", "intermediateTitle"), ("subjects", "2")], evidence: ("成绩通知单", "result notice") },
    Example { person: "1003", name: WANG, kind: "languageComputerExam", date: (2024, 5, 11), title: ("职称计算机考试", "Computer examination for titles"), fields: &[], evidence: ("合格证", "pass certificate") },
    Example { person: "1003", name: WANG, kind: "paper", date: (2024, 2, 28), title: ("基层医疗服务质量研究", "Quality of primary care"), fields: &[("venue", "national"), ("authors", "3"), ("conferencePaper", "false")], evidence: ("期刊封面、目录", "journal cover, contents") },
    Example { person: "1003", name: WANG, kind: "book", date: (2024, 9, 1), title: ("《临床护理实务》", "Clinical Nursing in Practice"), fields: &[("role", "deputyEditor"), ("translation", "false")], evidence: ("著作封面、版权页", "cover, copyright page") },
    Example { person: "1001", name: ZHANG, kind: "patent", date: (2024, 11, 5), title: ("一种便携式消毒装置", "A portable disinfection device"), fields: &[("type", "utilityModel")], evidence: ("专利证书", "patent certificate") },
    Example { person: "1001", name: ZHANG, kind: "softwareCopyright", date: (2024, 7, 1), title: ("护理排班管理系统", "Nurse rostering software"), fields: &[], evidence: ("登记证书", "registration certificate") },
    Example { person: "1002", name: LI, kind: "standard", date: (2024, 12, 1), title: ("行业标准《××技术规范》", "Industry standard: technical code"), fields: &[], evidence: ("标准文本", "the standard") },
    Example { person: "1002", name: LI, kind: "award", date: (2024, 12, 20), title: ("自治区科技进步奖三等奖", "Regional science and technology progress award"), fields: &[("level", "provincial")], evidence: ("获奖证书", "award certificate") },
    Example { person: "1003", name: WANG, kind: "researchProject", date: (2024, 11, 30), title: ("自治区自然科学基金项目结题", "Regional science foundation project concluded"), fields: &[("level", "provincial")], evidence: ("结题证书", "conclusion certificate") },
    Example { person: "1003", name: WANG, kind: "competition", date: (2024, 10, 15), title: ("全区护理技能竞赛", "Regional nursing skills competition"), fields: &[], evidence: ("获奖证书", "award certificate") },
    Example { person: "1001", name: ZHANG, kind: "expertService", date: (2024, 8, 5), title: ("专家服务基层活动", "Expert service in the countryside"), fields: &[("days", "2")], evidence: ("活动证明", "activity record") },
    Example { person: "1002", name: LI, kind: "assignment", date: (2024, 12, 31), title: ("访惠聚驻村工作", "Village work assignment"), fields: &[("months", "6")], evidence: ("派驻文件", "assignment order") },
    Example { person: "1003", name: WANG, kind: "leave", date: (2024, 12, 31), title: ("产假", "Maternity leave"), fields: &[("reason", "maternity"), ("months", "5")], evidence: ("请假审批表", "leave approval") },
    Example { person: "1001", name: ZHANG, kind: "unitStudy", date: (2024, 6, 28), title: ("单位统一组织业务学习", "Study organised by the unit"), fields: &[("hours", "12")], evidence: ("学习记录", "learning record") },
    Example { person: "1002", name: LI, kind: "other", date: (2024, 11, 11), title: ("其他形式继续教育", "Other continuing education"), fields: &[("hours", "6")], evidence: ("相关证明", "proof") },
];

fn header(column: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => zh_header(column).to_owned(),
        Lang::En => column.to_owned(),
    }
}

/// A field value as the template writes it: Chinese choices and flags in Chinese.
fn value(field: &str, v: &str, lang: Lang) -> String {
    let ty = FIELDS.iter().find(|(f, _)| *f == field).map(|(_, t)| *t);
    match (lang, ty) {
        (Lang::Zh, Some(FieldType::Choice(choices))) => {
            choices.iter().find(|(c, _)| *c == v).and_then(|(_, a)| a.first()).copied().unwrap_or(v).to_owned()
        }
        (Lang::Zh, Some(FieldType::Flag)) => if v == "true" { "是" } else { "否" }.to_owned(),
        _ => v.to_owned(),
    }
}

fn kind_name(kind: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => KINDS.iter().find(|(k, _)| *k == kind).and_then(|(_, a)| a.first()).copied().unwrap_or(kind).to_owned(),
        Lang::En => kind.to_owned(),
    }
}

fn pick(pair: (&'static str, &'static str), lang: Lang) -> String {
    match lang {
        Lang::Zh => pair.0.to_owned(),
        Lang::En => pair.1.to_owned(),
    }
}

fn example_row(e: &Example, lang: Lang) -> Vec<String> {
    COLUMNS
        .iter()
        .map(|&col| match col {
            "person" => e.person.to_owned(),
            "name" => pick(e.name, lang),
            "kind" => kind_name(e.kind, lang),
            "date" => format!("{:04}-{:02}-{:02}", e.date.0, e.date.1, e.date.2),
            "title" => pick(e.title, lang),
            "evidence" => pick(e.evidence, lang),
            field => e.fields.iter().find(|(f, _)| *f == field).map(|(f, v)| value(f, v, lang)).unwrap_or_default(),
        })
        .collect()
}

/// The header row and the example rows, as text.
fn rows(lang: Lang) -> Vec<Vec<String>> {
    let mut rows = vec![COLUMNS.iter().map(|c| header(c, lang)).collect::<Vec<_>>()];
    rows.extend(EXAMPLES.iter().map(|e| example_row(e, lang)));
    rows
}

/// The CSV template: UTF-8 with a byte-order mark, so Excel and WPS open it as such.
pub fn template_csv(lang: Lang) -> Vec<u8> {
    csv_bytes(&rows(lang))
}

/// The .xlsx template: a header row, one example row per kind with dates as date cells,
/// the person column formatted as text (an 18-digit ID number typed there keeps its
/// digits), a drop-down of the kinds in the kind column, and a second worksheet that
/// explains every column (the reader reads the first).
pub fn template_xlsx(lang: Lang) -> Result<Vec<u8>, FileError> {
    let rows = rows(lang);
    let mut book = Workbook::new();
    let notes_name = if lang == Lang::Zh { "说明" } else { "Notes" };
    let sheet = book.add_worksheet();
    sheet.set_name(if lang == Lang::Zh { "继续教育活动" } else { "Activities" }).map_err(fail)?;
    let bold = CellFormat::new().set_bold();
    let text = CellFormat::new().set_num_format("@");
    let date = CellFormat::new().set_num_format("yyyy-mm-dd");
    let col = |name: &str| COLUMNS.iter().position(|c| *c == name).unwrap_or(0);
    sheet.set_column_format(col("person") as u16, &text).map_err(fail)?;
    sheet.set_column_format(col("date") as u16, &date).map_err(fail)?;
    let mut widths = vec![0; COLUMNS.len()];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let format = if r == 0 {
                Some(&bold)
            } else if c == col("person") {
                Some(&text)
            } else {
                None
            };
            write_cell(sheet, r, c, v, format)?;
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(display_width(v));
            }
        }
    }
    write_dates(sheet, col("date") as u16, &date)?;
    // The kinds are listed on the notes sheet: a list typed into the rule may hold only
    // 255 characters, fewer than the English kind names take.
    let kinds = Formula::new(format!("='{notes_name}'!$D$2:$D${}", KINDS.len() + 1));
    let list = DataValidation::new().allow_list_formula(kinds).set_error_style(DataValidationErrorStyle::Information);
    sheet.add_data_validation(1, col("kind") as u16, 10_000, col("kind") as u16, &list).map_err(fail)?;
    finish_sheet(sheet, &widths)?;
    let notes = book.add_worksheet();
    notes.set_name(notes_name).map_err(fail)?;
    write_notes(notes, lang, &bold)?;
    book.save_to_buffer().map_err(fail)
}

fn fail<E>(_: E) -> FileError {
    FileError::write_failed()
}

fn write_dates(sheet: &mut Worksheet, col: u16, format: &CellFormat) -> Result<(), FileError> {
    for (i, e) in EXAMPLES.iter().enumerate() {
        let (y, m, d) = e.date;
        let when = ExcelDateTime::from_ymd(y, m, d).map_err(fail)?;
        sheet.write_datetime_with_format(i as u32 + 1, col, &when, format).map_err(fail)?;
    }
    Ok(())
}

/// Each column with what it means and what it takes; the kinds one per row in column D.
fn write_notes(sheet: &mut Worksheet, lang: Lang, bold: &CellFormat) -> Result<(), FileError> {
    let titles = match lang {
        Lang::Zh => ["列", "说明", "可填的值", "类型"],
        Lang::En => ["column", "meaning", "values", "kinds"],
    };
    let mut rows = vec![titles.iter().map(|t| (*t).to_owned()).collect::<Vec<_>>()];
    for c in COLUMNS {
        let (zh, en) = meaning(c);
        rows.push(vec![header(c, lang), pick((zh, en), lang), accepted(c, lang), String::new()]);
    }
    for (i, (kind, _)) in KINDS.iter().enumerate() {
        if let Some(row) = rows.get_mut(i + 1) {
            if let Some(cell) = row.get_mut(3) {
                *cell = kind_name(kind, lang);
            }
        }
    }
    let mut widths = vec![0; 4];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            write_cell(sheet, r, c, v, (r == 0).then_some(bold))?;
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(display_width(v));
            }
        }
    }
    finish_sheet(sheet, &widths)
}

/// What a column takes, as the notes sheet says it.
fn accepted(column: &str, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let join = |items: Vec<String>| items.join(if zh { "、" } else { ", " });
    match (column, FIELDS.iter().find(|(f, _)| *f == column).map(|(_, t)| *t)) {
        ("kind", _) => join(KINDS.iter().map(|(k, _)| kind_name(k, lang)).collect()),
        ("date", _) => if zh { "2024-03-01、2024/3/1、2024年3月1日" } else { "2024-03-01, 2024/3/1" }.to_owned(),
        (_, Some(FieldType::Choice(choices))) => join(choices.iter().map(|(c, _)| value(column, c, lang)).collect()),
        (_, Some(FieldType::Flag)) => if zh { "是、否" } else { "true, false" }.to_owned(),
        (_, Some(FieldType::Number(_))) => if zh { "数字" } else { "a number" }.to_owned(),
        (_, Some(FieldType::Count(_))) => if zh { "整数" } else { "a whole number" }.to_owned(),
        _ => if zh { "文字" } else { "text" }.to_owned(),
    }
}

#[rustfmt::skip]
fn meaning(column: &str) -> (&'static str, &'static str) {
    match column {
        "person" => ("人员编号（工号或证件号码），必填", "who it belongs to (staff or ID number); required"),
        "name" => ("姓名", "the person's name"),
        "kind" => ("活动类型，必填", "the kind of activity; required"),
        "date" => ("完成、取得、发表或获奖的日期，必填；也可改填开始时间和结束时间", "the day it was completed, granted, published or awarded; required (or a start and an end date)"),
        "title" => ("名称", "a title"),
        "hours" => ("学时数", "class hours (学时)"),
        "days" => ("天数", "days"),
        "minutes" => ("不足一天的分钟数", "minutes, for less than a day"),
        "subject" => ("公需科目或专业科目", "public or professional subject"),
        "studyMode" => ("全脱产或半脱产", "full-time or part-time study"),
        "level" => ("级别", "level"),
        "mode" => ("学历教育或在职申请学位", "attended the programme, or applied for the degree only"),
        "studyYears" => ("学制年数", "the programme's standard length in years"),
        "courses" => ("通过的课程数", "courses passed"),
        "category" => ("考试类别", "examination category"),
        "subjects" => ("通过的科目数", "subjects passed"),
        "venue" => ("刊物级别", "the journal's level"),
        "authors" => ("作者人数", "number of authors"),
        "conferencePaper" => ("是否会议论文", "a conference paper"),
        "presentedPaper" => ("是否宣读（报告）论文", "presented a paper"),
        "role" => ("本人在著作中的角色", "role in the book"),
        "translation" => ("是否译著", "a translation"),
        "type" => ("专利类型", "patent type"),
        "reason" => ("假期原因", "reason for the leave"),
        "months" => ("月数", "months"),
        "makeUpFor" => ("补学的年度", "the year this study makes up for"),
        "evidence" => ("证明材料", "proof"),
        _ => ("", ""),
    }
}

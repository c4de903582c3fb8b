//! Warnings (contract v2): `possibleDuplicate` where a document says one piece of work
//! counts once (新疆 第八条（八） "同一作品不累计计算", 第九条 "同一项认定标准，不重复计算学时"),
//! `capReached` when a yearly maximum is full. Lines are never dropped.

mod common;
use common::*;
use serde_json::json;
use xueshi::report::WarningCode::*;

fn ids(w: &xueshi::report::Warning) -> Vec<&str> {
    w.activities.iter().map(String::as_str).collect()
}

#[test]
fn xinjiang_the_same_paper_twice_is_warned_of_under_8_8() {
    let paper = |id: &str| json!({"id": id, "kind": "paper", "venue": "national", "authors": 1, "title": " 护理质量研究 ", "date": "2024-03-01"});
    let r = run("xinjiang-2022", 2024, vec![paper("p1"), json!({"kind": "training", "hours": 8, "date": "2024-01-01"}), paper("p2")]);
    let dup: Vec<_> = r.warnings.iter().filter(|w| w.code == PossibleDuplicate).collect();
    assert_eq!(dup.len(), 1, "{:?}", r.warnings);
    assert_eq!(ids(dup[0]), ["p1", "p2"]);
    assert_eq!(&*dup[0].clause.reference, "第八条第（八）项");
    assert!(dup[0].message.to_string().contains("“护理质量研究”：2 项同类活动名称相同"), "{}", dup[0].message);
    // Both lines stay: the reviewer decides.
    assert_eq!(r.lines.len(), 3);
}

#[test]
fn xinjiang_untitled_claims_alike_in_day_and_details_are_warned_of_under_9() {
    let patent = |id: &str| json!({"id": id, "kind": "patent", "type": "invention", "date": "2024-05-01"});
    let other = json!({"id": "p3", "kind": "patent", "type": "utilityModel", "date": "2024-05-01"});
    let r = run("xinjiang-2022", 2024, vec![patent("p1"), other, patent("p2")]);
    let dup: Vec<_> = r.warnings.iter().filter(|w| w.code == PossibleDuplicate).collect();
    assert_eq!(dup.len(), 1);
    assert_eq!(ids(dup[0]), ["p1", "p2"]);
    assert_eq!(&*dup[0].clause.reference, "第九条");
}

#[test]
fn aksu_warns_citing_the_xinjiang_clause() {
    let a = json!({"kind": "book", "role": "author", "title": "手册", "date": "2024-03-01"});
    let r = run("aksu-2024", 2024, vec![a.clone(), a]);
    let w = r.warnings.iter().find(|w| w.code == PossibleDuplicate).expect("a warning");
    assert_eq!(&*w.clause.reference, "新人社规〔2022〕9号第八条第（八）项");
}

#[test]
fn no_warning_where_the_document_says_nothing_of_it_or_in_another_year() {
    let a = json!({"kind": "paper", "venue": "national", "authors": 1, "title": "同一篇", "date": "2022-03-01"});
    let r = run("taian-2022", 2022, vec![a.clone(), a.clone()]);
    assert!(r.warnings.iter().all(|w| w.code != PossibleDuplicate));
    let r = run("xinjiang-2022", 2023, vec![a.clone(), a]);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

/// 枣庄 附件第3条: 10 an item, at most 30 a year: the third award fills it.
#[test]
fn zaozhuang_a_full_yearly_maximum_is_said() {
    let award = |d: &str| json!({"kind": "award", "level": "city", "date": d});
    let two = run("zaozhuang-2024", 2024, vec![award("2024-01-01"), award("2024-02-01")]);
    assert!(two.warnings.is_empty());
    let three = run("zaozhuang-2024", 2024, vec![award("2024-01-01"), award("2024-02-01"), award("2024-03-01")]);
    let w = &three.warnings[0];
    assert_eq!((w.code, ids(w)), (CapReached, vec!["a0", "a1", "a2"]));
    assert_eq!(&*w.clause.reference, "附件第3条");
    assert!(w.message.to_string().contains("每年最多 30 学时，本年度已满"), "{}", w.message);
}

#[test]
fn warnings_speak_english_when_asked() {
    let a = json!({"id": "b1", "kind": "book", "role": "author", "title": "手册", "date": "2024-03-01"});
    let b = json!({"id": "b2", "kind": "book", "role": "author", "title": "手册", "date": "2024-04-01"});
    let r = evaluate(json!({"year": 2024, "ruleSets": ["xinjiang-2022"], "lang": "en", "activities": [a, b]})).unwrap();
    let m = r.results[0].warnings[0].message.to_string();
    assert!(m.contains("2 activities of one kind have this title"), "{m}");
    // Chinese only inside quotes: the title and the clause's reference.
    let outside: String = m.split('“').enumerate().map(|(i, p)| if i == 0 { p } else { p.split_once('”').map_or("", |x| x.1) }).collect();
    assert!(!outside.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{m}");
}

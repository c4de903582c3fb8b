//! 枣庄高新区 2024 notice and 枣庄市继续教育学时认定说明 (seed 003): items 1–6 of the attachment.

mod common;
use common::*;
use serde_json::json;
use xueshi::report::{Compliance, Status::*};

const RS: &str = "zaozhuang-2024";
const Y: i32 = 2024;

#[test]
fn er_90_a_year_public_30_professional_60() {
    let r = run(RS, Y, vec![]);
    assert_eq!(requirement(&r), (90.0, 30.0, 60.0));
}

#[test]
fn fu_jian_1_actual_hours_at_most_8_a_day() {
    // v1.1 rule 1: the day limit cut the line, so it is capped.
    let l = line(RS, Y, json!({"kind": "training", "date": "2024-04-01", "hours": 20, "days": 2}));
    check(&l, exact(16.0), Capped);
    assert!(l.explain.contains("20 学时，每天不超过 8 学时：2 天 × 8 = 16"), "{}", l.explain);
    check(&line(RS, Y, json!({"kind": "training", "date": "2024-04-01", "hours": 16, "days": 2})), exact(16.0), Credited);
    check(&line(RS, Y, json!({"kind": "training", "date": "2024-04-01", "hours": 12, "days": 2})), exact(12.0), Credited);
    check(&line(RS, Y, json!({"kind": "refresher", "date": "2024-04-01", "days": 3})), exact(24.0), Credited);
    let l = line(RS, Y, json!({"kind": "conference", "level": "city", "date": "2024-04-01", "hours": 6}));
    check(&l, exact(6.0), Credited);
    cites(&l, "附件第1条");
}

#[test]
fn fu_jian_2_study_at_most_40_a_year() {
    let r = run(
        RS,
        Y,
        vec![
            json!({"kind": "unitStudy", "hours": 30, "date": "2024-03-01"}),
            json!({"kind": "unitStudy", "hours": 20, "date": "2024-06-01"}),
            json!({"kind": "selfStudyExam", "courses": 2, "date": "2024-10-01"}),
        ],
    );
    check(&r.lines[0], exact(30.0), Credited);
    check(&r.lines[1], exact(10.0), Capped);
    check(&r.lines[2], exact(0.0), Capped);
    assert_eq!(r.totals.professional, exact(40.0));
}

#[test]
fn fu_jian_2_self_study_and_in_service_degree_up_to_40() {
    check(&line(RS, Y, json!({"kind": "selfStudyExam", "courses": 2, "date": "2024-10-01"})), upto(40.0), UpTo);
    check(&line(RS, Y, json!({"kind": "degree", "level": "master", "mode": "study", "date": "2024-07-01"})), upto(40.0), UpTo);
    check(&line(RS, Y, json!({"kind": "degree", "level": "master", "mode": "degreeOnly", "date": "2024-07-01"})), exact(0.0), NotCovered);
}

#[test]
fn fu_jian_2_qualification_certificate_16() {
    for category in ["licensure", "international", "intermediateTitle"] {
        let l = line(RS, Y, json!({"kind": "qualificationExam", "category": category, "date": "2024-10-01"}));
        check(&l, exact(16.0), Credited);
        cites(&l, "附件第2条");
    }
}

#[test]
fn fu_jian_3_achievements_10_each_at_most_30() {
    let r = run(
        RS,
        Y,
        vec![
            json!({"kind": "paper", "venue": "national", "authors": 3, "date": "2024-02-01"}),
            json!({"kind": "paper", "venue": "provincial", "authors": 1, "date": "2024-03-01"}),
            json!({"kind": "paper", "venue": "city", "authors": 2, "conferencePaper": true, "date": "2024-04-01"}),
            json!({"kind": "patent", "type": "utilityModel", "date": "2024-05-01"}),
        ],
    );
    for l in &r.lines[..3] {
        check(l, exact(10.0), Credited);
    }
    check(&r.lines[3], exact(0.0), Capped);
    assert!(r.lines[3].explain.contains("已封顶"), "{}", r.lines[3].explain);
    assert_eq!(r.totals.professional, exact(30.0));
}

#[test]
fn fu_jian_3_every_listed_achievement_kind() {
    for a in [
        json!({"kind": "award", "level": "county", "date": "2024-02-01"}),
        json!({"kind": "softwareCopyright", "date": "2024-02-01"}),
        json!({"kind": "standard", "date": "2024-02-01"}),
        json!({"kind": "book", "role": "editorialBoard", "translation": true, "date": "2024-02-01"}),
    ] {
        let l = line(RS, Y, a);
        check(&l, exact(10.0), Credited);
        cites(&l, "附件第3条");
    }
}

#[test]
fn fu_jian_4_expert_service_actual_time_at_most_8_a_day() {
    check(&line(RS, Y, json!({"kind": "expertService", "days": 2, "hours": 18, "date": "2024-05-01"})), exact(16.0), Capped);
    check(&line(RS, Y, json!({"kind": "expertService", "days": 1.5, "date": "2024-05-01"})), exact(12.0), Credited);
}

#[test]
fn fu_jian_4_assignment_30_plus_60_pro_rata_by_month() {
    let r = run(RS, Y, vec![json!({"kind": "assignment", "months": 6, "date": "2024-12-31"})]);
    let l = &r.lines[0];
    check(l, exact(45.0), Credited);
    let parts = l.parts.as_ref().expect("both parts");
    assert_eq!((parts[0].hours, parts[1].hours), (exact(15.0), exact(30.0)));
    assert_eq!((r.totals.public, r.totals.professional, r.totals.total), (exact(15.0), exact(30.0), exact(45.0)));
    let r = run(RS, Y, vec![json!({"kind": "assignment", "months": 12, "date": "2024-12-31"})]);
    assert_eq!(r.compliance, Compliance::Met);
    let r = run(RS, Y, vec![json!({"kind": "assignment", "months": 5, "date": "2024-12-31"})]);
    assert_eq!((r.totals.public, r.totals.professional), (exact(12.5), exact(25.0)));
}

#[test]
fn fu_jian_5_competitions_10_each_at_most_30() {
    let comp = json!({"kind": "competition", "date": "2024-05-01"});
    let r = run(RS, Y, vec![comp.clone(), comp.clone(), comp.clone(), comp]);
    assert_eq!(r.lines.iter().map(|l| l.hours.min).collect::<Vec<_>>(), [10.0, 10.0, 10.0, 0.0]);
    assert_eq!(r.lines[3].status, Capped);
}

#[test]
fn fu_jian_6_leave_over_6_months_pro_rates_the_requirement() {
    let r = run(RS, Y, vec![json!({"kind": "leave", "reason": "abroad", "months": 8, "date": "2024-12-01"})]);
    assert_eq!(requirement(&r), (30.0, 10.0, 20.0));
    check(&r.lines[0], exact(0.0), Credited);
    let r = run(RS, Y, vec![json!({"kind": "leave", "reason": "sickness", "months": 6, "date": "2024-12-01"})]);
    assert_eq!(r.requirement.total, 90.0);
    check(&r.lines[0], exact(0.0), NotCovered);
    // Two sick leaves of the year together exceed six months.
    let r = run(
        RS,
        Y,
        vec![
            json!({"kind": "leave", "reason": "sickness", "months": 4, "date": "2024-05-01"}),
            json!({"kind": "leave", "reason": "injury", "months": 3, "date": "2024-10-01"}),
        ],
    );
    assert_eq!(r.requirement.total, 37.5);
}

#[test]
fn fu_jian_6_maternity_leave_of_any_length() {
    let r = run(RS, Y, vec![json!({"kind": "leave", "reason": "maternity", "months": 5, "date": "2024-09-01"})]);
    assert_eq!(requirement(&r), (52.5, 17.5, 35.0));
}

#[test]
fn kinds_the_attachment_does_not_list_are_not_covered() {
    for a in [
        json!({"kind": "lecture", "level": "national", "hours": 2, "date": "2024-02-01"}),
        json!({"kind": "researchProject", "level": "national", "date": "2024-02-01"}),
        json!({"kind": "languageComputerExam", "date": "2024-02-01"}),
        json!({"kind": "graduateCourses", "date": "2024-02-01"}),
    ] {
        check(&line(RS, Y, a), exact(0.0), NotCovered);
    }
}

/// 附件第7条: the proof each kind of claim rests on, in its words.
#[test]
fn fu_jian_7_the_proof_of_each_claim() {
    let evidence = |a| line(RS, Y, a).evidence.iter().map(|e| e.to_string()).collect::<Vec<_>>();
    assert_eq!(evidence(json!({"kind": "paper", "venue": "national", "authors": 1, "date": "2024-03-01"})), ["论文（封面、目录及正文页）"]);
    assert_eq!(evidence(json!({"kind": "book", "role": "author", "date": "2024-03-01"})), ["著作（封面、索引、目录页）"]);
    assert_eq!(evidence(json!({"kind": "award", "level": "city", "date": "2024-03-01"})), ["证书", "奖状（章、牌）"]);
    assert_eq!(evidence(json!({"kind": "training", "days": 1, "date": "2024-03-01"})), ["培训合格证书", "加盖主管部门（单位）公章的证明材料"]);
    // 附件第2条 names the exam's own proof.
    assert_eq!(evidence(json!({"kind": "qualificationExam", "category": "licensure", "date": "2024-03-01"})), ["资格证书"]);
}

/// 第6条 "按实际在岗时间折算": leave given in days (98 days of maternity leave) is that
/// share of the year's 366 days: 3.21 months, the requirement × 8.79/12.
#[test]
fn fu_jian_6_leave_in_days() {
    let r = run(RS, Y, vec![json!({"kind": "leave", "reason": "maternity", "days": 98, "date": "2024-09-01"})]);
    let months = (98.0_f64 * 12.0 / 366.0 * 100.0).round() / 100.0;
    assert_eq!(months, 3.21);
    let at = |x: f64| (x * (12.0 - months) / 12.0 * 100.0).round() / 100.0;
    assert_eq!(requirement(&r), (at(90.0), at(30.0), at(60.0)));
    assert!(r.notes.iter().any(|n| n.contains("本年度有 3.21 个月不在岗")), "{:?}", r.notes);
}

/// Leave across the year boundary counts in each year by the days that fall in it: sick
/// leave from 2023-06-01 to 2024-08-31 is 7.04 months of 2023 and 8 of 2024, each over 6.
#[test]
fn fu_jian_6_leave_across_the_new_year() {
    let leave = json!({"kind": "leave", "reason": "sickness", "date": "2023-06-01", "end": "2024-08-31"});
    let r = run(RS, 2024, vec![leave.clone()]);
    let at = |x: f64, m: f64| (x * (12.0 - m) / 12.0 * 100.0).round() / 100.0;
    assert_eq!(requirement(&r).0, at(90.0, 8.0));
    assert_eq!(r.lines[0].status, Credited);
    let r = run(RS, 2023, vec![leave.clone()]);
    assert_eq!(requirement(&r).0, at(90.0, 7.04));
    // Not in a year it does not touch.
    check(&run(RS, 2025, vec![leave]).lines[0], exact(0.0), OtherYear);
}

#[test]
fn leave_takes_one_of_months_days_or_end() {
    let bad = |a: serde_json::Value| evaluate(json!({"year": 2024, "activities": [a]})).unwrap_err();
    let e = bad(json!({"id": "l", "kind": "leave", "reason": "sickness", "date": "2024-01-01"}));
    assert_eq!(e.path, "activities[0].months");
    let e = bad(json!({"id": "l", "kind": "leave", "reason": "sickness", "date": "2024-01-01", "months": 3, "days": 90}));
    assert_eq!(e.path, "activities[0].days");
    let e = bad(json!({"id": "l", "kind": "leave", "reason": "sickness", "date": "2024-05-01", "end": "2024-04-30"}));
    assert_eq!((e.path.as_str(), e.message_zh().contains("活动日期")), ("activities[0].end", true));
}

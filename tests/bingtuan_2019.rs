//! 兵团 2019 notice and its attachment (seed 001): one test per item of 附件二.

mod common;
use common::*;
use serde_json::json;
use xueshi::report::{Compliance, Status::*};

const RS: &str = "bingtuan-2019";
const Y: i32 = 2019;

#[test]
fn yi_san_90_a_year_public_30_professional_60() {
    let r = run(RS, Y, vec![]);
    assert_eq!(requirement(&r), (90.0, 30.0, 60.0));
    assert_eq!(r.compliance, Compliance::Short);
    assert_eq!((r.shortfall.total, r.shortfall.public, r.shortfall.professional), (90.0, 30.0, 60.0));
}

#[test]
fn fu_jian_er_1_base_training_actual_time() {
    let l = line(RS, Y, json!({"kind": "training", "date": "2019-04-01", "hours": 24}));
    check(&l, exact(24.0), Credited);
    cites(&l, "附件二第（一）项");
}

#[test]
fn fu_jian_er_2_seminars_hours_set_by_the_organiser() {
    check(&line(RS, Y, json!({"kind": "advancedSeminar", "level": "national", "date": "2019-04-01"})), OPEN, Undetermined);
    check(&line(RS, Y, json!({"kind": "refresher", "date": "2019-04-01", "days": 10})), OPEN, Undetermined);
}

#[test]
fn fu_jian_er_3_degree_deemed_for_the_year_obtained() {
    let r = run(RS, Y, vec![json!({"kind": "degree", "level": "master", "mode": "study", "date": "2019-07-01"})]);
    check(&r.lines[0], exact(0.0), Deemed);
    assert!(r.deemed.professional && !r.deemed.public);
    assert_eq!(r.shortfall.professional, 0.0);
    assert_eq!(r.shortfall.public, 30.0);
    let r = run(RS, Y, vec![json!({"kind": "degree", "level": "master", "mode": "study", "date": "2020-07-01"})]);
    check(&r.lines[0], exact(0.0), OtherYear);
}

#[test]
fn fu_jian_er_4_national_conference_6_a_day_plus_6_for_a_paper() {
    let l = line(RS, Y, json!({"kind": "conference", "level": "national", "date": "2019-05-01", "days": 2, "presentedPaper": true}));
    check(&l, exact(18.0), Credited);
    assert!(l.explain.contains("2 天 × 6 学时/天 + 宣读论文 6 = 18"), "{}", l.explain);
    check(&line(RS, Y, json!({"kind": "conference", "level": "national", "date": "2019-05-01", "days": 3})), exact(18.0), Credited);
}

#[test]
fn fu_jian_er_4_bingtuan_level_4_a_day_plus_4() {
    check(
        &line(RS, Y, json!({"kind": "conference", "level": "provincial", "date": "2019-05-01", "days": 2, "presentedPaper": true})),
        exact(12.0),
        Credited,
    );
    // Half a day, given in hours: 4 ÷ 8 = 0.5 天 × 4.
    check(&line(RS, Y, json!({"kind": "conference", "level": "provincial", "date": "2019-05-01", "hours": 4})), exact(2.0), Credited);
}

#[test]
fn fu_jian_er_4_conferences_at_most_40_a_year() {
    let conf = |days| json!({"kind": "conference", "level": "national", "date": "2019-05-01", "days": days, "presentedPaper": true});
    let r = run(RS, Y, vec![conf(2), conf(2), conf(2)]);
    check(&r.lines[0], exact(18.0), Credited);
    check(&r.lines[1], exact(18.0), Credited);
    check(&r.lines[2], exact(4.0), Capped);
    assert_eq!(r.totals.professional, exact(40.0));
}

#[test]
fn fu_jian_er_4_city_conference_no_rate_within_the_cap() {
    let l = line(RS, Y, json!({"kind": "conference", "level": "city", "date": "2019-05-01", "days": 1}));
    check(&l, upto(40.0), UpTo);
    cites(&l, "附件一第（三）项");
}

#[test]
fn fu_jian_er_5_qualification_exams_40_35_30_and_licensure_40() {
    for (category, hours) in [("seniorTitle", 40.0), ("intermediateTitle", 35.0), ("juniorTitle", 30.0), ("licensure", 40.0)] {
        let l = line(RS, Y, json!({"kind": "qualificationExam", "category": category, "date": "2019-10-01"}));
        check(&l, exact(hours), Credited);
        cites(&l, "附件二第（五）项");
    }
    check(&line(RS, Y, json!({"kind": "qualificationExam", "category": "international", "date": "2019-10-01"})), exact(0.0), NotCovered);
}

#[test]
fn fu_jian_er_6_a_full_year_of_grassroots_service_deems_everything() {
    let r = run(RS, Y, vec![json!({"kind": "assignment", "months": 12, "date": "2019-12-31"})]);
    check(&r.lines[0], exact(0.0), Deemed);
    assert!(r.deemed.public && r.deemed.professional);
    assert_eq!(r.compliance, Compliance::Met);
    assert_eq!(r.shortfall.total, 0.0);
    let r = run(RS, Y, vec![json!({"kind": "assignment", "months": 11, "date": "2019-12-31"})]);
    check(&r.lines[0], exact(0.0), NotCovered);
    assert!(!r.deemed.public);
}

#[test]
fn fu_jian_er_7_language_and_computer_exams_10_each() {
    let r = run(
        RS,
        Y,
        vec![
            json!({"kind": "languageComputerExam", "title": "职称外语", "date": "2019-04-01"}),
            json!({"kind": "languageComputerExam", "title": "计算机", "date": "2019-06-01"}),
        ],
    );
    check(&r.lines[0], exact(10.0), Credited);
    check(&r.lines[1], exact(10.0), Credited);
    assert_eq!(r.totals.professional, exact(20.0));
}

#[test]
fn fu_jian_er_8_other_forms_confirmed_by_the_division() {
    check(&line(RS, Y, json!({"kind": "other", "hours": 10, "date": "2019-04-01"})), OPEN, Undetermined);
    check(&line(RS, Y, json!({"kind": "expertService", "days": 2, "date": "2019-04-01"})), OPEN, Undetermined);
}

#[test]
fn papers_are_not_rated_by_the_notice() {
    let l = line(RS, Y, json!({"kind": "paper", "venue": "national", "authors": 1, "date": "2019-04-01"}));
    check(&l, exact(0.0), NotCovered);
    assert!(l.explain.contains("附件二第（四）项"), "{}", l.explain);
}

#[test]
fn public_training_counts_towards_public() {
    let r = run(
        RS,
        Y,
        vec![
            json!({"kind": "training", "subject": "public", "date": "2019-03-01", "hours": 30}),
            json!({"kind": "training", "date": "2019-03-01", "hours": 60}),
        ],
    );
    assert_eq!(r.totals.public, exact(30.0));
    assert_eq!(r.compliance, Compliance::Met);
}

/// 附件二: every way it lists counts "凭相关有效证明"; the 公需 online course names none.
#[test]
fn attachment_2_rests_on_valid_proof() {
    let l = line(RS, Y, json!({"kind": "training", "subject": "professional", "hours": 8, "date": "2019-03-01"}));
    assert_eq!(l.evidence.iter().map(|e| e.to_string()).collect::<Vec<_>>(), ["相关有效证明"]);
    let l = line(RS, Y, json!({"kind": "training", "subject": "public", "hours": 8, "date": "2019-03-01"}));
    assert!(l.evidence.is_empty());
}

//! 新人社规〔2022〕9号 (seed 002): one test per numeric clause, with the document's numbers.

mod common;
use common::*;
use serde_json::json;
use xueshi::report::{Compliance, Status::*};

const RS: &str = "xinjiang-2022";
const Y: i32 = 2024;

#[test]
fn di_wu_tiao_90_a_year_two_thirds_professional() {
    let r = run(RS, Y, vec![]);
    assert_eq!(requirement(&r), (90.0, 0.0, 60.0));
    let info = engine().rule_sets().into_iter().find(|i| i.id == RS).unwrap();
    assert_eq!(info.requirement.professional_share, Some(2.0 / 3.0));
}

#[test]
fn di_liu_tiao_8_a_day() {
    let l = line(RS, Y, json!({"kind": "training", "date": "2024-05-01", "days": 3}));
    check(&l, exact(24.0), Credited);
    assert!(l.explain.contains("3 天 × 8 学时/天 = 24"), "{}", l.explain);
}

#[test]
fn di_liu_tiao_45_minutes_is_one_hour() {
    check(&line(RS, Y, json!({"kind": "training", "date": "2024-05-01", "minutes": 90})), exact(2.0), Credited);
    check(&line(RS, Y, json!({"kind": "training", "date": "2024-05-01", "minutes": 100})), exact(2.22), Credited);
    // A day and a part of a day.
    check(&line(RS, Y, json!({"kind": "training", "date": "2024-05-01", "days": 1, "minutes": 45})), exact(9.0), Credited);
}

#[test]
fn di_liu_tiao_a_part_of_a_day_is_at_most_a_day() {
    // v1.1 rule 3: "不足一天的，按照每 45 分钟相当于 1 学时": 480 minutes are not 10.67.
    let l = line(RS, Y, json!({"kind": "training", "date": "2024-05-01", "minutes": 480}));
    check(&l, exact(8.0), Capped);
    assert!(l.explain.contains("480 分钟 ÷ 45 分钟/学时"), "{}", l.explain);
    check(&line(RS, Y, json!({"kind": "training", "date": "2024-05-01", "minutes": 360})), exact(8.0), Credited);
    check(&line(RS, Y, json!({"kind": "training", "date": "2024-05-01", "days": 2, "minutes": 600})), exact(24.0), Capped);
}

#[test]
fn di_ba_tiao_1_training_actual_study_time() {
    let l = line(RS, Y, json!({"kind": "training", "date": "2024-05-01", "hours": 36}));
    check(&l, exact(36.0), Credited);
    cites(&l, "第八条第（一）项");
    assert_eq!(l.subject.as_str(), "professional");
}

#[test]
fn di_shi_er_tiao_public_training_counts_as_public() {
    let l = line(RS, Y, json!({"kind": "training", "subject": "public", "date": "2024-05-01", "hours": 30}));
    check(&l, exact(30.0), Credited);
    assert_eq!(l.subject.as_str(), "public");
    cites(&l, "第十二条");
}

#[test]
fn di_ba_tiao_2_advanced_seminar_deems_professional_done() {
    let r = run(RS, Y, vec![json!({"kind": "advancedSeminar", "level": "national", "date": "2024-06-01"})]);
    check(&r.lines[0], exact(0.0), Deemed);
    assert!(r.deemed.professional && !r.deemed.public);
    assert_eq!(r.shortfall.professional, 0.0);
    // 90 in all is still owed: 60 deemed, 30 more of either part.
    assert_eq!(r.shortfall.total, 30.0);
    assert_eq!(r.compliance, Compliance::Short);
    let r = run(
        RS,
        Y,
        vec![
            json!({"kind": "advancedSeminar", "level": "provincial", "date": "2024-06-01"}),
            json!({"kind": "training", "subject": "public", "date": "2024-03-01", "hours": 30}),
        ],
    );
    assert_eq!(r.compliance, Compliance::Met);
}

#[test]
fn di_ba_tiao_2_refresher_actual_time_at_most_60() {
    let r = run(
        RS,
        Y,
        vec![json!({"kind": "refresher", "date": "2024-03-01", "days": 5}), json!({"kind": "refresher", "date": "2024-09-01", "days": 5})],
    );
    check(&r.lines[0], exact(40.0), Credited);
    check(&r.lines[1], exact(20.0), Capped);
    assert_eq!(r.totals.professional, exact(60.0));
}

#[test]
fn di_ba_tiao_3_practice_at_most_30() {
    check(&line(RS, Y, json!({"kind": "practice", "date": "2024-03-01", "days": 5})), exact(30.0), Capped);
    check(&line(RS, Y, json!({"kind": "practice", "date": "2024-03-01", "hours": 12})), exact(12.0), Credited);
}

#[test]
fn di_ba_tiao_4_lecturer_six_times_at_most_50() {
    let r = run(
        RS,
        Y,
        vec![
            json!({"kind": "lecture", "level": "provincial", "date": "2024-03-01", "hours": 4}),
            json!({"kind": "lecture", "level": "national", "date": "2024-04-01", "hours": 6}),
        ],
    );
    check(&r.lines[0], exact(24.0), Credited);
    assert!(r.lines[0].explain.contains("4 学时 × 6 = 24"), "{}", r.lines[0].explain);
    check(&r.lines[1], exact(26.0), Capped);
    cites(&r.lines[1], "第八条第（四）项");
}

#[test]
fn di_ba_tiao_4_city_level_lecture_not_covered() {
    let l = line(RS, Y, json!({"kind": "lecture", "level": "city", "date": "2024-03-01", "hours": 2}));
    check(&l, exact(0.0), NotCovered);
    cites(&l, "第八条第（四）项");
}

#[test]
fn di_ba_tiao_4_attendee_up_to_20() {
    let r = run(
        RS,
        Y,
        vec![
            json!({"kind": "conference", "level": "national", "date": "2024-03-01", "days": 2}),
            json!({"kind": "conference", "level": "provincial", "date": "2024-05-01", "days": 1}),
        ],
    );
    check(&r.lines[0], upto(20.0), UpTo);
    check(&r.lines[1], exact(0.0), Capped);
    assert_eq!(r.totals.professional, upto(20.0));
}

#[test]
fn di_ba_tiao_5_bachelor_deemed_for_four_years() {
    for year in 2021..=2024 {
        let r = run(RS, year, vec![json!({"kind": "degree", "level": "bachelor", "mode": "study", "date": "2024-06-30"})]);
        check(&r.lines[0], exact(0.0), Deemed);
        assert!(r.deemed.professional, "{year}");
    }
    let r = run(RS, 2020, vec![json!({"kind": "degree", "level": "bachelor", "mode": "study", "date": "2024-06-30"})]);
    check(&r.lines[0], exact(0.0), OtherYear);
    assert!(!r.deemed.professional);
}

#[test]
fn di_ba_tiao_5_master_three_years_doctor_two() {
    let deemed = |level: &str, year: i32| {
        run(RS, year, vec![json!({"kind": "degree", "level": level, "mode": "study", "date": "2025-07-01"})]).deemed.professional
    };
    assert!(deemed("master", 2023) && !deemed("master", 2022));
    assert!(deemed("doctor", 2024) && !deemed("doctor", 2023));
    assert!(!deemed("doctor", 2026), "a degree counts for its year and the years before, not after");
}

#[test]
fn di_ba_tiao_6_patents_and_ip_up_to_40() {
    let r = run(
        RS,
        Y,
        vec![json!({"kind": "patent", "type": "invention", "date": "2024-03-01"}), json!({"kind": "softwareCopyright", "date": "2024-05-01"})],
    );
    check(&r.lines[0], upto(40.0), UpTo);
    check(&r.lines[1], exact(0.0), Capped);
}

#[test]
fn di_ba_tiao_7_research_project_up_to_40() {
    check(&line(RS, Y, json!({"kind": "researchProject", "level": "provincial", "date": "2024-12-01"})), upto(40.0), UpTo);
    check(&line(RS, Y, json!({"kind": "researchProject", "level": "other", "date": "2024-12-01"})), exact(0.0), NotCovered);
}

#[test]
fn di_ba_tiao_8_sole_author_paper_up_to_20_book_up_to_40() {
    let r = run(
        RS,
        Y,
        vec![
            json!({"kind": "paper", "venue": "national", "authors": 1, "date": "2024-03-01"}),
            json!({"kind": "paper", "venue": "provincial", "authors": 1, "date": "2024-04-01"}),
            json!({"kind": "book", "role": "author", "date": "2024-05-01"}),
        ],
    );
    check(&r.lines[0], upto(20.0), UpTo);
    check(&r.lines[1], exact(0.0), Capped);
    check(&r.lines[2], upto(40.0), UpTo);
    cites(&r.lines[2], "第八条第（八）项");
}

#[test]
fn di_ba_tiao_8_co_authored_paper_at_most_what_the_20_leaves() {
    // v1.1 rule 2: the amount is open, but 第八条（八） caps papers at 20 a year.
    let l = line(RS, Y, json!({"kind": "paper", "venue": "national", "authors": 3, "date": "2024-03-01"}));
    check(&l, upto(20.0), UpTo);
    cites(&l, "第八条第（八）项");
    let r = run(
        RS,
        Y,
        vec![
            json!({"kind": "paper", "venue": "national", "authors": 1, "date": "2024-03-01"}),
            json!({"kind": "paper", "venue": "provincial", "authors": 2, "date": "2024-04-01"}),
        ],
    );
    check(&r.lines[0], upto(20.0), UpTo);
    check(&r.lines[1], exact(0.0), Capped);
    assert_eq!(r.totals.professional, upto(20.0));
}

#[test]
fn a_nurse_with_3_days_of_training_and_a_co_authored_paper_cannot_reach_90() {
    // v1.1 rule 6: 24 + at most 20 < 60, so the result is short, not possible.
    let r = run(
        RS,
        Y,
        vec![
            json!({"kind": "training", "date": "2024-05-01", "days": 3}),
            json!({"kind": "paper", "venue": "provincial", "authors": 3, "date": "2024-06-01"}),
        ],
    );
    assert_eq!(r.totals.total, xueshi::report::Range { min: 24.0, max: Some(44.0) });
    assert_eq!(r.compliance, Compliance::Short);
    assert_eq!((r.shortfall.professional, r.shortfall.total), (36.0, 66.0));
}

#[test]
fn di_ba_tiao_9_qualification_exam_undetermined() {
    let l = line(RS, Y, json!({"kind": "qualificationExam", "category": "licensure", "subjects": 2, "date": "2024-10-01"}));
    check(&l, OPEN, Undetermined);
    cites(&l, "第八条第（九）项");
}

#[test]
fn di_ba_tiao_10_other_forms_up_to_30() {
    check(&line(RS, Y, json!({"kind": "other", "hours": 12, "date": "2024-10-01"})), upto(30.0), UpTo);
}

#[test]
fn di_jiu_tiao_no_carry_over() {
    let l = line(RS, Y, json!({"kind": "training", "date": "2023-12-31", "hours": 40}));
    check(&l, exact(0.0), OtherYear);
    assert!(l.explain.contains("第九条"), "{}", l.explain);
}

#[test]
fn di_shi_tiao_sickness_may_reduce_the_requirement() {
    let r = run(RS, Y, vec![json!({"kind": "leave", "reason": "sickness", "months": 7, "date": "2024-08-01"})]);
    check(&r.lines[0], exact(0.0), Undetermined);
    assert_eq!(r.requirement.total, 90.0);
    assert_eq!(r.compliance, Compliance::Possible);
    assert!(r.notes.iter().any(|n| n.contains("可能达标")));
    let met = run(
        RS,
        Y,
        vec![
            json!({"kind": "leave", "reason": "sickness", "months": 7, "date": "2024-08-01"}),
            json!({"kind": "training", "date": "2024-03-01", "hours": 90}),
        ],
    );
    assert_eq!(met.compliance, Compliance::Met);
    assert!(!met.notes.iter().any(|n| n.contains("可能达标")), "{:?}", met.notes);
    let l = line(RS, Y, json!({"kind": "leave", "reason": "abroad", "months": 7, "date": "2024-08-01"}));
    check(&l, exact(0.0), NotCovered);
}

#[test]
fn di_shi_ba_tiao_in_force_2023_02_01_to_2028_01_31() {
    let applies = |year| run(RS, year, vec![]).applies.in_force;
    assert!(!applies(2022));
    assert!(applies(2023) && applies(2025) && applies(2028));
    assert!(!applies(2029));
    assert!(run(RS, 2023, vec![]).applies.note.contains("部分"));
}

#[test]
fn kinds_the_document_does_not_mention_are_not_covered() {
    for a in [
        json!({"kind": "award", "level": "national", "date": "2024-03-01"}),
        json!({"kind": "competition", "date": "2024-03-01"}),
        json!({"kind": "assignment", "months": 12, "date": "2024-03-01"}),
        json!({"kind": "unitStudy", "hours": 10, "date": "2024-03-01"}),
    ] {
        let l = line(RS, Y, a);
        check(&l, exact(0.0), NotCovered);
        assert!(l.clause.is_none());
        assert!(l.explain.contains("第八条第（十）项"), "{}", l.explain);
    }
}

/// 第十条: the relief rests on "所在单位出具证明".
#[test]
fn di_shi_tiao_relief_needs_the_employers_certificate() {
    let l = line(RS, Y, json!({"kind": "leave", "reason": "sickness", "months": 3, "date": "2024-03-01"}));
    assert_eq!(l.status, Undetermined);
    assert_eq!(l.evidence.iter().map(|e| e.to_string()).collect::<Vec<_>>(), ["所在单位出具证明"]);
}

/// 第八条（五） "本科及以上": a 专科 diploma is named and not credited.
#[test]
fn di_ba_tiao_5_an_associate_diploma_is_not_covered() {
    let l = line(RS, Y, json!({"kind": "degree", "level": "associate", "mode": "study", "date": "2024-07-01"}));
    check(&l, exact(0.0), NotCovered);
    cites(&l, "第八条第（五）项");
    assert!(l.explain.to_string().contains("本科及以上"), "{}", l.explain);
}

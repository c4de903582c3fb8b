//! 泰安市 2022 notice (seed 004): 二（三）1–4.

mod common;
use common::*;
use serde_json::json;
use xueshi::report::Status::*;

const RS: &str = "taian-2022";
const Y: i32 = 2022;

#[test]
fn er_yi_90_a_year_public_30_professional_60() {
    let r = run(RS, Y, vec![]);
    assert_eq!(requirement(&r), (90.0, 30.0, 60.0));
}

#[test]
fn er_san_1_degree_100_for_each_year_of_study() {
    let degree = json!({"kind": "degree", "level": "bachelor", "mode": "study", "date": "2023-06-30"});
    for year in 2020..=2023 {
        let l = line(RS, year, degree.clone());
        check(&l, exact(100.0), Credited);
        cites(&l, "二（三）1");
    }
    check(&line(RS, 2019, degree.clone()), exact(0.0), OtherYear);
    check(&line(RS, 2024, degree), exact(0.0), OtherYear);
    // A stated programme length wins over the default.
    let two_years = json!({"kind": "degree", "level": "master", "mode": "study", "studyYears": 2, "date": "2022-06-30"});
    check(&line(RS, 2021, two_years.clone()), exact(100.0), Credited);
    check(&line(RS, 2020, two_years), exact(0.0), OtherYear);
}

#[test]
fn er_san_1_self_study_exam_25_a_course() {
    let l = line(RS, Y, json!({"kind": "selfStudyExam", "courses": 3, "date": "2022-04-01"}));
    check(&l, exact(75.0), Credited);
    assert!(l.explain.contains("25 × 3 门 = 75"), "{}", l.explain);
}

#[test]
fn er_san_1_graduate_courses_150_once() {
    check(&line(RS, Y, json!({"kind": "graduateCourses", "date": "2022-07-01"})), exact(150.0), Credited);
    check(&line(RS, 2023, json!({"kind": "graduateCourses", "date": "2022-07-01"})), exact(0.0), OtherYear);
}

#[test]
fn er_san_1_in_service_master_200_doctor_300() {
    check(&line(RS, Y, json!({"kind": "degree", "level": "master", "mode": "degreeOnly", "date": "2022-07-01"})), exact(200.0), Credited);
    check(&line(RS, Y, json!({"kind": "degree", "level": "doctor", "mode": "degreeOnly", "date": "2022-07-01"})), exact(300.0), Credited);
    check(&line(RS, Y, json!({"kind": "degree", "level": "bachelor", "mode": "degreeOnly", "date": "2022-07-01"})), exact(0.0), NotCovered);
}

#[test]
fn er_san_2_awards_150_125_75_50() {
    for (level, hours) in [("national", 150.0), ("provincial", 125.0), ("city", 75.0), ("county", 50.0)] {
        let l = line(RS, Y, json!({"kind": "award", "level": level, "date": "2022-09-01"}));
        check(&l, exact(hours), Credited);
        cites(&l, "二（三）2");
    }
}

#[test]
fn er_san_3_papers_shared_equally_by_the_authors() {
    let paper = |venue: &str, authors: u32| line(RS, Y, json!({"kind": "paper", "venue": venue, "authors": authors, "date": "2022-03-01"}));
    let l = paper("national", 3);
    check(&l, exact(41.67), Credited);
    assert!(l.explain.contains("125 ÷ 3 位作者 = 41.67"), "{}", l.explain);
    check(&paper("national", 2), exact(62.5), Credited);
    check(&paper("foreign", 1), exact(225.0), Credited);
    check(&paper("foreign", 7), exact(32.14), Credited);
    check(&paper("provincial", 3), exact(16.67), Credited);
    check(&paper("city", 4), exact(6.25), Credited);
}

#[test]
fn er_san_3_conference_papers_need_a_journal() {
    let l = line(RS, Y, json!({"kind": "paper", "venue": "national", "authors": 1, "conferencePaper": true, "date": "2022-03-01"}));
    check(&l, exact(0.0), NotCovered);
    cites(&l, "二（三）3");
}

#[test]
fn er_san_4_books_100_85_20_by_role() {
    for (role, hours) in [("editorInChief", 100.0), ("deputyEditor", 85.0), ("editorialBoard", 20.0)] {
        check(&line(RS, Y, json!({"kind": "book", "role": role, "date": "2022-09-01"})), exact(hours), Credited);
        check(&line(RS, Y, json!({"kind": "book", "role": role, "translation": true, "date": "2022-09-01"})), exact(hours), Credited);
    }
    check(&line(RS, Y, json!({"kind": "book", "role": "author", "date": "2022-09-01"})), OPEN, Undetermined);
}

#[test]
fn er_er_training_registered_hours_by_subject() {
    let r = run(
        RS,
        Y,
        vec![
            json!({"kind": "training", "subject": "public", "date": "2022-03-01", "hours": 30}),
            json!({"kind": "training", "date": "2022-03-01", "days": 2}),
        ],
    );
    assert_eq!((r.totals.public, r.totals.professional), (exact(30.0), exact(16.0)));
}

#[test]
fn no_caps_so_a_big_year_is_met() {
    let r = run(
        RS,
        Y,
        vec![
            json!({"kind": "training", "subject": "public", "date": "2022-03-01", "hours": 30}),
            json!({"kind": "paper", "venue": "national", "authors": 1, "date": "2022-03-01"}),
        ],
    );
    assert_eq!(r.totals.total, exact(155.0));
    assert_eq!(r.compliance, xueshi::report::Compliance::Met);
}

#[test]
fn kinds_the_notice_does_not_mention_are_not_covered() {
    for a in [
        json!({"kind": "patent", "type": "invention", "date": "2022-02-01"}),
        json!({"kind": "conference", "level": "national", "days": 2, "date": "2022-02-01"}),
        json!({"kind": "leave", "reason": "maternity", "months": 5, "date": "2022-02-01"}),
    ] {
        let l = line(RS, Y, a);
        check(&l, exact(0.0), NotCovered);
        assert!(l.clause.is_none());
    }
}

/// 四（三）: from 2022, make-up of 2018–2021 公需 and 专业, counted in that year.
#[test]
fn si_san_make_up_study_of_2018_to_2021() {
    let public = json!({"kind": "training", "subject": "public", "hours": 30, "date": "2022-03-01", "makeUpFor": 2019});
    let l = line(RS, 2019, public.clone());
    check(&l, exact(30.0), Credited);
    assert_eq!(l.subject, xueshi::ruleset::Subject::Public);
    check(&line(RS, 2022, public), exact(0.0), OtherYear);
    let l = line(RS, 2017, json!({"kind": "training", "hours": 8, "date": "2022-03-01", "makeUpFor": 2017}));
    check(&l, exact(0.0), NotCovered);
    cites(&l, "四（三）");
}

/// 二（三）1 "各种学历教育": 专科 too, 100 a year of its programme (3 years unless stated).
#[test]
fn er_san_1_an_associate_diploma_is_a_degree_education_too() {
    let associate = json!({"kind": "degree", "level": "associate", "mode": "study", "date": "2022-07-01"});
    for year in 2020..=2022 {
        check(&line(RS, year, associate.clone()), exact(100.0), Credited);
    }
    check(&line(RS, 2019, associate), exact(0.0), OtherYear);
}

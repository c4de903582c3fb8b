//! 阿地人社传〔2024〕5号 (seed 000): its own requirement, crediting by 新人社规〔2022〕9号.

mod common;
use common::*;
use serde_json::json;
use xueshi::report::{Compliance, Status::*};

const RS: &str = "aksu-2024";
const Y: i32 = 2024;

#[test]
fn er_90_a_year_public_30_professional_60() {
    let r = run(RS, Y, vec![]);
    assert_eq!(requirement(&r), (90.0, 30.0, 60.0));
}

#[test]
fn er_credits_by_the_xinjiang_method_citing_it() {
    let a = json!({"kind": "lecture", "level": "provincial", "date": "2024-03-01", "hours": 4});
    let aksu = line(RS, Y, a.clone());
    let xinjiang = line("xinjiang-2022", Y, a);
    check(&aksu, exact(24.0), Credited);
    assert_eq!(aksu.hours, xinjiang.hours);
    cites(&aksu, "新人社规〔2022〕9号第八条第（四）项");
    assert_eq!(aksu.clause.as_ref().map(|c| &c.quote), xinjiang.clause.as_ref().map(|c| &c.quote));
    assert!(run(RS, Y, vec![]).notes.iter().any(|n| n.contains("二、学习内容及学时")));
}

#[test]
fn er_public_part_needs_its_own_30() {
    // 新疆 sets no 公需 minimum, 阿克苏 does: the same year differs.
    let year = vec![json!({"kind": "training", "date": "2024-03-01", "hours": 90})];
    assert_eq!(run("xinjiang-2022", Y, year.clone()).compliance, Compliance::Met);
    let r = run(RS, Y, year);
    assert_eq!(r.compliance, Compliance::Short);
    assert_eq!(r.shortfall.public, 30.0);
    assert_eq!(r.shortfall.total, 0.0);
}

#[test]
fn er_caps_and_deemed_degrees_carry_over_from_xinjiang() {
    let r = run(
        RS,
        Y,
        vec![
            json!({"kind": "practice", "date": "2024-03-01", "days": 5}),
            json!({"kind": "degree", "level": "doctor", "mode": "study", "date": "2025-01-10"}),
        ],
    );
    check(&r.lines[0], exact(30.0), Capped);
    check(&r.lines[1], exact(0.0), Deemed);
    assert!(r.deemed.professional);
}

#[test]
fn governs_2024_only() {
    assert!(run(RS, 2024, vec![]).applies.in_force);
    let r = run(RS, 2025, vec![]);
    assert!(!r.applies.in_force);
    assert!(r.applies.note.contains("不适用"));
}

/// 六、补学要求: make-up of 2020–2023, at most three of those years, done from 2024-04-10
/// to 2024-11-30; it counts in the year it makes up.
#[test]
fn liu_make_up_study_of_2022_done_in_2024() {
    let a = json!({"kind": "training", "subject": "professional", "hours": 24, "date": "2024-05-10", "makeUpFor": 2022});
    let l = line(RS, 2022, a.clone());
    check(&l, exact(24.0), Credited);
    assert!(l.explain.to_string().starts_with("补学 2022 年度，"), "{}", l.explain);
    // The proof of the crediting clause and of make-up study.
    assert!(l.evidence.iter().any(|e| &**e == "补学合格证书"));
    // Not in the year it was done.
    check(&line(RS, Y, a.clone()), exact(0.0), OtherYear);
    // 新疆's own regulation allows no make-up study.
    let x = line("xinjiang-2022", 2022, a);
    check(&x, exact(0.0), NotCovered);
    assert!(x.explain.contains("本文件未规定补学"), "{}", x.explain);
}

#[test]
fn liu_make_up_outside_its_years_or_its_dates_is_not_covered() {
    for (date, year) in [("2024-04-09", 2022), ("2024-12-01", 2022), ("2024-05-10", 2019)] {
        let l = line(RS, year, json!({"kind": "training", "hours": 8, "date": date, "makeUpFor": year}));
        check(&l, exact(0.0), NotCovered);
        cites(&l, "六、补学要求");
        assert!(l.explain.contains("只允许补 2020–2023 年度，于 2024-04-10 至 2024-11-30 完成"), "{}", l.explain);
    }
}

#[test]
fn liu_at_most_three_years_the_earliest_count() {
    let acts: Vec<_> = (2020..=2023).map(|y| json!({"kind": "training", "hours": 8, "date": "2024-06-01", "makeUpFor": y})).collect();
    check(&run(RS, 2022, acts.clone()).lines[2], exact(8.0), Credited);
    let r = run(RS, 2023, acts);
    check(&r.lines[3], exact(0.0), NotCovered);
    assert!(r.lines[3].explain.contains("最多补 3 个年度"), "{}", r.lines[3].explain);
}

#[test]
fn make_up_for_must_be_an_earlier_year() {
    let e = evaluate(json!({"year": 2024, "activities": [{"id": "a", "kind": "training", "hours": 8, "date": "2024-06-01", "makeUpFor": 2024}]}))
        .unwrap_err();
    assert_eq!(e.path, "activities[0].makeUpFor");
    assert!(e.message_zh().contains("早于活动日期"), "{}", e.message_zh());
}

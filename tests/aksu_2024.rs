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

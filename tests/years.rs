//! `evaluateYears` (contract v2): one Report a year over a span, the same activities
//! attributed by date, degrees in every year they cover, make-up study in its year.

mod common;
use common::*;
use serde_json::json;
use xueshi::report::{Compliance, Status};

fn years(input: serde_json::Value) -> xueshi::report::YearsReport {
    engine().evaluate_years_text(&input.to_string()).unwrap_or_else(|e| panic!("{e}"))
}

/// 新疆 第八条（五）: a bachelor's obtained in 2022 counts as 专业 done for 2019–2022.
#[test]
fn a_bachelors_of_2022_under_xinjiang_covers_2019_to_2022() {
    let r = years(json!({
        "from": 2017, "to": 2023, "ruleSets": ["xinjiang-2022"],
        "activities": [{"id": "ba", "kind": "degree", "level": "bachelor", "mode": "study", "date": "2022-07-01"}]
    }));
    assert_eq!((r.from, r.to, r.years.len()), (2017, 2023, 7));
    for report in &r.years {
        let result = &report.results[0];
        let covered = (2019..=2022).contains(&report.year);
        let want = if covered { Status::Deemed } else { Status::OtherYear };
        assert_eq!(result.lines[0].status, want, "{}", report.year);
        assert_eq!(result.deemed.professional, covered, "{}", report.year);
    }
}

/// 阿克苏 六: make-up of 2022 done in 2024 counts in 2022 and not in 2024; a year with no
/// study at all stays short.
#[test]
fn aksu_make_up_of_2022_counts_in_2022() {
    let r = years(json!({
        "from": 2021, "to": 2024, "ruleSets": ["aksu-2024"],
        "activities": [
            {"id": "pub", "kind": "training", "subject": "public", "hours": 30, "date": "2024-05-10", "makeUpFor": 2022},
            {"id": "pro", "kind": "training", "subject": "professional", "hours": 60, "date": "2024-06-10", "makeUpFor": 2022}
        ]
    }));
    let by_year = |y: i32| &r.years[(y - 2021) as usize].results[0];
    assert_eq!(by_year(2022).compliance, Compliance::Met);
    assert_eq!(by_year(2022).totals.total, exact(90.0));
    for y in [2021, 2023, 2024] {
        assert_eq!(by_year(y).compliance, Compliance::Short, "{y}");
        assert!(by_year(y).lines.iter().all(|l| l.status == Status::OtherYear), "{y}");
    }
}

#[test]
fn each_year_is_the_report_evaluate_gives() {
    let activities = json!([
        {"id": "t", "kind": "training", "hours": 40, "date": "2023-03-01"},
        {"id": "p", "kind": "patent", "type": "invention", "date": "2024-03-01"}
    ]);
    let r = years(json!({"from": 2023, "to": 2024, "activities": activities}));
    for report in r.years {
        let one = evaluate(json!({"year": report.year, "activities": activities})).unwrap();
        assert_eq!(report, one);
    }
}

#[test]
fn a_span_is_checked_with_the_field_named() {
    let bad = |input: serde_json::Value| engine().evaluate_years_text(&input.to_string()).unwrap_err();
    let e = bad(json!({"from": 2024, "to": 2023, "activities": []}));
    assert_eq!((e.path.as_str(), e.message_zh().contains("不能早于 from")), ("to", true));
    let e = bad(json!({"from": 2014, "to": 2024, "activities": []}));
    assert_eq!(e.path, "to");
    assert!(e.message().contains("at most 10 years"), "{}", e.message());
    let e = bad(json!({"year": 2024, "from": 2023, "to": 2024, "activities": []}));
    assert_eq!(e.path, "year");
    let e = bad(json!({"to": 2024, "activities": []}));
    assert_eq!(e.path, "from");
}

//! `plan(input, ruleSetId)` (contract v2): ways to close the shortfall under one document,
//! measured by the engine on the input with the option added, guaranteed hours first.
#![cfg(not(target_arch = "wasm32"))]

mod arb;
mod common;
use common::*;
use proptest::prelude::*;
use serde_json::{json, Value};
use xueshi::report::Plan;

fn plan(input: &Value, rule_set: &str) -> Plan {
    engine().plan_text(&input.to_string(), rule_set).unwrap_or_else(|e| panic!("{e}"))
}

/// 枣庄 2024: 专业 short by 12. 附件第1条 training at 8 a day: 2 days give 16; 第5条 a
/// competition 10 a year, at most 30.
#[test]
fn zaozhuang_professional_short_by_12() {
    let input = json!({"year": 2024, "activities": [
        {"id": "p", "kind": "training", "subject": "public", "hours": 30, "date": "2024-03-01"},
        {"id": "q", "kind": "training", "subject": "professional", "hours": 48, "date": "2024-04-01"}
    ]});
    let p = plan(&input, "zaozhuang-2024");
    assert_eq!((p.shortfall.total, p.shortfall.public, p.shortfall.professional), (12.0, 0.0, 12.0));
    let first = &p.options[0];
    assert!(first.hours.min >= 12.0, "{first:?}");
    let training = p.options.iter().find(|o| o.kind == "training").expect("training");
    assert_eq!((training.hours.min, &*training.clause.reference), (16.0, "附件第1条"));
    assert_eq!(serde_json::to_value(&training.activity).unwrap()["days"], json!(2.0));
    assert!(training.explain.to_string().starts_with("专业科目 还差 12："), "{}", training.explain);
    let competition = p.options.iter().find(|o| o.kind == "competition").expect("competition");
    assert_eq!(competition.hours.min, 10.0);
    assert!(competition.explain.to_string().contains("本年度还可计 30"), "{}", competition.explain);
    // Guaranteed hours come first.
    let mins: Vec<f64> = p.options.iter().map(|o| o.hours.min).collect();
    assert!(mins.windows(2).all(|w| w[0] >= w[1] || w[1] == 0.0), "{mins:?}");
    for o in &p.options {
        println!("{} {:?} {}", o.kind, o.hours, o.explain);
    }
}

#[test]
fn nothing_to_plan_when_met_or_exempt() {
    let met = json!({"year": 2024, "activities": [
        {"id": "p", "kind": "training", "subject": "public", "hours": 30, "date": "2024-03-01"},
        {"id": "q", "kind": "training", "subject": "professional", "hours": 60, "date": "2024-04-01"}
    ]});
    assert!(plan(&met, "zaozhuang-2024").options.is_empty());
    let exempt = json!({"year": 2022, "profile": {"employer": "enterprise"}, "activities": []});
    assert!(plan(&exempt, "taian-2022").options.is_empty());
    let e = engine().plan_text(&met.to_string(), "nowhere").unwrap_err();
    assert_eq!(e.path, "ruleSetId");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Adding an option's activity never credits less than the option said, and a capped
    /// option never more than its cap.
    #[test]
    fn an_option_added_credits_what_it_said(v in arb::input(6), which in 0usize..5) {
        let id = ["xinjiang-2022", "aksu-2024", "bingtuan-2019", "zaozhuang-2024", "taian-2022"][which];
        let p = plan(&v, id);
        for o in p.options.iter().take(6) {
            let mut with = v.clone();
            let mut a = serde_json::to_value(&o.activity).unwrap();
            a["id"] = json!("planned");
            with["activities"].as_array_mut().unwrap().push(a);
            with["ruleSets"] = json!([id]);
            let r = evaluate(with.clone()).unwrap_or_else(|e| panic!("{e}\n{with:#}"));
            let line = r.results[0].lines.iter().find(|l| l.activity == "planned").unwrap();
            prop_assert!(line.hours.min >= o.hours.min, "{} gives {:?}, said {:?}", o.kind, line.hours, o.hours);
            if let (Some(max), Some(said)) = (line.hours.max, o.hours.max) {
                prop_assert!(max <= said);
            }
        }
    }
}

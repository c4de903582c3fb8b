//! The five documents, one file each, written in the vocabulary of `model`.

mod aksu_2024;
mod bingtuan_2019;
mod taian_2022;
mod xinjiang_2022;
mod zaozhuang_2024;

use crate::model::*;

/// The built-in rule sets, in the contract's order.
pub fn built_in() -> Vec<RuleSet> {
    vec![
        xinjiang_2022::rule_set(),
        aksu_2024::rule_set(),
        bingtuan_2019::rule_set(),
        zaozhuang_2024::rule_set(),
        taian_2022::rule_set(),
    ]
}

// Small constructors so that each document reads as a table of its clauses.

pub(crate) fn clause(reference: &str, quote: &str) -> Clause {
    Clause { reference: reference.to_owned(), quote: quote.to_owned() }
}

pub(crate) fn rule(kind: &str, label: &str, credit: Credit, clause: &Clause) -> Rule {
    Rule {
        kind: kind.to_owned(),
        when: Vec::new(),
        credit,
        subject: SubjectOf::Professional,
        cap: None,
        label: label.to_owned(),
        clause: clause.clone(),
    }
}

impl Rule {
    /// Applies only when `field` has one of `values`.
    pub(crate) fn when(mut self, field: &str, values: &[&str]) -> Self {
        self.when.push(When { field: field.to_owned(), values: values.iter().map(|v| (*v).to_owned()).collect() });
        self
    }
    pub(crate) fn cap(mut self, id: &str) -> Self {
        self.cap = Some(id.to_owned());
        self
    }
    pub(crate) fn subject(mut self, subject: SubjectOf) -> Self {
        self.subject = subject;
        self
    }
}

pub(crate) fn cap(id: &str, hours: f64, label: &str) -> Cap {
    Cap { id: id.to_owned(), hours, label: label.to_owned() }
}

pub(crate) fn closest(kind: &str, note: &str) -> Closest {
    Closest { kind: kind.to_owned(), note: note.to_owned() }
}

pub(crate) fn fixed(hours: f64) -> Credit {
    Credit::Fixed { hours }
}

pub(crate) fn actual_time() -> Credit {
    Credit::Time { multiple: 1.0, max_per_day: None }
}

pub(crate) fn year_of(year: i32) -> Period {
    Period { from: format!("{year}-01-01"), to: format!("{year}-12-31") }
}

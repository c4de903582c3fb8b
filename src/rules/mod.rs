//! The five documents, one file each, written in the vocabulary of `model`.

mod aksu_2024;
mod bingtuan_2019;
mod taian_2022;
mod xinjiang_2022;
mod zaozhuang_2024;

use crate::model::*;

/// The built-in rule sets, in the contract's order.
pub fn built_in() -> Vec<RuleSet> {
    vec![xinjiang_2022::rule_set(), aksu_2024::rule_set(), bingtuan_2019::rule_set(), zaozhuang_2024::rule_set(), taian_2022::rule_set()]
}

// Small constructors so that each document reads as a table of its clauses.

pub(crate) fn clause(reference: &'static str, quote: &'static str) -> Clause {
    Clause { reference: reference.into(), quote: quote.into() }
}

pub(crate) fn rule(kind: &'static str, label: &'static str, credit: Credit, clause: &Clause) -> Rule {
    Rule { kind: kind.into(), when: Vec::new(), credit, subject: SubjectOf::Professional, cap: None, label: label.into(), clause: clause.clone() }
}

impl Rule {
    /// Applies only when `field` has one of `values`.
    pub(crate) fn when(mut self, field: &'static str, values: &[&'static str]) -> Self {
        self.when.push(When { field: field.into(), values: values.iter().map(|v| Text::from(*v)).collect() });
        self
    }
    pub(crate) fn cap(mut self, id: &'static str) -> Self {
        self.cap = Some(id.into());
        self
    }
    pub(crate) fn subject(mut self, subject: SubjectOf) -> Self {
        self.subject = subject;
        self
    }
}

pub(crate) fn cap(id: &'static str, hours: f64, label: &'static str) -> Cap {
    Cap { id: id.into(), hours, label: label.into() }
}

pub(crate) fn closest(kind: &'static str, note: &'static str) -> Closest {
    Closest { kind: kind.into(), note: note.into() }
}

pub(crate) fn fixed(hours: f64) -> Credit {
    Credit::Fixed { hours }
}

pub(crate) fn actual_time() -> Credit {
    Credit::Time { multiple: 1.0, max_per_day: None }
}

/// A calendar year, e.g. `year_of!("2024")`.
macro_rules! year_of {
    ($year:literal) => {
        Period { from: concat!($year, "-01-01").into(), to: concat!($year, "-12-31").into() }
    };
}
pub(crate) use year_of;

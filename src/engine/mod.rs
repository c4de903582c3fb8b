//! The engine value: the built-in rule sets and those loaded at runtime, each resolved
//! once (deferrals followed, clause refs as cited), and evaluation of inputs under them.
//! Generic over the rule set vocabulary; no document is named here.

mod line;
mod make_up;
#[cfg(feature = "review")]
mod plan;
mod result;
#[cfg(feature = "review")]
mod warnings;

use crate::error::{quoted, quoted_zh, Error, ErrorCode, Path};
use crate::hours::to_f64;
use crate::input::{self, Input, Known};
use crate::json::{self, Json};
use crate::report::{Governs, Range, Report, RequirementInfo, RuleSetInfo, YearsReport};
use crate::ruleset::read::{self, Context};
use crate::ruleset::{Clause, Crediting, Label, RuleSet, Rules, Source};
use crate::schema::{ExtraField, KindView, KINDS};
use crate::sym::Sym;
use std::sync::Arc;

/// The built-in documents, in the contract's order (a deferring one after its lender).
const BUILT_IN: [&str; 5] = [
    include_str!("../../rules/xinjiang-2022.json"),
    include_str!("../../rules/aksu-2024.json"),
    include_str!("../../rules/bingtuan-2019.json"),
    include_str!("../../rules/zaozhuang-2024.json"),
    include_str!("../../rules/taian-2022.json"),
];

/// Hours in cents; `max: None` is "no maximum".
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Span {
    pub min: i64,
    pub max: Option<i64>,
}

impl Span {
    const ZERO: Span = Span { min: 0, max: Some(0) };
    fn exact(c: i64) -> Span {
        Span { min: c, max: Some(c) }
    }
    fn range(self) -> Range {
        Range { min: to_f64(self.min), max: self.max.map(to_f64) }
    }
    fn add(self, o: Span) -> Span {
        Span { min: self.min + o.min, max: self.max.zip(o.max).map(|(a, b)| a + b) }
    }
}

/// A rule set as the engine holds it.
pub struct Entry {
    pub set: Arc<RuleSet>,
    /// The crediting rules as this rule set cites them: its own, or its lender's with
    /// the lender's document number before each clause ref.
    pub rules: Arc<Rules>,
    /// Where the rules are another document's: the note that says by which clause.
    pub deferral: Option<Label>,
    pub built_in: bool,
}

/// The rule sets an application works with: the built-in ones, then those it loaded.
pub struct Engine {
    entries: Vec<Entry>,
    /// Fields the loaded rule sets declare, all together (inputs may carry them).
    extras: Vec<ExtraField>,
}

impl Engine {
    /// An engine with the built-in rule sets.
    pub fn new() -> Result<Engine, Error> {
        let mut engine = Engine { entries: Vec::with_capacity(BUILT_IN.len()), extras: Vec::new() };
        for text in BUILT_IN {
            let set = read::read_text(text, Source::BuiltIn(text), &Context { extras: &engine.extras })?;
            engine.add(set, true)?;
        }
        Ok(engine)
    }

    /// An engine with built-in rule sets already read and resolved, in the compact form
    /// that `ruleset::compiled::encode` writes (a build without the document reader).
    pub fn from_compiled(bytes: &[u8]) -> Result<Engine, Error> {
        let damaged = || Error::new(ErrorCode::InvalidRuleSet, Path::Root("built-in"), "the built-in rule sets are damaged", "内置文件已损坏");
        let mut engine = Engine { entries: Vec::new(), extras: Vec::new() };
        for (set, resolved) in crate::ruleset::compiled::decode(bytes).ok_or_else(damaged)? {
            let (rules, deferral) = match (&set.crediting, resolved) {
                (Crediting::Own(rules), _) => (rules.clone(), None),
                (Crediting::From { .. }, Some((rules, note))) => (Arc::new(rules), Some(note)),
                (Crediting::From { .. }, None) => return Err(damaged()),
            };
            engine.entries.push(Entry { set: Arc::new(set), rules, deferral, built_in: true });
        }
        engine.collect_extras();
        Ok(engine)
    }

    /// The rule sets held, as the compact form writes them (`ruleset::compiled::encode`).
    pub fn compiled(&self) -> Vec<u8> {
        crate::ruleset::compiled::encode(self.entries.iter().map(|e| (&*e.set, &*e.rules, e.deferral.as_ref())))
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| *e.set.id == *id)
    }

    /// What a portal shows of each rule set: built-in ones in the contract's order, then
    /// the loaded ones in the order they were loaded.
    pub fn rule_sets(&self) -> Vec<RuleSetInfo> {
        self.entries.iter().map(info).collect()
    }

    /// The activity schema: the contract's kinds, with the fields loaded rule sets declare.
    pub fn kinds(&self) -> Vec<KindView<'_>> {
        KINDS.iter().enumerate().map(|(i, spec)| KindView::new(spec, self.extras.iter().filter(move |f| f.kind == i))).collect()
    }

    /// Reads a rule set document (JSON text), checks it and registers it by its id,
    /// replacing a loaded one of the same id (contract v2 `loadRuleSet`).
    pub fn load_text(&mut self, text: &str) -> Result<RuleSetInfo, Error> {
        let set = read::read_text(text, Source::Loaded(text.into()), &Context { extras: &self.extras })?;
        let index = self.add(set, false)?;
        Ok(info(&self.entries[index]))
    }

    /// Removes a loaded rule set; a built-in one, or one another rule set takes its rules
    /// from, stays.
    pub fn remove(&mut self, id: &str) -> Result<(), Error> {
        let path = Path::Root("id");
        let Some(i) = self.entries.iter().position(|e| *e.set.id == *id) else {
            return Err(Error::new(
                ErrorCode::UnknownRuleSet,
                path,
                format!("unknown rule set {}", quoted(id)),
                format!("未知的文件{}", quoted_zh(id)),
            ));
        };
        if self.entries[i].built_in {
            return Err(Error::new(
                ErrorCode::InvalidRuleSet,
                path,
                format!("{} is built in and cannot be removed", quoted(id)),
                format!("{}是内置文件，不能移除", quoted_zh(id)),
            ));
        }
        if let Some(d) = self.entries.iter().find(|e| matches!(&e.set.crediting, Crediting::From { rule_set, .. } if **rule_set == *id)) {
            let other = &d.set.id;
            return Err(Error::new(
                ErrorCode::InvalidRuleSet,
                path,
                format!("{} takes its rules from it; remove that first", quoted(other)),
                format!("{}的规则取自此文件，请先移除它", quoted_zh(other)),
            ));
        }
        self.entries.remove(i);
        self.collect_extras();
        Ok(())
    }

    /// The document a rule set was read from, as given (contract v2 `exportRuleSet`).
    pub fn export(&self, id: &str) -> Result<&str, Error> {
        let entry = self.get(id).ok_or_else(|| {
            Error::new(
                ErrorCode::UnknownRuleSet,
                Path::Root("id"),
                format!("unknown rule set {}", quoted(id)),
                format!("未知的文件{}", quoted_zh(id)),
            )
        })?;
        entry
            .set
            .source
            .text()
            .ok_or_else(|| Error::new(ErrorCode::UnknownRuleSet, Path::Root("id"), "this build keeps no document text", "此版本未保存文件原文"))
    }

    /// Registers a rule set read from a document: resolves where its rules come from,
    /// and re-resolves the rule sets that take theirs from it.
    fn add(&mut self, set: RuleSet, built_in: bool) -> Result<usize, Error> {
        let existing = self.entries.iter().position(|e| e.set.id == set.id);
        if existing.is_some_and(|i| self.entries[i].built_in) {
            let id = &set.id;
            return Err(read::bad(
                &Path::Root("document").field("id"),
                format!("{} is a built-in rule set and cannot be replaced; give the document another id", quoted(id)),
                format!("{}是内置文件，不能替换；请为此文件另取一个 id", quoted_zh(id)),
            ));
        }
        let (rules, deferral) = self.resolve(&set)?;
        let entry = Entry { set: Arc::new(set), rules, deferral, built_in };
        let index = match existing {
            Some(i) => {
                self.entries[i] = entry;
                i
            }
            None => {
                self.entries.push(entry);
                self.entries.len() - 1
            }
        };
        // A replaced lender: those that borrow from it follow the new rules.
        for i in 0..self.entries.len() {
            if matches!(self.entries[i].set.crediting, Crediting::From { .. }) {
                let (rules, deferral) = self.resolve(&self.entries[i].set)?;
                self.entries[i].rules = rules;
                self.entries[i].deferral = deferral;
            }
        }
        self.collect_extras();
        Ok(index)
    }

    fn collect_extras(&mut self) {
        self.extras = self.entries.iter().flat_map(|e| e.set.fields.iter().cloned()).collect();
    }

    /// A rule set's crediting rules, following `rulesFrom` to the document that has them.
    fn resolve(&self, set: &RuleSet) -> Result<(Arc<Rules>, Option<Label>), Error> {
        let (first, clause) = match &set.crediting {
            Crediting::Own(rules) => return Ok((rules.clone(), None)),
            Crediting::From { rule_set, clause } => (rule_set, clause),
        };
        let path = Path::Root("document");
        let at = path.field("rulesFrom");
        let at = at.field("ruleSet");
        let mut chain: Vec<&str> = vec![&set.id];
        let mut next = first;
        let (lender, rules) = loop {
            let Some(lender) = self.get(next).filter(|e| e.set.id != set.id) else {
                return Err(read::bad(
                    &at,
                    format!("no rule set has the id {} (load it first)", quoted(next)),
                    format!("没有 id 为{}的文件（请先载入它）", quoted_zh(next)),
                ));
            };
            chain.push(&lender.set.id);
            match &lender.set.crediting {
                Crediting::Own(rules) => break (lender, rules),
                Crediting::From { rule_set, .. } if chain.contains(&&**rule_set) => {
                    let chain = chain.join(" → ") + " → " + rule_set;
                    return Err(read::bad(&at, format!("takes rules from itself: {chain}"), format!("规则来源形成循环：{chain}")));
                }
                Crediting::From { rule_set, .. } => next = rule_set,
            }
        };
        let doc = lender.set.doc_number.as_ref().unwrap_or(&lender.set.title);
        let deferral = Label {
            zh: Sym::new(&format!("{}：其他方式的学时按所引文件的办法认定", clause.reference)),
            en: Some(Sym::new(&format!("“{}”: other forms of study are credited by the method of the document it cites", clause.reference))),
        };
        Ok((Arc::new(cited(rules, doc)), Some(deferral)))
    }

    /// Validates a JSON input against the contract and the rule sets held.
    pub fn parse<'a>(&'a self, value: &'a Json<'a>) -> Result<Input<'a>, Error> {
        let ids: Vec<&str> = self.entries.iter().map(|e| &*e.set.id).collect();
        let built_in = self.entries.iter().take_while(|e| e.built_in).count();
        input::validate(value, &Known { rule_sets: &ids, built_in, extras: &self.extras })
    }

    /// Validates and evaluates an input of `evaluateYears` (`from`, `to`): one Report a
    /// year, the same activities attributed by date.
    pub fn evaluate_years(&self, value: &Json) -> Result<YearsReport, Error> {
        let ids: Vec<&str> = self.entries.iter().map(|e| &*e.set.id).collect();
        let built_in = self.entries.iter().take_while(|e| e.built_in).count();
        let (mut input, to) = input::validate_years(value, &Known { rule_sets: &ids, built_in, extras: &self.extras })?;
        let from = input.year;
        let years = (from..=to)
            .map(|year| {
                input.year = year;
                self.evaluate_input(&input)
            })
            .collect();
        Ok(YearsReport { from, to, years })
    }

    /// Ways to close the shortfall of the input under one rule set (contract v2 `plan`);
    /// the input's `ruleSets` is not needed.
    #[cfg(feature = "review")]
    pub fn plan(&self, value: &Json, rule_set: &str) -> Result<crate::report::Plan, Error> {
        let index = self.entries.iter().position(|e| *e.set.id == *rule_set).ok_or_else(|| {
            Error::new(
                ErrorCode::UnknownRuleSet,
                Path::Root("ruleSetId"),
                format!("unknown rule set {}", quoted(rule_set)),
                format!("未知的文件{}", quoted_zh(rule_set)),
            )
        })?;
        let input = self.parse(value)?;
        Ok(plan::plan(&self.entries[index], &input))
    }

    /// [`Engine::plan`] of JSON text.
    #[cfg(feature = "review")]
    pub fn plan_text(&self, text: &str, rule_set: &str) -> Result<crate::report::Plan, Error> {
        self.plan(&read_json(text)?, rule_set)
    }

    /// [`Engine::evaluate_years`] of JSON text.
    pub fn evaluate_years_text(&self, text: &str) -> Result<YearsReport, Error> {
        self.evaluate_years(&read_json(text)?)
    }

    /// Evaluates a validated input under the rule sets it names.
    pub fn evaluate_input(&self, input: &Input) -> Report {
        Report { year: input.year, results: input.rule_sets.iter().map(|&i| result::evaluate_one(&self.entries[i], input)).collect() }
    }

    /// Validates and evaluates.
    pub fn evaluate(&self, value: &Json) -> Result<Report, Error> {
        self.parse(value).map(|input| self.evaluate_input(&input))
    }

    /// Evaluates an input given as JSON text (from a native caller, or `JSON.stringify` in
    /// the wasm facade).
    pub fn evaluate_text(&self, text: &str) -> Result<Report, Error> {
        self.evaluate(&read_json(text)?)
    }
}

/// Reads JSON text of an input; what cannot be read is an `invalidInput` error at the path
/// where reading stopped.
pub fn read_json(text: &str) -> Result<Json<'_>, Error> {
    json::parse(text).map_err(|e| {
        let path = if e.path.is_empty() { "input".to_owned() } else { e.path.clone() };
        Error::new(ErrorCode::InvalidInput, path, format!("cannot be read: {}", e.en()), format!("无法读取：{}", e.zh()))
    })
}

/// A lender's rules as a borrower cites them: `新人社规〔2022〕9号第八条…`.
fn cited(rules: &Rules, doc: &str) -> Rules {
    let mut refs: Vec<(Sym, Sym)> = Vec::new(); // one new ref per clause ref, shared
    let mut cite = |c: &Clause| -> Clause {
        let reference = match refs.iter().find(|(old, _)| old.id() == c.reference.id()) {
            Some((_, new)) => new.clone(),
            None => {
                let new = Sym::new(&format!("{doc}{}", c.reference));
                refs.push((c.reference.clone(), new.clone()));
                new
            }
        };
        Clause { reference, quote: c.quote.clone() }
    };
    let mut out = rules.clone();
    for r in &mut out.rules {
        r.clause = cite(&r.clause);
    }
    out.time.clause = out.time.clause.as_ref().map(&mut cite);
    out.no_carry_over = out.no_carry_over.as_ref().map(&mut cite);
    for c in &mut out.counted_once {
        c.clause = cite(&c.clause);
    }
    out
}

fn info(e: &Entry) -> RuleSetInfo {
    let (rs, r) = (&e.set, &e.set.requirement);
    RuleSetInfo {
        id: rs.id.clone(),
        title: rs.title.clone(),
        title_en: rs.title_en.clone(),
        issuer: rs.issuer.clone(),
        doc_number: rs.doc_number.clone(),
        region: rs.region.clone(),
        region_en: rs.region_en.clone(),
        governs: Governs { from: rs.governs.from_text.clone(), to: rs.governs.to_text.clone() },
        requirement: RequirementInfo {
            total: r.total,
            public: r.public,
            professional: r.professional,
            professional_share: r.share.map(|(n, d)| f64::from(n) / f64::from(d)),
        },
        built_in: e.built_in,
        rules_from: match &rs.crediting {
            Crediting::From { rule_set, .. } => Some(rule_set.clone()),
            Crediting::Own(_) => None,
        },
    }
}

//! A rule set: one official document's rules, read from a rule set document (JSON, see
//! `RULESETS.md` and `schema.json`) and checked against the activity schema. The engine
//! evaluates these values and knows no document by name.

pub mod compiled;
pub mod example;
pub mod form;
pub mod read;

use crate::json::Json;
use crate::schema::ExtraField;
use crate::sym::Sym;
use chrono::NaiveDate;
use serde::Serialize;
use std::sync::Arc;

/// The version of the document format this engine reads.
pub const FORMAT: &str = "xueshi-rule-set/1";

crate::shape! {
/// A clause of a document: where it is (`第八条第（四）项`) and its own words.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Clause {
    #[serde(rename = "ref")]
    pub reference: Sym,
    pub quote: Sym,
}
}

/// Text the document gives in Chinese and, optionally, in English.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub zh: Sym,
    pub en: Option<Sym>,
}

crate::variants! {
/// Which part of the yearly requirement hours count towards.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Subject {
    Public,
    Professional,
}
}

impl Subject {
    pub fn as_str(self) -> &'static str {
        match self {
            Subject::Public => "public",
            Subject::Professional => "professional",
        }
    }
}

/// The subject a rule credits: a fixed one, or the one the activity names (training).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SubjectOf {
    Public,
    Professional,
    FromActivity,
}

/// The kind of employer a document may relieve (contract v2 `profile.employer`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Employer {
    Enterprise,
    Institution,
    Government,
}

impl Employer {
    pub const ALL: [(&'static str, Employer); 3] =
        [("enterprise", Employer::Enterprise), ("institution", Employer::Institution), ("government", Employer::Government)];
}

/// The days a document governs, both ends included.
#[derive(Clone, Debug, PartialEq)]
pub struct Governs {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub from_text: Sym,
    pub to_text: Sym,
}

/// The yearly requirement and the clause that sets it.
#[derive(Clone, Debug, PartialEq)]
pub struct Requirement {
    pub total: f64,
    pub public: f64,
    pub professional: f64,
    /// Where the document states the professional part as a share of the total (2/3).
    pub share: Option<(u32, u32)>,
    pub clause: Clause,
}

/// How time fields become 学时 under a document (contract rule 4).
#[derive(Clone, Debug, PartialEq)]
pub struct TimeRule {
    pub hours_per_day: f64,
    /// The daily rate of half-time study (半脱产), where the document sets one.
    pub part_time_hours_per_day: Option<f64>,
    /// Minutes that make one 学时 in the part of a day that is not whole.
    pub minutes_per_hour: f64,
    pub clause: Option<Clause>,
}

/// A yearly maximum shared by every rule that names it (contract rule 3).
#[derive(Clone, Debug, PartialEq)]
pub struct Cap {
    pub id: Sym,
    pub hours: f64,
    /// What the cap covers, in the document's terms.
    pub label: Label,
}

/// A value a `when` condition compares with.
#[derive(Clone, Debug, PartialEq)]
pub enum Scalar {
    Text(Sym),
    Num(f64),
    Bool(bool),
}

/// What a field's value must be for a rule to apply.
#[derive(Clone, Debug, PartialEq)]
pub enum Test {
    OneOf(Vec<Scalar>),
    Between { min: Option<f64>, max: Option<f64> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct When {
    pub field: Sym,
    pub test: Test,
}

/// How one activity becomes hours. Amounts are 学时.
#[derive(Clone, Debug, PartialEq)]
pub enum Credit {
    /// A fixed amount per item (每项 10 学时).
    Fixed(f64),
    /// A fixed amount per counted unit of a field (每门 25 学时).
    PerUnit { hours: f64, field: Sym, unit: Label },
    /// An amount shared equally by the authors (按作者数均分).
    SharedByAuthors(f64),
    /// Actual time times a multiple, optionally at most `max_per_day` a day.
    ActualTime { multiple: f64, max_per_day: Option<f64> },
    /// So many 学时 per day, plus a bonus when a paper was presented.
    PerDay { hours: f64, paper_bonus: f64 },
    /// Only a yearly maximum is stated (contract rule 1): 0 … what the cap leaves.
    UpToCap,
    /// No amount is stated (contract rule 2); bounded by the rule's cap if it has one.
    Undetermined,
    /// 视同完成: the named parts count as done for `years` years ending with the
    /// activity's year (contract rules 5 and 6).
    Deemed { public: bool, professional: bool, years: u32 },
    /// So much per year of the programme's length, for the years ending with the
    /// activity's year (在规定的学制内每年).
    PerStudyYear(f64),
    /// A fixed amount registered in equal parts over `years` years, starting with the
    /// activity's year (分两年登记).
    Spread { hours: f64, years: u32 },
    /// Amounts for a full year, pro rata by months served in the year (按月份比例).
    PerYearByMonths { public: f64, professional: f64 },
    /// The requirement is pro-rated by time on duty once the months of leave of one
    /// group exceed `more_than_months` in the year (按实际在岗时间折算).
    ProrateRequirement { more_than_months: u32, group: Sym },
    /// The requirement may be reduced by an amount the document leaves open.
    RequirementRelief,
    /// The document names this case and excludes it.
    Excluded,
}

/// One conversion: which activities it takes, how it credits them, which clause says so.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    /// The kind's index in `schema::KINDS`.
    pub kind: usize,
    pub when: Vec<When>,
    pub credit: Credit,
    pub subject: SubjectOf,
    /// The index of the shared yearly cap in `Rules::caps`.
    pub cap: Option<usize>,
    pub label: Label,
    pub clause: Clause,
    /// The proof the clause names, in its own words.
    pub evidence: Vec<Sym>,
}

/// A kind the document does not mention, and the clause closest to it (contract rule 8).
#[derive(Clone, Debug, PartialEq)]
pub struct NotMentioned {
    pub kind: usize,
    pub note: Label,
}

/// A document's word that one piece of work counts once (同一作品不累计计算, 同一项认定标准
/// 不重复计算): the kinds it speaks of (all where empty) and the clause.
#[derive(Clone, Debug, PartialEq)]
pub struct CountedOnce {
    /// Indices into `schema::KINDS`.
    pub kinds: Vec<u32>,
    pub clause: Clause,
}

/// The crediting rules of a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Rules {
    pub time: TimeRule,
    pub caps: Vec<Cap>,
    pub rules: Vec<Rule>,
    /// For each kind of `schema::KINDS`, the rules that take it, in order.
    pub by_kind: Vec<Vec<u16>>,
    pub not_mentioned: Vec<NotMentioned>,
    /// The clause that forbids carrying hours over, if the document has one.
    pub no_carry_over: Option<Clause>,
    /// Where it says a piece of work counts once (warned of as `possibleDuplicate`).
    pub counted_once: Vec<CountedOnce>,
}

/// Where a document's crediting rules are.
#[derive(Clone, Debug, PartialEq)]
pub enum Crediting {
    Own(Arc<Rules>),
    /// Crediting follows another rule set, by this clause of the deferring document.
    From {
        rule_set: Sym,
        clause: Clause,
    },
}

/// A group the document relieves of the requirement (泰安 二（一）: 不作硬性要求).
#[derive(Clone, Debug, PartialEq)]
pub struct Exemption {
    pub employers: Vec<Employer>,
    pub clause: Clause,
}

/// Make-up study (补学) a document allows: study done later for an earlier year, counted
/// in the year it makes up.
#[derive(Clone, Debug, PartialEq)]
pub struct MakeUp {
    /// The years that may be made up, both ends included.
    pub years: (u32, u32),
    /// When the make-up study is to be done: from, and to where the notice sets an end.
    pub done_from: Sym,
    pub done_to: Option<Sym>,
    /// At most so many of those years (最多不超过3个年度).
    pub max_years: Option<u32>,
    pub clause: Clause,
    /// The proof of make-up study the clause names (补学合格证书).
    pub evidence: Vec<Sym>,
}

impl MakeUp {
    /// Whether study on `date` may make up `year` (the number of years aside).
    pub fn allows(&self, year: i32, date: NaiveDate) -> bool {
        let day = |s: &str| crate::input::parse_date(s);
        let (first, last) = (self.years.0 as i32, self.years.1 as i32);
        (first..=last).contains(&year)
            && day(&self.done_from).is_some_and(|d| date >= d)
            && self.done_to.as_deref().and_then(day).is_none_or(|d| date <= d)
    }
}

/// Where a rule set came from, kept so that it can be exported as it was given.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    BuiltIn(&'static str),
    Loaded(Box<str>),
    /// Read from the compact form, which does not keep the document's text.
    Compiled,
}

impl Source {
    /// The document's JSON text, where it was kept.
    pub fn text(&self) -> Option<&str> {
        match self {
            Source::BuiltIn(s) => Some(s),
            Source::Loaded(s) => Some(s),
            Source::Compiled => None,
        }
    }
}

/// One document's rules and what a portal shows of it.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleSet {
    pub id: Sym,
    pub title: Sym,
    pub title_en: Option<Sym>,
    pub issuer: Sym,
    pub doc_number: Option<Sym>,
    pub region: Sym,
    pub region_en: Option<Sym>,
    pub governs: Governs,
    pub requirement: Requirement,
    pub crediting: Crediting,
    pub exemptions: Vec<Exemption>,
    /// The make-up study it allows; none where it says nothing of it.
    pub make_up: Vec<MakeUp>,
    /// Activity fields this document declares for its rules.
    pub fields: Vec<ExtraField>,
    /// Facts worth telling every user of this document.
    pub notes: Vec<Label>,
    /// Worked examples the document's author wrote down (`xueshi check` runs them).
    pub examples: Vec<example::Example>,
    pub source: Source,
}

impl RuleSet {
    /// What the document quotes (clause words, the proof each names) that does not occur
    /// in `source`, the notice's text: empty when every quote is its own words. Whitespace
    /// and the mix of full- and half-width punctuation that OCR leaves are ignored; `……`
    /// in a quote marks words left out.
    pub fn unquoted(&self, source: &str) -> Vec<&str> {
        let text = normalized(source);
        let rules: &[Rule] = match &self.crediting {
            Crediting::Own(r) => &r.rules,
            Crediting::From { .. } => &[],
        };
        let quotes = self.quotes().into_iter().map(|c| &*c.quote);
        let evidence = rules.iter().flat_map(|r| r.evidence.iter().map(|e| &**e));
        let mut missing: Vec<&str> = quotes.chain(evidence).filter(|q| q.split("……").any(|piece| !text.contains(&normalized(piece)))).collect();
        missing.dedup();
        missing
    }

    /// The clauses a document quotes.
    pub fn quotes(&self) -> Vec<&Clause> {
        let mut all = vec![&self.requirement.clause];
        match &self.crediting {
            Crediting::Own(r) => {
                all.extend(r.rules.iter().map(|r| &r.clause));
                all.extend(r.time.clause.iter());
                all.extend(r.no_carry_over.iter());
                all.extend(r.counted_once.iter().map(|c| &c.clause));
            }
            Crediting::From { clause, .. } => all.push(clause),
        }
        all.extend(self.exemptions.iter().map(|e| &e.clause));
        all.extend(self.make_up.iter().map(|m| &m.clause));
        all
    }
}

/// A JSON value that owns its text, for what a rule set keeps of its document.
pub fn owned(v: &Json) -> Json<'static> {
    match v {
        Json::Null => Json::Null,
        Json::Bool(b) => Json::Bool(*b),
        Json::Num(n) => Json::Num(*n),
        Json::Str(s) => Json::Str(s.to_string().into()),
        Json::Arr(items) => Json::Arr(items.iter().map(owned).collect()),
        Json::Obj(fields) => Json::Obj(fields.iter().map(|(k, v)| (k.to_string().into(), owned(v))).collect()),
        Json::Unsupported(w) => Json::Unsupported(w.clone()),
    }
}

/// Text with whitespace dropped and full-width punctuation made half-width, for comparing
/// quotes with an OCR'd notice.
fn normalized(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '，' => ',',
            '；' => ';',
            '：' => ':',
            '（' => '(',
            '）' => ')',
            '。' => '.',
            c => c,
        })
        .collect()
}

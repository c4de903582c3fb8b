//! The words of explanations and notes, in Chinese or English (contract v2 `lang`), as
//! pieces of an [`Explain`]. A document's own words stay Chinese; English text quotes them
//! in “ ”.

use crate::explain::Explain;
use crate::hours::show;
use crate::input::Lang;
use crate::ruleset::{Employer, Label};
use std::fmt::{self, Display};

/// A label as the language shows it: the English form, else the Chinese in “ ”.
pub fn label(e: &mut Explain, lang: Lang, l: &Label) {
    match (lang, &l.en) {
        (Lang::Zh, _) => e.push(&l.zh),
        (Lang::En, Some(en)) => e.push(en),
        (Lang::En, None) => say!(e, lang, [], ["“", { &l.zh }, "”"]),
    }
}

/// A clause ref or other document words: as is in Chinese, in “ ” in English.
pub fn doc_words(e: &mut Explain, lang: Lang, s: &crate::sym::Sym) {
    say!(e, lang, [{ s }], ["“", { s }, "”"]);
}

/// `2024 年度` or `2021–2024 年度`; `2024` or `2021–2024`.
pub fn years(e: &mut Explain, lang: Lang, from: i32, to: i32) {
    if from != to {
        e.push(from);
        e.push("–");
    }
    e.push(to);
    if lang == Lang::Zh {
        e.push(" 年度");
    }
}

/// The parts a 视同完成 clause completes.
pub fn parts(e: &mut Explain, lang: Lang, public: bool, professional: bool) {
    match (public, professional) {
        (true, true) => say!(e, lang, ["全部公需和专业科目"], ["all public and professional subjects"]),
        (true, false) => say!(e, lang, ["公需科目"], ["the public subjects"]),
        _ => say!(e, lang, ["专业科目"], ["the professional subjects"]),
    }
}

/// Hours in cents as a range: `30`, `0–10`, `5 以上` / `5 or more`.
pub fn range(e: &mut Explain, lang: Lang, min: i64, max: Option<i64>) {
    match max {
        Some(max) if max == min => e.push(show(max)),
        Some(max) => {
            e.push(show(min));
            e.push("–");
            e.push(show(max));
        }
        None => say!(e, lang, [{ show(min) }, " 以上"], [{ show(min) }, " or more"]),
    }
}

/// The English word for one or for several: `1 day`, `2 days`.
pub fn en(n: f64, one: &'static str, many: &'static str) -> &'static str {
    if n == 1.0 {
        one
    } else {
        many
    }
}

pub fn employer(e: &mut Explain, lang: Lang, who: Employer) {
    match who {
        Employer::Enterprise => say!(e, lang, ["企业"], ["enterprises"]),
        Employer::Institution => say!(e, lang, ["事业单位"], ["public institutions"]),
        Employer::Government => say!(e, lang, ["机关"], ["government bodies"]),
    }
}

/// Items written one after another with `sep` between, each in `"…"` if `quote`,
/// without collecting them into a string first.
pub struct List<'s, I> {
    items: I,
    sep: &'s str,
    quote: bool,
}

pub fn list<I>(items: I, sep: &str, quote: bool) -> List<'_, I> {
    List { items, sep, quote }
}

impl<I, S> Display for List<'_, I>
where
    I: IntoIterator<Item = S> + Clone,
    S: AsRef<str>,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, item) in self.items.clone().into_iter().enumerate() {
            if i > 0 {
                f.write_str(self.sep)?;
            }
            let q = if self.quote { "\"" } else { "" };
            write!(f, "{q}{}{q}", item.as_ref())?;
        }
        Ok(())
    }
}

//! The words of explanations and notes, in Chinese or English (contract v2 `lang`). A
//! document's own words stay Chinese; English text quotes them in “ ”.

use crate::hours::{show, Shown};
use crate::input::Lang;
use crate::ruleset::{Employer, Label};
use std::fmt::{self, Display};

/// Writes the Chinese or the English form to `out`; both may name the same local
/// variables (`"每项 {h} 学时"`, `"{h} per item"`).
macro_rules! say {
    ($out:expr, $lang:expr, $zh:literal, $en:literal) => {{
        use std::fmt::Write as _;
        let _ = match $lang {
            $crate::input::Lang::Zh => write!($out, $zh),
            $crate::input::Lang::En => write!($out, $en),
        };
    }};
}
pub(crate) use say;

/// A label as the language shows it: the English form, else the Chinese in “ ”.
pub fn label(lang: Lang, l: &Label) -> impl Display + '_ {
    fmt::from_fn(move |f| match (lang, &l.en) {
        (Lang::Zh, _) => f.write_str(&l.zh),
        (Lang::En, Some(en)) => f.write_str(en),
        (Lang::En, None) => write!(f, "“{}”", l.zh),
    })
}

/// A clause ref or other document words inside English text: “…”; as is in Chinese.
pub fn doc_words(lang: Lang, s: &str) -> impl Display + '_ {
    fmt::from_fn(move |f| match lang {
        Lang::Zh => f.write_str(s),
        Lang::En => write!(f, "“{s}”"),
    })
}

/// `2024 年度` or `2021–2024 年度`; `2024` or `2021–2024`.
pub fn years(lang: Lang, from: i32, to: i32) -> impl Display {
    fmt::from_fn(move |f| match (lang, from == to) {
        (Lang::Zh, true) => write!(f, "{to} 年度"),
        (Lang::Zh, false) => write!(f, "{from}–{to} 年度"),
        (Lang::En, true) => write!(f, "{to}"),
        (Lang::En, false) => write!(f, "{from}–{to}"),
    })
}

/// The parts a 视同完成 clause completes.
pub fn parts(lang: Lang, public: bool, professional: bool) -> &'static str {
    match (lang, public, professional) {
        (Lang::Zh, true, true) => "全部公需和专业科目",
        (Lang::Zh, true, false) => "公需科目",
        (Lang::Zh, false, _) => "专业科目",
        (Lang::En, true, true) => "all public and professional subjects",
        (Lang::En, true, false) => "the public subjects",
        (Lang::En, false, _) => "the professional subjects",
    }
}

/// Hours in cents as a range: `30`, `0–10`, `5 以上` / `5 or more`.
pub fn range(lang: Lang, min: i64, max: Option<i64>) -> impl Display {
    fmt::from_fn(move |f| match max {
        Some(max) if max == min => write!(f, "{}", show(max)),
        Some(max) => write!(f, "{}–{}", show(min), show(max)),
        None if lang == Lang::Zh => write!(f, "{} 以上", show(min)),
        None => write!(f, "{} or more", show(min)),
    })
}

pub fn employer(lang: Lang, e: Employer) -> &'static str {
    match (lang, e) {
        (Lang::Zh, Employer::Enterprise) => "企业",
        (Lang::Zh, Employer::Institution) => "事业单位",
        (Lang::Zh, Employer::Government) => "机关",
        (Lang::En, Employer::Enterprise) => "enterprises",
        (Lang::En, Employer::Institution) => "public institutions",
        (Lang::En, Employer::Government) => "government bodies",
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

/// Hours as people write them, for `say!`.
pub type H = Shown;

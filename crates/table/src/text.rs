//! Cell text as people type it: full-width forms from a Chinese input method, stray
//! spaces, zero-width characters. Headers and choice values are compared by [`key`].

use std::borrow::Cow;

/// Full-width ASCII (U+FF01–U+FF5E) and the ideographic space as their half-width forms.
fn fold_char(c: char) -> char {
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

fn is_wide(c: char) -> bool {
    c == '\u{3000}' || ('\u{FF01}'..='\u{FF5E}').contains(&c)
}

/// Blank for trimming: Unicode white space (including U+3000 and no-break space), the
/// byte-order mark and the zero-width space that copy and paste leaves behind.
pub(crate) fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}' || c == '\u{200B}'
}

pub(crate) fn fold(s: &str) -> Cow<'_, str> {
    if s.chars().any(is_wide) {
        Cow::Owned(s.chars().map(fold_char).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// Folded and trimmed; borrows when there is nothing to fold.
pub(crate) fn clean(s: &str) -> Cow<'_, str> {
    match fold(s) {
        Cow::Borrowed(b) => Cow::Borrowed(b.trim_matches(is_blank)),
        Cow::Owned(o) => Cow::Owned(o.trim_matches(is_blank).to_owned()),
    }
}

/// The form in which headers and choice values are looked up: folded, Latin letters in
/// lower case, without blanks, `_`, `-` or `*` (a template's mark for a required column),
/// so `Study_Years`, `studyyears` and `ｓｔｕｄｙＹｅａｒｓ` are one key.
pub(crate) fn key(s: &str) -> String {
    s.chars().map(fold_char).filter(|&c| !is_blank(c) && c != '_' && c != '-' && c != '*').map(|c| c.to_ascii_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_and_trims() {
        assert_eq!(clean("　８．５学时 "), "8.5学时");
        assert_eq!(clean("\u{FEFF} 培训\u{200B}"), "培训");
        assert_eq!(key(" Study_Years* "), "studyyears");
        assert_eq!(key("ｈｏｕｒｓ"), "hours");
        assert_eq!(key("时长（分钟）"), "时长(分钟)");
    }
}

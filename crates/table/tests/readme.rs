//! The README lists every alias the reader accepts.

use xueshi_table::aliases::*;

#[test]
fn readme_lists_every_alias() {
    let readme = include_str!("../README.md");
    let mut names: Vec<&str> = Vec::new();
    for (name, aliases) in HEADERS.iter().chain(KINDS) {
        names.push(name);
        names.extend(aliases.iter());
    }
    for (alias, kind, _) in KIND_IMPLIES {
        names.push(alias);
        names.push(kind);
    }
    for choices in [SUBJECT, STUDY_MODE, LEVEL, MODE, CATEGORY, VENUE, ROLE, PATENT_TYPE, REASON] {
        for (value, aliases) in choices {
            names.push(value);
            names.extend(aliases.iter());
        }
    }
    names.extend(YES.iter().chain(NO));
    let lower = readme.to_lowercase();
    let missing: Vec<&&str> = names.iter().filter(|n| !lower.contains(&n.to_lowercase())).collect();
    assert!(missing.is_empty(), "not in README.md: {missing:?}");
}

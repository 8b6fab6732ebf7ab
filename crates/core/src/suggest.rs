//! "Did you mean": the known value closest to one typed that names nothing.
//!
//! A typed `kind:bogus` or `rel:v99` that matches no entry is worth a line
//! under the search box, as a malformed `rel:foo` is, rather than a silent
//! empty page; the nearest known value is usually the one meant.

/// The known value meant by `typed`: the same without case, else the
/// shortest that starts with it (`bug` for `bug_report`), else the nearest by
/// edit distance when it is near enough (at most half the typed length,
/// rounded up: `pathc` is `patch`, `v99` is `v6.9`, `x` is nothing); ties go
/// to the earliest in `known`.
pub fn closest<'a>(
    typed: &str,
    known: impl IntoIterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    let t = typed.to_lowercase();
    if t.is_empty() {
        return None;
    }
    if let Some(same) = known.clone().into_iter().find(|k| k.to_lowercase() == t) {
        return Some(same);
    }
    let prefixed = (known.clone().into_iter())
        .filter(|k| t.chars().count() >= 2 && k.to_lowercase().starts_with(&t))
        .min_by_key(|k| k.len());
    if prefixed.is_some() {
        return prefixed;
    }
    let limit = t.chars().count().div_ceil(2);
    (known.into_iter())
        .map(|k| (distance(&t, &k.to_lowercase()), k))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const KINDS: [&str; 5] = ["patch", "rfc", "pull_request", "bug_report", "discussion"];

    #[test]
    fn the_same_value_without_case_then_a_prefix_then_a_near_spelling() {
        assert_eq!(closest("RFC", KINDS), Some("rfc"));
        assert_eq!(closest("bug", KINDS), Some("bug_report"));
        assert_eq!(closest("pathc", KINDS), Some("patch"));
        assert_eq!(closest("discusion", KINDS), Some("discussion"));
    }

    #[test]
    fn nothing_near_enough_suggests_nothing() {
        assert_eq!(closest("bogus", KINDS), None);
        assert_eq!(closest("", KINDS), None);
        assert_eq!(closest("x", ["ko", "en"]), None);
    }

    #[test]
    fn a_release_one_keystroke_off_is_found() {
        let tags = ["v6.9", "v6.9-rc1", "v6.8", "v6.10"];
        assert_eq!(closest("v99", tags), Some("v6.9"));
        assert_eq!(closest("v6.1O", tags), Some("v6.10"));
    }

    #[test]
    fn distance_counts_edits() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("메모리", "메모"), 1);
        assert_eq!(distance("ab", "b"), 1, "a letter dropped at the start");
        assert_eq!(distance("abc", ""), 3);
    }
}

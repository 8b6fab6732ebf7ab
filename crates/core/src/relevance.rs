//! The "Best match" order: each hit scored by where the query's words occur, subject above author above body.
//!
//! Field-weighted term counts, capped, rather than BM25: the fields are short
//! and their lengths alike except the body, and the cap is what keeps a
//! long text that names a word in passing from outranking an entry about
//! it. `gup` must rank "mm/gup: Introduce pin_user_pages_fd()" (the word in
//! its subject, and its subsystem `mm/gup` riding along there) above "Linux
//! 6.15-rc1", whose long shortlog names gup twice. Entries that score alike
//! keep the chronological order, so a query of prefixes only (nothing to
//! score) reads as newest first.

use crate::query::Term;
use crate::search::SearchIndex;
use crate::Bundle;

/// Points per occurrence in the subject (with the subsystems), the authors
/// (with the sender address) and the body.
const WEIGHTS: [u32; 3] = [6, 4, 1];
/// Occurrences counted per field and term: past a few, more of the same word
/// says nothing more about what the entry is about.
const CAPS: [usize; 3] = [3, 2, 6];

/// The score of entry `i` for the positive `terms`; higher is a better match.
pub fn score(index: &SearchIndex, bundle: &Bundle, i: usize, terms: &[&Term]) -> u32 {
    (terms.iter())
        .map(|t| {
            let found = index.occurrences(bundle, i, t);
            (0..3)
                .map(|f| WEIGHTS[f] * found[f].min(CAPS[f]) as u32)
                .sum::<u32>()
        })
        .sum()
}

/// `hits` (in chronological display order) reordered best match first,
/// stable: equal scores keep their order.
pub fn order(index: &SearchIndex, bundle: &Bundle, hits: &mut [u32], terms: &[&Term]) {
    if terms.is_empty() {
        return;
    }
    let mut scored: Vec<(u32, u32)> = (hits.iter())
        .map(|&n| (score(index, bundle, n as usize, terms), n))
        .collect();
    scored.sort_by_key(|(s, _)| std::cmp::Reverse(*s));
    for (slot, (_, n)) in hits.iter_mut().zip(scored) {
        *slot = n;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facets::FacetIndex;
    use crate::query::parse;
    use crate::{Entry, EntryKind, Post, FORMAT_VERSION};

    fn entry(title: &str, subsystems: &[&str], body: &str) -> Entry {
        Entry {
            title: title.into(),
            kind: EntryKind::Patch,
            subsystems: subsystems.iter().map(|s| s.to_string()).collect(),
            body: body.into(),
            ..Entry::default()
        }
    }

    fn index(entries: Vec<Entry>) -> (Bundle, SearchIndex) {
        let bundle = Bundle {
            format_version: FORMAT_VERSION,
            generator: String::new(),
            posts: vec![Post {
                entries,
                ..Post::default()
            }],
            releases: vec![],
            subsystems: vec![],
            warnings: vec![],
            feeds: None,
        };
        let idx = SearchIndex::build(&bundle, &FacetIndex::build(&bundle));
        (bundle, idx)
    }

    #[test]
    fn a_word_in_the_subject_outranks_the_same_word_in_a_long_body() {
        let (b, idx) = index(vec![
            entry(
                "Linux 6.15-rc1",
                &[],
                "... mm/gup: fix ... gup: more ... and a long shortlog",
            ),
            entry(
                "mm/gup: Introduce pin_user_pages_fd()",
                &["mm", "mm/gup"],
                "Pins the pages of a memfd.",
            ),
        ]);
        let q = parse("gup");
        let terms: Vec<&Term> = q.terms.iter().collect();
        let mut hits = vec![0, 1];
        order(&idx, &b, &mut hits, &terms);
        assert_eq!(hits, [1, 0]);
        assert!(score(&idx, &b, 1, &terms) > score(&idx, &b, 0, &terms));
    }

    #[test]
    fn repeating_a_word_many_times_in_a_body_stops_counting() {
        let long = "damon ".repeat(50);
        let (b, idx) = index(vec![
            entry("x", &[], &long),
            entry("DAMON: y", &[], "damon"),
        ]);
        let q = parse("damon");
        let terms: Vec<&Term> = q.terms.iter().collect();
        assert_eq!(score(&idx, &b, 0, &terms), CAPS[2] as u32 * WEIGHTS[2]);
        assert!(score(&idx, &b, 1, &terms) > score(&idx, &b, 0, &terms));
    }

    #[test]
    fn equal_scores_and_no_words_keep_the_chronological_order() {
        let (b, idx) = index(vec![
            entry("a damon", &[], ""),
            entry("b damon", &[], ""),
            entry("c", &[], ""),
        ]);
        let q = parse("damon");
        let terms: Vec<&Term> = q.terms.iter().collect();
        let mut hits = vec![0, 1];
        order(&idx, &b, &mut hits, &terms);
        assert_eq!(hits, [0, 1]);
        let mut all = vec![2, 0, 1];
        order(&idx, &b, &mut all, &[]);
        assert_eq!(all, [2, 0, 1]);
    }

    #[test]
    fn a_field_term_counts_only_in_its_field_and_a_whole_word_only_as_a_word() {
        let (b, idx) = index(vec![entry("pin", &[], "pinned pin")]);
        let s = |q: &str| {
            let q = parse(q);
            let terms: Vec<&Term> = q.terms.iter().collect();
            score(&idx, &b, 0, &terms)
        };
        assert_eq!(s("s:pin"), WEIGHTS[0]);
        assert_eq!(s("b:pin"), 2 * WEIGHTS[2]);
        assert_eq!(s(r#"b:"pin""#), WEIGHTS[2]);
    }
}

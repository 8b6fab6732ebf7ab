//! Full-text matching of a parsed [`Query`] over precomputed lowercased entry
//! text, and splitting text into highlighted and plain runs.

use crate::bitset::Bitset;
use crate::facets::FacetIndex;
use memchr::memmem::Finder;

use crate::query::{Field, Query, Term};
use crate::Bundle;

/// One field of every entry, lowercased, in one string: one allocation per
/// field rather than one per entry and field.
#[derive(Debug, Clone, Default)]
struct FieldText {
    text: String,
    /// Entry `i` is `text[starts[i]..starts[i + 1]]`; one extra end offset.
    starts: Vec<usize>,
}

impl FieldText {
    /// Sized up front: growing by doubling would leave up to half the
    /// capacity unused and, while reallocating, hold both copies at once;
    /// with the body text at 100k entries that was most of the memory peak.
    fn with_capacity(bytes: usize, entries: usize) -> FieldText {
        FieldText {
            text: String::with_capacity(bytes),
            starts: Vec::with_capacity(entries + 1),
        }
    }

    fn finish(&mut self) {
        self.starts.push(self.text.len());
        // Lowercasing may lengthen non-ASCII text beyond the estimate.
        self.text.shrink_to_fit();
    }

    fn push(&mut self, value: &str) {
        self.starts.push(self.text.len());
        self.text.push_str(&value.to_lowercase());
    }

    fn get(&self, i: usize) -> &str {
        &self.text[self.starts[i]..self.starts[i + 1]]
    }
}

/// Lowercased fields of every entry, in [`FacetIndex`] order, computed once per bundle.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    len: usize,
    subject: FieldText,
    author: FieldText,
    body: FieldText,
}

impl SearchIndex {
    pub fn build(bundle: &Bundle, facets: &FacetIndex) -> SearchIndex {
        let entry =
            |r: &crate::facets::EntryRef| &bundle.posts[r.post as usize].entries[r.entry as usize];
        let (mut subject, mut author, mut body) = (0, 0, 0);
        for e in facets.entries.iter().map(entry) {
            subject += e.title.len() + 1 + e.subsystems.iter().map(|s| s.len() + 1).sum::<usize>();
            author += e.authors.iter().map(|a| a.len() + 1).sum::<usize>()
                + e.sender.as_ref().map_or(0, |s| s.len() + 1);
            body += e.body.len();
        }
        let n = facets.len();
        let mut idx = SearchIndex {
            len: n,
            subject: FieldText::with_capacity(subject, n),
            author: FieldText::with_capacity(author, n),
            body: FieldText::with_capacity(body, n),
        };
        for e in facets.entries.iter().map(entry) {
            // Subsystem ids ride along with the subject, so `mm/damon` finds tagged entries.
            idx.subject
                .push(&format!("{}\n{}", e.title, e.subsystems.join(" ")));
            // The sender's address rides along with the names: `a:willy`.
            match &e.sender {
                Some(sender) => idx
                    .author
                    .push(&format!("{}\n{sender}", e.authors.join("\n"))),
                None => idx.author.push(&e.authors.join("\n")),
            }
            idx.body.push(&e.body);
        }
        for f in [&mut idx.subject, &mut idx.author, &mut idx.body] {
            f.finish();
        }
        idx
    }

    /// Subject, author and body, each with whether a term of `field` looks in it.
    fn picked(&self, field: Field) -> [(&FieldText, bool); 3] {
        let pick = match field {
            Field::Any => [true, true, true],
            Field::Subject => [true, false, false],
            Field::Author => [false, true, false],
            Field::Body => [false, false, true],
        };
        [
            (&self.subject, pick[0]),
            (&self.author, pick[1]),
            (&self.body, pick[2]),
        ]
    }

    fn fields(&self, field: Field) -> impl Iterator<Item = &FieldText> {
        (self.picked(field).into_iter())
            .filter(|(_, p)| *p)
            .map(|(f, _)| f)
    }

    /// Does entry `i` contain the term in one of its fields (as a whole word when `whole`)?
    fn matches(&self, i: usize, field: Field, finder: &Finder<'_>, whole: bool) -> bool {
        self.fields(field).any(|f| {
            let hay = f.get(i).as_bytes();
            let len = finder.needle().len();
            let mut from = 0;
            while let Some(p) = finder.find(&hay[from..]) {
                let at = from + p;
                if !whole || at_word_edges(hay, at, len, 0, hay.len()) {
                    return true;
                }
                from = at + 1;
            }
            false
        })
    }

    /// Every entry containing the needle, in one pass over each field's text:
    /// the searcher is built once and, after a hit, skips to the next entry.
    fn scan(&self, field: Field, finder: &Finder<'_>, whole: bool, out: &mut Bitset) {
        let len = finder.needle().len();
        for f in self.fields(field) {
            let hay = f.text.as_bytes();
            let (mut from, mut i) = (0, 0);
            while let Some(p) = finder.find(&hay[from..]) {
                let at = from + p;
                while f.starts[i + 1] <= at {
                    i += 1;
                }
                // Entries are not separated, so a match may run into the next one.
                let (lo, hi) = (f.starts[i], f.starts[i + 1]);
                if at + len <= hi && (!whole || at_word_edges(hay, at, len, lo, hi)) {
                    out.insert(i);
                    from = f.starts[i + 1];
                } else {
                    from = at + 1;
                }
                if from >= hay.len() {
                    break;
                }
            }
        }
    }

    /// How often `term` occurs in entry `i`'s subject, author and body
    /// fields (as a whole word where the term asks), for ranking.
    pub fn occurrences(&self, i: usize, term: &Term) -> [usize; 3] {
        let finder = Finder::new(term.text.as_bytes());
        let len = finder.needle().len();
        let mut out = [0; 3];
        if len == 0 {
            return out;
        }
        for (n, (f, picked)) in self.picked(term.field).into_iter().enumerate() {
            if picked {
                let hay = f.get(i).as_bytes();
                // Non-overlapping, as counting wants.
                out[n] = (finder.find_iter(hay))
                    .filter(|&at| !term.whole_word || at_word_edges(hay, at, len, 0, hay.len()))
                    .count();
            }
        }
        out
    }

    /// Entries satisfying every term, looked for only among `within` when given
    /// (the facet-filtered set, or the hits of a query this one narrows).
    pub fn search(&self, query: &Query, within: Option<&Bitset>) -> Bitset {
        // Positive terms first: each narrows the candidates the next must check.
        let mut terms: Vec<&Term> = query.terms.iter().collect();
        terms.sort_by_key(|t| t.negated);
        let mut acc: Option<Bitset> = within.cloned();
        for term in terms {
            let finder = Finder::new(term.text.as_bytes());
            acc = Some(match acc {
                // Many candidates and a positive term: one pass over the text beats
                // a search per entry.
                cand if !term.negated && cand.as_ref().is_none_or(|c| c.count() * 8 > self.len) => {
                    let mut found = Bitset::empty(self.len);
                    self.scan(term.field, &finder, term.whole_word, &mut found);
                    if let Some(c) = cand {
                        found.intersect_with(&c);
                    }
                    found
                }
                cand => {
                    let mut out = Bitset::empty(self.len);
                    let keep = |i: &usize| {
                        self.matches(*i, term.field, &finder, term.whole_word) != term.negated
                    };
                    match cand {
                        Some(c) => c.iter().filter(keep).for_each(|i| out.insert(i)),
                        None => (0..self.len).filter(keep).for_each(|i| out.insert(i)),
                    }
                    out
                }
            });
        }
        acc.unwrap_or_else(|| Bitset::full(self.len))
    }
}

/// Whether the match `hay[at..at + len]`, inside the entry text `hay[lo..hi]`,
/// starts and ends at word boundaries: an edge of the needle that is a word
/// character (ASCII letter, digit or `_`) must not touch another one, so
/// `"pin"` finds "pin" and "pin," but not "pinned" or "spin".
fn at_word_edges(hay: &[u8], at: usize, len: usize, lo: usize, hi: usize) -> bool {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let needle = &hay[at..at + len];
    let before_ok = !needle.first().is_some_and(|&b| word(b)) || at == lo || !word(hay[at - 1]);
    let after_ok =
        !needle.last().is_some_and(|&b| word(b)) || at + len == hi || !word(hay[at + len]);
    before_ok && after_ok
}

/// Splits `text` into `(run, highlighted)` pieces around case-insensitive
/// occurrences of `needles` (already lowercased). Text whose lowercase form
/// changes length (rare scripts) is returned whole rather than mis-cut.
pub fn highlight<'a>(text: &'a str, needles: &[&str]) -> Vec<(&'a str, bool)> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() || needles.iter().all(|n| n.is_empty()) {
        return vec![(text, false)];
    }
    let mut marks = vec![false; text.len()];
    for needle in needles.iter().filter(|n| !n.is_empty()) {
        for (at, m) in lower.match_indices(needle) {
            marks[at..at + m.len()].iter_mut().for_each(|b| *b = true);
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=text.len() {
        let boundary = i == text.len() || (text.is_char_boundary(i) && marks[i] != marks[start]);
        if boundary {
            out.push((&text[start..i], marks[start]));
            start = i;
        }
    }
    out.retain(|(s, _)| !s.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::parse;
    use crate::{Entry, EntryKind, Post, ReleaseSource, FORMAT_VERSION};

    fn bundle() -> Bundle {
        let e = |title: &str, author: &str, body: &str| Entry {
            charts: vec![],
            id: title.into(),
            title: title.into(),
            kind: EntryKind::Patch,
            patch_version: None,
            series: None,
            tree: None,
            subsystems: vec!["mm".into(), "mm/damon".into()],
            authors: vec![author.into()],
            body: body.into(),
            position: 0,
            line: 1,
            ..Default::default()
        };
        Bundle {
            format_version: FORMAT_VERSION,
            generator: "t".into(),
            posts: vec![Post {
                charts: vec![],
                id: "p".into(),
                path: "p.md".into(),
                title: "p".into(),
                date: None,
                release: None,
                release_source: ReleaseSource::None,
                cycle: None,
                lang: "en".into(),
                tags: vec![],
                categories: vec![],
                preamble: String::new(),
                entries: vec![
                    e(
                        "[PATCH] mm: zero pages with __GFP_ZERO",
                        "Ann Lee",
                        "Uses CONFIG_NUMA and split_huge_page().",
                    ),
                    e(
                        "[RFC] DAMON: per-node stats",
                        "SeongJae Park",
                        "https://lkml.kernel.org/r/a.b-1@x.org 메모리 사용량",
                    ),
                ],
                ..Default::default()
            }],
            releases: vec![],
            subsystems: vec![],
            warnings: vec![],
            feeds: None,
        }
    }

    fn hits(q: &str) -> Vec<usize> {
        let b = bundle();
        let f = FacetIndex::build(&b);
        SearchIndex::build(&b, &f)
            .search(&parse(q), None)
            .iter()
            .collect()
    }

    #[test]
    fn identifiers_message_ids_and_korean() {
        assert_eq!(hits("__gfp_zero"), [0]);
        assert_eq!(hits("CONFIG_NUMA"), [0]);
        assert_eq!(hits("split_huge_page()"), [0]);
        assert_eq!(hits("a.b-1@x.org"), [1]);
        assert_eq!(hits("사용"), [1]);
        assert_eq!(hits("mm/damon"), [0, 1]);
    }

    #[test]
    fn fields_phrases_and_exclusion() {
        assert_eq!(hits("s:per-node"), [1]);
        assert_eq!(hits("s:config_numa"), Vec::<usize>::new());
        assert_eq!(hits("b:config_numa"), [0]);
        assert_eq!(hits("b:damon"), Vec::<usize>::new());
        assert_eq!(hits("a:park"), [1]);
        assert_eq!(hits(r#""zero pages""#), [0]);
        assert_eq!(hits(r#""pages zero""#), Vec::<usize>::new());
        assert_eq!(hits("mm -rfc"), [0]);
    }

    #[test]
    fn a_quoted_word_matches_whole_words_only_and_a_bare_one_inside_words() {
        let mut b = bundle();
        b.posts[0].entries[0].body = "pin_user_pages() and spinning, unpin; MAINTAINERS".into();
        b.posts[0].entries[1].body = "Pin it, pin.".into();
        let f = FacetIndex::build(&b);
        let idx = SearchIndex::build(&b, &f);
        let hits = |q: &str| idx.search(&parse(q), None).iter().collect::<Vec<_>>();
        assert_eq!(hits("pin"), [0, 1]);
        assert_eq!(
            hits(r#""pin""#),
            [1],
            "pin_user_pages, spinning, unpin are other words"
        );
        assert_eq!(hits(r#"b:"pin it""#), [1]);
        assert_eq!(
            hits(r#""pin_user_pages()""#),
            [0],
            "an identifier as a word"
        );
        assert_eq!(hits(r#"-"pin""#), [0]);
        // Within a set (the slow path) the same.
        let mut only_first = Bitset::empty(2);
        only_first.insert(0);
        assert!(idx
            .search(&parse(r#""pin""#), Some(&only_first))
            .iter()
            .next()
            .is_none());
    }

    #[test]
    fn the_author_field_holds_the_senders_address_too() {
        let mut b = bundle();
        b.posts[0].entries[1].sender = Some("sj@kernel.org".into());
        let f = FacetIndex::build(&b);
        let idx = SearchIndex::build(&b, &f);
        let hits = |q: &str| idx.search(&parse(q), None).iter().collect::<Vec<_>>();
        assert_eq!(hits("a:sj@kernel"), [1]);
        assert_eq!(hits("a:park"), [1]);
        assert_eq!(hits("s:sj@kernel"), Vec::<usize>::new());
    }

    #[test]
    fn a_match_across_two_entries_texts_is_not_a_hit() {
        // Bodies are stored back to back: "...page()." + "Uses" must not match "().us".
        assert_eq!(hits(".https"), Vec::<usize>::new());
        assert_eq!(hits("page().https"), Vec::<usize>::new());
        assert_eq!(hits("-__gfp_zero -사용"), Vec::<usize>::new());
        assert_eq!(hits("-rfc"), [0]);
    }

    #[test]
    fn searching_within_a_set_never_leaves_it() {
        let b = bundle();
        let f = FacetIndex::build(&b);
        let mut within = Bitset::empty(2);
        within.insert(1);
        assert_eq!(
            SearchIndex::build(&b, &f)
                .search(&parse("mm"), Some(&within))
                .iter()
                .collect::<Vec<_>>(),
            [1]
        );
    }

    #[test]
    fn highlight_marks_case_insensitive_matches() {
        let runs = highlight("Fix THP and thp split", &["thp"]);
        assert_eq!(
            runs,
            [
                ("Fix ", false),
                ("THP", true),
                (" and ", false),
                ("thp", true),
                (" split", false)
            ]
        );
        assert_eq!(
            highlight("메모리 사용량", &["사용"]),
            [("메모리 ", false), ("사용", true), ("량", false)]
        );
        assert_eq!(highlight("abc", &[]), [("abc", false)]);
    }
}

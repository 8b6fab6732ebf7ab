//! Full-text matching of a parsed [`Query`] over entry text, and splitting
//! text into highlighted and plain runs.
//!
//! Subjects and authors are searched in a lowercased copy (short strings the
//! index puts together itself); bodies, most of the text, in the bundle's own
//! bytes, with ASCII case folded while matching.

use crate::ascii_finder::{lowercases_as_ascii, AsciiFinder};
use crate::bigram_filter::{BigramFilter, Pairs};
use crate::bitset::Bitset;
use crate::facets::FacetIndex;

use crate::query::{Field, Query, Term};
use crate::{Bundle, Entry};

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
    /// capacity unused and, while reallocating, hold both copies at once.
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

/// Where each entry's body is read: the bundle's own text, whose lowercase
/// form is its ASCII-lowercase form, or for the few bodies where lowercasing
/// changes other characters too (`Σ`, `İ`, the Kelvin sign), a lowercased copy.
#[derive(Debug, Clone, Default)]
struct Bodies {
    /// The number of each post's first entry, then the number of entries.
    post_starts: Vec<u32>,
    /// `(entry, its body lowercased)`, by entry.
    lowered: Vec<(u32, Box<str>)>,
    /// Which bodies cannot hold a needle, to leave them unread.
    filter: BigramFilter,
}

impl Bodies {
    fn build(bundle: &Bundle) -> Bodies {
        let entries = || bundle.posts.iter().flat_map(|p| &p.entries);
        let bytes = entries().map(|e| e.body.len()).sum();
        let mut out = Bodies {
            filter: BigramFilter::with_capacity(bytes, entries().count()),
            ..Bodies::default()
        };
        let mut n = 0;
        for post in &bundle.posts {
            out.post_starts.push(n);
            for entry in &post.entries {
                if lowercases_as_ascii(&entry.body) {
                    out.filter.push(entry.body.as_bytes());
                } else {
                    let lowered = entry.body.to_lowercase();
                    out.filter.push(lowered.as_bytes());
                    out.lowered.push((n, lowered.into()));
                }
                n += 1;
            }
        }
        out.post_starts.push(n);
        out.lowered.shrink_to_fit();
        out.filter.finish();
        out
    }

    /// Body `i` as matching reads it, looked up in the bundle.
    fn get<'a>(&'a self, bundle: &'a Bundle, i: usize) -> &'a [u8] {
        let post = self.post_starts.partition_point(|&s| s as usize <= i) - 1;
        let entry = &bundle.posts[post].entries[i - self.post_starts[post] as usize];
        self.text(i, entry)
    }

    /// Body `i`, of `entry`, as matching reads it.
    fn text<'a>(&'a self, i: usize, entry: &'a Entry) -> &'a [u8] {
        match self.lowered.binary_search_by_key(&i, |(e, _)| *e as usize) {
            Ok(k) => self.lowered[k].1.as_bytes(),
            Err(_) => entry.body.as_bytes(),
        }
    }
}

/// A term's text, ready to look for. One finder serves the lowercased
/// copies too: it finds there what an exact search finds, as they hold no
/// ASCII capital to fold.
struct Needle<'t> {
    finder: AsciiFinder<'t>,
    pairs: Pairs,
}

impl<'t> Needle<'t> {
    fn new(text: &'t str) -> Needle<'t> {
        Needle {
            finder: AsciiFinder::new(text.as_bytes()),
            pairs: Pairs::new(text.as_bytes()),
        }
    }

    fn len(&self) -> usize {
        self.finder.needle().len()
    }

    /// Whether the needle occurs in `hay` (as a whole word when `whole`).
    fn occurs(&self, hay: &[u8], whole: bool) -> bool {
        let mut from = 0;
        while let Some(p) = self.finder.find(&hay[from..]) {
            let at = from + p;
            if !whole || at_word_edges(hay, at, self.len(), 0, hay.len()) {
                return true;
            }
            from = at + 1;
        }
        false
    }

    /// How often the needle occurs in `hay` (as a whole word when `whole`),
    /// not counting overlaps, as ranking counts.
    fn count(&self, hay: &[u8], whole: bool) -> usize {
        (self.finder.find_iter(hay))
            .filter(|&at| !whole || at_word_edges(hay, at, self.len(), 0, hay.len()))
            .count()
    }
}

/// Bodies a scan reads at once; see [`touch`].
const BATCH: usize = 16;

/// Reads a byte of every cache line of `texts` before they are searched.
/// The bundle's bodies lie scattered through memory, so searching them one
/// after another waits for one cache miss after another; loading a batch's
/// lines together lets the misses overlap, which made scans at 100k entries
/// about a third faster.
fn touch<'a>(texts: impl Iterator<Item = &'a [u8]>) {
    let mut x = 0;
    for text in texts {
        let mut at = 0;
        while at < text.len() {
            x ^= text[at];
            at += 64;
        }
    }
    std::hint::black_box(x);
}

/// Entry text in [`FacetIndex`] order, prepared once per bundle: the
/// lowercased subject and author fields, and where to read each body. The
/// bundle must be passed to every search, and must be the one built from.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    len: usize,
    subject: FieldText,
    author: FieldText,
    bodies: Bodies,
}

impl SearchIndex {
    pub fn build(bundle: &Bundle, facets: &FacetIndex) -> SearchIndex {
        let entry =
            |r: &crate::facets::EntryRef| &bundle.posts[r.post as usize].entries[r.entry as usize];
        let (mut subject, mut author) = (0, 0);
        for e in facets.entries.iter().map(entry) {
            subject += e.title.len() + 1 + e.subsystems.iter().map(|s| s.len() + 1).sum::<usize>();
            author += e.authors.iter().map(|a| a.len() + 1).sum::<usize>()
                + e.sender.as_ref().map_or(0, |s| s.len() + 1);
        }
        let n = facets.len();
        let mut idx = SearchIndex {
            len: n,
            subject: FieldText::with_capacity(subject, n),
            author: FieldText::with_capacity(author, n),
            bodies: Bodies::build(bundle),
        };
        debug_assert_eq!(idx.bodies.post_starts.last(), Some(&(n as u32)));
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
        }
        for f in [&mut idx.subject, &mut idx.author] {
            f.finish();
        }
        idx
    }

    /// Subject, author and body: whether a term of `field` looks in each.
    fn picked(field: Field) -> [bool; 3] {
        match field {
            Field::Any => [true, true, true],
            Field::Subject => [true, false, false],
            Field::Author => [false, true, false],
            Field::Body => [false, false, true],
        }
    }

    /// Does entry `i` contain the term in one of its fields (as a whole word when `whole`)?
    fn matches(
        &self,
        bundle: &Bundle,
        i: usize,
        field: Field,
        needle: &Needle,
        whole: bool,
    ) -> bool {
        let [subject, author, body] = Self::picked(field);
        (subject && needle.occurs(self.subject.get(i).as_bytes(), whole))
            || (author && needle.occurs(self.author.get(i).as_bytes(), whole))
            || (body
                && self.bodies.filter.may_contain(i, &needle.pairs)
                && needle.occurs(self.bodies.get(bundle, i), whole))
    }

    /// Every entry containing the needle, among `within` where given (`out`
    /// may gain others outside it): one pass over each lowercased field's
    /// text, the searcher built once and skipping to the next entry after a
    /// hit, then the bodies of the entries not found yet.
    fn scan(
        &self,
        bundle: &Bundle,
        field: Field,
        needle: &Needle,
        whole: bool,
        within: Option<&Bitset>,
        out: &mut Bitset,
    ) {
        let [subject, author, body] = Self::picked(field);
        let len = needle.len();
        for f in [(subject, &self.subject), (author, &self.author)]
            .into_iter()
            .filter_map(|(p, f)| p.then_some(f))
        {
            let hay = f.text.as_bytes();
            let (mut from, mut i) = (0, 0);
            while let Some(p) = needle.finder.find(&hay[from..]) {
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
        if body {
            // Entry by entry, reading a body only where the filter allows,
            // a few bodies at a time.
            let mut batch: Vec<(usize, &[u8])> = Vec::with_capacity(BATCH);
            let search = |batch: &mut Vec<(usize, &[u8])>, out: &mut Bitset| {
                touch(batch.iter().map(|(_, text)| *text));
                for &(i, text) in batch.iter() {
                    if needle.occurs(text, whole) {
                        out.insert(i);
                    }
                }
                batch.clear();
            };
            for (i, e) in bundle.posts.iter().flat_map(|p| &p.entries).enumerate() {
                let wanted = within.is_none_or(|w| w.contains(i)) && !out.contains(i);
                if wanted && self.bodies.filter.may_contain(i, &needle.pairs) {
                    batch.push((i, self.bodies.text(i, e)));
                    if batch.len() == BATCH {
                        search(&mut batch, out);
                    }
                }
            }
            search(&mut batch, out);
        }
    }

    /// How often `term` occurs in entry `i`'s subject, author and body
    /// fields (as a whole word where the term asks), for ranking.
    pub fn occurrences(&self, bundle: &Bundle, i: usize, term: &Term) -> [usize; 3] {
        let needle = Needle::new(&term.text);
        let mut out = [0; 3];
        if needle.len() == 0 {
            return out;
        }
        let [subject, author, body] = Self::picked(term.field);
        if subject {
            out[0] = needle.count(self.subject.get(i).as_bytes(), term.whole_word);
        }
        if author {
            out[1] = needle.count(self.author.get(i).as_bytes(), term.whole_word);
        }
        if body && self.bodies.filter.may_contain(i, &needle.pairs) {
            out[2] = needle.count(self.bodies.get(bundle, i), term.whole_word);
        }
        out
    }

    /// Entries satisfying every term, looked for only among `within` when given
    /// (the facet-filtered set, or the hits of a query this one narrows).
    pub fn search(&self, bundle: &Bundle, query: &Query, within: Option<&Bitset>) -> Bitset {
        // Positive terms first: each narrows the candidates the next must check.
        let mut terms: Vec<&Term> = query.terms.iter().collect();
        terms.sort_by_key(|t| t.negated);
        let mut acc: Option<Bitset> = within.cloned();
        for term in terms {
            let needle = Needle::new(&term.text);
            acc = Some(match acc {
                // Many candidates and a positive term: one pass over the text beats
                // a search per entry.
                cand if !term.negated && cand.as_ref().is_none_or(|c| c.count() * 8 > self.len) => {
                    let mut found = Bitset::empty(self.len);
                    self.scan(
                        bundle,
                        term.field,
                        &needle,
                        term.whole_word,
                        cand.as_ref(),
                        &mut found,
                    );
                    if let Some(c) = cand {
                        found.intersect_with(&c);
                    }
                    found
                }
                cand => {
                    let mut out = Bitset::empty(self.len);
                    let keep = |i: &usize| {
                        self.matches(bundle, *i, term.field, &needle, term.whole_word)
                            != term.negated
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
#[path = "search_tests.rs"]
mod tests;

//! The search box's hits as the user types: each text searched only within the previous text's hits when its query narrows theirs.

use crate::archive::Archive;
use crate::bitset::Bitset;
use crate::query::{parse, Query};

/// A query text and the entries its search allows. The viewer keeps the last
/// one between keystrokes; the benchmark times the same calls.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Searched {
    /// The search box, as typed.
    pub text: String,
    /// `text` parsed, kept so the next keystroke need not parse it again.
    pub query: Query,
    /// What [`Archive::search`] gives: `None` when the query restricts nothing.
    pub hits: Option<Bitset>,
}

impl Searched {
    /// Searches `text`. When its query [narrows](Query::narrows) the query of
    /// `previous` (a letter added to a word, a word or a prefix added), only
    /// `previous`'s hits are looked at: the answer is the same, and a
    /// keystroke costs what is left rather than the whole archive.
    pub fn new(archive: &Archive, text: &str, previous: Option<&Searched>) -> Searched {
        let query = parse(text);
        let within = previous
            .filter(|p| query.narrows(&p.query))
            .and_then(|p| p.hits.as_ref());
        let hits = archive.search_within(&query, within);
        Searched {
            text: text.to_string(),
            query,
            hits,
        }
    }

    /// The positive terms, lowercased, for `<mark>`.
    pub fn highlights(&self) -> Vec<String> {
        self.query.highlights().map(str::to_string).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::tests::archive;

    #[test]
    fn typing_letter_by_letter_gives_what_a_fresh_search_gives() {
        let a = archive();
        let mut previous: Option<Searched> = None;
        for text in [
            "d",
            "da",
            "dam",
            "damon",
            "damon -slab",
            "damon",
            "",
            "s:bpf",
        ] {
            let next = Searched::new(&a, text, previous.as_ref());
            assert_eq!(next.hits, a.search(&parse(text)), "{text}");
            assert_eq!(next.text, text);
            previous = Some(next);
        }
    }

    /// A previous search whose hits hold only entry 0, whatever its text says:
    /// what comes out shows whether those hits were used.
    fn pretend(a: &Archive, text: &str) -> Searched {
        let mut only = Bitset::empty(a.len());
        only.insert(0);
        Searched {
            text: text.into(),
            query: parse(text),
            hits: Some(only),
        }
    }

    #[test]
    fn a_narrowing_query_searches_only_the_previous_hits() {
        let a = archive();
        let fresh = Searched::new(&a, "damon", None).hits.unwrap();
        assert!(fresh.count() > 1, "the fixture has several damon entries");
        let within = Searched::new(&a, "damon", Some(&pretend(&a, "dam")));
        assert_eq!(
            within.hits.map(|h| h.iter().collect::<Vec<_>>()),
            Some(vec![])
        );
    }

    #[test]
    fn a_widening_query_searches_everything_again() {
        let a = archive();
        let previous = pretend(&a, "damon stats");
        for text in ["damon", "slab", "-linux"] {
            let next = Searched::new(&a, text, Some(&previous));
            assert_eq!(next.hits, a.search(&parse(text)), "{text}");
        }
    }

    #[test]
    fn highlights_are_the_positive_terms_lowercased() {
        let a = archive();
        let s = Searched::new(&a, "Folio -rfc s:DAMON rel:v6.7", None);
        assert_eq!(s.highlights(), ["folio", "damon"]);
    }
}

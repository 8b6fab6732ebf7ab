//! The search box's small query language, in the spirit of lore.kernel.org.
//!
//! `word` matches anywhere (title, body, authors, subsystems) as typed, inside
//! words too, so identifiers (`__GFP_ZERO`, `split_huge_page()`, `mm/damon`),
//! message-ids and Korean text all work; `"pin"` or `"exact phrase"` matches
//! whole words only (ASCII; Korean in quotes is still matched as typed).
//! `-word` or `NOT word` excludes; `a OR b`, `a AND b` (also just `a b`) and
//! parentheses combine, `NOT` binding tightest, then `AND`, then `OR`.
//! `s:` (subject), `a:` (author names and the sender's address) and `b:`
//! (body) restrict a term to one field; `rel:v6.7`, `sub:mm`, `kind:rfc`,
//! `lang:ko`, `tag:x` and `source:lwn` select facet values, two values of
//! one prefix giving either (`kind:rfc kind:patch`), as ticking two values of
//! a facet does. `d:2023-06..2023-12` keeps entries posted in a date range
//! ([`crate::date_range`]). `series:ID` selects the postings of one patch
//! series (several give any of them), and `versions:3`, `versions:>=3` (also
//! `>`, `<=`, `<`) the entries of series with that many versions (a resend is
//! none); an entry of no series never matches `versions:`. The grammar is
//! read in [`crate::query_parse`].

use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

use crate::date_range::DateRange;
use crate::facets::Facet;
use crate::selector::ReleaseSelector;

pub use crate::query_parse::parse;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Any,
    Subject,
    Author,
    Body,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub field: Field,
    /// Lowercased text to find.
    pub text: String,
    pub negated: bool,
    /// Matched only where it starts and ends at word boundaries (a quoted ASCII term).
    pub whole_word: bool,
}

/// One thing a query can ask for, as it appears inside `OR`, `NOT` or a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Atom {
    /// A text term; always positive here (`NOT` wraps it).
    Term(Term),
    Release(ReleaseSelector),
    Facet(Facet, String),
    Series(String),
    Versions(Versions),
    Date(DateRange),
}

/// A part of a query joined by `OR` or `NOT`, or grouped in parentheses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    Atom(Atom),
    /// Every part; two values of one prefix give either, as in the flat query.
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Not(Box<Expr>),
}

impl Expr {
    /// The positive text terms (none under a `NOT`).
    fn positive_terms<'a>(&'a self, out: &mut Vec<&'a Term>) {
        match self {
            Expr::Atom(Atom::Term(t)) => out.push(t),
            Expr::Atom(_) | Expr::Not(_) => {}
            Expr::And(items) | Expr::Or(items) => items.iter().for_each(|e| e.positive_terms(out)),
        }
    }
}

/// A search: the parts the top level ANDs together, each in the field the
/// engine has a fast path for, and `groups` for the rest.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
    /// `rel:` values; an entry of any of them passes.
    pub releases: Vec<ReleaseSelector>,
    /// Facet prefixes; per facet, an entry with any of its values passes.
    pub facets: Vec<(Facet, String)>,
    /// `series:` ids, lowercased; an entry of any of them passes.
    pub series: Vec<String>,
    /// `versions:` conditions; an entry passes when its series meets all of them.
    pub versions: Vec<Versions>,
    /// `d:` ranges; an entry passes when its posting day is in all of them.
    pub dates: Vec<DateRange>,
    /// Parts with `OR`, a `NOT` of a prefix, or parentheses; each must hold.
    pub groups: Vec<Expr>,
    /// Parts that could not be read (`rel:latest`), worded for the user.
    pub problems: Vec<String>,
}

/// A `versions:` condition on how many versions a series has ([`crate::story::Story::versions`]): `3`, `>=3`, `>3`, `<=3`, `<3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Versions {
    pub compare: Compare,
    pub count: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compare {
    Equal,
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
}

impl Versions {
    /// Does a series of `postings` postings meet the condition?
    pub fn matches(self, postings: usize) -> bool {
        self.range().is_some_and(|r| r.contains(&postings))
    }

    /// The counts it allows; `None` when it allows none (`<0`).
    fn range(self) -> Option<RangeInclusive<usize>> {
        let n = self.count;
        Some(match self.compare {
            Compare::Equal => n..=n,
            Compare::AtLeast => n..=usize::MAX,
            Compare::MoreThan => n.checked_add(1)?..=usize::MAX,
            Compare::AtMost => 0..=n,
            Compare::LessThan => 0..=n.checked_sub(1)?,
        })
    }

    /// Every count `self` allows `wider` allows too (`>=4` within `>=3`).
    fn within(self, wider: Versions) -> bool {
        match (self.range(), wider.range()) {
            (None, _) => true,
            (Some(_), None) => false,
            (Some(inner), Some(outer)) => {
                outer.start() <= inner.start() && inner.end() <= outer.end()
            }
        }
    }
}

/// A `versions:` value that is not a count or a comparison with one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseVersionsError(pub String);

impl fmt::Display for ParseVersionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a number of versions; expected a count (versions:3) \
             or a comparison (versions:>=3, >3, <=3, <3)",
            self.0
        )
    }
}

impl std::error::Error for ParseVersionsError {}

impl FromStr for Versions {
    type Err = ParseVersionsError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let (compare, n) = [
            (">=", Compare::AtLeast),
            ("<=", Compare::AtMost),
            (">", Compare::MoreThan),
            ("<", Compare::LessThan),
            ("=", Compare::Equal),
        ]
        .into_iter()
        .find_map(|(op, c)| t.strip_prefix(op).map(|rest| (c, rest)))
        .unwrap_or((Compare::Equal, t));
        let n = n.trim();
        // `usize::from_str` takes a leading `+`; a count is digits only.
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ParseVersionsError(s.to_string()));
        }
        let count = n.parse().map_err(|_| ParseVersionsError(s.to_string()))?;
        Ok(Versions { compare, count })
    }
}

impl fmt::Display for Versions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let op = match self.compare {
            Compare::Equal => "",
            Compare::AtLeast => ">=",
            Compare::MoreThan => ">",
            Compare::AtMost => "<=",
            Compare::LessThan => "<",
        };
        write!(f, "{op}{}", self.count)
    }
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
            && self.releases.is_empty()
            && self.facets.is_empty()
            && self.series.is_empty()
            && self.versions.is_empty()
            && self.dates.is_empty()
            && self.groups.is_empty()
    }

    /// True when every entry matching `self` also matches `previous`, so the
    /// search may look only among `previous`'s hits: what typing usually does
    /// (extend a word, add a word or a prefix).
    pub fn narrows(&self, previous: &Query) -> bool {
        let covers = |p: &Term| {
            self.terms.iter().any(|t| {
                if p.negated {
                    t == p
                } else {
                    // A substring term finds whatever a longer one finds; a
                    // whole-word one only the very same word.
                    !t.negated
                        && (t.field == p.field || p.field == Field::Any)
                        && (t.text.contains(&p.text) && !p.whole_word
                            || t.text == p.text && t.whole_word)
                }
            })
        };
        // Values of one prefix are an OR: fewer of the same narrow, another widens.
        fn fewer_of<T: PartialEq, K: PartialEq>(
            now: &[T],
            before: &[T],
            key: impl Fn(&T) -> K,
        ) -> bool {
            before.iter().all(|b| {
                let mine = |t: &&T| key(t) == key(b);
                now.iter().any(|t| mine(&t)) && now.iter().filter(mine).all(|t| before.contains(t))
            })
        }
        previous.terms.iter().all(covers)
            && fewer_of(&self.releases, &previous.releases, |_| ())
            && fewer_of(&self.facets, &previous.facets, |(f, _)| *f)
            && fewer_of(&self.series, &previous.series, |_| ())
            && (previous.versions.iter()).all(|p| self.versions.iter().any(|t| t.within(*p)))
            && (previous.dates.iter()).all(|p| self.dates.iter().any(|t| t.within(p)))
            && previous.groups.iter().all(|g| self.groups.contains(g))
    }

    /// The positive text terms: the top level's and those inside groups, but
    /// none under a `NOT`; what is highlighted and what ranks.
    pub fn positive_terms(&self) -> Vec<&Term> {
        let mut out: Vec<&Term> = self.terms.iter().filter(|t| !t.negated).collect();
        self.groups.iter().for_each(|g| g.positive_terms(&mut out));
        out
    }

    /// Positive terms, for highlighting matches.
    pub fn highlights(&self) -> impl Iterator<Item = &str> {
        self.positive_terms().into_iter().map(|t| t.text.as_str())
    }
}

/// The facet a prefix selects: `sub:`, `kind:`, `lang:`, `tag:`, `source:`.
pub(crate) fn facet_of(prefix: &str) -> Option<Facet> {
    Some(match prefix {
        "sub" | "subsystem" => Facet::Subsystem,
        "kind" => Facet::Kind,
        "lang" => Facet::Lang,
        "tag" => Facet::Tag,
        "source" => Facet::Source,
        _ => return None,
    })
}

#[cfg(test)]
#[path = "query_tests.rs"]
mod tests;

//! The search box's small query language, in the spirit of lore.kernel.org.
//!
//! `word` and `"exact phrase"` match anywhere (title, body, authors,
//! subsystems); `-word` excludes; `s:` (subject), `a:` (author) and `b:` (body)
//! restrict a term to one field; `rel:v6.7`, `sub:mm`, `kind:rfc`, `lang:ko`,
//! `tag:x` and `source:lwn` select facet values. `series:ID` selects the
//! postings of one patch series (several `series:` give any of them), and
//! `versions:3`, `versions:>=3` (also `>`, `<=`, `<`) the entries of series
//! with that many versions (a resend is none); an entry of no series never matches `versions:`.
//! Matching is case-insensitive substring
//! matching, so identifiers (`__GFP_ZERO`, `split_huge_page()`, `mm/damon`),
//! message-ids and Korean text (no word boundaries) all work as typed.

use std::fmt;
use std::ops::RangeInclusive;
use std::str::FromStr;

use crate::facets::Facet;
use crate::selector::ReleaseSelector;

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
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
    pub releases: Vec<ReleaseSelector>,
    pub facets: Vec<(Facet, String)>,
    /// `series:` ids, lowercased; an entry of any of them passes.
    pub series: Vec<String>,
    /// `versions:` conditions; an entry passes when its series meets all of them.
    pub versions: Vec<Versions>,
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
                    !t.negated
                        && (t.field == p.field || p.field == Field::Any)
                        && t.text.contains(&p.text)
                }
            })
        };
        previous.terms.iter().all(covers)
            && previous.releases.iter().all(|r| self.releases.contains(r))
            && previous.facets.iter().all(|f| self.facets.contains(f))
            // `series:` values are one OR: fewer of the same ids narrow.
            && (previous.series.is_empty()
                || (!self.series.is_empty()
                    && self.series.iter().all(|s| previous.series.contains(s))))
            && (previous.versions.iter())
                .all(|p| self.versions.iter().any(|t| t.within(*p)))
    }

    /// Positive terms, for highlighting matches.
    pub fn highlights(&self) -> impl Iterator<Item = &str> {
        self.terms
            .iter()
            .filter(|t| !t.negated)
            .map(|t| t.text.as_str())
    }
}

/// Splits on whitespace outside double quotes; a quote may follow a prefix (`s:"a b"`).
fn tokens(input: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let (mut quoted, mut had_quote) = (false, false);
    for c in input.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                had_quote = true;
            }
            c if c.is_whitespace() && !quoted => {
                if !cur.is_empty() {
                    out.push((std::mem::take(&mut cur), had_quote));
                }
                had_quote = false;
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push((cur, had_quote));
    }
    out
}

pub fn parse(input: &str) -> Query {
    let mut q = Query::default();
    for (token, quoted) in tokens(input) {
        let (negated, body) = match token.strip_prefix('-') {
            Some(rest) if !rest.is_empty() => (true, rest),
            _ => (false, token.as_str()),
        };
        // A quoted token is always text, even if it looks like `a:b`.
        let prefixed = if quoted && !body.contains(':') {
            None
        } else {
            body.split_once(':')
        };
        let field_term = |field| Term {
            field,
            text: String::new(),
            negated,
        };
        let term = match prefixed {
            Some(("s" | "subject", v)) => Some((field_term(Field::Subject), v)),
            Some(("a" | "author", v)) => Some((field_term(Field::Author), v)),
            Some(("b" | "body", v)) => Some((field_term(Field::Body), v)),
            Some(("rel" | "release", v)) if !negated => {
                match v.parse::<ReleaseSelector>() {
                    Ok(s) => q.releases.push(s),
                    Err(e) => q.problems.push(e.to_string()),
                }
                None
            }
            Some(("series", v)) if !negated && !v.is_empty() => {
                q.series.push(v.to_lowercase());
                None
            }
            Some(("versions", v)) if !negated => {
                match v.parse::<Versions>() {
                    Ok(c) => q.versions.push(c),
                    Err(e) => q.problems.push(e.to_string()),
                }
                None
            }
            Some((prefix, v)) if !negated && !v.is_empty() && facet_of(prefix).is_some() => {
                q.facets
                    .push((facet_of(prefix).expect("checked"), v.to_string()));
                None
            }
            _ => Some((field_term(Field::Any), body)),
        };
        if let Some((mut t, text)) = term {
            t.text = text.to_lowercase();
            if !t.text.is_empty() {
                q.terms.push(t);
            }
        }
    }
    q
}

fn facet_of(prefix: &str) -> Option<Facet> {
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

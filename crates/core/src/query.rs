//! The search box's small query language, in the spirit of lore.kernel.org.
//!
//! `word` and `"exact phrase"` match anywhere (title, body, authors,
//! subsystems); `-word` excludes; `s:` (subject), `a:` (author) and `b:` (body)
//! restrict a term to one field; `rel:v6.7`, `sub:mm`, `kind:rfc`, `lang:ko`,
//! `tag:x` and `source:lwn` select facet values. `series:ID` selects the
//! postings of one patch series (several `series:` give any of them), and
//! `versions:3`, `versions:>=3` (also `>`, `<=`, `<`) the entries of series
//! with that many postings; an entry of no series never matches `versions:`.
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

/// A `versions:` condition on how many postings a series has: `3`, `>=3`, `>3`, `<=3`, `<3`.
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
mod tests {
    use super::*;

    fn any(text: &str) -> Term {
        Term {
            field: Field::Any,
            text: text.into(),
            negated: false,
        }
    }

    #[test]
    fn words_phrases_and_exclusions() {
        let q = parse(r#"damon "per-node memory" -RFC"#);
        assert_eq!(
            q.terms,
            [
                any("damon"),
                any("per-node memory"),
                Term {
                    field: Field::Any,
                    text: "rfc".into(),
                    negated: true
                }
            ]
        );
    }

    #[test]
    fn field_prefixes() {
        let q = parse(r#"s:slub a:"Vlastimil Babka" b:maple"#);
        let fields: Vec<_> = q.terms.iter().map(|t| (t.field, t.text.as_str())).collect();
        assert_eq!(
            fields,
            [
                (Field::Subject, "slub"),
                (Field::Author, "vlastimil babka"),
                (Field::Body, "maple")
            ]
        );
    }

    #[test]
    fn facet_prefixes_become_selections() {
        let q = parse("rel:v6.7 sub:mm/damon kind:rfc lang:ko rel:v6.0..v6.7 source:lwn");
        assert_eq!(q.releases.len(), 2);
        assert_eq!(q.releases[1].to_string(), "v6.0..v6.7");
        assert_eq!(
            q.facets,
            [
                (Facet::Subsystem, "mm/damon".into()),
                (Facet::Kind, "rfc".into()),
                (Facet::Lang, "ko".into()),
                (Facet::Source, "lwn".into())
            ]
        );
        assert!(q.terms.is_empty());
    }

    #[test]
    fn identifiers_and_message_ids_stay_whole() {
        for id in [
            "__GFP_ZERO",
            "CONFIG_NUMA",
            "split_huge_page()",
            "mm/damon",
            "20231128125025.4449-1-weixi.zhu@huawei.com",
        ] {
            assert_eq!(parse(id).terms, [any(&id.to_lowercase())], "{id}");
        }
    }

    #[test]
    fn typing_on_narrows_and_deleting_or_excluding_more_does_not() {
        let narrows = |new: &str, old: &str| parse(new).narrows(&parse(old));
        assert!(narrows("damo", "dam"));
        assert!(narrows("damon rfc", "damon"));
        assert!(narrows("s:damon", "damon"));
        assert!(narrows("damon rel:v6.7", "damon"));
        assert!(narrows("damon -rfc", "damon -rfc"));
        assert!(narrows("anything", ""));
        assert!(!narrows("dam", "damo"));
        assert!(!narrows("damon", "s:damon"));
        assert!(!narrows("damon -rfcs", "damon -rfc"));
        assert!(!narrows("damon", "damon rel:v6.7"));
        assert!(!narrows("-damon", "damon"));
    }

    #[test]
    fn korean_is_text() {
        assert_eq!(parse("메모리 관리").terms, [any("메모리"), any("관리")]);
    }

    #[test]
    fn unknown_prefixes_are_plain_text_and_bad_releases_are_reported() {
        assert_eq!(parse("KVM:arm64").terms, [any("kvm:arm64")]);
        let q = parse("rel:latest");
        assert!(q.releases.is_empty());
        assert!(q.problems[0].contains("latest"));
    }

    #[test]
    fn a_lone_dash_or_empty_prefix_is_ignored_safely() {
        assert_eq!(parse("- s:").terms, [any("-")]);
        assert!(parse("   ").is_empty());
    }

    fn versions(text: &str) -> Result<Versions, ParseVersionsError> {
        text.parse()
    }

    #[test]
    fn versions_reads_a_count_and_each_comparison() {
        use Compare::*;
        for (text, compare, count) in [
            ("3", Equal, 3),
            ("=3", Equal, 3),
            (">=3", AtLeast, 3),
            (">3", MoreThan, 3),
            ("<=12", AtMost, 12),
            ("<2", LessThan, 2),
            ("0", Equal, 0),
        ] {
            let v = versions(text).unwrap();
            assert_eq!(v, Versions { compare, count }, "{text}");
            assert_eq!(versions(&v.to_string()), Ok(v), "{text} round trips");
        }
    }

    #[test]
    fn versions_conditions_match_the_number_of_postings() {
        let allowed = |text: &str| -> Vec<usize> {
            let v = versions(text).unwrap();
            (0..6).filter(|&n| v.matches(n)).collect()
        };
        assert_eq!(allowed("3"), [3]);
        assert_eq!(allowed(">=3"), [3, 4, 5]);
        assert_eq!(allowed(">3"), [4, 5]);
        assert_eq!(allowed("<=3"), [0, 1, 2, 3]);
        assert_eq!(allowed("<3"), [0, 1, 2]);
        assert_eq!(allowed("<0"), Vec::<usize>::new());
        let huge = format!(">{}", usize::MAX);
        assert!(!versions(&huge).unwrap().matches(usize::MAX));
    }

    #[test]
    fn a_malformed_versions_value_is_a_problem_worded_for_the_user() {
        for bad in [
            "",
            "three",
            ">=",
            "=>3",
            "3.5",
            "-1",
            "+3",
            ">=3x",
            "99999999999999999999999",
        ] {
            let q = parse(&format!("versions:{bad}"));
            assert!(q.versions.is_empty(), "{bad}");
            assert_eq!(q.problems.len(), 1, "{bad}");
            assert_eq!(
                q.problems[0],
                format!(
                    "`{bad}` is not a number of versions; expected a count (versions:3) \
                     or a comparison (versions:>=3, >3, <=3, <3)"
                )
            );
            assert!(q.terms.is_empty(), "{bad}: not searched as text either");
        }
        // A quoted value may hold spaces around the number.
        assert_eq!(
            parse(r#"versions:">= 3""#).versions,
            [versions(">=3").unwrap()]
        );
    }

    #[test]
    fn series_and_versions_prefixes_become_selections() {
        let q = parse("damon series:Mm-Damon-Stats versions:>=3 series:slab-x versions:<9");
        assert_eq!(q.series, ["mm-damon-stats", "slab-x"]);
        assert_eq!(
            q.versions,
            [versions(">=3").unwrap(), versions("<9").unwrap()]
        );
        assert_eq!(q.terms, [any("damon")]);
        assert!(q.problems.is_empty());
        assert!(!parse("versions:2").is_empty());
        assert!(!parse("series:x").is_empty());
        // Excluded or empty, they are text, as other prefixes are.
        assert_eq!(parse("series:").terms, [any("series:")]);
        assert_eq!(parse("-series:x").terms[0].text, "series:x");
        assert_eq!(parse("-versions:3").terms[0].text, "versions:3");
    }

    #[test]
    fn fewer_series_or_a_tighter_versions_condition_narrows() {
        let narrows = |new: &str, old: &str| parse(new).narrows(&parse(old));
        assert!(narrows("series:a", "series:a series:b"));
        assert!(narrows("series:a damon", "series:a"));
        assert!(narrows("series:a", ""));
        assert!(!narrows("series:a series:b", "series:a"));
        assert!(!narrows("damon", "series:a"));
        assert!(narrows("versions:>=4", "versions:>=3"));
        assert!(narrows("versions:>=10", "versions:>=1"));
        assert!(narrows("versions:3", "versions:<=3"));
        assert!(narrows("versions:<0", "versions:5"));
        assert!(narrows("versions:>=3 versions:<5", "versions:<5"));
        assert!(!narrows("versions:>=3", "versions:>=4"));
        assert!(!narrows("versions:3", "versions:>3"));
        assert!(!narrows("versions:3", "versions:<0"));
        assert!(!narrows("damon", "versions:>=3"));
    }
}

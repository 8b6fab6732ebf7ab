//! The search box's small query language, in the spirit of lore.kernel.org.
//!
//! `word` and `"exact phrase"` match anywhere (title, body, authors,
//! subsystems); `-word` excludes; `s:` (subject), `a:` (author) and `b:` (body)
//! restrict a term to one field; `rel:v6.7`, `sub:mm`, `kind:rfc`, `lang:ko`,
//! `tag:x` and `source:lwn` select facet values. Matching is case-insensitive substring
//! matching, so identifiers (`__GFP_ZERO`, `split_huge_page()`, `mm/damon`),
//! message-ids and Korean text (no word boundaries) all work as typed.

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
    /// Parts that could not be read (`rel:latest`), worded for the user.
    pub problems: Vec<String>,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty() && self.releases.is_empty() && self.facets.is_empty()
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
}

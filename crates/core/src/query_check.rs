//! Values a query names that this archive has none of (`kind:bogus`, `rel:v99`, `a:nobody`), worded as problems with a "did you mean".
//!
//! A malformed `rel:foo` has always been named under the search box; a
//! well-formed value that matches nothing was a silent empty page. Each is
//! checked against the whole archive, not the current results, so a value
//! that exists but is filtered away by the rest of the query is no problem.

use crate::archive::Archive;
use crate::facets::Facet;
use crate::query::{Atom, Expr, Field, Query, Term};
use crate::selector::ReleaseSelector;
use crate::suggest::closest;

impl Archive {
    /// One problem per value of `query` (facet prefixes, releases, author
    /// terms) that names nothing in this archive, in the order written.
    pub fn unknown_values(&self, query: &Query) -> Vec<String> {
        let mut atoms: Vec<Atom> = Vec::new();
        atoms.extend(query.releases.iter().map(|r| Atom::Release(*r)));
        atoms.extend(query.facets.iter().map(|(f, v)| Atom::Facet(*f, v.clone())));
        atoms.extend(
            (query.terms.iter())
                .filter(|t| !t.negated)
                .cloned()
                .map(Atom::Term),
        );
        query.groups.iter().for_each(|g| collect(g, &mut atoms));
        let mut problems = Vec::new();
        for atom in atoms {
            let problem = match &atom {
                Atom::Facet(f, v) => self.unknown_facet_value(*f, v),
                Atom::Release(r) => self.unknown_release(r),
                Atom::Term(t) if t.field == Field::Author => self.unknown_author(t),
                _ => None,
            };
            if let Some(p) = problem.filter(|p| !problems.contains(p)) {
                problems.push(p);
            }
        }
        problems
    }

    fn matches_nothing(&self, atom: &Atom) -> bool {
        self.atom_set(atom).count() == 0
    }

    fn unknown_facet_value(&self, facet: Facet, value: &str) -> Option<String> {
        if !self.matches_nothing(&Atom::Facet(facet, value.to_string())) {
            return None;
        }
        let key = facet.key();
        let noun = facet.label().to_lowercase();
        let names = self.facet_names(facet);
        Some(match closest(value, names.iter().map(String::as_str)) {
            Some(meant) => format!("`{key}:{value}` names no {noun} in this archive; did you mean `{key}:{meant}`?"),
            None => format!(
                "`{key}:{value}` names no {noun} in this archive; expected a value of the {} filter",
                facet.label()
            ),
        })
    }

    fn unknown_release(&self, selector: &ReleaseSelector) -> Option<String> {
        if !self.matches_nothing(&Atom::Release(*selector)) {
            return None;
        }
        let typed = selector.to_string();
        let cycles = self.facet_names(Facet::Release);
        let tags = self.release_tags();
        let known = (tags.iter().copied()).chain(cycles.iter().map(String::as_str));
        Some(match closest(&typed, known) {
            Some(meant) => format!("`rel:{typed}` names no release in this archive; did you mean `rel:{meant}`?"),
            None => format!(
                "`rel:{typed}` names no release in this archive; expected a tag, a cycle or a range of the Release filter"
            ),
        })
    }

    fn unknown_author(&self, term: &Term) -> Option<String> {
        if !self.matches_nothing(&Atom::Term(term.clone())) {
            return None;
        }
        let names = self.facet_names(Facet::Author);
        // Matched against whole names and against each of their words, as people type either.
        let words: Vec<(&str, &str)> = (names.iter())
            .flat_map(|n| {
                n.split_whitespace()
                    .map(move |w| (w, n.as_str()))
                    .chain([(n.as_str(), n.as_str())])
            })
            .collect();
        let meant = closest(&term.text, words.iter().map(|(w, _)| *w))
            .and_then(|w| words.iter().find(|(x, _)| *x == w).map(|(_, n)| *n));
        let typed = &term.text;
        Some(match meant {
            Some(name) => format!(
                "`a:{typed}` matches no author in this archive; did you mean `a:\"{name}\"`?"
            ),
            None => format!("`a:{typed}` matches no author or sender address in this archive"),
        })
    }
}

/// The positive atoms of a group (a value under `NOT` may well be absent).
fn collect(e: &Expr, out: &mut Vec<Atom>) {
    match e {
        Expr::Atom(a) => out.push(a.clone()),
        Expr::Not(_) => {}
        Expr::And(items) | Expr::Or(items) => items.iter().for_each(|i| collect(i, out)),
    }
}

#[cfg(test)]
mod tests {
    use crate::archive::tests::archive;
    use crate::query::parse;

    fn problems(q: &str) -> Vec<String> {
        archive().unknown_values(&parse(q))
    }

    #[test]
    fn an_unknown_kind_is_named_with_the_kind_meant() {
        let p = problems("kind:rfcc");
        assert_eq!(
            p,
            ["`kind:rfcc` names no kind in this archive; did you mean `kind:rfc`?"]
        );
    }

    #[test]
    fn a_value_near_nothing_says_where_the_values_are() {
        let p = problems("sub:zzzzzz");
        assert_eq!(
            p,
            ["`sub:zzzzzz` names no subsystem in this archive; expected a value of the Subsystem filter"]
        );
    }

    #[test]
    fn known_values_and_values_filtered_away_by_the_rest_are_no_problem() {
        assert!(problems("kind:rfc").is_empty());
        assert!(problems("kind:rfc sub:mm damon").is_empty());
        assert!(
            problems("-kind:nothing").is_empty(),
            "an absent value under NOT is fine"
        );
        assert!(
            problems("nothingatall").is_empty(),
            "plain words are not values"
        );
    }

    #[test]
    fn an_unknown_release_is_named_with_the_release_meant() {
        assert_eq!(
            problems("rel:v6.77"),
            ["`rel:v6.77` names no release in this archive; did you mean `rel:v6.7`?"]
        );
        assert!(problems("rel:v6.7").is_empty() && problems("rel:v6.6").is_empty());
    }

    #[test]
    fn an_author_no_entry_has_is_named_with_the_name_meant() {
        assert_eq!(
            problems("a:alexie"),
            ["`a:alexie` matches no author in this archive; did you mean `a:\"Alexei\"`?"]
        );
        assert_eq!(
            problems("a:zzzzzzzz"),
            ["`a:zzzzzzzz` matches no author or sender address in this archive"]
        );
        assert!(problems("a:Linus").is_empty());
        assert!(
            problems("-a:zzzzzzzz").is_empty(),
            "an author left out may well be absent"
        );
    }

    #[test]
    fn values_inside_groups_are_checked_too() {
        let p = problems("(kind:rfc OR kind:rfcc) damon");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].starts_with("`kind:rfcc`"));
    }
}

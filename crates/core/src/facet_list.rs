//! One facet's value list as the sidebar shows it: the shortlisted values as HTML and the labels of its "Show all" and "Show fewer" buttons.
//!
//! The viewer's facet panel and the first view written into `index.html`
//! (`crate::first_view`) both draw a facet from this, so they cannot disagree.

use crate::archive::{Archive, Outcome};
use crate::facets::Facet;
use crate::listing::facet_values_html;
use crate::release_facet::release_values_html;
use crate::shortlist::{cap, is_long, shortlist, show_all_label, show_fewer_label};
use crate::viewstate::ViewState;

/// What one facet's list shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetList {
    /// The `li` items, for a `ul` of class [`FacetList::class`].
    pub html: String,
    /// "Show all (12 more)" while values are hidden.
    pub show_all: Option<String>,
    /// "Show fewer" once the list is expanded (or lists what tells nothing).
    pub show_fewer: Option<&'static str>,
}

impl FacetList {
    /// The list of `facet` in `outcome`, its values filtered by `needle` (the
    /// facet's filter box) and capped unless `expanded`; `None` when the
    /// facet has no values.
    pub fn of(
        archive: &Archive,
        outcome: &Outcome,
        facet: Facet,
        state: &ViewState,
        needle: &str,
        expanded: bool,
    ) -> Option<FacetList> {
        let counts = outcome.counts_of(facet)?;
        let list = shortlist(
            counts,
            needle,
            cap(facet, expanded),
            |v| state.is_picked(facet, v),
            |v| archive.value_label(facet, v),
            |v| archive.tells_nothing(facet, v),
        );
        // Releases read as a list of series, never capped (see core's `cap`).
        let html = if facet == Facet::Release {
            release_values_html(&list.shown, counts, state)
        } else {
            facet_values_html(facet, &list.shown, state, |v| archive.value_label(facet, v))
        };
        Some(FacetList {
            html,
            show_all: show_all_label(list.hidden),
            show_fewer: show_fewer_label(
                facet,
                expanded,
                counts.len(),
                archive.uninformative(facet).len(),
            ),
        })
    }

    /// Whether `facet`'s list in `outcome` is long enough for a filter box.
    pub fn filterable(outcome: &Outcome, facet: Facet) -> bool {
        is_long(outcome.counts_of(facet).map_or(0, <[_]>::len))
    }

    /// The class of the `ul` holding a facet's values.
    pub fn class(facet: Facet) -> &'static str {
        if facet == Facet::Release {
            "facet-values releases"
        } else {
            "facet-values"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::tests::{archive, bundle, entry, post};
    use crate::shortlist::SHORT;
    use crate::EntryKind;

    fn default_list(a: &Archive, facet: Facet) -> (Outcome, FacetList) {
        let outcome = a.outcome(&ViewState::default(), None);
        let list = FacetList::of(a, &outcome, facet, &ViewState::default(), "", false)
            .unwrap_or_else(|| panic!("{facet:?} has values"));
        (outcome, list)
    }

    #[test]
    fn releases_are_drawn_as_series_and_other_facets_as_plain_values() {
        let a = archive();
        let state = ViewState::default();
        let (outcome, releases) = default_list(&a, Facet::Release);
        let counts = outcome.counts_of(Facet::Release).unwrap();
        let all: Vec<&_> = counts.iter().collect();
        assert_eq!(releases.html, release_values_html(&all, counts, &state));
        assert_ne!(
            releases.html,
            facet_values_html(Facet::Release, &all, &state, |v| a
                .value_label(Facet::Release, v)),
            "the series layout differs from a plain list"
        );
        let (outcome, authors) = default_list(&a, Facet::Author);
        let counts = outcome.counts_of(Facet::Author).unwrap();
        let all: Vec<&_> = counts.iter().collect();
        assert_eq!(
            authors.html,
            facet_values_html(Facet::Author, &all, &state, |v| a
                .value_label(Facet::Author, v))
        );
        assert!(authors.html.contains(">Alexei<"), "{}", authors.html);
        assert_eq!((authors.show_all, authors.show_fewer), (None, None));
    }

    #[test]
    fn only_a_long_list_gets_a_filter_box() {
        let a = archive();
        let outcome = a.outcome(&ViewState::default(), None);
        assert!(
            !FacetList::filterable(&outcome, Facet::Author),
            "four authors"
        );
        let many: Vec<_> = (0..=SHORT)
            .map(|i| {
                entry(
                    "p",
                    &format!("t{i}"),
                    EntryKind::Patch,
                    &[],
                    &format!("A{i}"),
                )
            })
            .collect();
        let long = Archive::new(bundle(vec![post("p", None, None, many)]));
        let outcome = long.outcome(&ViewState::default(), None);
        assert!(
            FacetList::filterable(&outcome, Facet::Author),
            "{} authors",
            SHORT + 1
        );
        let (_, list) = default_list(&long, Facet::Author);
        assert_eq!(list.show_all.as_deref(), Some("Show all (1 more)"));
    }

    #[test]
    fn the_release_list_has_its_own_class() {
        assert_eq!(FacetList::class(Facet::Release), "facet-values releases");
        assert_eq!(FacetList::class(Facet::Author), "facet-values");
    }
}

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

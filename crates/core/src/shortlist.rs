//! Which values of a long facet list to show: matches of the list's own filter
//! box, capped, with picked values always kept so a selection never hides;
//! and the list's policy around it: when it is long, how far it is capped, and
//! the words of the buttons that lift and restore the cap.

use crate::facets::{Facet, FacetCount};

/// Values a long list shows before "Show all", and the length past which a
/// list is long (gets a filter box and the cap).
pub const SHORT: usize = 10;

/// Whether a facet with `values` values is long: it gets a filter box, and
/// (but for releases) a cap.
pub fn is_long(values: usize) -> bool {
    values > SHORT
}

/// How many unpicked values a facet's list shows: [`SHORT`] until the reader
/// expands it, every one once expanded. Releases are never capped: they read
/// as a list of series with every cycle shown, since a reader looks for the
/// kernel they run, not the busiest cycles.
pub fn cap(facet: Facet, expanded: bool) -> Option<usize> {
    (!expanded && facet != Facet::Release).then_some(SHORT)
}

/// The button that lifts the cap, when the cap hides some values: "Show all (36 more)".
pub fn show_all_label(hidden: usize) -> Option<String> {
    (hidden > 0).then(|| format!("Show all ({hidden} more)"))
}

/// The button that restores the cap: once the reader has expanded a list the
/// cap would shorten (`values` values in all, `uninformative` of them kept
/// behind "Show all" whatever the cap), so nothing is hidden.
pub fn show_fewer_label(
    facet: Facet,
    expanded: bool,
    values: usize,
    uninformative: usize,
) -> Option<&'static str> {
    let capped = cap(facet, false).is_some_and(|cap| values > cap || uninformative > 0);
    (expanded && capped).then_some("Show fewer")
}

#[derive(Debug, PartialEq, Eq)]
pub struct Shortlist<'a> {
    /// In the order given; in a capped list, those with entries first.
    pub shown: Vec<&'a FacetCount>,
    /// Values that match the filter but fall past the cap or tell nothing:
    /// what "Show all" adds.
    pub hidden: usize,
}

/// `filter` matches the value or its label anywhere, ignoring case; `cap`
/// limits the unpicked values shown (`None` shows every match).
///
/// A capped list is the list as it opens, so it must say something from its
/// first line: values that [tell nothing](crate::uninformative) wait behind
/// "Show all" (unless picked, so they can be unticked, or typed into the
/// filter box), and values with entries come before those with none, each
/// group in the facet's own order. A zero would otherwise lead the list
/// whenever a search leaves fewer values with entries than the cap.
pub fn shortlist<'a>(
    counts: &'a [FacetCount],
    filter: &str,
    cap: Option<usize>,
    picked: impl Fn(&str) -> bool,
    label: impl Fn(&str) -> String,
    uninformative: impl Fn(&str) -> bool,
) -> Shortlist<'a> {
    let needle = filter.trim().to_lowercase();
    let matching: Vec<&FacetCount> = counts
        .iter()
        .filter(|c| {
            picked(&c.value)
                || needle.is_empty()
                || c.value.to_lowercase().contains(&needle)
                || label(&c.value).to_lowercase().contains(&needle)
        })
        .collect();
    let Some(cap) = cap else {
        return Shortlist {
            shown: matching,
            hidden: 0,
        };
    };
    let waits = |c: &FacetCount| needle.is_empty() && uninformative(&c.value);
    // Over the cap, keep the unpicked values with the most entries, but show
    // them in the facet's own order (kernel order, subsystem tree ...).
    let mut keep = vec![true; matching.len()];
    let mut hidden = 0;
    let mut offered = Vec::new();
    for (i, c) in matching.iter().enumerate() {
        if picked(&c.value) {
            continue;
        }
        if waits(c) {
            keep[i] = false;
            hidden += 1;
        } else {
            offered.push(i);
        }
    }
    if offered.len() > cap {
        offered.sort_by_key(|&i| std::cmp::Reverse(matching[i].count));
        for &i in &offered[cap..] {
            keep[i] = false;
        }
        hidden += offered.len() - cap;
    }
    let (mut shown, zero): (Vec<&FacetCount>, Vec<&FacetCount>) = (matching.into_iter())
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(c, _)| c)
        .partition(|c| c.count > 0);
    shown.extend(zero);
    Shortlist { shown, hidden }
}

#[cfg(test)]
#[path = "shortlist_tests.rs"]
mod tests;

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
/// cap would shorten (`values` values in all), so nothing is hidden.
pub fn show_fewer_label(facet: Facet, expanded: bool, values: usize) -> Option<&'static str> {
    let capped = cap(facet, false).is_some_and(|cap| values > cap);
    (expanded && capped).then_some("Show fewer")
}

#[derive(Debug, PartialEq, Eq)]
pub struct Shortlist<'a> {
    /// In the order given.
    pub shown: Vec<&'a FacetCount>,
    /// Values that match the filter but fall past the cap.
    pub hidden: usize,
}

/// `filter` matches the value or its label anywhere, ignoring case; `cap`
/// limits the unpicked values shown (`None` shows every match).
pub fn shortlist<'a>(
    counts: &'a [FacetCount],
    filter: &str,
    cap: Option<usize>,
    picked: impl Fn(&str) -> bool,
    label: impl Fn(&str) -> String,
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
    // Over the cap, keep the unpicked values with the most entries, but show
    // them in the facet's own order (kernel order, subsystem tree ...).
    let mut keep = vec![true; matching.len()];
    let unpicked: Vec<usize> = (0..matching.len())
        .filter(|&i| !picked(&matching[i].value))
        .collect();
    let mut hidden = 0;
    if let Some(cap) = cap.filter(|&cap| unpicked.len() > cap) {
        let mut by_count = unpicked.clone();
        by_count.sort_by_key(|&i| std::cmp::Reverse(matching[i].count));
        for &i in &by_count[cap..] {
            keep[i] = false;
        }
        hidden = unpicked.len() - cap;
    }
    Shortlist {
        shown: matching
            .into_iter()
            .zip(keep)
            .filter(|(_, k)| *k)
            .map(|(c, _)| c)
            .collect(),
        hidden,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(values: &[&str]) -> Vec<FacetCount> {
        values
            .iter()
            .map(|v| FacetCount {
                value: v.to_string(),
                count: 1,
            })
            .collect()
    }

    #[test]
    fn over_the_cap_the_biggest_values_stay_in_facet_order() {
        let mut c = counts(&["arch", "bpf", "fs", "mm", "mm/damon"]);
        c[0].count = 0;
        c[1].count = 0;
        c[3].count = 5;
        c[4].count = 3;
        let s = shortlist(&c, "", Some(3), |_| false, str::to_string);
        assert_eq!(shown(&s), ["fs", "mm", "mm/damon"]);
        assert_eq!(s.hidden, 2);
    }

    fn shown(s: &Shortlist<'_>) -> Vec<String> {
        s.shown.iter().map(|c| c.value.clone()).collect()
    }

    #[test]
    fn caps_the_list_and_counts_what_it_hides() {
        let c = counts(&["a", "b", "c", "d"]);
        let s = shortlist(&c, "", Some(2), |_| false, str::to_string);
        assert_eq!(shown(&s), ["a", "b"]);
        assert_eq!(s.hidden, 2);
        assert_eq!(shortlist(&c, "", None, |_| false, str::to_string).hidden, 0);
    }

    #[test]
    fn filters_by_value_or_label_ignoring_case_and_keeps_picked_values() {
        let c = counts(&["mm", "mm/damon", "bpf", "net"]);
        let label = |v: &str| {
            if v == "bpf" {
                "BPF (eBPF)".into()
            } else {
                v.to_string()
            }
        };
        let s = shortlist(&c, "EBPF", Some(5), |v| v == "net", label);
        assert_eq!(shown(&s), ["bpf", "net"]);
        let s = shortlist(&c, "damon", Some(5), |_| false, label);
        assert_eq!(shown(&s), ["mm/damon"]);
    }

    #[test]
    fn a_list_is_long_past_short_and_capped_to_short_until_expanded() {
        assert!(!is_long(SHORT));
        assert!(is_long(SHORT + 1));
        assert_eq!(cap(Facet::Author, false), Some(SHORT));
        assert_eq!(cap(Facet::Author, true), None);
        // Every cycle is listed, expanded or not.
        assert_eq!(cap(Facet::Release, false), None);
    }

    #[test]
    fn show_all_counts_what_the_cap_hides_and_is_absent_when_nothing_is() {
        assert_eq!(show_all_label(0), None);
        assert_eq!(show_all_label(36).as_deref(), Some("Show all (36 more)"));
        assert_eq!(show_all_label(1).as_deref(), Some("Show all (1 more)"));
    }

    #[test]
    fn show_fewer_appears_only_on_an_expanded_list_the_cap_would_shorten() {
        assert_eq!(
            show_fewer_label(Facet::Author, true, 40),
            Some("Show fewer")
        );
        assert_eq!(show_fewer_label(Facet::Author, false, 40), None);
        assert_eq!(show_fewer_label(Facet::Author, true, SHORT), None);
        assert_eq!(show_fewer_label(Facet::Release, true, 40), None);
    }

    #[test]
    fn the_labels_follow_the_lists_they_label() {
        let c = counts(&["a"; 25]);
        let closed = shortlist(&c, "", cap(Facet::Tag, false), |_| false, str::to_string);
        assert_eq!((closed.shown.len(), closed.hidden), (SHORT, 15));
        assert_eq!(
            show_all_label(closed.hidden).as_deref(),
            Some("Show all (15 more)")
        );
        let open = shortlist(&c, "", cap(Facet::Tag, true), |_| false, str::to_string);
        assert_eq!(show_all_label(open.hidden), None);
        assert_eq!(
            show_fewer_label(Facet::Tag, true, c.len()),
            Some("Show fewer")
        );
    }

    #[test]
    fn picked_values_do_not_use_up_the_cap() {
        let c = counts(&["a", "b", "c"]);
        let s = shortlist(&c, "", Some(1), |v| v == "c" || v == "a", str::to_string);
        assert_eq!(shown(&s), ["a", "b", "c"]);
        assert_eq!(s.hidden, 0);
    }
}

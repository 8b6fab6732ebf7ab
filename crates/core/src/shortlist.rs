//! Which values of a long facet list to show: matches of the list's own filter
//! box, capped, with picked values always kept so a selection never hides.

use crate::facets::FacetCount;

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
    fn picked_values_do_not_use_up_the_cap() {
        let c = counts(&["a", "b", "c"]);
        let s = shortlist(&c, "", Some(1), |v| v == "c" || v == "a", str::to_string);
        assert_eq!(shown(&s), ["a", "b", "c"]);
        assert_eq!(s.hidden, 0);
    }
}

//! The release facet laid out as a release list: cycles newest first, grouped
//! by major series (`v7.x`, `v6.x` ...) with the series itself pickable, so
//! every cycle is one click away and none hides behind "show all".

use std::fmt::Write as _;

use crate::facets::{Facet, FacetCount};
use crate::listing::{facet_value_html, facet_values_html};
use crate::selector::ReleaseSelector;
use crate::viewstate::ViewState;
use crate::KernelVersion;

/// One major series and its cycles, in the order given (newest first).
#[derive(Debug, PartialEq, Eq)]
pub struct SeriesGroup<'a> {
    /// The series as a release selector value (`v6.x`); `None` for values
    /// that are not kernel versions.
    pub series: Option<FacetCount>,
    pub cycles: Vec<&'a FacetCount>,
}

fn major(cycle: &FacetCount) -> Option<u32> {
    cycle.value.parse::<KernelVersion>().ok().map(|v| v.major)
}

/// Groups the `shown` cycle counts (in the facet's order) by major series.
/// A series counts the entries of every one of its cycles in `all`, shown or
/// not (the list's filter box hides some): each entry belongs to one cycle, so
/// the sum is the number of entries `v6.x` would show with the other facets held.
pub fn series_groups<'a>(shown: &[&'a FacetCount], all: &[FacetCount]) -> Vec<SeriesGroup<'a>> {
    let mut groups: Vec<(Option<u32>, SeriesGroup<'a>)> = Vec::new();
    for &c in shown {
        let major = major(c);
        let at = match groups.iter().position(|(m, _)| *m == major) {
            Some(at) => at,
            None => {
                let series = major.map(|m| FacetCount {
                    value: ReleaseSelector::Major(m).to_string(),
                    count: (all.iter())
                        .filter(|c| self::major(c) == Some(m))
                        .map(|c| c.count)
                        .sum(),
                });
                groups.push((
                    major,
                    SeriesGroup {
                        series,
                        cycles: Vec::new(),
                    },
                ));
                groups.len() - 1
            }
        };
        groups[at].1.cycles.push(c);
    }
    groups.into_iter().map(|(_, g)| g).collect()
}

/// The `li` items of the release list: per series, its own checkbox and
/// its cycles as a compact nested list. Every checkbox carries its value the
/// way [`facet_values_html`] writes it, so the list keeps one change handler.
pub fn release_values_html(shown: &[&FacetCount], all: &[FacetCount], state: &ViewState) -> String {
    let label = |v: &str| v.to_string();
    let mut out = String::with_capacity(shown.len() * 180);
    for group in series_groups(shown, all) {
        let cycles = format!(
            "<ul class=\"series-cycles\">{}</ul>",
            facet_values_html(Facet::Release, &group.cycles, state, label)
        );
        match &group.series {
            Some(s) => facet_value_html(&mut out, Facet::Release, s, state, &s.value, &cycles),
            None => {
                let _ = write!(out, "<li>{cycles}</li>");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(values: &[(&str, usize)]) -> Vec<FacetCount> {
        (values.iter())
            .map(|(v, c)| FacetCount {
                value: v.to_string(),
                count: *c,
            })
            .collect()
    }

    #[test]
    fn cycles_group_by_major_series_newest_first_with_summed_counts() {
        let all = counts(&[("v7.0", 3), ("v6.19", 5), ("v6.10", 2), ("v5.19", 4)]);
        let refs: Vec<&FacetCount> = all.iter().collect();
        let groups = series_groups(&refs, &all);
        let got: Vec<(String, usize, Vec<&str>)> = (groups.iter())
            .map(|g| {
                let s = g.series.as_ref().unwrap();
                let cycles = g.cycles.iter().map(|c| c.value.as_str()).collect();
                (s.value.clone(), s.count, cycles)
            })
            .collect();
        assert_eq!(
            got,
            [
                ("v7.x".to_string(), 3, vec!["v7.0"]),
                ("v6.x".to_string(), 7, vec!["v6.19", "v6.10"]),
                ("v5.x".to_string(), 4, vec!["v5.19"]),
            ]
        );
    }

    #[test]
    fn a_series_counts_the_cycles_the_filter_box_hides() {
        let all = counts(&[("v6.19", 5), ("v6.10", 2), ("v5.19", 4)]);
        let groups = series_groups(&[&all[1]], &all);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].series.as_ref().unwrap().count, 7);
        assert_eq!(groups[0].cycles, [&all[1]]);
    }

    #[test]
    fn series_values_are_release_selectors_the_view_state_accepts() {
        let all = counts(&[("v6.7", 1)]);
        let series = series_groups(&[&all[0]], &all).remove(0).series.unwrap();
        let parsed: ReleaseSelector = series.value.parse().unwrap();
        assert_eq!(parsed, ReleaseSelector::Major(6));
    }

    #[test]
    fn html_nests_each_series_cycles_and_checks_what_is_picked() {
        let all = counts(&[("v6.8", 2), ("v6.7", 1), ("v5.19", 0)]);
        let refs: Vec<&FacetCount> = all.iter().collect();
        let mut state = ViewState::default();
        state.toggle(Facet::Release, "v6.x");
        state.toggle(Facet::Release, "v5.19");
        let html = release_values_html(&refs, &all, &state);
        assert_eq!(
            html.matches("<ul class=\"series-cycles\">").count(),
            2,
            "{html}"
        );
        assert_eq!(html.matches("<li").count(), 5, "{html}");
        assert_eq!(html.matches("</li>").count(), 5, "{html}");
        assert!(html.contains("data-value=\"v6.x\" checked"), "{html}");
        assert!(html.contains("data-value=\"v5.19\" checked"), "{html}");
        assert!(html.contains("data-value=\"v6.8\">"), "{html}");
        let v6 = html.find("data-value=\"v6.x\"").unwrap();
        let v68 = html.find("data-value=\"v6.8\"").unwrap();
        let v5 = html.find("data-value=\"v5.x\"").unwrap();
        assert!(v6 < v68 && v68 < v5, "{html}");
    }

    #[test]
    fn values_that_are_not_versions_get_a_group_without_a_series_box() {
        let all = counts(&[("v6.7", 1), ("unknown", 2)]);
        let refs: Vec<&FacetCount> = all.iter().collect();
        let groups = series_groups(&refs, &all);
        assert_eq!(groups.len(), 2);
        assert!(groups[1].series.is_none());
        let html = release_values_html(&refs, &all, &ViewState::default());
        assert!(
            html.contains("</li><li><ul class=\"series-cycles\">"),
            "{html}"
        );
    }
}

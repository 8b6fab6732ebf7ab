//! The status bar's words: how many entries the view shows, and a removable chip per active filter.

use crate::facets::Facet;
use crate::viewstate::ViewState;

/// "61 entries in 17 posts" for the whole archive, else "6 of 61 entries, in
/// 5 posts". The noun agrees with the number before it, so it is "1 entry in
/// 1 post" but "1 of 61 entries".
pub fn result_count(hits: usize, total: usize, posts: usize) -> String {
    let noun = |n: usize| if n == 1 { "entry" } else { "entries" };
    let in_posts = match posts {
        1 => "1 post".to_string(),
        n => format!("{n} posts"),
    };
    if hits == total {
        format!("{hits} {} in {in_posts}", noun(hits))
    } else {
        format!("{hits} of {total} {}, in {in_posts}", noun(total))
    }
}

/// What pressing a chip takes out of the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removes {
    Search,
    Filter(Facet, String),
}

/// One active filter (or the search), as the status bar shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chip {
    /// On the chip: "Release: v6.7".
    pub text: String,
    /// Its accessible name, saying what pressing it does.
    pub label: String,
    pub removes: Removes,
}

impl Chip {
    pub fn remove_from(&self, state: &mut ViewState) {
        match &self.removes {
            Removes::Search => state.query.clear(),
            Removes::Filter(facet, value) => {
                state.remove(*facet, value);
            }
        }
    }
}

/// The chips of `state`: the search first, then each filter value in facet
/// order, named by `label` (the archive's value labels: "mm/damon (DAMON)").
pub fn chips(state: &ViewState, label: impl Fn(Facet, &str) -> String) -> Vec<Chip> {
    let mut out = Vec::new();
    let query = state.query.trim();
    if !query.is_empty() {
        out.push(Chip {
            text: format!("Search: {query}"),
            label: format!("Remove the search {query}"),
            removes: Removes::Search,
        });
    }
    for (facet, values) in &state.filters {
        for value in values {
            let text = format!("{}: {}", facet.label(), label(*facet, value));
            out.push(Chip {
                label: format!("Remove filter {text}"),
                text,
                removes: Removes::Filter(*facet, value.clone()),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_archive_reads_as_entries_in_posts() {
        assert_eq!(result_count(61, 61, 17), "61 entries in 17 posts");
        assert_eq!(result_count(1, 1, 1), "1 entry in 1 post");
        assert_eq!(result_count(0, 0, 0), "0 entries in 0 posts");
    }

    #[test]
    fn a_filtered_view_counts_against_the_total_and_the_noun_follows_it() {
        assert_eq!(result_count(6, 61, 5), "6 of 61 entries, in 5 posts");
        assert_eq!(result_count(1, 61, 1), "1 of 61 entries, in 1 post");
        assert_eq!(result_count(0, 61, 0), "0 of 61 entries, in 0 posts");
    }

    #[test]
    fn chips_name_the_search_then_each_filter_with_its_label() {
        let state = ViewState::from_fragment("#q=%20damon%20&kind=rfc&sub=mm/damon&rel=v6.7");
        let chips = chips(&state, |f, v| match f {
            Facet::Subsystem => format!("{v} (DAMON)"),
            _ => v.to_string(),
        });
        let texts: Vec<(&str, &str)> = (chips.iter())
            .map(|c| (c.text.as_str(), c.label.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                ("Search: damon", "Remove the search damon"),
                ("Release: v6.7", "Remove filter Release: v6.7"),
                (
                    "Subsystem: mm/damon (DAMON)",
                    "Remove filter Subsystem: mm/damon (DAMON)"
                ),
                ("Kind: rfc", "Remove filter Kind: rfc"),
            ]
        );
    }

    #[test]
    fn a_blank_search_has_no_chip() {
        let state = ViewState::from_fragment("#q=%20%20");
        assert!(chips(&state, |_, v| v.into()).is_empty());
    }

    #[test]
    fn pressing_a_chip_removes_only_what_it_names() {
        let state = ViewState::from_fragment("#q=damon&kind=rfc&kind=patch&sort=oldest");
        let all = chips(&state, |_, v| v.into());
        let mut without_search = state.clone();
        all[0].remove_from(&mut without_search);
        assert_eq!(
            without_search.to_fragment(),
            "#kind=patch&kind=rfc&sort=oldest"
        );
        let mut without_patch = state.clone();
        all[1].remove_from(&mut without_patch);
        assert_eq!(without_patch.to_fragment(), "#q=damon&kind=rfc&sort=oldest");
    }
}

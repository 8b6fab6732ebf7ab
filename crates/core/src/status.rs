//! The status bar's words: how many entries (and series) the view shows, and a removable chip per active filter.

use crate::archive::Outcome;
use crate::chunks::Progress;
use crate::facets::Facet;
use crate::viewstate::ViewState;

fn noun(n: usize) -> &'static str {
    if n == 1 {
        "entry"
    } else {
        "entries"
    }
}

fn in_posts(posts: usize) -> String {
    match posts {
        1 => "1 post".to_string(),
        n => format!("{n} posts"),
    }
}

/// "61 entries in 17 posts" for the whole archive, else "6 of 61 entries, in
/// 5 posts". The noun agrees with the number before it, so it is "1 entry in
/// 1 post" but "1 of 61 entries".
pub fn result_count(hits: usize, total: usize, posts: usize) -> String {
    let in_posts = in_posts(posts);
    if hits == total {
        format!("{hits} {} in {in_posts}", noun(hits))
    } else {
        format!("{hits} of {total} {}, in {in_posts}", noun(total))
    }
}

/// With one row per series: the `rows` shown, `series` of them series, then
/// the `entries` they stand for as [`result_count`] words them: "12 series
/// and 5 other entries (48 entries) in 9 posts", "2 series and 1 other entry
/// (6 of 61 entries), in 3 posts", "3 series (7 entries) in 2 posts". With no
/// series among the rows, every row is an entry and the words are
/// [`result_count`]'s.
pub fn series_count(
    series: usize,
    rows: usize,
    entries: usize,
    total: usize,
    posts: usize,
) -> String {
    if series == 0 {
        return result_count(rows, total, posts);
    }
    let others = rows.saturating_sub(series);
    let shown = match others {
        0 => format!("{series} series"),
        n => format!("{series} series and {n} other {}", noun(n)),
    };
    let in_posts = in_posts(posts);
    if entries == total {
        format!("{shown} ({entries} {}) in {in_posts}", noun(entries))
    } else {
        format!(
            "{shown} ({entries} of {total} {}), in {in_posts}",
            noun(total)
        )
    }
}

/// The status line of an outcome over an archive of `total` entries:
/// [`series_count`] when it shows one row per series, else [`result_count`].
pub fn outcome_count(outcome: &Outcome, total: usize) -> String {
    match outcome.series {
        Some(series) => series_count(
            series,
            outcome.hits.len(),
            outcome.entries,
            total,
            outcome.posts,
        ),
        None => result_count(outcome.hits.len(), total, outcome.posts),
    }
}

/// The status line: [`outcome_count`], and while a split archive comes in,
/// its [`coverage`] after it.
pub fn status_line(outcome: &Outcome, total: usize, progress: &Progress) -> String {
    let count = outcome_count(outcome, total);
    match coverage(progress) {
        Some(note) => format!("{count}. {note}"),
        None => count,
    }
}

/// What the status line adds while a split archive comes in: "Searching 2000
/// of 9000 entries, loading part 3 of 12…", or which part could not be loaded
/// and why (the error's own words, which say what to do); `None` once every
/// entry is searchable.
pub fn coverage(progress: &Progress) -> Option<String> {
    if progress.is_complete() {
        return None;
    }
    let (searchable, total) = progress.entries;
    let (fetched, parts) = progress.chunks;
    let searching = format!("Searching {searchable} of {total} {}", noun(total));
    Some(match &progress.failed {
        Some(why) => format!(
            "{searching}: part {} of {parts} could not be loaded. {why}",
            fetched + 1
        ),
        None if fetched < parts => format!("{searching}, loading part {} of {parts}…", fetched + 1),
        None => format!("{searching}, indexing the rest…"),
    })
}

/// What an entry, post or series view says while its id is not among the
/// entries loaded so far of a split archive still coming in.
pub fn still_loading(what: &str, progress: &Progress) -> String {
    let (fetched, parts) = progress.chunks;
    format!(
        "Looking for this {what} in the rest of the archive: loading part {} of {parts}…",
        (fetched + 1).min(parts)
    )
}

/// The button at the foot of the phone's filters drawer, which closes it onto
/// the results: "Show 12 results", "Show 1 result". `rows` is the result
/// list's rows (with one row per series, a series counts once), so the number
/// is what the reader will find under the drawer.
pub fn show_results(rows: usize) -> String {
    match rows {
        1 => "Show 1 result".to_string(),
        n => format!("Show {n} results"),
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
    fn coverage_says_how_much_is_searchable_and_which_part_comes_next() {
        let p = |fetched, searchable| Progress {
            chunks: (fetched, 12),
            entries: (searchable, 9000),
            failed: None,
        };
        assert_eq!(
            coverage(&p(2, 2000)).as_deref(),
            Some("Searching 2000 of 9000 entries, loading part 3 of 12…")
        );
        assert_eq!(
            coverage(&p(12, 7000)).as_deref(),
            Some("Searching 7000 of 9000 entries, indexing the rest…")
        );
        assert_eq!(coverage(&p(12, 9000)), None);
        let failed = Progress {
            failed: Some("The server said no.".into()),
            ..p(4, 3000)
        };
        assert_eq!(
            coverage(&failed).as_deref(),
            Some("Searching 3000 of 9000 entries: part 5 of 12 could not be loaded. The server said no.")
        );
        assert_eq!(coverage(&Progress::default()), None, "a whole archive");
        assert_eq!(
            still_loading("entry", &p(2, 2000)),
            "Looking for this entry in the rest of the archive: loading part 3 of 12…"
        );
        assert_eq!(
            still_loading("post", &p(12, 7000)),
            "Looking for this post in the rest of the archive: loading part 12 of 12…"
        );
    }

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
    fn one_row_per_series_says_series_other_entries_and_the_entries_they_stand_for() {
        assert_eq!(
            series_count(12, 17, 48, 48, 9),
            "12 series and 5 other entries (48 entries) in 9 posts"
        );
        assert_eq!(
            series_count(2, 3, 6, 61, 3),
            "2 series and 1 other entry (6 of 61 entries), in 3 posts"
        );
        assert_eq!(
            series_count(3, 3, 7, 7, 2),
            "3 series (7 entries) in 2 posts"
        );
        assert_eq!(series_count(1, 1, 1, 1, 1), "1 series (1 entry) in 1 post");
        assert_eq!(
            series_count(1, 1, 1, 61, 1),
            "1 series (1 of 61 entries), in 1 post"
        );
    }

    #[test]
    fn one_row_per_series_without_series_among_the_rows_reads_as_entries() {
        assert_eq!(series_count(0, 5, 5, 5, 3), "5 entries in 3 posts");
        assert_eq!(series_count(0, 0, 0, 61, 0), "0 of 61 entries, in 0 posts");
    }

    #[test]
    fn an_outcome_is_worded_by_whether_it_shows_one_row_per_series() {
        let a = crate::archive::tests::series_archive();
        let run = |fragment: &str| {
            let state = ViewState::from_fragment(fragment);
            let searched = a.search(&crate::query::parse(&state.query));
            outcome_count(&a.outcome(&state, searched.as_ref()), a.len())
        };
        assert_eq!(run(""), "9 entries in 4 posts");
        assert_eq!(
            run("#rows=series"),
            "3 series and 2 other entries (9 entries) in 2 posts"
        );
        assert_eq!(
            run("#rows=series&q=foo"),
            "1 series (4 of 9 entries), in 1 post"
        );
        assert_eq!(run("#q=foo"), "4 of 9 entries, in 4 posts");
    }

    #[test]
    fn the_drawers_button_counts_results_in_the_singular_and_plural() {
        assert_eq!(show_results(12), "Show 12 results");
        assert_eq!(show_results(1), "Show 1 result");
        assert_eq!(show_results(0), "Show 0 results");
        assert_eq!(show_results(2420), "Show 2420 results");
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

//! Walking the results from the keyboard: where j/k move the cursor over the
//! hits (in the list and in an open entry), and how many rows must be
//! rendered for the cursor's row to be among them.

/// Rows rendered at first and added per "show more": long lists are windowed.
/// Every keystroke updates the window, so its size bounds the keystroke's
/// layout: 20 rows (about 90 px each) fill a tall monitor, and scrolling
/// near the end adds the next 20 before they are reached. 50 rows cost a
/// quarter more layout per keystroke (BENCHMARKS.md, issue 17).
pub const PAGE: usize = 20;

/// Where j (`forward`) or k puts the list's cursor, given where it is and how
/// many hits there are: the first row when there is no cursor yet, and no
/// further than either end. `None` when there are no hits to stand on.
pub fn step(cursor: Option<usize>, forward: bool, hits: usize) -> Option<usize> {
    let last = hits.checked_sub(1)?;
    Some(match (cursor, forward) {
        (None, _) => 0,
        (Some(c), true) => (c + 1).min(last),
        (Some(c), false) => c.saturating_sub(1).min(last),
    })
}

/// How many rows to render so that row `row` is one of them: `limit` when it
/// already is, else enough for the row and a page after it.
pub fn limit_showing(limit: usize, row: usize) -> usize {
    if row < limit {
        limit
    } else {
        row + PAGE
    }
}

/// How close to the end of the page (in CSS pixels) scrolling renders the next page.
pub const NEAR_END_PX: f64 = 800.0;

/// Whether scrolling should render another page: some hits are not rendered
/// and the bottom of the viewport (`seen`, from the top of the document) is
/// within [`NEAR_END_PX`] of the document's end.
pub fn more_on_scroll(hits: usize, limit: usize, seen: f64, document: f64) -> bool {
    hits > limit && seen > document - NEAR_END_PX
}

/// The "show more" button's text, when some hits are not rendered.
pub fn more_label(hits: usize, limit: usize) -> Option<String> {
    (hits > limit).then(|| format!("Show more ({} not shown)", hits - limit))
}

/// Where one entry stands in the display-ordered hits: the entry view's
/// "3 of 61" and its prev/next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// 0-based position in the hits.
    pub index: usize,
    pub prev: Option<u32>,
    pub next: Option<u32>,
}

impl Place {
    /// The entry j (`forward`) or k opens from this one.
    pub fn toward(&self, forward: bool) -> Option<u32> {
        if forward {
            self.next
        } else {
            self.prev
        }
    }
}

/// `None` when `number` is not among the hits.
pub fn place(hits: &[u32], number: u32) -> Option<Place> {
    let index = hits.iter().position(|&h| h == number)?;
    Some(Place {
        index,
        prev: index.checked_sub(1).map(|p| hits[p]),
        next: hits.get(index + 1).copied(),
    })
}

/// The entry view's "3 of 61 results", for an entry at `place` among `hits` hits.
pub fn place_label(place: Option<Place>, hits: usize) -> String {
    match place {
        Some(p) => format!("{} of {hits} results", p.index + 1),
        None => "not in the current results".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_step_lands_on_the_first_row_whichever_way() {
        assert_eq!(step(None, true, 5), Some(0));
        assert_eq!(step(None, false, 5), Some(0));
    }

    #[test]
    fn steps_stop_at_either_end() {
        assert_eq!(step(Some(3), true, 5), Some(4));
        assert_eq!(step(Some(4), true, 5), Some(4));
        assert_eq!(step(Some(1), false, 5), Some(0));
        assert_eq!(step(Some(0), false, 5), Some(0));
    }

    #[test]
    fn no_hits_leave_no_cursor() {
        assert_eq!(step(None, true, 0), None);
        assert_eq!(step(Some(2), false, 0), None);
    }

    #[test]
    fn a_cursor_left_past_fewer_hits_comes_back_inside() {
        assert_eq!(step(Some(9), true, 3), Some(2));
        assert_eq!(step(Some(9), false, 3), Some(2));
    }

    #[test]
    fn the_rendered_rows_grow_only_to_reach_the_cursor() {
        assert_eq!(limit_showing(PAGE, 0), PAGE);
        assert_eq!(limit_showing(PAGE, PAGE - 1), PAGE);
        // Stepping one past the window adds one page.
        assert_eq!(limit_showing(PAGE, PAGE), 2 * PAGE);
        // Coming back from an entry far down renders up to it and a page more.
        assert_eq!(limit_showing(PAGE, 130), 130 + PAGE);
    }

    #[test]
    fn scrolling_near_the_end_renders_more_only_if_there_is_more() {
        assert!(more_on_scroll(120, 50, 9_500.0, 10_000.0));
        assert!(!more_on_scroll(120, 50, 5_000.0, 10_000.0));
        assert!(!more_on_scroll(50, 50, 9_900.0, 10_000.0));
    }

    #[test]
    fn more_renders_only_once_the_viewport_is_less_than_near_end_px_from_the_end() {
        let document = 10_000.0;
        assert!(!more_on_scroll(120, 50, document - NEAR_END_PX, document));
        assert!(more_on_scroll(
            120,
            50,
            document - NEAR_END_PX + 1.0,
            document
        ));
    }

    #[test]
    fn show_more_counts_what_is_not_rendered() {
        assert_eq!(
            more_label(120, 50).as_deref(),
            Some("Show more (70 not shown)")
        );
        assert_eq!(more_label(50, 50), None);
        assert_eq!(more_label(3, 50), None);
    }

    #[test]
    fn places_walk_the_hits_both_ways() {
        let hits = [7, 3, 9];
        let mid = place(&hits, 3).unwrap();
        assert_eq!(
            (mid.index, mid.toward(false), mid.toward(true)),
            (1, Some(7), Some(9))
        );
        let first = place(&hits, 7).unwrap();
        assert_eq!((first.prev, first.next), (None, Some(3)));
        assert_eq!(place(&hits, 9).unwrap().toward(true), None);
        assert_eq!(place(&hits, 4), None);
    }

    #[test]
    fn the_entry_views_place_reads_one_based() {
        assert_eq!(place_label(place(&[7, 3, 9], 3), 3), "2 of 3 results");
        assert_eq!(place_label(None, 3), "not in the current results");
    }
}

//! Keyboard focus inside a chart: the chart is one tab stop, and keys move between its points.
//!
//! A chart of two years has about 90 points; one tab stop each made a page of
//! two charts nearly 200 Tab presses long. So, as in a toolbar, one point
//! holds the chart's tab stop (`tabindex="0"`, the rest `-1`) and the arrow
//! keys, Home and End move focus among the points ("roving tabindex").

/// What a key pressed on a chart's point asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointKey {
    /// Move focus to the point at this index (it may be the same one, at an end).
    Focus(usize),
    /// Enter or Space: filter the archive to the point's release, as a click does.
    Pick,
}

/// Which of a chart's `points` (in kernel order, oldest first) holds its tab
/// stop: the one focused last, so Tab out and back returns there; before any,
/// the post's own release where the chart marks it (`marked`), else the
/// newest, the tag a reader of the latest news most likely wants. `None` for
/// a chart without points.
pub fn tab_stop(last: Option<usize>, marked: Option<usize>, points: usize) -> Option<usize> {
    let newest = points.checked_sub(1)?;
    Some(last.or(marked).map_or(newest, |i| i.min(newest)))
}

/// What a key (a `KeyboardEvent.key`) on the point at index `at` asks for:
/// ArrowLeft and ArrowRight the previous and next point (staying put at
/// either end), Home and End the first and last. Keys with Ctrl, Alt or Meta
/// are the browser's (Alt+ArrowLeft is "back"), and other keys are not the
/// chart's, so the page's shortcuts and Tab work as ever.
pub fn point_key(key: &str, modified: bool, at: usize, points: usize) -> Option<PointKey> {
    let last = points.checked_sub(1)?;
    if modified {
        return None;
    }
    let to = match key {
        "ArrowLeft" => at.saturating_sub(1),
        "ArrowRight" => at.saturating_add(1),
        "Home" => 0,
        "End" => last,
        "Enter" | " " => return Some(PointKey::Pick),
        _ => return None,
    };
    Some(PointKey::Focus(to.min(last)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tab_stop_is_the_last_focused_then_the_marked_then_the_newest() {
        assert_eq!(tab_stop(Some(3), Some(7), 10), Some(3));
        assert_eq!(tab_stop(None, Some(7), 10), Some(7));
        assert_eq!(tab_stop(None, None, 10), Some(9));
        assert_eq!(tab_stop(None, None, 1), Some(0));
    }

    #[test]
    fn a_chart_without_points_has_no_tab_stop_and_takes_no_keys() {
        assert_eq!(tab_stop(None, None, 0), None);
        assert_eq!(tab_stop(Some(2), Some(1), 0), None);
        assert_eq!(point_key("ArrowRight", false, 0, 0), None);
        assert_eq!(point_key("Enter", false, 0, 0), None);
    }

    #[test]
    fn a_stop_past_fewer_points_comes_back_inside() {
        assert_eq!(tab_stop(Some(12), None, 5), Some(4));
        assert_eq!(tab_stop(None, Some(12), 5), Some(4));
    }

    #[test]
    fn arrows_move_one_point_and_stop_at_either_end() {
        assert_eq!(
            point_key("ArrowRight", false, 3, 10),
            Some(PointKey::Focus(4))
        );
        assert_eq!(
            point_key("ArrowLeft", false, 3, 10),
            Some(PointKey::Focus(2))
        );
        assert_eq!(
            point_key("ArrowRight", false, 9, 10),
            Some(PointKey::Focus(9))
        );
        assert_eq!(
            point_key("ArrowLeft", false, 0, 10),
            Some(PointKey::Focus(0))
        );
    }

    #[test]
    fn home_and_end_go_to_the_oldest_and_newest() {
        assert_eq!(point_key("Home", false, 5, 10), Some(PointKey::Focus(0)));
        assert_eq!(point_key("End", false, 5, 10), Some(PointKey::Focus(9)));
    }

    #[test]
    fn enter_and_space_pick_the_point() {
        assert_eq!(point_key("Enter", false, 5, 10), Some(PointKey::Pick));
        assert_eq!(point_key(" ", false, 5, 10), Some(PointKey::Pick));
    }

    #[test]
    fn other_keys_and_modified_ones_are_left_alone() {
        for key in ["Tab", "j", "k", "ArrowUp", "ArrowDown", "Escape", "?"] {
            assert_eq!(point_key(key, false, 5, 10), None, "{key}");
        }
        assert_eq!(point_key("ArrowLeft", true, 5, 10), None);
        assert_eq!(point_key("Enter", true, 5, 10), None);
    }
}

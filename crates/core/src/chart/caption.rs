//! What a chart says in words: each tag's figures, its description for screen readers, and its gaps.

use super::{format_thousands, point_label, Metric};
use crate::Release;

/// One tag's figures, read out on hover or focus and as a point's accessible
/// name: `v6.7-rc4(2023-12-03): files changed 1,234, deletions ...`.
pub fn figures(r: &Release) -> String {
    let part = |m: Metric| {
        let v = m.value(r).map_or("unknown".to_string(), format_thousands);
        format!("{} {v}", m.label())
    };
    let parts: Vec<String> = Metric::ALL.into_iter().map(part).collect();
    format!("{}: {}", point_label(r), parts.join(", "))
}

/// The readout under a chart before a tag is hovered or focused: how to get
/// a tag's figures, by mouse or keyboard (the chart is one tab stop, see
/// [`super::focus`]), and what picking one does.
pub const READOUT_HINT: &str = "Hover a tag, or Tab into the chart and use the arrow keys, for its figures; click it or press Enter to show that release's news.";

/// The SVG's `<desc>`: what is drawn, on which scale, how much is missing,
/// and (for a screen reader entering the chart, which is one tab stop) that
/// the arrow keys move between the tags.
pub fn description(tags: usize, log: bool, missing: usize) -> String {
    format!(
        "{tags} tags; files changed, deletions, insertions and diff per tag on a {} scale; {missing} without data. Arrow keys, Home and End move between the tags.",
        if log { "logarithmic" } else { "linear" },
    )
}

/// The note under a chart: tags without figures are gaps, never zeros.
pub fn missing_note(missing: usize) -> String {
    match missing {
        0 => "Every tag has data.".to_string(),
        1 => "1 tag in this window has no data (a gap, not zero).".to_string(),
        n => format!("{n} tags in this window have no data (gaps, not zeros)."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_name_every_metric_and_say_unknown_for_gaps() {
        let r = Release {
            version: "v6.7-rc4".into(),
            date: Some("2023-12-03".into()),
            files: Some(1234),
            insertions: Some(56789),
            deletions: None,
            ..Default::default()
        };
        assert_eq!(
            figures(&r),
            "v6.7-rc4(2023-12-03): files changed 1,234, deletions unknown, insertions 56,789, diff unknown"
        );
    }

    #[test]
    fn the_description_names_the_scale() {
        assert_eq!(
            description(9, true, 2),
            "9 tags; files changed, deletions, insertions and diff per tag on a logarithmic scale; 2 without data. Arrow keys, Home and End move between the tags."
        );
        assert!(description(9, false, 0).contains("on a linear scale; 0 without data"));
    }

    #[test]
    fn the_missing_note_agrees_with_its_number() {
        assert_eq!(missing_note(0), "Every tag has data.");
        assert_eq!(
            missing_note(1),
            "1 tag in this window has no data (a gap, not zero)."
        );
        assert_eq!(
            missing_note(3),
            "3 tags in this window have no data (gaps, not zeros)."
        );
    }
}

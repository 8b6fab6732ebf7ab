//! Where posts come from (`lkml-news`, `lwn`), and the one way the viewer names each source.

use crate::bundle::{SOURCE_LKML_NEWS, SOURCE_LWN};

/// The source's display name: "LKML News", "LWN.net"; an unknown one as written.
pub fn label(source: &str) -> &str {
    match source {
        SOURCE_LKML_NEWS => "LKML News",
        SOURCE_LWN => "LWN.net",
        other => other,
    }
}

/// What an entry's [`thread_url`](crate::Entry::thread_url) link says: LWN
/// items link their article, LKML News entries the mailing-list thread.
pub fn primary_link_label(source: &str) -> &'static str {
    match source {
        SOURCE_LWN => "Read on LWN.net",
        _ => "thread",
    }
}

/// The heading of an entry's cross-links to entries of `other` that share a
/// message-id with it: an LKML News entry is "Covered by LWN", an LWN item's
/// patches are "In LKML News".
pub fn coverage_heading(other: &str) -> String {
    match other {
        SOURCE_LWN => "Covered by LWN".to_string(),
        other => format!("In {}", label(other)),
    }
}

/// The subscriber-only marker's visible text, LWN's own.
pub const SUBSCRIBER_ONLY_MARK: &str = "[$]";

/// What the marker means, for its tooltip and for screen readers.
pub const SUBSCRIBER_ONLY: &str = "subscriber-only on LWN until about a week after publication";

/// What the date of a feed item says when the feed did not give it.
pub const DATE_ESTIMATED: &str = "date estimated from the neighbouring feed items";

/// A feed item's day as its facts line shows it: `2026-05-14`, or
/// `≈ 2026-05-14` when the date was estimated.
pub fn day_text(day: &str, estimated: bool) -> String {
    if estimated {
        format!("≈ {day}")
    } else {
        day.to_string()
    }
}

/// The releases page's link to a cycle's items of one source: "1 item", "5 items".
pub fn items_label(items: usize) -> Option<String> {
    match items {
        0 => None,
        1 => Some("1 item".to_string()),
        n => Some(format!("{n} items")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_have_display_names_and_unknown_ones_stay_as_written() {
        assert_eq!(label("lkml-news"), "LKML News");
        assert_eq!(label("lwn"), "LWN.net");
        assert_eq!(label("phoronix"), "phoronix");
    }

    #[test]
    fn cross_link_headings_name_the_other_source() {
        assert_eq!(coverage_heading(SOURCE_LWN), "Covered by LWN");
        assert_eq!(coverage_heading(SOURCE_LKML_NEWS), "In LKML News");
        assert_eq!(coverage_heading("x"), "In x");
    }

    #[test]
    fn lwn_items_link_their_article_and_others_their_thread() {
        assert_eq!(primary_link_label(SOURCE_LWN), "Read on LWN.net");
        assert_eq!(primary_link_label(SOURCE_LKML_NEWS), "thread");
    }

    #[test]
    fn an_estimated_day_is_marked() {
        assert_eq!(day_text("2026-05-14", false), "2026-05-14");
        assert_eq!(day_text("2026-05-14", true), "≈ 2026-05-14");
    }

    #[test]
    fn item_counts_agree_with_their_noun_and_vanish_at_zero() {
        assert_eq!(items_label(0), None);
        assert_eq!(items_label(1).as_deref(), Some("1 item"));
        assert_eq!(items_label(7).as_deref(), Some("7 items"));
    }
}

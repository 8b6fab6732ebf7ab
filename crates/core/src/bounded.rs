//! How much of a pathological post the viewer renders at once: a window of a post's entries and a body cut at a block boundary, with the words of the notes and buttons that show the rest.
//!
//! A post of 50,000 entries or an entry of 20 MB would freeze the tab if
//! rendered whole. The post view shows a first window of entries and grows it
//! on request, the way the result list grows by [`crate::cursor::PAGE`]; a
//! body longer than [`BODY_BYTES_SHOWN`] is rendered up to a block boundary
//! before it, with a note saying so and a button that renders it whole.

use std::ops::Range;

use crate::chart::format_thousands;

/// Entries the post view renders at first and adds per "Show more entries".
pub const POST_ENTRIES_SHOWN: usize = 200;

/// Markdown bytes of one body rendered before "Show all": 256 KB renders in
/// well under a second and is longer than any real entry of the archive.
pub const BODY_BYTES_SHOWN: usize = 256 * 1024;

/// How many of a post's `total` entries a window of `limit` renders.
pub fn entries_shown(total: usize, limit: usize) -> usize {
    total.min(limit)
}

/// The window after one more "Show more entries": a page more, as the result
/// list grows.
pub fn more_entries(limit: usize) -> usize {
    limit.saturating_add(POST_ENTRIES_SHOWN)
}

/// The button that grows the post view's window, when some of its `total`
/// entries are not rendered: "Show 200 more entries (of 50,000)".
pub fn more_entries_label(total: usize, limit: usize) -> Option<String> {
    let hidden = total.saturating_sub(limit);
    (hidden > 0).then(|| {
        let next = hidden.min(POST_ENTRIES_SHOWN);
        let noun = if next == 1 { "entry" } else { "entries" };
        format!(
            "Show {next} more {noun} (of {})",
            format_thousands(total as u64)
        )
    })
}

/// Postings a series timeline lists whole; a longer one lists a window of
/// them ([`timeline_window`]). A real series has at most a few dozen postings.
pub const TIMELINE_POSTINGS_SHOWN: usize = 50;

/// Postings a windowed timeline lists at its start and at its end.
pub const TIMELINE_ENDS: usize = 5;

/// Postings a windowed timeline lists on each side of the current one.
pub const TIMELINE_AROUND: usize = 5;

/// Write-up links a timeline item lists before "and N more write-ups".
pub const TIMELINE_WRITEUPS_SHOWN: usize = 10;

/// A run of a timeline's postings: listed, or left out for one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Shown(Range<usize>),
    Hidden(Range<usize>),
}

/// Which of `total` postings a timeline lists, in order: all of them when
/// there are at most [`TIMELINE_POSTINGS_SHOWN`], else the first and last
/// [`TIMELINE_ENDS`] and [`TIMELINE_AROUND`] on each side of `current`, the
/// runs between them hidden. Runs that touch are joined, and a hidden run of
/// one posting is listed instead (its line would be no shorter).
pub fn timeline_window(total: usize, current: Option<usize>) -> Vec<Span> {
    if total <= TIMELINE_POSTINGS_SHOWN {
        return if total == 0 {
            Vec::new()
        } else {
            vec![Span::Shown(0..total)]
        };
    }
    let mut shown: Vec<Range<usize>> = Vec::with_capacity(3);
    shown.push(0..TIMELINE_ENDS);
    if let Some(c) = current.filter(|&c| c < total) {
        shown.push(c.saturating_sub(TIMELINE_AROUND)..(c + TIMELINE_AROUND + 1).min(total));
    }
    shown.push(total - TIMELINE_ENDS..total);
    shown.sort_by_key(|r| r.start);
    let mut out: Vec<Span> = Vec::new();
    let mut at = 0;
    for r in shown {
        // A gap of one posting is listed: joined to the run before it.
        let start = if r.start == at + 1 {
            at
        } else {
            r.start.max(at)
        };
        if r.end <= at {
            continue;
        }
        if start > at {
            out.push(Span::Hidden(at..start));
        }
        match out.last_mut() {
            Some(Span::Shown(last)) if last.end >= start => last.end = r.end,
            _ => out.push(Span::Shown(start..r.end)),
        }
        at = r.end;
    }
    out
}

/// The line in place of `hidden` postings: "… 4,980 more postings".
pub fn hidden_postings_label(hidden: usize) -> String {
    let noun = if hidden == 1 { "posting" } else { "postings" };
    format!("… {} more {noun}", format_thousands(hidden as u64))
}

/// After [`hidden_postings_label`] in the entry view, linking to the series page.
pub const ON_SERIES_PAGE: &str = "every version on the series page";

/// After [`hidden_postings_label`] on the series page, whose sections list them.
pub const IN_ORDER_BELOW: &str = "each in its section below";

/// After a timeline item's first [`TIMELINE_WRITEUPS_SHOWN`] write-ups: "and 5,545 more write-ups".
pub fn more_writeups_label(hidden: usize) -> String {
    let noun = if hidden == 1 { "write-up" } else { "write-ups" };
    format!("and {} more {noun}", format_thousands(hidden as u64))
}

/// Where a body was cut: the bytes rendered and the bytes it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cut {
    pub shown_bytes: usize,
    pub total_bytes: usize,
}

/// The start of `md` that is rendered at first, and where it was cut when it
/// is not the whole body. Bodies of at most `limit` bytes are whole. A longer
/// one is cut after the last blank line at or before `limit` (a block
/// boundary, so no paragraph is split), else after the last line end, else at
/// the last char boundary; a blank line or line end counts only in the second
/// half of the window, so a body that opens with one short paragraph and then
/// a 1 MB line still shows most of the window.
pub fn cut_markdown(md: &str, limit: usize) -> (&str, Option<Cut>) {
    if md.len() <= limit {
        return (md, None);
    }
    let end = md.floor_char_boundary(limit);
    let window = &md[..end];
    let half = end / 2;
    let at = (window.rfind("\n\n").map(|i| i + 2))
        .filter(|&i| i > half)
        .or_else(|| window.rfind('\n').map(|i| i + 1).filter(|&i| i > half))
        .unwrap_or(end);
    let cut = Cut {
        shown_bytes: at,
        total_bytes: md.len(),
    };
    (&md[..at], Some(cut))
}

/// The note under a cut body: "Shown in part: the first 256 KB of 20.0 MB."
pub fn cut_note(cut: &Cut) -> String {
    format!(
        "Shown in part: the first {} of {}.",
        size(cut.shown_bytes),
        size(cut.total_bytes)
    )
}

/// The button that renders a cut body whole: "Show all 20.0 MB".
pub fn show_all_label(cut: &Cut) -> String {
    format!("Show all {}", size(cut.total_bytes))
}

/// A byte count as a reader reads it: "900 bytes", "256 KB", "20.0 MB" (binary units).
pub fn size(bytes: usize) -> String {
    const KB: usize = 1024;
    const MB: usize = 1024 * 1024;
    if bytes < KB {
        format!("{bytes} bytes")
    } else if bytes < MB - KB / 2 {
        format!("{} KB", (bytes + KB / 2) / KB)
    } else {
        // Tenths by integer arithmetic: float formatting would add to the wasm.
        let tenths = (bytes as u64 * 10 + MB as u64 / 2) / MB as u64;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_post_is_whole_and_a_long_one_grows_by_a_window() {
        assert_eq!(entries_shown(12, POST_ENTRIES_SHOWN), 12);
        assert_eq!(more_entries_label(12, POST_ENTRIES_SHOWN), None);
        assert_eq!(
            more_entries_label(POST_ENTRIES_SHOWN, POST_ENTRIES_SHOWN),
            None
        );
        assert_eq!(entries_shown(50_000, POST_ENTRIES_SHOWN), 200);
        assert_eq!(
            more_entries_label(50_000, POST_ENTRIES_SHOWN).as_deref(),
            Some("Show 200 more entries (of 50,000)")
        );
        let limit = more_entries(POST_ENTRIES_SHOWN);
        assert_eq!(entries_shown(50_000, limit), 400);
        // The last press shows what is left.
        assert_eq!(
            more_entries_label(450, limit).as_deref(),
            Some("Show 50 more entries (of 450)")
        );
        assert_eq!(
            more_entries_label(401, limit).as_deref(),
            Some("Show 1 more entry (of 401)")
        );
        assert_eq!(more_entries(usize::MAX), usize::MAX);
    }

    #[test]
    fn a_timeline_of_at_most_the_limit_lists_every_posting() {
        assert_eq!(timeline_window(0, None), vec![]);
        assert_eq!(timeline_window(3, Some(1)), vec![Span::Shown(0..3)]);
        assert_eq!(
            timeline_window(TIMELINE_POSTINGS_SHOWN, Some(20)),
            vec![Span::Shown(0..TIMELINE_POSTINGS_SHOWN)]
        );
    }

    #[test]
    fn a_long_timeline_lists_its_ends_and_the_postings_around_the_current_one() {
        use Span::*;
        assert_eq!(
            timeline_window(5_000, Some(2_000)),
            vec![
                Shown(0..5),
                Hidden(5..1_995),
                Shown(1_995..2_006),
                Hidden(2_006..4_995),
                Shown(4_995..5_000)
            ]
        );
        // No current posting (the series page): the ends.
        assert_eq!(
            timeline_window(51, None),
            vec![Shown(0..5), Hidden(5..46), Shown(46..51)]
        );
        // A current posting out of range is none.
        assert_eq!(timeline_window(51, Some(51)), timeline_window(51, None));
    }

    #[test]
    fn a_window_near_an_end_joins_it() {
        use Span::*;
        assert_eq!(
            timeline_window(5_000, Some(0)),
            vec![Shown(0..6), Hidden(6..4_995), Shown(4_995..5_000)]
        );
        assert_eq!(
            timeline_window(5_000, Some(7)),
            vec![Shown(0..13), Hidden(13..4_995), Shown(4_995..5_000)]
        );
        // A gap of one posting is listed instead.
        assert_eq!(
            timeline_window(5_000, Some(11)),
            vec![Shown(0..17), Hidden(17..4_995), Shown(4_995..5_000)]
        );
        assert_eq!(
            timeline_window(5_000, Some(4_999)),
            vec![Shown(0..5), Hidden(5..4_994), Shown(4_994..5_000)]
        );
        assert_eq!(
            timeline_window(5_000, Some(4_988)),
            vec![Shown(0..5), Hidden(5..4_983), Shown(4_983..5_000)]
        );
        // Every window lists each posting at most once, in order, and covers all.
        for total in [51, 60, 5_000] {
            for current in (0..total).step_by(7).map(Some).chain([None]) {
                let spans = timeline_window(total, current);
                let mut at = 0;
                let mut listed = 0;
                for s in &spans {
                    let (Shown(r) | Hidden(r)) = s;
                    assert_eq!(r.start, at, "{total} {current:?} {spans:?}");
                    assert!(r.end > r.start);
                    if let Hidden(r) = s {
                        assert!(r.len() > 1, "{spans:?}");
                    } else {
                        listed += r.len();
                    }
                    at = r.end;
                }
                assert_eq!(at, total);
                assert!(
                    listed <= 2 * TIMELINE_ENDS + 2 * TIMELINE_AROUND + 2,
                    "{spans:?}"
                );
                if let Some(c) = current {
                    assert!(spans
                        .iter()
                        .any(|s| matches!(s, Shown(r) if r.contains(&c))));
                }
            }
        }
    }

    #[test]
    fn the_lines_in_place_of_postings_and_write_ups_count_them() {
        assert_eq!(hidden_postings_label(4_980), "… 4,980 more postings");
        assert_eq!(hidden_postings_label(1), "… 1 more posting");
        assert_eq!(more_writeups_label(5_545), "and 5,545 more write-ups");
        assert_eq!(more_writeups_label(1), "and 1 more write-up");
    }

    #[test]
    fn a_body_within_the_limit_is_whole() {
        assert_eq!(cut_markdown("short", 5), ("short", None));
        assert_eq!(cut_markdown("", 0), ("", None));
    }

    #[test]
    fn a_long_body_is_cut_after_the_last_blank_line_before_the_limit() {
        let md = "para one\nstill one\n\npara two\n\npara three is long";
        let (shown, cut) = cut_markdown(md, 35);
        assert_eq!(shown, "para one\nstill one\n\npara two\n\n");
        assert_eq!(
            cut,
            Some(Cut {
                shown_bytes: shown.len(),
                total_bytes: md.len()
            })
        );
        // Exactly at the limit counts.
        assert_eq!(cut_markdown(md, 31).0, shown);
    }

    #[test]
    fn without_a_blank_line_it_is_cut_at_a_line_end_else_a_char_boundary() {
        let md = "line one\nline two\nline three";
        assert_eq!(cut_markdown(md, 20).0, "line one\nline two\n");
        let line = "é".repeat(100);
        let (shown, cut) = cut_markdown(&line, 51);
        assert_eq!(shown, "é".repeat(25));
        assert_eq!(cut.unwrap().shown_bytes, 50);
    }

    #[test]
    fn a_boundary_early_in_the_window_does_not_shrink_it() {
        let md = format!("Intro.\n\n{}", "word ".repeat(1000));
        let (shown, cut) = cut_markdown(&md, 1000);
        assert_eq!(shown.len(), 1000);
        assert_eq!(cut.unwrap().total_bytes, md.len());
    }

    #[test]
    fn the_note_and_button_name_the_sizes() {
        let cut = Cut {
            shown_bytes: BODY_BYTES_SHOWN - 40,
            total_bytes: 20 << 20,
        };
        assert_eq!(
            cut_note(&cut),
            "Shown in part: the first 256 KB of 20.0 MB."
        );
        assert_eq!(show_all_label(&cut), "Show all 20.0 MB");
        assert_eq!(size(900), "900 bytes");
        assert_eq!(size(1024), "1 KB");
        assert_eq!(size(1_048_000), "1023 KB");
        assert_eq!(size(1 << 20), "1.0 MB");
        assert_eq!(size(1_000_000), "977 KB");
    }

    /// The pathological bodies of issue 18, as tests/e2e/pathological.spec.mjs
    /// writes them: what the viewer's note and buttons say for each.
    #[test]
    fn the_pathological_bodies_are_cut_as_the_browser_suite_expects() {
        let line = "A sentence of an entry's summary about page reclaim and folios, long enough to wrap.\n";
        let huge = line.repeat((20 << 20) / line.len());
        let (_, cut) = cut_markdown(&huge, BODY_BYTES_SHOWN);
        let cut = cut.unwrap();
        assert_eq!(
            cut_note(&cut),
            "Shown in part: the first 256 KB of 20.0 MB."
        );
        assert_eq!(show_all_label(&cut), "Show all 20.0 MB");
        let one_line = format!("{}\n", "word ".repeat((1 << 20) / 5));
        let (shown, cut) = cut_markdown(&one_line, BODY_BYTES_SHOWN);
        assert_eq!(shown.len(), BODY_BYTES_SHOWN);
        assert_eq!(
            cut_note(&cut.unwrap()),
            "Shown in part: the first 256 KB of 1.0 MB."
        );
        let list = (0..5_000).fold(String::new(), |mut b, i| {
            b.push_str(&format!("{}- level {i}\n", "  ".repeat(i)));
            b
        });
        // Its lines near the limit are 1 KB long: the last line end is up to 1 KB before it.
        let (_, cut) = cut_markdown(&list, BODY_BYTES_SHOWN);
        assert_eq!(
            cut_note(&cut.unwrap()),
            "Shown in part: the first 255 KB of 23.9 MB."
        );
        // Quotes nested 10,000 deep are short: whole.
        let deep = format!("{} deep\n", ">".repeat(10_000));
        assert_eq!(cut_markdown(&deep, BODY_BYTES_SHOWN).1, None);
    }

    #[test]
    #[ignore = "a timing, run by hand: cargo test --release -p kernel-news-core bounded -- --ignored --nocapture"]
    fn time_render_of_deep_nesting() {
        use std::fmt::Write as _;
        let quotes = format!("{} deep\n", ">".repeat(10_000));
        let list = (0..5_000).fold(String::new(), |mut b, i| {
            let _ = writeln!(b, "{}- level {i}", "  ".repeat(i));
            b
        });
        let line = "A sentence of an entry's summary about page reclaim and folios, long enough to wrap.\n";
        let huge = line.repeat((20 << 20) / line.len());
        let one_line = format!("{}\n", "word ".repeat((1 << 20) / 5));
        for (name, md) in [
            ("quotes", &quotes),
            ("list", &list),
            ("20 MB", &huge),
            ("1 MB line", &one_line),
        ] {
            let t = std::time::Instant::now();
            let html = crate::markdown::render(md);
            let full = t.elapsed();
            let t = std::time::Instant::now();
            let cut = crate::markdown::render(cut_markdown(md, BODY_BYTES_SHOWN).0);
            println!(
                "{name}: {} bytes of markdown -> {} bytes of html in {full:?}; cut: {} bytes in {:?}",
                md.len(),
                html.len(),
                cut.len(),
                t.elapsed()
            );
        }
    }
}

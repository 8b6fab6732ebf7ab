//! Tests of the bounds on pathological posts and series: windows, cuts and their wording.

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
fn a_blank_line_in_the_second_half_wins_over_a_later_line_end() {
    let md = format!("{}\n\nbbb\n{}", "a".repeat(12), "c".repeat(30));
    // Window of 24 bytes, half 12: the blank line ends at 14, the line at 18.
    assert_eq!(cut_markdown(&md, 24).0, format!("{}\n\n", "a".repeat(12)));
}

#[test]
fn a_break_exactly_at_half_the_window_is_not_in_its_second_half() {
    // Window of 20 bytes, half 10: each break ends at byte 10.
    let blank = format!("{}\n\n{}", "a".repeat(8), "b".repeat(30));
    assert_eq!(cut_markdown(&blank, 20).0.len(), 20);
    let line = format!("{}\n{}", "a".repeat(9), "b".repeat(30));
    assert_eq!(cut_markdown(&line, 20).0.len(), 20);
    // One byte later, each is in the second half.
    assert_eq!(cut_markdown(&format!("a{blank}"), 21).0.len(), 11);
    assert_eq!(cut_markdown(&format!("a{line}"), 21).0.len(), 11);
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
    // Kilobytes up to where they would round to 1024 KB, then tenths of a MB.
    assert_eq!(size((1 << 20) - 513), "1023 KB");
    assert_eq!(size((1 << 20) - 512), "1.0 MB");
}

/// The pathological bodies of issue 18, as tests/e2e/pathological.spec.mjs
/// writes them: what the viewer's note and buttons say for each.
#[test]
fn the_pathological_bodies_are_cut_as_the_browser_suite_expects() {
    let line =
        "A sentence of an entry's summary about page reclaim and folios, long enough to wrap.\n";
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
    let line =
        "A sentence of an entry's summary about page reclaim and folios, long enough to wrap.\n";
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

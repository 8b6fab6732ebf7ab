//! Tests of the series history, series page and badge HTML.

use super::*;
use crate::{Bundle, Entry, EntryKind, Post, FORMAT_VERSION};

fn entry(
    title: &str,
    kind: EntryKind,
    version: Option<u32>,
    series: Option<&str>,
    body: &str,
) -> Entry {
    Entry {
        title: title.into(),
        kind,
        patch_version: version,
        series_id: series.map(Into::into),
        body: body.into(),
        line: 1,
        ..Default::default()
    }
}

fn post(id: &str, title: &str, release: &str, date: &str, lang: &str, entries: Vec<Entry>) -> Post {
    let mut post = Post {
        id: id.into(),
        path: format!("{id}.md"),
        title: title.into(),
        date: Some(format!("{date}T10:00:00+00:00")),
        release: Some(release.into()),
        cycle: Some(release.split('-').next().unwrap().into()),
        lang: lang.into(),
        entries,
        ..Default::default()
    };
    crate::ids::assign_entries(&mut post);
    post
}

/// An RFC, a v2 and a v3 written up twice (English, Korean), plus an
/// entry of no series and a series seen once. Entry numbers (display
/// order, newest cycle first): v3 en 0, v3 ko 1, v2 2, RFC 3, other 4, once 5.
fn archive() -> Archive {
    use EntryKind::*;
    let s = Some("damon-x");
    Archive::new(Bundle {
        format_version: FORMAT_VERSION,
        generator: "t".into(),
        posts: vec![
            post(
                "rc5",
                "News <v6.6-rc5>",
                "v6.6-rc5",
                "2023-10-08",
                "en",
                vec![
                    entry(
                        "[RFC PATCH] mm/damon: <b>x</b>",
                        Rfc,
                        None,
                        s,
                        "https://lore.kernel.org/r/rfc@x",
                    ),
                    entry("Linux 6.6-rc5", Release, None, None, "b"),
                    entry("[PATCH] once", Patch, None, Some("once"), "b"),
                ],
            ),
            post(
                "rc4",
                "News v6.7-rc4",
                "v6.7-rc4",
                "2023-12-03",
                "en",
                vec![entry(
                    "[PATCH v2] mm/damon: x",
                    Patch,
                    Some(2),
                    s,
                    "javascript:alert(1)",
                )],
            ),
            post(
                "rc1",
                "News v6.8-rc1",
                "v6.8-rc1",
                "2024-01-21",
                "en",
                vec![entry(
                    "[PATCH v3] mm/damon: x",
                    Patch,
                    Some(3),
                    s,
                    "https://lore.kernel.org/r/v3@x",
                )],
            ),
            post(
                "ko-rc1",
                "뉴스 v6.8-rc1",
                "v6.8-rc1",
                "2024-01-22",
                "ko",
                vec![entry(
                    "[PATCH v3] mm/damon: x",
                    Patch,
                    Some(3),
                    s,
                    "https://lore.kernel.org/r/v3@x",
                )],
            ),
        ],
        releases: vec![],
        subsystems: vec![],
        warnings: vec![],
        feeds: None,
    })
}

fn story(a: &Archive) -> &Story {
    a.story("damon-x").unwrap()
}

#[test]
fn the_archive_is_numbered_as_the_tests_say() {
    let a = archive();
    let titles: Vec<&str> = (0..a.len() as u32)
        .map(|n| a.entry(n).1.title.as_str())
        .collect();
    assert_eq!(titles[0], "[PATCH v3] mm/damon: x");
    assert_eq!(a.entry(1).0.lang, "ko");
    assert_eq!(titles[2], "[PATCH v2] mm/damon: x");
    assert_eq!(titles[3], "[RFC PATCH] mm/damon: <b>x</b>");
    assert_eq!(story(&a).postings.len(), 3);
}

#[test]
fn badges_and_summaries_say_versions_and_the_releases_spanned() {
    let a = archive();
    let s = story(&a);
    assert_eq!(span_label(s), "3 versions, v6.6-rc5 .. v6.8-rc1");
    assert_eq!(
        summary(s),
        "3 versions, v6.6-rc5 .. v6.8-rc1, RFC to PATCH, first seen 2023-10-08, last seen 2024-01-21"
    );
    assert_eq!(title(&a, s), "[PATCH v3] mm/damon: x");
    let badge = badge_html(&a, 2, &ViewState::default());
    assert_eq!(
        badge,
        "<a class=\"badge story\" href=\"#series=damon-x\" title=\"Every version of this series\">\
         3 versions, v6.6-rc5 .. v6.8-rc1</a>"
    );
    // Over a filtered view, the link keeps the filters.
    let state = ViewState::from_fragment("#q=damon");
    assert!(badge_html(&a, 0, &state).contains("href=\"#q=damon&amp;series=damon-x\""));
    // No series, or a series seen once: no badge and no history.
    for n in [4, 5] {
        assert_eq!(badge_html(&a, n, &state), "", "{n}");
        assert_eq!(history_html(&a, n, &state), "", "{n}");
    }
}

#[test]
fn one_release_or_one_day_reads_as_one() {
    let one = Story {
        id: "x".into(),
        postings: vec![Posting {
            version: Some(2),
            rfc: false,
            resend: false,
            kind: EntryKind::Patch,
            day: Some("2024-01-02".into()),
            release: Some("v6.8-rc1".into()),
            writeups: vec![0],
        }],
    };
    assert_eq!(span_label(&one), "1 version, v6.8-rc1");
    assert_eq!(summary(&one), "1 version, v6.8-rc1, seen 2024-01-02");
    assert!(!shows(&one));
}

#[test]
fn the_releases_spanned_run_from_the_oldest_tag_to_the_newest() {
    let at = |release: &str| Posting {
        version: None,
        rfc: false,
        resend: false,
        kind: EntryKind::Article,
        day: None,
        release: Some(release.into()),
        writeups: vec![0],
    };
    let story = Story {
        id: "x".into(),
        postings: vec![at("v6.7-rc4"), at("v6.7-rc3"), at("v6.10"), at("v6.9-rc1")],
    };
    assert_eq!(span_label(&story), "4 versions, v6.7-rc3 .. v6.10");
}

#[test]
fn the_timeline_lists_postings_in_order_and_marks_the_current_one() {
    let a = archive();
    let html = history_html(&a, 2, &ViewState::default());
    assert!(
        html.starts_with("<h3 class=\"series-history-head\">Series history</h3>"),
        "{html}"
    );
    let labels: Vec<usize> = ["RFC v1", "v2", "v3"]
        .iter()
        .map(|l| {
            html.find(&format!("<span class=\"posting-label\">{l}</span>"))
                .unwrap()
        })
        .collect();
    assert!(labels.windows(2).all(|w| w[0] < w[1]), "{html}");
    assert_eq!(html.matches("aria-current=\"true\"").count(), 1);
    let current = html
        .find("<li class=\"posting current\" aria-current=\"true\">")
        .unwrap();
    assert!(labels[0] < current && current < labels[1], "{html}");
    assert!(html.contains(&format!("<strong class=\"here\">({HERE})</strong>")));
    assert!(html.contains(
        "<time datetime=\"2023-12-03\">2023-12-03</time> <span class=\"release\">v6.7-rc4</span>"
    ));
    // v3's two write-ups, each to its entry, the Korean one badged; its thread once.
    assert!(
        html.contains("<a class=\"writeup\" href=\"#entry=rc1/patch-v3-mm-damon-x\""),
        "{html}"
    );
    assert!(html.contains("title=\"[PATCH v3] mm/damon: x\">뉴스 v6.8-rc1</a> <span class=\"lang-badge\" title=\"Language\">KO</span>"), "{html}");
    assert_eq!(html.matches("href=\"https://lore.kernel.org/r/v3@x\" rel=\"noopener noreferrer\" target=\"_blank\">thread</a>").count(), 1);
    // An unsafe link is no thread.
    assert!(!html.contains("javascript"), "{html}");
    assert!(
        html.contains("<a class=\"series-link\" href=\"#series=damon-x\">"),
        "{html}"
    );
}

#[test]
fn previous_and_next_step_through_the_versions_in_the_readers_language() {
    let a = archive();
    let state = ViewState::default();
    let v2 = history_html(&a, 2, &state);
    assert!(v2.contains("<a class=\"series-prev\" rel=\"prev\" href=\"#entry=rc5/rfc-patch-mm-damon-b-x-b\">‹ Previous version (RFC v1)</a>"), "{v2}");
    assert!(v2.contains("<a class=\"series-next\" rel=\"next\" href=\"#entry=rc1/patch-v3-mm-damon-x\">Next version (v3) ›</a>"), "{v2}");
    let rfc = history_html(&a, 3, &state);
    assert!(
        !rfc.contains("series-prev") && rfc.contains("series-next"),
        "{rfc}"
    );
    let v3 = history_html(&a, 0, &state);
    assert!(
        v3.contains("series-prev") && !v3.contains("series-next"),
        "{v3}"
    );
    // The Korean v3 steps back to v2, the only write-up there is.
    let ko = history_html(&a, 1, &state);
    assert!(
        ko.contains("href=\"#entry=rc4/patch-v2-mm-damon-x\">‹ Previous version (v2)"),
        "{ko}"
    );
}

#[test]
fn every_piece_of_post_text_is_escaped() {
    let a = archive();
    let state = ViewState::default();
    for html in [
        history_html(&a, 3, &state),
        series_head_html(&a, story(&a), &state),
        writeup_heading_html(&a, 3, &state),
    ] {
        assert!(!html.contains("<b>") && !html.contains("<v6.6"), "{html}");
    }
    let head = writeup_heading_html(&a, 3, &state);
    assert!(head.contains(">[RFC PATCH] mm/damon: &lt;b&gt;x&lt;/b&gt;</a></h4><p class=\"from\">From News &lt;v6.6-rc5&gt;</p>"), "{head}");
}

#[test]
fn the_series_page_has_a_summary_the_timeline_and_a_heading_per_posting() {
    let a = archive();
    let s = story(&a);
    let head = series_head_html(&a, s, &ViewState::default());
    assert!(
        head.starts_with("<p class=\"series-summary\">3 versions,"),
        "{head}"
    );
    assert!(!head.contains("aria-current"), "{head}");
    assert_eq!(head.matches("<li class=\"posting\">").count(), 3);
    assert_eq!(
        posting_heading_html(s, 0),
        "<h3 class=\"posting-head\">RFC v1 · RFC · 2023-10-08 · v6.6-rc5</h3>"
    );
    assert_eq!(s.postings[2].writeups, [0, 1]);
    assert!(writeup_heading_html(&a, 1, &ViewState::default()).contains("KO</span></p>"));
}

/// One post with a series of `n` postings (v1 .. vn), its first posting
/// written up `first_writeups` times (one message-id).
fn long_archive(n: u32, first_writeups: usize) -> Archive {
    let mut entries: Vec<Entry> = (0..first_writeups)
        .map(|_| {
            entry(
                "[PATCH v1] mm: long",
                EntryKind::Patch,
                Some(1),
                Some("long"),
                "https://lore.kernel.org/r/v1@x",
            )
        })
        .collect();
    entries.extend((2..=n).map(|v| {
        entry(
            &format!("[PATCH v{v}] mm: long"),
            EntryKind::Patch,
            Some(v),
            Some("long"),
            &format!("https://lore.kernel.org/r/v{v}@x"),
        )
    }));
    Archive::new(Bundle {
        format_version: FORMAT_VERSION,
        generator: "t".into(),
        posts: vec![post("rc4", "News", "v6.7-rc4", "2023-12-03", "en", entries)],
        releases: vec![],
        subsystems: vec![],
        warnings: vec![],
        feeds: None,
    })
}

fn labels(html: &str) -> Vec<&str> {
    html.split("<span class=\"posting-label\">")
        .skip(1)
        .map(|s| &s[..s.find('<').unwrap()])
        .collect()
}

#[test]
fn a_long_series_history_lists_its_ends_and_the_postings_around_this_one() {
    let a = long_archive(1_000, 1);
    let s = a.story("long").unwrap();
    assert_eq!(s.postings.len(), 1_000);
    let number = s.postings[500].writeups[0];
    let html = history_html(&a, number, &ViewState::default());
    let want: Vec<String> = (0..5)
        .chain(495..506)
        .chain(995..1_000)
        .map(|i| format!("v{}", i + 1))
        .collect();
    assert_eq!(labels(&html), want, "{html}");
    assert_eq!(html.matches("aria-current=\"true\"").count(), 1);
    assert!(html.contains("<li class=\"posting current\" aria-current=\"true\"><span class=\"posting-label\">v501</span>"));
    let gaps: Vec<&str> = html.matches("<li class=\"timeline-gap\">").collect();
    assert_eq!(gaps.len(), 2);
    assert!(
        html.contains(
            "<li class=\"timeline-gap\">… 490 more postings: \
         <a class=\"series-link\" href=\"#series=long\">every version on the series page</a></li>"
        ),
        "{html}"
    );
    assert!(
        html.contains("<li class=\"timeline-gap\">… 489 more postings: "),
        "{html}"
    );
    // Previous and next still step to the neighbours.
    assert!(html.contains("‹ Previous version (v500)</a>"), "{html}");
    assert!(html.contains("Next version (v502) ›</a>"), "{html}");
    // The first posting: its window joins the start.
    let first = history_html(&a, s.postings[0].writeups[0], &ViewState::default());
    assert_eq!(labels(&first).len(), 6 + 5, "{first}");
    assert!(first.contains("… 989 more postings: "), "{first}");
}

#[test]
fn a_long_series_page_timeline_lists_its_ends_and_points_below() {
    let a = long_archive(1_000, 1);
    let s = a.story("long").unwrap();
    let head = series_head_html(&a, s, &ViewState::default());
    let want: Vec<String> = (0..5)
        .chain(995..1_000)
        .map(|i| format!("v{}", i + 1))
        .collect();
    assert_eq!(labels(&head), want, "{head}");
    assert!(
        head.contains(
            "<li class=\"timeline-gap\">… 990 more postings, each in its section below</li>"
        ),
        "{head}"
    );
    assert!(!head.contains("aria-current"));
}

#[test]
fn a_series_of_at_most_the_limit_is_listed_whole() {
    use crate::bounded::TIMELINE_POSTINGS_SHOWN;
    let n = TIMELINE_POSTINGS_SHOWN as u32;
    let a = long_archive(n, 1);
    let s = a.story("long").unwrap();
    let html = history_html(&a, s.postings[20].writeups[0], &ViewState::default());
    assert_eq!(labels(&html).len(), TIMELINE_POSTINGS_SHOWN);
    assert!(!html.contains(TIMELINE_GAP));
    let head = series_head_html(&a, s, &ViewState::default());
    assert_eq!(labels(&head).len(), TIMELINE_POSTINGS_SHOWN);
    // One more, and it is windowed.
    let a = long_archive(n + 1, 1);
    let s = a.story("long").unwrap();
    let head = series_head_html(&a, s, &ViewState::default());
    assert_eq!(labels(&head).len(), 10);
    assert!(head.contains("… 41 more postings, each in its section below"));
    // The small archive's history has no gap line.
    let small = archive();
    assert!(!history_html(&small, 2, &ViewState::default()).contains(TIMELINE_GAP));
}

#[test]
fn a_posting_written_up_many_times_lists_the_first_write_ups_and_counts_the_rest() {
    let a = long_archive(3, 12);
    let s = a.story("long").unwrap();
    assert_eq!(s.postings[0].writeups.len(), 12);
    let head = series_head_html(&a, s, &ViewState::default());
    assert_eq!(
        head.matches("<a class=\"writeup\"").count(),
        TIMELINE_WRITEUPS_SHOWN + 2
    );
    assert!(
        head.contains("</a> <span class=\"more-writeups\">and 2 more write-ups</span></span>"),
        "{head}"
    );
    assert_eq!(
        head.matches("more-writeups").count(),
        1,
        "v2 and v3, written up once each, count nothing more"
    );
    // Its thread is linked once.
    assert_eq!(
        head.matches("href=\"https://lore.kernel.org/r/v1@x\"")
            .count(),
        1
    );
}

#[test]
fn the_series_page_takes_its_write_ups_a_window_at_a_time_across_postings() {
    let a = archive();
    let s = story(&a);
    assert_eq!(writeups_total(s), 4);
    let part = |posting, first, writeups: &'static [u32]| PostingPart {
        posting,
        first,
        writeups,
    };
    assert_eq!(
        writeups_in(s, 0..200),
        vec![
            part(0, true, &[3]),
            part(1, true, &[2]),
            part(2, true, &[0, 1])
        ]
    );
    assert_eq!(
        writeups_in(s, 0..2),
        vec![part(0, true, &[3]), part(1, true, &[2])]
    );
    assert_eq!(writeups_in(s, 2..3), vec![part(2, true, &[0])]);
    // A posting cut by a window goes on in the next, headed "(continued)".
    assert_eq!(writeups_in(s, 3..200), vec![part(2, false, &[1])]);
    assert_eq!(writeups_in(s, 4..200), vec![]);
    assert_eq!(
        posting_continued_html(s, 2),
        "<h3 class=\"posting-head\">v3 · patch · 2024-01-21 · v6.8-rc1 (continued)</h3>"
    );
    // Windows of the bounded size cover every write-up once, in order.
    let a = long_archive(700, 450);
    let s = a.story("long").unwrap();
    let total = writeups_total(s);
    assert_eq!(total, 450 + 699);
    let mut seen = Vec::new();
    let mut start = 0;
    let mut limit = crate::bounded::POST_ENTRIES_SHOWN;
    while start < total {
        let end = crate::bounded::entries_shown(total, limit);
        let parts = writeups_in(s, start..end);
        assert_eq!(
            parts.iter().map(|p| p.writeups.len()).sum::<usize>(),
            end - start
        );
        seen.extend(parts.iter().flat_map(|p| p.writeups.iter().copied()));
        start = end;
        limit = crate::bounded::more_entries(limit);
    }
    assert_eq!(seen, s.entries().collect::<Vec<_>>());
}

//! A patch series' story as the viewer shows it, written (and escaped) here:
//! the entry view's "Series history", the series page's head and sections,
//! and the result rows' badge ("3 versions, v6.6-rc5 .. v6.8-rc1").
//!
//! A story is shown once it has two postings or more: a series seen once has
//! no history to tell. Everything from the bundle goes through [`escape`].

use std::fmt::Write;

use crate::archive::Archive;
use crate::listing::escape;
use crate::story::{Posting, Story};
use crate::viewstate::{Open, ViewState};

/// Class of the entry view's series history section.
pub const SERIES_HISTORY: &str = "series-history";
/// Class of a timeline (`ol`) of postings.
pub const TIMELINE: &str = "timeline";
/// Class of the posting the open entry is a write-up of (also `aria-current`).
pub const CURRENT: &str = "current";
/// Class of a result row's series badge.
pub const STORY_BADGE: &str = "story";
/// The results header's toggle of [`ViewState::per_series`].
pub const PER_SERIES_LABEL: &str = "One row per series";
/// The entry view's section heading.
pub const HISTORY_HEADING: &str = "Series history";
/// Beside the current posting in a timeline, so it is not told by style alone.
pub const HERE: &str = "you are reading this";

/// Whether a story has a history to show: two postings or more.
pub fn shows(story: &Story) -> bool {
    story.versions() >= 2
}

/// The series entry `number` is a posting of, when it has a history to show.
pub fn story_of(archive: &Archive, number: u32) -> Option<&Story> {
    archive.stories().of(number).filter(|s| shows(s))
}

/// "3 versions, v6.6-rc5 .. v6.8-rc1": how many postings and the releases
/// they span, oldest to newest (one release alone when all are in one). A
/// later write-up may be filed under an earlier tag (an LWN article dated by
/// the release out that week), so the ends are the oldest and newest tags,
/// not the first and last postings'; tags that are no kernel version keep
/// their posting order after those that are.
pub fn span_label(story: &Story) -> String {
    let n = story.versions();
    let mut out = format!("{n} {}", if n == 1 { "version" } else { "versions" });
    let mut releases = story.releases();
    releases.sort_by_key(|r| r.parse::<crate::KernelVersion>().map_err(|_| ()));
    match releases.as_slice() {
        [] => {}
        [one] => {
            let _ = write!(out, ", {one}");
        }
        [first, .., last] => {
            let _ = write!(out, ", {first} .. {last}");
        }
    }
    out
}

/// The series page's summary line: [`span_label`], then "RFC to PATCH" when
/// it went from one to the other, then when it was first and last seen.
pub fn summary(story: &Story) -> String {
    let mut out = span_label(story);
    if story.rfc_to_patch() {
        out.push_str(", RFC to PATCH");
    }
    match (story.first_seen(), story.last_seen()) {
        (Some(first), Some(last)) if first != last => {
            let _ = write!(out, ", first seen {first}, last seen {last}");
        }
        (Some(day), _) => {
            let _ = write!(out, ", seen {day}");
        }
        _ => {}
    }
    out
}

/// The series page's title: its latest posting's (first write-up's) title.
pub fn title<'a>(archive: &'a Archive, story: &Story) -> &'a str {
    let n = story.latest().writeups[0];
    &archive.entry(n).1.title
}

/// The write-up of `posting` to link to from an entry in `lang`: one in the
/// same language when there is one (the Korean edition's reader stays in it),
/// else the earliest.
fn writeup_in(archive: &Archive, posting: &Posting, lang: &str) -> u32 {
    (posting.writeups.iter().copied())
        .find(|&n| archive.entry(n).0.lang == lang)
        .unwrap_or(posting.writeups[0])
}

fn entry_href(archive: &Archive, number: u32, state: &ViewState) -> String {
    let id = archive.entry(number).1.id.clone();
    state.opened(Open::Entry(id)).href()
}

/// The link to a story's series page, over the current view.
pub fn series_href(story: &Story, state: &ViewState) -> String {
    state.opened(Open::Series(story.id.clone())).href()
}

/// Every posting of `story` as an `ol` in order: label, kind, day, release,
/// a link to each write-up's entry (named by its post, with a language badge)
/// and the posting's thread. The posting at `current` is marked (class,
/// `aria-current` and words).
pub fn timeline_html(
    archive: &Archive,
    story: &Story,
    current: Option<usize>,
    state: &ViewState,
) -> String {
    let mut out = format!("<ol class=\"{TIMELINE}\">");
    for (i, p) in story.postings.iter().enumerate() {
        if current == Some(i) {
            let _ = write!(
                out,
                "<li class=\"posting {CURRENT}\" aria-current=\"true\">"
            );
        } else {
            out.push_str("<li class=\"posting\">");
        }
        let _ = write!(
            out,
            "<span class=\"posting-label\">{}</span> \
             <span class=\"badge kind kind-{}\">{}</span> ",
            escape(&p.label()),
            p.kind.as_str(),
            escape(p.kind.label())
        );
        if let Some(day) = &p.day {
            let _ = write!(out, "<time datetime=\"{0}\">{0}</time> ", escape(day));
        }
        if let Some(release) = &p.release {
            let _ = write!(out, "<span class=\"release\">{}</span> ", escape(release));
        }
        if current == Some(i) {
            let _ = write!(out, "<strong class=\"here\">({HERE})</strong> ");
        }
        out.push_str("<span class=\"writeups\">");
        for (k, &n) in p.writeups.iter().enumerate() {
            let (post, entry) = archive.entry(n);
            let _ = write!(
                out,
                "{}<a class=\"writeup\" href=\"{}\" title=\"{}\">{}</a>",
                if k == 0 { "" } else { ", " },
                escape(&entry_href(archive, n, state)),
                escape(&entry.title),
                escape(&post.title)
            );
            if let Some(badge) = crate::lang::badge(&post.lang) {
                let _ = write!(
                    out,
                    " <span class=\"lang-badge\" title=\"Language\">{}</span>",
                    escape(&badge)
                );
            }
        }
        out.push_str("</span>");
        let thread = (p.writeups.iter()).find_map(|&n| {
            let (post, entry) = archive.entry(n);
            let url = entry.thread_url()?;
            crate::markdown::is_safe_url(&url).then(|| (url, post.source.clone()))
        });
        if let Some((url, source)) = thread {
            let _ = write!(
                out,
                " <a class=\"thread\" href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">{}</a>",
                escape(&url),
                crate::source::primary_link_label(&source)
            );
        }
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    out
}

/// The entry view's "Series history" of entry `number`: a heading, the
/// story's summary with a link to its series page, the timeline with this
/// entry's posting marked, and links to the previous and next version.
/// Empty when the entry is no posting of a series with two postings or more.
pub fn history_html(archive: &Archive, number: u32, state: &ViewState) -> String {
    let Some(story) = story_of(archive, number) else {
        return String::new();
    };
    let here = story.posting_of(number);
    let lang = archive.entry(number).0.lang.as_str();
    let mut out = format!(
        "<h3 class=\"series-history-head\">{HISTORY_HEADING}</h3>\
         <p class=\"series-summary\">{} · <a class=\"series-link\" href=\"{}\">Every version on one page</a></p>",
        escape(&summary(story)),
        escape(&series_href(story, state)),
    );
    out.push_str(&timeline_html(archive, story, here, state));
    let step = |to: Option<usize>| to.and_then(|i| story.postings.get(i));
    let prev = step(here.and_then(|i| i.checked_sub(1)));
    let next = step(here.map(|i| i + 1));
    if prev.is_some() || next.is_some() {
        out.push_str("<nav class=\"series-pager\" aria-label=\"Versions of this series\">");
        if let Some(p) = prev {
            let _ = write!(
                out,
                "<a class=\"series-prev\" rel=\"prev\" href=\"{}\">‹ Previous version ({})</a>",
                escape(&entry_href(archive, writeup_in(archive, p, lang), state)),
                escape(&p.label())
            );
        }
        if let Some(p) = next {
            let _ = write!(
                out,
                "<a class=\"series-next\" rel=\"next\" href=\"{}\">Next version ({}) ›</a>",
                escape(&entry_href(archive, writeup_in(archive, p, lang), state)),
                escape(&p.label())
            );
        }
        out.push_str("</nav>");
    }
    out
}

/// The series page below its title: the summary line and the timeline.
pub fn series_head_html(archive: &Archive, story: &Story, state: &ViewState) -> String {
    format!(
        "<p class=\"series-summary\">{}</p>{}",
        escape(&summary(story)),
        timeline_html(archive, story, None, state)
    )
}

/// The heading of posting `index`'s section on the series page
/// (`v2 · patch · 2023-11-28 · v6.7-rc4`).
pub fn posting_heading_html(story: &Story, index: usize) -> String {
    let p = &story.postings[index];
    let mut parts = vec![p.label(), p.kind.label().to_string()];
    parts.extend(p.day.clone());
    parts.extend(p.release.clone());
    format!(
        "<h3 class=\"posting-head\">{}</h3>",
        escape(&parts.join(" · "))
    )
}

/// The heading of one write-up on the series page: its title, linking to
/// its entry, and the post it is from (with a language badge).
pub fn writeup_heading_html(archive: &Archive, number: u32, state: &ViewState) -> String {
    let (post, entry) = archive.entry(number);
    let mut out = format!(
        "<h4 class=\"writeup-head\"><a href=\"{}\">{}</a></h4><p class=\"from\">From {}",
        escape(&entry_href(archive, number, state)),
        escape(&entry.title),
        escape(&post.title)
    );
    if let Some(badge) = crate::lang::badge(&post.lang) {
        let _ = write!(
            out,
            " <span class=\"lang-badge\" title=\"Language\">{}</span>",
            escape(&badge)
        );
    }
    out.push_str("</p>");
    out
}

/// A result row's badge for entry `number`: [`span_label`] linking to the
/// series page; empty when the entry's series has fewer than two postings.
pub fn badge_html(archive: &Archive, number: u32, state: &ViewState) -> String {
    let Some(story) = story_of(archive, number) else {
        return String::new();
    };
    format!(
        "<a class=\"badge {STORY_BADGE}\" href=\"{}\" title=\"Every version of this series\">{}</a>",
        escape(&series_href(story, state)),
        escape(&span_label(story))
    )
}

#[cfg(test)]
mod tests {
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

    fn post(
        id: &str,
        title: &str,
        release: &str,
        date: &str,
        lang: &str,
        entries: Vec<Entry>,
    ) -> Post {
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
        })
    }

    fn story(a: &Archive) -> &Story {
        a.stories().get("damon-x").unwrap()
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
        assert!(html.contains("<time datetime=\"2023-12-03\">2023-12-03</time> <span class=\"release\">v6.7-rc4</span>"));
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
}

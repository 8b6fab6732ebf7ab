//! A patch series' story as the viewer shows it, written (and escaped) here:
//! the entry view's "Series history", the series page's head and sections,
//! and the result rows' badge ("3 versions, v6.6-rc5 .. v6.8-rc1").
//!
//! A story is shown once it has two versions or more: a series posted once
//! (or only sent again) has no history to tell. Everything from the bundle goes through [`escape`].

use std::fmt::Write;

use std::ops::Range;

use crate::archive::Archive;
use crate::bounded::{
    hidden_postings_label, more_writeups_label, timeline_window, Span, IN_ORDER_BELOW,
    ON_SERIES_PAGE, TIMELINE_WRITEUPS_SHOWN,
};
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
/// Class of the line in place of postings a long timeline leaves out.
pub const TIMELINE_GAP: &str = "timeline-gap";
/// The entry view's section heading.
pub const HISTORY_HEADING: &str = "Series history";
/// Beside the current posting in a timeline, so it is not told by style alone.
pub const HERE: &str = "you are reading this";

/// Whether a story has a history to show: two versions or more (a resend alone is none).
pub fn shows(story: &Story) -> bool {
    story.versions() >= 2
}

/// The series entry `number` is a posting of, when it has a history to show.
pub fn story_of(archive: &Archive, number: u32) -> Option<&Story> {
    archive.story_of(number).filter(|s| shows(s))
}

/// "3 versions, v6.6-rc5 .. v6.8-rc1": how many versions and the releases
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

/// The postings of `story` as an `ol` in order: label, kind, day, release,
/// a link to each write-up's entry (named by its post, with a language badge;
/// the first [`TIMELINE_WRITEUPS_SHOWN`], then how many more) and the
/// posting's thread. The posting at `current` is marked (class,
/// `aria-current` and words). A story of more than
/// [`crate::bounded::TIMELINE_POSTINGS_SHOWN`] postings lists the window of
/// [`timeline_window`], each run it leaves out one line
/// ([`hidden_postings_label`]): with a `current` posting (the entry view)
/// that line links to the series page, without one (the series page) it
/// points to the sections below.
pub fn timeline_html(
    archive: &Archive,
    story: &Story,
    current: Option<usize>,
    state: &ViewState,
) -> String {
    let mut out = format!("<ol class=\"{TIMELINE}\">");
    for span in timeline_window(story.postings.len(), current) {
        match span {
            Span::Shown(range) => {
                for i in range {
                    posting_item(&mut out, archive, story, i, current == Some(i), state);
                }
            }
            Span::Hidden(range) => {
                let label = escape(&hidden_postings_label(range.len()));
                if current.is_some() {
                    let _ = write!(
                        out,
                        "<li class=\"{TIMELINE_GAP}\">{label}: <a class=\"series-link\" href=\"{}\">{ON_SERIES_PAGE}</a></li>",
                        escape(&series_href(story, state))
                    );
                } else {
                    let _ = write!(
                        out,
                        "<li class=\"{TIMELINE_GAP}\">{label}, {IN_ORDER_BELOW}</li>"
                    );
                }
            }
        }
    }
    out.push_str("</ol>");
    out
}

/// One posting of a timeline, `i` of `story`, as an `li`.
fn posting_item(
    out: &mut String,
    archive: &Archive,
    story: &Story,
    i: usize,
    current: bool,
    state: &ViewState,
) {
    let p = &story.postings[i];
    if current {
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
    if current {
        let _ = write!(out, "<strong class=\"here\">({HERE})</strong> ");
    }
    out.push_str("<span class=\"writeups\">");
    for (k, &n) in p.writeups.iter().take(TIMELINE_WRITEUPS_SHOWN).enumerate() {
        let (post, entry) = archive.entry(n);
        let _ = write!(
            out,
            "{}<a class=\"writeup\" href=\"{}\" title=\"{}\">{}</a>",
            if k == 0 { "" } else { ", " },
            escape(&entry_href(archive, n, state)),
            escape(&entry.title),
            escape(&post.title)
        );
        if let Some(badge) = crate::listing::lang_badge(&post.lang) {
            out.push(' ');
            out.push_str(&badge);
        }
    }
    let hidden = p.writeups.len().saturating_sub(TIMELINE_WRITEUPS_SHOWN);
    if hidden > 0 {
        let _ = write!(
            out,
            " <span class=\"more-writeups\">{}</span>",
            escape(&more_writeups_label(hidden))
        );
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

/// Every write-up of `story`, posting by posting: what the series page
/// shows, [`crate::bounded::POST_ENTRIES_SHOWN`] at a time.
pub fn writeups_total(story: &Story) -> usize {
    story.postings.iter().map(|p| p.writeups.len()).sum()
}

/// One posting's share of a window of the series page's write-ups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostingPart<'a> {
    /// The posting's index in the story.
    pub posting: usize,
    /// Whether the window holds its first write-up (its section opens here).
    pub first: bool,
    pub writeups: &'a [u32],
}

/// The write-ups numbered `window` across `story`'s postings in order, by
/// posting: a window of the series page, as [`crate::bounded::entries_shown`] grows it.
pub fn writeups_in(story: &Story, window: Range<usize>) -> Vec<PostingPart<'_>> {
    let mut out = Vec::new();
    let mut at = 0;
    for (i, p) in story.postings.iter().enumerate() {
        let (start, end) = (at, at + p.writeups.len());
        at = end;
        if end <= window.start {
            continue;
        }
        if start >= window.end {
            break;
        }
        let from = window.start.max(start) - start;
        let to = window.end.min(end) - start;
        out.push(PostingPart {
            posting: i,
            first: from == 0,
            writeups: &p.writeups[from..to],
        });
    }
    out
}

/// The heading of posting `index`'s section where a window of the series
/// page continues it: [`posting_heading_html`] with "(continued)".
pub fn posting_continued_html(story: &Story, index: usize) -> String {
    let head = posting_heading_html(story, index);
    head.replacen("</h3>", " (continued)</h3>", 1)
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
    if let Some(badge) = crate::listing::lang_badge(&post.lang) {
        out.push(' ');
        out.push_str(&badge);
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
#[path = "story_html_tests.rs"]
mod tests;

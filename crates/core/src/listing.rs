//! The result list and entry facts as HTML text, escaped here, for the viewer to insert in one step.
//!
//! Every keystroke re-renders the visible rows. Built as elements through the
//! framework, 50 rows cost thousands of calls across the wasm boundary and
//! most of a keystroke's time; as one string the browser parses them in one
//! go. Everything from the bundle goes through [`escape`], so post text stays
//! text (the e2e safety suite renders hostile posts through this).

use std::collections::HashMap;
use std::fmt::Write;

use crate::archive::Archive;
use crate::facets::{Facet, FacetCount};
use crate::lang;
use crate::result_parts::{Group, Keyed, Part, Row};
use crate::search::highlight;
use crate::snippet::{snippet_html, WIDTH as SNIPPET};
use crate::source::{self, DATE_ESTIMATED, SUBSCRIBER_ONLY, SUBSCRIBER_ONLY_MARK};
use crate::viewstate::{Open, ViewState};
use crate::{Entry, Post};

// The DOM contract: names the HTML written here or by the components and the
// code that reads the page back (focus, change handlers, ARIA references)
// must spell alike. The e2e suite reads the same names.

/// Class of a result row's title link, the element j/k focus.
pub const ENTRY_LINK: &str = "entry-link";
/// [`ENTRY_LINK`] as a selector within a row.
pub const ENTRY_LINK_SELECTOR: &str = "a.entry-link";
/// Class of the element holding one entry's facts ([`entry_meta_html`]).
pub const ENTRY_META: &str = "entry-meta";
/// [`ENTRY_META`] as a selector within a row.
pub const ENTRY_META_SELECTOR: &str = "div.entry-meta";
/// Attribute of a facet checkbox holding its value, for the list's one change handler.
pub const DATA_VALUE: &str = "data-value";
/// Id of the heading of whatever is open (entry, post, releases page, not
/// found): it takes focus when opened and labels its article.
pub const OPEN_TITLE: &str = "open-title";
/// Id of the help popover, which the help button controls.
pub const HELP: &str = "help";
/// Class of one facet's `section`, where a rewritten list's focus is restored.
pub const FACET_SECTION: &str = "facet";
/// [`FACET_SECTION`] as a selector.
pub const FACET_SECTION_SELECTOR: &str = "section.facet";

/// DOM id of a result row, by entry number (entry ids hold `/` and `.`).
/// The badge a post not in English carries (`KO`), as HTML; `None` for English.
pub fn lang_badge(lang: &str) -> Option<String> {
    lang::badge(lang).map(|badge| {
        format!(
            "<span class=\"lang-badge\" title=\"Language\">{}</span>",
            escape(&badge)
        )
    })
}

pub fn row_id(number: u32) -> String {
    format!("entry-{number}")
}

/// A post's facts under its title in the post view, as text: release, day,
/// language and source (`v6.7-rc4 · 2023-12-03 · 한국어 · LKML News`),
/// leaving out what is unknown.
pub fn post_facts(post: &Post) -> String {
    [
        post.release.as_deref(),
        post.day(),
        Some(lang::name(&post.lang)),
        Some(source::label(&post.source)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ")
}

/// `&`, `<`, `>`, `"` and `'` as entities: safe in text and in quoted attributes.
pub use crate::markdown::escape_attr as escape;

/// The rows for `shown` (entry numbers), grouped by post, as the result list shows them.
pub fn results_html(
    archive: &Archive,
    shown: &[u32],
    state: &ViewState,
    needles: &[&str],
) -> String {
    let groups = result_groups(archive, shown, state, needles);
    let mut out = String::with_capacity(shown.len() * 900);
    for group in &groups {
        out.push_str(&group.html());
    }
    out
}

/// [`results_html`] as keyed parts, for a viewer that updates only what changed.
pub fn result_groups(
    archive: &Archive,
    shown: &[u32],
    state: &ViewState,
    needles: &[&str],
) -> Vec<Group> {
    // A post can come back after others (sorted by relevance): its runs are keyed apart.
    let mut runs: HashMap<u32, usize> = HashMap::new();
    (archive.groups(shown).into_iter())
        .map(|group| {
            let run = runs.entry(group.post).or_default();
            let key = format!("p{}-{}", group.post, run);
            *run += 1;
            let post = &archive.bundle.posts[group.post as usize];
            Group {
                key,
                lang: post.lang.clone(),
                head: Part::new(group_head_html(post, state)),
                rows: (shown[group.hits].iter())
                    .map(|&n| result_row(archive, n, state, needles))
                    .collect(),
            }
        })
        .collect()
}

/// A post's heading over its rows: its title (a link to the post) and its release, window, day and language.
fn group_head_html(post: &Post, state: &ViewState) -> String {
    let mut out = format!(
        "<a href=\"{}\">{}</a><span class=\"group-meta\"><span class=\"release\">{}</span>",
        escape(&state.opened(Open::Post(post.id.clone())).href()),
        escape(&post.title),
        escape(post.release.as_deref().unwrap_or("no release")),
    );
    if let Some(cycle) = post.merge_window_of() {
        let _ = write!(
            out,
            "<span class=\"window\"> · {} merge window</span>",
            escape(cycle)
        );
    }
    let _ = write!(out, " · {}", escape(post.day().unwrap_or("undated")));
    if let Some(badge) = lang_badge(&post.lang) {
        out.push_str(&badge);
    }
    out.push_str("</span>");
    out
}

fn result_row(archive: &Archive, n: u32, state: &ViewState, needles: &[&str]) -> Row {
    let (post, entry) = archive.entry(n);
    let to = state.opened(Open::Entry(entry.id.clone())).href();
    let title = format!(
        "<a class=\"{ENTRY_LINK}\" href=\"{}\">{}</a>",
        escape(&to),
        marked_html(&entry.title, needles)
    );
    let mut meta = entry_meta_html(post, entry, state);
    // "3 versions, v6.6-rc5 .. v6.8-rc1": the row's series, when it has a history.
    meta.push_str(&crate::story_html::badge_html(archive, n, state));
    Row {
        id: row_id(n),
        parts: [
            Part::new(title),
            Part::new(meta),
            // Escaped, marked and with its inline markdown rendered by core::snippet.
            Part::new(snippet_html(&entry.body, needles, SNIPPET)),
        ],
    }
}

/// One entry's facts on one line, the content of its [`ENTRY_META`] `div`:
/// source, the subscriber-only marker, kind, patch version, series,
/// subsystems (each a link to the archive filtered to it), authors, date and
/// the primary link (the thread, or the LWN article).
pub fn entry_meta_html(post: &Post, entry: &Entry, state: &ViewState) -> String {
    // Every row names its source, not only the rarer one: in a mixed archive
    // a row then tells where it is from without comparing it to its neighbours.
    let mut out = format!(
        "<span class=\"badge source source-{}\">{}</span>",
        escape(&post.source),
        escape(source::label(&post.source))
    );
    if entry.subscriber_only {
        let _ = write!(
            out,
            "<span class=\"badge subscriber\" title=\"{SUBSCRIBER_ONLY}\">\
             <span aria-hidden=\"true\">{SUBSCRIBER_ONLY_MARK}</span>\
             <span class=\"visually-hidden\">{SUBSCRIBER_ONLY}</span></span>"
        );
    }
    let _ = write!(
        out,
        "<span class=\"badge kind kind-{}\">{}</span>",
        entry.kind.as_str(),
        escape(entry.kind.label())
    );
    if let Some(v) = entry.patch_version {
        let _ = write!(
            out,
            "<span class=\"badge version\" title=\"Patch version\">v{v}</span>"
        );
    }
    if let Some(s) = entry.series {
        let _ = write!(
            out,
            "<span class=\"badge series\" title=\"Patch in series\">{}/{}</span>",
            s.index, s.total
        );
    }
    for s in &entry.subsystems {
        let mut to = state.closed();
        if !to.is_picked(Facet::Subsystem, s) {
            to.toggle(Facet::Subsystem, s);
        }
        let s = escape(s);
        let _ = write!(
            out,
            "<a class=\"badge subsystem\" href=\"{}\" title=\"Show entries in {s}\">{s}</a>",
            escape(&to.href())
        );
    }
    if !entry.authors.is_empty() {
        let _ = write!(
            out,
            "<span class=\"authors\">{}</span>",
            escape(&entry.authors.join(", "))
        );
    }
    if let Some(day) = entry.day(post) {
        // Only a feed item's own date can be estimated; a post's is as written.
        let estimated = entry.date.is_some() && entry.date_estimated;
        let tip = if estimated {
            format!(" title=\"{DATE_ESTIMATED}\"")
        } else {
            String::new()
        };
        let _ = write!(
            out,
            "<time datetime=\"{}\"{tip}>{}</time>",
            escape(day),
            escape(&source::day_text(day, estimated))
        );
    }
    if let Some(url) = entry
        .thread_url()
        .filter(|u| crate::markdown::is_safe_url(u))
    {
        let _ = write!(
            out,
            "<a class=\"thread\" href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">{}</a>",
            escape(&url),
            source::primary_link_label(&post.source)
        );
    }
    out
}

/// The `li` items of one facet's value list: a checkbox per value (its value
/// in [`DATA_VALUE`], for the list's one change handler), its label and count,
/// zero counts marked, subsystems indented by depth.
pub fn facet_values_html(
    facet: Facet,
    shown: &[&FacetCount],
    state: &ViewState,
    label: impl Fn(&str) -> String,
) -> String {
    let mut out = String::with_capacity(shown.len() * 160);
    for c in shown {
        facet_value_html(&mut out, facet, c, state, &label(&c.value), "");
    }
    out
}

/// One value's `li`, as [`facet_values_html`] writes each, with `nested`
/// (HTML, already escaped: a sub-list) inside it after the label.
pub fn facet_value_html(
    out: &mut String,
    facet: Facet,
    c: &FacetCount,
    state: &ViewState,
    label: &str,
    nested: &str,
) {
    let depth = match facet {
        Facet::Subsystem => c.value.matches('/').count(),
        _ => 0,
    };
    let _ =
        write!(
        out,
        "<li{} style=\"--depth:{depth}\"><label><input type=\"checkbox\" {DATA_VALUE}=\"{}\"{}>\
         <span class=\"value\">{}</span><span class=\"count\">{}</span></label>{nested}</li>",
        if c.count == 0 { " class=\"zero\"" } else { "" },
        escape(&c.value),
        if state.is_picked(facet, &c.value) { " checked" } else { "" },
        escape(label),
        c.count
    );
}

/// `text` escaped, with case-insensitive matches of `needles` (lowercased) in `<mark>`.
pub fn marked_html(text: &str, needles: &[&str]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (run, hit) in highlight(text, needles) {
        if hit {
            let _ = write!(out, "<mark>{}</mark>", escape(run));
        } else {
            out.push_str(&escape(run));
        }
    }
    out
}

#[cfg(test)]
#[path = "listing_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "listing_feed_tests.rs"]
mod feed_tests;

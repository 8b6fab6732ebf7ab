//! The result list and entry facts as HTML text, escaped here, for the viewer to insert in one step.
//!
//! Every keystroke re-renders the visible rows. Built as elements through the
//! framework, 50 rows cost thousands of calls across the wasm boundary and
//! most of a keystroke's time; as one string the browser parses them in one
//! go. Everything from the bundle goes through [`escape`], so post text stays
//! text (the e2e safety suite renders hostile posts through this).

use std::fmt::Write;

use crate::archive::Archive;
use crate::facets::{Facet, FacetCount};
use crate::search::{highlight, snippet};
use crate::viewstate::{Open, ViewState};
use crate::{Entry, Post};

/// Characters of body text shown under a row's title.
const SNIPPET: usize = 180;

/// `&`, `<`, `>`, `"` and `'` as entities: safe in text and in quoted attributes.
pub use crate::markdown::escape_attr as escape;

/// The rows for `shown` (entry numbers), grouped by post, as the result list shows them.
pub fn results_html(
    archive: &Archive,
    shown: &[u32],
    state: &ViewState,
    needles: &[&str],
) -> String {
    let mut out = String::with_capacity(shown.len() * 900);
    for group in archive.groups(shown) {
        let post = &archive.bundle.posts[group.post as usize];
        let lang = escape(&post.lang);
        let _ = write!(
            out,
            "<section class=\"group\" lang=\"{lang}\"><h2 class=\"group-head\"><a href=\"{}\">{}</a>\
             <span class=\"group-meta\"><span class=\"release\">{}</span>",
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
        if post.lang != "en" {
            let _ = write!(
                out,
                "<span class=\"lang-badge\" title=\"Language\">{}</span>",
                escape(&post.lang.to_uppercase())
            );
        }
        out.push_str("</span></h2><ul class=\"entries\">");
        for &n in &shown[group.hits] {
            let (post, entry) = archive.entry(n);
            let to = state.opened(Open::Entry(entry.id.clone())).href();
            let _ = write!(
                out,
                "<li class=\"entry\" id=\"entry-{n}\"><a class=\"entry-link\" href=\"{}\">{}</a>",
                escape(&to),
                marked_html(&entry.title, needles)
            );
            out.push_str("<div class=\"entry-meta\">");
            out.push_str(&entry_meta_html(post, entry, state));
            out.push_str("</div>");
            let text = snippet(&entry.body, needles, SNIPPET);
            let _ = write!(
                out,
                "<p class=\"snippet\">{}</p></li>",
                marked_html(&text, needles)
            );
        }
        out.push_str("</ul></section>");
    }
    out
}

/// One entry's facts on one line, the content of its `div.entry-meta`: kind,
/// patch version, series, subsystems (each a link to the archive filtered to
/// it), authors, date and thread.
pub fn entry_meta_html(post: &Post, entry: &Entry, state: &ViewState) -> String {
    let mut out = format!(
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
    if let Some(day) = post.day() {
        let day = escape(day);
        let _ = write!(out, "<time datetime=\"{day}\">{day}</time>");
    }
    if let Some(url) = entry
        .thread_url()
        .filter(|u| crate::markdown::is_safe_url(u))
    {
        let _ = write!(
            out,
            "<a class=\"thread\" href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">thread</a>",
            escape(&url)
        );
    }
    out
}

/// The `li` items of one facet's value list: a checkbox per value (its value
/// in `data-value`, for the list's one change handler), its label and count,
/// zero counts marked, subsystems indented by depth.
pub fn facet_values_html(
    facet: Facet,
    shown: &[&FacetCount],
    state: &ViewState,
    label: impl Fn(&str) -> String,
) -> String {
    let mut out = String::with_capacity(shown.len() * 160);
    for c in shown {
        let depth = match facet {
            Facet::Subsystem => c.value.matches('/').count(),
            _ => 0,
        };
        let _ =
            write!(
            out,
            "<li{} style=\"--depth:{depth}\"><label><input type=\"checkbox\" data-value=\"{}\"{}>\
             <span class=\"value\">{}</span><span class=\"count\">{}</span></label></li>",
            if c.count == 0 { " class=\"zero\"" } else { "" },
            escape(&c.value),
            if state.is_picked(facet, &c.value) { " checked" } else { "" },
            escape(&label(&c.value)),
            c.count
        );
    }
    out
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
mod tests {
    use super::*;
    use crate::{Bundle, EntryKind, ReleaseSource, FORMAT_VERSION};

    fn archive(title: &str, body: &str, author: &str) -> Archive {
        let entry = Entry {
            id: String::new(),
            title: title.into(),
            kind: EntryKind::Patch,
            patch_version: Some(3),
            series: None,
            tree: None,
            subsystems: vec!["mm".into()],
            authors: vec![author.into()],
            body: body.into(),
            position: 0,
            line: 1,
            charts: vec![],
        };
        let mut post = Post {
            id: "p".into(),
            path: "p.md".into(),
            title: "News <v6.7-rc4>".into(),
            date: Some("2023-12-03T10:00:00+09:00".into()),
            release: Some("v6.7-rc4".into()),
            release_source: ReleaseSource::Title,
            cycle: Some("v6.7".into()),
            lang: "ko".into(),
            tags: vec![],
            categories: vec![],
            preamble: String::new(),
            entries: vec![entry],
            charts: vec![],
        };
        crate::ids::assign_entries(&mut post);
        Archive::new(Bundle {
            format_version: FORMAT_VERSION,
            generator: "t".into(),
            posts: vec![post],
            releases: vec![],
            subsystems: vec![],
            warnings: vec![],
        })
    }

    #[test]
    fn rows_escape_every_piece_of_post_text() {
        let a = archive(
            "<img src=x onerror=\"alert(1)\"> folio",
            "body with <script>x</script> folio",
            "<b>Mallory</b>",
        );
        let html = results_html(&a, &[0], &ViewState::default(), &["folio"]);
        assert!(
            !html.contains("<img") && !html.contains("<script") && !html.contains("<b>"),
            "{html}"
        );
        assert!(
            html.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <mark>folio</mark>"),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"authors\">&lt;b&gt;Mallory&lt;/b&gt;</span>"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"#post=p\">News &lt;v6.7-rc4&gt;</a>"),
            "{html}"
        );
    }

    #[test]
    fn rows_carry_ids_links_and_facts() {
        let a = archive(
            "[PATCH v3] mm: fix",
            "https://lkml.kernel.org/r/a@b.c\n\nsummary",
            "Ann",
        );
        let html = results_html(&a, &[0], &ViewState::default(), &[]);
        assert!(html.contains("<li class=\"entry\" id=\"entry-0\"><a class=\"entry-link\" href=\"#entry=p/patch-v3-mm-fix\">"), "{html}");
        assert!(
            html.contains("<span class=\"badge version\" title=\"Patch version\">v3</span>"),
            "{html}"
        );
        assert!(
            html.contains(
                "<a class=\"badge subsystem\" href=\"#sub=mm\" title=\"Show entries in mm\">mm</a>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<time datetime=\"2023-12-03\">2023-12-03</time>"),
            "{html}"
        );
        assert!(html.contains("href=\"https://lore.kernel.org/r/a@b.c\" rel=\"noopener noreferrer\" target=\"_blank\">thread</a>"), "{html}");
        assert!(
            html.contains("<span class=\"lang-badge\" title=\"Language\">KO</span>"),
            "{html}"
        );
        assert!(
            html.starts_with("<section class=\"group\" lang=\"ko\">"),
            "{html}"
        );
    }

    #[test]
    fn facet_values_carry_their_value_state_and_count() {
        let counts = [
            FacetCount {
                value: "mm".into(),
                count: 3,
            },
            FacetCount {
                value: "mm/<damon>".into(),
                count: 0,
            },
        ];
        let shown: Vec<&FacetCount> = counts.iter().collect();
        let state = ViewState::from_fragment("#sub=mm");
        let html = facet_values_html(Facet::Subsystem, &shown, &state, |v| v.to_uppercase());
        assert_eq!(
            html,
            "<li style=\"--depth:0\"><label><input type=\"checkbox\" data-value=\"mm\" checked>\
             <span class=\"value\">MM</span><span class=\"count\">3</span></label></li>\
             <li class=\"zero\" style=\"--depth:1\"><label><input type=\"checkbox\" data-value=\"mm/&lt;damon&gt;\">\
             <span class=\"value\">MM/&lt;DAMON&gt;</span><span class=\"count\">0</span></label></li>"
        );
    }

    #[test]
    fn marks_wrap_matches_whatever_their_case() {
        assert_eq!(
            marked_html("Folio & folios", &["folio"]),
            "<mark>Folio</mark> &amp; <mark>folio</mark>s"
        );
    }
}

//! One standalone HTML page per post of a bundle, rendered as the viewer's post view renders it, for indexing by Pagefind.
//!
//! The markdown goes through core's renderer exactly as in
//! src/components/post_view.rs and body.rs (cut at chart images, each
//! markdown run rendered on its own), and each entry keeps the facts its
//! meta line shows (kind, subsystems, authors), which the viewer's search
//! also matches, so both sides index the same text.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};
use kernel_news_core::load::parse_bundle;
use kernel_news_core::markdown::{escape_attr, render_with_charts};
use kernel_news_core::{Entry, Post};

/// What was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub pages: u64,
    pub bytes: u64,
}

/// Renders every post of the bundle at `bundle` into `out/<post id>/index.html`;
/// `out` must be new or empty, since pages of an older bundle left beside the
/// new ones would be indexed too.
pub fn write_all(bundle: &Path, out: &Path) -> Result<Written> {
    if fs::read_dir(out).is_ok_and(|mut d| d.next().is_some()) {
        bail!(
            "--out {} is not empty; expected a new or empty directory, so it holds exactly \
             this bundle's pages",
            out.display()
        );
    }
    let text =
        fs::read_to_string(bundle).with_context(|| format!("cannot read {}", bundle.display()))?;
    let bundle_data = parse_bundle(&text)
        .map_err(|e| anyhow::anyhow!("cannot load {}: {e}", bundle.display()))?;
    drop(text);
    let mut written = Written::default();
    let mut used = std::collections::HashSet::new();
    for post in &bundle_data.posts {
        let dir = out.join(unique(safe_dir_name(&post.id), &mut used));
        fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let page = page(post);
        let path = dir.join("index.html");
        fs::write(&path, &page).with_context(|| format!("cannot write {}", path.display()))?;
        written.pages += 1;
        written.bytes += page.len() as u64;
    }
    Ok(written)
}

/// A directory name for a post id that cannot leave `out` or hide: ids are
/// URL-safe today (`ko-lkml-news-v4-15`), but the page writer should not
/// depend on that. Anything outside `[A-Za-z0-9._-]` becomes `_`, and a
/// leading dot is replaced so `..` and hidden names cannot occur.
pub fn safe_dir_name(id: &str) -> String {
    let mut name: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.starts_with('.') {
        name.replace_range(..1, "_");
    }
    if name.is_empty() {
        name.push('_');
    }
    name
}

/// `name`, or `name-2`, `name-3` ... when two ids map to the same safe name.
fn unique(name: String, used: &mut std::collections::HashSet<String>) -> String {
    let mut candidate = name.clone();
    let mut n = 1;
    while !used.insert(candidate.clone()) {
        n += 1;
        candidate = format!("{name}-{n}");
    }
    candidate
}

/// Markdown as the viewer shows it: charts are drawn live there and carry no
/// text, so their slots stay empty here.
fn body(out: &mut String, markdown: &str, post: &Post, charts: &[&str]) {
    let _ = writeln!(
        out,
        "<div class=\"markdown\" lang=\"{}\">{}</div>",
        escape_attr(&post.lang),
        render_with_charts(markdown, charts)
    );
}

fn meta(entry: &Entry) -> String {
    let mut parts = vec![entry.kind.label().to_string()];
    parts.extend(entry.subsystems.iter().cloned());
    if !entry.authors.is_empty() {
        parts.push(entry.authors.join(", "));
    }
    escape_attr(&parts.join(" · "))
}

/// The whole page of one post.
pub fn page(post: &Post) -> String {
    let title = escape_attr(&post.title);
    let mut out = String::with_capacity(4096);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{title}</title>\n</head>\n<body>\n<main data-pagefind-body>\n<h1>{title}</h1>\n",
        lang = escape_attr(&post.lang),
    );
    let preamble_charts: Vec<&str> = post.charts.iter().map(|c| c.src.as_str()).collect();
    body(&mut out, &post.preamble, post, &preamble_charts);
    for entry in &post.entries {
        let charts: Vec<&str> = entry.charts.iter().map(|c| c.src.as_str()).collect();
        let _ = write!(
            out,
            "<section class=\"post-entry\" id=\"{}\">\n<h2>{}</h2>\n<p class=\"entry-meta\">{}</p>\n",
            escape_attr(&entry.id),
            escape_attr(&entry.title),
            meta(entry)
        );
        body(&mut out, &entry.body, post, &charts);
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Built from JSON rather than a struct literal: the bundle types gain and
    /// lose fields as the format evolves, and unknown fields are ignored.
    fn post() -> Post {
        serde_json::from_value(serde_json::json!({
            "id": "lkml-news-v6-7-rc4",
            "path": "lkml_news_v6.7-rc4.md",
            "title": "LKML News <v6.7-rc4>",
            "date": null,
            "release": "v6.7-rc4",
            "release_source": "title",
            "cycle": "v6.7",
            "lang": "en",
            "tags": [],
            "categories": [],
            "preamble": "Hello *world*.\n",
            "entries": [{
                "id": "lkml-news-v6-7-rc4/damon",
                "title": "[PATCH] mm/damon: tune",
                "kind": "patch",
                "patch_version": null,
                "series": null,
                "tree": null,
                "subsystems": ["mm/damon"],
                "authors": ["Mina Park"],
                "links": [],
                "body": "Uses `damon_ctx`. <script>x</script>\n",
                "position": 0,
                "line": 3
            }]
        }))
        .expect("a post in the bundle's JSON form")
    }

    #[test]
    fn page_has_language_title_and_pagefind_body() {
        let html = page(&post());
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
            "{html}"
        );
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert!(html.contains("<title>LKML News &lt;v6.7-rc4&gt;</title>"));
        assert!(html.contains("<main data-pagefind-body>\n<h1>LKML News &lt;v6.7-rc4&gt;</h1>"));
    }

    #[test]
    fn page_renders_preamble_and_entries_through_the_safe_renderer() {
        let html = page(&post());
        assert!(html.contains("<em>world</em>"), "{html}");
        assert!(html.contains("<code>damon_ctx</code>"), "{html}");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("<h2>[PATCH] mm/damon: tune</h2>"), "{html}");
        assert!(html.contains("mm/damon · Mina Park"), "{html}");
    }

    #[test]
    fn safe_dir_names_cannot_escape_or_hide() {
        assert_eq!(safe_dir_name("ko-lkml-news-v4-15"), "ko-lkml-news-v4-15");
        assert_eq!(safe_dir_name("a/b"), "a_b");
        assert_eq!(safe_dir_name(".."), "_.");
        assert_eq!(safe_dir_name(".hidden"), "_hidden");
        assert_eq!(safe_dir_name("../../etc"), "_._.._etc");
        assert_eq!(safe_dir_name(""), "_");
        assert_eq!(safe_dir_name("한국"), "__");
    }

    #[test]
    fn colliding_safe_names_get_a_number() {
        let mut used = std::collections::HashSet::new();
        assert_eq!(unique("a_b".into(), &mut used), "a_b");
        assert_eq!(unique("a_b".into(), &mut used), "a_b-2");
        assert_eq!(unique("a_b".into(), &mut used), "a_b-3");
    }
}

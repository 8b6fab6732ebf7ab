//! Writes the archive's default view into a built `index.html` (`kernel_news_core::first_view`), replacing any written before.
//!
//! The page then paints the newest entries as plain HTML before the viewer's
//! wasm has arrived. The view is drawn from the bundle next to the page, so
//! it is written again whenever the bundle changes: by Trunk's post-build
//! hook, by `scripts/bench` for each preset, and by `--serve` as it serves
//! the page.

use kernel_news_core::archive::Archive;
use kernel_news_core::chunks::Progress;
use kernel_news_core::first_view::{first_view_html, MAIN_OPEN};
use kernel_news_core::Bundle;
use std::path::Path;

use crate::single::rewrite::{is_preload_link, starts_tag, tag_end};

/// Marks the written view, so a later write replaces it. Post text cannot
/// contain them: every `<` from a bundle is escaped.
const OPEN: &str = "<!--first-view-->";
const CLOSE: &str = "<!--/first-view-->";

/// Why no first view could be written.
#[derive(Debug, thiserror::Error)]
pub enum FirstViewError {
    #[error("the page has no `{MAIN_OPEN}` to write the first view into")]
    NoMain,
    #[error(transparent)]
    Bundle(#[from] crate::chunks::ReadError),
}

/// `html` with the default view of the `bundle.json` at `bundle` at the start of
/// `<main>`, and without preload links.
///
/// A page that paints its first view from its own HTML needs nothing else
/// first. Preloaded, the wasm and the bundle share the connection with the
/// page's stylesheet, and Lighthouse's model of a slow phone counts every
/// request started before the first view's paint as holding it up (2.5k
/// preset: LCP 4.67 s with them, 0.92 s without; BENCHMARKS.md). The viewer
/// still loads them at once, from its module script after the page is parsed.
///
/// A split archive's first view is drawn from its first chunk, as the
/// viewer shows it when it takes over, with its status line saying how much
/// of the archive that is.
pub fn with_first_view(html: &str, bundle: &Path) -> Result<String, FirstViewError> {
    let (bundle, progress) = crate::chunks::read(bundle, Some(1))?;
    with_first_view_of(html, bundle, &progress)
}

/// [`with_first_view`] from a bundle already read (the single file's, say),
/// `progress` saying how much of a split archive it holds.
pub fn with_first_view_of(
    html: &str,
    bundle: Bundle,
    progress: &Progress,
) -> Result<String, FirstViewError> {
    write_view(
        &without_preloads(html),
        &first_view_html(&Archive::new(bundle), progress),
    )
}

/// `html` without its `<link rel="preload">` and `<link rel="modulepreload">` elements.
fn without_preloads(html: &str) -> String {
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut i = 0;
    while let Some(off) = lower[i..].find('<') {
        let at = i + off;
        out.push_str(&html[i..at]);
        let rest = &lower[at..];
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map_or(html.len(), |e| at + e + 3)
        } else if starts_tag(rest, "link") {
            tag_end(html, at)
        } else {
            at + 1
        };
        let tag = &html[at..end];
        let preload = starts_tag(rest, "link") && is_preload_link(tag);
        if !preload {
            out.push_str(tag);
        }
        i = end;
    }
    out.push_str(&html[i..]);
    out
}

/// `html` without a first view: the viewer then shows its loading state, as
/// a page whose bundle cannot be read must (the viewer says why).
pub fn without_first_view(html: &str) -> String {
    match span(html) {
        Some((start, end)) => format!("{}{}", &html[..start], &html[end..]),
        None => html.to_string(),
    }
}

fn write_view(html: &str, view: &str) -> Result<String, FirstViewError> {
    let html = without_first_view(html);
    let at = html.find(MAIN_OPEN).ok_or(FirstViewError::NoMain)? + MAIN_OPEN.len();
    Ok(format!("{}{OPEN}{view}{CLOSE}{}", &html[..at], &html[at..]))
}

/// Where a written view, markers included, sits in `html`.
fn span(html: &str) -> Option<(usize, usize)> {
    let start = html.find(OPEN)?;
    let end = start + html[start..].find(CLOSE)? + CLOSE.len();
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><body><main id=\"main\"></main></body></html>";

    #[test]
    fn the_view_goes_first_in_main_between_markers() {
        let out = write_view(PAGE, "<p>v</p>").unwrap();
        assert_eq!(
            out,
            "<html><body><main id=\"main\"><!--first-view--><p>v</p><!--/first-view--></main></body></html>"
        );
    }

    #[test]
    fn writing_again_replaces_the_view_written_before() {
        let once = write_view(PAGE, "<p>old</p>").unwrap();
        let twice = write_view(&once, "<p>new</p>").unwrap();
        assert_eq!(twice, write_view(PAGE, "<p>new</p>").unwrap());
        assert_eq!(without_first_view(&twice), PAGE);
    }

    #[test]
    fn preload_links_go_and_everything_else_stays() {
        let page = "<head><link rel=\"preload\" href=\"bundle.json\" as=\"fetch\" />\
                    <link rel=\"stylesheet\" href=\"a.css\">\
                    <!-- <link rel=\"preload\" href=\"kept-in-a-comment\"> -->\
                    <link rel=\"modulepreload\" href=\"./x.js\" integrity=\"sha384-a>b\">\
                    <LINK REL=\"Preload\" href=\"./x_bg.wasm\"><link rel=\"icon\" href=\"i\"></head>";
        assert_eq!(
            without_preloads(page),
            "<head><link rel=\"stylesheet\" href=\"a.css\">\
             <!-- <link rel=\"preload\" href=\"kept-in-a-comment\"> -->\
             <link rel=\"icon\" href=\"i\"></head>"
        );
    }

    #[test]
    fn the_shortest_comments_are_copied_whole() {
        // `<!-->` and `<!--->` close where they open (HTML's abrupt comments).
        for page in ["<!--><p>x</p>", "<!---><p>x</p>", "<p><!----></p>"] {
            assert_eq!(without_preloads(page), page);
        }
    }

    #[test]
    fn a_page_without_main_or_a_broken_bundle_is_an_error_that_says_which() {
        let no_main = write_view("<html></html>", "x").unwrap_err();
        assert!(
            no_main.to_string().contains("<main id=\"main\">"),
            "{no_main}"
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bundle.json");
        std::fs::write(&path, b"{\"format_version\": 1").unwrap();
        let broken = with_first_view(PAGE, &path).unwrap_err();
        assert!(matches!(broken, FirstViewError::Bundle(_)), "{broken}");
        assert!(broken.to_string().contains("bundle.json"), "{broken}");
    }
}

//! Writes the archive's default view into a built `index.html` (`kernel_news_core::first_view`), replacing any written before.
//!
//! The page then paints the newest entries as plain HTML before the viewer's
//! wasm has arrived. The view is drawn from the bundle next to the page, so
//! it is written again whenever the bundle changes: by Trunk's post-build
//! hook, by `scripts/bench` for each preset, and by `--serve` as it serves
//! the page.

use kernel_news_core::archive::Archive;
use kernel_news_core::first_view::{first_view_html, MAIN_OPEN};
use kernel_news_core::load::{parse_bundle_bytes, LoadError};

/// Marks the written view, so a later write replaces it. Post text cannot
/// contain them: every `<` from a bundle is escaped.
const OPEN: &str = "<!--first-view-->";
const CLOSE: &str = "<!--/first-view-->";

/// Why no first view could be written.
#[derive(Debug, thiserror::Error)]
pub enum FirstViewError {
    #[error("the page has no `{MAIN_OPEN}` to write the first view into")]
    NoMain,
    #[error("the bundle cannot be read: {0}")]
    Bundle(#[from] LoadError),
}

/// `html` with the default view of `bundle` (its bytes) at the start of `<main>`.
pub fn with_first_view(html: &str, bundle: &[u8]) -> Result<String, FirstViewError> {
    let archive = Archive::new(parse_bundle_bytes(bundle)?);
    write_view(html, &first_view_html(&archive))
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
    fn a_page_without_main_or_a_broken_bundle_is_an_error_that_says_which() {
        let no_main = write_view("<html></html>", "x").unwrap_err();
        assert!(
            no_main.to_string().contains("<main id=\"main\">"),
            "{no_main}"
        );
        let broken = with_first_view(PAGE, b"{\"format_version\": 1").unwrap_err();
        assert!(matches!(broken, FirstViewError::Bundle(_)), "{broken}");
    }
}

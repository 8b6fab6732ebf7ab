//! Loading the bundle: from the page itself (the single-file archive) or fetched next to the page (a relative URL, so any sub-path works).

use gloo_net::http::Request;
use kernel_news_core::load::{parse_bundle, parse_bundle_bytes, LoadError, EMBEDDED_BUNDLE_ID};
use kernel_news_core::Bundle;

/// Relative to the page: `https://host/any/sub/path/bundle.json`.
pub const BUNDLE_URL: &str = "bundle.json";

pub async fn load_bundle() -> Result<Bundle, LoadError> {
    // A page opened from file:// cannot fetch anything (its origin is null),
    // so a page that brings its bundle along must never try.
    if let Some(text) = embedded_bundle() {
        // The feeds the bundle lists sit beside the hosted bundle, not beside
        // this one file: offering them would link to files that are not there.
        let mut bundle = parse_bundle(&text)?;
        bundle.feeds = None;
        return Ok(bundle);
    }
    let network = |e: gloo_net::Error| LoadError::Network {
        url: BUNDLE_URL.into(),
        message: e.to_string(),
    };
    let resp = Request::get(BUNDLE_URL).send().await.map_err(network)?;
    if !resp.ok() {
        return Err(LoadError::Http {
            status: resp.status(),
            url: BUNDLE_URL.into(),
        });
    }
    let bytes = resp.binary().await.map_err(network)?;
    parse_bundle_bytes(&bytes)
}

/// The embedded bundle's text, if this page has one. An element that is
/// present but empty still counts: parsing it then says the data is empty,
/// which is the truth, rather than fetching a file that is not there.
fn embedded_bundle() -> Option<String> {
    let element = web_sys::window()?
        .document()?
        .get_element_by_id(EMBEDDED_BUNDLE_ID)?;
    Some(element.text_content().unwrap_or_default())
}

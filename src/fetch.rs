//! Fetching the bundle next to the page (a relative URL, so any sub-path works).

use gloo_net::http::Request;
use kernel_news_core::load::{parse_bundle, LoadError};
use kernel_news_core::Bundle;

/// Relative to the page: `https://host/any/sub/path/bundle.json`.
pub const BUNDLE_URL: &str = "bundle.json";

pub async fn load_bundle() -> Result<Bundle, LoadError> {
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
    let text = resp.text().await.map_err(network)?;
    parse_bundle(&text)
}

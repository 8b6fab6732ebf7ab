//! Loading the bundle: from the page itself (the single-file archive) or fetched next to the page (a relative URL, so any sub-path works), and a split archive's chunks beside it.

use gloo_net::http::Request;
use kernel_news_core::chunks::{open_bytes, parse_chunk_bytes, ChunkRef, Opened};
use kernel_news_core::load::{parse_bundle, LoadError, EMBEDDED_BUNDLE_ID};
use kernel_news_core::{Bundle, Post};

/// Relative to the page: `https://host/any/sub/path/bundle.json`.
pub const BUNDLE_URL: &str = "bundle.json";

/// What opens the viewer: the bundle with the posts it has so far, and the
/// chunks of a split archive still to fetch (none for a whole one).
pub struct Loaded {
    pub bundle: Bundle,
    /// Every chunk the manifest lists; the first is in `bundle` already.
    pub chunks: Vec<ChunkRef>,
}

pub async fn load_bundle() -> Result<Loaded, LoadError> {
    // A page opened from file:// cannot fetch anything (its origin is null),
    // so a page that brings its bundle along must never try.
    if let Some(text) = embedded_bundle() {
        // The feeds the bundle lists sit beside the hosted bundle, not beside
        // this one file: offering them would link to files that are not there.
        let mut bundle = parse_bundle(&text)?;
        bundle.feeds = None;
        return Ok(Loaded {
            bundle,
            chunks: Vec::new(),
        });
    }
    match open_bytes(&fetch_bytes(BUNDLE_URL).await?)? {
        Opened::Whole(bundle) => Ok(Loaded {
            bundle,
            chunks: Vec::new(),
        }),
        // The newest chunk first, so the first results need only it.
        Opened::Split(manifest) => {
            let mut bundle = manifest.head;
            if let Some(first) = manifest.chunks.first() {
                bundle.posts = fetch_chunk(first).await?;
            }
            Ok(Loaded {
                bundle,
                chunks: manifest.chunks,
            })
        }
    }
}

/// One chunk of a split archive, read.
pub async fn fetch_chunk(chunk: &ChunkRef) -> Result<Vec<Post>, LoadError> {
    parse_chunk_bytes(&fetch_bytes(&chunk.file).await?, &chunk.file)
}

/// The body of `url` (relative to the page), read straight into wasm memory:
/// through a JS string it would cost a UTF-16 copy and a conversion each way.
async fn fetch_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    let network = |e: gloo_net::Error| LoadError::Network {
        url: url.into(),
        message: e.to_string(),
    };
    let resp = Request::get(url).send().await.map_err(network)?;
    if !resp.ok() {
        return Err(LoadError::Http {
            status: resp.status(),
            url: url.into(),
        });
    }
    resp.binary().await.map_err(network)
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

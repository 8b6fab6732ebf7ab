//! The single-file archive: Trunk's `dist/` (JS glue, wasm, CSS) and a bundle inlined into one HTML page that opens from `file://`.
//!
//! A page opened from disk has an opaque origin: it can neither load a module
//! script nor `fetch()` the files beside it, but its inline scripts run. So
//! this step rewrites Trunk's `index.html` instead of copying it:
//!
//! - the stylesheet link becomes a `<style>` element;
//! - the `modulepreload`/`preload` links go (they would only fail);
//! - the module script that imported the wasm-bindgen glue becomes an inline
//!   module holding the glue itself, its `export`s removed, which compiles the
//!   wasm (asynchronously: large modules must not compile on the main thread)
//!   from base64 text kept in a data block;
//! - the bundle rides along as a JSON data block that the viewer reads instead
//!   of fetching `bundle.json` (see `src/fetch.rs`).
//!
//! - the content security policy is rewritten for the new inline scripts
//!   (see [`crate::csp`]).
//!
//! Anything else that would load a file is refused with an error naming it,
//! so a changed Trunk output cannot silently give a page that breaks on disk.

use std::path::{Path, PathBuf};

use kernel_news_core::chunks::{open_bytes, Opened, Progress};
use kernel_news_core::load::LoadError;

mod glue;
pub(crate) mod rewrite;

pub use glue::{inline_glue, json_for_script};
use rewrite::Rewriter;

/// The id of the JSON data block holding the bundle, shared with the viewer.
pub use kernel_news_core::load::EMBEDDED_BUNDLE_ID as BUNDLE_ELEMENT_ID;
/// The id of the data block holding the wasm as base64.
pub const WASM_ELEMENT_ID: &str = "kernel-news-wasm";

/// Why the single file could not be built: each names the file it expected and what it found.
#[derive(Debug, thiserror::Error)]
pub enum SingleError {
    #[error("{} does not exist; expected Trunk's output there: run trunk build --release first", .index.display())]
    NoIndex { index: PathBuf },
    #[error(
        "{} references {name} but {} has no such file; run trunk build --release first",
        .index.display(),
        .dist.display()
    )]
    MissingAsset {
        index: PathBuf,
        name: String,
        dist: PathBuf,
    },
    #[error(
        "{} references {name}, which is not a file inside {}; expected the relative names Trunk writes (public_url = \"./\")",
        .index.display(),
        .dist.display()
    )]
    OutsideDist {
        index: PathBuf,
        name: String,
        dist: PathBuf,
    },
    #[error(
        "{} has no module script importing the wasm-bindgen glue (expected Trunk's \
         `import init, * as bindings from './NAME.js'` and `module_or_path: './NAME_bg.wasm'`), \
         found {found}; run trunk build --release first",
        .index.display()
    )]
    NoGlueScript { index: PathBuf, found: String },
    #[error(
        "{} has `{element}`, which loads a file this step cannot inline; expected only Trunk's \
         stylesheet link, preload links and one module script",
        .index.display()
    )]
    Unsupported { index: PathBuf, element: String },
    #[error("{} is not wasm-bindgen glue this step can inline: {problem}", .path.display())]
    Glue { path: PathBuf, problem: String },
    #[error("{} contains `</style`, which would end the inline <style> element early", .path.display())]
    Css { path: PathBuf },
    #[error(
        "no bundle at {}; build one with `kernel-news-bundle --content DIR --out {}` or pass --bundle FILE",
        .path.display(),
        .path.display()
    )]
    NoBundle { path: PathBuf },
    #[error("{} is not a usable bundle", .path.display())]
    BadBundle {
        path: PathBuf,
        #[source]
        source: LoadError,
    },
    #[error("{} is not UTF-8 text", .path.display())]
    NotText { path: PathBuf },
    /// A chunk of a split archive is missing or broken.
    #[error(transparent)]
    Chunks(#[from] crate::chunks::ReadError),
    #[error("cannot read {}", .path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// What went into the single file, for the size report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub path: PathBuf,
    pub bytes: u64,
}

/// The single file's HTML and the files it replaces.
#[derive(Debug)]
pub struct Single {
    pub html: String,
    /// The glue, wasm, stylesheets and bundle inlined, in the order they were read.
    pub parts: Vec<Part>,
}

/// Builds the single file from Trunk's output in `dist` and the bundle at `bundle`.
pub fn single_file(dist: &Path, bundle: &Path) -> Result<Single, SingleError> {
    let index = dist.join("index.html");
    let html = match std::fs::read(&index) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| SingleError::NotText {
            path: index.clone(),
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(SingleError::NoIndex { index })
        }
        Err(source) => {
            return Err(SingleError::Read {
                path: index,
                source,
            })
        }
    };
    let bundle_text = match std::fs::read(bundle) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| SingleError::NotText {
            path: bundle.to_path_buf(),
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(SingleError::NoBundle {
                path: bundle.to_path_buf(),
            })
        }
        Err(source) => {
            return Err(SingleError::Read {
                path: bundle.to_path_buf(),
                source,
            })
        }
    };
    // Refuse a bundle the viewer would refuse: better now than on the reader's screen.
    let bad = |source| SingleError::BadBundle {
        path: bundle.to_path_buf(),
        source,
    };
    // A split archive goes in whole: one file has nothing beside it to fetch.
    let (mut embedded, bundle_text) = match open_bytes(bundle_text.as_bytes()).map_err(bad)? {
        Opened::Whole(b) => (b, bundle_text),
        Opened::Split(_) => {
            let (whole, _) = crate::chunks::read(bundle, None)?;
            let text = crate::build::to_json(&whole);
            (whole, text)
        }
    };
    // The first view is drawn from the bundle this file carries, as the
    // viewer reads it here: without the feeds, which are not beside the file.
    embedded.feeds = None;
    let html = crate::first_view::with_first_view_of(&html, embedded, &Progress::default())
        .unwrap_or_else(|_| crate::first_view::without_first_view(&html));

    let mut rewriter = Rewriter {
        dist,
        index: &index,
        parts: Vec::new(),
        bundle_json: &bundle_text,
        glue_done: false,
    };
    // The inline scripts are new, so the policy is written anew for their hashes.
    let html = crate::csp::with_policy(&rewriter.rewrite(&html)?);
    if !rewriter.glue_done {
        return Err(SingleError::NoGlueScript {
            index,
            found: "no module script at all".into(),
        });
    }
    let mut parts = rewriter.parts;
    parts.push(Part {
        path: bundle.to_path_buf(),
        bytes: bundle_text.len() as u64,
    });
    Ok(Single { html, parts })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_page_or_bundle_says_what_to_run_and_an_unreadable_one_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let (dist, bundle) = (dir.path().join("dist"), dir.path().join("bundle.json"));
        std::fs::create_dir(&dist).unwrap();
        let err = single_file(&dist, &bundle).unwrap_err();
        assert!(matches!(err, SingleError::NoIndex { .. }), "{err:?}");
        // index.html a directory: there, but not readable as a file.
        std::fs::create_dir(dist.join("index.html")).unwrap();
        let err = single_file(&dist, &bundle).unwrap_err();
        assert!(matches!(err, SingleError::Read { .. }), "{err:?}");
        std::fs::remove_dir(dist.join("index.html")).unwrap();
        std::fs::write(dist.join("index.html"), "<html></html>").unwrap();
        let err = single_file(&dist, &bundle).unwrap_err();
        assert!(matches!(err, SingleError::NoBundle { .. }), "{err:?}");
        std::fs::create_dir(&bundle).unwrap();
        let err = single_file(&dist, &bundle).unwrap_err();
        assert!(matches!(err, SingleError::Read { .. }), "{err:?}");
    }
}

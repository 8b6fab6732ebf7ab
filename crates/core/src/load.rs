//! Reading a bundle's JSON text, with errors a reader of the page can act on.

use serde::Deserialize;
use std::fmt;

use crate::{Bundle, FORMAT_VERSION};

/// The id of the `<script type="application/json">` element a single-file
/// archive carries its bundle in: `kernel-news-single` writes it, the viewer
/// reads it instead of fetching `bundle.json`.
pub const EMBEDDED_BUNDLE_ID: &str = "kernel-news-bundle";

/// Why a bundle could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The server answered, but not with the file (404 and friends).
    Http {
        status: u16,
        url: String,
    },
    /// The request itself failed (offline, blocked, CORS).
    Network {
        url: String,
        message: String,
    },
    Empty,
    /// Not JSON, or cut short: most often a half-uploaded file.
    Syntax {
        line: usize,
        column: usize,
        message: String,
        truncated: bool,
    },
    /// Written by a bundler with another layout.
    Version {
        found: Option<u64>,
    },
    /// Valid JSON of the right version whose fields do not match.
    Shape {
        message: String,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Http { status, url } => write!(
                f,
                "The archive data ({url}) could not be loaded: the server answered HTTP {status}. \
                 Build it with kernel-news-bundle and publish it next to this page."
            ),
            LoadError::Network { url, message } => write!(
                f,
                "The archive data ({url}) could not be fetched: {message}. Check the connection and reload."
            ),
            LoadError::Empty => write!(f, "The archive data is empty. Rebuild it with kernel-news-bundle."),
            LoadError::Syntax { line, column, message, truncated: true } => write!(
                f,
                "The archive data is truncated (it ends at line {line}, column {column}: {message}). \
                 It was probably not fully written or uploaded; rebuild or re-upload it."
            ),
            LoadError::Syntax { line, column, message, .. } => write!(
                f,
                "The archive data is not valid JSON (line {line}, column {column}: {message})."
            ),
            LoadError::Version { found: Some(v) } => write!(
                f,
                "The archive data has format version {v}, but this viewer reads version {FORMAT_VERSION}. \
                 Rebuild it with the kernel-news-bundle that matches this viewer."
            ),
            LoadError::Version { found: None } => write!(
                f,
                "The archive data has no format_version, so it is not a kernel-news bundle \
                 (expected format version {FORMAT_VERSION})."
            ),
            LoadError::Shape { message } => write!(
                f,
                "The archive data does not match format version {FORMAT_VERSION}: {message}."
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// Parses bundle text: the version is checked before the fields, so a bundle
/// of another version gets a version message, not a confusing field error.
pub fn parse_bundle(text: &str) -> Result<Bundle, LoadError> {
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    #[derive(Deserialize)]
    struct Probe {
        format_version: Option<serde_json::Value>,
    }
    let probe: Probe = serde_json::from_str(text).map_err(|e| syntax(&e))?;
    match probe
        .format_version
        .as_ref()
        .and_then(serde_json::Value::as_u64)
    {
        Some(v) if v == u64::from(FORMAT_VERSION) => {}
        found => return Err(LoadError::Version { found }),
    }
    serde_json::from_str(text).map_err(|e| LoadError::Shape {
        message: e.to_string(),
    })
}

fn syntax(e: &serde_json::Error) -> LoadError {
    LoadError::Syntax {
        line: e.line(),
        column: e.column(),
        // serde_json appends " at line L column C"; the message says that itself.
        message: e
            .to_string()
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_string(),
        truncated: e.is_eof(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal(version: u32) -> String {
        format!(
            r#"{{"format_version":{version},"generator":"t","posts":[],"releases":[],"warnings":[]}}"#
        )
    }

    #[test]
    fn current_version_loads() {
        let b = parse_bundle(&minimal(FORMAT_VERSION)).unwrap();
        assert!(b.posts.is_empty() && b.subsystems.is_empty());
    }

    #[test]
    fn truncated_text_says_truncated() {
        let text = minimal(FORMAT_VERSION);
        let err = parse_bundle(&text[..text.len() / 2]).unwrap_err();
        assert!(
            matches!(
                err,
                LoadError::Syntax {
                    truncated: true,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err.to_string().contains("truncated"));
        assert_eq!(err.to_string().matches("line").count(), 1, "{err}");
    }

    #[test]
    fn other_version_is_refused_before_field_checks() {
        let err = parse_bundle(r#"{"format_version":2,"posts":"whatever"}"#).unwrap_err();
        assert_eq!(err, LoadError::Version { found: Some(2) });
        assert!(err.to_string().contains("format version 2"));
    }

    #[test]
    fn html_error_page_is_not_json() {
        let err = parse_bundle("<!doctype html><title>404</title>").unwrap_err();
        assert!(
            matches!(
                err,
                LoadError::Syntax {
                    truncated: false,
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn missing_fields_are_a_shape_error() {
        let err = parse_bundle(&format!(r#"{{"format_version":{FORMAT_VERSION}}}"#)).unwrap_err();
        assert!(matches!(err, LoadError::Shape { .. }), "{err:?}");
    }

    #[test]
    fn empty_and_versionless() {
        assert_eq!(parse_bundle("  \n"), Err(LoadError::Empty));
        assert_eq!(parse_bundle("{}"), Err(LoadError::Version { found: None }));
    }
}

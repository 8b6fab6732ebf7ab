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
    /// One chunk file of a split archive did not read.
    InChunk {
        file: String,
        error: Box<LoadError>,
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
            LoadError::InChunk { file, error } => write!(f, "{error} (in {file})"),
        }
    }
}

impl std::error::Error for LoadError {}

/// Parses bundle text and derives what the bundle leaves out (entry ids and
/// positions). A bundle of another version gets a version message, not a
/// confusing field error: the version is probed when the full parse fails or
/// disagrees, so a good bundle is read once, not twice.
pub fn parse_bundle(text: &str) -> Result<Bundle, LoadError> {
    parse_bundle_bytes(text.as_bytes())
}

/// [`parse_bundle`] on the bytes as fetched: the viewer reads the response
/// body straight into wasm memory instead of through a JS string, which
/// would cost a UTF-16 copy of the whole bundle and a conversion each way.
pub fn parse_bundle_bytes(text: &[u8]) -> Result<Bundle, LoadError> {
    let mut bundle: Bundle = parse_versioned(text, |b: &Bundle| b.format_version)?;
    for post in &mut bundle.posts {
        crate::ids::assign_entries(post);
    }
    Ok(bundle)
}

/// JSON of this format version as a `T` (a bundle, a manifest, a chunk),
/// with the errors [`parse_bundle`] gives.
pub(crate) fn parse_versioned<T: serde::de::DeserializeOwned>(
    text: &[u8],
    version: fn(&T) -> u32,
) -> Result<T, LoadError> {
    if text.trim_ascii().is_empty() {
        return Err(LoadError::Empty);
    }
    match serde_json::from_slice::<T>(text) {
        Ok(b) if version(&b) == FORMAT_VERSION => Ok(b),
        Ok(b) => Err(LoadError::Version {
            found: Some(u64::from(version(&b))),
        }),
        Err(e) => Err(diagnose(text, &e)),
    }
}

/// Why a bundle did not parse: broken JSON, another version, or a wrong shape.
fn diagnose(text: &[u8], err: &serde_json::Error) -> LoadError {
    #[derive(Deserialize)]
    struct Probe {
        format_version: Option<serde_json::Value>,
    }
    let probe: Probe = match serde_json::from_slice(text) {
        Ok(p) => p,
        Err(e) => return syntax(&e),
    };
    match probe
        .format_version
        .as_ref()
        .and_then(serde_json::Value::as_u64)
    {
        Some(v) if v == u64::from(FORMAT_VERSION) => LoadError::Shape {
            message: err.to_string(),
        },
        found => LoadError::Version { found },
    }
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

    /// A bundle of the current version with `post` as its one post and `release` as its one release.
    fn with(post: &str, release: &str) -> String {
        format!(
            r#"{{"format_version":{FORMAT_VERSION},"generator":"t","posts":[{post}],"releases":[{release}],"warnings":[]}}"#
        )
    }

    const POST: &str =
        r#"{"id":"p","path":"p.md","title":"T","release_source":"title","lang":"en","entries":[]}"#;

    #[test]
    fn absurd_values_give_a_readable_message_or_load_as_the_data_they_are() {
        // A count no u64 holds names its field.
        let huge = with(
            POST,
            r#"{"version":"v6.7","date":null,"files":1e308,"insertions":1,"deletions":1}"#,
        );
        let e = parse_bundle(&huge).unwrap_err();
        assert!(matches!(e, LoadError::Shape { .. }), "{e:?}");
        assert!(
            e.to_string().contains("does not match format version"),
            "{e}"
        );
        // Nesting deeper than the JSON reader recurses is refused, not a stack overflow.
        let deep = with(
            &format!(
                r#"{{"id":{}1{}}}"#,
                "[".repeat(100_000),
                "]".repeat(100_000)
            ),
            "",
        );
        let e = parse_bundle(&deep).unwrap_err();
        assert!(
            matches!(e, LoadError::Syntax { .. } | LoadError::Shape { .. }),
            "{e:?}"
        );
        assert!(e.to_string().starts_with("The archive data"), "{e}");
        // A wrong type says which.
        let wrong = with(&POST.replace(r#""title":"T""#, r#""title":5"#), "");
        let e = parse_bundle(&wrong).unwrap_err().to_string();
        assert!(e.contains("invalid type"), "{e}");
        // A 10 MB title is odd but valid data: it loads.
        let long = with(
            &POST.replace(
                r#""title":"T""#,
                &format!(r#""title":"{}""#, "x".repeat(10 << 20)),
            ),
            "",
        );
        assert_eq!(parse_bundle(&long).unwrap().posts[0].title.len(), 10 << 20);
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
        let err = parse_bundle(r#"{"format_version":1,"posts":"whatever"}"#).unwrap_err();
        assert_eq!(err, LoadError::Version { found: Some(1) });
        assert!(err.to_string().contains("format version 1"));
        // Well-formed in every field but the version: still the version message.
        let err = parse_bundle(&minimal(FORMAT_VERSION + 1)).unwrap_err();
        assert_eq!(
            err,
            LoadError::Version {
                found: Some(u64::from(FORMAT_VERSION + 1))
            }
        );
    }

    #[test]
    fn loading_derives_entry_ids_and_positions() {
        let text = format!(
            r#"{{"format_version":{FORMAT_VERSION},"generator":"t","releases":[],"warnings":[],
            "posts":[{{"id":"p","path":"p.md","title":"P","release_source":"none","lang":"en",
            "entries":[{{"title":"[PATCH] mm: fix","kind":"patch","body":"","line":3}},
                       {{"title":"[PATCH] mm: fix","kind":"patch","body":"","line":9}}]}}]}}"#
        );
        let b = parse_bundle(&text).unwrap();
        let got: Vec<(&str, u32)> = b.posts[0]
            .entries
            .iter()
            .map(|e| (e.id.as_str(), e.position))
            .collect();
        assert_eq!(got, [("p/patch-mm-fix", 0), ("p/patch-mm-fix-2", 1)]);
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

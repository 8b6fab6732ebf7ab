//! Reading news feeds (RSS 2.0, RSS 1.0/RDF, Atom, a feed reader's copied text) into [`FeedItem`]s.
//!
//! The format is detected from the content, never the file name. Each reader
//! turns one file into items plus per-item problems; [`merge`] folds several
//! snapshots of one feed into one item per article. What an item *means*
//! (kind, release, subsystems, kernel or not) is decided later, in
//! [`crate::feed_post`].

pub mod html;
pub mod link;
pub mod merge;
pub mod text;
mod xml;

use kernel_news_core::date::DateTime;
use thiserror::Error;

use crate::source::{decode, SourceError};

/// One feed item as read, before it is classified.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedItem {
    /// As written, including LWN's `[$] ` marker, whitespace collapsed.
    pub title: String,
    /// Normalised article link (`https://lwn.net/Articles/N/`), if the item has one.
    pub link: Option<String>,
    /// The guid / rdf:about / Atom id, normalised like `link` when it is a URL.
    pub guid: Option<String>,
    /// `dc:creator`, `author`, Atom `author/name`, or the text form's `Par :` / `By:` line.
    pub author: Option<String>,
    /// When the item was published; `None` when the feed gives no date.
    pub date: Option<DateTime>,
    /// The description as markdown: converted from HTML, every text run
    /// escaped so nothing in it is read as markdown or HTML.
    pub summary: String,
    /// 1-based line of the item in its file.
    pub line: u32,
    /// `date` was not given by the feed but inferred (from the title, or by
    /// [`merge`] from the item's neighbours).
    pub date_estimated: bool,
    /// Order of the file the item was read from, as given to [`merge`]; 0 before.
    pub file: usize,
    /// Some copy had LWN's `[$] ` marker: a feature article, even once it is
    /// free to read and the newest copy has lost the marker. Set by [`merge`].
    pub was_subscriber_only: bool,
}

/// How a feed file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    /// `<rss version="2.0">`.
    Rss2,
    /// RSS 1.0: `<rdf:RDF>`, what LWN served until early 2024.
    Rdf,
    /// `<feed xmlns="http://www.w3.org/2005/Atom">`.
    Atom,
    /// Plain text: LWN's `/headlines/text`, or a feed reader's reading view copied.
    Text,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Rss2 => "RSS 2.0",
            Format::Rdf => "RSS 1.0 (RDF)",
            Format::Atom => "Atom",
            Format::Text => "text",
        }
    }
}

/// One feed file as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedFile {
    pub format: Format,
    /// In file order, which for every feed is newest first.
    pub items: Vec<FeedItem>,
    /// Items dropped and fields not understood; the file itself was read.
    pub problems: Vec<ItemProblem>,
}

/// An item, or one field of it, that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemProblem {
    /// 1-based line of the file, when known.
    pub line: Option<u32>,
    /// What was found and what was expected; no path (the caller adds it).
    pub message: String,
}

/// Why a whole file is not a feed. The messages name no path or line: the
/// caller's diagnostic does, from [`Self::line`].
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum FeedError {
    #[error("file is empty; expected a news feed (RSS, RDF, Atom or a feed reader's copied text)")]
    Empty,
    #[error("invalid UTF-8 (byte 0x{byte:02x} at offset {offset}); expected UTF-8 text")]
    NotUtf8 { line: u32, offset: usize, byte: u8 },
    #[error("malformed {} XML: {message}; expected a well-formed feed", format.as_str())]
    Xml {
        format: Format,
        line: Option<u32>,
        message: String,
    },
    #[error("found {found}; expected RSS 2.0, RSS 1.0 (RDF), Atom, LWN's text headlines, or a feed reader's copied text with `•` separators")]
    UnknownFormat { found: String },
}

impl FeedError {
    /// 1-based line of the file the problem is on, when it is on one.
    pub fn line(&self) -> Option<u32> {
        match self {
            FeedError::NotUtf8 { line, .. } => Some(*line),
            FeedError::Xml { line, .. } => *line,
            FeedError::Empty | FeedError::UnknownFormat { .. } => None,
        }
    }
}

/// Reads one feed file, whatever its format.
pub fn read_feed(bytes: &[u8]) -> Result<FeedFile, FeedError> {
    let text = decode(bytes).map_err(|e| match e {
        SourceError::Empty => FeedError::Empty,
        // decode counts from after the BOM; the offset is the file's.
        SourceError::NotUtf8 { line, offset, byte } => FeedError::NotUtf8 {
            line,
            offset: offset
                + if bytes.starts_with(b"\xEF\xBB\xBF") {
                    3
                } else {
                    0
                },
            byte,
        },
    })?;
    match root_element(&text) {
        Some("rss") => xml::read_rss(&text, Format::Rss2),
        Some("rdf:RDF") => xml::read_rss(&text, Format::Rdf),
        Some("feed") => xml::read_atom(&text),
        Some(other) => Err(FeedError::UnknownFormat {
            found: format!("XML with root element <{other}>"),
        }),
        None => text::read_text(&text),
    }
}

/// The name of the first element, skipping the XML declaration, comments,
/// processing instructions and the doctype; `None` when the text does not
/// start with markup at all (the text forms).
fn root_element(text: &str) -> Option<&str> {
    let mut rest = text.trim_start_matches(['\u{feff}', ' ', '\t', '\n', '\r']);
    loop {
        let skipped = if rest.starts_with("<?") {
            rest.find("?>").map(|i| i + 2)
        } else if rest.starts_with("<!--") {
            rest.find("-->").map(|i| i + 3)
        } else if rest.starts_with("<!") {
            doctype_end(rest)
        } else {
            break;
        };
        // An unterminated prologue is still XML; the XML reader says what is wrong.
        rest = rest[skipped.unwrap_or(rest.len())..].trim_start();
        if rest.is_empty() {
            return Some("");
        }
    }
    let tag = rest.strip_prefix('<')?;
    let end = tag
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(tag.len());
    Some(&tag[..end])
}

/// Where a `<!DOCTYPE ...>` ends; its internal subset `[...]` may hold `>`.
fn doctype_end(s: &str) -> Option<usize> {
    let mut in_subset = false;
    for (i, c) in s.char_indices() {
        match c {
            '[' => in_subset = true,
            ']' => in_subset = false,
            '>' if !in_subset => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// Collapses runs of whitespace to one space and trims, as titles are shown.
pub(crate) fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// 1-based line of byte `offset` in `text`.
pub(crate) fn line_at(text: &str, offset: usize) -> u32 {
    let offset = offset.min(text.len());
    1 + text.as_bytes()[..offset]
        .iter()
        .filter(|b| **b == b'\n')
        .count() as u32
}

#[cfg(test)]
#[path = "mod_tests.rs"]
mod tests;

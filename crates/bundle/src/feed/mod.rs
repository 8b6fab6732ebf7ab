//! Reading news feeds (RSS 2.0, RSS 1.0/RDF, Atom, a feed reader's copied text) into [`FeedItem`]s.
//!
//! The format is detected from the content, never the file name. Each reader
//! turns one file into items plus per-item problems; [`merge`] folds several
//! snapshots of one feed into one item per article. What an item *means*
//! (kind, release, subsystems, kernel or not) is decided later, in
//! [`crate::feed_post`].

pub mod html;
pub mod link;

use kernel_news_core::date::DateTime;

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
}

/// Collapses runs of whitespace to one space and trims, as titles are shown.
pub(crate) fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

//! The JSON bundle contract: what the bundler writes and the viewer reads.
//!
//! Field names and enum spellings here are the wire format documented in
//! `docs/bundle-format.md`; changing one is a `FORMAT_VERSION` bump.

use serde::{Deserialize, Serialize};

/// Version of the bundle layout. The viewer refuses any other value with a
/// readable message rather than guessing at fields it does not know.
pub const FORMAT_VERSION: u32 = 7;

/// The whole archive: every post, the release calendar and what the build
/// noticed. A split archive's manifest is the same without posts, with the
/// chunks that hold them ([`crate::chunks::Manifest`]).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Bundle {
    pub format_version: u32,
    /// `kernel-news-bundle <version>`; never a timestamp, so output stays reproducible.
    pub generator: String,
    /// Newest first by date, then by path; empty in a split archive's
    /// manifest, whose posts are in its chunks.
    #[serde(default)]
    pub posts: Vec<Post>,
    /// Mainline tags in kernel order (v6.7-rc8 < v6.7 < v6.8-rc1).
    pub releases: Vec<Release>,
    /// Display names of every subsystem id used by an entry, sorted by id.
    #[serde(default)]
    pub subsystems: Vec<Subsystem>,
    pub warnings: Vec<Warning>,
    /// The Atom feeds written beside the bundle (`--base-url`); absent when none were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feeds: Option<Feeds>,
}

/// The Atom feeds beside the bundle, so the viewer offers them without fetching anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feeds {
    /// The viewer's absolute URL the feeds link to, ending in `/`.
    pub base_url: String,
    /// Each feed file, relative to the bundle's directory: `feeds/all.atom`,
    /// `feeds/sub-mm.atom` (see [`crate::subscribe`]).
    pub files: Vec<String>,
}

/// The source of the posts read from content trees.
pub const SOURCE_LKML_NEWS: &str = "lkml-news";
/// The source of LWN.net feed items.
pub const SOURCE_LWN: &str = "lwn";

fn lkml_news() -> String {
    SOURCE_LKML_NEWS.to_string()
}

/// One news post: one markdown file, or the feed items of one source filed
/// under one release (see `docs/bundle-format.md`, "Feed posts").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Post {
    /// URL-safe, derived from the path: `ko/lkml_news_v4.15` -> `ko-lkml-news-v4-15`.
    pub id: String,
    /// The ids of copies of this post elsewhere in the tree (the same post
    /// kept at two paths), bundled once as this one: their permalinks open it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// Where the post comes from: [`SOURCE_LKML_NEWS`] or [`SOURCE_LWN`].
    #[serde(default = "lkml_news")]
    pub source: String,
    /// Relative to its content root, with `/` separators; for a feed post,
    /// `<source>/<release or group>` (it has no file of its own).
    pub path: String,
    pub title: String,
    /// RFC 3339 with the author's offset, as written (normalised form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The kernel tag the post is about, e.g. `v6.7-rc4`; absent for intro posts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release: Option<String>,
    pub release_source: ReleaseSource,
    /// The release cycle the post's news belongs to: `v6.7` for a v6.7-rc4 post
    /// and also for an "after v6.6" post, which covers v6.7's merge window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cycle: Option<String>,
    /// `en` or `ko`.
    pub lang: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<String>,
    /// Markdown before the first entry heading.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub preamble: String,
    pub entries: Vec<Entry>,
    /// Release-stat charts shown in the preamble, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charts: Vec<ChartRef>,
}

/// Where a post entry's own date came from ([`crate::posted`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateFrom {
    /// The time stamp the mailer wrote into the message-id.
    MessageId,
    /// The release calendar's date of the tag a release announcement names.
    ReleaseTag,
}

/// How an entry's author was found, when its heading names none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthorsFrom {
    /// The sender address in its message-id, as other entries (or the author
    /// map) name it.
    Sender,
}

/// Where a post's release came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReleaseSource {
    Title,
    FileName,
    /// Title and file name disagreed; the post date against the release calendar decided.
    Date,
    #[default]
    None,
}

/// One item of a post: a patch series, a pull request, Linus's release mail ...
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// `<post id>/<title slug>`, stable when other posts change, unique in the
    /// bundle. Not written to the bundle: [`crate::ids::assign_entries`] derives
    /// it from the titles, in the bundler and again when a bundle is loaded.
    #[serde(default, skip_serializing)]
    pub id: String,
    /// The heading as written, without the trailing `(Author)`.
    pub title: String,
    pub kind: EntryKind,
    /// `v3` for `[PATCH v3 ...]`, `-V3`, `PATCHv3`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patch_version: Option<u32>,
    /// `0/9` in `[PATCH 0/9]`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<Series>,
    /// The patch series this entry is a posting (or a write-up of a posting)
    /// of, shared by every version: `khugepaged-mthp-support`. Set by
    /// [`crate::series::assign`]; absent for entries that are no posting of
    /// a series (pull requests, release announcements, LWN's weekly editions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series_id: Option<String>,
    /// Tree named in the subject tag: `mm-new`, `net-next`, `-mm`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tree: Option<String>,
    /// Canonical hierarchical ids (`mm`, `mm/damon`, `arch/x86`), sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subsystems: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// How `authors` was found when not from the heading ([`crate::sender`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authors_from: Option<AuthorsFrom>,
    /// The sender's address, lowercased, read from the message-id git
    /// send-email wrote (`joel@joelfernandes.org`); `a:` matches it too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<String>,
    /// The entry's markdown below its heading.
    pub body: String,
    /// 0-based position among the post's entries; derived like `id`.
    #[serde(default, skip_serializing)]
    pub position: u32,
    /// 1-based line of the heading in the source file.
    pub line: u32,
    /// Release-stat charts shown in the body, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub charts: Vec<ChartRef>,
    /// The entry's own date: a feed item's (RFC 3339), or the posting's UTC
    /// day (`YYYY-MM-DD`) a post entry's message-id or release tag gives (see
    /// `date_from`). Absent: the post's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Post entries: where `date` came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_from: Option<DateFrom>,
    /// Feed items: `date` was not in the item but taken from its neighbours in the feed.
    #[serde(default, skip_serializing_if = "is_false")]
    pub date_estimated: bool,
    /// Feed items: the article's canonical link, the entry's primary link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Feed items: LWN's `[$] ` title marker (removed from `title`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub subscriber_only: bool,
    /// Feed items: where this item's release came from (the post's `release`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_source: Option<ReleaseSource>,
}

impl Default for Post {
    /// An empty post of the [`SOURCE_LKML_NEWS`] source, as a bundle without `source` reads.
    fn default() -> Post {
        Post {
            id: String::new(),
            also: Vec::new(),
            source: lkml_news(),
            path: String::new(),
            title: String::new(),
            date: None,
            release: None,
            release_source: ReleaseSource::None,
            cycle: None,
            lang: String::new(),
            tags: Vec::new(),
            categories: Vec::new(),
            preamble: String::new(),
            entries: Vec::new(),
            charts: Vec::new(),
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Post {
    /// The cycle whose merge window the post covers when that is not its own
    /// release's cycle: `v6.7` for an "after v6.6" post.
    pub fn merge_window_of(&self) -> Option<&str> {
        let release: crate::KernelVersion = self.release.as_deref()?.parse().ok()?;
        let cycle = self.cycle.as_deref()?;
        (cycle.parse::<crate::KernelVersion>().ok()? != release.cycle()).then_some(cycle)
    }

    /// The calendar day the author wrote (`2023-11-28`), as dated in the post.
    pub fn day(&self) -> Option<&str> {
        self.date.as_deref().map(|d| d.get(..10).unwrap_or(d))
    }
}

impl Entry {
    /// Every link in the body, in order. They are read from the body when
    /// asked rather than stored: in the bundle they would repeat each URL,
    /// which cost about a tenth of its compressed size.
    pub fn links(&self) -> Vec<Link> {
        crate::links::extract_links(&self.body)
    }

    /// The calendar day the entry is dated: a feed item's own (`2026-05-14`),
    /// else its post's, as [`Post::day`] reads it.
    pub fn day<'a>(&'a self, post: &'a Post) -> Option<&'a str> {
        match &self.date {
            Some(d) => Some(d.get(..10).unwrap_or(d)),
            None => post.day(),
        }
    }

    /// The entry's primary link: a feed item's own article, else the thread
    /// on lore.kernel.org (the first link that names a message-id), else the
    /// first link as written.
    pub fn thread_url(&self) -> Option<String> {
        if let Some(url) = &self.url {
            return Some(url.clone());
        }
        let links = self.links();
        links
            .iter()
            .find_map(|l| {
                (l.message_id.as_deref())
                    .map(|id| format!("https://lore.kernel.org/r/{}", crate::viewstate::encode(id)))
            })
            .or_else(|| links.first().map(|l| l.url.clone()))
    }
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Patch,
    Rfc,
    PullRequest,
    /// A release announcement (`Linux 6.7-rc4`).
    Release,
    /// Bug report or regression.
    BugReport,
    Discussion,
    /// Conference topic or planning (LSF/MM/BPF, Kernel Summit, Plumbers).
    Conference,
    /// A feature article (LWN's `[$]` items).
    Article,
    /// A report on a merge window ("The first half of the 7.2 merge window").
    MergeWindow,
    /// "LWN.net Weekly Edition for May 14, 2026".
    WeeklyEdition,
    /// A short news item.
    Brief,
    /// "Security updates for Thursday".
    SecurityUpdates,
    #[default]
    Other,
}

impl EntryKind {
    pub const ALL: [EntryKind; 13] = [
        EntryKind::Patch,
        EntryKind::Rfc,
        EntryKind::PullRequest,
        EntryKind::Release,
        EntryKind::BugReport,
        EntryKind::Discussion,
        EntryKind::Conference,
        EntryKind::Article,
        EntryKind::MergeWindow,
        EntryKind::WeeklyEdition,
        EntryKind::Brief,
        EntryKind::SecurityUpdates,
        EntryKind::Other,
    ];

    /// The wire spelling, also used in URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Patch => "patch",
            EntryKind::Rfc => "rfc",
            EntryKind::PullRequest => "pull_request",
            EntryKind::Release => "release",
            EntryKind::BugReport => "bug_report",
            EntryKind::Discussion => "discussion",
            EntryKind::Conference => "conference",
            EntryKind::Article => "article",
            EntryKind::MergeWindow => "merge_window",
            EntryKind::WeeklyEdition => "weekly_edition",
            EntryKind::Brief => "brief",
            EntryKind::SecurityUpdates => "security_updates",
            EntryKind::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Patch => "patch",
            EntryKind::Rfc => "RFC",
            EntryKind::PullRequest => "pull request",
            EntryKind::Release => "release",
            EntryKind::BugReport => "bug / regression",
            EntryKind::Discussion => "discussion",
            EntryKind::Conference => "conference",
            EntryKind::Article => "article",
            EntryKind::MergeWindow => "merge-window report",
            EntryKind::WeeklyEdition => "weekly edition",
            EntryKind::Brief => "brief",
            EntryKind::SecurityUpdates => "security updates",
            EntryKind::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Series {
    /// 0 for a cover letter.
    pub index: u32,
    pub total: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub url: String,
    /// Set for lkml.kernel.org/r/ID and lore.kernel.org/[list/]ID links.
    pub message_id: Option<String>,
}

/// A release-statistics chart a post showed as an image; the viewer draws it live where the image was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartRef {
    /// The image URL exactly as written in the markdown (the viewer finds `![alt](src)` by it).
    pub src: String,
    pub kind: ChartKind,
    /// Releases chart: the window's first tag when the name gives one (`v5.16-rc5`).
    pub from: Option<String>,
    /// The last tag shown: the post's release in practice (`v6.7-rc4`).
    pub until: String,
    /// Same-rc chart: the rc number (`Some(4)` for v6.7-rc4-only); `None` means final releases.
    pub rc: Option<u32>,
}

/// What a [`ChartRef`] plots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Every tag in a window (`v5.16-rc5..v6.7-rc4.png`).
    Releases,
    /// The same rc number of each cycle (`v6.7-rc4-only.png`).
    SameRc,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subsystem {
    pub id: String,
    pub name: String,
}

/// Per-tag statistics: `git diff --shortstat <previous tag>..<tag>`. Null is unknown, never zero.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Release {
    pub version: String,
    /// `YYYY-MM-DD` (UTC).
    pub date: Option<String>,
    pub files: Option<u64>,
    pub insertions: Option<u64>,
    pub deletions: Option<u64>,
    /// `date` is not known but inferred from the release cadence (rc1 two
    /// weeks after the previous final, then weekly).
    #[serde(default, skip_serializing_if = "is_false")]
    pub estimated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    pub level: WarningLevel,
    /// Path of the file concerned, relative to its content root where there is one.
    pub path: String,
    pub line: Option<u32>,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningLevel {
    Warning,
    /// The file could not be bundled at all.
    Error,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_kind_wire_names_match_serde() {
        for kind in EntryKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
    }

    #[test]
    fn an_after_post_names_the_merge_window_it_covers() {
        let mut p: Post = serde_json::from_str(
            r#"{"id":"p","path":"p.md","title":"t","date":null,"release":"v6.6",
            "release_source":"title","cycle":"v6.7","lang":"en","tags":[],"categories":[],
            "preamble":"","entries":[]}"#,
        )
        .unwrap();
        assert_eq!(p.merge_window_of(), Some("v6.7"));
        p.release = Some("v6.7-rc4".into());
        assert_eq!(p.merge_window_of(), None);
        p.release = None;
        assert_eq!(p.merge_window_of(), None);
    }

    #[test]
    fn thread_url_prefers_a_message_id_on_lore() {
        let mut e: Entry =
            serde_json::from_str(r#"{"title":"x","kind":"patch","body":"","line":1}"#).unwrap();
        assert_eq!(e.thread_url(), None);
        e.body = "See https://example.org/a and\nhttps://lkml.kernel.org/r/20231128.1-1-a@b.com\n"
            .into();
        assert_eq!(
            e.thread_url().as_deref(),
            Some("https://lore.kernel.org/r/20231128.1-1-a@b.com")
        );
        e.body = "See https://example.org/a.".into();
        assert_eq!(e.thread_url().as_deref(), Some("https://example.org/a"));
    }

    #[test]
    fn derived_and_empty_fields_stay_out_of_the_bundle() {
        let e: Entry = serde_json::from_str(
            r#"{"id":"p/x","title":"x","kind":"patch","patch_version":null,"subsystems":[],
            "body":"b","position":3,"line":1}"#,
        )
        .unwrap();
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"title":"x","kind":"patch","body":"b","line":1}"#
        );
    }

    #[test]
    fn true_flags_are_written_and_false_ones_left_out() {
        let e = Entry {
            title: "x".into(),
            body: "b".into(),
            line: 1,
            date_estimated: true,
            subscriber_only: true,
            ..Default::default()
        };
        let json = serde_json::to_string(&e).unwrap();
        assert!(json.contains(r#""date_estimated":true"#), "{json}");
        assert!(json.contains(r#""subscriber_only":true"#), "{json}");
        let read: Entry = serde_json::from_str(&json).unwrap();
        assert!(read.date_estimated && read.subscriber_only);
        let plain = Entry {
            date_estimated: false,
            subscriber_only: false,
            ..e
        };
        let json = serde_json::to_string(&plain).unwrap();
        assert!(
            !json.contains("date_estimated") && !json.contains("subscriber_only"),
            "{json}"
        );
    }

    #[test]
    fn release_source_serialises_snake_case() {
        let json = serde_json::to_string(&ReleaseSource::FileName).unwrap();
        assert_eq!(json, "\"file_name\"");
    }
}

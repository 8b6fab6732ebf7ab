//! The Atom feeds beside the bundle: which exist, what they are called, what
//! each item's ids and links are, and what the viewer offers to subscribe to.
//!
//! The bundler (`kernel-news-bundle --base-url URL`) writes them; the viewer
//! learns which exist from the bundle's `feeds` field, so it fetches nothing.
//!
//! - `feeds/all.atom`: the whole archive;
//! - `feeds/sub-<id>.atom`: one per top-level subsystem with entries (`mm`
//!   holds `mm` and `mm/damon` entries);
//! - `feeds/source-<id>.atom`: one per source, once there is more than one.
//!
//! Each holds the newest [`FEED_ENTRIES`] dated entries (entries with no date
//! of their own nor their post's are left out: Atom needs `updated`).
//! Ids are `tag:` URIs (RFC 4151): `tag:<base URL host>,2026-01-01:entry/<entry id>`.

use std::collections::BTreeSet;

use crate::date::DateTime;
use crate::viewstate::{encode, Open, ViewState};
use crate::{Bundle, Entry, Post};

/// The newest entries each feed holds.
pub const FEED_ENTRIES: usize = 50;
/// The longest summary, in characters, before it is cut at a word with `…`.
pub const SUMMARY_CHARS: usize = 400;
/// The feeds' directory, beside the bundle file (and the viewer's index.html).
pub const FEEDS_DIR: &str = "feeds";
/// The whole-archive feed, relative to the viewer's page.
pub const ALL_FEED: &str = "feeds/all.atom";
/// The date part of every `tag:` id (RFC 4151 wants a day the authority was
/// held; fixed, so ids never change between builds).
pub const TAG_DATE: &str = "2026-01-01";
pub const ATOM_TYPE: &str = "application/atom+xml";
/// The head's `<link rel="alternate">` title for [`ALL_FEED`].
pub const ALL_FEED_TITLE: &str = "kernel-news: the whole archive (Atom)";

/// One feed the bundler writes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum FeedOf {
    All,
    /// A top-level subsystem id (`mm`, `arch`).
    Subsystem(String),
    /// A source id (`lkml-news`, `lwn`).
    Source(String),
}

impl FeedOf {
    /// The name without directory or extension: `all`, `sub-mm`, `source-lwn`.
    pub fn key(&self) -> String {
        match self {
            FeedOf::All => "all".to_string(),
            FeedOf::Subsystem(id) => format!("sub-{}", file_safe(id)),
            FeedOf::Source(id) => format!("source-{}", file_safe(id)),
        }
    }

    /// The file, relative to the bundle's directory: `feeds/sub-mm.atom`.
    pub fn file(&self) -> String {
        format!("{FEEDS_DIR}/{}.atom", self.key())
    }

    /// The viewer's fragment for the same selection: ``, `#sub=mm`, `#source=lwn`.
    pub fn fragment(&self) -> String {
        match self {
            FeedOf::All => String::new(),
            FeedOf::Subsystem(id) => format!("#sub={}", encode(id)),
            FeedOf::Source(id) => format!("#source={}", encode(id)),
        }
    }

    pub fn title(&self, bundle: &Bundle) -> String {
        match self {
            FeedOf::All => "kernel-news".to_string(),
            FeedOf::Subsystem(id) => {
                let name = (bundle.subsystems.iter())
                    .find(|s| &s.id == id)
                    .map_or(id.as_str(), |s| s.name.as_str());
                format!("kernel-news: {name}")
            }
            FeedOf::Source(id) => format!("kernel-news: {id}"),
        }
    }

    pub fn holds(&self, post: &Post, entry: &Entry) -> bool {
        match self {
            FeedOf::All => true,
            FeedOf::Subsystem(id) => entry.subsystems.iter().any(|s| top_level(s) == id),
            FeedOf::Source(id) => &post.source == id,
        }
    }
}

/// The feed file of a subsystem filter value, when it is top-level: `mm` ->
/// `feeds/sub-mm.atom`; `mm/damon` has none (its entries are in `mm`'s).
pub fn feed_file(subsystem: &str) -> Option<String> {
    (!subsystem.is_empty() && !subsystem.contains('/'))
        .then(|| FeedOf::Subsystem(subsystem.to_string()).file())
}

/// `mm/damon` -> `mm`.
pub fn top_level(subsystem: &str) -> &str {
    subsystem.split('/').next().unwrap_or(subsystem)
}

/// Ids are made of `[a-z0-9.-]` already; anything else becomes `-`.
fn file_safe(id: &str) -> String {
    id.chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | '_' | '.' => c,
            _ => '-',
        })
        .collect()
}

/// Checks `--base-url`: absolute `http(s)://host/...`, without query or
/// fragment; a missing trailing `/` is added (it names the viewer's directory).
pub fn normalize_base(url: &str) -> Result<String, String> {
    let url = url.trim();
    let rest = (url.strip_prefix("https://"))
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| {
            format!("--base-url {url:?} is not an absolute http:// or https:// URL; expected e.g. https://example.org/kernel-news/")
        })?;
    if url.contains(['?', '#']) || url.chars().any(char::is_whitespace) {
        return Err(format!(
            "--base-url {url:?} has a query, a fragment or a space; expected the viewer's directory, e.g. https://example.org/kernel-news/"
        ));
    }
    if authority(rest).is_empty() {
        return Err(format!("--base-url {url:?} names no host"));
    }
    Ok(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

/// The host of a normalised base URL, without user, port or brackets:
/// the `tag:` URIs' authority.
pub fn tag_authority(base: &str) -> String {
    let rest = base.split_once("://").map_or(base, |(_, r)| r);
    authority(rest).to_ascii_lowercase()
}

fn authority(after_scheme: &str) -> String {
    let auth = after_scheme.split('/').next().unwrap_or("");
    let host = auth.rsplit_once('@').map_or(auth, |(_, h)| h);
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    host.to_string()
}

fn tag(base: &str, specific: &str) -> String {
    format!("tag:{},{TAG_DATE}:{specific}", tag_authority(base))
}

/// `tag:example.org,2026-01-01:entry/lkml-news-v6-7-rc4/mm-damon`.
pub fn entry_tag(base: &str, entry_id: &str) -> String {
    tag(base, &format!("entry/{}", encode(entry_id)))
}

/// `tag:example.org,2026-01-01:feed/sub-mm`.
pub fn feed_tag(base: &str, feed: &FeedOf) -> String {
    tag(base, &format!("feed/{}", feed.key()))
}

/// The entry's permalink in the viewer: `<base>#entry=<id>`, as the entry
/// view's "Copy link" forms it (no filters, so it never goes stale).
pub fn permalink(base: &str, entry_id: &str) -> String {
    let fragment = ViewState::permalink(Open::Entry(entry_id.to_string()));
    format!("{base}{fragment}")
}

/// The entry's body as text, cut at a word before [`SUMMARY_CHARS`].
pub fn summary(body: &str) -> String {
    let text = crate::markdown::plain_text(body);
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= SUMMARY_CHARS {
        return text;
    }
    let cut: String = text.chars().take(SUMMARY_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > cut.len() / 2 => &cut[..i],
        _ => &cut,
    };
    format!("{}…", cut.trim_end())
}

/// The entry's date for its feed item, as RFC 3339 with its UTC seconds:
/// its own, else its post's; a day alone is its midnight UTC.
pub fn updated(post: &Post, entry: &Entry) -> Option<(i64, String)> {
    let d = (entry.date.as_deref())
        .and_then(DateTime::parse)
        .or_else(|| post.date.as_deref().and_then(DateTime::parse))?;
    Some((d.unix_seconds(), d.to_rfc3339()))
}

/// One feed item: where it is in the bundle and its date.
#[derive(Debug, Clone, PartialEq)]
pub struct Item<'a> {
    pub post: &'a Post,
    pub entry: &'a Entry,
    pub updated: String,
}

/// The newest [`FEED_ENTRIES`] dated entries of `feed`, newest first (the
/// bundle's order among equal dates).
pub fn items<'a>(bundle: &'a Bundle, feed: &FeedOf) -> Vec<Item<'a>> {
    let mut all: Vec<(i64, Item<'a>)> = (bundle.posts.iter())
        .flat_map(|p| p.entries.iter().map(move |e| (p, e)))
        .filter(|(p, e)| feed.holds(p, e))
        .filter_map(|(post, entry)| {
            let (secs, updated) = updated(post, entry)?;
            Some((
                secs,
                Item {
                    post,
                    entry,
                    updated,
                },
            ))
        })
        .collect();
    all.sort_by_key(|(secs, _)| std::cmp::Reverse(*secs));
    all.truncate(FEED_ENTRIES);
    all.into_iter().map(|(_, item)| item).collect()
}

/// Every feed with at least one dated entry: the whole archive, each
/// top-level subsystem (sorted), each source when there are two or more.
pub fn plan(bundle: &Bundle) -> Vec<FeedOf> {
    let mut subs = BTreeSet::new();
    let mut sources = BTreeSet::new();
    for post in &bundle.posts {
        for entry in &post.entries {
            if updated(post, entry).is_some() {
                sources.insert(post.source.clone());
                for s in &entry.subsystems {
                    subs.insert(top_level(s).to_string());
                }
            }
        }
    }
    if sources.is_empty() {
        return Vec::new();
    }
    let mut out = vec![FeedOf::All];
    out.extend(subs.into_iter().map(FeedOf::Subsystem));
    if sources.len() > 1 {
        out.extend(sources.into_iter().map(FeedOf::Source));
    }
    out
}

/// The viewer's "Subscribe" link: its href (relative to the page), text and
/// tooltip.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub href: String,
    pub text: String,
    pub title: String,
}

/// What to offer for the current subsystem filter: its feed when exactly
/// one top-level subsystem is picked and has one, the whole archive's when
/// none is picked; else nothing. `files` is the bundle's `feeds.files`.
pub fn offer(files: &[String], picked: Option<&BTreeSet<String>>) -> Option<Offer> {
    let picked: Vec<&String> = picked.into_iter().flatten().collect();
    let (href, what) = match picked.as_slice() {
        [] => (ALL_FEED.to_string(), "the whole archive".to_string()),
        [one] => (feed_file(one)?, one.to_string()),
        _ => return None,
    };
    files.contains(&href).then(|| Offer {
        text: "Subscribe (Atom)".to_string(),
        title: format!("A feed of the newest {FEED_ENTRIES} entries of {what}, for a feed reader"),
        href,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Subsystem;

    fn entry(id: &str, subs: &[&str], date: Option<&str>) -> Entry {
        Entry {
            id: id.to_string(),
            title: id.to_string(),
            subsystems: subs.iter().map(|s| s.to_string()).collect(),
            date: date.map(str::to_string),
            ..Entry::default()
        }
    }

    fn bundle() -> Bundle {
        Bundle {
            format_version: crate::FORMAT_VERSION,
            generator: "test".into(),
            posts: vec![
                Post {
                    id: "p".into(),
                    date: Some("2023-11-28T06:35:48-08:00".into()),
                    entries: vec![
                        entry("p/a", &["mm/damon"], None),
                        entry("p/b", &["arch/x86", "mm"], Some("2023-11-29")),
                    ],
                    ..Post::default()
                },
                Post {
                    id: "q".into(),
                    source: "lwn".into(),
                    entries: vec![entry("q/undated", &["bpf"], None)],
                    ..Post::default()
                },
            ],
            releases: vec![],
            subsystems: vec![Subsystem {
                id: "mm".into(),
                name: "Memory management".into(),
            }],
            warnings: vec![],
            feeds: None,
        }
    }

    #[test]
    fn plan_lists_dated_top_levels_and_one_source_only_once_two_are_dated() {
        let b = bundle();
        assert_eq!(
            plan(&b),
            [
                FeedOf::All,
                FeedOf::Subsystem("arch".into()),
                FeedOf::Subsystem("mm".into())
            ]
        );
        let files: Vec<String> = plan(&b).iter().map(FeedOf::file).collect();
        assert_eq!(
            files,
            ["feeds/all.atom", "feeds/sub-arch.atom", "feeds/sub-mm.atom"]
        );
        let mut two = b.clone();
        two.posts[1].date = Some("2024-01-01".into());
        assert!(plan(&two).contains(&FeedOf::Source("lwn".into())));
        assert!(plan(&two).contains(&FeedOf::Source("lkml-news".into())));
        assert!(plan(&Bundle { posts: vec![], ..b }).is_empty());
    }

    #[test]
    fn items_are_newest_first_dated_and_bounded() {
        let b = bundle();
        let mm = items(&b, &FeedOf::Subsystem("mm".into()));
        let ids: Vec<&str> = mm.iter().map(|i| i.entry.id.as_str()).collect();
        assert_eq!(ids, ["p/b", "p/a"]);
        assert_eq!(mm[0].updated, "2023-11-29T00:00:00Z");
        assert_eq!(mm[1].updated, "2023-11-28T06:35:48-08:00");
        let mut big = b.clone();
        big.posts[0].entries = (0..FEED_ENTRIES + 7)
            .map(|i| entry(&format!("p/{i}"), &[], Some("2023-01-01")))
            .collect();
        assert_eq!(items(&big, &FeedOf::All).len(), FEED_ENTRIES);
        assert_eq!(
            FeedOf::Subsystem("mm".into()).title(&b),
            "kernel-news: Memory management"
        );
    }

    #[test]
    fn ids_and_links_are_tag_uris_and_viewer_permalinks() {
        let base = normalize_base("https://User@Example.org:8443/kernel-news").unwrap();
        assert_eq!(base, "https://User@Example.org:8443/kernel-news/");
        assert_eq!(
            entry_tag(&base, "p/mm damon"),
            "tag:example.org,2026-01-01:entry/p/mm+damon"
        );
        assert_eq!(
            feed_tag(&base, &FeedOf::All),
            "tag:example.org,2026-01-01:feed/all"
        );
        assert_eq!(
            permalink("http://127.0.0.1:8080/", "lkml-news-v6-7/mm-x"),
            "http://127.0.0.1:8080/#entry=lkml-news-v6-7/mm-x"
        );
        assert_eq!(tag_authority("http://[::1]:8080/"), "::1");
        assert!(normalize_base("example.org/x").is_err());
        assert!(normalize_base("https:///x").is_err());
        assert!(normalize_base("https://e.org/?a").is_err());
    }

    #[test]
    fn summaries_are_text_and_bounded() {
        assert_eq!(
            summary("**bold** [link](https://x.org/) `c`"),
            "bold link c"
        );
        let long = "word ".repeat(200);
        let s = summary(&long);
        assert!(s.ends_with("word…"), "{s}");
        assert!(s.chars().count() <= SUMMARY_CHARS + 1);
    }

    #[test]
    fn a_summary_is_cut_at_its_last_word_only_in_its_second_half() {
        let words = "words ".repeat(100);
        assert_eq!(
            summary(&words),
            format!("{}…", "words ".repeat(66).trim_end())
        );
        // The only space is at the first half's end: cut at the limit instead.
        let halves = format!("{} {}", "x".repeat(200), "y".repeat(300));
        assert_eq!(
            summary(&halves),
            format!("{} {}…", "x".repeat(200), "y".repeat(199))
        );
        let early = format!("a {}", "x".repeat(500));
        assert_eq!(summary(&early), format!("a {}…", "x".repeat(398)));
    }

    #[test]
    fn each_feed_holds_its_own_entries() {
        let b = bundle();
        let holders = |feed: FeedOf| -> Vec<&str> {
            (b.posts.iter())
                .flat_map(|p| p.entries.iter().map(move |e| (p, e)))
                .filter(|(p, e)| feed.holds(p, e))
                .map(|(_, e)| e.id.as_str())
                .collect()
        };
        assert_eq!(holders(FeedOf::All), ["p/a", "p/b", "q/undated"]);
        assert_eq!(holders(FeedOf::Subsystem("mm".into())), ["p/a", "p/b"]);
        assert_eq!(holders(FeedOf::Source("lwn".into())), ["q/undated"]);
    }

    #[test]
    fn only_a_top_level_subsystem_has_a_feed_file() {
        assert_eq!(feed_file("mm/damon"), None);
        assert_eq!(feed_file(""), None);
    }

    #[test]
    fn the_offer_follows_the_subsystem_filter() {
        let files = vec![
            "feeds/all.atom".to_string(),
            "feeds/sub-mm.atom".to_string(),
        ];
        let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
        assert_eq!(offer(&files, None).unwrap().href, "feeds/all.atom");
        assert_eq!(
            offer(&files, Some(&set(&[]))).unwrap().href,
            "feeds/all.atom"
        );
        let mm = offer(&files, Some(&set(&["mm"]))).unwrap();
        assert_eq!(mm.href, "feeds/sub-mm.atom");
        assert!(mm.title.contains("of mm"), "{}", mm.title);
        assert_eq!(offer(&files, Some(&set(&["mm/damon"]))), None);
        assert_eq!(offer(&files, Some(&set(&["bpf"]))), None);
        assert_eq!(offer(&files, Some(&set(&["mm", "bpf"]))), None);
        assert_eq!(offer(&[], None), None);
        assert_eq!(feed_file("mm").as_deref(), Some("feeds/sub-mm.atom"));
        assert_eq!(FeedOf::Subsystem("mm".into()).fragment(), "#sub=mm");
    }
}

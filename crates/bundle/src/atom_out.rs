//! The Atom feeds (RFC 4287) written beside the bundle with `--base-url`:
//! which feeds, their items, ids and links are [`kernel_news_core::subscribe`]'s;
//! here they become XML through `atom_syndication`, which does the escaping.
//!
//! Nothing depends on the clock: a feed's `updated` is its newest entry's
//! date, so the same input gives byte-identical files.

use std::path::{Path, PathBuf};

use atom_syndication::{
    Category, Entry, Feed, FixedDateTime, Generator, Link, Person, Text, WriteConfig,
};
use kernel_news_core::subscribe::{
    entry_tag, feed_tag, items, permalink, plan, summary, FeedOf, ATOM_TYPE, FEEDS_DIR,
    FEED_ENTRIES,
};
use kernel_news_core::{Bundle, Feeds};

use crate::build::write_atomic;

/// The feeds' directory beside `out` (the bundle file).
pub fn feeds_dir(out: &Path) -> PathBuf {
    out.parent().unwrap_or(Path::new("")).join(FEEDS_DIR)
}

/// The bundle's `feeds` field: every feed of [`plan`] when there is a base
/// URL, else `None` (feeds need absolute links).
pub fn listing(bundle: &Bundle, base_url: Option<&str>) -> Option<Feeds> {
    base_url.map(|base| Feeds {
        base_url: base.to_string(),
        files: plan(bundle).iter().map(FeedOf::file).collect(),
    })
}

/// Writes the feeds the bundle's `feeds` lists into `feeds/` beside `out`.
/// The directory is always made (empty without a base URL, so a static
/// build can copy it either way), and feeds of this writer's names in it that
/// this run did not write are removed, so no stale feed is served.
pub fn write_beside(bundle: &Bundle, out: &Path) -> std::io::Result<()> {
    let dir = feeds_dir(out);
    std::fs::create_dir_all(&dir)?;
    let mut files = Vec::new();
    if let Some(feeds) = &bundle.feeds {
        for feed in plan(bundle) {
            let file = feed.file();
            debug_assert!(feeds.files.contains(&file));
            let xml = feed_xml(bundle, &feeds.base_url, &feed);
            write_atomic(&out.parent().unwrap_or(Path::new("")).join(&file), &xml)?;
            files.push(file);
        }
    }
    for old in std::fs::read_dir(&dir)? {
        let path = old?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        // Only names this writer gives (`all.atom`, `sub-*.atom`,
        // `source-*.atom`): a feed of someone else's in the directory stays.
        let ours = name == "all.atom" || name.starts_with("sub-") || name.starts_with("source-");
        if ours && name.ends_with(".atom") && !files.contains(&format!("{FEEDS_DIR}/{name}")) {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}

/// The summary line's last part: how many feeds went where, or why none did.
pub fn summary_note(feeds: Option<&Feeds>, out: &Path) -> String {
    match feeds {
        None => "Atom feeds: none written (no --base-url)".to_string(),
        Some(f) if f.files.is_empty() => {
            "Atom feeds: none written (no entry has a date)".to_string()
        }
        Some(f) => format!(
            "Atom feeds: {} written to {} (the newest {FEED_ENTRIES} entries each)",
            f.files.len(),
            feeds_dir(out).display(),
        ),
    }
}

/// One feed as Atom XML (indented by two, with the XML declaration).
pub fn feed_xml(bundle: &Bundle, base: &str, feed: &FeedOf) -> String {
    let entries: Vec<Entry> = (items(bundle, feed).into_iter())
        .map(|item| {
            let e = item.entry;
            let mut links = vec![Link {
                href: permalink(base, &e.id),
                mime_type: Some("text/html".into()),
                ..Link::default()
            }];
            if let Some(thread) = e.thread_url() {
                links.push(Link {
                    href: thread,
                    rel: "related".into(),
                    title: Some("thread".into()),
                    ..Link::default()
                });
            }
            let text = summary(&e.body);
            Entry {
                title: Text::plain(e.title.clone()),
                id: entry_tag(base, &e.id),
                updated: date(&item.updated),
                authors: (e.authors.iter())
                    .map(|a| Person {
                        name: a.clone(),
                        ..Person::default()
                    })
                    .collect(),
                categories: (e.subsystems.iter())
                    .map(|s| Category {
                        term: s.clone(),
                        ..Category::default()
                    })
                    .collect(),
                links,
                summary: (!text.is_empty()).then(|| Text::plain(text)),
                ..Entry::default()
            }
        })
        .collect();
    let updated = entries
        .first()
        .map_or_else(|| date("1970-01-01T00:00:00Z"), |e| e.updated);
    let out = Feed {
        title: Text::plain(feed.title(bundle)),
        id: feed_tag(base, feed),
        updated,
        // The feed's author stands for entries that name none (RFC 4287 4.1.1).
        authors: vec![Person {
            name: "kernel-news".into(),
            ..Person::default()
        }],
        links: vec![
            Link {
                href: format!("{base}{}", feed.file()),
                rel: "self".into(),
                mime_type: Some(ATOM_TYPE.into()),
                ..Link::default()
            },
            Link {
                href: format!("{base}{}", feed.fragment()),
                mime_type: Some("text/html".into()),
                ..Link::default()
            },
        ],
        generator: Some(Generator {
            value: "kernel-news-bundle".into(),
            uri: None,
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
        entries,
        ..Feed::default()
    };
    let config = WriteConfig {
        write_document_declaration: true,
        indent_size: Some(2),
    };
    let bytes = (out.write_with_config(Vec::new(), config)).expect("writing to a Vec cannot fail");
    let mut xml = String::from_utf8(bytes).expect("atom_syndication writes UTF-8");
    xml.push('\n');
    xml
}

/// RFC 3339 as [`kernel_news_core::date::DateTime`] prints it always parses.
fn date(rfc3339: &str) -> FixedDateTime {
    FixedDateTime::parse_from_rfc3339(rfc3339).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_note_says_how_many_feeds_went_where_or_why_none_did() {
        let out = Path::new("site/bundle.json");
        assert_eq!(
            summary_note(None, out),
            "Atom feeds: none written (no --base-url)"
        );
        let mut feeds = Feeds {
            base_url: "https://example.org/".into(),
            files: Vec::new(),
        };
        assert_eq!(
            summary_note(Some(&feeds), out),
            "Atom feeds: none written (no entry has a date)"
        );
        feeds.files = vec!["feeds/all.atom".into(), "feeds/sub-mm.atom".into()];
        assert_eq!(
            summary_note(Some(&feeds), out),
            format!("Atom feeds: 2 written to site/feeds (the newest {FEED_ENTRIES} entries each)")
        );
    }
}

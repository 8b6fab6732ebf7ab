//! Assembling the deterministic bundle from content roots and release statistics.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use kernel_news_core::{
    date::parse_ymd, Bundle, KernelVersion, Post, Release, Subsystem, WarningLevel, FORMAT_VERSION,
};

use crate::cadence;
use crate::diagnostic::Diagnostic;
use crate::duplicate;
use crate::feed_post::{self, FeedSummary};
use crate::feed_topic::TopicRules;
use crate::feeds::read_feeds;
use crate::mailmap::Mailmap;
use crate::post::{read_post, PostRead};
use crate::release::Calendar;
use crate::subsystem::SubsystemTable;
pub use crate::summary::{AuthorSummary, SeriesSummary, SubsystemSummary, Summary};
use crate::walk::{find_posts, WalkError};
use kernel_news_core::ids::{self, Unique};

/// The shipped default release statistics, so the binary works from anywhere.
pub const DEFAULT_RELSTAT: &str = include_str!("../../../data/relstat/linux-mainline.tsv");
/// Where [`DEFAULT_RELSTAT`] lives in the repository, for messages about it.
const DEFAULT_RELSTAT_PATH: &str = "data/relstat/linux-mainline.tsv";

/// What to bundle.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub content: Vec<PathBuf>,
    /// Replaces the shipped statistics when non-empty; later files win per field.
    pub relstat: Vec<PathBuf>,
    /// A Linux repository to compute statistics from; wins over the files.
    pub git: Option<PathBuf>,
    pub include_drafts: bool,
    /// Feed files or directories of snapshots (`--feed`).
    pub feeds: Vec<PathBuf>,
    /// Keep feed items that are not kernel news too.
    pub all_feed_items: bool,
    /// Told how many posts there are and each one read; `None` tells nobody.
    pub progress: Option<Arc<dyn Progress>>,
}

/// A counting hook for a long build: [`build`] calls `start` once with the
/// number of post files the walks found (every root), `tick` as each one is
/// read (to be bundled, skipped as a draft or failed), and `finish` when the
/// bundle is assembled. The library only counts; what is shown, and where,
/// is the caller's (the CLI draws a bar on a terminal).
pub trait Progress: std::fmt::Debug + Send + Sync {
    fn start(&self, total: u64);
    fn tick(&self);
    fn finish(&self);
}

/// The bundle plus every problem, each as a [`Diagnostic`] the CLI prints.
#[derive(Debug)]
pub struct Built {
    pub bundle: Bundle,
    pub summary: Summary,
    /// In the order they were found; the bundle's `warnings` are these.
    pub diagnostics: Vec<Diagnostic>,
}

pub fn generator() -> String {
    format!("kernel-news-bundle {}", env!("CARGO_PKG_VERSION"))
}

/// Runs the whole build. Never fails as a whole: a broken file, a missing
/// directory or unreadable statistics become errors in the result.
pub fn build(opts: &Options) -> Built {
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let feeds = read_feeds(&opts.feeds, &mut diagnostics);
    let newest_news = (feeds.items())
        .filter_map(|i| i.date)
        .map(|d| d.utc_day())
        .max();
    let releases = cadence::grow(
        load_releases(opts, &mut diagnostics),
        &feed_post::announced(feeds.items()),
        newest_news,
    );
    let calendar: Calendar = releases
        .iter()
        .filter_map(|r| {
            Some((
                r.version.parse::<KernelVersion>().ok()?,
                parse_ymd(r.date.as_deref()?)?,
            ))
        })
        .collect();
    let table = SubsystemTable::builtin();

    let mut posts: Vec<Post> = Vec::new();
    let mut post_ids = Unique::default();
    let mut summary = Summary::default();
    // Every root walked first, so the progress knows the total.
    let walks: Vec<_> = (opts.content.iter())
        .map(|root| (root, find_posts(root)))
        .collect();
    let progress = opts.progress.as_deref();
    if let Some(p) = progress {
        let total = (walks.iter())
            .filter_map(|(_, w)| w.as_ref().ok())
            .map(|w| w.files.len() as u64)
            .sum();
        p.start(total);
    }
    for (root, walk) in walks {
        let walk = match walk {
            Ok(w) => w,
            Err(e) => {
                diagnostics.push(Diagnostic {
                    root: None,
                    path: root.display().to_string(),
                    line: None,
                    level: WarningLevel::Error,
                    message: format!(
                        "cannot read content directory: {e}; expected a directory of markdown posts"
                    ),
                });
                continue;
            }
        };
        // A problem with the file at `rel` inside this root.
        let at = |rel: &str, level, line, message: String| Diagnostic {
            root: Some(root.clone()),
            path: rel.to_string(),
            line,
            level,
            message,
        };
        for skipped in walk.skipped {
            let level = match skipped.error {
                // Nothing is missing: the posts there are read through another path.
                WalkError::Loop { .. } | WalkError::Aliased { .. } | WalkError::Again { .. } => {
                    WarningLevel::Warning
                }
                // A post may be what could not be read.
                WalkError::Dangling { .. } | WalkError::Io(_) => WarningLevel::Error,
            };
            diagnostics.push(at(&skipped.rel, level, None, skipped.error.to_string()));
        }
        let first_of_root = posts.len();
        for file in walk.files {
            if let Some(p) = progress {
                p.tick();
            }
            let bytes = match std::fs::read(&file.full) {
                Ok(b) => b,
                Err(e) => {
                    let message = format!("cannot read file: {e}");
                    diagnostics.push(at(&file.rel, WarningLevel::Error, None, message));
                    continue;
                }
            };
            let id = post_ids.claim(ids::post_id(&file.rel));
            match read_post(
                &bytes,
                &file.rel,
                id,
                opts.include_drafts,
                &calendar,
                &table,
            ) {
                Ok(PostRead::Post(post, warnings)) => {
                    for w in warnings {
                        diagnostics.push(at(&file.rel, WarningLevel::Warning, w.line, w.message));
                    }
                    posts.push(*post);
                }
                Ok(PostRead::Draft) => summary.drafts_skipped += 1,
                Err(e) => {
                    let line = e.line();
                    diagnostics.push(at(&file.rel, WarningLevel::Error, line, e.to_string()));
                }
            }
        }
        let folded = duplicate::fold_from(&mut posts, first_of_root);
        for (dropped, kept) in folded.posts {
            let message = format!(
                "the same post as {kept} (title, date and entries); bundled once, from {kept}, \
                 and this file's permalinks open it there; expected each post in one place"
            );
            diagnostics.push(at(&dropped, WarningLevel::Warning, None, message));
        }
        for (path, line, first) in folded.entries {
            let message = format!(
                "this entry repeats the one at line {first} (the same heading and message-id); bundled once"
            );
            diagnostics.push(at(&path, WarningLevel::Warning, Some(line), message));
        }
    }

    if !opts.feeds.is_empty() {
        let mut feed = FeedSummary {
            read: feeds.items().count(),
            ..Default::default()
        };
        let merged = feeds.merge(&calendar);
        feed.duplicates = merged.duplicates;
        let rules = TopicRules::builtin();
        let keep_all = opts.all_feed_items;
        for mut post in
            feed_post::posts(merged.items, &calendar, &table, &rules, keep_all, &mut feed)
        {
            let id = post_ids.claim(post.id.clone());
            // Entry ids start with the post's: only a renamed post needs them again.
            if id != post.id {
                post.id = id;
                ids::assign_entries(&mut post);
            }
            posts.push(post);
        }
        summary.feed = Some(feed);
    }

    // A tag a post names exists, even where the shipped table lacks it.
    let named: Vec<KernelVersion> = (posts.iter())
        .filter_map(|p| p.release.as_deref()?.parse().ok())
        .collect();
    let releases = cadence::with_named(releases, &named, newest_news);

    // Newest first; undated posts last; ties by path so the order is total.
    posts.sort_by_cached_key(|p| (std::cmp::Reverse(date_key(p)), p.path.clone()));

    let used: BTreeSet<&str> = posts
        .iter()
        .flat_map(|p| &p.entries)
        .flat_map(|e| e.subsystems.iter().map(String::as_str))
        .collect();
    let subsystems = used
        .into_iter()
        .map(|id| Subsystem {
            id: id.to_string(),
            name: table.display_name(id),
        })
        .collect();

    summary.posts = posts.len();
    summary.entries = posts.iter().map(|p| p.entries.len()).sum();
    let count = |level| diagnostics.iter().filter(|d| d.level == level).count();
    summary.warnings = count(WarningLevel::Warning);
    summary.errors = count(WarningLevel::Error);
    let mut bundle = Bundle {
        format_version: FORMAT_VERSION,
        generator: generator(),
        posts,
        releases,
        subsystems,
        warnings: diagnostics.iter().map(Diagnostic::to_warning).collect(),
        // Set by the CLI once the feeds are written (`atom_out`).
        feeds: None,
    };
    // Authors before series: the series split namesakes by author.
    let mailmap = Mailmap::builtin();
    let folded = mailmap.fold(&mut bundle);
    let cited = kernel_news_core::b4::message_ids(&bundle.posts);
    let senders = kernel_news_core::sender::assign(&mut bundle, &cited, mailmap.addresses());
    summary.authors = AuthorSummary::of(&bundle, folded, senders);
    // Posting dates first: a series is named by its earliest posting.
    kernel_news_core::posted::assign(&mut bundle, &cited);
    kernel_news_core::series::assign(&mut bundle.posts, &cited);
    summary.series = SeriesSummary::of(&bundle);
    summary.subsystems = SubsystemSummary::of(&bundle, &table);
    if let Some(p) = progress {
        p.finish();
    }
    Built {
        bundle,
        summary,
        diagnostics,
    }
}

/// `(has date, UTC seconds)`: dated posts sort above undated ones.
fn date_key(post: &Post) -> (bool, i64) {
    match post
        .date
        .as_deref()
        .and_then(kernel_news_core::date::DateTime::parse)
    {
        Some(d) => (true, d.unix_seconds()),
        None => (false, 0),
    }
}

/// The release table from the shipped or given statistics and the repository;
/// a source that cannot be read becomes an error and the others still count.
fn load_releases(opts: &Options, diagnostics: &mut Vec<Diagnostic>) -> Vec<Release> {
    let mut report = |path: &Path, line, message: String| {
        diagnostics.push(Diagnostic {
            root: None,
            path: path.display().to_string(),
            line,
            level: WarningLevel::Error,
            message,
        })
    };
    let mut sources = Vec::new();
    if opts.relstat.is_empty() {
        match crate::relstat::parse_tsv(DEFAULT_RELSTAT) {
            Ok(r) => sources.push(r),
            Err(e) => report(Path::new(DEFAULT_RELSTAT_PATH), e.line(), e.to_string()),
        }
    }
    for path in &opts.relstat {
        match std::fs::read_to_string(path) {
            Ok(text) => match crate::relstat::detect_and_parse(&text) {
                Ok(r) => sources.push(r),
                Err(e) => report(path, e.line(), e.to_string()),
            },
            Err(e) => report(path, None, format!("cannot read release statistics: {e}")),
        }
    }
    if let Some(repo) = &opts.git {
        match crate::relstat_git::from_git(repo) {
            Ok(r) => sources.push(r),
            Err(e) => report(repo, None, e.to_string()),
        }
    }
    crate::relstat::merge(sources)
}

/// Serialises the bundle. Pretty-printing would cost a third more bytes for
/// nobody's benefit; the output ends with a newline so diffs stay clean.
pub fn to_json(bundle: &Bundle) -> String {
    let mut s = serde_json::to_string(bundle).expect("bundle types always serialise");
    s.push('\n');
    s
}

/// Writes atomically (temp file + rename) so a viewer never loads half a bundle.
pub fn write_atomic(path: &Path, contents: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, contents)?;
    std::fs::rename(&tmp, path)
}

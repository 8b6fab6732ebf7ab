//! Assembling the deterministic bundle from content roots and release statistics.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use kernel_news_core::{
    date::parse_ymd, Bundle, KernelVersion, Post, Release, Subsystem, Warning, WarningLevel,
    FORMAT_VERSION,
};

use crate::post::{read_post, Outcome};
use crate::release::Calendar;
use crate::subsystem::SubsystemTable;
use crate::walk::find_posts;
use kernel_news_core::ids::{self, Unique};

/// The shipped default release statistics, so the binary works from anywhere.
pub const DEFAULT_RELSTAT: &str = include_str!("../../../data/relstat/linux-mainline.tsv");

/// What to bundle.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub content: Vec<PathBuf>,
    /// Replaces the shipped statistics when non-empty; later files win per field.
    pub relstat: Vec<PathBuf>,
    /// A Linux repository to compute statistics from; wins over the files.
    pub git: Option<PathBuf>,
    pub include_drafts: bool,
}

/// Counts for the closing summary line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub posts: usize,
    pub entries: usize,
    pub warnings: usize,
    pub errors: usize,
    pub drafts_skipped: usize,
}

/// The bundle plus every problem, each with the full path of its file so the
/// CLI can print `path:line: message`.
#[derive(Debug)]
pub struct Built {
    pub bundle: Bundle,
    pub summary: Summary,
    /// `(full path, warning)` in the order they were found.
    pub problems: Vec<(String, Warning)>,
}

pub fn generator() -> String {
    format!("kernel-news-bundle {}", env!("CARGO_PKG_VERSION"))
}

/// Runs the whole build. Never fails as a whole: a broken file, a missing
/// directory or unreadable statistics become errors in the result.
pub fn build(opts: &Options) -> Built {
    let mut problems: Vec<(String, Warning)> = Vec::new();
    let mut problem = |full: &str, path: &str, level, line, message: String| {
        let w = Warning {
            level,
            path: path.to_string(),
            line,
            message,
        };
        problems.push((full.to_string(), w));
    };

    let releases = load_releases(opts, &mut |full, line, msg| {
        problem(full, full, WarningLevel::Error, line, msg)
    });
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
    for root in &opts.content {
        let root_txt = root.display().to_string();
        let files = match find_posts(root) {
            Ok(f) => f,
            Err(e) => {
                let msg = format!(
                    "cannot read content directory: {e}; expected a directory of markdown posts"
                );
                problem(&root_txt, &root_txt, WarningLevel::Error, None, msg);
                continue;
            }
        };
        for file in files {
            let full = file.full.display().to_string();
            let bytes = match std::fs::read(&file.full) {
                Ok(b) => b,
                Err(e) => {
                    problem(
                        &full,
                        &file.rel,
                        WarningLevel::Error,
                        None,
                        format!("cannot read file: {e}"),
                    );
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
                Ok(Outcome::Post(post, warnings)) => {
                    for w in warnings {
                        problem(&full, &file.rel, WarningLevel::Warning, w.line, w.message);
                    }
                    posts.push(*post);
                }
                Ok(Outcome::Draft) => summary.drafts_skipped += 1,
                Err(e) => problem(
                    &full,
                    &file.rel,
                    WarningLevel::Error,
                    e.line(),
                    e.to_string(),
                ),
            }
        }
    }

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
    summary.warnings = problems
        .iter()
        .filter(|(_, w)| w.level == WarningLevel::Warning)
        .count();
    summary.errors = problems
        .iter()
        .filter(|(_, w)| w.level == WarningLevel::Error)
        .count();
    let bundle = Bundle {
        format_version: FORMAT_VERSION,
        generator: generator(),
        posts,
        releases,
        subsystems,
        warnings: problems.iter().map(|(_, w)| w.clone()).collect(),
    };
    Built {
        bundle,
        summary,
        problems,
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

fn load_releases(
    opts: &Options,
    report: &mut dyn FnMut(&str, Option<u32>, String),
) -> Vec<Release> {
    let mut sources = Vec::new();
    if opts.relstat.is_empty() {
        match crate::relstat::parse_tsv(DEFAULT_RELSTAT, "data/relstat/linux-mainline.tsv") {
            Ok(r) => sources.push(r),
            Err(e) => report("data/relstat/linux-mainline.tsv", None, e.to_string()),
        }
    }
    for path in &opts.relstat {
        let shown = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => match crate::relstat::detect_and_parse(&text, &shown) {
                Ok(r) => sources.push(r),
                Err(e) => report(&shown, e.line(), e.what()),
            },
            Err(e) => report(&shown, None, format!("cannot read release statistics: {e}")),
        }
    }
    if let Some(repo) = &opts.git {
        match crate::relstat_git::from_git(repo) {
            Ok(r) => sources.push(r),
            Err(e) => report(&repo.display().to_string(), None, e.to_string()),
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

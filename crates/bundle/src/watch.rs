//! `--watch`: the paths a build reads, and a debounced wait for the next save among them.
//!
//! Debouncing is notify's (notify-debouncer-full): an editor's save is a burst
//! of events (a temporary file written, renamed over the post, its metadata
//! touched) and a `git checkout` of a hundred posts is a longer one; each
//! burst is one rebuild. The build itself opens every file it reads, and
//! inotify reports those opens too, so only events that change something
//! count here; otherwise every rebuild would start the next one.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use notify_debouncer_full::notify::event::{AccessKind, AccessMode, EventKind};
use notify_debouncer_full::notify::{self, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};

use crate::build::Options;

/// How long the watched paths must be quiet before the rebuild starts.
pub const QUIET: Duration = Duration::from_millis(100);

#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    #[error("cannot watch {}: {source}; expected an existing file or directory", path.display())]
    Watch {
        path: PathBuf,
        source: notify::Error,
    },
    #[error("the file watcher failed: {0}")]
    Failed(String),
}

/// One input of the build, as the watcher sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A directory: every file below it.
    Tree(PathBuf),
    /// One file, watched through its directory so that a save which replaces
    /// the file (a rename over it) is still seen.
    File(PathBuf),
}

impl Target {
    fn concerns(&self, path: &Path) -> bool {
        match self {
            Target::Tree(dir) => path.starts_with(dir),
            Target::File(file) => path == file,
        }
    }

    fn watched(&self) -> (&Path, RecursiveMode) {
        match self {
            Target::Tree(dir) => (dir, RecursiveMode::Recursive),
            Target::File(file) => (file.parent().unwrap_or(file), RecursiveMode::NonRecursive),
        }
    }
}

/// What a build with `opts` reads: the content trees, the feeds (files or
/// directories of snapshots) and the statistics files, made absolute, since
/// the watcher reports absolute paths. A Linux repository (`--git`) is not
/// watched: its tags change with a fetch, not with a save.
pub fn targets(opts: &Options) -> Vec<Target> {
    let tree_or_file = |p: &PathBuf| {
        let p = absolute(p);
        if p.is_dir() {
            Target::Tree(p)
        } else {
            Target::File(p)
        }
    };
    let mut all: Vec<Target> = opts
        .content
        .iter()
        .map(|p| Target::Tree(absolute(p)))
        .collect();
    all.extend(opts.feeds.iter().map(tree_or_file));
    all.extend(opts.relstat.iter().map(|p| Target::File(absolute(p))));
    all
}

/// `path` made absolute and resolved where it exists, as the watcher will name it.
pub fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| std::path::absolute(path).unwrap_or(path.into()))
}

/// Whether an event changed something (a read, an open, or closing a file
/// that was only read, does not).
pub fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Other => false,
        EventKind::Any | EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
    }
}

/// Editors' own files beside a post (vim's `.post.md.swp` and `4913` probe,
/// emacs' `#post.md#` and `post.md~`), which are never content.
pub fn is_editor_scratch(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.starts_with('.') || name.starts_with('#') || name.ends_with('~') || name == "4913"
}

/// The debounced watcher over a build's inputs.
pub struct Watcher {
    // Held for its Drop: the watching stops with it.
    _debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    events: Receiver<DebounceEventResult>,
    targets: Vec<Target>,
    ignored: Vec<PathBuf>,
}

impl Watcher {
    /// Starts watching `targets`; changes below an `ignored` path (the bundle
    /// and feeds this process writes, when they are inside a watched tree)
    /// never count.
    pub fn new(targets: Vec<Target>, ignored: Vec<PathBuf>) -> Result<Watcher, WatchError> {
        let (tx, events) = channel();
        let mut debouncer =
            new_debouncer(QUIET, None, tx).map_err(|e| WatchError::Failed(e.to_string()))?;
        for target in &targets {
            let (path, mode) = target.watched();
            (debouncer.watch(path, mode)).map_err(|source| WatchError::Watch {
                path: path.to_path_buf(),
                source,
            })?;
        }
        Ok(Watcher {
            _debouncer: debouncer,
            events,
            targets,
            ignored,
        })
    }

    /// Blocks until a burst of changes to the build's inputs has settled,
    /// then names the changed paths (sorted, each once).
    pub fn next_change(&self) -> Result<Vec<PathBuf>, WatchError> {
        loop {
            let batch = (self.events.recv())
                .map_err(|_| WatchError::Failed("the watcher thread stopped".into()))?;
            let events = batch.map_err(|errors| {
                let all: Vec<String> = errors.iter().map(ToString::to_string).collect();
                WatchError::Failed(all.join("; "))
            })?;
            let mut changed: Vec<PathBuf> = (events.iter())
                .filter(|e| is_change(&e.event.kind))
                .flat_map(|e| e.event.paths.iter())
                .filter(|p| self.concerns(p))
                .cloned()
                .collect();
            changed.sort();
            changed.dedup();
            if !changed.is_empty() {
                return Ok(changed);
            }
        }
    }

    fn concerns(&self, path: &Path) -> bool {
        !is_editor_scratch(path)
            && !self.ignored.iter().any(|i| path.starts_with(i))
            && self.targets.iter().any(|t| t.concerns(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{CreateKind, DataChange, ModifyKind, RemoveKind, RenameMode};

    #[test]
    fn reads_do_not_count_as_changes_and_writes_do() {
        assert!(!is_change(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(!is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(!is_change(&EventKind::Access(AccessKind::Read)));
        assert!(!is_change(&EventKind::Other));
        assert!(is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(is_change(&EventKind::Create(CreateKind::File)));
        assert!(is_change(&EventKind::Modify(ModifyKind::Data(
            DataChange::Content
        ))));
        assert!(is_change(&EventKind::Modify(ModifyKind::Name(
            RenameMode::To
        ))));
        assert!(is_change(&EventKind::Remove(RemoveKind::File)));
    }

    #[test]
    fn editor_scratch_files_are_recognised_and_posts_are_not() {
        for scratch in [".post.md.swp", "4913", "post.md~", "#post.md#", ".#post.md"] {
            assert!(
                is_editor_scratch(Path::new("/c/posts").join(scratch).as_path()),
                "{scratch}"
            );
        }
        for post in ["post.md", "_index.md", "2024-01-01-v6.8-rc1.md", "lwn.rss"] {
            assert!(
                !is_editor_scratch(Path::new("/c/posts").join(post).as_path()),
                "{post}"
            );
        }
    }

    #[test]
    fn a_tree_concerns_what_is_below_it_and_a_file_only_itself() {
        let tree = Target::Tree("/c/posts".into());
        assert!(tree.concerns(Path::new("/c/posts/ko/a.md")));
        assert!(!tree.concerns(Path::new("/c/postscript/a.md")));
        let file = Target::File("/c/feeds/lwn.rss".into());
        assert!(file.concerns(Path::new("/c/feeds/lwn.rss")));
        assert!(!file.concerns(Path::new("/c/feeds/other.rss")));
        assert_eq!(
            file.watched(),
            (Path::new("/c/feeds"), RecursiveMode::NonRecursive)
        );
        assert_eq!(
            tree.watched(),
            (Path::new("/c/posts"), RecursiveMode::Recursive)
        );
    }

    #[test]
    fn targets_cover_content_feeds_and_statistics_but_not_a_repository() {
        let dir = tempfile::tempdir().unwrap();
        let snapshots = dir.path().join("feeds");
        std::fs::create_dir(&snapshots).unwrap();
        let opts = Options {
            content: vec![dir.path().join("posts")],
            feeds: vec![snapshots.clone(), dir.path().join("lwn.rss")],
            relstat: vec![dir.path().join("relstat.tsv")],
            git: Some(dir.path().join("linux")),
            ..Options::default()
        };
        let root = absolute(dir.path());
        assert_eq!(
            targets(&opts),
            vec![
                Target::Tree(root.join("posts")),
                Target::Tree(root.join("feeds")),
                Target::File(root.join("lwn.rss")),
                Target::File(root.join("relstat.tsv")),
            ]
        );
    }

    #[test]
    fn the_watcher_concerns_inputs_but_not_scratch_files_or_what_it_ignores() {
        let dir = tempfile::tempdir().unwrap();
        let root = absolute(dir.path());
        let posts = root.join("posts");
        std::fs::create_dir(&posts).unwrap();
        let watcher = Watcher::new(
            vec![
                Target::Tree(posts.clone()),
                Target::File(root.join("lwn.rss")),
            ],
            vec![posts.join("site")],
        )
        .unwrap();
        assert!(watcher.concerns(&posts.join("a.md")));
        assert!(watcher.concerns(&root.join("lwn.rss")));
        assert!(!watcher.concerns(&posts.join(".a.md.swp")));
        assert!(!watcher.concerns(&posts.join("a.md~")));
        assert!(!watcher.concerns(&posts.join("site/bundle.json")));
        assert!(!watcher.concerns(&root.join("other.rss")));
        assert!(!watcher.concerns(&root.join("elsewhere/a.md")));
    }

    #[test]
    fn a_save_in_a_watched_tree_is_named_by_the_next_change() {
        let dir = tempfile::tempdir().unwrap();
        let posts = absolute(dir.path());
        let watcher = Watcher::new(vec![Target::Tree(posts.clone())], vec![]).unwrap();
        std::fs::write(posts.join("a.md"), "saved").unwrap();
        let changed = watcher.next_change().unwrap();
        assert!(changed.contains(&posts.join("a.md")), "{changed:?}");
        assert!(changed.iter().all(|p| p.starts_with(&posts)), "{changed:?}");
        let mut sorted = changed.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(changed, sorted);
    }
}

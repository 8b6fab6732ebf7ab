//! Finding the posts of a content tree, in a stable order.
//!
//! Symbolic links to directories are followed (a tree may link a subtree in
//! from elsewhere), but a link to a directory the walk reads anyway (one it is
//! inside, one inside the root, or one another link already led to) is
//! reported once and not followed, so no post is read twice.

use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;
use walkdir::{DirEntry, WalkDir};

/// A markdown file found under a content root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostFile {
    /// Absolute or as-given path, for reading and for messages.
    pub full: PathBuf,
    /// Path inside the root with `/` separators: what the bundle records.
    pub rel: String,
}

/// Why part of a tree was not walked. The message names no path: the
/// diagnostic made of it does.
#[derive(Debug, Error)]
pub enum WalkError {
    /// `ancestor`: `` `ko` ``, "the content root" or "a directory above the content root".
    #[error("symbolic link to {ancestor}, which it is inside; not followed, so the posts there are read once")]
    Loop { ancestor: String },
    /// A link to a directory read through another path: `target` is that path
    /// inside the root, or, with `through` the path it is read as, where the
    /// directory is.
    #[error(
        "symbolic link to `{target}`, which is read already{}; not followed, so the posts there are read once",
        through.as_ref().map_or_else(String::new, |t| format!(" as `{t}`"))
    )]
    Aliased {
        target: String,
        through: Option<String>,
    },
    /// A directory below a followed link that an earlier link, at `through`, led to.
    #[error("the same directory as `{through}`, which is read already; not read again, so the posts there are read once")]
    Again { through: String },
    #[error("symbolic link to `{target}`, which does not exist")]
    Dangling { target: String },
    #[error("cannot read: {0}")]
    Io(io::Error),
}

/// A part of the tree that was not walked, at `rel` inside the root.
#[derive(Debug)]
pub struct Skipped {
    pub rel: String,
    pub error: WalkError,
}

/// What a walk found.
#[derive(Debug, Default)]
pub struct Walk {
    /// Sorted by relative path.
    pub files: Vec<PostFile>,
    /// In the order the walk met them.
    pub skipped: Vec<Skipped>,
}

/// Markdown files under `root`, sorted by relative path. Hugo section pages
/// (`_index.md`) and hidden files or directories are skipped. Fails only when
/// `root` itself is not a readable directory; problems below it are
/// [`Walk::skipped`] and the rest is still walked.
pub fn find_posts(root: &Path) -> io::Result<Walk> {
    if !std::fs::metadata(root)?.is_dir() {
        return Err(io::ErrorKind::NotADirectory.into());
    }
    // walkdir sees a loop where a link leads to a directory the walk is in;
    // `reading` sees a link to the root or above it (a loop walkdir sees only
    // after a lap through it) and one to a directory read through another path.
    let mut reading = Reading::new(root)?;
    let mut walk = Walk::default();
    let mut entries = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || e.file_name().to_str().is_some_and(is_visible));
    while let Some(entry) = entries.next() {
        let entry = match entry {
            Ok(entry) => entry,
            // The root itself: nothing of the tree can be read.
            Err(e) if e.depth() == 0 => return Err(bare_io_error(e)),
            Err(e) => {
                let rel = e.path().map_or_else(String::new, |p| rel_path(root, p));
                let dangling = e.path().and_then(|p| std::fs::read_link(p).ok());
                let error = match e.loop_ancestor() {
                    Some(ancestor) => WalkError::Loop {
                        ancestor: match rel_path(root, ancestor) {
                            r if r.is_empty() => "the content root".to_string(),
                            r => format!("`{r}`"),
                        },
                    },
                    None => match dangling {
                        Some(target)
                            if e.io_error()
                                .is_some_and(|io| io.kind() == io::ErrorKind::NotFound) =>
                        {
                            WalkError::Dangling {
                                target: target.display().to_string(),
                            }
                        }
                        _ => WalkError::Io(bare_io_error(e)),
                    },
                };
                walk.skipped.push(Skipped { rel, error });
                continue;
            }
        };
        if entry.depth() > 0 && entry.file_type().is_dir() {
            if let Some(error) = reading.enter(&entry) {
                walk.skipped.push(Skipped {
                    rel: rel_path(root, entry.path()),
                    error,
                });
                entries.skip_current_dir();
                continue;
            }
        }
        let name = entry.file_name().to_str().unwrap_or_default();
        if entry.file_type().is_file() && is_post(name) {
            walk.files.push(PostFile {
                rel: rel_path(root, entry.path()),
                full: entry.into_path(),
            });
        }
    }
    walk.files.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(walk)
}

/// The directories a walk reads whole: the root, then the target of each link
/// it followed, each with its canonical path and the path it is read as.
struct Reading<'a> {
    root: &'a Path,
    dirs: Vec<(PathBuf, String)>,
}

impl<'a> Reading<'a> {
    fn new(root: &'a Path) -> io::Result<Self> {
        let dirs = vec![(std::fs::canonicalize(root)?, String::new())];
        Ok(Reading { root, dirs })
    }

    /// Why the directory `entry` is not to be read, or `None` when it is.
    fn enter(&mut self, entry: &DirEntry) -> Option<WalkError> {
        let linked = &self.dirs[1..];
        if !entry.path_is_symlink() && linked.is_empty() {
            return None;
        }
        // What cannot be resolved is walked, and walkdir reports what fails.
        let target = std::fs::canonicalize(entry.path()).ok()?;
        if !entry.path_is_symlink() {
            // Below a followed link, a directory an earlier link led to (the
            // later link's target holds the earlier one's).
            let (_, through) = linked.iter().find(|(dir, _)| *dir == target)?;
            return Some(WalkError::Again {
                through: through.clone(),
            });
        }
        let canonical_root = &self.dirs[0].0;
        if canonical_root.starts_with(&target) {
            let ancestor = if target == *canonical_root {
                "the content root"
            } else {
                "a directory above the content root"
            };
            return Some(WalkError::Loop {
                ancestor: ancestor.to_string(),
            });
        }
        // The innermost directory read whole that holds the target reads it,
        // unless a hidden directory on the way there is skipped: a link may
        // be how a hidden directory's posts are meant to be read.
        let holder = self
            .dirs
            .iter()
            .enumerate()
            .filter(|(_, (dir, _))| target.starts_with(dir))
            .max_by_key(|(_, (dir, _))| dir.components().count());
        if let Some((i, (dir, read_as))) = holder {
            let rest = target.strip_prefix(dir).unwrap_or(&target);
            let visible = rest
                .components()
                .all(|c| c.as_os_str().to_str().is_some_and(is_visible));
            if visible {
                let inside = rel_path(Path::new(""), rest);
                let read_as = match (read_as.is_empty(), inside.is_empty()) {
                    (true, _) => inside,
                    (false, true) => read_as.clone(),
                    (false, false) => format!("{read_as}/{inside}"),
                };
                // Inside the root, its path there says where it is.
                return Some(if i == 0 {
                    WalkError::Aliased {
                        target: read_as,
                        through: None,
                    }
                } else {
                    WalkError::Aliased {
                        target: target.display().to_string(),
                        through: Some(read_as),
                    }
                });
            }
        }
        self.dirs.push((target, rel_path(self.root, entry.path())));
        None
    }
}

/// The I/O error without walkdir's wrapping, whose message names the path
/// (the diagnostic names it already).
fn bare_io_error(e: walkdir::Error) -> io::Error {
    let shown = e.to_string();
    e.into_io_error().unwrap_or_else(|| io::Error::other(shown))
}

/// A non-UTF-8 name cannot appear in a JSON path (Hugo would not serve it
/// either), and hidden names are the tools' (`.git`), not posts.
fn is_visible(name: &str) -> bool {
    !name.starts_with('.')
}

/// `path` inside `root` with `/` separators; empty for the root itself.
fn rel_path(root: &Path, path: &Path) -> String {
    let inside = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<_> = inside
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}

fn is_post(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    (lower.ends_with(".md") || lower.ends_with(".markdown")) && !lower.starts_with("_index.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use kernel_news_core::WarningLevel;

    fn rels(walk: &Walk) -> Vec<&str> {
        walk.files.iter().map(|p| p.rel.as_str()).collect()
    }

    #[test]
    fn finds_markdown_recursively_sorted_and_skips_index_and_hidden() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("ko")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        for f in [
            "b.md",
            "a.md",
            "a-z.md",
            "_index.md",
            "ko/c.markdown",
            ".hidden.md",
            ".git/x.md",
            "notes.txt",
        ] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let walk = find_posts(root).unwrap();
        // By relative path, not directory by directory: `a-z.md` sorts before `a.md`.
        assert_eq!(rels(&walk), ["a-z.md", "a.md", "b.md", "ko/c.markdown"]);
        assert!(walk.skipped.is_empty(), "{:?}", walk.skipped);
        assert_eq!(walk.files[3].full, root.join("ko/c.markdown"));
    }

    #[test]
    fn missing_root_or_a_file_as_root_is_an_error() {
        assert!(find_posts(Path::new("/nonexistent/kernel-news")).is_err());
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.md");
        std::fs::write(&file, "x").unwrap();
        assert!(find_posts(&file).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn linked_directories_are_followed_and_a_loop_is_reported_once() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("posts");
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir_all(root.join("ko")).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::fs::write(root.join("ko/a.md"), "x").unwrap();
        std::fs::write(elsewhere.join("b.md"), "x").unwrap();
        symlink(&elsewhere, root.join("linked")).unwrap();
        symlink("..", root.join("ko/up")).unwrap();
        symlink("../ko", root.join("ko/again")).unwrap();
        symlink("../..", root.join("ko/out")).unwrap();
        let walk = find_posts(&root).unwrap();
        assert_eq!(rels(&walk), ["ko/a.md", "linked/b.md"]);
        let loops: Vec<_> = walk
            .skipped
            .iter()
            .map(|s| match &s.error {
                WalkError::Loop { ancestor } => (s.rel.as_str(), ancestor.as_str()),
                other => panic!("{}: {other}", s.rel),
            })
            .collect();
        assert_eq!(
            loops,
            [
                ("ko/again", "`ko`"),
                ("ko/out", "a directory above the content root"),
                ("ko/up", "the content root"),
            ]
        );
    }

    /// What the walk skipped, as `(path, message)`.
    fn skipped(walk: &Walk) -> Vec<(&str, String)> {
        walk.skipped
            .iter()
            .map(|s| (s.rel.as_str(), s.error.to_string()))
            .collect()
    }

    fn aliased(target: &str, through: Option<&str>) -> String {
        WalkError::Aliased {
            target: target.into(),
            through: through.map(Into::into),
        }
        .to_string()
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_a_directory_inside_the_root_is_reported_once_and_not_followed() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/deep")).unwrap();
        std::fs::write(root.join("b/x.md"), "x").unwrap();
        std::fs::write(root.join("b/deep/y.md"), "x").unwrap();
        // Met before `b`, so following it would read b's posts (and its loop) twice.
        symlink("b", root.join("a")).unwrap();
        symlink("b/deep", root.join("c")).unwrap();
        symlink("..", root.join("b/up")).unwrap();
        let walk = find_posts(root).unwrap();
        assert_eq!(rels(&walk), ["b/deep/y.md", "b/x.md"]);
        assert_eq!(
            skipped(&walk),
            [
                (
                    "a",
                    "symbolic link to `b`, which is read already; not followed, \
                     so the posts there are read once"
                        .to_string()
                ),
                (
                    "b/up",
                    "symbolic link to the content root, which it is inside; not followed, \
                     so the posts there are read once"
                        .to_string()
                ),
                ("c", aliased("b/deep", None)),
            ]
        );
    }

    /// `elsewhere/` beside `posts/`, holding `e.md`, `sub/y.md`, a link `up`
    /// to itself and a link `a` to its own `sub`.
    #[cfg(unix)]
    fn elsewhere(dir: &Path) -> PathBuf {
        use std::os::unix::fs::symlink;
        let elsewhere = dir.join("elsewhere");
        std::fs::create_dir_all(elsewhere.join("sub")).unwrap();
        std::fs::create_dir_all(dir.join("posts")).unwrap();
        std::fs::write(elsewhere.join("e.md"), "x").unwrap();
        std::fs::write(elsewhere.join("sub/y.md"), "x").unwrap();
        symlink(".", elsewhere.join("up")).unwrap();
        symlink("sub", elsewhere.join("a")).unwrap();
        std::fs::canonicalize(elsewhere).unwrap()
    }

    #[cfg(unix)]
    #[test]
    fn links_to_a_directory_outside_already_read_are_reported_once_each() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let outside = elsewhere(dir.path());
        let root = dir.path().join("posts");
        symlink("../elsewhere", root.join("l1")).unwrap();
        symlink("../elsewhere", root.join("l2")).unwrap();
        symlink("../elsewhere/sub", root.join("l3")).unwrap();
        let walk = find_posts(&root).unwrap();
        assert_eq!(rels(&walk), ["l1/e.md", "l1/sub/y.md"]);
        let sub = outside.join("sub").display().to_string();
        assert_eq!(
            skipped(&walk),
            [
                ("l1/a", aliased(&sub, Some("l1/sub"))),
                (
                    "l1/up",
                    "symbolic link to `l1`, which it is inside; not followed, \
                     so the posts there are read once"
                        .to_string()
                ),
                (
                    "l2",
                    format!(
                        "symbolic link to `{}`, which is read already as `l1`; not followed, \
                         so the posts there are read once",
                        outside.display()
                    )
                ),
                ("l3", aliased(&sub, Some("l1/sub"))),
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_directory_an_earlier_link_led_to_is_not_read_again_below_a_later_one() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let sub = elsewhere(dir.path()).join("sub").display().to_string();
        let root = dir.path().join("posts");
        symlink("../elsewhere/sub", root.join("early")).unwrap();
        symlink("../elsewhere", root.join("late")).unwrap();
        let walk = find_posts(&root).unwrap();
        assert_eq!(rels(&walk), ["early/y.md", "late/e.md"]);
        let again = "the same directory as `early`, which is read already; not read again, \
                     so the posts there are read once";
        assert_eq!(
            skipped(&walk),
            [
                ("late/a", aliased(&sub, Some("early"))),
                ("late/sub", again.to_string()),
                (
                    "late/up",
                    WalkError::Loop {
                        ancestor: "`late`".into()
                    }
                    .to_string()
                ),
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_how_a_hidden_directory_is_read_once() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join(".drafts")).unwrap();
        std::fs::write(root.join(".drafts/d.md"), "x").unwrap();
        symlink(".drafts", root.join("drafts")).unwrap();
        symlink(".drafts", root.join("more")).unwrap();
        let walk = find_posts(root).unwrap();
        // The walk skips `.drafts` itself, so the first link to it reads it.
        assert_eq!(rels(&walk), ["drafts/d.md"]);
        let drafts = std::fs::canonicalize(root.join(".drafts")).unwrap();
        assert_eq!(
            skipped(&walk),
            [(
                "more",
                aliased(&drafts.display().to_string(), Some("drafts"))
            )]
        );
    }

    #[cfg(unix)]
    #[test]
    fn an_aliased_directory_is_bundled_once_with_one_warning_per_link() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("posts");
        std::fs::create_dir_all(root.join("b")).unwrap();
        std::fs::write(
            root.join("b/x.md"),
            "---\ntitle: \"LKML News v6.7-rc4\"\n---\n\nEntry\n-----\n\nA body.\n",
        )
        .unwrap();
        symlink("b", root.join("a")).unwrap();
        symlink("..", root.join("b/up")).unwrap();
        let built = crate::build::build(&crate::build::Options {
            content: vec![root],
            ..Default::default()
        });
        let paths: Vec<_> = built.bundle.posts.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["b/x.md"]);
        let warned: Vec<_> = built
            .bundle
            .warnings
            .iter()
            .map(|w| (w.path.as_str(), w.level))
            .collect();
        assert_eq!(
            warned,
            [
                ("a", WarningLevel::Warning),
                ("b/up", WarningLevel::Warning)
            ],
            "{:?}",
            built.bundle.warnings
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_is_skipped_and_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "x").unwrap();
        std::os::unix::fs::symlink("gone", dir.path().join("b.md")).unwrap();
        let walk = find_posts(dir.path()).unwrap();
        assert_eq!(rels(&walk), ["a.md"]);
        assert_eq!(walk.skipped.len(), 1);
        assert_eq!(walk.skipped[0].rel, "b.md");
        assert_eq!(
            walk.skipped[0].error.to_string(),
            "symbolic link to `gone`, which does not exist"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_to_itself_is_skipped_as_unreadable_not_as_dangling() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "x").unwrap();
        std::os::unix::fs::symlink("self.md", dir.path().join("self.md")).unwrap();
        let walk = find_posts(dir.path()).unwrap();
        assert_eq!(rels(&walk), ["a.md"]);
        assert_eq!(walk.skipped.len(), 1);
        assert_eq!(walk.skipped[0].rel, "self.md");
        assert!(
            matches!(walk.skipped[0].error, WalkError::Io(_)),
            "{}",
            walk.skipped[0].error
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_root_given_as_a_link_to_a_directory_is_walked() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir_all(real.join("ko")).unwrap();
        std::fs::write(real.join("a.md"), "x").unwrap();
        std::fs::write(real.join("ko/b.md"), "x").unwrap();
        std::os::unix::fs::symlink("a.md", real.join("c.md")).unwrap();
        let root = dir.path().join("posts");
        std::os::unix::fs::symlink(&real, &root).unwrap();
        let walk = find_posts(&root).unwrap();
        assert_eq!(rels(&walk), ["a.md", "c.md", "ko/b.md"]);
        assert!(walk.skipped.is_empty(), "{:?}", skipped(&walk));
    }

    /// A root that is a directory but cannot be listed fails the walk; it is
    /// not one skipped part. Made with `chmod 000`, or, where that does not
    /// stop the user (root), with a directory of /proc root may not list.
    #[cfg(unix)]
    #[test]
    fn a_root_that_cannot_be_listed_is_an_error() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        let unlistable = [locked.clone(), PathBuf::from("/proc/1/fdinfo")]
            .into_iter()
            .find(|p| {
                std::fs::metadata(p).is_ok_and(|m| m.is_dir()) && std::fs::read_dir(p).is_err()
            });
        let result = unlistable.as_deref().map(find_posts);
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        let Some(result) = result else {
            crate::testdata::skip("no directory here that this user cannot list");
            return;
        };
        let err = result.unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::PermissionDenied, "{err}");
    }
}

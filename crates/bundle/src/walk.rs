//! Finding the posts of a content tree, in a stable order.
//!
//! Symbolic links to directories are followed (a tree may link a subtree in
//! from elsewhere), but a link back to a directory it is inside is reported
//! once and not followed: walkdir notices the loop.

use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;
use walkdir::WalkDir;

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
    // walkdir sees a loop where a link leads to a directory the walk is in; a
    // link to the root or above it is one too, seen only after a lap through it.
    let canonical_root = std::fs::canonicalize(root)?;
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
        if entry.depth() > 0 && entry.path_is_symlink() && entry.file_type().is_dir() {
            let target = std::fs::canonicalize(entry.path());
            if let Some(target) = target.ok().filter(|t| canonical_root.starts_with(t)) {
                let ancestor = if target == canonical_root {
                    "the content root"
                } else {
                    "a directory above the content root"
                };
                walk.skipped.push(Skipped {
                    rel: rel_path(root, entry.path()),
                    error: WalkError::Loop {
                        ancestor: ancestor.to_string(),
                    },
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
}

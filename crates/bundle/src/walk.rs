//! Finding the posts of a content tree, in a stable order.

use std::io;
use std::path::{Path, PathBuf};

/// A markdown file found under a content root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostFile {
    /// Absolute or as-given path, for reading and for messages.
    pub full: PathBuf,
    /// Path inside the root with `/` separators: what the bundle records.
    pub rel: String,
}

/// Markdown files under `root`, sorted by relative path. Hugo section pages
/// (`_index.md`) and hidden files or directories are skipped.
pub fn find_posts(root: &Path) -> io::Result<Vec<PostFile>> {
    let mut out = Vec::new();
    visit(root, "", &mut out)?;
    out.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(out)
}

fn visit(dir: &Path, prefix: &str, out: &mut Vec<PostFile>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            // A non-UTF-8 name cannot appear in a JSON path; Hugo would not serve it either.
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        let rel = if prefix.is_empty() {
            name.to_string()
        } else {
            format!("{prefix}/{name}")
        };
        let kind = entry.file_type()?;
        let path = entry.path();
        if kind.is_dir() || (kind.is_symlink() && path.is_dir()) {
            visit(&path, &rel, out)?;
        } else if is_post(name) {
            out.push(PostFile { full: path, rel });
        }
    }
    Ok(())
}

fn is_post(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    (lower.ends_with(".md") || lower.ends_with(".markdown")) && !lower.starts_with("_index.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_markdown_recursively_sorted_and_skips_index_and_hidden() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("ko")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        for f in [
            "b.md",
            "a.md",
            "_index.md",
            "ko/c.markdown",
            ".hidden.md",
            ".git/x.md",
            "notes.txt",
        ] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let rels: Vec<_> = find_posts(root)
            .unwrap()
            .into_iter()
            .map(|p| p.rel)
            .collect();
        assert_eq!(rels, ["a.md", "b.md", "ko/c.markdown"]);
    }

    #[test]
    fn missing_root_is_an_error() {
        assert!(find_posts(Path::new("/nonexistent/kernel-news")).is_err());
    }
}

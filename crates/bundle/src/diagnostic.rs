//! One problem found while bundling, and the one way it is written: `path:line: level: message`.
//!
//! Error types elsewhere in the bundler say what is wrong and what was
//! expected, never where: the location lives here once, so a message cannot
//! name its file or line twice. The CLI prints these, and the bundle's
//! `warnings` are the same records (see [`Diagnostic::to_warning`]).

use std::fmt;
use std::path::PathBuf;

use kernel_news_core::{Warning, WarningLevel};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The content root `path` is inside; `None` when `path` is itself a path
    /// given on the command line (a content root, statistics, a repository).
    pub root: Option<PathBuf>,
    /// Inside `root` with `/` separators, as the bundle records it, or the path as given.
    pub path: String,
    /// 1-based line of the file, when the problem is on one.
    pub line: Option<u32>,
    pub level: WarningLevel,
    /// What is wrong and what was expected, without the location.
    pub message: String,
}

impl Diagnostic {
    /// The path a reader can open: the root joined with `path`.
    pub fn file(&self) -> PathBuf {
        match &self.root {
            Some(root) => root.join(&self.path),
            None => PathBuf::from(&self.path),
        }
    }

    /// The bundle's record: the path inside its content root, so a bundle
    /// does not depend on where the tree was checked out.
    pub fn to_warning(&self) -> Warning {
        Warning {
            level: self.level,
            path: self.path.clone(),
            line: self.line,
            message: self.message.clone(),
        }
    }
}

/// How a level is written in a message.
pub fn level_name(level: WarningLevel) -> &'static str {
    match level {
        WarningLevel::Warning => "warning",
        WarningLevel::Error => "error",
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.file().display())?;
        if let Some(line) = self.line {
            write!(f, "{line}:")?;
        }
        write!(f, " {}: {}", level_name(self.level), self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diagnostic(root: Option<&str>, path: &str, line: Option<u32>) -> Diagnostic {
        Diagnostic {
            root: root.map(PathBuf::from),
            path: path.into(),
            line,
            level: WarningLevel::Error,
            message: "invalid TOML front matter: expected a value".into(),
        }
    }

    #[test]
    fn written_as_path_line_level_message() {
        let d = diagnostic(Some("posts"), "ko/a.md", Some(3));
        assert_eq!(
            d.to_string(),
            "posts/ko/a.md:3: error: invalid TOML front matter: expected a value"
        );
        let d = Diagnostic {
            level: WarningLevel::Warning,
            ..diagnostic(None, "/linux", None)
        };
        assert_eq!(
            d.to_string(),
            "/linux: warning: invalid TOML front matter: expected a value"
        );
    }

    #[test]
    fn the_bundle_records_the_path_inside_the_root() {
        let d = diagnostic(Some("/home/me/posts"), "a.md", Some(4));
        let w = d.to_warning();
        assert_eq!((w.path.as_str(), w.line), ("a.md", Some(4)));
        assert_eq!(d.file(), PathBuf::from("/home/me/posts/a.md"));
        assert_eq!((w.level, w.message), (d.level, d.message));
    }
}

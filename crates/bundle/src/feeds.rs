//! Every `--feed` path read into one merged list of items, each problem a diagnostic naming its file and line.
//!
//! A feed holds only its newest items, so people keep snapshots; a
//! directory of them is read in path order, and the same article in several
//! snapshots becomes one item ([`crate::feed::merge`]).

use std::path::{Path, PathBuf};

use kernel_news_core::WarningLevel;

use crate::diagnostic::Diagnostic;
use crate::feed::merge::{merge, Merged};
use crate::feed::{read_feed, FeedFile, FeedItem};
use crate::release::Calendar;

/// The feed files of one `--feed` argument: the file itself, or every file
/// under the directory (hidden ones and READMEs aside), sorted by path.
/// Returns the root the paths are relative to, when there is one.
fn files_of(path: &Path) -> Result<(Option<PathBuf>, Vec<String>), String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read feed: {e}"))?;
    if !meta.is_dir() {
        return Ok((None, vec![path.display().to_string()]));
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name()
    {
        let entry = entry.map_err(|e| format!("cannot read feed directory: {e}"))?;
        let name = entry.file_name().to_string_lossy();
        let skipped = name.starts_with('.') || name.to_ascii_lowercase().starts_with("readme");
        if entry.file_type().is_file() && !skipped {
            let rel = entry.path().strip_prefix(path).unwrap_or(entry.path());
            let rel = (rel.components())
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            files.push(rel);
        }
    }
    Ok((Some(path.to_path_buf()), files))
}

/// Everything the feeds hold, before merging.
#[derive(Debug, Default)]
pub struct FeedsRead {
    /// (file order, file), in the order the files were given and listed.
    pub files: Vec<(usize, FeedFile)>,
}

impl FeedsRead {
    pub fn items(&self) -> impl Iterator<Item = &FeedItem> {
        self.files.iter().flat_map(|(_, f)| &f.items)
    }

    /// Dates undated items from their titles, then merges the snapshots.
    pub fn merge(mut self, calendar: &Calendar) -> Merged {
        for (_, file) in &mut self.files {
            for item in &mut file.items {
                crate::feed_post::date_from_title(item, calendar);
            }
        }
        merge(self.files)
    }
}

/// Reads every feed path; a file that cannot be read is an error and the
/// others still count, an item that cannot be read is a warning.
pub fn read_feeds(paths: &[PathBuf], diagnostics: &mut Vec<Diagnostic>) -> FeedsRead {
    let mut read = FeedsRead::default();
    for path in paths {
        let (root, files) = match files_of(path) {
            Ok(f) => f,
            Err(message) => {
                diagnostics.push(Diagnostic {
                    root: None,
                    path: path.display().to_string(),
                    line: None,
                    level: WarningLevel::Error,
                    message,
                });
                continue;
            }
        };
        for rel in files {
            let at = |level, line, message| Diagnostic {
                root: root.clone(),
                path: rel.clone(),
                line,
                level,
                message,
            };
            let full = root
                .as_ref()
                .map_or_else(|| PathBuf::from(&rel), |r| r.join(&rel));
            let bytes = match std::fs::read(&full) {
                Ok(b) => b,
                Err(e) => {
                    diagnostics.push(at(
                        WarningLevel::Error,
                        None,
                        format!("cannot read feed: {e}"),
                    ));
                    continue;
                }
            };
            match read_feed(&bytes) {
                Ok(file) => {
                    for p in &file.problems {
                        diagnostics.push(at(WarningLevel::Warning, p.line, p.message.clone()));
                    }
                    read.files.push((read.files.len(), file));
                }
                Err(e) => diagnostics.push(at(WarningLevel::Error, e.line(), e.to_string())),
            }
        }
    }
    read
}

//! The rule of `--watch` for a rebuild: a save that breaks a post keeps the last good bundle.
//!
//! A one-shot build bundles everything it can and leaves a broken post out,
//! which is right for CI. While a post is being written, a save that is half
//! done would make it vanish from the open page instead; so a rebuild in
//! which a file is broken that was not broken in the bundle last written is
//! not written, and the reader keeps seeing the last good one. A file that
//! was already broken in that bundle (say, from the first build) does not
//! hold every later rebuild back.

use std::collections::BTreeSet;

use crate::diagnostic::Diagnostic;
use kernel_news_core::WarningLevel;

/// What to do with a rebuild.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Different from the bundle last written, and nothing newly broken.
    Write,
    /// Byte for byte the bundle last written (a save that changed nothing
    /// the bundle holds): nothing to write, no page to reload.
    Unchanged,
    /// Files broken now that were not in the bundle last written, in the
    /// diagnostics' terms (`root/path`).
    Keep { newly_broken: Vec<String> },
}

/// The bundle last written, as the rule needs it.
#[derive(Debug, Clone)]
pub struct LastGood {
    json: String,
    broken: BTreeSet<String>,
}

impl LastGood {
    /// The bundle just written (by the first build, or an accepted rebuild).
    pub fn new(diagnostics: &[Diagnostic], json: String) -> LastGood {
        LastGood {
            json,
            broken: broken_files(diagnostics),
        }
    }

    /// The verdict on a rebuild that found `diagnostics` and made `json`.
    pub fn judge(&self, diagnostics: &[Diagnostic], json: &str) -> Verdict {
        let newly_broken: Vec<String> = (broken_files(diagnostics).into_iter())
            .filter(|f| !self.broken.contains(f))
            .collect();
        if !newly_broken.is_empty() {
            Verdict::Keep { newly_broken }
        } else if json == self.json {
            Verdict::Unchanged
        } else {
            Verdict::Write
        }
    }
}

/// Every file with an error, named as its diagnostic names it.
fn broken_files(diagnostics: &[Diagnostic]) -> BTreeSet<String> {
    (diagnostics.iter())
        .filter(|d| d.level == WarningLevel::Error)
        .map(|d| d.file().display().to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diags(errors: &[&str], warnings: &[&str]) -> Vec<Diagnostic> {
        let diagnostic = |path: &&str, level| Diagnostic {
            root: Some("content/posts".into()),
            path: path.to_string(),
            line: Some(3),
            level,
            message: "something".into(),
        };
        let errors = errors.iter().map(|p| diagnostic(p, WarningLevel::Error));
        errors
            .chain(
                warnings
                    .iter()
                    .map(|p| diagnostic(p, WarningLevel::Warning)),
            )
            .collect()
    }

    #[test]
    fn a_newly_broken_post_keeps_the_last_good_bundle_and_is_named() {
        let last = LastGood::new(&diags(&[], &[]), "old".into());
        assert_eq!(
            last.judge(&diags(&["b.md"], &[]), "new"),
            Verdict::Keep {
                newly_broken: vec!["content/posts/b.md".into()]
            }
        );
    }

    #[test]
    fn a_post_broken_since_the_last_good_bundle_does_not_hold_rebuilds_back() {
        let last = LastGood::new(&diags(&["a.md"], &[]), "old".into());
        assert_eq!(last.judge(&diags(&["a.md"], &[]), "new"), Verdict::Write);
        assert_eq!(last.judge(&diags(&[], &[]), "new"), Verdict::Write);
    }

    #[test]
    fn warnings_never_hold_a_rebuild_back() {
        let last = LastGood::new(&diags(&[], &[]), "old".into());
        assert_eq!(last.judge(&diags(&[], &["b.md"]), "new"), Verdict::Write);
    }

    #[test]
    fn the_same_bytes_are_unchanged_and_a_newly_broken_post_still_keeps() {
        let last = LastGood::new(&diags(&[], &[]), "same".into());
        assert_eq!(last.judge(&diags(&[], &[]), "same"), Verdict::Unchanged);
        assert!(matches!(
            last.judge(&diags(&["c.md"], &[]), "same"),
            Verdict::Keep { .. }
        ));
    }
}

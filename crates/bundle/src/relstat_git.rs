//! Release statistics computed from a real Linux git repository, the way relstat does.

use std::path::Path;
use std::process::Command;

use kernel_news_core::date::format_ymd;
use kernel_news_core::{KernelVersion, Release};
use thiserror::Error;

/// Why statistics could not be computed from a repository. The message does
/// not name the repository: the caller's diagnostic is about it already.
#[derive(Debug, Error)]
pub enum GitError {
    #[error("cannot run `git {args}`: {source}; expected git on PATH")]
    Spawn {
        args: String,
        source: std::io::Error,
    },
    #[error("`git {args}` failed: {stderr}")]
    Failed { args: String, stderr: String },
    #[error("`git {args}` printed `{found}`; expected {expected}")]
    Output {
        args: String,
        found: String,
        expected: &'static str,
    },
}

fn git(repo: &Path, args: &[&str]) -> Result<String, GitError> {
    let shown = args.join(" ");
    let out = Command::new("git")
        .arg("-C")
        .arg(repo)
        .args(args)
        .output()
        .map_err(|source| GitError::Spawn {
            args: shown.clone(),
            source,
        })?;
    if !out.status.success() {
        return Err(GitError::Failed {
            args: shown,
            stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        });
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Every mainline tag in kernel order with its UTC commit date and
/// `git diff --shortstat` against the previous mainline tag (none for the first).
pub fn from_git(repo: &Path) -> Result<Vec<Release>, GitError> {
    // Parsing keeps the mainline tags only: v6.7, v6.7-rc4, and three-part
    // tags of the 2.6 era (v2.6.39); a stable v6.1.38 is no kernel version.
    let mut tags: Vec<KernelVersion> = git(repo, &["tag", "-l", "v*"])?
        .lines()
        .filter_map(|t| t.trim().parse::<KernelVersion>().ok())
        .collect();
    tags.sort();
    tags.dedup();
    let mut out = Vec::with_capacity(tags.len());
    for (i, tag) in tags.iter().enumerate() {
        let name = tag.to_string();
        let commit = format!("{name}^{{commit}}");
        let args = ["log", "-1", "--format=%ct", commit.as_str()];
        let ct = git(repo, &args)?;
        let seconds: i64 = ct.trim().parse().map_err(|_| GitError::Output {
            args: args.join(" "),
            found: ct.trim().to_string(),
            expected: "a Unix timestamp",
        })?;
        let (files, insertions, deletions) = match i.checked_sub(1).map(|p| tags[p]) {
            None => (None, None, None),
            Some(prev) => {
                let range = format!("{prev}..{name}");
                let stat = git(repo, &["diff", "--shortstat", &range])?;
                let (f, ins, del) = parse_shortstat(&stat);
                (Some(f), Some(ins), Some(del))
            }
        };
        out.push(Release {
            version: name,
            date: Some(format_ymd(seconds.div_euclid(86_400))),
            files,
            insertions,
            deletions,
            ..Default::default()
        });
    }
    Ok(out)
}

/// ` 3 files changed, 10 insertions(+), 2 deletions(-)`; absent parts are 0 and
/// an empty output (no change at all) is all zeros: git knows, so these are real zeros.
pub fn parse_shortstat(s: &str) -> (u64, u64, u64) {
    let (mut f, mut i, mut d) = (0, 0, 0);
    for part in s.split(',') {
        let mut words = part.split_whitespace();
        let Some(n) = words.next().and_then(|n| n.parse::<u64>().ok()) else {
            continue;
        };
        match words.next() {
            Some(w) if w.starts_with("file") => f = n,
            Some(w) if w.starts_with("insertion") => i = n,
            Some(w) if w.starts_with("deletion") => d = n,
            _ => {}
        }
    }
    (f, i, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortstat_parts_may_be_missing() {
        assert_eq!(
            parse_shortstat(" 3 files changed, 10 insertions(+), 2 deletions(-)\n"),
            (3, 10, 2)
        );
        assert_eq!(
            parse_shortstat(" 1 file changed, 1 deletion(-)\n"),
            (1, 0, 1)
        );
        assert_eq!(
            parse_shortstat(" 1 file changed, 4 insertions(+)\n"),
            (1, 4, 0)
        );
        assert_eq!(parse_shortstat(""), (0, 0, 0));
        // A part naming none of the three is passed over.
        assert_eq!(parse_shortstat(" 2 files changed, 7 renames"), (2, 0, 0));
    }

    #[test]
    fn mainline_tags_parse_and_stable_ones_do_not() {
        for tag in ["v6.7", "v6.7-rc4", "v2.6.39", "v2.6.39-rc1"] {
            assert!(tag.parse::<KernelVersion>().is_ok(), "{tag}");
        }
        for tag in ["v6.1.38", "v3.0.1", "v6.7-rc4-dirty"] {
            assert!(tag.parse::<KernelVersion>().is_err(), "{tag}");
        }
    }

    fn run(dir: &Path, date: &str, args: &[&str]) {
        let ok = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(["-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"])
            .args(args)
            .env("GIT_AUTHOR_NAME", "T")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "T")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date)
            .status()
            .unwrap()
            .success();
        assert!(ok, "git {args:?}");
    }

    fn commit(dir: &Path, date: &str, files: &[(&str, &str)], tag: &str) {
        for (name, text) in files {
            std::fs::write(dir.join(name), text).unwrap();
        }
        run(dir, date, &["add", "-A"]);
        run(dir, date, &["commit", "-q", "--allow-empty", "-m", tag]);
        run(dir, date, &["tag", tag]);
    }

    #[test]
    fn computes_shortstat_between_consecutive_mainline_tags_with_utc_dates() {
        let tmp = tempfile::tempdir().unwrap();
        let d = tmp.path();
        run(d, "2023-10-29T12:00:00Z", &["init", "-q", "-b", "main"]);
        commit(
            d,
            "2023-10-30T10:00:00+09:00",
            &[("a.c", "1\n2\n3\n")],
            "v6.6",
        );
        // A stable tag on a side branch and a non-version tag: both ignored.
        run(
            d,
            "2023-11-01T00:00:00Z",
            &["checkout", "-q", "-b", "stable"],
        );
        commit(
            d,
            "2023-11-08T00:00:00Z",
            &[("a.c", "1\n2\nfixed\n")],
            "v6.6.1",
        );
        run(d, "2023-11-08T00:00:00Z", &["checkout", "-q", "main"]);
        // 2023-11-12 20:00 -08:00 is 2023-11-13 in UTC.
        commit(
            d,
            "2023-11-12T20:00:00-08:00",
            &[("a.c", "1\n2\n3\n4\n5\n"), ("b.c", "x\n")],
            "v6.7-rc1",
        );
        commit(d, "2023-11-19T12:00:00Z", &[("a.c", "1\n5\n")], "v6.7-rc2");
        commit(d, "2024-01-07T12:00:00Z", &[("b.c", "y\n")], "v6.7");
        run(d, "2024-01-07T12:00:00Z", &["tag", "not-a-version"]);

        let rows = from_git(d).unwrap();
        let got: Vec<_> = rows
            .iter()
            .map(|r| {
                (
                    r.version.as_str(),
                    r.date.as_deref().unwrap(),
                    r.files,
                    r.insertions,
                    r.deletions,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("v6.6", "2023-10-30", None, None, None),
                ("v6.7-rc1", "2023-11-13", Some(2), Some(3), Some(0)),
                ("v6.7-rc2", "2023-11-19", Some(1), Some(0), Some(3)),
                ("v6.7", "2024-01-07", Some(1), Some(1), Some(1)),
            ]
        );
    }

    #[test]
    fn a_directory_that_is_not_a_repository_is_a_clear_error() {
        let tmp = tempfile::tempdir().unwrap();
        let err = from_git(tmp.path()).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("`git tag -l v*` failed: "), "{msg}");
        // The diagnostic names the repository; the message must not again.
        let path = tmp.path().display().to_string();
        assert!(!msg.contains(&path), "{msg}");
    }
}

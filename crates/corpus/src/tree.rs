//! Writing a whole content tree, one post at a time, so memory stays flat at any size.

use std::fs;
use std::path::{Path, PathBuf};

use crate::plan::Planner;
use crate::shapes::Lang;
use crate::Error;

/// What to generate.
#[derive(Debug, Clone)]
pub struct Options {
    pub entries: u64,
    pub seed: u64,
    pub out: PathBuf,
}

/// What was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub posts: u64,
    pub korean_posts: u64,
    pub entries: u64,
    pub korean_entries: u64,
    /// Bytes of markdown written.
    pub bytes: u64,
    /// First and last release tag (`v4.14-rc7`).
    pub first: String,
    pub last: String,
}

/// Generates the tree into `opts.out`, which must be new or empty: a tree
/// mixed with older files would not be the one the seed promises.
pub fn generate(opts: &Options) -> Result<Summary, Error> {
    generate_with(opts, &mut |_| {})
}

/// [`generate`], calling `written` after each post with what is written so
/// far: its `entries` run up to `opts.entries`, for a progress bar.
pub fn generate_with(opts: &Options, written: &mut dyn FnMut(&Summary)) -> Result<Summary, Error> {
    if opts.entries == 0 {
        return Err(Error::NoEntries);
    }
    prepare(&opts.out)?;
    let mut summary = Summary::default();
    let mut buf = String::with_capacity(64 * 1024);
    let mut dirs_made = std::collections::HashSet::new();
    for post in Planner::new(opts.seed, opts.entries) {
        crate::post::write(&mut buf, &post, opts.seed);
        let path = opts.out.join(post.rel_path());
        let dir = path.parent().expect("a post path has a parent");
        if !dirs_made.contains(dir) {
            fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            dirs_made.insert(dir.to_path_buf());
        }
        fs::write(&path, &buf).map_err(|e| Error::io(&path, e))?;
        summary.posts += 1;
        summary.entries += u64::from(post.entries);
        summary.bytes += buf.len() as u64;
        if post.lang() == Lang::Ko {
            summary.korean_posts += 1;
            summary.korean_entries += u64::from(post.entries);
        }
        if summary.first.is_empty() {
            summary.first = format!("v{}", post.tag);
        }
        summary.last = format!("v{}", post.tag);
        written(&summary);
    }
    Ok(summary)
}

fn prepare(out: &Path) -> Result<(), Error> {
    match fs::read_dir(out) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(Error::NotEmpty(out.to_path_buf()));
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            fs::create_dir_all(out).map_err(|e| Error::io(out, e))
        }
        Err(e) => Err(Error::io(out, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(dir: &Path, entries: u64, seed: u64) -> Options {
        Options {
            entries,
            seed,
            out: dir.to_path_buf(),
        }
    }

    #[test]
    fn refuses_a_non_empty_directory_and_zero_entries() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("old.md"), "x").unwrap();
        let err = generate(&opts(dir.path(), 10, 1)).unwrap_err();
        assert!(matches!(err, Error::NotEmpty(_)), "{err}");
        let empty = tempfile::tempdir().unwrap();
        assert!(matches!(
            generate(&opts(empty.path(), 0, 1)),
            Err(Error::NoEntries)
        ));
    }

    #[test]
    fn written_is_told_after_every_post_up_to_the_entries_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        let mut seen = Vec::new();
        let s = generate_with(&opts(dir.path(), 300, 4), &mut |s| {
            seen.push((s.posts, s.entries))
        })
        .unwrap();
        assert_eq!(seen.len() as u64, s.posts);
        assert!(seen
            .windows(2)
            .all(|w| w[0].0 + 1 == w[1].0 && w[0].1 < w[1].1));
        assert_eq!(seen.last(), Some(&(s.posts, 300)));
    }

    #[test]
    fn summary_counts_what_is_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let s = generate(&opts(dir.path(), 300, 4)).unwrap();
        assert_eq!(s.entries, 300);
        assert_eq!(s.first, "v4.14-rc7");
        let mut files = 0;
        let mut bytes = 0;
        for sub in [dir.path().to_path_buf(), dir.path().join("ko")] {
            for e in fs::read_dir(sub).unwrap() {
                let e = e.unwrap();
                if e.file_type().unwrap().is_file() {
                    files += 1;
                    bytes += e.metadata().unwrap().len();
                }
            }
        }
        assert_eq!((files, bytes), (s.posts, s.bytes));
    }
}

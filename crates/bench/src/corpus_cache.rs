//! Generated corpora kept between runs: `WORK/corpus-<preset>-s<seed>/`, trusted only when its marker says it is complete and current.
//!
//! The marker (`corpus-<preset>-s<seed>.json`, beside the tree so the tree
//! holds only posts) is written last, after the tree and its measurements,
//! so an interrupted generation leaves no marker and is redone. It also
//! records a fingerprint of the generator's output on a tiny tree: when the
//! generator changes, cached trees no longer match the seed's promise and
//! are regenerated.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};
use kernel_news_corpus::progress::{self, Mode};
use kernel_news_corpus::{generate, generate_with, Options, Preset};
use serde::{Deserialize, Serialize};

use crate::gzip::GzipSize;

/// A complete corpus on disk and its figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub preset: String,
    pub seed: u64,
    /// Generator fingerprint this tree was written with.
    pub fingerprint: String,
    pub posts: u64,
    pub entries: u64,
    pub korean_posts: u64,
    pub first_release: String,
    pub last_release: String,
    /// Every `.md` file, concatenated in sorted path order.
    pub markdown_bytes: u64,
    pub markdown_gzip_bytes: u64,
    /// Seconds the generation took (when it was made, not on reuse).
    pub generate_s: f64,
}

/// Where a preset's tree lives and its marker.
pub fn paths(work: &Path, preset: Preset, seed: u64) -> (PathBuf, PathBuf) {
    let name = format!("corpus-{}-s{seed}", preset.name());
    (work.join(&name), work.join(format!("{name}.json")))
}

/// The corpus of `preset` and `seed` under `work`, generated unless a
/// complete and current one is there. The bool says whether it was reused.
/// `mode` says whether the generation and the measuring show progress on stderr.
pub fn ensure(
    work: &Path,
    preset: Preset,
    seed: u64,
    mode: Mode,
) -> Result<(PathBuf, Corpus, bool)> {
    let (dir, marker) = paths(work, preset, seed);
    let fingerprint = fingerprint(work)?;
    if let Some(c) = read_marker(&marker) {
        if dir.is_dir() && c.fingerprint == fingerprint && c.entries == preset.entries() {
            return Ok((dir, c, true));
        }
    }
    // Marker first: from here until the new marker is written, the tree is incomplete.
    remove_if_present(&marker)?;
    remove_if_present(&dir)?;
    let started = Instant::now();
    let prefix = format!("[{}] writing", preset.name());
    let bar = progress::bar(mode, &prefix, preset.entries(), "entries");
    let opts = Options {
        entries: preset.entries(),
        seed,
        out: dir.clone(),
    };
    let summary = generate_with(&opts, &mut |s| {
        if let Some(bar) = &bar {
            bar.set_position(s.entries);
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let summary = summary.with_context(|| format!("generating the {} corpus", preset.name()))?;
    let generate_s = started.elapsed().as_secs_f64();
    let measuring = format!("[{}] corpus: measuring the markdown", preset.name());
    let spinner = progress::spinner(mode, &measuring);
    let sizes = markdown_sizes(&dir);
    if let Some(spinner) = spinner {
        spinner.finish_and_clear();
    }
    let (markdown_bytes, markdown_gzip_bytes) = sizes?;
    let corpus = Corpus {
        preset: preset.name().to_string(),
        seed,
        fingerprint,
        posts: summary.posts,
        entries: summary.entries,
        korean_posts: summary.korean_posts,
        first_release: summary.first,
        last_release: summary.last,
        markdown_bytes,
        markdown_gzip_bytes,
        generate_s,
    };
    let tmp = marker.with_extension("json.tmp");
    fs::write(&tmp, serde_json::to_string_pretty(&corpus)? + "\n")
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    fs::rename(&tmp, &marker).with_context(|| format!("cannot write {}", marker.display()))?;
    Ok((dir, corpus, false))
}

fn read_marker(path: &Path) -> Option<Corpus> {
    serde_json::from_str(&fs::read_to_string(path).ok()?).ok()
}

fn remove_if_present(path: &Path) -> Result<()> {
    let r = if path.is_dir() {
        fs::remove_dir_all(path)
    } else {
        fs::remove_file(path)
    };
    match r {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(e).with_context(|| format!("cannot remove {}", path.display()))
        }
        _ => Ok(()),
    }
}

/// Every `.md` file under `root`, ordered by its `/`-separated relative path
/// (so the order, and the gzip size, do not depend on the file system).
pub fn markdown_files(root: &Path) -> Result<Vec<PathBuf>> {
    let mut found: Vec<(String, PathBuf)> = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let listing =
            fs::read_dir(&dir).with_context(|| format!("cannot list {}", dir.display()))?;
        for entry in listing {
            let entry = entry.with_context(|| format!("cannot list {}", dir.display()))?;
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                let rel = path.strip_prefix(root).unwrap_or(&path);
                let key = (rel.components())
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                found.push((key, path));
            }
        }
    }
    found.sort();
    Ok(found.into_iter().map(|(_, p)| p).collect())
}

/// Raw and gzip bytes of all markdown under `root`, concatenated in path order.
pub fn markdown_sizes(root: &Path) -> Result<(u64, u64)> {
    let mut gz = GzipSize::default();
    let mut raw = 0;
    for path in markdown_files(root)? {
        raw += fs::metadata(&path)
            .with_context(|| format!("cannot read {}", path.display()))?
            .len();
        gz.add_file(&path)?;
    }
    Ok((raw, gz.finish()))
}

/// FNV-1a over a tiny generated tree (paths and bytes): stable across Rust
/// versions, unlike `DefaultHasher`, and a few milliseconds to compute.
fn fingerprint(work: &Path) -> Result<String> {
    let tmp = work.join(".fingerprint-tmp");
    remove_if_present(&tmp)?;
    generate(&Options {
        entries: 300,
        seed: 1,
        out: tmp.clone(),
    })
    .context("generating the fingerprint tree")?;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for path in markdown_files(&tmp)? {
        eat(path.strip_prefix(&tmp)?.to_string_lossy().as_bytes());
        eat(&fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?);
    }
    remove_if_present(&tmp)?;
    Ok(format!("{h:016x}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_files_are_ordered_by_relative_path_and_skip_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("ko")).unwrap();
        for p in ["b.md", "a.md", "ko/a.md", "notes.txt", "a-b.md"] {
            fs::write(root.join(p), p).unwrap();
        }
        let names: Vec<String> = markdown_files(root)
            .unwrap()
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["a-b.md", "a.md", "b.md", "ko/a.md"]);
    }

    #[test]
    fn a_tree_without_its_marker_is_generated_again() {
        let work = tempfile::tempdir().unwrap();
        let (dir, _) = paths(work.path(), Preset::Sample, 7);
        // A half-written tree: files but no marker.
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("stale.md"), "leftover").unwrap();
        let (dir, corpus, reused) = ensure(work.path(), Preset::Sample, 7, Mode::Never).unwrap();
        assert!(!reused);
        assert!(!dir.join("stale.md").exists());
        assert_eq!(corpus.entries, Preset::Sample.entries());
        assert!(corpus.markdown_gzip_bytes > 0);
        assert!(corpus.markdown_gzip_bytes < corpus.markdown_bytes);
        let (_, again, reused) = ensure(work.path(), Preset::Sample, 7, Mode::Never).unwrap();
        assert!(reused);
        assert_eq!(again, corpus);
    }
}

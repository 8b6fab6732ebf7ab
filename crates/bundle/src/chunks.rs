//! Writing a split archive (a manifest and chunk files, `kernel_news_core::chunks`) and reading one back from disk.
//!
//! A chunk file is named by its place and a hash of its bytes
//! (`chunks/0003-1f2e3d4c5b6a7988.json`): a name never stands for two
//! contents, so a browser or the service worker may keep a chunk for good,
//! and a rebuild that changes one cycle writes one new file.

use std::path::{Path, PathBuf};

use kernel_news_core::chunks::{
    self, cut, open_bytes, parse_chunk_bytes, ChunkRef, Manifest, Opened, Progress,
};
use kernel_news_core::load::LoadError;
use kernel_news_core::{Bundle, Post, FORMAT_VERSION};
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::build::write_atomic;

/// The directory, beside the manifest, that holds the chunk files.
pub const CHUNKS_DIR: &str = "chunks";

/// A split archive ready to write.
#[derive(Debug)]
pub struct Split {
    pub manifest: Manifest,
    /// Each chunk's file name (as the manifest lists it) and JSON.
    pub files: Vec<(String, String)>,
}

/// Splits `bundle` into chunks of at least `entries` entries of whole release
/// cycles, in the viewer's reading order ([`chunks::cut`]). The posts are
/// written from the bundle itself, not copied (at 1M entries a copy is
/// gigabytes).
pub fn split(bundle: &Bundle, entries: usize) -> Split {
    let mut posts: Vec<&Post> = bundle.posts.iter().collect();
    posts.sort_by_cached_key(|p| chunks::reading_key(p));
    /// A chunk file's contents, borrowing the bundle's posts.
    #[derive(Serialize)]
    struct ChunkOut<'a> {
        format_version: u32,
        posts: &'a [&'a Post],
    }
    let mut files = Vec::new();
    let mut refs = Vec::new();
    for (i, range) in cut(&posts, entries).into_iter().enumerate() {
        let part = &posts[range];
        let chunk = ChunkOut {
            format_version: FORMAT_VERSION,
            posts: part,
        };
        let mut json = serde_json::to_string(&chunk).expect("bundle types always serialise");
        json.push('\n');
        let file = format!("{CHUNKS_DIR}/{i:04}-{}.json", content_hash(json.as_bytes()));
        refs.push(ChunkRef {
            file: file.clone(),
            posts: part.len() as u32,
            entries: part.iter().map(|p| p.entries.len() as u32).sum(),
            cycles: chunks::cycles(part),
        });
        files.push((file, json));
    }
    let head = Bundle {
        format_version: bundle.format_version,
        generator: bundle.generator.clone(),
        posts: Vec::new(),
        releases: bundle.releases.clone(),
        subsystems: bundle.subsystems.clone(),
        warnings: bundle.warnings.clone(),
        feeds: bundle.feeds.clone(),
    };
    Split {
        manifest: Manifest { head, chunks: refs },
        files,
    }
}

/// The manifest's JSON, one line as the bundle's.
pub fn manifest_json(manifest: &Manifest) -> String {
    let mut s = serde_json::to_string(manifest).expect("bundle types always serialise");
    s.push('\n');
    s
}

/// Writes the chunk files beside `out`, then the manifest at `out`
/// (atomically, so a reader never finds a manifest naming missing chunks),
/// then removes chunk files of earlier builds that the manifest no longer
/// names. Returns how many chunk files were written (unchanged ones are kept).
pub fn write(out: &Path, split: &Split) -> std::io::Result<usize> {
    let dir = out.parent().unwrap_or(Path::new(""));
    std::fs::create_dir_all(dir.join(CHUNKS_DIR))?;
    let mut written = 0;
    for (file, json) in &split.files {
        let path = dir.join(file);
        if std::fs::read(&path).ok().as_deref() != Some(json.as_bytes()) {
            write_atomic(&path, json)?;
            written += 1;
        }
    }
    write_atomic(out, &manifest_json(&split.manifest))?;
    remove_stale(dir, &split.files)?;
    Ok(written)
}

/// Removes `chunks/*.json` files that `files` does not name (and nothing else).
pub fn remove_stale(dir: &Path, files: &[(String, String)]) -> std::io::Result<()> {
    let Ok(read) = std::fs::read_dir(dir.join(CHUNKS_DIR)) else {
        return Ok(());
    };
    for item in read {
        let path = item?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let listed = |f: &(String, String)| f.0.strip_prefix("chunks/") == Some(name);
        if name.ends_with(".json") && !files.iter().any(listed) {
            std::fs::remove_file(&path)?;
        }
    }
    Ok(())
}

/// Why an archive on disk could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{}: cannot be read: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: {source}", path.display())]
    Load { path: PathBuf, source: LoadError },
}

/// The archive at `path` (a `bundle.json`, whole or a manifest) as one bundle
/// of posts: a split one with the posts of its first `upto` chunks joined in
/// reading order (all of them for `None`) and its chunks no longer listed;
/// with how much of it that is, as the viewer would say.
pub fn read(path: &Path, upto: Option<usize>) -> Result<(Bundle, Progress), ReadError> {
    let read = |p: &Path| {
        std::fs::read(p).map_err(|source| ReadError::Io {
            path: p.to_path_buf(),
            source,
        })
    };
    let bytes = read(path)?;
    let load = |p: &Path, source| ReadError::Load {
        path: p.to_path_buf(),
        source,
    };
    let manifest = match open_bytes(&bytes).map_err(|e| load(path, e))? {
        Opened::Whole(bundle) => return Ok((bundle, Progress::default())),
        Opened::Split(manifest) => manifest,
    };
    let dir = path.parent().unwrap_or(Path::new(""));
    let mut bundle = manifest.head;
    let n = upto
        .unwrap_or(manifest.chunks.len())
        .min(manifest.chunks.len());
    for chunk in &manifest.chunks[..n] {
        let file = dir.join(&chunk.file);
        let posts = parse_chunk_bytes(&read(&file)?, &chunk.file).map_err(|e| load(&file, e))?;
        bundle.posts.extend(posts);
    }
    let entries = bundle.posts.iter().map(|p| p.entries.len()).sum();
    Ok((bundle, Progress::new(&manifest.chunks, n, entries)))
}

/// The first 64 bits of the SHA-256 of `bytes`, in hex: enough for a file
/// name to change whenever the bytes do.
fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use kernel_news_core::{Entry, Post, ReleaseSource};

    fn post(id: &str, cycle: &str, entries: usize) -> Post {
        Post {
            id: id.into(),
            path: format!("{id}.md"),
            title: id.into(),
            release: Some(id.into()),
            release_source: ReleaseSource::Title,
            cycle: Some(cycle.into()),
            lang: "en".into(),
            entries: (0..entries)
                .map(|i| Entry {
                    title: format!("entry {i}"),
                    body: format!("body {i} of {id}"),
                    line: 1 + i as u32,
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    fn bundle() -> Bundle {
        let mut b = Bundle {
            format_version: FORMAT_VERSION,
            generator: "t".into(),
            // Bundle order (by date), not reading order: split must sort.
            posts: vec![
                post("v6.6-rc1", "v6.6", 2),
                post("v6.8-rc1", "v6.8", 3),
                post("v6.7-rc1", "v6.7", 2),
                post("v6.7-rc2", "v6.7", 1),
            ],
            ..Default::default()
        };
        for p in &mut b.posts {
            kernel_news_core::ids::assign_entries(p);
        }
        b
    }

    #[test]
    fn a_split_archive_written_and_read_back_is_the_bundle_in_reading_order() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("bundle.json");
        let s = split(&bundle(), 4);
        let names: Vec<&str> = s.manifest.chunks.iter().map(|c| c.file.as_str()).collect();
        assert_eq!(names.len(), 2, "v6.8 and v6.7 (6 entries), then v6.6");
        assert!(names[0].starts_with("chunks/0000-") && names[1].starts_with("chunks/0001-"));
        assert_eq!(s.manifest.chunks[0].cycles, ["v6.8", "v6.7"]);
        assert_eq!(
            (s.manifest.chunks[0].posts, s.manifest.chunks[0].entries),
            (3, 6)
        );
        assert_eq!(write(&out, &s).unwrap(), 2);
        let (whole, progress) = read(&out, None).unwrap();
        let mut expected = bundle();
        kernel_news_core::chunks::reading_order(&mut expected.posts);
        assert_eq!(whole.posts, expected.posts);
        assert!(progress.is_complete());
        let (first, progress) = read(&out, Some(1)).unwrap();
        assert_eq!(first.posts, expected.posts[..3]);
        assert_eq!((progress.chunks, progress.entries), ((1, 2), (6, 8)));
    }

    #[test]
    fn a_rebuild_writes_only_changed_chunks_and_removes_the_ones_no_longer_named() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("bundle.json");
        write(&out, &split(&bundle(), 3)).unwrap();
        std::fs::write(dir.path().join("chunks/README.txt"), "kept").unwrap();
        let mut changed = bundle();
        changed.posts[0].entries[0].body = "edited".into();
        let s = split(&changed, 3);
        assert_eq!(write(&out, &s).unwrap(), 1, "only v6.6's chunk changed");
        let mut left: Vec<String> = std::fs::read_dir(dir.path().join("chunks"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        let mut expected: Vec<String> = (s.files.iter())
            .map(|(f, _)| f.trim_start_matches("chunks/").to_string())
            .chain(["README.txt".to_string()])
            .collect();
        expected.sort();
        assert_eq!(left, expected);
    }

    #[test]
    fn a_missing_chunk_is_named_with_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("bundle.json");
        let s = split(&bundle(), 3);
        write(&out, &s).unwrap();
        std::fs::remove_file(dir.path().join(&s.files[1].0)).unwrap();
        let e = read(&out, None).unwrap_err().to_string();
        assert!(
            e.contains(&s.files[1].0) && e.contains("cannot be read"),
            "{e}"
        );
        assert!(
            read(&out, Some(1)).is_ok(),
            "the first chunk alone is there"
        );
    }

    #[test]
    fn a_content_hash_is_sixteen_hex_digits_that_change_with_the_bytes() {
        let (a, b) = (content_hash(b"a"), content_hash(b"b"));
        assert_eq!(a.len(), 16);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
        assert_eq!(a, content_hash(b"a"));
    }
}

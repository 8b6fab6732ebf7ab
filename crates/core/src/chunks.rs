//! The split archive: a manifest naming chunk files of whole release cycles, the rule that cuts them, and how much of it is loaded.
//!
//! A large archive is one `bundle.json` without posts (the manifest: releases,
//! subsystems, warnings, feeds and [`ChunkRef`]s) and chunk files of posts in
//! the viewer's reading order ([`reading_order`]), newest cycle first. The
//! viewer shows the first chunk while it fetches the rest, so the first
//! results need only the newest cycles; appending chunk after chunk in order
//! gives exactly the archive of the unsplit bundle (posts, entry numbers,
//! order), which is what keeps a split archive and a whole one alike.

use std::borrow::Borrow;
use std::cmp::Reverse;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::load::LoadError;
use crate::version::KernelVersion;
use crate::{Bundle, Post};

/// A split archive's `bundle.json`: a bundle without posts (its releases,
/// subsystems, warnings and feeds are the whole archive's), and its chunks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    #[serde(flatten)]
    pub head: Bundle,
    /// In reading order: appending their posts one after another gives the
    /// archive's posts in reading order.
    pub chunks: Vec<ChunkRef>,
}

/// One chunk file of a split archive, as the manifest lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkRef {
    /// Relative to the manifest's directory: `chunks/0003-1f2e3d4c5b6a7988.json`
    /// (its position, then a hash of its bytes, so a file name never stands
    /// for two contents and caches may keep it for good).
    pub file: String,
    /// Posts in the chunk.
    pub posts: u32,
    /// Entries in the chunk.
    pub entries: u32,
    /// The release cycles of its posts, newest first; absent for a chunk of
    /// posts that name no release.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cycles: Vec<String>,
}

/// The contents of one chunk file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Chunk {
    pub format_version: u32,
    /// In reading order, continuing the previous chunk's.
    pub posts: Vec<Post>,
}

/// What a `bundle.json` holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Opened {
    Whole(Bundle),
    Split(Manifest),
}

/// Reads a `bundle.json`: a whole bundle or a split archive's manifest, with
/// the errors of [`crate::load::parse_bundle`].
pub fn open_bytes(text: &[u8]) -> Result<Opened, LoadError> {
    let bundle = crate::load::parse_bundle_bytes(text)?;
    if !bundle.posts.is_empty() {
        return Ok(Opened::Whole(bundle));
    }
    // Only a bundle without posts can be a manifest, and it is small: reading
    // it a second time for its chunks costs nothing.
    #[derive(Deserialize)]
    struct Probe {
        #[serde(default)]
        chunks: Vec<ChunkRef>,
    }
    let probe: Probe = serde_json::from_slice(text).map_err(|e| LoadError::Shape {
        message: e.to_string(),
    })?;
    Ok(match probe.chunks {
        chunks if chunks.is_empty() => Opened::Whole(bundle),
        chunks => Opened::Split(Manifest {
            head: bundle,
            chunks,
        }),
    })
}

/// Reads one chunk file (`file` names it in errors), its entries numbered as
/// [`crate::load::parse_bundle`] numbers a bundle's.
pub fn parse_chunk_bytes(text: &[u8], file: &str) -> Result<Vec<Post>, LoadError> {
    let in_chunk = |error| LoadError::InChunk {
        file: file.to_string(),
        error: Box::new(error),
    };
    let mut chunk: Chunk =
        crate::load::parse_versioned(text, |c: &Chunk| c.format_version).map_err(in_chunk)?;
    for post in &mut chunk.posts {
        crate::ids::assign_entries(post);
    }
    Ok(chunk.posts)
}

/// The key the viewer reads posts in: newest cycle first, then newest release
/// tag, posts naming no release last. Sorting by it is stable, so posts of one
/// release keep the bundle's order (newest first by date).
pub fn reading_key(
    post: &Post,
) -> (
    Reverse<Option<KernelVersion>>,
    Reverse<Option<KernelVersion>>,
) {
    let v = |s: &Option<String>| s.as_deref().and_then(|s| s.parse::<KernelVersion>().ok());
    let release = v(&post.release);
    (
        Reverse(v(&post.cycle).or(release.map(KernelVersion::cycle))),
        Reverse(release),
    )
}

/// Sorts posts into reading order ([`reading_key`]).
pub fn reading_order(posts: &mut [Post]) {
    posts.sort_by_cached_key(reading_key);
}

/// The cycle a post is filed under in reading order (its `cycle`, else its
/// release's); `None` for a post that names no release.
fn cycle_of(post: &Post) -> Option<KernelVersion> {
    reading_key(post).0 .0
}

/// Cuts posts in reading order into chunks of at least `entries` entries
/// each (the last may have fewer), never cutting a release cycle in two, so
/// a release filter needs the chunks of its cycles and no others. The
/// ranges cover every post, in order.
/// The posts may be owned or borrowed (the bundler cuts a sorted list of
/// references, so a large bundle is not copied to be split).
pub fn cut<P: Borrow<Post>>(posts: &[P], entries: usize) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let (mut start, mut size) = (0, 0);
    for (i, post) in posts.iter().map(Borrow::borrow).enumerate() {
        if i > start && size >= entries && cycle_of(post) != cycle_of(posts[i - 1].borrow()) {
            ranges.push(start..i);
            (start, size) = (i, 0);
        }
        size += post.entries.len();
    }
    if start < posts.len() {
        ranges.push(start..posts.len());
    }
    ranges
}

/// The release cycles of a run of posts in reading order, each once, as
/// [`ChunkRef::cycles`] lists them.
pub fn cycles<P: Borrow<Post>>(posts: &[P]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for cycle in posts.iter().filter_map(|p| cycle_of(p.borrow())) {
        let name = cycle.to_string();
        if out.last() != Some(&name) {
            out.push(name);
        }
    }
    out
}

/// How much of a split archive the viewer holds: what the status line says
/// while the rest comes in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Progress {
    /// Chunks fetched so far, of how many the manifest lists.
    pub chunks: (usize, usize),
    /// Entries searchable so far (appended to the archive), of how many the
    /// manifest counts.
    pub entries: (usize, usize),
    /// Why the next chunk could not be loaded, worded for the reader; loading
    /// stops there.
    pub failed: Option<String>,
}

impl Progress {
    /// `fetched` of `chunks` are in, and `searchable` entries appended.
    pub fn new(chunks: &[ChunkRef], fetched: usize, searchable: usize) -> Progress {
        Progress {
            chunks: (fetched, chunks.len()),
            entries: (searchable, chunks.iter().map(|c| c.entries as usize).sum()),
            failed: None,
        }
    }

    /// The progress of a split archive opened with its first chunk (or of a
    /// whole one: nothing left to load).
    pub fn opened(chunks: &[ChunkRef]) -> Progress {
        let first = chunks.first().map_or(0, |c| c.entries as usize);
        Progress::new(chunks, chunks.len().min(1), first)
    }

    /// Every entry is searchable (or the archive was never split).
    pub fn is_complete(&self) -> bool {
        self.entries.0 >= self.entries.1 && self.chunks.0 >= self.chunks.1
    }

    /// Whether loading has ended, complete or not: nothing more will come.
    pub fn is_over(&self) -> bool {
        self.is_complete() || self.failed.is_some()
    }
}

/// Whether fetched entries waiting to be appended should be appended now,
/// re-indexing the archive: when they would make it at least four times as
/// large, or when nothing more is coming. Growing by a factor keeps the
/// re-indexing over the whole load within a third more than indexing once
/// at the end (1 + 1/4 + 1/16 + …), while searches cover more and more of
/// the archive as it arrives.
pub fn append_now(searchable: usize, pending: usize, last: bool) -> bool {
    pending > 0 && (last || pending >= searchable.saturating_mul(3))
}

#[cfg(test)]
#[path = "chunks_tests.rs"]
mod tests;

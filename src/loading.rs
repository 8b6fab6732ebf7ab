//! The rest of a split archive: its chunks fetched in order after the first results, appended as they come in, with the progress the status line reads.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use kernel_news_core::archive::Archive;
use kernel_news_core::chunks::{append_now, ChunkRef};
use kernel_news_core::Post;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::ctx::Ctx;
use crate::fetch::fetch_chunk;

/// The opened archive and the chunks still to fetch, handed once from the
/// loader to the viewer: the viewer owns the archive so it can append to it
/// in place (a second copy of a large archive would double its memory).
#[derive(Clone)]
pub struct Opened(Arc<Mutex<Option<Opening>>>);

/// The archive with its first chunk, and every chunk the manifest lists.
type Opening = (Archive, Vec<ChunkRef>);

impl Opened {
    pub fn new(archive: Archive, chunks: Vec<ChunkRef>) -> Opened {
        Opened(Arc::new(Mutex::new(Some((archive, chunks)))))
    }

    /// The archive and every chunk the manifest lists, the first time; `None` after.
    pub fn take(&self) -> Option<Opening> {
        self.0.lock().ok()?.take()
    }
}

/// Builds the full-text index once the current results are painted (a frame,
/// then a task), so the next keystroke finds it ready.
pub fn prepare_search_later(ctx: Ctx) {
    request_animation_frame(move || {
        set_timeout(
            move || ctx.archive.with_value(Archive::prepare_search),
            Duration::ZERO,
        );
    });
}

/// Fetches `chunks` after the first one, in order, and appends them to the
/// archive whenever [`append_now`] says so, then once more at the end. A
/// chunk that cannot be loaded stops the loading; what came before it is
/// kept, and the status line says which part is missing and why.
pub fn load_rest(ctx: Ctx, chunks: Vec<ChunkRef>) {
    if chunks.len() < 2 {
        return;
    }
    spawn_local(async move {
        let mut pending: Vec<Post> = Vec::new();
        let mut pending_entries = 0;
        let rest = &chunks[1..];
        for (i, chunk) in rest.iter().enumerate() {
            match fetch_chunk(chunk).await {
                Ok(posts) => {
                    pending_entries += posts.iter().map(|p| p.entries.len()).sum::<usize>();
                    pending.extend(posts);
                    ctx.progress.update(|p| p.chunks.0 += 1);
                    let have = ctx.archive.with_value(Archive::len);
                    let last = i + 1 == rest.len();
                    if append_now(have, pending_entries, last) {
                        append(ctx, std::mem::take(&mut pending), last);
                        pending_entries = 0;
                    }
                }
                Err(e) => {
                    append(ctx, std::mem::take(&mut pending), true);
                    ctx.progress.update(|p| p.failed = Some(e.to_string()));
                    return;
                }
            }
        }
    });
}

/// Appends fetched posts, re-indexes, and tells every view that reads the
/// archive. The full-text index is built ahead only after the `last` append:
/// an index of an archive about to grow fourfold is mostly wasted, and a
/// search while the archive grows builds the one it needs.
fn append(ctx: Ctx, posts: Vec<Post>, last: bool) {
    if posts.is_empty() {
        return;
    }
    ctx.archive.update_value(|a| a.extend(posts));
    let have = ctx.archive.with_value(Archive::len);
    ctx.progress.update(|p| p.entries.0 = have);
    ctx.generation.update(|g| *g += 1);
    if last {
        prepare_search_later(ctx);
    }
}

//! A whole post as written: its preamble and its entries, each with its own permalink, a window of them at a time.

use kernel_news_core::bounded::{
    entries_shown, more_entries, more_entries_label, POST_ENTRIES_SHOWN,
};
use kernel_news_core::listing::{post_facts, OPEN_TITLE};
use kernel_news_core::viewstate::{Open, ViewState};
use leptos::prelude::*;

use crate::components::body::body;
use crate::components::entry_meta::entry_meta;
use crate::components::entry_view::{permalink, CopyLink, NotFound};
use crate::ctx::use_ctx;

#[component]
pub fn PostView(id: String) -> impl IntoView {
    let ctx = use_ctx();
    let state = ctx.state.get_untracked();
    let back = state.closed().href();
    // Entries rendered: core's first window, grown a window per "Show more".
    let limit = RwSignal::new(POST_ENTRIES_SHOWN);
    let found = ctx.archive.with_value(|a| {
        let post = a.post(&id)?;
        let meta = post_facts(post);
        let total = post.entries.len();
        let preamble = body(&post.preamble, &post.charts, &post.lang);
        let (title, lang) = (post.title.clone(), post.lang.clone());
        // An old permalink resolves too; this page hands out the current one.
        let canonical = post.id.clone();
        let entries = piece(canonical.clone(), 0, total, limit, state.clone());
        let more = move || {
            more_entries_label(total, limit.get()).map(|label| {
                view! {
                    <button type="button" class="show-more" on:click=move |_| limit.update(|l| *l = more_entries(*l))>
                        {label}
                    </button>
                }
            })
        };
        Some((
            canonical,
            view! {
                <h2 id=OPEN_TITLE tabindex="-1">{title}</h2>
                <p class="post-meta">{meta}</p>
                <div lang=lang>
                    <div class="preamble">{preamble}</div>
                    {entries}
                </div>
                {more}
            },
        ))
    });
    match found {
        None => view! { <NotFound what="post" id=id back=back /> }.into_any(),
        Some((canonical, body)) => view! {
            <article class="post-view" aria-labelledby=OPEN_TITLE>
                <nav class="pager" aria-label="Post navigation">
                    <a class="back" href=back>"← Back to results"</a>
                </nav>
                {body}
                <CopyLink url=permalink(Open::Post(canonical)) />
            </article>
        }
        .into_any(),
    }
}

/// Entries `start..` of post `id`, as far as the window `limit` reaches: one
/// window's worth, then the next piece once the window grows past them. A
/// piece renders once (its memo flips once), so "Show more" renders only the
/// new entries, and the pieces sit side by side in the page, not nested.
fn piece(
    id: String,
    start: usize,
    total: usize,
    limit: RwSignal<usize>,
    state: ViewState,
) -> AnyView {
    let ctx = use_ctx();
    let end = entries_shown(total, start + POST_ENTRIES_SHOWN);
    let entries = ctx.archive.with_value(|a| {
        let post = a.post(&id)?;
        Some(
            post.entries[start..end]
                .iter()
                .map(|e| {
                    let to = state.opened(Open::Entry(e.id.clone())).href();
                    let title = e.title.clone();
                    view! {
                        <section class="post-entry">
                            <h3><a href=to>{title}</a></h3>
                            {entry_meta(post, e)}
                            {body(&e.body, &e.charts, &post.lang)}
                        </section>
                    }
                })
                .collect_view(),
        )
    });
    let next_shown = Memo::new(move |_| entries_shown(total, limit.get()) > end);
    let next = move || {
        next_shown
            .get()
            .then(|| piece(id.clone(), end, total, limit, state.clone()))
    };
    view! { {entries} {next} }.into_any()
}

//! A whole post as written: its preamble and its entries, each with its own permalink, a window of them at a time.

use kernel_news_core::bounded::POST_ENTRIES_SHOWN;
use kernel_news_core::listing::{post_facts, OPEN_TITLE};
use kernel_news_core::viewstate::{Open, ViewState};
use leptos::prelude::*;

use crate::components::body::body;
use crate::components::entry_meta::entry_meta;
use crate::components::entry_view::{permalink, CopyLink, NotFound};
use crate::components::window::{pieces, show_more};
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
        let (post_id, at) = (canonical.clone(), state.clone());
        let entries = pieces(0, total, limit, move |range| entries(&post_id, range, &at));
        let more = show_more(total, limit);
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

/// Entries `range` of post `id`, each with its heading, facts and body.
fn entries(id: &str, range: std::ops::Range<usize>, state: &ViewState) -> AnyView {
    let ctx = use_ctx();
    let entries = ctx.archive.with_value(|a| {
        let post = a.post(id)?;
        Some(
            post.entries[range]
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
    entries.into_any()
}

//! A series page: every posting of one patch series in order, the timeline and each write-up's body, a window of write-ups at a time, with a permalink.

use kernel_news_core::bounded::POST_ENTRIES_SHOWN;
use kernel_news_core::listing::OPEN_TITLE;
use kernel_news_core::story_html::{
    posting_continued_html, posting_heading_html, series_head_html, title, writeup_heading_html,
    writeups_in, writeups_total,
};
use kernel_news_core::viewstate::{Open, ViewState};
use leptos::prelude::*;

use crate::components::body::body;
use crate::components::entry_view::{permalink, CopyLink, NotFound};
use crate::components::window::{pieces, show_more};
use crate::ctx::use_ctx;

#[component]
pub fn SeriesView(id: String) -> impl IntoView {
    let ctx = use_ctx();
    let state = ctx.state.get_untracked();
    let back = state.closed().href();
    // Write-ups rendered (across postings, in order): core's first window,
    // grown a window per "Show more", as the post view grows its entries.
    let limit = RwSignal::new(POST_ENTRIES_SHOWN);
    let found = ctx.archive.with_value(|a| {
        let story = a.story(&id)?;
        let heading = title(a, story).to_string();
        let head = series_head_html(a, story, &state);
        let total = writeups_total(story);
        let (series, at) = (id.clone(), state.clone());
        let writeups = pieces(0, total, limit, move |range| writeups(&series, range, &at));
        let more = show_more(total, limit);
        Some(view! {
            <h2 id=OPEN_TITLE tabindex="-1">{heading}</h2>
            <div class="series-head" inner_html=head></div>
            {writeups}
            {more}
        })
    });
    match found {
        None => view! { <NotFound what="series" id=id back=back /> }.into_any(),
        Some(page) => view! {
            <article class="series-view" aria-labelledby=OPEN_TITLE>
                <nav class="pager" aria-label="Series navigation">
                    <a class="back" href=back>"← Back to results"</a>
                </nav>
                {page}
                <CopyLink url=permalink(Open::Series(id)) />
            </article>
        }
        .into_any(),
    }
}

/// Write-ups `range` of series `id` (counted across postings in order),
/// posting by posting: each write-up's heading (core's HTML) and its body; a
/// posting a window cuts goes on in the next window under a "(continued)" heading.
fn writeups(id: &str, range: std::ops::Range<usize>, state: &ViewState) -> AnyView {
    let ctx = use_ctx();
    let postings = ctx.archive.with_value(|a| {
        let story = a.story(id)?;
        Some(
            writeups_in(story, range)
                .into_iter()
                .map(|part| {
                    let head = if part.first {
                        posting_heading_html(story, part.posting)
                    } else {
                        posting_continued_html(story, part.posting)
                    };
                    let writeups = (part.writeups.iter())
                        .map(|&n| {
                            let (post, entry) = a.entry(n);
                            view! {
                                <article class="series-writeup" lang=post.lang.clone()>
                                    <div inner_html=writeup_heading_html(a, n, state)></div>
                                    {body(&entry.body, &entry.charts, &post.lang)}
                                </article>
                            }
                        })
                        .collect_view();
                    view! {
                        <section class="series-posting">
                            <div inner_html=head></div>
                            {writeups}
                        </section>
                    }
                })
                .collect_view(),
        )
    });
    postings.into_any()
}

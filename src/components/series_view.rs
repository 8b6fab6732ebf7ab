//! A series page: every posting of one patch series in order, the timeline and each write-up's body, with a permalink.

use kernel_news_core::listing::OPEN_TITLE;
use kernel_news_core::story_html::{
    posting_heading_html, series_head_html, title, writeup_heading_html,
};
use kernel_news_core::viewstate::Open;
use leptos::prelude::*;

use crate::components::body::body;
use crate::components::entry_view::{permalink, CopyLink, NotFound};
use crate::ctx::use_ctx;

#[component]
pub fn SeriesView(id: String) -> impl IntoView {
    let ctx = use_ctx();
    let state = ctx.state.get_untracked();
    let back = state.closed().href();
    let found = ctx.archive.with_value(|a| {
        let story = a.stories().get(&id)?;
        let heading = title(a, story).to_string();
        let head = series_head_html(a, story, &state);
        // Posting by posting, each write-up's heading (core's HTML) and its body.
        let postings = (0..story.postings.len())
            .map(|i| {
                let writeups = (story.postings[i].writeups.iter())
                    .map(|&n| {
                        let (post, entry) = a.entry(n);
                        view! {
                            <article class="series-writeup" lang=post.lang.clone()>
                                <div inner_html=writeup_heading_html(a, n, &state)></div>
                                {body(&entry.body, &entry.charts, &post.lang)}
                            </article>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="series-posting">
                        <div inner_html=posting_heading_html(story, i)></div>
                        {writeups}
                    </section>
                }
            })
            .collect_view();
        Some(view! {
            <h2 id=OPEN_TITLE tabindex="-1">{heading}</h2>
            <div class="series-head" inner_html=head></div>
            {postings}
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

//! The result list: hits grouped by post, windowed to `limit` rows with "show more".

use kernel_news_core::cursor::{more_label, PAGE};
use kernel_news_core::listing::results_html;
use leptos::prelude::*;

use crate::ctx::use_ctx;

#[component]
pub fn Results() -> impl IntoView {
    let ctx = use_ctx();
    // One string per update: see kernel_news_core::listing for why.
    let rows = move || {
        let state = ctx.filters.get();
        let needles = ctx.highlights.get();
        let terms: Vec<&str> = needles.iter().map(String::as_str).collect();
        let limit = ctx.limit.get();
        ctx.outcome.with(|o| {
            let shown = &o.hits[..o.hits.len().min(limit)];
            ctx.archive
                .with_value(|a| results_html(a, shown, &state, &terms))
        })
    };
    let more = move || {
        let (total, limit) = (ctx.outcome.with(|o| o.hits.len()), ctx.limit.get());
        more_label(total, limit).map(|label| {
            view! {
                <button class="show-more" on:click=move |_| ctx.limit.update(|l| *l += PAGE)>
                    {label}
                </button>
            }
        })
    };
    let empty = move || {
        ctx.outcome.with(|o| o.hits.is_empty()).then(|| {
            view! {
                <p class="empty">"No entry matches. Remove a filter or change the search."</p>
            }
        })
    };
    view! {
        <div class="results">
            {empty}
            <div class="groups" inner_html=rows></div>
            {more}
        </div>
    }
}

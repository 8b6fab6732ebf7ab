//! The result list: hits grouped by post, windowed to `limit` rows with "show more".

use kernel_news_core::cursor::{more_label, PAGE};
use kernel_news_core::listing::result_groups;
use kernel_news_core::result_parts::Group;
use leptos::html::Div;
use leptos::prelude::*;

use crate::ctx::use_ctx;
use crate::patch::patch_groups;

#[component]
pub fn Results() -> impl IntoView {
    let ctx = use_ctx();
    // Core writes the rows as keyed parts; only the parts that changed since
    // the last render are written into the page (see crate::patch).
    let groups = NodeRef::<Div>::new();
    let rendered = StoredValue::new(Vec::<Group>::new());
    Effect::new(move |_| {
        let state = ctx.filters.get();
        let needles = ctx.highlights.get();
        let terms: Vec<&str> = needles.iter().map(String::as_str).collect();
        let limit = ctx.limit.get();
        let new = ctx.outcome.with(|o| {
            let shown = &o.hits[..o.hits.len().min(limit)];
            ctx.archive
                .with_value(|a| result_groups(a, shown, &state, &terms))
        });
        let Some(div) = groups.get() else { return };
        rendered.update_value(|old| {
            patch_groups(&div, old, &new);
            *old = new.into_iter().map(Group::rendered).collect();
        });
    });
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
            <div class="groups" node_ref=groups></div>
            {more}
        </div>
    }
}

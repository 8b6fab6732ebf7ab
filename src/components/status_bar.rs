//! The result count (a live status), a removable chip per active filter, "clear all" and the sort order.

use kernel_news_core::viewstate::Sort;
use leptos::prelude::*;

use crate::ctx::use_ctx;

#[component]
pub fn StatusBar() -> impl IntoView {
    let ctx = use_ctx();
    let total = ctx.archive.with_value(|a| a.len());
    let count = move || {
        let (hits, posts) = ctx.outcome.with(|o| (o.hits.len(), o.posts));
        // "1 entry in 1 post", but "1 of 61 entries": the noun follows the last number.
        let noun = |n: usize| if n == 1 { "entry" } else { "entries" };
        let entries = noun(if hits == total { hits } else { total });
        let in_posts = if posts == 1 {
            "1 post".to_string()
        } else {
            format!("{posts} posts")
        };
        if hits == total {
            format!("{hits} {entries} in {in_posts}")
        } else {
            format!("{hits} of {total} {entries}, in {in_posts}")
        }
    };
    let chips = move || {
        let state = ctx.filters.get();
        let mut chips: Vec<AnyView> = Vec::new();
        if !state.query.trim().is_empty() {
            let text = format!("Search: {}", state.query.trim());
            let label = format!("Remove the search {}", state.query.trim());
            chips.push(view! {
                <li><button type="button" class="chip" aria-label=label
                    on:click=move |_| ctx.push(|s| s.query.clear())>{text}<span aria-hidden="true">" ×"</span></button></li>
            }.into_any());
        }
        for (facet, values) in &state.filters {
            for value in values {
                let facet = *facet;
                let shown = ctx.archive.with_value(|a| a.value_label(facet, value));
                let text = format!("{}: {shown}", facet.label());
                let label = format!("Remove filter {text}");
                let value = value.clone();
                chips.push(view! {
                    <li><button type="button" class="chip" aria-label=label
                        on:click=move |_| ctx.push(|s| { s.remove(facet, &value); })>{text}<span aria-hidden="true">" ×"</span></button></li>
                }.into_any());
            }
        }
        (!chips.is_empty()).then(|| view! {
            <ul class="chips" aria-label="Active filters">
                {chips}
                <li><button type="button" class="clear-all" on:click=move |_| ctx.push(|s| s.clear())>"Clear all"</button></li>
            </ul>
        })
    };
    let on_sort = move |ev| {
        let sort = if event_target_value(&ev) == "oldest" {
            Sort::Oldest
        } else {
            Sort::Newest
        };
        ctx.push(|s| s.sort = sort);
    };
    view! {
        <div class="status-bar">
            <p class="result-count" role="status">{count}</p>
            <label class="sort">
                "Order "
                <select on:change=on_sort prop:value=move || ctx.state.with(|s| if s.sort == Sort::Oldest { "oldest" } else { "newest" })>
                    <option value="newest">"Newest first"</option>
                    <option value="oldest">"Oldest first"</option>
                </select>
            </label>
        </div>
        {chips}
    }
}

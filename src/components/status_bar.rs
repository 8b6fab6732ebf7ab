//! The result count (a live status), a removable chip per active filter, "clear all", the sort order, the one-row-per-series toggle and "Subscribe" to the feed of the subsystem filter.

use kernel_news_core::facets::Facet;
use kernel_news_core::first_view::ORDER_LABEL;
use kernel_news_core::status::{chips, status_line};
use kernel_news_core::story_html::PER_SERIES_LABEL;
use kernel_news_core::subscribe::{offer, ATOM_TYPE};
use kernel_news_core::viewstate::Sort;
use leptos::prelude::*;

use crate::ctx::use_ctx;

#[component]
pub fn StatusBar() -> impl IntoView {
    let ctx = use_ctx();
    let count = move || {
        // Entries, or series and the other entries when one row stands for
        // each series; and how much of a split archive is in so far.
        ctx.generation.track();
        let total = ctx.archive.with_value(|a| a.len());
        ctx.progress
            .with(|p| ctx.outcome.with(|o| status_line(o, total, p)))
    };
    let chips = move || {
        let state = ctx.filters.get();
        let chips = ctx
            .archive
            .with_value(|a| chips(&state, |f, v| a.value_label(f, v)));
        (!chips.is_empty()).then(|| {
            let items = chips
                .into_iter()
                .map(|chip| {
                    let (text, label) = (chip.text.clone(), chip.label.clone());
                    view! {
                        <li><button type="button" class="chip" aria-label=label
                            on:click=move |_| ctx.push(|s| chip.remove_from(s))>{text}<span aria-hidden="true">" ×"</span></button></li>
                    }
                })
                .collect_view();
            view! {
                <ul class="chips" aria-label="Active filters">
                    {items}
                    <li><button type="button" class="clear-all" on:click=move |_| ctx.push(|s| s.clear())>"Clear all"</button></li>
                </ul>
            }
        })
    };
    let on_sort = move |ev| {
        let sort = Sort::from_key(&event_target_value(&ev));
        ctx.push(|s| s.sort = sort);
    };
    let on_rows = move |ev| {
        let on = event_target_checked(&ev);
        ctx.push(|s| s.per_series = on);
    };
    // The feeds the bundle lists (none without --base-url); core picks the one to offer.
    let feeds = ctx
        .archive
        .with_value(|a| a.bundle.feeds.as_ref().map(|f| f.files.clone()));
    let subscribe = move || {
        let files = feeds.as_deref()?;
        let o = ctx
            .filters
            .with(|s| offer(files, s.filters.get(&Facet::Subsystem)))?;
        Some(view! { <a class="subscribe" href=o.href type=ATOM_TYPE title=o.title>{o.text}</a> })
    };
    let orders = Sort::ALL
        .into_iter()
        .map(|s| view! { <option value=s.key()>{s.label()}</option> })
        .collect_view();
    view! {
        <div class="status-bar">
            <p class="result-count" role="status">{count}</p>
            <div class="view-options">
                {subscribe}
                <label class="sort">
                    {ORDER_LABEL}
                    <select on:change=on_sort prop:value=move || ctx.state.with(|s| s.sort.key())>
                        {orders}
                    </select>
                </label>
                <label class="per-series">
                    <input type="checkbox" on:change=on_rows prop:checked=move || ctx.state.with(|s| s.per_series) />
                    {PER_SERIES_LABEL}
                </label>
            </div>
        </div>
        {chips}
    }
}

//! A long list drawn a window at a time: each piece once, the next when "Show more" grows the window past it.

use std::ops::Range;

use kernel_news_core::bounded::{
    entries_shown, more_entries, more_entries_label, POST_ENTRIES_SHOWN,
};
use leptos::prelude::*;

/// Items `start..` of `total`: the window from `start` drawn by `draw`, then
/// the next piece once `limit` grows past it. A piece renders once (its memo
/// flips once), so "Show more" renders only the new items, and the pieces sit
/// side by side in the page, not nested.
pub fn pieces<F>(start: usize, total: usize, limit: RwSignal<usize>, draw: F) -> AnyView
where
    F: Fn(Range<usize>) -> AnyView + Clone + Send + Sync + 'static,
{
    let end = entries_shown(total, start + POST_ENTRIES_SHOWN);
    let here = draw(start..end);
    let next_shown = Memo::new(move |_| entries_shown(total, limit.get()) > end);
    let next = move || {
        next_shown
            .get()
            .then(|| pieces(end, total, limit, draw.clone()))
    };
    view! { {here} {next} }.into_any()
}

/// The "Show N more" button while any of `total` items is not drawn; it grows `limit` a window.
pub fn show_more(total: usize, limit: RwSignal<usize>) -> impl IntoView {
    move || {
        more_entries_label(total, limit.get()).map(|label| {
            view! {
                <button type="button" class="show-more" on:click=move |_| limit.update(|l| *l = more_entries(*l))>
                    {label}
                </button>
            }
        })
    }
}

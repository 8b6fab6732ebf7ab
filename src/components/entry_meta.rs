//! One entry's facts on one line (kind, patch version, series, subsystems, authors, date, thread), as core writes them.

use kernel_news_core::listing::{entry_meta_html, ENTRY_META};
use kernel_news_core::{Entry, Post};
use leptos::prelude::*;

use crate::ctx::use_ctx;

/// Built from borrowed data inside `Archive` look-ups, so it is a function, not a component.
pub fn entry_meta(post: &Post, entry: &Entry) -> impl IntoView {
    let state = use_ctx().state.get_untracked();
    view! { <div class=ENTRY_META inner_html=entry_meta_html(post, entry, &state)></div> }
}

//! One entry's facts on one line: kind, patch version, series, subsystems, authors, date, thread.

use kernel_news_core::facets::Facet;
use kernel_news_core::{Entry, Post};
use leptos::prelude::*;

use crate::ctx::use_ctx;
use crate::location::href;

/// Built from borrowed data inside `Archive` look-ups, so it is a function, not a component.
pub fn entry_meta(post: &Post, entry: &Entry) -> impl IntoView {
    let ctx = use_ctx();
    let kind = entry.kind;
    let version = entry.patch_version.map(|v| {
        view! { <span class="badge version" title="Patch version">{format!("v{v}")}</span> }
    });
    let series = entry.series.map(|s| {
        view! { <span class="badge series" title="Patch in series">{format!("{}/{}", s.index, s.total)}</span> }
    });
    // Each subsystem links to the archive filtered to it (a plain link: new tab works).
    let subsystems = (entry.subsystems.iter())
        .map(|s| {
            let mut to = ctx.state.get_untracked().closed();
            if !to.is_picked(Facet::Subsystem, s) {
                to.toggle(Facet::Subsystem, s);
            }
            let title = format!("Show entries in {s}");
            view! { <a class="badge subsystem" href=href(&to) title=title>{s.clone()}</a> }
        })
        .collect_view();
    let authors = (!entry.authors.is_empty()).then(|| {
        let names = entry.authors.join(", ");
        view! { <span class="authors">{names}</span> }
    });
    let day = post
        .day()
        .map(|d| view! { <time datetime=d.to_string()>{d.to_string()}</time> });
    let thread = entry.thread_url().map(|url| {
        view! { <a class="thread" href=url rel="noopener noreferrer" target="_blank">"thread"</a> }
    });
    view! {
        <div class="entry-meta">
            <span class=format!("badge kind kind-{}", kind.as_str())>{kind.label()}</span>
            {version}
            {series}
            {subsystems}
            {authors}
            {day}
            {thread}
        </div>
    }
}

//! One entry, its markdown rendered, with prev/next through the current results, its cross-links to the other source and a permalink.

use kernel_news_core::b4;
use kernel_news_core::coverage::coverage_html;
use kernel_news_core::cursor::{place, place_label};
use kernel_news_core::listing::OPEN_TITLE;
use kernel_news_core::status::still_loading;
use kernel_news_core::story_html::{history_html, HISTORY_HEADING, SERIES_HISTORY};
use kernel_news_core::viewstate::{Open, ViewState};
use leptos::prelude::*;

use crate::components::body::body;
use crate::components::entry_meta::entry_meta;
use crate::ctx::use_ctx;
use crate::location::page_url;

/// The canonical permalink of an entry or post: no filters, so it never goes stale.
pub fn permalink(open: Open) -> String {
    format!("{}{}", page_url(), ViewState::permalink(open))
}

#[component]
pub fn EntryView(id: String) -> impl IntoView {
    let ctx = use_ctx();
    let state = ctx.state.get_untracked();
    let back = state.closed().href();
    let Some(number) = ctx.archive.with_value(|a| a.entry_number(&id)) else {
        return view! { <NotFound what="entry" id=id back=back /> }.into_any();
    };
    let (found, total) = ctx
        .outcome
        .with_untracked(|o| (place(&o.hits, number), o.hits.len()));
    let link_to = |n: Option<u32>| {
        n.map(|n| {
            let id = ctx.archive.with_value(|a| a.entry(n).1.id.clone());
            state.opened(Open::Entry(id)).href()
        })
    };
    let (prev, next) = match found {
        Some(p) => (link_to(p.prev), link_to(p.next)),
        None => (None, None),
    };
    let place = place_label(found, total);
    // An old permalink resolves too; this page hands out the current one.
    let canonical = ctx.archive.with_value(|a| a.entry(number).1.id.clone());
    let body = ctx.archive.with_value(|a| {
        let (post, entry) = a.entry(number);
        let post_href = state.opened(Open::Post(post.id.clone())).href();
        let title = entry.title.clone();
        let post_title = post.title.clone();
        // The other source's entries on the same patches: written (and escaped) by core.
        let cross = coverage_html(a, number, &state);
        let cross =
            (!cross.is_empty()).then(|| view! { <div class="cross-links" inner_html=cross></div> });
        let b4 = b4::message_id(entry).map(|id| view! { <B4Command message_id=id /> });
        // Every posting of its series, this one marked: written (and escaped) by core.
        let history = history_html(a, number, &state);
        let history = (!history.is_empty()).then(|| {
            view! { <section class=SERIES_HISTORY aria-label=HISTORY_HEADING inner_html=history></section> }
        });
        view! {
            <h2 id=OPEN_TITLE tabindex="-1">{title}</h2>
            {entry_meta(post, entry)}
            <p class="from">"From " <a href=post_href>{post_title}</a></p>
            {cross}
            {b4}
            {body(&entry.body, &entry.charts, &post.lang)}
            {history}
        }
    });
    let pager = view! {
        <nav class="pager" aria-label="Entry navigation">
            <a class="back" href=back>"← Back to results"</a>
            <span class="place">{place}</span>
            {prev.map(|h| view! { <a class="prev" href=h rel="prev">"‹ Previous"</a> })}
            {next.map(|h| view! { <a class="next" href=h rel="next">"Next ›"</a> })}
        </nav>
    };
    view! {
        <article class="entry-view" aria-labelledby=OPEN_TITLE>
            {pager}
            {body}
            <CopyLink url=permalink(Open::Entry(canonical)) />
        </article>
    }
    .into_any()
}

/// "Copy link" with a permalink beside it; where the clipboard is not
/// available the link is shown selected for the user to copy by hand.
#[component]
pub fn CopyLink(url: String) -> impl IntoView {
    let said = RwSignal::new(None::<&'static str>);
    let link = url.clone();
    view! {
        <div class="copy-link">
            <button type="button" on:click=move |_| {
                said.set(Some(if crate::location::copy(&link) {
                    "Link copied"
                } else {
                    "Copy the link below"
                }))
            }>"Copy link"</button>
            <a class="permalink" href=url.clone()>"Permalink"</a>
            <span class="copied" role="status">{move || said.get()}</span>
            {move || (said.get() == Some("Copy the link below")).then(|| {
                let u = url.clone();
                view! { <input class="link-text" readonly aria-label="Link to this page" prop:value=u /> }
            })}
        </div>
    }
}

/// The posting's message-id, selectable, and "Copy b4 am command"; where the
/// clipboard is not available the command is shown to copy by hand.
#[component]
fn B4Command(message_id: String) -> impl IntoView {
    let said = RwSignal::new(None::<&'static str>);
    let command = b4::am_command(&message_id);
    let shown = command.clone();
    view! {
        <div class="b4">
            <span class="message-id">"Message-ID: "<code>{message_id}</code></span>
            <button type="button" on:click=move |_| {
                said.set(Some(if crate::location::copy(&command) { b4::AM_COPIED } else { b4::AM_BY_HAND }))
            }>{b4::COPY_AM_LABEL}</button>
            <span class="b4-status" role="status">{move || said.get()}</span>
            {move || (said.get() == Some(b4::AM_BY_HAND)).then(|| {
                let c = shown.clone();
                view! { <input class="command-text" readonly aria-label="b4 command" prop:value=c /> }
            })}
        </div>
    }
}

/// An id that no entry or post has: say so, and offer the way back. While a
/// split archive is still coming in, it may be in a later part: say that
/// instead (the viewer draws this again as the archive grows).
#[component]
pub fn NotFound(what: &'static str, id: String, back: String) -> impl IntoView {
    let ctx = use_ctx();
    let progress = ctx.progress.get_untracked();
    if !progress.is_over() {
        return view! {
            <div class="not-found">
                <h2 id=OPEN_TITLE tabindex="-1">{format!("Loading this {what}")}</h2>
                <p class="loading" role="status">{still_loading(what, &progress)}</p>
                <a href=back>"← Back to the archive"</a>
            </div>
        }
        .into_any();
    }
    view! {
        <div class="not-found" role="alert">
            <h2 id=OPEN_TITLE tabindex="-1">{format!("No such {what}")}</h2>
            <p>
                {format!("This archive has no {what} with the id “{id}”. ")}
                "It may have been renamed, or the link was cut short."
            </p>
            <a href=back>"← Back to the archive"</a>
        </div>
    }
    .into_any()
}

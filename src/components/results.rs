//! The result list: hits grouped by post, windowed to `limit` rows with "show more".

use kernel_news_core::search::snippet;
use kernel_news_core::viewstate::Open;
use leptos::prelude::*;

use crate::components::entry_meta::entry_meta;
use crate::components::marked::marked;
use crate::ctx::{use_ctx, PAGE};
use crate::location::href;

/// DOM id of a result row, by entry number (entry ids hold `/` and `.`).
pub fn row_id(number: u32) -> String {
    format!("entry-{number}")
}

#[component]
pub fn Results() -> impl IntoView {
    let ctx = use_ctx();
    let rows = move || {
        let state = ctx.state.get().closed();
        let needles = ctx.highlights.get();
        let terms: Vec<&str> = needles.iter().map(String::as_str).collect();
        let limit = ctx.limit.get();
        ctx.outcome.with(|o| {
            let shown = &o.hits[..o.hits.len().min(limit)];
            ctx.archive.with_value(|a| {
                a.groups(shown)
                    .into_iter()
                    .map(|g| {
                        let post = &a.bundle.posts[g.post as usize];
                        let post_href = href(&state.opened(Open::Post(post.id.clone())));
                        let release = post.release.clone().unwrap_or_else(|| "no release".into());
                        let window = post.merge_window_of().map(|c| {
                            let text = format!(" · {c} merge window");
                            view! { <span class="window">{text}</span> }
                        });
                        let day = post.day().unwrap_or("undated").to_string();
                        let lang = post.lang.clone();
                        let badge = (lang != "en").then(|| {
                            let l = lang.to_uppercase();
                            view! { <span class="lang-badge" title="Language">{l}</span> }
                        });
                        let items = shown[g.hits.clone()]
                            .iter()
                            .map(|&n| {
                                let (post, entry) = a.entry(n);
                                let to = href(&state.opened(Open::Entry(entry.id.clone())));
                                let text = snippet(&entry.body, &terms, 180);
                                view! {
                                    <li class="entry" id=row_id(n)>
                                        <a class="entry-link" href=to>{marked(&entry.title, &needles)}</a>
                                        {entry_meta(post, entry)}
                                        <p class="snippet">{marked(&text, &needles)}</p>
                                    </li>
                                }
                            })
                            .collect_view();
                        let title = post.title.clone();
                        view! {
                            <section class="group" lang=lang.clone()>
                                <h2 class="group-head">
                                    <a href=post_href>{title}</a>
                                    <span class="group-meta">
                                        <span class="release">{release}</span>
                                        {window}
                                        " · "
                                        {day}
                                        {badge}
                                    </span>
                                </h2>
                                <ul class="entries">{items}</ul>
                            </section>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let more = move || {
        let (total, limit) = (ctx.outcome.with(|o| o.hits.len()), ctx.limit.get());
        (total > limit).then(|| {
            let label = format!("Show more ({} not shown)", total - limit);
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
            {rows}
            {more}
        </div>
    }
}

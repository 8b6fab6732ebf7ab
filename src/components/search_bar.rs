//! The search box: typing replaces the history entry; problems in the query are shown under it.

use kernel_news_core::first_view::{HELP_NAME, HELP_TITLE, SEARCH_LABEL, SEARCH_PLACEHOLDER};
use kernel_news_core::listing::HELP;
use leptos::html::Input;
use leptos::prelude::*;

use crate::ctx::use_ctx;
use crate::location::Step;

#[component]
pub fn SearchBar(input: NodeRef<Input>) -> impl IntoView {
    let ctx = use_ctx();
    let on_input = move |ev| {
        let mut next = ctx.state.get_untracked();
        next.query = event_target_value(&ev);
        // Results are what the user wants to see while typing.
        next.open = None;
        ctx.cursor.set(None);
        ctx.go(next, Step::Replace);
    };
    let problems = move || {
        let list = ctx.outcome.with(|o| o.problems.clone());
        (!list.is_empty()).then(|| {
            view! {
                <ul class="problems">
                    {list.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                </ul>
            }
        })
    };
    view! {
        <search class="search-bar" role="search">
            <label for="q" class="visually-hidden">{SEARCH_LABEL}</label>
            <input
                id="q"
                type="search"
                node_ref=input
                autocomplete="off"
                spellcheck="false"
                placeholder=SEARCH_PLACEHOLDER
                prop:value=move || ctx.state.with(|s| s.query.clone())
                on:input=on_input
            />
            <button
                type="button"
                class="help-button"
                aria-controls=HELP
                aria-expanded=move || ctx.help.get().to_string()
                title=HELP_TITLE
                on:click=move |_| ctx.help.update(|h| *h = !*h)
            >
                "?"
                <span class="visually-hidden">{HELP_NAME}</span>
            </button>
            <div aria-live="polite">{problems}</div>
        </search>
    }
}

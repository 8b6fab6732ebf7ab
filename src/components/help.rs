//! The help popover: the query language and the keyboard shortcuts.

use kernel_news_core::b4::B4_HELP;
use kernel_news_core::keys::SHORTCUTS;
use kernel_news_core::listing::HELP;
use kernel_news_core::query_help::{QUERY_HELP, QUERY_HELP_NOTE};
use leptos::prelude::*;

use crate::ctx::use_ctx;

#[component]
pub fn Help() -> impl IntoView {
    let ctx = use_ctx();
    let rows = |items: &[(&'static str, &'static str)]| {
        items
            .iter()
            .map(|(k, v)| view! { <tr><th scope="row"><code>{*k}</code></th><td>{*v}</td></tr> })
            .collect_view()
    };
    move || {
        ctx.help.get().then(|| {
            view! {
                <div class="help" id=HELP role="dialog" aria-labelledby="help-title">
                    <div class="help-head">
                        <h2 id="help-title">"Search and shortcuts"</h2>
                        <button type="button" class="close" on:click=move |_| ctx.help.set(false)>"Close"</button>
                    </div>
                    <p>{QUERY_HELP_NOTE}</p>
                    <table class="help-table"><caption>"Query language"</caption><tbody>{rows(&QUERY_HELP)}</tbody></table>
                    <table class="help-table"><caption>"Keyboard"</caption><tbody>{rows(&SHORTCUTS)}</tbody></table>
                    <p>{B4_HELP}</p>
                </div>
            }
        })
    }
}

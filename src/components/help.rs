//! The help popover: the query language and the keyboard shortcuts.

use kernel_news_core::b4::B4_HELP;
use kernel_news_core::keys::SHORTCUTS;
use kernel_news_core::listing::HELP;
use leptos::prelude::*;

use crate::ctx::use_ctx;

const QUERY_HELP: [(&str, &str); 12] = [
    (
        "damon",
        "entries containing the text, anywhere (title, body, authors, subsystems)",
    ),
    ("\"per-node memory\"", "an exact phrase"),
    ("-rfc", "leave out entries containing the text"),
    ("s:slub", "in the subject (title) only"),
    ("a:\"Vlastimil Babka\"", "by an author"),
    ("b:maple", "in the body only"),
    (
        "rel:v6.7",
        "a release: a tag (v6.7-rc4), a cycle (v6.7), a series (v6.x) or a range (v6.0..v6.7)",
    ),
    ("sub:mm", "a subsystem and its children (mm/damon ...)"),
    (
        "kind:rfc  lang:ko  tag:x",
        "an entry kind, a language, a post tag",
    ),
    (
        "source:lwn",
        "a source: lwn (LWN.net) or lkml-news (LKML News)",
    ),
    (
        "series:ID",
        "every posting of one patch series (its id, as in a #series= link); several series: give any of them",
    ),
    (
        "versions:>=3",
        "entries of series with that many versions: versions:3, >=3, >3, <=3, <3",
    ),
];

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
                    <p>"Terms combine with AND; matching ignores case and finds text anywhere inside words, so identifiers (__GFP_ZERO, split_huge_page(), mm/damon), message-ids and Korean all work as typed."</p>
                    <table class="help-table"><caption>"Query language"</caption><tbody>{rows(&QUERY_HELP)}</tbody></table>
                    <table class="help-table"><caption>"Keyboard"</caption><tbody>{rows(&SHORTCUTS)}</tbody></table>
                    <p>{B4_HELP}</p>
                </div>
            }
        })
    }
}

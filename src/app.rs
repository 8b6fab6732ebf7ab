//! The application shell: loads the bundle once and shows loading, error or the archive.

use kernel_news_core::archive::Archive;
use kernel_news_core::first_view::FIRST_VIEW_ID;
use kernel_news_core::load::LoadError;
use kernel_news_core::subscribe::{ALL_FEED, ALL_FEED_TITLE, ATOM_TYPE};
use kernel_news_core::viewstate::ViewState;
use kernel_news_core::Bundle;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::viewer::Viewer;
use crate::fetch::load_bundle;
use crate::loading::Opened;

/// Fetches and parses the bundle (a split archive's manifest and first
/// chunk), then indexes it as the viewer reads it.
async fn open_archive() -> Result<Opened, LoadError> {
    let loaded = load_bundle().await?;
    let archive = Archive::new(loaded.bundle);
    announce_feed(&archive.bundle);
    Ok(Opened::new(archive, loaded.chunks))
}

/// Adds `<link rel="alternate" type="application/atom+xml" href="feeds/all.atom">`
/// to the head when the bundle lists the whole-archive feed: index.html is
/// Trunk's static template, and the feed exists only when the bundler was
/// given `--base-url`, so the page says so only once the bundle does.
fn announce_feed(bundle: &Bundle) {
    let listed = (bundle.feeds.as_ref()).is_some_and(|f| f.files.iter().any(|x| x == ALL_FEED));
    if !listed {
        return;
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let (Some(head), Ok(link)) = (
        doc.query_selector("head").ok().flatten(),
        doc.create_element("link"),
    ) else {
        return;
    };
    for (name, value) in [
        ("rel", "alternate"),
        ("type", ATOM_TYPE),
        ("href", ALL_FEED),
        ("title", ALL_FEED_TITLE),
    ] {
        let _ = link.set_attribute(name, value);
    }
    let _ = head.append_child(&link);
}

#[component]
pub fn App() -> impl IntoView {
    // Loaded once: the future reads no signal, so nothing ever refetches it.
    // Read directly rather than under Suspense and ErrorBoundary: there is one
    // async value and one typed error, shown once, and those two components
    // cost 11 KB of gzipped wasm (334 against 323 KB, measured) for nothing
    // this page shows.
    let archive = LocalResource::new(open_archive);
    let loading = || {
        view! { <p class="loading" role="status" aria-live="polite">"Loading the archive…"</p> }
    };
    move || match archive.get() {
        None => loading().into_any(),
        Some(Err(e)) => {
            take_over_first_view();
            view! {
                <div class="load-error" role="alert">
                    <h2>"The archive could not be opened"</h2>
                    <p>{e.to_string()}</p>
                </div>
            }
            .into_any()
        }
        Some(Ok(opened)) => match opened.take() {
            Some((archive, chunks)) => {
                take_over_first_view();
                view! { <Viewer archive=archive chunks=chunks /> }.into_any()
            }
            // The archive went to the viewer the first time; this view is not rebuilt.
            None => ().into_any(),
        },
    }
}

/// Removes the default view the build wrote into the page (kernel_news_core::first_view)
/// as the viewer draws its own, in the same task, so no frame shows neither.
/// Text typed into its search box before the viewer was ready is kept: it
/// becomes the query the viewer opens with, and if the box had focus the
/// viewer's box gets it, caret and selection where they were, so typing goes on.
fn take_over_first_view() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(first) = doc.get_element_by_id(FIRST_VIEW_ID) else {
        return;
    };
    let input = (first.query_selector("input#q").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok());
    let focused = input.as_ref().and_then(|input| {
        let active = doc.active_element()?;
        let is_it = active.is_same_node(Some(input.as_ref()));
        is_it.then(|| {
            let at = |r: Result<Option<u32>, _>| r.ok().flatten();
            (at(input.selection_start()), at(input.selection_end()))
        })
    });
    let typed = input.map(|i| i.value()).filter(|text| !text.is_empty());
    first.remove();
    if let Some(text) = typed {
        let state = ViewState {
            query: text,
            ..ViewState::default()
        };
        crate::location::replace_fragment(&state);
    }
    if let Some((start, end)) = focused {
        // Once the viewer's box is in the page: after this render, before the next key.
        queue_microtask(move || {
            let input = (web_sys::window().and_then(|w| w.document()))
                .and_then(|d| d.get_element_by_id("q"))
                .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok());
            if let Some(input) = input {
                let _ = input.focus();
                if let (Some(start), Some(end)) = (start, end) {
                    let _ = input.set_selection_range(start, end);
                }
            }
        });
    }
}

//! The application shell: loads the bundle once and shows loading, error or the archive.

use std::sync::Arc;
use std::time::Duration;

use kernel_news_core::archive::Archive;
use kernel_news_core::load::LoadError;
use kernel_news_core::subscribe::{ALL_FEED, ALL_FEED_TITLE, ATOM_TYPE};
use kernel_news_core::Bundle;
use leptos::prelude::*;

use crate::components::viewer::Viewer;
use crate::fetch::load_bundle;

/// Fetches and parses the bundle, then indexes it as the viewer reads it.
async fn open_archive() -> Result<Arc<Archive>, LoadError> {
    let archive = Arc::new(Archive::new(load_bundle().await?));
    announce_feed(&archive.bundle);
    // The full-text index is built once the first results are painted (a
    // frame, then a task), so typing finds it ready.
    let later = Arc::clone(&archive);
    request_animation_frame(move || {
        set_timeout(move || later.prepare_search(), Duration::ZERO);
    });
    Ok(archive)
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
    view! {
        <header class="masthead">
            <h1><a href="#">"kernel-news"</a></h1>
            <p class="tagline">"An archive of Linux kernel mailing list news"</p>
            <nav class="site-nav" aria-label="Site">
                <a href="#">"Archive"</a>
                <a href="#page=releases">"Releases"</a>
            </nav>
        </header>
        <main id="main">
            {move || match archive.get() {
                None => loading().into_any(),
                Some(Err(e)) => view! {
                    <div class="load-error" role="alert">
                        <h2>"The archive could not be opened"</h2>
                        <p>{e.to_string()}</p>
                    </div>
                }.into_any(),
                Some(Ok(archive)) => view! { <Viewer archive=archive /> }.into_any(),
            }}
        </main>
    }
}

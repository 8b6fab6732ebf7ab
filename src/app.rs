//! The application shell: loads the bundle once and shows loading, error or the archive.

use std::sync::Arc;
use std::time::Duration;

use kernel_news_core::archive::Archive;
use kernel_news_core::load::LoadError;
use leptos::prelude::*;

use crate::components::viewer::Viewer;
use crate::fetch::load_bundle;

#[derive(Clone)]
enum Load {
    Loading,
    Failed(LoadError),
    Ready(Arc<Archive>),
}

#[component]
pub fn App() -> impl IntoView {
    let state = RwSignal::new(Load::Loading);
    leptos::task::spawn_local(async move {
        state.set(match load_bundle().await {
            Ok(b) => {
                let archive = Arc::new(Archive::new(b));
                // The full-text index is built once the first results are
                // painted (a frame, then a task), so typing finds it ready.
                let later = Arc::clone(&archive);
                request_animation_frame(move || {
                    set_timeout(move || later.prepare_search(), Duration::ZERO);
                });
                Load::Ready(archive)
            }
            Err(e) => Load::Failed(e),
        });
    });

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
            {move || match state.get() {
                Load::Loading => view! {
                    <p class="loading" role="status" aria-live="polite">"Loading the archive…"</p>
                }.into_any(),
                Load::Failed(e) => view! {
                    <div class="load-error" role="alert">
                        <h2>"The archive could not be opened"</h2>
                        <p>{e.to_string()}</p>
                    </div>
                }.into_any(),
                Load::Ready(archive) => view! { <Viewer archive=archive /> }.into_any(),
            }}
        </main>
    }
}

//! The archive overview: every post, grouped under its kernel release.

use std::sync::Arc;

use kernel_news_core::group::posts_by_release;
use kernel_news_core::Bundle;
use leptos::prelude::*;

#[component]
pub fn PostList(bundle: Arc<Bundle>) -> impl IntoView {
    let entries: usize = bundle.posts.iter().map(|p| p.entries.len()).sum();
    let groups = posts_by_release(&bundle)
        .into_iter()
        .map(|g| {
            let heading = g.release.unwrap_or("No release").to_string();
            let posts = g
                .posts
                .into_iter()
                .map(|p| {
                    let date = p
                        .date
                        .as_deref()
                        .map(|d| d.get(..10).unwrap_or(d).to_string());
                    let count = match p.entries.len() {
                        1 => "1 entry".to_string(),
                        n => format!("{n} entries"),
                    };
                    let lang = (p.lang != "en").then(|| {
                        view! { <span class="lang-badge" title="Language">{p.lang.to_uppercase()}</span> }
                    });
                    view! {
                        <li class="post" id=format!("post-{}", p.id) lang=p.lang.clone()>
                            <span class="post-title">{p.title.clone()} {lang}</span>
                            <span class="post-meta">
                                {date}
                                " · "
                                {count}
                            </span>
                        </li>
                    }
                })
                .collect_view();
            let label = format!("Release {heading}");
            view! {
                <section class="release-group" aria-label=label>
                    <h2>{heading}</h2>
                    <ul class="posts">{posts}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <p class="result-count" role="status">
            {format!("{} posts, {} entries", bundle.posts.len(), entries)}
        </p>
        {groups}
    }
}

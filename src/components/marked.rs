//! Text with the search terms wrapped in `<mark>`.

use kernel_news_core::search::highlight;
use leptos::prelude::*;

/// `text` split around case-insensitive matches of `needles` (lowercased).
pub fn marked(text: &str, needles: &[String]) -> impl IntoView {
    let needles: Vec<&str> = needles.iter().map(String::as_str).collect();
    highlight(text, &needles)
        .into_iter()
        .map(|(run, hit)| {
            let run = run.to_string();
            if hit {
                view! { <mark>{run}</mark> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view()
}

//! A post or entry body: its markdown rendered safely, with live charts where
//! the post showed release-stat images.

use kernel_news_core::bundle::{ChartKind, ChartRef};
use kernel_news_core::markdown::render;
use kernel_news_core::segments::{segments, Segment};
use leptos::prelude::*;

use crate::components::release_chart::{ReleaseChart, Window};

fn window(chart: &ChartRef) -> Window {
    match chart.kind {
        ChartKind::Releases => Window::Releases {
            from: chart.from.clone(),
            until: chart.until.clone(),
        },
        ChartKind::SameRc => Window::SameRc {
            rc: chart.rc,
            until: chart.until.clone(),
        },
    }
}

/// Built from borrowed bundle data, so it is a function rather than a component.
pub fn body(markdown: &str, charts: &[ChartRef], lang: &str) -> impl IntoView {
    let srcs: Vec<&str> = charts.iter().map(|c| c.src.as_str()).collect();
    let lang = lang.to_string();
    segments(markdown, &srcs)
        .into_iter()
        .map(|s| match s {
            Segment::Markdown(md) => {
                let html = render(md);
                view! { <div class="markdown" lang=lang.clone() inner_html=html></div> }.into_any()
            }
            Segment::Chart(i) => view! { <ReleaseChart window=window(&charts[i]) /> }.into_any(),
        })
        .collect_view()
}

//! A post or entry body: its markdown rendered once, safely, with live charts
//! mounted where the post showed release-stat images; a body too long to
//! render at once is shown in part, with a note and a button for the rest.

use std::sync::Arc;

use kernel_news_core::bounded::{cut_markdown, cut_note, show_all_label, BODY_BYTES_SHOWN};
use kernel_news_core::bundle::ChartRef;
use kernel_news_core::chart::Window;
use kernel_news_core::markdown::{render_with_charts, CHART_SLOT_CLASS, CHART_SLOT_INDEX};
use leptos::html::Div;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::release_chart::ReleaseChart;

/// Built from borrowed bundle data, so it is a function rather than a component.
///
/// A body longer than core's [`BODY_BYTES_SHOWN`] renders only up to the
/// block boundary core cuts it at (`kernel_news_core::bounded`), so a 20 MB
/// entry opens at once; "Show all" renders it whole in place of the part.
pub fn body(markdown: &str, charts: &[ChartRef], lang: &str) -> impl IntoView {
    let (_, cut) = cut_markdown(markdown, BODY_BYTES_SHOWN);
    let Some(cut) = cut else {
        return rendered(markdown, charts, lang).into_any();
    };
    let all = RwSignal::new(false);
    let (whole, charts, lang): (Arc<str>, Vec<ChartRef>, String) =
        (markdown.into(), charts.to_vec(), lang.to_string());
    // One closure for the part, its note and the whole: a single reactive
    // piece keeps the wasm small.
    let view = move || {
        if all.get() {
            return rendered(&whole, &charts, &lang).into_any();
        }
        let part = rendered(&whole[..cut.shown_bytes], &charts, &lang);
        view! {
            {part}
            <p class="cut-note">
                {cut_note(&cut)} " "
                <button type="button" class="show-all" on:click=move |_| all.set(true)>
                    {show_all_label(&cut)}
                </button>
            </p>
        }
        .into_any()
    };
    view.into_any()
}

/// The whole body is one piece of HTML, so a list or a reference link that
/// spans a chart renders as written; core leaves an empty slot for each
/// chart, and the live chart is mounted into it once the HTML is in the page.
/// Mounting into the slot (rather than cutting the HTML around it) is what
/// keeps the markdown whole; the charts live as long as the body does.
fn rendered(markdown: &str, charts: &[ChartRef], lang: &str) -> impl IntoView {
    let srcs: Vec<&str> = charts.iter().map(|c| c.src.as_str()).collect();
    let html = render_with_charts(markdown, &srcs);
    let windows: Vec<Window> = charts.iter().map(Window::of).collect();
    let node = NodeRef::<Div>::new();
    if !windows.is_empty() {
        // The effect's value holds the mounted charts: dropped with the body, they unmount.
        Effect::new(move |mounted: Option<Vec<_>>| {
            if let Some(mounted) = mounted.filter(|m| !m.is_empty()) {
                return mounted;
            }
            let Some(div) = node.get() else {
                return Vec::new();
            };
            let slots = div.get_elements_by_class_name(CHART_SLOT_CLASS);
            (0..slots.length())
                .filter_map(|i| slots.item(i))
                .filter_map(|slot| {
                    let index: usize = slot.get_attribute(CHART_SLOT_INDEX)?.parse().ok()?;
                    let window = windows.get(index)?.clone();
                    let slot = slot.dyn_into::<web_sys::HtmlElement>().ok()?;
                    Some(mount_to(
                        slot,
                        move || view! { <ReleaseChart window=window /> },
                    ))
                })
                .collect()
        });
    }
    view! { <div class="markdown" lang=lang.to_string() inner_html=html node_ref=node></div> }
}

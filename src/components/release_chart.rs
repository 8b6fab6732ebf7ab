//! A live release-statistics chart (SVG drawn by Leptos from the bundle's
//! `releases`): legend toggles, log/linear, points reached by keyboard (the
//! chart one tab stop, arrow keys inside it), a table view and SVG download.

use std::collections::BTreeSet;

use kernel_news_core::chart::Window;
use kernel_news_core::chart::{
    description, figures, layout, missing_note, point_key, tab_stop, ChartSpec, Metric, PointKey,
    READOUT_HINT,
};
use kernel_news_core::cycles::figure_cell;
use kernel_news_core::facets::Facet;
use kernel_news_core::Release;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ctx::use_ctx;

/// Series colours: distinct in light and dark themes, and set as attributes so a downloaded SVG keeps them.
fn colour(metric: Metric) -> &'static str {
    match metric {
        // The blog's gnuplot palette, darkened where it would vanish on white.
        Metric::Files => "#2f6eb5",
        Metric::Deletions => "#e8552d",
        Metric::Insertions => "#c99a06",
        Metric::Diff => "#4f9a1c",
    }
}

#[component]
pub fn ReleaseChart(window: Window) -> impl IntoView {
    let ctx = use_ctx();
    let log = RwSignal::new(true);
    let hidden = RwSignal::new(BTreeSet::<Metric>::new());
    // The point hovered or focused (readout, guide line), and the one focused
    // last, which keeps the chart's one tab stop (core's chart::tab_stop).
    let focused = RwSignal::new(None::<usize>);
    let last_focused = RwSignal::new(None::<usize>);
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let points: Vec<Release> = ctx.archive.with_value(|a| {
        window
            .select(&a.bundle.releases)
            .into_iter()
            .cloned()
            .collect()
    });
    let points = StoredValue::new(points);
    let title = window.title();
    let geometry = Memo::new(move |_| {
        let mut spec = ChartSpec::new(720.0, 400.0);
        spec.log = log.get();
        spec.hidden = hidden.get();
        points.with_value(|p| layout(&p.iter().collect::<Vec<_>>(), &spec))
    });
    let count = points.with_value(Vec::len);
    let missing = move || geometry.with(|g| g.missing);
    let desc = move || description(count, log.get(), missing());
    let highlight = points.with_value(|p| window.mark(p));
    let stop = move || tab_stop(last_focused.get(), highlight, count);
    // Points are the svg's `.point` rects, in index order.
    let focus_point = move |i: usize| {
        let Some(svg) = svg_ref.get_untracked() else {
            return;
        };
        let point = (svg.get_elements_by_class_name("point").item(i as u32))
            .and_then(|el| el.dyn_into::<web_sys::SvgElement>().ok());
        if let Some(point) = point {
            let _ = point.focus();
        }
    };
    let svg = move || {
        let g = geometry.get();
        let plot = g.plot;
        let grid = g.y_ticks.iter().map(|t| view! {
            <line x1=plot.x x2=plot.right() y1=t.y y2=t.y stroke="currentColor" stroke-opacity="0.15" />
            <text x=plot.x - 6.0 y=t.y + 4.0 text-anchor="end" font-size="11" fill="currentColor">{t.label.clone()}</text>
        }).collect_view();
        let labels = g.x_labels.iter().map(|l| {
            let transform = format!("rotate(-90 {} {})", l.x, l.y);
            view! { <text x=l.x y=l.y transform=transform text-anchor="end" font-size="11" fill="currentColor">{l.text.clone()}</text> }
        }).collect_view();
        let mark = highlight.map(|i| {
            let x = g.xs[i];
            view! { <line class="own-release" x1=x x2=x y1=plot.y y2=plot.bottom() stroke="currentColor" stroke-width="2" stroke-dasharray="4 3" /> }
        });
        let series = g.series.iter().map(|s| {
            let c = colour(s.metric);
            let dots = s.points.iter().map(|p| view! { <circle class="dot" cx=p.x cy=p.y r="2.5" fill=c /> }).collect_view();
            view! { <g class=format!("series {}", s.metric.as_str())><path d=s.path.clone() fill="none" stroke=c stroke-width="1.6" />{dots}</g> }
        }).collect_view();
        let slot = if g.xs.len() > 1 {
            g.xs[1] - g.xs[0]
        } else {
            plot.width
        };
        let columns = g.xs.iter().enumerate().map(|(i, &x)| {
            let label = points.with_value(|p| figures(&p[i]));
            let version = points.with_value(|p| p[i].version.clone());
            let pick = move || ctx.push(|s| {
                s.filters.remove(&Facet::Release);
                s.toggle(Facet::Release, &version);
                s.open = None;
            });
            let pick2 = pick.clone();
            let on_key = move |ev: leptos::ev::KeyboardEvent| {
                let modified = ev.ctrl_key() || ev.alt_key() || ev.meta_key();
                let Some(key) = point_key(&ev.key(), modified, i, count) else {
                    return;
                };
                // The page's own keys (Enter opening the results' cursor row) must not act too.
                ev.prevent_default();
                ev.stop_propagation();
                match key {
                    PointKey::Focus(to) => focus_point(to),
                    PointKey::Pick => pick2(),
                }
            };
            let tabindex = move || if stop() == Some(i) { "0" } else { "-1" };
            view! {
                <rect class="point" x=x - slot / 2.0 y=plot.y width=slot height=plot.height fill="transparent"
                    tabindex=tabindex role="button" aria-label=label
                    on:mouseenter=move |_| focused.set(Some(i))
                    on:focus=move |_| { focused.set(Some(i)); last_focused.set(Some(i)); }
                    on:click=move |_| pick()
                    on:keydown=on_key />
            }
        }).collect_view();
        let guide = focused.get().and_then(|i| g.xs.get(i).copied()).map(|x| view! {
            <line x1=x x2=x y1=plot.y y2=plot.bottom() stroke="currentColor" stroke-opacity="0.5" />
        });
        view! {
            <rect x=plot.x y=plot.y width=plot.width height=plot.height fill="none" stroke="currentColor" stroke-opacity="0.3" />
            {grid}{labels}{mark}{series}{guide}{columns}
        }
    };
    let readout = move || {
        focused
            .get()
            .map(|i| points.with_value(|p| figures(&p[i])))
            .unwrap_or_else(|| READOUT_HINT.into())
    };
    let legend = Metric::ALL.into_iter().map(|m| view! {
        <button type="button" class="legend-item" aria-pressed=move || (!hidden.with(|h| h.contains(&m))).to_string()
            on:click=move |_| hidden.update(|h| if !h.remove(&m) { h.insert(m); })>
            <span class="swatch" style=format!("background:{}", colour(m))></span>{m.label()}
        </button>
    }).collect_view();
    let download = move |ev: leptos::ev::MouseEvent| {
        let Some(svg) = svg_ref.get_untracked() else {
            return;
        };
        let xml = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}",
            svg.outer_html()
        );
        let url = format!(
            "data:image/svg+xml;charset=utf-8,{}",
            String::from(js_sys::encode_uri_component(&xml))
        );
        if let Some(a) = ev
            .current_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
        {
            let _ = a.set_attribute("href", &url);
        }
    };
    let table = move || {
        points.with_value(|p| p.iter().map(|r| {
        let cell = |m: Metric| figure_cell(m.value(r));
        view! { <tr><th scope="row">{r.version.clone()}</th><td>{r.date.clone().unwrap_or_default()}</td>
            <td>{cell(Metric::Files)}</td><td>{cell(Metric::Deletions)}</td><td>{cell(Metric::Insertions)}</td><td>{cell(Metric::Diff)}</td></tr> }
    }).collect_view())
    };
    let file = window.file_name();
    view! {
        <figure class="release-chart">
            <figcaption>{title.clone()}</figcaption>
            <div class="chart-tools">
                <div class="legend" role="group" aria-label="Series">{legend}</div>
                <button type="button" aria-pressed=move || log.get().to_string() on:click=move |_| log.update(|l| *l = !*l)>"Log scale"</button>
                <a class="download" download=file href="#" on:click=download>"Download SVG"</a>
            </div>
            <svg node_ref=svg_ref xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 400" role="group"
                aria-label=title.clone() on:mouseleave=move |_| focused.set(None)>
                <title>{title.clone()}</title>
                <desc>{desc}</desc>
                {svg}
            </svg>
            <p class="readout" aria-live="polite">{readout}</p>
            <p class="missing">{move || missing_note(missing())}</p>
            <details class="chart-table">
                <summary>"View as table"</summary>
                <table>
                    <thead><tr><th scope="col">"tag"</th><th scope="col">"date"</th><th scope="col">"files changed"</th><th scope="col">"deletions"</th><th scope="col">"insertions"</th><th scope="col">"diff"</th></tr></thead>
                    <tbody>{table}</tbody>
                </table>
            </details>
        </figure>
    }
}

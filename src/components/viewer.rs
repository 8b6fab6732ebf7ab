//! The archive page: search, facets, results or the open entry/post, and the keyboard.

use kernel_news_core::archive::Archive;
use kernel_news_core::chunks::{ChunkRef, Progress};
use kernel_news_core::cursor::{limit_showing, more_on_scroll, place, step, PAGE};
use kernel_news_core::first_view::FILTERS;
use kernel_news_core::keys::{action, handles_enter, KeyAction, Target};
use kernel_news_core::listing::{row_id, ENTRY_LINK_SELECTOR, OPEN_TITLE};
use kernel_news_core::status::show_results;
use kernel_news_core::viewstate::Open;
use leptos::html::{Button, Input};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::entry_view::EntryView;
use crate::components::facet_panel::FacetPanel;
use crate::components::help::Help;
use crate::components::post_view::PostView;
use crate::components::releases_page::ReleasesPage;
use crate::components::results::Results;
use crate::components::search_bar::SearchBar;
use crate::components::series_view::SeriesView;
use crate::components::status_bar::StatusBar;
use crate::ctx::Ctx;
use crate::location;

/// The page of what is open: an entry, a post, a series or the releases.
fn opened_view(open: Open) -> AnyView {
    match open {
        Open::Series(id) => view! { <SeriesView id=id /> }.into_any(),
        Open::Entry(id) => view! { <EntryView id=id /> }.into_any(),
        Open::Post(id) => view! { <PostView id=id /> }.into_any(),
        Open::Releases => view! { <ReleasesPage /> }.into_any(),
    }
}

#[component]
pub fn Viewer(archive: Archive, chunks: Vec<ChunkRef>) -> impl IntoView {
    let ctx = Ctx::new(archive, Progress::opened(&chunks));
    provide_context(ctx);
    crate::loading::prepare_search_later(ctx);
    crate::loading::load_rest(ctx, chunks);
    location::follow(ctx.state);
    let search: NodeRef<Input> = NodeRef::new();
    let filters_open = RwSignal::new(false);
    let filters_toggle: NodeRef<Button> = NodeRef::new();

    // A new result set starts at the top with the first page rendered. Only a
    // change is set: setting a signal notifies even with an equal value, and
    // the list would then be rendered a second time for every keystroke.
    Effect::new(move |_| {
        ctx.outcome.track();
        if ctx.limit.get_untracked() != PAGE {
            ctx.limit.set(PAGE);
        }
        if ctx.cursor.get_untracked().is_some() {
            ctx.cursor.set(None);
        }
    });
    follow_focus(ctx);
    load_more_on_scroll(ctx);
    let keys = window_event_listener(leptos::ev::keydown, move |ev| on_key(ctx, search, ev));
    on_cleanup(move || keys.remove());

    // A memo, so typing (which changes the state but not what is open) keeps
    // the result list's elements instead of building a new list each time.
    let open = Memo::new(move |_| ctx.state.with(|s| s.open.clone()));
    let loading_over = Memo::new(move |_| ctx.progress.with(Progress::is_over));
    let main = move || {
        let open = open.get();
        // The results follow a growing archive in place; an open page is
        // drawn again when the archive grows (a few times while a split
        // archive comes in), so an id in a later chunk is found when it comes.
        if open.is_some() && !loading_over.get() {
            ctx.generation.track();
        }
        match open {
            None => view! { <Results /> }.into_any(),
            Some(open) => opened_view(open),
        }
    };
    // The phone drawer's way back: on a narrow screen the open facets push the
    // results a long way down (CSS shows this button only there).
    let results_label = move || ctx.outcome.with(|o| show_results(o.hits.len()));
    let close_onto_results = move |_| {
        filters_open.set(false);
        if let Some(toggle) = filters_toggle.get_untracked() {
            // Focus goes back to the button that opened the drawer (this one
            // is about to vanish), and that button, with the results right
            // under it, goes to the top of the screen.
            let _ = toggle.focus();
            toggle.scroll_into_view();
        }
    };
    view! {
        <SearchBar input=search />
        <Help />
        <div class="layout">
            <button type="button" class="filters-toggle" aria-controls="filters" node_ref=filters_toggle
                aria-expanded=move || filters_open.get().to_string()
                on:click=move |_| filters_open.update(|o| *o = !*o)>{FILTERS}</button>
            <aside id="filters" class="facets" class:open=move || filters_open.get() aria-label=FILTERS>
                <FacetPanel />
                <button type="button" class="show-results" on:click=close_onto_results>{results_label}</button>
            </aside>
            <div class="content"><StatusBar /> {main}</div>
        </div>
    }
}

fn on_key(ctx: Ctx, search: NodeRef<Input>, ev: web_sys::KeyboardEvent) {
    let target = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let tag = target.as_ref().map(|t| t.tag_name()).unwrap_or_default();
    let input_type = target.as_ref().and_then(|t| t.get_attribute("type"));
    let in_search = match (&target, search.get_untracked()) {
        (Some(t), Some(input)) => t.is_same_node(Some(&input)),
        _ => false,
    };
    let on = Target::of(&tag, input_type.as_deref(), in_search);
    let typing = on != Target::Page;
    // An IME composing (Korean, say) takes its own Enter and Escape.
    let modified = ev.ctrl_key() || ev.alt_key() || ev.meta_key() || ev.is_composing();
    let Some(act) = action(&ev.key(), on, modified) else {
        return;
    };
    let open = ctx.state.with_untracked(|s| s.open.clone());
    match act {
        KeyAction::FocusSearch => {
            ev.prevent_default();
            if let Some(input) = search.get_untracked() {
                let _ = input.focus();
                input.select();
            }
        }
        KeyAction::ToggleHelp => ctx.help.update(|h| *h = !*h),
        KeyAction::Close => {
            if ctx.help.get_untracked() {
                ctx.help.set(false);
            } else if typing {
                // Chromium would also clear a search box on Esc, behind the app's back.
                ev.prevent_default();
                if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = el.blur();
                }
            } else if open.is_some() {
                ctx.push(|s| s.open = None);
            }
        }
        KeyAction::Next | KeyAction::Prev => {
            let forward = act == KeyAction::Next;
            ev.prevent_default();
            if let Some(Open::Entry(id)) = open {
                // In an open entry, j/k walk the results like prev/next.
                let to = ctx.archive.with_value(|a| {
                    let here = ctx
                        .outcome
                        .with_untracked(|o| place(&o.hits, a.entry_number(&id)?))?;
                    Some(a.entry(here.toward(forward)?).1.id.clone())
                });
                if let Some(to) = to {
                    ctx.push(|s| s.open = Some(Open::Entry(to)));
                }
            } else if open.is_none() {
                let len = ctx.outcome.with_untracked(|o| o.hits.len());
                if let Some(next) = step(ctx.cursor.get_untracked(), forward, len) {
                    show_row(ctx, next);
                    ctx.cursor.set(Some(next));
                }
            }
        }
        KeyAction::FirstResult => {
            // Only where the result list is what the page shows; with no
            // results there is nowhere to go and focus stays in the box.
            let len = ctx.outcome.with_untracked(|o| o.hits.len());
            if let (None, Some(first)) = (&open, step(None, true, len)) {
                ev.prevent_default();
                show_row(ctx, first);
                // Set even when the cursor is there already: the focus effect
                // then moves focus out of the box onto that row.
                ctx.cursor.set(Some(first));
            }
        }
        KeyAction::Open => {
            // Links and buttons open themselves on Enter; this is for the cursor.
            if handles_enter(&tag) {
                return;
            }
            let Some(c) = ctx.cursor.get_untracked() else {
                return;
            };
            let id = ctx.outcome.with_untracked(|o| o.hits.get(c).copied());
            if let Some(n) = id {
                let id = ctx.archive.with_value(|a| a.entry(n).1.id.clone());
                ctx.push(|s| s.open = Some(Open::Entry(id)));
            }
        }
    }
}

/// Renders more rows if `row` is not among them. Only a change is set: every
/// update of the limit re-renders the whole list.
fn show_row(ctx: Ctx, row: usize) {
    let limit = ctx.limit.get_untracked();
    let want = limit_showing(limit, row);
    if want != limit {
        ctx.limit.set(want);
    }
}

fn element(id: &str) -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}

/// Keeps keyboard focus where the user expects it: on the cursor's row, on the
/// heading of what was just opened, and back on its row when it is closed.
fn follow_focus(ctx: Ctx) {
    Effect::new(move |_| {
        let Some(c) = ctx.cursor.get() else { return };
        let Some(n) = ctx.outcome.with_untracked(|o| o.hits.get(c).copied()) else {
            return;
        };
        if let Some(link) = element(&row_id(n))
            .and_then(|row| row.query_selector(ENTRY_LINK_SELECTOR).ok().flatten())
        {
            if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
                let _ = link.focus();
            }
        }
    });
    Effect::new(move |previous: Option<Option<Open>>| {
        let open = ctx.state.with(|s| s.open.clone());
        let window = web_sys::window().expect("window");
        match (&open, previous.flatten()) {
            (Some(_), _) => {
                window.scroll_to_with_x_and_y(0.0, 0.0);
                if let Some(h) = element(OPEN_TITLE) {
                    let _ = h.focus();
                }
            }
            (None, Some(Open::Entry(id))) => {
                let n = ctx.archive.with_value(|a| a.entry_number(&id));
                let pos = n.and_then(|n| {
                    ctx.outcome
                        .with_untracked(|o| place(&o.hits, n))
                        .map(|p| p.index)
                });
                if let Some(pos) = pos {
                    // j/k in the entry view may have walked past the rendered rows.
                    show_row(ctx, pos);
                    // The cursor effect focuses the row, which scrolls it into view.
                    ctx.cursor.set(Some(pos));
                }
            }
            _ => {}
        }
        open
    });
}

/// Renders the next page when the user scrolls near the end of the list.
fn load_more_on_scroll(ctx: Ctx) {
    let handle = window_event_listener(leptos::ev::scroll, move |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let doc_height = window
            .document()
            .and_then(|d| d.document_element())
            .map_or(0, |e| e.scroll_height()) as f64;
        let seen = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0)
            + window.scroll_y().unwrap_or(0.0);
        let hits = ctx.outcome.with_untracked(|o| o.hits.len());
        let more = more_on_scroll(hits, ctx.limit.get_untracked(), seen, doc_height);
        if more && ctx.state.with_untracked(|s| s.open.is_none()) {
            ctx.limit.update(|l| *l += PAGE);
        }
    });
    on_cleanup(move || handle.remove());
}

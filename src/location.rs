//! The view state's home in the address bar: read it, write it, follow back/forward.
//!
//! Only the fragment is used (see `kernel_news_core::viewstate`), so any static
//! host, any sub-path and `file://` serve every view without rewrite rules.

use kernel_news_core::viewstate::ViewState;
use leptos::prelude::*;

/// How a change enters the history: typing replaces, discrete actions push.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Push,
    Replace,
}

fn window() -> web_sys::Window {
    web_sys::window().expect("the viewer runs in a browser window")
}

/// The view the address bar describes now.
pub fn current() -> ViewState {
    ViewState::from_fragment(&window().location().hash().unwrap_or_default())
}

/// The page's own URL without its fragment: `https://host/sub/path/index.html?x`.
pub fn page_url() -> String {
    let href = window().location().href().unwrap_or_default();
    match href.split_once('#') {
        Some((page, _)) => page.to_string(),
        None => href,
    }
}

/// Moves the app to `next`, recording it in the address bar and history.
pub fn go(state: RwSignal<ViewState>, next: ViewState, step: Step) {
    if state.with_untracked(|s| *s == next) {
        return;
    }
    record(&next, step);
    state.set(next);
}

/// Writes `state` into the address bar in place of the current view, before
/// any component reads it (the query typed into the first view).
pub fn replace_fragment(state: &ViewState) {
    record(state, Step::Replace);
}

fn record(next: &ViewState, step: Step) {
    // pushState does not reload, so the default view may drop the fragment entirely.
    let url = match next.to_fragment() {
        f if f.is_empty() => page_url(),
        f => f,
    };
    if let Ok(history) = window().history() {
        let _ = match step {
            Step::Push => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
            Step::Replace => {
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            }
        };
    }
}

/// Back/forward, links to `#...` and hand-edited URLs all end up here, for
/// as long as the calling component lives.
pub fn follow(state: RwSignal<ViewState>) {
    let sync = move || {
        let now = current();
        if state.with_untracked(|s| *s != now) {
            state.set(now);
        }
    };
    let popstate = window_event_listener(leptos::ev::popstate, move |_| sync());
    let hashchange = window_event_listener(leptos::ev::hashchange, move |_| sync());
    // Dropping a handle leaves its listener in place: the caller's owner removes them.
    on_cleanup(move || {
        popstate.remove();
        hashchange.remove();
    });
}

/// Puts `text` on the clipboard; false when the page may not (no clipboard API,
/// e.g. plain http on a remote host), so the caller can show the link instead.
pub fn copy(text: &str) -> bool {
    let navigator = window().navigator();
    let api = js_sys::Reflect::get(&navigator, &"clipboard".into()).unwrap_or_default();
    if api.is_undefined() || api.is_null() {
        return false;
    }
    let _ = navigator.clipboard().write_text(text);
    true
}

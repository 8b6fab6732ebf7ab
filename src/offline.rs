//! Registers the service worker (public/sw.js) that keeps the app usable offline after a first visit over http(s).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Relative, so the worker's scope is the directory the app is served from
/// (any sub-path), and two archives on one host never share a worker.
const WORKER_URL: &str = "sw.js";

/// Registers the worker when the page came over http(s); does nothing on
/// `file://` (the single-file archive), where service workers do not exist
/// and there is nothing to fetch anyway. Reached through `Reflect` because
/// the app's web-sys features leave the ServiceWorker API out.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let protocol = window.location().protocol().unwrap_or_default();
    if protocol != "http:" && protocol != "https:" {
        return;
    }
    let container = js_sys::Reflect::get(&window.navigator(), &"serviceWorker".into())
        .unwrap_or(JsValue::UNDEFINED);
    // Absent on plain-http hosts other than localhost (not a secure context).
    if container.is_undefined() {
        return;
    }
    let Some(register) = js_sys::Reflect::get(&container, &"register".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    let Ok(promise) = register
        .call1(&container, &WORKER_URL.into())
        .and_then(|p| p.dyn_into::<js_sys::Promise>())
    else {
        return;
    };
    // The archive works without the worker: a failed registration is worth a
    // warning in the console, never an error on the page.
    let warn = Closure::once(|e: JsValue| {
        web_sys::console::warn_2(&"kernel-news: no offline support:".into(), &e);
    });
    let _ = promise.catch(&warn);
    warn.forget();
}

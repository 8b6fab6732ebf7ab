//! Entry point of the kernel-news viewer: mounts the app.

mod app;
mod components;
mod ctx;
mod fetch;
mod loading;
mod location;
mod offline;
mod patch;

use wasm_bindgen::JsCast;

fn main() {
    console_error_panic_hook_lite();
    // Into `<main>`: the masthead is the page's own (index.html), and the
    // build may have written the default view there (kernel_news_core::first_view).
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok());
    match main {
        Some(main) => leptos::mount::mount_to(main, app::App).forget(),
        None => leptos::mount::mount_to_body(app::App),
    }
    offline::register_service_worker();
}

/// Panics would otherwise die silently in the console with `unreachable`; the
/// page shows them instead, so a broken build is never a blank page.
fn console_error_panic_hook_lite() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info.to_string();
        web_sys::console::error_1(&msg.clone().into());
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            let div = body
                .owner_document()
                .and_then(|d| d.create_element("div").ok());
            if let Some(div) = div {
                let _ = div.set_attribute("role", "alert");
                let _ = div.set_attribute("class", "fatal");
                div.set_text_content(Some(&format!("The viewer crashed: {msg}")));
                let _ = body.append_child(&div);
            }
        }
    }));
}

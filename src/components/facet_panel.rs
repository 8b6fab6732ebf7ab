//! The facet sidebar: per facet, its values with counts (zeros dimmed), a filter box
//! for long lists, and for releases a picker that takes any grain (tag, cycle, series, range).

use kernel_news_core::facet_list::FacetList;
use kernel_news_core::facets::Facet;
use kernel_news_core::first_view::{
    filter_label, heading_id, FILTER_PLACEHOLDER, PICKER_ADD, PICKER_LABEL, PICKER_PLACEHOLDER,
};
use kernel_news_core::listing::{DATA_VALUE, FACET_SECTION, FACET_SECTION_SELECTOR};
use kernel_news_core::selector::ReleaseSelector;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};

use crate::ctx::use_ctx;

#[component]
pub fn FacetPanel() -> impl IntoView {
    Facet::ALL
        .into_iter()
        .map(|facet| view! { <FacetList facet=facet /> })
        .collect_view()
}

#[component]
fn FacetList(facet: Facet) -> impl IntoView {
    let ctx = use_ctx();
    let filter = RwSignal::new(String::new());
    let expand = RwSignal::new(false);
    let heading = heading_id(facet);
    // Whether the list is long enough for a filter box: fixed for a whole
    // archive (every value counts, zeros too), growing with a split one.
    let filterable = Memo::new(move |_| ctx.outcome.with(|o| FacetList::filterable(o, facet)));
    // The list's HTML and its buttons as one memo: a keystroke that leaves a
    // facet's values and counts as they were rewrites nothing, and the `ul`
    // itself stays (only its content is set when it changed).
    let list = Memo::new(move |_| {
        let (needle, expanded, state) = (filter.get(), expand.get(), ctx.filters.get());
        ctx.outcome.with(|o| {
            ctx.archive
                .with_value(|a| FacetList::of(a, o, facet, &state, &needle, expanded))
        })
    });
    let class = FacetList::class(facet);
    // Whether the facet has values at all: the list is re-created only when that flips.
    let present = Memo::new(move |_| list.with(Option::is_some));
    let values = move || {
        present.get().then(|| {
            let more = move || list.with(|l| l.as_ref().and_then(|l| l.show_all.clone())).map(|text| view! {
                <button type="button" class="link-button" on:click=move |_| expand.set(true)>{text}</button>
            });
            let fewer = move || list.with(|l| l.as_ref().and_then(|l| l.show_fewer)).map(|text| view! {
                <button type="button" class="link-button" on:click=move |_| expand.set(false)>{text}</button>
            });
            view! {
                <ul class=class inner_html=move || list.with(|l| l.as_ref().map(|l| l.html.clone()))
                    on:change=move |ev| toggle_value(facet, &ev)></ul>
                {more}
                {fewer}
            }
        })
    };
    let search = move || {
        filterable.get().then(|| {
            view! {
                <input type="search" class="facet-filter" placeholder=FILTER_PLACEHOLDER aria-label=filter_label(facet)
                    prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
            }
        })
    };
    let picker = (facet == Facet::Release).then(|| view! { <ReleasePicker /> });
    let labelled = heading.clone();
    view! {
        <section class=FACET_SECTION aria-labelledby=labelled>
            <h2 id=heading>{facet.label()}</h2>
            {picker}
            {search}
            {values}
        </section>
    }
}

/// One handler for a list's checkboxes (core writes them as HTML, the value
/// in [`DATA_VALUE`]). The update rewrites the list, so a checkbox that had
/// keyboard focus gets it back afterwards.
fn toggle_value(facet: Facet, ev: &leptos::ev::Event) {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(value) = input.get_attribute(DATA_VALUE) else {
        return;
    };
    let focused = document().active_element().is_some_and(|a| a == **input);
    let section = input.closest(FACET_SECTION_SELECTOR).ok().flatten();
    use_ctx().push(|s| s.toggle(facet, &value));
    if let (true, Some(section)) = (focused, section) {
        set_timeout(
            move || {
                let inputs = section.get_elements_by_tag_name("input");
                let same = (0..inputs.length())
                    .filter_map(|i| inputs.item(i))
                    .find(|el| el.get_attribute(DATA_VALUE).as_deref() == Some(value.as_str()));
                if let Some(el) = same.and_then(|el| el.dyn_into::<HtmlElement>().ok()) {
                    let _ = el.focus();
                }
            },
            std::time::Duration::ZERO,
        );
    }
}

/// Any release grain by text: `v6.7-rc4`, `v6.7`, `v6.x`, `v6.0..v6.7`, with
/// the archive's releases as suggestions. Invalid text says what is expected.
#[component]
fn ReleasePicker() -> impl IntoView {
    let ctx = use_ctx();
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    // The tags of the posts loaded so far: more as a split archive comes in.
    let options = move || {
        ctx.generation.track();
        ctx.archive.with_value(|a| {
            (a.release_tags().into_iter())
                .map(|t| view! { <option value=t.to_string()></option> })
                .collect_view()
        })
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match text.get_untracked().parse::<ReleaseSelector>() {
            Ok(sel) => {
                error.set(None);
                text.set(String::new());
                ctx.push(|s| {
                    let v = sel.to_string();
                    if !s.is_picked(Facet::Release, &v) {
                        s.toggle(Facet::Release, &v);
                    }
                });
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="release-picker" on:submit=submit>
            <input type="text" list="release-tags" id="release-picker" aria-label=PICKER_LABEL
                placeholder=PICKER_PLACEHOLDER
                aria-describedby="release-picker-error"
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) />
            <button type="submit">{PICKER_ADD}</button>
            <datalist id="release-tags">{options}</datalist>
            <p id="release-picker-error" class="field-error" aria-live="polite">{move || error.get()}</p>
        </form>
    }
}

//! Brings the result list in the page up to date with core's keyed parts, rewriting only the parts that changed.
//!
//! Core decides what changed (`kernel_news_core::result_parts`); this is the
//! DOM half: find each kept group and row by its key, put it in place, and
//! apply its changes. Anything unexpected in the page (an element missing)
//! falls back to writing the whole list, so the page can never keep stale rows.

use std::collections::HashMap;

use kernel_news_core::result_parts::{
    steps, Change, Group, Keyed, Part, Row, Step, Whole, DATA_KEY, GROUP_HEAD_AT, GROUP_ROWS_AT,
    ROW_PART_AT,
};
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Makes `container`'s groups, rendered from `old`, show `new`.
pub fn patch_groups(container: &Element, old: &[Group], new: &[Group]) {
    if patched(
        container,
        old,
        new,
        |g| g.get_attribute(DATA_KEY),
        patch_group,
    )
    .is_none()
    {
        let html: String = new.iter().map(Keyed::html).collect();
        container.set_inner_html(&html);
    }
}

fn patch_group(el: &Element, old: &Group, new: &Group) -> Option<()> {
    let (at, whole) = GROUP_HEAD_AT;
    apply(&el.query_selector(at).ok()??, whole, &new.head, &old.head)?;
    let rows = el.query_selector(GROUP_ROWS_AT).ok()??;
    patched(&rows, &old.rows, &new.rows, |r| Some(r.id()), patch_row)
}

fn patch_row(el: &Element, old: &Row, new: &Row) -> Option<()> {
    for (((at, whole), old), new) in ROW_PART_AT.iter().zip(&old.parts).zip(&new.parts) {
        apply(&el.query_selector(at).ok()??, *whole, new, old)?;
    }
    Some(())
}

/// The keyed list under `parent` brought from `old` to `new`: gone items
/// removed, kept ones updated by `update` and moved only when out of place,
/// new ones inserted from their HTML. `None` when the page is not what `old` says.
fn patched<T: Keyed>(
    parent: &Element,
    old: &[T],
    new: &[T],
    key_of: impl Fn(&Element) -> Option<String>,
    update: impl Fn(&Element, &T, &T) -> Option<()>,
) -> Option<()> {
    let mut by_key: HashMap<String, Element> = HashMap::new();
    let children = parent.children();
    for i in 0..children.length() {
        let child = children.item(i)?;
        by_key.insert(key_of(&child)?, child);
    }
    if by_key.len() != old.len() {
        return None;
    }
    let (steps, gone) = steps(old, new);
    for key in gone {
        by_key.get(key)?.remove();
    }
    // New items are inserted in runs, one parse per run: a list opened at row
    // 50,000 is one insertion, not 50,000.
    let mut prev: Option<Element> = None;
    let mut run = String::new();
    let mut run_len = 0;
    for step in steps {
        match step {
            Step::Keep { key, old, new } => {
                prev = insert_run(parent, prev, &mut run, &mut run_len, true)?;
                let el = by_key.get(key)?.clone();
                let next = match &prev {
                    Some(p) => p.next_element_sibling(),
                    None => parent.first_element_child(),
                };
                if next.as_ref() != Some(&el) {
                    parent
                        .insert_before(&el, next.as_ref().map(|n| n.unchecked_ref()))
                        .ok()?;
                }
                update(&el, old, new)?;
                prev = Some(el);
            }
            Step::Create(item) => {
                run.push_str(&item.html());
                run_len += 1;
            }
        }
    }
    // The last run needs no walk to its end: nothing is placed after it.
    insert_run(parent, prev, &mut run, &mut run_len, false).map(|_| ())
}

/// Inserts the pending new items after `prev` (first in `parent` when
/// `None`) and, when `walk`, returns the last of them, the new `prev`.
fn insert_run(
    parent: &Element,
    prev: Option<Element>,
    run: &mut String,
    run_len: &mut usize,
    walk: bool,
) -> Option<Option<Element>> {
    if *run_len == 0 {
        return Some(prev);
    }
    match &prev {
        Some(p) => p.insert_adjacent_html("afterend", run).ok()?,
        None => parent.insert_adjacent_html("afterbegin", run).ok()?,
    }
    if !walk {
        return Some(None);
    }
    let mut last = match &prev {
        Some(p) => p.next_element_sibling()?,
        None => parent.first_element_child()?,
    };
    for _ in 1..*run_len {
        last = last.next_element_sibling()?;
    }
    run.clear();
    *run_len = 0;
    Some(Some(last))
}

/// Brings the element a part lives in from `old` to `new`. `None` when its
/// links are not the ones `old` counted (the page is not what was rendered).
fn apply(el: &Element, whole: Whole, new: &Part, old: &Part) -> Option<()> {
    match new.change_from(old) {
        Change::Same => {}
        Change::Html(html) => match whole {
            Whole::Element => el.set_outer_html(html),
            Whole::Content => el.set_inner_html(html),
        },
        Change::Hrefs(moved) => {
            // The part's links in document order: the element itself first when it is one.
            let inner = el.get_elements_by_tag_name("a");
            let own = (whole == Whole::Element && el.tag_name() == "A").then(|| el.clone());
            let links: Vec<Element> = own
                .into_iter()
                .chain((0..inner.length()).filter_map(|i| inner.item(i)))
                .collect();
            if links.len() != old.links() {
                return None;
            }
            for (i, href) in moved {
                links.get(i)?.set_attribute("href", href).ok()?;
            }
        }
    }
    Some(())
}

//! The result list as keyed parts (groups of rows, rows of three parts), and what changed between two renders of it.
//!
//! A keystroke used to replace all 50 rows' HTML, so the browser parsed and
//! laid out every row again though most of them were the same entries. Kept
//! as parts, the viewer rewrites only the parts whose text changed. Every
//! link in a row carries the current view in its fragment (`#q=damon&open=…`),
//! so typing changes every `href`; a part is compared by its *shape* (its HTML
//! with the `href` values left out) and, when only those differ, the viewer
//! sets the changed `href`s and leaves the elements, and their layout, alone.

use crate::listing::{escape, ENTRY_META};

/// A piece of HTML with its `href` values apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The HTML as it is inserted when the part is new or its shape changed.
    pub html: String,
    shape: String,
    /// Unescaped `href` values in document order.
    hrefs: Vec<String>,
}

/// How to bring a rendered part up to date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change<'a> {
    Same,
    /// Only links' targets differ: `(index among the part's links, new href)`.
    Hrefs(Vec<(usize, &'a str)>),
    /// The text or structure differs: replace the part with this HTML.
    Html(&'a str),
}

impl Part {
    pub fn new(html: String) -> Part {
        let (shape, hrefs) = split_hrefs(&html);
        Part { html, shape, hrefs }
    }

    /// How many links the part holds (one `href` each).
    pub fn links(&self) -> usize {
        self.hrefs.len()
    }

    /// The part as kept after it is in the page: its HTML is no longer
    /// needed (only the shape and links are compared), so a long list does
    /// not keep a second copy of its HTML.
    pub fn rendered(mut self) -> Part {
        self.html = String::new();
        self
    }

    /// What turns `old`, as rendered, into `self`.
    pub fn change_from<'a>(&'a self, old: &Part) -> Change<'a> {
        if self.shape != old.shape || self.hrefs.len() != old.hrefs.len() {
            return Change::Html(&self.html);
        }
        let moved: Vec<(usize, &str)> = (self.hrefs.iter().zip(&old.hrefs).enumerate())
            .filter(|(_, (new, old))| new != old)
            .map(|(i, (new, _))| (i, new.as_str()))
            .collect();
        if moved.is_empty() {
            Change::Same
        } else {
            Change::Hrefs(moved)
        }
    }
}

/// The parts of one result row, in the order the row shows them.
pub const ROW_PARTS: usize = 3;

/// Where each of a row's parts sits in the row, and whether the part is the
/// element itself (the title link) or the element's content.
pub const ROW_PART_AT: [(&str, Whole); ROW_PARTS] = [
    (crate::listing::ENTRY_LINK_SELECTOR, Whole::Element),
    (crate::listing::ENTRY_META_SELECTOR, Whole::Content),
    ("p.snippet", Whole::Content),
];

/// Where a group's heading part sits in the group.
pub const GROUP_HEAD_AT: (&str, Whole) = ("h2.group-head", Whole::Content);

/// Where a group's rows sit in the group.
pub const GROUP_ROWS_AT: &str = "ul.entries";

/// Whether a [`Part`] is an element's outer or inner HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whole {
    Element,
    Content,
}

/// One result row: its title link, its facts and its snippet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Its DOM id (`crate::listing::row_id`), which is also its key.
    pub id: String,
    /// The title link (its whole element), the facts' content and the snippet's content.
    pub parts: [Part; ROW_PARTS],
}

impl Row {
    /// The row as kept after it is in the page (see [`Part::rendered`]).
    pub fn rendered(self) -> Row {
        Row {
            id: self.id,
            parts: self.parts.map(Part::rendered),
        }
    }
}

/// One post's run of rows, under the post's heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Unique within one render: the post and how many runs of it came before.
    pub key: String,
    pub lang: String,
    /// The heading's content.
    pub head: Part,
    pub rows: Vec<Row>,
}

/// How to bring a rendered list (of rows or of groups) up to date, item by item in the new order.
#[derive(Debug, PartialEq, Eq)]
pub enum Step<'a, T> {
    /// The item rendered before under this key: put it here and update it.
    Keep {
        key: &'a str,
        old: &'a T,
        new: &'a T,
    },
    /// A new item: insert it here.
    Create(&'a T),
}

/// Something a rendered list keeps by key.
pub trait Keyed {
    fn key(&self) -> &str;
    /// Its HTML, as inserted when it is new.
    fn html(&self) -> String;
}

/// The steps from `old` to `new`, in `new`'s order, and the keys of `old`
/// that are gone. Both lists hold each key at most once.
pub fn steps<'a, T: Keyed>(old: &'a [T], new: &'a [T]) -> (Vec<Step<'a, T>>, Vec<&'a str>) {
    let index: std::collections::HashMap<&str, &T> = old.iter().map(|o| (o.key(), o)).collect();
    let steps = (new.iter())
        .map(|n| match index.get(n.key()) {
            Some(&o) => Step::Keep {
                key: n.key(),
                old: o,
                new: n,
            },
            None => Step::Create(n),
        })
        .collect();
    let kept: std::collections::HashSet<&str> = new.iter().map(Keyed::key).collect();
    let gone = (old.iter().map(Keyed::key))
        .filter(|k| !kept.contains(k))
        .collect();
    (steps, gone)
}

impl Keyed for Row {
    fn key(&self) -> &str {
        &self.id
    }

    fn html(&self) -> String {
        let [title, meta, snippet] = &self.parts;
        format!(
            "<li class=\"entry\" id=\"{}\">{}<div class=\"{ENTRY_META}\">{}</div><p class=\"snippet\">{}</p></li>",
            self.id, title.html, meta.html, snippet.html
        )
    }
}

impl Keyed for Group {
    fn key(&self) -> &str {
        &self.key
    }

    fn html(&self) -> String {
        let mut out = self.open_html();
        for row in &self.rows {
            out.push_str(&row.html());
        }
        out.push_str("</ul></section>");
        out
    }
}

impl Group {
    /// The group as kept after it is in the page (see [`Part::rendered`]).
    pub fn rendered(self) -> Group {
        Group {
            head: self.head.rendered(),
            rows: self.rows.into_iter().map(Row::rendered).collect(),
            ..self
        }
    }

    fn open_html(&self) -> String {
        format!(
            "<section class=\"group\" lang=\"{}\" {DATA_KEY}=\"{}\"><h2 class=\"group-head\">{}</h2><ul class=\"entries\">",
            escape(&self.lang),
            escape(&self.key),
            self.head.html
        )
    }
}

/// The attribute naming a group's key in the page, where the viewer finds it again.
pub const DATA_KEY: &str = "data-key";

/// `html` with every `href="…"` value emptied, and the values, unescaped.
/// Only for HTML this crate writes: attribute values are always quoted with
/// `"` and escaped, so a `"` ends a value.
fn split_hrefs(html: &str) -> (String, Vec<String>) {
    const OPEN: &str = " href=\"";
    let mut shape = String::with_capacity(html.len());
    let mut hrefs = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        let value_at = at + OPEN.len();
        let Some(len) = rest[value_at..].find('"') else {
            break;
        };
        shape.push_str(&rest[..value_at]);
        hrefs.push(unescape(&rest[value_at..value_at + len]));
        rest = &rest[value_at + len..];
    }
    shape.push_str(rest);
    (shape, hrefs)
}

/// The inverse of [`crate::markdown::escape_attr`], and of the entities
/// pulldown-cmark writes in link targets (`&amp;`, `&#x27;`); anything
/// else stays as written.
fn unescape(value: &str) -> String {
    if !value.contains('&') {
        return value.to_string();
    }
    const ENTITIES: [(&str, char); 7] = [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&#39;", '\''),
        ("&#x27;", '\''),
        ("&#x22;", '"'),
    ];
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) {
            Some((e, c)) => {
                out.push(*c);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
#[path = "result_parts_tests.rs"]
mod tests;

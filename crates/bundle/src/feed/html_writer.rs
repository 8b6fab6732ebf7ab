//! The markdown writer behind [`super::html_to_markdown`]: paragraphs, quotes and list items from a stream of tags and text.
//!
//! Text is escaped as it comes; syntax is written only by the writer, and an
//! inline element's opening syntax only once text follows it, so an empty
//! element leaves nothing and a block break inside one closes and reopens it.

use std::mem::take;

use super::{escape_into, escape_line_start, is_block, link_destination, Skip, CODE};

/// How deep quotes, lists and list items nest in the markdown, and inline
/// elements (bold, emphasis, a link) inside each other.
const MAX_CONTAINERS: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Quote,
    List,
    /// A list item; `started` once its first line (the one with `- `) is out.
    Item {
        started: bool,
    },
}

/// An open inline element. Its opening syntax is written only when text
/// follows, so an empty one leaves nothing, and is reopened after a
/// paragraph break inside it.
struct Mark {
    tag: &'static str,
    open: &'static str,
    close: String,
    written: bool,
}

#[derive(Default)]
pub(super) struct Writer {
    out: String,
    containers: Vec<Container>,
    /// The paragraph being written, as markdown; lines split at `<br>`.
    inline: String,
    pending_space: bool,
    pending_break: bool,
    marks: Vec<Mark>,
    pub(super) skip: Skip,
    code: Option<String>,
    pre: Option<String>,
    /// The continuation prefix of the last block, for the blank line after it.
    last_rest: String,
    last_in_item: bool,
}

impl Writer {
    /// A start tag outside any dropped element.
    pub(super) fn start(&mut self, name: &str, href: Option<String>, alt: Option<String>) {
        if let Some(pre) = self.pre.as_mut() {
            if name == "br" {
                pre.push('\n');
            }
            return;
        }
        if self.code.is_some() && !is_block(name) {
            return;
        }
        self.end_code();
        match name {
            "blockquote" => {
                self.flush();
                self.push_container(Container::Quote);
            }
            "ul" | "ol" | "menu" => {
                self.flush();
                self.push_container(Container::List);
            }
            "li" => {
                self.flush();
                if let Some(Container::Item { .. }) = self.containers.last() {
                    self.containers.pop();
                }
                self.push_container(Container::Item { started: false });
            }
            "pre" => {
                self.flush();
                self.pre = Some(String::new());
            }
            "br" => self.pending_break = !self.inline.is_empty(),
            "b" | "strong" => self.open("b", "**", "**".into()),
            "i" | "em" => self.open("i", "*", "*".into()),
            "a" if !self.marks.iter().any(|m| m.tag == "a") => {
                if let Some(url) = href.as_deref().and_then(link_destination) {
                    self.open("a", "[", format!("]({url})"));
                }
            }
            "img" => self.text(alt.as_deref().unwrap_or_default()),
            "td" | "th" => self.pending_space = true,
            _ if CODE.contains(&name) => self.code = Some(String::new()),
            _ if is_block(name) => {
                self.flush();
                if matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                    self.open("h", "**", "**".into());
                }
            }
            _ => {}
        }
    }

    pub(super) fn end(&mut self, name: &str) {
        if self.skip.end(name) {
            return;
        }
        if self.pre.is_some() {
            if name == "pre" {
                self.end_pre();
            }
            return;
        }
        if self.code.is_some() && !CODE.contains(&name) && !is_block(name) {
            return;
        }
        self.end_code();
        match name {
            "blockquote" => self.close_container(Container::Quote),
            "ul" | "ol" | "menu" => self.close_container(Container::List),
            "li" => {
                self.flush();
                if let Some(Container::Item { .. }) = self.containers.last() {
                    self.containers.pop();
                }
            }
            "b" | "strong" => self.close("b"),
            "i" | "em" => self.close("i"),
            "a" => self.close("a"),
            _ if is_block(name) => {
                self.close("h");
                self.flush();
            }
            _ => {}
        }
    }

    pub(super) fn text(&mut self, s: &str) {
        if self.skip.active() {
            return;
        }
        if let Some(buf) = self.pre.as_mut().or(self.code.as_mut()) {
            buf.push_str(s);
            return;
        }
        if s.starts_with(|c: char| c.is_ascii_whitespace()) {
            self.pending_space = true;
        }
        for (i, word) in s.split_ascii_whitespace().enumerate() {
            self.pending_space |= i > 0;
            let mut md = String::new();
            escape_into(word, &mut md);
            self.content(&md);
        }
        if s.ends_with(|c: char| c.is_ascii_whitespace()) {
            self.pending_space = true;
        }
    }

    /// Writes markdown that shows something, after the space or line break
    /// and the opening syntax waiting for it.
    fn content(&mut self, md: &str) {
        if self.pending_break && !self.inline.is_empty() {
            self.inline.push_str("\\\n");
        } else if self.pending_space && !self.inline.is_empty() {
            self.inline.push(' ');
        }
        (self.pending_break, self.pending_space) = (false, false);
        for m in &mut self.marks {
            if !m.written {
                self.inline.push_str(m.open);
                m.written = true;
            }
        }
        self.inline.push_str(md);
    }

    /// Opens an inline element, up to [`MAX_CONTAINERS`] deep (deeper ones
    /// add nothing): every word written looks at each open one, so 20,000
    /// nested `<b>` were quadratic.
    fn open(&mut self, tag: &'static str, open: &'static str, close: String) {
        if self.marks.len() >= MAX_CONTAINERS {
            return;
        }
        let written = false;
        self.marks.push(Mark {
            tag,
            open,
            close,
            written,
        });
    }

    /// Closes `tag` and whatever was opened inside it and left open.
    fn close(&mut self, tag: &str) {
        if let Some(at) = self.marks.iter().rposition(|m| m.tag == tag) {
            for m in self.marks.drain(at..).rev() {
                if m.written {
                    self.inline.push_str(&m.close);
                }
            }
        }
    }

    /// Opens a quote, list or item, up to [`MAX_CONTAINERS`] deep; deeper
    /// ones show at that depth. Every level prefixes each line inside it, so
    /// 20,000 nested quotes (260 KB of HTML) made 780 MB of markdown.
    fn push_container(&mut self, container: Container) {
        if self.containers.len() < MAX_CONTAINERS {
            self.containers.push(container);
        }
    }

    fn close_container(&mut self, kind: Container) {
        self.flush();
        let same = |c: &Container| std::mem::discriminant(c) == std::mem::discriminant(&kind);
        if let Some(at) = self.containers.iter().rposition(same) {
            self.containers.truncate(at);
        }
    }

    fn end_code(&mut self) {
        let Some(code) = self.code.take() else {
            return;
        };
        let space = |at: Option<char>| at.is_some_and(|c| c.is_ascii_whitespace());
        self.pending_space |= space(code.chars().next());
        let trailing = space(code.chars().last());
        let code = code.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
        if !code.is_empty() {
            let fence = "`".repeat(longest_run(&code, '`') + 1);
            let pad = if code.starts_with('`') || code.ends_with('`') {
                " "
            } else {
                ""
            };
            self.content(&format!("{fence}{pad}{code}{pad}{fence}"));
        }
        self.pending_space |= trailing;
    }

    fn end_pre(&mut self) {
        let pre = self
            .pre
            .take()
            .unwrap_or_default()
            .replace("\r\n", "\n")
            .replace('\r', "\n");
        // A browser drops the newline right after `<pre>`.
        let pre = pre.strip_prefix('\n').unwrap_or(&pre).trim_end();
        if pre.trim().is_empty() {
            return;
        }
        let fence = "`".repeat(longest_run(pre, '`').max(2) + 1);
        let mut lines = vec![fence.clone()];
        lines.extend(pre.lines().map(str::to_string));
        lines.push(fence);
        self.emit(lines);
    }

    /// Ends the paragraph being written, if it shows anything.
    fn flush(&mut self) {
        self.end_code();
        for m in self.marks.iter_mut().rev() {
            if m.written {
                self.inline.push_str(&m.close);
                m.written = false;
            }
        }
        let text = take(&mut self.inline);
        (self.pending_break, self.pending_space) = (false, false);
        if !text.trim().is_empty() {
            self.emit(text.split('\n').map(escape_line_start).collect());
        }
    }

    /// Writes a block's lines under the open quotes and list items.
    fn emit(&mut self, lines: Vec<String>) {
        let (mut first, mut rest, mut starts_item) = (String::new(), String::new(), false);
        for c in &mut self.containers {
            match c {
                Container::Quote => {
                    first.push_str("> ");
                    rest.push_str("> ");
                }
                Container::List => {}
                Container::Item { started } => {
                    first.push_str(if *started { "  " } else { "- " });
                    starts_item |= !*started;
                    *started = true;
                    rest.push_str("  ");
                }
            }
        }
        if !self.out.is_empty() {
            self.out.push('\n');
            // Items follow each other line by line; every other block is a paragraph apart.
            if !(starts_item && self.last_in_item) {
                let common = common_prefix(&self.last_rest, &rest);
                self.out.push_str(common.trim_end());
                self.out.push('\n');
            }
        }
        for (i, line) in lines.iter().enumerate() {
            let prefix = if i == 0 { &first } else { &rest };
            if i > 0 {
                self.out.push('\n');
            }
            if line.is_empty() {
                self.out.push_str(prefix.trim_end());
            } else {
                self.out.push_str(prefix);
                self.out.push_str(line);
            }
        }
        self.last_in_item = matches!(self.containers.last(), Some(Container::Item { .. }));
        self.last_rest = rest;
    }

    pub(super) fn finish(mut self) -> String {
        if self.pre.is_some() {
            self.end_pre();
        }
        self.flush();
        self.out
    }
}

fn longest_run(s: &str, c: char) -> usize {
    s.split(|x| x != c).map(str::len).max().unwrap_or(0)
}

fn common_prefix<'a>(a: &'a str, b: &str) -> &'a str {
    let n = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    &a[..n]
}

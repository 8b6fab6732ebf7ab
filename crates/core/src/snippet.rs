//! A result row's excerpt of an entry body: one line of escaped HTML, cut between words around the first match, its inline markdown rendered.

// The whole body is read by pulldown-cmark (as the entry view reads it) into
// flat text, whitespace collapsed, with a style per run, and the window is
// cut from that text: cutting the markdown first could leave half a code
// span or a stray `*`. Only `<code>`, `<em>`, `<strong>` and `<mark>` are
// ever written; every character of the post goes through `escape`.

use std::fmt::Write;
use std::ops::Range;

use pulldown_cmark::{Event, Parser, TagEnd};

use crate::autolink::autolink_bare_urls;
use crate::markdown::{escape_attr as escape, options};
use crate::search::highlight;

/// Columns of body text a result row shows (see [`col`]; the `…` marks not counted).
pub const WIDTH: usize = 180;

/// How a run is shown, per element in [`TAGS`] order (0: not in it): strong,
/// em, and for code the span's number, so that two spans side by side stay two.
type Style = [u32; 3];

/// Elements a snippet may hold, outermost first: always nested in this
/// order, so every tag closes the last one opened.
const TAGS: [&str; 4] = ["strong", "em", "code", "mark"];

/// An entry body as a reader sees it, on one line, and the reader's place in it.
#[derive(Debug, Default)]
struct Flat {
    text: String,
    /// `(end, style)` of each run, in order, covering `text`.
    runs: Vec<(usize, Style)>,
    /// Where each line starts in `text`: a block (paragraph, item, heading,
    /// cell) or a line within one.
    lines: Vec<usize>,
    /// A space is owed before the next character (whitespace collapses).
    space: bool,
    /// The next character starts a line.
    fresh: bool,
    strong: u32,
    em: u32,
    /// Code spans and blocks so far; text is in the last one while `in_code`.
    spans: u32,
    in_code: bool,
}

impl Flat {
    fn push(&mut self, s: &str, code: bool) {
        let on = |n: u32| (n > 0) as u32;
        let style = [on(self.strong), on(self.em), self.spans * code as u32];
        // Between two pieces of the split stood a whitespace character.
        for (i, word) in s.split(char::is_whitespace).enumerate() {
            self.space |= i > 0 && !self.text.is_empty();
            if word.is_empty() {
                continue;
            }
            if std::mem::take(&mut self.space) {
                // A space is in what the runs either side share: inside
                // one code span it is code, between two spans it is not.
                let before = self.runs.last().map_or(style, |r| r.1);
                let shared = [0, 1, 2].map(|l| before[l] * (before[l] == style[l]) as u32);
                self.put(" ", shared);
            }
            if std::mem::take(&mut self.fresh) {
                self.lines.push(self.text.len());
            }
            self.put(word, style);
        }
    }

    fn put(&mut self, s: &str, style: Style) {
        self.text.push_str(s);
        match self.runs.last_mut() {
            Some(last) if last.1 == style => last.0 = self.text.len(),
            _ => self.runs.push((self.text.len(), style)),
        }
    }

    fn break_line(&mut self) {
        self.space = !self.text.is_empty();
        self.fresh = true;
    }

    /// An element opens (`open`) or closes.
    fn tag(&mut self, end: TagEnd, open: bool) {
        let step = |n: &mut u32| *n = if open { *n + 1 } else { n.saturating_sub(1) };
        match end {
            TagEnd::Strong => step(&mut self.strong),
            TagEnd::Emphasis => step(&mut self.em),
            // Their text reads as text: link text without its target (the
            // row is itself a link), struck text, an image's alt text.
            TagEnd::Link | TagEnd::Image | TagEnd::Strikethrough => {}
            TagEnd::Superscript | TagEnd::Subscript => {}
            block => {
                if block == TagEnd::CodeBlock {
                    self.in_code = open;
                    self.spans += open as u32;
                }
                self.break_line();
            }
        }
    }

    /// Is line `i` one bare URL (a thread link on a line of its own)? It
    /// is no context for a match.
    fn is_link(&self, i: usize) -> bool {
        let end = self.lines.get(i + 1).map_or(self.text.len(), |&e| e);
        let line = self.text[self.lines[i]..end].trim_end();
        let starts = |p: &str| {
            line.get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
        };
        (starts("http://") || starts("https://")) && !line.contains(' ')
    }
}

/// Reads `markdown` as the entry view does (bare URLs linked first): text,
/// code, raw HTML (shown as the text it is), link text and image alt text.
fn flatten(markdown: &str) -> Flat {
    let mut flat = Flat::default();
    for event in Parser::new_ext(&autolink_bare_urls(markdown), options()) {
        match event {
            Event::Text(t) => flat.push(&t, flat.in_code),
            Event::Html(t) | Event::InlineHtml(t) => flat.push(&t, false),
            Event::Code(t) => {
                flat.spans += 1;
                flat.push(&t, true);
            }
            // A line of its own counts as a block: a thread link often is one.
            Event::SoftBreak | Event::HardBreak | Event::Rule => flat.break_line(),
            Event::Start(tag) => flat.tag(tag.to_end(), true),
            Event::End(end) => flat.tag(end, false),
            _ => {}
        }
    }
    flat
}

/// The text a row's excerpt is cut from, on one line: what
/// `kernel-news-expect` tells the browser suite a snippet may show.
pub fn source_text(markdown: &str) -> String {
    flatten(markdown).text
}

/// The excerpt of `markdown` a result row shows, as HTML: about `width`
/// columns (see [`col`]) around the first case-insensitive match of
/// `needles` (lowercased), else from the first line that is not a bare
/// link; starting and ending between words, `…` where text is left out,
/// matches in `<mark>`.
pub fn snippet_html(markdown: &str, needles: &[&str], width: usize) -> String {
    let flat = flatten(markdown);
    let text = flat.text.as_str();
    // Where the prose starts: thread links before it are left out without
    // a `…`, as the row links its thread already.
    let lead = (0..flat.lines.len()).find(|&i| !flat.is_link(i));
    let lead = lead.map_or(text.len(), |i| flat.lines[i]);
    let (hit, floor) = match first_match(text, needles) {
        // Context before a match stops at a bare link, which says nothing.
        Some(hit) => {
            let floor = (0..flat.lines.len())
                .take_while(|&i| flat.lines[i] < hit.start)
                .filter(|&i| flat.is_link(i))
                .filter_map(|i| flat.lines.get(i + 1).copied())
                .filter(|&next| next <= hit.start)
                .last();
            (hit, floor.unwrap_or(0))
        }
        None if lead == text.len() => return String::new(),
        None => (lead..lead, lead),
    };
    let cut = window(text, hit, floor, width);
    let mut out = String::with_capacity(cut.len() * 5 / 4 + 16);
    let at_line = flat.lines.binary_search(&cut.start).is_ok();
    if cut.start > lead || (cut.start > 0 && !at_line) {
        out.push('…');
    }
    render(&flat, cut.clone(), needles, &mut out);
    if cut.end < text.len() {
        out.push('…');
    }
    out
}

/// The first match of any needle in `text`, case-insensitively, as a byte
/// range of `text`. Each character is lowercased in place, and one whose
/// lowercase is longer (`İ`) kept as it is, so offsets stay those of `text`.
fn first_match(text: &str, needles: &[&str]) -> Option<Range<usize>> {
    let same = |c: char| match (c.to_lowercase().next(), c.to_lowercase().nth(1)) {
        (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
        _ => c,
    };
    let lower: String = text.chars().map(same).collect();
    (needles.iter().filter(|n| !n.is_empty()))
        .filter_map(|n| lower.find(n).map(|at| at..at + n.len()))
        .min_by_key(|r| r.start)
}

/// The byte range of `text` to show: the words holding `hit`, then whole
/// words on each side, each side given half of what is left (a side with
/// less text gives the rest to the other), never reaching before `floor`.
fn window(text: &str, hit: Range<usize>, floor: usize, width: usize) -> Range<usize> {
    let (s, e) = (word_start(text, floor, hit.start), word_end(text, hit.end));
    let core = cols(&text[s..e]);
    if core > width {
        return cut_token(text, hit, s..e, width);
    }
    let budget = width - core;
    // Enough to tell whether a side holds more than the budget.
    let before: usize = text[floor..s].chars().rev().take(budget + 1).map(col).sum();
    let after: usize = text[e..].chars().take(budget + 1).map(col).sum();
    let share = match before + after <= budget {
        true => before,
        false => (budget / 2).max(budget.saturating_sub(after)).min(before),
    };
    let mut r = s..e;
    // Only a token wider than half the width is ever cut (a URL, say).
    let mut used = grow(text, &mut r, floor, true, [share, budget, width / 2]);
    let left = budget - used;
    used += grow(text, &mut r, floor, false, [left, left, width / 2]);
    // What the words after left over goes to the words before, unless those were cut.
    if used < budget && (r.start == floor || text.as_bytes()[r.start - 1] == b' ') {
        let left = budget - used;
        grow(text, &mut r, floor, true, [left, left, usize::MAX]);
    }
    r
}

/// Widens `r` (`back`: at its start) by whole words, each with its space,
/// within `share` columns, and returns the columns taken. A side that gets
/// no word so takes the one next to the match whole if it fits in `room`;
/// if that word is wider than `long`, the part of it next to the match, cut
/// at a character boundary: the last resort.
fn grow(text: &str, r: &mut Range<usize>, floor: usize, back: bool, limits: [usize; 3]) -> usize {
    let [share, room, long] = limits;
    let mut used = 0;
    while used < share {
        // The next word out, without its space.
        let (word, edge) = match back {
            true if r.start > floor => {
                let from = word_start(text, floor, r.start - 1);
                (from..r.start - 1, from)
            }
            false if r.end < text.len() => {
                let to = word_end(text, r.end + 1);
                (r.end + 1..to, to)
            }
            _ => break,
        };
        let wide = cols(&text[word.clone()]);
        let cut = if back { tail } else { head };
        let edge = if used + wide < share || (used == 0 && wide < room) {
            used += wide + 1;
            edge
        } else if used == 0 && wide > long && share >= 2 {
            used = share;
            cut(text, word, share - 1)
        } else {
            break;
        };
        *(if back { &mut r.start } else { &mut r.end }) = edge;
    }
    used
}

/// A token (URL, long identifier) holding the match is wider than the
/// width: cut it at character boundaries, the match in the middle.
fn cut_token(text: &str, hit: Range<usize>, word: Range<usize>, width: usize) -> Range<usize> {
    let len = cols(&text[hit.clone()]);
    if len >= width {
        return hit.start..head(text, hit, width);
    }
    let (before, after) = (word.start..hit.start, hit.end..word.end);
    let start = tail(text, before.clone(), (width - len) / 2);
    let end = head(text, after, width - len - cols(&text[start..hit.start]));
    tail(text, before, width - len - cols(&text[hit.end..end]))..end
}

/// Writes `text[cut]` escaped, each run in its elements and the matches of
/// `needles` in `<mark>`, inside code too; a tag never splits an entity, as
/// text is escaped in whole pieces between tags.
fn render(flat: &Flat, cut: Range<usize>, needles: &[&str], out: &mut String) {
    let (mut open, mut from, mut at) = ([0; 4], cut.start, cut.start);
    let mut run = flat.runs.partition_point(|r| r.0 <= cut.start);
    for (piece, hit) in highlight(&flat.text[cut], needles) {
        for c in piece.chars() {
            while flat.runs[run].0 <= at {
                run += 1;
            }
            let [strong, em, code] = flat.runs[run].1;
            let want = [strong, em, code, hit as u32];
            if want != open {
                out.push_str(&escape(&flat.text[from..at]));
                retag(out, &mut open, want);
                from = at;
            }
            at += c.len_utf8();
        }
    }
    out.push_str(&escape(&flat.text[from..at]));
    retag(out, &mut open, [0; 4]);
}

/// Closes the open elements from the innermost out to the first that
/// changes, and opens those `want`s from there in.
fn retag(out: &mut String, open: &mut [u32; 4], want: [u32; 4]) {
    let changed = (0..4).find(|&l| open[l] != want[l]).unwrap_or(4);
    for l in (changed..4).rev().filter(|&l| open[l] > 0) {
        let _ = write!(out, "</{}>", TAGS[l]);
    }
    for l in (changed..4).filter(|&l| want[l] > 0) {
        let _ = write!(out, "<{}>", TAGS[l]);
    }
    *open = want;
}

/// Columns a character takes on screen: Hangul and the CJK scripts are
/// drawn twice as wide as Latin text, so a Korean row is not twice as long.
fn col(c: char) -> usize {
    match c as u32 {
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF => 2,
        0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

/// The start of the word `text[..at]` ends in, not before `floor`.
fn word_start(text: &str, floor: usize, at: usize) -> usize {
    text[floor..at].rfind(' ').map_or(floor, |i| floor + i + 1)
}

/// The end of the word `text[at..]` starts with.
fn word_end(text: &str, at: usize) -> usize {
    text[at..].find(' ').map_or(text.len(), |i| at + i)
}

fn cols(s: &str) -> usize {
    s.chars().map(col).sum()
}

/// The first of `chars` past `n` columns.
fn past(mut chars: impl Iterator<Item = (usize, char)>, n: usize) -> Option<(usize, char)> {
    let mut used = 0;
    chars.find(|(_, c)| {
        used += col(*c);
        used > n
    })
}

/// The end of the longest start of `text[r]` within `n` columns.
fn head(text: &str, r: Range<usize>, n: usize) -> usize {
    let past = past(text[r.clone()].char_indices(), n);
    past.map_or(r.end, |(i, _)| r.start + i)
}

/// The start of the longest end of `text[r]` within `n` columns.
fn tail(text: &str, r: Range<usize>, n: usize) -> usize {
    let past = past(text[r.clone()].char_indices().rev(), n);
    past.map_or(r.start, |(i, c)| r.start + i + c.len_utf8())
}

#[cfg(test)]
#[path = "snippet_tests.rs"]
mod tests;

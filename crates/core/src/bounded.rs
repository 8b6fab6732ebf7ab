//! How much of a pathological post the viewer renders at once: a window of a post's entries and a body cut at a block boundary, with the words of the notes and buttons that show the rest.
//!
//! A post of 50,000 entries or an entry of 20 MB would freeze the tab if
//! rendered whole. The post view shows a first window of entries and grows it
//! on request, the way the result list grows by [`crate::cursor::PAGE`]; a
//! body longer than [`BODY_BYTES_SHOWN`] is rendered up to a block boundary
//! before it, with a note saying so and a button that renders it whole.

use std::ops::Range;

use crate::chart::format_thousands;

/// Entries the post view renders at first and adds per "Show more entries".
pub const POST_ENTRIES_SHOWN: usize = 200;

/// Markdown bytes of one body rendered before "Show all": 256 KB renders in
/// well under a second and is longer than any real entry of the archive.
pub const BODY_BYTES_SHOWN: usize = 256 * 1024;

/// How many of a post's `total` entries a window of `limit` renders.
pub fn entries_shown(total: usize, limit: usize) -> usize {
    total.min(limit)
}

/// The window after one more "Show more entries": a page more, as the result
/// list grows.
pub fn more_entries(limit: usize) -> usize {
    limit.saturating_add(POST_ENTRIES_SHOWN)
}

/// The button that grows the post view's window, when some of its `total`
/// entries are not rendered: "Show 200 more entries (of 50,000)".
pub fn more_entries_label(total: usize, limit: usize) -> Option<String> {
    let hidden = total.saturating_sub(limit);
    (hidden > 0).then(|| {
        let next = hidden.min(POST_ENTRIES_SHOWN);
        let noun = if next == 1 { "entry" } else { "entries" };
        format!(
            "Show {next} more {noun} (of {})",
            format_thousands(total as u64)
        )
    })
}

/// Postings a series timeline lists whole; a longer one lists a window of
/// them ([`timeline_window`]). A real series has at most a few dozen postings.
pub const TIMELINE_POSTINGS_SHOWN: usize = 50;

/// Postings a windowed timeline lists at its start and at its end.
pub const TIMELINE_ENDS: usize = 5;

/// Postings a windowed timeline lists on each side of the current one.
pub const TIMELINE_AROUND: usize = 5;

/// Write-up links a timeline item lists before "and N more write-ups".
pub const TIMELINE_WRITEUPS_SHOWN: usize = 10;

/// A run of a timeline's postings: listed, or left out for one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Shown(Range<usize>),
    Hidden(Range<usize>),
}

/// Which of `total` postings a timeline lists, in order: all of them when
/// there are at most [`TIMELINE_POSTINGS_SHOWN`], else the first and last
/// [`TIMELINE_ENDS`] and [`TIMELINE_AROUND`] on each side of `current`, the
/// runs between them hidden. Runs that touch are joined, and a hidden run of
/// one posting is listed instead (its line would be no shorter).
pub fn timeline_window(total: usize, current: Option<usize>) -> Vec<Span> {
    if total <= TIMELINE_POSTINGS_SHOWN {
        return if total == 0 {
            Vec::new()
        } else {
            vec![Span::Shown(0..total)]
        };
    }
    let mut shown: Vec<Range<usize>> = Vec::with_capacity(3);
    shown.push(0..TIMELINE_ENDS);
    if let Some(c) = current.filter(|&c| c < total) {
        shown.push(c.saturating_sub(TIMELINE_AROUND)..(c + TIMELINE_AROUND + 1).min(total));
    }
    shown.push(total - TIMELINE_ENDS..total);
    shown.sort_by_key(|r| r.start);
    let mut out: Vec<Span> = Vec::new();
    let mut at = 0;
    for r in shown {
        // A gap of one posting is listed: joined to the run before it.
        let start = if r.start == at + 1 {
            at
        } else {
            r.start.max(at)
        };
        if r.end <= at {
            continue;
        }
        if start > at {
            out.push(Span::Hidden(at..start));
        }
        match out.last_mut() {
            Some(Span::Shown(last)) if last.end >= start => last.end = r.end,
            _ => out.push(Span::Shown(start..r.end)),
        }
        at = r.end;
    }
    out
}

/// The line in place of `hidden` postings: "… 4,980 more postings".
pub fn hidden_postings_label(hidden: usize) -> String {
    let noun = if hidden == 1 { "posting" } else { "postings" };
    format!("… {} more {noun}", format_thousands(hidden as u64))
}

/// After [`hidden_postings_label`] in the entry view, linking to the series page.
pub const ON_SERIES_PAGE: &str = "every version on the series page";

/// After [`hidden_postings_label`] on the series page, whose sections list them.
pub const IN_ORDER_BELOW: &str = "each in its section below";

/// After a timeline item's first [`TIMELINE_WRITEUPS_SHOWN`] write-ups: "and 5,545 more write-ups".
pub fn more_writeups_label(hidden: usize) -> String {
    let noun = if hidden == 1 { "write-up" } else { "write-ups" };
    format!("and {} more {noun}", format_thousands(hidden as u64))
}

/// Where a body was cut: the bytes rendered and the bytes it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cut {
    pub shown_bytes: usize,
    pub total_bytes: usize,
}

/// The start of `md` that is rendered at first, and where it was cut when it
/// is not the whole body. Bodies of at most `limit` bytes are whole. A longer
/// one is cut after the last blank line at or before `limit` (a block
/// boundary, so no paragraph is split), else after the last line end, else at
/// the last char boundary; a blank line or line end counts only in the second
/// half of the window, so a body that opens with one short paragraph and then
/// a 1 MB line still shows most of the window.
pub fn cut_markdown(md: &str, limit: usize) -> (&str, Option<Cut>) {
    if md.len() <= limit {
        return (md, None);
    }
    let end = md.floor_char_boundary(limit);
    let window = &md[..end];
    let half = end / 2;
    let at = (window.rfind("\n\n").map(|i| i + 2))
        .filter(|&i| i > half)
        .or_else(|| window.rfind('\n').map(|i| i + 1).filter(|&i| i > half))
        .unwrap_or(end);
    let cut = Cut {
        shown_bytes: at,
        total_bytes: md.len(),
    };
    (&md[..at], Some(cut))
}

/// The note under a cut body: "Shown in part: the first 256 KB of 20.0 MB."
pub fn cut_note(cut: &Cut) -> String {
    format!(
        "Shown in part: the first {} of {}.",
        size(cut.shown_bytes),
        size(cut.total_bytes)
    )
}

/// The button that renders a cut body whole: "Show all 20.0 MB".
pub fn show_all_label(cut: &Cut) -> String {
    format!("Show all {}", size(cut.total_bytes))
}

/// A byte count as a reader reads it: "900 bytes", "256 KB", "20.0 MB" (binary units).
pub fn size(bytes: usize) -> String {
    const KB: usize = 1024;
    const MB: usize = 1024 * 1024;
    if bytes < KB {
        format!("{bytes} bytes")
    } else if bytes < MB - KB / 2 {
        format!("{} KB", (bytes + KB / 2) / KB)
    } else {
        // Tenths by integer arithmetic: float formatting would add to the wasm.
        let tenths = (bytes as u64 * 10 + MB as u64 / 2) / MB as u64;
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
#[path = "bounded_tests.rs"]
mod tests;

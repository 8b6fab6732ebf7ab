//! Cutting a post body into its preamble and entries at its headings, as pulldown-cmark reads them.
//!
//! The parser is the one the viewer renders with, with the same options
//! ([`kernel_news_core::markdown::options`]), so a line is an entry heading
//! exactly when the viewer draws it as a heading: a `---` or `# comment` inside
//! a code block, an HTML block or a list item never starts an entry.
//!
//! Only top-level headings cut: a heading inside a block quote or a list item
//! belongs to the entry around it (cutting there would leave half a quote or
//! a list in each entry).

use std::ops::Range;

use kernel_news_core::markdown::options;
use pulldown_cmark::{Event, Parser, Tag};

/// An entry before its heading is interpreted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawEntry {
    /// The heading's text as written (inline markdown kept, so the subject
    /// parser sees `<a@b>` and `` `code` `` as the author typed them), without
    /// the ATX `#`s or setext underline; the lines of a setext heading joined
    /// with spaces.
    pub heading: String,
    /// 1-based file line of the heading text.
    pub line: u32,
    /// Markdown below the heading, without surrounding blank lines.
    pub body: String,
    /// 1-based file line of the body's first line, so findings in it can name their line.
    pub body_line: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SplitBody {
    pub preamble: String,
    /// 1-based file line of the preamble's first line.
    pub preamble_line: u32,
    pub entries: Vec<RawEntry>,
}

/// A top-level heading: its whole block and the bytes of its inline content.
struct Heading {
    /// From the heading's first text line (or its `#`s) through its underline.
    block: Range<usize>,
    /// Empty (at the block's end) for an empty ATX heading like `##`.
    content: Range<usize>,
}

/// Splits `body`, whose first line is line `first_line` of the file.
pub fn split_entries(body: &str, first_line: u32) -> SplitBody {
    let heads = top_level_headings(body);
    // Counting the newlines before each entry afresh made 50,000 entries quadratic.
    let newlines: Vec<usize> = body.match_indices('\n').map(|(i, _)| i).collect();
    let line_at = |offset: usize| first_line + newlines.partition_point(|&n| n < offset) as u32;
    // The text of `range` without leading and trailing blank lines, and its first line.
    let trimmed = |range: Range<usize>| {
        let inner = trim_blank_lines(&body[range.clone()]);
        let start = range.start + inner.start;
        (
            body[start..range.start + inner.end].to_string(),
            line_at(start),
        )
    };

    let (preamble, preamble_line) = trimmed(0..heads.first().map_or(body.len(), |h| h.block.start));
    let mut out = SplitBody {
        preamble,
        preamble_line,
        entries: Vec::with_capacity(heads.len()),
    };
    for (n, head) in heads.iter().enumerate() {
        let next = heads.get(n + 1).map_or(body.len(), |h| h.block.start);
        let (text, body_line) = trimmed(head.block.end..next);
        out.entries.push(RawEntry {
            heading: heading_text(&body[head.content.clone()]),
            line: line_at(head.block.start),
            body: text,
            body_line,
        });
    }
    out
}

/// Every heading of `markdown` that is not inside another block, in order.
fn top_level_headings(markdown: &str) -> Vec<Heading> {
    let mut heads = Vec::new();
    // Open blocks and inline elements; a heading opened at depth 0 is top-level.
    let mut depth = 0usize;
    let mut open: Option<Heading> = None;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) if depth == 0 => {
                open = Some(Heading {
                    block: range.clone(),
                    content: range.end..range.end,
                });
                depth += 1;
            }
            Event::Start(_) => {
                note_content(&mut open, depth, &range);
                depth += 1;
            }
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    heads.extend(open.take());
                }
            }
            _ => note_content(&mut open, depth, &range),
        }
    }
    heads
}

/// Widens the open heading's content to cover an inline event directly inside it.
fn note_content(open: &mut Option<Heading>, depth: usize, range: &Range<usize>) {
    let Some(head) = open.as_mut().filter(|_| depth == 1) else {
        return;
    };
    if head.content.is_empty() {
        head.content = range.clone();
    } else {
        head.content.end = head.content.end.max(range.end);
    }
}

/// The heading's source text, its lines trimmed and joined with spaces.
fn heading_text(source: &str) -> String {
    source
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The byte range of `text` without its leading and trailing blank lines (and
/// without the line break that ends the last kept line); empty when all are blank.
fn trim_blank_lines(text: &str) -> Range<usize> {
    let mut start = None;
    let mut end = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if !line.trim().is_empty() {
            start.get_or_insert(at);
            end = at + line.trim_end_matches('\n').len();
        }
        at += line.len();
    }
    start.map_or(0..0, |s| s..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headings(body: &str) -> Vec<String> {
        split_entries(body, 1)
            .entries
            .into_iter()
            .map(|e| e.heading)
            .collect()
    }

    #[test]
    fn setext_headings_start_entries_and_preamble_is_kept() {
        let body = "Intro text.\n\n[PATCH] a\n---------\n\nlink\n\nsummary\n\n\nLinux 6.7\n=========\nnote\n";
        let s = split_entries(body, 10);
        assert_eq!(s.preamble, "Intro text.");
        assert_eq!(s.entries.len(), 2);
        assert_eq!(s.entries[0].heading, "[PATCH] a");
        assert_eq!(s.entries[0].line, 12);
        assert_eq!(s.entries[0].body, "link\n\nsummary");
        assert_eq!((s.preamble_line, s.entries[0].body_line), (10, 15));
        assert_eq!(s.entries[1].heading, "Linux 6.7");
        assert_eq!(s.entries[1].body, "note");
        assert_eq!((s.entries[1].line, s.entries[1].body_line), (20, 22));
    }

    #[test]
    fn atx_headings_with_closing_hashes() {
        let s = split_entries("## [GIT PULL] x ##\nbody\n# C# is not closed\n", 1);
        let heads: Vec<_> = s.entries.iter().map(|e| e.heading.as_str()).collect();
        assert_eq!(heads, ["[GIT PULL] x", "C# is not closed"]);
        assert_eq!(s.entries[0].body, "body");
        assert_eq!((s.entries[1].line, s.entries[1].body.as_str()), (3, ""));
    }

    #[test]
    fn a_setext_heading_of_several_lines_is_one_line_of_text() {
        let s = split_entries("intro\n\n[PATCH 0/3] mm: a\n  long subject\n---\nbody\n", 1);
        assert_eq!(s.entries[0].heading, "[PATCH 0/3] mm: a long subject");
        assert_eq!((s.entries[0].line, s.entries[0].body_line), (3, 6));
    }

    #[test]
    fn heading_text_keeps_inline_markdown_as_written() {
        let heads = headings("# `memcg` *fix* (Ann <ann@example.org>) &amp; \\_x\n");
        assert_eq!(heads, ["`memcg` *fix* (Ann <ann@example.org>) &amp; \\_x"]);
    }

    #[test]
    fn code_blocks_are_never_split() {
        let body = "Entry\n-----\n\n```\n# not a heading\ntext\n--------\n```\n\n~~~~\nx\n---\n~~~~\n\n    # indented code\nafter\n";
        let s = split_entries(body, 1);
        assert_eq!(s.entries.len(), 1);
        assert!(s.entries[0].body.contains("# not a heading"));
        assert!(s.entries[0].body.contains("# indented code"));
        assert!(s.entries[0].body.ends_with("after"));
    }

    #[test]
    fn headings_inside_quotes_lists_and_html_stay_in_their_entry() {
        let body =
            "Entry\n-----\n> # quoted\n\n- item\n  ## in a list\n\n<div>\n# in html\n</div>\n";
        let s = split_entries(body, 1);
        assert_eq!(headings(body), ["Entry"]);
        assert!(s.entries[0].body.contains("## in a list"));
        assert!(s.entries[0].body.ends_with("</div>"));
    }

    #[test]
    fn thematic_break_after_blank_line_is_not_a_heading() {
        let s = split_entries("Entry\n-----\npara\n\n---\n\nmore\n", 1);
        assert_eq!(s.entries.len(), 1);
        assert_eq!(s.entries[0].body, "para\n\n---\n\nmore");
    }

    #[test]
    fn heading_with_no_body_has_empty_body() {
        let s = split_entries("A\n---\nB\n---\ntext", 1);
        assert_eq!(s.entries[0].body, "");
        assert_eq!(s.entries[1].body, "text");
        assert_eq!(s.entries[1].line, 3);
    }

    #[test]
    fn an_empty_atx_heading_is_an_entry_with_no_text() {
        let s = split_entries("##\nbody\n", 1);
        assert_eq!(s.entries.len(), 1);
        assert_eq!((s.entries[0].heading.as_str(), s.entries[0].line), ("", 1));
        assert_eq!(s.entries[0].body, "body");
    }

    #[test]
    fn hash_without_space_is_text() {
        let s = split_entries("#hashtag\n", 1);
        assert!(s.entries.is_empty());
        assert_eq!(s.preamble, "#hashtag");
    }

    #[test]
    fn inline_triple_backticks_do_not_open_a_fence() {
        // A backtick fence's info string may not hold backticks, so this is a
        // paragraph, and the underline makes all of it the second heading.
        let s = split_entries("Entry\n-----\n```x``` inline\nNext\n----\n", 1);
        assert_eq!(
            headings("Entry\n-----\n```x``` inline\nNext\n----\n"),
            ["Entry", "```x``` inline Next"]
        );
        assert_eq!(s.entries[1].line, 3);
    }

    #[test]
    fn blank_bodies_keep_the_line_after_the_heading() {
        let s = split_entries("\n\n", 7);
        assert_eq!((s.preamble.as_str(), s.preamble_line), ("", 7));
        let s = split_entries("\n\npre\n\n# A\n\n\n", 1);
        assert_eq!((s.preamble.as_str(), s.preamble_line), ("pre", 3));
        assert_eq!(s.entries[0].body, "");
    }
}

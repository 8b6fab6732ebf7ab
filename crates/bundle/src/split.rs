//! Cutting a post body into its preamble and entries at setext and ATX headings.
//!
//! Follows CommonMark closely enough for the archive: a setext heading is a
//! paragraph line over a `---`/`===` underline, an ATX heading starts with 1-6
//! `#`; fenced code blocks are opaque, so a `---` or `# comment` inside one never
//! starts an entry.

use kernel_news_core::fence::{unindent, Fences};

/// An entry before its heading is interpreted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawEntry {
    /// The heading text, trimmed (ATX `#`s and closing sequence removed).
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

/// Splits `body`, whose first line is line `first_line` of the file.
pub fn split_entries(body: &str, first_line: u32) -> SplitBody {
    let lines: Vec<&str> = body.lines().collect();
    // (heading start index, underline/ATX index, heading text)
    let mut heads: Vec<(usize, usize, String)> = Vec::new();
    let mut fences = Fences::default();
    let mut para_start: Option<usize> = None;
    for (i, line) in lines.iter().enumerate() {
        if fences.is_code(line) {
            para_start = None;
            continue;
        }
        if line.trim().is_empty() {
            para_start = None;
            continue;
        }
        if let Some(text) = atx_heading(line) {
            heads.push((i, i, text));
            para_start = None;
            continue;
        }
        if let Some(start) = para_start {
            if is_setext_underline(line) {
                let text = lines[start..i]
                    .iter()
                    .map(|l| l.trim())
                    .collect::<Vec<_>>()
                    .join(" ");
                heads.push((start, i, text));
                para_start = None;
                continue;
            }
        } else if !is_indented_code(line) {
            para_start = Some(i);
        }
    }

    // (text, file line of its first line)
    let join = |from: usize, to: usize| {
        let from = from.min(to);
        let (skipped, text) = trim_blank_lines(&lines[from..to]);
        (text, first_line + (from + skipped) as u32)
    };
    let (preamble, preamble_line) = join(0, heads.first().map_or(lines.len(), |h| h.0));
    let mut out = SplitBody {
        preamble,
        preamble_line,
        entries: Vec::with_capacity(heads.len()),
    };
    for (n, (start, end, heading)) in heads.iter().enumerate() {
        let next = heads.get(n + 1).map_or(lines.len(), |h| h.0);
        let (body, body_line) = join(end + 1, next);
        out.entries.push(RawEntry {
            heading: heading.clone(),
            line: first_line + *start as u32,
            body,
            body_line,
        });
    }
    out
}

/// The lines joined without leading and trailing blank lines, and how many leading ones were dropped.
fn trim_blank_lines(lines: &[&str]) -> (usize, String) {
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let last = lines.iter().rposition(|l| !l.trim().is_empty());
    match (first, last) {
        (Some(a), Some(b)) => (a, lines[a..=b].join("\n")),
        _ => (0, String::new()),
    }
}

fn is_indented_code(line: &str) -> bool {
    line.starts_with("    ") || line.starts_with('\t')
}

fn is_setext_underline(line: &str) -> bool {
    let Some(rest) = unindent(line) else {
        return false;
    };
    let rest = rest.trim_end();
    let Some(ch) = rest.chars().next() else {
        return false;
    };
    // Two or more, so a lone `-` (an empty list item) is not taken for an underline.
    (ch == '-' || ch == '=') && rest.len() >= 2 && rest.chars().all(|c| c == ch)
}

fn atx_heading(line: &str) -> Option<String> {
    let rest = unindent(line)?;
    let hashes = rest.bytes().take_while(|b| *b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let after = &rest[hashes..];
    if !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let mut text = after.trim();
    // Optional closing sequence: `## Title ##`.
    let stripped = text.trim_end_matches('#');
    if stripped.len() < text.len() && (stripped.is_empty() || stripped.ends_with([' ', '\t'])) {
        text = stripped.trim_end();
    }
    Some(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

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
    }

    #[test]
    fn atx_headings_with_closing_hashes() {
        let s = split_entries("## [GIT PULL] x ##\nbody\n# C# is not closed\n", 1);
        let heads: Vec<_> = s.entries.iter().map(|e| e.heading.as_str()).collect();
        assert_eq!(heads, ["[GIT PULL] x", "C# is not closed"]);
    }

    #[test]
    fn code_blocks_are_never_split() {
        let body = "Entry\n-----\n\n```\n# not a heading\ntext\n--------\n```\n\n~~~~\nx\n---\n~~~~\nafter\n";
        let s = split_entries(body, 1);
        assert_eq!(s.entries.len(), 1);
        assert!(s.entries[0].body.contains("# not a heading"));
        assert!(s.entries[0].body.ends_with("after"));
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
    }

    #[test]
    fn hash_without_space_is_text() {
        let s = split_entries("#hashtag\n", 1);
        assert!(s.entries.is_empty());
        assert_eq!(s.preamble, "#hashtag");
    }

    #[test]
    fn inline_triple_backticks_do_not_open_a_fence() {
        let s = split_entries("Entry\n-----\n```x``` inline\nNext\n----\n", 1);
        assert_eq!(s.entries.len(), 2);
    }
}

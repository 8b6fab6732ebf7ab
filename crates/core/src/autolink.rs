//! Bare URLs in post markdown (`https://lkml.kernel.org/r/...` typed as text),
//! found in the source and written as autolinks, so the renderer and
//! [`crate::links`] read each as one link.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

use crate::markdown::options;

/// What one parse of a body says about its URLs, by byte position.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct BodyUrls {
    /// The destination of each link the parser reads (inline, reference and
    /// `<autolink>`), where it starts; links inside other elements are not
    /// links on the page (an image's alt text is text), so they are left out.
    pub links: Vec<(usize, String)>,
    /// Bare URLs outside code, links, images, raw HTML and reference
    /// definitions, as written (escapes and entities still in).
    pub bare: Vec<Range<usize>>,
}

/// Reads `markdown` once for its links and bare URLs.
///
/// Bare URLs are found in the source, not in the parsed text: a message-id
/// such as `CAHk-=wc+_Nu..._x@mail.gmail.com` has underscores the parser
/// would pair into emphasis, cutting the URL in two.
pub fn scan(markdown: &str) -> BodyUrls {
    let mut out = BodyUrls::default();
    if find_scheme(markdown).is_none() {
        return out;
    }
    // The parser reports whole elements; one inside another lies in its range.
    let mut kept: Vec<Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        let whole = matches!(
            event,
            Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_) | Tag::HtmlBlock)
                | Event::Code(_)
                | Event::Html(_)
                | Event::InlineHtml(_)
        );
        if !whole || kept.last().is_some_and(|k| range.start < k.end) {
            continue;
        }
        if let Event::Start(Tag::Link { dest_url, .. }) = event {
            out.links.push((range.start, dest_url.into_string()));
        }
        kept.push(range);
    }
    let mut at = 0;
    // Where the line of a position starts. Positions come in order, so each
    // byte is looked at once, however many URLs a long line holds.
    let (mut seen, mut line_start) = (0, 0);
    let mut line_of = |pos: usize| {
        if let Some(i) = markdown[seen..pos.max(seen)].rfind('\n') {
            line_start = seen + i + 1;
        }
        seen = seen.max(pos);
        line_start
    };
    let gaps = (kept.iter().map(|k| (k.start, k.end))).chain([(markdown.len(), markdown.len())]);
    for (start, end) in gaps {
        let gap = &markdown[at..start];
        out.bare.extend(
            bare_urls(gap)
                .map(|u| at + u.start..at + u.end)
                .filter(|u| !in_definition(markdown, line_of(u.start), u.start)),
        );
        at = end;
    }
    out
}

/// `markdown` with every bare URL written as an autolink (`<https://...>`),
/// so the parser reads it as one link. Only bare URLs change: images, links
/// and reference definitions read exactly as in the source, so the charts
/// the bundler found there are the images the renderer sees.
pub fn autolink_bare_urls(markdown: &str) -> Cow<'_, str> {
    let bare = scan(markdown).bare;
    if bare.is_empty() {
        return Cow::Borrowed(markdown);
    }
    let mut out = String::with_capacity(markdown.len() + 2 * bare.len());
    let mut at = 0;
    for url in bare {
        out.push_str(&markdown[at..url.start]);
        out.push('<');
        out.push_str(&unescape(&markdown[url.clone()]));
        out.push('>');
        at = url.end;
    }
    out.push_str(&markdown[at..]);
    Cow::Owned(out)
}

/// A bare URL as the reader sees it: markdown backslash escapes and `&amp;`
/// resolved, as the parser resolves them in text (an autolink takes its
/// text literally, so they are resolved before it is written).
pub fn unescape(url: &str) -> Cow<'_, str> {
    if !url.contains(['\\', '&']) {
        return Cow::Borrowed(url);
    }
    let mut out = String::with_capacity(url.len());
    let mut chars = url.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek().is_some_and(|n| n.is_ascii_punctuation()) => {
                out.extend(chars.next());
            }
            _ => out.push(c),
        }
    }
    Cow::Owned(out.replace("&amp;", "&"))
}

/// Is the URL at `at`, on the line starting at `line_start`, the destination
/// of a reference definition (`[label]: https://...`)? Those are links only
/// where a reference uses them, and the parser reports them there.
fn in_definition(markdown: &str, line_start: usize, at: usize) -> bool {
    let prefix = &markdown[line_start..at];
    let text = prefix.trim_start_matches(' ');
    prefix.len() - text.len() <= 3
        && text.starts_with('[')
        && text
            .trim_end()
            .trim_end_matches('<')
            .trim_end()
            .ends_with("]:")
}

/// The byte ranges of bare `http(s)://` URLs in text. A URL ends at
/// whitespace, `<`, `>`, `"`, a backtick or `|` (a table's cell border); sentence punctuation after it is
/// not part of it, and a closing `)` or `]` is only when the URL opened one
/// (Wikipedia-style links).
pub fn bare_urls(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let rest = &text[at..];
        let start = at + find_scheme(rest)?;
        let tail = &text[start..];
        let end = tail
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`' | '|'))
            .unwrap_or(tail.len());
        let url = trim_trailing(&tail[..end]);
        at = start + end.max(1);
        if has_host(url) {
            return Some(start..start + url.len());
        }
    })
}

/// `http://` alone, or followed only by punctuation, is not a URL.
fn has_host(url: &str) -> bool {
    url.split_once("://")
        .is_some_and(|(_, rest)| rest.chars().next().is_some_and(char::is_alphanumeric))
}

/// Where the first `http://` or `https://` starts, in one pass: looking for
/// each through the whole rest made every call as long as the text, and
/// reading a text's URLs quadratic in their number.
fn find_scheme(s: &str) -> Option<usize> {
    (s.match_indices("http").map(|(i, _)| i))
        .find(|&i| s[i + 4..].starts_with("://") || s[i + 4..].starts_with("s://"))
}

fn trim_trailing(url: &str) -> &str {
    let mut u = url;
    // Counted once and kept up to date: counting again per trimmed character
    // was quadratic in a run of closing brackets.
    let count = |c: char| u.matches(c).count();
    let (opens, mut closes) = (count('('), count(')'));
    let (square_opens, mut square_closes) = (count('['), count(']'));
    loop {
        let before = u.len();
        // A trailing `\` escaped the terminator after it (`\<https://x/\>`).
        u = u.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '*', '_', '\\']);
        if u.ends_with(')') && opens < closes {
            u = &u[..u.len() - 1];
            closes -= 1;
        }
        if u.ends_with(']') && square_opens < square_closes {
            u = &u[..u.len() - 1];
            square_closes -= 1;
        }
        if u.len() == before {
            return u;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_url_ranges_skip_trailing_punctuation() {
        let text = "see https://a.org/b. and (https://c.org/d) or https://e.org/f_(g)!";
        let urls: Vec<_> = bare_urls(text).map(|r| &text[r]).collect();
        assert_eq!(
            urls,
            ["https://a.org/b", "https://c.org/d", "https://e.org/f_(g)"]
        );
    }

    #[test]
    fn reference_definitions_keep_their_bracketed_destinations() {
        let md = "See [t] and ![chart][s].\n\n[t]: <https://lore.kernel.org/all/a@b/>\n[s]: https://x.org/kernel_release_stat/v6.7.png\n";
        assert_eq!(autolink_bare_urls(md), md);
        let html = crate::markdown::render(md);
        assert!(
            html.contains("<a href=\"https://lore.kernel.org/all/a@b/\""),
            "{html}"
        );
        assert!(
            html.contains(
                "class=\"remote-image\" href=\"https://x.org/kernel_release_stat/v6.7.png\""
            ),
            "{html}"
        );
    }

    #[test]
    fn an_escaped_angle_bracket_after_a_url_is_not_part_of_it() {
        // How feed descriptions write `<https://x.org/a>` typed as text.
        let md = "see \\<https://x.org/a\\> now";
        assert_eq!(autolink_bare_urls(md), "see \\<<https://x.org/a>\\> now");
        let html = crate::markdown::render(md);
        assert!(html.contains("href=\"https://x.org/a\""), "{html}");
    }

    #[test]
    fn escapes_and_entities_in_bare_urls_are_resolved_as_in_text() {
        let md = "see https://x.org/a\\_b?c=1&amp;d=2 now";
        assert_eq!(
            autolink_bare_urls(md),
            "see <https://x.org/a_b?c=1&d=2> now"
        );
        let html = crate::markdown::render(md);
        assert!(
            html.contains("href=\"https://x.org/a_b?c=1&amp;d=2\""),
            "{html}"
        );
    }

    #[test]
    fn a_backslash_before_anything_but_punctuation_is_kept() {
        assert_eq!(unescape("https://x.org/a\\b\\_c"), "https://x.org/a\\b_c");
        assert_eq!(unescape("https://x.org/a\\"), "https://x.org/a\\");
    }

    #[test]
    fn one_scan_finds_links_and_bare_urls_by_position() {
        let md = "https://a.org/1 [two](https://b.org/2) `https://c.org/code` <https://d.org/4>";
        let urls = scan(md);
        let at = |s: &str| md.find(s).unwrap();
        assert_eq!(
            urls.links,
            [
                (at("[two]"), "https://b.org/2".to_string()),
                (at("<https://d"), "https://d.org/4".to_string())
            ]
        );
        assert_eq!(urls.bare, vec![std::ops::Range { start: 0, end: 15 }]);
    }

    /// Found while fuzzing the renderer (issue 18): reading bare URLs was
    /// quadratic in their number (40,000 of them took 5 s in a release build)
    /// and in a run of closing brackets after one (80,000 `)`: 16 s). These
    /// took minutes in a debug build; now they take milliseconds.
    #[test]
    fn many_urls_and_long_bracket_runs_read_in_linear_time() {
        for text in [
            "https://a.org/x\n".repeat(40_000),
            "http://a.org/x ".repeat(40_000),
        ] {
            assert_eq!(scan(&text).bare.len(), 40_000);
        }
        let text = format!(
            "[x]: https://a.org/d\n{}",
            "https://a.org/x ".repeat(40_000)
        );
        assert_eq!(scan(&text).bare.len(), 40_000, "the definition is not bare");
        let text = format!("https://a.org/(x){}", ").".repeat(80_000));
        let urls: Vec<_> = bare_urls(&text).map(|r| &text[r]).collect();
        assert_eq!(urls, ["https://a.org/(x)"]);
        assert_eq!(
            bare_urls("https://a.org/[x]]]")
                .map(|r| r.end)
                .collect::<Vec<_>>(),
            [17]
        );
    }

    #[test]
    fn a_link_right_after_another_is_a_link_too() {
        let md = "[a](https://a.org/1)[b](https://b.org/2)";
        let urls = scan(md);
        let at = |s: &str| md.find(s).unwrap();
        assert_eq!(
            urls.links,
            [
                (0, "https://a.org/1".to_string()),
                (at("[b]"), "https://b.org/2".to_string())
            ]
        );
        assert_eq!(urls.bare, []);
        assert_eq!(autolink_bare_urls(md), md);
    }

    #[test]
    fn text_without_a_scheme_is_returned_as_is() {
        assert!(matches!(autolink_bare_urls("no links"), Cow::Borrowed(_)));
        assert_eq!(scan("[x](/relative)"), BodyUrls::default());
    }
}

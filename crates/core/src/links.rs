//! Links in an entry body, with lkml.kernel.org and lore.kernel.org URLs read as message-ids.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

use crate::markdown::options;
use crate::Link;

/// Every distinct http(s) link in `body`, in order of appearance: exactly the
/// links the viewer's renderer draws, read by the same parser from the same
/// [`autolink_bare_urls`] text. Images are charts or pictures, not links, and
/// URLs in code are shown as code.
pub fn extract_links(body: &str) -> Vec<Link> {
    let mut out: Vec<Link> = Vec::new();
    for event in Parser::new_ext(&autolink_bare_urls(body), options()) {
        let Event::Start(Tag::Link { dest_url, .. }) = event else {
            continue;
        };
        let web = dest_url.starts_with("https://") || dest_url.starts_with("http://");
        if web && !out.iter().any(|l| l.url == dest_url.as_ref()) {
            out.push(Link {
                message_id: message_id(&dest_url),
                url: dest_url.into_string(),
            });
        }
    }
    out
}

/// `markdown` with every bare URL written as an autolink (`<https://...>`),
/// so the parser reads it as one link. Found in the source, not in the
/// parsed text: a message-id such as `CAHk-=wc+_Nu..._x@mail.gmail.com` has
/// underscores that the parser would otherwise pair into emphasis, cutting
/// the URL in two. Code, links, images and raw HTML are left as written.
pub fn autolink_bare_urls(markdown: &str) -> Cow<'_, str> {
    if find_scheme(markdown).is_none() {
        return Cow::Borrowed(markdown);
    }
    // The parser reports whole elements; an element inside another lies in its range.
    let mut kept: Vec<Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        let whole = matches!(
            event,
            Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::CodeBlock(_) | Tag::HtmlBlock)
                | Event::Code(_)
                | Event::Html(_)
                | Event::InlineHtml(_)
        );
        if whole && kept.last().is_none_or(|k| range.start >= k.end) {
            kept.push(range);
        }
    }
    let mut out = String::with_capacity(markdown.len() + 16);
    let mut at = 0;
    let gaps = (kept.iter())
        .map(|k| (k.start, k.end))
        .chain([(markdown.len(), markdown.len())]);
    for (start, end) in gaps {
        let gap = &markdown[at..start];
        let mut written = 0;
        for url in bare_urls(gap) {
            out.push_str(&gap[written..url.start]);
            out.push('<');
            out.push_str(&gap[url.clone()]);
            out.push('>');
            written = url.end;
        }
        out.push_str(&gap[written..]);
        out.push_str(&markdown[start..end]);
        at = end;
    }
    Cow::Owned(out)
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

fn find_scheme(s: &str) -> Option<usize> {
    let a = s.find("https://");
    let b = s.find("http://");
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

fn trim_trailing(url: &str) -> &str {
    let mut u = url;
    loop {
        let before = u.len();
        u = u.trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '*', '_']);
        if u.ends_with(')') && u.matches('(').count() < u.matches(')').count() {
            u = &u[..u.len() - 1];
        }
        if u.ends_with(']') && u.matches('[').count() < u.matches(']').count() {
            u = &u[..u.len() - 1];
        }
        if u.len() == before {
            return u;
        }
    }
}

/// `https://lkml.kernel.org/r/ID`, `https://lore.kernel.org/r/ID`,
/// `https://lore.kernel.org/LIST/ID/` and `https://lore.kernel.org/ID` give ID
/// (percent-decoded, without trailing `/`, `/T/` or `#anchor`).
pub fn message_id(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let (host, path) = rest.split_once('/')?;
    let path = path.split(['#', '?']).next().unwrap_or("");
    let mut parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    // Thread views (`/T/`, `/t/`, `/raw`) name the same message.
    while parts.len() > 1 && matches!(*parts.last()?, "T" | "t" | "raw" | "t.mbox.gz") {
        parts.pop();
    }
    // Message-ids may themselves contain `/` (`Yky4xQn+9/ZBgqpd@casper...`).
    let id = match (host, parts.split_first()) {
        ("lkml.kernel.org", Some((&"r", rest))) if !rest.is_empty() => rest.join("/"),
        ("lore.kernel.org", Some((first, rest))) if !rest.is_empty() && !first.contains('@') => {
            rest.join("/")
        }
        ("lore.kernel.org", Some(_)) => parts.join("/"),
        _ => return None,
    };
    let id = percent_decode(&id);
    id.contains('@').then_some(id)
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lkml_and_lore_forms_give_message_ids() {
        let cases = [
            (
                "https://lkml.kernel.org/r/20231128125025.4449-1-weixi.zhu@huawei.com",
                "20231128125025.4449-1-weixi.zhu@huawei.com",
            ),
            (
                "https://lore.kernel.org/linux-mm/20240101.1-a@b.org/",
                "20240101.1-a@b.org",
            ),
            ("https://lore.kernel.org/all/x@y.com/T/#u", "x@y.com"),
            ("https://lore.kernel.org/r/x@y.com", "x@y.com"),
            ("https://lore.kernel.org/x%40y.com", "x@y.com"),
            (
                "https://lkml.kernel.org/r/CAHk-=whWJ7Dv9yZ@mail.gmail.com",
                "CAHk-=whWJ7Dv9yZ@mail.gmail.com",
            ),
        ];
        for (url, id) in cases {
            assert_eq!(message_id(url).as_deref(), Some(id), "{url}");
        }
    }

    #[test]
    fn other_links_have_no_message_id() {
        for url in [
            "https://lwn.net/Articles/1/",
            "https://lkml.kernl.org/r/x@y",
            "https://lore.kernel.org/linux-mm/",
        ] {
            assert_eq!(message_id(url), None, "{url}");
        }
    }

    #[test]
    fn bare_markdown_and_angle_links_are_found_once_each() {
        let body = "https://lkml.kernel.org/r/a@b\n\nSee [LWN](https://lwn.net/Articles/9/) and <https://example.org/x>.\n\
                    Again: https://lkml.kernel.org/r/a@b.";
        let urls: Vec<_> = extract_links(body).into_iter().map(|l| l.url).collect();
        assert_eq!(
            urls,
            [
                "https://lkml.kernel.org/r/a@b",
                "https://lwn.net/Articles/9/",
                "https://example.org/x"
            ]
        );
    }

    #[test]
    fn images_are_not_links() {
        let body = "![Kernel release stat](https://x.org/img/v6.7.png)\nhttps://a.org/b";
        let urls: Vec<_> = extract_links(body).into_iter().map(|l| l.url).collect();
        assert_eq!(urls, ["https://a.org/b"]);
    }

    #[test]
    fn urls_in_code_are_not_links_and_the_renderer_agrees() {
        let body = "`https://a.org/span`\n\n```\nhttps://b.org/block\n```\n\nhttps://c.org/text";
        let urls: Vec<_> = extract_links(body).into_iter().map(|l| l.url).collect();
        assert_eq!(urls, ["https://c.org/text"]);
        let html = crate::markdown::render(body);
        assert_eq!(html.matches("<a href").count(), 1, "{html}");
    }

    #[test]
    fn reference_links_emphasis_and_brackets_are_read_as_rendered() {
        let body =
            "Read [the series][s], *https://a.org/x*, [https://b.org/y] and http:// alone.\n\n\
                    [s]: https://lore.kernel.org/all/p@q/\n";
        let urls: Vec<_> = extract_links(body).into_iter().map(|l| l.url).collect();
        assert_eq!(
            urls,
            [
                "https://lore.kernel.org/all/p@q/",
                "https://a.org/x",
                "https://b.org/y"
            ]
        );
    }

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
    fn balanced_parens_stay_in_the_url() {
        let links = extract_links("(see https://en.wikipedia.org/wiki/Foo_(bar))");
        assert_eq!(links[0].url, "https://en.wikipedia.org/wiki/Foo_(bar)");
    }
}

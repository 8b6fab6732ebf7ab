//! Markdown to HTML for the viewer, treating post text as data: raw HTML is shown
//! as text, only http(s)/mailto/relative links survive, external links get
//! `rel="noopener noreferrer"`, and bare URLs become links.

use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd, TextMergeStream};

/// Renders untrusted markdown to HTML that is safe to insert with `innerHTML`.
pub fn render(markdown: &str) -> String {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH);
    let mut out: Vec<Event<'_>> = Vec::new();
    // One flag per open link/image: was it kept (true) or neutralised (false)?
    let mut links: Vec<bool> = Vec::new();
    let mut in_code_block = false;
    // The parser splits text at every possible emphasis marker, so a bare URL
    // with `-_` in it (`CAHk-=wj...-_Cw@mail.gmail.com`) would reach `linkify`
    // in pieces; merged, it is linked whole.
    for event in TextMergeStream::new(Parser::new_ext(markdown, opts)) {
        match event {
            // Never parsed into the page: authors' HTML is shown as they typed it.
            Event::Html(s) | Event::InlineHtml(s) => out.push(Event::Text(s)),
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => {
                let safe = is_safe_url(&dest_url);
                out.push(Event::Html(if safe {
                    open_anchor(&dest_url, &title).into()
                } else {
                    CowStr::Borrowed("<span class=\"link-removed\" title=\"unsafe link removed\">")
                }));
                links.push(safe);
            }
            Event::End(TagEnd::Link) => {
                let safe = links.pop().unwrap_or(false);
                out.push(Event::Html(CowStr::Borrowed(if safe {
                    "</a>"
                } else {
                    "</span>"
                })));
            }
            Event::Start(Tag::Image { dest_url, .. }) if !is_safe_url(&dest_url) => {
                out.push(Event::Html(CowStr::Borrowed(
                    "<span class=\"image-removed\">",
                )));
                links.push(false);
            }
            Event::Start(tag @ Tag::Image { .. }) => {
                links.push(true);
                out.push(Event::Start(tag));
            }
            Event::End(TagEnd::Image) => {
                if links.pop().unwrap_or(false) {
                    out.push(Event::End(TagEnd::Image));
                } else {
                    out.push(Event::Html(CowStr::Borrowed("</span>")));
                }
            }
            Event::Start(tag @ Tag::CodeBlock(_)) => {
                in_code_block = true;
                out.push(Event::Start(tag));
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                out.push(Event::End(TagEnd::CodeBlock));
            }
            Event::Text(text) if links.is_empty() && !in_code_block => linkify(text, &mut out),
            other => out.push(other),
        }
    }
    let mut html_out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut html_out, out.into_iter());
    html_out
}

/// Relative URLs and http, https and mailto only. Browsers drop tabs and
/// newlines inside a scheme (`java\tscript:`), so those are removed first.
pub fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect::<String>()
        .to_ascii_lowercase();
    match cleaned.find(':') {
        // A colon after `/`, `?` or `#` is inside a relative path, not a scheme.
        Some(i) if !cleaned[..i].contains(['/', '?', '#']) => {
            matches!(&cleaned[..i], "http" | "https" | "mailto")
        }
        _ => true,
    }
}

fn open_anchor(href: &str, title: &str) -> String {
    let mut s = format!("<a href=\"{}\"", escape_attr(href));
    if !title.is_empty() {
        s.push_str(&format!(" title=\"{}\"", escape_attr(title)));
    }
    if href.starts_with("http://") || href.starts_with("https://") {
        s.push_str(" rel=\"noopener noreferrer\"");
    }
    s.push('>');
    s
}

pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Splits text around bare `http(s)://` URLs and turns those into links.
fn linkify<'a>(text: CowStr<'a>, out: &mut Vec<Event<'a>>) {
    let s: &str = &text;
    if !s.contains("http://") && !s.contains("https://") {
        out.push(Event::Text(text));
        return;
    }
    let mut rest = s;
    while let Some(start) = ["https://", "http://"]
        .iter()
        .filter_map(|p| rest.find(p))
        .min()
    {
        let tail = &rest[start..];
        let mut end = tail
            .find(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '"')
            .unwrap_or(tail.len());
        while end > 0 && tail[..end].ends_with(['.', ',', ';', ':', '!', '?', ')', '\'']) {
            // Keep a `)` that closes a `(` inside the URL.
            if tail[..end].ends_with(')')
                && tail[..end].matches('(').count() >= tail[..end].matches(')').count()
            {
                break;
            }
            end -= 1;
        }
        let url = &tail[..end];
        if !rest[..start].is_empty() {
            out.push(Event::Text(rest[..start].to_string().into()));
        }
        out.push(Event::Html(open_anchor(url, "").into()));
        out.push(Event::Text(url.to_string().into()));
        out.push(Event::Html(CowStr::Borrowed("</a>")));
        rest = &tail[end..];
        if end == 0 {
            break;
        }
    }
    if !rest.is_empty() {
        out.push(Event::Text(rest.to_string().into()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = render("<script>alert(1)</script>\n\nhi <img src=x onerror=alert(2)>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
    }

    #[test]
    fn javascript_and_data_links_are_neutralised() {
        for md in [
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](java\tscript:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x](vbscript:msgbox)",
            "<javascript:alert(1)>",
        ] {
            let html = render(md);
            assert!(
                !html.to_lowercase().contains("href=\"java"),
                "{md} -> {html}"
            );
            assert!(!html.contains("href=\"data:"), "{md} -> {html}");
            assert!(!html.contains("href=\"vbscript:"), "{md} -> {html}");
        }
    }

    #[test]
    fn unsafe_images_are_not_loaded() {
        let html = render("![alt](javascript:alert(1))");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("alt"));
    }

    #[test]
    fn external_links_get_noopener_noreferrer() {
        let html = render("[lore](https://lore.kernel.org/x@y/)");
        assert_eq!(
            html.trim(),
            "<p><a href=\"https://lore.kernel.org/x@y/\" rel=\"noopener noreferrer\">lore</a></p>"
        );
    }

    #[test]
    fn bare_urls_become_links_without_trailing_punctuation() {
        let html = render("See https://lkml.kernel.org/r/a@b.com.");
        assert!(html.contains("<a href=\"https://lkml.kernel.org/r/a@b.com\" rel=\"noopener noreferrer\">https://lkml.kernel.org/r/a@b.com</a>."), "{html}");
    }

    #[test]
    fn bare_urls_with_emphasis_markers_are_linked_whole() {
        let url = "https://lkml.kernel.org/r/CAHk-=wJ0QAQk0Gr-_CwDTFE71@mail.gmail.com";
        let html = render(&format!("Linus wrote {url} today"));
        assert!(html.contains(&format!("<a href=\"{url}\"")), "{html}");
        assert!(html.contains(&format!(">{url}</a> today")), "{html}");
    }

    #[test]
    fn urls_in_code_are_left_alone() {
        let html = render("`https://x.org` and\n\n```\nhttps://y.org\n```\n");
        assert!(!html.contains("<a "), "{html}");
    }

    #[test]
    fn attribute_breakout_is_escaped() {
        let html = render("[x](https://a.org/\"onmouseover=\"alert(1))");
        assert!(!html.contains("\" onmouseover"), "{html}");
        assert!(!html.contains("\"onmouseover=\""), "{html}");
    }

    #[test]
    fn relative_paths_with_colons_are_not_schemes() {
        assert!(is_safe_url("/img/v6.7:x.png"));
        assert!(is_safe_url("#top"));
        assert!(!is_safe_url(" javascript:x"));
        assert!(!is_safe_url("file:///etc/passwd"));
    }
}

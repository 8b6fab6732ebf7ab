//! Markdown to HTML for the viewer, treating post text as data: raw HTML is shown
//! as text, only http(s)/mailto/relative links survive, external links get
//! `rel="noopener noreferrer"`, and bare URLs become links.

use crate::autolink::autolink_bare_urls;
use pulldown_cmark::{html, CowStr, Event, Options, Parser, Tag, TagEnd};

/// The CommonMark extensions every reader of post markdown uses: the renderer,
/// the bundler's entry splitter and the chart-image finder parse alike, so what
/// the bundler calls a heading or an image is exactly what the viewer draws.
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH
}

/// Class of the element that stands where a chart image was; the viewer mounts
/// the live chart into it.
pub const CHART_SLOT_CLASS: &str = "chart-slot";
/// Attribute of a chart slot holding the chart's index in the `srcs` given to
/// [`render_with_charts`].
pub const CHART_SLOT_INDEX: &str = "data-chart";

/// Renders untrusted markdown to HTML that is safe to insert with `innerHTML`.
pub fn render(markdown: &str) -> String {
    render_with_charts(markdown, &[])
}

/// [`render`], with every image whose destination is one of `srcs` replaced by
/// an empty `<span class="chart-slot" data-chart="i">`, `i` its index in
/// `srcs`. The body is parsed once, so a list or a reference link that spans a
/// chart renders whole; a slot is a span so that it is valid wherever an
/// image was, even inside a paragraph.
pub fn render_with_charts(markdown: &str, srcs: &[&str]) -> String {
    let mut out: Vec<Event<'_>> = Vec::new();
    // Per open link or image, how it was written, so its end matches.
    let mut open: Vec<Opened> = Vec::new();
    // Nesting depth inside a chart image whose alt text is being dropped.
    let mut in_chart = 0usize;
    let linked = autolink_bare_urls(markdown);
    for event in Parser::new_ext(&linked, options()) {
        if in_chart > 0 {
            match event {
                Event::Start(Tag::Image { .. }) => in_chart += 1,
                Event::End(TagEnd::Image) => in_chart -= 1,
                _ => {}
            }
            continue;
        }
        if let Event::Start(Tag::Image { dest_url, .. }) = &event {
            if let Some(i) = srcs.iter().position(|s| *s == dest_url.as_ref()) {
                out.push(Event::Html(chart_slot(i).into()));
                in_chart = 1;
                continue;
            }
        }
        match event {
            // Never parsed into the page: authors' HTML is shown as they typed it.
            Event::Html(s) | Event::InlineHtml(s) => out.push(Event::Text(s)),
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => {
                if is_safe_url(&dest_url) {
                    out.push(Event::Html(open_anchor(&dest_url, &title).into()));
                    open.push(Opened::Closes("</a>".into()));
                } else {
                    out.push(Event::Html(CowStr::Borrowed(
                        "<span class=\"link-removed\" title=\"unsafe link removed\">",
                    )));
                    open.push(Opened::Closes("</span>".into()));
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) if !is_safe_url(&dest_url) => {
                out.push(Event::Html(CowStr::Borrowed(
                    "<span class=\"image-removed\">",
                )));
                open.push(Opened::Closes("</span>".into()));
            }
            Event::Start(Tag::Image { dest_url, .. }) if is_remote(&dest_url) => {
                // An anchor cannot sit inside another: within a link the
                // placeholder only names the host.
                let in_link = open
                    .iter()
                    .any(|o| matches!(o, Opened::Closes(c) if c == "</a>"));
                let (html, closes) = remote_image(&dest_url, in_link);
                out.push(Event::Html(html.into()));
                open.push(Opened::Closes(closes));
            }
            Event::Start(tag @ Tag::Image { .. }) => {
                open.push(Opened::Kept);
                out.push(Event::Start(tag));
            }
            Event::End(end @ (TagEnd::Link | TagEnd::Image)) => match open.pop() {
                Some(Opened::Closes(html)) => out.push(Event::Html(html.into())),
                _ => out.push(Event::End(end)),
            },
            other => out.push(other),
        }
    }
    let mut html_out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut html_out, out.into_iter());
    html_out
}

/// How an open link or image was written, so that its end matches.
enum Opened {
    /// As the parser gave it: its own end event closes it.
    Kept,
    /// Replaced by HTML that this closes.
    Closes(String),
}

/// Is `url` on another host? Absolute http(s) URLs and protocol-relative ones
/// (`//host/x`, and `/\host/x`, which browsers read alike) are; relative paths
/// are the archive's own.
pub fn is_remote(url: &str) -> bool {
    let u = url.trim_start().to_ascii_lowercase();
    u.starts_with("http://")
        || u.starts_with("https://")
        || (u.len() >= 2 && u.as_bytes()[..2].iter().all(|b| matches!(b, b'/' | b'\\')))
}

/// The host part of a remote URL, for a reader to see where it leads.
pub fn host_of(url: &str) -> &str {
    let rest = url.trim_start();
    let rest = rest.split_once("://").map_or(rest, |(_, r)| r);
    let rest = rest.trim_start_matches(['/', '\\']);
    let authority = rest.split(['/', '\\', '?', '#']).next().unwrap_or(rest);
    authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host)
}

/// A remote image is never fetched when the page loads (that would tell its
/// host who reads what): it shows as a link to the image, naming the host, so
/// it loads only when the reader opens it. Returns the opening HTML and what
/// closes it; the alt text goes between.
fn remote_image(url: &str, in_link: bool) -> (String, String) {
    let host = escape_attr(host_of(url));
    let note = format!(" <span class=\"remote-host\">(image on {host}, not loaded)</span>");
    if in_link {
        return (
            "<span class=\"remote-image\">".to_string(),
            format!("{note}</span>"),
        );
    }
    let title = format!("Open the image on {host}; it is not loaded with the page");
    let open = format!(
        "<a class=\"remote-image\" href=\"{}\" title=\"{title}\" rel=\"noopener noreferrer\">",
        escape_attr(url)
    );
    (open, format!("{note}</a>"))
}

/// The empty element a live chart is mounted into.
pub fn chart_slot(index: usize) -> String {
    format!("<span class=\"{CHART_SLOT_CLASS}\" {CHART_SLOT_INDEX}=\"{index}\"></span>")
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

#[cfg(test)]
mod tests {
    use super::*;

    const CHART: &str = "/img/kernel_release_stat/v6.7-rc4-only.png";

    #[test]
    fn chart_images_become_slots_and_other_images_stay() {
        let md = format!("See ![stat]({CHART}) and ![cat](/img/cat.png).");
        let html = render_with_charts(&md, &["/other.png", CHART]);
        assert_eq!(
            html.trim(),
            format!(
                "<p>See {} and <img src=\"/img/cat.png\" alt=\"cat\" />.</p>",
                chart_slot(1)
            )
        );
    }

    #[test]
    fn a_reference_defined_after_a_chart_still_links() {
        let md = format!(
            "Read [the thread][t].\n\n![stat]({CHART})\n\n[t]: https://lore.kernel.org/x@y/\n"
        );
        let html = render_with_charts(&md, &[CHART]);
        assert!(
            html.contains("<a href=\"https://lore.kernel.org/x@y/\""),
            "{html}"
        );
        assert!(html.contains(&chart_slot(0)), "{html}");
        assert!(!html.contains("[t]"), "{html}");
    }

    #[test]
    fn a_list_that_spans_a_chart_stays_one_list() {
        let md = format!("- first\n\n  ![stat]({CHART})\n\n- second\n");
        let html = render_with_charts(&md, &[CHART]);
        assert_eq!(html.matches("<ul>").count(), 1, "{html}");
        assert_eq!(html.matches("<li>").count(), 2, "{html}");
        let slot = html.find(&chart_slot(0)).expect(&html);
        assert!(html.find("first").unwrap() < slot && slot < html.find("second").unwrap());
    }

    #[test]
    fn a_chart_in_code_is_shown_as_code() {
        let md = format!("`![s]({CHART})`\n\n```\n![s]({CHART})\n```\n");
        let html = render_with_charts(&md, &[CHART]);
        assert!(!html.contains(CHART_SLOT_CLASS), "{html}");
        assert_eq!(html.matches(CHART).count(), 2, "{html}");
    }

    #[test]
    fn remote_images_become_links_naming_their_host_and_are_never_loaded() {
        let html = render("See ![a pixel](https://tracker.example/p.png?u=1) here.");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("<a class=\"remote-image\" href=\"https://tracker.example/p.png?u=1\""),
            "{html}"
        );
        assert!(html.contains("a pixel <span class=\"remote-host\">(image on tracker.example, not loaded)</span></a>"), "{html}");
        for src in [
            "//cdn.example/x.png",
            "/\\cdn.example/x.png",
            " HTTP://cdn.example/x.png",
        ] {
            let html = render(&format!("![x](<{src}>)"));
            assert!(!html.contains("<img"), "{src}: {html}");
            assert!(html.contains("image on cdn.example"), "{src}: {html}");
        }
    }

    #[test]
    fn the_archives_own_images_still_show() {
        let html = render("![own](/img/cat.png) ![rel](cat.png)");
        assert_eq!(html.matches("<img").count(), 2, "{html}");
        assert!(!html.contains("remote-image"), "{html}");
    }

    #[test]
    fn a_remote_image_inside_a_link_adds_no_nested_anchor() {
        let html = render("[![badge](https://ci.example/b.svg)](https://ci.example/run/1)");
        assert!(!html.contains("<img"), "{html}");
        assert_eq!(html.matches("<a ").count(), 1, "{html}");
        assert!(
            html.contains("<span class=\"remote-image\">badge"),
            "{html}"
        );
    }

    #[test]
    fn hosts_are_read_without_userinfo_or_path() {
        assert_eq!(
            host_of("https://user:pw@img.example:8080/a?b"),
            "img.example:8080"
        );
        assert_eq!(host_of("//cdn.example/x"), "cdn.example");
        assert_eq!(host_of("/\\cdn.example\\x"), "cdn.example");
    }

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
    fn bare_urls_whose_underscores_pair_up_are_not_read_as_emphasis() {
        let url = "https://lkml.kernel.org/r/CAHk-=wc+_NuW2p3x_@mail.gmail.com";
        let html = render(&format!("Announced at {url} today."));
        assert!(!html.contains("<em>"), "{html}");
        assert!(html.contains(&format!("<a href=\"{url}\"")), "{html}");
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

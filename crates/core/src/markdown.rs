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

/// The text a reader sees, without markup: emphasis, code spans and link
/// text as text, link targets left out, raw HTML as the text it is shown as,
/// each block on a line of its own. Snippets are cut from this, so a row never shows `**`, `\&` or
/// a link's URL that the entry view would render away.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableRow
                | TagEnd::TableHead,
            ) => out.push('\n'),
            Event::End(TagEnd::TableCell) => out.push(' '),
            _ => {}
        }
    }
    out
}

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
            Event::Start(Tag::Image { dest_url, .. })
                if !is_safe_url(&dest_url) && !is_embedded_image(&dest_url) =>
            {
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

/// A raster image embedded in the post itself (`data:image/png;base64,...`):
/// shown, since nothing is fetched to show it. Only base64 PNG, GIF, JPEG,
/// WebP and AVIF: an SVG can carry script and links of its own, and other
/// `data:` types are no images.
pub fn is_embedded_image(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let Some(rest) = lower.strip_prefix("data:image/") else {
        return false;
    };
    let Some((kind, payload)) = rest.split_once(";base64,") else {
        return false;
    };
    matches!(kind, "png" | "gif" | "jpeg" | "jpg" | "webp" | "avif")
        && !payload.is_empty()
        && payload
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
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
#[path = "markdown_tests.rs"]
mod tests;

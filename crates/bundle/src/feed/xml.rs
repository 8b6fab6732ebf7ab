//! The XML feeds: RSS 2.0 and RSS 1.0/RDF through the `rss` crate, Atom through `atom_syndication`.
//!
//! Neither crate says where an item is, so each item's line comes from
//! finding its start tag in the text, and an error's line from how far the
//! XML reader had read when it failed.

use std::io::{BufRead, Read};

use kernel_news_core::date::DateTime;

use super::html::{escape_markdown, html_to_markdown, html_to_text};
use super::link::normalise_link;
use super::{collapse_whitespace, line_at, FeedError, FeedFile, FeedItem, Format, ItemProblem};

/// Reads `<rss>` (2.0 and older) and `<rdf:RDF>` (1.0) feeds.
pub(super) fn read_rss(text: &str, format: Format) -> Result<FeedFile, FeedError> {
    nesting_within_limit(text, format)?;
    let mut input = Counted::new(text);
    let channel = rss::Channel::read_from(&mut input).map_err(|e| {
        let message = match e {
            rss::Error::Eof => "the file ends before the channel does".to_string(),
            e => e.to_string(),
        };
        let line = Some(line_at(text, input.read));
        FeedError::Xml {
            format,
            line,
            message,
        }
    })?;
    let starts = start_tags(text, "item");
    let lines = Lines::new(text);
    let mut file = FeedFile {
        format,
        items: Vec::new(),
        problems: Vec::new(),
    };
    for (i, item) in channel.items().iter().enumerate() {
        let span = item_span(text, &starts, i);
        let dc = item.dublin_core_ext();
        let creator = dc.and_then(|dc| dc.creators().iter().find(|c| !c.trim().is_empty()));
        // LWN's RSS 2.0 gives pubDate, its RDF dc:date; either may come alone.
        let date = match (item.pub_date(), dc.and_then(|dc| dc.dates().first())) {
            (Some(d), _) => Some(("pubDate", "RFC 2822 or ISO 8601", d)),
            (None, Some(d)) => Some(("dc:date", "ISO 8601 or RFC 2822", d.as_str())),
            (None, None) => None,
        };
        let guid = match format {
            Format::Rdf => span.and_then(|(at, _)| rdf_about(&text[at..])),
            _ => item.guid().map(|g| g.value().to_string()),
        };
        let summary = item.description().or(item.content()).unwrap_or_default();
        let fields = Fields {
            title: item.title().map(collapse_whitespace),
            link: item.link(),
            guid: guid.as_deref(),
            author: creator.map(String::as_str).or(item.author()),
            date: date.map(|(tag, expected, value)| {
                let line = span.and_then(|s| tag_line(text, &lines, s, tag));
                (tag, expected, value, line)
            }),
            summary: html_to_markdown(summary),
        };
        fields.push_to(&mut file, span.map_or(1, |(at, _)| lines.at(at)));
    }
    Ok(file)
}

/// Reads an Atom `<feed>`.
pub(super) fn read_atom(text: &str) -> Result<FeedFile, FeedError> {
    nesting_within_limit(text, Format::Atom)?;
    let mut input = Counted::new(text);
    let feed = atom_syndication::Feed::read_from(&mut input).map_err(|e| {
        let line = Some(line_at(text, input.read));
        let message = match e {
            // The crate reads every date itself and gives up on the first it cannot.
            atom_syndication::Error::WrongDatetime(d) => {
                format!("date {d:?} is not RFC 3339 (the Atom reader cannot skip one entry's date)")
            }
            atom_syndication::Error::Eof => "the file ends before the feed does".to_string(),
            e => e.to_string(),
        };
        FeedError::Xml {
            format: Format::Atom,
            line,
            message,
        }
    })?;
    let starts = start_tags(text, "entry");
    let lines = Lines::new(text);
    let mut file = FeedFile {
        format: Format::Atom,
        items: Vec::new(),
        problems: Vec::new(),
    };
    for (i, entry) in feed.entries().iter().enumerate() {
        let span = item_span(text, &starts, i);
        let title = entry.title();
        let title = match title.r#type {
            atom_syndication::TextType::Text => collapse_whitespace(&title.value),
            _ => html_to_text(&title.value),
        };
        let links = entry.links();
        let link = (links.iter().find(|l| l.rel() == "alternate")).or(links.first());
        // The crate stands in the epoch for a missing <updated>.
        let updated = Some(entry.updated()).filter(|d| d.timestamp() != 0);
        let date = entry.published().or(updated).map(|d| d.to_rfc3339());
        let summary = match (entry.summary(), entry.content()) {
            (Some(s), _) if s.r#type == atom_syndication::TextType::Text => {
                escape_paragraphs(&s.value)
            }
            (Some(s), _) => html_to_markdown(&s.value),
            (None, Some(c)) => match (c.content_type(), c.value()) {
                (None | Some("text"), Some(v)) => escape_paragraphs(v),
                (Some("html" | "xhtml"), Some(v)) => html_to_markdown(v),
                _ => String::new(),
            },
            (None, None) => String::new(),
        };
        let fields = Fields {
            title: Some(title),
            link: link.map(|l| l.href()),
            guid: Some(entry.id()),
            author: entry.authors().first().map(|a| a.name()),
            date: date.as_deref().map(|d| ("date", "RFC 3339", d, None)),
            summary,
        };
        fields.push_to(&mut file, span.map_or(1, |(at, _)| lines.at(at)));
    }
    Ok(file)
}

/// How deep elements may nest. The `rss` and `atom_syndication` readers
/// recurse once per level: 50,000 nested elements (a 1.5 MB file) overflow an
/// 8 MB stack, 500 a debug test thread's. A feed nests about a dozen deep.
const MAX_DEPTH: usize = 100;

/// Refuses, before the XML readers see it, a file whose elements nest deeper
/// than [`MAX_DEPTH`], as malformed XML on the line of the first too deep.
fn nesting_within_limit(text: &str, format: Format) -> Result<(), FeedError> {
    match too_deep(text) {
        None => Ok(()),
        Some(at) => Err(FeedError::Xml {
            format,
            line: Some(line_at(text, at)),
            message: format!("elements nest more than {MAX_DEPTH} levels deep"),
        }),
    }
}

/// Byte offset of the first start tag nested deeper than [`MAX_DEPTH`].
/// Comments, CDATA, processing instructions and declarations are skipped; a
/// tag ends at the first `>` outside quotes; `<x/>` opens nothing.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(i) = text[at..].find('<') {
        let start = at + i;
        let tag = &text[start..];
        let past = |close: &str| {
            tag.find(close)
                .map_or(text.len(), |e| start + e + close.len())
        };
        at = if tag.starts_with("<!--") {
            past("-->")
        } else if tag.starts_with("<![CDATA[") {
            past("]]>")
        } else if tag.starts_with("<?") {
            past("?>")
        } else if tag.starts_with("<!") {
            super::doctype_end(tag).map_or(text.len(), |e| start + e)
        } else {
            let mut quote = None;
            let close = tag.bytes().enumerate().skip(1).find(|&(_, c)| match quote {
                Some(q) => {
                    quote = (c != q).then_some(q);
                    false
                }
                None if c == b'"' || c == b'\'' => {
                    quote = Some(c);
                    false
                }
                None => c == b'>',
            });
            let end = close.map_or(text.len(), |(e, _)| start + e + 1);
            if tag.starts_with("</") {
                depth = depth.saturating_sub(1);
            } else if !text[..end].ends_with("/>") {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(start);
                }
            }
            end
        };
    }
    None
}

/// Plain text as markdown paragraphs, split where the text has a blank line.
fn escape_paragraphs(text: &str) -> String {
    let paragraphs = text
        .split("\n\n")
        .map(escape_markdown)
        .filter(|p| !p.is_empty());
    paragraphs.collect::<Vec<_>>().join("\n\n")
}

/// One item's fields as the feed gives them, before they are checked.
struct Fields<'a> {
    title: Option<String>,
    link: Option<&'a str>,
    guid: Option<&'a str>,
    author: Option<&'a str>,
    /// (element, forms expected, value, line of the element).
    date: Option<(&'static str, &'static str, &'a str, Option<u32>)>,
    summary: String,
}

impl Fields<'_> {
    fn push_to(self, file: &mut FeedFile, line: u32) {
        fn present(s: Option<&str>) -> Option<&str> {
            s.map(str::trim).filter(|s| !s.is_empty())
        }
        let title = self.title.filter(|t| !t.is_empty());
        let link = present(self.link).map(normalise_link);
        if title.is_none() && link.is_none() {
            let message = "item has neither a title nor a link; expected at least one".to_string();
            file.problems.push(ItemProblem {
                line: Some(line),
                message,
            });
            return;
        }
        let date = self.date.and_then(|(tag, expected, value, at)| {
            let date = DateTime::parse(value);
            if date.is_none() {
                let message = format!("{tag} {:?}; expected {expected}", value.trim());
                file.problems.push(ItemProblem {
                    line: Some(at.unwrap_or(line)),
                    message,
                });
            }
            date
        });
        file.items.push(FeedItem {
            title: title.unwrap_or_default(),
            link,
            guid: present(self.guid).map(normalise_link),
            author: present(self.author).map(collapse_whitespace),
            date,
            summary: self.summary,
            line,
            ..FeedItem::default()
        });
    }
}

/// The text as a reader that counts what the XML parser has taken, so a
/// parse error can be placed: quick-xml takes one event at a time.
struct Counted<'a> {
    rest: &'a [u8],
    read: usize,
}

impl<'a> Counted<'a> {
    fn new(text: &'a str) -> Self {
        Counted {
            rest: text.as_bytes(),
            read: 0,
        }
    }
}

impl Read for Counted<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.rest.read(buf)?;
        self.read += n;
        Ok(n)
    }
}

impl BufRead for Counted<'_> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        Ok(self.rest)
    }

    fn consume(&mut self, amt: usize) {
        self.rest = &self.rest[amt..];
        self.read += amt;
    }
}

/// Byte offsets of every `<name ...>` start tag outside comments, CDATA and
/// processing instructions (`<items>` and `<item` in a description's CDATA
/// are not items).
fn start_tags(text: &str, name: &str) -> Vec<usize> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(i) = text[at..].find('<') {
        let tag = &text[at + i..];
        let skip = |open: &str, close: &str| {
            tag.starts_with(open).then(|| {
                tag[open.len()..]
                    .find(close)
                    .map_or(tag.len(), |e| open.len() + e + close.len())
            })
        };
        if let Some(n) = skip("<!--", "-->")
            .or_else(|| skip("<![CDATA[", "]]>"))
            .or_else(|| skip("<?", "?>"))
        {
            at += i + n;
            continue;
        }
        let after = tag[1..].strip_prefix(name);
        if after.is_some_and(|a| a.starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/'))
        {
            found.push(at + i);
        }
        at += i + 1;
    }
    found
}

/// The byte range of the `i`-th item: from its start tag to the next one.
fn item_span(text: &str, starts: &[usize], i: usize) -> Option<(usize, usize)> {
    let start = *starts.get(i)?;
    Some((start, starts.get(i + 1).copied().unwrap_or(text.len())))
}

/// Line of the first `<tag` within `span`.
fn tag_line(text: &str, lines: &Lines, (start, end): (usize, usize), tag: &str) -> Option<u32> {
    let at = start_tags(&text[start..end], tag).first().copied()?;
    Some(lines.at(start + at))
}

/// The 1-based line of any byte offset, from the newlines found once:
/// counting them afresh for each item made a feed quadratic in its items.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        Lines(text.match_indices('\n').map(|(i, _)| i).collect())
    }

    /// As [`line_at`].
    fn at(&self, offset: usize) -> u32 {
        1 + self.0.partition_point(|&n| n < offset) as u32
    }
}

/// The `rdf:about` attribute of the start tag `tag` begins with, unescaped.
fn rdf_about(tag: &str) -> Option<String> {
    let tag = &tag[..tag.find('>')?];
    let value = tag
        .split_once("rdf:about")?
        .1
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = value.chars().next().filter(|q| matches!(q, '"' | '\''))?;
    let value = &value[1..];
    let value = &value[..value.find(quote)?];
    Some(
        (value
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\""))
        .replace("&apos;", "'")
        .replace("&amp;", "&"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn start_tags_skip_comments_cdata_and_longer_names() {
        let text = "<items/>\n<!-- <item> -->\n<item rdf:about=\"a\">\n<![CDATA[<item>]]>\n<item>";
        let starts = start_tags(text, "item");
        assert_eq!(
            starts.iter().map(|&s| line_at(text, s)).collect::<Vec<_>>(),
            [3, 5]
        );
        assert_eq!(rdf_about(&text[starts[0]..]).as_deref(), Some("a"));
    }

    /// Found while fuzzing the feed reader (issue 18): the XML readers
    /// recurse per nesting level, so deeply nested elements overflowed the
    /// stack and aborted the whole build.
    #[test]
    fn elements_nested_too_deep_are_malformed_xml_on_their_line() {
        let nested = |n: usize| {
            format!(
                "<rss version=\"2.0\"><channel><title>t</title>\n<item><title>x</title>\n{}{}</item></channel></rss>",
                "<a:b xmlns:a=\"urn:a\" c='>'>".repeat(n),
                "</a:b>".repeat(n)
            )
        };
        let err = read_rss(&nested(50_000), Format::Rss2).unwrap_err();
        assert!(
            err.to_string().contains("nest more than 100 levels"),
            "{err}"
        );
        assert_eq!(err.line(), Some(3));
        // Comments, CDATA and self-closed elements nest nothing.
        let flat = "<!--<a><a>--><![CDATA[<a><a>]]><a/><a />".repeat(200);
        assert_eq!(too_deep(&format!("<rss>{flat}</rss>")), None);
        assert_eq!(read_rss(&nested(90), Format::Rss2).unwrap().items.len(), 1);
        let atom = format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">{}</feed>",
            "<x>".repeat(50_000)
        );
        assert!(read_atom(&atom).is_err());
    }

    /// Found while fuzzing the feed reader (issue 18): each item's lines were
    /// counted from the start of the file, so 20,000 items (3.5 MB) took 26 s.
    #[test]
    fn item_lines_are_counted_once_and_agree_with_line_at() {
        let items: String = (0..20_000)
            .map(|i| format!("<item>\n<title>T {i}</title>\n<pubDate>no</pubDate>\n</item>\n"))
            .collect();
        let text =
            format!("<rss version=\"2.0\"><channel><title>t</title>\n{items}</channel></rss>");
        let file = read_rss(&text, Format::Rss2).unwrap();
        assert_eq!(file.items.len(), 20_000);
        assert_eq!(file.items[19_999].line, 2 + 4 * 19_999);
        assert_eq!(file.problems[19_999].line, Some(4 + 4 * 19_999));
        let lines = Lines::new(&text);
        for at in [0, 1, 60, 61, text.len() - 1, text.len()] {
            assert_eq!(lines.at(at), line_at(&text, at), "{at}");
        }
    }

    #[test]
    fn rdf_about_unescapes_its_value() {
        let tag = "<item rdf:about = 'https://x.org/?a=1&amp;b=2' >";
        assert_eq!(rdf_about(tag).as_deref(), Some("https://x.org/?a=1&b=2"));
        assert_eq!(rdf_about("<item>"), None);
    }

    /// An Atom feed of one entry made of `inner`.
    fn atom_entry(inner: &str) -> FeedItem {
        let text = format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>f</id>\
             <updated>2026-05-14T08:00:00Z</updated><entry><id>e</id>\
             <updated>2026-05-14T08:00:00Z</updated>{inner}</entry></feed>"
        );
        let mut file = read_atom(&text).unwrap();
        assert_eq!(file.items.len(), 1, "{:?}", file.problems);
        file.items.remove(0)
    }

    #[test]
    fn an_atom_text_title_keeps_what_looks_like_tags_and_an_html_one_drops_them() {
        let text = atom_entry("<title type=\"text\">a &lt;b&gt;x&lt;/b&gt;  c</title>");
        assert_eq!(text.title, "a <b>x</b> c");
        let html = atom_entry("<title type=\"html\">a &lt;b&gt;x&lt;/b&gt; c</title>");
        assert_eq!(html.title, "a x c");
    }

    #[test]
    fn an_atom_text_summary_is_escaped_text_in_paragraphs() {
        let item = atom_entry(
            "<title>t</title><summary type=\"text\">a &lt;b&gt;x&lt;/b&gt;\n\nb</summary>",
        );
        assert_eq!(item.summary, "a \\<b\\>x\\</b\\>\n\nb");
        let item =
            atom_entry("<title>t</title><summary type=\"html\">a &lt;b&gt;x&lt;/b&gt;</summary>");
        assert_eq!(item.summary, "a **x**");
    }

    #[test]
    fn atom_html_content_without_a_summary_becomes_markdown() {
        let item = atom_entry("<title>t</title><content type=\"html\">&lt;p&gt;a &lt;i&gt;x&lt;/i&gt;&lt;/p&gt;</content>");
        assert_eq!(item.summary, "a *x*");
    }

    #[test]
    fn nesting_is_counted_past_comments_cdata_instructions_and_doctypes_of_any_length() {
        let tags = |n: usize| "<a>".repeat(n);
        // The 101st open element is too deep, wherever the skipped parts end.
        for head in [
            "<!---->",
            "<!-- x -->",
            "<![CDATA[]]>",
            "<?x?>",
            "<?x?><!DOCTYPE x>",
            "<?x?><!DOCTYPE x [<!ENTITY e \"<a>\">]>",
        ] {
            let text = format!("{head}{}", tags(101));
            assert_eq!(too_deep(&text), Some(head.len() + 300), "{head}");
            assert_eq!(too_deep(&format!("{head}{}", tags(100))), None, "{head}");
        }
    }

    #[test]
    fn a_quoted_greater_than_does_not_end_a_tag() {
        for tag in ["<a b=\"/>\">", "<a b='/>'>"] {
            let text = tag.repeat(101);
            assert_eq!(too_deep(&text), Some(100 * tag.len()), "{tag}");
        }
        // Unquoted, `/>` closes the element: nothing nests.
        assert_eq!(too_deep(&"<a b=/>".repeat(200)), None);
    }

    #[test]
    fn an_empty_processing_instruction_is_skipped() {
        assert_eq!(start_tags("<??><item>", "item"), [4]);
        assert_eq!(start_tags("<?x?><!----><![CDATA[]]><item/>", "item"), [24]);
    }

    #[test]
    fn a_newline_belongs_to_the_line_it_ends() {
        let text = "a\nb\n";
        let lines = Lines::new(text);
        assert_eq!(
            [lines.at(1), lines.at(2), lines.at(3), lines.at(4)],
            [1, 2, 2, 3]
        );
        for at in 0..=text.len() {
            assert_eq!(lines.at(at), line_at(text, at), "{at}");
        }
    }

    #[test]
    fn counted_counts_bytes_read_as_well_as_consumed() {
        let mut input = Counted::new("abcdef");
        let mut buf = [0; 4];
        assert_eq!(input.read(&mut buf).unwrap(), 4);
        assert_eq!(&buf, b"abcd");
        assert_eq!(input.read, 4);
        input.consume(1);
        assert_eq!(input.read, 5);
        assert_eq!(input.read(&mut buf).unwrap(), 1);
        assert_eq!(input.read, 6);
        assert_eq!(input.read(&mut buf).unwrap(), 0);
    }
}

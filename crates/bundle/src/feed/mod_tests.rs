//! Tests of read_feed: format detection, the XML readers on invented fixtures and LWN's 2023 RDF feed, and whole-file errors.

use super::*;

/// An RSS 2.0 feed in LWN's form; the summaries are invented.
pub(super) const RSS2: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<!-- a comment before the root -->
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>LWN.net</title>
    <link>https://lwn.net</link>
    <description>An invented test feed</description>
    <item>
      <title>Kernel prepatch 7.1-rc4</title>
      <link>http://lwn.net/Articles/1000004/rss</link>
      <guid>http://lwn.net/Articles/1000004/rss</guid>
      <dc:creator>corbet</dc:creator>
      <description>Linus has released &lt;a href=&quot;https://lwn.net/ml/all/CAHk-abc@mail.gmail.com/&quot;&gt;7.1-rc4&lt;/a&gt; for
        testing. &lt;p&gt;Nothing *special*.</description>
      <pubDate>Sun, 17 May 2026 22:10:00 +0000</pubDate>
    </item>
    <item>
      <title>[$] An invented look at   run queues</title>
      <link>https://LWN.net/Articles/1000003</link>
      <dc:creator>daroc</dc:creator>
      <description>A made-up summary.</description>
      <pubDate>yesterday</pubDate>
    </item>
    <item>
      <description>Neither a title nor a link.</description>
    </item>
    <item>
      <title>Security updates for Monday</title>
      <link>https://lwn.net/Articles/1000002/</link>
      <author>editor@lwn.net (Jake)</author>
      <pubDate>Mon, 11 May 2026 14:00:00 +0000</pubDate>
    </item>
  </channel>
</rss>
"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>An invented Atom feed</title>
  <id>tag:example.org,2026:feed</id>
  <updated>2026-05-18T10:00:00Z</updated>
  <entry>
    <title type="html">The 7.1 merge window &amp;lt;part 2&amp;gt;</title>
    <link rel="replies" href="https://lwn.net/Articles/1000010/#Comments"/>
    <link rel="alternate" href="http://lwn.net/Articles/1000010"/>
    <id>tag:lwn.net,2026:1000010</id>
    <author><name>corbet</name></author>
    <published>2026-05-15T09:00:00-04:00</published>
    <updated>2026-05-16T09:00:00Z</updated>
    <summary type="html">&lt;b&gt;Invented&lt;/b&gt; summary &amp;amp; more</summary>
  </entry>
  <entry>
    <title>Plain entry</title>
    <link href="https://example.org/post"/>
    <id>https://example.org/post</id>
    <updated>2026-05-14T08:00:00Z</updated>
    <content type="text">First *line*

second</content>
  </entry>
</feed>
"#;

fn read(text: &str) -> FeedFile {
    read_feed(text.as_bytes()).unwrap()
}

#[test]
fn rss2_items_are_read_with_normalised_links_and_markdown_summaries() {
    let file = read(RSS2);
    assert_eq!(file.format, Format::Rss2);
    let titles: Vec<&str> = file.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Kernel prepatch 7.1-rc4",
            "[$] An invented look at run queues",
            "Security updates for Monday"
        ]
    );
    let rc4 = &file.items[0];
    assert_eq!(
        rc4.link.as_deref(),
        Some("https://lwn.net/Articles/1000004/")
    );
    assert_eq!(rc4.guid, rc4.link);
    assert_eq!(rc4.author.as_deref(), Some("corbet"));
    assert_eq!(rc4.date.unwrap().to_string(), "2026-05-17T22:10:00Z");
    assert_eq!(rc4.line, 8);
    assert_eq!(
        rc4.summary,
        "Linus has released [7.1-rc4](https://lwn.net/ml/all/CAHk-abc@mail.gmail.com/) for testing.\n\nNothing \\*special\\*."
    );
    assert_eq!(
        file.items[1].link.as_deref(),
        Some("https://lwn.net/Articles/1000003/")
    );
    assert_eq!(
        file.items[2].author.as_deref(),
        Some("editor@lwn.net (Jake)")
    );
    assert_eq!(file.items[2].line, 27);
}

#[test]
fn unreadable_pubdate_keeps_the_item_undated_with_one_problem_on_its_line() {
    let file = read(RSS2);
    let item = &file.items[1];
    assert_eq!(item.date, None);
    assert_eq!(item.line, 17);
    let dated: Vec<&ItemProblem> = file
        .problems
        .iter()
        .filter(|p| p.message.contains("pubDate"))
        .collect();
    assert_eq!(
        dated,
        [&ItemProblem {
            line: Some(22),
            message: "pubDate \"yesterday\"; expected RFC 2822 or ISO 8601".into()
        }]
    );
}

#[test]
fn item_with_neither_title_nor_link_is_dropped_with_a_problem() {
    let file = read(RSS2);
    assert!(file.items.iter().all(|i| !i.summary.contains("Neither")));
    assert!(file.problems.contains(&ItemProblem {
        line: Some(24),
        message: "item has neither a title nor a link; expected at least one".into()
    }));
    assert_eq!(file.problems.len(), 2);
}

#[test]
fn atom_entries_take_the_alternate_link_published_date_and_summary() {
    let file = read(ATOM);
    assert_eq!(file.format, Format::Atom);
    assert!(file.problems.is_empty(), "{:?}", file.problems);
    let [first, second] = file.items.as_slice() else {
        panic!("{:?}", file.items);
    };
    assert_eq!(first.title, "The 7.1 merge window <part 2>");
    assert_eq!(
        first.link.as_deref(),
        Some("https://lwn.net/Articles/1000010/")
    );
    assert_eq!(first.guid.as_deref(), Some("tag:lwn.net,2026:1000010"));
    assert_eq!(first.author.as_deref(), Some("corbet"));
    assert_eq!(first.date.unwrap().to_string(), "2026-05-15T09:00:00-04:00");
    // Unescaped twice: once as XML, once as HTML.
    assert_eq!(first.summary, "**Invented** summary \\& more");
    assert_eq!(first.line, 6);
    assert_eq!(second.link.as_deref(), Some("https://example.org/post"));
    assert_eq!(second.date.unwrap().to_string(), "2026-05-14T08:00:00Z");
    assert_eq!(second.author, None);
    assert_eq!(second.summary, "First \\*line\\*\n\nsecond");
    assert_eq!(second.line, 16);
}

#[test]
fn malformed_xml_is_an_error_on_the_line_the_reader_stopped() {
    let text =
        "<rss version=\"2.0\"><channel>\n<item>\n<title>x</titel>\n</item></channel></rss>\n";
    let err = read_feed(text.as_bytes()).unwrap_err();
    assert!(
        matches!(
            err,
            FeedError::Xml {
                format: Format::Rss2,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.line(), Some(3), "{err}");
    assert!(
        err.to_string().starts_with("malformed RSS 2.0 XML: "),
        "{err}"
    );
    let err =
        read_feed(b"<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry>\n<title>t").unwrap_err();
    assert!(
        matches!(
            err,
            FeedError::Xml {
                format: Format::Atom,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(err.line(), Some(3), "{err}");
}

#[test]
fn atom_date_the_crate_cannot_read_fails_the_file_on_its_line() {
    let text = "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<entry>\n<title>t</title>\n<updated>yesterday</updated>\n</entry></feed>";
    let err = read_feed(text.as_bytes()).unwrap_err();
    assert_eq!(err.line(), Some(4), "{err}");
    assert!(
        err.to_string().contains("\"yesterday\" is not RFC 3339"),
        "{err}"
    );
}

#[test]
fn non_utf8_bytes_name_their_offset_and_line() {
    let err = read_feed(b"\xEF\xBB\xBF<rss>\n<channel>\xff</channel>").unwrap_err();
    assert_eq!(
        err,
        FeedError::NotUtf8 {
            line: 2,
            offset: 18,
            byte: 0xff
        }
    );
    assert_eq!(err.line(), Some(2));
    assert_eq!(
        err.to_string(),
        "invalid UTF-8 (byte 0xff at offset 18); expected UTF-8 text"
    );
}

#[test]
fn empty_and_unknown_files_say_what_was_expected() {
    assert_eq!(read_feed(b" \n\t\n"), Err(FeedError::Empty));
    let html =
        read_feed(b"<!DOCTYPE html [<!ENTITY x \">\">]>\n<html><body>x</body></html>").unwrap_err();
    assert_eq!(
        html,
        FeedError::UnknownFormat {
            found: "XML with root element <html>".into()
        }
    );
    assert!(html.to_string().ends_with(
        "expected RSS 2.0, RSS 1.0 (RDF), Atom, LWN's text headlines, or a feed reader's copied text with `•` separators"
    ));
    let text = read_feed(b"just some notes\nno items here\n").unwrap_err();
    assert_eq!(
        text.to_string().split(';').next(),
        Some("found text starting \"just some notes\" with no `•` separator line")
    );
    assert_eq!(text.line(), None);
}

#[test]
fn format_names_are_what_messages_show() {
    let names = [Format::Rss2, Format::Rdf, Format::Atom, Format::Text].map(Format::as_str);
    assert_eq!(names, ["RSS 2.0", "RSS 1.0 (RDF)", "Atom", "text"]);
}

#[test]
fn lwn_2023_rdf_feed_reads_all_fifteen_items() {
    let Some(dir) = crate::testdata::shared("feeds") else {
        return;
    };
    let bytes = std::fs::read(dir.join("lwn-2023-07.rdf")).unwrap();
    let file = read_feed(&bytes).unwrap();
    assert_eq!(file.format, Format::Rdf);
    assert_eq!(file.items.len(), 15);
    assert!(file.problems.is_empty(), "{:?}", file.problems);
    let folios = (file.items.iter())
        .find(|i| i.title == "[$] Large folios for anonymous memory")
        .expect("the large-folios item");
    assert_eq!(folios.author.as_deref(), Some("corbet"));
    assert_eq!(folios.date.unwrap().to_string(), "2023-07-06T13:52:37Z");
    assert_eq!(
        folios.link.as_deref(),
        Some("https://lwn.net/Articles/937239/")
    );
    assert_eq!(folios.guid, folios.link);
    assert!(
        folios
            .summary
            .contains("[folios](https://lwn.net/Articles/849538/)"),
        "{}",
        folios.summary
    );
    for item in &file.items {
        let link = item.link.as_deref().unwrap();
        assert!(
            link.starts_with("https://lwn.net/Articles/") && link.ends_with('/'),
            "{link}"
        );
        assert!(item.date.is_some() && item.author.is_some(), "{item:?}");
    }
    let lines: Vec<u32> = file.items.iter().map(|i| i.line).collect();
    assert!(
        lines.windows(2).all(|w| w[0] < w[1]) && lines[0] > 40,
        "{lines:?}"
    );
    let text = std::str::from_utf8(&bytes).unwrap();
    let line_of_folios = text.lines().nth(folios.line as usize - 1).unwrap();
    assert!(line_of_folios.contains("<item rdf:about=\"https://lwn.net/Articles/937239/\">"));
}

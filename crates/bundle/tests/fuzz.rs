//! Fuzz targets for the bundler's parsers (front matter, subject grammar, feed reader), run as property tests (issue 18).
//!
//! cargo-fuzz needs a nightly toolchain, which this project does not use, so
//! each parser is fed generated input by proptest instead: uniform random
//! text and bytes, soups of the delimiters its grammar cares about, the
//! arbitrary text embedded in a minimal valid document of the format, and
//! byte-mutated copies of a small valid file. Every target checks that the
//! parser never panics, and the properties it promises: errors on a line of
//! the file, headings read into consistent parts, feed items on a line of the
//! file with summaries that render to no script or image.
//!
//! `cargo test` runs 1,500 cases per target (about 6 s for this file in a
//! debug build on this project's 2-core machines); `FUZZ_CASES` sets the
//! count. A longer run:
//!
//! ```text
//! FUZZ_CASES=200000 cargo test --release -p kernel-news-bundle --test fuzz
//! ```
//!
//! A failure prints the shrunk input; nothing is written to disk.

use std::collections::HashSet;

use kernel_news_bundle::feed::html::html_to_markdown;
use kernel_news_bundle::feed::link::normalise_link;
use kernel_news_bundle::feed::{read_feed, FeedError};
use kernel_news_bundle::frontmatter::{self, Format};
use kernel_news_bundle::subject::parse_subject;
use kernel_news_bundle::subsystem::SubsystemTable;
use kernel_news_core::markdown::render;
use kernel_news_core::EntryKind;
use proptest::prelude::*;

// The generators core's fuzz target uses too.
#[path = "../../core/tests/common/fuzz_input.rs"]
mod fuzz_input;
use fuzz_input::{config, mutate, mutation, soup, text};

/// The number of lines an editor shows for `text`: a line number in a
/// message must be one of them.
fn line_count(text: &str) -> u32 {
    text.lines().count().max(1) as u32
}

// ---------------------------------------------------------------- front matter

/// YAML's syntax and the fields the bundle reads.
const YAML_PIECES: &[&str] = &[
    "title:",
    "title: ",
    "date: ",
    "draft: ",
    "tags: ",
    "categories: ",
    "lang: ",
    "language: ",
    "image:",
    " ",
    "  ",
    "\n",
    "\n  ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "'",
    "\"",
    "#",
    ": ",
    ":",
    "&a ",
    "*a",
    "!!str ",
    "!!int ",
    "!!binary ",
    "!custom ",
    "|",
    "|-\n",
    ">",
    "? ",
    "---",
    "...",
    "+++",
    "%YAML 1.2\n",
    "<<: ",
    "true",
    "false",
    "maybe",
    "~",
    "null",
    "0x1F",
    "1e999",
    "2023-11-28T06:35:48-08:00",
    "LKML News v6.7-rc4",
    "\t",
    "\\",
    "\\u",
    "\r",
    "\u{feff}",
    "\u{85}",
    "\u{2028}",
    "메모리",
    "😀",
];

/// TOML's syntax and the fields the bundle reads.
const TOML_PIECES: &[&str] = &[
    "title = ",
    "date = ",
    "draft = ",
    "tags = ",
    "categories = ",
    "lang = ",
    "language = ",
    "[header]",
    "[[x]]",
    "[title]",
    "a.b = 1",
    "=",
    " = ",
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "[",
    "]",
    "{",
    "}",
    ",",
    "#",
    "\n",
    " ",
    "\t",
    "1979-05-27T07:32:00Z",
    "2019-08-12T01:40:13+09:00",
    "1979-05-27",
    "07:32:00",
    "1e308",
    "inf",
    "nan",
    "0x1F",
    "+1",
    "true",
    "false",
    "\\",
    "\\u",
    "\\U0010FFFF",
    "\\uD800",
    "\r",
    "+++",
    "---",
    "메모리",
    "😀",
];

/// `key: value` (or `key = value`) lines with real keys, values that are
/// mostly well-formed (`values`) and sometimes soup.
fn header_lines(
    pieces: &'static [&'static str],
    values: &'static [&'static str],
    assign: &'static str,
) -> BoxedStrategy<String> {
    let key = prop::sample::select(
        &[
            "title",
            "date",
            "draft",
            "tags",
            "categories",
            "lang",
            "language",
            "image",
            "x",
            "",
        ][..],
    );
    let value = prop_oneof![
        3 => prop::sample::select(values).prop_map(str::to_string),
        1 => soup(pieces, 4),
    ];
    let line = (
        prop::sample::select(&["", "", "", "  ", "- ", "# "][..]),
        key,
        value,
    )
        .prop_map(move |(indent, key, value)| format!("{indent}{key}{assign}{value}"));
    prop::collection::vec(line, 0..6)
        .prop_map(|lines| lines.join("\n"))
        .boxed()
}

/// Well-formed YAML values of the kinds front matter holds, and a few others.
const YAML_VALUES: &[&str] = &[
    "\"LKML News v6.7-rc4\"",
    "'single'",
    "plain words",
    "true",
    "false",
    "yes",
    "maybe",
    "~",
    "",
    "2023-11-28T06:35:48-08:00",
    "[\"linux\", 'kernel']",
    "[]",
    "- a",
    "{a: 1}",
    "1.5",
    "42",
    "&a x",
    "*a",
    "!!str 1",
    "|\n  block",
    "메모리 😀",
];

/// Well-formed TOML values of the kinds front matter holds, and a few others.
const TOML_VALUES: &[&str] = &[
    "\"LKML News v6.7-rc4\"",
    "'single'",
    "true",
    "false",
    "2019-08-12T01:40:13+09:00",
    "1979-05-27",
    "[\"linux\", 'kernel']",
    "[]",
    "[1, \"a\"]",
    "{ a = 1 }",
    "1.5",
    "42",
    "\"\"\"multi\nline\"\"\"",
    "\"메모리 😀\"",
    "bare",
];

/// A whole post: a YAML or TOML header and a body, or no header at all.
fn post() -> BoxedStrategy<String> {
    let yaml = prop_oneof![
        3 => header_lines(YAML_PIECES, YAML_VALUES, ": "),
        1 => text(YAML_PIECES, 20),
    ];
    let toml = prop_oneof![
        3 => header_lines(TOML_PIECES, TOML_VALUES, " = "),
        1 => text(TOML_PIECES, 20),
    ];
    let close = prop::sample::select(&["\n", "\n", "", " \n", "\n\n"][..]);
    let body = soup(&["Body", "\n", "---", "+++", "# ", "[PATCH] x"], 4);
    prop_oneof![
        2 => (yaml, close.clone(), body.clone())
            .prop_map(|(h, c, b)| format!("---\n{h}\n---{c}{b}")),
        2 => (toml, close, body).prop_map(|(h, c, b)| format!("+++\n{h}\n+++{c}{b}")),
        1 => text(YAML_PIECES, 20),
        1 => text(TOML_PIECES, 20),
    ]
    .boxed()
}

// ------------------------------------------------------------------- subjects

/// What entry headings are made of.
const HEADING_PIECES: &[&str] = &[
    "[",
    "]",
    "(",
    ")",
    "[PATCH",
    "[RFC",
    "PATCH",
    "RFC",
    "RESEND",
    "GIT",
    "PULL",
    "TOPIC",
    " ",
    "  ",
    "v3",
    "V4",
    "-V2",
    "PATCHv2",
    "v1000",
    "0/9",
    "12/5",
    "00/28",
    "+1/2",
    "1/",
    "/",
    "mm-new",
    "net-next",
    "-mm",
    "rcu/next",
    "Re: ",
    "Fwd: ",
    "RE:",
    "mm",
    "bpf",
    "KVM",
    ": ",
    ":",
    ", ",
    ",",
    "`",
    "mm/damon",
    "//",
    "Alice Doe",
    "T.J. Mercier",
    "wolfgang huang",
    "(1+ msgs)",
    "(256MB)",
    " and ",
    "Linux ",
    "v6.7-rc4",
    "6.7-rc4",
    "final ",
    "lsf/mm",
    "regression",
    "bug:",
    "git pull",
    "\t",
    "İ",
    "ß",
    "메모리",
    "😀",
    "\u{a0}",
];

/// A heading in the blog's shape, each part varied: reply marker, bracket
/// tags, a prefix chain, a subject and author groups.
fn heading_like() -> BoxedStrategy<String> {
    let tag_word = prop_oneof![
        3 => prop::sample::select(
            &[
                "PATCH", "RFC", "RESEND", "GIT", "PULL", "TOPIC", "v3", "-V2", "V10", "PATCHv2",
                "0/9", "3/7", "12/5", "00/28", "+1/+2", "1/0", "0/0", "4294967295/1", "mm-new",
                "net-next", "-mm", "rcu/next", "tip/core/rcu", "BUG", "QUESTION", "v", "/",
            ][..],
        )
        .prop_map(str::to_string),
        1 => soup(HEADING_PIECES, 2),
    ];
    let tag = prop::collection::vec(tag_word, 0..5).prop_map(|w| format!("[{}]", w.join(" ")));
    let prefix = prop::sample::select(
        &[
            "mm", "bpf", "KVM", "arm64", "mm/damon", "x86/mm", "net", "zz", "zz//x", "..", "1", "",
            "`mm`", "a b",
        ][..],
    );
    let author = prop_oneof![
        3 => prop::sample::select(
            &[
                "Alice Doe", "T.J. Mercier", "Theodore Ts'o", "wolfgang huang", "SeongJae Park",
                "Alice Doe, Bob Roe", "Alice Doe and Bob Roe", "1+ msgs", "256MB", "RFC", "",
                "Ä Ö", "김 철수",
            ][..],
        )
        .prop_map(str::to_string),
        1 => soup(HEADING_PIECES, 3),
    ];
    (
        prop::sample::select(&["", "", "Re: ", "Fwd: ", "`"][..]),
        prop::collection::vec(tag, 0..3),
        prop::collection::vec((prefix, prop::sample::select(&[": ", ", ", ":"][..])), 0..3),
        soup(HEADING_PIECES, 6),
        prop::collection::vec(author, 0..3),
        prop::sample::select(&["", "", "`", " "][..]),
    )
        .prop_map(|(reply, tags, prefixes, subject, authors, end)| {
            let prefixes: String = prefixes.iter().map(|(p, s)| format!("{p}{s}")).collect();
            let authors: String = authors.iter().map(|a| format!(" ({a})")).collect();
            format!("{reply}{} {prefixes}{subject}{authors}{end}", tags.concat())
        })
        .boxed()
}

// ----------------------------------------------------------------------- feeds

/// Markup, entities and text a feed description or title may hold.
const FEED_PIECES: &[&str] = &[
    "<",
    ">",
    "</",
    "/>",
    "&",
    "&lt;",
    "&gt;",
    "&amp;",
    "&quot;",
    "&#60;",
    "&#x3C;",
    "&#0;",
    "&bogus;",
    "<p>",
    "</p>",
    "<br>",
    "<b>",
    "</b>",
    "<i>",
    "<em>",
    "</em>",
    "<code>",
    "</code>",
    "<pre>",
    "</pre>",
    "<blockquote>",
    "</blockquote>",
    "<ul>",
    "<ol>",
    "<li>",
    "</li>",
    "</ul>",
    "<a href=\"https://lwn.net/Articles/1/\">",
    "<a href=\"javascript:x\">",
    "<a href='http://x.org/(a)'>",
    "<a href=\"data:text/html,x\">",
    "</a>",
    "<script>",
    "</script>",
    "<SCRIPT>",
    "<style>",
    "<svg/>",
    "<svg onload=x>",
    "<img src=x onerror=y>",
    "<img alt=\"a\" src=\"https://t.example/p.png\">",
    "<iframe src=x>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<?",
    "?>",
    "<item>",
    "</item>",
    "<entry>",
    "<title>",
    "</title>",
    "<description>",
    "*",
    "_",
    "`",
    "[",
    "]",
    "(",
    ")",
    "!",
    "#",
    "|",
    "~",
    "\\",
    "- ",
    "1. ",
    "=",
    "\n",
    "\n\n",
    " ",
    "\t",
    "\r\n",
    "•",
    "✇",
    "&&",
    "Par : ",
    "By: ",
    "❌",
    "https://lwn.net/Articles/1/rss",
    "http://LWN.net/Articles/2",
    "v6.7-rc4",
    "Kernel",
    "Sun, 17 May 2026 22:10:00 +0000",
    "2026-05-15T09:00:00-04:00",
    "May 14, 2026",
    "메모리",
    "😀",
    "\u{0}",
    "\u{feff}",
];

/// `s` as XML character data, in one of the ways a feed writes it (or does
/// not: raw, so the XML may break).
fn xml_text(s: String, how: u8) -> String {
    let escaped = || {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    match how % 4 {
        0 => s,
        1 => escaped(),
        2 => format!("<![CDATA[{}]]>", s.replace("]]>", "]]]]><![CDATA[>")),
        _ => escaped().replace('"', "&quot;"),
    }
}

/// `s` as an XML attribute value in double quotes.
fn xml_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;")
}

/// Six fields of arbitrary feed text, each with how it is escaped; now and
/// then one element opened hundreds of times over.
fn fields() -> BoxedStrategy<Vec<(String, u8)>> {
    let nested = (
        prop::sample::select(
            &[
                "<a:b xmlns:a=\"urn:a\">",
                "<p>",
                "<blockquote>",
                "<b><i>",
                "<ul><li>",
                "<x/>",
            ][..],
        ),
        0usize..800,
    )
        .prop_map(|(open, n)| open.repeat(n));
    let field = prop_oneof![8 => soup(FEED_PIECES, 8), 1 => nested];
    prop::collection::vec((field, any::<u8>()), 6).boxed()
}

/// A minimal feed of each format with arbitrary text in every field.
fn feed_skeleton() -> BoxedStrategy<String> {
    (0u8..5, fields())
        .prop_map(|(format, f)| {
            let x = |i: usize| xml_text(f[i].0.clone(), f[i].1);
            let a = |i: usize| xml_attr(&f[i].0);
            match format {
                0 => format!(
                    "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n\
                     <channel><title>t</title>\n<item>\n<title>{}</title>\n<link>{}</link>\n<guid>{}</guid>\n\
                     <description>{}</description>\n<pubDate>{}</pubDate>\n<dc:creator>{}</dc:creator>\n</item>\n\
                     </channel>\n</rss>\n",
                    x(0), x(1), x(2), x(3), x(4), x(5)
                ),
                1 => format!(
                    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" \
                     xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n\
                     <channel rdf:about=\"https://lwn.net\"><title>t</title><link>https://lwn.net</link>\
                     <description>d</description></channel>\n<item rdf:about=\"{}\">\n<title>{}</title>\n\
                     <link>{}</link>\n<description>{}</description>\n<dc:date>{}</dc:date>\n\
                     <dc:creator>{}</dc:creator>\n</item>\n</rdf:RDF>\n",
                    a(2), x(0), x(1), x(3), x(4), x(5)
                ),
                2 => format!(
                    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n\
                     <title>t</title><id>f</id><updated>2026-05-18T10:00:00Z</updated>\n<entry>\n\
                     <title type=\"{}\">{}</title>\n<link rel=\"alternate\" href=\"{}\"/>\n<id>{}</id>\n\
                     <updated>2026-05-16T09:00:00Z</updated>\n<author><name>{}</name></author>\n\
                     <summary type=\"html\">{}</summary>\n<content type=\"text\">{}</content>\n</entry>\n</feed>\n",
                    ["text", "html", "xhtml"][f[0].1 as usize % 3],
                    x(0), a(1), x(2), x(5), x(3), x(4)
                ),
                3 => format!(
                    "Reading view\n\n{}\n✇LWN\nBy: {}\n{}\n\n{}\n•\n{}\n✇ LWN\n{}\n•\n❌",
                    f[0].0, f[5].0, f[3].0, f[4].0, f[1].0, f[2].0
                ),
                _ => format!(
                    "This is the LWN.net text headlines file.\n&&\n{}\n{}\nKernel, {}\n&&\n{}\n\
                     https://lwn.net/Articles/2/\n{}\n&&\n{}",
                    f[0].0, f[1].0, f[4].0, f[3].0, f[2].0, f[5].0
                ),
            }
        })
        .boxed()
}

/// A small valid RSS 2.0 feed, the seed of the byte mutations.
const RSS: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<!-- a comment -->
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>LWN.net</title>
    <item>
      <title>Kernel prepatch 7.1-rc4</title>
      <link>http://lwn.net/Articles/1000004/rss</link>
      <guid>http://lwn.net/Articles/1000004/rss</guid>
      <dc:creator>corbet</dc:creator>
      <description>Linus has released &lt;a href=&quot;https://lwn.net/ml/x@y/&quot;&gt;7.1-rc4&lt;/a&gt;. &lt;p&gt;*Nothing* &lt;script&gt;x&lt;/script&gt;</description>
      <pubDate>Sun, 17 May 2026 22:10:00 +0000</pubDate>
    </item>
    <item>
      <title>[$] Run   queues</title>
      <link>https://LWN.net/Articles/1000003</link>
      <description><![CDATA[<ul><li>a <img src="https://t.example/p.png" alt="pixel"></li></ul>]]></description>
      <pubDate>yesterday</pubDate>
    </item>
  </channel>
</rss>
"#;

/// Markdown that must stay inert: rendered, it holds no element that runs
/// or loads anything and no link to a script URL (read with a real HTML
/// tokenizer, not by string search).
fn check_inert(markdown: &str, from: &str) -> Result<(), TestCaseError> {
    let html = render(markdown);
    for token in html5gum::Tokenizer::new(html.as_str()) {
        let Ok(html5gum::Token::StartTag(tag)) = token else {
            continue;
        };
        let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
        let banned = ["script", "img", "iframe", "svg", "style", "object", "embed"];
        prop_assert!(
            !banned.contains(&name.as_str()),
            "<{}> in {:?} from {:?}",
            name,
            html,
            from
        );
        for (key, value) in &tag.attributes {
            let key = String::from_utf8_lossy(key).to_ascii_lowercase();
            let value = String::from_utf8_lossy(&value.value).to_ascii_lowercase();
            prop_assert!(
                !key.starts_with("on"),
                "{}= in {:?} from {:?}",
                key,
                html,
                from
            );
            if key == "href" || key == "src" {
                let scheme = value.split_once(':').map(|(s, _)| s.trim());
                prop_assert!(
                    !matches!(scheme, Some("javascript" | "data" | "vbscript")),
                    "{}={:?} in {:?} from {:?}",
                    key,
                    value,
                    html,
                    from
                );
            }
        }
    }
    Ok(())
}

/// What any feed file read, or refused, must satisfy.
fn check_feed(bytes: &[u8]) -> Result<(), TestCaseError> {
    let text = String::from_utf8_lossy(bytes);
    let lines = line_count(&text);
    match read_feed(bytes) {
        Ok(file) => {
            for item in &file.items {
                prop_assert!(
                    (1..=lines).contains(&item.line),
                    "item on line {} of {}: {:?}",
                    item.line,
                    lines,
                    text
                );
                let collapsed = item.title.split_whitespace().collect::<Vec<_>>().join(" ");
                prop_assert_eq!(&item.title, &collapsed);
                for url in item.link.iter().chain(&item.guid) {
                    prop_assert!(!url.is_empty());
                    prop_assert_eq!(&normalise_link(url), url, "not normalised");
                }
                check_inert(&item.summary, &text)?;
            }
            for problem in &file.problems {
                if let Some(line) = problem.line {
                    prop_assert!(
                        (1..=lines).contains(&line),
                        "problem on line {} of {}: {:?}",
                        line,
                        lines,
                        problem
                    );
                }
                prop_assert!(!problem.message.is_empty());
            }
        }
        Err(e) => {
            prop_assert!(!e.to_string().is_empty());
            if let Some(line) = e.line() {
                // An XML error may sit just after a final newline.
                let end = text.split('\n').count() as u32;
                prop_assert!(
                    (1..=end).contains(&line),
                    "error on line {} of {}: {}",
                    line,
                    end,
                    e
                );
            }
            if let FeedError::NotUtf8 { offset, byte, .. } = e {
                prop_assert_eq!(bytes.get(offset), Some(&byte));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    /// Front matter: any text splits or is refused on line 1; the header and
    /// body are the file's own text, the body starting on the line it says;
    /// parse errors name a line of the file.
    #[test]
    fn front_matter_reads_any_text(text in post()) {
        let split = match frontmatter::split(&text) {
            Ok(split) => split,
            Err(e) => {
                prop_assert_eq!(e.line(), 1);
                prop_assert!(!e.to_string().is_empty());
                return Ok(());
            }
        };
        prop_assert!(text.ends_with(split.body));
        if split.format.is_none() {
            prop_assert_eq!(split.body, text.as_str());
            prop_assert_eq!(split.body_line, 1);
        } else {
            prop_assert_eq!(split.header_line, 2);
            let after_first = &text[text.find('\n').map_or(text.len(), |i| i + 1)..];
            prop_assert!(after_first.starts_with(split.header));
            if !split.body.is_empty() {
                let before = &text[..text.len() - split.body.len()];
                prop_assert_eq!(split.body_line as usize, 1 + before.matches('\n').count());
            }
        }
        match frontmatter::parse(&split) {
            Ok(fm) => {
                if split.format.is_none() {
                    prop_assert_eq!(fm, frontmatter::FrontMatter::default());
                }
            }
            Err(e) => {
                prop_assert!(split.format.is_some());
                let lines = line_count(&text);
                prop_assert!((1..=lines).contains(&e.line()), "line {} of {}: {} in {:?}", e.line(), lines, e, text);
                let message = e.to_string();
                prop_assert!(!message.is_empty() && !message.contains(" at line "), "{}", message);
                let kind_matches = match e {
                    frontmatter::FrontMatterError::Yaml { .. } => split.format == Some(Format::Yaml),
                    frontmatter::FrontMatterError::Toml { .. } => split.format == Some(Format::Toml),
                    _ => true,
                };
                prop_assert!(kind_matches);
            }
        }
    }

    /// Headings: any text reads; the title and authors are the heading's own
    /// text, authors distinct names; a version has at most three digits, a
    /// series position is within its series, subsystems are sorted with their
    /// ancestors; a `[GIT PULL]` is a pull request.
    #[test]
    fn headings_read_into_consistent_parts(heading in prop_oneof![3 => heading_like(), 1 => text(HEADING_PIECES, 12)]) {
        let s = parse_subject(&heading, &SubsystemTable::builtin());
        prop_assert!(heading.contains(&s.title), "title {:?}", s.title);
        let mut seen = HashSet::new();
        for a in &s.authors {
            prop_assert!(!a.is_empty() && heading.contains(a.as_str()), "author {:?}", a);
            prop_assert!(!a.chars().any(|c| c.is_ascii_digit()), "author {:?}", a);
            prop_assert!(seen.insert(a), "author {:?} twice", a);
        }
        if let Some(v) = s.patch_version {
            prop_assert!(v <= 999, "version {}", v);
        }
        if let Some(series) = s.series {
            prop_assert!(series.index <= series.total && series.total > 0, "series {:?} of {:?}", series, heading);
        }
        if let Some(tree) = &s.tree {
            prop_assert!(!tree.is_empty() && !tree.starts_with('-') && heading.contains(tree.as_str()));
        }
        prop_assert!(s.subsystems.windows(2).all(|w| w[0] < w[1]), "unsorted {:?}", s.subsystems);
        for id in &s.subsystems {
            prop_assert!(!id.is_empty());
            if let Some((parent, _)) = id.rsplit_once('/') {
                prop_assert!(s.subsystems.contains(&parent.to_string()), "{:?} without {:?}", id, parent);
            }
        }
        let t = heading.trim_start();
        if (t.starts_with("[GIT PULL]") || t.starts_with("[GIT PULL ")) && !t.starts_with('`') {
            prop_assert_eq!(s.kind, EntryKind::PullRequest);
        }
    }

    /// The feed reader on arbitrary bytes.
    #[test]
    fn feeds_read_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        check_feed(&bytes)?;
    }

    /// The feed reader on feed-like text, with no document around it.
    #[test]
    fn feeds_read_arbitrary_text(text in text(FEED_PIECES, 30)) {
        check_feed(text.as_bytes())?;
    }

    /// The feed reader on arbitrary text in every field of a minimal RSS 2.0,
    /// RDF, Atom, reading-view or headlines file.
    #[test]
    fn feeds_read_arbitrary_fields(text in feed_skeleton()) {
        check_feed(text.as_bytes())?;
    }

    /// The feed reader on a valid RSS feed with bytes flipped, inserted and deleted.
    #[test]
    fn feeds_read_mutated_rss(mutations in prop::collection::vec(mutation(FEED_PIECES), 1..6)) {
        check_feed(&mutate(RSS.as_bytes().to_vec(), &mutations))?;
    }

    /// Links: normalising is idempotent, so the link kept on an item and the
    /// key merged on (normalised again) agree.
    #[test]
    fn normalised_links_normalise_to_themselves(url in prop_oneof![
        3 => (
            prop::sample::select(&["http://", "https://", "HTTP://", " https://", "tag:", ""][..]),
            prop::sample::select(&["lwn.net", "LWN.net", "www.lwn.net", "lwn.net:443", "u@LWN.NET", "Example.ORG", ""][..]),
            soup(&["/Articles/", "1000004", "/rss", "/", "?", "#", " ", "\t", "\n", "-", "@", "Comments", "%20"], 6),
        )
            .prop_map(|(scheme, host, rest)| format!("{scheme}{host}{rest}")),
        1 => text(FEED_PIECES, 8),
    ]) {
        let once = normalise_link(&url);
        prop_assert_eq!(normalise_link(&once), once.clone(), "{:?}", url);
    }

    /// Descriptions: any HTML becomes markdown that renders to nothing that
    /// runs or loads.
    #[test]
    fn descriptions_convert_any_html_to_inert_markdown(html in text(FEED_PIECES, 30)) {
        check_inert(&html_to_markdown(&html), &html)?;
    }
}

#[test]
fn the_rss_the_mutations_start_from_reads() {
    let file = read_feed(RSS.as_bytes()).expect("the fuzz seed feed reads");
    assert_eq!(file.items.len(), 2);
    assert_eq!(file.items[1].line, 14);
}

//! Links in an entry body, with lkml.kernel.org, lore.kernel.org and lwn.net/ml URLs read as message-ids.

use crate::autolink::{scan, unescape};
use crate::Link;

/// Every distinct http(s) link in `body`, in order of appearance: exactly the
/// links the viewer's renderer draws (link destinations and bare URLs, read
/// by one [`scan`]). Images are charts or pictures, not links, and URLs in
/// code are shown as code.
pub fn extract_links(body: &str) -> Vec<Link> {
    let urls = scan(body);
    let bare = (urls.bare.iter()).map(|r| (r.start, unescape(&body[r.clone()]).into_owned()));
    let mut found: Vec<(usize, String)> = urls.links.into_iter().chain(bare).collect();
    found.sort_by_key(|(at, _)| *at);
    let mut out: Vec<Link> = Vec::new();
    for (_, url) in found {
        let web = url.starts_with("https://") || url.starts_with("http://");
        if web && !out.iter().any(|l| l.url == url) {
            out.push(Link {
                message_id: message_id(&url),
                url,
            });
        }
    }
    out
}

/// `https://lkml.kernel.org/r/ID`, `https://lore.kernel.org/r/ID`,
/// `https://lore.kernel.org/LIST/ID/`, `https://lore.kernel.org/ID` and LWN's
/// archive of the same postings, `https://lwn.net/ml/LIST/ID/`, give ID
/// (percent-decoded, without trailing `/`, `/T/` or `#anchor`): the key that
/// links an LWN item to the LKML News entries on the same patches.
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
        ("lwn.net" | "www.lwn.net", Some((&"ml", [list, id @ ..])))
            if !id.is_empty() && !list.contains('@') =>
        {
            id.join("/")
        }
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
    fn lwn_mailing_list_archive_links_give_the_same_message_ids() {
        let cases = [
            (
                "https://lwn.net/ml/all/CAHk-=wiXyz0Q@mail.gmail.com/",
                "CAHk-=wiXyz0Q@mail.gmail.com",
            ),
            (
                "https://lwn.net/ml/linux-mm/20231128125025.4449-1-weixi.zhu@huawei.com/",
                "20231128125025.4449-1-weixi.zhu@huawei.com",
            ),
            ("http://lwn.net/ml/linux-kernel/x%40y.com", "x@y.com"),
            ("https://lwn.net/ml/bpf/a%2Bb@c.org/#top", "a+b@c.org"),
            // Message-ids may hold `/` themselves.
            (
                "https://lwn.net/ml/linux-fsdevel/Yky4xQn+9/ZBgqpd@casper.infradead.org/",
                "Yky4xQn+9/ZBgqpd@casper.infradead.org",
            ),
        ];
        for (url, id) in cases {
            assert_eq!(message_id(url).as_deref(), Some(id), "{url}");
        }
        // The same posting on lore and on LWN reads as one message-id.
        assert_eq!(
            message_id("https://lore.kernel.org/linux-mm/a.1-x@y.org/T/#u"),
            message_id("https://lwn.net/ml/linux-mm/a.1-x@y.org/")
        );
    }

    #[test]
    fn other_links_have_no_message_id() {
        for url in [
            "https://lwn.net/Articles/1/",
            "https://lkml.kernl.org/r/x@y",
            "https://lore.kernel.org/linux-mm/",
            "https://lwn.net/ml/linux-kernel/",
            "https://lwn.net/ml/x@y.org/",
            "https://lwn.net/Articles/x@y.org/",
            "https://example.org/ml/all/x@y.org/",
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
    fn balanced_parens_stay_in_the_url() {
        let links = extract_links("(see https://en.wikipedia.org/wiki/Foo_(bar))");
        assert_eq!(links[0].url, "https://en.wikipedia.org/wiki/Foo_(bar)");
    }

    #[test]
    fn plain_http_links_count_and_other_schemes_do_not() {
        let body = "[m](mailto:a@b.org) [f](ftp://x.org/f) [rel](/posts/x/) \
                    [old](http://lkml.kernel.org/r/a@b.org) https://c.org/";
        let links = extract_links(body);
        let urls: Vec<_> = links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(urls, ["http://lkml.kernel.org/r/a@b.org", "https://c.org/"]);
        // Each link carries the message-id its URL names, if any.
        assert_eq!(links[0].message_id.as_deref(), Some("a@b.org"));
        assert_eq!(links[1].message_id, None);
    }

    #[test]
    fn every_thread_view_suffix_names_the_same_message() {
        for suffix in ["T/", "t/", "raw", "t.mbox.gz", "T/#u", "?q=1", "T/t/"] {
            let url = format!("https://lore.kernel.org/linux-mm/a.1-x@y.org/{suffix}");
            assert_eq!(message_id(&url).as_deref(), Some("a.1-x@y.org"), "{url}");
        }
    }

    #[test]
    fn percent_escapes_decode_only_when_whole_and_valid_utf8() {
        for (url, id) in [
            // A `%` too near the end, or not followed by hex, is kept as written.
            ("https://lore.kernel.org/r/x@y.org%4", "x@y.org%4"),
            ("https://lore.kernel.org/r/x@y.org%", "x@y.org%"),
            ("https://lore.kernel.org/r/a%zz@y.org", "a%zz@y.org"),
            // Escapes at the very end and in lower case decode.
            ("https://lore.kernel.org/r/x%40y.or%67", "x@y.org"),
            ("https://lore.kernel.org/r/a%2b%2F%7e@y.org", "a+/~@y.org"),
            (
                "https://lore.kernel.org/r/%C3%A9t%C3%A9@y.org",
                "\u{e9}t\u{e9}@y.org",
            ),
            // A byte sequence that is not UTF-8 leaves the id undecoded.
            ("https://lore.kernel.org/r/a%FF@y.org", "a%FF@y.org"),
        ] {
            assert_eq!(message_id(url).as_deref(), Some(id), "{url}");
        }
        // A `%` with fewer than two bytes after it, anywhere, is kept.
        for s in ["%", "%4", "a%4", "ab%4", "a%", "%%41"] {
            let want = if s == "%%41" { "%A" } else { s };
            assert_eq!(percent_decode(s), want, "{s}");
        }
    }

    #[test]
    fn a_message_id_in_the_list_place_of_an_lwn_link_is_not_read_as_a_list() {
        for url in [
            "https://lwn.net/ml/x@y.org/z@w.org/",
            "https://www.lwn.net/ml/x@y.org/z@w.org/",
        ] {
            assert_eq!(message_id(url), None, "{url}");
        }
        assert_eq!(
            message_id("https://www.lwn.net/ml/linux-mm/z@w.org/").as_deref(),
            Some("z@w.org")
        );
    }
}

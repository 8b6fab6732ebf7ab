//! One spelling per article link, so snapshots of a feed written years apart name an article alike.

use super::FeedItem;

/// The canonical form of an item link: trimmed, host lowercased, and for
/// LWN (`lwn.net`, `www.lwn.net`) https, the bare host, no trailing `/rss`
/// (older feeds linked `/Articles/N/rss`) and `/Articles/N/` with its slash.
/// Other URLs keep their path, query and scheme as written: only LWN's
/// spellings are known to be equivalent.
pub fn normalise_link(url: &str) -> String {
    let url = url.trim();
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return url.to_string();
    }
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(host_end);
    // User names are case-sensitive; only what follows `@` is a host.
    let (user, host) = match authority.rsplit_once('@') {
        Some((user, host)) => (Some(user), host),
        None => (None, authority),
    };
    let mut host = host.to_ascii_lowercase();
    let lwn = matches!(
        host.as_str(),
        "lwn.net" | "www.lwn.net" | "lwn.net:80" | "lwn.net:443"
    );
    if !lwn {
        let user = user.map(|u| format!("{u}@")).unwrap_or_default();
        return format!("{scheme}://{user}{host}{tail}");
    }
    host = "lwn.net".to_string();
    let split = tail.find(['?', '#']).unwrap_or(tail.len());
    let (path, suffix) = tail.split_at(split);
    // Strip to a fixed point, so a normalised link normalises to itself
    // (`article_key` normalises again): `/1 /rss` is `/1/`, as is `/1/rss/rss`.
    let mut path = path.trim_end();
    while let Some(p) = path.strip_suffix("/rss") {
        path = p.trim_end();
    }
    let mut path = path.to_string();
    if is_article_path(&path) {
        path.push('/');
    }
    format!("https://{host}{path}{suffix}")
}

/// `/Articles/N` without its slash.
fn is_article_path(path: &str) -> bool {
    path.strip_prefix("/Articles/")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// What identifies an item's article across snapshots: its normalised link,
/// else its normalised guid; `None` when it has neither.
pub fn article_key(item: &FeedItem) -> Option<String> {
    let usable = |s: &Option<String>| s.as_deref().map(normalise_link).filter(|s| !s.is_empty());
    usable(&item.link).or_else(|| usable(&item.guid))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lwn_links_become_https_with_the_article_slash_and_no_rss_suffix() {
        for url in [
            "http://lwn.net/Articles/937239/rss",
            "https://lwn.net/Articles/937239",
            " https://LWN.net/Articles/937239/ ",
            "http://www.lwn.net/Articles/937239/rss",
            "https://lwn.net/Articles/937239/",
        ] {
            assert_eq!(
                normalise_link(url),
                "https://lwn.net/Articles/937239/",
                "{url}"
            );
        }
    }

    /// Found by the fuzz target (issue 18): space before `/rss`, or `/rss`
    /// twice, gave a link that normalised to another one.
    #[test]
    fn a_normalised_link_normalises_to_itself() {
        for url in [
            "http://lwn.net/Articles/1\t/rss",
            "http://lwn.net/Articles/1- /rss",
            "https://lwn.net/Articles/1/rss/rss",
            "https://lwn.net/rss/rss",
            "https://lwn.net/Articles/1 ?a",
        ] {
            let once = normalise_link(url);
            assert_eq!(normalise_link(&once), once, "{url:?}");
        }
        assert_eq!(
            normalise_link("http://lwn.net/Articles/1\t/rss"),
            "https://lwn.net/Articles/1/"
        );
    }

    #[test]
    fn lwn_query_and_fragment_are_kept_after_the_slash() {
        assert_eq!(
            normalise_link("http://lwn.net/Articles/5#Comments"),
            "https://lwn.net/Articles/5/#Comments"
        );
        assert_eq!(
            normalise_link("https://lwn.net/ml/all/a@b.org/"),
            "https://lwn.net/ml/all/a@b.org/"
        );
    }

    #[test]
    fn other_hosts_only_lose_host_case_and_surrounding_space() {
        assert_eq!(
            normalise_link(" http://Example.ORG/Blog/rss?A=B "),
            "http://example.org/Blog/rss?A=B"
        );
        assert_eq!(
            normalise_link("https://User@Git.Kernel.org/linus/abc"),
            "https://User@git.kernel.org/linus/abc"
        );
        assert_eq!(
            normalise_link("tag:lwn.net,2026:Article/1"),
            "tag:lwn.net,2026:Article/1"
        );
        assert_eq!(normalise_link("mailto:X@Y"), "mailto:X@Y");
    }

    #[test]
    fn article_key_prefers_the_link_then_the_guid() {
        let mut item = FeedItem {
            title: "t".into(),
            link: Some("http://lwn.net/Articles/1/rss".into()),
            guid: Some("https://lwn.net/Articles/2/".into()),
            ..FeedItem::default()
        };
        assert_eq!(
            article_key(&item).as_deref(),
            Some("https://lwn.net/Articles/1/")
        );
        item.link = Some("  ".into());
        assert_eq!(
            article_key(&item).as_deref(),
            Some("https://lwn.net/Articles/2/")
        );
        item.guid = None;
        assert_eq!(article_key(&item), None);
    }
}

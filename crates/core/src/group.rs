//! Posts grouped under their kernel release, newest release first.

use std::cmp::Reverse;

use crate::version::KernelVersion;
use crate::{Bundle, Post};

/// One release's posts. `release` is `None` for posts that name no release.
#[derive(Debug, Clone, PartialEq)]
pub struct ReleaseGroup<'a> {
    pub release: Option<&'a str>,
    pub posts: Vec<&'a Post>,
}

/// Groups every post by release, newest release first (exact kernel order),
/// posts within a group newest first, and the release-less group last.
pub fn posts_by_release(bundle: &Bundle) -> Vec<ReleaseGroup<'_>> {
    let mut groups: Vec<ReleaseGroup<'_>> = Vec::new();
    let mut sorted: Vec<&Post> = bundle.posts.iter().collect();
    // Newest release first; unparseable or missing releases below every version.
    sorted.sort_by_cached_key(|p| {
        let version = p
            .release
            .as_deref()
            .and_then(|r| r.parse::<KernelVersion>().ok());
        (Reverse(version), Reverse(p.release.clone()))
    });
    for post in sorted {
        match groups.last_mut() {
            Some(g) if g.release == post.release.as_deref() => g.posts.push(post),
            _ => groups.push(ReleaseGroup {
                release: post.release.as_deref(),
                posts: vec![post],
            }),
        }
    }
    // The sort is stable, so posts keep the bundle's newest-first order within a group.
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ReleaseSource, FORMAT_VERSION};

    fn post(id: &str, release: Option<&str>) -> Post {
        Post {
            charts: vec![],
            id: id.into(),
            path: format!("{id}.md"),
            title: id.into(),
            date: None,
            release: release.map(Into::into),
            release_source: ReleaseSource::Title,
            cycle: None,
            lang: "en".into(),
            tags: vec![],
            categories: vec![],
            preamble: String::new(),
            entries: vec![],
        }
    }

    #[test]
    fn groups_in_kernel_order_with_unreleased_last() {
        let bundle = Bundle {
            format_version: FORMAT_VERSION,
            generator: "t".into(),
            posts: vec![
                post("a", Some("v6.9")),
                post("intro", None),
                post("b", Some("v6.10-rc1")),
                post("c", Some("v6.9")),
                post("d", Some("v6.9-rc7")),
            ],
            releases: vec![],
            subsystems: vec![],
            warnings: vec![],
        };
        let groups = posts_by_release(&bundle);
        let shape: Vec<_> = groups
            .iter()
            .map(|g| {
                (
                    g.release,
                    g.posts.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                (Some("v6.10-rc1"), vec!["b"]),
                (Some("v6.9"), vec!["a", "c"]),
                (Some("v6.9-rc7"), vec!["d"]),
                (None, vec!["intro"]),
            ]
        );
    }
}

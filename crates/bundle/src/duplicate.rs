//! The same post in two places, and the same entry twice in one post: each bundled once.
//!
//! A blog that moved its Korean posts under `ko/` kept some at the root too
//! (six byte-identical pairs in the 105 real posts of ../shared), so every
//! search hit came twice. A copy is the same post when its title, date,
//! preamble and entries (headings and bodies) are the same; only one is
//! bundled, and the other's id is kept in the bundled post's `also`, so a
//! permalink shared before still opens it. Which one is kept: the copy whose
//! place agrees with its language (a Korean post under `ko/`, an English one
//! outside it), else the first by path. Inside one post, an entry with the
//! heading and the message-id of an earlier one is the same entry written
//! twice, and is left out.

use std::collections::HashMap;

use kernel_news_core::{b4, Post};

/// What [`fold`] left out, for warnings: `(dropped path, kept path)` for a
/// post, `(path, line of the repeat, line of the first)` for an entry.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Folded {
    pub posts: Vec<(String, String)>,
    pub entries: Vec<(String, u32, u32)>,
}

/// [`fold`] over the posts from `start` on (one content root's), in place.
pub fn fold_from(posts: &mut Vec<Post>, start: usize) -> Folded {
    let mut these = posts.split_off(start);
    let folded = fold(&mut these);
    posts.append(&mut these);
    folded
}

/// Leaves out copies of posts and repeated entries, in place.
pub fn fold(posts: &mut Vec<Post>) -> Folded {
    let mut folded = Folded::default();
    for post in posts.iter_mut() {
        folded.entries.extend(fold_entries(post));
    }
    // Keyed by a hash of the content, so no post's text is copied; posts
    // whose hashes meet are compared in full.
    let mut first: HashMap<u64, Vec<usize>> = HashMap::new();
    let mut keep = vec![true; posts.len()];
    for i in 0..posts.len() {
        let seen = first.entry(content_hash(&posts[i])).or_default();
        let Some(slot) = seen
            .iter()
            .position(|&j| same_content(&posts[i], &posts[j]))
        else {
            seen.push(i);
            continue;
        };
        let j = seen[slot];
        let (kept, dropped) = match at_home(&posts[i]) && !at_home(&posts[j]) {
            true => (i, j),
            false => (j, i),
        };
        keep[dropped] = false;
        seen[slot] = kept;
        let id = posts[dropped].id.clone();
        let also = std::mem::take(&mut posts[dropped].also);
        posts[kept].also.extend(std::iter::once(id).chain(also));
        folded
            .posts
            .push((posts[dropped].path.clone(), posts[kept].path.clone()));
    }
    let mut flags = keep.into_iter();
    posts.retain(|_| flags.next().unwrap_or(true));
    for post in posts.iter_mut() {
        post.also.sort();
    }
    folded
}

/// What makes two posts one: title, date, preamble, and each entry's heading and body.
fn content_hash(p: &Post) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (&p.title, &p.date, &p.preamble).hash(&mut h);
    p.entries
        .iter()
        .for_each(|e| (&e.title, &e.body).hash(&mut h));
    h.finish()
}

fn same_content(a: &Post, b: &Post) -> bool {
    (a.title == b.title && a.date == b.date && a.preamble == b.preamble)
        && a.entries.len() == b.entries.len()
        && (a.entries.iter().zip(&b.entries)).all(|(x, y)| x.title == y.title && x.body == y.body)
}

/// A Korean post under `ko/`, or any other outside it.
fn at_home(p: &Post) -> bool {
    p.path.starts_with("ko/") == (p.lang == "ko")
}

fn fold_entries(post: &mut Post) -> Vec<(String, u32, u32)> {
    let mut seen: HashMap<(String, String), u32> = HashMap::new();
    let mut repeats = Vec::new();
    post.entries.retain(|e| {
        let Some(id) = b4::message_id(e) else {
            return true;
        };
        match seen.get(&(e.title.clone(), id.clone())) {
            Some(&line) => {
                repeats.push((post.path.clone(), e.line, line));
                false
            }
            None => {
                seen.insert((e.title.clone(), id), e.line);
                true
            }
        }
    });
    if !repeats.is_empty() {
        for (i, e) in post.entries.iter_mut().enumerate() {
            e.position = i as u32;
        }
    }
    repeats
}

#[cfg(test)]
mod tests {
    use super::*;
    use kernel_news_core::Entry;

    fn post(path: &str, lang: &str, entries: &[(&str, &str)]) -> Post {
        Post {
            id: kernel_news_core::ids::post_id(path),
            path: path.into(),
            title: "LKML News v4.15-rc1".into(),
            date: Some("2017-11-26T10:00:00+01:00".into()),
            lang: lang.into(),
            entries: (entries.iter().enumerate())
                .map(|(i, (title, body))| Entry {
                    title: title.to_string(),
                    body: body.to_string(),
                    line: 10 * (i as u32 + 1),
                    ..Entry::default()
                })
                .collect(),
            ..Post::default()
        }
    }

    const A: (&str, &str) = ("[PATCH] mm: a", "https://lkml.kernel.org/r/a@b");

    #[test]
    fn a_korean_post_at_the_root_and_under_ko_is_kept_under_ko_and_its_other_id_kept() {
        let mut next_week = post("lkml_news_v4.15-rc2.md", "en", &[A]);
        next_week.title = "LKML News v4.15-rc2".into();
        let mut posts = vec![
            post("lkml_news_v4.15-rc1.md", "ko", &[A]),
            post("ko/lkml_news_v4.15-rc1.md", "ko", &[A]),
            next_week,
        ];
        let folded = fold(&mut posts);
        let paths: Vec<&str> = posts.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            ["ko/lkml_news_v4.15-rc1.md", "lkml_news_v4.15-rc2.md"]
        );
        assert_eq!(posts[0].also, ["lkml-news-v4.15-rc1"]);
        assert_eq!(
            folded.posts,
            [(
                "lkml_news_v4.15-rc1.md".to_string(),
                "ko/lkml_news_v4.15-rc1.md".to_string()
            )]
        );
    }

    #[test]
    fn of_two_copies_both_at_home_or_both_away_the_first_is_kept() {
        for (first, second) in [("a.md", "b.md"), ("ko/a.md", "ko/b.md")] {
            let mut posts = vec![post(first, "en", &[A]), post(second, "en", &[A])];
            let folded = fold(&mut posts);
            assert_eq!(posts.len(), 1);
            assert_eq!(posts[0].path, first);
            assert_eq!(folded.posts, [(second.to_string(), first.to_string())]);
        }
    }

    #[test]
    fn fold_from_folds_only_the_posts_from_its_start_and_keeps_those_before() {
        let mut posts = vec![
            post("old/a.md", "en", &[A]),
            post("new/a.md", "en", &[A]),
            post("new/b.md", "en", &[A]),
        ];
        let folded = fold_from(&mut posts, 1);
        let paths: Vec<&str> = posts.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["old/a.md", "new/a.md"]);
        assert_eq!(
            folded.posts,
            [("new/b.md".to_string(), "new/a.md".to_string())]
        );
    }

    #[test]
    fn same_content_needs_every_part_equal() {
        let base = post("a.md", "en", &[A, ("[PATCH] mm: b", "x")]);
        assert!(same_content(&base, &base.clone()));
        let mut other = base.clone();
        other.path = "b.md".into();
        other.lang = "ko".into();
        assert!(
            same_content(&base, &other),
            "path and language are no content"
        );
        let changes: [fn(&mut Post); 6] = [
            |p| p.title.push('!'),
            |p| p.date = None,
            |p| p.preamble.push('x'),
            |p| p.entries.truncate(1),
            |p| p.entries[1].title.push('!'),
            |p| p.entries[1].body.push('!'),
        ];
        for (i, change) in changes.iter().enumerate() {
            let mut other = base.clone();
            change(&mut other);
            assert!(!same_content(&base, &other), "change {i}");
            assert!(!same_content(&other, &base), "change {i}, swapped");
        }
    }

    #[test]
    fn copies_that_differ_in_an_entry_are_two_posts() {
        let mut posts = vec![
            post("a.md", "en", &[A]),
            post("b.md", "en", &[A, ("[PATCH] mm: b", "x")]),
        ];
        assert_eq!(fold(&mut posts), Folded::default());
        assert_eq!(posts.len(), 2);
    }

    #[test]
    fn an_entry_repeated_with_its_message_id_is_one_entry_and_one_without_an_id_stays() {
        let repeated = (
            "[PATCH] mm: a",
            "https://lkml.kernel.org/r/a@b\n\nSecond copy.",
        );
        let no_id = ("Notes", "no link");
        let mut posts = vec![post("a.md", "en", &[A, no_id, repeated, no_id])];
        let folded = fold(&mut posts);
        let titles: Vec<&str> = posts[0].entries.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["[PATCH] mm: a", "Notes", "Notes"]);
        assert_eq!(posts[0].entries[2].position, 2);
        assert_eq!(folded.entries, [("a.md".to_string(), 30, 10)]);
    }
}

//! Stable, URL-readable ids for posts and entries.
//!
//! A post id depends only on its path and an entry id only on its post and its
//! own title (plus its rank among same-titled entries of that post), so adding or
//! editing other posts never changes an id.

use std::collections::{HashMap, HashSet};

/// Lowercase letters and digits of any script, with runs of anything else
/// collapsed to one `-`; `.` is kept between digits so versions stay readable.
pub fn slug(text: &str, max_len: usize) -> String {
    slug_cut(text, max_len, Cut::Chars)
}

/// How a long slug finds the word boundary it is cut back to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cut {
    /// At the last `-` past half of `max_len` characters.
    Chars,
    /// At the last `-` past half of `max_len` *bytes*: the rule before ids
    /// counted characters, which cut multi-byte (Korean) slugs short. Kept
    /// only so permalinks shared then still resolve.
    LegacyBytes,
}

fn slug_cut(text: &str, max_len: usize, cut: Cut) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut len = 0;
    for (i, &c) in chars.iter().enumerate() {
        let keep_dot = c == '.'
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_alphanumeric() || keep_dot {
            for lower in c.to_lowercase() {
                out.push(lower);
                len += 1;
            }
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
            len += 1;
        }
        if len >= max_len {
            break;
        }
    }
    // Cut back to a word boundary rather than mid-word, when there is one.
    if len >= max_len {
        if let Some(i) = out.rfind('-') {
            let before = match cut {
                Cut::Chars => out[..i].chars().count(),
                Cut::LegacyBytes => i,
            };
            if before > max_len / 2 {
                out.truncate(i);
            }
        }
    }
    let trimmed = out.trim_matches('-');
    if trimmed.is_empty() {
        "untitled".to_string()
    } else {
        trimmed.to_string()
    }
}

/// The id of a post at `rel_path` (its extension dropped).
pub fn post_id(rel_path: &str) -> String {
    slug_cut(stem(rel_path), POST_SLUG_LEN, Cut::Chars)
}

/// [`post_id`] as the rule before the fix made it (see [`Cut::LegacyBytes`]):
/// the same id except for some stems of 120 characters or more.
pub fn legacy_post_id(rel_path: &str) -> String {
    slug_cut(stem(rel_path), POST_SLUG_LEN, Cut::LegacyBytes)
}

fn stem(rel_path: &str) -> &str {
    rel_path
        .rsplit_once('.')
        .filter(|(_, ext)| !ext.contains('/'))
        .map_or(rel_path, |(s, _)| s)
}

/// Gives each entry of `post` its id, `<post id>/<title slug>`, and its
/// position. The bundler and the loader both call this, so ids need not be
/// stored in the bundle and a permalink means the same entry on both sides.
pub fn assign_entries(post: &mut crate::Post) {
    let slugs = entry_slugs(post, Cut::Chars);
    for (position, (entry, slug)) in post.entries.iter_mut().zip(slugs).enumerate() {
        entry.id = format!("{}/{slug}", post.id);
        entry.position = position as u32;
    }
}

/// The slug part of each entry id of `post` (after `<post id>/`), in entry
/// order, as the rule before the fix made them (see [`Cut::LegacyBytes`]):
/// what a permalink shared then holds. Only long Korean titles differ.
pub fn legacy_entry_slugs(post: &crate::Post) -> Vec<String> {
    entry_slugs(post, Cut::LegacyBytes)
}

/// Title slugs numbered among the post's own: the rank among same-slugged
/// entries is part of the id, so both rules must number the same way.
fn entry_slugs(post: &crate::Post, cut: Cut) -> Vec<String> {
    let mut unique = Unique::default();
    (post.entries.iter())
        .map(|e| unique.claim(slug_cut(&e.title, ENTRY_SLUG_LEN, cut)))
        .collect()
}

/// Post ids are cut at about this many characters.
const POST_SLUG_LEN: usize = 120;

/// Entry slugs are cut at about this many characters.
const ENTRY_SLUG_LEN: usize = 60;

/// Hands out ids, adding `-2`, `-3` ... to repeats in order of arrival.
#[derive(Debug, Default)]
pub struct Unique {
    taken: HashSet<String>,
    next: HashMap<String, u32>,
}

impl Unique {
    pub fn claim(&mut self, base: String) -> String {
        let mut n = self.next.get(&base).copied().unwrap_or(1);
        loop {
            let candidate = if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            n += 1;
            // A generated `x-2` may collide with a real title slugged `x-2`.
            if self.taken.insert(candidate.clone()) {
                self.next.insert(base, n);
                return candidate;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_keeps_versions_readable() {
        assert_eq!(
            post_id("ko/lkml_news_v4.15-rc1.md"),
            "ko-lkml-news-v4.15-rc1"
        );
        assert_eq!(
            slug("[RFC PATCH v3 0/9] mm, bpf: Add BPF into /proc/meminfo", 80),
            "rfc-patch-v3-0-9-mm-bpf-add-bpf-into-proc-meminfo"
        );
    }

    #[test]
    fn slug_keeps_hangul_and_never_returns_empty() {
        assert_eq!(slug("메모리 관리", 40), "메모리-관리");
        assert_eq!(slug("...", 40), "untitled");
    }

    #[test]
    fn long_titles_are_cut_at_a_word_boundary() {
        let s = slug("alpha beta gamma delta epsilon zeta", 20);
        assert_eq!(s, "alpha-beta-gamma");
    }

    #[test]
    fn a_cut_keeps_the_whole_run_when_the_last_break_is_at_half_or_before() {
        // The break sits at exactly half of 10: cutting back to it would
        // lose half the slug, so the run is kept as cut.
        assert_eq!(slug("abcde fghijkl", 10), "abcde-fghi");
        assert_eq!(slug("abcdef ghijkl", 10), "abcdef");
    }

    #[test]
    fn a_dot_is_kept_only_between_two_digits() {
        assert_eq!(slug("Linux 6. Released", 40), "linux-6-released");
        assert_eq!(slug("fix .5 and 6.8", 40), "fix-5-and-6.8");
    }

    fn post_titled(id: &str, titles: &[&str]) -> crate::Post {
        let entry = |title: &&str| crate::Entry {
            id: String::new(),
            title: title.to_string(),
            kind: crate::EntryKind::Other,
            patch_version: None,
            series: None,
            tree: None,
            subsystems: vec![],
            authors: vec![],
            body: String::new(),
            position: 0,
            line: 1,
            charts: vec![],
            ..Default::default()
        };
        crate::Post {
            id: id.into(),
            path: format!("{id}.md"),
            title: id.into(),
            date: None,
            release: None,
            release_source: crate::ReleaseSource::None,
            cycle: None,
            lang: "ko".into(),
            tags: vec![],
            categories: vec![],
            preamble: String::new(),
            entries: titles.iter().map(entry).collect(),
            charts: vec![],
            ..Default::default()
        }
    }

    /// A 15-syllable word, then a long one: the last `-` is 15 characters
    /// (45 bytes) in, under half of 60 characters but over half of 60 bytes.
    fn long_korean_title(tail: char) -> String {
        format!(
            "가나다라마바사아자차카타파하거 {}",
            tail.to_string().repeat(50)
        )
    }

    #[test]
    fn korean_slugs_are_cut_by_characters_not_bytes() {
        let title = long_korean_title('너');
        let s = slug(&title, 60);
        assert_eq!(s.chars().count(), 60, "{s}");
        assert!(s.starts_with("가나다라마바사아자차카타파하거-너"), "{s}");
        // The old rule cut it back to the first word.
        assert_eq!(
            slug_cut(&title, 60, Cut::LegacyBytes),
            "가나다라마바사아자차카타파하거"
        );
    }

    #[test]
    fn the_legacy_rule_differs_only_where_bytes_and_characters_differ() {
        for title in [
            "alpha beta gamma delta epsilon zeta",
            "[PATCH v3 0/9] mm, bpf: Add BPF into /proc/meminfo and more words here",
            "메모리 관리",
        ] {
            for len in [20, 40, 60] {
                assert_eq!(slug_cut(title, len, Cut::LegacyBytes), slug(title, len));
            }
        }
        // 28 characters (78 bytes) to the last `-`, of a 120-character limit.
        let path = format!(
            "ko/가나다라마바사아자차카타파하거너더러머버서어저처커 {}.md",
            "너".repeat(130)
        );
        assert_ne!(legacy_post_id(&path), post_id(&path));
        assert_eq!(
            legacy_post_id("ko/lkml_news_v4.15-rc1.md"),
            "ko-lkml-news-v4.15-rc1"
        );
    }

    #[test]
    fn legacy_entry_slugs_number_repeats_as_the_old_rule_did() {
        let mut post = post_titled(
            "ko-news",
            &[
                &long_korean_title('너'),
                &long_korean_title('더'),
                "incoming",
            ],
        );
        assign_entries(&mut post);
        let ids: Vec<&str> = post.entries.iter().map(|e| e.id.as_str()).collect();
        assert!(ids[0].contains("거-너너너"), "{ids:?}");
        assert!(ids[1].contains("거-더더더"), "{ids:?}");
        assert_eq!(ids[2], "ko-news/incoming");
        // Cut to the same first word, the two once told apart only by rank.
        assert_eq!(
            legacy_entry_slugs(&post),
            [
                "가나다라마바사아자차카타파하거",
                "가나다라마바사아자차카타파하거-2",
                "incoming"
            ]
        );
    }

    #[test]
    fn repeats_get_numbered_in_order() {
        let mut u = Unique::default();
        assert_eq!(u.claim("incoming".into()), "incoming");
        assert_eq!(u.claim("incoming".into()), "incoming-2");
        assert_eq!(u.claim("incoming-2".into()), "incoming-2-2");
        assert_eq!(u.claim("incoming".into()), "incoming-3");
    }
}

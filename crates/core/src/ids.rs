//! Stable, URL-readable ids for posts and entries.
//!
//! A post id depends only on its path and an entry id only on its post and its
//! own title (plus its rank among same-titled entries of that post), so adding or
//! editing other posts never changes an id.

use std::collections::{HashMap, HashSet};

/// Lowercase letters and digits of any script, with runs of anything else
/// collapsed to one `-`; `.` is kept between digits so versions stay readable.
pub fn slug(text: &str, max_len: usize) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let keep_dot = c == '.'
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_alphanumeric() || keep_dot {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.chars().count() >= max_len {
            break;
        }
    }
    // Cut back to a word boundary rather than mid-word, when there is one.
    if out.chars().count() >= max_len {
        if let Some(i) = out.rfind('-') {
            if i > max_len / 2 {
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
    let stem = rel_path
        .rsplit_once('.')
        .filter(|(_, ext)| !ext.contains('/'))
        .map_or(rel_path, |(s, _)| s);
    slug(stem, 120)
}

/// Gives each entry of `post` its id, `<post id>/<title slug>`, and its
/// position. The bundler and the loader both call this, so ids need not be
/// stored in the bundle and a permalink means the same entry on both sides.
pub fn assign_entries(post: &mut crate::Post) {
    let mut unique = Unique::default();
    for (position, entry) in post.entries.iter_mut().enumerate() {
        let slug = unique.claim(slug(&entry.title, ENTRY_SLUG_LEN));
        entry.id = format!("{}/{slug}", post.id);
        entry.position = position as u32;
    }
}

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
    fn repeats_get_numbered_in_order() {
        let mut u = Unique::default();
        assert_eq!(u.claim("incoming".into()), "incoming");
        assert_eq!(u.claim("incoming".into()), "incoming-2");
        assert_eq!(u.claim("incoming-2".into()), "incoming-2-2");
        assert_eq!(u.claim("incoming".into()), "incoming-3");
    }
}

//! The subsystem mapping table (data/subsystems.tsv): prefixes and keywords to canonical ids.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use thiserror::Error;

const BUILTIN: &str = include_str!("../../../data/subsystems.tsv");

#[derive(Debug, Error, PartialEq, Eq)]
#[error("{path}:{line}: {found}; expected {expected}")]
pub struct TableError {
    pub path: String,
    pub line: usize,
    pub found: String,
    pub expected: &'static str,
}

/// Prefixes, keywords and display names, all keys lowercased.
#[derive(Debug, Clone, Default)]
pub struct SubsystemTable {
    names: BTreeMap<String, String>,
    prefixes: BTreeMap<String, Vec<String>>,
    keywords: Vec<(String, Vec<String>)>,
    ignored: HashSet<String>,
}

impl SubsystemTable {
    /// The table shipped in `data/subsystems.tsv`, compiled in.
    pub fn builtin() -> SubsystemTable {
        SubsystemTable::parse(BUILTIN, "data/subsystems.tsv")
            .expect("the shipped subsystem table is valid")
    }

    pub fn parse(text: &str, path: &str) -> Result<SubsystemTable, TableError> {
        let mut t = SubsystemTable::default();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').filter(|c| !c.is_empty()).collect();
            let err = |found: String, expected| TableError {
                path: path.into(),
                line: i + 1,
                found,
                expected,
            };
            let ids = |s: &str| -> Vec<String> {
                s.split(',')
                    .map(|x| x.trim().to_string())
                    .filter(|x| !x.is_empty())
                    .collect()
            };
            match cols.as_slice() {
                ["name", id, display] => {
                    t.names.insert(id.to_string(), display.to_string());
                }
                ["prefix", p, list] => {
                    t.prefixes.insert(p.to_lowercase(), ids(list));
                }
                ["keyword", w, list] => t.keywords.push((w.to_lowercase(), ids(list))),
                ["ignore", p] => {
                    t.ignored.insert(p.to_lowercase());
                }
                [kind, ..] if !["name", "prefix", "keyword", "ignore"].contains(kind) => {
                    return Err(err(
                        format!("unknown row kind `{kind}`"),
                        "name, prefix, keyword or ignore",
                    ))
                }
                _ => return Err(err(
                    format!("{} tab-separated columns", cols.len()),
                    "`name ID DISPLAY`, `prefix PREFIX IDS`, `keyword WORD IDS` or `ignore PREFIX`",
                )),
            }
        }
        Ok(t)
    }

    /// Ids for a subject prefix such as `mm/damon/core` or `KVM`: the longest
    /// known leading path wins; an unknown prefix is its own id; an ignored one is none.
    pub fn for_prefix(&self, prefix: &str) -> Vec<String> {
        let p = prefix.trim().trim_matches('/').to_lowercase();
        if p.is_empty() || self.ignored.contains(&p) {
            return Vec::new();
        }
        let mut path = p.as_str();
        loop {
            if let Some(ids) = self.prefixes.get(path) {
                return ids.clone();
            }
            match path.rfind('/') {
                Some(i) => path = &path[..i],
                None => return vec![p],
            }
        }
    }

    /// Ids only when the prefix is known (tree tags like `net-next` -> `net`).
    pub fn known_prefix(&self, prefix: &str) -> Option<Vec<String>> {
        self.prefixes.get(&prefix.to_lowercase()).cloned()
    }

    /// Ids of every table keyword found as a whole word (or phrase) in `text`.
    pub fn for_keywords(&self, text: &str) -> Vec<String> {
        let lower = text.to_lowercase();
        self.keywords
            .iter()
            .filter(|(w, _)| contains_word(&lower, w))
            .flat_map(|(_, ids)| ids.iter().cloned())
            .collect()
    }

    pub fn display_name(&self, id: &str) -> String {
        self.names
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }

    pub fn names(&self) -> impl Iterator<Item = (&str, &str)> {
        self.names.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

pub fn contains_word(haystack: &str, word: &str) -> bool {
    haystack.match_indices(word).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + word.len()..].chars().next();
        !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
    })
}

/// Sorted, deduplicated ids with every ancestor added (`mm/damon` brings `mm`).
pub fn with_ancestors(ids: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut set = BTreeSet::new();
    for id in ids {
        let mut cut = id.as_str();
        while let Some(i) = cut.rfind('/') {
            cut = &cut[..i];
            set.insert(cut.to_string());
        }
        set.insert(id);
    }
    set.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_known_prefix_wins_and_unknown_is_kept() {
        let t = SubsystemTable::builtin();
        assert_eq!(t.for_prefix("mm/damon/core"), ["mm/damon"]);
        assert_eq!(t.for_prefix("x86/mm"), ["arch/x86", "mm"]);
        assert_eq!(t.for_prefix("x86/boot"), ["arch/x86"]);
        assert_eq!(t.for_prefix("KVM"), ["kvm"]);
        assert_eq!(t.for_prefix("frobnicator/core"), ["frobnicator/core"]);
        assert!(t.for_prefix("PROBLEM").is_empty());
    }

    #[test]
    fn keywords_match_whole_words_only() {
        let t = SubsystemTable::builtin();
        assert!(t
            .for_keywords("Enable THP for anon")
            .contains(&"mm/thp".to_string()));
        assert!(t
            .for_keywords("zswap: shrink")
            .contains(&"mm/zswap".to_string()));
        assert!(!t
            .for_keywords("swapper idle")
            .contains(&"mm/swap".to_string()));
        assert!(t
            .for_keywords("Improving the page allocator")
            .contains(&"mm/page_alloc".to_string()));
    }

    #[test]
    fn ancestors_are_implied() {
        let ids = with_ancestors([
            "mm/damon".to_string(),
            "arch/x86".to_string(),
            "mm".to_string(),
        ]);
        assert_eq!(ids, ["arch", "arch/x86", "mm", "mm/damon"]);
    }

    #[test]
    fn bad_rows_name_the_line() {
        let err = SubsystemTable::parse("name\tmm\tMM\nprefix\tonly-two\n", "t.tsv").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(
            err.to_string()
                .starts_with("t.tsv:2: 2 tab-separated columns"),
            "{err}"
        );
        let err = SubsystemTable::parse("alias\tx\ty\n", "t.tsv").unwrap_err();
        assert!(
            err.to_string().contains("unknown row kind `alias`"),
            "{err}"
        );
    }

    #[test]
    fn every_id_used_by_a_row_has_a_display_name() {
        let t = SubsystemTable::builtin();
        for ids in t
            .prefixes
            .values()
            .chain(t.keywords.iter().map(|(_, ids)| ids))
        {
            for id in with_ancestors(ids.iter().cloned()) {
                assert!(t.names.contains_key(&id), "no `name` row for {id}");
            }
        }
    }
}

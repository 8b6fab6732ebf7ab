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
    /// One searcher per keyword, built once: making one per keyword and
    /// heading was a tenth of bundling 100k entries.
    finders: Vec<memchr::memmem::Finder<'static>>,
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
                ["keyword", w, list] => {
                    let w = w.to_lowercase();
                    t.finders
                        .push(memchr::memmem::Finder::new(w.as_bytes()).into_owned());
                    t.keywords.push((w, ids(list)));
                }
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

    /// Ids for a subject prefix such as `mm/damon/core` or `KVM` (see [`Self::read_prefix`]).
    pub fn for_prefix(&self, prefix: &str) -> Vec<String> {
        match self.read_prefix(prefix) {
            PrefixReading::Known(ids) | PrefixReading::Alias(ids) => ids,
            PrefixReading::Own(id) => vec![id],
            PrefixReading::Dropped(_) => Vec::new(),
        }
    }

    /// How a subject prefix is read: the longest known leading path of its
    /// prefix rows wins (a file name's extension aside: `mm/page_alloc.c` is
    /// mm/page_alloc); else a word the keyword rows know is that keyword's
    /// subsystem (`folios:` is mm/folio, as `folios` in a subject is); else
    /// a tag-position word (`RFC:`), a commit id (a regression report's
    /// `96db82a66d:`) or a file of no known subsystem (`coding-style.rst:`)
    /// names none; anything else is its own id, lowercased, never dropped.
    pub fn read_prefix(&self, prefix: &str) -> PrefixReading {
        let p = prefix.trim().trim_matches('/').to_lowercase();
        if p.is_empty() || self.ignored.contains(&p) {
            return PrefixReading::Dropped(Dropped::NoSubsystem);
        }
        if is_commit_id(&p) {
            return PrefixReading::Dropped(Dropped::CommitId);
        }
        let (path, file) = match file_stem(&p) {
            Some(stem) => (stem, true),
            None => (p.as_str(), false),
        };
        let mut at = path;
        loop {
            if let Some(ids) = self.prefixes.get(at) {
                // The full spelling mapped to another id is an alias; a
                // longer path under a known one (`mm/damon/core`) is not.
                let alias = at == p && ids.iter().all(|id| *id != p);
                return match alias {
                    true => PrefixReading::Alias(ids.clone()),
                    false => PrefixReading::Known(ids.clone()),
                };
            }
            match at.rfind('/') {
                Some(i) => at = &at[..i],
                None => break,
            }
        }
        if let Some((_, ids)) = self.keywords.iter().find(|(w, _)| *w == path) {
            return PrefixReading::Alias(ids.clone());
        }
        match file {
            true => PrefixReading::Dropped(Dropped::FileName),
            false => PrefixReading::Own(p),
        }
    }

    /// Ids only when the prefix is known (tree tags like `net-next` -> `net`).
    pub fn known_prefix(&self, prefix: &str) -> Option<Vec<String>> {
        self.prefixes.get(&prefix.to_lowercase()).cloned()
    }

    /// Ids of every table keyword found as a whole word (or phrase) in `text`.
    pub fn for_keywords(&self, text: &str) -> Vec<String> {
        let lower = text.to_lowercase();
        (self.keywords.iter().zip(&self.finders))
            .filter(|(_, f)| {
                (f.find_iter(lower.as_bytes())).any(|i| is_word_at(&lower, i, f.needle().len()))
            })
            .flat_map(|((_, ids), _)| ids.iter().cloned())
            .collect()
    }

    pub fn display_name(&self, id: &str) -> String {
        self.names
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }
}

/// What [`SubsystemTable::read_prefix`] made of a prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrefixReading {
    /// As spelt, or a path under a known prefix.
    Known(Vec<String>),
    /// Another spelling of these ids (`folios` -> mm/folio, `vmscan` -> mm/reclaim).
    Alias(Vec<String>),
    /// Unknown to the table: kept as its own id.
    Own(String),
    Dropped(Dropped),
}

/// Why a prefix names no subsystem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dropped {
    /// A word of the table's `ignore` rows (`RFC`, `PROBLEM`, `Re`).
    NoSubsystem,
    /// A commit id, as regression reports start: `96db82a66d: ...`.
    CommitId,
    /// A file of no known subsystem: `coding-style.rst` (`madvise.2` is mm's, by its keyword).
    FileName,
}

/// Seven to forty hex digits with a digit among them: an abbreviated or full commit id.
fn is_commit_id(p: &str) -> bool {
    (7..=40).contains(&p.len())
        && p.bytes().all(|b| b.is_ascii_hexdigit())
        && p.bytes().any(|b| b.is_ascii_digit())
}

/// `mm/page_alloc.c` -> `mm/page_alloc`: a last path part with a short extension is a file.
fn file_stem(p: &str) -> Option<&str> {
    let last = p.rsplit('/').next().unwrap_or(p);
    let (stem, ext) = last.rsplit_once('.')?;
    let file = !stem.is_empty()
        && (1..=4).contains(&ext.len())
        && ext.bytes().all(|b| b.is_ascii_alphanumeric());
    file.then(|| &p[..p.len() - ext.len() - 1])
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

pub fn contains_word(haystack: &str, word: &str) -> bool {
    (haystack.match_indices(word)).any(|(i, _)| is_word_at(haystack, i, word.len()))
}

/// Whether `haystack[i..i + len]` (a match) stands between non-word characters.
fn is_word_at(haystack: &str, i: usize, len: usize) -> bool {
    let before = haystack[..i].chars().next_back();
    let after = haystack[i + len..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
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
    fn other_spellings_are_aliases_and_paths_under_a_known_prefix_are_not() {
        let t = SubsystemTable::builtin();
        let alias = |p: &str| match t.read_prefix(p) {
            PrefixReading::Alias(ids) => ids,
            other => panic!("{p}: {other:?}"),
        };
        assert_eq!(alias("folios"), ["mm/folio"]);
        assert_eq!(alias("folio"), ["mm/folio"]);
        assert_eq!(alias("vmscan"), ["mm/reclaim"]);
        assert_eq!(alias("page_alloc"), ["mm/page_alloc"]);
        assert_eq!(alias("khugepaged"), ["mm/thp"]);
        assert_eq!(alias("ksm"), ["mm/ksm"]);
        assert_eq!(
            t.read_prefix("mm/damon/core"),
            PrefixReading::Known(vec!["mm/damon".into()])
        );
        assert_eq!(t.read_prefix("mm"), PrefixReading::Known(vec!["mm".into()]));
        assert_eq!(
            t.read_prefix("mm/page_alloc.c"),
            PrefixReading::Known(vec!["mm/page_alloc".into()])
        );
    }

    #[test]
    fn tag_words_commit_ids_and_unknown_files_name_no_subsystem() {
        let t = SubsystemTable::builtin();
        for (p, why) in [
            ("RFC", Dropped::NoSubsystem),
            ("PROPOSAL", Dropped::NoSubsystem),
            ("Reminder", Dropped::NoSubsystem),
            ("categories", Dropped::NoSubsystem),
            ("96db82a66d", Dropped::CommitId),
            ("d4148aeab4", Dropped::CommitId),
            ("coding-style.rst", Dropped::FileName),
            ("submitting-patches.rst", Dropped::FileName),
        ] {
            assert_eq!(t.read_prefix(p), PrefixReading::Dropped(why), "{p}");
        }
        // A man page of a known word is that word's subsystem, not a file's.
        assert_eq!(
            t.read_prefix("madvise.2"),
            PrefixReading::Alias(vec!["mm".into()])
        );
        // Short hex words and numbered drivers are no commit ids; a version is no file.
        assert_eq!(t.read_prefix("8250"), PrefixReading::Own("8250".into()));
        assert_eq!(t.read_prefix("cafe"), PrefixReading::Own("cafe".into()));
        assert!(!matches!(t.read_prefix("ext4"), PrefixReading::Dropped(_)));
    }

    #[test]
    fn a_dot_word_with_a_long_extension_or_no_stem_is_no_file() {
        let t = SubsystemTable::builtin();
        assert_eq!(
            t.read_prefix("coding-style.markdown"),
            PrefixReading::Own("coding-style.markdown".into())
        );
        assert_eq!(t.read_prefix(".git"), PrefixReading::Own(".git".into()));
        assert_eq!(
            t.read_prefix("coding-style.md"),
            PrefixReading::Dropped(Dropped::FileName)
        );
    }

    #[test]
    fn display_names_come_from_the_name_rows_and_unknown_ids_stay_as_written() {
        let t = SubsystemTable::builtin();
        assert_eq!(t.display_name("mm"), "Memory management");
        assert_eq!(t.display_name("mm/damon"), "DAMON");
        assert_eq!(t.display_name("frobnicator"), "frobnicator");
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

//! The author map: other spellings of a person's name, in the format of the kernel's `.mailmap`.
//!
//! Posts are typed by hand, so one person appears as "Mattew Wilcox" in one
//! week and "Matthew Wilcox" in the next, and the author facet and `a:` split
//! them. The kernel solves the same problem for git with `.mailmap`
//! (gitmailmap(5)), so the map here is written the same way and a line can be
//! copied from the kernel's own file:
//!
//! ```text
//! Proper Name <proper@address>                          # the name for this address
//! Proper Name <proper@address> Other Name <other@address> # Other Name is Proper Name
//! Proper Name <proper@address> <other@address>           # so is anyone at other@address
//! ```
//!
//! Headings name people without addresses, so a line's "Other Name" matches
//! a heading's name whatever the address (without case); each line's proper
//! address also names its person for [`kernel_news_core::sender`], which reads
//! the addresses in message-ids.

use std::collections::BTreeMap;

use kernel_news_core::Bundle;

const BUILTIN: &str = include_str!("../../../data/mailmap");

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}:{line}: {message}; expected `Proper Name <address>`, optionally followed by `Other Name <address>` or `<address>`")]
pub struct MailmapError {
    pub source_name: String,
    pub line: usize,
    pub message: String,
}

#[derive(Debug, Clone, Default)]
pub struct Mailmap {
    /// Other spelling, lowercased -> proper name.
    names: BTreeMap<String, String>,
    /// Address, lowercased -> proper name.
    addresses: BTreeMap<String, String>,
}

/// What folding changed, for the summary line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    /// Distinct spellings replaced by their proper name.
    pub spellings: usize,
    /// Entries with at least one name replaced.
    pub entries: usize,
}

impl Mailmap {
    /// The map shipped in `data/mailmap`.
    pub fn builtin() -> Mailmap {
        Mailmap::parse("data/mailmap", BUILTIN).expect("the shipped data/mailmap parses")
    }

    pub fn parse(source_name: &str, text: &str) -> Result<Mailmap, MailmapError> {
        let mut map = Mailmap::default();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let error = |message: String| MailmapError {
                source_name: source_name.to_string(),
                line: i + 1,
                message,
            };
            let pairs = name_address_pairs(line).map_err(error)?;
            let [(proper, proper_address), rest @ ..] = pairs.as_slice() else {
                return Err(error(format!("found `{line}`")));
            };
            if proper.is_empty() {
                return Err(error(format!("`{line}` gives no proper name")));
            }
            map.addresses
                .insert(proper_address.to_lowercase(), proper.clone());
            match rest {
                [] => {}
                [(other, other_address)] => {
                    map.addresses
                        .insert(other_address.to_lowercase(), proper.clone());
                    if !other.is_empty() {
                        map.names.insert(other.to_lowercase(), proper.clone());
                    }
                }
                _ => return Err(error(format!("`{line}` has more than two addresses"))),
            }
        }
        Ok(map)
    }

    /// The proper name for a spelling, when the map knows it as another.
    pub fn proper_name(&self, name: &str) -> Option<&str> {
        self.names.get(&name.to_lowercase()).map(String::as_str)
    }

    /// Every address the map names, lowercased, with its person.
    pub fn addresses(&self) -> &BTreeMap<String, String> {
        &self.addresses
    }

    /// Replaces every other spelling in the bundle's authors by its proper
    /// name (a name listed twice then, once).
    pub fn fold(&self, bundle: &mut Bundle) -> Folded {
        let mut spellings = std::collections::BTreeSet::new();
        let mut entries = 0;
        for e in bundle.posts.iter_mut().flat_map(|p| p.entries.iter_mut()) {
            let mut changed = false;
            let mut names: Vec<String> = Vec::with_capacity(e.authors.len());
            for name in e.authors.drain(..) {
                let name = match self.proper_name(&name) {
                    Some(proper) if proper != name => {
                        spellings.insert(name);
                        changed = true;
                        proper.to_string()
                    }
                    _ => name,
                };
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            e.authors = names;
            entries += usize::from(changed);
        }
        Folded {
            spellings: spellings.len(),
            entries,
        }
    }
}

/// `Name <address>` pairs in order; a pair's name may be empty (`<address>`).
fn name_address_pairs(line: &str) -> Result<Vec<(String, String)>, String> {
    let mut pairs = Vec::new();
    let mut rest = line;
    while !rest.trim().is_empty() {
        let open =
            (rest.find('<')).ok_or_else(|| format!("`{}` has no `<address>`", rest.trim()))?;
        let close = (rest[open..].find('>'))
            .ok_or_else(|| format!("`{}` has no closing `>`", &rest[open..]))?;
        let address = rest[open + 1..open + close].trim();
        if !address.contains('@') {
            return Err(format!("`<{address}>` is not an address"));
        }
        pairs.push((rest[..open].trim().to_string(), address.to_string()));
        rest = &rest[open + close + 1..];
    }
    Ok(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kernel_news_core::{Entry, Post};

    const MAP: &str = "\
# comment
Matthew Wilcox <willy@infradead.org> Mattew Wilcox <willy@infradead.org>
Pasha Tatashin <pasha.tatashin@soleen.com> Pavel Tatashin <pavel.tatashin@microsoft.com>
Joel Fernandes <joel@joelfernandes.org>   # an address line
Liam R. Howlett <Liam.Howlett@oracle.com> <liam.howlett@oracle.com>
";

    #[test]
    fn the_three_forms_of_a_kernel_mailmap_line_are_read() {
        let m = Mailmap::parse("t", MAP).unwrap();
        assert_eq!(m.proper_name("Mattew Wilcox"), Some("Matthew Wilcox"));
        assert_eq!(
            m.proper_name("pavel tatashin"),
            Some("Pasha Tatashin"),
            "without case"
        );
        assert_eq!(
            m.proper_name("Matthew Wilcox"),
            None,
            "the proper name is no other spelling"
        );
        let a = m.addresses();
        assert_eq!(a["joel@joelfernandes.org"], "Joel Fernandes");
        assert_eq!(a["pavel.tatashin@microsoft.com"], "Pasha Tatashin");
        assert_eq!(a["liam.howlett@oracle.com"], "Liam R. Howlett");
    }

    #[test]
    fn a_broken_line_names_its_line_and_what_was_expected() {
        let err = Mailmap::parse("data/mailmap", "# ok\nMatthew Wilcox willy@infradead.org\n")
            .unwrap_err();
        assert_eq!(err.line, 2);
        let text = err.to_string();
        assert!(
            text.starts_with(
                "data/mailmap:2: `Matthew Wilcox willy@infradead.org` has no `<address>`"
            ),
            "{text}"
        );
        assert!(text.contains("expected `Proper Name <address>`"), "{text}");
        assert!(
            Mailmap::parse("t", "<a@b> <c@d>\n").is_err(),
            "no proper name"
        );
        assert!(Mailmap::parse("t", "A <a@b> B <c@d> C <e@f>\n").is_err());
        assert!(Mailmap::parse("t", "A <not an address>\n").is_err());
    }

    #[test]
    fn folding_replaces_other_spellings_counts_them_and_keeps_a_name_once() {
        let m = Mailmap::parse("t", MAP).unwrap();
        let entry = |authors: &[&str]| Entry {
            authors: authors.iter().map(|a| a.to_string()).collect(),
            ..Entry::default()
        };
        let mut bundle = Bundle {
            format_version: kernel_news_core::FORMAT_VERSION,
            generator: String::new(),
            posts: vec![Post {
                entries: vec![
                    entry(&["Mattew Wilcox"]),
                    entry(&["Mattew Wilcox", "Matthew Wilcox"]),
                    entry(&["Pavel Tatashin", "Ann Other"]),
                    entry(&["Matthew Wilcox"]),
                ],
                ..Post::default()
            }],
            releases: vec![],
            subsystems: vec![],
            warnings: vec![],
            feeds: None,
        };
        let folded = m.fold(&mut bundle);
        let authors: Vec<&Vec<String>> =
            bundle.posts[0].entries.iter().map(|e| &e.authors).collect();
        assert_eq!(
            authors,
            [
                &vec!["Matthew Wilcox".to_string()],
                &vec!["Matthew Wilcox".to_string()],
                &vec!["Pasha Tatashin".to_string(), "Ann Other".to_string()],
                &vec!["Matthew Wilcox".to_string()],
            ]
        );
        assert_eq!(
            folded,
            Folded {
                spellings: 2,
                entries: 3
            }
        );
    }

    #[test]
    fn a_line_that_only_changes_the_address_folds_nothing_spelled_properly() {
        // The kernel's .mailmap has many such lines: one name, two addresses.
        let m = Mailmap::parse(
            "t",
            "Joel Fernandes <joel@a.org> Joel Fernandes <joel@b.org>\n",
        )
        .unwrap();
        let mut bundle = Bundle::default();
        bundle.posts.push(Post::default());
        for name in ["Joel Fernandes", "joel fernandes"] {
            bundle.posts[0].entries.push(Entry {
                authors: vec![name.to_string()],
                ..Entry::default()
            });
        }
        let folded = m.fold(&mut bundle);
        assert_eq!(
            folded,
            Folded {
                spellings: 1,
                entries: 1
            }
        );
        assert_eq!(bundle.posts[0].entries[1].authors, ["Joel Fernandes"]);
    }

    #[test]
    fn the_shipped_map_parses_and_folds_the_known_misspellings() {
        let m = Mailmap::builtin();
        for (other, proper) in [
            ("Mattew Wilcox", "Matthew Wilcox"),
            ("Suren Baghadasaryan", "Suren Baghdasaryan"),
            ("Liam Howlett", "Liam R. Howlett"),
            ("Pavel Tatashin", "Pasha Tatashin"),
            ("Pasha", "Pasha Tatashin"),
        ] {
            assert_eq!(m.proper_name(other), Some(proper), "{other}");
        }
    }
}

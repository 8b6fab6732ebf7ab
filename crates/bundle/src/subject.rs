//! Reads an entry heading: kind, patch version, series, tree, subsystems and authors.
//!
//! A heading is a mailing-list subject as the blog writes it:
//! `Re: [RFC PATCH v3 0/9] mm, bpf: Add BPF into /proc/meminfo (Alice Doe)`:
//! an optional reply marker, bracket tags, a subsystem prefix chain, the
//! subject, and trailing `(Author)` groups.

use kernel_news_core::subject::{self, Parts, Tags};
use kernel_news_core::{EntryKind, Series};

use crate::subsystem::{with_ancestors, SubsystemTable};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// The heading without its trailing author groups or wrapping backticks.
    pub title: String,
    pub kind: EntryKind,
    pub patch_version: Option<u32>,
    pub series: Option<Series>,
    pub tree: Option<String>,
    pub subsystems: Vec<String>,
    pub authors: Vec<String>,
}

pub fn parse_subject(heading: &str, table: &SubsystemTable) -> Subject {
    let mut text = heading.trim();
    if text.len() >= 2
        && text.starts_with('`')
        && text.ends_with('`')
        && !text[1..text.len() - 1].contains('`')
    {
        text = &text[1..text.len() - 1];
    }
    let (title, authors) = split_authors(text);

    let Parts { reply, tags, rest } = subject::parts(&title);
    let kind = classify(&title, rest, &tags, reply);
    let patch_version = (tags.version).or_else(|| subject::trailing_version(rest).map(|(v, _)| v));
    let mut ids = Vec::new();
    for prefix in subject::prefixes(rest).0 {
        ids.extend(table.for_prefix(prefix));
    }
    if let Some(tree) = &tags.tree {
        let head = tree
            .split(['-', '/'])
            .find(|s| !s.is_empty())
            .unwrap_or(tree);
        ids.extend(table.known_prefix(head).unwrap_or_default());
    }
    ids.extend(table.for_keywords(rest));

    Subject {
        title,
        kind,
        patch_version,
        series: tags.series,
        tree: tags.tree,
        subsystems: with_ancestors(ids),
        authors,
    }
}

/// Precedence, first match wins: a pull request; a conference topic; a reply
/// (discussion, even of a patch); an RFC; a patch; a release announcement; a
/// bug or regression report; a question or invitation (discussion); other.
fn classify(title: &str, rest: &str, tags: &Tags, reply: bool) -> EntryKind {
    let has = |w: &str| tags.has(w);
    let lower = title.to_lowercase();
    let rest_lower = rest.to_lowercase();
    if (has("GIT") && has("PULL")) || lower.starts_with("git pull") {
        return EntryKind::PullRequest;
    }
    let conference_words = [
        "lsf/mm",
        "lsfmm",
        "kernel summit",
        "plumbers",
        "call for proposals",
        "microconference",
    ];
    if has("TOPIC") || conference_words.iter().any(|w| lower.contains(w)) {
        return EntryKind::Conference;
    }
    if reply {
        return EntryKind::Discussion;
    }
    if has("RFC") {
        return EntryKind::Rfc;
    }
    if has("PATCH") || has("PATCHSET") {
        return EntryKind::Patch;
    }
    if is_release_announcement(&lower) {
        return EntryKind::Release;
    }
    let bug_starts = [
        "problem:",
        "bug:",
        "warning:",
        "kasan:",
        "kcsan:",
        "ubsan:",
        "info:",
        "general protection",
    ];
    if has("REGRESSION")
        || has("BUG")
        || bug_starts.iter().any(|p| rest_lower.starts_with(p))
        || ["regression", "bug report"]
            .iter()
            .any(|w| rest_lower.contains(w))
    {
        return EntryKind::BugReport;
    }
    let discussion_tags = [
        "QUESTION",
        "INVITATION",
        "FEEDBACK",
        "DISCUSSION",
        "DISCUSS",
        "ANNOUNCE",
    ];
    if discussion_tags.iter().any(|w| has(w)) || rest_lower.starts_with("project:") {
        return EntryKind::Discussion;
    }
    EntryKind::Other
}

/// `Linux 6.7-rc4`, `Linux v4.17-rc6`, `Linux 4.20 released..`, `*Not* final 4.15 ...`.
fn is_release_announcement(lower: &str) -> bool {
    let versioned_after = |word: &str| {
        lower.match_indices(word).any(|(i, _)| {
            let after = lower[i + word.len()..].trim_start();
            kernel_news_core::KernelVersion::parse_prefix(after).is_some()
        })
    };
    // `Linus 6.13-rc5` is a typo the real archive has, read as it was meant.
    let announces = |word: &str| lower.starts_with(word) && versioned_after(word);
    announces("linux ") || announces("linus ") || versioned_after("final ")
}

/// Trailing `(Name)` groups: `(Alice A, Bob B)` gives two, `(1+ msgs)` is
/// dropped, `(256MB)` or `(RFC)` stays part of the title.
fn split_authors(text: &str) -> (String, Vec<String>) {
    let mut title = text.trim_end();
    // Last first while reading from the end; a set, not a search of the list
    // and an insert at its front per name, which was quadratic in the names.
    let mut authors: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    while title.ends_with(')') {
        let Some(open) = matching_open(title) else {
            break;
        };
        let inner = title[open + 1..title.len() - 1].trim();
        let before = &title[..open];
        if !before.ends_with(char::is_whitespace) {
            break;
        }
        if inner.ends_with("msgs") && inner.contains('+') {
            title = before.trim_end();
            continue;
        }
        let names: Vec<&str> = inner
            .split([','])
            .flat_map(|p| p.split(" and "))
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .collect();
        if names.is_empty() || !names.iter().all(|n| looks_like_name(n)) {
            break;
        }
        // Repeated groups (`(Andrew Morton) (1+ msgs) (Andrew Morton)`) name one person.
        for n in names.into_iter().rev() {
            if seen.insert(n) {
                authors.push(n.to_string());
            }
        }
        title = before.trim_end();
    }
    authors.reverse();
    (title.to_string(), authors)
}

fn matching_open(s: &str) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in s.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Capitalised words, no digits, not an all-caps acronym: `T.J. Mercier`,
/// `Theodore Ts'o`, `Viacheslav A.Dubeyko`, `Shyam Prasad N`, `SeongJae Park`.
fn looks_like_name(n: &str) -> bool {
    let words: Vec<&str> = n.split_whitespace().collect();
    let particles = [
        "de", "van", "von", "der", "la", "le", "da", "del", "di", "bin",
    ];
    let acronym = words.len() == 1 && n.len() > 1 && n.chars().all(|c| !c.is_lowercase());
    !words.is_empty()
        && words.len() <= 5
        && !acronym
        && !n.chars().any(|c| c.is_ascii_digit())
        // Some people write their name in lowercase (`wolfgang huang`): two or
        // three plain words are accepted as a name too.
        && (words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || !c.is_ascii()) || particles.contains(w)
        }) || (2..=3).contains(&words.len()) && words.iter().all(|w| w.chars().all(char::is_alphabetic)))
        && n.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '’'))
}

#[cfg(test)]
#[path = "subject_tests.rs"]
mod tests;

//! Reads an entry heading: kind, patch version, series, tree, subsystems and authors.
//!
//! A heading is a mailing-list subject as the blog writes it:
//! `Re: [RFC PATCH v3 0/9] mm, bpf: Add BPF into /proc/meminfo (Alice Doe)`:
//! an optional reply marker, bracket tags, a subsystem prefix chain, the
//! subject, and trailing `(Author)` groups.

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

/// What the bracket tags said.
#[derive(Debug, Default)]
struct Tags {
    words: Vec<String>,
    version: Option<u32>,
    series: Option<Series>,
    tree: Option<String>,
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

    let mut rest = title.as_str();
    let reply = strip_reply(&mut rest);
    let mut tags = Tags::default();
    while let Some(inner) = rest
        .strip_prefix('[')
        .and_then(|r| r.find(']').map(|e| (&r[..e], &r[e + 1..])))
    {
        read_tag(inner.0, &mut tags);
        rest = inner.1.trim_start();
        strip_reply(&mut rest);
    }

    let kind = classify(&title, rest, &tags, reply);
    let mut ids = Vec::new();
    for prefix in prefix_chain(rest) {
        ids.extend(table.for_prefix(&prefix));
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
        patch_version: tags.version,
        series: tags.series,
        tree: tags.tree,
        subsystems: with_ancestors(ids),
        authors,
    }
}

fn strip_reply(rest: &mut &str) -> bool {
    for p in ["Re:", "RE:", "re:", "Fwd:", "FW:"] {
        if let Some(r) = rest.strip_prefix(p) {
            *rest = r.trim_start();
            return true;
        }
    }
    false
}

/// Tag words: PATCH, RFC, RESEND, GIT PULL, TOPIC ...; `v3`/`V3`/`-V3`/`PATCHv3`
/// is the version, `0/9` the series, a lowercase tree-like word the tree.
fn read_tag(inner: &str, tags: &mut Tags) {
    for raw in inner.split_whitespace() {
        let word = raw.trim_matches(|c| c == ',' || c == ';');
        let upper = word.to_ascii_uppercase();
        if let Some(v) = version_number(word) {
            tags.version = Some(v);
        } else if let Some(v) = upper.strip_prefix("PATCH").and_then(version_number) {
            tags.words.push("PATCH".into());
            tags.version = Some(v);
        } else if let Some(s) = series(word) {
            tags.series = Some(s);
        } else if is_tree(word) && tags.tree.is_none() && !TAG_WORDS.contains(&upper.as_str()) {
            tags.tree = Some(word.trim_start_matches('-').to_string());
        } else {
            tags.words.push(upper);
        }
    }
}

/// Words of a subject tag that are never tree names, whatever their case.
const TAG_WORDS: [&str; 12] = [
    "PATCH",
    "PATCHSET",
    "RFC",
    "RESEND",
    "GIT",
    "PULL",
    "TOPIC",
    "TECH",
    "BUG",
    "REGRESSION",
    "QUESTION",
    "DISCUSSION",
];

fn version_number(word: &str) -> Option<u32> {
    let w = word.trim_start_matches('-');
    let digits = w.strip_prefix(['v', 'V'])?;
    (!digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// `3/7`: a patch's place in its series, 0 (the cover letter) to the total.
/// `12/5` or `1/0` is no such place (a date, a ratio), and `+1/2` no number.
fn series(word: &str) -> Option<Series> {
    let (a, b) = word.split_once('/')?;
    let number = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    let (index, total) = (number(a)?, number(b)?);
    (index <= total && total > 0).then_some(Series { index, total })
}

/// `mm-new`, `net-next`, `-mm`, `rcu/next`: lowercase words that are not tag keywords.
fn is_tree(word: &str) -> bool {
    let w = word.trim_start_matches('-');
    !w.is_empty()
        && w.starts_with(|c: char| c.is_ascii_lowercase())
        && w.chars().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | '_')
        })
}

/// Precedence, first match wins: a pull request; a conference topic; a reply
/// (discussion, even of a patch); an RFC; a patch; a release announcement; a
/// bug or regression report; a question or invitation (discussion); other.
fn classify(title: &str, rest: &str, tags: &Tags, reply: bool) -> EntryKind {
    let has = |w: &str| tags.words.iter().any(|t| t == w);
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
    (lower.starts_with("linux ") && versioned_after("linux ")) || versioned_after("final ")
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

/// Subsystem prefixes before `: `, chained: `KVM: arm64: x` gives KVM and arm64;
/// `mm, bpf: x` gives mm and bpf. A prefix has no spaces inside its parts.
fn prefix_chain(subject: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = subject.trim_start_matches('`');
    while let Some(i) = rest
        .find(": ")
        .or_else(|| rest.strip_suffix(':').map(|r| r.len()))
    {
        let head = &rest[..i];
        let parts: Vec<&str> = head
            .split(',')
            .map(|p| p.trim().trim_matches('`'))
            .collect();
        let ok = !head.is_empty()
            && head.len() <= 48
            && parts.iter().all(|p| {
                !p.is_empty()
                    && !p.chars().all(|c| c.is_ascii_digit())
                    && p.chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '/' | '_' | '-' | '.'))
            });
        if !ok {
            break;
        }
        out.extend(parts.into_iter().map(str::to_string));
        rest = rest[i + 1..].trim_start();
    }
    out
}

#[cfg(test)]
#[path = "subject_tests.rs"]
mod tests;

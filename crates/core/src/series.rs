//! Patch-series identity: which entries are postings of one series across posts, releases and sources.
//!
//! A series is named by its subject with everything that changes between
//! versions taken off ([`key`]): the tag block (`[RFC PATCH v3 mm-new 0/5]`),
//! a `RESEND`, a trailing ` v3`, and the subsystem prefixes (`mm/damon:` and
//! `mm/damon/core:` are one series when the rest agrees), compared without
//! case or punctuation. Entries with the same key are one series unless both
//! name authors and no author is shared; entries that cite the same
//! message-id, or whose body links a previous version, are one series whatever
//! their subjects say. Only patch and RFC postings found a series: a topic, a
//! discussion, a bug report or a feed item joins one that a posting founded,
//! and pull requests, release announcements and LWN's weekly editions never do
//! (their titles recur every week without being one piece of work).

use std::cmp::Reverse;
use std::collections::HashMap;

use crate::ids::{slug, Unique};
use crate::{EntryKind, Post};

/// Series ids are cut at about this many characters, at a word boundary.
pub const ID_LEN: usize = 60;

/// A rest of fewer words than this is too generic to name a series alone
/// (`fix typo`, `cleanups`): its subsystem prefixes stay in the key.
const DISTINCT_WORDS: usize = 3;

/// The identity of the series a subject belongs to, or `None` when nothing
/// is left once the tags and prefixes are gone.
pub fn key(title: &str) -> Option<String> {
    let mut rest = crate::subject::parts(title).rest;
    loop {
        let before = rest;
        rest = strip_word_start(rest, "resend");
        rest = strip_word_start(rest, "rfc");
        rest = strip_trailing_version(rest);
        if rest == before {
            break;
        }
    }
    let (mut prefixes, mut subject) = crate::subject::prefixes(rest);
    // `NUMA balancing: x` and `autonuma: x` name one series: a prefix of a
    // few words is a prefix too when what follows is distinct on its own.
    if let Some((head, after)) = subject.split_once(": ") {
        let short = head.split_whitespace().count() <= 3 && !head.contains(['(', '[']);
        if short && normalise(after).split(' ').count() >= DISTINCT_WORDS {
            prefixes.push(head);
            subject = after;
        }
    }
    let words = normalise(subject);
    if words.is_empty() {
        return None;
    }
    if words.split(' ').count() >= DISTINCT_WORDS || prefixes.is_empty() {
        return Some(words);
    }
    Some(format!("{} : {words}", normalise(&prefixes.join(" "))))
}

/// Lowercase letters and digits of any script; every other run is one space.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// `RESEND: x`, `Resend x` -> `x`.
fn strip_word_start<'a>(text: &'a str, word: &str) -> &'a str {
    let t = text.trim_start();
    match t.get(..word.len()) {
        Some(head) if head.eq_ignore_ascii_case(word) => {
            let after = &t[word.len()..];
            if after.is_empty() || after.starts_with([' ', ':']) {
                after.trim_start_matches([' ', ':'])
            } else {
                text
            }
        }
        _ => text,
    }
}

/// `x v3`, `x (v3)`, `x -v3`, `x RESEND` -> `x`.
fn strip_trailing_version(text: &str) -> &str {
    if let Some((_, before)) = crate::subject::trailing_version(text) {
        return before;
    }
    let t = text.trim_end();
    match t.rsplit_once(' ') {
        Some((before, last)) if last.eq_ignore_ascii_case("resend") => before.trim_end(),
        _ => text,
    }
}

/// Kinds that found a series: a posting of patches.
pub fn founds(kind: EntryKind) -> bool {
    matches!(kind, EntryKind::Patch | EntryKind::Rfc)
}

/// Kinds that may join a series: everything but the recurring announcements.
pub fn joins(kind: EntryKind) -> bool {
    !matches!(
        kind,
        EntryKind::PullRequest
            | EntryKind::Release
            | EntryKind::WeeklyEdition
            | EntryKind::SecurityUpdates
            | EntryKind::MergeWindow
    )
}

/// The message-ids a body gives as earlier versions: links on a line that
/// names a version (`v2: https://lore...`, `[RFC v1](...)`, "previous version").
pub fn previous_versions(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Most lines hold no link: skip them before lowercasing anything.
    for line in body.lines().filter(|l| l.contains("://")) {
        let lower = line.to_lowercase();
        let names_version = lower.contains("previous version")
            || lower.contains("prior version")
            || (lower.split(|c: char| !c.is_alphanumeric()))
                .any(|w| crate::subject::version_number(w).is_some() || w == "rfc");
        if names_version {
            let links = crate::links::extract_links(line);
            out.extend(links.into_iter().filter_map(|l| l.message_id));
        }
    }
    out
}

/// One entry as the grouping sees it.
struct Node<'a> {
    key: Option<String>,
    /// As written; compared as [`person`]s only where a key has namesakes.
    authors: &'a [String],
    founds: bool,
    /// The patch version of a non-RFC posting.
    patch_version: Option<u32>,
    /// `(day, post, position)` with posts in bundle order (newest first,
    /// then by path): the earliest names the series.
    order: (Option<i64>, Reverse<u32>, u32),
}

/// Gives every entry that belongs to a series its `series_id`, and clears
/// it on the rest. Ids are the slug of the earliest posting's key, so adding
/// later posts never renames a series. `cited` is every entry's message-id,
/// post by post ([`crate::b4::message_ids`]), read once for this and [`crate::posted`].
pub fn assign(posts: &mut [Post], cited: &[Option<String>]) {
    let (at, ids) = series_of(posts, cited);
    for post in posts.iter_mut() {
        for entry in &mut post.entries {
            entry.series_id = None;
        }
    }
    for (id, members) in ids {
        for n in members {
            let (p, e) = at[n];
            posts[p].entries[e].series_id = Some(id.clone());
        }
    }
}

/// Where each node's entry is, and each series' id with its nodes.
type Found = (Vec<(usize, usize)>, Vec<(String, Vec<usize>)>);

fn series_of(posts: &[Post], cited: &[Option<String>]) -> Found {
    let mut nodes = Vec::new();
    let mut at = Vec::new();
    let mut message_ids: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut previous: Vec<(usize, String)> = Vec::new();
    let mut number = 0;
    for (p, post) in posts.iter().enumerate() {
        for (e, entry) in post.entries.iter().enumerate() {
            let id = cited.get(number).and_then(Option::as_deref);
            number += 1;
            if !joins(entry.kind) {
                continue;
            }
            let n = nodes.len();
            if let Some(id) = id {
                message_ids.entry(id).or_default().push(n);
            }
            previous.extend(previous_versions(&entry.body).into_iter().map(|id| (n, id)));
            nodes.push(Node {
                key: key(&entry.title),
                authors: &entry.authors,
                founds: founds(entry.kind),
                patch_version: entry.patch_version.filter(|_| entry.kind != EntryKind::Rfc),
                order: (
                    entry.day(post).and_then(crate::date::parse_ymd),
                    Reverse(p as u32),
                    e as u32,
                ),
            });
            at.push((p, e));
        }
    }
    let mut sets = Sets::new(nodes.len());
    for cluster in same_key_clusters(&nodes) {
        for pair in cluster.windows(2) {
            sets.union(pair[0], pair[1]);
        }
    }
    for ids in message_ids.values() {
        for pair in ids.windows(2) {
            sets.union(pair[0], pair[1]);
        }
    }
    for (n, id) in previous {
        if let Some(&other) = message_ids.get(id.as_str()).and_then(|v| v.first()) {
            sets.union(n, other);
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for n in 0..nodes.len() {
        groups.entry(sets.find(n)).or_default().push(n);
    }
    let mut named: Vec<(&Node, Vec<usize>)> = (groups.into_values())
        .filter(|g| g.iter().any(|&n| nodes[n].founds))
        .map(|g| {
            let first = (g.iter().filter(|&&n| nodes[n].key.is_some()))
                .min_by(|&&a, &&b| nodes[a].order.cmp(&nodes[b].order))
                .copied()
                .unwrap_or(g[0]);
            (&nodes[first], g)
        })
        .collect();
    named.sort_by_key(|(first, _)| first.order);
    let mut unique = Unique::default();
    let ids = (named.into_iter())
        .map(|(first, g)| {
            let base = first
                .key
                .as_deref()
                .map_or_else(|| "series".to_string(), |k| slug(k, ID_LEN));
            (unique.claim(base), g)
        })
        .collect();
    (at, ids)
}

/// A name as compared between postings: its first and last words,
/// lowercased, so `Liam R. Howlett` is `Liam Howlett`.
pub fn person(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => one.to_lowercase(),
        [first, .., last] => format!("{} {}", first.to_lowercase(), last.to_lowercase()),
    }
}

/// Nodes with one key, split where authors are known on both sides and no
/// name is shared; a node without authors joins the cluster of the nearest
/// node in time that has them (the Korean editions name nobody).
fn same_key_clusters(nodes: &[Node]) -> Vec<Vec<usize>> {
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (n, node) in nodes.iter().enumerate() {
        if let Some(k) = &node.key {
            by_key.entry(k).or_default().push(n);
        }
    }
    let mut out = Vec::new();
    for mut members in by_key.into_values() {
        members.sort_by(|&a, &b| nodes[a].order.cmp(&nodes[b].order));
        // Clusters by shared names: a map from name to cluster, so a key
        // with thousands of namesake authors stays linear.
        if members.len() == 1 {
            out.push(members);
            continue;
        }
        let mut clusters: Vec<Vec<usize>> = Vec::new();
        let mut of_name: HashMap<String, usize> = HashMap::new();
        let mut named: Vec<(i64, usize)> = Vec::new();
        for &n in members.iter().filter(|&&n| !nodes[n].authors.is_empty()) {
            let names: Vec<String> = nodes[n].authors.iter().map(|a| person(a)).collect();
            let c = match names.iter().find_map(|a| of_name.get(a)) {
                Some(&c) => c,
                None => {
                    clusters.push(Vec::new());
                    clusters.len() - 1
                }
            };
            for a in names {
                of_name.entry(a).or_insert(c);
            }
            clusters[c].push(n);
            named.push((day_number(nodes[n].order.0), c));
        }
        let anonymous = members.iter().filter(|&&n| nodes[n].authors.is_empty());
        if clusters.is_empty() {
            out.extend(split_restarts(nodes, anonymous.copied().collect()));
            continue;
        }
        // `members` is in day order, so `named` is too: the nearest named
        // node is a neighbour of where this day would go.
        for &n in anonymous {
            let day = day_number(nodes[n].order.0);
            let at = named.partition_point(|(d, _)| *d < day);
            let before = at.checked_sub(1).map(|i| named[i]);
            let nearest = match (before, named.get(at)) {
                (Some(b), Some(a)) if a.0.saturating_sub(day) < day.saturating_sub(b.0) => a.1,
                (Some(b), _) => b.1,
                (None, Some(a)) => a.1,
                (None, None) => unreachable!("clusters is not empty"),
            };
            clusters[nearest].push(n);
        }
        for mut ms in clusters {
            ms.sort_by(|&a, &b| nodes[a].order.cmp(&nodes[b].order));
            out.extend(split_restarts(nodes, ms));
        }
    }
    out
}

/// A day for the nearest-day search: an unknown day sorts first and is far from every known one.
fn day_number(day: Option<i64>) -> i64 {
    day.unwrap_or(i64::MIN / 4)
}

/// A subject's numbering that starts again long after it was last seen is
/// another series of the same name (`Speculative page faults` v8 .. v12 in
/// 2018-2019 and v2 in 2022, by another author): split where a patch version
/// goes below one already seen after a pause of more than [`RESTART_DAYS`].
/// An RFC's numbering starting again at the first PATCH is no restart.
fn split_restarts(nodes: &[Node], members: Vec<usize>) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = vec![Vec::new()];
    let mut highest = None;
    let mut last_day = None;
    for n in members {
        let node = &nodes[n];
        let day = node.order.0;
        if let (Some(v), Some(h)) = (node.patch_version, highest) {
            if v < h && day_distance(day, last_day) > RESTART_DAYS {
                out.push(Vec::new());
                highest = None;
            }
        }
        highest = highest.max(node.patch_version);
        last_day = day.or(last_day);
        out.last_mut().expect("never empty").push(n);
    }
    out
}

/// See [`split_restarts`].
const RESTART_DAYS: i64 = 180;

/// Days between two days; unknown days are far from everything.
fn day_distance(a: Option<i64>, b: Option<i64>) -> i64 {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs(),
        _ => i64::MAX / 2,
    }
}

/// Union-find with path halving.
struct Sets(Vec<usize>);

impl Sets {
    fn new(n: usize) -> Sets {
        Sets((0..n).collect())
    }

    fn find(&mut self, mut n: usize) -> usize {
        while self.0[n] != n {
            self.0[n] = self.0[self.0[n]];
            n = self.0[n];
        }
        n
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

#[cfg(test)]
#[path = "series_tests.rs"]
mod tests;

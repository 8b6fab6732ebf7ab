//! Cross-links between sources: the entries of other sources that cite the same patch postings (message-ids), per entry and per cycle.
//!
//! An LWN item links the postings it discusses as `lwn.net/ml/LIST/ID/`, an
//! LKML News entry the same postings on lore or lkml.kernel.org; both read as
//! the same message-id ([`crate::links::message_id`]), which is all that ties
//! them together.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write;

use crate::archive::Archive;
use crate::bundle::SOURCE_LWN;
use crate::facets::Facet;
use crate::listing::escape;
use crate::source::coverage_heading;
use crate::version::KernelVersion;
use crate::viewstate::{Open, ViewState};
use crate::EntryKind;

/// Message-id to the entries citing it. Only ids cited from two sources or
/// more are kept: the others can link nothing.
#[derive(Debug, Default)]
pub struct CrossIndex {
    by_id: HashMap<String, Vec<u32>>,
}

/// The message-ids an entry links, each once.
fn message_ids(archive: &Archive, number: u32) -> Vec<String> {
    let mut ids: Vec<String> = (archive.entry(number).1.links().into_iter())
        .filter_map(|l| l.message_id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

impl CrossIndex {
    /// Reads every entry's links, which parses every body: the archive builds
    /// this on the first look-up, never while loading, and not at all when
    /// all its posts come from one source (nothing could be linked).
    pub fn build(archive: &Archive) -> CrossIndex {
        let posts = &archive.bundle.posts;
        if posts.iter().all(|p| p.source == posts[0].source) {
            return CrossIndex::default();
        }
        let mut by_id: HashMap<String, Vec<u32>> = HashMap::new();
        for n in 0..archive.len() as u32 {
            for id in message_ids(archive, n) {
                by_id.entry(id).or_default().push(n);
            }
        }
        let source = |n: &u32| archive.entry(*n).0.source.as_str();
        by_id.retain(|_, entries| entries.iter().any(|n| source(n) != source(&entries[0])));
        CrossIndex { by_id }
    }

    /// See [`Archive::coverage`].
    pub fn coverage(&self, archive: &Archive, number: u32) -> Vec<u32> {
        if self.by_id.is_empty() {
            return Vec::new();
        }
        let own = &archive.entry(number).0.source;
        let mut out: Vec<u32> = (message_ids(archive, number).iter())
            .filter_map(|id| self.by_id.get(id))
            .flatten()
            .copied()
            .filter(|&n| archive.entry(n).0.source != *own)
            .collect();
        // Entry numbers are display order.
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// An entry's cross-links ([`Archive::coverage`]) grouped by the other
/// entries' source: sources in id order, entries in display order.
pub fn cross_links(archive: &Archive, number: u32) -> Vec<(&str, Vec<u32>)> {
    let mut groups: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for n in archive.coverage(number) {
        groups
            .entry(archive.entry(n).0.source.as_str())
            .or_default()
            .push(n);
    }
    groups.into_iter().collect()
}

/// An entry's [`cross_links`] as the entry view shows them: one paragraph
/// per source, "Covered by LWN: <titles>", each title a link that opens that
/// entry over the current view. Empty when there are none.
pub fn coverage_html(archive: &Archive, number: u32, state: &ViewState) -> String {
    let mut out = String::new();
    for (source, entries) in cross_links(archive, number) {
        let _ = write!(
            out,
            "<p class=\"coverage coverage-{}\"><span class=\"coverage-head\">{}:</span> ",
            escape(source),
            escape(&coverage_heading(source))
        );
        for (i, n) in entries.into_iter().enumerate() {
            let (post, entry) = archive.entry(n);
            let to = state.opened(Open::Entry(entry.id.clone())).href();
            let _ = write!(
                out,
                "{}<a class=\"coverage-link\" href=\"{}\" title=\"From {}\">{}</a>",
                if i == 0 { "" } else { ", " },
                escape(&to),
                escape(&post.title),
                escape(&entry.title)
            );
        }
        out.push_str("</p>");
    }
    out
}

/// One cycle's entries from one source, for the releases page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CycleCoverage {
    /// How many entries of the source the cycle has.
    pub items: usize,
    /// Its merge-window reports (entry numbers, display order): the reads a
    /// cycle's row links directly; the rest are behind the count's link.
    pub reports: Vec<u32>,
}

/// Per cycle (`v7.1`), the entries of `source` filed under it, by the cycle
/// the release facet gives them (a post's `cycle`, else its release's).
pub fn by_cycle(archive: &Archive, source: &str) -> HashMap<String, CycleCoverage> {
    let mut out: HashMap<String, CycleCoverage> = HashMap::new();
    for n in 0..archive.len() as u32 {
        let (post, entry) = archive.entry(n);
        if post.source != source {
            continue;
        }
        let version = |s: &Option<String>| s.as_deref()?.parse::<KernelVersion>().ok();
        let Some(cycle) = version(&post.cycle).or(version(&post.release).map(KernelVersion::cycle))
        else {
            continue;
        };
        let c = out.entry(cycle.to_string()).or_default();
        c.items += 1;
        if entry.kind == EntryKind::MergeWindow {
            c.reports.push(n);
        }
    }
    out
}

/// The view a cycle's count of `source` entries links to: that cycle, that source.
pub fn cycle_view(cycle: &str, source: &str) -> ViewState {
    let mut to = ViewState::default();
    to.toggle(Facet::Release, cycle);
    to.toggle(Facet::Source, source);
    to
}

/// Whether any post comes from LWN: the releases page shows its column then.
pub fn has_lwn(archive: &Archive) -> bool {
    archive.bundle.posts.iter().any(|p| p.source == SOURCE_LWN)
}

#[cfg(test)]
#[path = "coverage_tests.rs"]
mod tests;

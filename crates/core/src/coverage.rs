//! Cross-links between sources: the entries of other sources that cite the same patch postings (message-ids), per entry and per cycle.
//!
//! An LWN item links the postings it discusses as `lwn.net/ml/LIST/ID/`, an
//! LKML News entry the same postings on lore or lkml.kernel.org; both read as
//! the same message-id ([`crate::links::message_id`]), which is all that ties
//! them together.

use std::collections::HashMap;
use std::fmt::Write;

use crate::archive::Archive;
use crate::bitset::Bitset;
use crate::bundle::SOURCE_LWN;
use crate::column::{Column, ColumnBuilder};
use crate::facets::Facet;
use crate::listing::escape;
use crate::source::coverage_heading;
use crate::version::KernelVersion;
use crate::viewstate::{Open, ViewState};
use crate::EntryKind;

// Built from the types the facets already use (a column, bitsets, a map of
// strings to numbers) rather than maps of lists: each new generic collection
// costs the app kilobytes of wasm.

/// Every entry's message-ids as a facet-like column: per id the entries
/// citing it, per entry its ids.
#[derive(Debug, Default)]
pub struct CrossIndex {
    ids: Option<Column>,
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
        let mut column = ColumnBuilder::default();
        for n in 0..archive.len() as u32 {
            column.next_entry();
            for link in archive.entry(n).1.links() {
                // An id linked twice from one entry counts once (the column's rule).
                if let Some(id) = &link.message_id {
                    column.add(id);
                }
            }
        }
        CrossIndex {
            ids: Some(column.finish()),
        }
    }

    /// See [`Archive::coverage`].
    pub fn coverage(&self, archive: &Archive, number: u32) -> Vec<u32> {
        let Some(ids) = &self.ids else {
            return Vec::new();
        };
        let mut citing = Bitset::empty(archive.len());
        ids.union_entry_into(number as usize, &mut citing);
        let own = &archive.entry(number).0.source;
        // A bitset walks in entry order, which is display order, each once.
        (citing.iter())
            .map(|n| n as u32)
            .filter(|&n| archive.entry(n).0.source != *own)
            .collect()
    }
}

/// An entry's cross-links ([`Archive::coverage`]) grouped by the other
/// entries' source: sources in id order, entries in display order.
pub fn cross_links(archive: &Archive, number: u32) -> Vec<(&str, Vec<u32>)> {
    let mut groups: Vec<(&str, Vec<u32>)> = Vec::new();
    for n in archive.coverage(number) {
        let source = archive.entry(n).0.source.as_str();
        match groups.binary_search_by(|(s, _)| (*s).cmp(source)) {
            Ok(at) => groups[at].1.push(n),
            Err(at) => groups.insert(at, (source, vec![n])),
        }
    }
    groups
}

/// An entry's [`cross_links`] as the entry view shows them: one paragraph
/// per source, "Covered by LWN: <titles>", each title a link that opens that
/// entry over the current view (with a language badge when its post is not
/// in English). Empty when there are none.
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
            // The Korean edition repeats the English one's titles: tell them apart as the rows do.
            if let Some(badge) = crate::listing::lang_badge(&post.lang) {
                out.push(' ');
                out.push_str(&badge);
            }
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

/// Per cycle, one source's [`CycleCoverage`] (see [`by_cycle`]).
#[derive(Debug, Default)]
pub struct ByCycle {
    numbers: HashMap<String, u32>,
    cycles: Vec<CycleCoverage>,
}

impl ByCycle {
    /// The cycle's coverage (`v7.1`); `None` when it has no entries of the source.
    pub fn get(&self, cycle: &str) -> Option<&CycleCoverage> {
        Some(&self.cycles[*self.numbers.get(cycle)? as usize])
    }
}

/// Per cycle (`v7.1`), the entries of `source` filed under it, by the cycle
/// the release facet gives them (a post's `cycle`, else its release's).
pub fn by_cycle(archive: &Archive, source: &str) -> ByCycle {
    let mut out = ByCycle::default();
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
        let cycle = cycle.to_string();
        let at = match out.numbers.get(&cycle) {
            Some(&at) => at as usize,
            None => {
                out.numbers.insert(cycle, out.cycles.len() as u32);
                out.cycles.push(CycleCoverage::default());
                out.cycles.len() - 1
            }
        };
        out.cycles[at].items += 1;
        if entry.kind == EntryKind::MergeWindow {
            out.cycles[at].reports.push(n);
        }
    }
    out
}

/// A cycle's LWN.net cell on the releases page, as HTML: a link to its
/// items ("4 items"), then its merge-window reports by title, each opening
/// that entry; empty when the cycle has no items. Written here, as the rows
/// are, because a view built element by element for every cycle weighed
/// kilobytes of wasm.
pub fn cycle_html(archive: &Archive, cycle: &str, coverage: Option<&CycleCoverage>) -> String {
    let Some(c) = coverage.filter(|c| c.items > 0) else {
        return String::new();
    };
    let mut out = String::new();
    if let Some(text) = crate::source::items_label(c.items) {
        let _ = write!(
            out,
            "<a href=\"{}\">{text}</a>",
            escape(&cycle_view(cycle, SOURCE_LWN).href())
        );
    }
    if !c.reports.is_empty() {
        out.push_str("<ul class=\"reports\">");
        for &n in &c.reports {
            let entry = archive.entry(n).1;
            let to = ViewState::default().opened(Open::Entry(entry.id.clone()));
            let _ = write!(
                out,
                "<li><a href=\"{}\">{}</a></li>",
                escape(&to.href()),
                escape(&entry.title)
            );
        }
        out.push_str("</ul>");
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

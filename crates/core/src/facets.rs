//! Faceted filtering over every entry of a bundle: OR within a facet, AND across
//! facets, and per-value counts given the other facets' selection.
//!
//! Built once per bundle: per facet, a [`Column`] of each value's entries (a
//! posting list) and each entry's values, so a selection is a union of
//! posting lists and a facet's counts are one walk over the passing entries,
//! not a bitset per value (which would grow with values × entries).

use std::collections::{BTreeMap, BTreeSet};

use crate::column::{Column, ColumnBuilder};

use crate::bitset::Bitset;
use crate::selector::ReleaseSelector;
use crate::version::KernelVersion;
use crate::{Bundle, Entry, Post};

/// The facets, in the order the viewer shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    Release,
    Subsystem,
    Tag,
    Kind,
    Author,
    Lang,
    /// Where the entry's post comes from (`lkml-news`, `lwn`).
    Source,
}

impl Facet {
    pub const ALL: [Facet; 7] = [
        Facet::Release,
        Facet::Subsystem,
        Facet::Tag,
        Facet::Kind,
        Facet::Author,
        Facet::Lang,
        Facet::Source,
    ];

    pub(crate) fn slot(self) -> usize {
        self as usize
    }

    /// The name in URLs and in the query language (`sub:mm`, `#sub=mm`).
    pub fn key(self) -> &'static str {
        match self {
            Facet::Release => "rel",
            Facet::Subsystem => "sub",
            Facet::Tag => "tag",
            Facet::Kind => "kind",
            Facet::Author => "author",
            Facet::Lang => "lang",
            Facet::Source => "source",
        }
    }

    pub fn from_key(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Facet::Release => "Release",
            Facet::Subsystem => "Subsystem",
            Facet::Tag => "Tag",
            Facet::Kind => "Kind",
            Facet::Author => "Author",
            Facet::Lang => "Language",
            Facet::Source => "Source",
        }
    }
}

/// Where an entry lives in the bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryRef {
    pub post: u32,
    pub entry: u32,
}

/// What the user picked. Release selections are selectors (`v6.7`, `v6.0..v6.7`);
/// the other facets hold exact values, where a subsystem includes its children.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub releases: Vec<ReleaseSelector>,
    pub values: BTreeMap<Facet, BTreeSet<String>>,
}

impl Selection {
    fn is_active(&self, facet: Facet) -> bool {
        match facet {
            Facet::Release => !self.releases.is_empty(),
            f => self.values.get(&f).is_some_and(|v| !v.is_empty()),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCount {
    pub value: String,
    pub count: usize,
}

#[derive(Debug, Clone)]
pub struct FacetIndex {
    pub entries: Vec<EntryRef>,
    /// Per entry: its post's release tag and cycle.
    releases: Vec<(Option<KernelVersion>, Option<KernelVersion>)>,
    /// Per facet: its values (release facet: cycles) over the entries.
    values: Vec<Column>,
}

impl FacetIndex {
    pub fn build(bundle: &Bundle) -> FacetIndex {
        let n: usize = bundle.posts.iter().map(|p| p.entries.len()).sum();
        let mut entries = Vec::with_capacity(n);
        let mut releases = Vec::with_capacity(n);
        let mut columns: Vec<ColumnBuilder> = Facet::ALL.map(|_| ColumnBuilder::default()).into();
        for (pi, post) in bundle.posts.iter().enumerate() {
            let (release, cycle) = post_release(post);
            for (ei, entry) in post.entries.iter().enumerate() {
                columns.iter_mut().for_each(ColumnBuilder::next_entry);
                entries.push(EntryRef {
                    post: pi as u32,
                    entry: ei as u32,
                });
                releases.push((release, cycle));
                entry_values(post, entry, cycle, |facet, value| {
                    columns[facet.slot()].add(value)
                });
            }
        }
        FacetIndex {
            entries,
            releases,
            values: columns.into_iter().map(ColumnBuilder::finish).collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries one facet's selection allows; `None` when it selects nothing (all pass).
    fn facet_set(&self, facet: Facet, sel: &Selection) -> Option<Bitset> {
        if !sel.is_active(facet) {
            return None;
        }
        Some(match facet {
            Facet::Release => self.release_set(&sel.releases),
            f => self.value_set(f, sel.values[&f].iter().map(String::as_str)),
        })
    }

    /// Entries any of `selectors` picks (`v6.7`, `v6.0..v6.7`).
    /// A facet's values over the archive, sorted (the release facet's are cycles).
    pub fn names(&self, facet: Facet) -> &[String] {
        self.values[facet.slot()].names()
    }

    pub fn release_set(&self, selectors: &[ReleaseSelector]) -> Bitset {
        let mut set = Bitset::empty(self.len());
        for (i, (release, cycle)) in self.releases.iter().enumerate() {
            if selectors.iter().any(|s| s.matches(*release, *cycle)) {
                set.insert(i);
            }
        }
        set
    }

    /// Entries carrying any of `values` of a non-release facet (unknown values add none).
    pub fn value_set<'v>(&self, facet: Facet, values: impl IntoIterator<Item = &'v str>) -> Bitset {
        let mut set = Bitset::empty(self.len());
        for value in values {
            self.values[facet.slot()].union_into(value, &mut set);
        }
        set
    }

    /// The view of one selection: each active facet's set is computed once here,
    /// so filtering and every facet's counts reuse them instead of rebuilding them.
    pub fn view<'a>(&'a self, sel: &Selection, extra: Option<&'a Bitset>) -> View<'a> {
        View {
            index: self,
            sets: Facet::ALL.iter().map(|f| self.facet_set(*f, sel)).collect(),
            extra,
        }
    }
}

/// A post's release tag and cycle (the tag's, when the post names none).
fn post_release(post: &Post) -> (Option<KernelVersion>, Option<KernelVersion>) {
    let release = (post.release.as_deref()).and_then(|r| r.parse::<KernelVersion>().ok());
    let cycle = (post.cycle.as_deref())
        .and_then(|c| c.parse().ok())
        .or(release.map(KernelVersion::cycle));
    (release, cycle)
}

/// Every facet value of one entry, given to `add`; a value may come twice
/// (a parent subsystem reached from two children).
fn entry_values(
    post: &Post,
    entry: &Entry,
    cycle: Option<KernelVersion>,
    mut add: impl FnMut(Facet, &str),
) {
    if let Some(c) = cycle {
        add(Facet::Release, &c.to_string());
    }
    for s in &entry.subsystems {
        // Parents include children even if a bundle lists only the leaf.
        let mut cut = s.as_str();
        add(Facet::Subsystem, cut);
        while let Some(p) = cut.rfind('/') {
            cut = &cut[..p];
            add(Facet::Subsystem, cut);
        }
    }
    for t in &post.tags {
        add(Facet::Tag, t);
    }
    add(Facet::Kind, entry.kind.as_str());
    for a in &entry.authors {
        add(Facet::Author, a);
    }
    add(Facet::Lang, &post.lang);
    add(Facet::Source, &post.source);
}

/// A selection applied to a [`FacetIndex`] (see [`FacetIndex::view`]).
#[derive(Debug)]
pub struct View<'a> {
    index: &'a FacetIndex,
    /// Per facet slot: the entries its selection allows, `None` when inactive.
    sets: Vec<Option<Bitset>>,
    /// Search hits, when there is a query.
    extra: Option<&'a Bitset>,
}

impl View<'_> {
    /// Entries passing every facet except `skip`, and the search hits when given.
    fn passing(&self, skip: Option<Facet>) -> Bitset {
        let mut out = self
            .extra
            .cloned()
            .unwrap_or_else(|| Bitset::full(self.index.len()));
        for f in Facet::ALL.into_iter().filter(|f| Some(*f) != skip) {
            if let Some(set) = &self.sets[f.slot()] {
                out.intersect_with(set);
            }
        }
        out
    }

    /// The entries of the current view.
    pub fn filter(&self) -> Bitset {
        self.passing(None)
    }

    /// Every value of `facet` with the number of entries it would give, the
    /// other facets' selection (and the search hits) held fixed. Zero counts
    /// are kept, so the viewer can show them dimmed.
    pub fn counts(&self, facet: Facet) -> Vec<FacetCount> {
        let base = self.passing(Some(facet));
        self.named(facet, self.index.values[facet.slot()].counts(&base))
    }

    /// [`View::counts`] counting rows rather than entries, where the entries
    /// of one group (a series) are one row: a group counts once for each
    /// value any of its passing entries carries, an entry of no group once
    /// for each of its values. `group_of` gives an entry's group, below
    /// `groups`. One walk over the passing entries, linking each group's
    /// entries into a list, then one over each group's list.
    pub fn row_counts(
        &self,
        facet: Facet,
        groups: usize,
        group_of: impl Fn(u32) -> Option<u32>,
    ) -> Vec<FacetCount> {
        const NONE: u32 = u32::MAX;
        let base = self.passing(Some(facet));
        let column = &self.index.values[facet.slot()];
        let mut counts = vec![0; column.names().len()];
        // Per group its last-linked entry, per entry the one linked before it.
        let mut head = vec![NONE; groups];
        let mut next = vec![NONE; self.index.len()];
        let mut touched: Vec<u32> = Vec::new();
        for e in base.iter() {
            match group_of(e as u32) {
                None => (column.values_of(e).iter()).for_each(|&id| counts[id as usize] += 1),
                Some(g) => {
                    let g = g as usize;
                    if head[g] == NONE {
                        touched.push(g as u32);
                    }
                    next[e] = head[g];
                    head[g] = e as u32;
                }
            }
        }
        // Per value, the last group counted for it.
        let mut counted = vec![NONE; counts.len()];
        for g in touched {
            let mut e = head[g as usize];
            while e != NONE {
                for &id in column.values_of(e as usize) {
                    if counted[id as usize] != g {
                        counted[id as usize] = g;
                        counts[id as usize] += 1;
                    }
                }
                e = next[e as usize];
            }
        }
        self.named(facet, counts)
    }

    /// Counts in the facet's value order, named, in display order for the release facet.
    fn named(&self, facet: Facet, counts: Vec<usize>) -> Vec<FacetCount> {
        let column = &self.index.values[facet.slot()];
        let mut out: Vec<FacetCount> = (column.names().iter())
            .zip(counts)
            .map(|(value, count)| FacetCount {
                value: value.clone(),
                count,
            })
            .collect();
        if facet == Facet::Release {
            // Newest cycle first, in kernel order (v6.10 above v6.9).
            out.sort_by(|a, b| crate::version::compare_tags(&b.value, &a.value));
        }
        out
    }
}

#[cfg(test)]
#[path = "facets_tests.rs"]
mod tests;

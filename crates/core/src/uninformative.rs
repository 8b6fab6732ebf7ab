//! Facet values that tell nothing: on (almost) every entry of the archive, so the facet lists keep them behind "Show all".

use crate::facets::{Facet, FacetCount};

/// The share of all the archive's entries, in percent, from which a facet
/// value tells the reader nothing and is not offered in its facet's list as
/// it opens. Ticking such a value keeps at least this share of the archive,
/// so as a filter it does (almost) nothing, and at the top of a list sorted
/// by frequency it pushes out values that would narrow something: on the
/// real archive the boilerplate tags `kernel`, `linux`, `lkml` and `news`
/// each sit on 2,392 of 2,420 entries (98.8%). Below it a value leaves out
/// at least one entry in twenty, which is worth a click: a tag that only one
/// source's posts carry stays offered while the other sources hold more than
/// that share, since then it does tell them apart.
pub const UNINFORMATIVE_PERCENT: usize = 95;

/// Whether a value on `count` of the archive's `entries` entries tells nothing.
pub fn tells_nothing(count: usize, entries: usize) -> bool {
    entries > 0 && count * 100 >= entries * UNINFORMATIVE_PERCENT
}

/// Per facet, the values that tell nothing, found once over the whole
/// archive (not the current results, so a list does not change its mind
/// as the reader narrows the view).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Uninformative {
    /// Per facet slot, in the facet's own order.
    values: Vec<Vec<String>>,
}

impl Uninformative {
    /// `totals`: per facet slot, its values with their entries over the
    /// whole archive of `entries` entries.
    pub fn find(totals: &[Vec<FacetCount>], entries: usize) -> Uninformative {
        let values = (totals.iter())
            .map(|counts| {
                (counts.iter())
                    .filter(|c| tells_nothing(c.count, entries))
                    .map(|c| c.value.clone())
                    .collect()
            })
            .collect();
        Uninformative { values }
    }

    /// One facet's values that tell nothing.
    pub fn of(&self, facet: Facet) -> &[String] {
        self.values.get(facet.slot()).map_or(&[], Vec::as_slice)
    }

    pub fn contains(&self, facet: Facet, value: &str) -> bool {
        self.of(facet).iter().any(|v| v == value)
    }
}

#[cfg(test)]
#[path = "uninformative_tests.rs"]
mod tests;

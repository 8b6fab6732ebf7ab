//! One facet's values over all entries: a posting list per value and each
//! entry's value ids (CSR). Memory grows with assignments, not values × entries,
//! and counting walks the passing entries once, however many values there are.

use std::collections::HashMap;

use crate::bitset::Bitset;

#[derive(Debug, Clone, Default)]
pub struct Column {
    /// Sorted.
    names: Vec<String>,
    /// Per value (same order as `names`): its entries, ascending.
    postings: Vec<Vec<u32>>,
    /// Per entry `i`: value ids `ids[offsets[i]..offsets[i + 1]]`.
    offsets: Vec<u32>,
    ids: Vec<u32>,
}

/// Collects values entry by entry, in entry order.
#[derive(Debug, Default)]
pub struct ColumnBuilder {
    lookup: HashMap<String, u32>,
    column: Column,
}

impl ColumnBuilder {
    /// Begins the next entry; every `add` until the next call belongs to it.
    pub fn next_entry(&mut self) {
        self.column.offsets.push(self.column.ids.len() as u32);
    }

    pub fn add(&mut self, value: &str) {
        let c = &mut self.column;
        let entry = c.offsets.len() as u32 - 1;
        let id = match self.lookup.get(value) {
            Some(&id) => id,
            None => {
                let id = c.names.len() as u32;
                self.lookup.insert(value.to_string(), id);
                c.names.push(value.to_string());
                c.postings.push(Vec::new());
                id
            }
        };
        // A value given twice for one entry (a parent subsystem reached from two children) counts once.
        if c.postings[id as usize].last() != Some(&entry) {
            c.postings[id as usize].push(entry);
            c.ids.push(id);
        }
    }

    /// Sorts the values by name, renumbering ids to match.
    pub fn finish(self) -> Column {
        let mut c = self.column;
        c.offsets.push(c.ids.len() as u32);
        let mut order: Vec<u32> = (0..c.names.len() as u32).collect();
        order.sort_by(|a, b| c.names[*a as usize].cmp(&c.names[*b as usize]));
        let mut renumber = vec![0u32; order.len()];
        for (new, old) in order.iter().enumerate() {
            renumber[*old as usize] = new as u32;
        }
        c.ids.iter_mut().for_each(|id| *id = renumber[*id as usize]);
        c.names = order
            .iter()
            .map(|&o| std::mem::take(&mut c.names[o as usize]))
            .collect();
        c.postings = order
            .iter()
            .map(|&o| std::mem::take(&mut c.postings[o as usize]))
            .collect();
        c
    }
}

impl Column {
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Entry `entry`'s value ids (positions in [`Column::names`]), each once.
    pub fn values_of(&self, entry: usize) -> &[u32] {
        &self.ids[self.offsets[entry] as usize..self.offsets[entry + 1] as usize]
    }

    fn id(&self, value: &str) -> Option<usize> {
        self.names.binary_search_by(|n| n.as_str().cmp(value)).ok()
    }

    /// Adds the entries carrying `value` to `set` (nothing when the value is unknown).
    pub fn union_into(&self, value: &str, set: &mut Bitset) {
        for &e in self.id(value).map_or(&[][..], |v| &self.postings[v]) {
            set.insert(e as usize);
        }
    }

    /// Adds to `set` every entry sharing a value with entry `entry` (itself included).
    pub fn union_entry_into(&self, entry: usize, set: &mut Bitset) {
        let (from, to) = (
            self.offsets[entry] as usize,
            self.offsets[entry + 1] as usize,
        );
        for &id in &self.ids[from..to] {
            for &e in &self.postings[id as usize] {
                set.insert(e as usize);
            }
        }
    }

    /// Per value, in `names` order: how many entries of `base` carry it.
    pub fn counts(&self, base: &Bitset) -> Vec<usize> {
        let mut counts = vec![0; self.names.len()];
        for e in base.iter() {
            let (from, to) = (self.offsets[e] as usize, self.offsets[e + 1] as usize);
            for &id in &self.ids[from..to] {
                counts[id as usize] += 1;
            }
        }
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column() -> Column {
        let mut b = ColumnBuilder::default();
        for values in [
            &["mm", "mm/damon"][..],
            &[],
            &["bpf", "mm", "mm"],
            &["mm/damon"],
        ] {
            b.next_entry();
            values.iter().for_each(|v| b.add(v));
        }
        b.finish()
    }

    #[test]
    fn values_are_sorted_and_counted_once_per_entry() {
        let c = column();
        assert_eq!(c.names(), ["bpf", "mm", "mm/damon"]);
        assert_eq!(c.counts(&Bitset::full(4)), [1, 2, 2]);
    }

    #[test]
    fn counts_only_see_the_base_set() {
        let c = column();
        let mut base = Bitset::empty(4);
        base.insert(2);
        base.insert(3);
        assert_eq!(c.counts(&base), [1, 1, 1]);
        assert_eq!(c.counts(&Bitset::empty(4)), [0, 0, 0]);
    }

    #[test]
    fn an_entrys_neighbours_are_the_entries_sharing_any_of_its_values() {
        let c = column();
        let near = |e: usize| {
            let mut set = Bitset::empty(4);
            c.union_entry_into(e, &mut set);
            set.iter().collect::<Vec<_>>()
        };
        assert_eq!(near(0), [0, 2, 3]);
        assert_eq!(near(1), Vec::<usize>::new());
        assert_eq!(near(3), [0, 3]);
    }

    #[test]
    fn union_collects_a_values_entries_and_ignores_unknown_values() {
        let c = column();
        let mut set = Bitset::empty(4);
        c.union_into("mm/damon", &mut set);
        c.union_into("nope", &mut set);
        assert_eq!(set.iter().collect::<Vec<_>>(), [0, 3]);
    }
}

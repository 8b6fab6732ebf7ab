//! The parts of a search the engine evaluates as sets: facet values, posting days, and what `OR`, `NOT` and parentheses join.

use super::Archive;
use crate::bitset::Bitset;
use crate::date::parse_ymd;
use crate::date_range::DateRange;
use crate::facets::Facet;
use crate::query::{Atom, Expr, Query};

impl Archive {
    /// Entries with any of `values` of `facet`, as typed after its prefix
    /// (tags keep their case; other values are ids, lowercase).
    pub(super) fn facet_set(&self, facet: Facet, values: &[&str]) -> Bitset {
        let values: Vec<String> = (values.iter())
            .map(|v| match facet {
                Facet::Tag => v.to_string(),
                _ => v.to_lowercase(),
            })
            .collect();
        self.facets
            .value_set(facet, values.iter().map(String::as_str))
    }

    /// Entries whose posting day (their own, else their post's) is in `range`.
    pub(super) fn date_set(&self, range: &DateRange) -> Bitset {
        let days = self.days.get_or_init(|| {
            (0..self.len() as u32)
                .map(|n| {
                    let (post, e) = self.entry(n);
                    e.day(post)
                        .and_then(parse_ymd)
                        .map_or(i32::MIN, |d| d as i32)
                })
                .collect()
        });
        let mut set = Bitset::empty(self.len());
        for (i, &d) in days.iter().enumerate() {
            if d != i32::MIN && range.contains(i64::from(d)) {
                set.insert(i);
            }
        }
        set
    }

    /// The entries a part joined by `OR` or `NOT`, or grouped, allows.
    pub(super) fn group_set(&self, e: &Expr) -> Bitset {
        match e {
            Expr::Atom(atom) => self.atom_set(atom),
            Expr::Or(items) => {
                let mut set = Bitset::empty(self.len());
                items
                    .iter()
                    .for_each(|i| set.union_with(&self.group_set(i)));
                set
            }
            Expr::Not(inner) => {
                let mut set = Bitset::full(self.len());
                set.subtract(&self.group_set(inner));
                set
            }
            // A group ANDs as the top level does, two values of a prefix giving either.
            Expr::And(items) => {
                let mut flat = Query::default();
                for item in items {
                    match item {
                        Expr::Atom(Atom::Facet(f, v)) => flat.facets.push((*f, v.clone())),
                        Expr::Atom(Atom::Release(r)) => flat.releases.push(*r),
                        Expr::Atom(Atom::Series(id)) => flat.series.push(id.clone()),
                        other => flat.groups.push(other.clone()),
                    }
                }
                self.search(&flat)
                    .unwrap_or_else(|| Bitset::full(self.len()))
            }
        }
    }

    /// The entries one atom allows, over the whole archive.
    pub(crate) fn atom_set(&self, atom: &Atom) -> Bitset {
        let mut one = Query::default();
        match atom {
            Atom::Term(t) => one.terms.push(t.clone()),
            Atom::Release(r) => one.releases.push(*r),
            Atom::Facet(f, v) => one.facets.push((*f, v.clone())),
            Atom::Series(id) => one.series.push(id.clone()),
            Atom::Versions(v) => one.versions.push(*v),
            Atom::Date(d) => one.dates.push(*d),
        }
        self.search(&one)
            .unwrap_or_else(|| Bitset::full(self.len()))
    }
}

//! The loaded archive: the bundle in reading order, its indexes, and what one view of it shows.
//!
//! The viewer builds one [`Archive`] per bundle. A keystroke re-runs only the
//! search (through [`Searched`](crate::searched::Searched), within the
//! previous hits when it can); a facet click re-runs only
//! [`Archive::outcome`] with the previous search hits, so neither pays for
//! the other.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use crate::bitset::Bitset;
use crate::coverage::CrossIndex;
use crate::facets::{Facet, FacetCount, FacetIndex};
use crate::ids;
use crate::query::Query;
use crate::search::SearchIndex;
use crate::story::{Stories, Story};
use crate::uninformative::Uninformative;
use crate::version::KernelVersion;
use crate::viewstate::{Sort, ViewState};
use crate::{Bundle, Entry, EntryKind, Post};

#[derive(Debug)]
pub struct Archive {
    pub bundle: Bundle,
    facets: FacetIndex,
    /// Built on first use (or by [`Archive::prepare_search`]), not in
    /// [`Archive::new`]: lowercasing every entry's text is a third of the
    /// load, and the first results need none of it.
    search: OnceLock<SearchIndex>,
    /// Message-ids to entries, for the cross-links between sources; built on
    /// the first [`Archive::coverage`], as it parses every body.
    cross: OnceLock<CrossIndex>,
    /// Every patch series' postings; built on first use.
    stories: OnceLock<Stories>,
    /// Each entry's posting day (days since the epoch; `i32::MIN` unknown),
    /// read on the first `d:` search.
    days: OnceLock<Vec<i32>>,
    post_numbers: HashMap<String, u32>,
    subsystem_names: HashMap<String, String>,
    /// Per facet slot: the display order of its values as positions in the
    /// facet's own (sorted) value list, fixed at load so lists do not jump
    /// around as the user clicks.
    display: Vec<Vec<usize>>,
    /// Entries per release cycle, counted at load with the display order.
    cycle_entries: HashMap<String, usize>,
    /// Per facet, the values on (almost) every entry, found at load.
    uninformative: Uninformative,
}

/// What the current view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// Entry numbers in display order: the rows, where one row per series
    /// shows only each series' newest write-up among the matching entries.
    pub hits: Vec<u32>,
    /// Every facet's values with the count each would give, in display
    /// order; with one row per series, the rows each would give.
    pub counts: Vec<(Facet, Vec<FacetCount>)>,
    /// Parts of the filters or query that could not be read, worded for the user.
    pub problems: Vec<String>,
    /// Posts the hits (the rows shown) come from.
    pub posts: usize,
    /// The entries matching the view: `hits.len()`, or more where a series'
    /// entries are one row.
    pub entries: usize,
    /// With one row per series, how many of the hits are series rows (the
    /// rest are entries of no series); `None` when every entry is a row.
    pub series: Option<usize>,
}

impl Outcome {
    /// One facet's values with their counts, in display order.
    pub fn counts_of(&self, facet: Facet) -> Option<&[FacetCount]> {
        (self.counts.iter())
            .find(|(f, _)| *f == facet)
            .map(|(_, c)| c.as_slice())
    }
}

/// A run of consecutive hits from one post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub post: u32,
    /// Range into the hits slice it was built from.
    pub hits: Range<usize>,
}

impl Archive {
    /// Orders posts newest first by cycle, then release tag, then date (the
    /// bundle's order), with release-less posts last, and indexes them.
    pub fn new(mut bundle: Bundle) -> Archive {
        crate::chunks::reading_order(&mut bundle.posts);
        let facets = FacetIndex::build(&bundle);
        // A copy's id (`also`) opens the post it is a copy of, unless a post has that id itself.
        let mut post_numbers: HashMap<String, u32> = (bundle.posts.iter().enumerate())
            .flat_map(|(i, p)| p.also.iter().map(move |id| (id.clone(), i as u32)))
            .collect();
        post_numbers
            .extend((bundle.posts.iter().enumerate()).map(|(i, p)| (p.id.clone(), i as u32)));
        let subsystem_names = (bundle.subsystems.iter())
            .map(|s| (s.id.clone(), s.name.clone()))
            .collect();
        let all = facets.view(&Default::default(), None);
        let totals: Vec<Vec<FacetCount>> = Facet::ALL.iter().map(|f| all.counts(*f)).collect();
        let display = (Facet::ALL.iter())
            .map(|f| display_order(*f, &totals[f.slot()]))
            .collect();
        let cycle_entries = (totals[Facet::Release.slot()].iter())
            .map(|c| (c.value.clone(), c.count))
            .collect();
        let uninformative = Uninformative::find(&totals, facets.len());
        Archive {
            bundle,
            facets,
            search: OnceLock::new(),
            cross: OnceLock::new(),
            stories: OnceLock::new(),
            days: OnceLock::new(),
            post_numbers,
            subsystem_names,
            display,
            cycle_entries,
            uninformative,
        }
    }

    /// Appends the posts of the next chunks of a split archive (in reading
    /// order, after every post it has) and indexes the whole archive again.
    /// The indexes of the smaller archive are dropped before the new ones are
    /// built, so memory peaks at one set.
    pub fn extend(&mut self, posts: Vec<Post>) {
        let Archive { mut bundle, .. } = std::mem::replace(self, Archive::new(Bundle::default()));
        bundle.posts.extend(posts);
        *self = Archive::new(bundle);
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.facets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.facets.is_empty()
    }

    pub fn entry(&self, number: u32) -> (&Post, &Entry) {
        let r = self.facets.entries[number as usize];
        let post = &self.bundle.posts[r.post as usize];
        (post, &post.entries[r.entry as usize])
    }

    pub fn post_of(&self, number: u32) -> u32 {
        self.facets.entries[number as usize].post
    }

    /// The entry with this id. Ids are `<post id>/<slug>` and slugs have no
    /// `/`, so the post is found by its id and the entry among its few; a map
    /// of every entry id would cost about a tenth of the memory at 100k.
    ///
    /// An id made by the rule before Korean slugs were cut by characters
    /// ([`ids::legacy_entry_slugs`]) still finds its entry: such permalinks
    /// were shared. It is tried only when no current id matches, and only
    /// among the same post's entries.
    pub fn entry_number(&self, id: &str) -> Option<u32> {
        let (post_id, slug) = id.rsplit_once('/')?;
        let post = self.post_number(post_id)?;
        let entries = &self.bundle.posts[post as usize].entries;
        let first = self.facets.entries.partition_point(|r| r.post < post);
        let current = |e: &Entry| e.id.rsplit_once('/').is_some_and(|(_, s)| s == slug);
        let at = (entries.iter().position(current)).or_else(|| {
            let legacy = ids::legacy_entry_slugs(&self.bundle.posts[post as usize]);
            legacy.iter().position(|s| s == slug)
        })?;
        Some((first + at) as u32)
    }

    pub fn post(&self, id: &str) -> Option<&Post> {
        Some(&self.bundle.posts[self.post_number(id)? as usize])
    }

    /// A post by its id, or by the id the rule before the fix gave its path
    /// (see [`Archive::entry_number`]). A post whose id the bundler numbered
    /// apart from a namesake (`-2`) is not derived from its path alone, so it
    /// is left out of the second look.
    fn post_number(&self, id: &str) -> Option<u32> {
        if let Some(&n) = self.post_numbers.get(id) {
            return Some(n);
        }
        let legacy = |p: &Post| p.id == ids::post_id(&p.path) && ids::legacy_post_id(&p.path) == id;
        (self.bundle.posts.iter().position(legacy)).map(|i| i as u32)
    }

    /// Builds the full-text index now if it is not built yet; the viewer calls
    /// this right after showing the first results, so typing finds it ready.
    pub fn prepare_search(&self) {
        self.search_index();
    }

    fn search_index(&self) -> &SearchIndex {
        self.search
            .get_or_init(|| SearchIndex::build(&self.bundle, &self.facets))
    }

    /// The entries of other sources that cite at least one message-id this
    /// entry cites (an LWN item on the patches of an LKML News entry, and
    /// back), in display order, each once.
    pub fn coverage(&self, number: u32) -> Vec<u32> {
        (self.cross.get_or_init(|| CrossIndex::build(self))).coverage(self, number)
    }

    /// Which entries are one patch series, indexed on the first call; a
    /// story's postings are gathered by [`Archive::story`] and its kin.
    pub fn stories(&self) -> &Stories {
        self.stories.get_or_init(|| {
            let entries = (0..self.len() as u32).map(|n| self.entry(n));
            Stories::index(self.len(), entries)
        })
    }

    /// Story `i` of [`Archive::stories`], its postings gathered on first use.
    pub fn story_at(&self, i: u32) -> &Story {
        self.stories().story(i, |n| self.entry(n))
    }

    /// The series with this id.
    pub fn story(&self, id: &str) -> Option<&Story> {
        Some(self.story_at(self.stories().find(id)?))
    }

    /// The series entry `number` is a posting (or write-up) of.
    pub fn story_of(&self, number: u32) -> Option<&Story> {
        Some(self.story_at(self.stories().index_of(number)?))
    }

    /// The entries a query's text terms and facet prefixes allow; `None` when
    /// the query restricts nothing (every entry passes).
    pub fn search(&self, query: &Query) -> Option<Bitset> {
        self.search_within(query, None)
    }

    /// [`Archive::search`] looking only among `within`, which must hold every
    /// hit (the hits of a query this one [narrows](Query::narrows)).
    pub fn search_within(&self, query: &Query, within: Option<&Bitset>) -> Option<Bitset> {
        if query.is_empty() {
            return None;
        }
        let mut set = if query.terms.is_empty() {
            within.cloned().unwrap_or_else(|| Bitset::full(self.len()))
        } else {
            self.search_index().search(&self.bundle, query, within)
        };
        // Prefixes narrow like extra terms: `rel:v6.7 sub:mm` means both; two
        // values of one prefix mean either, as two ticks in one facet do.
        if !query.releases.is_empty() {
            set.intersect_with(&self.facets.release_set(&query.releases));
        }
        for facet in Facet::ALL {
            let values: Vec<&str> = (query.facets.iter())
                .filter(|(f, _)| *f == facet)
                .map(|(_, v)| v.as_str())
                .collect();
            if !values.is_empty() {
                set.intersect_with(&self.facet_set(facet, &values));
            }
        }
        if !query.series.is_empty() || !query.versions.is_empty() {
            set.intersect_with(&self.series_set(query));
        }
        for range in &query.dates {
            set.intersect_with(&self.date_set(range));
        }
        for group in &query.groups {
            set.intersect_with(&self.group_set(group));
        }
        Some(set)
    }

    /// The entries of the series a query's `series:` values name (any of
    /// them; every series when it names none) whose number of postings meets
    /// each of its `versions:` conditions.
    fn series_set(&self, query: &Query) -> Bitset {
        let stories = self.stories();
        let mut set = Bitset::empty(self.len());
        // `series:` alone needs no story gathered; `versions:` needs each
        // story it looks at (all of them without `series:`).
        let mut add = |i: u32| {
            if query.versions.is_empty()
                || (query.versions.iter()).all(|v| v.matches(self.story_at(i).versions()))
            {
                stories
                    .members(i)
                    .iter()
                    .for_each(|&n| set.insert(n as usize));
            }
        };
        if query.series.is_empty() {
            stories.indexes().for_each(add);
        } else {
            (query.series.iter())
                .filter_map(|id| stories.find(id))
                .for_each(&mut add);
        }
        set
    }

    /// The view of `state`, given the hits of its query from [`Archive::search`].
    pub fn outcome(&self, state: &ViewState, searched: Option<&Bitset>) -> Outcome {
        let (selection, mut problems) = state.selection();
        let query = crate::query::parse(&state.query);
        problems.extend(query.problems.iter().cloned());
        problems.extend(self.unknown_values(&query));
        let view = self.facets.view(&selection, searched);
        let mut set = view.filter();
        let entries = set.count();
        let mut series = None;
        if state.per_series {
            let (rows, n) = self.one_row_per_series(&set);
            set = rows;
            series = Some(n);
        }
        let mut hits: Vec<u32> = set.iter().map(|i| i as u32).collect();
        match state.sort {
            Sort::Newest => {}
            Sort::Oldest => {
                // Posts oldest first; a post's entries stay in the order written.
                let groups = self.groups(&hits);
                hits = groups
                    .iter()
                    .rev()
                    .flat_map(|g| hits[g.hits.clone()].iter().copied())
                    .collect();
            }
            Sort::Relevance => {
                let terms = query.positive_terms();
                if !terms.is_empty() {
                    let index = self.search_index();
                    crate::relevance::order(index, &self.bundle, &mut hits, &terms);
                }
            }
        }
        let counts = if state.per_series {
            let stories = self.stories();
            let group_of = |n| stories.index_of(n);
            (Facet::ALL.iter())
                .map(|f| {
                    let counts = view.row_counts(*f, stories.len(), group_of);
                    (*f, self.ordered(*f, counts))
                })
                .collect()
        } else {
            (Facet::ALL.iter())
                .map(|f| (*f, self.ordered(*f, view.counts(*f))))
                .collect()
        };
        let posts = self.groups_count(&hits);
        Outcome {
            hits,
            counts,
            problems,
            posts,
            entries,
            series,
        }
    }

    /// `set` with each series' entries cut to its first, the newest write-up
    /// (posts are newest first, a post's entries in the order written), and
    /// how many series it kept; entries of no series stay.
    fn one_row_per_series(&self, set: &Bitset) -> (Bitset, usize) {
        let stories = self.stories();
        let mut seen = vec![false; stories.len()];
        let mut rows = Bitset::empty(self.len());
        let mut series = 0;
        for n in set.iter() {
            match stories.index_of(n as u32) {
                Some(i) if seen[i as usize] => continue,
                Some(i) => {
                    seen[i as usize] = true;
                    series += 1;
                }
                None => {}
            }
            rows.insert(n);
        }
        (rows, series)
    }

    fn ordered(&self, facet: Facet, mut counts: Vec<FacetCount>) -> Vec<FacetCount> {
        let order = &self.display[facet.slot()];
        if order.len() != counts.len() {
            return counts;
        }
        order
            .iter()
            .map(|&i| std::mem::take(&mut counts[i]))
            .collect()
    }

    /// How many runs from one post [`Archive::groups`] would make, without building them.
    /// The posts the hits come from (in best-match order one post's hits
    /// need not be side by side).
    fn groups_count(&self, hits: &[u32]) -> usize {
        let mut seen = Bitset::empty(self.bundle.posts.len());
        hits.iter()
            .for_each(|&n| seen.insert(self.post_of(n) as usize));
        seen.count()
    }

    /// Splits display-ordered hits into runs from one post.
    pub fn groups(&self, hits: &[u32]) -> Vec<Group> {
        let mut out: Vec<Group> = Vec::new();
        for (i, &n) in hits.iter().enumerate() {
            let post = self.post_of(n);
            match out.last_mut() {
                Some(g) if g.post == post => g.hits.end = i + 1,
                _ => out.push(Group {
                    post,
                    hits: i..i + 1,
                }),
            }
        }
        out
    }

    /// Entries per release cycle (`v6.7`), for the releases page's links to the news.
    pub fn entries_in_cycle(&self, cycle: &str) -> usize {
        self.cycle_entries.get(cycle).copied().unwrap_or(0)
    }

    /// Every release tag a post is dated by, once each, newest first (tags
    /// that are not kernel versions last): the release picker's suggestions.
    /// Posts are in cycle order, not tag order (a merge-window post of v6.7
    /// is dated v6.6 and sits among v6.7's posts), so the same tag can come
    /// back after others.
    pub fn release_tags(&self) -> Vec<&str> {
        let mut tags: Vec<(Option<KernelVersion>, &str)> = (self.bundle.posts.iter())
            .filter_map(|p| p.release.as_deref())
            .map(|t| (t.parse().ok(), t))
            .collect();
        tags.sort_unstable_by(|a, b| b.cmp(a));
        tags.dedup();
        tags.into_iter().map(|(_, t)| t).collect()
    }

    /// A facet's values over the whole archive, sorted.
    pub fn facet_names(&self, facet: Facet) -> &[String] {
        self.facets.names(facet)
    }

    /// A facet's values that [tell nothing](crate::uninformative): on
    /// (almost) every entry of the archive, in the facet's own order.
    pub fn uninformative(&self, facet: Facet) -> &[String] {
        self.uninformative.of(facet)
    }

    /// Whether `value` is one of [`Archive::uninformative`]'s, which a facet
    /// list keeps behind "Show all".
    pub fn tells_nothing(&self, facet: Facet, value: &str) -> bool {
        self.uninformative.contains(facet, value)
    }

    /// How a facet value reads in the viewer: subsystem, language and source names, kind labels.
    pub fn value_label(&self, facet: Facet, value: &str) -> String {
        match facet {
            Facet::Subsystem => match self.subsystem_names.get(value) {
                Some(name) if name != value => format!("{value} ({name})"),
                _ => value.to_string(),
            },
            Facet::Kind => (EntryKind::ALL.iter())
                .find(|k| k.as_str() == value)
                .map_or(value, |k| k.label())
                .to_string(),
            Facet::Lang => crate::lang::label(value),
            Facet::Source => crate::source::label(value).to_string(),
            _ => value.to_string(),
        }
    }
}

/// Display order of a facet's values given their archive-wide counts (in the
/// facet's own order): releases newest first and subsystems alphabetically (so
/// children sit under their parent), as given; kinds in their fixed order; the
/// rest by how common they are in the whole archive.
fn display_order(facet: Facet, all: &[FacetCount]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..all.len()).collect();
    match facet {
        // Sources sort as their ids: `lkml-news`, the archive's own, before `lwn`.
        Facet::Release | Facet::Subsystem | Facet::Lang | Facet::Source => {}
        Facet::Kind => order.sort_by_key(|&i| {
            (EntryKind::ALL.iter())
                .position(|k| k.as_str() == all[i].value)
                .unwrap_or(usize::MAX)
        }),
        Facet::Tag | Facet::Author => order.sort_by(|&a, &b| {
            (all[b].count.cmp(&all[a].count)).then_with(|| all[a].value.cmp(&all[b].value))
        }),
    }
    order
}

#[cfg(test)]
#[path = "archive_tests.rs"]
pub(crate) mod tests;

#[path = "archive_query.rs"]
mod query_sets;

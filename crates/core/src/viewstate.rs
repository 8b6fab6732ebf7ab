//! The viewer's whole state as data, and its URL fragment (`#q=damon&rel=v6.7&entry=...`).
//!
//! The state lives in the fragment of the one page, never in path routes, so
//! the built site needs no server rewrite rules and works from any sub-path
//! (and from `file://`). Keys: `q`, one per facet value (`rel`, `sub`, `tag`,
//! `kind`, `author`, `lang`, `source`, repeated), `sort=oldest`, `rows=series`,
//! then `entry=ID`, `post=ID`, `series=ID` or `page=releases`. The default state is the empty fragment.

use std::collections::{BTreeMap, BTreeSet};

use crate::facets::{Facet, Selection};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    #[default]
    Newest,
    Oldest,
    /// Best match first for the query's words ([`crate::relevance`]); as
    /// newest first when there are none.
    Relevance,
}

impl Sort {
    pub const ALL: [Sort; 3] = [Sort::Newest, Sort::Oldest, Sort::Relevance];

    /// The name in the fragment (`sort=oldest`) and in the order picker.
    pub fn key(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Relevance => "relevance",
        }
    }

    /// The order picker's words for it.
    pub fn label(self) -> &'static str {
        match self {
            Sort::Newest => "Newest first",
            Sort::Oldest => "Oldest first",
            Sort::Relevance => "Best match",
        }
    }

    /// Anything unknown is the default order, so a mistyped link still opens.
    pub fn from_key(key: &str) -> Sort {
        (Sort::ALL.into_iter())
            .find(|s| s.key() == key)
            .unwrap_or_default()
    }
}

/// What is open over the results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Open {
    Entry(String),
    Post(String),
    /// A series page: every posting of one patch series, in order.
    Series(String),
    /// The releases page: every cycle with its tags, length and statistics.
    Releases,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The search box, as typed.
    pub query: String,
    /// Picked values per facet; release values are selectors (`v6.7`, `v6.0..v6.7`).
    pub filters: BTreeMap<Facet, BTreeSet<String>>,
    pub sort: Sort,
    /// One row per patch series: its latest posting among the hits stands for it.
    pub per_series: bool,
    pub open: Option<Open>,
}

impl ViewState {
    pub fn is_picked(&self, facet: Facet, value: &str) -> bool {
        self.filters.get(&facet).is_some_and(|v| v.contains(value))
    }

    /// Adds the value if absent, removes it if present. A blank value means
    /// nothing (the fragment reader drops it too), so it is never added.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        if value.trim().is_empty() {
            return;
        }
        if !self.remove(facet, value) {
            self.filters
                .entry(facet)
                .or_default()
                .insert(value.to_string());
        }
    }

    /// Removes one value; true if it was there.
    pub fn remove(&mut self, facet: Facet, value: &str) -> bool {
        let Some(values) = self.filters.get_mut(&facet) else {
            return false;
        };
        let was = values.remove(value);
        if values.is_empty() {
            self.filters.remove(&facet);
        }
        was
    }

    /// "Clear all": the search text and every filter; sort and what is open stay.
    pub fn clear(&mut self) {
        self.query.clear();
        self.filters.clear();
    }

    pub fn has_filters(&self) -> bool {
        !self.query.trim().is_empty() || !self.filters.is_empty()
    }

    /// The same view with nothing open (the "back to results" target).
    pub fn closed(&self) -> ViewState {
        ViewState {
            open: None,
            ..self.clone()
        }
    }

    /// The canonical fragment of an entry or post: nothing but what is open,
    /// so a shared link never goes stale (the entry view's "Copy link", the
    /// Atom feeds' links).
    pub fn permalink(open: Open) -> String {
        ViewState::default().opened(open).to_fragment()
    }

    pub fn opened(&self, open: Open) -> ViewState {
        ViewState {
            open: Some(open),
            ..self.clone()
        }
    }

    /// The facet selection, with release texts read as selectors; texts that
    /// are not selectors come back as problems worded for the user.
    pub fn selection(&self) -> (Selection, Vec<String>) {
        let mut sel = Selection::default();
        let mut problems = Vec::new();
        for (facet, values) in &self.filters {
            if *facet == Facet::Release {
                for v in values {
                    match v.parse() {
                        Ok(s) => sel.releases.push(s),
                        Err(e) => problems.push(format!("{e}")),
                    }
                }
            } else {
                sel.values.insert(*facet, values.clone());
            }
        }
        (sel, problems)
    }

    /// `#q=...&rel=...`, or `""` for the default view.
    /// A link to this state: its fragment, or `#` for the whole archive (not
    /// the page's path, which would reload the whole app).
    pub fn href(&self) -> String {
        match self.to_fragment() {
            f if f.is_empty() => "#".to_string(),
            f => f,
        }
    }

    pub fn to_fragment(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut add = |k: &str, v: &str| parts.push(format!("{k}={}", encode(v)));
        if !self.query.is_empty() {
            add("q", &self.query);
        }
        for facet in Facet::ALL {
            for v in self.filters.get(&facet).into_iter().flatten() {
                add(facet.key(), v);
            }
        }
        if self.sort != Sort::default() {
            add("sort", self.sort.key());
        }
        if self.per_series {
            add("rows", ROWS_PER_SERIES);
        }
        match &self.open {
            Some(Open::Entry(id)) => add("entry", id),
            Some(Open::Post(id)) => add("post", id),
            Some(Open::Series(id)) => add("series", id),
            Some(Open::Releases) => add("page", "releases"),
            None => {}
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("#{}", parts.join("&"))
        }
    }

    /// Reads a fragment (with or without `#`). Unknown keys are ignored so old
    /// links keep working; the last `entry`/`post` wins.
    pub fn from_fragment(fragment: &str) -> ViewState {
        let mut state = ViewState::default();
        let body = fragment.strip_prefix('#').unwrap_or(fragment);
        for pair in body.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = decode(v);
            match k {
                "q" => state.query = v,
                "sort" => state.sort = Sort::from_key(&v),
                "rows" => state.per_series = v == ROWS_PER_SERIES,
                "entry" if !v.is_empty() => state.open = Some(Open::Entry(v)),
                "post" if !v.is_empty() => state.open = Some(Open::Post(v)),
                "series" if !v.is_empty() => state.open = Some(Open::Series(v)),
                "page" if v == "releases" => state.open = Some(Open::Releases),
                _ => {
                    if let Some(facet) = Facet::from_key(k).filter(|_| !v.trim().is_empty()) {
                        state.filters.entry(facet).or_default().insert(v);
                    }
                }
            }
        }
        state
    }
}

/// `rows=series`: the one-row-per-series view.
pub const ROWS_PER_SERIES: &str = "series";

/// Percent-encodes all but unreserved characters and the readable `/ : @ ,`
/// (all legal in a fragment); a space becomes `+`.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' => out.push(b as char),
            b'-' | b'.' | b'_' | b'~' | b'/' | b':' | b'@' | b',' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Reverses [`encode`]; also accepts `%20`, and keeps malformed escapes as
/// written rather than failing (URLs get hand-edited).
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push(hi << 4 | lo);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ViewState {
        let mut s = ViewState {
            query: "s:\"huge page\" -rfc 메모리 __GFP_ZERO & 100%".into(),
            sort: Sort::Oldest,
            per_series: true,
            open: Some(Open::Entry("lkml-news-v6.7-rc4/mm-damon-per-node".into())),
            ..Default::default()
        };
        s.toggle(Facet::Release, "v6.0..v6.7");
        s.toggle(Facet::Release, "v6.8-rc1");
        s.toggle(Facet::Subsystem, "mm/damon");
        s.toggle(Facet::Author, "SeongJae Park");
        s
    }

    #[test]
    fn the_default_view_is_the_empty_fragment() {
        assert_eq!(ViewState::default().to_fragment(), "");
        assert_eq!(ViewState::from_fragment(""), ViewState::default());
        assert_eq!(ViewState::from_fragment("#"), ViewState::default());
    }

    #[test]
    fn every_field_survives_a_round_trip() {
        let s = sample();
        let f = s.to_fragment();
        assert_eq!(ViewState::from_fragment(&f), s, "{f}");
    }

    #[test]
    fn fragments_stay_readable() {
        let f = sample().to_fragment();
        assert!(f.starts_with("#q=s:%22huge+page%22+-rfc+"), "{f}");
        assert!(f.contains("&rel=v6.0..v6.7&rel=v6.8-rc1&sub=mm/damon&author=SeongJae+Park"));
        assert!(f.ends_with("&sort=oldest&rows=series&entry=lkml-news-v6.7-rc4/mm-damon-per-node"));
    }

    #[test]
    fn decoding_accepts_percent_twenty_and_keeps_malformed_escapes() {
        assert_eq!(decode("a%20b+c"), "a b c");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%4"), "%zz%4");
        assert_eq!(decode("%ED%95%9C"), "한");
        assert_eq!(decode("%2B"), "+");
    }

    #[test]
    fn the_releases_page_has_its_own_fragment() {
        let s = ViewState::default().opened(Open::Releases);
        assert_eq!(s.to_fragment(), "#page=releases");
        assert_eq!(ViewState::from_fragment("#page=releases"), s);
        assert_eq!(ViewState::from_fragment("#page=nope").open, None);
    }

    #[test]
    fn a_series_page_and_the_series_rows_have_their_own_keys() {
        let s = ViewState {
            per_series: true,
            ..Default::default()
        }
        .opened(Open::Series("khugepaged-mthp-support".into()));
        assert_eq!(
            s.to_fragment(),
            "#rows=series&series=khugepaged-mthp-support"
        );
        assert_eq!(ViewState::from_fragment(&s.to_fragment()), s);
        assert!(!ViewState::from_fragment("#rows=entries").per_series);
        assert_eq!(ViewState::from_fragment("#series=").open, None);
    }

    #[test]
    fn unknown_keys_and_empty_values_are_ignored() {
        let s = ViewState::from_fragment("#foo=bar&sub=&entry=&kind=rfc&junk");
        assert!(s.open.is_none());
        assert_eq!(s.filters.len(), 1);
        assert!(s.is_picked(Facet::Kind, "rfc"));
    }

    #[test]
    fn toggling_twice_removes_the_facet_entirely() {
        let mut s = ViewState::default();
        s.toggle(Facet::Tag, "mm");
        assert!(s.has_filters());
        s.toggle(Facet::Tag, "mm");
        assert!(s.filters.is_empty());
        assert_eq!(s.to_fragment(), "");
    }

    #[test]
    fn clear_keeps_sort_and_the_open_entry() {
        let mut s = sample();
        s.clear();
        assert!(!s.has_filters());
        assert_eq!(s.sort, Sort::Oldest);
        assert!(s.open.is_some());
        assert_eq!(s.closed().open, None);
    }

    #[test]
    fn a_post_link_opens_the_post_it_names_and_an_empty_one_nothing() {
        assert_eq!(
            ViewState::from_fragment("#post=p1").open,
            Some(Open::Post("p1".into()))
        );
        assert_eq!(ViewState::from_fragment("#q=x&post=").open, None);
    }

    #[test]
    fn a_link_to_the_whole_archive_is_a_bare_hash() {
        assert_eq!(ViewState::default().href(), "#");
        assert_eq!(sample().href(), sample().to_fragment());
    }

    #[test]
    fn closing_keeps_the_search_filters_and_sort() {
        let s = sample();
        let closed = s.closed();
        assert_eq!(closed.open, None);
        assert_eq!(
            ViewState {
                open: s.open.clone(),
                ..closed
            },
            s
        );
    }

    #[test]
    fn release_texts_become_selectors_or_problems() {
        let mut s = sample();
        s.toggle(Facet::Release, "latest");
        let (sel, problems) = s.selection();
        assert_eq!(sel.releases.len(), 2);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("`latest`"));
        assert!(sel.values[&Facet::Subsystem].contains("mm/damon"));
    }

    #[test]
    fn sort_keys_read_back_and_anything_else_is_newest() {
        for sort in Sort::ALL {
            assert_eq!(Sort::from_key(sort.key()), sort);
        }
        assert_eq!(Sort::from_key("Oldest"), Sort::Newest);
        assert_eq!(ViewState::from_fragment("#sort=nope").sort, Sort::Newest);
        assert_eq!(ViewState::from_fragment("#sort=newest").to_fragment(), "");
    }
}

//! What the viewer should show for a bundle, worked out by kernel-news-core alone, as JSON for the browser end-to-end suite.
//!
//! Every rule (entry ids, post order, the URL fragment, the query language,
//! release selectors, facet counts and labels) is a call into core: this
//! crate only loads a bundle the way the app does and writes down the answers,
//! so tests/e2e compares the page against the engine instead of a JavaScript
//! port of it.

use anyhow::{Context, Result};
use kernel_news_core::archive::Archive;
use kernel_news_core::facets::{Facet, FacetCount};
use kernel_news_core::load::parse_bundle_bytes;
use kernel_news_core::query;
use kernel_news_core::release_facet::series_groups;
use kernel_news_core::selector::ReleaseSelector;
use kernel_news_core::viewstate::ViewState;
use kernel_news_core::KernelVersion;
use serde_json::{json, Value};

/// One bundle, loaded as the viewer loads it.
#[derive(Debug)]
pub struct Expect {
    archive: Archive,
    /// Entry ids as the loader derives them, in the bundle's own post order.
    bundle_entry_ids: Vec<String>,
}

impl Expect {
    /// Reads bundle bytes with core's loader (as `src/fetch.rs` does) and builds its [`Archive`].
    pub fn load(bytes: &[u8]) -> Result<Expect> {
        let bundle = parse_bundle_bytes(bytes).context("the bundle could not be read")?;
        let bundle_entry_ids = (bundle.posts.iter())
            .flat_map(|p| p.entries.iter().map(|e| e.id.clone()))
            .collect();
        Ok(Expect {
            archive: Archive::new(bundle),
            bundle_entry_ids,
        })
    }

    /// Every post in display order and every entry by its number (the `N` of
    /// `li.entry#entry-N`), with the fields the viewer derives.
    pub fn model(&self) -> Value {
        let a = &self.archive;
        let mut post_entries: Vec<Vec<u32>> = vec![Vec::new(); a.bundle.posts.len()];
        let entries: Vec<Value> = (0..a.len() as u32)
            .map(|n| {
                post_entries[a.post_of(n) as usize].push(n);
                let (post, e) = a.entry(n);
                json!({
                    "n": n,
                    "id": e.id,
                    "post": post.id,
                    "position": e.position,
                    "title": e.title,
                    "kind": e.kind.as_str(),
                    "kind_label": e.kind.label(),
                    "authors": e.authors,
                    "subsystems": e.subsystems,
                    "body": e.body,
                })
            })
            .collect();
        let posts: Vec<Value> = (a.bundle.posts.iter().zip(post_entries))
            .map(|(p, numbers)| {
                json!({
                    "id": p.id,
                    "title": p.title,
                    "release": p.release,
                    "cycle": p.cycle,
                    "lang": p.lang,
                    "preamble": p.preamble,
                    "entries": numbers,
                })
            })
            .collect();
        json!({
            "total": a.len(),
            "bundle_entry_ids": self.bundle_entry_ids,
            "posts": posts,
            "entries": entries,
        })
    }

    /// What the results, facets and problems show for a URL fragment, read as
    /// the app reads `location.hash` (an open entry or post changes none of it).
    /// Facet values come in the sidebar's order, before any "show all" cap.
    pub fn view(&self, fragment: &str) -> Value {
        let a = &self.archive;
        let state = ViewState::from_fragment(fragment).closed();
        let query = query::parse(&state.query);
        let searched = a.search(&query);
        let outcome = a.outcome(&state, searched.as_ref());
        let groups: Vec<&str> = (a.groups(&outcome.hits).iter())
            .map(|g| a.bundle.posts[g.post as usize].id.as_str())
            .collect();
        let facets: Vec<Value> = (outcome.counts.iter())
            .map(|(facet, counts)| {
                let value = |c: &FacetCount| {
                    json!({
                        "value": c.value,
                        "label": a.value_label(*facet, &c.value),
                        "count": c.count,
                    })
                };
                let values: Vec<Value> = if *facet == Facet::Release {
                    // As the release list shows them: each major series
                    // (`v6.x`, its cycles summed), then its cycles.
                    let refs: Vec<&FacetCount> = counts.iter().collect();
                    (series_groups(&refs, counts).iter())
                        .flat_map(|g| g.series.iter().chain(g.cycles.iter().copied()))
                        .map(value)
                        .collect()
                } else {
                    counts.iter().map(value).collect()
                };
                json!({"key": facet.key(), "heading": facet.label(), "values": values})
            })
            .collect();
        let selectors: Vec<Value> = (state.filters.get(&Facet::Release).into_iter().flatten())
            .map(|text| self.selector(text))
            .collect();
        json!({
            "fragment": state.to_fragment(),
            "hits": outcome.hits,
            "posts": outcome.posts,
            "groups": groups,
            "facets": facets,
            "problems": outcome.problems,
            "highlights": query.highlights().collect::<Vec<_>>(),
            "selectors": selectors,
        })
    }

    /// A release selection as the facet reads it: the posts it takes, or why it is unreadable.
    fn selector(&self, text: &str) -> Value {
        let version =
            |s: &Option<String>| s.as_deref().and_then(|s| s.parse::<KernelVersion>().ok());
        match text.parse::<ReleaseSelector>() {
            Ok(sel) => {
                let posts: Vec<&str> = (self.archive.bundle.posts.iter())
                    .filter(|p| sel.matches(version(&p.release), version(&p.cycle)))
                    .map(|p| p.id.as_str())
                    .collect();
                json!({"text": text, "selector": sel.to_string(), "posts": posts})
            }
            Err(e) => json!({"text": text, "problem": e.to_string()}),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUNDLE: &str = r#"{
      "format_version": 2, "generator": "test", "releases": [], "warnings": [],
      "subsystems": [{"id": "mm/damon", "name": "DAMON"}],
      "posts": [
        {"id": "old", "path": "old.md", "title": "Old", "release": "v6.6-rc2",
         "release_source": "title", "lang": "en",
         "entries": [{"title": "Same", "kind": "patch", "body": "a", "line": 1},
                     {"title": "Same", "kind": "rfc", "body": "damon b", "line": 2,
                      "subsystems": ["mm/damon"]}]},
        {"id": "new", "path": "new.md", "title": "New", "release": "v6.7-rc1",
         "release_source": "title", "lang": "ko",
         "entries": [{"title": "메모리 관리", "kind": "patch", "body": "c", "line": 1}]}
      ]}"#;

    fn load() -> Expect {
        Expect::load(BUNDLE.as_bytes()).unwrap()
    }

    #[test]
    fn model_numbers_entries_in_display_order_and_keeps_bundle_ids() {
        let m = load().model();
        assert_eq!(m["total"], 3);
        assert_eq!(
            m["bundle_entry_ids"],
            json!(["old/same", "old/same-2", "new/메모리-관리"])
        );
        assert_eq!(m["posts"][0]["id"], "new");
        assert_eq!(m["posts"][1]["entries"], json!([1, 2]));
        assert_eq!(m["entries"][2]["id"], "old/same-2");
        assert_eq!(m["entries"][2]["kind_label"], "RFC");
    }

    #[test]
    fn view_reads_the_fragment_like_the_app() {
        let v = load().view("#q=damon&sub=mm&rel=v6.6&rel=latest&entry=old/same");
        assert_eq!(v["hits"], json!([2]));
        assert_eq!(v["groups"], json!(["old"]));
        assert_eq!(v["highlights"], json!(["damon"]));
        assert_eq!(v["problems"].as_array().unwrap().len(), 1);
        let problem = v["selectors"][0]["problem"].as_str().unwrap();
        assert!(problem.contains("latest"), "{problem}");
        assert_eq!(v["selectors"][1]["posts"], json!(["old"]));
        let sub = &v["facets"][1];
        assert_eq!(sub["heading"], "Subsystem");
        assert_eq!(
            sub["values"][1],
            json!({"value": "mm/damon", "label": "mm/damon (DAMON)", "count": 1})
        );
        assert!(!v["fragment"].as_str().unwrap().contains("entry="));
        let releases: Vec<&str> = (v["facets"][0]["values"].as_array().unwrap().iter())
            .map(|x| x["label"].as_str().unwrap())
            .collect();
        assert_eq!(releases, ["v6.x", "v6.7", "v6.6"]);
    }
}

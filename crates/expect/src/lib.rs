//! What the viewer should show for a bundle, worked out by kernel-news-core alone, as JSON for the browser end-to-end suite.
//!
//! Every rule (entry ids, post order, links and thread urls, the URL fragment,
//! the query language, release selectors, facet counts and labels, the facet
//! lists' shortlist, the status line, the result page size, the release
//! cycles and their news, sources and the cross-links between them, patch
//! series and their postings) is a call into core: this
//! crate only loads a bundle the way the app does and writes down the answers,
//! so tests/e2e compares the page against the engine instead of a JavaScript
//! port of it.

use anyhow::{Context, Result};
use kernel_news_bundle::chunks;
use kernel_news_core::archive::Archive;
use kernel_news_core::bounded::{self, Span};
use kernel_news_core::bundle::ChartRef;
use kernel_news_core::bundle::SOURCE_LWN;
use kernel_news_core::chart::{figures, layout, missing_note, tab_stop, ChartSpec, Metric, Window};
use kernel_news_core::chunks::{open_bytes, ChunkRef, Opened, Progress};
use kernel_news_core::coverage::{by_cycle, cross_links, cycle_view, has_lwn};
use kernel_news_core::cursor::{more_label, place, place_label, PAGE};
use kernel_news_core::cycles::{cycles, news_label, tag_date, tag_name, tag_tip};
use kernel_news_core::facets::{Facet, FacetCount};
use kernel_news_core::keys::SHORTCUTS;
use kernel_news_core::load::parse_bundle_bytes;
use kernel_news_core::load::LoadError;
use kernel_news_core::query;
use kernel_news_core::release_facet::series_groups;
use kernel_news_core::selector::ReleaseSelector;
use kernel_news_core::shortlist::{cap, is_long, shortlist, show_all_label, show_fewer_label};
use kernel_news_core::snippet;
use kernel_news_core::source;
use kernel_news_core::status::{outcome_count, show_results, status_line, still_loading};
use kernel_news_core::story_html;
use kernel_news_core::uninformative::UNINFORMATIVE_PERCENT;
use kernel_news_core::viewstate::ViewState;
use kernel_news_core::{Bundle, KernelVersion};
use serde_json::{json, Value};
use std::path::Path;

/// One bundle, loaded as the viewer loads it.
#[derive(Debug)]
pub struct Expect {
    archive: Archive,
    /// Entry ids as the loader derives them, in the bundle's own post order.
    bundle_entry_ids: Vec<String>,
    /// A split archive's chunks, and its archive with the first chunk only.
    split: Option<(Vec<ChunkRef>, Archive)>,
}

impl Expect {
    /// Reads bundle bytes with core's loader (as `src/fetch.rs` does) and builds its [`Archive`].
    pub fn load(bytes: &[u8]) -> Result<Expect> {
        let bundle = parse_bundle_bytes(bytes).context("the bundle could not be read")?;
        Ok(Expect::of(bundle))
    }

    fn of(bundle: Bundle) -> Expect {
        let bundle_entry_ids = (bundle.posts.iter())
            .flat_map(|p| p.entries.iter().map(|e| e.id.clone()))
            .collect();
        Expect {
            archive: Archive::new(bundle),
            bundle_entry_ids,
            split: None,
        }
    }

    /// [`Expect::load`] of the file at `path`; a split archive's manifest is
    /// read with its chunks beside it, as the viewer appends them all.
    pub fn load_file(path: &Path) -> Result<Expect> {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let manifest = match open_bytes(&bytes).context("the bundle could not be read")? {
            Opened::Whole(_) => return Expect::load(&bytes),
            Opened::Split(m) => m,
        };
        let (whole, _) = chunks::read(path, None)?;
        let (first, _) = chunks::read(path, Some(1))?;
        Ok(Expect {
            split: Some((manifest.chunks, Archive::new(first))),
            ..Expect::of(whole)
        })
    }

    /// A split archive as it comes in: its chunks; the default view's status
    /// line with only the first chunk in, and after the second failed to
    /// load with HTTP 404; what an entry page says while its entry is not in
    /// yet; an entry of the last chunk; the first chunk's rows. `null` for a
    /// whole bundle.
    pub fn split(&self) -> Value {
        let Some((chunks, first)) = &self.split else {
            return Value::Null;
        };
        let outcome = first.outcome(&ViewState::default(), None);
        let opened = Progress::opened(chunks);
        let failed = Progress {
            failed: chunks.get(1).map(|c| {
                LoadError::Http {
                    status: 404,
                    url: c.file.clone(),
                }
                .to_string()
            }),
            ..opened.clone()
        };
        let last_entry = (self.archive.len() as u32).checked_sub(1);
        json!({
            "chunks": chunks.iter().map(|c| json!({"file": c.file, "entries": c.entries})).collect::<Vec<_>>(),
            "opened_status": status_line(&outcome, first.len(), &opened),
            "failed_status": status_line(&outcome, first.len(), &failed),
            "still_loading_entry": still_loading("entry", &opened),
            "last_entry_id": last_entry.map(|n| self.archive.entry(n).1.id.clone()),
            "first_rows": outcome.hits.len().min(PAGE),
        })
    }

    /// Every post in display order and every entry by its number (the `N` of
    /// `li.entry#entry-N`), with the fields the viewer derives (its links and
    /// thread url among them); the result rows per page; the release cycles
    /// as the releases page lists them; the release picker's suggestions.
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
                    // What a row's snippet is cut from: the body as read, on one line.
                    "text": snippet::source_text(&e.body),
                    "links": (e.links().iter())
                        .map(|l| json!({"url": l.url, "message_id": l.message_id}))
                        .collect::<Vec<_>>(),
                    "thread_url": e.thread_url(),
                    "b4_am": kernel_news_core::b4::message_id(e).map(|id| kernel_news_core::b4::am_command(&id)),
                    "thread_label": source::primary_link_label(&post.source),
                    "subscriber_only": e.subscriber_only,
                    "day": e.day(post).map(|d| source::day_text(d, e.date.is_some() && e.date_estimated)),
                    "cross_links": (cross_links(a, n).iter())
                        .map(|(s, entries)| json!({"source": s, "heading": source::coverage_heading(s), "entries": entries}))
                        .collect::<Vec<_>>(),
                    "charts": e.charts.iter().map(|c| self.chart(c)).collect::<Vec<_>>(),
                    "series_id": e.series_id,
                    // The series whose history its view shows (two postings or more), else null.
                    "story": story_html::story_of(a, n).map(|s| s.id.clone()),
                    // Its view's series timeline, as core windows it around its posting.
                    "timeline": story_html::story_of(a, n)
                        .map(|s| timeline(s.postings.len(), s.posting_of(n))),
                })
            })
            .collect();
        let stories: Vec<Value> = (a.stories().indexes().map(|i| a.story_at(i)))
            .map(|s| {
                json!({
                    "id": s.id,
                    "shows": story_html::shows(s),
                    "title": story_html::title(a, s),
                    "summary": story_html::summary(s),
                    "badge": story_html::span_label(s),
                    // The series page's timeline, and its "Show more" texts after each window of write-ups.
                    "timeline": timeline(s.postings.len(), None),
                    "writeups_total": story_html::writeups_total(s),
                    "show_more": show_more(story_html::writeups_total(s)),
                    "postings": (s.postings.iter())
                        .map(|p| json!({
                            "label": p.label(),
                            "kind": p.kind.label(),
                            "day": p.day,
                            "release": p.release,
                            "writeups": p.writeups,
                        }))
                        .collect::<Vec<_>>(),
                })
            })
            .collect();
        let posts: Vec<Value> = (a.bundle.posts.iter().zip(post_entries))
            .map(|(p, numbers)| {
                json!({
                    "id": p.id,
                    "title": p.title,
                    "source": p.source,
                    "source_label": source::label(&p.source),
                    "release": p.release,
                    "cycle": p.cycle,
                    "lang": p.lang,
                    "preamble": p.preamble,
                    "charts": p.charts.iter().map(|c| self.chart(c)).collect::<Vec<_>>(),
                    "entries": numbers,
                })
            })
            .collect();
        let lwn = has_lwn(a).then(|| by_cycle(a, SOURCE_LWN));
        let cycles: Vec<Value> = (cycles(&a.bundle.releases).iter())
            .map(|c| {
                let entries = a.entries_in_cycle(&c.version);
                // Null when the archive has no LWN items (the page shows no column).
                let lwn = lwn.as_ref().map(|by| {
                    let found = by.get(&c.version).cloned().unwrap_or_default();
                    json!({
                        "items": found.items,
                        "label": source::items_label(found.items),
                        "href": cycle_view(&c.version, SOURCE_LWN).href(),
                        "reports": found.reports,
                    })
                });
                // The row's tag list and rcs cell as the page writes them, with their tooltips.
                let tags: Vec<Value> = (c.tags.iter())
                    .map(|t| json!({"name": tag_name(&t.version), "date": tag_date(t), "tip": tag_tip(t), "estimated": t.estimated}))
                    .collect();
                json!({
                    "version": c.version, "entries": entries, "news": news_label(entries), "lwn": lwn,
                    "tags": tags, "rcs": c.rcs_cell(), "rcs_tip": c.rcs_tip(),
                })
            })
            .collect();
        json!({
            "total": a.len(),
            "page": PAGE,
            "uninformative_percent": UNINFORMATIVE_PERCENT,
            "bounded": {
                "post_entries_shown": bounded::POST_ENTRIES_SHOWN,
                "timeline_postings_shown": bounded::TIMELINE_POSTINGS_SHOWN,
                "timeline_writeups_shown": bounded::TIMELINE_WRITEUPS_SHOWN,
            },
            "bundle_entry_ids": self.bundle_entry_ids,
            "posts": posts,
            "entries": entries,
            "cycles": cycles,
            "release_tags": a.release_tags(),
            "stories": stories,
            "shortcuts": SHORTCUTS,
        })
    }

    /// What the results, facets and problems show for a URL fragment, read as
    /// the app reads `location.hash` (an open entry or post changes none of it):
    /// the status line, the phone drawer's "Show N results" button, the "Show
    /// more" button's text after each page of rows,
    /// each hit's place as its entry view says it ("3 of 61 results"),
    /// and per facet its values in the sidebar's order (before any "show all"
    /// cap) and how its list shows at first (the cap, its buttons' words).
    pub fn view(&self, fragment: &str) -> Value {
        let a = &self.archive;
        let state = ViewState::from_fragment(fragment).closed();
        let query = query::parse(&state.query);
        let searched = a.search(&query);
        let outcome = a.outcome(&state, searched.as_ref());
        let post_ids = |hits: &[u32]| -> Vec<&str> {
            (a.groups(hits).iter())
                .map(|g| a.bundle.posts[g.post as usize].id.as_str())
                .collect()
        };
        let groups = post_ids(&outcome.hits);
        // The groups of the rows the first page renders.
        let shown_groups = post_ids(&outcome.hits[..outcome.hits.len().min(PAGE)]);
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
                // As the list shows first, its filter box empty.
                let picked = |v: &str| state.is_picked(*facet, v);
                let label = |v: &str| a.value_label(*facet, v);
                let left_out = a.uninformative(*facet);
                let tells_nothing = |v: &str| a.tells_nothing(*facet, v);
                let first = shortlist(counts, "", cap(*facet, false), picked, label, tells_nothing);
                let list = json!({
                    "filter_box": is_long(counts.len()),
                    "shown": first.shown.len(),
                    "first": first.shown.iter().map(|c| c.value.as_str()).collect::<Vec<_>>(),
                    "uninformative": left_out,
                    "show_all": show_all_label(first.hidden),
                    "show_fewer": show_fewer_label(*facet, true, counts.len(), left_out.len()),
                });
                json!({
                    "key": facet.key(),
                    "heading": facet.label(),
                    "values": values,
                    "list": list,
                })
            })
            .collect();
        let selectors: Vec<Value> = (state.filters.get(&Facet::Release).into_iter().flatten())
            .map(|text| self.selector(text))
            .collect();
        let hits = outcome.hits.len();
        let show_more: Vec<String> = (1..)
            .map_while(|pages| more_label(hits, pages * PAGE))
            .collect();
        // Quadratic, as each entry view finds its own place; fine for the
        // bundles the suite serves.
        let places: Vec<String> = (outcome.hits.iter())
            .map(|&n| place_label(place(&outcome.hits, n), hits))
            .collect();
        // Each hit's row snippet as core writes it (escaped HTML, matches marked).
        let needles: Vec<&str> = query.highlights().collect();
        let snippets: Vec<String> = (outcome.hits.iter())
            .map(|&n| snippet::snippet_html(&a.entry(n).1.body, &needles, snippet::WIDTH))
            .collect();
        json!({
            "fragment": state.to_fragment(),
            "status": outcome_count(&outcome, a.len()),
            "show_results": show_results(hits),
            "show_more": show_more,
            "places": places,
            "snippets": snippets,
            "hits": outcome.hits,
            "posts": outcome.posts,
            "groups": groups,
            "shown_groups": shown_groups,
            "facets": facets,
            "problems": outcome.problems,
            "highlights": query.highlights().collect::<Vec<_>>(),
            "selectors": selectors,
        })
    }

    /// A chart image of a post as the viewer draws it at first (log scale,
    /// every metric shown): its caption, the tags it plots with each one's
    /// figures (the readout and the point's name) and whether all are known,
    /// the dots per metric, the note on gaps, which tag is marked and which
    /// holds the chart's one tab stop before any is focused.
    fn chart(&self, chart: &ChartRef) -> Value {
        let window = Window::of(chart);
        let tags = window.select(&self.archive.bundle.releases);
        let spec = ChartSpec {
            log: true,
            ..ChartSpec::default()
        };
        let geometry = layout(&tags, &spec);
        let dots: serde_json::Map<String, Value> = (geometry.series.iter())
            .map(|s| (s.metric.as_str().to_string(), json!(s.points.len())))
            .collect();
        let points: Vec<Value> = (tags.iter())
            .map(|r| {
                json!({
                    "version": r.version,
                    "figures": figures(r),
                    "known": Metric::ALL.iter().all(|m| m.value(r).is_some()),
                })
            })
            .collect();
        let owned: Vec<_> = tags.iter().map(|r| (*r).clone()).collect();
        let mark = window.mark(&owned);
        json!({
            "src": chart.src,
            "kind": chart.kind,
            "title": window.title(),
            "tags": points,
            "dots": dots,
            "missing_note": missing_note(geometry.missing),
            "mark": mark,
            "tab_stop": tab_stop(None, mark, tags.len()),
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

/// A series timeline of `total` postings as core windows it: runs of
/// postings listed (`{"shown": [start, end]}`) and the line in place of each
/// run left out (`{"hidden": [start, end], "text": ...}`, worded for the entry
/// view when a posting is `current`, else for the series page).
fn timeline(total: usize, current: Option<usize>) -> Value {
    let spans: Vec<Value> = (bounded::timeline_window(total, current).into_iter())
        .map(|span| match span {
            Span::Shown(r) => json!({"shown": [r.start, r.end]}),
            Span::Hidden(r) => {
                let label = bounded::hidden_postings_label(r.len());
                let text = match current {
                    Some(_) => format!("{label}: {}", bounded::ON_SERIES_PAGE),
                    None => format!("{label}, {}", bounded::IN_ORDER_BELOW),
                };
                json!({"hidden": [r.start, r.end], "text": text})
            }
        })
        .collect();
    Value::Array(spans)
}

/// The "Show more" button's text after each window of `total` write-ups, as
/// the series page (and the post view) grows its window; empty when one fits.
fn show_more(total: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut limit = bounded::POST_ENTRIES_SHOWN;
    while let Some(label) = bounded::more_entries_label(total, limit) {
        out.push(label);
        limit = bounded::more_entries(limit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUNDLE: &str = r#"{
      "format_version": 7, "generator": "test", "warnings": [],
      "releases": [{"version": "v6.6", "date": "2023-10-30", "files": 3, "insertions": 4000, "deletions": 5},
                   {"version": "v6.7-rc1"}],
      "subsystems": [{"id": "mm/damon", "name": "DAMON"}],
      "posts": [
        {"id": "old", "path": "old.md", "title": "Old", "release": "v6.6-rc2",
         "release_source": "title", "lang": "en",
         "entries": [{"title": "Same", "kind": "patch", "body": "a", "line": 1},
                     {"title": "Same", "kind": "rfc", "line": 2,
                      "body": "damon b https://lkml.kernel.org/r/x@y.org",
                      "subsystems": ["mm/damon"]}]},
        {"id": "new", "path": "new.md", "title": "New", "release": "v6.7-rc1",
         "release_source": "title", "lang": "ko",
         "entries": [{"title": "메모리 관리", "kind": "patch", "line": 1,
                      "body": "c ![stat](v6.6..v6.7-rc1.png)",
                      "charts": [{"src": "v6.6..v6.7-rc1.png", "kind": "releases",
                                  "from": "v6.6", "until": "v6.7-rc1", "rc": null}]}]}
      ]}"#;

    fn load() -> Expect {
        Expect::load(BUNDLE.as_bytes()).unwrap()
    }

    #[test]
    fn model_numbers_entries_in_display_order_and_keeps_bundle_ids() {
        let m = load().model();
        assert_eq!(m["total"], 3);
        // The help's keyboard table, as [key, what it does] pairs.
        assert_eq!(m["shortcuts"][0], json!(["/", "focus the search box"]));
        assert_eq!(
            m["bundle_entry_ids"],
            json!(["old/same", "old/same-2", "new/메모리-관리"])
        );
        assert_eq!(m["posts"][0]["id"], "new");
        assert_eq!(m["posts"][1]["entries"], json!([1, 2]));
        assert_eq!(m["entries"][2]["id"], "old/same-2");
        assert_eq!(m["entries"][2]["kind_label"], "RFC");
        assert_eq!(
            m["entries"][2]["links"],
            json!([{"url": "https://lkml.kernel.org/r/x@y.org", "message_id": "x@y.org"}])
        );
        assert_eq!(
            m["entries"][2]["thread_url"],
            "https://lore.kernel.org/r/x@y.org"
        );
        assert_eq!(m["entries"][1]["links"], json!([]));
        assert_eq!(m["entries"][1]["thread_url"], Value::Null);
        assert_eq!(m["page"], PAGE);
        let cycles: Vec<Value> = (m["cycles"].as_array().unwrap().iter())
            .map(|c| {
                json!([
                    c["version"],
                    c["entries"],
                    c["news"],
                    c["lwn"],
                    c["rcs"],
                    c["rcs_tip"]
                ])
            })
            .collect();
        // v6.6's calendar row lists no rc: its rcs are unknown, not 0.
        assert_eq!(
            cycles,
            [
                json!(["v6.7", 1, "1 entry", null, "1", null]),
                json!([
                    "v6.6",
                    2,
                    "2 entries",
                    null,
                    "–",
                    kernel_news_core::cycles::RCS_UNKNOWN
                ]),
            ]
        );
        assert_eq!(
            m["cycles"][0]["tags"],
            json!([{"name": "rc1", "date": "date unknown", "tip": "date unknown", "estimated": false}])
        );
        assert_eq!(m["release_tags"], json!(["v6.7-rc1", "v6.6-rc2"]));
    }

    #[test]
    fn model_tells_each_series_its_postings_in_order() {
        let mut bundle: Value = serde_json::from_str(BUNDLE).unwrap();
        bundle["posts"][0]["entries"][0]["series_id"] = json!("same");
        bundle["posts"][0]["entries"][0]["patch_version"] = json!(2);
        bundle["posts"][1]["entries"][0]["series_id"] = json!("same");
        bundle["posts"][1]["entries"][0]["patch_version"] = json!(3);
        bundle["posts"][0]["date"] = json!("2023-09-17");
        bundle["posts"][1]["date"] = json!("2023-11-12");
        let m = Expect::load(bundle.to_string().as_bytes()).unwrap().model();
        assert_eq!(m["entries"][0]["story"], "same");
        assert_eq!(m["entries"][1]["series_id"], "same");
        assert_eq!(m["entries"][2]["story"], Value::Null);
        let story = &m["stories"][0];
        assert_eq!(story["shows"], true);
        assert_eq!(story["badge"], "2 versions, v6.6-rc2 .. v6.7-rc1");
        let labels: Vec<&str> = (story["postings"].as_array().unwrap().iter())
            .map(|p| p["label"].as_str().unwrap())
            .collect();
        assert_eq!(labels, ["v2", "v3"]);
        assert_eq!(story["postings"][0]["writeups"], json!([1]));
        assert_eq!(story["title"], "메모리 관리");
        // A short series: its timeline is one run, its write-ups one window.
        assert_eq!(story["timeline"], json!([{"shown": [0, 2]}]));
        assert_eq!(m["entries"][1]["timeline"], json!([{"shown": [0, 2]}]));
        assert_eq!(m["entries"][2]["timeline"], Value::Null);
        assert_eq!(story["show_more"], json!([]));
        assert_eq!(m["bounded"]["post_entries_shown"], 200);
    }

    #[test]
    fn a_long_series_is_windowed_as_core_windows_it() {
        assert_eq!(
            timeline(1_000, Some(500)),
            json!([
                {"shown": [0, 5]},
                {"hidden": [5, 495], "text": "… 490 more postings: every version on the series page"},
                {"shown": [495, 506]},
                {"hidden": [506, 995], "text": "… 489 more postings: every version on the series page"},
                {"shown": [995, 1000]},
            ])
        );
        assert_eq!(
            timeline(60, None),
            json!([
                {"shown": [0, 5]},
                {"hidden": [5, 55], "text": "… 50 more postings, each in its section below"},
                {"shown": [55, 60]},
            ])
        );
        assert_eq!(
            show_more(450),
            [
                "Show 200 more entries (of 450)",
                "Show 50 more entries (of 450)"
            ]
        );
    }

    #[test]
    fn model_draws_each_chart_as_the_viewer_does_at_first() {
        let m = load().model();
        let chart = &m["entries"][0]["charts"][0];
        assert_eq!(chart["title"], "Kernel release stats, v6.6..v6.7-rc1");
        assert_eq!(chart["kind"], "releases");
        assert_eq!(
            chart["tags"],
            json!([
                {"version": "v6.6", "known": true,
                 "figures": "v6.6(2023-10-30): files changed 3, deletions 5, insertions 4,000, diff 4,005"},
                {"version": "v6.7-rc1", "known": false,
                 "figures": "v6.7-rc1: files changed unknown, deletions unknown, insertions unknown, diff unknown"},
            ])
        );
        assert_eq!(chart["dots"]["files"], 1);
        assert_eq!(chart["mark"], 1);
        // Tab enters the chart on the marked tag (the post's own).
        assert_eq!(chart["tab_stop"], 1);
        assert_eq!(
            chart["missing_note"],
            "1 tag in this window has no data (a gap, not zero)."
        );
        assert_eq!(m["posts"][0]["charts"], json!([]));
    }

    #[test]
    fn view_reads_the_fragment_like_the_app() {
        let v = load().view("#q=damon&sub=mm&rel=v6.6&rel=latest&entry=old/same");
        assert_eq!(v["hits"], json!([2]));
        assert_eq!(v["groups"], json!(["old"]));
        assert_eq!(v["shown_groups"], json!(["old"]));
        assert_eq!(v["highlights"], json!(["damon"]));
        // The row's snippet as core writes it: the match marked, the body whole.
        assert_eq!(
            v["snippets"],
            json!(["<mark>damon</mark> b https://lkml.kernel.org/r/x@y.org"])
        );
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
        assert_eq!(v["status"], "1 of 3 entries, in 1 post");
        assert_eq!(v["show_results"], "Show 1 result");
        assert_eq!(v["places"], json!(["1 of 1 results"]));
        assert_eq!(v["show_more"], json!([]));
        assert_eq!(
            sub["list"],
            json!({"filter_box": false, "shown": 2, "first": ["mm", "mm/damon"],
                   "uninformative": [], "show_all": null, "show_fewer": null})
        );
    }

    #[test]
    fn model_names_sources_and_links_entries_across_them() {
        let mut bundle: Value = serde_json::from_str(BUNDLE).unwrap();
        let lwn = json!({
            "id": "lwn-v6.7-rc1", "source": "lwn", "path": "lwn/v6.7-rc1",
            "title": "LWN.net during v6.7-rc1", "release": "v6.7-rc1", "cycle": "v6.7",
            "release_source": "title", "lang": "en",
            "entries": [{"title": "The first half of the 6.7 merge window", "kind": "merge_window",
                         "line": 1, "date": "2023-11-02T00:00:00+00:00", "date_estimated": true,
                         "url": "https://lwn.net/Articles/1/", "subscriber_only": true,
                         "body": "[damon](https://lwn.net/ml/linux-mm/x@y.org/)"}]
        });
        bundle["posts"].as_array_mut().unwrap().push(lwn);
        let e = Expect::load(bundle.to_string().as_bytes()).unwrap();
        let m = e.model();
        assert_eq!(m["posts"][1]["id"], "lwn-v6.7-rc1");
        assert_eq!(m["posts"][1]["source_label"], "LWN.net");
        assert_eq!(m["posts"][0]["source_label"], "LKML News");
        let item = &m["entries"][1];
        assert_eq!(item["thread_url"], "https://lwn.net/Articles/1/");
        assert_eq!(item["thread_label"], "Read on LWN.net");
        assert_eq!(item["day"], "≈ 2023-11-02");
        assert_eq!(item["subscriber_only"], true);
        assert_eq!(
            item["cross_links"],
            json!([{"source": "lkml-news", "heading": "In LKML News", "entries": [3]}])
        );
        assert_eq!(
            m["entries"][3]["cross_links"],
            json!([{"source": "lwn", "heading": "Covered by LWN", "entries": [1]}])
        );
        assert_eq!(m["entries"][3]["thread_label"], "thread");
        assert_eq!(
            m["cycles"][0]["lwn"],
            json!({"items": 1, "label": "1 item", "href": "#rel=v6.7&source=lwn", "reports": [1]})
        );
        assert_eq!(m["cycles"][1]["lwn"]["label"], Value::Null);
        let v = e.view("#source=lwn");
        assert_eq!(v["hits"], json!([1]));
        let source = (v["facets"].as_array().unwrap().iter())
            .find(|f| f["key"] == "source")
            .unwrap();
        assert_eq!(source["heading"], "Source");
        assert_eq!(
            source["values"],
            json!([{"value": "lkml-news", "label": "LKML News", "count": 3},
                   {"value": "lwn", "label": "LWN.net", "count": 1}])
        );
    }

    #[test]
    fn view_words_the_status_and_a_long_list_as_core_does() {
        let v = load().view("");
        assert_eq!(v["status"], "3 entries in 2 posts");
        // Twelve authors: past the short list, so capped with a Show all.
        let mut bundle: Value = serde_json::from_str(BUNDLE).unwrap();
        let entries = bundle["posts"][0]["entries"].as_array_mut().unwrap();
        let template = entries[0].clone();
        // 60 more entries, five for each of twelve authors.
        for i in 0..60 {
            let mut e = template.clone();
            e["title"] = json!(format!("E{i}"));
            e["authors"] = json!([format!("author {}", i % 12)]);
            entries.push(e);
        }
        let many = Expect::load(bundle.to_string().as_bytes()).unwrap();
        let v = many.view("");
        // 63 entries: a "Show more" per page not yet shown.
        let pages = 63usize.div_ceil(PAGE) - 1;
        let labels: Vec<String> = (1..=pages)
            .map(|p| format!("Show more ({} not shown)", 63 - p * PAGE))
            .collect();
        assert_eq!(v["show_more"], json!(labels));
        assert!(!labels.is_empty());
        let author = (v["facets"].as_array().unwrap().iter())
            .find(|f| f["key"] == "author")
            .unwrap();
        assert_eq!(
            author["list"],
            json!({"filter_box": true, "shown": 10,
                   // Most frequent first, ties by name; the cap keeps the first ten.
                   "first": ([0, 1, 10, 11, 2, 3, 4, 5, 6, 7].map(|i| format!("author {i}"))),
                   "uninformative": [], "show_all": "Show all (2 more)", "show_fewer": "Show fewer"})
        );
    }

    #[test]
    fn view_names_the_values_that_tell_nothing_and_lists_values_with_entries_first() {
        let mut bundle: Value = serde_json::from_str(BUNDLE).unwrap();
        for post in bundle["posts"].as_array_mut().unwrap() {
            post["tags"] = json!(["kernel"]);
        }
        let e = Expect::load(bundle.to_string().as_bytes()).unwrap();
        assert_eq!(e.model()["uninformative_percent"], 95);
        let list = |v: &Value, key: &str| {
            let facet = (v["facets"].as_array().unwrap().iter()).find(|f| f["key"] == key);
            facet.unwrap()["list"].clone()
        };
        // On every entry: behind Show all, until picked.
        let tags = list(&e.view(""), "tag");
        assert_eq!(tags["uninformative"], json!(["kernel"]));
        assert_eq!(tags["first"], json!([]));
        assert_eq!(tags["show_all"], "Show all (1 more)");
        assert_eq!(tags["show_fewer"], "Show fewer");
        assert_eq!(
            list(&e.view("#tag=kernel"), "tag")["first"],
            json!(["kernel"])
        );
        assert_eq!(e.view("#q=tag:kernel")["hits"], json!([0, 1, 2]));
        // Only the Korean entry has `c`: its language leads, English (none) follows.
        assert_eq!(list(&e.view("#q=c"), "lang")["first"], json!(["ko", "en"]));
    }
}

//! Snapshots of one feed folded to one item per article, newest copy winning, undated items placed by their neighbours.
//!
//! The rules, each deterministic (no hash order reaches the output):
//!
//! - **Which items are one article**: the same [`article_key`] (normalised
//!   link, else guid); an item with neither is the same article as another
//!   keyless item with the same title and author. A keyless item is never
//!   matched to a keyed one by its title: titles recur (LWN's "Security
//!   updates for Monday" every week).
//! - **Undated items** (the text forms) are given a date, marked
//!   `date_estimated`, before anything is merged, from their own file only:
//!   the date of the nearest *older* dated item (feeds list newest first, so
//!   the next dated item below it: the earliest it can have been posted),
//!   else of the nearest newer one above it; with no dated item in the file
//!   it stays undated. A date already set counts as known, so callers may
//!   fill dates (from titles, say) before calling [`merge`].
//! - **Which copy wins**: copies are taken in file order (the `usize` given
//!   with each file), then item order, and each replaces the copy kept so
//!   far unless both have a feed-given date (not estimated) and it is the
//!   older: so the newest copy wins, and on equal or missing dates the file
//!   given later. A winner without a feed-given date takes the latest such
//!   date among its copies; empty fields (link, guid, author, summary) are
//!   filled from the most recent copy that has them.
//! - **Order**: newest date first (estimated dates count); equal dates by
//!   later file first, then by line in that file; undated items last, in
//!   file and line order.

use std::collections::BTreeMap;

use kernel_news_core::date::DateTime;

use super::link::article_key;
use super::{FeedFile, FeedItem};

/// The merged items and how many copies were folded into others.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    pub items: Vec<FeedItem>,
    pub duplicates: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Identity {
    Article(String),
    Titled(String, Option<String>),
}

/// Folds the snapshots; see the module docs for the rules.
pub fn merge(mut files: Vec<(usize, FeedFile)>) -> Merged {
    files.sort_by_key(|(order, _)| *order);
    let mut groups: BTreeMap<Identity, Vec<FeedItem>> = BTreeMap::new();
    let mut copies = 0;
    for (order, file) in files {
        for mut item in estimate_dates(file.items) {
            item.file = order;
            let identity = match article_key(&item) {
                Some(key) => Identity::Article(key),
                None => Identity::Titled(item.title.clone(), item.author.clone()),
            };
            groups.entry(identity).or_default().push(item);
            copies += 1;
        }
    }
    let mut items: Vec<FeedItem> = groups.into_values().map(fold).collect();
    items.sort_by(|a, b| {
        let newest = |i: &FeedItem| std::cmp::Reverse(i.date.map(|d| d.unix_seconds()));
        match (a.date.is_some(), b.date.is_some()) {
            (true, true) => (newest(a), std::cmp::Reverse(a.file), a.line).cmp(&(
                newest(b),
                std::cmp::Reverse(b.file),
                b.line,
            )),
            (false, false) => (a.file, a.line).cmp(&(b.file, b.line)),
            (true, false) => std::cmp::Ordering::Less,
            (false, true) => std::cmp::Ordering::Greater,
        }
    });
    Merged {
        duplicates: copies - items.len(),
        items,
    }
}

/// One file's items with the undated ones dated from their neighbours.
fn estimate_dates(mut items: Vec<FeedItem>) -> Vec<FeedItem> {
    let known: Vec<Option<DateTime>> = items.iter().map(|i| i.date).collect();
    for (i, item) in items.iter_mut().enumerate() {
        if item.date.is_some() {
            continue;
        }
        let older = known[i + 1..].iter().flatten().next();
        let newer = known[..i].iter().rev().flatten().next();
        if let Some(date) = older.or(newer) {
            item.date = Some(*date);
            item.date_estimated = true;
        }
    }
    items
}

fn fed_date(item: &FeedItem) -> Option<DateTime> {
    item.date.filter(|_| !item.date_estimated)
}

/// The winning copy of one article, given its copies in file order.
fn fold(copies: Vec<FeedItem>) -> FeedItem {
    let mut winner = 0;
    for (i, copy) in copies.iter().enumerate().skip(1) {
        let kept = &copies[winner];
        let older = matches!((fed_date(copy), fed_date(kept)), (Some(c), Some(k)) if c.unix_seconds() < k.unix_seconds());
        if !older {
            winner = i;
        }
    }
    let latest_fed = (copies.iter().filter_map(fed_date)).max_by_key(|d| d.unix_seconds());
    let mut item = copies[winner].clone();
    item.was_subscriber_only = (copies.iter()).any(|c| {
        c.title
            .trim_start()
            .starts_with(crate::feed_title::SUBSCRIBER_MARKER)
    });
    if fed_date(&item).is_none() {
        if let Some(date) = latest_fed {
            (item.date, item.date_estimated) = (Some(date), false);
        }
    }
    for copy in copies.iter().rev() {
        item.link = item.link.or_else(|| copy.link.clone());
        item.guid = item.guid.or_else(|| copy.guid.clone());
        item.author = item.author.or_else(|| copy.author.clone());
        if item.summary.is_empty() {
            item.summary.clone_from(&copy.summary);
        }
    }
    item
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;

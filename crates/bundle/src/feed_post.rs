//! Feed items as archive entries: each classified, filed under the kernel release it belongs to, and gathered into one feed post per release.
//!
//! A feed post is to LWN what an "LKML News" post is to its blog: the news
//! of one release tag (`LWN.net during v7.1-rc3`) or one merge window
//! (`LWN.net in the v7.2 merge window`), so the release facet, the releases
//! page and the results grouped by post treat both sources alike.

use std::collections::BTreeMap;

use kernel_news_core::date::DateTime;
use kernel_news_core::{ids, Entry, EntryKind, KernelVersion, Post, ReleaseSource, SOURCE_LWN};

use crate::feed::FeedItem;
use crate::feed_title::{self, Names};
use crate::feed_topic::{SummaryText, TopicRules};
use crate::release::{cycle_of, Calendar, Relation};
use crate::subsystem::SubsystemTable;

/// What the feeds gave, for the summary line and the README's figures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedSummary {
    /// Items read from every file, copies included.
    pub read: usize,
    /// Copies of an article already read from another snapshot.
    pub duplicates: usize,
    pub kept: usize,
    /// Left out by default, by reason (`not about the kernel`, `security updates`).
    pub left_out: BTreeMap<&'static str, usize>,
    pub with_release: usize,
    pub with_subsystem: usize,
    /// Kept items whose date came from their title or neighbours.
    pub estimated_dates: usize,
}

/// The release an item belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub release: Option<KernelVersion>,
    pub cycle: Option<KernelVersion>,
    pub source: ReleaseSource,
}

/// Tags the feeds announce with a date of their own: a dated prepatch item
/// is published on its rc's release day.
pub fn announced<'a>(items: impl IntoIterator<Item = &'a FeedItem>) -> Vec<(KernelVersion, i64)> {
    (items.into_iter())
        .filter(|i| !i.date_estimated)
        .filter_map(|i| match feed_title::read(&i.title).names {
            Some(Names::Tag(v)) => Some((v, i.date?.utc_day())),
            _ => None,
        })
        .collect()
}

/// Gives an undated item the day its title names (a weekly edition's issue
/// day, a prepatch's release day), marked estimated. Done before merging so
/// the neighbours of such items can take their place from them.
pub fn date_from_title(item: &mut FeedItem, calendar: &Calendar) {
    if item.date.is_some() {
        return;
    }
    let facts = feed_title::read(&item.title);
    let day = match (facts.day, facts.names) {
        (Some(day), _) => Some(day),
        (None, Some(Names::Tag(v))) => calendar.get(&v).copied(),
        _ => None,
    };
    if let Some(day) = day {
        item.date = Some(DateTime {
            local_days: day,
            seconds: 0,
            offset_minutes: 0,
        });
        item.date_estimated = true;
    }
}

/// Files an item: the release its title names, else the tag in development on its day.
pub fn place(names: Option<Names>, date: Option<&DateTime>, calendar: &Calendar) -> Placement {
    let final_before = |cycle: KernelVersion| {
        (calendar.keys())
            .filter(|v| v.is_final() && **v < cycle)
            .max()
            .copied()
    };
    match (names, date) {
        (Some(Names::Tag(v)), _) => Placement {
            release: Some(v),
            cycle: Some(v.cycle()),
            source: ReleaseSource::Title,
        },
        (Some(Names::MergeWindow(c)), _) => Placement {
            release: final_before(c),
            cycle: Some(c),
            source: ReleaseSource::Title,
        },
        (None, Some(d)) => {
            let day = d.utc_day();
            let tag = (calendar.iter())
                .filter(|(_, &tagged)| tagged <= day)
                .map(|(v, _)| *v)
                .max();
            Placement {
                release: tag,
                cycle: tag.map(|t| cycle_of(t, Relation::After, calendar)),
                source: if tag.is_some() {
                    ReleaseSource::Date
                } else {
                    ReleaseSource::None
                },
            }
        }
        (None, None) => Placement {
            release: None,
            cycle: None,
            source: ReleaseSource::None,
        },
    }
}

/// The feed posts for merged `items`, newest item first within each post.
/// Non-kernel items are left out (and counted) unless `keep_all`.
pub fn posts(
    items: Vec<FeedItem>,
    calendar: &Calendar,
    table: &SubsystemTable,
    rules: &TopicRules,
    keep_all: bool,
    summary: &mut FeedSummary,
) -> Vec<Post> {
    let mut groups: BTreeMap<(Option<KernelVersion>, Option<KernelVersion>), Vec<Entry>> =
        BTreeMap::new();
    for item in items {
        let mut facts = feed_title::read(&item.title);
        if facts.kind == EntryKind::Brief && item.was_subscriber_only {
            facts.kind = EntryKind::Article;
        }
        let text = SummaryText::read(&item.summary);
        if !keep_all && !rules.is_kernel(facts.kind, &facts.title, &text, table) {
            let why = match facts.kind {
                EntryKind::SecurityUpdates => "security updates",
                _ => "not about the kernel",
            };
            *summary.left_out.entry(why).or_default() += 1;
            continue;
        }
        let placed = place(facts.names, item.date.as_ref(), calendar);
        let subsystems = rules.subsystems(&facts.title, &text, table);
        summary.kept += 1;
        summary.with_release += usize::from(placed.release.is_some() || placed.cycle.is_some());
        summary.with_subsystem += usize::from(!subsystems.is_empty());
        summary.estimated_dates += usize::from(item.date_estimated);
        groups
            .entry((placed.release, placed.cycle))
            .or_default()
            .push(Entry {
                title: facts.title,
                kind: facts.kind,
                subsystems,
                authors: item.author.into_iter().collect(),
                body: item.summary,
                line: item.line,
                date: item.date.map(|d| d.to_rfc3339()),
                date_estimated: item.date_estimated,
                url: item.link,
                subscriber_only: facts.subscriber_only,
                release_source: Some(placed.source),
                ..Default::default()
            });
    }
    groups
        .into_iter()
        .map(|((release, cycle), entries)| feed_post(release, cycle, entries))
        .collect()
}

fn feed_post(
    release: Option<KernelVersion>,
    cycle: Option<KernelVersion>,
    mut entries: Vec<Entry>,
) -> Post {
    let instant = |e: &Entry| {
        e.date
            .as_deref()
            .and_then(DateTime::parse)
            .map(|d| d.unix_seconds())
    };
    entries.sort_by_cached_key(|e| (std::cmp::Reverse(instant(e)), e.title.clone()));
    let merge_window = match (release, cycle) {
        (Some(r), Some(c)) => r.is_final() && c != r,
        (None, Some(_)) => true,
        _ => false,
    };
    let (group, title) = match (release, cycle) {
        (_, Some(c)) if merge_window => (
            format!("{c}-merge-window"),
            format!("LWN.net in the {c} merge window"),
        ),
        (Some(r), _) => (r.to_string(), format!("LWN.net during {r}")),
        (None, _) => (
            "unplaced".to_string(),
            "LWN.net, release unknown".to_string(),
        ),
    };
    let path = format!("{SOURCE_LWN}/{group}");
    let all_by_title = (entries.iter()).all(|e| e.release_source == Some(ReleaseSource::Title));
    let mut post = Post {
        // The trailing `/` keeps the version's dots from reading as an extension.
        id: ids::post_id(&format!("{path}/")),
        source: SOURCE_LWN.to_string(),
        path,
        title,
        date: entries.first().and_then(|e| e.date.clone()),
        release: release.map(|r| r.to_string()),
        release_source: match (release, all_by_title) {
            (None, _) => ReleaseSource::None,
            (Some(_), true) => ReleaseSource::Title,
            (Some(_), false) => ReleaseSource::Date,
        },
        cycle: cycle.map(|c| c.to_string()),
        lang: "en".to_string(),
        entries,
        ..Default::default()
    };
    ids::assign_entries(&mut post);
    post
}

#[cfg(test)]
#[path = "feed_post_tests.rs"]
mod tests;

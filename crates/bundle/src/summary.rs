//! The counts of the bundler's closing summary lines: posts, series, authors and subsystems.

use std::collections::{BTreeMap, BTreeSet};

use kernel_news_core::sender::SenderSummary;
use kernel_news_core::subject;
use kernel_news_core::{Bundle, Entry, EntryKind, Post, SOURCE_LKML_NEWS};

use crate::feed_post::FeedSummary;
use crate::mailmap::Folded;
use crate::subsystem::{PrefixReading, SubsystemTable};

/// Counts for the closing summary line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub posts: usize,
    pub entries: usize,
    pub warnings: usize,
    pub errors: usize,
    pub drafts_skipped: usize,
    /// Set when feeds were given.
    pub feed: Option<FeedSummary>,
    pub series: SeriesSummary,
    pub authors: AuthorSummary,
    pub subsystems: SubsystemSummary,
}

/// What the author map and the sender addresses did, and the coverage after.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct AuthorSummary {
    pub folded: Folded,
    pub senders: SenderSummary,
    /// Per language: the news posts' entries other than release
    /// announcements, and how many of them name an author.
    pub coverage: BTreeMap<String, (usize, usize)>,
}

impl AuthorSummary {
    pub fn of(bundle: &Bundle, folded: Folded, senders: SenderSummary) -> AuthorSummary {
        AuthorSummary {
            coverage: coverage(bundle, |e| !e.authors.is_empty()),
            folded,
            senders,
        }
    }

    /// `authors: other spellings folded by the author map: 8 (on 10 entries); ...`.
    pub fn line(&self) -> String {
        let s = &self.senders;
        format!(
            "authors: other spellings folded by the author map: {} (on {} entries); \
             entries with a sender address in their message-id: {}, addresses learned: {} \
             (seen with two names, unused: {}), entries named from their sender: {}; \
             news entries with an author (release announcements aside): {}",
            self.folded.spellings,
            self.folded.entries,
            s.with_address,
            s.learned,
            s.ambiguous,
            s.named,
            coverage_text(&self.coverage)
        )
    }
}

/// What the series grouping found, for the summary.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SeriesSummary {
    pub series: usize,
    /// Series with two or more versions (a resend is no version).
    pub multi: usize,
    /// Postings in the longest series.
    pub longest: usize,
    /// Entries dated by their message-id, and by their release tag.
    pub dated_by_message_id: usize,
    pub dated_by_tag: usize,
}

impl SeriesSummary {
    pub fn of(bundle: &Bundle) -> SeriesSummary {
        let entries = (bundle.posts.iter()).flat_map(|p| p.entries.iter().map(move |e| (p, e)));
        let len = bundle.posts.iter().map(|p| p.entries.len()).sum();
        let stories = kernel_news_core::story::Stories::build(len, entries.clone());
        let from = |f| {
            entries
                .clone()
                .filter(|(_, e)| e.date_from == Some(f))
                .count()
        };
        SeriesSummary {
            series: stories.len(),
            multi: stories.iter().filter(|s| s.versions() > 1).count(),
            longest: stories.iter().map(|s| s.versions()).max().unwrap_or(0),
            dated_by_message_id: from(kernel_news_core::DateFrom::MessageId),
            dated_by_tag: from(kernel_news_core::DateFrom::ReleaseTag),
        }
    }

    /// `series: 40, 12 with two or more versions (longest 5); ...`.
    pub fn line(&self) -> String {
        format!(
            "series: {}, {} with two or more versions (longest {}); posting dates: {} from message-ids, {} from release tags",
            self.series, self.multi, self.longest, self.dated_by_message_id, self.dated_by_tag
        )
    }
}

/// The news posts' entries other than release announcements, with their post.
fn news(bundle: &Bundle) -> impl Iterator<Item = (&Post, &Entry)> {
    (bundle.posts.iter().filter(|p| p.source == SOURCE_LKML_NEWS))
        .flat_map(|p| p.entries.iter().map(move |e| (p, e)))
        .filter(|(_, e)| e.kind != EntryKind::Release)
}

/// `en 266 of 277, ko 44 of 119`: per language, the news entries `has` holds for.
fn coverage(bundle: &Bundle, has: impl Fn(&Entry) -> bool) -> BTreeMap<String, (usize, usize)> {
    let mut by_lang: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (p, e) in news(bundle) {
        let c = by_lang.entry(p.lang.clone()).or_default();
        c.0 += 1;
        c.1 += usize::from(has(e));
    }
    by_lang
}

fn coverage_text(by_lang: &BTreeMap<String, (usize, usize)>) -> String {
    let parts: Vec<String> = (by_lang.iter())
        .map(|(lang, (all, with))| format!("{lang} {with} of {all}"))
        .collect();
    if parts.is_empty() {
        "none".to_string()
    } else {
        parts.join(", ")
    }
}

/// How the subject prefixes were read, and the coverage after.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SubsystemSummary {
    /// Spellings read as another subsystem's (`folios` -> mm/folio), lowercased.
    pub aliases: BTreeSet<String>,
    /// Spellings that name no subsystem (`rfc`, a commit id, a file name).
    pub dropped: BTreeSet<String>,
    /// Per language: news entries (release announcements aside), and those with a subsystem.
    pub coverage: BTreeMap<String, (usize, usize)>,
}

impl SubsystemSummary {
    pub fn of(bundle: &Bundle, table: &SubsystemTable) -> SubsystemSummary {
        let mut summary = SubsystemSummary {
            coverage: coverage(bundle, |e| !e.subsystems.is_empty()),
            ..SubsystemSummary::default()
        };
        let entries = bundle.posts.iter().flat_map(|p| &p.entries);
        for e in entries.filter(|e| e.url.is_none()) {
            let rest = subject::parts(&e.title).rest;
            for prefix in subject::prefixes(rest).0 {
                match table.read_prefix(prefix) {
                    PrefixReading::Alias(_) => summary.aliases.insert(prefix.trim().to_lowercase()),
                    PrefixReading::Dropped(_) => {
                        summary.dropped.insert(prefix.trim().to_lowercase())
                    }
                    PrefixReading::Known(_) | PrefixReading::Own(_) => false,
                };
            }
        }
        summary
    }

    /// `subsystems: other spellings read as a known subsystem: 5 (folio, ...); ...`.
    pub fn line(&self) -> String {
        // `3 (a, b, c)`, the first six named.
        let some = |set: &BTreeSet<String>| {
            let mut shown: Vec<&str> = set.iter().take(6).map(String::as_str).collect();
            if set.len() > shown.len() {
                shown.push("...");
            }
            match set.len() {
                0 => "0".to_string(),
                n => format!("{n} ({})", shown.join(", ")),
            }
        };
        format!(
            "subsystems: other spellings read as a known subsystem: {}; prefixes naming no subsystem: {}; \
             news entries with a subsystem (release announcements aside): {}",
            some(&self.aliases),
            some(&self.dropped),
            coverage_text(&self.coverage)
        )
    }
}

#[cfg(test)]
#[path = "summary_tests.rs"]
mod tests;

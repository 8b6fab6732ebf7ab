//! A patch series' story: its postings in order, each with its write-ups, and what the story spans.
//!
//! The bundle names each entry's series ([`crate::series`]); this module
//! gathers the entries of one series into postings. A posting is one
//! version sent to the list (`RFC v3`, `v8`): the entries that write it up
//! (a later post revisiting it, the Korean edition of the same week, an LWN
//! item) are one posting, never extra versions. Postings are ordered by
//! date, then version, RFC before PATCH.

use std::collections::HashMap;

use crate::{Entry, EntryKind, Post};

/// One version of a series as sent to the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posting {
    /// `v3`, or `None` for an unnumbered first posting (read as v1).
    pub version: Option<u32>,
    pub rfc: bool,
    /// The same version sent again days after an earlier posting of it.
    pub resend: bool,
    /// The kind of its first write-up (a topic, a discussion, a patch ...).
    pub kind: EntryKind,
    /// The posting's day (`YYYY-MM-DD`), the earliest of its write-ups'.
    pub day: Option<String>,
    /// The release tag of the post its first write-up is in.
    pub release: Option<String>,
    /// Entry numbers of its write-ups, earliest first.
    pub writeups: Vec<u32>,
}

impl Posting {
    /// `RFC v3`, `v8`, `v1`; `topic`, `discussion` for postings without a version.
    pub fn label(&self) -> String {
        let v = self.version.unwrap_or(1);
        let label = match (self.rfc, self.numbered()) {
            (true, _) => format!("RFC v{v}"),
            (false, true) => format!("v{v}"),
            (false, false) => self.kind.label().to_lowercase(),
        };
        if self.resend {
            format!("{label} resend")
        } else {
            label
        }
    }

    /// A posting of patches (not a topic or a discussion naming the work).
    fn numbered(&self) -> bool {
        self.version.is_some() || matches!(self.kind, EntryKind::Patch | EntryKind::Rfc)
    }
}

/// Every posting of one series, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    pub id: String,
    pub postings: Vec<Posting>,
}

impl Story {
    pub fn first_seen(&self) -> Option<&str> {
        self.postings.iter().find_map(|p| p.day.as_deref())
    }

    pub fn last_seen(&self) -> Option<&str> {
        self.postings.iter().rev().find_map(|p| p.day.as_deref())
    }

    /// The newest posting.
    pub fn latest(&self) -> &Posting {
        self.postings.last().expect("a story has a posting")
    }

    /// How many versions: postings (topics and discussions alike) but not
    /// a version sent again.
    pub fn versions(&self) -> usize {
        self.postings.iter().filter(|p| !p.resend).count()
    }

    /// The release tags its postings were written up under, in posting order, each once.
    pub fn releases(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for r in self.postings.iter().filter_map(|p| p.release.as_deref()) {
            if !out.contains(&r) {
                out.push(r);
            }
        }
        out
    }

    /// An RFC came before a non-RFC patch posting.
    pub fn rfc_to_patch(&self) -> bool {
        let first_rfc = self.postings.iter().position(|p| p.rfc);
        first_rfc.is_some_and(|i| (self.postings[i..].iter()).any(|p| !p.rfc && p.numbered()))
    }

    /// Every entry of the story, posting by posting.
    pub fn entries(&self) -> impl Iterator<Item = u32> + '_ {
        self.postings
            .iter()
            .flat_map(|p| p.writeups.iter().copied())
    }

    /// The posting `number` is a write-up of.
    pub fn posting_of(&self, number: u32) -> Option<usize> {
        (self.postings.iter()).position(|p| p.writeups.contains(&number))
    }
}

/// What makes two write-ups one posting.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum PostingKey {
    Version {
        rfc: bool,
        version: u32,
    },
    /// A topic or discussion: its message-id, else its kind in one release.
    Thread(String),
    Unnamed(EntryKind, Option<String>),
}

fn posting_key(post: &Post, entry: &Entry) -> PostingKey {
    let rfc = entry.kind == EntryKind::Rfc || entry.title.to_ascii_uppercase().contains("RFC");
    if entry.patch_version.is_some() || crate::series::founds(entry.kind) {
        return PostingKey::Version {
            rfc,
            version: entry.patch_version.unwrap_or(1),
        };
    }
    match crate::b4::message_id(entry) {
        Some(id) => PostingKey::Thread(id),
        None => PostingKey::Unnamed(entry.kind, post.release.clone()),
    }
}

/// Postings being gathered, with the message-ids their write-ups cite.
#[derive(Default)]
struct Gathered {
    postings: Vec<(PostingKey, Option<String>, Posting)>,
}

/// Two write-ups of one version with different message-ids are one posting
/// (the cover letter and a patch of it) unless days apart (a resend).
const SAME_POSTING_DAYS: i64 = 3;

impl Gathered {
    /// Adds a write-up; `id` is the message-id it cites, when the story needs them.
    fn add(
        &mut self,
        post: &Post,
        entry: &Entry,
        number: u32,
        key: PostingKey,
        id: Option<String>,
    ) {
        let day = entry.day(post);
        let close = |other: &Posting| match (
            day.and_then(crate::date::parse_ymd),
            other.day.as_deref().and_then(crate::date::parse_ymd),
        ) {
            (Some(a), Some(b)) => (a - b).abs() <= SAME_POSTING_DAYS,
            _ => true,
        };
        let cited = |p_id: &Option<String>| id.is_some() && *p_id == id;
        let found = match &key {
            PostingKey::Version { .. } => (self.postings.iter_mut()).find(|(k, p_id, p)| {
                *k == key && (cited(p_id) || id.is_none() || p_id.is_none() || close(p))
            }),
            // A write-up of a posting by its message-id, else of the same thread.
            _ => match self.postings.iter().position(|(_, p_id, _)| cited(p_id)) {
                Some(i) => self.postings.get_mut(i),
                None => self.postings.iter_mut().find(|(k, _, _)| *k == key),
            },
        };
        match found {
            Some((_, p_id, p)) => {
                p.writeups.push(number);
                if p_id.is_none() {
                    *p_id = id;
                }
            }
            None => {
                let rfc = matches!(key, PostingKey::Version { rfc: true, .. });
                let resend = self.postings.iter().any(|(k, _, _)| *k == key);
                let posting = Posting {
                    version: entry.patch_version,
                    rfc,
                    resend,
                    kind: entry.kind,
                    day: day.map(str::to_string),
                    release: post.release.clone(),
                    writeups: vec![number],
                };
                self.postings.push((key, id, posting));
            }
        }
    }

    fn done(self) -> Vec<Posting> {
        self.postings.into_iter().map(|(_, _, p)| p).collect()
    }
}

/// Every series of an archive, and each entry's.
#[derive(Debug, Default)]
pub struct Stories {
    stories: Vec<Story>,
    by_id: HashMap<String, u32>,
    /// Per entry number: its story's index, or `u32::MAX`.
    of_entry: Vec<u32>,
}

impl Stories {
    /// Gathers the entries numbered `0..` in the order given, as
    /// `(post, entry)`; `len` is the number of entries.
    pub fn build<'a>(len: usize, entries: impl Iterator<Item = (&'a Post, &'a Entry)>) -> Stories {
        struct Member<'a> {
            number: u32,
            post: &'a Post,
            entry: &'a Entry,
        }
        let mut members: HashMap<&str, Vec<Member>> = HashMap::new();
        for (number, (post, entry)) in entries.enumerate() {
            if let Some(id) = entry.series_id.as_deref() {
                let number = number as u32;
                members.entry(id).or_default().push(Member {
                    number,
                    post,
                    entry,
                });
            }
        }
        let mut stories: Vec<Story> = (members.into_iter())
            .map(|(id, mut ms)| {
                ms.sort_by(|a, b| {
                    (a.entry.day(a.post).cmp(&b.entry.day(b.post))).then(a.number.cmp(&b.number))
                });
                let mut postings = Gathered::default();
                let keyed: Vec<(&Member, PostingKey)> = ms
                    .iter()
                    .map(|m| (m, posting_key(m.post, m.entry)))
                    .collect();
                // Message-ids tell postings apart only where a version is
                // written up twice or a topic may cite a posting; reading
                // them (every link of the body) for the rest, most stories at
                // 100k entries, was the bulk of the build.
                let versions = |k: &PostingKey| matches!(k, PostingKey::Version { .. });
                let mut seen = std::collections::HashSet::new();
                let repeated = !keyed.iter().all(|(_, k)| seen.insert(k));
                let needs_ids = repeated || keyed.iter().any(|(_, k)| !versions(k));
                // Postings first, so a write-up elsewhere (an LWN item) finds
                // the posting it cites whatever its date.
                let (first, then): (Vec<_>, Vec<_>) =
                    keyed.into_iter().partition(|(_, k)| versions(k));
                for (m, key) in first.into_iter().chain(then) {
                    let id = match &key {
                        PostingKey::Thread(id) => Some(id.clone()),
                        _ if needs_ids => crate::b4::message_id(m.entry),
                        _ => None,
                    };
                    postings.add(m.post, m.entry, m.number, key, id);
                }
                let mut postings: Vec<Posting> = postings.done();
                // Undated postings last; then version, RFC before PATCH.
                postings.sort_by(|a, b| {
                    (a.day.is_none().cmp(&b.day.is_none()))
                        .then(a.day.cmp(&b.day))
                        .then(a.version.unwrap_or(1).cmp(&b.version.unwrap_or(1)))
                        .then(b.rfc.cmp(&a.rfc))
                });
                Story {
                    id: id.to_string(),
                    postings,
                }
            })
            .collect();
        stories.sort_by(|a, b| a.id.cmp(&b.id));
        let mut of_entry = vec![u32::MAX; len];
        let mut by_id = HashMap::with_capacity(stories.len());
        for (i, s) in stories.iter().enumerate() {
            by_id.insert(s.id.clone(), i as u32);
            for n in s.entries() {
                of_entry[n as usize] = i as u32;
            }
        }
        Stories {
            stories,
            by_id,
            of_entry,
        }
    }

    pub fn get(&self, id: &str) -> Option<&Story> {
        Some(&self.stories[*self.by_id.get(id)? as usize])
    }

    /// The story entry `number` belongs to.
    pub fn of(&self, number: u32) -> Option<&Story> {
        Some(&self.stories[self.index_of(number)? as usize])
    }

    /// The index of entry `number`'s story in [`Stories::iter`] order.
    pub fn index_of(&self, number: u32) -> Option<u32> {
        (self.of_entry.get(number as usize).copied()).filter(|&i| i != u32::MAX)
    }

    /// Every story, by id.
    pub fn iter(&self) -> impl Iterator<Item = &Story> {
        self.stories.iter()
    }

    pub fn len(&self) -> usize {
        self.stories.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stories.is_empty()
    }
}

#[cfg(test)]
#[path = "story_tests.rs"]
mod tests;

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
        match (self.rfc, self.numbered()) {
            (true, _) => format!("RFC v{v}"),
            (false, true) => format!("v{v}"),
            (false, false) => self.kind.label().to_lowercase(),
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

    /// How many postings (versions, topics and discussions alike).
    pub fn versions(&self) -> usize {
        self.postings.len()
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
            .map(|(id, ms)| {
                let mut postings: Vec<(PostingKey, Posting)> = Vec::new();
                let mut ms = ms;
                ms.sort_by(|a, b| {
                    (a.entry.day(a.post).cmp(&b.entry.day(b.post))).then(a.number.cmp(&b.number))
                });
                for m in ms {
                    let key = posting_key(m.post, m.entry);
                    match postings.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, p)) => p.writeups.push(m.number),
                        None => {
                            let rfc = matches!(key, PostingKey::Version { rfc: true, .. });
                            postings.push((
                                key,
                                Posting {
                                    version: m.entry.patch_version,
                                    rfc,
                                    kind: m.entry.kind,
                                    day: m.entry.day(m.post).map(str::to_string),
                                    release: m.post.release.clone(),
                                    writeups: vec![m.number],
                                },
                            ))
                        }
                    }
                }
                let mut postings: Vec<Posting> = postings.into_iter().map(|(_, p)| p).collect();
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

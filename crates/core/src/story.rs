//! A patch series' story: its postings in order, each with its write-ups, and what the story spans.
//!
//! The bundle names each entry's series ([`crate::series`]); this module
//! gathers the entries of one series into postings. A posting is one
//! version sent to the list (`RFC v3`, `v8`): the entries that write it up
//! (a later post revisiting it, the Korean edition of the same week, an LWN
//! item) are one posting, never extra versions. Postings are ordered by
//! date, then version, RFC before PATCH.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::OnceLock;

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
    let rfc = entry.kind == EntryKind::Rfc
        || (entry.title.as_bytes().windows(3)).any(|w| w.eq_ignore_ascii_case(b"RFC"));
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

/// Postings being gathered. A posting's message-id (its first write-up's)
/// is read only when asked: reading one reads every link of a body, and most
/// postings never need it.
#[derive(Default)]
struct Gathered<'a> {
    postings: Vec<Slot<'a>>,
}

struct Slot<'a> {
    key: PostingKey,
    first: &'a Entry,
    id: OnceCell<Option<String>>,
    posting: Posting,
}

impl Slot<'_> {
    fn id(&self) -> Option<&str> {
        (self.id.get_or_init(|| crate::b4::message_id(self.first))).as_deref()
    }
}

/// Two write-ups of one version are one posting (the cover letter and a
/// patch of it, two editions) unless days apart and citing different
/// message-ids (a resend).
const SAME_POSTING_DAYS: i64 = 3;

impl<'a> Gathered<'a> {
    fn add(&mut self, post: &Post, entry: &'a Entry, number: u32, key: PostingKey) {
        let day = entry.day(post);
        // A thread's key is its message-id already: not read from the body again.
        let own = match &key {
            PostingKey::Thread(id) => OnceCell::from(Some(id.clone())),
            _ => OnceCell::new(),
        };
        let own_id = || (own.get_or_init(|| crate::b4::message_id(entry))).as_deref();
        let close = |other: &Posting| match (
            day.and_then(crate::date::parse_ymd),
            other.day.as_deref().and_then(crate::date::parse_ymd),
        ) {
            (Some(a), Some(b)) => (a - b).abs() <= SAME_POSTING_DAYS,
            _ => true,
        };
        let found = match &key {
            PostingKey::Version { .. } => self.postings.iter().position(|slot| {
                slot.key == key
                    && (close(&slot.posting)
                        || match (own_id(), slot.id()) {
                            (Some(own), Some(other)) => own == other,
                            _ => true,
                        })
            }),
            // A write-up of a posting by its message-id, else of the same thread.
            _ => {
                let cites = |slot: &Slot| own_id().is_some() && slot.id() == own_id();
                (self.postings.iter().position(cites))
                    .or_else(|| self.postings.iter().position(|slot| slot.key == key))
            }
        };
        if let Some(i) = found {
            self.postings[i].posting.writeups.push(number);
            return;
        }
        let rfc = matches!(key, PostingKey::Version { rfc: true, .. });
        let resend = self.postings.iter().any(|slot| slot.key == key);
        let posting = Posting {
            version: entry.patch_version,
            rfc,
            resend,
            kind: entry.kind,
            day: day.map(str::to_string),
            release: post.release.clone(),
            writeups: vec![number],
        };
        self.postings.push(Slot {
            key,
            first: entry,
            id: own,
            posting,
        });
    }

    fn done(self) -> Vec<Posting> {
        self.postings.into_iter().map(|slot| slot.posting).collect()
    }
}

/// One entry of a story being gathered.
struct Member<'a> {
    number: u32,
    post: &'a Post,
    entry: &'a Entry,
}

/// The postings of one series from its entries.
fn gather(id: &str, mut ms: Vec<Member>) -> Story {
    ms.sort_by(|a, b| {
        (a.entry.day(a.post).cmp(&b.entry.day(b.post))).then(a.number.cmp(&b.number))
    });
    let mut postings = Gathered::default();
    let versions = |k: &PostingKey| matches!(k, PostingKey::Version { .. });
    let keyed = ms.iter().map(|m| (m, posting_key(m.post, m.entry)));
    // Postings first, so a write-up elsewhere (an LWN item) finds the
    // posting it cites whatever its date.
    let (first, then): (Vec<_>, Vec<_>) = keyed.partition(|(_, k)| versions(k));
    for (m, key) in first.into_iter().chain(then) {
        postings.add(m.post, m.entry, m.number, key);
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
}

/// Every series of an archive, and each entry's. The index (which entries
/// are one series) is made at once; each story's postings only when first
/// asked for ([`Stories::story`]): a result row's badge needs the story of
/// each row shown, not of the 36,000 series of a 100k archive (180 ms natively
/// when they were all gathered up front).
#[derive(Debug, Default)]
pub struct Stories {
    /// Per story: its id and its entries in entry order.
    ids: Vec<String>,
    members: Vec<Vec<u32>>,
    by_id: HashMap<String, u32>,
    /// Story indexes in id order.
    sorted: Vec<u32>,
    /// Per entry number: its story's index, or `u32::MAX`.
    of_entry: Vec<u32>,
    built: Vec<OnceLock<Story>>,
}

impl Stories {
    /// Indexes the entries numbered `0..` in the order given, as `(post,
    /// entry)`; `len` is the number of entries. No story is gathered yet.
    pub fn index<'a>(len: usize, entries: impl Iterator<Item = (&'a Post, &'a Entry)>) -> Stories {
        let mut stories = Stories {
            of_entry: vec![u32::MAX; len],
            ..Stories::default()
        };
        for (number, (_, entry)) in entries.enumerate() {
            let Some(id) = entry.series_id.as_deref() else {
                continue;
            };
            let i = match stories.by_id.get(id) {
                Some(&i) => i,
                None => {
                    let i = stories.ids.len() as u32;
                    stories.by_id.insert(id.to_string(), i);
                    stories.ids.push(id.to_string());
                    stories.members.push(Vec::new());
                    i
                }
            };
            stories.members[i as usize].push(number as u32);
            if let Some(slot) = stories.of_entry.get_mut(number) {
                *slot = i;
            }
        }
        let mut sorted: Vec<u32> = (0..stories.ids.len() as u32).collect();
        sorted.sort_by(|&a, &b| stories.ids[a as usize].cmp(&stories.ids[b as usize]));
        stories.sorted = sorted;
        stories.built = (0..stories.ids.len()).map(|_| OnceLock::new()).collect();
        stories
    }

    /// [`Stories::index`], then every story gathered: for tools that read
    /// them all (the bundler's summary, the system tests).
    pub fn build<'a>(len: usize, entries: impl Iterator<Item = (&'a Post, &'a Entry)>) -> Stories {
        let all: Vec<(&Post, &Entry)> = entries.collect();
        let stories = Stories::index(len, all.iter().copied());
        for i in 0..stories.len() as u32 {
            stories.story(i, |n| all[n as usize]);
        }
        stories
    }

    /// Story `i` (an index from [`Stories::index_of`] or [`Stories::find`]),
    /// gathered on first use from the entries `entry` gives by number.
    pub fn story<'a>(&self, i: u32, entry: impl Fn(u32) -> (&'a Post, &'a Entry)) -> &Story {
        self.built[i as usize].get_or_init(|| {
            let members = (self.members[i as usize].iter())
                .map(|&number| {
                    let (post, entry) = entry(number);
                    Member {
                        number,
                        post,
                        entry,
                    }
                })
                .collect();
            gather(&self.ids[i as usize], members)
        })
    }

    /// The index of the story with this id.
    pub fn find(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    /// The story with this id, if it has been gathered (every story after
    /// [`Stories::build`]; in the viewer ask [`crate::archive::Archive::story`]).
    pub fn get(&self, id: &str) -> Option<&Story> {
        self.built[self.find(id)? as usize].get()
    }

    /// The story entry `number` belongs to, if gathered (see [`Stories::get`]).
    pub fn of(&self, number: u32) -> Option<&Story> {
        self.built[self.index_of(number)? as usize].get()
    }

    /// The index of entry `number`'s story.
    pub fn index_of(&self, number: u32) -> Option<u32> {
        (self.of_entry.get(number as usize).copied()).filter(|&i| i != u32::MAX)
    }

    /// The entries of story `i`, in entry order; no gathering needed.
    pub fn members(&self, i: u32) -> &[u32] {
        &self.members[i as usize]
    }

    /// Every gathered story, by id (all of them after [`Stories::build`]).
    pub fn iter(&self) -> impl Iterator<Item = &Story> {
        (self.sorted.iter()).filter_map(|&i| self.built[i as usize].get())
    }

    /// Story indexes in id order.
    pub fn indexes(&self) -> impl Iterator<Item = u32> + '_ {
        self.sorted.iter().copied()
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

#[cfg(test)]
#[path = "story_tests.rs"]
mod tests;

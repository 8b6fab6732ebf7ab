//! One name per person (issue 14): the author map folds other spellings, and
//! the Korean edition's entries are named from the sender address in their
//! message-ids. Figures measured on the corpus of 105 posts in ../shared
//! (99 once six copies are bundled once; 2026-12-01): before, none of the
//! 98 Korean news entries named an author.

use std::collections::BTreeSet;

use kernel_news_core::{AuthorsFrom, Bundle, EntryKind, SOURCE_LKML_NEWS};

use crate::support::{bundle_dirs, shared, tree};

/// Per language: news entries other than release announcements, with an author, with a sender address.
fn coverage(b: &Bundle, lang: &str) -> (usize, usize, usize) {
    let entries = (b.posts.iter())
        .filter(|p| p.source == SOURCE_LKML_NEWS && p.lang == lang)
        .flat_map(|p| &p.entries)
        .filter(|e| e.kind != EntryKind::Release);
    entries.fold((0, 0, 0), |(all, named, sent), e| {
        (
            all + 1,
            named + usize::from(!e.authors.is_empty()),
            sent + usize::from(e.sender.is_some()),
        )
    })
}

#[test]
fn the_real_archive_has_one_name_per_person_and_named_korean_entries() {
    let Some(corpus) = shared("corpus/posts") else {
        return;
    };
    let built = bundle_dirs(&[&corpus]);
    let b = &built.bundle;
    let names: BTreeSet<&str> = (b.posts.iter().flat_map(|p| &p.entries))
        .flat_map(|e| e.authors.iter().map(String::as_str))
        .collect();
    for misspelt in [
        "Mattew Wilcox",
        "Suren Baghadasaryan",
        "Liam Howlett",
        "Joel Fernendes",
        "Ken Overstreet",
    ] {
        assert!(!names.contains(misspelt), "{misspelt} is still an author");
    }
    for proper in [
        "Matthew Wilcox",
        "Suren Baghdasaryan",
        "Liam R. Howlett",
        "Joel Fernandes",
    ] {
        assert!(names.contains(proper), "{proper} is missing");
    }
    assert_eq!(built.summary.authors.folded.spellings, 8);

    let (ko, ko_named, ko_sent) = coverage(b, "ko");
    assert_eq!((ko, ko_named, ko_sent), (98, 35, 64));
    let (en, en_named, _) = coverage(b, "en");
    assert_eq!((en, en_named), (277, 266));
    let from_sender = (b.posts.iter().flat_map(|p| &p.entries))
        .filter(|e| e.authors_from == Some(AuthorsFrom::Sender))
        .count();
    assert_eq!(from_sender, built.summary.authors.senders.named);
    assert_eq!(from_sender, 42);
}

const ENGLISH: &[u8] = b"---\ntitle: \"LKML News v6.7-rc4\"\ndate: 2023-11-28T06:35:48-08:00\n---\n\n\
[PATCH v2] prctl: Get anon name (Mattew Wilcox)\n-----------------------------------------------\n\n\
https://lkml.kernel.org/r/20231120101010.1234-1-willy@infradead.org\n\nA getter.\n\n\
[PATCH] mm: one (Ann Author)\n----------------------------\n\n\
https://lore.kernel.org/r/20231121101010.1-1-ann@example.org\n";
const KOREAN: &[u8] = b"---\ntitle: \"LKML News v6.7-rc4\"\ndate: 2023-11-28T06:35:48-08:00\n---\n\n\
[PATCH v2] prctl: Get anon name\n-------------------------------\n\n\
https://lkml.kernel.org/r/20231120101010.1234-1-willy@infradead.org\n\n\xea\xb0\x80\xec\xa0\xb8\xec\x98\xb5\xeb\x8b\x88\xeb\x8b\xa4.\n\n\
[PATCH] mm: two\n---------------\n\n\
https://lore.kernel.org/r/20231122101010.2-1-ann@example.org\n\n\
[PATCH] mm: three\n-----------------\n\n\
https://lore.kernel.org/r/20231123101010.3-1-bob@example.org\n";

#[test]
fn a_korean_entry_is_named_by_the_address_an_english_one_names_and_says_so() {
    let dir = tree(&[("a.md", ENGLISH), ("ko/a.md", KOREAN)]);
    let built = bundle_dirs(&[dir.path()]);
    let ko = (built.bundle.posts.iter())
        .find(|p| p.lang == "ko")
        .expect("the ko/ post");
    let by_title = |t: &str| ko.entries.iter().find(|e| e.title.ends_with(t)).unwrap();
    // The map's own line names willy@ (the English heading misspelt him, and is folded too).
    let willy = by_title("Get anon name");
    assert_eq!(willy.authors, ["Matthew Wilcox"]);
    assert_eq!(willy.authors_from, Some(AuthorsFrom::Sender));
    assert_eq!(willy.sender.as_deref(), Some("willy@infradead.org"));
    // Learned from the English entry.
    assert_eq!(by_title("mm: two").authors, ["Ann Author"]);
    // Nobody named bob@: the address is kept, the author stays unknown.
    let bob = by_title("mm: three");
    assert!(bob.authors.is_empty() && bob.authors_from.is_none());
    assert_eq!(bob.sender.as_deref(), Some("bob@example.org"));
    let line = built.summary.authors.line();
    assert!(
        line.contains("folded by the author map: 1 (on 1 entries)"),
        "{line}"
    );
    assert!(line.contains("ko 2 of 3"), "{line}");
}

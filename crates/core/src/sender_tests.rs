//! Unit tests of the sender address in a message-id and the names learned from it.

use super::*;
use crate::{Entry, Post};

#[test]
fn git_send_email_and_format_patch_ids_name_their_sender() {
    let cases = [
        (
            "20190805170451.26009-1-joel@joelfernandes.org",
            "joel@joelfernandes.org",
        ),
        (
            "20220808193430.3378317-1-willy@infradead.org",
            "willy@infradead.org",
        ),
        (
            "1568817522-8754-1-git-send-email-laoar.shao@gmail.com",
            "laoar.shao@gmail.com",
        ),
        (
            "cover.1712345678.git.baolin.wang@linux.alibaba.com",
            "baolin.wang@linux.alibaba.com",
        ),
        (
            "0123456789abcdef0123456789abcdef01234567.1712345678.git.Liam.Howlett@Oracle.com",
            "liam.howlett@oracle.com",
        ),
    ];
    for (id, address) in cases {
        assert_eq!(sender_address(id).as_deref(), Some(address), "{id}");
    }
}

#[test]
fn ids_of_other_mailers_name_nobody() {
    for id in [
        // b4: the change-id, then a hash.
        "20240124-alice-mm-v1-0-d1abcdef0123@google.com",
        // stgit, a web mailer, mutt's random local part, a bare uuid.
        "162880453171.3369675.12345678.stgit@devnote2",
        "CAHk-=wjXYZ@mail.gmail.com",
        "Za6RXtSE_TSdrRm_@casper.infradead.org",
        "1c218381-067e-7757-ccc2-4a1b2c3d4e5f@suse.cz",
        // A stamp that is not one, and an id with no domain.
        "2019080517045.26009-1-joel@joelfernandes.org",
        "20190805170451.26009-1-joel@",
        "no-at-sign",
    ] {
        assert_eq!(sender_address(id), None, "{id}");
    }
}

#[test]
fn each_part_of_a_send_email_or_format_patch_id_must_have_its_form() {
    for id in [
        // Old send-email: the lead is nine digits or more, all digits.
        "abcdefghij-17550-1-git-send-email-joel@example.org",
        "15095-17550-1-git-send-email-joel@example.org",
        // Today's send-email: the pid and the number are digits.
        "20190805170451.ab-1-joel@example.org",
        "20190805170451.26009-x-joel@example.org",
        // format-patch: `cover` or forty hex digits, ten digits of seconds, `git`.
        "gggggggggggggggggggggggggggggggggggggggg.1712345678.git.joel@example.org",
        "abc.1712345678.git.joel@example.org",
        "cover.abcdefghij.git.joel@example.org",
        "cover.171234567.git.joel@example.org",
        "cover.1712345678.hg.joel@example.org",
        "notes.1.git.joel@example.org",
        "zzz.1712345678.git.joel@example.org",
    ] {
        assert_eq!(sender_address(id), None, "{id}");
    }
    assert_eq!(
        sender_address("0123456789abcdef0123456789abcdef01234567.1712345678.git.joel@example.org")
            .as_deref(),
        Some("joel@example.org")
    );
}

fn entry(kind: EntryKind, authors: &[&str]) -> Entry {
    Entry {
        title: "x".into(),
        kind,
        authors: authors.iter().map(|a| a.to_string()).collect(),
        ..Entry::default()
    }
}

fn bundle(entries: Vec<Entry>) -> Bundle {
    Bundle {
        format_version: crate::FORMAT_VERSION,
        generator: String::new(),
        posts: vec![Post {
            entries,
            ..Post::default()
        }],
        releases: Vec::new(),
        subsystems: Vec::new(),
        warnings: Vec::new(),
        feeds: None,
    }
}

const JOEL: &str = "20190805170451.26009-1-joel@joelfernandes.org";
const JOEL_AGAIN: &str = "20190901101010.1111-1-joel@joelfernandes.org";
const OSCAR: &str = "20231001101010.2222-1-osalvador@suse.de";

#[test]
fn an_address_learned_from_a_named_entry_names_an_unnamed_one() {
    let mut b = bundle(vec![
        entry(EntryKind::Patch, &["Joel Fernandes"]),
        entry(EntryKind::Patch, &[]),
        entry(EntryKind::Patch, &[]),
    ]);
    let cited = [Some(JOEL.into()), Some(JOEL_AGAIN.into()), None];
    let summary = assign(&mut b, &cited, &BTreeMap::new());
    let e = &b.posts[0].entries;
    assert_eq!(e[1].authors, ["Joel Fernandes"]);
    assert_eq!(e[1].authors_from, Some(AuthorsFrom::Sender));
    assert_eq!(e[0].authors_from, None, "named by its heading");
    assert_eq!(e[0].sender.as_deref(), Some("joel@joelfernandes.org"));
    assert!(e[2].authors.is_empty() && e[2].sender.is_none());
    assert_eq!(
        summary,
        SenderSummary {
            with_address: 2,
            learned: 1,
            named: 1,
            ambiguous: 0
        }
    );
}

#[test]
fn an_address_seen_with_two_names_names_nobody() {
    let mut b = bundle(vec![
        entry(EntryKind::Patch, &["Oscar Salvador"]),
        entry(EntryKind::Patch, &["per device"]),
        entry(EntryKind::Patch, &[]),
    ]);
    let cited = [Some(OSCAR.into()), Some(OSCAR.into()), Some(OSCAR.into())];
    let summary = assign(&mut b, &cited, &BTreeMap::new());
    assert!(b.posts[0].entries[2].authors.is_empty());
    assert_eq!((summary.ambiguous, summary.named), (1, 0));
}

#[test]
fn the_author_maps_own_address_wins_over_what_is_learned() {
    let mut b = bundle(vec![
        entry(EntryKind::Patch, &["Joel Fernendes"]),
        entry(EntryKind::Patch, &[]),
    ]);
    let known = BTreeMap::from([(
        "joel@joelfernandes.org".to_string(),
        "Joel Fernandes".to_string(),
    )]);
    let summary = assign(&mut b, &[Some(JOEL.into()), Some(JOEL.into())], &known);
    assert_eq!(b.posts[0].entries[1].authors, ["Joel Fernandes"]);
    assert_eq!(summary.learned, 0);
}

#[test]
fn release_announcements_and_feed_items_are_not_senders() {
    let mut feed_item = entry(EntryKind::Article, &["corbet"]);
    feed_item.url = Some("https://lwn.net/Articles/1/".into());
    let mut b = bundle(vec![
        entry(EntryKind::Release, &["Linus Torvalds"]),
        feed_item,
    ]);
    let summary = assign(
        &mut b,
        &[Some(JOEL.into()), Some(JOEL.into())],
        &BTreeMap::new(),
    );
    assert!(b.posts[0].entries.iter().all(|e| e.sender.is_none()));
    assert_eq!(summary, SenderSummary::default());
}

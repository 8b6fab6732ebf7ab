//! Message-ids and link lines in the shapes the real entries use.

use crate::calendar::civil_from_days;
use crate::names::DOMAINS;
use crate::rng::Rng;
use crate::shapes::{LinkHost, EXTRA_LINK, LORE_LIST_FORM};

/// Message-id shapes among the 503 message-id links: git send-email with a
/// timestamp, gmail, mutt and other timestamp-dot forms, old git send-email,
/// UUIDs, `cover.`, b4 and stgit.
#[derive(Debug, Clone, Copy)]
enum Shape {
    SendEmail,
    Gmail,
    Mutt,
    StampHex,
    ZStyle,
    OldSendEmail,
    Uuid,
    Cover,
    B4,
    Stgit,
}

const SHAPES: &[(Shape, u32)] = &[
    (Shape::SendEmail, 205),
    (Shape::Gmail, 12),
    (Shape::Mutt, 10),
    (Shape::StampHex, 35),
    (Shape::ZStyle, 20),
    (Shape::OldSendEmail, 35),
    (Shape::Uuid, 32),
    (Shape::Cover, 6),
    (Shape::B4, 5),
    (Shape::Stgit, 5),
];
/// Linus's announcements: 98 of 105 from his gmail address.
const RELEASE_GMAIL: (u32, u32) = (98, 105);

const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const GMAIL: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+=_-";
const HEX: &[u8] = b"0123456789abcdef";

fn chars(rng: &mut Rng, set: &[u8], n: usize) -> String {
    (0..n).map(|_| char::from(*rng.pick(set))).collect()
}

fn digits(rng: &mut Rng, n: usize) -> String {
    chars(rng, b"0123456789", n)
}

/// `YYYYMMDDhhmmss` around `day`.
fn stamp(rng: &mut Rng, day: i64) -> String {
    let (y, m, d) = civil_from_days(day - i64::from(rng.range(0, 6)));
    format!(
        "{y:04}{m:02}{d:02}{:02}{:02}{:02}",
        rng.range(0, 23),
        rng.range(0, 59),
        rng.range(0, 59)
    )
}

/// Seconds since the epoch around `day`, for the older id forms.
fn unix(rng: &mut Rng, day: i64) -> i64 {
    day * 86_400 + i64::from(rng.range(0, 86_399))
}

/// A message-id for an entry by `user` (a mailbox name) around `day`.
pub fn message_id(rng: &mut Rng, release: bool, user: &str, day: i64) -> String {
    if release {
        return if rng.ratio(RELEASE_GMAIL.0, RELEASE_GMAIL.1) {
            format!("CAHk-=w{}@mail.gmail.com", chars(rng, GMAIL, 39))
        } else {
            format!(
                "{}.GA{}@linux-foundation.org",
                stamp(rng, day),
                digits(rng, 5)
            )
        };
    }
    let domain = rng.word(DOMAINS);
    match rng.histogram(SHAPES) {
        Shape::SendEmail => format!(
            "{}.{}-{}-{user}@{domain}",
            stamp(rng, day),
            rng.range(1000, 9_999_999),
            rng.range(1, 2)
        ),
        Shape::Gmail => format!("CA{}@mail.gmail.com", chars(rng, GMAIL, 46)),
        Shape::Mutt => format!("{}.GA{}@{domain}", stamp(rng, day), digits(rng, 5)),
        Shape::StampHex => format!("{}.{}@{domain}", stamp(rng, day), chars(rng, HEX, 24)),
        Shape::ZStyle => format!("Z{}@{domain}", chars(rng, ALNUM, 15)),
        Shape::OldSendEmail => format!(
            "{}-{}-1-git-send-email-{user}@{domain}",
            unix(rng, day),
            rng.range(1000, 99_999)
        ),
        Shape::Uuid => format!(
            "{}-{}-{}-{}-{}@{domain}",
            chars(rng, HEX, 8),
            chars(rng, HEX, 4),
            chars(rng, HEX, 4),
            chars(rng, HEX, 4),
            chars(rng, HEX, 12)
        ),
        Shape::Cover => format!("cover.{}.git.{user}@{domain}", unix(rng, day)),
        Shape::B4 => {
            let s = stamp(rng, day);
            format!(
                "{}-{user}-work-v{}-0-{}@{domain}",
                &s[..8],
                rng.range(1, 4),
                chars(rng, HEX, 12)
            )
        }
        Shape::Stgit => format!(
            "{}{}.{}.{}.stgit@{domain}",
            unix(rng, day),
            digits(rng, 2),
            rng.range(10_000, 99_999),
            rng.range(1, 30)
        ),
    }
}

/// The link line that opens an entry body.
pub fn thread_url(rng: &mut Rng, host: LinkHost, id: &str) -> String {
    match host {
        LinkHost::Lkml => format!("https://lkml.kernel.org/r/{id}"),
        LinkHost::Lore if rng.ratio(LORE_LIST_FORM.0, LORE_LIST_FORM.1) => {
            let list = if rng.ratio(1, 2) { "linux-mm" } else { "all" };
            format!("https://lore.kernel.org/{list}/{id}/")
        }
        LinkHost::Lore => format!("https://lore.kernel.org/{id}"),
    }
}

/// Now and then a body points at an article too.
pub fn extra_url(rng: &mut Rng) -> Option<String> {
    rng.ratio(EXTRA_LINK.0, EXTRA_LINK.1)
        .then(|| format!("https://lwn.net/Articles/{}/", rng.range(700_000, 999_999)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_single_tokens_with_one_at() {
        let mut rng = Rng::new(9);
        for i in 0..5000 {
            let id = message_id(&mut rng, i % 7 == 0, "mina", 19_000);
            assert_eq!(id.matches('@').count(), 1, "{id}");
            assert!(!id.contains(char::is_whitespace), "{id}");
            assert!(!id.contains(['(', ')', '<', '>', '[', ']']), "{id}");
        }
    }

    #[test]
    fn urls_have_the_real_forms() {
        let mut rng = Rng::new(4);
        let lkml = thread_url(&mut rng, LinkHost::Lkml, "a@b");
        assert_eq!(lkml, "https://lkml.kernel.org/r/a@b");
        for _ in 0..200 {
            let u = thread_url(&mut rng, LinkHost::Lore, "a@b");
            assert!(
                u == "https://lore.kernel.org/a@b"
                    || u == "https://lore.kernel.org/linux-mm/a@b/"
                    || u == "https://lore.kernel.org/all/a@b/",
                "{u}"
            );
        }
    }
}

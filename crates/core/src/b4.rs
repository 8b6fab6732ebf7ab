//! The `b4` commands for an entry's patch posting: its message-id and `b4 am` / `b4 shazam` spelled for a shell.
//!
//! Kernel people apply a series from lore with `b4 am <message-id>`; the
//! entry knows the message-id from its links, so the viewer can hand over
//! the exact command instead of a link to copy from.

use crate::Entry;

/// The posting an entry is about: the message-id of its first link that has one.
pub fn message_id(entry: &Entry) -> Option<String> {
    entry.links().into_iter().find_map(|l| l.message_id)
}

/// Every entry's [`message_id`], post by post: read once for the bundler's
/// passes that need them ([`crate::posted::assign`], [`crate::series::assign`]),
/// as each reads every link of a body.
pub fn message_ids(posts: &[crate::Post]) -> Vec<Option<String>> {
    (posts.iter())
        .flat_map(|p| p.entries.iter().map(message_id))
        .collect()
}

/// `b4 am <message-id>`: fetch the series as a mailbox ready for `git am`.
pub fn am_command(message_id: &str) -> String {
    format!("b4 am {}", shell_word(message_id))
}

/// `b4 shazam <message-id>`: fetch the series and apply it to the current branch.
pub fn shazam_command(message_id: &str) -> String {
    format!("b4 shazam {}", shell_word(message_id))
}

/// The button that copies [`am_command`], and what the status line says after.
pub const COPY_AM_LABEL: &str = "Copy b4 am command";
pub const AM_COPIED: &str = "b4 command copied";
/// Where the clipboard is not available: the command is shown to copy by hand.
pub const AM_BY_HAND: &str = "Copy the command below";

/// The help's word on b4.
pub const B4_HELP: &str =
    "An entry about a patch posting shows its message-id and copies `b4 am <message-id>` \
(a mailbox for git am); `b4 shazam <message-id>` applies the series to the current branch instead.";

/// A message-id as one shell word: as written when it holds only characters
/// no POSIX shell treats specially, else single-quoted (a message-id may
/// hold `$`, `&`, `'` or a space from a badly written link).
fn shell_word(s: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "@._+=-/:%,".contains(c);
    if !s.is_empty() && s.chars().all(plain) {
        return s.to_string();
    }
    format!("'{}'", s.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(body: &str) -> Entry {
        Entry {
            body: body.into(),
            ..Default::default()
        }
    }

    #[test]
    fn the_message_id_is_the_first_link_that_names_one() {
        let e = entry("See https://example.org/x and\nhttps://lore.kernel.org/linux-mm/20240115.3390-1-a@b.com/T/\n");
        assert_eq!(message_id(&e).as_deref(), Some("20240115.3390-1-a@b.com"));
        let lwn = entry("[the series](https://lwn.net/ml/all/CAHk-=wi+x@mail.gmail.com/)");
        assert_eq!(
            message_id(&lwn).as_deref(),
            Some("CAHk-=wi+x@mail.gmail.com")
        );
        assert_eq!(message_id(&entry("no links")), None);
    }

    #[test]
    fn commands_name_the_message_id_as_one_shell_word() {
        assert_eq!(
            am_command("20231127.1-1-a@b.org"),
            "b4 am 20231127.1-1-a@b.org"
        );
        assert_eq!(
            shazam_command("CAHk-=wjs+Y@mail.gmail.com"),
            "b4 shazam CAHk-=wjs+Y@mail.gmail.com"
        );
        assert_eq!(am_command("a$(rm -rf ~)@x"), "b4 am 'a$(rm -rf ~)@x'");
        assert_eq!(am_command("it's@x"), r"b4 am 'it'\''s@x'");
    }
}

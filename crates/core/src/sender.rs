//! Who sent a posting: the address git send-email writes into the message-id, and the name it stands for.
//!
//! The Korean edition's headings name no author, but most cite a message-id
//! that git send-email made from the sender's own address:
//! `20190805170451.26009-1-joel@joelfernandes.org` (today's form),
//! `1568817522-8754-1-git-send-email-laoar.shao@gmail.com` (before git 2.10),
//! and format-patch's threaded `cover.1712345678.git.user@example.org` or
//! `<40 hex>.1712345678.git.user@example.org`. Other mailers' ids (b4's,
//! stgit's, a web mailer's, mutt's random local parts) carry no address.
//! Where both are known (an English entry names its author and cites such a
//! message-id), the address is learned as that name; an entry with an
//! address and no author then gets the name when the address stands for one
//! name only.

use std::collections::{BTreeMap, HashMap};

use crate::{AuthorsFrom, Bundle, EntryKind};

/// The sender's address (lowercased) in a message-id written by git send-email or format-patch.
pub fn sender_address(message_id: &str) -> Option<String> {
    let (local, domain) = message_id.rsplit_once('@')?;
    let user = send_email_user(local).or_else(|| format_patch_user(local))?;
    let plausible = !user.is_empty()
        && !domain.is_empty()
        && (user.bytes().chain(domain.bytes()))
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'+'));
    plausible.then(|| format!("{user}@{domain}").to_ascii_lowercase())
}

/// `%Y%m%d%H%M%S.<pid>-<n>-<user>` or `<secs>-<pid>-<n>-git-send-email-<user>`.
fn send_email_user(local: &str) -> Option<&str> {
    if let Some((_, user)) = local.split_once("-git-send-email-") {
        let lead = local.split('-').next()?;
        return (lead.len() >= 9 && lead.bytes().all(|b| b.is_ascii_digit())).then_some(user);
    }
    let (stamp, rest) = local.split_once('.')?;
    let mut parts = rest.splitn(3, '-');
    let (pid, n, user) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (stamp.len() == 14 && digits(stamp) && digits(pid) && digits(n)).then_some(user)
}

/// `cover.<secs>.git.<user>` or `<sha1>.<secs>.git.<user>`.
fn format_patch_user(local: &str) -> Option<&str> {
    let mut parts = local.splitn(4, '.');
    let (head, secs, git, user) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    let sha1 = head.len() == 40 && head.bytes().all(|b| b.is_ascii_hexdigit());
    let secs_ok = secs.len() == 10 && secs.bytes().all(|b| b.is_ascii_digit());
    ((head == "cover" || sha1) && secs_ok && git == "git").then_some(user)
}

/// What [`assign`] did, for the bundler's summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SenderSummary {
    /// Entries whose message-id names its sender.
    pub with_address: usize,
    /// Addresses learned as one name.
    pub learned: usize,
    /// Entries without an author in their heading that got one from their address.
    pub named: usize,
    /// Addresses seen with more than one name, so applied nowhere.
    pub ambiguous: usize,
}

/// Records each entry's sender address and names the entries whose heading
/// names nobody from it. `cited` is every entry's message-id, post by post
/// ([`crate::b4::message_ids`]); `known` maps addresses to names outright
/// (the author map's own lines), before anything is learned.
pub fn assign(
    bundle: &mut Bundle,
    cited: &[Option<String>],
    known: &BTreeMap<String, String>,
) -> SenderSummary {
    let mut summary = SenderSummary::default();
    let mut votes: BTreeMap<String, HashMap<&str, usize>> = BTreeMap::new();
    let entries = || bundle.posts.iter().flat_map(|p| p.entries.iter());
    let addresses: Vec<Option<String>> = (entries().zip(cited))
        .map(|(e, id)| {
            // A release announcement is Linus's own; a feed item has its byline.
            let mailed = !matches!(e.kind, EntryKind::Release) && e.url.is_none();
            id.as_deref().filter(|_| mailed).and_then(sender_address)
        })
        .collect();
    for (e, address) in entries().zip(&addresses) {
        // The first name of a heading is the sender as a rule; one vote each.
        if let (Some(address), Some(name)) = (address, e.authors.first()) {
            *votes
                .entry(address.clone())
                .or_default()
                .entry(name)
                .or_default() += 1;
        }
    }
    let mut names: BTreeMap<String, String> = known.clone();
    for (address, counts) in &votes {
        if known.contains_key(address) {
            continue;
        }
        match unanimous(counts) {
            Some(name) => {
                names.insert(address.clone(), name.to_string());
                summary.learned += 1;
            }
            None => summary.ambiguous += 1,
        }
    }
    let all = bundle.posts.iter_mut().flat_map(|p| p.entries.iter_mut());
    for (e, address) in all.zip(addresses) {
        let Some(address) = address else { continue };
        summary.with_address += 1;
        if e.authors.is_empty() {
            if let Some(name) = names.get(&address) {
                e.authors = vec![name.clone()];
                e.authors_from = Some(AuthorsFrom::Sender);
                summary.named += 1;
            }
        }
        e.sender = Some(address);
    }
    summary
}

/// The one name an address was seen with; two names (a write-up of someone
/// else's patch, a misread heading) leave it unknown rather than guessed.
fn unanimous<'a>(counts: &HashMap<&'a str, usize>) -> Option<&'a str> {
    let mut names = counts.keys();
    match (names.next(), names.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

#[cfg(test)]
#[path = "sender_tests.rs"]
mod tests;

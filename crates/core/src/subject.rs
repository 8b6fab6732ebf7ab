//! The structure of a mailing-list subject: reply marker, bracket tags, subsystem prefixes, the rest.
//!
//! `Re: [RFC PATCH v3 0/9] mm, bpf: Add BPF into /proc/meminfo` reads as a
//! reply, the tags `RFC PATCH` with version 3 at 0/9, the prefixes `mm` and
//! `bpf`, and the rest `Add BPF into /proc/meminfo`. The bundler classifies
//! and tags entries from these parts, and [`crate::series`] names a series
//! by them, so both read a subject the same way.

use crate::Series;

/// A subject taken apart; `rest` still holds the subsystem prefixes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts<'a> {
    /// `Re:`, `Fwd:` before the tags.
    pub reply: bool,
    pub tags: Tags,
    pub rest: &'a str,
}

/// What the bracket tags said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tags {
    /// Uppercased tag words that are not the version, position or tree: `RFC`, `PATCH`, `GIT`, `PULL`.
    pub words: Vec<String>,
    pub version: Option<u32>,
    pub series: Option<Series>,
    pub tree: Option<String>,
}

impl Tags {
    pub fn has(&self, word: &str) -> bool {
        self.words.iter().any(|w| w == word)
    }
}

/// Takes the reply markers and every leading `[...]` group off a subject.
pub fn parts(subject: &str) -> Parts<'_> {
    let mut rest = subject.trim();
    let reply = strip_reply(&mut rest);
    let mut tags = Tags::default();
    while let Some((inner, after)) = rest
        .strip_prefix('[')
        .and_then(|r| r.find(']').map(|e| (&r[..e], &r[e + 1..])))
    {
        read_tag(inner, &mut tags);
        rest = after.trim_start();
        // A reply marker after the tags is dropped but does not make the
        // subject a reply: the blog writes `[RFC] Re: x` for an RFC's thread.
        strip_reply(&mut rest);
    }
    Parts { reply, tags, rest }
}

fn strip_reply(rest: &mut &str) -> bool {
    for p in ["Re:", "RE:", "re:", "Fwd:", "FW:"] {
        if let Some(r) = rest.strip_prefix(p) {
            *rest = r.trim_start();
            return true;
        }
    }
    false
}

/// Tag words: PATCH, RFC, RESEND, GIT PULL, TOPIC ...; `v3`/`V3`/`-V3`/`PATCHv3`
/// is the version, `0/9` the series, a lowercase tree-like word the tree.
fn read_tag(inner: &str, tags: &mut Tags) {
    for raw in inner.split_whitespace() {
        let word = raw.trim_matches(|c| c == ',' || c == ';');
        let upper = word.to_ascii_uppercase();
        if let Some(v) = version_number(word) {
            tags.version = Some(v);
        } else if let Some(v) = upper.strip_prefix("PATCH").and_then(version_number) {
            tags.words.push("PATCH".into());
            tags.version = Some(v);
        } else if let Some(s) = series(word) {
            tags.series = Some(s);
        } else if is_tree(word) && tags.tree.is_none() && !TAG_WORDS.contains(&upper.as_str()) {
            tags.tree = Some(word.trim_start_matches('-').to_string());
        } else {
            tags.words.push(upper);
        }
    }
}

/// Words of a subject tag that are never tree names, whatever their case.
const TAG_WORDS: [&str; 12] = [
    "PATCH",
    "PATCHSET",
    "RFC",
    "RESEND",
    "GIT",
    "PULL",
    "TOPIC",
    "TECH",
    "BUG",
    "REGRESSION",
    "QUESTION",
    "DISCUSSION",
];

/// `v3`, `V3`, `-v3`: a version of at most three digits.
pub fn version_number(word: &str) -> Option<u32> {
    let w = word.trim_start_matches('-');
    let digits = w.strip_prefix(['v', 'V'])?;
    (!digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// A version written after the subject instead of in the tags:
/// `Fragmentation avoidance improvements v5`, `x (v4)`, `x -v2`.
pub fn trailing_version(rest: &str) -> Option<(u32, &str)> {
    let t = rest.trim_end();
    let at = t.rfind(' ')?;
    let v = version_number(t[at + 1..].trim_matches(['(', ')', '[', ']']))?;
    Some((v, t[..at].trim_end()))
}

/// `3/7`: a patch's place in its series, 0 (the cover letter) to the total.
/// `12/5` or `1/0` is no such place (a date, a ratio), and `+1/2` no number.
fn series(word: &str) -> Option<Series> {
    let (a, b) = word.split_once('/')?;
    let number = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    let (index, total) = (number(a)?, number(b)?);
    (index <= total && total > 0).then_some(Series { index, total })
}

/// `mm-new`, `net-next`, `-mm`, `rcu/next`: lowercase words that are not tag keywords.
fn is_tree(word: &str) -> bool {
    let w = word.trim_start_matches('-');
    !w.is_empty()
        && w.starts_with(|c: char| c.is_ascii_lowercase())
        && w.chars().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | '_')
        })
}

/// Subsystem prefixes before `: `, chained, and what follows them: `KVM:
/// arm64: x` gives KVM and arm64; `mm, bpf: x` gives mm and bpf. A prefix has
/// no spaces inside its parts.
pub fn prefixes(subject: &str) -> (Vec<&str>, &str) {
    let mut out = Vec::new();
    let mut rest = subject.trim_start_matches('`');
    while let Some(i) = rest
        .find(": ")
        .or_else(|| rest.strip_suffix(':').map(|r| r.len()))
    {
        let head = &rest[..i];
        let parts: Vec<&str> = head
            .split(',')
            .map(|p| p.trim().trim_matches('`'))
            .collect();
        let ok = !head.is_empty()
            && head.len() <= 48
            && parts.iter().all(|p| {
                !p.is_empty()
                    && !p.chars().all(|c| c.is_ascii_digit())
                    && p.chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '/' | '_' | '-' | '.'))
            });
        if !ok {
            break;
        }
        out.extend(parts);
        rest = rest[i + 1..].trim_start();
    }
    (out, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_a_reply_to_an_rfc_series() {
        let p = parts("Re: [RFC PATCH v3 0/9] mm, bpf: Add BPF");
        assert!(p.reply);
        assert_eq!(p.tags.words, ["RFC", "PATCH"]);
        assert_eq!(p.tags.version, Some(3));
        assert_eq!(p.tags.series, Some(Series { index: 0, total: 9 }));
        assert_eq!(p.rest, "mm, bpf: Add BPF");
    }

    #[test]
    fn several_tag_groups_and_a_reply_marker_between_them() {
        let p = parts("[RFC][PATCH v2 0/5] Re: sched: UMCG");
        assert!(!p.reply && p.tags.has("RFC") && p.tags.has("PATCH"));
        assert_eq!((p.tags.version, p.rest), (Some(2), "sched: UMCG"));
    }

    #[test]
    fn trees_are_lowercase_words_but_not_tag_keywords() {
        assert_eq!(
            parts("[PATCH mm-new v2 2/5] x").tags.tree.as_deref(),
            Some("mm-new")
        );
        assert_eq!(parts("[PATCH -next] x").tags.tree.as_deref(), Some("next"));
        assert_eq!(parts("[patch resend] x").tags.tree, None);
    }

    #[test]
    fn prefixes_chain_and_stop_at_words_with_spaces() {
        assert_eq!(
            prefixes("KVM: arm64: lazier"),
            (vec!["KVM", "arm64"], "lazier")
        );
        assert_eq!(prefixes("mm, bpf: x: y"), (vec!["mm", "bpf", "x"], "y"));
        assert_eq!(prefixes("Notes from: a"), (vec![], "Notes from: a"));
        assert_eq!(prefixes("6: seven"), (vec![], "6: seven"));
    }

    #[test]
    fn a_version_after_the_subject_is_read_and_taken_off() {
        assert_eq!(
            trailing_version("Fragmentation avoidance v5"),
            Some((5, "Fragmentation avoidance"))
        );
        assert_eq!(trailing_version("x (v4)"), Some((4, "x")));
        assert_eq!(trailing_version("Linux v6"), Some((6, "Linux")));
        assert_eq!(trailing_version("v5"), None);
        assert_eq!(trailing_version("mm: use vmf"), None);
    }

    #[test]
    fn a_tags_words_are_only_the_words_written() {
        let t = parts("[PATCH] x").tags;
        assert!(t.has("PATCH") && !t.has("RFC"));
    }

    #[test]
    fn commas_and_semicolons_around_tag_words_are_dropped() {
        let p = parts("[RFC; PATCH v2, 1/3] x");
        assert_eq!(p.tags.words, ["RFC", "PATCH"]);
        assert_eq!(p.tags.version, Some(2));
        assert_eq!(p.tags.series, Some(Series { index: 1, total: 3 }));
    }

    #[test]
    fn a_place_past_its_total_or_in_no_series_is_no_place() {
        assert_eq!(series("5/5"), Some(Series { index: 5, total: 5 }));
        for word in ["12/5", "0/0", "1/0", "+1/2"] {
            assert_eq!(series(word), None, "{word}");
        }
    }

    #[test]
    fn a_tree_is_all_lowercase_from_its_first_letter() {
        for word in ["FOO", "mIxed", "Net-next", "mm!", "-"] {
            assert!(!is_tree(word), "{word}");
        }
        for word in ["mm-new", "rcu/next", "-mm", "net_2.0"] {
            assert!(is_tree(word), "{word}");
        }
        let t = parts("[PATCH FOO] x").tags;
        assert_eq!(
            (t.tree, t.words),
            (None, vec!["PATCH".into(), "FOO".into()])
        );
    }

    #[test]
    fn versions_are_short_numbers_after_v() {
        assert_eq!(version_number("-V12"), Some(12));
        assert_eq!(version_number("v1234"), None);
        assert_eq!(version_number("vx"), None);
    }
}

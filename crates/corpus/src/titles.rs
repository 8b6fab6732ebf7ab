//! Entry headings: subject tags, patch versions, series and subsystem prefixes, sampled by measured counts.

use crate::calendar::Tag;
use crate::rng::Rng;
use crate::shapes::Lang;
use crate::subjects::{
    Subject, LSF, PLAIN, PLAIN_TOPIC_SHARE, PREFIXES, PREFIX_SHARE, SERIES_INDEX, SERIES_TOTALS,
    TAGS, VERSIONS,
};
use crate::words::{CI_NAMES, MM_TOPICS, PLAIN_TOPICS, PULL_WHATS, QUALIFIERS, VERBS};

/// The subject line of a news entry (without the author), for a post about `tag`.
pub fn subject(rng: &mut Rng, lang: Lang, tag: &Tag, year: i64) -> String {
    let &(pattern, _, _, kind) = rng.weighted(TAGS, |&(_, en, ko, _)| match lang {
        Lang::En => en,
        Lang::Ko => ko,
    });
    let tag_text = fill_tag(rng, pattern);
    let rest = match kind {
        Subject::Change => change(rng),
        Subject::Pull => format!("{} for {tag}", rng.word(PULL_WHATS)),
        Subject::Topic => topic_phrase(rng),
        Subject::Invite => format!("{} alignment session", capitalize(&topic(rng))),
        Subject::Reply => change(rng),
        Subject::Plain => {
            let pattern = rng.histogram(PLAIN);
            plain(rng, pattern, year)
        }
        Subject::Lsf => {
            let pattern = rng.word(LSF);
            plain(rng, pattern, year)
        }
    };
    if tag_text.is_empty() {
        rest
    } else {
        format!("{tag_text} {rest}")
    }
}

fn fill_tag(rng: &mut Rng, pattern: &str) -> String {
    let mut out = pattern.to_string();
    if out.contains("{v}") || out.contains("{V}") {
        let v = rng.histogram(VERSIONS);
        out = out
            .replace("{v}", &format!("v{v}"))
            .replace("{V}", &format!("V{v}"));
    }
    if out.contains("{s}") {
        let total = rng.histogram(SERIES_TOTALS);
        let index = rng.histogram(SERIES_INDEX).min(total);
        // git pads the index to the width of the total: `00/18`.
        let width = total.to_string().len();
        out = out.replace("{s}", &format!("{index:0width$}/{total}"));
    }
    out
}

fn change(rng: &mut Rng) -> String {
    let body = format!("{} {}", rng.word(VERBS), topic_phrase(rng));
    if rng.ratio(PREFIX_SHARE.0, PREFIX_SHARE.1) {
        format!("{}: {body}", rng.histogram(PREFIXES))
    } else {
        body
    }
}

/// A topic, with a qualifier for the mm ones (qualifiers carry keywords, so
/// plain topics stay plain).
fn topic_phrase(rng: &mut Rng) -> String {
    if rng.ratio(PLAIN_TOPIC_SHARE.0, PLAIN_TOPIC_SHARE.1) {
        rng.word(PLAIN_TOPICS).to_string()
    } else if rng.ratio(1, 2) {
        format!("{} {}", rng.word(MM_TOPICS), rng.word(QUALIFIERS))
    } else {
        rng.word(MM_TOPICS).to_string()
    }
}

pub fn topic(rng: &mut Rng) -> String {
    if rng.ratio(PLAIN_TOPIC_SHARE.0, PLAIN_TOPIC_SHARE.1) {
        rng.word(PLAIN_TOPICS).to_string()
    } else {
        rng.word(MM_TOPICS).to_string()
    }
}

/// A `{slot}` of an untagged subject and how to fill it.
type Slot = (&'static str, fn(&mut Rng) -> String);

fn plain(rng: &mut Rng, pattern: &str, year: i64) -> String {
    let mut out = pattern.replace("{year}", &year.to_string());
    if out.contains("{stamp}") {
        let stamp = format!(
            "{year}-{:02}-{:02}-{:02}-{:02}",
            rng.range(1, 12),
            rng.range(1, 28),
            rng.range(0, 23),
            rng.range(0, 59)
        );
        out = out.replace("{stamp}", &stamp);
    }
    if out.contains("{ymd}") {
        let ymd = format!("{year}-{:02}-{:02}", rng.range(1, 12), rng.range(1, 28));
        out = out.replace("{ymd}", &ymd);
    }
    let slots: [Slot; 7] = [
        ("{topic}", |r| r.word(MM_TOPICS).to_string()),
        ("{Topic}", |r| capitalize(r.word(MM_TOPICS))),
        ("{plain}", |r| r.word(PLAIN_TOPICS).to_string()),
        ("{Plain}", |r| capitalize(r.word(PLAIN_TOPICS))),
        ("{qual}", |r| r.word(QUALIFIERS).to_string()),
        ("{verb}", |r| {
            r.word(&["lock", "batch", "split"]).to_string()
        }),
        ("{ci}", |r| r.word(CI_NAMES).to_string()),
    ];
    for (slot, make) in slots {
        if out.contains(slot) {
            out = out.replace(slot, &make(rng));
        }
    }
    out
}

pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// `Linux 6.7-rc4`, now and then `Linux v6.7-rc4`.
pub fn release_title(rng: &mut Rng, tag: &Tag) -> String {
    let (num, den) = crate::shapes::RELEASE_TITLE_V;
    let v = if rng.ratio(num, den) { "v" } else { "" };
    format!("Linux {v}{tag}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag() -> Tag {
        Tag {
            major: 6,
            minor: 7,
            rc: Some(4),
            day: 0,
        }
    }

    #[test]
    fn tag_weights_match_the_measured_headings() {
        let en: u32 = TAGS.iter().map(|t| t.1).sum();
        let ko: u32 = TAGS.iter().map(|t| t.2).sum();
        // All 396 non-release headings but one `[PATCH RFCv2]` one-off.
        assert_eq!(en + ko, 395);
    }

    #[test]
    fn series_are_padded_like_git_does() {
        let mut rng = Rng::new(1);
        for _ in 0..2000 {
            let t = fill_tag(&mut rng, "[PATCH {v} {s}]");
            let s = t.trim_end_matches(']').rsplit(' ').next().unwrap();
            let (i, n) = s.split_once('/').unwrap();
            assert_eq!(i.len(), n.len(), "{t}");
            assert!(i.parse::<u32>().unwrap() <= n.parse().unwrap());
        }
    }

    #[test]
    fn subjects_never_look_like_release_announcements() {
        let mut rng = Rng::new(2);
        for lang in [Lang::En, Lang::Ko] {
            for _ in 0..5000 {
                let s = subject(&mut rng, lang, &tag(), 2023).to_lowercase();
                assert!(!s.starts_with("linux ") && !s.contains("final "), "{s}");
                // A trailing `(...)` must hold digits so it never reads as an author.
                if let Some(open) = s.strip_suffix(')').and_then(|r| r.rfind('(')) {
                    assert!(s[open..].contains(char::is_numeric), "{s}");
                }
            }
        }
    }
}

//! Writing one post: front matter, then its entries, Linus's announcement first or last.

use crate::calendar::{civil_from_days, month_name, weekday_name, Tag};
use crate::frontmatter::{self, Fields};
use crate::links::{extra_url, message_id, thread_url};
use crate::names::{FIRST_NAMES, LAST_NAMES};
use crate::plan::PostPlan;
use crate::prose::{Prose, ReleaseSlots};
use crate::rng::Rng;
use crate::shapes::{
    FrontMatter, Lang, PostTitle, HOURS, OFFSETS_EN, OFFSETS_KO, RFC2822_DATES, UNDERLINE_OFF,
};
use crate::titles::{release_title, subject};

const CONTENT_STREAM: u64 = 3;
/// Announcements are signed by the one person who tags mainline releases.
const RELEASER: (&str, &str) = ("Linus", "Torvalds");

/// Writes the post `plan` into `out` (cleared first). Each post draws from its
/// own stream, so one post's text never shifts another's.
pub fn write(out: &mut String, plan: &PostPlan, seed: u64) {
    out.clear();
    let mut rng = Rng::derive(seed, CONTENT_STREAM, plan.index);
    let rng = &mut rng;
    let style = plan.style;
    let tag = plan.tag;
    // "after vX" posts come the day after the tag; the others in the week before it.
    let day = if style.release_first {
        tag.day + 1
    } else {
        tag.day - 5
    };
    let date = post_date(rng, day, plan.lang(), style.front);
    let title = post_title(plan.title, &tag);
    let fields = Fields {
        title: &title,
        date: &date,
        taxonomy: !matches!(plan.title, PostTitle::HugoName | PostTitle::HugoCut),
    };
    frontmatter::write(out, style.front, &fields);
    out.push('\n');
    let n = plan.entries;
    let release_at = if style.release_first { 0 } else { n - 1 };
    let year = civil_from_days(day).0;
    for i in 0..n {
        if i > 0 {
            out.push_str("\n\n\n");
        }
        let signed = rng.ratio(style.authors.0, style.authors.1);
        let release = i == release_at;
        let author = if release {
            RELEASER
        } else {
            (rng.word(FIRST_NAMES), rng.word(LAST_NAMES))
        };
        let heading = if release {
            release_title(rng, &tag)
        } else {
            subject(rng, plan.lang(), &tag, year)
        };
        let heading = if signed {
            format!("{heading} ({} {})", author.0, author.1)
        } else {
            heading
        };
        out.push_str(&heading);
        out.push('\n');
        let mut underline = heading.len();
        if rng.ratio(UNDERLINE_OFF.0, UNDERLINE_OFF.1) {
            underline = underline.saturating_sub(rng.range(1, 3) as usize).max(3);
        }
        out.extend(std::iter::repeat_n('-', underline));
        out.push_str("\n\n");

        let user = if release {
            "torvalds".to_string()
        } else {
            author.0.to_lowercase()
        };
        let id = message_id(rng, release, &user, day);
        out.push_str(&thread_url(rng, style.host, &id));
        out.push_str("\n\n");
        let slots = release.then(|| release_slots(&tag));
        let prose = Prose {
            lang: plan.lang(),
            name: signed.then_some(author.0),
            release: slots.as_ref(),
        };
        prose.write(rng, out);
        if let Some(url) = extra_url(rng) {
            out.push_str("\n\n");
            out.push_str(&url);
        }
        if release && style.charts {
            crate::charts::write(out, rng, &tag);
        }
        out.push('\n');
    }
}

fn release_slots(tag: &Tag) -> ReleaseSlots {
    let next = if tag.minor >= crate::calendar::last_minor(tag.major) {
        format!("{}.0", tag.major + 1)
    } else {
        format!("{}.{}", tag.major, tag.minor + 1)
    };
    ReleaseSlots {
        tag: tag.to_string(),
        cycle: format!("{}.{}", tag.major, tag.minor),
        next,
        rc: tag.rc,
    }
}

/// RFC 3339 with the author's offset; one YAML post in 52 wrote RFC 2822.
fn post_date(rng: &mut Rng, day: i64, lang: Lang, front: FrontMatter) -> String {
    let (y, m, d) = civil_from_days(day);
    let hour = rng.histogram(HOURS);
    let (min, sec) = (rng.range(0, 59), rng.range(0, 59));
    let offset = rng.histogram(match lang {
        Lang::En => OFFSETS_EN,
        Lang::Ko => OFFSETS_KO,
    });
    if front == FrontMatter::Yaml && rng.ratio(RFC2822_DATES.0, RFC2822_DATES.1) {
        format!(
            "{}, {d:02} {} {y:04} {hour:02}:{min:02}:{sec:02} {}",
            weekday_name(day),
            month_name(m),
            offset.replace(':', "")
        )
    } else {
        format!("{y:04}-{m:02}-{d:02}T{hour:02}:{min:02}:{sec:02}{offset}")
    }
}

pub fn post_title(form: PostTitle, tag: &Tag) -> String {
    match form {
        PostTitle::News => format!("LKML News v{tag}"),
        PostTitle::After => format!("LKML News after v{tag}"),
        PostTitle::AfterNoV => format!("LKML News after {tag}"),
        PostTitle::By => format!("LKML News by v{tag}"),
        PostTitle::For => format!("LKML News for v{tag}"),
        PostTitle::HugoName => match tag.rc {
            Some(rc) => format!("Lkml_news_v{}.{} Rc{rc}", tag.major, tag.minor),
            None => format!("Lkml_news_v{}.{}", tag.major, tag.minor),
        },
        PostTitle::HugoCut => format!("Lkml_news_v{}", tag.major),
        PostTitle::Typo => format!("LkML New v{tag}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Planner;

    #[test]
    fn titles_take_every_real_shape() {
        let tag = Tag {
            major: 4,
            minor: 16,
            rc: Some(3),
            day: 0,
        };
        assert_eq!(
            post_title(PostTitle::After, &tag),
            "LKML News after v4.16-rc3"
        );
        assert_eq!(post_title(PostTitle::HugoName, &tag), "Lkml_news_v4.16 Rc3");
        assert_eq!(post_title(PostTitle::HugoCut, &tag), "Lkml_news_v4");
        assert_eq!(
            post_title(PostTitle::AfterNoV, &tag),
            "LKML News after 4.16-rc3"
        );
    }

    #[test]
    fn posts_have_their_planned_headings_and_one_announcement() {
        let mut out = String::new();
        for plan in Planner::new(11, 3000) {
            write(&mut out, &plan, 11);
            let underlines = out
                .lines()
                .filter(|l| l.len() >= 3 && l.bytes().all(|b| b == b'-'))
                .count();
            // YAML's closing fence is a `---` line too.
            let fences = usize::from(plan.style.front == FrontMatter::Yaml) * 2;
            assert_eq!(underlines - fences, plan.entries as usize, "{out}");
            let announcements = out.lines().filter(|l| l.starts_with("Linux ")).count();
            assert_eq!(announcements, 1, "{out}");
            assert!(!out.ends_with("\n\n"), "{out}");
        }
    }

    #[test]
    fn rfc2822_dates_read_like_mail_headers() {
        let mut rng = Rng::new(1);
        let day = crate::calendar::days_from_civil(2023, 12, 4);
        let dates: Vec<String> = (0..2000)
            .map(|_| post_date(&mut rng, day, Lang::En, FrontMatter::Yaml))
            .collect();
        let mail = dates
            .iter()
            .find(|d| d.starts_with("Mon, 04 Dec 2023 "))
            .unwrap();
        assert!(mail.ends_with("-0700") || mail.ends_with("-0800") || mail.ends_with("00"));
        assert!(dates.iter().any(|d| d.starts_with("2023-12-04T")));
    }
}

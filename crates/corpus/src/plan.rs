//! The plan of a tree: which post, in which style and tree, about which tag, with how many entries.
//!
//! Planning draws from its own random stream, apart from the text, so the
//! plan can be checked (and its distributions tested) without writing a byte.

use crate::calendar::{civil_from_days, Tag, Walk};
use crate::rng::Rng;
use crate::shapes::{entries_table, Lang, PostTitle, Style, KO_SUBTREE, STYLES};

const PLAN_STREAM: u64 = 1;
const CALENDAR_STREAM: u64 = 2;

/// About a decade of weekly tags (5.5 cycles a year, 9 tags each). Larger
/// archives put several posts on each tag, as merged series and digests do,
/// instead of inventing kernel versions centuries ahead.
const DECADE_OF_TAGS: u64 = 500;
/// Mean entries per post in the real sample (501 in 105).
const SAMPLE_POSTS: u64 = 105;

/// One post to write.
#[derive(Debug, Clone, Copy)]
pub struct PostPlan {
    /// 0-based position in the tree; seeds the post's own text stream.
    pub index: u64,
    pub style: &'static Style,
    pub tag: Tag,
    pub entries: u32,
    /// Under `ko/` rather than the root tree.
    pub subtree: bool,
    pub title: PostTitle,
    /// Which of the posts on the same tag this is; 0 for the first, which
    /// sits at the root, the others under `series-N/`.
    pub series: u32,
}

impl PostPlan {
    pub fn lang(&self) -> Lang {
        self.style.lang
    }

    /// `lkml_news_v6.7-rc4.md`, `ko/lkml_news_v6.7-rc4.md` or `series-3/lkml_news_v6.7-rc4.md`.
    pub fn rel_path(&self) -> String {
        let series = match self.series {
            0 => String::new(),
            n => format!("series-{n}/"),
        };
        let ko = if self.subtree { "ko/" } else { "" };
        format!("{series}{ko}lkml_news_v{}.md", self.tag)
    }
}

/// Posts, in release order, until exactly `entries` entries are planned.
#[derive(Debug, Clone)]
pub struct Planner {
    rng: Rng,
    walk: Walk,
    left: u64,
    index: u64,
    per_tag: u32,
    current: Option<(Tag, u32)>,
}

impl Planner {
    pub fn new(seed: u64, entries: u64) -> Self {
        Planner {
            rng: Rng::derive(seed, PLAN_STREAM, 0),
            walk: Walk::new(Rng::derive(seed, CALENDAR_STREAM, 0)),
            left: entries,
            index: 0,
            per_tag: posts_per_tag(entries),
            current: None,
        }
    }
}

impl Iterator for Planner {
    type Item = PostPlan;

    fn next(&mut self) -> Option<PostPlan> {
        if self.left == 0 {
            return None;
        }
        let style = self.rng.weighted(STYLES, |s| s.posts);
        // The last post takes what is left, so the total is exact.
        let entries = u64::from(self.rng.histogram(entries_table(style.lang))).min(self.left);
        let subtree = style.lang == Lang::Ko && self.rng.ratio(KO_SUBTREE.0, KO_SUBTREE.1);
        let title = self.rng.histogram(style.titles);
        let (tag, series) = match self.current {
            Some((tag, n)) if n + 1 < self.per_tag => (tag, n + 1),
            _ => (self.walk.next().expect("the walk never ends"), 0),
        };
        self.current = Some((tag, series));
        self.left -= entries;
        self.index += 1;
        Some(PostPlan {
            index: self.index - 1,
            style,
            tag,
            entries: entries as u32,
            subtree,
            title,
            series,
        })
    }
}

/// Posts on each tag so that the archive spans about a decade at most.
pub fn posts_per_tag(entries: u64) -> u32 {
    let posts = entries * SAMPLE_POSTS / crate::SAMPLE_ENTRIES;
    posts.div_ceil(DECADE_OF_TAGS).max(1) as u32
}

/// What a whole plan amounts to, known before anything is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanTotals {
    pub posts: u64,
    pub first: Option<Tag>,
    pub last: Option<Tag>,
}

/// Runs the plan through without writing; dates must stay within four-digit years.
pub fn totals(seed: u64, entries: u64) -> PlanTotals {
    let mut t = PlanTotals {
        posts: 0,
        first: None,
        last: None,
    };
    for p in Planner::new(seed, entries) {
        t.posts += 1;
        t.first.get_or_insert(p.tag);
        t.last = Some(p.tag);
    }
    t
}

/// The year of a tag's date, to keep every date within RFC 3339's four digits.
pub fn year_of(tag: &Tag) -> i64 {
    civil_from_days(tag.day).0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_exactly_the_requested_entries() {
        for n in [1, 2, 13, 501, 4321] {
            let total: u64 = Planner::new(7, n).map(|p| u64::from(p.entries)).sum();
            assert_eq!(total, n);
        }
        assert_eq!(Planner::new(7, 0).count(), 0);
    }

    #[test]
    fn every_post_has_a_release_entry_and_a_unique_path() {
        let plans: Vec<PostPlan> = Planner::new(3, 20_000).collect();
        assert!(plans.iter().all(|p| p.entries >= 1));
        let mut paths: Vec<String> = plans.iter().map(PostPlan::rel_path).collect();
        paths.sort();
        let n = paths.len();
        paths.dedup();
        assert_eq!(paths.len(), n);
    }

    #[test]
    fn korean_posts_alone_go_under_ko() {
        for p in Planner::new(5, 5000) {
            if p.subtree {
                assert_eq!(p.lang(), Lang::Ko);
            }
        }
    }

    #[test]
    fn large_archives_stack_posts_on_a_decade_of_tags() {
        assert_eq!(posts_per_tag(501), 1);
        assert_eq!(posts_per_tag(2_000), 1);
        let t = totals(1, 100_000);
        let last = t.last.unwrap();
        assert!((2026..=2029).contains(&year_of(&last)), "{last}");
        assert!(last.major <= 7, "{last}");
        let plans: Vec<PostPlan> = Planner::new(1, 100_000).take(200).collect();
        assert!(plans.windows(2).all(|w| w[0].tag.day <= w[1].tag.day));
        assert!(plans.iter().any(|p| p.series > 0));
    }

    #[test]
    fn the_sample_size_spans_a_few_years_of_releases() {
        let t = totals(1, 501);
        assert_eq!(t.first.map(|t| t.to_string()).as_deref(), Some("4.14-rc7"));
        let last = t.last.unwrap();
        assert!((2019..=2021).contains(&year_of(&last)), "{last}");
    }
}

//! Post-level facts measured on the real corpus (../shared/corpus/posts, 105 posts, 501 entries).
//!
//! Counts are kept as the measured counts, not rounded shares, so the tables
//! read as what was found; the generator samples them as weights.

/// Post language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Ko,
}

/// The four front matter layouts found: the YAML of the newer theme (52 posts,
/// ~860 bytes with its comments), the TOML with a `[header]` table (39), the
/// early TOML with `bigimg` and a quoted date (13), and a bare TOML (1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontMatter {
    Yaml,
    TomlHeader,
    TomlBigimg,
    TomlMinimal,
}

/// Where entry links point: `lkml.kernel.org/r/ID` until mid-2024, then `lore.kernel.org/ID`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkHost {
    Lkml,
    Lore,
}

/// How a post titles itself. Hugo titles a post from its file name when the
/// author left the title alone, which gives the `Lkml_news_` forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostTitle {
    /// `LKML News v6.7-rc4`
    News,
    /// `LKML News after v4.15-rc1`
    After,
    /// `LKML News after 4.17-rc7`
    AfterNoV,
    /// `LKML News by v4.20-rc3`
    By,
    /// `LKML News for v4.20`
    For,
    /// `Lkml_news_v4.16 Rc3`, `Lkml_news_v4.18`
    HugoName,
    /// `Lkml_news_v5`: Hugo cut the name at the first dot; names no release.
    HugoCut,
    /// `LkML New v5.9-rc3`
    Typo,
}

/// A family of posts that share layout and habits; the corpus has eras, and
/// each era is one style here.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub name: &'static str,
    /// Real posts written this way.
    pub posts: u32,
    pub lang: Lang,
    pub front: FrontMatter,
    /// Korean "after vX" posts open with Linus's announcement; the others close with it.
    pub release_first: bool,
    /// Share of entry headings that end with `(Author)`, as (num, den).
    pub authors: (u32, u32),
    pub host: LinkHost,
    /// The release entry ends with the release-stat charts.
    pub charts: bool,
    pub titles: &'static [(PostTitle, u32)],
}

const KO_AFTER_TITLES: &[(PostTitle, u32)] = &[
    (PostTitle::After, 31),
    (PostTitle::AfterNoV, 1),
    (PostTitle::By, 6),
    (PostTitle::For, 1),
    (PostTitle::HugoName, 4),
];
const NEWS_TITLES: &[(PostTitle, u32)] = &[(PostTitle::News, 1)];
const EN_TITLES: &[(PostTitle, u32)] = &[
    (PostTitle::News, 51),
    (PostTitle::HugoCut, 1),
    (PostTitle::Typo, 1),
];

/// 52 Korean posts (24 in the root tree, 28 under `ko/`), 53 English.
pub const STYLES: &[Style] = &[
    Style {
        name: "ko-after-bigimg",
        posts: 13,
        lang: Lang::Ko,
        front: FrontMatter::TomlBigimg,
        release_first: true,
        authors: (0, 1),
        host: LinkHost::Lkml,
        charts: false,
        titles: KO_AFTER_TITLES,
    },
    Style {
        name: "ko-after-header",
        posts: 29,
        lang: Lang::Ko,
        front: FrontMatter::TomlHeader,
        release_first: true,
        authors: (0, 1),
        host: LinkHost::Lkml,
        charts: false,
        titles: KO_AFTER_TITLES,
    },
    Style {
        name: "ko-after-minimal",
        posts: 1,
        lang: Lang::Ko,
        front: FrontMatter::TomlMinimal,
        release_first: true,
        authors: (0, 1),
        host: LinkHost::Lkml,
        charts: false,
        titles: KO_AFTER_TITLES,
    },
    Style {
        name: "ko-news",
        posts: 9,
        lang: Lang::Ko,
        front: FrontMatter::TomlHeader,
        release_first: false,
        authors: (0, 1),
        host: LinkHost::Lkml,
        charts: false,
        titles: NEWS_TITLES,
    },
    Style {
        name: "en-toml",
        posts: 1,
        lang: Lang::En,
        front: FrontMatter::TomlHeader,
        release_first: false,
        authors: (0, 1),
        host: LinkHost::Lkml,
        charts: false,
        titles: NEWS_TITLES,
    },
    Style {
        name: "en-yaml-early",
        posts: 7,
        lang: Lang::En,
        front: FrontMatter::Yaml,
        release_first: false,
        authors: (8, 28),
        host: LinkHost::Lkml,
        charts: false,
        titles: EN_TITLES,
    },
    Style {
        name: "en-yaml-charts",
        posts: 33,
        lang: Lang::En,
        front: FrontMatter::Yaml,
        release_first: false,
        authors: (1, 1),
        host: LinkHost::Lkml,
        charts: true,
        titles: EN_TITLES,
    },
    Style {
        name: "en-yaml-lore",
        posts: 12,
        lang: Lang::En,
        front: FrontMatter::Yaml,
        release_first: false,
        authors: (1, 1),
        host: LinkHost::Lore,
        charts: false,
        titles: EN_TITLES,
    },
];

/// Korean posts under `ko/` versus the root tree (the older ones live in both).
pub const KO_SUBTREE: (u32, u32) = (28, 52);

/// Entries per post (headings, the release entry included).
pub const ENTRIES_EN: &[(u32, u32)] = &[
    (1, 3),
    (2, 1),
    (3, 3),
    (4, 7),
    (5, 10),
    (6, 7),
    (7, 8),
    (8, 5),
    (9, 2),
    (10, 2),
    (11, 1),
    (12, 1),
    (13, 3),
];
pub const ENTRIES_KO: &[(u32, u32)] = &[(1, 9), (2, 10), (3, 11), (4, 10), (5, 7), (6, 3), (8, 2)];

pub fn entries_table(lang: Lang) -> &'static [(u32, u32)] {
    match lang {
        Lang::En => ENTRIES_EN,
        Lang::Ko => ENTRIES_KO,
    }
}

/// Of the charted release entries: 31 name a window (`v5.16-rc5..v6.7-rc4.png`),
/// 2 the older `linux_stat_v6.7-rc5.png`.
pub const CHART_WINDOW_NAMES: (u32, u32) = (31, 33);
/// A two-year window reaches back eleven cycles.
pub const CHART_WINDOW_CYCLES: u32 = 11;

/// UTC offsets of the `date` field, by language.
pub const OFFSETS_KO: &[(&str, u32)] = &[("+09:00", 48), ("+01:00", 2), ("+02:00", 2)];
pub const OFFSETS_EN: &[(&str, u32)] = &[
    ("-07:00", 20),
    ("-08:00", 8),
    ("+01:00", 14),
    ("+02:00", 11),
];
/// Local hour of the `date` field.
pub const HOURS: &[(u32, u32)] = &[
    (6, 15),
    (7, 27),
    (8, 13),
    (9, 3),
    (10, 11),
    (11, 7),
    (12, 6),
    (13, 4),
    (14, 4),
    (15, 2),
    (17, 5),
    (23, 2),
];
/// One YAML post writes its date in RFC 2822.
pub const RFC2822_DATES: (u32, u32) = (1, 52);

/// Headings: every one is setext with `-`; 3 of 503 underlines miss the title's length.
pub const UNDERLINE_OFF: (u32, u32) = (3, 503);
/// Entries with a second link in the body (an article, another thread).
pub const EXTRA_LINK: (u32, u32) = (12, 501);
/// Lore links that name a list (`lore.kernel.org/linux-mm/ID/`, `/all/ID/`).
pub const LORE_LIST_FORM: (u32, u32) = (4, 64);
/// Release entries whose title writes the tag with a `v` (`Linux v4.17-rc6`).
pub const RELEASE_TITLE_V: (u32, u32) = (4, 105);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn styles_add_up_to_the_real_corpus() {
        let posts = |l| {
            STYLES
                .iter()
                .filter(|s| s.lang == l)
                .map(|s| s.posts)
                .sum::<u32>()
        };
        assert_eq!((posts(Lang::En), posts(Lang::Ko)), (53, 52));
        let entries = |t: &[(u32, u32)]| t.iter().map(|(n, c)| n * c).sum::<u32>();
        assert_eq!(entries(ENTRIES_EN) + entries(ENTRIES_KO), 501);
        let count = |t: &[(u32, u32)]| t.iter().map(|(_, c)| c).sum::<u32>();
        assert_eq!((count(ENTRIES_EN), count(ENTRIES_KO)), (53, 52));
    }
}

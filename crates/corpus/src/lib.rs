//! kernel-news-corpus: a deterministic generator of synthetic "LKML News" content trees for benchmarks.
//!
//! It writes posts in the blog's real formats, with the shapes and shares
//! measured on the real archive sample (`../shared/corpus/posts`): both front
//! matter forms, entries per post, subject tags and prefixes, links, body
//! lengths, the Korean share and the release-stat charts. The text is filler
//! written for it. Same seed and size give a byte-identical tree.
//!
//! [`plan`] decides the posts (style, tag, entries), [`post`] writes one, and
//! [`tree`] streams them to disk. The measured tables are in [`shapes`],
//! [`lengths`] and [`subjects`]; the filler in [`words`], [`names`],
//! [`english`] and [`korean`].

use std::path::{Path, PathBuf};

pub mod calendar;
pub mod charts;
pub mod english;
pub mod frontmatter;
pub mod korean;
pub mod lengths;
pub mod links;
pub mod names;
pub mod plan;
pub mod post;
pub mod progress;
pub mod prose;
pub mod rng;
pub mod shapes;
pub mod subjects;
pub mod titles;
pub mod tree;
pub mod words;

pub use tree::{generate, generate_with, Options, Summary};

/// Entries of the real archive sample: 501 in 105 posts.
pub const SAMPLE_ENTRIES: u64 = 501;

/// Entries of the real blog as a whole: 2,420 in 477 posts.
pub const BLOG_ENTRIES: u64 = 2_420;

/// Named sizes of the benchmark corpora.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    Sample,
    /// The whole real blog's size, rounded ([`BLOG_ENTRIES`]): what a reader
    /// of the published archive loads today.
    K2_5,
    K25,
    K100,
    M1,
}

impl Preset {
    pub const ALL: [Preset; 5] = [
        Preset::Sample,
        Preset::K2_5,
        Preset::K25,
        Preset::K100,
        Preset::M1,
    ];

    pub fn entries(self) -> u64 {
        match self {
            Preset::Sample => SAMPLE_ENTRIES,
            Preset::K2_5 => 2_500,
            Preset::K25 => 25_000,
            Preset::K100 => 100_000,
            Preset::M1 => 1_000_000,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Preset::Sample => "sample",
            Preset::K2_5 => "2.5k",
            Preset::K25 => "25k",
            Preset::K100 => "100k",
            Preset::M1 => "1m",
        }
    }
}

impl std::str::FromStr for Preset {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        Preset::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| Error::UnknownPreset(s.to_string()))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("unknown preset `{0}`; expected one of sample, 2.5k, 25k, 100k, 1m")]
    UnknownPreset(String),
    #[error("nothing to generate: 0 entries; expected at least 1")]
    NoEntries,
    #[error(
        "output directory {} is not empty; expected a new or empty directory, so the tree \
         holds exactly the generated posts",
        .0.display()
    )]
    NotEmpty(PathBuf),
    #[error("cannot write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Error {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_parse_by_name() {
        for p in Preset::ALL {
            assert_eq!(p.name().parse::<Preset>().unwrap(), p);
        }
        assert_eq!("1M".parse::<Preset>().unwrap(), Preset::M1);
        assert_eq!("2.5K".parse::<Preset>().unwrap(), Preset::K2_5);
        assert!("2.5".parse::<Preset>().is_err());
        assert_eq!(Preset::Sample.entries(), 501);
    }

    #[test]
    fn an_unknown_preset_lists_every_name() {
        let err = "huge".parse::<Preset>().unwrap_err().to_string();
        assert!(err.contains("`huge`"), "{err}");
        let listed = err.rsplit("expected one of ").next().unwrap();
        let names: Vec<&str> = Preset::ALL.iter().map(|p| p.name()).collect();
        assert_eq!(listed, names.join(", "), "{err}");
    }

    #[test]
    fn presets_grow_in_order() {
        let sizes: Vec<u64> = Preset::ALL.iter().map(|p| p.entries()).collect();
        assert!(sizes.windows(2).all(|w| w[0] < w[1]), "{sizes:?}");
    }

    #[test]
    fn the_blog_preset_plans_about_the_real_blog() {
        let entries = Preset::K2_5.entries();
        assert!(entries.abs_diff(BLOG_ENTRIES) <= 100, "{entries}");
        let planned: u64 = plan::Planner::new(1, entries)
            .map(|p| u64::from(p.entries))
            .sum();
        assert_eq!(planned, 2_500);
        // The generator's mean entries per post (the sample's 4.8) against
        // the blog's 5.1: a few more posts than its 477, the same shape.
        let posts = plan::totals(1, entries).posts;
        assert!(
            (430..=620).contains(&posts),
            "{posts} posts; the blog has 477"
        );
    }
}

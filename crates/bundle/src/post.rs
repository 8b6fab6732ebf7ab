//! One post file to one bundle [`Post`]: the per-file pipeline, with its warnings.

use kernel_news_core::{bundle::ChartRef, date::DateTime, Entry, Post};
use thiserror::Error;

use crate::frontmatter::{self, FrontMatterError};
use crate::release::{self, Calendar};
use crate::source::{self, SourceError};
use crate::split::split_entries;
use crate::subject::parse_subject;
use crate::subsystem::SubsystemTable;
use crate::{charts, lang};
use kernel_news_core::ids;

/// Why a file could not become a post at all.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum PostError {
    #[error(transparent)]
    Source(#[from] SourceError),
    #[error(transparent)]
    FrontMatter(#[from] FrontMatterError),
}

impl PostError {
    /// 1-based line of the file the problem is on, when it is on one.
    pub fn line(&self) -> Option<u32> {
        match self {
            PostError::Source(e) => e.line(),
            PostError::FrontMatter(e) => Some(e.line()),
        }
    }
}

/// A problem that did not stop the post from being bundled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostWarning {
    pub line: Option<u32>,
    pub message: String,
}

/// What reading one post file produced.
#[derive(Debug)]
pub enum PostRead {
    Post(Box<Post>, Vec<PostWarning>),
    Draft,
}

/// Reads one post. `rel` is its path inside the content root, `id` its
/// already-unique post id.
pub fn read_post(
    bytes: &[u8],
    rel: &str,
    id: String,
    include_drafts: bool,
    calendar: &Calendar,
    table: &SubsystemTable,
) -> Result<PostRead, PostError> {
    let text = source::decode(bytes)?;
    let split = frontmatter::split(&text)?;
    let fm = frontmatter::parse(&split)?;
    if fm.draft && !include_drafts {
        return Ok(PostRead::Draft);
    }
    let mut warnings = Vec::new();
    let mut warn =
        |line: Option<u32>, message: String| warnings.push(PostWarning { line, message });
    let file_name = rel.rsplit('/').next().unwrap_or(rel);
    let stem = file_name.rsplit_once('.').map_or(file_name, |(s, _)| s);

    if split.format.is_none() {
        warn(
            Some(1),
            "no front matter; expected `---` (YAML) or `+++` (TOML) on line 1".into(),
        );
    }
    let title = match fm.title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => t.to_string(),
        _ => {
            if split.format.is_some() {
                warn(
                    Some(split.header_line),
                    "front matter has no `title`; using the file name".into(),
                );
            }
            stem.to_string()
        }
    };
    let date = match fm.date.as_deref() {
        Some(raw) => match DateTime::parse(raw) {
            Some(d) => Some(d),
            None => {
                warn(
                    Some(frontmatter::key_line(split.header, "date", split.header_line)),
                    format!("date `{raw}` is not a date; expected RFC 3339 like 2023-11-28T06:35:48-08:00"),
                );
                None
            }
        },
        None => None,
    };

    let decision = release::decide(&title, stem, date.as_ref(), calendar);
    let title_line = frontmatter::key_line(split.header, "title", split.header_line);
    for w in decision.warnings {
        warn(Some(title_line), w);
    }

    let body = split_entries(split.body, split.body_line);
    let preamble_charts = find_charts(&body.preamble, body.preamble_line, &mut warn);
    let mut entries = Vec::with_capacity(body.entries.len());
    let mut prose = body.preamble.clone();
    for raw in body.entries {
        let subject = parse_subject(&raw.heading, table);
        if raw.body.trim().is_empty() {
            warn(
                Some(raw.line),
                format!(
                    "entry `{}` has no body; expected a link or a summary below its heading",
                    raw.heading
                ),
            );
        }
        prose.push('\n');
        prose.push_str(&raw.body);
        let charts = find_charts(&raw.body, raw.body_line, &mut warn);
        // `id` and `position` are derived with the others' by `ids::assign_entries` below.
        entries.push(Entry {
            title: subject.title,
            kind: subject.kind,
            patch_version: subject.patch_version,
            series: subject.series,
            tree: subject.tree,
            subsystems: subject.subsystems,
            authors: subject.authors,
            body: raw.body,
            line: raw.line,
            charts,
            ..Default::default()
        });
    }
    let mut post = Post {
        lang: lang::detect(rel, fm.lang.as_deref(), &prose),
        id,
        path: rel.to_string(),
        title,
        date: date.map(|d| d.to_rfc3339()),
        release: decision.release.map(|v| v.to_string()),
        release_source: decision.source,
        cycle: decision.cycle.map(|v| v.to_string()),
        tags: fm.tags,
        categories: fm.categories,
        preamble: body.preamble,
        entries,
        charts: preamble_charts,
        ..Default::default()
    };
    ids::assign_entries(&mut post);
    Ok(PostRead::Post(Box::new(post), warnings))
}

/// The charts of one markdown part; images that look like charts but cannot be read become warnings.
fn find_charts(
    markdown: &str,
    first_line: u32,
    warn: &mut impl FnMut(Option<u32>, String),
) -> Vec<ChartRef> {
    let (found, problems) = charts::find_charts(markdown, first_line);
    for p in problems {
        warn(Some(p.line), p.to_string());
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use kernel_news_core::bundle::ChartKind;

    fn read(text: &str) -> (Post, Vec<PostWarning>) {
        let table = SubsystemTable::builtin();
        match read_post(
            text.as_bytes(),
            "lkml_news_v6.7-rc4.md",
            "p".into(),
            false,
            &Calendar::new(),
            &table,
        ) {
            Ok(PostRead::Post(post, warnings)) => (*post, warnings),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_blank_title_is_no_title_the_file_name_stands_in_with_a_warning() {
        let (post, warnings) = read("+++\ntitle = \"  \"\n+++\nA (Ann)\n-------\nbody\n");
        assert_eq!(post.title, "lkml_news_v6.7-rc4");
        assert_eq!(post.release.as_deref(), Some("v6.7-rc4"));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(warnings[0].line, Some(2));
        assert!(warnings[0].message.contains("no `title`"), "{warnings:?}");
    }

    #[test]
    fn the_post_keeps_its_categories_preamble_entries_and_charts() {
        let (post, warnings) = read(
            "+++\ntitle = \"LKML News v6.7-rc4\"\ncategories = [\"lkml news\"]\n+++\n\
             Two years:\n\n![all](/img/kernel_release_stat/v5.16-rc5..v6.7-rc4.png)\n\n\
             A (Ann)\n-------\n![rc4](/img/kernel_release_stat/v6.7-rc4-only.png)\n",
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(post.categories, ["lkml news"]);
        assert!(post.preamble.starts_with("Two years:"), "{}", post.preamble);
        let untils: Vec<&str> = post.charts.iter().map(|c| c.until.as_str()).collect();
        assert_eq!(untils, ["v6.7-rc4"]);
        assert_eq!(post.entries.len(), 1);
        assert_eq!(post.entries[0].charts.len(), 1);
        assert_eq!(post.entries[0].charts[0].kind, ChartKind::SameRc);
    }

    #[test]
    fn entries_get_their_ids_and_positions_from_the_post() {
        let (post, _) = read("+++\ntitle = \"t\"\n+++\nA (Ann)\n-------\nx\n\nB (Bo)\n------\ny\n");
        let got: Vec<(&str, u32)> = (post.entries.iter())
            .map(|e| (e.id.as_str(), e.position))
            .collect();
        assert_eq!(got, [("p/a", 0), ("p/b", 1)]);
    }
}

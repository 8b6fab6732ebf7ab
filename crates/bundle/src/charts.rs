//! Release-stat chart images (`/img/kernel_release_stat/v5.16-rc5..v6.7-rc4.png`) read as [`ChartRef`]s.
//!
//! The blog's gnuplot charts are named after what they plot, so the name alone
//! is enough for the viewer to draw the same chart live from the bundle's
//! release table. Forms, after an optional legacy `linux_stat_`/`linux_vstat_`
//! prefix and before `.png`:
//!
//! - `vA[-rcB]..vC[-rcD]`: every tag from the first to the last;
//! - `vC[-rcD]`: every tag in the two years up to it (the legacy names);
//! - `vC[-rcD]-only`: the same rc (or the final release) of each cycle up to it.

use std::fmt;

use kernel_news_core::bundle::{ChartKind, ChartRef};
use kernel_news_core::KernelVersion;
use thiserror::Error;

use kernel_news_core::images::find_images;

/// The directory the blog keeps its release-stat charts in.
const RELSTAT_DIR: &str = "kernel_release_stat";
/// Legacy file-name prefixes, longest first so `linux_vstat` is not read as `linux_`.
const LEGACY_PREFIXES: [&str; 2] = ["linux_vstat", "linux_stat"];
/// What a warning says was expected.
const EXPECTED: &str = "expected `vA[-rcB]..vC[-rcD].png`, `vC[-rcD].png` or `vC[-rcD]-only.png`, \
                        optionally prefixed `linux_stat_`";

/// Why an image that looks like a release-stat chart cannot be read as one.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum ChartNameError {
    #[error("its file name `{name}` does not end in `.png`")]
    NotPng { name: String },
    #[error("its file name `{name}` names no kernel tag")]
    NoTag { name: String },
    #[error("`{found}` in its file name is not a kernel tag like v6.7 or v6.7-rc4")]
    BadTag { found: String },
    #[error("its window `{from}..{until}` does not run forwards (the first tag must come before the last)")]
    Backwards { from: String, until: String },
}

/// A release-stat image that stays a plain image, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartWarning {
    /// 1-based file line of the image.
    pub line: u32,
    pub src: String,
    pub error: ChartNameError,
}

impl fmt::Display for ChartWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "image `{}` looks like a release-stat chart but {}; {EXPECTED}; it stays a plain image",
            self.src, self.error
        )
    }
}

/// The charts among the images of `markdown` (first line at file line
/// `first_line`), in order, and a warning for each release-stat image whose
/// name cannot be read. Other images are left alone.
pub fn find_charts(markdown: &str, first_line: u32) -> (Vec<ChartRef>, Vec<ChartWarning>) {
    let mut charts = Vec::new();
    let mut warnings = Vec::new();
    for image in find_images(markdown, first_line) {
        match parse_chart(&image.src) {
            Ok(Some(chart)) => charts.push(chart),
            Ok(None) => {}
            Err(error) => warnings.push(ChartWarning {
                line: image.line,
                src: image.src,
                error,
            }),
        }
    }
    (charts, warnings)
}

/// Reads one image URL: `Ok(None)` when it is not a release-stat image at all.
pub fn parse_chart(src: &str) -> Result<Option<ChartRef>, ChartNameError> {
    let path = src.split(['?', '#']).next().unwrap_or(src);
    let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
    let lower = name.to_ascii_lowercase();
    let legacy = LEGACY_PREFIXES.iter().find(|p| lower.starts_with(*p));
    let in_dir = dir.split('/').any(|seg| seg == RELSTAT_DIR);
    if !in_dir && legacy.is_none() {
        return Ok(None);
    }
    let stem = lower
        .strip_suffix(".png")
        .map(|_| &name[..name.len() - 4])
        .ok_or_else(|| ChartNameError::NotPng { name: name.into() })?;
    let stem = match legacy {
        Some(p) => stem[p.len()..].trim_start_matches(['_', '-']),
        None => stem,
    };
    if stem.is_empty() {
        return Err(ChartNameError::NoTag { name: name.into() });
    }
    let chart = |kind, from: Option<KernelVersion>, until: KernelVersion, rc| ChartRef {
        src: src.to_string(),
        kind,
        from: from.map(|v| v.to_string()),
        until: until.to_string(),
        rc,
    };
    if let Some(tag) = stem.strip_suffix("-only") {
        let until = parse_tag(tag)?;
        return Ok(Some(chart(ChartKind::SameRc, None, until, until.rc)));
    }
    if let Some((a, b)) = stem.split_once("..") {
        let (from, until) = (parse_tag(a)?, parse_tag(b)?);
        if from >= until {
            return Err(ChartNameError::Backwards {
                from: a.into(),
                until: b.into(),
            });
        }
        return Ok(Some(chart(ChartKind::Releases, Some(from), until, None)));
    }
    Ok(Some(chart(
        ChartKind::Releases,
        None,
        parse_tag(stem)?,
        None,
    )))
}

fn parse_tag(s: &str) -> Result<KernelVersion, ChartNameError> {
    s.parse()
        .map_err(|_| ChartNameError::BadTag { found: s.into() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str) -> (ChartKind, Option<String>, String, Option<u32>) {
        let src = format!("/img/kernel_release_stat/{name}");
        let c = parse_chart(&src).unwrap().expect("a chart");
        assert_eq!(c.src, src);
        (c.kind, c.from, c.until, c.rc)
    }

    #[test]
    fn every_form_of_the_archive() {
        use ChartKind::*;
        let s = |x: &str| Some(x.to_string());
        let cases = [
            (
                "v5.16-rc5..v6.7-rc4.png",
                (Releases, s("v5.16-rc5"), "v6.7-rc4", None),
            ),
            (
                "v5.11..v6.2-rc7.png",
                (Releases, s("v5.11"), "v6.2-rc7", None),
            ),
            (
                "v5.3-rc8..v5.14.png",
                (Releases, s("v5.3-rc8"), "v5.14", None),
            ),
            ("v5.9..v6.0.png", (Releases, s("v5.9"), "v6.0", None)),
            ("v6.7-rc4-only.png", (SameRc, None, "v6.7-rc4", Some(4))),
            ("v6.7-only.png", (SameRc, None, "v6.7", None)),
            (
                "linux_stat_v6.7-rc5.png",
                (Releases, None, "v6.7-rc5", None),
            ),
            (
                "linux_stat_v6.8-rc2-only.png",
                (SameRc, None, "v6.8-rc2", Some(2)),
            ),
            (
                "linux_vstat_v6.8-rc2.png",
                (Releases, None, "v6.8-rc2", None),
            ),
            ("v6.7-rc4.PNG", (Releases, None, "v6.7-rc4", None)),
        ];
        for (name, (kind, from, until, rc)) in cases {
            assert_eq!(read(name), (kind, from, until.to_string(), rc), "{name}");
        }
    }

    #[test]
    fn legacy_names_are_charts_in_any_directory_and_other_images_are_not() {
        let c = parse_chart("https://example.org/linux_stat_v6.7-rc4-only.png?x=1");
        assert_eq!(c.unwrap().unwrap().until, "v6.7-rc4");
        for src in [
            "/img/kernel_release_stat_old/v6.7.png",
            "/img/photo.png",
            "",
        ] {
            assert_eq!(parse_chart(src), Ok(None), "{src}");
        }
    }

    #[test]
    fn unreadable_names_say_what_they_found() {
        let err =
            |name: &str| parse_chart(&format!("/img/kernel_release_stat/{name}")).unwrap_err();
        assert_eq!(
            err("v6.7.svg"),
            ChartNameError::NotPng {
                name: "v6.7.svg".into()
            }
        );
        assert_eq!(
            err("linux_stat.png"),
            ChartNameError::NoTag {
                name: "linux_stat.png".into()
            }
        );
        assert_eq!(
            err("summary.png"),
            ChartNameError::BadTag {
                found: "summary".into()
            }
        );
        assert_eq!(
            err("v6.7-rc4..latest.png"),
            ChartNameError::BadTag {
                found: "latest".into()
            }
        );
        assert_eq!(
            err("v6.7..v6.6.png"),
            ChartNameError::Backwards {
                from: "v6.7".into(),
                until: "v6.6".into()
            }
        );
    }

    #[test]
    fn find_charts_keeps_order_and_names_the_line_of_each_problem() {
        let md = "![x](/img/kernel_release_stat/v6.6..v6.7.png)\n\n![y](/img/me.jpg)\n\
                  ![z](/img/kernel_release_stat/latest.png)\n![w](/img/kernel_release_stat/v6.7-only.png)";
        let (charts, warnings) = find_charts(md, 7);
        let untils: Vec<_> = charts.iter().map(|c| c.until.as_str()).collect();
        assert_eq!(untils, ["v6.7", "v6.7"]);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].line, 10);
        let text = warnings[0].to_string();
        assert!(
            text.contains("`/img/kernel_release_stat/latest.png`"),
            "{text}"
        );
        assert!(
            text.contains("`latest`") && text.contains("expected"),
            "{text}"
        );
    }
}

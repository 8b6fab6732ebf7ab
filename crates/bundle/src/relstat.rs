//! Release statistics import: the shipped TSV and the text relstat.py prints.

use std::collections::BTreeMap;

use kernel_news_core::date::{format_ymd, parse_ymd, DateTime};
use kernel_news_core::{KernelVersion, Release};
use thiserror::Error;

/// Why release statistics could not be read. The message names no file or
/// line: the caller's diagnostic does, from the file it read and [`Self::line`].
#[derive(Debug, Error, PartialEq, Eq)]
pub enum RelstatError {
    #[error("column `{column}` is `{found}`; expected {expected}")]
    Cell {
        line: u32,
        column: &'static str,
        found: String,
        expected: &'static str,
    },
    #[error("diff is {diff} but insertions + deletions is {sum}; expected them equal")]
    DiffMismatch { line: u32, diff: u64, sum: u64 },
    #[error("no release rows; expected the TSV of data/relstat/ or relstat.py output")]
    NoRows,
}

impl RelstatError {
    /// 1-based line of the file the problem is on, when it is on one.
    pub fn line(&self) -> Option<u32> {
        match self {
            RelstatError::Cell { line, .. } | RelstatError::DiffMismatch { line, .. } => {
                Some(*line)
            }
            RelstatError::NoRows => None,
        }
    }
}

fn cell_error(
    line: u32,
    column: &'static str,
    found: &str,
    expected: &'static str,
) -> RelstatError {
    RelstatError::Cell {
        line,
        column,
        found: found.to_string(),
        expected,
    }
}

/// The TSV of `data/relstat/`: `version date files insertions deletions [source]`,
/// `#` comments, one header row; an empty cell is unknown.
pub fn parse_tsv(text: &str) -> Result<Vec<Release>, RelstatError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i as u32 + 1;
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with("version\t") {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').map(str::trim).collect();
        let cell = |k: usize| cells.get(k).copied().unwrap_or("");
        let bad = |column, found: &str, expected| cell_error(n, column, found, expected);
        let version = cell(0)
            .parse::<KernelVersion>()
            .map_err(|_| bad("version", cell(0), "a tag like v6.7-rc4"))?;
        let date = match cell(1) {
            "" => None,
            d => Some(format_ymd(
                parse_ymd(d).ok_or_else(|| bad("date", d, "YYYY-MM-DD"))?,
            )),
        };
        let count = |k: usize, column| match cell(k) {
            "" => Ok(None),
            v => v
                .parse::<u64>()
                .map(Some)
                .map_err(|_| bad(column, v, "a whole number or nothing")),
        };
        out.push(Release {
            version: version.to_string(),
            date,
            files: count(2, "files")?,
            insertions: count(3, "insertions")?,
            deletions: count(4, "deletions")?,
            ..Default::default()
        });
    }
    if out.is_empty() {
        return Err(RelstatError::NoRows);
    }
    Ok(sorted(out))
}

/// What `relstat.py` prints: rows of `version(date) files deletions insertions diff`,
/// the date with or without a time; header and other lines are skipped.
pub fn parse_relstat_output(text: &str) -> Result<Vec<Release>, RelstatError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i as u32 + 1;
        let mut words = line.split_whitespace();
        let Some(first) = words.next() else { continue };
        let Some((tag, rest)) = first.split_once('(') else {
            continue;
        };
        let Ok(version) = tag.parse::<KernelVersion>() else {
            continue;
        };
        // The date may carry a time after a space: `v6.7(2024-01-07 22:18:...)`.
        let mut date_text = rest.to_string();
        let mut words: Vec<&str> = words.collect();
        while !date_text.ends_with(')') && !words.is_empty() {
            date_text.push(' ');
            date_text.push_str(words.remove(0));
        }
        let bad = |column, found: &str, expected| cell_error(n, column, found, expected);
        let date_text = date_text.trim_end_matches(')');
        let date = DateTime::parse(date_text)
            .map(|d| format_ymd(d.utc_day()))
            .ok_or_else(|| bad("date", date_text, "a date like 2024-01-07"))?;
        let nums: Vec<u64> = words
            .iter()
            .map(|w| {
                w.parse::<u64>()
                    .map_err(|_| bad("figures", w, "whole numbers"))
            })
            .collect::<Result<_, _>>()?;
        let [files, deletions, insertions, diff] = nums[..] else {
            return Err(bad(
                "figures",
                &words.join(" "),
                "four numbers: files deletions insertions diff",
            ));
        };
        if insertions + deletions != diff {
            return Err(RelstatError::DiffMismatch {
                line: n,
                diff,
                sum: insertions + deletions,
            });
        }
        out.push(Release {
            version: version.to_string(),
            date: Some(date),
            files: Some(files),
            insertions: Some(insertions),
            deletions: Some(deletions),
            ..Default::default()
        });
    }
    if out.is_empty() {
        return Err(RelstatError::NoRows);
    }
    Ok(sorted(out))
}

/// Picks the format by content: tab-separated rows are the TSV.
pub fn detect_and_parse(text: &str) -> Result<Vec<Release>, RelstatError> {
    let tsv = text
        .lines()
        .any(|l| !l.starts_with('#') && l.contains('\t'));
    if tsv {
        parse_tsv(text)
    } else {
        parse_relstat_output(text)
    }
}

/// Later sources fill or override figures per version, but a known figure is
/// never replaced by an unknown one. Output is in kernel order, one row a tag.
pub fn merge(sources: Vec<Vec<Release>>) -> Vec<Release> {
    let mut by_tag: BTreeMap<KernelVersion, Release> = BTreeMap::new();
    for r in sources.into_iter().flatten() {
        let Ok(v) = r.version.parse::<KernelVersion>() else {
            continue;
        };
        match by_tag.get_mut(&v) {
            None => {
                by_tag.insert(v, r);
            }
            Some(old) => {
                old.date = r.date.or(old.date.take());
                old.files = r.files.or(old.files);
                old.insertions = r.insertions.or(old.insertions);
                old.deletions = r.deletions.or(old.deletions);
            }
        }
    }
    by_tag.into_values().collect()
}

fn sorted(rows: Vec<Release>) -> Vec<Release> {
    merge(vec![rows])
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHIPPED: &str = include_str!("../../../data/relstat/linux-mainline.tsv");

    #[test]
    fn shipped_tsv_parses_every_row_with_unknowns_kept_unknown() {
        let rows = parse_tsv(SHIPPED).unwrap();
        let data_rows = SHIPPED
            .lines()
            .filter(|l| l.starts_with('v') && !l.starts_with("version\t"))
            .count();
        assert_eq!(rows.len(), data_rows);
        let rc1 = rows.iter().find(|r| r.version == "v4.14-rc1").unwrap();
        assert_eq!(
            (rc1.files, rc1.insertions, rc1.deletions),
            (None, None, None)
        );
        let v56rc1 = rows.iter().find(|r| r.version == "v5.6-rc1").unwrap();
        assert_eq!(v56rc1.date.as_deref(), Some("2020-02-10"));
        assert_eq!(
            (v56rc1.files, v56rc1.insertions, v56rc1.deletions),
            (Some(10609), Some(566486), Some(261234))
        );
    }

    #[test]
    fn output_is_in_kernel_order() {
        let rows = parse_tsv(SHIPPED).unwrap();
        let pos = |t: &str| rows.iter().position(|r| r.version == t).unwrap();
        assert!(pos("v6.9") < pos("v6.10-rc1"));
        assert!(pos("v6.7-rc8") < pos("v6.7"));
        assert!(pos("v4.20") < pos("v5.0-rc1"));
    }

    #[test]
    fn bad_cells_name_line_column_and_expectation() {
        let err = parse_tsv(
            "version\tdate\tfiles\tinsertions\tdeletions\nv6.7\t2024-01-07\tmany\t1\t2\n",
        )
        .unwrap_err();
        assert_eq!(err.line(), Some(2));
        assert_eq!(
            err.to_string(),
            "column `files` is `many`; expected a whole number or nothing"
        );
        let err = parse_tsv("v6.7\t2024-13-07\t1\t1\t1\n").unwrap_err();
        assert!(err.to_string().contains("`date`"), "{err}");
        let err = parse_tsv("linux-6.7\t2024-01-07\t1\t1\t1\n").unwrap_err();
        assert!(err.to_string().contains("v6.7-rc4"), "{err}");
    }

    #[test]
    fn relstat_output_reads_deletions_before_insertions() {
        let text = "version files deletions insertions diff\n\
                    v5.5-rc7(2020-01-20) 291 2230 2319 4549\nv5.5(2020-01-27 00:00:00) 200 1131 2695 3826\n";
        let rows = parse_relstat_output(text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].files, Some(291));
        assert_eq!(
            (rows[0].insertions, rows[0].deletions),
            (Some(2319), Some(2230))
        );
        assert_eq!(rows[1].date.as_deref(), Some("2020-01-27"));
    }

    #[test]
    fn relstat_diff_mismatch_is_an_error() {
        let err = parse_relstat_output("v5.5(2020-01-27) 200 1131 2695 9999\n").unwrap_err();
        assert!(
            matches!(
                err,
                RelstatError::DiffMismatch {
                    line: 1,
                    diff: 9999,
                    sum: 3826
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn detection_picks_the_format() {
        assert_eq!(
            detect_and_parse("v5.5(2020-01-27) 200 1131 2695 3826\n")
                .unwrap()
                .len(),
            1
        );
        assert_eq!(
            detect_and_parse("v5.5\t2020-01-27\t1\t2\t3\n")
                .unwrap()
                .len(),
            1
        );
        assert!(matches!(
            detect_and_parse("hello\n"),
            Err(RelstatError::NoRows)
        ));
    }

    #[test]
    fn merge_fills_and_overrides_but_never_forgets() {
        let a = vec![Release {
            version: "v6.7".into(),
            date: Some("2024-01-07".into()),
            files: Some(1),
            insertions: None,
            deletions: Some(3),
            ..Default::default()
        }];
        let b = vec![Release {
            version: "v6.7".into(),
            date: None,
            files: Some(9),
            insertions: Some(5),
            deletions: None,
            ..Default::default()
        }];
        let m = merge(vec![a, b]);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].date.as_deref(), Some("2024-01-07"));
        assert_eq!(
            (m[0].files, m[0].insertions, m[0].deletions),
            (Some(9), Some(5), Some(3))
        );
    }
}

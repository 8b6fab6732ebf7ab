//! The text forms of a feed: LWN's `/headlines/text`, and a feed reader's reading view copied as plain text.
//!
//! A reading view (FreshRSS's, for one) gives per item a title line, the
//! feed's name after `✇`, a `Par : NAME` / `By: NAME` line and the
//! description's paragraphs, items apart by a line holding only `•`; it gives
//! no dates and no links. `/headlines/text` gives a title, a URL and a
//! `Section, date` line per item, items apart by `&&` lines.

use kernel_news_core::date::{days_from_civil, DateTime};

use super::html::escape_markdown;
use super::link::normalise_link;
use super::{collapse_whitespace, FeedError, FeedFile, FeedItem, Format, ItemProblem};

const LWN_HEADER: &str = "This is the LWN.net text headlines file.";

/// Reads either text form, told apart by LWN's header line.
pub fn read_text(text: &str) -> Result<FeedFile, FeedError> {
    if text.trim_start().starts_with(LWN_HEADER) {
        return Ok(read_lwn_headlines(text));
    }
    if text.lines().any(|l| l.trim() == "•") {
        return Ok(read_reading_view(text));
    }
    let first = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default()
        .trim();
    let first: String = first.chars().take(60).collect();
    Err(FeedError::UnknownFormat {
        found: format!("text starting {first:?} with no `•` separator line"),
    })
}

/// Lines numbered from 1, cut into the runs between separator lines.
fn chunks(text: &str, separator: impl Fn(&str) -> bool) -> Vec<Vec<(u32, &str)>> {
    let mut chunks = vec![Vec::new()];
    for (i, line) in text.lines().enumerate() {
        if separator(line.trim()) {
            chunks.push(Vec::new());
        } else if let Some(chunk) = chunks.last_mut() {
            chunk.push((i as u32 + 1, line));
        }
    }
    chunks.retain(|c| c.iter().any(|(_, l)| !l.trim().is_empty()));
    chunks
}

fn new_file() -> FeedFile {
    FeedFile {
        format: Format::Text,
        items: Vec::new(),
        problems: Vec::new(),
    }
}

fn read_reading_view(text: &str) -> FeedFile {
    let mut file = new_file();
    for chunk in chunks(text, |l| l == "•") {
        let lines: Vec<(u32, &str)> = (chunk.iter().copied())
            .filter(|(_, l)| !l.trim().is_empty())
            .collect();
        // The reader's own buttons copied along (FreshRSS ends with `❌`): no words, no item.
        if !lines
            .iter()
            .any(|(_, l)| l.chars().any(char::is_alphanumeric))
        {
            continue;
        }
        // The title is the line above the source line; above it, in the first
        // run, is the reading view's own header.
        let source = lines
            .iter()
            .position(|(_, l)| l.trim_start().starts_with('✇'));
        let (title_at, mut rest) = match source {
            Some(0) | None => (0, 1),
            Some(s) => (s - 1, s + 1),
        };
        let (line, title) = lines[title_at];
        let author = lines.get(rest).and_then(|(_, l)| author_of(l));
        rest += usize::from(author.is_some());
        let description = chunk_text(&chunk, lines.get(rest).map(|(n, _)| *n));
        file.items.push(FeedItem {
            title: collapse_whitespace(title),
            author: author.map(collapse_whitespace),
            summary: description.map(plain_to_markdown).unwrap_or_default(),
            line,
            ..FeedItem::default()
        });
    }
    file
}

/// The description: the item's lines from line `from` to its separator,
/// blank lines kept, since they part its paragraphs. (Taken from the item,
/// not the file: skipping the file's lines up to each item made a reading
/// view quadratic in its items.)
fn chunk_text<'a>(chunk: &[(u32, &'a str)], from: Option<u32>) -> Option<Vec<&'a str>> {
    let from = from?;
    let lines = chunk.iter().filter(|(n, _)| *n >= from).map(|(_, l)| *l);
    Some(lines.collect())
}

/// `Par : corbet` (French), `By: corbet`, `By corbet`.
fn author_of(line: &str) -> Option<&str> {
    let line = line.trim();
    let name = ["Par :", "Par:", "By:", "By "]
        .iter()
        .find_map(|p| line.strip_prefix(p))?
        .trim();
    (!name.is_empty()).then_some(name)
}

/// Plain paragraphs as markdown: each text run escaped, paragraphs apart by
/// blank lines, and lines that start with `•` (a bullet the reader drew for
/// an HTML list item) as one markdown list.
pub fn plain_to_markdown(lines: Vec<&str>) -> String {
    let mut blocks: Vec<String> = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Vec<String> = Vec::new();
    let end_paragraph = |paragraph: &mut Vec<&str>, blocks: &mut Vec<String>| {
        if !paragraph.is_empty() {
            blocks.push(escape_markdown(&paragraph.join(" ")));
            paragraph.clear();
        }
    };
    for line in lines {
        let trimmed = line.trim();
        let bullet = trimmed
            .strip_prefix('•')
            .filter(|b| b.starts_with(char::is_whitespace));
        match bullet.map(str::trim).filter(|b| !b.is_empty()) {
            Some(item) => {
                end_paragraph(&mut paragraph, &mut blocks);
                list.push(format!("- {}", escape_markdown(item)));
            }
            None => {
                if !list.is_empty() {
                    blocks.push(list.join("\n"));
                    list.clear();
                }
                if trimmed.is_empty() {
                    end_paragraph(&mut paragraph, &mut blocks);
                } else {
                    paragraph.push(trimmed);
                }
            }
        }
    }
    end_paragraph(&mut paragraph, &mut blocks);
    if !list.is_empty() {
        blocks.push(list.join("\n"));
    }
    blocks.join("\n\n")
}

fn read_lwn_headlines(text: &str) -> FeedFile {
    let mut file = new_file();
    // The run before the first `&&` is the file's own explanation.
    for chunk in chunks(text, |l| l == "&&").into_iter().skip(1) {
        let lines: Vec<(u32, &str)> = chunk
            .into_iter()
            .filter(|(_, l)| !l.trim().is_empty())
            .collect();
        let (line, title) = lines[0];
        let link = lines
            .get(1)
            .map(|(_, l)| l.trim())
            .filter(|l| l.contains("://"));
        if link.is_none() {
            let found = lines.get(1).map_or("nothing", |(_, l)| l.trim());
            let message = format!("found {found:?} after the title; expected the item's URL");
            file.problems.push(ItemProblem {
                line: Some(lines.get(1).map_or(line, |l| l.0)),
                message,
            });
        }
        let date = lines
            .get(2)
            .filter(|_| link.is_some())
            .and_then(|&(at, l)| {
                let when = l.split_once(',').map_or(l, |(_section, when)| when).trim();
                let date = parse_headline_date(when);
                if date.is_none() {
                    let message =
                        format!("date {when:?}; expected `Section, Month D, YYYY` or ISO 8601");
                    file.problems.push(ItemProblem {
                        line: Some(at),
                        message,
                    });
                }
                date
            });
        file.items.push(FeedItem {
            title: collapse_whitespace(title),
            link: link.map(normalise_link),
            date,
            line,
            ..FeedItem::default()
        });
    }
    file
}

/// `May 14, 2026`, `14 May 2026`, or what [`DateTime::parse`] reads; a bare day is taken as midnight UTC.
fn parse_headline_date(s: &str) -> Option<DateTime> {
    if let Some(d) = DateTime::parse(s) {
        return Some(d);
    }
    let words: Vec<&str> = s.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let (month, day, year) = match words.as_slice() {
        [m, d, y] if m.starts_with(char::is_alphabetic) => (*m, *d, *y),
        [d, m, y] => (*m, *d, *y),
        _ => return None,
    };
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = month.to_ascii_lowercase();
    let m = MONTHS.iter().position(|p| lower.get(..3) == Some(*p))? as u32 + 1;
    let (d, y): (u32, i64) = (day.parse().ok()?, year.parse().ok()?);
    if !(1..=31).contains(&d) || !(1970..=9999).contains(&y) {
        return None;
    }
    Some(DateTime {
        local_days: days_from_civil(y, m, d),
        seconds: 0,
        offset_minutes: 0,
    })
}

#[cfg(test)]
#[path = "text_tests.rs"]
mod tests;

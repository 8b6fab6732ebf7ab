//! Front matter: splitting `---` YAML / `+++` TOML headers off a post and reading the fields we use.
//!
//! Like Zola's `front_matter/split.rs`, the delimiter on the first line picks the
//! format and the same delimiter alone on a later line closes it. Text is
//! expected with CRLF and BOM already normalised (see [`crate::source`]).

use thiserror::Error;

/// Which syntax the header is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
}

impl Format {
    fn delimiter(self) -> &'static str {
        match self {
            Format::Yaml => "---",
            Format::Toml => "+++",
        }
    }
}

/// A post cut in two. Line numbers are 1-based lines of the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub format: Option<Format>,
    /// The header text between the delimiters (empty when there is none).
    pub header: &'a str,
    /// Line of the file where `header` starts.
    pub header_line: u32,
    pub body: &'a str,
    /// Line of the file where `body` starts.
    pub body_line: u32,
}

/// The fields of a header that the bundle uses; everything else is ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    /// As written; normalised later by the caller.
    pub date: Option<String>,
    pub draft: bool,
    pub tags: Vec<String>,
    pub categories: Vec<String>,
    /// Hugo's per-page `lang`/`language` override, when set.
    pub lang: Option<String>,
}

/// Why a header cannot be read. The message names no line: the caller's
/// diagnostic does, from [`Self::line`].
#[derive(Debug, Error, PartialEq, Eq)]
pub enum FrontMatterError {
    #[error("front matter opened with `{delim}` is never closed; expected a line holding only `{delim}`")]
    Unclosed { line: u32, delim: &'static str },
    #[error("invalid YAML front matter: {message}")]
    Yaml { line: u32, message: String },
    #[error("invalid TOML front matter: {message}")]
    Toml { line: u32, message: String },
    #[error("front matter field `{field}` is {found}; expected {expected}")]
    Field {
        line: u32,
        field: &'static str,
        found: String,
        expected: &'static str,
    },
}

impl FrontMatterError {
    /// 1-based line of the file the problem is on.
    pub fn line(&self) -> u32 {
        match self {
            FrontMatterError::Unclosed { line, .. }
            | FrontMatterError::Yaml { line, .. }
            | FrontMatterError::Toml { line, .. }
            | FrontMatterError::Field { line, .. } => *line,
        }
    }
}

/// Cuts the header off `text`. A file without a header is a body-only post.
pub fn split(text: &str) -> Result<Split<'_>, FrontMatterError> {
    let first_end = text.find('\n').unwrap_or(text.len());
    let format = match text[..first_end].trim_end() {
        "---" => Format::Yaml,
        "+++" => Format::Toml,
        _ => {
            return Ok(Split {
                format: None,
                header: "",
                header_line: 1,
                body: text,
                body_line: 1,
            })
        }
    };
    let header_start = (first_end + 1).min(text.len());
    let mut offset = header_start;
    for (line, raw) in (2u32..).zip(text[header_start..].split_inclusive('\n')) {
        if raw.trim_end() == format.delimiter() {
            let body_start = offset + raw.len();
            return Ok(Split {
                format: Some(format),
                header: &text[header_start..offset],
                header_line: 2,
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        offset += raw.len();
    }
    Err(FrontMatterError::Unclosed {
        line: 1,
        delim: format.delimiter(),
    })
}

/// Reads the header of a split post.
pub fn parse(split: &Split<'_>) -> Result<FrontMatter, FrontMatterError> {
    match split.format {
        None => Ok(FrontMatter::default()),
        Some(Format::Yaml) => parse_yaml(split.header, split.header_line),
        Some(Format::Toml) => parse_toml(split.header, split.header_line),
    }
}

/// A header value reduced to what the fields we read can be, whatever the syntax.
enum Value {
    Null,
    Scalar(String),
    Bool(bool),
    List(Vec<String>),
    /// Anything else, named for the error message (`a mapping`, `a table` ...).
    Other(String),
}

impl Value {
    fn describe(&self) -> String {
        match self {
            Value::Null => "empty".into(),
            Value::Scalar(_) => "a string".into(),
            Value::Bool(_) => "a boolean".into(),
            Value::List(_) => "a list".into(),
            Value::Other(kind) => kind.clone(),
        }
    }
}

fn parse_yaml(header: &str, first_line: u32) -> Result<FrontMatter, FrontMatterError> {
    use yaml_rust2::{Yaml, YamlLoader};
    yaml_within_limits(header, first_line)?;
    let docs = YamlLoader::load_from_str(header).map_err(|e| FrontMatterError::Yaml {
        line: yaml_line(header, e.marker().index(), first_line),
        message: e.info().to_string(),
    })?;
    let map = match docs.into_iter().next() {
        None | Some(Yaml::Null) => return Ok(FrontMatter::default()),
        Some(Yaml::Hash(map)) => map,
        Some(other) => {
            return Err(FrontMatterError::Field {
                line: first_line,
                field: "(top level)",
                found: yaml_value(&other).describe(),
                expected: "a mapping of `key: value` lines",
            })
        }
    };
    let pairs = map.iter().filter_map(|(k, v)| match k {
        Yaml::String(key) => Some((key.as_str(), yaml_value(v))),
        _ => None,
    });
    collect_fields(pairs, header, first_line)
}

/// File line of the YAML position `index` (in characters), counted from the
/// position rather than taken from YAML's line: YAML also breaks lines at a
/// lone `\r`, which no other line number here counts.
fn yaml_line(header: &str, index: usize, first_line: u32) -> u32 {
    first_line + header.chars().take(index).filter(|c| *c == '\n').count() as u32
}

/// How deep a YAML header may nest: the loader recurses per level, and
/// 50,000 nested `- ` (a 100 KB line) overflow an 8 MB stack.
const YAML_MAX_DEPTH: usize = 100;

/// How many values a YAML header's aliases may copy in: the loader copies an
/// anchor's whole value for every alias, so nested aliases grow tenfold a
/// level (410 bytes of them copy a million values, 600 bytes a billion).
const YAML_MAX_ALIASED: usize = 100_000;

/// Refuses a header nested deeper or aliased more than the loader can afford,
/// before it loads. The parser's events are pulled one at a time (it keeps
/// its state on a stack of its own, so this does not recurse); a syntax
/// error is left for the loader to report.
fn yaml_within_limits(header: &str, first_line: u32) -> Result<(), FrontMatterError> {
    use std::collections::HashMap;
    use yaml_rust2::parser::{Event, Parser};
    let mut parser = Parser::new_from_str(header);
    // Per anchor: the values it holds and how deep they nest.
    let mut anchors: HashMap<usize, (usize, usize)> = HashMap::new();
    // Per open sequence or mapping: its anchor, its values so far, its depth.
    let mut open: Vec<(usize, usize, usize)> = Vec::new();
    let mut aliased = 0usize;
    loop {
        let Ok((event, mark)) = parser.next_token() else {
            return Ok(());
        };
        let (anchor, size, depth) = match event {
            Event::StreamEnd => return Ok(()),
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                open.push((anchor, 1, 1));
                (0, 0, 0)
            }
            Event::SequenceEnd | Event::MappingEnd => match open.pop() {
                Some(closed) => closed,
                None => continue,
            },
            Event::Scalar(_, _, anchor, _) => (anchor, 1, 0),
            Event::Alias(id) => {
                let (size, depth) = anchors.get(&id).copied().unwrap_or((1, 0));
                aliased = aliased.saturating_add(size);
                (0, size, depth)
            }
            _ => continue,
        };
        if anchor > 0 {
            anchors.insert(anchor, (size, depth));
        }
        if size > 0 {
            if let Some((_, values, deepest)) = open.last_mut() {
                *values = values.saturating_add(size);
                *deepest = (*deepest).max(depth + 1);
            }
        }
        let message = if open.len() + depth > YAML_MAX_DEPTH {
            format!("values nest more than {YAML_MAX_DEPTH} levels deep")
        } else if aliased > YAML_MAX_ALIASED {
            format!("aliases (`*name`) copy in more than {YAML_MAX_ALIASED} values")
        } else {
            continue;
        };
        return Err(FrontMatterError::Yaml {
            line: yaml_line(header, mark.index(), first_line),
            message,
        });
    }
}

fn yaml_value(v: &yaml_rust2::Yaml) -> Value {
    use yaml_rust2::Yaml;
    let scalar = |v: &Yaml| match v {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    };
    match v {
        Yaml::Null => Value::Null,
        Yaml::Boolean(b) => Value::Bool(*b),
        Yaml::Array(items) => Value::List(items.iter().filter_map(scalar).collect()),
        Yaml::Hash(_) => Value::Other("a mapping".into()),
        other => {
            scalar(other).map_or_else(|| Value::Other("an invalid value".into()), Value::Scalar)
        }
    }
}

fn parse_toml(header: &str, first_line: u32) -> Result<FrontMatter, FrontMatterError> {
    let table: toml::Table = toml::from_str(header).map_err(|e| FrontMatterError::Toml {
        line: first_line + e.span().map_or(0, |s| line_at(header, s.start)),
        message: e.message().trim().to_string(),
    })?;
    let pairs = table.iter().map(|(k, v)| (k.as_str(), toml_value(v)));
    collect_fields(pairs, header, first_line)
}

fn toml_value(v: &toml::Value) -> Value {
    let scalar = |v: &toml::Value| match v {
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Datetime(d) => Some(d.to_string()),
        toml::Value::Integer(i) => Some(i.to_string()),
        toml::Value::Float(f) => Some(f.to_string()),
        toml::Value::Boolean(b) => Some(b.to_string()),
        _ => None,
    };
    match v {
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Array(items) => Value::List(items.iter().filter_map(scalar).collect()),
        toml::Value::Table(_) => Value::Other("a table".into()),
        other => scalar(other).map_or_else(
            || Value::Other(format!("a {}", other.type_str())),
            Value::Scalar,
        ),
    }
}

/// The fields we use, from `(key, value)` pairs of either syntax.
fn collect_fields<'a>(
    pairs: impl Iterator<Item = (&'a str, Value)>,
    header: &str,
    first_line: u32,
) -> Result<FrontMatter, FrontMatterError> {
    let mut fm = FrontMatter::default();
    for (key, value) in pairs {
        let field = match key {
            "title" => "title",
            "date" => "date",
            "draft" => "draft",
            "tags" => "tags",
            "categories" => "categories",
            "lang" | "language" => "lang",
            _ => continue,
        };
        let bad = |expected: &'static str| FrontMatterError::Field {
            line: key_line(header, key, first_line),
            field,
            found: value.describe(),
            expected,
        };
        match field {
            "draft" => {
                fm.draft = match &value {
                    Value::Bool(b) => *b,
                    Value::Scalar(s) if s == "true" || s == "false" => s == "true",
                    Value::Null => false,
                    _ => return Err(bad("true or false")),
                }
            }
            "tags" | "categories" => {
                let list = match value {
                    Value::List(items) => items,
                    Value::Null => Vec::new(),
                    Value::Scalar(s) => vec![s],
                    _ => return Err(bad("a list of strings")),
                };
                if field == "tags" {
                    fm.tags = list;
                } else {
                    fm.categories = list;
                }
            }
            _ => {
                let text = match value {
                    Value::Null => None,
                    Value::Scalar(s) => Some(s),
                    _ => return Err(bad("a string")),
                };
                match field {
                    "title" => fm.title = text,
                    "date" => fm.date = text,
                    _ => fm.lang = text,
                }
            }
        }
    }
    Ok(fm)
}

/// 0-based line of byte `offset` in `text`.
fn line_at(text: &str, offset: usize) -> u32 {
    text[..offset.min(text.len())].matches('\n').count() as u32
}

/// File line of the first header line defining `key`, for messages about that
/// field; `first_line` (the header's first line) when the key is absent.
pub fn key_line(header: &str, key: &str, first_line: u32) -> u32 {
    header
        .lines()
        .position(|l| {
            let l = l.trim_start();
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with([':', '=']))
        })
        .map_or(first_line, |i| first_line + i as u32)
}

#[cfg(test)]
#[path = "frontmatter_tests.rs"]
mod tests;

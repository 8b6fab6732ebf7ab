//! Feed descriptions (HTML) as markdown in which every run of the feed's text is escaped, so none of it becomes markup.
//!
//! The HTML is read by html5gum's tokenizer; only a few elements turn into
//! markdown syntax (paragraphs, quotes, lists, emphasis, code, http(s)
//! links), the text of every other element is kept as text, and elements
//! whose content is not text to read (scripts, styles, frames, objects) are
//! dropped whole. Images are dropped for their alt text: the viewer must not
//! fetch anything a feed names.

use html5gum::{DefaultEmitter, Token, Tokenizer};

#[path = "html_writer.rs"]
mod writer;
use writer::Writer;

/// Converts an item description to markdown; see the module docs.
pub fn html_to_markdown(html: &str) -> String {
    let mut w = Writer::default();
    for token in tokens(html) {
        match token {
            Token::StartTag(tag) => {
                let attr = |name: &[u8]| {
                    (tag.attributes.get(name))
                        .map(|v| String::from_utf8_lossy(&v.value).into_owned())
                };
                let name = String::from_utf8_lossy(&tag.name);
                if !w.skip.start(&name, tag.self_closing) {
                    w.start(&name, attr(b"href"), attr(b"alt"));
                }
            }
            Token::EndTag(tag) => w.end(&String::from_utf8_lossy(&tag.name)),
            Token::String(s) => w.text(&String::from_utf8_lossy(&s)),
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    w.finish()
}

/// The text of an HTML fragment (an Atom `type="html"` title), whitespace collapsed, unescaped.
pub fn html_to_text(html: &str) -> String {
    let mut text = String::new();
    let mut skip = Skip::default();
    for token in tokens(html) {
        let name = match &token {
            Token::StartTag(tag) => tag.name.clone(),
            Token::EndTag(tag) => tag.name.clone(),
            Token::String(s) if !skip.active() => {
                text.push_str(&String::from_utf8_lossy(&s.value));
                continue;
            }
            _ => continue,
        };
        let name = String::from_utf8_lossy(&name);
        if matches!(token, Token::StartTag(_)) {
            skip.start(&name, false);
        } else {
            skip.end(&name);
        }
        if name == "br" || is_block(&name) {
            text.push(' ');
        }
    }
    super::collapse_whitespace(&text)
}

/// The tokens of `html`; script and style content is read as raw text, as a browser does.
fn tokens(html: &str) -> impl Iterator<Item = Token> + '_ {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    Tokenizer::new_with_emitter(html, emitter).map(|t| match t {
        Ok(t) => t,
        Err(never) => match never {},
    })
}

/// Escapes text so markdown reads it as exactly that text: every character
/// with a meaning anywhere in a line is backslash-escaped, and a line start
/// that would open a block (`- `, `+ `, `1. `, a setext `=`) is too.
/// Whitespace is collapsed to single spaces.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::new();
    for (i, word) in text.split_ascii_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        escape_into(word, &mut out);
    }
    escape_line_start(&out)
}

fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '!' | '|' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// `line` (already escaped within) with a block-opening start escaped.
fn escape_line_start(line: &str) -> String {
    let b = line.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let at = match b.first() {
        Some(b'-' | b'+' | b'=') => 0,
        // `7.1-rc3` opens nothing: an ordered-list marker needs a space after it.
        Some(b'0'..=b'9')
            if digits <= 9
                && matches!(b.get(digits), Some(b'.' | b')'))
                && matches!(b.get(digits + 1), None | Some(b' ' | b'\t')) =>
        {
            digits
        }
        _ => return line.to_string(),
    };
    format!("{}\\{}", &line[..at], &line[at..])
}

/// An http(s) URL written as a link destination that cannot end early or
/// open other syntax; `None` for any other scheme (`javascript:`, `data:`,
/// relative), whose links are kept as plain text.
fn link_destination(href: &str) -> Option<String> {
    // As a browser reads an href: outer spaces and controls, and any tab or newline, are not part of it.
    let href: String = (href.trim_matches(|c: char| c <= ' ').chars())
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let (scheme, rest) = href.split_once("://")?;
    if !(scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"))
        || rest.is_empty()
    {
        return None;
    }
    let mut out = String::with_capacity(href.len());
    for c in href.chars() {
        match c {
            '&' => out.push_str("\\&"),
            ' ' | '(' | ')' | '<' | '>' | '\\' | '`' | '|' | '"' => percent(c, &mut out),
            c if c.is_control() || c.is_whitespace() => percent(c, &mut out),
            c => out.push(c),
        }
    }
    Some(out)
}

fn percent(c: char, out: &mut String) {
    for b in c.encode_utf8(&mut [0; 4]).bytes() {
        out.push_str(&format!("%{b:02X}"));
    }
}

/// Elements read for nothing: their content is code, media or form controls.
/// A self-closing slash does not end them, as in a browser, except in SVG and MathML.
const DROPPED: &[&str] = &[
    "script", "style", "iframe", "object", "applet", "noscript", "noembed", "noframes", "template",
    "svg", "math", "canvas", "audio", "video", "frameset", "head", "title", "textarea", "select",
];

/// Elements that end the paragraph before and after them.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "address",
    "details",
    "summary",
    "nav",
    "aside",
    "main",
    "center",
    "caption",
    "form",
    "fieldset",
    "legend",
];

const CODE: &[&str] = &["code", "kbd", "samp", "tt"];

/// Inside a dropped element: its name and how many of it are open.
#[derive(Default)]
struct Skip(Option<(String, usize)>);

impl Skip {
    fn active(&self) -> bool {
        self.0.is_some()
    }

    /// Whether the tag is swallowed: inside a dropped element, or beginning one.
    fn start(&mut self, name: &str, self_closing: bool) -> bool {
        match &mut self.0 {
            Some((open, depth)) => *depth += usize::from(open == name && !self_closing),
            None if DROPPED.contains(&name) => {
                if !(self_closing && matches!(name, "svg" | "math")) {
                    self.0 = Some((name.to_string(), 1));
                }
            }
            None => return false,
        }
        true
    }

    fn end(&mut self, name: &str) -> bool {
        let Some((open, depth)) = &mut self.0 else {
            return false;
        };
        if open == name {
            *depth -= 1;
            if *depth == 0 {
                self.0 = None;
            }
        }
        true
    }
}

fn is_block(name: &str) -> bool {
    BLOCKS.contains(&name) || matches!(name, "blockquote" | "ul" | "ol" | "menu" | "li" | "pre")
}

#[cfg(test)]
#[path = "html_tests.rs"]
mod tests;

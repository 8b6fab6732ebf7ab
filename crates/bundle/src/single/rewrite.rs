//! Rewriting Trunk's `index.html`: each `<link>` and `<script>` that loads a file becomes inline content.

use std::path::{Path, PathBuf};

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;

use super::glue::{boot_script, inline_glue, json_for_script, quoted_after};
use super::{Part, SingleError, BUNDLE_ELEMENT_ID, WASM_ELEMENT_ID};

pub(super) struct Rewriter<'a> {
    pub(super) dist: &'a Path,
    pub(super) index: &'a Path,
    pub(super) parts: Vec<Part>,
    pub(super) bundle_json: &'a str,
    pub(super) glue_done: bool,
}

impl Rewriter<'_> {
    /// Copies `html`, replacing the `<link>` and `<script>` elements that load files.
    pub(super) fn rewrite(&mut self, html: &str) -> Result<String, SingleError> {
        // ASCII lowercasing keeps every byte offset, so positions found in
        // `lower` slice `html` on the same character boundaries.
        let lower = html.to_ascii_lowercase();
        let mut out = String::with_capacity(html.len() * 2);
        let mut i = 0;
        while let Some(off) = lower[i..].find('<') {
            let at = i + off;
            out.push_str(&html[i..at]);
            let rest = &lower[at..];
            if rest.starts_with("<!--") {
                let end = rest.find("-->").map_or(html.len(), |e| at + e + 3);
                out.push_str(&html[at..end]);
                i = end;
            } else if starts_tag(rest, "link") {
                let end = tag_end(html, at);
                out.push_str(&self.link(&html[at..end])?);
                i = end;
            } else if starts_tag(rest, "script") {
                let el = script_at(html, &lower, at);
                let replaced = self.script(
                    &html[at..el.open_end],
                    &html[el.open_end..el.close],
                    &html[at..el.end],
                )?;
                out.push_str(&replaced);
                i = el.end;
            } else {
                out.push('<');
                i = at + 1;
            }
        }
        out.push_str(&html[i..]);
        Ok(out)
    }

    fn link(&mut self, tag: &str) -> Result<String, SingleError> {
        let attrs = attributes(tag);
        let rel = attr(&attrs, "rel").unwrap_or("").to_ascii_lowercase();
        let rels: Vec<&str> = rel.split_ascii_whitespace().collect();
        let href = attr(&attrs, "href").unwrap_or("");
        if is_preload(&rels) {
            // They would only fail from file://; the files they name are inlined below.
            return Ok(String::new());
        }
        if !is_local(href) {
            return Ok(tag.to_string());
        }
        if rels.contains(&"stylesheet") {
            let (path, bytes) = self.read(href)?;
            let css = String::from_utf8(bytes)
                .map_err(|_| SingleError::NotText { path: path.clone() })?;
            if css.to_ascii_lowercase().contains("</style") {
                return Err(SingleError::Css { path });
            }
            return Ok(format!("<style>{css}</style>"));
        }
        Err(SingleError::Unsupported {
            index: self.index.to_path_buf(),
            element: tag.to_string(),
        })
    }

    fn script(&mut self, open: &str, body: &str, whole: &str) -> Result<String, SingleError> {
        let attrs = attributes(open);
        if attr(&attrs, "src").is_some_and(is_local) {
            return Err(SingleError::Unsupported {
                index: self.index.to_path_buf(),
                element: open.to_string(),
            });
        }
        let module = attr(&attrs, "type").is_some_and(|t| t.eq_ignore_ascii_case("module"));
        let imports = quoted_after(body, "from").filter(|p| is_local(p));
        if !module || imports.is_none() {
            return Ok(whole.to_string());
        }
        let found = || SingleError::NoGlueScript {
            index: self.index.to_path_buf(),
            found: format!("`{}`", body.trim()),
        };
        if self.glue_done {
            return Err(SingleError::Unsupported {
                index: self.index.to_path_buf(),
                element: format!("a second module script: {}", body.trim()),
            });
        }
        let js_name = imports.ok_or_else(found)?;
        let wasm_name = quoted_after(body, "module_or_path:").ok_or_else(found)?;
        let (js_path, js) = self.read(js_name)?;
        let js = String::from_utf8(js).map_err(|_| SingleError::NotText {
            path: js_path.clone(),
        })?;
        let (glue, init) = inline_glue(&js).map_err(|problem| SingleError::Glue {
            path: js_path,
            problem,
        })?;
        let (_, wasm) = self.read(wasm_name)?;
        self.glue_done = true;
        Ok(format!(
            "<script type=\"application/json\" id=\"{BUNDLE_ELEMENT_ID}\">{bundle}</script>\n\
             <script type=\"application/wasm+base64\" id=\"{WASM_ELEMENT_ID}\">{wasm}</script>\n\
             <script type=\"module\">\n{glue}\n{boot}</script>",
            bundle = json_for_script(self.bundle_json),
            // Padded standard base64: what `atob` and `Uint8Array.fromBase64` read.
            wasm = BASE64.encode(&wasm),
            boot = boot_script(&init),
        ))
    }

    /// Reads a file `index.html` names, relative to dist/.
    fn read(&mut self, name: &str) -> Result<(PathBuf, Vec<u8>), SingleError> {
        let rel = local_path(name).ok_or_else(|| SingleError::OutsideDist {
            index: self.index.to_path_buf(),
            name: name.to_string(),
            dist: self.dist.to_path_buf(),
        })?;
        let path = self.dist.join(rel);
        match std::fs::read(&path) {
            Ok(bytes) => {
                self.parts.push(Part {
                    path: path.clone(),
                    bytes: bytes.len() as u64,
                });
                Ok((path, bytes))
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(SingleError::MissingAsset {
                index: self.index.to_path_buf(),
                name: rel.to_string(),
                dist: self.dist.to_path_buf(),
            }),
            Err(source) => Err(SingleError::Read { path, source }),
        }
    }
}

/// Where a `<script>` element opening at `at` ends its start tag, its text
/// and itself (the end of its `</script>`, or of the page when unclosed).
pub(crate) struct ScriptSpan {
    pub open_end: usize,
    pub close: usize,
    pub end: usize,
}

/// The [`ScriptSpan`] of the script opening at `at`; `lower` is `html` ASCII-lowercased.
pub(crate) fn script_at(html: &str, lower: &str, at: usize) -> ScriptSpan {
    let open_end = tag_end(html, at);
    let close = lower[open_end..]
        .find("</script")
        .map_or(html.len(), |c| open_end + c);
    let end = if close < html.len() {
        tag_end(html, close)
    } else {
        close
    };
    ScriptSpan {
        open_end,
        close,
        end,
    }
}

/// Is a `<link>` with these `rel` values (lowercased) a preload
/// (`preload`, `modulepreload`)? Such links only ask for a file early.
pub(crate) fn is_preload(rels: &[&str]) -> bool {
    rels.contains(&"preload") || rels.contains(&"modulepreload")
}

/// Is this `<link>` start tag a preload ([`is_preload`])?
pub(crate) fn is_preload_link(tag: &str) -> bool {
    let attrs = attributes(tag);
    let rel = attr(&attrs, "rel").unwrap_or("").to_ascii_lowercase();
    is_preload(&rel.split_ascii_whitespace().collect::<Vec<_>>())
}

/// Does `rest` (lowercased, starting at `<`) open a `name` element?
pub(crate) fn starts_tag(rest: &str, name: &str) -> bool {
    rest[1..].starts_with(name)
        && rest[1 + name.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_whitespace() || c == '>' || c == '/')
}

/// The offset just past the `>` that closes the tag opening at `at`, quotes respected.
pub(crate) fn tag_end(html: &str, at: usize) -> usize {
    let mut quote = None;
    for (i, c) in html[at..].char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return at + i + 1,
            _ => {}
        }
    }
    html.len()
}

/// The attributes of a start tag, names lowercased, values as written (no entities in Trunk's output).
pub(crate) fn attributes(tag: &str) -> Vec<(String, String)> {
    let inner = tag
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/');
    let mut chars = inner
        .trim_start_matches(|c: char| !c.is_ascii_whitespace())
        .chars()
        .peekable();
    let mut attrs = Vec::new();
    loop {
        while chars
            .peek()
            .is_some_and(|c| c.is_ascii_whitespace() || *c == '/')
        {
            chars.next();
        }
        let mut name = String::new();
        while let Some(&c) = chars.peek() {
            if c.is_ascii_whitespace() || c == '=' || c == '/' {
                break;
            }
            name.push(c.to_ascii_lowercase());
            chars.next();
        }
        if name.is_empty() {
            return attrs;
        }
        while chars.peek().is_some_and(|c| c.is_ascii_whitespace()) {
            chars.next();
        }
        let mut value = String::new();
        if chars.peek() == Some(&'=') {
            chars.next();
            while chars.peek().is_some_and(|c| c.is_ascii_whitespace()) {
                chars.next();
            }
            match chars.peek().copied() {
                Some(q @ ('"' | '\'')) => {
                    chars.next();
                    value.extend(chars.by_ref().take_while(|&c| c != q));
                }
                _ => {
                    while let Some(&c) = chars.peek() {
                        if c.is_ascii_whitespace() {
                            break;
                        }
                        value.push(c);
                        chars.next();
                    }
                }
            }
        }
        attrs.push((name, value));
    }
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// A URL that names a file next to the page (not `data:`, `https:`, `//host`, `#frag`).
fn is_local(url: &str) -> bool {
    let url = url.trim();
    if url.is_empty() || url.starts_with('#') || url.starts_with("//") {
        return false;
    }
    // A scheme is letters before a ':' that comes before any '/', '?' or '#'.
    let head = url.split(['/', '?', '#']).next().unwrap_or("");
    !head.contains(':')
}

/// The path inside dist/ that a local URL names, or `None` if it climbs out.
fn local_path(url: &str) -> Option<&str> {
    let path = url.trim().split(['?', '#']).next()?;
    let path = path.strip_prefix("./").unwrap_or(path);
    let path = path.trim_start_matches('/');
    let ok = !path.is_empty()
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != ".." && part != ".");
    ok.then_some(path)
}

#[cfg(test)]
#[path = "rewrite_tests.rs"]
mod tests;

//! The single-file archive: Trunk's `dist/` (JS glue, wasm, CSS) and a bundle inlined into one HTML page that opens from `file://`.
//!
//! A page opened from disk has an opaque origin: it can neither load a module
//! script nor `fetch()` the files beside it, but its inline scripts run. So
//! this step rewrites Trunk's `index.html` instead of copying it:
//!
//! - the stylesheet link becomes a `<style>` element;
//! - the `modulepreload`/`preload` links go (they would only fail);
//! - the module script that imported the wasm-bindgen glue becomes an inline
//!   module holding the glue itself, its `export`s removed, which compiles the
//!   wasm (asynchronously: large modules must not compile on the main thread)
//!   from base64 text kept in a data block;
//! - the bundle rides along as a JSON data block that the viewer reads instead
//!   of fetching `bundle.json` (see `src/fetch.rs`).
//!
//! Anything else that would load a file is refused with an error naming it,
//! so a changed Trunk output cannot silently give a page that breaks on disk.

use std::path::{Path, PathBuf};

use kernel_news_core::load::{parse_bundle, LoadError};

/// The id of the JSON data block holding the bundle; `src/fetch.rs` looks it up by the same id.
pub const BUNDLE_ELEMENT_ID: &str = "kernel-news-bundle";
/// The id of the data block holding the wasm as base64.
pub const WASM_ELEMENT_ID: &str = "kernel-news-wasm";

/// Why the single file could not be built: each names the file it expected and what it found.
#[derive(Debug, thiserror::Error)]
pub enum SingleError {
    #[error("{} does not exist; expected Trunk's output there: run trunk build --release first", .index.display())]
    NoIndex { index: PathBuf },
    #[error(
        "{} references {name} but {} has no such file; run trunk build --release first",
        .index.display(),
        .dist.display()
    )]
    MissingAsset {
        index: PathBuf,
        name: String,
        dist: PathBuf,
    },
    #[error(
        "{} references {name}, which is not a file inside {}; expected the relative names Trunk writes (public_url = \"./\")",
        .index.display(),
        .dist.display()
    )]
    OutsideDist {
        index: PathBuf,
        name: String,
        dist: PathBuf,
    },
    #[error(
        "{} has no module script importing the wasm-bindgen glue (expected Trunk's \
         `import init, * as bindings from './NAME.js'` and `module_or_path: './NAME_bg.wasm'`), \
         found {found}; run trunk build --release first",
        .index.display()
    )]
    NoGlueScript { index: PathBuf, found: String },
    #[error(
        "{} has `{element}`, which loads a file this step cannot inline; expected only Trunk's \
         stylesheet link, preload links and one module script",
        .index.display()
    )]
    Unsupported { index: PathBuf, element: String },
    #[error("{} is not wasm-bindgen glue this step can inline: {problem}", .path.display())]
    Glue { path: PathBuf, problem: String },
    #[error("{} contains `</style`, which would end the inline <style> element early", .path.display())]
    Css { path: PathBuf },
    #[error(
        "no bundle at {}; build one with `kernel-news-bundle --content DIR --out {}` or pass --bundle FILE",
        .path.display(),
        .path.display()
    )]
    NoBundle { path: PathBuf },
    #[error("{} is not a usable bundle", .path.display())]
    BadBundle {
        path: PathBuf,
        #[source]
        source: LoadError,
    },
    #[error("{} is not UTF-8 text", .path.display())]
    NotText { path: PathBuf },
    #[error("cannot read {}", .path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// What went into the single file, for the size report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub path: PathBuf,
    pub bytes: u64,
}

/// The single file's HTML and the files it replaces.
#[derive(Debug)]
pub struct Single {
    pub html: String,
    /// The glue, wasm, stylesheets and bundle inlined, in the order they were read.
    pub parts: Vec<Part>,
}

/// Builds the single file from Trunk's output in `dist` and the bundle at `bundle`.
pub fn single_file(dist: &Path, bundle: &Path) -> Result<Single, SingleError> {
    let index = dist.join("index.html");
    let html = match std::fs::read(&index) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| SingleError::NotText {
            path: index.clone(),
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(SingleError::NoIndex { index })
        }
        Err(source) => {
            return Err(SingleError::Read {
                path: index,
                source,
            })
        }
    };
    let bundle_text = match std::fs::read(bundle) {
        Ok(bytes) => String::from_utf8(bytes).map_err(|_| SingleError::NotText {
            path: bundle.to_path_buf(),
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(SingleError::NoBundle {
                path: bundle.to_path_buf(),
            })
        }
        Err(source) => {
            return Err(SingleError::Read {
                path: bundle.to_path_buf(),
                source,
            })
        }
    };
    // Refuse a bundle the viewer would refuse: better now than on the reader's screen.
    parse_bundle(&bundle_text).map_err(|source| SingleError::BadBundle {
        path: bundle.to_path_buf(),
        source,
    })?;

    let mut rewriter = Rewriter {
        dist,
        index: &index,
        parts: Vec::new(),
        bundle_json: &bundle_text,
        glue_done: false,
    };
    let html = rewriter.rewrite(&html)?;
    if !rewriter.glue_done {
        return Err(SingleError::NoGlueScript {
            index,
            found: "no module script at all".into(),
        });
    }
    let mut parts = rewriter.parts;
    parts.push(Part {
        path: bundle.to_path_buf(),
        bytes: bundle_text.len() as u64,
    });
    Ok(Single { html, parts })
}

struct Rewriter<'a> {
    dist: &'a Path,
    index: &'a Path,
    parts: Vec<Part>,
    bundle_json: &'a str,
    glue_done: bool,
}

impl Rewriter<'_> {
    /// Copies `html`, replacing the `<link>` and `<script>` elements that load files.
    fn rewrite(&mut self, html: &str) -> Result<String, SingleError> {
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
                let open_end = tag_end(html, at);
                let close = lower[open_end..]
                    .find("</script")
                    .map_or(html.len(), |c| open_end + c);
                let end = if close < html.len() {
                    tag_end(html, close)
                } else {
                    close
                };
                let replaced =
                    self.script(&html[at..open_end], &html[open_end..close], &html[at..end])?;
                out.push_str(&replaced);
                i = end;
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
        if rels.contains(&"preload") || rels.contains(&"modulepreload") {
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
            wasm = base64_encode(&wasm),
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

/// The code after the inlined glue: decode the wasm and start the app.
fn boot_script(init: &str) -> String {
    format!(
        "// kernel-news-single: the wasm is inlined as base64; compiled asynchronously.\n\
         {{\n\
         const text = document.getElementById(\"{WASM_ELEMENT_ID}\").textContent;\n\
         const bytes = typeof Uint8Array.fromBase64 === \"function\"\n\
         \x20 ? Uint8Array.fromBase64(text)\n\
         \x20 : Uint8Array.from(atob(text), (c) => c.charCodeAt(0));\n\
         const wasm = await {init}({{ module_or_path: bytes }});\n\
         dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {{ detail: {{ wasm }} }}));\n\
         }}\n"
    )
}

/// Turns wasm-bindgen's `--target web` glue (an ES module) into code that can
/// sit in the page's own inline module: the `export` keywords go, since an
/// inline module cannot be imported from. Returns the code and the name of
/// the init function (the glue's default export).
pub fn inline_glue(js: &str) -> Result<(String, String), String> {
    let mut out = String::with_capacity(js.len());
    let mut export_list: Option<String> = None;
    let mut init = None;
    for line in js.split_inclusive('\n') {
        if let Some(list) = export_list.as_mut() {
            list.push_str(line);
            if line.contains('}') {
                init = init.or(default_export(list));
                export_list = None;
            }
            continue;
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with("import ") || trimmed.starts_with("import{") {
            return Err(format!(
                "it imports another module (`{}`); only self-contained glue can be inlined \
                 (no wasm-bindgen snippets or inline_js)",
                line.trim()
            ));
        }
        let Some(rest) = line.strip_prefix("export ") else {
            out.push_str(line);
            continue;
        };
        const DECLARATIONS: [&str; 7] = [
            "class ",
            "function ",
            "function*",
            "async function",
            "const ",
            "let ",
            "var ",
        ];
        if DECLARATIONS.iter().any(|d| rest.starts_with(d)) {
            out.push_str(rest);
        } else if rest.starts_with('{') {
            if rest.contains('}') {
                init = init.or(default_export(rest));
            } else {
                export_list = Some(rest.to_string());
            }
        } else {
            return Err(format!("unexpected export form `{}`", line.trim()));
        }
    }
    if export_list.is_some() {
        return Err("its `export {` list is never closed".into());
    }
    let init = init.ok_or("its export list names no default export (the init function)")?;
    if js.contains("<!--") {
        return Err(
            "it contains `<!--`, which changes how an inline script element is read".into(),
        );
    }
    Ok((escape_script_close(&out), init))
}

/// `NAME` from an export list `{ a, NAME as default }`.
fn default_export(list: &str) -> Option<String> {
    let inner = list.split_once('{')?.1.split_once('}')?.0;
    inner.split(',').find_map(|item| {
        let mut words = item.split_whitespace();
        match (words.next(), words.next(), words.next(), words.next()) {
            (Some(name), Some("as"), Some("default"), None) if is_identifier(name) => {
                Some(name.to_string())
            }
            _ => None,
        }
    })
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with(|c: char| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// `</script` (any case) as `<\/script`: the same string or regex in JS, but
/// no longer the end of the element.
fn escape_script_close(js: &str) -> String {
    let lower = js.to_ascii_lowercase();
    let mut out = String::with_capacity(js.len());
    let mut i = 0;
    while let Some(off) = lower[i..].find("</script") {
        out.push_str(&js[i..i + off]);
        out.push_str("<\\/");
        i += off + 2;
    }
    out.push_str(&js[i..]);
    out
}

/// JSON text made safe inside `<script type="application/json">`: `</` becomes
/// `<\/` and `<!--` becomes `\u003c!--`. Both occur only inside JSON strings,
/// where these escapes read back as the same characters, so the text stays
/// the same JSON value; without them a post quoting `</script>` would end the
/// element and `<!--` could make the parser look past its end.
pub fn json_for_script(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 64);
    let mut rest = json;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix("</") {
            out.push_str("<\\/");
            rest = after;
        } else if let Some(after) = tail.strip_prefix("<!--") {
            out.push_str("\\u003c!--");
            rest = after;
        } else {
            out.push('<');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 (RFC 4648, with `=` padding), what `atob` and `Uint8Array.fromBase64` read.
pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(char::from(BASE64[((n >> (18 - 6 * k)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The inverse of [`base64_encode`] (strict: padded, no whitespace); `None` if `text` is not such base64.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.as_bytes();
    if !text.len().is_multiple_of(4) {
        return None;
    }
    let value = |c: u8| BASE64.iter().position(|&a| a == c).map(|v| v as u32);
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let quads = text.len() / 4;
    for (q, quad) in text.chunks(4).enumerate() {
        let pad = quad.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && q + 1 != quads) {
            return None;
        }
        let mut n = 0u32;
        for &c in &quad[..4 - pad] {
            n = (n << 6) | value(c)?;
        }
        n <<= 6 * pad as u32;
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    Some(out)
}

/// Does `rest` (lowercased, starting at `<`) open a `name` element?
fn starts_tag(rest: &str, name: &str) -> bool {
    rest[1..].starts_with(name)
        && rest[1 + name.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_whitespace() || c == '>' || c == '/')
}

/// The offset just past the `>` that closes the tag opening at `at`, quotes respected.
fn tag_end(html: &str, at: usize) -> usize {
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
fn attributes(tag: &str) -> Vec<(String, String)> {
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

/// The first quoted string after `keyword` in `text` (`from './x.js'` -> `./x.js`).
fn quoted_after<'a>(text: &'a str, keyword: &str) -> Option<&'a str> {
    let mut search = text;
    while let Some(at) = search.find(keyword) {
        let after = search[at + keyword.len()..].trim_start();
        if let Some(q @ ('"' | '\'')) = after.chars().next() {
            let body = &after[1..];
            return body.find(q).map(|end| &body[..end]);
        }
        search = &search[at + keyword.len()..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (raw, enc) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64_encode(raw.as_bytes()), enc);
            assert_eq!(base64_decode(enc).as_deref(), Some(raw.as_bytes()));
        }
        // The two characters past the letters and digits.
        assert_eq!(base64_encode(&[0xfb, 0xff, 0xbf]), "+/+/");
        assert_eq!(base64_encode(&[0, 0x10, 0x83]), "ABCD");
    }

    #[test]
    fn base64_round_trips_every_byte_at_every_length() {
        let bytes: Vec<u8> = (0..=255).collect();
        for len in 0..bytes.len() {
            let enc = base64_encode(&bytes[..len]);
            assert_eq!(enc.len(), len.div_ceil(3) * 4);
            assert_eq!(
                base64_decode(&enc).as_deref(),
                Some(&bytes[..len]),
                "length {len}"
            );
        }
    }

    #[test]
    fn base64_decode_rejects_what_is_not_padded_base64() {
        for bad in ["Zg", "Zg=", "Z===", "Zg==Zg==", "Zm9v!A==", "Zm 9"] {
            assert_eq!(base64_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn json_for_script_escapes_closers_and_keeps_the_value() {
        let json = r#"{"a":"</script><!-- x --></SCRIPT>","b":"a<b"}"#;
        let safe = json_for_script(json);
        assert_eq!(
            safe,
            r#"{"a":"<\/script>\u003c!-- x --><\/SCRIPT>","b":"a<b"}"#
        );
        assert!(!safe.contains("</"));
        assert!(!safe.contains("<!--"));
        let a: serde_json::Value = serde_json::from_str(json).unwrap();
        let b: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn glue_loses_its_exports_and_names_its_init() {
        let js = "export class A {}\nexport function f() { return '</script>'; }\nlet wasm;\n\
                  async function __wbg_init(m) {}\nexport { initSync, __wbg_init as default };\n";
        let (code, init) = inline_glue(js).unwrap();
        assert_eq!(init, "__wbg_init");
        assert!(code.starts_with("class A {}\nfunction f()"));
        assert!(code.contains("'<\\/script>'"));
        assert!(!code.contains("export"));
        // A multi-line export list.
        let (_, init) = inline_glue("export {\n  a,\n  start as default\n};\n").unwrap();
        assert_eq!(init, "start");
    }

    #[test]
    fn glue_that_cannot_be_inlined_says_why() {
        let err = |js: &str| inline_glue(js).unwrap_err();
        assert!(
            err("import * as s from './snippets/x.js';\nexport { a as default };")
                .contains("imports another module")
        );
        assert!(err("export default function x() {}").contains("unexpected export form"));
        assert!(err("export { a, b };").contains("no default export"));
        assert!(err("export {\n a as default\n").contains("never closed"));
        assert!(err("// <!--\nexport { a as default };").contains("<!--"));
    }

    #[test]
    fn attributes_read_every_quoting_style() {
        let a =
            attributes(r#"<link rel=stylesheet HREF='./a b.css' data-x integrity="sha384-x/y="/>"#);
        assert_eq!(attr(&a, "rel"), Some("stylesheet"));
        assert_eq!(attr(&a, "href"), Some("./a b.css"));
        assert_eq!(attr(&a, "data-x"), Some(""));
        assert_eq!(attr(&a, "integrity"), Some("sha384-x/y="));
    }

    #[test]
    fn local_urls_and_paths() {
        for local in ["./a.js", "a.js", "/a.js", "sub/a.css?v=1"] {
            assert!(is_local(local), "{local}");
        }
        for remote in [
            "data:image/svg+xml,x",
            "https://x/a.js",
            "//x/a.js",
            "#top",
            "",
        ] {
            assert!(!is_local(remote), "{remote}");
        }
        assert_eq!(local_path("./a-1.js"), Some("a-1.js"));
        assert_eq!(local_path("sub/a.css?v=1"), Some("sub/a.css"));
        assert_eq!(local_path("../secret"), None);
        assert_eq!(local_path("./"), None);
    }
}

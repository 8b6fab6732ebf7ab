//! The page's content security policy, written into `index.html` and the single
//! file: scripts only from the page itself, nothing from another host.
//!
//! Post text is already rendered inert (`kernel_news_core::markdown`); the
//! policy is the second wall, so that an escaping bug still could not run a
//! script or load a tracker. Trunk's loader and the single file's boot code
//! are inline module scripts, so each is allowed by its SHA-256 hash, computed
//! here from the page as written; the policy is rewritten whenever the page is.

use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::single::rewrite::{attributes, script_at, starts_tag, tag_end};

/// Marks the meta element this module writes, so a rewrite replaces it.
const META_OPEN: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"";

/// The policy for a page whose inline scripts hash to `hashes`
/// (`sha256-...`). `style-src` allows inline styles: the viewer sets `style`
/// attributes (facet depth, chart colours) and styles cannot run code.
pub fn policy(hashes: &[String]) -> String {
    let scripts: String = hashes.iter().map(|h| format!(" '{h}'")).collect();
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'{scripts}; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
         worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'none'"
    )
}

/// `html` with its policy (re)written right after `<meta charset>` (or first
/// in `<head>`), so it applies to every script and style after it: any policy this module wrote before is
/// replaced, and every inline script that runs is hashed into it.
pub fn with_policy(html: &str) -> String {
    let html = without_policy(html);
    let hashes: Vec<String> = inline_scripts(&html)
        .iter()
        .map(|body| {
            let digest = Sha256::digest(body.as_bytes());
            format!(
                "sha256-{}",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    let meta = format!("{META_OPEN}{}\">", policy(&hashes));
    let lower = html.to_ascii_lowercase();
    let after = |tag: &str| lower.find(tag).map(|h| tag_end(&html, h));
    let at = after("<meta charset")
        .or_else(|| after("<head"))
        .unwrap_or(0);
    format!("{}\n    {meta}{}", &html[..at], &html[at..])
}

fn without_policy(html: &str) -> String {
    match html.find(META_OPEN) {
        Some(start) => {
            let end = tag_end(html, start);
            let before = html[..start].trim_end_matches([' ', '\n']);
            format!("{before}{}", &html[end..])
        }
        None => html.to_string(),
    }
}

/// The text of each inline script the browser would run: no `src`, and a
/// type that is JavaScript (none, `module`, a JavaScript MIME type); data
/// blocks (`application/json` ...) are not run, so they need no hash.
fn inline_scripts(html: &str) -> Vec<&str> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(off) = lower[i..].find("<script") {
        let at = i + off;
        if !starts_tag(&lower[at..], "script") {
            i = at + 1;
            continue;
        }
        let el = script_at(html, &lower, at);
        let attrs = attributes(&html[at..el.open_end]);
        let has_src = attrs.iter().any(|(k, _)| k == "src");
        let kind = attrs
            .iter()
            .find(|(k, _)| k == "type")
            .map(|(_, v)| v.to_ascii_lowercase());
        let runs = match kind.as_deref() {
            None | Some("" | "module" | "text/javascript" | "application/javascript") => true,
            Some(_) => false,
        };
        if runs && !has_src {
            out.push(&html[el.open_end..el.close]);
        }
        i = el.end.max(at + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html>\n<html><head>\n<meta charset=\"utf-8\">\n\
        <script type=\"module\">import init from './a.js';</script>\n\
        <script type=\"application/json\" id=\"b\">{\"x\":1}</script>\n\
        <script src=\"./c.js\"></script>\n<script>var d;</script>\n</head><body></body></html>";

    fn hash(s: &str) -> String {
        let digest = Sha256::digest(s.as_bytes());
        format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(digest)
        )
    }

    #[test]
    fn running_inline_scripts_are_hashed_and_data_blocks_are_not() {
        let page = with_policy(PAGE);
        assert!(page.contains(&hash("import init from './a.js';")), "{page}");
        assert!(page.contains(&hash("var d;")), "{page}");
        assert!(!page.contains(&hash("{\"x\":1}")), "{page}");
        assert_eq!(page.matches("sha256-").count(), 2, "{page}");
    }

    #[test]
    fn the_policy_follows_the_charset_before_any_script_and_a_rewrite_replaces_it() {
        let once = with_policy(PAGE);
        let charset = once.find("<meta charset=\"utf-8\">").unwrap() + 22;
        assert!(
            once[charset..].trim_start().starts_with(META_OPEN),
            "{once}"
        );
        assert!(once.find(META_OPEN).unwrap() < once.find("<script").unwrap());
        let changed = once.replace("var d;", "var e;");
        let twice = with_policy(&changed);
        assert_eq!(twice.matches(META_OPEN).count(), 1, "{twice}");
        assert!(twice.contains(&hash("var e;")) && !twice.contains(&hash("var d;")));
        assert_eq!(
            with_policy(&once),
            once,
            "rewriting an unchanged page changes nothing"
        );
    }

    #[test]
    fn a_script_is_judged_by_its_type_attribute_wherever_it_stands() {
        let page = "<scriptish>not one</scriptish>\n\
            <script type=\"module\" data-x=\"1\">a();</script>\n\
            <script id=\"\" type=\"application/json\">{}</script>";
        assert_eq!(inline_scripts(page), ["a();"]);
    }

    #[test]
    fn the_policy_allows_nothing_from_other_hosts() {
        let p = policy(&[]);
        for directive in [
            "default-src 'none'",
            "script-src 'self' 'wasm-unsafe-eval';",
            "img-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ] {
            assert!(p.contains(directive), "{directive} in {p}");
        }
        assert!(!p.contains("unsafe-eval'") || p.contains("wasm-unsafe-eval"));
        assert!(!p.contains("http"), "{p}");
    }
}

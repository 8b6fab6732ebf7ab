//! The wasm-bindgen glue made into an inline module, and JSON made safe inside a `<script>` element.

use super::WASM_ELEMENT_ID;

/// The code after the inlined glue: decode the wasm and start the app.
pub(super) fn boot_script(init: &str) -> String {
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

/// The first quoted string after `keyword` in `text` (`from './x.js'` -> `./x.js`).
pub(super) fn quoted_after<'a>(text: &'a str, keyword: &str) -> Option<&'a str> {
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
    fn boot_script_reads_the_wasm_block_and_awaits_the_named_init() {
        let boot = boot_script("__wbg_init");
        assert!(
            boot.contains(&format!("document.getElementById(\"{WASM_ELEMENT_ID}\")")),
            "{boot}"
        );
        assert!(
            boot.contains("const wasm = await __wbg_init({ module_or_path: bytes });"),
            "{boot}"
        );
        assert!(boot.contains("\"TrunkApplicationStarted\""), "{boot}");
        assert!(boot.starts_with("// kernel-news-single:") && boot.ends_with("}\n"));
    }

    #[test]
    fn a_default_export_must_be_an_identifier() {
        assert_eq!(
            default_export("{ a, start as default }"),
            Some("start".into())
        );
        assert_eq!(default_export("{ 1start as default }"), None);
        assert_eq!(default_export("{ a-b as default }"), None);
        assert_eq!(
            inline_glue("export { init-x as default };").unwrap_err(),
            "its export list names no default export (the init function)"
        );
    }

    #[test]
    fn identifiers_are_letters_digits_underscores_and_dollars_not_leading_a_digit() {
        for ok in ["a", "__wbg_init", "$", "a$b", "_1", "Init2"] {
            assert!(is_identifier(ok), "{ok}");
        }
        for bad in ["", "1", "1abc", "a-b", "a b", "a.b"] {
            assert!(!is_identifier(bad), "{bad}");
        }
    }

    #[test]
    fn quoted_after_gives_the_first_quoted_string_after_the_keyword() {
        let body = "import init, * as bindings from './app.js';";
        assert_eq!(quoted_after(body, "from"), Some("./app.js"));
        assert_eq!(quoted_after("x from \"b.js\" y", "from"), Some("b.js"));
        assert_eq!(
            quoted_after(
                "await init({ module_or_path: './app_bg.wasm' })",
                "module_or_path:"
            ),
            Some("./app_bg.wasm")
        );
        // An earlier keyword with no quote after it is passed over.
        assert_eq!(
            quoted_after("let a; // from nowhere\nimport b from './b.js';", "from"),
            Some("./b.js")
        );
        assert_eq!(quoted_after("import b from nowhere", "from"), None);
        assert_eq!(quoted_after("no keyword here", "from"), None);
        // An unclosed quote names nothing.
        assert_eq!(quoted_after("from './b.js", "from"), None);
    }
}

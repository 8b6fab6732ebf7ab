//! The single-file step over small fake `dist/` trees: what it inlines, what it removes, and the errors that name missing files.

use std::path::Path;
use std::process::Command;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use kernel_news_bundle::build::to_json;
use kernel_news_bundle::single::{single_file, SingleError};

use crate::support::{bundle_dirs, tree};

const JS: &str = "app-0123456789abcdef.js";
const WASM: &str = "app-0123456789abcdef_bg.wasm";
const CSS: &str = "main-fedcba9876543210.css";

/// Trunk's dist/index.html, shaped as trunk 0.21 writes it.
fn index_html() -> String {
    format!(
        r#"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>kernel-news</title>
    <link rel="icon" href="data:image/svg+xml,%3Csvg%3E%3C/svg%3E" />
<script type="module">
import init, * as bindings from './{JS}';
const wasm = await init({{ module_or_path: './{WASM}' }});
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", {{detail: {{wasm}}}}));
</script>
    <link rel="stylesheet" href="./{CSS}" integrity="sha384-abc"/>
  <link rel="modulepreload" href="./{JS}" crossorigin="anonymous" integrity="sha384-def"><link rel="preload" href="./{WASM}" crossorigin="anonymous" as="fetch" type="application/wasm"></head>
  <body>
    <noscript>needs JavaScript</noscript>
  </body>
</html>
"#
    )
}

/// The glue's shape: exported classes, a string that must not end the script, the export list.
const GLUE: &str = "export class IntoUnderlyingSink {\n    free() {}\n}\n\
    function warn() { return 'never </script> here'; }\n\
    function initSync(module) {}\n\
    async function __wbg_init(module_or_path) {\n    return new URL('x_bg.wasm', import.meta.url);\n}\n\
    export { initSync, __wbg_init as default };\n";

const CSS_TEXT: &str = "body { color: #123456; }\n";

fn wasm_bytes() -> Vec<u8> {
    (0..1000u32).map(|i| (i * 7 % 256) as u8).collect()
}

/// A real bundle whose one post quotes HTML that would end a script element.
fn bundle_json() -> String {
    let content = tree(&[(
        "lkml_news_v6.7-rc4.md",
        b"+++\ntitle = \"LKML News v6.7-rc4\"\n+++\nA (Ann)\n-------\n\
          Quoted: </script><script>alert(1)</script> and <!-- a comment -->.\n",
    )]);
    to_json(&bundle_dirs(&[content.path()]).bundle)
}

/// A dist/ tree as Trunk leaves it, plus the bundle.
pub(crate) fn fake_dist() -> tempfile::TempDir {
    let bundle = bundle_json();
    let wasm = wasm_bytes();
    let (index, js, wasm_name, css) = (
        index_html(),
        format!("dist/{JS}"),
        format!("dist/{WASM}"),
        format!("dist/{CSS}"),
    );
    tree(&[
        ("dist/index.html", index.as_bytes()),
        (js.as_str(), GLUE.as_bytes()),
        (wasm_name.as_str(), wasm.as_slice()),
        (css.as_str(), CSS_TEXT.as_bytes()),
        ("dist/bundle.json", bundle.as_bytes()),
    ])
}

/// The text of the element `<script ... id="ID">` up to its `</script>`.
pub(crate) fn element_text<'a>(html: &'a str, id: &str) -> &'a str {
    let open = format!("id=\"{id}\">");
    let start = html.find(&open).expect(&open) + open.len();
    let len = html[start..].find("</script>").unwrap();
    &html[start..start + len]
}

#[test]
fn inlines_glue_wasm_css_and_bundle_and_drops_every_file_reference() {
    let dir = fake_dist();
    let dist = dir.path().join("dist");
    let single = single_file(&dist, &dist.join("bundle.json")).unwrap();
    let html = &single.html;

    // Nothing left that would load a file.
    for gone in [
        JS,
        WASM,
        CSS,
        "modulepreload",
        "rel=\"preload\"",
        "rel=\"stylesheet\"",
        "import init",
    ] {
        assert!(!html.contains(gone), "{gone} is still in the page");
    }
    // What stays: the head, the data-URL icon, the body.
    assert!(html.contains("<title>kernel-news</title>"));
    assert!(html.contains("<link rel=\"icon\" href=\"data:image/svg+xml,%3Csvg%3E%3C/svg%3E\" />"));
    assert!(html.contains("<noscript>needs JavaScript</noscript>"));
    assert!(html.contains(&format!("<style>{CSS_TEXT}</style>")));

    // The wasm, byte for byte.
    let b64 = element_text(html, "kernel-news-wasm");
    assert_eq!(BASE64.decode(b64).unwrap(), wasm_bytes());

    // The bundle: the same JSON value, with nothing in it that ends the element.
    let embedded = element_text(html, "kernel-news-bundle");
    assert!(
        !embedded.contains("</"),
        "an unescaped </ in the embedded bundle"
    );
    assert!(!embedded.contains("<!--"));
    let original: serde_json::Value = serde_json::from_str(&bundle_json()).unwrap();
    let read_back: serde_json::Value = serde_json::from_str(embedded).unwrap();
    assert_eq!(read_back, original);
    assert!(read_back
        .to_string()
        .contains("</script><script>alert(1)</script>"));

    // One module script: the glue without its exports, then the start-up.
    assert_eq!(html.matches("<script type=\"module\">").count(), 1);
    let module = &html[html.find("<script type=\"module\">").unwrap()..];
    assert!(module.contains("class IntoUnderlyingSink {"));
    assert!(!module.lines().any(|l| l.starts_with("export ")));
    assert!(module.contains("'never <\\/script> here'"));
    assert!(module.contains("await __wbg_init({ module_or_path: bytes })"));
    // Every `</script>` in the page closes one of the three script elements.
    assert_eq!(html.matches("</script>").count(), 3);

    // The parts, for the size report.
    let names: Vec<String> = single
        .parts
        .iter()
        .map(|p| p.path.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, [JS, WASM, CSS, "bundle.json"]);
    assert_eq!(single.parts[1].bytes, 1000);
}

/// The step's error for `dist` as the test left it, as the CLI's first line shows it.
fn error_of(dir: &Path) -> String {
    let dist = dir.join("dist");
    single_file(&dist, &dist.join("bundle.json"))
        .unwrap_err()
        .to_string()
}

#[test]
fn a_missing_asset_is_named_with_what_referenced_it() {
    for missing in [JS, WASM, CSS] {
        let dir = fake_dist();
        std::fs::remove_file(dir.path().join("dist").join(missing)).unwrap();
        let dist = dir.path().join("dist");
        assert_eq!(
            error_of(dir.path()),
            format!(
                "{}/index.html references {missing} but {} has no such file; \
                 run trunk build --release first",
                dist.display(),
                dist.display()
            )
        );
    }
}

#[test]
fn a_missing_index_or_bundle_says_what_to_run() {
    let dir = fake_dist();
    std::fs::remove_file(dir.path().join("dist/bundle.json")).unwrap();
    let msg = error_of(dir.path());
    assert!(msg.starts_with("no bundle at "), "{msg}");
    assert!(
        msg.contains("dist/bundle.json; build one with `kernel-news-bundle --content DIR"),
        "{msg}"
    );

    std::fs::remove_file(dir.path().join("dist/index.html")).unwrap();
    let msg = error_of(dir.path());
    assert!(msg.ends_with("dist/index.html does not exist; expected Trunk's output there: run trunk build --release first"), "{msg}");
}

#[test]
fn a_broken_bundle_is_refused_with_the_viewers_reason() {
    let dir = fake_dist();
    let dist = dir.path().join("dist");
    std::fs::write(
        dist.join("bundle.json"),
        r#"{"format_version":1,"posts":[{"id":"#,
    )
    .unwrap();
    let err = single_file(&dist, &dist.join("bundle.json")).unwrap_err();
    assert!(matches!(err, SingleError::BadBundle { .. }));
    let chain = format!("{:#}", anyhow::Error::from(err));
    assert!(
        chain.contains("bundle.json is not a usable bundle: The archive data is truncated"),
        "{chain}"
    );
}

#[test]
fn an_index_that_is_not_trunks_output_is_refused() {
    let dir = fake_dist();
    let index = dir.path().join("dist/index.html");

    std::fs::write(&index, "<!doctype html><title>x</title><p>hello</p>").unwrap();
    let msg = error_of(dir.path());
    assert!(
        msg.contains("has no module script importing the wasm-bindgen glue"),
        "{msg}"
    );
    assert!(msg.contains("found no module script at all"), "{msg}");

    // A glue import without the wasm it loads.
    std::fs::write(
        &index,
        format!("<script type=\"module\">import init from './{JS}'; await init();</script>"),
    )
    .unwrap();
    let msg = error_of(dir.path());
    assert!(
        msg.contains(&format!("found `import init from './{JS}'; await init();`")),
        "{msg}"
    );

    // A classic script loading a file cannot be inlined by this step: say so.
    std::fs::write(
        &index,
        index_html().replace("</head>", "<script src=\"./extra.js\"></script></head>"),
    )
    .unwrap();
    let msg = error_of(dir.path());
    assert!(
        msg.contains(
            "has `<script src=\"./extra.js\">`, which loads a file this step cannot inline"
        ),
        "{msg}"
    );

    // Nor a reference out of dist/.
    std::fs::write(
        &index,
        index_html().replace(&format!("./{CSS}"), "../elsewhere.css"),
    )
    .unwrap();
    let msg = error_of(dir.path());
    assert!(
        msg.contains("references ../elsewhere.css, which is not a file inside"),
        "{msg}"
    );
}

#[test]
fn glue_with_snippets_is_refused_naming_the_file() {
    let dir = fake_dist();
    let js = dir.path().join("dist").join(JS);
    std::fs::write(
        &js,
        format!("import {{ x }} from './snippets/a/inline0.js';\n{GLUE}"),
    )
    .unwrap();
    let msg = error_of(dir.path());
    assert!(
        msg.starts_with(&format!(
            "{} is not wasm-bindgen glue this step can inline: it imports another module",
            js.display()
        )),
        "{msg}"
    );
}

fn single_cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_kernel-news-single"))
}

#[test]
fn the_command_writes_the_page_and_reports_sizes() {
    let dir = fake_dist();
    let out = dir.path().join("out/archive.html");
    let run = single_cli()
        .arg("--dist")
        .arg(dir.path().join("dist"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.contains("id=\"kernel-news-bundle\""));
    assert!(!out.with_extension("html.tmp").exists());
    assert!(
        stderr.contains(&format!("wrote {}", out.display())),
        "{stderr}"
    );
    let line = |needle: &str| {
        stderr
            .lines()
            .find(|l| l.contains(needle) && l.ends_with(" B gzip"))
            .unwrap_or_else(|| panic!("no line with {needle} in:\n{stderr}"))
            .to_string()
    };
    // Raw sizes are exact; gzip sizes are there when gzip is.
    assert!(line(WASM).contains(" 1000 B "), "{stderr}");
    assert!(line(&out.display().to_string()).contains(&format!(" {} B ", html.len())));
    let total = line("total (wasm + js + css + bundle)");
    let want = GLUE.len() + 1000 + CSS_TEXT.len() + bundle_json().len();
    assert!(total.contains(&format!(" {want} B ")), "{total}");
}

#[test]
fn the_command_exits_1_on_missing_input_and_2_on_bad_arguments() {
    let dir = tree(&[("dist/index.html", b"<p>not trunk</p>")]);
    let run = single_cli()
        .arg("--dist")
        .arg(dir.path().join("nothing-here"))
        .arg("--out")
        .arg(dir.path().join("x.html"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("nothing-here/index.html does not exist"),
        "{stderr}"
    );
    assert!(!dir.path().join("x.html").exists());

    let run = single_cli().arg("--frobnicate").output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--frobnicate"));
}

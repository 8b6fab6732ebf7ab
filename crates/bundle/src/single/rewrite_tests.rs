//! Tests for rewriting Trunk's `index.html`: what is copied as it is, what is inlined, and the errors.

use super::*;

/// Rewrites `html` as `single_file` does, with `dist` as Trunk's output directory.
fn rewrite_in(dist: &Path, html: &str) -> (Result<String, SingleError>, Vec<Part>, bool) {
    let index = dist.join("index.html");
    let mut rewriter = Rewriter {
        dist,
        index: &index,
        parts: Vec::new(),
        bundle_json: r#"{"a":"</script>"}"#,
        glue_done: false,
    };
    let out = rewriter.rewrite(html);
    (out, rewriter.parts, rewriter.glue_done)
}

fn dist_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

#[test]
fn attributes_read_every_quoting_style() {
    let a = attributes(r#"<link rel=stylesheet HREF='./a b.css' data-x integrity="sha384-x/y="/>"#);
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

#[test]
fn html_that_loads_no_file_is_copied_byte_for_byte() {
    let dir = dist_with(&[]);
    let html = "<!doctype html>\n<html><head><meta charset=\"utf-8\">\
        <link rel=\"icon\" href=\"data:image/svg+xml,x\" />\
        <link rel=\"stylesheet\" href=\"https://cdn.example/a.css\">\
        <!-- <link rel=stylesheet href=gone.css> <script src=gone.js></script> -->\
        </head><body><p>a<b>b</b></p><abbr>x</abbr><linked>y</linked>\
        <script>let lt = 1 < 2;</script>\
        <script type=\"module\">console.log(\"no import\");</script>\
        <script src=\"https://cdn.example/x.js\"></script>tail</body></html>\n";
    let (out, parts, glue_done) = rewrite_in(dir.path(), html);
    assert_eq!(out.unwrap(), html);
    assert!(parts.is_empty());
    assert!(!glue_done);
}

#[test]
fn an_unclosed_comment_runs_to_the_end_of_the_page() {
    let dir = dist_with(&[]);
    let html = "<p>x</p><!-- <link rel=stylesheet href=gone.css>";
    assert_eq!(rewrite_in(dir.path(), html).0.unwrap(), html);
}

#[test]
fn a_stylesheet_link_becomes_a_style_element_and_counts_as_a_part() {
    let dir = dist_with(&[("main.css", b"body { color: red; }")]);
    let html =
        "<head>\n<link rel=\"stylesheet\" href=\"./main.css\" integrity=\"sha384-x\"/>\n</head>";
    let (out, parts, _) = rewrite_in(dir.path(), html);
    assert_eq!(
        out.unwrap(),
        "<head>\n<style>body { color: red; }</style>\n</head>"
    );
    assert_eq!(
        parts,
        vec![Part {
            path: dir.path().join("main.css"),
            bytes: 20
        }]
    );
}

#[test]
fn preload_links_are_dropped() {
    let dir = dist_with(&[]);
    let html = "<head><link rel=\"modulepreload\" href=\"./a.js\"><link rel=preload href=./a_bg.wasm as=fetch></head>";
    let (out, parts, _) = rewrite_in(dir.path(), html);
    assert_eq!(out.unwrap(), "<head></head>");
    assert!(parts.is_empty());
}

#[test]
fn a_local_link_that_is_not_a_stylesheet_is_refused() {
    let dir = dist_with(&[("m.json", b"{}")]);
    let (out, _, _) = rewrite_in(dir.path(), "<link rel=\"manifest\" href=\"m.json\">");
    assert!(
        matches!(out, Err(SingleError::Unsupported { ref element, .. }) if element == "<link rel=\"manifest\" href=\"m.json\">"),
        "{out:?}"
    );
}

const GLUE: &[u8] = b"export function greet() {}\nasync function start(m) {}\nexport { greet, start as default };\n";

#[test]
fn the_glue_script_becomes_the_bundle_the_wasm_and_an_inline_module() {
    let dir = dist_with(&[("app.js", GLUE), ("app_bg.wasm", b"\0asm")]);
    let html = "<head><script type=\"module\">import init, * as bindings from './app.js';\n\
        await init({ module_or_path: './app_bg.wasm' });</script ></head>";
    let (out, parts, glue_done) = rewrite_in(dir.path(), html);
    let out = out.unwrap();
    assert!(glue_done);
    assert!(out.starts_with(&format!(
        "<head><script type=\"application/json\" id=\"{BUNDLE_ELEMENT_ID}\">{{\"a\":\"<\\/script>\"}}</script>\n\
         <script type=\"application/wasm+base64\" id=\"{WASM_ELEMENT_ID}\">AGFzbQ==</script>\n\
         <script type=\"module\">\nfunction greet() {{}}\nasync function start(m) {{}}\n"
    )));
    assert!(
        out.contains("await start({ module_or_path: bytes })"),
        "{out}"
    );
    // The original script is gone, its end tag too.
    assert!(out.ends_with("}\n</script></head>"), "{out}");
    assert_eq!(out.matches("</script").count(), 3, "{out}");
    assert!(!out.contains("import init"));
    assert_eq!(
        parts,
        vec![
            Part {
                path: dir.path().join("app.js"),
                bytes: GLUE.len() as u64
            },
            Part {
                path: dir.path().join("app_bg.wasm"),
                bytes: 4
            },
        ]
    );
}

#[test]
fn a_missing_file_is_a_missing_asset_and_an_unreadable_one_a_read_error() {
    let dir = dist_with(&[]);
    std::fs::create_dir(dir.path().join("dir.css")).unwrap();
    let (out, _, _) = rewrite_in(dir.path(), "<link rel=stylesheet href=./gone.css>");
    assert!(
        matches!(out, Err(SingleError::MissingAsset { ref name, .. }) if name == "gone.css"),
        "{out:?}"
    );
    let (out, _, _) = rewrite_in(dir.path(), "<link rel=stylesheet href=./dir.css>");
    assert!(
        matches!(out, Err(SingleError::Read { ref path, .. }) if *path == dir.path().join("dir.css")),
        "{out:?}"
    );
}

#[test]
fn a_script_span_ends_after_its_end_tag_or_at_the_end_of_an_unclosed_page() {
    let html = "<p><script type=\"module\">x</SCRIPT >after";
    let lower = html.to_ascii_lowercase();
    let span = script_at(html, &lower, 3);
    assert_eq!(&html[3..span.open_end], "<script type=\"module\">");
    assert_eq!(&html[span.open_end..span.close], "x");
    assert_eq!(&html[span.end..], "after");

    let html = "<script>never closed";
    let span = script_at(html, html, 0);
    assert_eq!(
        (span.open_end, span.close, span.end),
        (8, html.len(), html.len())
    );
}

#[test]
fn starts_tag_needs_the_whole_name_then_a_space_slash_or_close() {
    for yes in ["<link>", "<link rel=x>", "<link/>", "<link\nrel=x>"] {
        assert!(starts_tag(yes, "link"), "{yes}");
    }
    for no in [
        "<linkx>",
        "<links rel=x>",
        "<abbr>",
        "<abcd efg>",
        "<lin>",
        "<link",
    ] {
        assert!(!starts_tag(no, "link"), "{no}");
    }
}

#[test]
fn attributes_skip_the_tag_name() {
    assert_eq!(
        attributes("<link rel=\"stylesheet\" href=./a.css>"),
        vec![
            ("rel".to_string(), "stylesheet".to_string()),
            ("href".to_string(), "./a.css".to_string()),
        ]
    );
    assert_eq!(attributes("<script>"), vec![]);
}

#[test]
fn a_comment_is_copied_to_its_end_and_what_follows_is_rewritten() {
    let dir = dist_with(&[]);
    // `<!-->` is a comment too, closed as soon as it opens.
    let html = "<p><!-- c -->\n<link rel=preload href=./x.js>\n<!-->\n<link rel=modulepreload href=./y.js><p>";
    assert_eq!(
        rewrite_in(dir.path(), html).0.unwrap(),
        "<p><!-- c -->\n\n<!-->\n<p>"
    );
}

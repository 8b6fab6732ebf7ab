//! Release-stat chart images read as chart directives, over small generated trees.

use kernel_news_bundle::build::Built;
use kernel_news_core::bundle::{ChartKind, ChartRef};
use kernel_news_core::Post;

use crate::support::{bundle, bundle_dirs, tree};

const HEAD: &str = "---\ntitle: \"LKML News v6.7-rc4\"\ndate: 2023-11-28T06:35:48-08:00\n---\n";

/// Bundles one post made of `HEAD` and `body`; its body starts on line 5.
fn bundle_post(body: &str) -> (tempfile::TempDir, Built) {
    let text = format!("{HEAD}{body}");
    let dir = tree(&[("lkml_news_v6.7-rc4.md", text.as_bytes())]);
    let built = bundle_dirs(&[dir.path()]);
    assert_eq!(built.summary.errors, 0, "{:#?}", built.diagnostics);
    (dir, built)
}

fn only_post(built: &Built) -> &Post {
    assert_eq!(built.bundle.posts.len(), 1);
    &built.bundle.posts[0]
}

fn chart(src: &str, kind: ChartKind, from: Option<&str>, until: &str, rc: Option<u32>) -> ChartRef {
    ChartRef {
        src: src.into(),
        kind,
        from: from.map(Into::into),
        until: until.into(),
        rc,
    }
}

#[test]
fn each_recognised_form_becomes_a_chart_in_order() {
    use ChartKind::{Releases, SameRc};
    let d = "/img/kernel_release_stat/";
    let forms = [
        (
            "v5.16-rc5..v6.7-rc4.png",
            Releases,
            Some("v5.16-rc5"),
            "v6.7-rc4",
            None,
        ),
        (
            "v5.11..v6.2-rc7.png",
            Releases,
            Some("v5.11"),
            "v6.2-rc7",
            None,
        ),
        (
            "v5.3-rc8..v5.14.png",
            Releases,
            Some("v5.3-rc8"),
            "v5.14",
            None,
        ),
        ("v5.9..v6.0.png", Releases, Some("v5.9"), "v6.0", None),
        ("v6.7-rc4-only.png", SameRc, None, "v6.7-rc4", Some(4)),
        ("v6.7-only.png", SameRc, None, "v6.7", None),
        ("linux_stat_v6.7-rc5.png", Releases, None, "v6.7-rc5", None),
        (
            "linux_stat_v6.8-rc2-only.png",
            SameRc,
            None,
            "v6.8-rc2",
            Some(2),
        ),
        ("linux_vstat_v6.6.png", Releases, None, "v6.6", None),
    ];
    let mut body =
        String::from("Linux 6.7-rc4 (Linus Torvalds)\n------------------------------\n\nCharts:\n");
    for (n, (name, ..)) in forms.iter().enumerate() {
        // Every other one with a title, which must not end up in `src`.
        let title = if n % 2 == 0 { "" } else { " \"diffstat\"" };
        body += &format!("\n![chart {n}]({d}{name}{title})\n");
    }
    let (_dir, built) = bundle_post(&body);
    let post = only_post(&built);
    assert!(
        built.bundle.warnings.is_empty(),
        "{:#?}",
        built.bundle.warnings
    );
    let want: Vec<_> = forms
        .iter()
        .map(|(name, kind, from, until, rc)| chart(&format!("{d}{name}"), *kind, *from, until, *rc))
        .collect();
    assert_eq!(post.entries[0].charts, want);
    assert!(post.charts.is_empty());
    // The image stays in the markdown: the viewer replaces it where it is.
    assert!(post.entries[0]
        .body
        .contains(&format!("![chart 0]({d}{})", forms[0].0)));
}

#[test]
fn a_chart_in_the_preamble_belongs_to_the_post_and_entries_keep_their_own() {
    let body =
        "Two years of releases:\n\n![all](/img/kernel_release_stat/v5.16-rc5..v6.7-rc4.png)\n\n\
                A (Ann)\n-------\nhttps://lkml.kernel.org/r/a@b\n\n\
                B (Bob)\n-------\n![rc4 only](/img/kernel_release_stat/v6.7-rc4-only.png)\n";
    let (_dir, built) = bundle_post(body);
    let post = only_post(&built);
    let untils = |c: &[ChartRef]| {
        c.iter()
            .map(|c| (c.kind, c.until.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        untils(&post.charts),
        [(ChartKind::Releases, "v6.7-rc4".into())]
    );
    assert_eq!(post.charts[0].from.as_deref(), Some("v5.16-rc5"));
    assert!(post.entries[0].charts.is_empty());
    assert_eq!(
        untils(&post.entries[1].charts),
        [(ChartKind::SameRc, "v6.7-rc4".into())]
    );
    assert!(
        built.bundle.warnings.is_empty(),
        "{:#?}",
        built.bundle.warnings
    );
}

#[test]
fn images_in_fenced_code_and_code_spans_are_text() {
    let body = "A (Ann)\n-------\nHow the post embeds a chart:\n\n```markdown\n\
                ![x](/img/kernel_release_stat/v6.7-rc4-only.png)\n![y](/img/kernel_release_stat/nonsense.png)\n```\n\n\
                ~~~\n![z](/img/kernel_release_stat/v6.7.png)\n~~~\n\n\
                Inline: `![w](/img/kernel_release_stat/v6.7-rc4.png)`\n";
    let (_dir, built) = bundle_post(body);
    let post = only_post(&built);
    assert!(
        post.entries[0].charts.is_empty(),
        "{:?}",
        post.entries[0].charts
    );
    assert!(
        built.bundle.warnings.is_empty(),
        "{:#?}",
        built.bundle.warnings
    );
}

#[test]
fn an_unreadable_relstat_name_stays_an_image_and_warns_with_file_and_line() {
    // Line 5 is the heading, so the images are on lines 9, 11 and 13.
    let body = "A (Ann)\n-------\nhttps://lkml.kernel.org/r/a@b\n\n\
                ![latest](/img/kernel_release_stat/latest.png)\n\n\
                ![old](/img/kernel_release_stat/linux_stat_v6.7..v6.6.png)\n\n\
                ![fine](/img/kernel_release_stat/v6.7-rc4-only.png)\n";
    let (dir, built) = bundle_post(body);
    let post = only_post(&built);
    assert_eq!(post.entries[0].charts.len(), 1);
    assert!(post.entries[0]
        .body
        .contains("![latest](/img/kernel_release_stat/latest.png)"));
    let w = &built.bundle.warnings;
    assert_eq!(w.len(), 2, "{w:#?}");
    assert_eq!(
        (w[0].path.as_str(), w[0].line),
        ("lkml_news_v6.7-rc4.md", Some(9))
    );
    assert_eq!(w[1].line, Some(11));
    for (warning, found) in w.iter().zip(["`latest`", "`v6.7..v6.6`"]) {
        let m = &warning.message;
        assert!(
            m.contains(found) && m.contains("expected `vA[-rcB]..vC[-rcD].png`"),
            "{m}"
        );
        assert!(m.contains("stays a plain image"), "{m}");
    }
    // The CLI prints it like every other warning.
    let run = bundle(dir.path(), &dir.path().join("b.json"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains(
            "lkml_news_v6.7-rc4.md:9: warning: image `/img/kernel_release_stat/latest.png`"
        ),
        "{stderr}"
    );
}

#[test]
fn other_images_are_neither_charts_nor_warnings() {
    let body =
        "![photo](/img/lpc2023.jpg) ![logo](https://example.org/kernel_release_stat.png)\n\n\
                A (Ann)\n-------\n[not an image](/img/kernel_release_stat/latest.png)\n\
                ![stats page](/img/kernel_release_stats/v6.7.png)\n";
    let (_dir, built) = bundle_post(body);
    let post = only_post(&built);
    assert!(post.charts.is_empty() && post.entries[0].charts.is_empty());
    assert!(
        built.bundle.warnings.is_empty(),
        "{:#?}",
        built.bundle.warnings
    );
}

#[test]
fn charts_are_optional_on_the_wire_so_older_bundles_still_load() {
    let (_dir, built) = bundle_post("A (Ann)\n-------\nhttps://lkml.kernel.org/r/a@b\n");
    let json = kernel_news_bundle::build::to_json(&built.bundle);
    assert!(!json.contains("\"charts\""), "{json}");
    let old = r#"{"id":"p/x","title":"x","kind":"patch","patch_version":null,"series":null,
        "tree":null,"subsystems":[],"authors":[],"links":[],"body":"","position":0,"line":1}"#;
    let mut e: kernel_news_core::Entry = serde_json::from_str(old).unwrap();
    assert!(e.charts.is_empty());
    e.charts.push(chart(
        "/c/v6.7-only.png",
        ChartKind::SameRc,
        None,
        "v6.7",
        None,
    ));
    let json = serde_json::to_string(&e).unwrap();
    assert!(json.contains(r#""charts":[{"src":"/c/v6.7-only.png","kind":"same_rc","from":null,"until":"v6.7","rc":null}]"#), "{json}");
    let back = serde_json::from_str::<kernel_news_core::Entry>(&json).unwrap();
    assert_eq!(back.charts, e.charts);
}

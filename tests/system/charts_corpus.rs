//! Release-stat chart images over the real archive in ../shared: every one is read or warned about.

use std::collections::BTreeMap;
use std::path::Path;

use kernel_news_core::bundle::ChartKind;
use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::support::{bundle_dirs, shared};

/// Release-stat image targets of `text`, a whole post file read in one pass by
/// pulldown-cmark with core's extensions (front matter as metadata), not cut
/// into bodies and entries by the bundler first.
fn relstat_images(text: &str) -> Vec<String> {
    let options = kernel_news_core::markdown::options()
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    Parser::new_ext(text, options)
        .filter_map(|event| match event {
            Event::Start(Tag::Image { dest_url, .. }) => Some(dest_url.into_string()),
            _ => None,
        })
        .filter(|src| {
            let name = src.rsplit('/').next().unwrap_or(src);
            src.contains("/kernel_release_stat/")
                || name.starts_with("linux_stat")
                || name.starts_with("linux_vstat")
        })
        .collect()
}

/// The file-name form: `v5.16-rc5..v6.7-rc4.png` -> `vX-rcN..vX-rcN.png`.
fn form(src: &str) -> String {
    let name = src.rsplit('/').next().unwrap_or(src);
    let b = name.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let (mut out, mut i) = (String::new(), 0);
    while i < b.len() {
        if b[i] == b'v' && digit(i + 1) {
            out.push_str("vX");
            i += 1;
            // Digits and the dots between them; `..` between two tags stays.
            while digit(i) || (b[i] == b'.' && digit(i + 1)) {
                i += 1;
            }
        } else if name[i..].starts_with("rc") && digit(i + 2) {
            out.push_str("rcN");
            i += 2;
            while digit(i) {
                i += 1;
            }
        } else {
            out.push(b[i] as char);
            i += 1;
        }
    }
    out
}

fn md_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            md_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "md") {
            out.push(p);
        }
    }
}

#[test]
fn relstat_images_are_the_images_pulldown_cmark_sees() {
    let text = "+++\ntitle = \"![f](/img/kernel_release_stat/v1.0.png)\"\n+++\n\
                ![a](/img/kernel_release_stat/v6.6..v6.7.png \"title\")\n\n\
                ```\n![b](/img/kernel_release_stat/v6.5.png)\n```\n\n\
                `![c](/img/kernel_release_stat/v6.4.png)` and ![plain](/img/other.png)\n\n\
                - ![d][ref]\n\n\
                [ref]: /img/linux_stat_v6.8-rc2-only.png\n";
    // Not the front matter, the fence or the code span; the reference resolved.
    assert_eq!(
        relstat_images(text),
        [
            "/img/kernel_release_stat/v6.6..v6.7.png",
            "/img/linux_stat_v6.8-rc2-only.png"
        ]
    );
}

#[test]
fn form_names_the_shape_of_a_chart_file() {
    assert_eq!(
        form("/img/kernel_release_stat/v5.16-rc5..v6.7-rc4.png"),
        "vX-rcN..vX-rcN.png"
    );
    assert_eq!(form("v5.9..v6.0.png"), "vX..vX.png");
    assert_eq!(
        form("linux_stat_v6.8-rc2-only.png"),
        "linux_stat_vX-rcN-only.png"
    );
}

#[test]
fn every_relstat_image_of_the_real_corpus_is_a_chart_or_a_warning() {
    let Some(corpus) = shared("corpus/posts") else {
        return;
    };
    let built = bundle_dirs(&[&corpus]);
    let b = &built.bundle;
    let mut files = Vec::new();
    md_files(&corpus, &mut files);

    let mut recognised: BTreeMap<String, usize> = BTreeMap::new();
    let mut warned: BTreeMap<String, usize> = BTreeMap::new();
    let (mut in_preamble, mut until_is_release, mut references) = (0, 0, 0);
    for f in &files {
        let rel = f
            .strip_prefix(&corpus)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let expected = relstat_images(&std::fs::read_to_string(f).unwrap());
        references += expected.len();
        let Some(post) = b.posts.iter().find(|p| p.path == rel) else {
            // A copy of a post bundled from its other place (`also`).
            let id = kernel_news_core::ids::post_id(&rel);
            assert!(
                b.posts.iter().any(|p| p.also.contains(&id)),
                "{rel} is lost"
            );
            references -= expected.len();
            continue;
        };
        let charts: Vec<_> = post
            .charts
            .iter()
            .chain(post.entries.iter().flat_map(|e| &e.charts))
            .collect();
        let warnings: Vec<_> = b
            .warnings
            .iter()
            .filter(|w| w.path == rel && w.message.contains("release-stat chart"))
            .collect();
        let mut found: Vec<String> = charts.iter().map(|c| c.src.clone()).collect();
        for w in &warnings {
            assert!(w.line.is_some(), "{w:?}");
            let src = expected
                .iter()
                .find(|s| w.message.contains(&format!("`{s}`")));
            found.push(
                src.unwrap_or_else(|| panic!("{rel}: {w:?} names no image"))
                    .clone(),
            );
            *warned.entry(form(src.unwrap())).or_default() += 1;
        }
        let (mut a, mut e) = (found, expected.clone());
        a.sort();
        e.sort();
        assert_eq!(a, e, "{rel}: relstat images lost or invented");

        in_preamble += post.charts.len();
        for c in charts {
            *recognised.entry(form(&c.src)).or_default() += 1;
            until_is_release += usize::from(post.release.as_deref() == Some(c.until.as_str()));
            if c.kind == ChartKind::SameRc {
                assert!(c.from.is_none(), "{rel}: {c:?}");
            }
        }
    }
    let total: usize = recognised.values().sum();
    let total_warned: usize = warned.values().sum();
    assert_eq!(total + total_warned, references);
    assert!(total > 0, "no chart recognised in the corpus");
    eprintln!(
        "corpus charts: {references} relstat images; {total} recognised, {total_warned} warned; \
         {in_preamble} in preambles; {until_is_release} end at their post's release"
    );
    for (form, n) in &recognised {
        eprintln!("  recognised {n:3}  {form}");
    }
    for (form, n) in &warned {
        eprintln!("  warned     {n:3}  {form}");
    }
}

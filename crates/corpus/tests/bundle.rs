//! Generated trees read by the real bundler library: counts, shares and formats against the measured corpus.

use std::collections::BTreeMap;
use std::path::Path;

use kernel_news_bundle::build::{build, Options as BuildOptions};
use kernel_news_core::{Bundle, EntryKind, WarningLevel};
use kernel_news_corpus::{generate, Options, Summary};

fn generated(entries: u64, seed: u64) -> (tempfile::TempDir, Summary) {
    let dir = tempfile::tempdir().unwrap();
    let opts = Options {
        entries,
        seed,
        out: dir.path().to_path_buf(),
    };
    let summary = generate(&opts).unwrap();
    (dir, summary)
}

fn bundle(dir: &Path) -> (Bundle, kernel_news_bundle::build::Summary) {
    let built = build(&BuildOptions {
        content: vec![dir.to_path_buf()],
        ..Default::default()
    });
    (built.bundle, built.summary)
}

fn share(part: usize, all: usize) -> f64 {
    part as f64 / all as f64
}

/// `got` within `tol` of the real corpus's `num / den`.
fn near(what: &str, got: f64, num: u32, den: u32, tol: f64) {
    let want = f64::from(num) / f64::from(den);
    assert!(
        (got - want).abs() <= tol,
        "{what}: {got:.3}, real corpus {want:.3} ({num}/{den}), tolerance {tol}"
    );
    println!("{what}: {got:.3} (real {want:.3})");
}

#[test]
fn bundles_cleanly_with_the_real_shapes_and_shares() {
    let (dir, s) = generated(4000, 42);
    let (b, sum) = bundle(dir.path());
    assert_eq!(sum.entries, 4000, "every heading is an entry, none more");
    assert_eq!(sum.posts as u64, s.posts);
    assert_eq!(sum.errors, 0, "{:?}", b.warnings);

    // The only warnings are the real ones of `Lkml_news_v5`-style titles.
    for w in &b.warnings {
        assert_eq!(w.level, WarningLevel::Warning);
        assert!(
            w.message.contains("names no release") || w.message.contains("from the file name"),
            "{w:?}"
        );
    }
    let from_file = b
        .posts
        .iter()
        .filter(|p| p.title.starts_with("Lkml_news_v") && !p.title.contains('.'));
    assert_eq!(b.warnings.len(), 2 * from_file.count());

    // Both front matter forms, in the measured proportion (52 YAML of 105).
    let (mut yaml, mut toml) = (0, 0);
    for p in &b.posts {
        let text = std::fs::read_to_string(dir.path().join(&p.path)).unwrap();
        match &text[..4] {
            "---\n" => yaml += 1,
            "+++\n" => toml += 1,
            other => panic!("{}: starts with {other:?}", p.path),
        }
    }
    assert!(yaml > 0 && toml > 0);
    near("YAML posts", share(yaml, b.posts.len()), 52, 105, 0.06);

    // Korean: the bundler's language detection agrees with the generator, post for post.
    let ko_posts = b.posts.iter().filter(|p| p.lang == "ko").count() as u64;
    let ko_entries: u64 = b
        .posts
        .iter()
        .filter(|p| p.lang == "ko")
        .map(|p| p.entries.len() as u64)
        .sum();
    assert_eq!((ko_posts, ko_entries), (s.korean_posts, s.korean_entries));
    near(
        "Korean posts",
        share(ko_posts as usize, b.posts.len()),
        52,
        105,
        0.06,
    );
    near(
        "Korean entries",
        share(ko_entries as usize, 4000),
        171,
        501,
        0.06,
    );
    let in_root = b
        .posts
        .iter()
        .filter(|p| p.lang == "ko" && !p.path.split('/').any(|dir| dir == "ko"))
        .count();
    near(
        "Korean posts in the root tree",
        share(in_root, ko_posts as usize),
        24,
        52,
        0.1,
    );

    let entries: Vec<_> = b.posts.iter().flat_map(|p| &p.entries).collect();
    let news: Vec<_> = entries
        .iter()
        .filter(|e| e.kind != EntryKind::Release)
        .collect();
    let releases: Vec<_> = entries
        .iter()
        .filter(|e| e.kind == EntryKind::Release)
        .collect();
    assert_eq!(releases.len(), b.posts.len(), "one announcement per post");
    for p in &b.posts {
        assert!(p.release.is_some(), "{}", p.path);
    }

    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for e in &entries {
        *kinds.entry(format!("{:?}", e.kind)).or_default() += 1;
    }
    println!("kinds: {kinds:?}");
    assert_eq!(kinds.len(), 8, "every kind the real corpus has: {kinds:?}");
    near("patches", share(kinds["Patch"], news.len()), 228, 396, 0.06);
    near("RFCs", share(kinds["Rfc"], news.len()), 58, 396, 0.05);
    near(
        "pull requests",
        share(kinds["PullRequest"], news.len()),
        31,
        396,
        0.04,
    );

    let with_subsystems = news.iter().filter(|e| !e.subsystems.is_empty()).count();
    near(
        "news entries with subsystems",
        share(with_subsystems, news.len()),
        327,
        396,
        0.06,
    );
    assert!(releases.iter().all(|e| e.subsystems.is_empty()));
    let versions = entries.iter().filter(|e| e.patch_version.is_some()).count();
    near(
        "patch versions",
        share(versions, entries.len()),
        150,
        501,
        0.06,
    );
    let series = entries.iter().filter(|e| e.series.is_some()).count();
    near("series", share(series, entries.len()), 221, 501, 0.06);
    let authored = entries.iter().filter(|e| !e.authors.is_empty()).count();
    near(
        "entries with an author",
        share(authored, entries.len()),
        305,
        501,
        0.07,
    );

    // Every entry links its thread by message-id, in both link forms.
    assert!(entries
        .iter()
        .all(|e| e.links().iter().any(|l| l.message_id.is_some())));
    let lore = entries
        .iter()
        .flat_map(|e| e.links())
        .filter(|l| l.url.contains("lore.kernel.org"))
        .count();
    assert!(lore > 0);

    // Charts end the announcement of the charted posts: a window and, for an rc, the same rc.
    let charted = releases.iter().filter(|e| !e.charts.is_empty()).count();
    near(
        "announcements with charts",
        share(charted, releases.len()),
        33,
        105,
        0.06,
    );
    let chart_kinds: Vec<String> = releases
        .iter()
        .flat_map(|e| &e.charts)
        .map(|c| format!("{:?}", c.kind))
        .collect();
    assert!(
        chart_kinds.iter().any(|k| k == "Releases") && chart_kinds.iter().any(|k| k == "SameRc")
    );
    assert!(news.iter().all(|e| e.charts.is_empty()));
}

#[test]
fn the_sample_preset_has_the_real_sample_size() {
    let (dir, s) = generated(kernel_news_corpus::Preset::Sample.entries(), 1);
    let (_, sum) = bundle(dir.path());
    assert_eq!((sum.entries, sum.errors), (501, 0));
    assert_eq!(sum.posts as u64, s.posts);
    assert!(
        (80..=130).contains(&s.posts),
        "{} posts; the real sample has 105",
        s.posts
    );
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().display().to_string();
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    out
}

#[test]
fn same_seed_and_size_give_a_byte_identical_tree() {
    let (a, sa) = generated(1500, 9);
    let (b, sb) = generated(1500, 9);
    assert_eq!(sa, sb);
    assert_eq!(files(a.path()), files(b.path()));
    let (c, _) = generated(1500, 10);
    assert_ne!(files(a.path()), files(c.path()));
}

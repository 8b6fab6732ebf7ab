//! The command line: arguments, summary line and documented exit codes.

use crate::support::{bundle, bundler, tree};

const GOOD: &[u8] =
    b"+++\ntitle = \"LKML News v6.7-rc4\"\n+++\nA (Ann)\n-------\nhttps://lkml.kernel.org/r/a@b\n";

#[test]
fn success_writes_the_bundle_and_a_summary_line() {
    let dir = tree(&[("lkml_news_v6.7-rc4.md", GOOD)]);
    let out = dir.path().join("out/bundle.json");
    let run = bundle(dir.path(), &out).output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("bundled 1 posts, 1 entries"), "{stderr}");
    assert!(stderr.contains("0 warnings, 0 errors"), "{stderr}");
    let json = std::fs::read_to_string(out).unwrap();
    assert!(json.starts_with(&format!(
        "{{\"format_version\":{},",
        kernel_news_core::FORMAT_VERSION
    )));
}

#[test]
fn input_errors_exit_1_with_file_and_line_but_still_write_the_bundle() {
    let dir = tree(&[("good.md", GOOD), ("bad.md", b"+++\ntitle = = 1\n+++\n")]);
    let out = dir.path().join("bundle.json");
    let run = bundle(dir.path(), &out).output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("bad.md:2: error: "), "{stderr}");
    assert!(stderr.contains("1 errors"), "{stderr}");
    assert!(out.exists());
}

#[test]
fn strict_turns_warnings_into_exit_1() {
    let dir = tree(&[(
        "p.md",
        b"+++\ntitle = \"x\"\n+++\nHeading only\n------------\n",
    )]);
    let out = dir.path().join("b.json");
    let base = || bundle(dir.path(), &out);
    assert_eq!(base().output().unwrap().status.code(), Some(0));
    let strict = base().arg("--strict").output().unwrap();
    let stderr = String::from_utf8_lossy(&strict.stderr);
    assert_eq!(strict.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("p.md:4: warning: "), "{stderr}");
}

#[test]
fn a_feed_item_with_a_bad_date_is_a_warning_strict_fails_and_the_summary_counts_what_was_left_out()
{
    let feed = b"<rss version=\"2.0\"><channel><title>LWN.net</title>\n\
<item><title>Kernel prepatch 6.7-rc4</title><link>https://lwn.net/Articles/1/</link>\
<pubDate>Sun, 03 Dec 2023 23:40:00 +0000</pubDate></item>\n\
<item><title>Security updates for Monday</title><link>https://lwn.net/Articles/2/</link>\
<pubDate>Mon, 04 Dec 2023 13:00:00 +0000</pubDate></item>\n\
<item><title>A kernel brief</title><link>https://lwn.net/Articles/3/</link>\
<pubDate>someday</pubDate></item>\n</channel></rss>\n";
    let dir = tree(&[("lkml_news_v6.7-rc4.md", GOOD), ("feeds/lwn.xml", feed)]);
    let out = dir.path().join("b.json");
    let base = || {
        let mut c = bundler();
        c.arg("--content").arg(dir.path());
        c.arg("--feed")
            .arg(dir.path().join("feeds"))
            .arg("--out")
            .arg(&out);
        c
    };
    let run = base().output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    assert_eq!(
        stderr.matches("lwn.xml:4: warning: ").count(),
        1,
        "{stderr}"
    );
    assert!(
        stderr.contains("feeds: 3 items read (0 copies of an article merged), 2 kept, 1 left out (1 security updates; --all-feed-items keeps them)"),
        "{stderr}"
    );
    let strict = base().arg("--strict").output().unwrap();
    assert_eq!(strict.status.code(), Some(1));
    let all = base().arg("--all-feed-items").output().unwrap();
    assert!(String::from_utf8_lossy(&all.stderr).contains("3 kept, 0 left out"));
}

#[test]
fn usage_errors_exit_2_and_help_documents_exit_codes() {
    let run = bundler().output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--content"));
    let run = bundler().arg("--frobnicate").output().unwrap();
    assert_eq!(run.status.code(), Some(2));
    let help = bundler().arg("--help").output().unwrap();
    let text = String::from_utf8_lossy(&help.stdout);
    assert_eq!(help.status.code(), Some(0));
    for needle in [
        "--content",
        "--relstat",
        "--git",
        "--strict",
        "--include-drafts",
        "EXIT STATUS",
    ] {
        assert!(text.contains(needle), "help lacks {needle}");
    }
}

#[test]
fn an_unwritable_output_exits_2() {
    let dir = tree(&[("p.md", GOOD)]);
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    let run = bundle(dir.path(), &blocker.join("bundle.json"))
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("cannot write the bundle"));
}

#[test]
fn relstat_files_replace_the_shipped_statistics_and_bad_rows_name_their_line() {
    let dir = tree(&[
        ("posts/p.md", GOOD),
        (
            "stats.txt",
            b"v6.7-rc3(2023-11-26) 300 1000 2000 3000\nv6.7-rc4(2023-12-03) 226 5266 4133 9399\n",
        ),
        (
            "bad.tsv",
            b"version\tdate\tfiles\tinsertions\tdeletions\nv6.7\t2024-01-07\tmany\t1\t2\n",
        ),
    ]);
    let out = dir.path().join("b.json");
    let posts = dir.path().join("posts");
    let run = bundle(&posts, &out)
        .arg("--relstat")
        .arg(dir.path().join("stats.txt"))
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let built: kernel_news_core::Bundle =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let tags: Vec<_> = built.releases.iter().map(|r| r.version.as_str()).collect();
    assert_eq!(tags, ["v6.7-rc3", "v6.7-rc4"]);
    assert_eq!(built.releases[1].insertions, Some(4133));
    assert_eq!(built.releases[1].deletions, Some(5266));

    let posts = dir.path().join("posts");
    let run = bundle(&posts, &out)
        .arg("--relstat")
        .arg(dir.path().join("bad.tsv"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("bad.tsv:2: error: column `files` is `many`"),
        "{stderr}"
    );
}

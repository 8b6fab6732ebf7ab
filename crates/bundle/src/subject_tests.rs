//! Tests of the subject grammar, including a property sweep over the real corpus headings.

use super::*;
use kernel_news_core::EntryKind::*;

fn parse(h: &str) -> Subject {
    parse_subject(h, &SubsystemTable::builtin())
}

#[test]
fn rfc_series_with_comma_prefixes_and_author() {
    let s = parse("[RFC PATCH v3 0/9] mm, bpf: Add BPF into /proc/meminfo (Alice Doe)");
    assert_eq!(
        s.title,
        "[RFC PATCH v3 0/9] mm, bpf: Add BPF into /proc/meminfo"
    );
    assert_eq!(s.kind, Rfc);
    assert_eq!(s.patch_version, Some(3));
    assert_eq!(s.series, Some(Series { index: 0, total: 9 }));
    assert!(s.subsystems.contains(&"mm".into()) && s.subsystems.contains(&"bpf".into()));
    assert_eq!(s.authors, ["Alice Doe"]);
}

#[test]
fn version_spellings() {
    assert_eq!(parse("[PATCH -V4 1/3] x86/mm: y").patch_version, Some(4));
    assert_eq!(parse("[PATCHv2 0/3] Allow ZRAM").patch_version, Some(2));
    assert_eq!(parse("[patch V4 0/8] mm/highmem: z").patch_version, Some(4));
    assert_eq!(parse("[PATCH v10 00/28] a").patch_version, Some(10));
    assert_eq!(
        parse("[PATCH v10 00/28] a").series,
        Some(Series {
            index: 0,
            total: 28
        })
    );
    assert_eq!(parse("[v2 RFC PATCH 0/9] Another").patch_version, Some(2));
}

/// Found by the fuzz target (issue 18): `12/5` and `1/0` were read as a
/// patch's place in a series, and `+1/2` as `1/2`.
#[test]
fn a_series_position_lies_within_its_series() {
    let series = |h: &str| parse(h).series;
    assert_eq!(series("[PATCH 5/5] a"), Some(Series { index: 5, total: 5 }));
    assert_eq!(series("[PATCH 0/1] a"), Some(Series { index: 0, total: 1 }));
    for h in [
        "[PATCH 12/5] a",
        "[1/0] a",
        "[0/0] a",
        "[PATCH +1/2] a",
        "[PATCH 1/+2] a",
    ] {
        assert_eq!(series(h), None, "{h}");
    }
    assert_eq!(parse("[PATCH 12/5] a").kind, Patch);
}

#[test]
fn tree_tags() {
    let s = parse("[PATCH mm-new v2 3/7] mm/damon/core: fix");
    assert_eq!(s.tree.as_deref(), Some("mm-new"));
    assert_eq!(s.subsystems, ["mm", "mm/damon"]);
    let s = parse("[PATCH net-next 0/4] tcp: x");
    assert_eq!(s.tree.as_deref(), Some("net-next"));
    assert!(s.subsystems.contains(&"net".into()) && s.subsystems.contains(&"tcp".into()));
    assert_eq!(parse("[PATCH -mm] a").tree.as_deref(), Some("mm"));
    assert_eq!(
        parse("[GIT PULL rcu/next] RCU commits for 4.19")
            .tree
            .as_deref(),
        Some("rcu/next")
    );
}

#[test]
fn prefix_chains_and_arch_mapping() {
    let s = parse("KVM: arm64: Fix the thing (Marc Z)");
    assert_eq!(s.subsystems, ["arch", "arch/arm64", "kvm"]);
    let s = parse("[PATCH] x86/mm: Flush");
    assert_eq!(s.subsystems, ["arch", "arch/x86", "mm"]);
    let s = parse("[PATCH v2] prctl: Get private anonymous memory region name (Rong Tao)");
    assert!(s.subsystems.contains(&"kernel".into()));
}

#[test]
fn unknown_prefixes_are_kept() {
    let s = parse("[PATCH] frobnicate/core: add");
    assert_eq!(s.subsystems, ["frobnicate", "frobnicate/core"]);
}

#[test]
fn kinds_of_every_shape() {
    let cases = [
        (
            "[GIT PULL] slab fix for 6.0-rc4 (Vlastimil Babka)",
            PullRequest,
        ),
        ("Linux 6.7-rc4 (Linus Torvalds)", Release),
        ("Linux 4.20 released..", Release),
        // The real archive's typo for "Linux 6.13-rc5"; "Linus" before anything but a version is not one.
        ("Linus 6.13-rc5 (Linus Torvalds)", Release),
        ("Linus Torvalds on maintainer burnout", Other),
        ("*Not* final 4.15 this weekend", Release),
        ("PROBLEM: Large (256MB) CMA allocation fails", BugReport),
        (
            "Regression seen when using `MADV_FREE` vs `MADV_DONTNEED`",
            BugReport,
        ),
        ("[REGRESSION] 6.7 broke wifi", BugReport),
        (
            "[LSF/MM/BPF TOPIC] Virtual Swap Space (Nhat Pham)",
            Conference,
        ),
        (
            "LSF/MM/BPF: 2022: Call for Proposals (Josef Bacik)",
            Conference,
        ),
        (
            "Plumbers 2018 - Performance and Scalability Microconference",
            Conference,
        ),
        (
            "Maintainer's / Kernel Summit 2019 planning kick-off",
            Conference,
        ),
        ("Re: Page allocator bottleneck", Discussion),
        (
            "[QUESTION] about the maple tree (Hyeonggon Yoo)",
            Discussion,
        ),
        (
            "[Invitation] Linux MM Alignment Session on X (David Rientjes)",
            Discussion,
        ),
        (
            "Project: Improving the PCP allocator (Matthew Wilcox)",
            Discussion,
        ),
        ("mmotm 2021-07-28-18-24 uploaded (Andrew Morton)", Other),
        ("[Resend RFC PATCH] mm: introduce `__GFP_TRACKLEAK`", Rfc),
        (
            "[RESEND PATCH V5 00/33] block: support multipage bvec",
            Patch,
        ),
    ];
    for (h, kind) in cases {
        assert_eq!(parse(h).kind, kind, "{h}");
    }
}

#[test]
fn author_groups() {
    assert_eq!(
        parse("a b (Raj Iyer, Mia Holm)").authors,
        ["Raj Iyer", "Mia Holm"]
    );
    let s = parse("[GIT PULL] MM updates for 6.2-rc1 (Andrew Morton) (1+ msgs) (Andrew Morton)");
    assert_eq!(s.authors, ["Andrew Morton"]);
    assert_eq!(s.title, "[GIT PULL] MM updates for 6.2-rc1");
    assert!(parse("PROBLEM: Large (256MB) CMA").authors.is_empty());
    assert!(
        parse("Supporting GMEM (generalized memory management) for x")
            .authors
            .is_empty()
    );
    assert!(parse("foo (RFC)").authors.is_empty());
    assert_eq!(parse("x (T.J. Mercier)").authors, ["T.J. Mercier"]);
    assert_eq!(parse("x (Theodore Ts'o)").authors, ["Theodore Ts'o"]);
}

/// Found while fuzzing the subject grammar at scale (issue 18): each name
/// was looked for in the list and inserted at its front, quadratic in the
/// names (20,000 groups took 0.5 s in a release build, 5 s in a debug one).
#[test]
fn many_author_groups_read_in_order_once_each() {
    let name = |i: usize| {
        let letter = |n: usize| (b'a' + (n % 26) as u8) as char;
        format!(
            "{}{}{} Doe",
            letter(i).to_ascii_uppercase(),
            letter(i / 26),
            letter(i / 676)
        )
    };
    let groups: String = (0..20_000).map(|i| format!(" ({})", name(i))).collect();
    let s = parse(&format!("[PATCH] mm: x{groups}"));
    assert_eq!(s.title, "[PATCH] mm: x");
    // 17,576 distinct names, each where it was last written.
    let want: Vec<String> = (20_000 - 17_576..20_000).map(name).collect();
    assert_eq!(s.authors, want);
}

#[test]
fn backtick_wrapped_heading_is_unwrapped() {
    let s = parse("`[PATCH] swap: Use __try_to_reclaim_swap() in free_swap_and_cache()`");
    assert_eq!(
        s.title,
        "[PATCH] swap: Use __try_to_reclaim_swap() in free_swap_and_cache()"
    );
    assert_eq!(s.kind, Patch);
    assert!(s.subsystems.contains(&"mm/swap".into()));
}

#[test]
fn keywords_add_subsystems() {
    let s = parse("[PATCH v8 0/10] Multi-size THP for anonymous memory (Ryan Roberts)");
    assert_eq!(s.subsystems, ["mm", "mm/thp"]);
    let s = parse("[RFC] KFENCE: report");
    assert!(
        s.subsystems.contains(&"mm/kfence".into()),
        "{:?}",
        s.subsystems
    );
    let s = parse("Compaction & folios (Ken Overstreet)");
    assert!(
        s.subsystems.contains(&"mm/compaction".into()) && s.subsystems.contains(&"mm/folio".into())
    );
}

/// Reads every entry heading of ../shared/corpus, cut by the bundler's own
/// splitter, and checks properties.
#[test]
fn real_corpus_headings_have_consistent_kinds_and_authors() {
    let Some(root) = crate::testdata::shared("corpus/posts") else {
        return;
    };
    let mut headings = Vec::new();
    for dir in [root.clone(), root.join("ko")] {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "md") {
                let text = std::fs::read_to_string(&p).unwrap();
                let Ok(split) = crate::frontmatter::split(&text) else {
                    continue;
                };
                let body = crate::split::split_entries(split.body, split.body_line);
                headings.extend(body.entries.into_iter().map(|e| e.heading));
            }
        }
    }
    assert!(headings.len() > 400, "{}", headings.len());
    let table = SubsystemTable::builtin();
    let mut none = 0;
    for h in &headings {
        let s = parse_subject(h, &table);
        let upper = h.to_uppercase();
        if upper.starts_with("[PATCH") || upper.starts_with("[RFC") {
            assert!(matches!(s.kind, Patch | Rfc), "{h}: {:?}", s.kind);
        }
        if upper.starts_with("[GIT PULL") {
            assert_eq!(s.kind, PullRequest, "{h}");
        }
        if h.starts_with("Linux ")
            && h.chars()
                .nth(6)
                .is_some_and(|c| c.is_ascii_digit() || c == 'v')
        {
            assert_eq!(s.kind, Release, "{h}");
        }
        let trailing = h.trim_end().ends_with(')') && h.contains(" (") && !h.ends_with("msgs)");
        if trailing
            && h.rsplit('(')
                .next()
                .is_some_and(|a| a.trim_end_matches(')').split(' ').count() >= 2)
        {
            // Every "(First Last)" ending gives an author.
            let inner = h.rsplit('(').next().unwrap().trim_end_matches(')');
            if inner
                .chars()
                .all(|c| c.is_alphabetic() || " .-'".contains(c))
            {
                assert!(!s.authors.is_empty(), "{h}");
            }
        }
        if s.subsystems.is_empty() {
            none += 1;
        }
    }
    eprintln!(
        "corpus headings: {}; without a subsystem: {none}",
        headings.len()
    );
}

#[test]
fn a_lone_backtick_heading_is_kept_as_it_is() {
    // Too short to be a wrapped heading: nothing is cut off it.
    assert_eq!(parse("`").title, "`");
    assert_eq!(parse("``").title, "");
}

#[test]
fn a_pull_request_needs_both_git_and_pull_tags() {
    assert_eq!(parse("[GIT] slab fixes for 6.0-rc4").kind, Other);
    assert_eq!(parse("[PULL] slab fixes for 6.0-rc4").kind, Other);
    assert_eq!(parse("[GIT PULL] slab fixes for 6.0-rc4").kind, PullRequest);
}

#[test]
fn a_message_count_without_a_plus_stays_in_the_title() {
    let s = parse("mm: fix the thing (3 msgs)");
    assert_eq!(s.title, "mm: fix the thing (3 msgs)");
    assert!(s.authors.is_empty());
    let s = parse("mm: fix the thing (Ann Lee) (3+ msgs)");
    assert_eq!(s.title, "mm: fix the thing");
    assert_eq!(s.authors, ["Ann Lee"]);
}

#[test]
fn one_word_and_capitalised_names_are_names_but_one_word_acronyms_are_not() {
    assert_eq!(parse("x (Alice)").authors, ["Alice"]);
    assert_eq!(parse("x (X)").authors, ["X"]);
    assert_eq!(parse("x (JOHN DOE)").authors, ["JOHN DOE"]);
    let s = parse("x (RCU)");
    assert!(s.authors.is_empty());
    assert_eq!(s.title, "x (RCU)");
}

#[test]
fn one_lowercase_word_is_not_a_name_but_a_non_ascii_one_is() {
    let s = parse("mm: add a knob (draft)");
    assert_eq!(s.title, "mm: add a knob (draft)");
    assert!(s.authors.is_empty());
    assert_eq!(parse("x (łukasz)").authors, ["łukasz"]);
}

#[test]
fn lowercase_names_have_two_or_three_plain_words() {
    assert_eq!(parse("x (wolfgang huang)").authors, ["wolfgang huang"]);
    let s = parse("mm: add a knob (not yet merged anywhere)");
    assert_eq!(s.title, "mm: add a knob (not yet merged anywhere)");
    assert!(s.authors.is_empty());
    let s = parse("mm: add a knob (see. below)");
    assert!(s.authors.is_empty());
}

//! Tests of filing feed items under releases and gathering them into feed posts.

use super::*;
use kernel_news_core::date::parse_ymd;

fn v(s: &str) -> KernelVersion {
    s.parse().unwrap()
}

fn calendar() -> Calendar {
    [
        ("v7.0", "2026-04-12"),
        ("v7.1-rc1", "2026-04-26"),
        ("v7.1-rc2", "2026-05-03"),
        ("v7.1-rc3", "2026-05-10"),
        ("v7.1", "2026-06-14"),
        ("v7.2", "2026-08-16"),
    ]
    .into_iter()
    .map(|(t, d)| (v(t), parse_ymd(d).unwrap()))
    .collect()
}

fn at(s: &str) -> DateTime {
    DateTime::parse(s).unwrap()
}

fn item(title: &str, date: Option<&str>, summary: &str) -> FeedItem {
    FeedItem {
        title: title.into(),
        link: Some(format!("https://lwn.net/Articles/{}/", title.len())),
        guid: None,
        author: Some("corbet".into()),
        date: date.map(at),
        summary: summary.into(),
        line: 7,
        date_estimated: false,
        ..Default::default()
    }
}

#[test]
fn an_item_is_filed_under_the_tag_in_development_on_its_day() {
    let cal = calendar();
    let p = place(None, Some(&at("2026-05-12T10:00:00Z")), &cal);
    assert_eq!((p.release, p.cycle), (Some(v("v7.1-rc3")), Some(v("v7.1"))));
    assert_eq!(p.source, ReleaseSource::Date);
    // After a final, the news is the next cycle's merge window.
    let p = place(None, Some(&at("2026-06-20T10:00:00Z")), &cal);
    assert_eq!((p.release, p.cycle), (Some(v("v7.1")), Some(v("v7.2"))));
    // Before the calendar starts, nothing is guessed.
    let p = place(None, Some(&at("1990-01-01T00:00:00Z")), &cal);
    assert_eq!((p.release, p.source), (None, ReleaseSource::None));
}

#[test]
fn a_title_that_names_a_release_wins_over_the_date() {
    let cal = calendar();
    let names = feed_title::read("Kernel prepatch 7.1-rc3").names;
    let p = place(names, Some(&at("2026-05-03T10:00:00Z")), &cal);
    assert_eq!(
        (p.release, p.source),
        (Some(v("v7.1-rc3")), ReleaseSource::Title)
    );
    let names = feed_title::read("The first half of the 7.2 merge window").names;
    let p = place(names, None, &cal);
    assert_eq!((p.release, p.cycle), (Some(v("v7.1")), Some(v("v7.2"))));
}

#[test]
fn undated_items_take_the_day_their_title_names() {
    let cal = calendar();
    let mut weekly = item("[$] LWN.net Weekly Edition for May 14, 2026", None, "");
    date_from_title(&mut weekly, &cal);
    assert_eq!(
        weekly.date.map(|d| d.to_rfc3339()).as_deref(),
        Some("2026-05-14T00:00:00Z")
    );
    assert!(weekly.date_estimated);
    let mut prepatch = item("Kernel prepatch 7.1-rc2", None, "");
    date_from_title(&mut prepatch, &cal);
    assert_eq!(prepatch.date.map(|d| d.local_days), parse_ymd("2026-05-03"));
    let mut brief = item("Some brief", None, "");
    date_from_title(&mut brief, &cal);
    assert_eq!((brief.date, brief.date_estimated), (None, false));
}

#[test]
fn dated_prepatches_announce_their_tags_and_estimated_ones_do_not() {
    let mut items = vec![
        item("Kernel prepatch 7.3-rc2", Some("2026-09-06T22:10:00Z"), ""),
        item("Kernel prepatch 7.3-rc1", Some("2026-08-30T22:10:00Z"), ""),
        item("A 2026 DAMON update", Some("2026-09-01T22:10:00Z"), ""),
    ];
    items[1].date_estimated = true;
    assert_eq!(
        announced(&items),
        [(v("v7.3-rc2"), parse_ymd("2026-09-06").unwrap())]
    );
}

#[test]
fn kernel_items_are_kept_in_one_post_per_release_and_the_rest_counted() {
    let cal = calendar();
    let items = vec![
        item(
            "[$] Revisiting mshare",
            Some("2026-05-12T10:00:00Z"),
            "Sharing page tables.",
        ),
        item(
            "Kernel prepatch 7.1-rc3",
            Some("2026-05-10T22:00:00Z"),
            "Linus released it.",
        ),
        item(
            "Sovereign Tech Fund invests in KDE",
            Some("2026-05-11T10:00:00Z"),
            "Desktop money.",
        ),
        item(
            "Security updates for Monday",
            Some("2026-05-11T12:00:00Z"),
            "Advisories.",
        ),
        FeedItem {
            date_estimated: true,
            ..item(
                "[$] The first half of the 7.2 merge window",
                Some("2026-06-21T10:00:00Z"),
                "",
            )
        },
    ];
    let mut summary = FeedSummary::default();
    let (table, rules) = (SubsystemTable::builtin(), TopicRules::builtin());
    let posts = posts(items, &cal, &table, &rules, false, &mut summary);
    assert_eq!(summary.kept, 3);
    assert_eq!(summary.left_out.get("not about the kernel"), Some(&1));
    assert_eq!(summary.left_out.get("security updates"), Some(&1));
    assert_eq!(summary.with_subsystem, 1);
    assert_eq!(summary.with_release, 3);
    assert_eq!(summary.estimated_dates, 1);
    let titles: Vec<(&str, &str)> = (posts.iter())
        .map(|p| (p.id.as_str(), p.title.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            ("lwn-v7.1-rc3", "LWN.net during v7.1-rc3"),
            ("lwn-v7.2-merge-window", "LWN.net in the v7.2 merge window"),
        ]
    );
    let rc3 = &posts[0];
    assert_eq!(rc3.source, SOURCE_LWN);
    assert_eq!(rc3.release_source, ReleaseSource::Date);
    assert_eq!(rc3.date.as_deref(), Some("2026-05-12T10:00:00Z"));
    let mshare = &rc3.entries[0];
    assert_eq!(mshare.title, "Revisiting mshare");
    assert!(mshare.subscriber_only);
    assert_eq!(mshare.kind, EntryKind::Article);
    assert_eq!(mshare.subsystems, ["mm"]);
    assert_eq!(mshare.id, "lwn-v7.1-rc3/revisiting-mshare");
    assert_eq!(rc3.entries[1].kind, EntryKind::Release);
    assert_eq!(rc3.entries[1].release_source, Some(ReleaseSource::Title));
    assert_eq!(posts[1].entries[0].kind, EntryKind::MergeWindow);
}

#[test]
fn keep_all_keeps_every_item() {
    let items = vec![item(
        "Security updates for Monday",
        Some("2026-05-11T12:00:00Z"),
        "",
    )];
    let mut summary = FeedSummary::default();
    let (table, rules) = (SubsystemTable::builtin(), TopicRules::builtin());
    let posts = posts(items, &calendar(), &table, &rules, true, &mut summary);
    assert_eq!((posts.len(), summary.kept), (1, 1));
    assert!(summary.left_out.is_empty());
}

#[test]
fn an_item_placed_in_a_cycle_alone_counts_as_placed() {
    // No final before v7.0 is known: the report has a cycle and no release.
    let items = vec![item(
        "The first half of the 7.0 merge window",
        Some("2026-04-14T10:00:00Z"),
        "",
    )];
    let mut summary = FeedSummary::default();
    let (table, rules) = (SubsystemTable::builtin(), TopicRules::builtin());
    let posts = posts(items, &calendar(), &table, &rules, false, &mut summary);
    assert_eq!(
        (posts[0].release.as_deref(), posts[0].cycle.as_deref()),
        (None, Some("v7.0"))
    );
    assert_eq!(summary.with_release, 1);
    assert_eq!(posts[0].title, "LWN.net in the v7.0 merge window");
}

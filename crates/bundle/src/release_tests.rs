//! Which release a post names and which the calendar confirms: titles, file names, dates.

use super::*;
use kernel_news_core::date::parse_ymd;

fn v(s: &str) -> KernelVersion {
    s.parse().unwrap()
}

fn named(s: &str) -> Option<(String, Relation)> {
    match named_release(s) {
        Named::Version(v, r) => Some((v.to_string(), r)),
        _ => None,
    }
}

#[test]
fn title_spellings_of_the_archive() {
    use Relation::*;
    let cases = [
        ("LKML News v6.7-rc4", "v6.7-rc4", Before),
        ("LKML News after v4.16-rc1", "v4.16-rc1", After),
        ("LKML News by v4.20-rc3", "v4.20-rc3", Before),
        ("Lkml_news_v5.4 Rc6", "v5.4-rc6", Before),
        ("LKML NEws v5.0", "v5.0", Before),
        ("LKML News after 4.17-rc7", "v4.17-rc7", After),
        ("LkML New v5.9-rc3", "v5.9-rc3", Before),
        ("LKML News for v4.20", "v4.20", Before),
        ("lkml_news_v4.15-rc9", "v4.15-rc9", Before),
        ("v5.0", "v5.0", Before),
    ];
    for (title, want, rel) in cases {
        assert_eq!(named(title), Some((want.to_string(), rel)), "{title}");
    }
}

#[test]
fn truncated_title_is_partial_not_a_release() {
    assert_eq!(named_release("Lkml_news_v5"), Named::Partial("v5".into()));
    assert_eq!(named_release("About LKML News"), Named::Nothing);
    assert_eq!(named_release("kvm2.0 notes"), Named::Nothing);
}

fn calendar() -> Calendar {
    [
        ("v6.7-rc5", "2023-12-10"),
        ("v6.7-rc6", "2023-12-17"),
        ("v6.7", "2024-01-07"),
    ]
    .into_iter()
    .map(|(t, d)| (v(t), parse_ymd(d).unwrap()))
    .collect()
}

#[test]
fn agreeing_title_and_file_name_use_the_title() {
    let d = decide(
        "LKML News v6.7-rc6",
        "lkml_news_v6.7-rc6",
        None,
        &calendar(),
    );
    assert_eq!(
        (d.release, d.source),
        (Some(v("v6.7-rc6")), ReleaseSource::Title)
    );
    assert!(d.warnings.is_empty());
}

#[test]
fn disagreement_is_settled_by_the_date_and_warned() {
    let date = DateTime::parse("2023-12-13T10:00:00-08:00").unwrap();
    let d = decide(
        "LKML News v6.7",
        "lkml_news_v6.7-rc6",
        Some(&date),
        &calendar(),
    );
    assert_eq!(
        (d.release, d.source),
        (Some(v("v6.7-rc6")), ReleaseSource::Date)
    );
    assert_eq!(d.warnings.len(), 1);
    assert!(d.warnings[0].contains("file name"), "{:?}", d.warnings);
}

#[test]
fn disagreement_without_a_date_keeps_the_title_and_says_so() {
    let d = decide("LKML News v6.7", "lkml_news_v6.7-rc6", None, &calendar());
    assert_eq!(
        (d.release, d.source),
        (Some(v("v6.7")), ReleaseSource::Title)
    );
    assert!(
        d.warnings[0].contains("cannot be checked"),
        "{:?}",
        d.warnings
    );
}

#[test]
fn partial_title_falls_back_to_the_file_name_with_a_warning() {
    let d = decide("Lkml_news_v5", "lkml_news_v5.10-rc5", None, &calendar());
    assert_eq!(
        (d.release, d.source),
        (Some(v("v5.10-rc5")), ReleaseSource::FileName)
    );
    assert_eq!(d.warnings.len(), 2);
}

#[test]
fn after_a_final_release_is_the_next_merge_window() {
    let mut cal = calendar();
    cal.insert(v("v4.20"), 0);
    cal.insert(v("v5.0"), 60);
    let d = decide("LKML News after v4.20", "lkml_news_v4.20", None, &cal);
    assert_eq!(d.cycle, Some(v("v5.0")));
    let d = decide("LKML News after v6.7-rc5", "x", None, &cal);
    assert_eq!(d.cycle, Some(v("v6.7")));
    let d = decide("LKML News v6.7", "x", None, &cal);
    assert_eq!(d.cycle, Some(v("v6.7")));
    let d = decide("LKML News after v6.9", "x", None, &Calendar::new());
    assert_eq!(d.cycle, Some(v("v6.10")));
}

#[test]
fn intro_post_has_no_release() {
    let d = decide("About LKML News", "about", None, &calendar());
    assert_eq!((d.release, d.source), (None, ReleaseSource::None));
}

#[test]
fn after_posts_are_checked_against_the_week_after() {
    let cal = calendar();
    let date = DateTime::parse("2023-12-12T09:00:00Z").unwrap();
    // After v6.7-rc5 (Dec 10) fits; after v6.7-rc6 (Dec 17) does not.
    let d = decide(
        "LKML News after v6.7-rc6",
        "lkml_news_v6.7-rc5",
        Some(&date),
        &cal,
    );
    assert_eq!(d.release, Some(v("v6.7-rc5")));
}

#[test]
fn a_version_starts_only_at_a_word_start_and_ends_at_one() {
    // A `v` or digit glued to a word, or after a dot, starts nothing.
    assert_eq!(named_release("kv6.7 notes"), Named::Nothing);
    assert_eq!(named_release("file.4.17 notes"), Named::Nothing);
    // A version running into letters is no version.
    assert_eq!(named_release("LKML News v6.7a"), Named::Nothing);
    // A `v` not followed by a digit, and a bare number that is no version.
    assert_eq!(named_release("the version 2 notes"), Named::Nothing);
    assert_eq!(named_release("Top 5 patches"), Named::Nothing);
    assert_eq!(named_release("news v"), Named::Nothing);
}

#[test]
fn a_partial_version_is_the_first_one_cut_at_its_digits() {
    assert_eq!(
        named_release("Lkml_news_v5 notes"),
        Named::Partial("v5".into())
    );
    assert_eq!(
        named_release("Lkml_news_v5 then v6 notes"),
        Named::Partial("v5".into())
    );
    assert_eq!(
        named_release("news v12 and more"),
        Named::Partial("v12".into())
    );
}

fn at(ymd: &str) -> DateTime {
    DateTime::parse(&format!("{ymd}T00:00:00Z")).unwrap()
}

#[test]
fn distance_is_days_outside_the_week_the_convention_expects() {
    // v6.7-rc6 is tagged 2023-12-17. Before it: 8.5 days before to 2.5
    // after; after it: 1.5 days before to 9.5 after.
    let cal = calendar();
    let rc6 = v("v6.7-rc6");
    let before = |d: &str| distance(&at(d), rc6, Relation::Before, &cal);
    let after = |d: &str| distance(&at(d), rc6, Relation::After, &cal);
    assert_eq!(before("2023-12-06"), Some(2.5));
    assert_eq!(before("2023-12-09"), Some(0.0));
    assert_eq!(before("2023-12-17"), Some(0.0));
    assert_eq!(before("2023-12-19"), Some(0.0));
    assert_eq!(before("2023-12-21"), Some(1.5));
    assert_eq!(after("2023-12-14"), Some(1.5));
    assert_eq!(after("2023-12-16"), Some(0.0));
    assert_eq!(after("2023-12-26"), Some(0.0));
    assert_eq!(after("2023-12-29"), Some(2.5));
    assert_eq!(
        distance(&at("2023-12-17"), v("v6.8"), Relation::Before, &cal),
        None
    );
}

#[test]
fn a_date_fitting_both_tags_keeps_the_titles() {
    // 2023-12-11 is in the week before v6.7-rc5 (Dec 10, with the slack)
    // and before v6.7-rc6 (Dec 17).
    let d = decide(
        "LKML News v6.7-rc6",
        "lkml_news_v6.7-rc5",
        Some(&at("2023-12-11")),
        &calendar(),
    );
    assert_eq!(
        (d.release, d.source),
        (Some(v("v6.7-rc6")), ReleaseSource::Date)
    );
    assert!(
        d.warnings[0].contains(" fits v6.7-rc6 (tagged 2023-12-17)"),
        "{:?}",
        d.warnings
    );
}

#[test]
fn a_date_fitting_neither_tag_takes_the_nearer_and_says_so() {
    // 2023-12-24 is 4.5 days past the week before v6.7-rc6 and further from rc5's.
    let d = decide(
        "LKML News v6.7-rc5",
        "lkml_news_v6.7-rc6",
        Some(&at("2023-12-24")),
        &calendar(),
    );
    assert_eq!(
        (d.release, d.source),
        (Some(v("v6.7-rc6")), ReleaseSource::Date)
    );
    assert!(
        d.warnings[0].contains(" is nearest to v6.7-rc6"),
        "{:?}",
        d.warnings
    );
}

#[test]
fn a_tag_the_calendar_lacks_yields_only_to_one_the_date_fits() {
    let cal = calendar();
    let fits = Some(at("2023-12-15"));
    let far = Some(at("2024-03-01"));
    // The title's v6.8 is not in the calendar; the file name's rc6 is.
    let d = decide("LKML News v6.8", "lkml_news_v6.7-rc6", fits.as_ref(), &cal);
    assert_eq!(
        (d.release, d.source),
        (Some(v("v6.7-rc6")), ReleaseSource::Date)
    );
    let d = decide("LKML News v6.8", "lkml_news_v6.7-rc6", far.as_ref(), &cal);
    assert_eq!(
        (d.release, d.source),
        (Some(v("v6.8")), ReleaseSource::Title)
    );
    assert!(
        d.warnings[0].contains("cannot be checked"),
        "{:?}",
        d.warnings
    );
    // The file name's v6.8 is not in the calendar; the title's rc6 is.
    let d = decide("LKML News v6.7-rc6", "lkml_news_v6.8", fits.as_ref(), &cal);
    assert_eq!(
        (d.release, d.source),
        (Some(v("v6.7-rc6")), ReleaseSource::Date)
    );
    let d = decide("LKML News v6.7-rc6", "lkml_news_v6.8", far.as_ref(), &cal);
    assert_eq!(
        (d.release, d.source),
        (Some(v("v6.7-rc6")), ReleaseSource::Title)
    );
}

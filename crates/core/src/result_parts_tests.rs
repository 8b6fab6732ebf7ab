//! Unit tests of the keyed result parts: shapes, href changes and the list steps.

use super::*;
use crate::markdown::escape_attr;

#[test]
fn a_part_keeps_its_html_and_reads_hrefs_apart_unescaped() {
    let p = Part::new(
        "<a href=\"#q=a&amp;b\">x</a> <a class=\"t\" href=\"https://h/?a=&#x27;\">y</a>".into(),
    );
    assert_eq!(p.hrefs, ["#q=a&b", "https://h/?a='"]);
    assert_eq!(p.shape, "<a href=\"\">x</a> <a class=\"t\" href=\"\">y</a>");
    assert!(p.html.contains("#q=a&amp;b"));
}

#[test]
fn unescaping_undoes_the_attribute_escape_for_any_text() {
    for s in [
        "",
        "plain",
        "a&b",
        "<&>\"'",
        "&amp;",
        "&#39;x&",
        "&",
        "x&#",
        "한국어 & emoji 🐧 \"q\"",
    ] {
        assert_eq!(unescape(&escape_attr(s)), s, "{s:?}");
    }
    // Entities this crate never writes stay as written.
    assert_eq!(unescape("&copy;&"), "&copy;&");
}

#[test]
fn equal_parts_are_the_same() {
    let a = Part::new("<a href=\"#x\">t</a>".into());
    assert_eq!(a.change_from(&a.clone()), Change::Same);
}

#[test]
fn parts_that_differ_only_in_link_targets_change_only_those() {
    let old = Part::new(
        "<a href=\"#q=a\">t</a><a href=\"https://x\">u</a><a href=\"#q=a&amp;s=1\">v</a>".into(),
    );
    let new = Part::new(
        "<a href=\"#q=ab\">t</a><a href=\"https://x\">u</a><a href=\"#q=ab&amp;s=1\">v</a>".into(),
    );
    assert_eq!(
        new.change_from(&old),
        Change::Hrefs(vec![(0, "#q=ab"), (2, "#q=ab&s=1")])
    );
}

#[test]
fn parts_whose_text_or_links_differ_are_rewritten() {
    let old = Part::new("<a href=\"#q=a\"><mark>a</mark>b</a>".into());
    let text = Part::new("<a href=\"#q=ab\"><mark>ab</mark></a>".into());
    assert_eq!(text.change_from(&old), Change::Html(&text.html));
    let more_links = Part::new("<a href=\"#q=a\"><mark>a</mark>b</a><a href=\"#\">c</a>".into());
    assert_eq!(more_links.change_from(&old), Change::Html(&more_links.html));
}

fn row(id: &str, title: &str) -> Row {
    Row {
        id: id.into(),
        parts: [
            Part::new(format!(
                "<a class=\"entry-link\" href=\"#{id}\">{title}</a>"
            )),
            Part::new("facts".into()),
            Part::new("snippet".into()),
        ],
    }
}

#[test]
fn steps_keep_known_keys_in_the_new_order_create_new_ones_and_name_the_gone() {
    let old = [
        row("entry-1", "a"),
        row("entry-2", "b"),
        row("entry-3", "c"),
    ];
    let new = [
        row("entry-3", "c"),
        row("entry-4", "d"),
        row("entry-1", "A"),
    ];
    let (steps, gone) = steps(&old, &new);
    assert_eq!(gone, ["entry-2"]);
    assert_eq!(steps.len(), 3);
    assert!(matches!(steps[0], Step::Keep { key: "entry-3", old, new } if old == new));
    assert!(matches!(steps[1], Step::Create(r) if r.id == "entry-4"));
    match &steps[2] {
        Step::Keep { key, old, new } => {
            assert_eq!(*key, "entry-1");
            assert_eq!(
                new.parts[0].change_from(&old.parts[0]),
                Change::Html(&new.parts[0].html)
            );
        }
        other => panic!("expected entry-1 kept, got {other:?}"),
    }
}

#[test]
fn a_row_and_a_group_are_written_whole_with_their_keys() {
    let r = row("entry-7", "t");
    assert_eq!(
        r.html(),
        "<li class=\"entry\" id=\"entry-7\"><a class=\"entry-link\" href=\"#entry-7\">t</a>\
         <div class=\"entry-meta\">facts</div><p class=\"snippet\">snippet</p></li>"
    );
    let g = Group {
        key: "p3-0".into(),
        lang: "ko".into(),
        head: Part::new("head".into()),
        rows: vec![r.clone()],
    };
    assert_eq!(
        g.html(),
        format!(
            "<section class=\"group\" lang=\"ko\" data-key=\"p3-0\"><h2 class=\"group-head\">head</h2>\
             <ul class=\"entries\">{}</ul></section>",
            r.html()
        )
    );
}

#[test]
fn a_rendered_part_drops_its_html_but_still_compares_by_shape_and_links() {
    let old = Part::new("<a href=\"#q=a\">t</a>".into());
    let kept = old.clone().rendered();
    assert!(kept.html.is_empty());
    assert_eq!(kept.links(), 1);
    let new = Part::new("<a href=\"#q=ab\">t</a>".into());
    assert_eq!(new.change_from(&kept), new.change_from(&old));
    assert_eq!(new.change_from(&kept), Change::Hrefs(vec![(0, "#q=ab")]));
}

fn group(key: &str, rows: Vec<Row>) -> Group {
    Group {
        key: key.into(),
        lang: "en".into(),
        head: Part::new(format!("<a href=\"#{key}\">{key}</a>")),
        rows,
    }
}

#[test]
fn a_part_counts_each_of_its_links() {
    assert_eq!(Part::new("no link".into()).links(), 0);
    let two = Part::new("<a href=\"#a\">a</a><a href=\"#b\">b</a>".into());
    assert_eq!(two.links(), 2);
}

#[test]
fn groups_are_kept_and_created_by_their_keys() {
    let old = [group("p1-0", vec![]), group("p2-0", vec![])];
    let new = [group("p2-0", vec![]), group("p3-0", vec![])];
    let (steps, gone) = steps(&old, &new);
    assert_eq!(gone, ["p1-0"]);
    assert!(matches!(steps[0], Step::Keep { key: "p2-0", .. }));
    assert!(matches!(steps[1], Step::Create(g) if g.key == "p3-0"));
}

#[test]
fn a_rendered_group_keeps_no_html_of_its_head_or_rows() {
    let g = group("p1-0", vec![row("entry-1", "a"), row("entry-2", "b")]).rendered();
    assert!(g.head.html.is_empty());
    assert_eq!(g.head.links(), 1, "the head still compares by its link");
    assert!((g.rows.iter())
        .flat_map(|r| &r.parts)
        .all(|p| p.html.is_empty()));
    assert_eq!(g.rows.len(), 2);
}

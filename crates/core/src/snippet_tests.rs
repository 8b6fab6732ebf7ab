//! Unit tests of the result-row snippet: word boundaries, balanced context, rendered inline markdown, escaping and highlights.

use super::*;
use proptest::prelude::*;

/// The excerpt as a reader reads it: tags dropped, entities decoded.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    for token in html5gum::Tokenizer::new(html) {
        if let Ok(html5gum::Token::String(s)) = token {
            out.push_str(&String::from_utf8_lossy(&s));
        }
    }
    out
}

/// Only `<code>`, `<em>`, `<strong>` and `<mark>`, without attributes, each
/// closed in the order opened; anything else is reported.
fn check_markup(html: &str) -> Result<(), String> {
    let mut open: Vec<String> = Vec::new();
    for token in html5gum::Tokenizer::new(html) {
        match token.map_err(|e| format!("{e:?}"))? {
            html5gum::Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_string();
                if !["code", "em", "strong", "mark"].contains(&name.as_str()) {
                    return Err(format!("<{name}> in {html}"));
                }
                if !tag.attributes.is_empty() {
                    return Err(format!("attributes on <{name}> in {html}"));
                }
                open.push(name);
            }
            html5gum::Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_string();
                if open.pop().as_deref() != Some(name.as_str()) {
                    return Err(format!("</{name}> closes nothing open in {html}"));
                }
            }
            html5gum::Token::String(_) => {}
            other => return Err(format!("{other:?} in {html}")),
        }
    }
    match open.is_empty() {
        true => Ok(()),
        false => Err(format!("{open:?} left open in {html}")),
    }
}

/// Checks the rules every excerpt keeps and returns its text without the `…` marks.
fn checked(markdown: &str, needles: &[&str], width: usize) -> String {
    let html = snippet_html(markdown, needles, width);
    check_markup(&html).unwrap();
    let source = source_text(markdown);
    let text = text_of(&html);
    let inner = text.trim_start_matches('…').trim_end_matches('…');
    let at = source
        .find(inner)
        .unwrap_or_else(|| panic!("{inner:?} not in {source:?}"));
    let end = at + inner.len();
    assert!(cols(inner) <= width, "{inner:?} is wider than {width}");
    // A cut is marked, and falls between words.
    assert_eq!(end < source.len(), text.ends_with('…'), "{text:?}");
    assert!(
        end == source.len() || source[end..].starts_with(' '),
        "ends inside a word: {text:?}"
    );
    assert!(
        at == 0 || source[..at].ends_with(' '),
        "starts inside a word: {text:?}"
    );
    inner.to_string()
}

const LONG: &str = "Changes since the previous posting: this is the second RFC version of the \
    series, rebased on mm-unstable and reworked after the review of the first one. It moves \
    the per-node statistics of DAMON into sysfs so that users can read memory use per node \
    without tracing, and documents the new files in the admin guide as asked by reviewers.";

#[test]
fn the_excerpt_starts_and_ends_at_word_boundaries_with_an_ellipsis_at_each_cut() {
    let html = snippet_html(LONG, &["sysfs"], 100);
    assert!(html.starts_with('…') && html.ends_with('…'), "{html}");
    let inner = checked(LONG, &["sysfs"], 100);
    assert!(inner.contains("sysfs"));
    // Every word is whole: the excerpt's words are the body's.
    let words: Vec<&str> = LONG.split_whitespace().collect();
    assert!(inner.split(' ').all(|w| words.contains(&w)), "{inner}");
}

#[test]
fn no_word_is_cut_wherever_the_match_falls() {
    // Every word of the body as the search term, at several widths.
    for width in [20, 41, 80, 180] {
        for needle in LONG.split_whitespace() {
            let needle = needle
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            let inner = checked(LONG, &[&needle], width);
            assert!(
                inner.to_lowercase().contains(&needle),
                "{needle} in {inner}"
            );
        }
    }
}

#[test]
fn the_archive_cut_mid_word_at_the_start_and_no_longer_does() {
    // The old cut opened on "…nd RFC version" here.
    let body =
        "Changes since v1: this is the second RFC version of the patch that adds folio support.";
    let html = snippet_html(body, &["rfc"], 40);
    assert!(!html.contains("…nd "), "{html}");
    assert!(
        html.starts_with("…is the second <mark>RFC</mark> version"),
        "{html}"
    );
    checked(body, &["rfc"], 40);
}

#[test]
fn a_match_in_the_middle_gets_balanced_context_on_both_sides() {
    let inner = checked(LONG, &["damon"], 100);
    let at = inner.find("DAMON").unwrap();
    let (before, after) = (inner[..at].chars().count(), inner[at + 5..].chars().count());
    assert!(
        before >= 35 && after >= 35,
        "{before} before, {after} after: {inner}"
    );
    assert!(
        before.abs_diff(after) <= 15,
        "{before} before, {after} after: {inner}"
    );
}

#[test]
fn a_match_that_ends_the_body_gets_context_before_it() {
    // The old cut showed "…folio." alone.
    let body = "Willy's series converts the remaining users of page->index in the filemap \
        code and finally removes the page-based lookup, so everything goes through the folio.";
    let html = snippet_html(body, &["folio"], 80);
    assert!(
        html.starts_with('…') && html.ends_with("the <mark>folio</mark>."),
        "{html}"
    );
    let inner = checked(body, &["folio"], 80);
    assert!(
        inner.chars().count() > 60,
        "the width is used before the match: {inner}"
    );
}

#[test]
fn a_match_that_opens_the_body_gets_context_after_it_only() {
    let html = snippet_html(LONG, &["changes"], 60);
    assert!(
        html.starts_with("<mark>Changes</mark> since the previous"),
        "{html}"
    );
    assert!(html.ends_with('…'));
    checked(LONG, &["changes"], 60);
}

#[test]
fn a_side_with_little_text_gives_the_rest_of_the_width_to_the_other() {
    let body = "In short: the maple tree now stores the VMAs of every process, replacing the \
        red-black tree and the linked list that were kept side by side until now.";
    let inner = checked(body, &["short"], 60);
    assert!(inner.starts_with("In short: the maple tree"), "{inner}");
    assert!(inner.chars().count() > 50, "{inner}");
}

#[test]
fn korean_text_is_cut_at_its_spaces() {
    let body = "이번 패치는 메모리 사용량을 노드별로 보여 주는 통계를 sysfs 에 추가하고, \
        DAMON 의 동작을 관리자가 직접 조정할 수 있게 합니다. 리뷰어의 요청에 따라 문서도 함께 갱신했습니다.";
    for width in [20, 30, 45, 80] {
        for needle in ["메모리", "통계", "damon", "갱신"] {
            let inner = checked(body, &[needle], width);
            assert!(inner.to_lowercase().contains(needle), "{needle} in {inner}");
        }
    }
    let html = snippet_html(body, &["통계"], 20);
    assert!(
        html.starts_with('…') && html.contains("<mark>통계</mark>"),
        "{html}"
    );
    // Width counts columns: a Hangul syllable takes two, as on screen.
    assert_eq!(snippet_html("짧은 글", &["없음"], 7), "짧은 글");
    assert_eq!(snippet_html("짧은 글", &["없음"], 6), "짧은…");
}

#[test]
fn a_token_longer_than_the_width_is_cut_at_a_character_boundary_around_the_match() {
    let token = format!("{}needle{}", "가".repeat(40), "나".repeat(40));
    let body = format!("before {token} after");
    let html = snippet_html(&body, &["needle"], 30);
    let text = text_of(&html);
    assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
    assert_eq!(cols(text.trim_matches('…')), 30, "{text}");
    assert!(html.contains("가<mark>needle</mark>나"), "{html}");
    // A match longer than the width is shown from its start.
    let html = snippet_html(&body, &[&token.to_lowercase()], 10);
    assert_eq!(text_of(&html), format!("…{}…", "가".repeat(5)));
}

#[test]
fn a_word_wider_than_its_share_is_taken_whole_not_cut() {
    // "Changes " is wider than half of what "since" leaves of 20 columns.
    assert_eq!(
        snippet_html(LONG, &["since"], 20),
        "Changes <mark>since</mark> the…"
    );
}

#[test]
fn a_long_word_next_to_the_match_is_cut_rather_than_losing_that_side() {
    let url = format!(
        "https://lore.kernel.org/all/{}@example.org/",
        "x".repeat(120)
    );
    let body = format!("{url} damon {url}");
    let text = text_of(&snippet_html(&body, &["damon"], 40));
    assert!(text.starts_with('…') && text.ends_with('…'), "{text}");
    let (before, after) = text.trim_matches('…').split_once("damon").unwrap();
    assert!(before.len() > 10 && after.len() > 10, "{text}");
}

#[test]
fn without_a_match_the_excerpt_opens_on_the_first_prose_after_bare_links() {
    let body = "https://lkml.kernel.org/r/x@y\n\nThis series adds\nper-node stats to DAMON so that users can see memory.";
    assert_eq!(snippet_html(body, &[], 30), "This series adds per-node…");
    assert_eq!(
        snippet_html(body, &["nothing"], 30),
        "This series adds per-node…"
    );
    // A match after the thread link gets no `…` for the link alone.
    assert_eq!(
        snippet_html("https://lkml.kernel.org/r/x@y\nDAMON 은 잘", &["damon"], 40),
        "<mark>DAMON</mark> 은 잘"
    );
    assert_eq!(snippet_html("https://only.a/link", &[], 40), "");
    assert_eq!(snippet_html("", &["x"], 40), "");
}

#[test]
fn context_before_a_match_stops_at_a_bare_link_but_text_before_it_is_marked_left_out() {
    let body = "An intro line.\n\nhttps://lore.kernel.org/r/20231127.1@x.org\n\nDAMON gains stats.";
    assert_eq!(
        snippet_html(body, &["stats"], 80),
        "…DAMON gains <mark>stats</mark>."
    );
}

#[test]
fn a_match_inside_a_link_shows_the_link_text() {
    let body = "See https://lore.kernel.org/r/20231127081144.22154-1-mia.holm@example.org for it.";
    let html = snippet_html(body, &["20231127081144.22154-1-mia.holm@example.org"], 180);
    assert!(
        html.contains("<mark>20231127081144.22154-1-mia.holm@example.org</mark>"),
        "{html}"
    );
    assert!(!html.contains("<a"), "{html}");
}

#[test]
fn code_spans_emphasis_and_strong_render_as_in_the_entry_view() {
    assert_eq!(
        snippet_html(
            "Calls `split_huge_page()` *once* and **never** ***both***.",
            &[],
            180
        ),
        "Calls <code>split_huge_page()</code> <em>once</em> and \
         <strong>never <em>both</em></strong>."
    );
    // Two code spans side by side stay two; the space between is not code.
    assert_eq!(
        snippet_html("`a` `b c`", &[], 40),
        "<code>a</code> <code>b c</code>"
    );
    // A code block shows as code, on the one line.
    assert_eq!(
        snippet_html("Run:\n\n```\nperf stat\n  -a\n```\n", &[], 40),
        "Run: <code>perf stat -a</code>"
    );
}

#[test]
fn links_show_their_text_only_since_the_row_is_a_link() {
    let html = snippet_html(
        "See [the v2 posting](https://lore.kernel.org/r/x) and <https://lwn.net/>.",
        &[],
        180,
    );
    assert_eq!(html, "See the v2 posting and https://lwn.net/.");
    // Markdown in the link text still renders; the target never shows.
    assert_eq!(
        snippet_html("[`mm` *tree*](https://git.kernel.org)", &[], 80),
        "<code>mm</code> <em>tree</em>"
    );
}

#[test]
fn a_cut_through_styled_text_keeps_its_style_and_no_stray_markers() {
    let body = format!("**{} strongly worded end**", "word ".repeat(30));
    let html = snippet_html(&body, &["end"], 30);
    assert!(
        html.starts_with("…<strong>") && html.ends_with("<mark>end</mark></strong>"),
        "{html}"
    );
    assert!(!html.contains('*'), "{html}");
    let html = snippet_html(&format!("`{}`", "tok ".repeat(50)), &[], 12);
    assert_eq!(html, "<code>tok tok tok</code>…");
}

#[test]
fn hostile_text_stays_escaped_text_inside_and_outside_backticks() {
    let body = "Text <script>alert(1)</script> and <img src=x onerror=alert(1)> then \
        `<img src=x onerror=alert(2)>` and [x](javascript:alert(3)) *<b>bold</b>* \"q\" 'a' &amp; &";
    let html = snippet_html(body, &["onerror"], 400);
    check_markup(&html).unwrap();
    assert_eq!(
        html,
        "Text &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x <mark>onerror</mark>=alert(1)&gt; \
         then <code>&lt;img src=x <mark>onerror</mark>=alert(2)&gt;</code> and x \
         <em>&lt;b&gt;bold&lt;/b&gt;</em> &quot;q&quot; &#39;a&#39; &amp; &amp;"
    );
    // An HTML block is shown as the text it is, as the entry view shows it.
    let html = snippet_html(
        "<script>alert(1)</script>\n\n<div onmouseover=x>hi</div>",
        &[],
        80,
    );
    assert_eq!(
        html,
        "&lt;script&gt;alert(1)&lt;/script&gt; &lt;div onmouseover=x&gt;hi&lt;/div&gt;"
    );
}

#[test]
fn highlights_mark_matches_inside_and_outside_code_case_insensitively() {
    assert_eq!(
        snippet_html("Use `__GFP_ZERO`, not __gfp_zero.", &["__gfp_zero"], 80),
        "Use <code><mark>__GFP_ZERO</mark></code>, not <mark>__gfp_zero</mark>."
    );
    // A match across a code span's edge is marked in both, the tags balanced.
    assert_eq!(
        snippet_html("call `foo` bar now", &["foo bar"], 80),
        "call <code><mark>foo</mark></code><mark> bar</mark> now"
    );
    assert_eq!(
        snippet_html("*emphasised damon* here", &["sed da"], 80),
        "<em>emphasi<mark>sed da</mark>mon</em> here"
    );
}

#[test]
fn highlights_never_split_an_entity() {
    assert_eq!(
        snippet_html("a & b < c", &["&"], 80),
        "a <mark>&amp;</mark> b &lt; c"
    );
    // "amp" and "lt" are not in the text a reader sees, only in its escaping.
    assert_eq!(
        snippet_html("a & b < c", &["amp", "lt"], 80),
        "a &amp; b &lt; c"
    );
}

#[test]
fn a_script_that_lengthens_when_lowercased_still_centres_on_the_match() {
    let body = format!(
        "{} İstanbul DAMON talk {}",
        "ord ".repeat(40),
        "ord ".repeat(40)
    );
    let text = text_of(&snippet_html(&body, &["damon"], 30));
    assert!(text.contains("DAMON"), "{text}");
}

#[test]
fn the_source_text_is_the_body_as_read_on_one_line() {
    assert_eq!(
        source_text("# Title\n\n`a`  *b*\n- [c](http://x)\n\n| d | e |\n|---|---|\n| 1 | 2 |\n"),
        "Title a b c d e 1 2"
    );
}

fn piece() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "`",
        "*",
        "**",
        "_",
        "[",
        "](",
        ")",
        "<",
        ">",
        "&",
        "&amp;",
        "\"",
        "'",
        " ",
        "\n",
        "\n\n",
        "<script>",
        "</script>",
        "<img src=x onerror=alert(1)>",
        "javascript:",
        "https://x.org/a",
        "damon",
        "DAMON",
        "메모리",
        "İ",
        "word",
        "a-very-long-identifier_of_a_kind",
        "`code`",
        "# ",
        "- ",
        "> ",
        "```\n",
        "|",
        "\\",
        "~~",
    ])
    .prop_map(str::to_string)
}

proptest! {
    #[test]
    fn any_body_gives_balanced_allow_listed_markup_cut_between_words(
        pieces in prop::collection::vec(piece(), 0..60),
        width in 1usize..60,
        needle in prop::sample::select(vec!["damon", "메모리", "<", "&", "word", "i", " "]),
    ) {
        let body = pieces.concat();
        let html = snippet_html(&body, &[needle], width);
        prop_assert!(check_markup(&html).is_ok(), "{:?}: {:?}", body, check_markup(&html));
        let text = text_of(&html);
        let inner = text.trim_start_matches('…').trim_end_matches('…');
        prop_assert!(source_text(&body).contains(inner), "{:?} from {:?}", text, body);
        prop_assert!(cols(inner) <= width, "{:?} wider than {}", text, width);
    }
}

#[test]
fn text_of_one_style_is_one_run_with_the_space_before_a_change_in_the_plain_run() {
    let flat = flatten("plain words **bold words**");
    assert_eq!(flat.text, "plain words bold words");
    assert_eq!(flat.runs, [(12, [0, 0, 0]), (22, [1, 0, 0])]);
}

#[test]
fn a_match_after_a_character_whose_lowercase_has_another_length_is_found_where_it_is() {
    // The Kelvin sign (3 bytes) lowercases to `k` (1 byte), `Ⱥ` (2 bytes)
    // to `ⱥ` (3 bytes): both are kept as they are, so offsets stay the text's.
    assert_eq!(first_match("\u{212A} damon", &["damon"]), Some(4..9));
    assert_eq!(first_match("\u{23A} damon", &["damon"]), Some(3..8));
    // The excerpt is cut around the match there (unmarked: `highlight`
    // leaves text whose lowercase changes length whole).
    let body = format!(
        "{}300 \u{212A} damon {}",
        "ord ".repeat(40),
        "ord ".repeat(40)
    );
    let text = text_of(&snippet_html(&body, &["damon"], 20));
    assert!(text.contains("\u{212A} damon"), "{text}");
}

#[test]
fn a_cut_inside_a_thread_link_before_the_prose_is_marked_left_out() {
    let body = "https://lore.kernel.org/r/20231127081144.22154-1-mia.holm@example.org\n\n\
        DAMON gains stats.";
    // 20 columns: the five of the match, seven before it and eight after.
    assert_eq!(
        snippet_html(body, &["22154"], 20),
        "…081144.<mark>22154</mark>-1-mia.h…"
    );
}

#[test]
fn a_word_no_wider_than_half_the_width_is_never_cut_even_when_its_side_goes_without() {
    // 8 columns are left beside the 12 of the match: "hugetlbfs" (9, not
    // over 20 / 2) fits neither its share nor the room, so it is left out.
    assert_eq!(
        snippet_html(
            "hugetlbfs folio_unlock in mm and in fs",
            &["folio_unlock"],
            20
        ),
        "…<mark>folio_unlock</mark> in mm…"
    );
}

#[test]
fn a_word_wider_than_half_the_width_before_the_match_is_cut_to_its_share() {
    // 50 columns: wider than the 35 left beside the match, and than 40 / 2.
    let url = "https://lore.kernel.org/all/20231127.1@example.org";
    let body = format!("{url} damon and more words after it to fill the row");
    // Half of the 35 (17) before, its last 16 columns and the space.
    assert_eq!(
        snippet_html(&body, &["damon"], 40),
        "…27.1@example.org <mark>damon</mark> and more words…"
    );
}

#[test]
fn a_word_wider_than_half_the_width_after_the_match_is_cut_to_what_is_left() {
    let url = "https://lore.kernel.org/all/20231127.1@example.org";
    let body = format!("damon {url} for the stats");
    // Nothing before: all 35 columns after, the space and 34 of the URL.
    assert_eq!(
        snippet_html(&body, &["damon"], 40),
        "<mark>damon</mark> https://lore.kernel.org/all/202311…"
    );
}

#[test]
fn what_the_words_after_cannot_use_goes_to_the_words_before() {
    // Of the 25 columns beside "damon", 12 go before ("in mm so on") and 13
    // after, where "configuration" (13, and its space) does not fit: those
    // 13 go before too, two more words of 2 columns each with its space.
    assert_eq!(
        snippet_html(
            "we do it as it is in mm so on damon configuration changes",
            &["damon"],
            30
        ),
        "…it as it is in mm so on <mark>damon</mark>…"
    );
}

#[test]
fn fullwidth_forms_and_the_supplementary_ideographs_take_two_columns() {
    for c in ['\u{FE30}', '\u{FE4F}', 'Ａ', '\u{FF60}', '￠', '\u{FFE6}'] {
        assert_eq!(col(c), 2, "{c:?}");
    }
    assert_eq!(col('\u{20000}'), 2);
    assert_eq!(col('\u{3FFFD}'), 2);
    // Halfwidth katakana and Latin text take one.
    assert_eq!(col('\u{FF61}'), 1);
    assert_eq!(col('a'), 1);
    assert_eq!(snippet_html("ＡＢ ＣＤ", &["없음"], 9), "ＡＢ ＣＤ");
    assert_eq!(snippet_html("ＡＢ ＣＤ", &["없음"], 8), "ＡＢ…");
}

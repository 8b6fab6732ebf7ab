//! Tests of html.rs: the markdown written, and that hostile descriptions render as their text only.

use super::*;

/// What a plain CommonMark renderer makes of `md`: raw HTML passes through
/// it, so an escape missed in `md` shows here as markup.
fn raw_render(md: &str) -> String {
    let mut html = String::new();
    let parser = pulldown_cmark::Parser::new_ext(md, kernel_news_core::markdown::options());
    pulldown_cmark::html::push_html(&mut html, parser);
    html
}

#[test]
fn lwn_description_becomes_paragraph_link_and_quote() {
    let html = "After a foray,\n<a href=\"https://www.filfre.net/2023/07/going-rogue/\">this\narticle</a> covers rogue-likes.\n<p>\n<blockquote class=\"bq\">\n\tThe cast of thousands\n\tcontribute.\n</blockquote>\n";
    assert_eq!(
        html_to_markdown(html),
        "After a foray, [this article](https://www.filfre.net/2023/07/going-rogue/) covers rogue-likes.\n\n> The cast of thousands contribute."
    );
}

#[test]
fn list_items_become_dash_lines_and_nest() {
    let md = html_to_markdown("<p>Inside:</p><ul><li>Front: a; b</li><li>Briefs<ul><li>one</li></ul></li><li>last</ul>after");
    assert_eq!(
        md,
        "Inside:\n\n- Front: a; b\n- Briefs\n  - one\n- last\n\nafter"
    );
    let html = raw_render(&md);
    assert_eq!(html.matches("<li>").count(), 4, "{html}");
}

/// Found while fuzzing the feed reader at scale (issue 18): every level
/// prefixed each line inside it, so 20,000 nested quotes (260 KB of HTML)
/// made 780 MB of markdown, and every word looked at each open inline
/// element. Nesting now stops at 32 levels.
#[test]
fn nesting_deeper_than_thirty_two_levels_shows_at_that_depth() {
    // Was 48 MB.
    let md = html_to_markdown(&"<blockquote>x".repeat(5_000));
    assert!(md.len() < 1_000_000, "{} bytes", md.len());
    let deepest = md.lines().map(|l| l.matches("> ").count()).max();
    assert_eq!(deepest, Some(32));
    // Was 24 MB: a list level is two containers, the list and its item.
    let md = html_to_markdown(&format!("{}y", "<ul><li>x".repeat(5_000)));
    assert!(md.len() < 1_000_000, "{} bytes", md.len());
    assert!(md.ends_with("y"), "{}", &md[md.len() - 80..]);
    let md = html_to_markdown(&format!("{}y", "<b><i>x ".repeat(5_000)));
    assert_eq!(md.matches("***x").count(), 16, "{}", &md[..200]);
    assert!(md.contains(" x x y*"), "{}", &md[md.len() - 80..]);
    assert_eq!(html_to_markdown("<b>a <i>b</i> c</b>"), "**a *b* c**");
}

#[test]
fn emphasis_code_and_breaks_become_markdown_syntax() {
    assert_eq!(
        html_to_markdown(
            "<b>bold</b> <i>it</i><strong> </strong>and <code>a`b  c</code>, line<br>two"
        ),
        "**bold** *it* and ``a`b c``, line\\\ntwo"
    );
    assert_eq!(html_to_markdown("<em> spaced </em>word"), "*spaced* word");
}

#[test]
fn pre_becomes_a_fence_longer_than_any_backtick_run_inside() {
    let md = html_to_markdown("<p>Run:</p><pre>\n$ make  -j2\n```\n<b>done</b></pre>");
    assert_eq!(md, "Run:\n\n````\n$ make  -j2\n```\ndone\n````");
    assert!(raw_render(&md).contains("<pre><code>$ make  -j2\n```\ndone\n</code></pre>"));
}

#[test]
fn links_other_than_http_are_plain_text() {
    for href in [
        "javascript:alert(1)",
        " JaVa\tScRiPt:alert(1)",
        "data:text/html,x",
        "/Articles/1/",
        "vbscript:x",
    ] {
        let md = html_to_markdown(&format!("<a href=\"{href}\">click</a> here"));
        assert_eq!(md, "click here", "{href}");
    }
    assert_eq!(html_to_markdown("<a>no href</a>"), "no href");
}

#[test]
fn link_destinations_cannot_break_out_of_their_parentheses() {
    let md = html_to_markdown("<a href=\"https://x.org/a b(c)<d>\\e`f|g?h=1&amp;i=2\">t</a>");
    assert_eq!(
        md,
        "[t](https://x.org/a%20b%28c%29%3Cd%3E%5Ce%60f%7Cg?h=1\\&i=2)"
    );
    let html = raw_render(&md);
    assert!(
        html.contains("href=\"https://x.org/a%20b%28c%29%3Cd%3E%5Ce%60f%7Cg?h=1&amp;i=2\""),
        "{html}"
    );
}

#[test]
fn empty_links_and_formatting_leave_nothing() {
    assert_eq!(
        html_to_markdown("a<a href=\"https://x.org/\"></a><b></b> b"),
        "a b"
    );
}

#[test]
fn images_leave_their_alt_text_and_no_source() {
    let md = html_to_markdown(
        "See <img src=\"https://tracker.example/p.png\" alt=\"the *chart*\"> here",
    );
    assert_eq!(md, "See the \\*chart\\* here");
}

#[test]
fn scripts_styles_frames_and_objects_are_dropped_with_their_content() {
    let md = html_to_markdown(
        "a <script>document.write('<b>x</b>')</script><style>p{}</style><iframe src=\"https://x/\">frame</iframe><object><p>obj</p></object>b <svg/>c<noscript>n</noscript>",
    );
    assert_eq!(md, "a b c");
}

#[test]
fn block_openers_at_a_line_start_are_escaped() {
    let md = html_to_markdown("<p>- dash</p><p>+ plus</p><p>2026. year</p><p># hash</p><p>=</p><p>a<br>-- b</p><p>> q</p>");
    let html = raw_render(&md);
    for tag in ["<ul", "<ol", "<h1", "<h2", "<blockquote", "<hr"] {
        assert!(!html.contains(tag), "{tag} in {html}");
    }
    assert!(html.contains("<p>2026. year</p>"), "{html}");
    assert!(html.contains("-- b"), "{html}");
}

#[test]
fn hostile_descriptions_render_as_their_visible_text_only() {
    let hostile = concat!(
        "<script>alert(1)</script>",
        "<img src=https://tracker.example/p.png onerror=alert(2)>",
        "<p>&lt;script&gt;alert(3)&lt;/script&gt; and &lt;img src=x onerror=alert(4)&gt;</p>",
        "<p>[x](javascript:alert(5)) ![i](https://tracker.example/q.png) <b>*bold*</b> _under_ a|b ~~s~~ &amp;amp; `tick`</p>",
        "<a href=\"javascript:alert(6)\">js</a> <a href=\"https://ok.example/\">ok <i>it</i></a>",
        "<p>&lt;http://auto.example/&gt; &lt;!-- c --&gt; \\ end</p>",
    );
    let md = html_to_markdown(hostile);
    for html in [raw_render(&md), kernel_news_core::markdown::render(&md)] {
        let lower = html.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "{html}");
        assert!(!lower.contains("<img"), "{html}");
        assert!(!lower.contains("href=\"javascript:"), "{html}");
        assert!(!lower.contains("<!--"), "{html}");
        assert!(
            !lower.contains("<del") && !lower.contains("<code"),
            "{html}"
        );
        assert_eq!(
            lower.matches("<em>").count(),
            1,
            "only <i>it</i> is emphasis: {html}"
        );
        assert!(!lower.contains("tracker.example/p.png"), "{html}");
        // Everything the feed shows as text is still there, as text.
        for text in [
            "&lt;script&gt;alert(3)&lt;/script&gt;",
            "&lt;img src=x onerror=alert(4)&gt;",
            "[x](javascript:alert(5))",
            "![i](",
            "<strong>*bold*</strong>",
            "_under_ a|b ~~s~~ &amp;amp; `tick`",
            "&lt;!-- c --&gt; \\ end",
        ] {
            assert!(html.contains(text), "{text:?} missing from {html}");
        }
        assert!(html.contains("js <a"), "{html}");
        assert!(html.contains("href=\"https://ok.example/\""), "{html}");
    }
    // The viewer links bare URLs in text; a plain renderer shows them as typed.
    let raw = raw_render(&md);
    assert!(raw.contains("&lt;http://auto.example/&gt;"), "{raw}");
    assert!(raw.contains("![i](https://tracker.example/q.png)"), "{raw}");
}

#[test]
fn text_of_an_html_title_is_unescaped_and_collapsed() {
    assert_eq!(
        html_to_text("A &amp; <b>B</b>\n<script>x</script> <br>C"),
        "A & B C"
    );
}

#[test]
fn escape_markdown_escapes_syntax_and_collapses_whitespace() {
    assert_eq!(
        escape_markdown("  - a_b  *c* [d]\n<e> "),
        "\\- a\\_b \\*c\\* \\[d\\] \\<e\\>"
    );
    assert_eq!(escape_markdown("12) x"), "12\\) x");
    assert_eq!(escape_markdown("7.1-rc3 is out"), "7.1-rc3 is out");
}

#[test]
fn only_breaks_and_blocks_part_the_words_of_an_html_title() {
    assert_eq!(html_to_text("foo<b>bar</b><i>baz</i>"), "foobarbaz");
    assert_eq!(html_to_text("a<br>b<p>c</p>d<li>e"), "a b c d e");
}

#[test]
fn link_destinations_need_an_http_scheme_and_something_after_it() {
    assert_eq!(link_destination("ftp://x.org/a"), None);
    assert_eq!(link_destination("http://"), None);
    assert_eq!(
        link_destination("HTTPS://x.org/a").as_deref(),
        Some("HTTPS://x.org/a")
    );
}

#[test]
fn controls_and_other_whitespace_inside_a_link_destination_are_percent_encoded() {
    assert_eq!(
        link_destination("https://x.org/a\u{1}b\u{a0}c\u{7f}d").as_deref(),
        Some("https://x.org/a%01b%C2%A0c%7Fd")
    );
}

#[test]
fn a_dropped_element_nested_in_itself_ends_at_its_own_end_tag() {
    assert_eq!(
        html_to_markdown("a <object><object>x</object>y</object>z"),
        "a z"
    );
    assert_eq!(
        html_to_text("a <object><object>x</object>y</object>z"),
        "a z"
    );
}

#[test]
fn an_svg_or_math_element_with_content_is_dropped_whole() {
    assert_eq!(html_to_markdown("a <svg><text>x</text></svg>b"), "a b");
    assert_eq!(html_to_markdown("a <math><mi>x</mi></math>b"), "a b");
    assert_eq!(html_to_text("a <svg><text>x</text></svg>b"), "a b");
}

#[test]
fn table_cells_are_parted_by_a_space_and_rows_are_paragraphs() {
    assert_eq!(
        html_to_markdown(
            "<table><tr><td>a</td><td>b</td></tr><tr><th>c</th><th>d</th></tr></table>"
        ),
        "a b\n\nc d"
    );
}

#[test]
fn h1_to_h6_become_bold_paragraphs_and_other_blocks_do_not() {
    assert_eq!(html_to_markdown("<h2>Title</h2>text"), "**Title**\n\ntext");
    assert_eq!(html_to_markdown("<h6>Small</h6>"), "**Small**");
    assert_eq!(
        html_to_markdown("<header>Head</header><dl><dt>Term</dt><dd>def</dd></dl>"),
        "Head\n\nTerm\n\ndef"
    );
}

/// Was a bug: `hr` is two letters starting with `h`, so it opened a
/// heading's bold, and with no end tag to close it the text after it was
/// bold, paragraph after paragraph, up to the next block's end tag.
#[test]
fn text_after_a_horizontal_rule_is_not_bold() {
    assert_eq!(html_to_markdown("a<hr>b<p>c</p>"), "a\n\nb\n\nc");
    assert_eq!(html_to_markdown("<hr/>x"), "x");
}

#[test]
fn text_after_a_block_end_starts_a_new_paragraph() {
    assert_eq!(
        html_to_markdown("<div>a</div>b<p>c</p>d"),
        "a\n\nb\n\nc\n\nd"
    );
}

#[test]
fn other_inline_elements_keep_their_text_in_the_paragraph() {
    assert_eq!(html_to_markdown("a<span>b</span> c<u>d</u>e"), "ab cde");
}

#[test]
fn a_link_inside_a_link_is_text_of_the_outer_one_which_its_end_closes() {
    assert_eq!(
        html_to_markdown("<a href=\"https://x.org/\">a <a href=\"https://y.org/\">b</a> c</a> d"),
        "[a b](https://x.org/) c d"
    );
}

#[test]
fn a_link_inside_bold_stays_a_link() {
    assert_eq!(
        html_to_markdown("<b>see <a href=\"https://x.org/\">this</a></b>"),
        "**see [this](https://x.org/)**"
    );
}

#[test]
fn inline_tags_inside_code_are_part_of_the_code_and_a_block_ends_it() {
    assert_eq!(html_to_markdown("<code>a<b>b</b>c</code>"), "`abc`");
    assert_eq!(html_to_markdown("<code>a<p>b</p>c</code>"), "`a`\n\nb\n\nc");
    assert_eq!(html_to_markdown("<code>a</p>b</code>"), "`a`\n\nb");
}

#[test]
fn pre_keeps_the_text_of_inline_tags_until_its_own_end() {
    assert_eq!(
        html_to_markdown("<pre>a <b>b</b> c</pre>d"),
        "```\na b c\n```\n\nd"
    );
}

#[test]
fn text_after_a_quote_is_outside_it() {
    assert_eq!(
        html_to_markdown("<blockquote>q</blockquote>after"),
        "> q\n\nafter"
    );
}

#[test]
fn text_after_a_list_item_is_outside_it() {
    assert_eq!(
        html_to_markdown("<ul><li>a</li>between<li>b</li></ul>"),
        "- a\n\nbetween\n\n- b"
    );
    assert_eq!(html_to_markdown("<li>a</li>b"), "- a\n\nb");
}

#[test]
fn paragraphs_in_a_quote_stay_in_one_quote() {
    assert_eq!(
        html_to_markdown("<blockquote><p>a</p><p>b</p></blockquote>"),
        "> a\n>\n> b"
    );
}

#[test]
fn inline_code_is_padded_when_it_starts_or_ends_with_a_backtick_and_keeps_its_spaces_apart() {
    assert_eq!(html_to_markdown("<code>a`</code>"), "`` a` ``");
    assert_eq!(html_to_markdown("<code>`a</code>"), "`` `a ``");
    assert_eq!(html_to_markdown("x<code> y </code>z"), "x `y` z");
}

//! The renderer over hostile and ordinary markdown: inert HTML, safe links, chart slots, remote images, bare URLs.

use super::*;

const CHART: &str = "/img/kernel_release_stat/v6.7-rc4-only.png";

#[test]
fn chart_images_become_slots_and_other_images_stay() {
    let md = format!("See ![stat]({CHART}) and ![cat](/img/cat.png).");
    let html = render_with_charts(&md, &["/other.png", CHART]);
    assert_eq!(
        html.trim(),
        format!(
            "<p>See {} and <img src=\"/img/cat.png\" alt=\"cat\" />.</p>",
            chart_slot(1)
        )
    );
}

#[test]
fn a_reference_defined_after_a_chart_still_links() {
    let md =
        format!("Read [the thread][t].\n\n![stat]({CHART})\n\n[t]: https://lore.kernel.org/x@y/\n");
    let html = render_with_charts(&md, &[CHART]);
    assert!(
        html.contains("<a href=\"https://lore.kernel.org/x@y/\""),
        "{html}"
    );
    assert!(html.contains(&chart_slot(0)), "{html}");
    assert!(!html.contains("[t]"), "{html}");
}

#[test]
fn a_list_that_spans_a_chart_stays_one_list() {
    let md = format!("- first\n\n  ![stat]({CHART})\n\n- second\n");
    let html = render_with_charts(&md, &[CHART]);
    assert_eq!(html.matches("<ul>").count(), 1, "{html}");
    assert_eq!(html.matches("<li>").count(), 2, "{html}");
    let slot = html.find(&chart_slot(0)).expect(&html);
    assert!(html.find("first").unwrap() < slot && slot < html.find("second").unwrap());
}

#[test]
fn a_chart_in_code_is_shown_as_code() {
    let md = format!("`![s]({CHART})`\n\n```\n![s]({CHART})\n```\n");
    let html = render_with_charts(&md, &[CHART]);
    assert!(!html.contains(CHART_SLOT_CLASS), "{html}");
    assert_eq!(html.matches(CHART).count(), 2, "{html}");
}

#[test]
fn remote_images_become_links_naming_their_host_and_are_never_loaded() {
    let html = render("See ![a pixel](https://tracker.example/p.png?u=1) here.");
    assert!(!html.contains("<img"), "{html}");
    assert!(
        html.contains("<a class=\"remote-image\" href=\"https://tracker.example/p.png?u=1\""),
        "{html}"
    );
    assert!(
        html.contains(
            "a pixel <span class=\"remote-host\">(image on tracker.example, not loaded)</span></a>"
        ),
        "{html}"
    );
    for src in [
        "//cdn.example/x.png",
        "/\\cdn.example/x.png",
        " HTTP://cdn.example/x.png",
    ] {
        let html = render(&format!("![x](<{src}>)"));
        assert!(!html.contains("<img"), "{src}: {html}");
        assert!(html.contains("image on cdn.example"), "{src}: {html}");
    }
}

#[test]
fn the_archives_own_images_still_show() {
    let html = render("![own](/img/cat.png) ![rel](cat.png)");
    assert_eq!(html.matches("<img").count(), 2, "{html}");
    assert!(!html.contains("remote-image"), "{html}");
}

#[test]
fn a_remote_image_inside_a_link_adds_no_nested_anchor() {
    let html = render("[![badge](https://ci.example/b.svg)](https://ci.example/run/1)");
    assert!(!html.contains("<img"), "{html}");
    assert_eq!(html.matches("<a ").count(), 1, "{html}");
    assert!(
        html.contains("<span class=\"remote-image\">badge"),
        "{html}"
    );
}

#[test]
fn hosts_are_read_without_userinfo_or_path() {
    assert_eq!(
        host_of("https://user:pw@img.example:8080/a?b"),
        "img.example:8080"
    );
    assert_eq!(host_of("//cdn.example/x"), "cdn.example");
    assert_eq!(host_of("/\\cdn.example\\x"), "cdn.example");
}

#[test]
fn raw_html_is_shown_as_text() {
    let html = render("<script>alert(1)</script>\n\nhi <img src=x onerror=alert(2)>");
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
}

#[test]
fn javascript_and_data_links_are_neutralised() {
    for md in [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](java\tscript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:msgbox)",
        "<javascript:alert(1)>",
    ] {
        let html = render(md);
        assert!(
            !html.to_lowercase().contains("href=\"java"),
            "{md} -> {html}"
        );
        assert!(!html.contains("href=\"data:"), "{md} -> {html}");
        assert!(!html.contains("href=\"vbscript:"), "{md} -> {html}");
    }
}

#[test]
fn unsafe_images_are_not_loaded() {
    let html = render("![alt](javascript:alert(1))");
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("alt"));
}

#[test]
fn an_embedded_raster_image_shows_and_an_embedded_svg_or_other_data_does_not() {
    let png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    let html = render(&format!("![a dot]({png})"));
    assert!(
        html.contains(&format!("<img src=\"{png}\" alt=\"a dot\"")),
        "{html}"
    );
    for bad in [
        "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
        "data:text/html;base64,PHNjcmlwdD4=",
        "data:image/png,<svg>",
        "data:image/png;base64,",
        "data:image/png;base64,abc\"onerror=alert(1)",
    ] {
        let html = render(&format!("![x]({bad})"));
        assert!(!html.contains("<img"), "{bad} -> {html}");
    }
    assert!(is_embedded_image("DATA:image/JPEG;base64,/9j/4AAQ"));
    assert!(!is_embedded_image("data:image/gif;base64,R0l GOD"));
}

#[test]
fn external_links_get_noopener_noreferrer() {
    let html = render("[lore](https://lore.kernel.org/x@y/)");
    assert_eq!(
        html.trim(),
        "<p><a href=\"https://lore.kernel.org/x@y/\" rel=\"noopener noreferrer\">lore</a></p>"
    );
}

#[test]
fn bare_urls_become_links_without_trailing_punctuation() {
    let html = render("See https://lkml.kernel.org/r/a@b.com.");
    assert!(html.contains("<a href=\"https://lkml.kernel.org/r/a@b.com\" rel=\"noopener noreferrer\">https://lkml.kernel.org/r/a@b.com</a>."), "{html}");
}

#[test]
fn bare_urls_with_emphasis_markers_are_linked_whole() {
    let url = "https://lkml.kernel.org/r/CAHk-=wJ0QAQk0Gr-_CwDTFE71@mail.gmail.com";
    let html = render(&format!("Linus wrote {url} today"));
    assert!(html.contains(&format!("<a href=\"{url}\"")), "{html}");
    assert!(html.contains(&format!(">{url}</a> today")), "{html}");
}

#[test]
fn bare_urls_whose_underscores_pair_up_are_not_read_as_emphasis() {
    let url = "https://lkml.kernel.org/r/CAHk-=wc+_NuW2p3x_@mail.gmail.com";
    let html = render(&format!("Announced at {url} today."));
    assert!(!html.contains("<em>"), "{html}");
    assert!(html.contains(&format!("<a href=\"{url}\"")), "{html}");
}

#[test]
fn urls_in_code_are_left_alone() {
    let html = render("`https://x.org` and\n\n```\nhttps://y.org\n```\n");
    assert!(!html.contains("<a "), "{html}");
}

#[test]
fn attribute_breakout_is_escaped() {
    let html = render("[x](https://a.org/\"onmouseover=\"alert(1))");
    assert!(!html.contains("\" onmouseover"), "{html}");
    assert!(!html.contains("\"onmouseover=\""), "{html}");
}

#[test]
fn relative_paths_with_colons_are_not_schemes() {
    assert!(is_safe_url("/img/v6.7:x.png"));
    assert!(is_safe_url("#top"));
    assert!(!is_safe_url(" javascript:x"));
    assert!(!is_safe_url("file:///etc/passwd"));
}

#[test]
fn plain_text_keeps_what_a_reader_sees_and_drops_markup() {
    let md = "Four **stable** kernels \\& [the notes](https://lwn.net/Articles/1/),\nsee `x()`.\n\n- one\n- two\n\n<b>raw</b> https://lore.kernel.org/r/a@b\n";
    assert_eq!(
        plain_text(md),
        "Four stable kernels & the notes, see x().\none\ntwo\n<b>raw</b> https://lore.kernel.org/r/a@b\n"
    );
}

#[test]
fn tables_and_strikethrough_are_enabled_for_every_reader() {
    let html = render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~\n");
    assert!(html.contains("<table>"), "{html}");
    assert!(html.contains("<td>2</td>"), "{html}");
    assert!(html.contains("<del>gone</del>"), "{html}");
    assert!(options().contains(Options::ENABLE_TABLES));
    assert!(options().contains(Options::ENABLE_STRIKETHROUGH));
}

#[test]
fn plain_text_puts_table_cells_apart_and_rows_on_lines() {
    assert_eq!(
        plain_text("| a | b |\n|---|---|\n| 1 | 2 |\n"),
        "a b \n1 2 \n"
    );
    assert_eq!(
        plain_text("# Title\n\nline one  \nline two\n"),
        "Title\nline one line two\n"
    );
}

#[test]
fn a_chart_slot_is_an_empty_span_naming_its_index() {
    assert_eq!(
        chart_slot(3),
        "<span class=\"chart-slot\" data-chart=\"3\"></span>"
    );
}

#[test]
fn an_image_nested_in_a_charts_alt_text_is_dropped_with_it_and_what_follows_stays() {
    let md = format!("![a ![b](/b.png) c]({CHART}) after ![d](/d.png)");
    let html = render_with_charts(&md, &[CHART]);
    assert_eq!(
        html.trim(),
        format!(
            "<p>{} after <img src=\"/d.png\" alt=\"d\" /></p>",
            chart_slot(0)
        )
    );
}

#[test]
fn each_image_kind_is_drawn_its_own_way_side_by_side() {
    // Own image shown, remote one a link naming its host, unsafe one removed:
    // dropping every image, or keeping a remote one, changes this output.
    let html = render("![own](/a.png) ![far](https://far.example/b.png) ![bad](javascript:x)");
    assert_eq!(
        html.trim(),
        "<p><img src=\"/a.png\" alt=\"own\" /> \
         <a class=\"remote-image\" href=\"https://far.example/b.png\" \
         title=\"Open the image on far.example; it is not loaded with the page\" \
         rel=\"noopener noreferrer\">far <span class=\"remote-host\">(image on far.example, not loaded)</span></a> \
         <span class=\"image-removed\">bad</span></p>"
    );
}

#[test]
fn link_titles_are_kept_and_only_web_links_get_noopener() {
    assert_eq!(
        render("[a](http://old.example/ \"The <title>\")").trim(),
        "<p><a href=\"http://old.example/\" title=\"The &lt;title&gt;\" rel=\"noopener noreferrer\">a</a></p>"
    );
    assert_eq!(
        render("[b](/posts/x/) [c](mailto:a@b.org)").trim(),
        "<p><a href=\"/posts/x/\">b</a> <a href=\"mailto:a@b.org\">c</a></p>"
    );
}

#[test]
fn attributes_escape_all_five_special_characters() {
    assert_eq!(
        escape_attr("a&b<c>d\"e'f"),
        "a&amp;b&lt;c&gt;d&quot;e&#39;f"
    );
}

#[test]
fn schemes_are_read_as_browsers_read_them_without_spaces_and_controls() {
    for safe in [
        " https://a.org/",
        "ht\ttps://a.org/",
        "HTTP://a.org/",
        "mailto:a@b.org",
        "a.png",
        "?q=a:b",
    ] {
        assert!(is_safe_url(safe), "{safe:?}");
    }
    for unsafe_url in [
        "java\nscript:x",
        "java\u{1}script:x",
        "data:text/html,x",
        "javascript:x",
    ] {
        assert!(!is_safe_url(unsafe_url), "{unsafe_url:?}");
    }
}

#[test]
fn remote_means_an_absolute_web_url_or_a_protocol_relative_one() {
    for remote in [
        "https://a.org/x",
        "http://a.org/x",
        "//a.org/x",
        "\\\\a.org/x",
        " HTTPS://a.org",
    ] {
        assert!(is_remote(remote), "{remote:?}");
    }
    for own in [
        "/img/x.png",
        "x.png",
        "",
        "/",
        "data:image/png;base64,AA",
        "./x.png",
    ] {
        assert!(!is_remote(own), "{own:?}");
    }
}

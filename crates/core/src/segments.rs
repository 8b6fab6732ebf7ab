//! A markdown body cut into runs of markdown and the chart images the viewer
//! draws live in their place (`![Kernel release stat](/img/.../v6.7-rc4-only.png)`).

use crate::images::find_images;

/// One piece of a body, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment<'a> {
    Markdown(&'a str),
    /// Index into the `srcs` given to [`segments`].
    Chart(usize),
}

/// Cuts `markdown` at each image whose target is one of `srcs`, found by the
/// same [`find_images`] that made the bundler record them (so code spans,
/// fences and `<src>` read alike on both sides). Text around an image on its
/// line stays markdown; a recorded image that is not found leaves the body whole.
pub fn segments<'a>(markdown: &'a str, srcs: &[&str]) -> Vec<Segment<'a>> {
    let mut out = Vec::new();
    let mut start = 0;
    for image in find_images(markdown, 1) {
        let Some(chart) = srcs.iter().position(|s| *s == image.src) else {
            continue;
        };
        if image.span.start > start {
            out.push(Segment::Markdown(&markdown[start..image.span.start]));
        }
        out.push(Segment::Chart(chart));
        start = image.span.end;
    }
    if start < markdown.len() {
        out.push(Segment::Markdown(&markdown[start..]));
    }
    out.retain(|s| !matches!(s, Segment::Markdown(m) if m.trim().is_empty()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use Segment::*;

    const A: &str = "/img/kernel_release_stat/v5.16-rc5..v6.7-rc4.png";
    const B: &str = "/img/kernel_release_stat/v6.7-rc4-only.png";

    #[test]
    fn each_chart_image_becomes_a_slot_between_markdown_runs() {
        let md = format!(
            "Stats below.\n\n![Kernel release stat]({A})\n\nrc4 only:\n\n![rc4]({B} \"t\")\n"
        );
        assert_eq!(
            segments(&md, &[A, B]),
            [
                Markdown("Stats below.\n\n"),
                Chart(0),
                Markdown("\n\nrc4 only:\n\n"),
                Chart(1)
            ]
        );
    }

    #[test]
    fn images_in_fenced_code_and_other_images_stay_markdown() {
        let md = format!("```\n![x]({A})\n```\n![photo](/img/cat.png)\n");
        assert_eq!(segments(&md, &[A]), [Markdown(md.as_str())]);
    }

    #[test]
    fn text_around_the_image_on_its_line_is_kept() {
        let md = format!("See ![s]({A}) here");
        assert_eq!(
            segments(&md, &[A]),
            [Markdown("See "), Chart(0), Markdown(" here")]
        );
    }

    #[test]
    fn bracketed_targets_count_and_images_in_code_spans_do_not() {
        let md = format!("`![s]({A})` then ![s](<{A}>)");
        assert_eq!(
            segments(&md, &[A]),
            [Markdown(&md[..md.find(" then").unwrap() + 6]), Chart(0)]
        );
    }

    #[test]
    fn a_body_without_charts_is_one_run() {
        assert_eq!(segments("just text", &[]), [Markdown("just text")]);
        assert_eq!(segments("", &[A]), []);
    }
}

//! A markdown body cut into runs of markdown and the chart images the viewer
//! draws live in their place (`![Kernel release stat](/img/.../v6.7-rc4-only.png)`).

/// One piece of a body, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment<'a> {
    Markdown(&'a str),
    /// Index into the `srcs` given to [`segments`].
    Chart(usize),
}

/// Cuts `markdown` at each image whose target is one of `srcs` (outside fenced
/// code), so each such image becomes a [`Segment::Chart`]. Text around an
/// image on its line stays markdown; an image the bundler recorded but that
/// is not found leaves the body whole.
pub fn segments<'a>(markdown: &'a str, srcs: &[&str]) -> Vec<Segment<'a>> {
    let mut out = Vec::new();
    let mut fence: Option<&str> = None;
    let mut start = 0;
    let mut line_start = 0;
    for line in markdown.split_inclusive('\n') {
        let here = line_start;
        line_start += line.len();
        let trimmed = line.trim_start();
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
            continue;
        }
        let Some((at, len, chart)) = find_image(line, srcs) else {
            continue;
        };
        let (from, to) = (here + at, here + at + len);
        if from > start {
            out.push(Segment::Markdown(&markdown[start..from]));
        }
        out.push(Segment::Chart(chart));
        start = to;
    }
    if start < markdown.len() {
        out.push(Segment::Markdown(&markdown[start..]));
    }
    out.retain(|s| !matches!(s, Segment::Markdown(m) if m.trim().is_empty()));
    out
}

/// The first `![alt](src ...)` on `line` whose src is in `srcs`: byte offset, length, index.
fn find_image(line: &str, srcs: &[&str]) -> Option<(usize, usize, usize)> {
    let mut from = 0;
    while let Some(rel) = line[from..].find("![") {
        let at = from + rel;
        let rest = &line[at..];
        if let Some(close) = rest.find("](") {
            let target = &rest[close + 2..];
            if let Some(end) = target.find(')') {
                let src = target[..end].split_whitespace().next().unwrap_or("");
                if let Some(i) = srcs.iter().position(|s| *s == src) {
                    return Some((at, close + 2 + end + 1, i));
                }
            }
        }
        from = at + 2;
    }
    None
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
    fn a_body_without_charts_is_one_run() {
        assert_eq!(segments("just text", &[]), [Markdown("just text")]);
        assert_eq!(segments("", &[A]), []);
    }
}

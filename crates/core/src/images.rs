//! Markdown images with their file lines, as the
//! renderer's own parser (pulldown-cmark) reads them: the bundler records chart
//! images by them and the viewer draws live charts in the same places.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::markdown::options;

/// One image as the renderer sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    /// The destination, as the renderer resolves it (no `<>`, escapes and
    /// reference definitions resolved).
    pub src: String,
    /// 1-based file line of its `![`.
    pub line: u32,
}

/// Every image in `markdown`, whose first line is file line `first_line`.
///
/// An image in a code block or code span is text to the renderer, so it is
/// not one here either.
pub fn find_images(markdown: &str, first_line: u32) -> Vec<Image> {
    let mut out: Vec<Image> = Vec::new();
    // Lines are counted forwards from the last image, so the body is scanned once.
    let (mut counted_to, mut line) = (0, first_line);
    // Images nest inside alt text; only the outer one is on the page.
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                depth += 1;
                if depth > 1 {
                    continue;
                }
                let newlines =
                    memchr::memchr_iter(b'\n', &markdown.as_bytes()[counted_to..range.start]);
                line += newlines.count() as u32;
                counted_to = range.start;
                out.push(Image {
                    src: dest_url.into_string(),
                    line,
                });
            }
            Event::End(TagEnd::Image) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn srcs(md: &str) -> Vec<String> {
        find_images(md, 1).into_iter().map(|i| i.src).collect()
    }

    #[test]
    fn images_with_and_without_titles_and_their_lines() {
        let md = "text\n![a](/x.png) and ![b [c]](<y z.png> \"T\")\n\n![d](/w.png 'q')";
        let imgs = find_images(md, 40);
        let got: Vec<_> = imgs.iter().map(|i| (i.src.as_str(), i.line)).collect();
        assert_eq!(got, [("/x.png", 41), ("y z.png", 41), ("/w.png", 43)]);
    }

    #[test]
    fn lines_count_across_crlf_and_an_image_in_alt_text_is_not_one() {
        let md = "a\r\nsee ![x ![inner](/in.png)](<y.png> \"t\") end\n\n![z](w)";
        let got: Vec<_> = find_images(md, 1)
            .into_iter()
            .map(|i| (i.src, i.line))
            .collect();
        assert_eq!(got, [("y.png".to_string(), 2), ("w".to_string(), 4)]);
    }

    #[test]
    fn links_code_and_broken_syntax_are_not_images() {
        let md =
            "[a](/link.png) `![b](/span.png)` \\![c](/esc.png) ![d] (/gap.png) ![e](/open.png\n\
                  ```\n![f](/fenced.png)\n```\n~~~md\n![g](/tilde.png)\n~~~\n![h](/after.png)";
        assert_eq!(srcs(md), ["/after.png"]);
    }

    #[test]
    fn unclosed_code_span_is_literal_and_parens_balance() {
        assert_eq!(
            srcs("`` x ![a](/w_(1).png) ``` ![b](c)"),
            ["/w_(1).png", "c"]
        );
    }

    #[test]
    fn reference_images_resolve_to_their_definition() {
        let md = "intro\n\n![chart][stat]\n\n[stat]: /img/kernel_release_stat/v6.7.png\n";
        let imgs = find_images(md, 1);
        assert_eq!(imgs.len(), 1);
        assert_eq!(imgs[0].src, "/img/kernel_release_stat/v6.7.png");
        assert_eq!(imgs[0].line, 3);
    }

    #[test]
    fn indented_code_and_html_blocks_hide_images_as_the_renderer_does() {
        let md = "para\n\n    ![a](/indented.png)\n\n<div>\n![b](/html.png)\n</div>\n";
        assert!(srcs(md).is_empty(), "{:?}", srcs(md));
    }
}

//! Inline markdown images (`![alt](src "title")`) with their file lines and
//! byte spans, outside code: the bundler records chart images by them and the
//! viewer cuts bodies at the same places.

use crate::fence::Fences;

/// One inline image as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub alt: String,
    /// The destination as written, without the `<>` CommonMark allows around it.
    pub src: String,
    /// 1-based file line of its `![`.
    pub line: u32,
    /// Byte range of `![...](...)` in the markdown given to [`find_images`].
    pub span: std::ops::Range<usize>,
}

/// Every inline image in `markdown`, whose first line is file line `first_line`.
///
/// Fenced code blocks and code spans are skipped: an image there is shown as
/// text, so the viewer would have nothing to replace. Images are read within
/// one line, which is how every post writes them.
pub fn find_images(markdown: &str, first_line: u32) -> Vec<Image> {
    let mut out = Vec::new();
    let mut fences = Fences::default();
    let mut at = 0;
    for (i, raw) in markdown.split_inclusive('\n').enumerate() {
        let base = at;
        at += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if fences.is_code(line) {
            continue;
        }
        scan_line(line, first_line + i as u32, base, &mut out);
    }
    out
}

fn scan_line(line: &str, number: u32, base: usize, out: &mut Vec<Image>) {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'`' => {
                let run = run_of(b, i, b'`');
                // A run with no closing run of the same length is literal backticks.
                i = closing_run(b, i + run, run).map_or(i + run, |close| close + run);
            }
            b'!' if b.get(i + 1) == Some(&b'[') => match parse_image(line, i) {
                Some((alt, src, end)) => {
                    out.push(Image {
                        alt,
                        src,
                        line: number,
                        span: base + i..base + end,
                    });
                    i = end;
                }
                None => i += 2,
            },
            _ => i += 1,
        }
    }
}

fn run_of(b: &[u8], from: usize, ch: u8) -> usize {
    b[from..].iter().take_while(|c| **c == ch).count()
}

fn closing_run(b: &[u8], mut from: usize, len: usize) -> Option<usize> {
    while from < b.len() {
        if b[from] == b'`' {
            let run = run_of(b, from, b'`');
            if run == len {
                return Some(from);
            }
            from += run;
        } else {
            from += 1;
        }
    }
    None
}

/// Reads `![alt](src "title")` starting at `start`; returns alt, src and the index after `)`.
fn parse_image(line: &str, start: usize) -> Option<(String, String, usize)> {
    let b = line.as_bytes();
    let alt_start = start + 2;
    let mut i = alt_start;
    let mut depth = 0;
    loop {
        match *b.get(i)? {
            b'\\' => i += 1,
            b'[' => depth += 1,
            b']' if depth == 0 => break,
            b']' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    let alt = line[alt_start..i].to_string();
    i += 1;
    if b.get(i) != Some(&b'(') {
        return None;
    }
    i = skip_spaces(b, i + 1);
    let src;
    if b.get(i) == Some(&b'<') {
        let close = i + 1 + line[i + 1..].find('>')?;
        src = &line[i + 1..close];
        i = close + 1;
    } else {
        let from = i;
        let mut parens = 0;
        while let Some(&c) = b.get(i) {
            match c {
                b'\\' => i += 1,
                b'(' => parens += 1,
                b')' if parens == 0 => break,
                b')' => parens -= 1,
                c if c.is_ascii_whitespace() => break,
                _ => {}
            }
            i += 1;
        }
        src = line.get(from..i)?;
    }
    i = skip_spaces(b, i);
    if let Some(&open) = b.get(i).filter(|c| matches!(c, b'"' | b'\'' | b'(')) {
        let close = if open == b'(' { b')' } else { open };
        i += 1 + b[i + 1..].iter().position(|c| *c == close)? + 1;
        i = skip_spaces(b, i);
    }
    (b.get(i) == Some(&b')')).then(|| (alt, src.to_string(), i + 1))
}

fn skip_spaces(b: &[u8], from: usize) -> usize {
    from + b[from.min(b.len())..]
        .iter()
        .take_while(|c| c.is_ascii_whitespace())
        .count()
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
        let got: Vec<_> = imgs
            .iter()
            .map(|i| (i.alt.as_str(), i.src.as_str(), i.line))
            .collect();
        assert_eq!(
            got,
            [
                ("a", "/x.png", 41),
                ("b [c]", "y z.png", 41),
                ("d", "/w.png", 43)
            ]
        );
    }

    #[test]
    fn spans_cover_the_whole_image_across_lines_and_crlf() {
        let md = "a\r\nsee ![x](<y.png> \"t\") end\n![z](w)";
        let spans: Vec<&str> = find_images(md, 1)
            .iter()
            .map(|i| &md[i.span.clone()])
            .collect();
        assert_eq!(spans, ["![x](<y.png> \"t\")", "![z](w)"]);
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
}

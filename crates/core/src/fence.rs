//! Fenced code blocks (CommonMark): where one opens and closes, so scanners of
//! headings and images can skip what markdown shows as code.

/// The line without up to three leading spaces, as CommonMark allows for block
/// starts; `None` when indented further (four spaces make indented code).
pub fn unindent(line: &str) -> Option<&str> {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    (spaces <= 3).then(|| &line[spaces..])
}

/// Opens a fence? Its character (`` ` `` or `~`) and length.
pub fn opens_fence(line: &str) -> Option<(u8, usize)> {
    let rest = unindent(line)?;
    let ch = *rest.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = rest.bytes().take_while(|b| *b == ch).count();
    // A backtick fence's info string may not contain backticks (that is inline code).
    if len < 3 || (ch == b'`' && rest[len..].contains('`')) {
        return None;
    }
    Some((ch, len))
}

/// Closes the fence opened with `ch` repeated `len` times?
pub fn closes_fence(line: &str, ch: u8, len: usize) -> bool {
    unindent(line).is_some_and(|rest| {
        let n = rest.bytes().take_while(|b| *b == ch).count();
        n >= len && rest[n..].trim().is_empty()
    })
}

/// Follows fenced code blocks line by line, for scanners that skip code.
#[derive(Debug, Default, Clone, Copy)]
pub struct Fences {
    open: Option<(u8, usize)>,
}

impl Fences {
    /// Is `line` code: inside a fenced block, or one of its fences? Call it
    /// on every line in order; it tracks where blocks open and close.
    pub fn is_code(&mut self, line: &str) -> bool {
        match self.open {
            Some((ch, len)) => {
                if closes_fence(line, ch, len) {
                    self.open = None;
                }
                true
            }
            None => {
                self.open = opens_fence(line);
                self.open.is_some()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_open_with_three_and_close_with_at_least_as_many() {
        assert_eq!(opens_fence("```rust"), Some((b'`', 3)));
        assert_eq!(opens_fence("   ~~~~"), Some((b'~', 4)));
        assert_eq!(opens_fence("    ```"), None);
        assert_eq!(opens_fence("``` a`b"), None);
        assert_eq!(opens_fence("``"), None);
        assert!(closes_fence("~~~~~", b'~', 4));
        assert!(!closes_fence("~~~", b'~', 4));
        assert!(!closes_fence("``` x", b'`', 3));
    }

    #[test]
    fn fences_mark_their_own_lines_and_everything_between_as_code() {
        let mut f = Fences::default();
        let code: Vec<bool> = ["a", "````", "```", "# not a heading", "````", "b"]
            .iter()
            .map(|l| f.is_code(l))
            .collect();
        assert_eq!(code, [false, true, true, true, true, false]);
    }
}

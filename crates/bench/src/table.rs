//! Plain-text tables with aligned columns, and the number formats the report uses.

/// A table printed with a header, a rule, and columns padded to their widest
/// cell: text columns on the left, figures on the right so digits line up.
#[derive(Debug, Clone)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    /// How many leading columns hold text (left-aligned); the rest are figures.
    text_columns: usize,
}

impl Table {
    /// A table whose first column is text and the others figures.
    pub fn new(header: &[&str]) -> Table {
        Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            text_columns: 1,
        }
    }

    pub fn text_columns(mut self, n: usize) -> Table {
        self.text_columns = n;
        self
    }

    /// Adds a row; missing cells print empty, extra cells are an error of the caller.
    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        let cells: Vec<String> = cells.into_iter().map(Into::into).collect();
        assert!(
            cells.len() <= self.header.len(),
            "row has {} cells, the table {} columns",
            cells.len(),
            self.header.len()
        );
        self.rows.push(cells);
    }

    /// The table as lines, each prefixed with `indent`, trailing spaces trimmed.
    pub fn render(&self, indent: &str) -> String {
        let columns = self.header.len();
        let width = |c: usize| {
            std::iter::once(&self.header)
                .chain(&self.rows)
                .filter_map(|r| r.get(c))
                .map(|s| display_width(s))
                .max()
                .unwrap_or(0)
        };
        let widths: Vec<usize> = (0..columns).map(width).collect();
        let line = |cells: &[String]| {
            let mut out = String::from(indent);
            for (c, w) in widths.iter().enumerate() {
                let cell = cells.get(c).map(String::as_str).unwrap_or("");
                if c > 0 {
                    out.push_str("  ");
                }
                let pad = " ".repeat(w.saturating_sub(display_width(cell)));
                if c < self.text_columns {
                    out.push_str(cell);
                    out.push_str(&pad);
                } else {
                    out.push_str(&pad);
                    out.push_str(cell);
                }
            }
            out.trim_end().to_string()
        };
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        let mut lines = vec![line(&self.header), line(&rule)];
        lines.extend(self.rows.iter().map(|r| line(r)));
        lines.join("\n") + "\n"
    }
}

/// Terminal columns a text takes: East Asian wide characters (Hangul, CJK,
/// fullwidth forms) take two, so Korean queries do not push their row askew.
pub fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| match u32::from(c) {
            0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

/// `1234567` -> `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Decimal megabytes, as download and file sizes are usually quoted.
pub fn mb(bytes: u64) -> String {
    if bytes < 1_000_000 {
        format!("{:.1} KB", bytes as f64 / 1e3)
    } else {
        format!("{:.2} MB", bytes as f64 / 1e6)
    }
}

/// Binary mebibytes, as memory is.
pub fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// Milliseconds with about three significant digits.
pub fn ms(x: f64) -> String {
    if x < 10.0 {
        format!("{x:.3}")
    } else if x < 100.0 {
        format!("{x:.2}")
    } else {
        format!("{x:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_column_pads_left_and_figures_align_right() {
        let mut t = Table::new(&["what", "ms"]);
        t.row(["keystroke", "1.5"]);
        t.row(["facet", "12.25"]);
        assert_eq!(
            t.render("  "),
            "  what          ms\n  ---------  -----\n  keystroke    1.5\n  facet      12.25\n"
        );
    }

    #[test]
    fn hangul_takes_two_columns_and_short_rows_print_empty_cells() {
        let mut t = Table::new(&["query", "hits", "ms"]);
        t.row(["메모리", "7"]);
        t.row(["folio", "12"]);
        let out = t.render("");
        assert_eq!(out.lines().nth(2), Some("메모리     7"));
        assert_eq!(out.lines().nth(3), Some("folio     12"));
        assert!(out.lines().all(|l| l == l.trim_end()), "{out:?}");
    }

    #[test]
    fn two_text_columns_both_align_left() {
        let mut t = Table::new(&["size", "part", "n"]).text_columns(2);
        t.row(["1m", "x", "10"]);
        t.row(["sample", "yy", "5"]);
        assert_eq!(t.render("").lines().nth(2), Some("1m      x     10"));
    }

    #[test]
    fn display_width_counts_wide_characters_twice() {
        assert_eq!(display_width("folio"), 5);
        assert_eq!(display_width("메모리"), 6);
        assert_eq!(display_width("a·b"), 3);
    }

    #[test]
    fn thousands_groups_digits_in_threes() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn sizes_read_in_the_unit_people_expect() {
        assert_eq!(mb(328_000), "328.0 KB");
        assert_eq!(mb(12_345_678), "12.35 MB");
        assert_eq!(mib(3 * 1024 * 1024 / 2), "1.5 MiB");
    }

    #[test]
    fn milliseconds_keep_about_three_significant_digits() {
        assert_eq!(ms(0.01234), "0.012");
        assert_eq!(ms(12.345), "12.35");
        assert_eq!(ms(1234.56), "1234.6");
    }
}

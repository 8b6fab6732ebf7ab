//! Substring search in a text's ASCII-lowercased form, over the text's own bytes.
//!
//! Where full Unicode lowercasing of a text changes only its ASCII letters
//! (English, Korean, most of what the archive holds), finding a lowercased
//! needle in `text.to_lowercase()` is finding it here in `text` itself, so
//! the search index need not keep a lowercased copy of the text.

use memchr::arch::all::packedpair::Pair;
use memchr::{memchr, memchr2};

/// Whether the compiler may use vector instructions for the block loop; on
/// wasm32 without `simd128` it would be a byte-at-a-time loop, and memchr's
/// word-at-a-time search is faster there.
const VECTORS: bool = cfg!(any(
    target_feature = "sse2",
    target_feature = "simd128",
    target_feature = "neon"
));

/// Starts the vector loop tests per step: four 16-byte vectors of each probe
/// (16 or 32 were slower at 100k entries).
const BLOCK: usize = 64;

/// Whether `text.to_lowercase()` is `text.to_ascii_lowercase()`, so that
/// this finder over `text` finds what a search of its lowercased copy would.
pub fn lowercases_as_ascii(text: &str) -> bool {
    // `str::to_lowercase` is `char::to_lowercase` per character, but for `Σ`,
    // which changes either way. Decoded by hand, ASCII stepped over: through
    // `chars()` this took as long in wasm as lowercasing the text.
    if text.is_ascii() {
        return true;
    }
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let (len, bits) = match bytes[at] {
            b @ 0..=0x7F => (1, u32::from(b)),
            b @ 0xC0..=0xDF => (2, u32::from(b & 0x1F)),
            b @ 0xE0..=0xEF => (3, u32::from(b & 0x0F)),
            b => (4, u32::from(b & 0x07)),
        };
        if len > 1 {
            let tail = &bytes[at + 1..at + len];
            let code = tail.iter().fold(bits, |c, &b| c << 6 | u32::from(b & 0x3F));
            if !char::from_u32(code).is_some_and(lowercases_to_itself) {
                return false;
            }
        }
        at += len;
    }
    true
}

/// Whether `c` has no lowercase form of its own. Scripts and symbols with no
/// case, Korean first, answer without searching the case tables.
fn lowercases_to_itself(c: char) -> bool {
    // Hangul syllables, CJK punctuation and kana, CJK ideographs, general
    // punctuation, emoji.
    matches!(
        c,
        '\u{AC00}'..='\u{D7A3}'
            | '\u{3000}'..='\u{30FF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{2000}'..='\u{206F}'
            | '\u{1F300}'..='\u{1FAFF}'
    ) || {
        let mut lower = c.to_lowercase();
        lower.next() == Some(c) && lower.next().is_none()
    }
}

/// Finds `needle` in `hay.to_ascii_lowercase()` without building the latter.
#[derive(Debug, Clone)]
pub struct AsciiFinder<'n> {
    needle: &'n [u8],
    /// No ASCII-lowercased text holds a capital letter.
    impossible: bool,
    /// The needle's rarest byte by memchr's frequency table, and a second
    /// one: a start is checked in full only where both are in place.
    rare: Probe,
    other: Probe,
}

/// One needle byte the search tests before the whole needle.
#[derive(Debug, Clone, Copy)]
struct Probe {
    at: usize,
    byte: u8,
    /// Or-ed into a haystack byte before comparing: `A | 0x20` is `a`, so a
    /// letter matches in either case, while any other byte stays exact.
    fold: u8,
}

impl Probe {
    fn new(needle: &[u8], at: usize) -> Probe {
        let byte = needle.get(at).copied().unwrap_or(0);
        let fold = if byte.is_ascii_lowercase() { 0x20 } else { 0 };
        Probe { at, byte, fold }
    }

    fn matches(self, b: u8) -> bool {
        b | self.fold == self.byte
    }
}

impl<'n> AsciiFinder<'n> {
    pub fn new(needle: &'n [u8]) -> AsciiFinder<'n> {
        let (rare, other) = Pair::new(needle).map_or((0, 0), |p| (p.index1(), p.index2()));
        AsciiFinder {
            needle,
            impossible: needle.iter().any(u8::is_ascii_uppercase),
            rare: Probe::new(needle, usize::from(rare)),
            other: Probe::new(needle, usize::from(other)),
        }
    }

    pub fn needle(&self) -> &'n [u8] {
        self.needle
    }

    /// Where the needle first starts in `hay`, ASCII case aside.
    pub fn find(&self, hay: &[u8]) -> Option<usize> {
        if self.needle.is_empty() {
            return Some(0);
        }
        if self.impossible || hay.len() < self.needle.len() {
            return None;
        }
        // A single byte is what memchr does best, vectors or not.
        if VECTORS && self.needle.len() > 1 {
            self.find_by_blocks(hay)
        } else {
            self.find_by_memchr(hay)
        }
    }

    /// Every non-overlapping occurrence, left to right, as
    /// [`memchr::memmem::Finder::find_iter`] counts them.
    pub fn find_iter<'h>(&'h self, hay: &'h [u8]) -> impl Iterator<Item = usize> + 'h {
        let step = self.needle.len().max(1);
        let mut from = 0;
        std::iter::from_fn(move || {
            let at = from + self.find(hay.get(from..)?)?;
            from = at + step;
            Some(at)
        })
    }

    /// Whether the needle starts at `s`; `s + needle.len()` must be in `hay`.
    fn starts_at(&self, hay: &[u8], s: usize) -> bool {
        self.rare.matches(hay[s + self.rare.at])
            && self.other.matches(hay[s + self.other.at])
            && hay[s..s + self.needle.len()].eq_ignore_ascii_case(self.needle)
    }

    /// Tests both probes for `BLOCK` starts at once, in a branch-free loop
    /// over fixed-size arrays that the compiler turns into vector compares,
    /// and compares the whole needle only at starts where both matched.
    fn find_by_blocks(&self, hay: &[u8]) -> Option<usize> {
        let starts = hay.len() - self.needle.len() + 1;
        let (rare, other) = (self.rare, self.other);
        let block = |at: usize| -> &[u8; BLOCK] { hay[at..][..BLOCK].try_into().unwrap() };
        let mut s = 0;
        while s + BLOCK <= starts {
            let (x, y) = (block(s + rare.at), block(s + other.at));
            let mut hits = [0u8; BLOCK];
            for j in 0..BLOCK {
                hits[j] = u8::from(rare.matches(x[j]) & other.matches(y[j]));
            }
            // Eight starts per word: a word with no candidate is skipped whole.
            for (k, word) in hits.chunks_exact(8).enumerate() {
                let mut word = u64::from_le_bytes(word.try_into().unwrap());
                while word != 0 {
                    let at = s + k * 8 + word.trailing_zeros() as usize / 8;
                    if hay[at..at + self.needle.len()].eq_ignore_ascii_case(self.needle) {
                        return Some(at);
                    }
                    word &= word - 1;
                }
            }
            s += BLOCK;
        }
        (s..starts).find(|&at| self.starts_at(hay, at))
    }

    /// Jumps between occurrences of the rare byte (in either case) with memchr.
    fn find_by_memchr(&self, hay: &[u8]) -> Option<usize> {
        let starts = hay.len() - self.needle.len() + 1;
        let rare = self.rare;
        // Start `s` has its rare byte at `s + rare.at`.
        let window = &hay[rare.at..rare.at + starts];
        let mut from = 0;
        while from < starts {
            let rest = &window[from..];
            let hit = if rare.fold == 0 {
                memchr(rare.byte, rest)
            } else {
                memchr2(rare.byte, rare.byte ^ 0x20, rest)
            }?;
            let s = from + hit;
            if self.starts_at(hay, s) {
                return Some(s);
            }
            from = s + 1;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every start of `needle` in `hay` ASCII-lowercased, the plain way, and
    /// the non-overlapping ones among them.
    fn model(hay: &str, needle: &str) -> (Option<usize>, Vec<usize>) {
        let lower = hay.to_ascii_lowercase();
        let first = lower.find(needle);
        let all = lower.match_indices(needle).map(|(at, _)| at).collect();
        (first, all)
    }

    fn check(hay: &str, needle: &str) {
        let f = AsciiFinder::new(needle.as_bytes());
        let (first, all) = model(hay, needle);
        assert_eq!(f.find(hay.as_bytes()), first, "{needle:?} in {hay:?}");
        let found: Vec<usize> = f.find_iter(hay.as_bytes()).collect();
        assert_eq!(found, all, "{needle:?} in {hay:?}");
        // Both strategies, whichever this target uses.
        if hay.len() >= needle.len() && !needle.is_empty() && !f.impossible {
            assert_eq!(f.find_by_blocks(hay.as_bytes()), first, "blocks");
            assert_eq!(f.find_by_memchr(hay.as_bytes()), first, "memchr");
        }
    }

    #[test]
    fn text_is_found_over_its_own_bytes_where_lowercasing_changes_only_ascii() {
        assert!(lowercases_as_ascii("Fix THP: 메모리 사용량 😀 — “quoted”"));
        assert!(lowercases_as_ascii("straße, ünïcode, σ"));
        for changed in ["İstanbul", "STRAẞE", "ΣΟΦΙΑ", "5 \u{212A}", "Ünï"] {
            assert!(!lowercases_as_ascii(changed), "{changed}");
        }
    }

    #[test]
    fn the_caseless_blocks_answered_without_the_tables_really_have_no_case() {
        for c in ('\u{80}'..=char::MAX).filter(|&c| lowercases_to_itself(c)) {
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
    }

    #[test]
    fn finds_a_lowercase_needle_in_any_case() {
        check("Fix THP and thp split", "thp");
        check("CONFIG_NUMA=y", "config_numa");
        check("__GFP_ZERO", "__gfp_zero");
        check("Split_Huge_Page()", "split_huge_page()");
    }

    #[test]
    fn a_needle_with_a_capital_never_matches_lowercased_text() {
        check("THP", "THP");
        check("thp", "tHp");
    }

    #[test]
    fn non_letters_match_only_themselves() {
        // `@` | 0x20 is a backtick, `[` | 0x20 is `{`: neither may stand in for the other.
        check("a`b a@b", "a@b");
        check("{x} [x]", "[x]");
        check("_ \u{7f}", "_");
    }

    #[test]
    fn multibyte_text_matches_byte_for_byte() {
        check("메모리 사용량", "사용");
        check("메모리 사용량", "메모리 사");
        check("😀 Emoji 😀", "emoji 😀");
        check("Ünïcode", "ünï");
    }

    #[test]
    fn matches_near_block_edges_and_at_the_end_are_found() {
        for len in 0..=2 * BLOCK + 2 {
            for at in 0..len {
                let mut hay = "x".repeat(len);
                hay.replace_range(at..at + 1, "Q");
                check(&hay, "q");
                if at + 2 <= len {
                    hay.replace_range(at + 1..at + 2, "Z");
                    check(&hay, "qz");
                }
            }
        }
        let long = format!("{}FOLIO{}folio", "a".repeat(61), "b".repeat(33));
        check(&long, "folio");
    }

    #[test]
    fn a_probe_passes_its_letter_in_either_case_and_nothing_else() {
        let letter = Probe::new(b"xa", 1);
        assert!(letter.matches(b'a') && letter.matches(b'A'));
        assert!(!letter.matches(b'b') && !letter.matches(b'!'));
        // `@` | 0x20 is a backtick: a non-letter probe does not fold.
        let at_sign = Probe::new(b"@", 0);
        assert!(at_sign.matches(b'@'));
        assert!(!at_sign.matches(b'`') && !at_sign.matches(b'a'));
    }

    #[test]
    fn counting_does_not_overlap_and_an_empty_needle_is_everywhere() {
        check("aAaA", "aa");
        check("AAA", "aa");
        check("abc", "");
        check("", "");
        check("", "a");
        check("ab", "abc");
    }
}

//! A Bloom filter per text of the byte pairs in it, ASCII case folded: which texts cannot hold a needle.
//!
//! Reading a text costs more than its length: the bundle's bodies lie
//! scattered through memory, so each one read is a cache miss or several.
//! A needle can only occur in a text holding every pair of adjacent bytes
//! of the needle, so the filter, a bit per text byte in one array read in
//! order, rules most texts out before they are read.

/// The filters of a sequence of texts, one after another in one array.
#[derive(Debug, Clone, Default)]
pub struct BigramFilter {
    words: Vec<u64>,
    /// Text `i`'s filter is `words[starts[i]..starts[i + 1]]`; one extra end offset.
    starts: Vec<u32>,
}

/// A needle's byte pairs, hashed once for every filter it is tested against.
#[derive(Debug, Clone)]
pub struct Pairs(Vec<u32>);

impl Pairs {
    /// The pairs of an (already lowercased) needle; a needle shorter than two
    /// bytes has none, and then every text may hold it.
    pub fn new(needle: &[u8]) -> Pairs {
        let mut hashes = Vec::new();
        for w in needle.windows(2) {
            // Needles are short: a linear look beats sorting, and costs the
            // wasm build no sort routine of its own.
            if !hashes.contains(&hash(w[0], w[1])) {
                hashes.push(hash(w[0], w[1]));
            }
        }
        Pairs(hashes)
    }
}

/// The pair `a`, `b`, case folded and mixed so the filter's bits are spread evenly.
fn hash(a: u8, b: u8) -> u32 {
    mix(u32::from(a.to_ascii_lowercase()) << 8 | u32::from(b.to_ascii_lowercase()))
}

/// Fibonacci hashing: the product's high bits, which [`bit`] takes, depend
/// on every bit of the pair.
fn mix(pair: u32) -> u32 {
    pair.wrapping_mul(0x9E37_79B1)
}

/// Bit `hash` maps to in a filter of `bits` bits: the high half of the
/// product, so any size works, not only powers of two.
fn bit(hash: u32, bits: u64) -> usize {
    ((u64::from(hash) * bits) >> 32) as usize
}

impl BigramFilter {
    pub fn with_capacity(bytes: usize, texts: usize) -> BigramFilter {
        BigramFilter {
            words: Vec::with_capacity(bytes / 64 + texts),
            starts: Vec::with_capacity(texts + 1),
        }
    }

    /// Adds the filter of the next text: as many bits as it has bytes, in
    /// whole words. At 100k entries 40 % of the bits are set, and `kexec`
    /// (four pairs) gets past about one body in eleven of those without it.
    pub fn push(&mut self, text: &[u8]) {
        let start = self.words.len();
        self.starts.push(start as u32);
        self.words.resize(start + text.len().div_ceil(64), 0);
        let filter = &mut self.words[start..];
        let bits = filter.len() as u64 * 64;
        let Some((&first, rest)) = text.split_first() else {
            return;
        };
        // `hash` pair by pair, each byte folded once.
        let mut prev = u32::from(first.to_ascii_lowercase()) << 8;
        for &b in rest {
            let next = u32::from(b.to_ascii_lowercase());
            let b = bit(mix(prev | next), bits);
            filter[b / 64] |= 1 << (b % 64);
            prev = next << 8;
        }
    }

    pub fn finish(&mut self) {
        self.starts.push(self.words.len() as u32);
        self.words.shrink_to_fit();
    }

    /// Whether text `i` may hold a needle with these pairs; `false` is sure.
    pub fn may_contain(&self, i: usize, pairs: &Pairs) -> bool {
        let filter = &self.words[self.starts[i] as usize..self.starts[i + 1] as usize];
        let bits = filter.len() as u64 * 64;
        (pairs.0.iter())
            .all(|&h| bits > 0 && filter[bit(h, bits) / 64] & (1 << (bit(h, bits) % 64)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(texts: &[&str]) -> BigramFilter {
        let mut f = BigramFilter::with_capacity(0, texts.len());
        texts.iter().for_each(|t| f.push(t.as_bytes()));
        f.finish();
        f
    }

    #[test]
    fn a_text_holding_the_needle_in_any_case_always_passes() {
        let texts = [
            "Fix THP split",
            "CONFIG_NUMA=y",
            "메모리 사용량",
            &"x".repeat(200),
        ];
        let f = filter(&texts);
        for (i, needle) in ["thp split", "config_numa", "사용", "xx"]
            .iter()
            .enumerate()
        {
            assert!(f.may_contain(i, &Pairs::new(needle.as_bytes())), "{needle}");
        }
    }

    #[test]
    fn a_needle_of_one_byte_passes_everywhere_and_an_empty_text_holds_no_pair() {
        let f = filter(&["", "a"]);
        assert!(f.may_contain(0, &Pairs::new(b"q")));
        assert!(f.may_contain(1, &Pairs::new(b"")));
        assert!(!f.may_contain(0, &Pairs::new(b"ab")));
        assert!(
            !f.may_contain(1, &Pairs::new(b"ab")),
            "one byte holds no pair"
        );
    }

    #[test]
    fn most_texts_without_the_needle_are_ruled_out() {
        let texts: Vec<String> = (0..200)
            .map(|i| format!("Patch {i}: mm/damon, folio reclaim and the page cache, take {i}"))
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let f = filter(&refs);
        let pairs = Pairs::new(b"kexec_load");
        let passed = (0..texts.len())
            .filter(|&i| f.may_contain(i, &pairs))
            .count();
        assert!(passed < 20, "{passed} of 200 passed");
    }
}

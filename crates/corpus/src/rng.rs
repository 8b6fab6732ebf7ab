//! A small seeded PRNG (SplitMix64) and the sampling helpers the generator needs.

/// SplitMix64: tiny, fast, and its output depends only on the seed, so a tree
/// is reproducible on every platform without pulling in a rand crate.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// An independent stream for `(seed, stream, index)`: posts get their own
    /// stream so planning and writing never disturb each other's draws.
    pub fn derive(seed: u64, stream: u64, index: u64) -> Self {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F));
        r.0 ^= r.next_u64() ^ index.wrapping_mul(0xE703_7ED1_A0B4_28DB);
        Rng(r.next_u64())
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (multiply-shift; the bias is far below anything a
    /// corpus could show). `n == 0` gives 0.
    pub fn below(&mut self, n: u64) -> u64 {
        ((self.next_u64() as u128 * n as u128) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below(u64::from(hi - lo) + 1) as u32
    }

    /// Uniform in `[0, 1)` with 53 bits.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// `num` in `den`, exactly, for shares measured as counts.
    pub fn ratio(&mut self, num: u32, den: u32) -> bool {
        self.below(u64::from(den)) < u64::from(num)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// A word from a word list.
    pub fn word(&mut self, words: &[&'static str]) -> &'static str {
        words[self.below(words.len() as u64) as usize]
    }

    /// Picks by integer weights (the measured counts); zero-weight items never come up.
    pub fn weighted<'a, T>(&mut self, items: &'a [T], weight: impl Fn(&T) -> u32) -> &'a T {
        let total: u64 = items.iter().map(|i| u64::from(weight(i))).sum();
        let mut left = self.below(total);
        for item in items {
            let w = u64::from(weight(item));
            if left < w {
                return item;
            }
            left -= w;
        }
        unreachable!("weights sum to `total`")
    }

    /// `(value, count)` tables, the usual shape of a measured histogram.
    pub fn histogram<T: Copy>(&mut self, table: &[(T, u32)]) -> T {
        self.weighted(table, |&(_, w)| w).0
    }

    /// Inverse CDF over measured quantiles `(p, value)`, linear in between, so
    /// lengths follow the real spread rather than a textbook distribution.
    pub fn quantile(&mut self, table: &[(f64, u32)]) -> u32 {
        let u = self.unit();
        for pair in table.windows(2) {
            let ((p0, v0), (p1, v1)) = (pair[0], pair[1]);
            if u <= p1 {
                let t = if p1 > p0 { (u - p0) / (p1 - p0) } else { 0.0 };
                return (f64::from(v0) + t * (f64::from(v1) - f64::from(v0))).round() as u32;
            }
        }
        table.last().map_or(0, |&(_, v)| v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        assert_ne!(Rng::new(7).next_u64(), Rng::new(8).next_u64());
    }

    #[test]
    fn derived_streams_differ_by_index_and_stream() {
        let a = Rng::derive(1, 1, 0).next_u64();
        assert_ne!(a, Rng::derive(1, 1, 1).next_u64());
        assert_ne!(a, Rng::derive(1, 2, 0).next_u64());
        assert_eq!(a, Rng::derive(1, 1, 0).next_u64());
    }

    #[test]
    fn below_and_range_stay_in_bounds() {
        let mut r = Rng::new(3);
        for _ in 0..10_000 {
            assert!(r.below(5) < 5);
            let x = r.range(2, 4);
            assert!((2..=4).contains(&x));
        }
        assert_eq!(r.below(0), 0);
    }

    #[test]
    fn weighted_follows_the_weights() {
        let mut r = Rng::new(11);
        let table = [('a', 1), ('b', 0), ('c', 3)];
        let mut counts = [0u32; 3];
        for _ in 0..40_000 {
            match r.histogram(&table) {
                'a' => counts[0] += 1,
                'b' => counts[1] += 1,
                _ => counts[2] += 1,
            }
        }
        assert_eq!(counts[1], 0);
        let share = f64::from(counts[2]) / 40_000.0;
        assert!((share - 0.75).abs() < 0.01, "{share}");
    }

    #[test]
    fn quantile_interpolates_between_points() {
        let mut r = Rng::new(5);
        let table = [(0.0, 10), (0.5, 20), (1.0, 100)];
        let mut below_20 = 0;
        for _ in 0..20_000 {
            let v = r.quantile(&table);
            assert!((10..=100).contains(&v));
            if v <= 20 {
                below_20 += 1;
            }
        }
        let share = f64::from(below_20) / 20_000.0;
        assert!((share - 0.5).abs() < 0.02, "{share}");
    }
}

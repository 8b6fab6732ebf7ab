//! A fixed-size bitset over entry numbers: facet filtering and counting in
//! word-wide AND/OR/popcount, so 250,000 entries are 3,907 words per set.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bitset {
    words: Vec<u64>,
    len: usize,
}

impl Bitset {
    pub fn empty(len: usize) -> Bitset {
        Bitset {
            words: vec![0; len.div_ceil(64)],
            len,
        }
    }

    pub fn full(len: usize) -> Bitset {
        let mut b = Bitset {
            words: vec![u64::MAX; len.div_ceil(64)],
            len,
        };
        b.clear_tail();
        b
    }

    /// Bits past `len` stay zero so counts never see them.
    fn clear_tail(&mut self) {
        if let (Some(last), rem) = (self.words.last_mut(), self.len % 64) {
            if rem != 0 {
                *last &= (1u64 << rem) - 1;
            }
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn insert(&mut self, i: usize) {
        assert!(i < self.len, "bit {i} outside a set of {}", self.len);
        self.words[i / 64] |= 1 << (i % 64);
    }

    pub fn contains(&self, i: usize) -> bool {
        i < self.len && self.words[i / 64] & (1 << (i % 64)) != 0
    }

    pub fn intersect_with(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    pub fn union_with(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// Removes every member of `other`.
    pub fn subtract(&mut self, other: &Bitset) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= !b;
        }
    }

    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// `|self ∩ other|` without building the intersection.
    pub fn count_and(&self, other: &Bitset) -> usize {
        self.words
            .iter()
            .zip(&other.words)
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }

    /// Set bits in ascending order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(wi, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let bit = w.trailing_zeros() as usize;
                w &= w - 1;
                Some(wi * 64 + bit)
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_set_counts_exactly_len_even_off_word_boundaries() {
        for len in [0, 1, 63, 64, 65, 130] {
            assert_eq!(Bitset::full(len).count(), len);
            assert_eq!(Bitset::empty(len).count(), 0);
        }
    }

    #[test]
    fn a_set_has_the_length_it_was_made_with_whatever_its_members() {
        for len in [1, 63, 64, 130] {
            assert_eq!(Bitset::empty(len).len(), len);
            assert_eq!(Bitset::full(len).len(), len);
            assert!(!Bitset::empty(len).is_empty(), "{len} bits, none set");
        }
        assert_eq!(Bitset::full(0).len(), 0);
        assert!(Bitset::empty(0).is_empty() && Bitset::full(0).is_empty());
    }

    #[test]
    fn no_bit_past_the_end_is_a_member() {
        for len in [63, 64, 128] {
            let full = Bitset::full(len);
            assert!(full.contains(len - 1));
            assert!(!full.contains(len) && !full.contains(len + 1), "{len}");
        }
    }

    #[test]
    fn counting_the_common_members_counts_only_those_in_both() {
        let mut a = Bitset::empty(100);
        let mut b = Bitset::empty(100);
        for i in [1, 2, 3, 70] {
            a.insert(i);
        }
        b.insert(2);
        b.insert(99);
        assert_eq!(a.count_and(&b), 1);
        assert_eq!(b.count_and(&a), 1);
        assert_eq!(a.count_and(&a), 4);
    }

    #[test]
    fn and_or_count_and_iter_agree() {
        let mut a = Bitset::empty(200);
        let mut b = Bitset::empty(200);
        for i in [0, 5, 64, 130, 199] {
            a.insert(i);
        }
        for i in [5, 64, 100, 199] {
            b.insert(i);
        }
        assert_eq!(a.count_and(&b), 3);
        let mut both = a.clone();
        both.intersect_with(&b);
        assert_eq!(both.iter().collect::<Vec<_>>(), [5, 64, 199]);
        let mut only_a = a.clone();
        only_a.subtract(&b);
        assert_eq!(only_a.iter().collect::<Vec<_>>(), [0, 130]);
        let mut either = a.clone();
        either.union_with(&b);
        assert_eq!(either.count(), 6);
        assert!(either.contains(100) && !either.contains(101) && !either.contains(999));
    }

    #[test]
    #[should_panic(expected = "outside")]
    fn inserting_past_the_end_is_a_bug() {
        Bitset::empty(3).insert(3);
    }
}

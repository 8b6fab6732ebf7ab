//! The generators and settings both fuzz targets share (core's and the bundler's): case count, text soups, byte mutations.
//!
//! Not a test target of its own (Cargo reads only `tests/*.rs`); each
//! `tests/fuzz.rs` includes it as a module, the bundler's by path.

use proptest::prelude::*;
use proptest::test_runner::Config;

/// Cases per target: `FUZZ_CASES`, or a default that keeps a debug `cargo test` quick.
pub fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1500)
}

pub fn config() -> Config {
    Config {
        cases: cases(),
        // Findings are kept as regression tests in code, not as seed files.
        failure_persistence: None,
        ..Config::default()
    }
}

/// Text built from `pieces`, single arbitrary characters, short arbitrary
/// strings and runs of one piece (up to 1,500 long), up to `max` parts.
pub fn soup(pieces: &'static [&'static str], max: usize) -> BoxedStrategy<String> {
    let piece = prop::sample::select(pieces);
    let part = prop_oneof![
        8 => piece.clone().prop_map(str::to_string),
        2 => any::<char>().prop_map(String::from),
        1 => "\\PC{0,6}",
        // Long runs: a few hundred nest deep enough to overflow a debug stack
        // in a parser that recurses per level.
        1 => (piece, prop_oneof![9 => 2usize..64, 1 => 64usize..1500]).prop_map(|(p, n)| p.repeat(n)),
    ];
    prop::collection::vec(part, 0..max)
        .prop_map(|parts| parts.concat())
        .boxed()
}

/// Arbitrary text: mostly a soup of `pieces`, sometimes any string at all.
pub fn text(pieces: &'static [&'static str], max: usize) -> BoxedStrategy<String> {
    prop_oneof![4 => soup(pieces, max), 1 => any::<String>()].boxed()
}

/// One edit of a byte string: at a position (taken modulo its length) flip a
/// bit, insert or delete a byte, insert one of the format's pieces, or cut the rest off.
#[derive(Debug, Clone)]
pub enum Mutation {
    Flip(usize, u8),
    Insert(usize, u8),
    Delete(usize),
    Splice(usize, &'static str),
    Truncate(usize),
}

/// A [`Mutation`] whose splices insert one of `pieces`.
pub fn mutation(pieces: &'static [&'static str]) -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip(at, bit)),
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Mutation::Insert(at, b)),
        any::<usize>().prop_map(Mutation::Delete),
        (any::<usize>(), prop::sample::select(pieces)).prop_map(|(at, p)| Mutation::Splice(at, p)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

pub fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len();
        let at = |i: usize| if len == 0 { 0 } else { i % len };
        match *m {
            Mutation::Flip(i, bit) if len > 0 => bytes[at(i)] ^= 1 << bit,
            Mutation::Insert(i, b) => bytes.insert(at(i), b),
            Mutation::Delete(i) if len > 0 => {
                bytes.remove(at(i));
            }
            Mutation::Splice(i, piece) => {
                let i = at(i);
                bytes.splice(i..i, piece.bytes());
            }
            // Rarely: most mutated inputs should stay long enough to hold
            // something (a bundle's posts, a feed's item).
            Mutation::Truncate(i) if i % 8 == 0 => bytes.truncate(at(i / 8)),
            _ => {}
        }
    }
    bytes
}

//! Body length facts measured on the real corpus: prose bytes and paragraphs per entry.

use crate::shapes::Lang;

/// Prose bytes of an entry body (links and chart block excluded), measured
/// quantiles `(p, bytes)` per language, for other entries and for the release entry.
pub const PROSE_EN: &[(f64, u32)] = &[
    (0.0, 17),
    (0.05, 53),
    (0.1, 66),
    (0.2, 79),
    (0.3, 95),
    (0.4, 112),
    (0.5, 126),
    (0.6, 148),
    (0.7, 167),
    (0.8, 200),
    (0.9, 261),
    (0.95, 315),
    (0.99, 451),
    (1.0, 1836),
];
pub const PROSE_EN_RELEASE: &[(f64, u32)] = &[
    (0.0, 70),
    (0.1, 93),
    (0.2, 125),
    (0.3, 157),
    (0.4, 184),
    (0.5, 200),
    (0.6, 233),
    (0.7, 260),
    (0.8, 307),
    (0.9, 357),
    (0.95, 449),
    (1.0, 705),
];
pub const PROSE_KO: &[(f64, u32)] = &[
    (0.0, 55),
    (0.05, 73),
    (0.1, 103),
    (0.2, 152),
    (0.3, 234),
    (0.4, 275),
    (0.5, 330),
    (0.6, 404),
    (0.7, 506),
    (0.8, 721),
    (0.9, 1008),
    (0.95, 1215),
    (0.99, 1627),
    (1.0, 2690),
];
pub const PROSE_KO_RELEASE: &[(f64, u32)] = &[
    (0.0, 113),
    (0.05, 155),
    (0.1, 210),
    (0.2, 262),
    (0.3, 292),
    (0.4, 384),
    (0.5, 430),
    (0.6, 508),
    (0.7, 594),
    (0.8, 889),
    (0.9, 1013),
    (0.95, 1824),
    (1.0, 4479),
];

/// Paragraphs per entry body.
pub const PARAS_EN: &[(u32, u32)] = &[(1, 270), (2, 6), (6, 1)];
pub const PARAS_EN_RELEASE: &[(u32, u32)] = &[(1, 47), (2, 6)];
pub const PARAS_KO: &[(u32, u32)] = &[(1, 81), (2, 19), (3, 13), (4, 4), (5, 1), (6, 1)];
pub const PARAS_KO_RELEASE: &[(u32, u32)] = &[(1, 20), (2, 18), (3, 7), (4, 3), (6, 3), (8, 1)];

/// Measured quantiles `(p, value)`.
pub type Quantiles = &'static [(f64, u32)];
/// Measured counts `(value, count)`.
pub type Histogram = &'static [(u32, u32)];

pub fn prose_tables(lang: Lang, release: bool) -> (Quantiles, Histogram) {
    match (lang, release) {
        (Lang::En, false) => (PROSE_EN, PARAS_EN),
        (Lang::En, true) => (PROSE_EN_RELEASE, PARAS_EN_RELEASE),
        (Lang::Ko, false) => (PROSE_KO, PARAS_KO),
        (Lang::Ko, true) => (PROSE_KO_RELEASE, PARAS_KO_RELEASE),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantile_tables_are_monotonic() {
        for lang in [Lang::En, Lang::Ko] {
            for release in [false, true] {
                let (q, paras) = prose_tables(lang, release);
                assert_eq!(q.first().unwrap().0, 0.0);
                assert_eq!(q.last().unwrap().0, 1.0);
                assert!(q.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 <= w[1].1));
                assert!(paras.iter().all(|&(n, _)| n >= 1));
            }
        }
    }
}

//! Summaries of timing samples: nearest-rank percentiles, median and minimum.

use serde::Serialize;

/// p50, p95 and max of a set of samples, in the samples' unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Spread {
    pub p50: f64,
    pub p95: f64,
    pub max: f64,
}

impl Spread {
    /// `None` for no samples: a figure of nothing would read as a real zero.
    pub fn of(samples: &[f64]) -> Option<Spread> {
        let sorted = sorted(samples)?;
        Some(Spread {
            p50: percentile_sorted(&sorted, 50.0),
            p95: percentile_sorted(&sorted, 95.0),
            max: sorted[sorted.len() - 1],
        })
    }
}

/// Median and minimum, for a handful of end-to-end runs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Runs {
    pub median: f64,
    pub min: f64,
}

impl Runs {
    pub fn of(samples: &[f64]) -> Option<Runs> {
        let sorted = sorted(samples)?;
        Some(Runs {
            median: median_sorted(&sorted),
            min: sorted[0],
        })
    }
}

fn sorted(samples: &[f64]) -> Option<Vec<f64>> {
    if samples.is_empty() {
        return None;
    }
    let mut v = samples.to_vec();
    v.sort_by(f64::total_cmp);
    Some(v)
}

/// Nearest-rank percentile: always one of the samples, so a p95 of 20
/// samples is the 19th and never an interpolated time nobody measured.
pub fn percentile_sorted(sorted: &[f64], p: f64) -> f64 {
    assert!(!sorted.is_empty(), "percentile of no samples");
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// The middle sample, or the mean of the two middle ones.
pub fn median_sorted(sorted: &[f64]) -> f64 {
    assert!(!sorted.is_empty(), "median of no samples");
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles_pick_a_measured_sample() {
        let v: Vec<f64> = (1..=20).map(f64::from).collect();
        assert_eq!(percentile_sorted(&v, 50.0), 10.0);
        assert_eq!(percentile_sorted(&v, 95.0), 19.0);
        assert_eq!(percentile_sorted(&v, 100.0), 20.0);
        assert_eq!(percentile_sorted(&v, 0.0), 1.0);
    }

    #[test]
    fn one_sample_is_every_percentile() {
        assert_eq!(
            Spread::of(&[3.5]),
            Some(Spread {
                p50: 3.5,
                p95: 3.5,
                max: 3.5
            })
        );
    }

    #[test]
    fn spread_ignores_sample_order() {
        let s = Spread::of(&[5.0, 1.0, 4.0, 2.0, 3.0]).unwrap();
        assert_eq!((s.p50, s.p95, s.max), (3.0, 5.0, 5.0));
    }

    #[test]
    fn no_samples_give_no_figure() {
        assert_eq!(Spread::of(&[]), None);
        assert_eq!(Runs::of(&[]), None);
    }

    #[test]
    fn median_of_even_count_is_mean_of_middle_pair() {
        assert_eq!(
            Runs::of(&[4.0, 1.0, 3.0, 2.0]),
            Some(Runs {
                median: 2.5,
                min: 1.0
            })
        );
        assert_eq!(Runs::of(&[2.0, 9.0, 1.0]).unwrap().median, 2.0);
    }
}

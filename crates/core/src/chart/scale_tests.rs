//! Y scales: decade and 1/2/5 ticks, monotonic mapping inside the plot, compact labels.

use super::*;

fn tick_values(s: &YScale) -> Vec<u64> {
    s.ticks().iter().map(|t| t.value).collect()
}

fn tick_labels(s: &YScale) -> Vec<String> {
    s.ticks().into_iter().map(|t| t.label).collect()
}

#[test]
fn log_ticks_are_the_decades_covering_min_to_max() {
    let s = YScale::log([85, 1007, 39_923, 78_112], 10.0, 210.0);
    assert_eq!(tick_values(&s), [10, 100, 1_000, 10_000, 100_000]);
    assert_eq!(tick_labels(&s), ["10", "100", "1k", "10k", "100k"]);
    let s = YScale::log([120, 1_650_000], 0.0, 100.0);
    assert_eq!(tick_labels(&s), ["100", "1k", "10k", "100k", "1M", "10M"]);
}

#[test]
fn log_ticks_at_exact_decades_do_not_add_a_decade() {
    let s = YScale::log([100, 10_000], 0.0, 100.0);
    assert_eq!(tick_values(&s), [100, 1_000, 10_000]);
    assert_eq!(s.domain(), (100, 10_000));
}

#[test]
fn log_axis_of_one_value_still_spans_a_decade() {
    let s = YScale::log([100], 0.0, 100.0);
    assert_eq!(tick_values(&s), [100, 1_000]);
    let s = YScale::log([5, 5], 0.0, 100.0);
    assert_eq!(tick_values(&s), [1, 10]);
}

#[test]
fn log_axis_ignores_zero_and_cannot_place_it() {
    let s = YScale::log([0, 50, 700], 0.0, 100.0);
    assert_eq!(tick_values(&s), [10, 100, 1_000]);
    assert_eq!(s.y(0), None);
    assert!(s.y(50).is_some());
    let empty = YScale::log([0, 0], 0.0, 100.0);
    assert_eq!(tick_values(&empty), [1, 10]);
}

#[test]
fn log_axis_places_decades_evenly() {
    let s = YScale::log([1_000, 100_000], 0.0, 200.0);
    assert_eq!(s.y(1_000), Some(200.0));
    assert_eq!(s.y(10_000), Some(100.0));
    assert_eq!(s.y(100_000), Some(0.0));
}

#[test]
fn linear_ticks_use_1_2_5_steps_from_zero() {
    let s = YScale::linear([6_726, 1_000], 0.0, 100.0);
    assert_eq!(tick_values(&s), [0, 2_000, 4_000, 6_000, 8_000]);
    let s = YScale::linear([78_112], 0.0, 100.0);
    assert_eq!(tick_labels(&s), ["0", "20k", "40k", "60k", "80k"]);
    let s = YScale::linear([2_400], 0.0, 100.0);
    assert_eq!(tick_values(&s), [0, 500, 1_000, 1_500, 2_000, 2_500]);
    assert_eq!(tick_labels(&s)[3], "1.5k");
    let s = YScale::linear([1_000_000], 0.0, 100.0);
    assert_eq!(
        tick_values(&s),
        [0, 200_000, 400_000, 600_000, 800_000, 1_000_000]
    );
}

#[test]
fn linear_steps_are_always_1_2_or_5_times_a_power_of_ten() {
    for max in [3, 7, 9, 11, 49, 51, 99, 101, 999, 12_345, 987_654, 1 << 40] {
        let t = tick_values(&YScale::linear([max], 0.0, 100.0));
        let step = t[1] - t[0];
        let mut m = step;
        while m.is_multiple_of(10) {
            m /= 10;
        }
        assert!(matches!(m, 1 | 2 | 5), "max {max}: step {step}");
        assert!(*t.last().unwrap() >= max, "max {max}: ticks {t:?}");
        assert!((3..=6).contains(&t.len()), "max {max}: ticks {t:?}");
    }
}

#[test]
fn linear_axis_of_nothing_or_zeros_is_zero_to_one() {
    assert_eq!(tick_values(&YScale::linear([], 0.0, 100.0)), [0, 1]);
    assert_eq!(tick_values(&YScale::linear([0, 0], 0.0, 100.0)), [0, 1]);
}

#[test]
fn value_to_y_is_monotonic_and_inside_the_plot() {
    let (top, bottom) = (20.0, 320.0);
    let values = [0u64, 1, 7, 85, 999, 1_000, 5_471, 39_923, 78_112];
    for s in [
        YScale::linear(values, top, bottom),
        YScale::log(values, top, bottom),
    ] {
        let ys: Vec<f64> = values.iter().filter_map(|&v| s.y(v)).collect();
        assert!(ys.windows(2).all(|w| w[1] < w[0]), "{s:?}: {ys:?}");
        assert!(ys.iter().all(|&y| (top..=bottom).contains(&y)), "{ys:?}");
        let ticks = s.ticks();
        assert!(ticks.iter().all(|t| (top..=bottom).contains(&t.y)));
        assert_eq!(ticks.first().unwrap().y, bottom);
        assert_eq!(ticks.last().unwrap().y, top);
    }
}

#[test]
fn values_beyond_the_domain_are_clamped_into_the_plot() {
    let s = YScale::linear([100], 0.0, 100.0);
    assert_eq!(s.y(1_000_000), Some(0.0));
    let s = YScale::log([u64::MAX], 0.0, 100.0);
    assert_eq!(s.domain().1, 10u64.pow(19));
    assert_eq!(s.y(u64::MAX), Some(0.0));
    assert_eq!(YScale::linear([u64::MAX], 0.0, 1.0).y(u64::MAX), Some(0.0));
}

#[test]
fn with_pixels_keeps_the_domain() {
    let s = YScale::log([3, 30_000], 0.0, 1.0);
    let moved = s.with_pixels(50.0, 150.0);
    assert_eq!(moved.domain(), s.domain());
    assert!(moved.is_log());
    assert_eq!(moved.y(1), Some(150.0));
}

#[test]
fn compact_labels() {
    assert_eq!(compact_label(0), "0");
    assert_eq!(compact_label(950), "950");
    assert_eq!(compact_label(1_000), "1k");
    assert_eq!(compact_label(1_500), "1.5k");
    assert_eq!(compact_label(10_000), "10k");
    assert_eq!(compact_label(250_000), "250k");
    assert_eq!(compact_label(1_000_000), "1M");
    assert_eq!(compact_label(1_250_000), "1.25M");
    assert_eq!(compact_label(10_000_000), "10M");
    assert_eq!(compact_label(999_999), "1M");
    assert_eq!(compact_label(1_000_000_000), "1G");
}

#[test]
fn with_pixels_moves_both_the_top_and_the_bottom_row() {
    let s = YScale::log([3, 30_000], 0.0, 1.0);
    let moved = s.with_pixels(50.0, 150.0);
    assert_eq!(
        moved.y(100_000),
        Some(50.0),
        "the top decade is the new top"
    );
    assert_eq!(moved.y(1), Some(150.0));
    let s = YScale::linear([80], 0.0, 1.0).with_pixels(20.0, 120.0);
    assert_eq!(s.y(80), Some(20.0), "80 is the top of a 0..80 axis");
    assert_eq!(s.y(40), Some(70.0));
}

#[test]
fn only_a_log_scale_says_it_is_log() {
    assert!(YScale::log([10], 0.0, 1.0).is_log());
    assert!(!YScale::linear([10], 0.0, 1.0).is_log());
    assert!(!YScale::linear([10], 0.0, 1.0)
        .with_pixels(5.0, 9.0)
        .is_log());
}

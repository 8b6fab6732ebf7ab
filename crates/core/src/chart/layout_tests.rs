//! Chart geometry: gaps, degenerate windows, hidden metrics, margins and label thinning.

use super::*;

fn rel(version: &str, stats: Option<(u64, u64, u64)>) -> Release {
    Release {
        version: version.into(),
        date: Some("2023-12-03".into()),
        files: stats.map(|s| s.0),
        insertions: stats.map(|s| s.1),
        deletions: stats.map(|s| s.2),
        ..Default::default()
    }
}

fn refs(rs: &[Release]) -> Vec<&Release> {
    rs.iter().collect()
}

fn series(g: &ChartGeometry, m: Metric) -> &SeriesGeometry {
    g.series
        .iter()
        .find(|s| s.metric == m)
        .expect("metric shown")
}

fn moves(path: &str) -> usize {
    path.matches('M').count()
}

fn inside(g: &ChartGeometry, x: f64, y: f64) -> bool {
    let eps = 1e-9;
    x >= g.plot.x - eps
        && x <= g.plot.right() + eps
        && y >= g.plot.y - eps
        && y <= g.plot.bottom() + eps
}

#[test]
fn unknown_values_split_the_path_and_are_not_plotted() {
    let rs = [
        rel("v6.6-rc6", Some((300, 3000, 1000))),
        rel("v6.6-rc7", None),
        rel("v6.6", Some((200, 2000, 900))),
        rel("v6.7-rc1", Some((12_000, 600_000, 300_000))),
        rel("v6.7-rc2", None),
        rel("v6.7-rc3", Some((350, 4000, 1500))),
    ];
    let g = layout(&refs(&rs), &ChartSpec::default());
    let diff = series(&g, Metric::Diff);
    assert_eq!(moves(&diff.path), 3, "{}", diff.path);
    assert_eq!(diff.path.matches('L').count(), 1, "{}", diff.path);
    let idx: Vec<usize> = diff.points.iter().map(|p| p.index).collect();
    assert_eq!(idx, [0, 2, 3, 5]);
    assert_eq!(diff.points[2].value, 900_000);
    assert_eq!(g.missing, 2);
    for p in &diff.points {
        assert!(inside(&g, p.x, p.y));
        assert_eq!(p.x, g.xs[p.index]);
    }
}

#[test]
fn a_gap_in_one_column_only_breaks_the_metrics_that_need_it() {
    let mut rs = vec![
        rel("v6.7-rc1", Some((10, 100, 50))),
        rel("v6.7-rc2", Some((20, 200, 60))),
        rel("v6.7-rc3", Some((30, 300, 70))),
    ];
    rs[1].deletions = None;
    let g = layout(&refs(&rs), &ChartSpec::default());
    assert_eq!(moves(&series(&g, Metric::Files).path), 1);
    assert_eq!(moves(&series(&g, Metric::Insertions).path), 1);
    assert_eq!(moves(&series(&g, Metric::Deletions).path), 2);
    assert_eq!(moves(&series(&g, Metric::Diff).path), 2);
    assert_eq!(g.missing, 0, "a row with some data is not missing");
}

#[test]
fn zero_is_a_gap_on_log_scale_but_a_point_on_linear() {
    let rs = [
        rel("v6.7-rc1", Some((10, 100, 50))),
        rel("v6.7-rc2", Some((3, 12, 0))),
        rel("v6.7-rc3", Some((30, 300, 70))),
    ];
    let mut spec = ChartSpec::default();
    let linear = layout(&refs(&rs), &spec);
    let del = series(&linear, Metric::Deletions);
    assert_eq!(del.points.len(), 3);
    assert_eq!(del.points[1].y, linear.plot.bottom());
    spec.log = true;
    let log = layout(&refs(&rs), &spec);
    let del = series(&log, Metric::Deletions);
    assert_eq!(del.points.len(), 2);
    assert_eq!(moves(&del.path), 2);
    assert_eq!(log.y_ticks.first().unwrap().label, "1");
    assert_eq!(log.y_ticks.last().unwrap().label, "1k");
}

#[test]
fn a_single_point_is_centred_and_its_path_is_one_move() {
    let rs = [rel("v6.7-rc4", Some((273, 3504, 1634)))];
    let g = layout(&refs(&rs), &ChartSpec::new(600.0, 300.0));
    let centre = g.plot.x + g.plot.width / 2.0;
    assert!((g.xs[0] - centre).abs() < 1e-9);
    for s in &g.series {
        assert_eq!(s.points.len(), 1);
        assert!(
            s.path.starts_with('M') && !s.path.contains('L'),
            "{}",
            s.path
        );
        assert!(s.points[0].y.is_finite() && inside(&g, s.points[0].x, s.points[0].y));
    }
    assert_eq!(g.x_labels.len(), 1);
    assert_eq!(g.x_labels[0].text, "v6.7-rc4(2023-12-03)");
}

#[test]
fn an_empty_window_still_has_axes() {
    let g = layout(&[], &ChartSpec::default());
    assert!(g.xs.is_empty() && g.x_labels.is_empty());
    assert_eq!(g.series.len(), 4);
    assert!(g
        .series
        .iter()
        .all(|s| s.path.is_empty() && s.points.is_empty()));
    assert!(g.plot.width > 0.0 && g.plot.height > 0.0);
    assert_eq!(g.y_ticks.len(), 2);
    assert_eq!(g.missing, 0);
}

#[test]
fn all_unknown_data_draws_labels_but_no_lines() {
    let rs = [rel("v6.7-rc1", None), rel("v6.7-rc2", None)];
    for log in [false, true] {
        let spec = ChartSpec {
            log,
            ..ChartSpec::default()
        };
        let g = layout(&refs(&rs), &spec);
        assert!(g
            .series
            .iter()
            .all(|s| s.path.is_empty() && s.points.is_empty()));
        assert_eq!(g.missing, 2);
        assert_eq!(g.x_labels.len(), 2);
        assert!(g.y_ticks.iter().all(|t| t.y.is_finite()));
    }
}

#[test]
fn hidden_metrics_neither_draw_nor_stretch_the_axis() {
    let rs = [rel("v6.7-rc1", Some((12_000, 600_000, 300_000)))];
    let mut spec = ChartSpec::default();
    let all = layout(&refs(&rs), &spec);
    spec.hidden = [Metric::Diff, Metric::Insertions, Metric::Deletions].into();
    let files_only = layout(&refs(&rs), &spec);
    assert_eq!(files_only.series.len(), 1);
    assert_eq!(files_only.series[0].metric, Metric::Files);
    let top = |g: &ChartGeometry| g.y_ticks.last().unwrap().value;
    assert_eq!(top(&all), 1_000_000);
    assert_eq!(top(&files_only), 15_000);
}

#[test]
fn margins_leave_room_for_tick_and_rotated_x_labels() {
    let rs: Vec<Release> = (1..=8)
        .map(|rc| rel(&format!("v6.7-rc{rc}"), Some((rc * 100, rc * 150_000, 9))))
        .collect();
    let spec = ChartSpec::new(800.0, 400.0);
    let g = layout(&refs(&rs), &spec);
    let char_w = spec.font_size * CHAR_WIDTH_EM;
    let widest_tick = g.y_ticks.iter().map(|t| t.label.len()).max().unwrap();
    assert!(g.plot.x >= widest_tick as f64 * char_w);
    let longest = "v6.7-rc8(2023-12-03)".len() as f64 * char_w;
    for l in &g.x_labels {
        assert!(l.y > g.plot.bottom());
        assert!(l.y + longest <= spec.height + 1e-9);
    }
    assert!(g.plot.right() <= spec.width && g.plot.y > 0.0);
}

#[test]
fn thinned_labels_never_overlap_and_keep_first_and_last_when_there_is_room() {
    let pitch = 13.2;
    for n in 0..200 {
        for slot in [0.0, 1.0, 4.4, 6.6, 13.2, 13.3, 20.0, 50.0] {
            let keep = thin_labels(n, slot, pitch);
            let x = |i: usize| (i as f64 + 0.5) * slot;
            for w in keep.windows(2) {
                assert!(w[0] < w[1]);
                assert!(
                    x(w[1]) - x(w[0]) >= pitch - 1e-9,
                    "n {n} slot {slot}: {keep:?}"
                );
            }
            if n == 0 {
                assert!(keep.is_empty());
                continue;
            }
            assert_eq!(keep.last(), Some(&(n - 1)), "n {n} slot {slot}");
            let room = x(n - 1) - x(0) >= pitch - 1e-9;
            assert_eq!(
                keep.first() == Some(&0),
                room || n == 1,
                "n {n} slot {slot}"
            );
        }
    }
}

#[test]
fn a_two_year_window_in_a_narrow_chart_is_thinned_evenly() {
    let rs: Vec<Release> = (0..100)
        .map(|i| rel(&format!("v6.{}-rc{}", i / 9, i % 9 + 1), Some((1, 2, 3))))
        .collect();
    let g = layout(&refs(&rs), &ChartSpec::new(480.0, 320.0));
    assert!(g.x_labels.len() > 10 && g.x_labels.len() < 100);
    assert_eq!(g.x_labels.first().unwrap().index, 0);
    assert_eq!(g.x_labels.last().unwrap().index, 99);
    for w in g.x_labels.windows(2) {
        assert!(w[1].x - w[0].x >= g.label_pitch - 1e-9);
    }
    // Everything fits when there is room: 8 points in a wide chart keep every label.
    let g = layout(&refs(&rs[..8]), &ChartSpec::new(800.0, 320.0));
    assert_eq!(g.x_labels.len(), 8);
}

#[test]
fn path_coordinates_are_short_and_match_the_points() {
    let rs = [
        rel("v6.7-rc1", Some((10, 100, 50))),
        rel("v6.7-rc2", Some((20, 200, 60))),
    ];
    let g = layout(&refs(&rs), &ChartSpec::new(333.0, 222.0));
    let files = series(&g, Metric::Files);
    let nums: Vec<f64> = files
        .path
        .split(' ')
        .filter(|t| *t != "M" && *t != "L")
        .map(|t| {
            let decimals = t.split('.').nth(1).map_or(0, str::len);
            assert!(decimals <= 2, "{t}");
            t.parse().unwrap()
        })
        .collect();
    assert_eq!(nums.len(), 4);
    for (k, p) in files.points.iter().enumerate() {
        assert!((nums[2 * k] - p.x).abs() < 0.006 && (nums[2 * k + 1] - p.y).abs() < 0.006);
    }
}

fn close(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "{what}: {actual} != {expected}"
    );
}

/// Eight tags `v6.7-rc1(2023-12-03)`..`v6.7-rc8(2023-12-03)` (20 characters each) whose
/// largest value, the rc8 diff of 40_000 + 32_000, puts the linear axis at 0..80k in
/// 20k steps: the widest tick label is three characters ("20k").
fn eight_rcs() -> Vec<Release> {
    (1..=8)
        .map(|rc| {
            rel(
                &format!("v6.7-rc{rc}"),
                Some((rc * 10, rc * 5_000, rc * 4_000)),
            )
        })
        .collect()
}

#[test]
fn the_plot_rectangle_is_the_chart_less_margins_sized_from_the_font() {
    // At a 10 px font a label character is 10 * CHAR_WIDTH_EM = 6 px wide, the
    // axis-to-label gap is 10 * GAP_EM = 5 px and half a line is 10 * LINE_HEIGHT_EM / 2 = 6 px.
    // left   = widest tick label (3 chars) * 6 + 2 gaps = 18 + 10 = 28
    // top    = half a line + a gap = 6 + 5 = 11, and so is right
    // bottom = longest x label (20 chars) * 6 + 2 gaps = 120 + 10 = 130
    let rs = eight_rcs();
    let spec = ChartSpec {
        font_size: 10.0,
        ..ChartSpec::new(800.0, 400.0)
    };
    let g = layout(&refs(&rs), &spec);
    let labels: Vec<&str> = g.y_ticks.iter().map(|t| t.label.as_str()).collect();
    assert_eq!(labels, ["0", "20k", "40k", "60k", "80k"]);
    close(g.plot.x, 28.0, "left margin");
    close(g.plot.y, 11.0, "top margin");
    close(g.plot.width, 800.0 - 28.0 - 11.0, "plot width");
    close(g.plot.height, 400.0 - 11.0 - 130.0, "plot height");
    close(spec.width - g.plot.right(), 11.0, "right margin");
    close(spec.height - g.plot.bottom(), 130.0, "bottom margin");
}

#[test]
fn the_default_eleven_px_font_sizes_the_margins_too() {
    // 11 px: a character is 6.6 px, a gap 5.5 px, half a line 6.6 px.
    let rs = eight_rcs();
    let g = layout(&refs(&rs), &ChartSpec::default());
    close(g.plot.x, 3.0 * 6.6 + 2.0 * 5.5, "left margin");
    close(g.plot.y, 6.6 + 5.5, "top margin");
    close(720.0 - g.plot.right(), 6.6 + 5.5, "right margin");
    close(
        420.0 - g.plot.bottom(),
        20.0 * 6.6 + 2.0 * 5.5,
        "bottom margin",
    );
}

#[test]
fn an_empty_window_has_one_character_tick_margins_and_no_x_label_room() {
    // Ticks "0" and "1" are one character; with no x labels the bottom margin is the
    // two gaps alone. At 10 px: left = 6 + 10, bottom = 10, top = right = 11.
    let spec = ChartSpec {
        font_size: 10.0,
        ..ChartSpec::new(300.0, 200.0)
    };
    let g = layout(&[], &spec);
    assert_eq!(
        g.plot,
        Rect {
            x: 16.0,
            y: 11.0,
            width: 300.0 - 16.0 - 11.0,
            height: 200.0 - 11.0 - 10.0,
        }
    );
}

#[test]
fn points_sit_mid_slot_and_x_labels_hang_a_gap_under_the_plot_a_line_apart() {
    // Same 10 px spec: the plot is 761 px wide from x = 28, so each of the eight
    // slots is 761 / 8 px; labels start a 5 px gap under the plot bottom (400 - 130),
    // and their pitch is one line, 10 * LINE_HEIGHT_EM = 12 px, so all eight fit.
    let rs = eight_rcs();
    let spec = ChartSpec {
        font_size: 10.0,
        ..ChartSpec::new(800.0, 400.0)
    };
    let g = layout(&refs(&rs), &spec);
    close(g.label_pitch, 12.0, "label pitch");
    let slot = 761.0 / 8.0;
    assert_eq!(g.xs.len(), 8);
    for (i, &x) in g.xs.iter().enumerate() {
        close(x, 28.0 + (i as f64 + 0.5) * slot, "point x");
    }
    assert_eq!(g.x_labels.len(), 8);
    for l in &g.x_labels {
        close(l.x, g.xs[l.index], "label x");
        close(l.y, 270.0 + 5.0, "label y");
    }
    // The axis spans the plot rows: 0 at its bottom, 80k at its top.
    close(g.y_ticks.first().unwrap().y, 270.0, "bottom tick");
    close(g.y_ticks.last().unwrap().y, 11.0, "top tick");
}

#[test]
fn the_label_pitch_thins_labels_once_slots_are_narrower_than_a_line() {
    // 10 px font, pitch 12 px. A 131 px chart less the 28 px left and 11 px right
    // margins leaves 92 px, 11.5 px a slot for eight points: just under a line, so
    // every second label is kept (ceil(12 / 11.5) = 2), the last taking the
    // place of the seventh.
    let rs = eight_rcs();
    let spec = ChartSpec {
        font_size: 10.0,
        ..ChartSpec::new(131.0, 400.0)
    };
    let g = layout(&refs(&rs), &spec);
    close(g.plot.width, 92.0, "plot width");
    let idx: Vec<usize> = g.x_labels.iter().map(|l| l.index).collect();
    assert_eq!(idx, [0, 2, 4, 7]);
}

#[test]
fn a_tag_missing_only_its_file_count_is_not_a_tag_without_data() {
    let mut rs = vec![
        rel("v6.7-rc1", Some((10, 100, 50))),
        rel("v6.7-rc2", Some((20, 200, 60))),
        rel("v6.7-rc3", None),
    ];
    rs[1].files = None;
    let g = layout(&refs(&rs), &ChartSpec::default());
    assert_eq!(g.missing, 1);
}

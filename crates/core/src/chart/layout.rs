//! The geometry of one whole chart: margins, axes, thinned x labels and series paths.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::scale::{trim_decimals, YScale, YTick};
use super::{point_label, Metric};
use crate::Release;

/// Width of one label character in em: a deliberate over-estimate for the UI's
/// proportional font, since an overlap is worse than a little empty space.
pub const CHAR_WIDTH_EM: f64 = 0.6;

/// Height of one line of label text in em; rotated x labels stand this far apart at least.
pub const LINE_HEIGHT_EM: f64 = 1.2;

/// Gap in em between an axis and its labels.
const GAP_EM: f64 = 0.5;

/// What to draw and at what size.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    pub width: f64,
    pub height: f64,
    pub log: bool,
    /// Metrics the user switched off; they neither draw nor stretch the y axis.
    pub hidden: BTreeSet<Metric>,
    /// Font size of tick and x labels in px, which sizes the margins and the label pitch.
    pub font_size: f64,
}

impl ChartSpec {
    pub fn new(width: f64, height: f64) -> ChartSpec {
        ChartSpec {
            width,
            height,
            ..ChartSpec::default()
        }
    }

    pub fn is_visible(&self, metric: Metric) -> bool {
        !self.hidden.contains(&metric)
    }
}

impl Default for ChartSpec {
    fn default() -> Self {
        ChartSpec {
            width: 720.0,
            height: 420.0,
            log: false,
            hidden: BTreeSet::new(),
            font_size: 11.0,
        }
    }
}

/// An axis-aligned rectangle in SVG user units (y grows downwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }
}

/// An x label, meant to be drawn rotated a quarter turn so that it reads upwards:
/// `<text x y transform="rotate(-90 x y)" text-anchor="end" dominant-baseline="middle">`.
/// `(x, y)` is the label's end, just under the plot, in line with its point.
#[derive(Debug, Clone, PartialEq)]
pub struct XLabel {
    /// Index of the point in the window.
    pub index: usize,
    pub x: f64,
    pub y: f64,
    pub text: String,
}

/// A drawn data point, for a focusable marker and its tooltip.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlotPoint {
    /// Index of the point in the window.
    pub index: usize,
    pub x: f64,
    pub y: f64,
    pub value: u64,
}

/// One visible metric: its line and the points on it.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesGeometry {
    pub metric: Metric,
    /// SVG path data; every unknown value lifts the pen, so a run after a gap starts
    /// with a new `M`. A lone point is a bare `M x y`, which draws nothing: the
    /// markers in `points` are what show it.
    pub path: String,
    pub points: Vec<PlotPoint>,
}

/// Everything needed to draw a chart, in SVG user units of a `width` x `height` viewBox.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartGeometry {
    pub width: f64,
    pub height: f64,
    pub plot: Rect,
    pub log: bool,
    /// From the bottom of the axis up; draw each label `text-anchor="end"` at
    /// `plot.x - font_size / 2`, which the left margin leaves room for.
    pub y_ticks: Vec<YTick>,
    /// The x of every point of the window, labelled or not.
    pub xs: Vec<f64>,
    /// Thinned so that neighbours are at least `label_pitch` apart.
    pub x_labels: Vec<XLabel>,
    pub label_pitch: f64,
    /// Visible metrics, in [`Metric::ALL`] order.
    pub series: Vec<SeriesGeometry>,
    /// Tags of the window with no statistic at all, so the UI can say "n tags without data".
    pub missing: usize,
}

/// Lays out a chart of `points` (a window in kernel order, e.g. from
/// [`super::window_releases`]). Points sit in the middle of equal slots across the
/// plot, so a single point is centred and nothing divides by `points.len() - 1`.
pub fn layout(points: &[&Release], spec: &ChartSpec) -> ChartGeometry {
    let font = spec.font_size.max(1.0);
    let char_w = font * CHAR_WIDTH_EM;
    let gap = font * GAP_EM;
    let visible: Vec<Metric> = Metric::ALL
        .into_iter()
        .filter(|&m| spec.is_visible(m))
        .collect();
    let values = points
        .iter()
        .flat_map(|r| visible.iter().filter_map(move |m| m.value(r)));
    let scale = if spec.log {
        YScale::log(values, 0.0, 1.0)
    } else {
        YScale::linear(values, 0.0, 1.0)
    };

    // Tick labels depend on the domain only, so they size the margins before the
    // plot's pixel rows are known.
    let tick_chars = scale
        .ticks()
        .iter()
        .map(|t| t.label.chars().count())
        .max()
        .unwrap_or(1);
    let labels: Vec<String> = points.iter().map(|r| point_label(r)).collect();
    let label_chars = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let left = tick_chars as f64 * char_w + 2.0 * gap;
    // Half a line above and to the right keeps the top tick label and the last
    // rotated x label inside the viewBox.
    let top = font * LINE_HEIGHT_EM / 2.0 + gap;
    let right = font * LINE_HEIGHT_EM / 2.0 + gap;
    let bottom = label_chars as f64 * char_w + 2.0 * gap;
    let plot = Rect {
        x: left,
        y: top,
        width: (spec.width - left - right).max(0.0),
        height: (spec.height - top - bottom).max(0.0),
    };
    let scale = scale.with_pixels(plot.y, plot.bottom());

    let slot = if points.is_empty() {
        0.0
    } else {
        plot.width / points.len() as f64
    };
    let xs: Vec<f64> = (0..points.len())
        .map(|i| plot.x + (i as f64 + 0.5) * slot)
        .collect();
    let label_pitch = font * LINE_HEIGHT_EM;
    let x_labels = thin_labels(points.len(), slot, label_pitch)
        .into_iter()
        .map(|i| XLabel {
            index: i,
            x: xs[i],
            y: plot.bottom() + gap,
            text: labels[i].clone(),
        })
        .collect();

    let series = visible
        .iter()
        .map(|&metric| series_geometry(metric, points, &xs, &scale))
        .collect();
    let missing = points
        .iter()
        .filter(|r| r.files.is_none() && r.insertions.is_none() && r.deletions.is_none())
        .count();

    ChartGeometry {
        width: spec.width,
        height: spec.height,
        plot,
        log: spec.log,
        y_ticks: scale.ticks(),
        xs,
        x_labels,
        label_pitch,
        series,
        missing,
    }
}

/// Indices of the labels to keep for `n` points `slot` apart: every k-th, with k the
/// fewest slots that span `pitch`. The last label is kept too (it is the window's
/// anchor, usually the post's own release), taking the place of the k-th label
/// before it when they would collide. When the first and last cannot both fit,
/// only the last is kept.
pub(crate) fn thin_labels(n: usize, slot: f64, pitch: f64) -> Vec<usize> {
    if n == 0 {
        return Vec::new();
    }
    let last = n - 1;
    if slot <= 0.0 {
        return vec![last];
    }
    let k = ((pitch / slot).ceil() as usize).max(1);
    if last < k {
        return vec![last];
    }
    let mut keep: Vec<usize> = (0..n).step_by(k).collect();
    if keep.last() != Some(&last) {
        // `last >= k`, so the dropped label is never the first.
        keep.pop();
        keep.push(last);
    }
    keep
}

fn series_geometry(
    metric: Metric,
    points: &[&Release],
    xs: &[f64],
    scale: &YScale,
) -> SeriesGeometry {
    let mut path = String::new();
    let mut plotted = Vec::new();
    let mut pen_down = false;
    for (index, r) in points.iter().enumerate() {
        let Some((value, y)) = metric.value(r).and_then(|v| Some((v, scale.y(v)?))) else {
            pen_down = false;
            continue;
        };
        let x = xs[index];
        if !path.is_empty() {
            path.push(' ');
        }
        let cmd = if pen_down { 'L' } else { 'M' };
        let _ = write!(path, "{cmd} {} {}", coord(x), coord(y));
        pen_down = true;
        plotted.push(PlotPoint { index, x, y, value });
    }
    SeriesGeometry {
        metric,
        path,
        points: plotted,
    }
}

/// Two decimals are a hundredth of a pixel: precise enough, and short paths.
fn coord(v: f64) -> String {
    trim_decimals(format!("{v:.2}"))
}

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;

//! Y scales of a chart: value-to-pixel mapping, ticks and compact tick labels.

/// How many intervals a linear axis aims for; the 1/2/5 rounding gives 3 to 5.
const LINEAR_INTERVALS: u64 = 5;

/// The largest decade a `u64` holds (10^19).
const MAX_EXP: u32 = 19;

/// One y-axis tick: the value, its pixel row and its compact label.
#[derive(Debug, Clone, PartialEq)]
pub struct YTick {
    pub value: u64,
    pub y: f64,
    pub label: String,
}

/// Maps a count to a pixel row between `top` (largest value) and `bottom` (smallest).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YScale {
    top: f64,
    bottom: f64,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// 0..=max in steps of `step`; `max` is a multiple of `step`.
    Linear { step: u64, max: u64 },
    /// 10^lo..=10^hi, lo < hi.
    Log { lo: u32, hi: u32 },
}

impl YScale {
    /// A linear axis from 0 to a "nice" bound above the largest value, in steps of
    /// 1, 2 or 5 times a power of ten. It always starts at 0 so that heights compare
    /// honestly; with no values it is 0..1.
    pub fn linear(values: impl IntoIterator<Item = u64>, top: f64, bottom: f64) -> YScale {
        let max = values.into_iter().max().unwrap_or(0);
        let step = nice_step(max);
        let max = max.div_ceil(step).saturating_mul(step).max(step);
        YScale {
            top,
            bottom,
            kind: Kind::Linear { step, max },
        }
    }

    /// A logarithmic axis over whole decades covering the positive values.
    ///
    /// Zero has no place on a log axis, so zeros are ignored here and [`YScale::y`]
    /// returns `None` for them: a chart shows a zero as a gap in the line rather
    /// than inventing a position. With no positive value the axis is 1..10.
    pub fn log(values: impl IntoIterator<Item = u64>, top: f64, bottom: f64) -> YScale {
        let (mut lo, mut hi) = (u32::MAX, 0);
        for v in values.into_iter().filter(|&v| v > 0) {
            lo = lo.min(v.ilog10());
            hi = hi.max(ceil_log10(v));
        }
        if lo == u32::MAX {
            (lo, hi) = (0, 1);
        }
        // Values past 10^19 are pinned to the top rather than overflowing a tick.
        let lo = lo.min(MAX_EXP - 1);
        let hi = hi.clamp(lo + 1, MAX_EXP);
        YScale {
            top,
            bottom,
            kind: Kind::Log { lo, hi },
        }
    }

    /// The same axis drawn between other pixel rows.
    pub fn with_pixels(self, top: f64, bottom: f64) -> YScale {
        YScale {
            top,
            bottom,
            ..self
        }
    }

    pub fn is_log(&self) -> bool {
        matches!(self.kind, Kind::Log { .. })
    }

    /// Smallest and largest value of the axis.
    pub fn domain(&self) -> (u64, u64) {
        match self.kind {
            Kind::Linear { max, .. } => (0, max),
            Kind::Log { lo, hi } => (10u64.pow(lo), 10u64.pow(hi)),
        }
    }

    /// The pixel row of `value`, or `None` when it cannot be placed (0 on a log axis).
    /// Rows are clamped to the plot so an out-of-domain value never draws outside it.
    pub fn y(&self, value: u64) -> Option<f64> {
        let frac = match self.kind {
            Kind::Linear { max, .. } => value as f64 / max as f64,
            Kind::Log { lo, hi } => {
                if value == 0 {
                    return None;
                }
                ((value as f64).log10() - f64::from(lo)) / f64::from(hi - lo)
            }
        };
        Some(self.bottom - frac.clamp(0.0, 1.0) * (self.bottom - self.top))
    }

    /// Ticks from the bottom of the axis up: every decade on a log axis, every step
    /// on a linear one.
    pub fn ticks(&self) -> Vec<YTick> {
        let values: Vec<u64> = match self.kind {
            Kind::Linear { step, max } => (0..=max / step).map(|k| k * step).collect(),
            Kind::Log { lo, hi } => (lo..=hi).map(|e| 10u64.pow(e)).collect(),
        };
        values
            .into_iter()
            .filter_map(|value| {
                Some(YTick {
                    value,
                    y: self.y(value)?,
                    label: compact_label(value),
                })
            })
            .collect()
    }
}

/// The smallest 1/2/5 x 10^n step that reaches `max` in [`LINEAR_INTERVALS`] steps;
/// never below 1, since the counts are whole numbers.
fn nice_step(max: u64) -> u64 {
    let raw = max.div_ceil(LINEAR_INTERVALS).max(1);
    let mut magnitude = 1u64;
    while magnitude.saturating_mul(10) <= raw && magnitude < 10u64.pow(MAX_EXP) {
        magnitude *= 10;
    }
    [1, 2, 5, 10]
        .into_iter()
        .map(|m| magnitude.saturating_mul(m))
        .find(|&s| s >= raw)
        .unwrap_or(u64::MAX)
}

fn ceil_log10(v: u64) -> u32 {
    let e = v.ilog10();
    if 10u64.pow(e) == v {
        e
    } else {
        e + 1
    }
}

/// A short axis label: `950`, `1k`, `1.5k`, `10k`, `250k`, `1M`, `1.25M`.
/// At most two decimals; a value that would round up to 1000 of a unit moves to the next unit.
pub fn compact_label(value: u64) -> String {
    const UNITS: [(u64, &str); 6] = [
        (1_000_000_000_000_000_000, "E"),
        (1_000_000_000_000_000, "P"),
        (1_000_000_000_000, "T"),
        (1_000_000_000, "G"),
        (1_000_000, "M"),
        (1_000, "k"),
    ];
    let Some(i) = UNITS.iter().position(|&(u, _)| value >= u) else {
        return value.to_string();
    };
    let (unit, suffix) = UNITS[i];
    let text = trim_decimals(format!("{:.2}", value as f64 / unit as f64));
    if text == "1000" && i > 0 {
        return format!("1{}", UNITS[i - 1].1);
    }
    format!("{text}{suffix}")
}

/// `12.50` -> `12.5`, `3.00` -> `3`.
pub(crate) fn trim_decimals(s: String) -> String {
    if !s.contains('.') {
        return s;
    }
    let t = s.trim_end_matches('0').trim_end_matches('.');
    if t == "-0" {
        "0".to_string()
    } else {
        t.to_string()
    }
}

#[cfg(test)]
#[path = "scale_tests.rs"]
mod tests;

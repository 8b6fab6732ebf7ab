//! Progress on stderr for the bundler, the corpus generator and the benchmarks.
//!
//! An `indicatif` bar when stderr is a terminal (or
//! `KERNEL_NEWS_PROGRESS=always`), and nothing at all otherwise, so piped
//! output and CI logs stay as they were. One crate so the three tools read
//! the variable and draw alike.

use std::io::Write;
use std::time::Duration;

pub use indicatif::ProgressBar;
use indicatif::{ProgressDrawTarget, ProgressStyle, TermLike};

/// The environment variable that overrides the terminal test.
pub const ENV: &str = "KERNEL_NEWS_PROGRESS";

/// Whether to draw: `always`, `never`, or (unset, `auto`) when stderr is a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Auto,
    Always,
    Never,
}

impl Mode {
    /// From [`ENV`]; an unknown value is `auto`, as if unset.
    pub fn from_env() -> Mode {
        match std::env::var(ENV).as_deref() {
            Ok("always") => Mode::Always,
            Ok("never") => Mode::Never,
            _ => Mode::Auto,
        }
    }

    /// Whether anything would be drawn (stderr is a terminal, or forced).
    pub fn draws(self) -> bool {
        self.target().is_some()
    }

    fn target(self) -> Option<ProgressDrawTarget> {
        let target = match self {
            Mode::Never => return None,
            Mode::Auto => ProgressDrawTarget::stderr(),
            Mode::Always => ProgressDrawTarget::term_like(Box::new(Stderr)),
        };
        (!target.is_hidden()).then_some(target)
    }
}

/// A bar of `total` `unit`s (`12,000/25,000 entries, 40000/s, 1s left`)
/// headed `prefix`, or `None` when nothing is to be drawn. Clear it with
/// `finish_and_clear` before printing anything else to stderr, or print
/// through its `println`/`suspend`.
pub fn bar(mode: Mode, prefix: &str, total: u64, unit: &str) -> Option<ProgressBar> {
    let template = format!(
        "{{prefix}} {{wide_bar}} {{human_pos}}/{{human_len}} {unit}, {{rate}}/s, {{eta}} left"
    );
    let style = ProgressStyle::with_template(&template)
        .expect("the template is valid")
        .with_key(
            "rate",
            |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0}", s.per_sec());
            },
        );
    let bar = ProgressBar::with_draw_target(Some(total), mode.target()?).with_style(style);
    bar.set_prefix(prefix.to_string());
    Some(bar)
}

/// A spinner with the time so far, for a step that cannot count (a child
/// process): `[1m] bundler run 1/3 ⠋ 12s`, or `None` when nothing is to be drawn.
pub fn spinner(mode: Mode, message: &str) -> Option<ProgressBar> {
    let style =
        ProgressStyle::with_template("{msg} {spinner} {elapsed}").expect("the template is valid");
    let bar = ProgressBar::with_draw_target(None, mode.target()?).with_style(style);
    bar.set_message(message.to_string());
    bar.enable_steady_tick(Duration::from_millis(100));
    Some(bar)
}

/// stderr as a terminal whatever it is connected to, for
/// `KERNEL_NEWS_PROGRESS=always` (what indicatif's own stderr target would not draw).
#[derive(Debug)]
struct Stderr;

impl Stderr {
    fn put(&self, s: &str) -> std::io::Result<()> {
        std::io::stderr().write_all(s.as_bytes())
    }

    fn csi(&self, n: usize, code: char) -> std::io::Result<()> {
        match n {
            0 => Ok(()),
            n => self.put(&format!("\x1b[{n}{code}")),
        }
    }
}

impl TermLike for Stderr {
    fn width(&self) -> u16 {
        80
    }

    fn move_cursor_up(&self, n: usize) -> std::io::Result<()> {
        self.csi(n, 'A')
    }

    fn move_cursor_down(&self, n: usize) -> std::io::Result<()> {
        self.csi(n, 'B')
    }

    fn move_cursor_right(&self, n: usize) -> std::io::Result<()> {
        self.csi(n, 'C')
    }

    fn move_cursor_left(&self, n: usize) -> std::io::Result<()> {
        self.csi(n, 'D')
    }

    fn write_line(&self, s: &str) -> std::io::Result<()> {
        self.put(s)?;
        self.put("\n")
    }

    fn write_str(&self, s: &str) -> std::io::Result<()> {
        self.put(s)
    }

    fn clear_line(&self) -> std::io::Result<()> {
        self.put("\r\x1b[2K")
    }

    fn flush(&self) -> std::io::Result<()> {
        std::io::stderr().flush()
    }
}

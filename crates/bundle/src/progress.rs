//! The bundler's progress bar on stderr: posts read of the total, the rate
//! and the time left, drawn by `indicatif` when stderr is a terminal (or
//! `KERNEL_NEWS_PROGRESS=always`), and nothing at all otherwise.

use std::io::Write;
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle, TermLike};
use kernel_news_bundle::build::Progress;

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
}

/// The bar as the build's [`Progress`] hook. It draws from `start` on,
/// once the total is known (not `0/0` while the trees are walked).
#[derive(Debug)]
pub struct Bar {
    bar: ProgressBar,
    target: Mutex<Option<ProgressDrawTarget>>,
}

impl Bar {
    /// A bar for `mode`, or `None` when nothing is to be drawn.
    pub fn new(mode: Mode) -> Option<Bar> {
        let target = match mode {
            Mode::Never => return None,
            Mode::Auto => ProgressDrawTarget::stderr(),
            Mode::Always => ProgressDrawTarget::term_like(Box::new(Stderr)),
        };
        if target.is_hidden() {
            return None;
        }
        let style = ProgressStyle::with_template(
            "{prefix} {wide_bar} {human_pos}/{human_len} posts, {rate}/s, {eta} left",
        )
        .expect("the template is valid")
        .with_key(
            "rate",
            |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0}", s.per_sec());
            },
        );
        let bar =
            ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::hidden()).with_style(style);
        bar.set_prefix("reading");
        Some(Bar {
            bar,
            target: Mutex::new(Some(target)),
        })
    }
}

impl Progress for Bar {
    fn start(&self, total: u64) {
        self.bar.set_length(total);
        self.bar.reset();
        if let Some(target) = self.target.lock().unwrap().take() {
            self.bar.set_draw_target(target);
        }
    }

    fn tick(&self) {
        self.bar.inc(1);
    }

    /// Cleared, so the diagnostics and the summary line print where the bar was.
    fn finish(&self) {
        self.bar.finish_and_clear();
    }
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

//! The bundler's progress bar on stderr: posts read of the total, the rate
//! and the time left, drawn by the workspace's progress crate when stderr is
//! a terminal (or `KERNEL_NEWS_PROGRESS=always`), and nothing at all otherwise.

use std::sync::OnceLock;

use kernel_news_bundle::build::Progress;
pub use kernel_news_progress::Mode;
use kernel_news_progress::{bar, ProgressBar};

/// The bar as the build's [`Progress`] hook. It is made at `start`, once the
/// total is known, so nothing reads `0/0` while the trees are walked.
#[derive(Debug)]
pub struct Bar {
    mode: Mode,
    bar: OnceLock<Option<ProgressBar>>,
}

impl Bar {
    /// A bar for `mode`, or `None` when nothing is to be drawn.
    pub fn new(mode: Mode) -> Option<Bar> {
        mode.draws().then(|| Bar {
            mode,
            bar: OnceLock::new(),
        })
    }

    fn with(&self, f: impl FnOnce(&ProgressBar)) {
        if let Some(Some(bar)) = self.bar.get() {
            f(bar);
        }
    }
}

impl Progress for Bar {
    fn start(&self, total: u64) {
        let _ = self.bar.set(bar(self.mode, "reading", total, "posts"));
    }

    fn tick(&self) {
        self.with(|bar| bar.inc(1));
    }

    /// Cleared, so the diagnostics and the summary line print where the bar was.
    fn finish(&self) {
        self.with(ProgressBar::finish_and_clear);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bar forced on (it draws on stderr) and the indicatif bar behind it.
    fn started(total: u64) -> (Bar, ProgressBar) {
        let bar = Bar::new(Mode::Always).expect("forced on, a bar is made");
        assert!(bar.bar.get().is_none(), "made at start, not before");
        bar.start(total);
        let inner = bar.bar.get().cloned().flatten().expect("started");
        (bar, inner)
    }

    #[test]
    fn start_makes_a_bar_of_the_total_and_each_tick_counts_one_post() {
        let (bar, inner) = started(3);
        assert_eq!(inner.length(), Some(3));
        assert_eq!(inner.position(), 0);
        bar.tick();
        bar.tick();
        assert_eq!(inner.position(), 2);
        bar.finish();
    }

    #[test]
    fn finish_ends_the_bar() {
        let (bar, inner) = started(1);
        bar.tick();
        assert!(!inner.is_finished());
        bar.finish();
        assert!(inner.is_finished());
    }

    #[test]
    fn never_makes_no_bar() {
        assert!(Bar::new(Mode::Never).is_none());
    }
}

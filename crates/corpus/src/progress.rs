//! Progress on stderr for the generator and the benchmarks: the workspace's one progress crate.

pub use kernel_news_progress::{bar, spinner, Mode, ENV};

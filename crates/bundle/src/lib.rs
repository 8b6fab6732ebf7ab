//! kernel-news-bundle: reads Hugo content trees of kernel news posts and writes the JSON bundle.
//!
//! The pipeline: [`walk`] finds the files, [`frontmatter`] splits and reads each
//! post's header, [`split`] cuts the body into entries, [`subject`] reads each
//! entry heading (kind, patch version, series, subsystems, authors), [`release`]
//! decides which kernel release a post belongs to, [`charts`] reads the
//! release-stat chart images in a post's markdown, [`relstat`] loads the
//! release statistics, and [`build`] assembles the deterministic [`Bundle`].
//! Every problem on the way is one [`diagnostic::Diagnostic`]. For authoring,
//! [`watch`] rebuilds on every save, [`last_good`] decides whether a rebuild
//! is written, and [`live`] serves the result with open pages reloaded.
//!
//! [`Bundle`]: kernel_news_core::Bundle

pub mod atom_out;
pub mod build;
pub mod cadence;
pub mod charts;
pub mod chunks;
pub mod csp;
pub mod diagnostic;
pub mod duplicate;
pub mod feed;
pub mod feed_post;
pub mod feed_title;
pub mod feed_topic;
pub mod feeds;
pub mod first_view;
pub mod frontmatter;
pub mod lang;
pub mod last_good;
pub mod live;
pub mod mailmap;
pub mod page_tool;
pub mod post;
pub mod release;
pub mod relstat;
pub mod relstat_git;
pub mod single;
pub mod source;
pub mod split;
pub mod subject;
pub mod subsystem;
pub mod summary;
#[doc(hidden)]
pub mod testdata;
pub mod walk;
pub mod watch;

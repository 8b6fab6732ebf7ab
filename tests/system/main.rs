//! System tests of the bundler: real fixture trees in, bundles and messages out.

mod authors;
mod charts;
mod charts_corpus;
mod cli;
mod cli_flags;
mod corpus;
mod diagnostics;
mod duplicates;
mod feeds;
mod feeds_out;
mod first_view;
mod progress;
mod quirks;
mod sample;
mod series;
mod single;
mod split;
mod subsystems;
mod support;
mod watch;

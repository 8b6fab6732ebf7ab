//! View components; each wires signals to `kernel-news-core` functions and holds no logic of its own.

pub mod body;
pub mod entry_meta;
pub mod entry_view;
pub mod facet_panel;
pub mod help;
pub mod post_view;
pub mod release_chart;
pub mod releases_page;
pub mod results;
pub mod search_bar;
pub mod series_view;
pub mod status_bar;
pub mod viewer;
pub mod window;

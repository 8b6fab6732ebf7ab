//! Pure data model and logic of kernel-news, shared by the bundler and the viewer.
//!
//! Nothing here does I/O, so every module compiles natively and to wasm32 and is
//! unit-tested with plain `cargo test`.

pub mod archive;
pub mod ascii_finder;
pub mod autolink;
pub mod b4;
pub mod bigram_filter;
pub mod bitset;
pub mod bounded;
pub mod bundle;
pub mod chart;
pub mod chunks;
pub mod column;
pub mod coverage;
pub mod cursor;
pub mod cycles;
pub mod date;
pub mod date_range;
pub mod facet_list;
pub mod facets;
pub mod first_view;
pub mod ids;
pub mod images;
pub mod keys;
pub mod lang;
pub mod links;
pub mod listing;
pub mod load;
pub mod markdown;
pub mod posted;
pub mod query;
pub mod query_check;
pub mod query_help;
pub mod query_parse;
pub mod release_facet;
pub mod relevance;
pub mod result_parts;
pub mod search;
pub mod searched;
pub mod selector;
pub mod sender;
pub mod series;
pub mod shortlist;
pub mod snippet;
pub mod source;
pub mod status;
pub mod story;
pub mod story_html;
pub mod subject;
pub mod subscribe;
pub mod suggest;
pub mod uninformative;
pub mod version;
pub mod viewstate;

pub use bundle::{
    AuthorsFrom, Bundle, DateFrom, Entry, EntryKind, Feeds, Link, Post, Release, ReleaseSource,
    Series, Subsystem, Warning, WarningLevel, FORMAT_VERSION, SOURCE_LKML_NEWS, SOURCE_LWN,
};
pub use version::KernelVersion;

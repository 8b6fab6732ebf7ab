//! View components; each wires signals to `kernel-news-core` functions and holds no logic of its own.

pub mod post_list;

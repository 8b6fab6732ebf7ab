//! kernel-news-bundle library.

//! Entry point of the kernel-news viewer (placeholder until the app lands).
fn main() {}

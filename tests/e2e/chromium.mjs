// Launch flags for Debian's Chromium that work on these machines (../shared/notes/toolchain.md), shared by the e2e suite and the benchmarks.
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

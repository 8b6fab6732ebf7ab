//! The developers' shared test data (`../shared` beside the checkout), for
//! tests only: absent on a user's clone, required in CI.

use std::path::{Path, PathBuf};

/// `../shared/<sub>` beside the workspace, or `None` with the reason printed
/// when it is absent. Under CI (`CI` set to anything but `false` or `0`) an
/// absent directory panics instead: a green CI run must mean these tests ran.
pub fn shared(sub: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared")
        .join(sub);
    if dir.is_dir() {
        return Some(dir);
    }
    let ci = std::env::var("CI").is_ok_and(|v| !matches!(v.as_str(), "" | "0" | "false"));
    assert!(
        !ci,
        "{} is absent, and CI must run the tests that read it (../shared is the developers' test data)",
        dir.display()
    );
    eprintln!(
        "skipping: {} is absent (../shared is developer test data)",
        dir.display()
    );
    None
}

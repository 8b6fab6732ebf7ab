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
    skip(&format!(
        "{} is absent (../shared is the developers' test data)",
        dir.display()
    ));
    None
}

/// A test that cannot check what it should, for the reason `why`: a printed
/// skip on a developer's machine, a failure in CI.
pub fn skip(why: &str) {
    assert!(!ci(), "{why}, and CI must run this test");
    eprintln!("skipping: {why}");
}

/// Whether this is a CI run, where a test that cannot check what it should
/// must fail rather than skip.
fn ci() -> bool {
    is_ci(std::env::var("CI").ok().as_deref())
}

/// Whether a `CI` variable's value means a CI run: set, and not `""`, `0` or `false`.
fn is_ci(value: Option<&str>) -> bool {
    value.is_some_and(|v| !matches!(v, "" | "0" | "false"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ci_is_any_value_but_empty_zero_or_false() {
        for v in ["true", "1", "yes"] {
            assert!(is_ci(Some(v)), "{v}");
        }
        for v in [None, Some(""), Some("0"), Some("false")] {
            assert!(!is_ci(v), "{v:?}");
        }
    }

    #[test]
    fn shared_is_found_whenever_a_ci_run_requires_it() {
        // Under CI an absent ../shared panics inside `shared`; present, it is returned.
        match shared(".") {
            Some(dir) => assert!(dir.join("README.md").is_file(), "{}", dir.display()),
            None => assert!(!ci()),
        }
    }
}

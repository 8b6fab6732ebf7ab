//! The command line of the small tools that rewrite a built page in place (`kernel-news-csp`, `kernel-news-first-view`): one path, `--help`, exit codes.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Runs `run` on the one path argument of the tool `name`: `--help` prints
/// `help`, anything but one argument prints it to stderr and exits 2, an
/// error is printed once with its context and exits 1.
pub fn main_with_path(
    name: &str,
    help: &str,
    run: impl FnOnce(&Path) -> anyhow::Result<()>,
) -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let (Some(path), None) = (args.next(), args.next()) else {
        eprint!("{help}");
        return ExitCode::from(2);
    };
    if path == "-h" || path == "--help" {
        print!("{help}");
        return ExitCode::SUCCESS;
    }
    match run(&PathBuf::from(path)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{name}: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

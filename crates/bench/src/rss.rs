//! Running a child process and reading its own wall time and peak resident memory (Linux `wait4`).
//!
//! `getrusage(RUSAGE_CHILDREN)` would give the maximum over every child
//! reaped so far, so a later, smaller run could not be told apart; `wait4`
//! returns the usage of exactly the child it reaps.

use std::process::{Child, Command};
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};

/// How one child run went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChildRun {
    pub wall: Duration,
    /// Peak resident set size in bytes.
    pub peak_rss: u64,
    /// The exit code, or `None` when a signal ended it.
    pub code: Option<i32>,
}

/// Spawns `cmd` and waits for it with `wait4`, timing from just before the
/// spawn to the reap.
///
/// The child is forked, not spawned with the shared-memory `vfork` the
/// standard library prefers: until its `exec` a vforked child runs in this
/// process's memory, and Linux counts that memory's *peak* into the child's
/// `ru_maxrss`, so every child reported at least this process's own high
/// water mark (45 MB after generating one 20 MB post). A fork starts the
/// child's mark at this process's current size instead, which
/// `malloc_trim` keeps small.
pub fn run(cmd: &mut Command) -> Result<ChildRun> {
    use std::os::unix::process::CommandExt;
    // SAFETY: the hook runs in the forked child and only returns Ok; its
    // presence is what makes the standard library fork rather than vfork.
    unsafe { cmd.pre_exec(|| Ok(())) };
    // SAFETY: malloc_trim only returns free heap pages to the system.
    unsafe { libc::malloc_trim(0) };
    let started = Instant::now();
    let child = cmd
        .spawn()
        .with_context(|| format!("cannot start {:?}", cmd.get_program()))?;
    reap(child, started)
}

fn reap(child: Child, started: Instant) -> Result<ChildRun> {
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain old data, so all-zero bytes are a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = loop {
        // SAFETY: `pid` is our own unreaped child; both pointers are to live locals.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == -1 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
            continue;
        }
        break r;
    };
    let wall = started.elapsed();
    // The child is reaped now: dropping `Child` neither waits nor kills.
    drop(child);
    if reaped != pid {
        bail!(
            "wait4 on child {pid} failed: {}",
            std::io::Error::last_os_error()
        );
    }
    Ok(ChildRun {
        wall,
        peak_rss: maxrss_bytes(usage.ru_maxrss),
        code: libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status)),
    })
}

/// `ru_maxrss` is in KiB on Linux.
fn maxrss_bytes(kib: libc::c_long) -> u64 {
    u64::try_from(kib).unwrap_or(0) * 1024
}

/// This process's own peak resident set size in bytes.
pub fn self_peak_rss() -> u64 {
    // SAFETY: as above, rusage is plain old data.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: a valid `who` and a pointer to a live local.
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return 0;
    }
    maxrss_bytes(usage.ru_maxrss)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_code_of_a_child_is_reported() {
        let ok = run(Command::new("true").arg("")).unwrap();
        assert_eq!(ok.code, Some(0));
        let failed = run(&mut Command::new("false")).unwrap();
        assert_eq!(failed.code, Some(1));
    }

    #[test]
    fn a_child_has_some_resident_memory() {
        let r = run(&mut Command::new("true")).unwrap();
        assert!(r.peak_rss > 0, "{r:?}");
    }

    #[test]
    fn a_missing_program_is_an_error_naming_it() {
        let err = run(&mut Command::new("/nonexistent/kn-bench-prog")).unwrap_err();
        assert!(format!("{err:#}").contains("kn-bench-prog"), "{err:#}");
    }
}

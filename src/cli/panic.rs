//! What a user sees if mtlint has a bug: one line naming the file that caused it, never a
//! backtrace.
//!
//! Checking and fixing a file run inside [`guard`]: a panic there becomes an error for that file
//! (exit code 2, the other files are still checked), and the hook stays silent because the
//! error line says everything. A panic anywhere else (writing the report, say) is printed by the
//! hook as one line, with the file being worked on when the thread knows it.

use std::cell::RefCell;
use std::panic::{self, AssertUnwindSafe};

/// Where to report bugs.
pub const ISSUES: &str = "https://github.com/mtlint/mtlint/issues";

thread_local! {
    /// The file this thread is working on, and whether a [`guard`] will report a panic.
    static CURRENT: RefCell<Option<(String, bool)>> = const { RefCell::new(None) };
    /// Where the last guarded panic happened.
    static LOCATION: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Installs the one-line panic hook. Called once by `main`.
pub fn install_hook() {
    panic::set_hook(Box::new(|info| {
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let current = CURRENT.with(|c| c.borrow().clone());
        match current {
            Some((_, true)) => LOCATION.with(|l| *l.borrow_mut() = location),
            Some((file, false)) => eprintln!(
                "mtlint: internal error{location} while working on {}. This is a bug: please report it at {ISSUES} \
                 with that file.",
                crate::report::human::sanitise_line(&file)
            ),
            None => eprintln!(
                "mtlint: internal error{location}. This is a bug: please report it at {ISSUES} with the file that \
                 caused it."
            ),
        }
    }));
}

/// Runs `work` on the file `name`; a panic inside becomes the message of an error for that file.
pub fn guard<T>(name: &str, work: impl FnOnce() -> T) -> Result<T, String> {
    let previous = CURRENT.with(|c| c.replace(Some((name.to_string(), true))));
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        debug_panic_point(name);
        work()
    }));
    CURRENT.with(|c| *c.borrow_mut() = previous);
    result.map_err(|_| {
        let location = LOCATION.with(|l| l.take());
        format!(
            "internal error{location} while checking this file. This is a bug: please report it at {ISSUES} with \
             this file."
        )
    })
}

/// Names the file this thread works on outside a [`guard`], for the hook's message.
pub fn working_on(name: Option<&str>) {
    CURRENT.with(|c| *c.borrow_mut() = name.map(|n| (n.to_string(), false)));
}

/// Debug builds only: panic on purpose when `MTLINT_DEBUG_PANIC` names this point (a file name's
/// ending, or `<main>`), so that the tests can see what a user would see. Release builds have no
/// such switch.
pub fn debug_panic_point(name: &str) {
    #[cfg(debug_assertions)]
    if std::env::var("MTLINT_DEBUG_PANIC").is_ok_and(|v| !v.is_empty() && name.ends_with(&v)) {
        panic!("MTLINT_DEBUG_PANIC");
    }
    #[cfg(not(debug_assertions))]
    let _ = name;
}

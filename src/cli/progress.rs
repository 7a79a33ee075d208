//! A progress bar on standard error while many files or table rows are checked: how many are
//! done, the rate and the time left. Drawn only when standard error is a terminal and `--quiet`
//! is off, so logs, pipes and CI output never see it; cleared when the work is done.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

/// Work smaller than this finishes too fast for a bar to help.
pub const MIN_FILES: u64 = 2;
pub const MIN_ROWS: u64 = 200;

/// A bar, or nothing.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar counting `total` `unit`s, shown when `enabled`, stderr is a terminal and the work is
    /// at least `minimum`.
    pub fn new(total: u64, unit: &str, minimum: u64, enabled: bool) -> Progress {
        let show = enabled && total >= minimum && std::io::stderr().is_terminal();
        let bar = show.then(|| with_target(total, unit, ProgressDrawTarget::stderr()));
        Progress { bar }
    }

    /// Nothing is drawn.
    pub fn hidden() -> Progress {
        Progress { bar: None }
    }

    pub fn inc(&self, n: u64) {
        if let Some(bar) = &self.bar {
            bar.inc(n);
        }
    }

    /// Removes the bar from the terminal.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// The bar's look: `checking [=====>    ] 1,776/20,000 rows  7890/s  2s left`.
fn with_target(total: u64, unit: &str, target: ProgressDrawTarget) -> ProgressBar {
    let template =
        format!("checking [{{bar:30}}] {{human_pos}}/{{human_len}} {unit}  {{rate}}  {{eta}} left");
    let style = ProgressStyle::with_template(&template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .with_key(
            "rate",
            |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.0}/s", state.per_sec());
            },
        )
        .progress_chars("=> ");
    let bar = ProgressBar::with_draw_target(Some(total), target).with_style(style);
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_when_not_enabled_or_small() {
        assert!(Progress::new(1000, "files", MIN_FILES, false).bar.is_none());
        assert!(Progress::new(1, "files", MIN_FILES, true).bar.is_none());
        // The tests run with standard error captured, never a terminal.
        assert!(
            Progress::new(1000, "rows", MIN_ROWS, true).bar.is_none()
                || std::io::stderr().is_terminal()
        );
    }

    #[test]
    fn template_shows_count_and_rate() {
        let bar = with_target(10, "rows", ProgressDrawTarget::hidden());
        bar.inc(4);
        assert_eq!(bar.position(), 4);
        bar.finish_and_clear();
    }
}

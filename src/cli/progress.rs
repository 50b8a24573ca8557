//! The progress bar: articles/s on stderr, only when stderr is a terminal.

use std::io::IsTerminal;

use framescore::pipeline::Progress;
use framescore::report::manifest::{Notice, NoticeKind};
use indicatif::{ProgressBar, ProgressStyle};

/// Shows progress with indicatif, and skipped inputs as they happen.
pub struct Bar {
    bar: Option<ProgressBar>,
    quiet: bool,
}

impl Bar {
    /// A bar on stderr, hidden when stderr is not a terminal or `quiet` is set.
    pub fn new(quiet: bool) -> Bar {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {pos} articles scored ({per_sec}) {elapsed}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar
        });
        Bar { bar, quiet }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Progress for Bar {
    fn advance(&self, done: usize) {
        if let Some(bar) = &self.bar {
            bar.set_position(done as u64);
        }
    }

    fn notice(&self, kind: NoticeKind, notice: &Notice) {
        if self.quiet && kind != NoticeKind::Skipped {
            return;
        }
        let kind = match kind {
            NoticeKind::Skipped => "skipped",
            NoticeKind::Warning => "warning",
            NoticeKind::Note => "note",
        };
        let line = format!(
            "framescore: {kind}: {}: {}",
            notice.location, notice.message
        );
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }
}

//! `framescore lexicon check`: every problem in one pass, with file:line:column.

use std::path::PathBuf;

use framescore::lexicon::{self, LexiconError, Severity};

use super::Exit;
use super::terminal::Out;

/// Validate lexicons and list every problem with file:line:column.
#[derive(clap::Args)]
#[command(
    after_help = "Example:\n  framescore lexicon check              # the built-in lexicons\n  framescore lexicon check my-lexicons  # a folder laid over them"
)]
pub struct Args {
    /// Lexicon folders laid over the built-in lexicons (none: check the built-in ones).
    dirs: Vec<PathBuf>,
}

impl Args {
    pub fn run(self) -> anyhow::Result<Exit> {
        let files = lexicon::gather(&self.dirs)?;
        let problems = match lexicon::build(&files) {
            Ok(lexicon) => lexicon.warnings,
            Err(LexiconError::Invalid(problems)) => problems,
            Err(other) => return Err(other.into()),
        };
        let mut out = Out::new();
        for problem in &problems {
            out.write(&format!("{problem}\n"))?;
        }
        out.flush()?;
        let errors = problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count();
        let warnings = problems.len() - errors;
        eprintln!(
            "framescore: {} file(s) checked: {errors} error(s), {warnings} warning(s)",
            files.len()
        );
        Ok(if errors > 0 {
            Exit::Partial
        } else {
            Exit::Success
        })
    }
}

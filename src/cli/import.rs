//! `framescore lexicon import`: another tool's lexicon as framescore TOML.

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::Context;
use framescore::workbench::import::{self, Format, Options};

use super::Exit;

/// Convert a VADER, LIWC (.dic), quanteda YAML or plain word-list lexicon to framescore TOML.
#[derive(clap::Args)]
#[command(
    after_help = "Example:\n  framescore lexicon import vader vader_lexicon.txt --out my-lexicons/sentiment.toml\n  framescore lexicon import liwc my.dic --family loaded --out my-lexicons/liwc.toml\n  framescore lexicon import yaml dictionary.yml --category economy\n  framescore lexicon import words slurs.txt --category slurs --polarity -1 --out my-lexicons/slurs.toml\n\nLines that cannot be carried over are listed on stderr with their line number."
)]
pub struct Args {
    /// vader, liwc, yaml or words.
    #[arg(value_parser = ["vader", "liwc", "yaml", "words"])]
    format: String,
    /// The lexicon file to read.
    file: PathBuf,
    /// words/vader: the category ID (default: the file name, or `vader`); liwc/yaml: import only this category.
    #[arg(long)]
    category: Option<String>,
    /// The category's polarity, -1 to 1 (words, liwc, yaml).
    #[arg(long, allow_hyphen_values = true)]
    polarity: Option<f64>,
    /// The family of the categories (default: sentiment for vader, loaded otherwise).
    #[arg(long)]
    family: Option<String>,
    /// Write the TOML here instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

impl Args {
    pub fn run(self) -> anyhow::Result<Exit> {
        let format = Format::parse(&self.format).context("unknown format")?;
        let bytes = std::fs::read(&self.file)
            .with_context(|| format!("cannot read `{}`; check the path", self.file.display()))?;
        let path = self.file.display().to_string();
        let options = Options {
            category: self.category,
            polarity: self.polarity,
            family: self.family,
        };
        let imported = import::import(format, &bytes, &path, &options)?;
        let mut malformed = 0;
        for skipped in &imported.skipped {
            let what = if skipped.unsupported {
                "note"
            } else {
                malformed += 1;
                "skipped"
            };
            eprintln!("{path}:{}: {what}: {}", skipped.line, skipped.reason);
        }
        match &self.out {
            Some(out) => std::fs::write(out, &imported.toml)
                .with_context(|| format!("cannot write `{}`", out.display()))?,
            None => {
                let mut stdout = std::io::stdout().lock();
                stdout.write_all(imported.toml.as_bytes())?;
                stdout.flush()?;
            }
        }
        eprintln!(
            "framescore: imported {} term(s) in {} category(ies) from {path} ({}); {} line(s) not carried over",
            imported.terms,
            imported.categories,
            imported.encoding,
            imported.skipped.len()
        );
        Ok(if malformed > 0 {
            Exit::Partial
        } else {
            Exit::Success
        })
    }
}

//! `framescore merge`: shards scored apart, combined into one report set.

use std::path::PathBuf;

use anyhow::Context;
use framescore::lexicon::Lexicon;
use framescore::report::merge::{self, MergeOptions};
use framescore::report::rows::Schemas;

use super::Exit;

/// Merge shards into the reports one run over all their inputs would write.
#[derive(clap::Args)]
#[command(
    after_help = "A shard is a report folder written by `framescore score`, or a file (or - for stdin) written by `framescore score - --jsonl`. Give them in input order.\n\nExample:\n  framescore merge part-1 part-2 --out reports\n  framescore merge part-*.jsonl --out reports --no-html"
)]
pub struct Args {
    /// Report folders or --jsonl files (- for stdin), in input order.
    #[arg(required = true, value_name = "SHARD")]
    shards: Vec<PathBuf>,
    /// Folder for the merged reports.
    #[arg(long, short)]
    out: PathBuf,
    /// Group outlets.csv by this articles.csv text column instead of `outlet`.
    #[arg(long, value_name = "COLUMN", default_value = "outlet")]
    group_by: String,
    /// Do not write report.html and its article pages (needed for JSONL shards, which carry no text).
    #[arg(long)]
    no_html: bool,
    /// Print nothing on success.
    #[arg(long, short)]
    quiet: bool,
}

impl Args {
    pub fn run(self) -> anyhow::Result<Exit> {
        let lexicon = Lexicon::load(&[]).context("cannot load the built-in lexicons")?;
        let base = Schemas::new(&lexicon, &[]);
        let options = MergeOptions {
            out: self.out.clone(),
            html: !self.no_html,
            group_by: self.group_by.clone(),
        };
        let counts = merge::merge(&self.shards, &options, &base).context("cannot merge")?;
        if !self.quiet {
            eprintln!(
                "framescore: {} shards, {} articles merged → {} ({} matches, {} sources, {} actor rows)",
                self.shards.len(),
                counts.articles,
                self.out.display(),
                counts.matches,
                counts.sources,
                counts.actors,
            );
        }
        Ok(Exit::Success)
    }
}

//! `framescore score`: the main job.

use std::path::PathBuf;

use anyhow::Context;
use clap::ValueEnum;
use framescore::ingest::{self, IngestOptions};
use framescore::lexicon::Lexicon;
use framescore::pipeline::{self, Options};
use framescore::text::outlet::OutletFrom;

use super::Exit;
use super::input::InputArgs;
use super::progress::Bar;

#[derive(Clone, Copy, ValueEnum)]
enum OutletSource {
    /// The name of the folder holding each file.
    Folder,
    /// A dateline or byline in the first lines ("CaliToday (28/12/2025):", "Myind Staff").
    Dateline,
    /// The domain of the article's URL, mapped through sources.toml.
    Domain,
}

/// Score articles and write CSV reports.
#[derive(clap::Args)]
#[command(
    after_help = "Example:\n  framescore score seeds --out reports\n  framescore score corpus/ --outlet-from folder --out reports\n  framescore score articles.jsonl --group-by section\n  cat corpus.jsonl | framescore score - --out reports --quiet"
)]
pub struct Args {
    /// Files (.txt .md .jsonl .ndjson .csv), folders (read recursively), or - for stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Folder for the reports.
    #[arg(long, short, default_value = "reports")]
    out: PathBuf,
    /// Lexicon folder laid over the built-in lexicons (repeatable; same file name replaces).
    #[arg(long = "lexicons", value_name = "DIR")]
    lexicons: Vec<PathBuf>,
    #[command(flatten)]
    input: InputArgs,
    /// Worker threads (0: one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
    threads: usize,
    /// Start CSV files with a UTF-8 BOM so Excel reads accents correctly.
    #[arg(long)]
    excel: bool,
    /// Write one JSON object per article to stdout instead of report files (for Spark `pipe`, Hadoop Streaming).
    #[arg(long)]
    jsonl: bool,
    /// In folders, read only files whose path inside the folder matches (repeatable; `*.txt`, `2025/**`).
    #[arg(long = "glob", value_name = "PATTERN")]
    globs: Vec<String>,
    /// In folders, pass over files and folders whose path matches (repeatable; `drafts`, `*.md`).
    #[arg(long = "exclude", value_name = "PATTERN")]
    excludes: Vec<String>,
    /// Group outlets.csv by this articles.csv text column instead of `outlet` (`date`, `section`, any CSV/JSONL input column).
    #[arg(long, value_name = "COLUMN", default_value = "outlet")]
    group_by: String,
    /// Take the outlet of articles whose input names none from their folder, dateline/byline, or URL domain.
    #[arg(long, value_enum, value_name = "FROM")]
    outlet_from: Option<OutletSource>,
    /// Do not write report.html and its article pages.
    #[arg(long)]
    no_html: bool,
    /// No progress bar, no warnings and no notes (skipped inputs are still reported).
    #[arg(long, short)]
    quiet: bool,
}

impl Args {
    pub fn run(self) -> anyhow::Result<Exit> {
        let lexicon = Lexicon::load(&self.lexicons).context("cannot load lexicons")?;
        let options = self.options()?;
        let bar = Bar::new(self.quiet);
        let summary = pipeline::run(&options, &lexicon, &bar);
        bar.finish();
        let summary = summary?;
        if !self.quiet && !self.jsonl {
            eprintln!(
                "framescore: {} articles scored in {:.2}s → {} ({} matches, {} sources, {} actor rows)",
                summary.counts.articles,
                summary.elapsed_seconds,
                options.out.display(),
                summary.counts.matches,
                summary.counts.sources,
                summary.counts.actors,
            );
        }
        if summary.skipped.is_empty() {
            return Ok(Exit::Success);
        }
        eprintln!(
            "framescore: {} input(s) skipped; see the messages above and manifest.json",
            summary.skipped.len()
        );
        Ok(Exit::Partial)
    }

    fn options(&self) -> anyhow::Result<Options> {
        let globs = |patterns: &[String], flag: &str| {
            ingest::globs(patterns).with_context(|| {
                format!("bad {flag} pattern; write e.g. `*.txt`, `2025/**` or `drafts`")
            })
        };
        Ok(Options {
            inputs: self.inputs.clone(),
            ingest: IngestOptions {
                include: globs(&self.globs, "--glob")?,
                exclude: globs(&self.excludes, "--exclude")?,
                ..self.input.options()
            },
            out: self.out.clone(),
            threads: self.threads,
            excel: self.excel,
            jsonl: self.jsonl,
            globs: self.globs.clone(),
            excludes: self.excludes.clone(),
            html: !self.no_html,
            group_by: self.group_by.clone(),
            outlet_from: self.outlet_from.map(|f| match f {
                OutletSource::Folder => OutletFrom::Folder,
                OutletSource::Dateline => OutletFrom::Dateline,
                OutletSource::Domain => OutletFrom::Domain,
            }),
        })
    }
}

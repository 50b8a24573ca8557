//! `framescore suggest`: candidate lexicon terms by keyness against a reference corpus.

use std::path::PathBuf;

use anyhow::Context;
use framescore::lexicon::Lexicon;
use framescore::report::cell::{Cell, Table};
use framescore::workbench::suggest::{self, HEADER, LEARNED_HEADER, Options};

use super::Exit;

/// List words and 2-3-word phrases over-represented in INPUT against a reference corpus, not yet in any lexicon.
#[derive(clap::Args)]
#[command(
    after_help = "Example:\n  framescore suggest seeds --reference ../shared/data/bbc-news/bbc --top 30\n  framescore suggest my-articles --reference background/ --min-count 5 --out candidates.csv\n\nKeyness is signed log-likelihood (G²), as quanteda's textstat_keyness(measure = \"lr\"); see README.md (\"Finding candidate terms\")."
)]
pub struct Args {
    /// Files or folders of the corpus to find terms in.
    #[arg(required_unless_present = "gold")]
    inputs: Vec<PathBuf>,
    /// Files or folders of the reference corpus (repeatable).
    #[arg(long, required_unless_present = "gold", num_args = 1..)]
    reference: Vec<PathBuf>,
    /// Instead: train the learned model for this gold file's task (hedges or targets) and list the word features it weighs most that are not lexicon entries.
    #[arg(long, value_name = "FILE.jsonl", conflicts_with_all = ["inputs", "reference"])]
    gold: Option<PathBuf>,
    /// Fewest occurrences in INPUT for a candidate.
    #[arg(long, default_value_t = 3)]
    min_count: usize,
    /// Candidates to list.
    #[arg(long, default_value_t = 50)]
    top: usize,
    /// Longest phrase, in words (1-3).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u8).range(1..=3))]
    max_words: u8,
    /// Lexicon folder laid over the built-in lexicons (repeatable): their entries are not suggested.
    #[arg(long = "lexicons", value_name = "DIR")]
    lexicons: Vec<PathBuf>,
    /// Write the CSV here instead of standard output.
    #[arg(long, value_name = "FILE.csv")]
    out: Option<PathBuf>,
}

impl Args {
    pub fn run(self) -> anyhow::Result<Exit> {
        let lexicon = Lexicon::load(&self.lexicons).context("cannot load lexicons")?;
        if let Some(gold) = &self.gold {
            return self.run_gold(gold, &lexicon);
        }
        let options = Options {
            min_count: self.min_count.max(1),
            top: self.top,
            max_words: usize::from(self.max_words),
            ..Options::default()
        };
        let found = suggest::suggest(&self.inputs, &self.reference, &lexicon, &options)?;
        for skip in &found.skipped {
            eprintln!("framescore: skipped: {}: {}", skip.location, skip.message);
        }
        let mut table = self.table(&HEADER)?;
        for c in &found.candidates {
            let example = |i: usize| c.examples.get(i).map_or(Cell::Empty, Cell::text);
            table.row(&[
                Cell::text(&c.term),
                Cell::Int(c.words),
                Cell::Int(c.count),
                Cell::Int(c.reference_count),
                Cell::Num(c.keyness),
                example(0),
                example(1),
            ])?;
        }
        table.finish()?;
        eprintln!(
            "framescore: {} candidate(s) from {} article(s) ({} words) against {} reference article(s) ({} words)",
            found.candidates.len(),
            found.articles.0,
            found.tokens.0,
            found.articles.1,
            found.tokens.1
        );
        Ok(if found.skipped.is_empty() {
            Exit::Success
        } else {
            Exit::Partial
        })
    }

    fn table(&self, header: &[&str]) -> anyhow::Result<Table<Box<dyn std::io::Write>>> {
        let out: Box<dyn std::io::Write> = match &self.out {
            Some(path) => Box::new(
                std::fs::File::create(path)
                    .with_context(|| format!("cannot create `{}`", path.display()))?,
            ),
            None => Box::new(std::io::stdout().lock()),
        };
        let header: Vec<String> = header.iter().map(|h| (*h).to_string()).collect();
        Ok(Table::new(out, &header)?)
    }

    fn run_gold(&self, gold: &std::path::Path, lexicon: &Lexicon) -> anyhow::Result<Exit> {
        let records = framescore::learn::gold::read_file(gold)?;
        let path = gold.display().to_string();
        let Some(name) = suggest::gold_task(&records) else {
            anyhow::bail!(
                "`{path}` has no `hedge` spans and no `targets`, so no learned task can be trained on it (attribution gold trains with `framescore train --task attribution`)"
            );
        };
        let task = framescore::learn::task::task(name)?;
        let found = suggest::from_gold(task, &path, &records, lexicon, self.top)?;
        let mut table = self.table(&LEARNED_HEADER)?;
        for c in &found {
            table.row(&[
                Cell::text(&c.term),
                Cell::text(&c.feature),
                Cell::text(&c.label),
                Cell::Num(c.weight),
            ])?;
        }
        table.finish()?;
        eprintln!(
            "framescore: trained `{name}` on {path}: {} feature(s) outside the lexicons",
            found.len()
        );
        Ok(Exit::Success)
    }
}

//! Command-line interface: clap types stop here; each subcommand turns its
//! arguments into library options and calls the library.

mod check;
mod diff;
mod dump;
mod eval;
mod explain;
mod import;
mod input;
mod kwic;
mod merge;
mod progress;
mod score;
mod suggest;
mod terminal;
mod train;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Everything was done.
    Success,
    /// Done, but some input was skipped (or the lexicon has errors, for `lexicon check`).
    Partial,
    /// Nothing was done.
    Failure,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        match exit {
            Exit::Success => ExitCode::SUCCESS,
            Exit::Partial => ExitCode::from(1),
            Exit::Failure => ExitCode::from(2),
        }
    }
}

#[derive(Parser)]
#[command(
    name = "framescore",
    version,
    about = "Score news articles for sourcing, certainty, loaded language and how they treat each actor.",
    long_about = "Score news articles for sourcing, certainty, loaded language and how they treat each actor.\n\nframescore measures textual signals of sourcing and framing; it does not check facts.",
    after_help = "Exit codes: 0 success, 1 some input skipped (or lexicon errors; for kwic, no hit), 2 failure."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Score articles and write CSV reports.
    Score(score::Args),
    /// Show one article's sources, unsupported claims, loaded words and actors.
    Explain(explain::Args),
    /// Show every occurrence of a word, phrase, pattern, category, actor or source in context.
    Kwic(kwic::Args),
    /// Merge report folders or --jsonl outputs of shards into the reports of one run.
    Merge(merge::Args),
    /// Compare two report folders, or one corpus scored with two lexicon versions.
    Diff(diff::Args),
    /// Train a learned model on gold annotations (JSONL).
    Train(train::Args),
    /// Measure the lexicons against gold annotations (JSONL).
    Eval(eval::Args),
    /// List candidate lexicon terms: words and phrases over-represented against a reference corpus.
    Suggest(suggest::Args),
    /// Work with lexicon files.
    #[command(subcommand)]
    Lexicon(LexiconCommand),
}

#[derive(Subcommand)]
enum LexiconCommand {
    /// Validate lexicons and list every problem with file:line:column.
    Check(check::Args),
    /// Write the built-in lexicons (all, or one by name).
    Dump(dump::Args),
    /// Convert a VADER, LIWC, quanteda YAML or word-list lexicon to framescore TOML.
    Import(import::Args),
}

/// Parses the command line and runs the subcommand.
pub fn run() -> anyhow::Result<Exit> {
    let cli = Cli::parse();
    match cli.command {
        Command::Score(args) => args.run(),
        Command::Explain(args) => args.run(),
        Command::Kwic(args) => args.run(),
        Command::Merge(args) => args.run(),
        Command::Diff(args) => args.run(),
        Command::Train(args) => args.run(),
        Command::Eval(args) => args.run(),
        Command::Suggest(args) => args.run(),
        Command::Lexicon(LexiconCommand::Check(args)) => args.run(),
        Command::Lexicon(LexiconCommand::Dump(args)) => args.run(),
        Command::Lexicon(LexiconCommand::Import(args)) => args.run(),
    }
}

/// Whether an error is a closed stdout (`framescore … | head`), which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        let io = e.downcast_ref::<std::io::Error>().or_else(|| {
            e.downcast_ref::<framescore::pipeline::PipelineError>()
                .and_then(|p| p.io_error())
        });
        io.is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

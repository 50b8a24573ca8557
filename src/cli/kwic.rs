//! `framescore kwic`: every hit of a term or category, in context, across a batch —
//! the lexicon maintainer's check that a new entry means what it should.

use std::path::PathBuf;

use anyhow::Context;
use framescore::ingest::{IngestOptions, Item, read_inputs};
use framescore::lexicon::Lexicon;
use framescore::pipeline::analyze_guarded;
use framescore::report::rows::actor_id;
use framescore::text::normalize::fold;

use super::Exit;
use super::terminal::Out;

/// Show every hit of a term or category in context.
#[derive(clap::Args)]
#[command(
    after_help = "Example:\n  framescore kwic 'wolf warrior' seeds\n  framescore kwic --category name_calling seeds"
)]
pub struct Args {
    /// A lexicon term ("hegemon*" or "hegemon"; case and quotes ignored), or with --category a category ID.
    pattern: String,
    /// Files, folders, or - for stdin.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Treat PATTERN as a category ID.
    #[arg(long)]
    category: bool,
    /// Lexicon folder laid over the built-in lexicons (repeatable).
    #[arg(long = "lexicons", value_name = "DIR")]
    lexicons: Vec<PathBuf>,
    /// Characters of context on each side.
    #[arg(long, default_value_t = 50)]
    width: usize,
}

impl Args {
    pub fn run(self) -> anyhow::Result<Exit> {
        let lexicon = Lexicon::load(&self.lexicons).context("cannot load lexicons")?;
        let wanted = self.wanted(&lexicon)?;
        let mut out = Out::new();
        let mut hits = 0usize;
        let mut failure: Option<std::io::Error> = None;
        let mut skipped = 0;
        read_inputs(&self.inputs, &IngestOptions::default(), &mut |item| {
            let article = match item {
                Item::Article(a) => a,
                Item::Skip(s) => {
                    eprintln!("framescore: skipped: {}: {}", s.location, s.message);
                    skipped += 1;
                    return true;
                }
                Item::Warning(_) | Item::Note(_) => return true,
            };
            let a = match analyze_guarded(&article, &lexicon) {
                Ok(a) => a,
                Err(n) => {
                    eprintln!("framescore: skipped: {}: {}", n.location, n.message);
                    skipped += 1;
                    return true;
                }
            };
            for h in a.terms.iter().filter(|h| wanted.contains(&h.term)) {
                let text = &a.article.text;
                let left: String = text[..h.start]
                    .chars()
                    .rev()
                    .take(self.width)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let right: String = text[h.end..].chars().take(self.width).collect();
                let target = h
                    .target
                    .map(|t| format!(" → {}", actor_id(&a, t, &lexicon)))
                    .unwrap_or_default();
                let voice = if h.quoted { "quoted" } else { "authorial" };
                let line = format!(
                    "{}:{}\t{:>w$} [{}] {:<w$}\t{voice}{target}",
                    a.article.id,
                    h.sentence,
                    left.replace(['\n', '\r', '\t'], " "),
                    &text[h.start..h.end],
                    right.replace(['\n', '\r', '\t'], " "),
                    w = self.width
                );
                if let Err(e) = out.write(&line).and_then(|()| out.write("\n")) {
                    failure = Some(e);
                    return false;
                }
                hits += 1;
            }
            true
        });
        if let Some(e) = failure.or_else(|| out.flush().err()) {
            return Err(e.into());
        }
        eprintln!("framescore: {hits} hit(s)");
        Ok(if skipped > 0 {
            Exit::Partial
        } else {
            Exit::Success
        })
    }

    /// Term indexes that the pattern selects.
    fn wanted(&self, lexicon: &Lexicon) -> anyhow::Result<Vec<usize>> {
        let bare = |t: &str| fold(t.trim_end_matches('*'));
        let pattern = bare(&self.pattern);
        let wanted: Vec<usize> = lexicon
            .terms
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                if self.category {
                    lexicon.categories[t.category].id == self.pattern.trim()
                } else {
                    bare(&t.text) == pattern
                }
            })
            .map(|(i, _)| i)
            .collect();
        if wanted.is_empty() {
            let what = if self.category { "category" } else { "term" };
            anyhow::bail!(
                "no lexicon {what} `{}`; check the spelling in lexicons/ (or use --category for a category ID)",
                self.pattern
            );
        }
        Ok(wanted)
    }
}

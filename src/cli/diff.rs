//! `framescore diff`: what moved between two report sets, or between two
//! lexicon versions over one corpus.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use clap::ValueEnum;
use framescore::diff::{self, Diff, EntryLookup, NoEntries};
use framescore::lexicon::Lexicon;
use framescore::pipeline::{self, Options, Silent};

use super::Exit;
use super::input::InputArgs;
use super::progress::Bar;
use super::terminal::Out;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Csv,
}

/// Compare two report folders, or one corpus scored with two lexicon versions.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  framescore diff reports-before reports-after\n  framescore diff --lexicons my-lexicons seeds              (built-in → my-lexicons)\n  framescore diff --lexicons v1 --lexicons v2 seeds --format csv --out diff.csv"
)]
pub struct Args {
    /// OLD NEW report folders; with --lexicons, the articles to score (files, folders, -).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Score PATHs twice: with the built-in lexicons and this folder, or (given twice) with the first and the second folder.
    #[arg(long = "lexicons", value_name = "DIR")]
    lexicons: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Rows shown per list in the table (0: all); CSV always has every row.
    #[arg(long, default_value_t = 25)]
    top: usize,
    /// Worker threads when scoring (0: one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
    threads: usize,
    #[command(flatten)]
    input: InputArgs,
}

impl Args {
    pub fn run(self) -> anyhow::Result<Exit> {
        let (diff, old_name, new_name, skipped) = if self.lexicons.is_empty() {
            let (diff, old, new) = self.folders()?;
            (diff, old, new, 0)
        } else {
            self.rescore()?
        };
        for note in &diff.notes {
            eprintln!("framescore: note: {note}");
        }
        let text = match self.format {
            Format::Csv => {
                let bytes = diff::write_csv(&diff, Vec::new())?;
                String::from_utf8(bytes).context("CSV is UTF-8")?
            }
            Format::Table => render(&diff, &old_name, &new_name, self.top),
        };
        match &self.out {
            Some(path) => std::fs::write(path, text)
                .with_context(|| format!("cannot write `{}`", path.display()))?,
            None => {
                let mut out = Out::new();
                out.write(&text)?;
                out.flush()?;
            }
        }
        if skipped > 0 {
            eprintln!("framescore: {skipped} input(s) skipped; see the messages above");
            return Ok(Exit::Partial);
        }
        Ok(Exit::Success)
    }

    /// `diff OLD NEW`: two report folders.
    fn folders(&self) -> anyhow::Result<(Diff, String, String)> {
        let [old, new] = self.paths.as_slice() else {
            bail!(
                "give two report folders (OLD NEW), or --lexicons DIR and the articles to score; got {} path(s)",
                self.paths.len()
            );
        };
        for dir in [old, new] {
            if !dir.is_dir() {
                bail!(
                    "`{}` is not a folder; give two folders written by `framescore score --out`",
                    dir.display()
                );
            }
        }
        let old_lex = lexicon_of(old);
        let new_lex = lexicon_of(new);
        let mut diff = diff::compare(old, new, lookup(&old_lex), lookup(&new_lex))?;
        for (dir, lex) in [(old, &old_lex), (new, &new_lex)] {
            match lex {
                Err(why) => diff.notes.push(format!(
                    "{}: lexicon entries not shown: {why}",
                    dir.display()
                )),
                Ok((_, false)) => diff.notes.push(format!(
                    "{}: its lexicon files changed since it was scored; entries are looked up in the files as they are now",
                    dir.display()
                )),
                Ok(_) => {}
            }
        }
        Ok((diff, old.display().to_string(), new.display().to_string()))
    }

    /// `diff --lexicons A [--lexicons B] INPUT...`: one corpus scored twice.
    fn rescore(&self) -> anyhow::Result<(Diff, String, String, usize)> {
        let (old_dirs, new_dirs, old_name) = match self.lexicons.as_slice() {
            [b] => (Vec::new(), vec![b.clone()], "built-in lexicons".to_string()),
            [a, b] => (vec![a.clone()], vec![b.clone()], a.display().to_string()),
            more => bail!(
                "--lexicons is given {} times; give it once (built-in → DIR) or twice (OLD → NEW)",
                more.len()
            ),
        };
        let new_name = new_dirs[0].display().to_string();
        let old_lex = Lexicon::load(&old_dirs)
            .with_context(|| format!("cannot load lexicons ({old_name})"))?;
        let new_lex = Lexicon::load(&new_dirs)
            .with_context(|| format!("cannot load lexicons ({new_name})"))?;
        let work = tempfile::tempdir().context("cannot create a temporary folder")?;
        let (old_out, new_out) = (work.path().join("old"), work.path().join("new"));
        let bar = Bar::new(true);
        let skipped = self.score(&old_lex, &old_out, &bar)?;
        self.score(&new_lex, &new_out, &Silent)?;
        let diff = diff::compare(&old_out, &new_out, &old_lex, &new_lex)?;
        Ok((diff, old_name, new_name, skipped))
    }

    fn score(
        &self,
        lexicon: &Lexicon,
        out: &Path,
        progress: &dyn pipeline::Progress,
    ) -> anyhow::Result<usize> {
        let options = Options {
            ingest: self.input.options(),
            threads: self.threads,
            // the comparison reads the CSV files only
            html: false,
            ..Options::new(self.paths.clone(), out.to_path_buf())
        };
        match pipeline::run(&options, lexicon, progress) {
            Ok(summary) => Ok(summary.skipped.len()),
            Err(pipeline::PipelineError::NoArticles { .. }) => bail!(
                "no article could be read from the inputs (see the messages above): nothing to compare; check the paths"
            ),
            Err(e) => Err(e.into()),
        }
    }
}

/// The lexicons a report folder was scored with, as its manifest names them.
fn lexicon_of(dir: &Path) -> Result<(Lexicon, bool), String> {
    let manifest = diff::read_manifest(dir)
        .map_err(|e| e.to_string())?
        .ok_or("no manifest.json says which lexicons were used")?;
    let dirs = diff::lexicon_dirs(&manifest).ok_or("manifest.json lists no lexicon files")?;
    let lexicon = Lexicon::load(&dirs).map_err(|e| format!("cannot load them again: {e}"))?;
    let same = manifest.get("lexicon_digest").and_then(|d| d.as_str()) == Some(&lexicon.digest);
    Ok((lexicon, same))
}

fn lookup(lex: &Result<(Lexicon, bool), String>) -> &dyn EntryLookup {
    match lex {
        Ok((lexicon, _)) => lexicon,
        Err(_) => &NoEntries,
    }
}

fn render(diff: &Diff, old: &str, new: &str, top: usize) -> String {
    let s = &diff.summary;
    let mut out = String::new();
    let _ = writeln!(out, "old: {old}\nnew: {new}");
    let _ = writeln!(
        out,
        "articles: {} in both, {} only in old, {} only in new; {} with changed figures; {} actor rows changed",
        s.articles_both,
        s.only_old.len(),
        s.only_new.len(),
        s.articles_changed,
        s.actors_changed
    );
    let families: Vec<String> = s
        .added
        .keys()
        .chain(s.removed.keys())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|f| {
            format!(
                "{f} +{} −{}",
                s.added.get(f).copied().unwrap_or(0),
                s.removed.get(f).copied().unwrap_or(0)
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "matches: +{} added, −{} removed{}",
        diff.added.len(),
        diff.removed.len(),
        if families.is_empty() {
            String::new()
        } else {
            format!(" ({})", families.join("; "))
        }
    );
    for (what, ids) in [("only in old", &s.only_old), ("only in new", &s.only_new)] {
        if !ids.is_empty() {
            let _ = writeln!(out, "articles {what}: {}", shown(ids, top).join(", "));
        }
    }
    let limit = |n: usize| if top == 0 { n } else { n.min(top) };
    let _ = writeln!(
        out,
        "\nFigure changes, largest first ({} of {})",
        limit(diff.figures.len()),
        diff.figures.len()
    );
    if diff.figures.is_empty() {
        let _ = writeln!(out, "  none");
    }
    let rows: Vec<_> = diff
        .figures
        .iter()
        .take(limit(diff.figures.len()))
        .collect();
    let name = |c: &diff::FigureChange| match &c.actor {
        Some(actor) => format!("{} · {actor}", c.article_id),
        None => c.article_id.clone(),
    };
    let width = rows
        .iter()
        .map(|c| name(c).chars().count())
        .max()
        .unwrap_or(7)
        .clamp(7, 44);
    let fig_width = rows
        .iter()
        .map(|c| c.figure.len())
        .max()
        .unwrap_or(6)
        .max(6);
    if !rows.is_empty() {
        let _ = writeln!(
            out,
            "  {:<width$}  {:<fig_width$}  {:>10}  {:>10}  {:>10}",
            "article", "figure", "old", "new", "change"
        );
    }
    let num = |x: Option<f64>| x.map_or("–".to_string(), |x| format!("{x:.4}"));
    for c in rows {
        let _ = writeln!(
            out,
            "  {:<width$}  {:<fig_width$}  {:>10}  {:>10}  {:>+10.4}",
            clip(&name(c), width),
            c.figure,
            num(c.old),
            num(c.new),
            c.delta()
        );
    }
    for (sign, title, rows) in [
        ('+', "Matches added", &diff.added),
        ('−', "Matches removed", &diff.removed),
    ] {
        let _ = writeln!(out, "\n{title} ({} of {})", limit(rows.len()), rows.len());
        if rows.is_empty() {
            let _ = writeln!(out, "  none");
        }
        for m in rows.iter().take(limit(rows.len())) {
            let entry = m
                .entry
                .as_deref()
                .map(|e| format!(" ← {e}"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {sign} {}:{} \"{}\" {}/{}{entry}  {}",
                m.article_id, m.sentence, m.text, m.family, m.category, m.context
            );
        }
    }
    out
}

fn shown(ids: &[String], top: usize) -> Vec<String> {
    let n = if top == 0 {
        ids.len()
    } else {
        ids.len().min(top)
    };
    let mut out: Vec<String> = ids[..n].to_vec();
    if n < ids.len() {
        out.push(format!("… {} more", ids.len() - n));
    }
    out
}

fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{cut}…")
}

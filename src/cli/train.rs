//! `framescore train`: refit a learned model on gold annotations.

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::Context;
use framescore::learn::gold;
use framescore::learn::task::{self, FitOptions, Provenance};
use framescore::learn::{Learner, TrainOptions};
use framescore::lexicon::{Lexicon, MODELS_DIR};

use super::Exit;

/// Train a model (hedges, targets) on gold JSONL and write DIR/models/<task>.tsv.
#[derive(clap::Args)]
#[command(
    after_help = "Example:\n  framescore train --gold szeged-train.jsonl --dev szeged-dev.jsonl --task hedges --out my-lexicons\n  framescore score articles/ --lexicons my-lexicons\n\nThe gold format is described in README.md (\"Gold annotations\")."
)]
pub struct Args {
    /// Gold annotations (JSONL); records with split dev/test are held out.
    #[arg(long)]
    gold: PathBuf,
    /// What to learn: hedges, targets or attribution.
    #[arg(long)]
    task: String,
    /// Folder to write models/<task>.tsv into (use it with --lexicons).
    #[arg(long)]
    out: PathBuf,
    /// Held-out gold records to score the model on (default: the dev/test records of --gold).
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Keep only the K weights largest in absolute value.
    #[arg(long, value_name = "K")]
    keep: Option<usize>,
    /// Model sizes to score on the held-out records.
    #[arg(long, value_delimiter = ',', default_value = "50,200,1000")]
    sizes: Vec<usize>,
    /// Learner: perceptron (averaged) or logistic (L1-regularised, sparse).
    #[arg(long, default_value = "perceptron", value_parser = ["perceptron", "logistic"])]
    learner: String,
    /// L1 strength of the logistic learner (larger: fewer weights).
    #[arg(long, default_value_t = 1.0)]
    l1: f64,
    /// Passes over the training data.
    #[arg(long, default_value_t = 10)]
    epochs: usize,
    /// Drop features seen in fewer training examples than this.
    #[arg(long, default_value_t = 2)]
    min_count: usize,
    /// What the data are, for the model header.
    #[arg(long, default_value = "")]
    data: String,
    /// The licence of the data, for the model header.
    #[arg(long, default_value = "")]
    licence: String,
    /// Lexicon folders whose hits are features (default: the built-in lexicons).
    #[arg(long = "lexicons", value_name = "DIR")]
    lexicons: Vec<PathBuf>,
}

impl Args {
    pub fn run(self) -> anyhow::Result<Exit> {
        if self.task == "attribution" {
            return self.run_attribution();
        }
        let task = task::task(&self.task)?;
        let lexicon = Lexicon::load(&self.lexicons).context("cannot load lexicons")?;
        let records = gold::read_file(&self.gold)?;
        let dev = match &self.dev {
            Some(path) => gold::read_file(path)?,
            None => records.iter().filter(|r| !r.is_train()).cloned().collect(),
        };
        let options = FitOptions {
            train: TrainOptions {
                learner: if self.learner == "logistic" {
                    Learner::LogisticL1 { c: self.l1 }
                } else {
                    Learner::Perceptron
                },
                epochs: self.epochs,
                min_count: self.min_count,
                ..TrainOptions::default()
            },
            keep: self.keep,
            sizes: self.sizes.clone(),
        };
        let gold_path = self.gold.display().to_string();
        let fitted = task::fit(task, &gold_path, &records, &dev, &lexicon, &options)?;
        let provenance = Provenance {
            data: self.data.clone(),
            made_by: made_by(),
            licence: self.licence.clone(),
        };
        let text = task::model_file(task, &fitted, &provenance);
        let dir = self.out.join(MODELS_DIR);
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create `{}`", dir.display()))?;
        let path = dir.join(format!("{}.tsv", task.name()));
        write_model(&path, &text)?;
        let mut out = std::io::stdout().lock();
        for (k, figures) in &fitted.by_size {
            writeln!(out, "{k:>7} weights: {}", task::figures_line(figures))?;
        }
        eprintln!(
            "framescore: {} examples, {} of {} weights kept: wrote {}",
            fitted.examples,
            fitted.model.weights().len(),
            fitted.full_size,
            path.display()
        );
        Ok(Exit::Success)
    }
}

impl Args {
    /// The attribution tagger: cue and source weights over the attribution
    /// rules' features, averaged perceptron, the `--keep` heaviest features
    /// (default 10,000 per label) refitted.
    fn run_attribution(&self) -> anyhow::Result<Exit> {
        use framescore::analyze::attribution::tagger;
        use framescore::ingest::Article;
        let lexicon = Lexicon::load(&self.lexicons).context("cannot load lexicons")?;
        let gold = tagger::gold_cues(framescore::learn::gold::read_file(&self.gold)?);
        let (mut cues, mut sources) = (Vec::new(), Vec::new());
        for doc in &gold {
            let article = Article::from_text(&doc.id, &doc.text);
            cues.extend(tagger::examples(&article, &doc.cues, &lexicon));
            sources.extend(tagger::examples(&article, &doc.sources, &lexicon));
        }
        if !cues.iter().any(|(_, y)| *y) {
            anyhow::bail!(
                "`{}`: empty training set for task `attribution`: no `cue` span; check the span labels",
                self.gold.display()
            );
        }
        let keep = self.keep.unwrap_or(10_000);
        let model = tagger::train_pruned(&cues, self.epochs, keep)
            .with_source(tagger::train_pruned(&sources, self.epochs, keep));
        let header = format!(
            "attribution tagger of framescore: feature<TAB>weight; a word above 0 is proposed as a cue, `source:` weights mark source words\n\
             averaged perceptron, {} epochs, the {keep} heaviest features per label refitted ({} weights), proper names masked\n\
             data: {} ({} articles, {} words){}{}\n\
             made by: {}",
            self.epochs,
            model.len(),
            self.gold.display(),
            gold.len(),
            cues.len(),
            if self.data.is_empty() { "" } else { "; " },
            self.data,
            made_by()
        );
        let dir = self.out.join(MODELS_DIR);
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create `{}`", dir.display()))?;
        let path = dir.join("attribution.tsv");
        write_model(&path, &model.to_tsv(&header))?;
        eprintln!(
            "framescore: {} examples, {} weights: wrote {}",
            cues.len(),
            model.len(),
            path.display()
        );
        Ok(Exit::Success)
    }
}

/// The command line as typed, quoted where a shell would need it.
fn made_by() -> String {
    let quote = |a: String| {
        if !a.is_empty()
            && a.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_./=,:@+".contains(c))
        {
            a
        } else {
            format!("'{}'", a.replace('\'', r"'\''"))
        }
    };
    std::iter::once("framescore".to_string())
        .chain(std::env::args().skip(1).map(quote))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes a model file whole or not at all: into `NAME.tsv.partial` beside it
/// (created with the usual `0666 & !umask` mode, so colleagues can read it),
/// then renamed over the old file. A partial file left by a killed run is
/// replaced by the next one.
fn write_model(path: &std::path::Path, text: &str) -> anyhow::Result<()> {
    let partial = path.with_extension("tsv.partial");
    let write = || -> std::io::Result<()> {
        let mut file = std::fs::File::create(&partial)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&partial, path)
    };
    write().map_err(|e| {
        let _ = std::fs::remove_file(&partial);
        anyhow::anyhow!(
            "cannot write `{}`: {e}; check that the folder is writable and has space",
            path.display()
        )
    })
}

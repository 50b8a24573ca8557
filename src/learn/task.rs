//! Tasks: what a model is trained to decide, from which gold annotations.
//!
//! A task turns gold records into [`Example`]s (one per word for hedges, one
//! per target for target sentiment) with the same feature extractor the
//! analysis uses, names its labels and feature templates (the model loader
//! refuses others), and scores a model on held-out records. [`fit`] is the
//! whole of `framescore train`: examples → averaged perceptron → pruned model
//! → header. A new task (attribution cues and sources) is one more
//! implementation of [`Task`] and one more arm in [`task`].

use crate::analyze::{self, ActorRef, hedge_model, stance_model};
use crate::ingest::{Article, TargetSpec};
use crate::lexicon::Lexicon;

use super::gold::{GoldRecord, Polarity};
use super::{Example, Model, Prf, TrainOptions, train};

/// The task names `framescore train --task` takes.
pub const TASKS: &[&str] = &["hedges", "targets", "attribution"];

/// What a model decides, and from which annotations.
pub trait Task: Sync {
    /// The name in `--task` and in `lexicons/models/<name>.tsv`.
    fn name(&self) -> &'static str;
    /// The non-null labels, in score order.
    fn labels(&self) -> &'static [&'static str];
    /// The feature templates the extractor makes.
    fn templates(&self) -> &'static [&'static str];
    /// The training examples of one gold record.
    fn examples(&self, record: &GoldRecord, lexicon: &Lexicon) -> Vec<Example>;
    /// Figures of `model` on held-out records, most important first.
    fn evaluate(
        &self,
        model: &Model,
        records: &[GoldRecord],
        lexicon: &Lexicon,
    ) -> Vec<(String, f64)>;
}

/// Why a task or a training run cannot go ahead.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// `--task` names no task.
    #[error("unknown task `{0}`; use one of: hedges, targets, attribution")]
    UnknownTask(String),
    /// The task exists but is not a [`Task`]: the attribution tagger has its
    /// own model format and trainer (`analyze::attribution::tagger`).
    #[error(
        "task `{0}` is not trained through `learn::task`: its model has its own format; `framescore train --task {0}` trains it"
    )]
    NotYetAvailable(String),
    /// Nothing to learn from.
    #[error(
        "`{path}`: empty training set for task `{task}`: {why}; check the `split` field and the span labels or targets"
    )]
    Empty {
        /// The gold file.
        path: String,
        /// The task.
        task: String,
        /// What was missing.
        why: String,
    },
}

/// The task of a `--task` name.
pub fn task(name: &str) -> Result<&'static dyn Task, TrainError> {
    match name {
        "hedges" => Ok(&Hedges),
        "targets" => Ok(&Targets),
        "attribution" => Err(TrainError::NotYetAvailable(name.to_string())),
        _ => Err(TrainError::UnknownTask(name.to_string())),
    }
}

/// What [`fit`] returns: the model and its figures on held-out records.
#[derive(Debug, Clone)]
pub struct Fitted {
    /// The model, pruned to `keep` weights when asked.
    pub model: Model,
    /// Training examples used.
    pub examples: usize,
    /// Weights before pruning.
    pub full_size: usize,
    /// For each model size tried (weights kept), the task's figures on the
    /// held-out records; empty without held-out records.
    pub by_size: Vec<(usize, Vec<(String, f64)>)>,
}

/// How [`fit`] trains and prunes.
#[derive(Debug, Clone, Default)]
pub struct FitOptions {
    /// Learner settings.
    pub train: TrainOptions,
    /// Weights to keep (the largest by |weight|); all when `None`.
    pub keep: Option<usize>,
    /// Model sizes to score on the held-out records.
    pub sizes: Vec<usize>,
}

/// Trains a model for `task` on the training records (no split, or `train`),
/// prunes it to `options.keep` weights, and scores it on `dev` at each of
/// `options.sizes` (and the kept and full sizes).
pub fn fit(
    task: &dyn Task,
    gold_path: &str,
    records: &[GoldRecord],
    dev: &[GoldRecord],
    lexicon: &Lexicon,
    options: &FitOptions,
) -> Result<Fitted, TrainError> {
    let (keep, sizes) = (options.keep, options.sizes.as_slice());
    let train_records: Vec<&GoldRecord> = records.iter().filter(|r| r.is_train()).collect();
    let examples: Vec<Example> = train_records
        .iter()
        .flat_map(|r| task.examples(r, lexicon))
        .collect();
    let empty = |why: &str| TrainError::Empty {
        path: gold_path.to_string(),
        task: task.name().to_string(),
        why: why.to_string(),
    };
    if examples.is_empty() {
        return Err(empty(&format!(
            "{} training record(s) give no example",
            train_records.len()
        )));
    }
    if examples.iter().all(|e| e.label.is_none()) {
        return Err(empty(&format!(
            "none of the {} examples carries a label ({})",
            examples.len(),
            task.labels().join(", ")
        )));
    }
    let labels: Vec<String> = task.labels().iter().map(|s| (*s).to_string()).collect();
    let full = train(&examples, &labels, &options.train);
    let full_size = full.weights().len();
    let model = match keep {
        Some(k) => full.prune(k),
        None => full.clone(),
    };
    let mut by_size = Vec::new();
    if !dev.is_empty() {
        let mut tried: Vec<usize> = sizes.iter().copied().filter(|&k| k < full_size).collect();
        tried.extend(keep.filter(|&k| k < full_size));
        tried.push(full_size);
        tried.sort_unstable();
        tried.dedup();
        for k in tried {
            let m = full.prune(k);
            by_size.push((k, task.evaluate(&m, dev, lexicon)));
        }
    }
    Ok(Fitted {
        model,
        examples: examples.len(),
        full_size,
        by_size,
    })
}

/// Hedge cues, one example per word: is this word part of an uncertainty cue?
#[derive(Debug, Clone, Copy)]
pub struct Hedges;

impl Hedges {
    /// For each sentence of the record's analysis: (gold, features) per word.
    fn words(record: &GoldRecord, lexicon: &Lexicon) -> Vec<Vec<(bool, Vec<String>)>> {
        let article = Article::from_text(&record.id, &record.text);
        let a = analyze::analyze_with(&article, lexicon, analyze::Layers::LexiconOnly);
        // gold hedge spans as byte ranges
        let bytes: Vec<usize> = record
            .text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(record.text.len()))
            .collect();
        let gold: Vec<(usize, usize)> = record
            .spans
            .iter()
            .filter(|s| s.label == "hedge")
            .map(|s| (bytes[s.start], bytes[s.end]))
            .collect();
        (0..a.sentence_words.len())
            .map(|s| {
                let view = hedge_model::SentenceView::new(&a, lexicon, s);
                a.sentence_words[s]
                    .clone()
                    .enumerate()
                    .map(|(k, i)| {
                        let w = &a.words[i].span;
                        let is_gold = gold.iter().any(|&(gs, ge)| w.start < ge && gs < w.end);
                        (is_gold, hedge_model::word_features(&view, k))
                    })
                    .collect()
            })
            .collect()
    }
}

impl Task for Hedges {
    fn name(&self) -> &'static str {
        "hedges"
    }

    fn labels(&self) -> &'static [&'static str] {
        hedge_model::LABELS
    }

    fn templates(&self) -> &'static [&'static str] {
        hedge_model::TEMPLATES
    }

    fn examples(&self, record: &GoldRecord, lexicon: &Lexicon) -> Vec<Example> {
        Self::words(record, lexicon)
            .into_iter()
            .flatten()
            .map(|(gold, features)| Example {
                features,
                label: gold.then_some(0),
            })
            .collect()
    }

    /// Record-level uncertain F1 (a record is uncertain when it holds a gold
    /// hedge span; predicted uncertain when a word scores positive), then
    /// word-level cue precision, recall and F1.
    fn evaluate(
        &self,
        model: &Model,
        records: &[GoldRecord],
        lexicon: &Lexicon,
    ) -> Vec<(String, f64)> {
        let mut sentences = Prf::default();
        let mut words = Prf::default();
        for r in records {
            let mut gold_any = false;
            let mut pred_any = false;
            for (gold, features) in Self::words(r, lexicon).into_iter().flatten() {
                let p = model.scores(features.iter().map(String::as_str))[0] > 0.0;
                words.add(gold, p);
                gold_any |= gold;
                pred_any |= p;
            }
            sentences.add(gold_any, pred_any);
        }
        vec![
            ("uncertain_f1".into(), sentences.f1()),
            ("uncertain_p".into(), sentences.precision()),
            ("uncertain_r".into(), sentences.recall()),
            ("cue_word_f1".into(), words.f1()),
            ("cue_word_p".into(), words.precision()),
            ("cue_word_r".into(), words.recall()),
        ]
    }
}

/// What the header of a trained model says about where it came from.
#[derive(Debug, Clone, Default)]
pub struct Provenance {
    /// The data it was trained on.
    pub data: String,
    /// The exact command that made it.
    pub made_by: String,
    /// The licence of the data.
    pub licence: String,
}

/// The text of the model file: header (task, data, command, dev figures,
/// licence, sizes) and weights.
pub fn model_file(task: &dyn Task, fitted: &Fitted, provenance: &Provenance) -> String {
    let kept = fitted.model.weights().len();
    let dev = fitted.by_size.iter().find(|(k, _)| *k == kept).map_or_else(
        || "not measured (train with --dev FILE)".to_string(),
        |(_, figures)| figures_line(figures),
    );
    let sizes = fitted
        .by_size
        .iter()
        .map(|(k, figures)| {
            format!(
                "{k}: {}",
                figures
                    .first()
                    .map_or(String::new(), |(n, v)| format!("{n} {v:.4}"))
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let or_unknown = |s: &str| {
        if s.is_empty() {
            "not stated".to_string()
        } else {
            s.to_string()
        }
    };
    let mut header = vec![
        ("task".to_string(), task.name().to_string()),
        ("data".to_string(), or_unknown(&provenance.data)),
        ("made by".to_string(), provenance.made_by.clone()),
        ("dev score".to_string(), dev),
        (
            "licence of data".to_string(),
            or_unknown(&provenance.licence),
        ),
        ("labels".to_string(), task.labels().join(", ")),
        (
            "weights".to_string(),
            format!(
                "{kept} kept of {} learned from {} examples",
                fitted.full_size, fitted.examples
            ),
        ),
    ];
    if !sizes.is_empty() {
        header.push(("dev score by size".to_string(), sizes));
    }
    fitted.model.clone().with_header(header).to_tsv(&[])
}

/// `name value, …` with four decimals.
pub fn figures_line(figures: &[(String, f64)]) -> String {
    figures
        .iter()
        .map(|(n, v)| format!("{n} {v:.4}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Sentiment toward a marked mention, one example per gold target: negative,
/// positive, or neutral (the null label).
#[derive(Debug, Clone, Copy)]
pub struct Targets;

impl Targets {
    /// (gold polarity, features) per target, each analysed as the only
    /// ad-hoc target of its text, as `newsmtsc.py` scores it.
    fn mentions(record: &GoldRecord, lexicon: &Lexicon) -> Vec<(Polarity, Vec<String>)> {
        let bytes: Vec<usize> = record
            .text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(record.text.len()))
            .collect();
        record
            .targets
            .iter()
            .filter_map(|t| {
                let mut article = Article::from_text(&record.id, &record.text);
                article.targets = vec![TargetSpec {
                    name: t.name.clone().unwrap_or_else(|| "T".into()),
                    aliases: Vec::new(),
                    start: Some(t.start),
                    end: Some(t.end),
                }];
                let a = analyze::analyze_with(&article, lexicon, analyze::Layers::LexiconOnly);
                let span = bytes[t.start]..bytes[t.end];
                let sentence = a.sentence_at(span.start)?;
                let features = stance_model::mention_features(
                    &a,
                    lexicon,
                    sentence,
                    &span,
                    Some(ActorRef::Adhoc(0)),
                );
                Some((t.polarity, features))
            })
            .collect()
    }
}

impl Task for Targets {
    fn name(&self) -> &'static str {
        "targets"
    }

    fn labels(&self) -> &'static [&'static str] {
        stance_model::LABELS
    }

    fn templates(&self) -> &'static [&'static str] {
        stance_model::TEMPLATES
    }

    fn examples(&self, record: &GoldRecord, lexicon: &Lexicon) -> Vec<Example> {
        Self::mentions(record, lexicon)
            .into_iter()
            .map(|(polarity, features)| Example {
                features,
                label: match polarity {
                    Polarity::Negative => Some(0),
                    Polarity::Neutral => None,
                    Polarity::Positive => Some(1),
                },
            })
            .collect()
    }

    /// Three-class macro-F1 (neutral included), then per-class F1.
    fn evaluate(
        &self,
        model: &Model,
        records: &[GoldRecord],
        lexicon: &Lexicon,
    ) -> Vec<(String, f64)> {
        let mut prf = [Prf::default(); 3];
        for r in records {
            for (gold, features) in Self::mentions(r, lexicon) {
                let v = stance_model::value(&model.scores(features.iter().map(String::as_str)));
                let predicted = if v > 0.0 {
                    2
                } else if v < 0.0 {
                    0
                } else {
                    1
                };
                let g = match gold {
                    Polarity::Negative => 0,
                    Polarity::Neutral => 1,
                    Polarity::Positive => 2,
                };
                for (c, p) in prf.iter_mut().enumerate() {
                    p.add(g == c, predicted == c);
                }
            }
        }
        vec![
            (
                "macro_f1".into(),
                prf.iter().map(Prf::f1).sum::<f64>() / 3.0,
            ),
            ("negative_f1".into(), prf[0].f1()),
            ("neutral_f1".into(), prf[1].f1()),
            ("positive_f1".into(), prf[2].f1()),
        ]
    }
}

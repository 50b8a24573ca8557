//! Measuring the lexicons against human annotations, so that a lexicon change
//! is judged in seconds by the figures it moves and not by eye.
//!
//! Each gold record is scored as one article by the same pipeline as `score`
//! (its targets become exact-span ad-hoc targets), and what the pipeline
//! found is compared with what the annotators marked: spans per family and
//! category (by overlap, by exact ends and by word), each lexicon entry's
//! hits inside and outside gold spans, target sentiment as three classes, and
//! document figures by correlation. The comparison rules are those the
//! validity scripts in `benches/validity/` used, so their figures carry over.

pub mod measure;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::analyze::{ActorRef, analyze};
use crate::ingest::{Article, TargetSpec};
use crate::learn::gold::{ATTRIBUTION_LABELS, DOC_LABELS, GoldError, GoldRecord, split_label};
use crate::lexicon::{Family, Lexicon};
use crate::score::{self, ArticleScores};
use measure::{CLASSES, Counts, Span};

/// Which actor figure is compared with a gold target's polarity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetScore {
    /// `sentiment`: every voice.
    Sentiment,
    /// `authorial_sentiment`: the writer's own voice.
    AuthorialSentiment,
}

/// How to evaluate.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// A target score within ±band is neutral.
    pub neutral_band: f64,
    /// Which actor figure is compared with target polarity.
    pub target_score: TargetScore,
    /// Also list what was found in each record (for scripts that compute more).
    pub per_record: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            neutral_band: 0.05,
            target_score: TargetScore::Sentiment,
            per_record: false,
        }
    }
}

/// What was found in one record, for scripts: figures as the reports round them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordFigures {
    /// The record's id.
    pub id: String,
    /// The article figure of every document label.
    pub figures: BTreeMap<&'static str, f64>,
    /// The score of each gold target, in order (none: no actor row).
    pub targets: Vec<Option<f64>>,
    /// Predicted spans per evaluated label.
    pub predicted: BTreeMap<String, Vec<Span>>,
}

/// Span figures for one label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpanFigures {
    /// What was predicted: a family, `family:category`, or an attribution part.
    pub label: String,
    /// The gold label it is compared with (a category is also compared with its family's gold).
    pub gold_label: String,
    /// Spans sharing a character.
    pub overlap: Counts,
    /// Spans with the same ends.
    pub exact: Counts,
    /// Words inside spans.
    pub words: Counts,
}

/// Figures for one lexicon entry, over the records.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntryFigures {
    /// `family:category`.
    pub label: String,
    /// The entry as written in the lexicon.
    pub term: String,
    /// Times it matched.
    pub hits: usize,
    /// Hits that meet a gold span of its family or category.
    pub inside: usize,
    /// `inside / hits`.
    pub precision: f64,
}

/// Target sentiment as three classes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetFigures {
    /// Gold targets.
    pub targets: usize,
    /// Targets with no actor row (counted neutral).
    pub missing: usize,
    /// The neutral band.
    pub neutral_band: f64,
    /// The actor figure compared.
    pub score: TargetScore,
    /// Class names, in matrix order.
    pub classes: [&'static str; 3],
    /// `confusion[gold][predicted]`.
    pub confusion: [[usize; 3]; 3],
    /// F1 per class.
    pub f1: [f64; 3],
    /// Mean of the three F1.
    pub macro_f1: f64,
    /// Share classified right.
    pub accuracy: f64,
}

/// A document label against the matching article figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentFigures {
    /// The label (an `articles.csv` column).
    pub label: String,
    /// Records carrying it.
    pub records: usize,
    /// Pearson's r.
    pub pearson: f64,
    /// Spearman's rho.
    pub spearman: f64,
}

/// Everything `eval` measured.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Gold records read.
    pub records: usize,
    /// Per label, gold labels first in file order, then each family's categories.
    pub spans: Vec<SpanFigures>,
    /// Lexicon entries of the evaluated families, worst first (most hits outside gold).
    pub entries: Vec<EntryFigures>,
    /// Target sentiment, when the gold has targets.
    pub targets: Option<TargetFigures>,
    /// Document labels.
    pub documents: Vec<DocumentFigures>,
    /// What was found in each record, when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_record: Option<Vec<RecordFigures>>,
}

/// What the pipeline found in one record, in characters.
struct Found {
    /// (term index, span) of every lexicon hit.
    terms: Vec<(usize, Span)>,
    /// Attribution cue, source and content spans.
    attribution: [Vec<Span>; 3],
    /// Score of each gold target's ad-hoc actor, if it got a row.
    targets: Vec<Option<f64>>,
    scores: ArticleScores,
}

/// Checks that every `family:category` label names a category of `lexicon`.
pub fn check_categories(
    path: &str,
    records: &[GoldRecord],
    lexicon: &Lexicon,
) -> Result<(), GoldError> {
    for r in records {
        for s in &r.spans {
            let (family, Some(category)) = split_label(&s.label) else {
                continue;
            };
            let known = lexicon
                .categories
                .iter()
                .any(|c| c.family.name() == family && c.id == category);
            if !known {
                let ids: Vec<&str> = lexicon
                    .categories
                    .iter()
                    .filter(|c| c.family.name() == family)
                    .map(|c| c.id.as_str())
                    .collect();
                return Err(GoldError::Invalid {
                    path: path.to_string(),
                    line: r.line,
                    message: format!(
                        "unknown category in span label `{}`: the lexicons have no `{family}` category `{category}`; use one of: {}",
                        s.label,
                        ids.join(", ")
                    ),
                });
            }
        }
    }
    Ok(())
}

/// Scores every record and compares it with its gold.
pub fn evaluate(records: &[GoldRecord], lexicon: &Lexicon, options: &Options) -> Report {
    let found: Vec<Found> = records
        .par_iter()
        .map(|r| find(r, lexicon, options))
        .collect();
    let labels = gold_labels(records);
    Report {
        records: records.len(),
        spans: span_figures(records, &found, &labels, lexicon),
        entries: entry_figures(records, &found, &labels, lexicon),
        targets: target_figures(records, &found, options),
        documents: document_figures(records, &found),
        per_record: options.per_record.then(|| {
            records
                .iter()
                .zip(&found)
                .map(|(r, x)| RecordFigures {
                    id: r.id.clone(),
                    figures: DOC_LABELS
                        .iter()
                        .map(|l| (*l, article_figure(&x.scores, l)))
                        .collect(),
                    targets: x.targets.clone(),
                    predicted: labels
                        .iter()
                        .map(|l| (l.clone(), predicted(x, l, lexicon)))
                        .collect(),
                })
                .collect()
        }),
    }
}

/// A figure as the reports write it (`decimals` places), so that eval and a
/// script reading the CSV reports classify a borderline value alike.
fn as_reported(x: f64, decimals: usize) -> f64 {
    format!("{x:.decimals$}").parse().unwrap_or(x)
}

fn find(record: &GoldRecord, lexicon: &Lexicon, options: &Options) -> Found {
    let mut article = Article::from_text(&record.id, &record.text);
    article.title = record.title.clone();
    article.outlet = record.outlet.clone();
    article.targets = record
        .targets
        .iter()
        .enumerate()
        .map(|(k, t)| TargetSpec {
            name: t.name.clone().unwrap_or_else(|| format!("target{k}")),
            aliases: Vec::new(),
            start: Some(t.start),
            end: Some(t.end),
        })
        .collect();
    let a = analyze(&article, lexicon);
    let scores = score::score(&a, lexicon);
    let actors = score::actors(&a, lexicon);
    let chars = |r: &std::ops::Range<usize>| (a.chars.chars(r.start), a.chars.chars(r.end));
    let terms = a
        .terms
        .iter()
        .map(|h| (h.term, chars(&(h.start..h.end))))
        .collect();
    let mut attribution: [Vec<Span>; 3] = Default::default();
    for at in &a.attributions {
        attribution[0].push(chars(&at.cue));
        if let Some(s) = &at.source {
            attribution[1].push(chars(s));
        }
        attribution[2].push(chars(&at.content));
    }
    let targets = (0..record.targets.len())
        .map(|k| {
            actors
                .iter()
                .find(|x| x.actor == ActorRef::Adhoc(k))
                .map(|x| match options.target_score {
                    TargetScore::Sentiment => as_reported(x.sentiment, 4),
                    TargetScore::AuthorialSentiment => as_reported(x.authorial_sentiment, 4),
                })
        })
        .collect();
    Found {
        terms,
        attribution,
        targets,
        scores,
    }
}

/// The distinct gold span labels, in order of first appearance.
fn gold_labels(records: &[GoldRecord]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in records.iter().flat_map(|r| &r.spans) {
        if !out.contains(&s.label) {
            out.push(s.label.clone());
        }
    }
    out
}

fn gold_spans(record: &GoldRecord, label: &str) -> Vec<Span> {
    record
        .spans
        .iter()
        .filter(|s| s.label == label)
        .map(|s| (s.start, s.end))
        .collect()
}

/// The spans predicted for a label: attribution parts, or the hits of a family or category.
fn predicted(found: &Found, label: &str, lexicon: &Lexicon) -> Vec<Span> {
    if let Some(i) = ATTRIBUTION_LABELS.iter().position(|l| *l == label) {
        return found.attribution[i].clone();
    }
    let (family, category) = split_label(label);
    found
        .terms
        .iter()
        .filter(|(t, _)| {
            let c = &lexicon.categories[lexicon.terms[*t].category];
            c.family.name() == family && category.is_none_or(|id| id == c.id)
        })
        .map(|(_, s)| *s)
        .collect()
}

/// The (predicted label, gold label) pairs measured: each gold label against
/// itself, then each category of a gold family against the family's gold.
fn label_pairs(labels: &[String], lexicon: &Lexicon) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = labels.iter().map(|l| (l.clone(), l.clone())).collect();
    for label in labels {
        let (family, None) = split_label(label) else {
            continue;
        };
        if ATTRIBUTION_LABELS.contains(&family) {
            continue;
        }
        for c in lexicon
            .categories
            .iter()
            .filter(|c| c.family.name() == family)
        {
            out.push((format!("{family}:{}", c.id), label.clone()));
        }
    }
    out
}

fn span_figures(
    records: &[GoldRecord],
    found: &[Found],
    labels: &[String],
    lexicon: &Lexicon,
) -> Vec<SpanFigures> {
    let mut out: Vec<SpanFigures> = label_pairs(labels, lexicon)
        .into_iter()
        .map(|(label, gold_label)| SpanFigures {
            label,
            gold_label,
            overlap: Counts::default(),
            exact: Counts::default(),
            words: Counts::default(),
        })
        .collect();
    for (r, x) in records.iter().zip(found) {
        let mut words = None;
        for f in &mut out {
            let gold = gold_spans(r, &f.gold_label);
            let pred = predicted(x, &f.label, lexicon);
            if gold.is_empty() && pred.is_empty() {
                continue;
            }
            let words = words.get_or_insert_with(|| measure::word_spans(&r.text));
            f.overlap.add(measure::overlap(&gold, &pred));
            f.exact.add(measure::exact(&gold, &pred));
            f.words.add(measure::words(words, &gold, &pred));
        }
    }
    // a category with no hits says nothing against its family's gold
    out.retain(|f| f.label == f.gold_label || f.overlap.predicted > 0);
    out
}

fn entry_figures(
    records: &[GoldRecord],
    found: &[Found],
    labels: &[String],
    lexicon: &Lexicon,
) -> Vec<EntryFigures> {
    let families: Vec<&str> = labels
        .iter()
        .map(|l| split_label(l).0)
        .filter(|f| Family::parse(f).is_some())
        .collect();
    let mut by_term: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
    for (r, x) in records.iter().zip(found) {
        for (t, span) in &x.terms {
            let c = &lexicon.categories[lexicon.terms[*t].category];
            let family = c.family.name();
            if !families.contains(&family) {
                continue;
            }
            let cat = format!("{family}:{}", c.id);
            let inside = r.spans.iter().any(|g| {
                (g.label == family || g.label == cat) && g.start < span.1 && span.0 < g.end
            });
            let e = by_term.entry(*t).or_default();
            e.0 += 1;
            e.1 += usize::from(inside);
        }
    }
    let mut out: Vec<EntryFigures> = by_term
        .into_iter()
        .map(|(t, (hits, inside))| {
            let term = &lexicon.terms[t];
            let c = &lexicon.categories[term.category];
            EntryFigures {
                label: format!("{}:{}", c.family.name(), c.id),
                term: term.text.clone(),
                hits,
                inside,
                precision: measure::ratio(inside, hits),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        (b.hits - b.inside)
            .cmp(&(a.hits - a.inside))
            .then(a.precision.total_cmp(&b.precision))
            .then_with(|| (&a.label, &a.term).cmp(&(&b.label, &b.term)))
    });
    out
}

fn target_figures(
    records: &[GoldRecord],
    found: &[Found],
    options: &Options,
) -> Option<TargetFigures> {
    let mut confusion = [[0usize; 3]; 3];
    let mut missing = 0;
    for (r, x) in records.iter().zip(found) {
        for (t, score) in r.targets.iter().zip(&x.targets) {
            missing += usize::from(score.is_none());
            let predicted = measure::class_of(score.unwrap_or(0.0), options.neutral_band);
            let gold = CLASSES
                .iter()
                .position(|c| *c == t.polarity.name())
                .unwrap_or(1);
            confusion[gold][predicted] += 1;
        }
    }
    let targets: usize = confusion.iter().flatten().sum();
    if targets == 0 {
        return None;
    }
    let f1 = measure::class_f1(&confusion);
    let right: usize = (0..3).map(|c| confusion[c][c]).sum();
    Some(TargetFigures {
        targets,
        missing,
        neutral_band: options.neutral_band,
        score: options.target_score,
        classes: CLASSES,
        confusion,
        f1,
        macro_f1: f1.iter().sum::<f64>() / 3.0,
        accuracy: measure::ratio(right, targets),
    })
}

/// The article figure a document label is compared with, as `articles.csv` writes it.
fn article_figure(s: &ArticleScores, label: &str) -> f64 {
    match label {
        "tone" => as_reported(s.tone, 4),
        "loaded_per_1k" => as_reported(s.per_1k(s.loaded), 4),
        "hedges_per_1k" => as_reported(s.per_1k(s.hedges), 4),
        "boosters_per_1k" => as_reported(s.per_1k(s.boosters), 4),
        "attributed_share" => as_reported(s.attributed_share, 4),
        "sourcing_score" => as_reported(s.sourcing_score, 1),
        _ => as_reported(s.reliability, 1),
    }
}

fn document_figures(records: &[GoldRecord], found: &[Found]) -> Vec<DocumentFigures> {
    let mut pairs: BTreeMap<&str, (Vec<f64>, Vec<f64>)> = BTreeMap::new();
    for (r, x) in records.iter().zip(found) {
        for (label, value) in &r.labels {
            let e = pairs.entry(label).or_default();
            e.0.push(article_figure(&x.scores, label));
            e.1.push(*value);
        }
    }
    pairs
        .into_iter()
        .map(|(label, (pred, gold))| DocumentFigures {
            label: label.to_string(),
            records: gold.len(),
            pearson: measure::pearson(&pred, &gold),
            spearman: measure::spearman(&pred, &gold),
        })
        .collect()
}

#[cfg(test)]
mod tests;

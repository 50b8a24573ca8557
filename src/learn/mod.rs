//! One small linear learner: readable string features → weights, trained by a
//! multiclass averaged perceptron, stored as a TSV file a person can read.
//!
//! Why our own and not a binding. The experiments behind issue 8 used
//! LIBLINEAR and CRFsuite; both have crates (`liblinear`, `crfsuite`) that
//! compile the C/C++ sources with `cc`, which means a C toolchain on every
//! user's machine, `unsafe` FFI across model objects, and model files in the
//! libraries' own formats, which we would have to convert to the readable
//! file anyway. Their strength (second-order solvers, a linear-chain CRF) buys
//! little here: the experiments found that placement features, not the
//! optimiser, made the gain, and a per-token classifier over features of the
//! neighbouring words stands in for the chain. An averaged perceptron is fifty
//! lines, needs no tuning beyond the number of epochs, is deterministic given
//! the order of the examples (a fixed-seed shuffle, [`SplitMix`]), and its
//! averaged weights are as sparse-friendly as logistic regression's after
//! pruning to the top K by |weight| ([`Model::prune`]).
//!
//! The model has one weight vector per label except an implicit *null* label
//! (for hedges: "not a hedge"; for targets: "neutral") whose score is always
//! 0: a token is a hedge when the hedge score is positive, which makes each
//! weight read as evidence for or against its label and keeps the file half
//! the size. Applying a model ([`Model::scores`]) sums the weights of the
//! features present, so the features that decided are always at hand
//! ([`Model::evidence`]).
//!
//! Features are strings `template=value` (`w=may`, `w-1=it`, `lex=hedge`); the
//! template (before the first `=`) says which extractor made it, and a model
//! file that names a template its task does not know is refused, so a typo in
//! a hand-edited model cannot silently do nothing.

pub mod gold;
pub mod model;
pub mod task;

use std::collections::HashMap;

pub use model::{Model, ModelError};

/// One training example: the features present and the gold label (`None` for
/// the null label).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// Feature strings, `template=value`.
    pub features: Vec<String>,
    /// Index into the label list, or `None` for the null label.
    pub label: Option<usize>,
}

/// Training settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the shuffle before each pass.
    pub seed: u64,
    /// Features seen in fewer examples than this are dropped before training.
    pub min_count: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 10,
            seed: 0x5eed,
            min_count: 2,
        }
    }
}

/// A tiny deterministic PRNG (SplitMix64, Steele et al. 2014): enough to
/// shuffle, with no dependency and the same sequence on every platform.
#[derive(Debug, Clone)]
pub struct SplitMix(u64);

impl SplitMix {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        SplitMix(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Trains an averaged perceptron over `examples` for `labels` (the non-null
/// labels); the result has every feature that survived `min_count` and has a
/// non-zero averaged weight.
pub fn train(examples: &[Example], labels: &[String], options: &TrainOptions) -> Model {
    // intern features in first-seen order (deterministic), counting examples
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut names: Vec<&str> = Vec::new();
    let mut counts: Vec<usize> = Vec::new();
    let mut interned: Vec<(Vec<usize>, Option<usize>)> = Vec::with_capacity(examples.len());
    for ex in examples {
        let mut feats: Vec<usize> = ex
            .features
            .iter()
            .map(|f| {
                *ids.entry(f.as_str()).or_insert_with(|| {
                    names.push(f.as_str());
                    counts.push(0);
                    names.len() - 1
                })
            })
            .collect();
        feats.sort_unstable();
        feats.dedup();
        for &f in &feats {
            counts[f] += 1;
        }
        interned.push((feats, ex.label));
    }
    for (feats, _) in &mut interned {
        feats.retain(|&f| counts[f] >= options.min_count);
    }
    let n_feats = names.len();
    let n_labels = labels.len();
    // w: current weights; u: sum of (update × time) for the averaging trick
    let mut w = vec![0.0f64; n_feats * n_labels];
    let mut u = vec![0.0f64; n_feats * n_labels];
    let mut order: Vec<usize> = (0..interned.len()).collect();
    let mut rng = SplitMix::new(options.seed);
    let mut time = 1.0f64;
    let mut scores = vec![0.0f64; n_labels];
    for _ in 0..options.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let (feats, gold) = &interned[i];
            scores.iter_mut().for_each(|s| *s = 0.0);
            for &f in feats {
                for (l, s) in scores.iter_mut().enumerate() {
                    *s += w[f * n_labels + l];
                }
            }
            // a tie is a mistake: the gold label must win outright, which
            // keeps averaged weights off the decision boundary
            let score_of = |l: Option<usize>| l.map_or(0.0, |l| scores[l]);
            let rival = std::iter::once(None)
                .chain((0..n_labels).map(Some))
                .filter(|l| l != gold)
                .max_by(|a, b| score_of(*a).total_cmp(&score_of(*b)).then(b.cmp(a)));
            if let Some(predicted) = rival.filter(|r| score_of(*r) >= score_of(*gold)) {
                for &f in feats {
                    if let Some(g) = gold {
                        w[f * n_labels + g] += 1.0;
                        u[f * n_labels + g] += time;
                    }
                    if let Some(p) = predicted {
                        w[f * n_labels + p] -= 1.0;
                        u[f * n_labels + p] -= time;
                    }
                }
            }
            time += 1.0;
        }
    }
    // averaged weights, scaled so the strongest is ±1 (decisions do not
    // change with scale, and the file reads the same whatever the data size)
    let avg: Vec<f64> = w.iter().zip(&u).map(|(w, u)| w - u / time).collect();
    let max = avg.iter().fold(0.0f64, |m, a| m.max(a.abs()));
    let scale = if max > 0.0 { 1.0 / max } else { 1.0 };
    let mut weights = Vec::new();
    for (f, name) in names.iter().enumerate() {
        for (l, label) in labels.iter().enumerate() {
            let a = avg[f * n_labels + l];
            if a != 0.0 {
                weights.push(((*name).to_string(), label.clone(), a * scale));
            }
        }
    }
    Model::new(labels.to_vec(), weights)
}

/// The best non-null label, or `None` when no score is above 0 (the null
/// label's score). Ties go to the first label.
pub fn argmax(scores: &[f64]) -> Option<usize> {
    let mut best: Option<usize> = None;
    let mut best_score = 0.0;
    for (l, &s) in scores.iter().enumerate() {
        if s > best_score {
            best = Some(l);
            best_score = s;
        }
    }
    best
}

/// Precision, recall and F1 of one label over (gold, predicted) pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
}

impl Prf {
    /// Counts one decision.
    pub fn add(&mut self, gold: bool, predicted: bool) {
        match (gold, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => {}
        }
    }

    /// Precision (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Recall (0 when nothing was gold).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(features: &[&str], label: Option<usize>) -> Example {
        Example {
            features: features.iter().map(|s| (*s).to_string()).collect(),
            label,
        }
    }

    fn predict(model: &Model, features: &[&str]) -> Option<usize> {
        argmax(&model.scores(features.iter().copied()))
    }

    /// Each table row: a separable set the perceptron must learn exactly.
    #[test]
    fn learns_separable_sets_table() {
        let yes = Some(0);
        let cases: Vec<(&str, Vec<Example>)> = vec![
            (
                "OR",
                vec![
                    ex(&["bias=1"], None),
                    ex(&["bias=1", "a=1"], yes),
                    ex(&["bias=1", "b=1"], yes),
                    ex(&["bias=1", "a=1", "b=1"], yes),
                ],
            ),
            (
                "AND",
                vec![
                    ex(&["bias=1"], None),
                    ex(&["bias=1", "a=1"], None),
                    ex(&["bias=1", "b=1"], None),
                    ex(&["bias=1", "a=1", "b=1"], yes),
                ],
            ),
            (
                "one word decides",
                vec![
                    ex(&["w=may", "w-1=it"], yes),
                    ex(&["w=the", "w-1=it"], None),
                    ex(&["w=may", "w-1=in"], yes),
                    ex(&["w=war", "w-1=in"], None),
                ],
            ),
        ];
        let labels = vec!["yes".to_string()];
        let options = TrainOptions {
            epochs: 20,
            min_count: 1,
            ..TrainOptions::default()
        };
        for (name, examples) in cases {
            let model = train(&examples, &labels, &options);
            for e in &examples {
                let feats: Vec<&str> = e.features.iter().map(String::as_str).collect();
                assert_eq!(
                    predict(&model, &feats),
                    e.label,
                    "{name}: {feats:?}\n{model}"
                );
            }
        }
    }

    #[test]
    fn multiclass_with_null_label() {
        let labels = vec!["negative".to_string(), "positive".to_string()];
        let examples = vec![
            ex(&["w=bad"], Some(0)),
            ex(&["w=good"], Some(1)),
            ex(&["w=table"], None),
            ex(&["w=awful"], Some(0)),
        ];
        let options = TrainOptions {
            min_count: 1,
            ..TrainOptions::default()
        };
        let model = train(&examples, &labels, &options);
        assert_eq!(predict(&model, &["w=bad"]), Some(0));
        assert_eq!(predict(&model, &["w=good"]), Some(1));
        assert_eq!(predict(&model, &["w=table"]), None);
        assert_eq!(predict(&model, &["w=unseen"]), None);
    }

    #[test]
    fn min_count_drops_rare_features() {
        let labels = vec!["yes".to_string()];
        let examples = vec![
            ex(&["a=1", "rare=1"], Some(0)),
            ex(&["a=1"], Some(0)),
            ex(&["b=1"], None),
            ex(&["b=1"], None),
        ];
        let model = train(&examples, &labels, &TrainOptions::default());
        assert!(model.weights().iter().all(|(f, _, _)| f != "rare=1"));
        assert!(model.weights().iter().any(|(f, _, _)| f == "a=1"));
    }

    #[test]
    fn training_is_deterministic() {
        let labels = vec!["yes".to_string()];
        let examples: Vec<Example> = (0..200)
            .map(|i| {
                let f = [format!("x={}", i % 7), format!("y={}", i % 3)];
                Example {
                    features: f.to_vec(),
                    label: (i % 7 < 3).then_some(0),
                }
            })
            .collect();
        let a = train(&examples, &labels, &TrainOptions::default());
        let b = train(&examples, &labels, &TrainOptions::default());
        assert_eq!(a.to_tsv(&[]), b.to_tsv(&[]));
    }

    #[test]
    fn splitmix_is_stable() {
        // the first outputs for seed 0 (reference values of SplitMix64)
        let mut r = SplitMix::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn prf_table() {
        let mut p = Prf::default();
        for (g, q) in [(true, true), (true, false), (false, true), (false, false)] {
            p.add(g, q);
        }
        assert_eq!((p.tp, p.fp, p.fn_), (1, 1, 1));
        assert!((p.f1() - 0.5).abs() < 1e-12);
        assert_eq!(Prf::default().f1(), 0.0);
    }
}

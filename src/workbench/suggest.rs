//! Candidate lexicon terms: words and 2–3-word phrases that a corpus uses far
//! more than a reference corpus does, and that no lexicon entry matches yet.
//!
//! Over-representation is measured by log-likelihood keyness (G², the 2×2
//! contingency test of Dunning 1993, as quanteda's `textstat_keyness` with
//! `measure = "lr"` and no correction), signed negative when the corpus uses the
//! phrase less than the reference. Phrases are counted within sentences of the
//! kept text (boilerplate dropped), words case-folded. A phrase that starts or
//! ends with one of the reference corpus's most frequent words ("of the",
//! "the") is passed over: the list comes from the data, not from a stop list.
//! Examples are gathered in a second pass over the corpus, for the chosen
//! candidates only, so the first pass holds counts and nothing else.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use unicode_segmentation::UnicodeSegmentation;

use crate::ingest::{IngestOptions, Item, Skip, read_inputs};
use crate::lexicon::Lexicon;
use crate::text::normalize::{Folded, fold};
use crate::text::segment::segment;

/// What to look for.
#[derive(Debug, Clone)]
pub struct Options {
    /// Fewest occurrences in the corpus for a candidate.
    pub min_count: usize,
    /// Candidates to return.
    pub top: usize,
    /// Longest phrase, in words (1–3).
    pub max_words: usize,
    /// How many of the reference's most frequent words may not start or end a phrase.
    pub frequent_words: usize,
    /// Examples per candidate.
    pub examples: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            min_count: 3,
            top: 100,
            max_words: 3,
            frequent_words: 100,
            examples: 2,
        }
    }
}

/// One candidate term.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The words, case-folded.
    pub term: String,
    /// How many words it has.
    pub words: usize,
    /// Occurrences in the corpus.
    pub count: usize,
    /// Occurrences in the reference corpus.
    pub reference_count: usize,
    /// Signed G²: positive when over-represented in the corpus.
    pub keyness: f64,
    /// Sentences (cut to 200 characters) where it occurs, the term in `[brackets]`.
    pub examples: Vec<String>,
}

/// The result: candidates best first, and what could not be read.
#[derive(Debug, Default)]
pub struct Suggestions {
    /// Best first.
    pub candidates: Vec<Candidate>,
    /// Articles in the corpus and the reference.
    pub articles: (usize, usize),
    /// Words in the corpus and the reference.
    pub tokens: (usize, usize),
    /// Inputs skipped while reading (reported, not fatal).
    pub skipped: Vec<Skip>,
}

/// Why no suggestion can be made.
#[derive(Debug, thiserror::Error)]
pub enum SuggestError {
    /// A corpus holds no words.
    #[error(
        "the {which} corpus ({inputs}) holds no words{why}; give files or folders with article text"
    )]
    Empty {
        /// `input` or `reference`.
        which: &'static str,
        /// The inputs as given.
        inputs: String,
        /// What was read instead.
        why: String,
    },
}

/// N-gram counts of one corpus.
#[derive(Default)]
struct Counts {
    grams: HashMap<String, usize>,
    /// Positions (windows of n words) per n, 1-based index.
    totals: [usize; 4],
    articles: usize,
}

/// The folded words of each kept sentence of `text`, with their byte spans.
fn sentences<'a>(text: &'a str, lexicon: &Lexicon) -> Vec<Vec<(String, &'a str, usize, usize)>> {
    let doc = segment(text, &lexicon.boilerplate);
    doc.sentences
        .iter()
        .map(|s| {
            let sentence = &text[s.span.clone()];
            sentence
                .unicode_word_indices()
                .map(|(i, w)| (fold(w), w, s.span.start + i, s.span.start + i + w.len()))
                .collect()
        })
        .collect()
}

impl Counts {
    /// Counts every word of `text` and its phrases of up to `max` words; with
    /// `only`, just the phrases in it.
    fn add(&mut self, text: &str, lexicon: &Lexicon, max: usize, only: Option<&HashSet<String>>) {
        self.articles += 1;
        for words in sentences(text, lexicon) {
            for n in 1..=max {
                if words.len() < n {
                    break;
                }
                self.totals[n] += words.len() + 1 - n;
                for window in words.windows(n) {
                    let gram = join(window);
                    if n == 1 || only.is_none_or(|set| set.contains(&gram)) {
                        *self.grams.entry(gram).or_default() += 1;
                    }
                }
            }
        }
    }
}

fn join(window: &[(String, &str, usize, usize)]) -> String {
    let mut gram = String::new();
    for (i, (word, ..)) in window.iter().enumerate() {
        if i > 0 {
            gram.push(' ');
        }
        gram.push_str(word);
    }
    gram
}

/// Signed log-likelihood G² of a term seen `a` times in `n_a` positions of the
/// corpus and `b` times in `n_b` positions of the reference.
pub fn keyness(a: usize, b: usize, n_a: usize, n_b: usize) -> f64 {
    let (a, b, n_a, n_b) = (a as f64, b as f64, n_a as f64, n_b as f64);
    let total = n_a + n_b;
    if total == 0.0 || n_a == 0.0 || n_b == 0.0 {
        return 0.0;
    }
    let cells = [
        (a, n_a * (a + b) / total),
        (b, n_b * (a + b) / total),
        (n_a - a, n_a * (total - a - b) / total),
        (n_b - b, n_b * (total - a - b) / total),
    ];
    let g2: f64 = cells
        .iter()
        .filter(|(observed, expected)| *observed > 0.0 && *expected > 0.0)
        .map(|(observed, expected)| observed * (observed / expected).ln())
        .sum::<f64>()
        * 2.0;
    if a / n_a < b / n_b { -g2 } else { g2 }
}

/// Reads every article of `inputs`, passing its text to `each`; skips are collected.
fn each_article(inputs: &[PathBuf], skipped: &mut Vec<Skip>, each: &mut dyn FnMut(&str)) {
    read_inputs(inputs, &IngestOptions::default(), &mut |item| {
        match item {
            Item::Article(article) => each(&article.text),
            Item::Skip(skip) => skipped.push(skip),
            Item::Warning(_) | Item::Note(_) => {}
        }
        true
    });
}

fn names(inputs: &[PathBuf]) -> String {
    inputs
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Candidate terms of `inputs` against `reference`, best first.
pub fn suggest(
    inputs: &[PathBuf],
    reference: &[PathBuf],
    lexicon: &Lexicon,
    options: &Options,
) -> Result<Suggestions, SuggestError> {
    let max = options.max_words.clamp(1, 3);
    let mut result = Suggestions::default();
    let mut corpus = Counts::default();
    each_article(inputs, &mut result.skipped, &mut |text| {
        corpus.add(text, lexicon, max, None)
    });
    let empty = |which, inputs: &[PathBuf], articles: usize| SuggestError::Empty {
        which,
        inputs: names(inputs),
        why: format!(" ({articles} article(s) read)"),
    };
    if corpus.totals[1] == 0 {
        return Err(empty("input", inputs, corpus.articles));
    }
    corpus.grams.retain(|_, count| *count >= options.min_count);
    let wanted: HashSet<String> = corpus.grams.keys().cloned().collect();
    let mut phrases = Counts::default();
    each_article(reference, &mut result.skipped, &mut |text| {
        phrases.add(text, lexicon, max, Some(&wanted));
    });
    if phrases.totals[1] == 0 {
        return Err(empty("reference", reference, phrases.articles));
    }
    let unigrams: HashMap<String, usize> = phrases
        .grams
        .iter()
        .filter(|(g, _)| !g.contains(' '))
        .map(|(g, c)| (g.clone(), *c))
        .collect();
    let frequent = most_frequent(&unigrams, options.frequent_words);
    let mut scored: Vec<(f64, String, usize, usize)> = corpus
        .grams
        .iter()
        .filter_map(|(gram, &count)| {
            let n = gram.split(' ').count();
            let first = gram.split(' ').next().unwrap_or("");
            let last = gram.rsplit(' ').next().unwrap_or("");
            if frequent.contains(first) || frequent.contains(last) {
                return None;
            }
            if !gram.chars().any(char::is_alphabetic) {
                return None;
            }
            let reference_count = phrases.grams.get(gram).copied().unwrap_or(0);
            let k = keyness(count, reference_count, corpus.totals[n], phrases.totals[n]);
            (k > 0.0).then(|| (k, gram.clone(), n, reference_count))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    for (k, gram, n, reference_count) in scored {
        if result.candidates.len() >= options.top {
            break;
        }
        if in_lexicon(&gram, lexicon) {
            continue;
        }
        result.candidates.push(Candidate {
            count: corpus.grams[&gram],
            term: gram,
            words: n,
            reference_count,
            keyness: k,
            examples: Vec::new(),
        });
    }
    let mut unused = Vec::new();
    add_examples(
        inputs,
        lexicon,
        &mut result.candidates,
        options,
        &mut unused,
    );
    result.articles = (corpus.articles, phrases.articles);
    result.tokens = (corpus.totals[1], phrases.totals[1]);
    Ok(result)
}

/// The `k` most frequent words (ties broken by the word, so the list is stable).
fn most_frequent(words: &HashMap<String, usize>, k: usize) -> HashSet<&str> {
    let mut all: Vec<(&str, usize)> = words.iter().map(|(w, c)| (w.as_str(), *c)).collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    all.into_iter().take(k).map(|(w, _)| w).collect()
}

/// Whether any lexicon entry (a term, wildcards included, or a name) matches
/// inside the phrase, in lower case or capitalised.
fn in_lexicon(gram: &str, lexicon: &Lexicon) -> bool {
    let capitalised: String = gram
        .split(' ')
        .map(|w| {
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |c| {
                c.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect::<Vec<_>>()
        .join(" ");
    [gram, capitalised.as_str(), gram.to_uppercase().as_str()]
        .iter()
        .any(|text| {
            !lexicon
                .matcher
                .find(Folded::new(text, 0).view(), text)
                .is_empty()
        })
}

/// Fills in the first examples of each candidate from a second pass.
fn add_examples(
    inputs: &[PathBuf],
    lexicon: &Lexicon,
    candidates: &mut [Candidate],
    options: &Options,
    skipped: &mut Vec<Skip>,
) {
    let index: HashMap<String, usize> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| (c.term.clone(), i))
        .collect();
    let max = options.max_words.clamp(1, 3);
    each_article(inputs, skipped, &mut |text| {
        let doc = segment(text, &lexicon.boilerplate);
        for (sentence, words) in doc.sentences.iter().zip(sentences(text, lexicon)) {
            for n in 1..=max {
                for window in words.windows(n) {
                    let Some(&i) = index.get(&join(window)) else {
                        continue;
                    };
                    let examples = &mut candidates[i].examples;
                    if examples.len() >= options.examples {
                        continue;
                    }
                    let (start, end) = (window[0].2, window[n - 1].3);
                    examples.push(context(text, sentence.span.clone(), start, end));
                }
            }
        }
    });
}

/// The sentence with the match in brackets, cut to about 200 characters around it.
fn context(text: &str, sentence: std::ops::Range<usize>, start: usize, end: usize) -> String {
    const SIDE: usize = 100;
    let head = &text[sentence.start..start];
    let tail = &text[end..sentence.end];
    let before: String = head.chars().rev().take(SIDE).collect();
    let mut before: String = before.chars().rev().collect();
    let mut after: String = tail.chars().take(SIDE).collect();
    if head.chars().count() > SIDE {
        before.insert(0, '…');
    }
    if tail.chars().count() > SIDE {
        after.push('…');
    }
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    format!(
        "{} [{}] {}",
        one_line(&before),
        one_line(&text[start..end]),
        one_line(&after)
    )
    .trim()
    .to_string()
}

/// A feature that a model trained on gold annotations weighs heavily and
/// that no lexicon entry covers.
#[derive(Debug, Clone, PartialEq)]
pub struct LearnedCandidate {
    /// The word or words of the feature.
    pub term: String,
    /// The feature as in the model file (`w=considered`, `L1=accused`).
    pub feature: String,
    /// The label it weighs toward.
    pub label: String,
    /// Its weight.
    pub weight: f64,
}

/// The CSV header of [`LearnedCandidate`] rows.
pub const LEARNED_HEADER: [&str; 4] = ["term", "feature", "label", "weight"];

/// Per task, the feature templates whose value is a candidate term: for
/// hedges the word itself and the two-word windows it starts or ends (`w`,
/// `ww+1`, `w-1w`), for targets the words around the mention (`L1`…`R3`, `c`,
/// `p1`, `n1`, …). The others (`lex`, `rule`, `suf`, …) are lexicon hits
/// already or not words.
fn word_templates(task: &str) -> &'static [&'static str] {
    match task {
        "hedges" => &["w", "ww+1", "w-1w"],
        _ => &[
            "c", "t", "L1", "L2", "L3", "R1", "R2", "R3", "p1", "p2", "n1", "n2",
        ],
    }
}

/// The learned task the gold records are annotated for: hedge spans train
/// `hedges`, targets train `targets`.
pub fn gold_task(records: &[crate::learn::gold::GoldRecord]) -> Option<&'static str> {
    let hedges = records
        .iter()
        .any(|r| r.spans.iter().any(|s| s.label == "hedge"));
    let targets = records.iter().any(|r| !r.targets.is_empty());
    match (hedges, targets) {
        (true, _) => Some("hedges"),
        (false, true) => Some("targets"),
        _ => None,
    }
}

/// Trains `task` on `records` (as `framescore train` does) and lists the
/// word features that weigh most toward a label (positive weights, largest
/// first) and that no lexicon entry matches.
pub fn from_gold(
    task: &dyn crate::learn::task::Task,
    gold_path: &str,
    records: &[crate::learn::gold::GoldRecord],
    lexicon: &Lexicon,
    top: usize,
) -> Result<Vec<LearnedCandidate>, crate::learn::task::TrainError> {
    let options = crate::learn::task::FitOptions::default();
    let fitted = crate::learn::task::fit(task, gold_path, records, &[], lexicon, &options)?;
    let mut weights: Vec<&(String, String, f64)> = fitted.model.weights().iter().collect();
    weights.sort_by(|a, b| b.2.abs().total_cmp(&a.2.abs()).then_with(|| a.0.cmp(&b.0)));
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (feature, label, weight) in weights {
        if out.len() >= top {
            break;
        }
        let Some((template, value)) = feature.split_once('=') else {
            continue;
        };
        if *weight <= 0.0
            || !word_templates(task.name()).contains(&template)
            || value.contains('<')
            || !value.chars().any(char::is_alphabetic)
        {
            continue;
        }
        let term = fold(&value.replace('_', " "));
        if !seen.insert(term.clone()) || in_lexicon(&term, lexicon) {
            continue;
        }
        out.push(LearnedCandidate {
            term,
            feature: feature.clone(),
            label: label.clone(),
            weight: *weight,
        });
    }
    Ok(out)
}

/// The CSV header of [`Candidate`] rows.
pub const HEADER: [&str; 7] = [
    "term",
    "words",
    "count",
    "reference_count",
    "keyness",
    "example_1",
    "example_2",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyness_table() {
        // (a, b, n_a, n_b, G² to 3 decimals); values computed by hand from the 2×2 formula
        let cases: &[(usize, usize, usize, usize, f64)] = &[
            (10, 10, 1000, 1000, 0.0),
            (0, 0, 1000, 1000, 0.0),
            (20, 0, 1000, 1000, 27.928),
            (0, 20, 1000, 1000, -27.928),
            (5, 0, 100, 0, 0.0),
        ];
        for &(a, b, n_a, n_b, want) in cases {
            let got = keyness(a, b, n_a, n_b);
            assert!((got - want).abs() < 0.001, "{a} {b} {n_a} {n_b}: {got}");
        }
        assert!(keyness(30, 10, 1000, 1000) > keyness(20, 10, 1000, 1000));
    }

    #[test]
    fn lexicon_entries_and_their_wildcard_forms_are_not_candidates() {
        let lexicon = Lexicon::shared().expect("built-in");
        assert!(in_lexicon("hegemonic", lexicon), "hegemon* matches it");
        assert!(in_lexicon("wolf warrior", lexicon));
        assert!(
            in_lexicon("beijing said", lexicon),
            "a name inside the phrase"
        );
        assert!(!in_lexicon("porridge", lexicon));
    }

    #[test]
    fn gold_features_outside_the_lexicons_are_listed() {
        let lexicon = Lexicon::shared().expect("built-in");
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/gold/reckon.jsonl"
        );
        let records = crate::learn::gold::read_file(std::path::Path::new(path)).expect("gold");
        assert_eq!(gold_task(&records), Some("hedges"));
        let task = crate::learn::task::task("hedges").expect("task");
        let got = from_gold(task, path, &records, lexicon, 20).expect("trains");
        assert!(got.iter().any(|c| c.feature == "w=reckon"), "{got:?}");
        for c in &got {
            assert!(!in_lexicon(&c.term, lexicon), "{c:?}");
            assert!(!c.feature.starts_with("lex"), "{c:?}");
        }
        let weights: Vec<f64> = got.iter().map(|c| c.weight.abs()).collect();
        assert!(weights.windows(2).all(|w| w[0] >= w[1]), "{weights:?}");
    }

    #[test]
    fn context_brackets_the_match() {
        let text = "One. The shadow aid\nflowed north. Two.";
        let got = context(text, 5..33, 9, 19);
        assert_eq!(got, "The [shadow aid] flowed north.");
    }
}

//! The learned hedge tagger: a per-word linear classifier over the word, its
//! neighbours and the lexicon's certainty hits, trained on sentences whose
//! uncertainty cues were marked by hand (`framescore train --task hedges`).
//!
//! Feature extraction ([`word_features`]) is the one function both training
//! and analysis call, so a model sees at run time exactly what it saw in
//! training. Proper names are masked (`<NAME>`: a capitalised word that does
//! not start its sentence) and numbers too (`<NUM>`), so the model learns
//! the language of uncertainty, not who was uncertain.
//!
//! Applying it ([`tag`]): every word whose `hedge` score is positive is a
//! learned hedge; neighbouring hedge words make one match ("is considered").
//! How learned hedges and the lexicon's epistemic hedges combine is
//! [`Combine`]: the model knows whether a lexicon hedge covers the word
//! (feature `lex=`), so by default it decides for the words the lexicon lists.

use std::ops::Range;

use super::Analysis;
use super::words::Word;
use crate::lexicon::{Family, Hit, Lexicon, Target};

/// The one label of the task (the null label is "not a hedge").
pub const LABELS: &[&str] = &["hedge"];

/// Feature templates the extractor makes.
pub const TEMPLATES: &[&str] = &[
    "bias", "w", "w-1", "w+1", "w-2", "w+2", "w-1w", "ww+1", "suf", "lex", "lex-1", "lex+1", "sent",
];

/// Words whose presence in a sentence is itself a feature of every word
/// (conditions and indirect questions).
const SENTENCE_CUES: &[&str] = &["if", "whether", "unless"];

/// How learned hedges and lexicon hedges are combined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Combine {
    /// Every lexicon hedge stays; learned hedges are added where none is.
    Union,
    /// A lexicon epistemic hedge stays only where the model agrees on one of its words.
    ModelDecides,
}

/// The combination framescore uses (measured on Szeged dev: see the model card).
pub const COMBINE: Combine = Combine::ModelDecides;

/// One learned hedge, with the features that decided it.
#[derive(Debug, Clone, PartialEq)]
pub struct LearnedHedge {
    /// Sentence index.
    pub sentence: usize,
    /// Byte span.
    pub span: Range<usize>,
    /// The highest word score in the span.
    pub score: f64,
    /// Features and weights of the best word, strongest first.
    pub evidence: Vec<(String, f64)>,
}

/// A word as the model sees it: lowercase, names and numbers masked.
pub fn shape(text: &str, words: &[Word], i: usize, first_of_sentence: bool) -> String {
    let w = &text[words[i].span.clone()];
    if w.chars().any(|c| c.is_ascii_digit()) {
        return "<NUM>".into();
    }
    if words[i].capitalised && !first_of_sentence && w != "I" {
        return "<NAME>".into();
    }
    w.to_lowercase()
}

/// The model's view of one sentence: masked words and, per word, the
/// certainty-lexicon category that covers it.
#[derive(Debug, Clone, Default)]
pub struct SentenceView {
    /// Masked lowercase words.
    pub words: Vec<String>,
    /// `family:category` of a lexicon hedge/booster/approximator hit covering the word.
    pub lex: Vec<Option<String>>,
    /// The [`SENTENCE_CUES`] the sentence holds, in that order.
    pub cues: Vec<&'static str>,
}

impl SentenceView {
    /// Builds the view of sentence `s` of an analysis.
    pub fn new(analysis: &Analysis, lexicon: &Lexicon, s: usize) -> SentenceView {
        let text = analysis.article.text.as_str();
        let range = analysis.sentence_words[s].clone();
        let words = &analysis.words;
        let mut view = SentenceView {
            words: range
                .clone()
                .map(|i| shape(text, words, i, i == range.start))
                .collect(),
            lex: vec![None; range.len()],
            cues: Vec::new(),
        };
        view.cues = SENTENCE_CUES
            .iter()
            .copied()
            .filter(|c| view.words.iter().any(|w| w == c))
            .collect();
        // hits are in sentence order: find this sentence's run without a scan
        let first = analysis.hits.partition_point(|(hs, _)| *hs < s);
        let last = analysis.hits.partition_point(|(hs, _)| *hs <= s);
        for (_, hit) in &analysis.hits[first..last] {
            let Some(cat) = hit.targets.iter().find_map(|t| match *t {
                Target::Term(t) => {
                    let cat = &lexicon.categories[lexicon.terms[t as usize].category];
                    matches!(
                        cat.family,
                        Family::Hedge | Family::Booster | Family::Approximator
                    )
                    .then_some(cat)
                }
                _ => None,
            }) else {
                continue;
            };
            for (k, i) in range.clone().enumerate() {
                let w = &words[i].span;
                if w.start < hit.end && hit.start < w.end {
                    view.lex[k] = Some(format!("{}:{}", cat.family.name(), cat.id));
                }
            }
        }
        view
    }
}

/// The features of word `k` of a sentence view.
pub fn word_features(view: &SentenceView, k: usize) -> Vec<String> {
    let mut out = Vec::new();
    each_feature(view, k, &mut String::new(), |f| out.push(f.to_string()));
    out
}

/// Calls `f` with each feature of word `k`, built in `buf` (no allocation per
/// feature: this runs for every word of every article).
pub fn each_feature(view: &SentenceView, k: usize, buf: &mut String, mut f: impl FnMut(&str)) {
    let at = |d: isize| -> &str {
        let j = k as isize + d;
        if j < 0 {
            "<s>"
        } else {
            view.words.get(j as usize).map_or("</s>", String::as_str)
        }
    };
    let lex_at = |d: isize| -> Option<&str> {
        let j = usize::try_from(k as isize + d).ok()?;
        view.lex.get(j)?.as_deref()
    };
    let mut emit = |buf: &mut String, parts: &[&str]| {
        buf.clear();
        for p in parts {
            buf.push_str(p);
        }
        f(buf);
    };
    let w = at(0);
    emit(buf, &["bias=1"]);
    emit(buf, &["w=", w]);
    emit(buf, &["w-1=", at(-1)]);
    emit(buf, &["w+1=", at(1)]);
    emit(buf, &["w-2=", at(-2)]);
    emit(buf, &["w+2=", at(2)]);
    emit(buf, &["w-1w=", at(-1), "_", w]);
    emit(buf, &["ww+1=", w, "_", at(1)]);
    if w.chars().count() > 4 && !w.starts_with('<') {
        let cut = w.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
        emit(buf, &["suf=", &w[cut..]]);
    }
    if let Some(l) = lex_at(0) {
        emit(buf, &["lex=", l]);
    }
    if let Some(l) = lex_at(-1) {
        emit(buf, &["lex-1=", l]);
    }
    if let Some(l) = lex_at(1) {
        emit(buf, &["lex+1=", l]);
    }
    for cue in &view.cues {
        emit(buf, &["sent=", cue]);
    }
}

/// Tags the learned hedges of an analysis (empty when no hedge model is loaded).
pub fn tag(analysis: &Analysis, lexicon: &Lexicon) -> Vec<LearnedHedge> {
    let Some(model) = lexicon.models.hedges.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut buf = String::new();
    for s in 0..analysis.sentence_words.len() {
        let range = analysis.sentence_words[s].clone();
        if range.is_empty() {
            continue;
        }
        let view = SentenceView::new(analysis, lexicon, s);
        let mut open: Option<LearnedHedge> = None;
        for k in 0..view.words.len() {
            let mut score = 0.0;
            each_feature(&view, k, &mut buf, |f| score += model.weight(f, 0));
            let span = analysis.words[range.start + k].span.clone();
            if score > 0.0 {
                let feats = word_features(&view, k);
                match open.as_mut() {
                    Some(h) => {
                        h.span.end = span.end;
                        if score > h.score {
                            h.score = score;
                            h.evidence = model.evidence(feats.iter().map(String::as_str), 0);
                        }
                    }
                    None => {
                        open = Some(LearnedHedge {
                            sentence: s,
                            span,
                            score,
                            evidence: model.evidence(feats.iter().map(String::as_str), 0),
                        });
                    }
                }
            } else if let Some(h) = open.take() {
                out.push(h);
            }
        }
        out.extend(open);
    }
    out
}

/// Lays learned hedges over the lexicon hits: with [`Combine::ModelDecides`]
/// a lexicon hedge (family `hedge`) that no learned hedge overlaps is
/// dropped; every learned hedge that no remaining lexicon hedge overlaps is
/// added as a hit of the `learned` category. Hits stay in text order.
pub fn combine(hits: &mut Vec<(usize, Hit)>, learned: &[LearnedHedge], lexicon: &Lexicon) {
    let Some(term) = lexicon.models.hedge_term else {
        return;
    };
    let is_hedge = |t: &Target| match *t {
        Target::Term(t) => {
            t != term
                && lexicon.categories[lexicon.terms[t as usize].category].family == Family::Hedge
        }
        _ => false,
    };
    let overlaps = |a: &Range<usize>, start: usize, end: usize| a.start < end && start < a.end;
    if COMBINE == Combine::ModelDecides {
        for (_, hit) in hits.iter_mut() {
            if !learned
                .iter()
                .any(|l| overlaps(&l.span, hit.start, hit.end))
            {
                hit.targets.retain(|t| !is_hedge(t));
            }
        }
        hits.retain(|(_, h)| !h.targets.is_empty());
    }
    for l in learned {
        let covered = hits
            .iter()
            .any(|(_, h)| overlaps(&l.span, h.start, h.end) && h.targets.iter().any(is_hedge));
        if !covered {
            hits.push((
                l.sentence,
                Hit {
                    start: l.span.start,
                    end: l.span.end,
                    targets: vec![Target::Term(term)],
                },
            ));
        }
    }
    hits.sort_by_key(|(s, h)| (*s, h.start, h.end));
}

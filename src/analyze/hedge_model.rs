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
//!
//! [`tag`] scores every word without building feature strings: each word's
//! id in the model ([`Interned`]) is looked up once per sentence and every
//! feature is a lookup of (template, id, id); [`each_feature`] is the string
//! form of the same features, used by training, for the evidence of the few
//! words that score positive, and when a model has no ids. A test holds the
//! two to the same sums.

use std::borrow::Cow;
use std::ops::Range;

use super::Analysis;
use super::words::Word;
use crate::learn::Model;
use crate::learn::model::Interned;
use crate::lexicon::{Family, Hit, Lexicon, Target};
use crate::text::Slice;

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
    shape_borrowed(text, words, i, first_of_sentence).into_owned()
}

/// [`shape`], borrowing from the text where lowercasing changes nothing
/// (ASCII without capitals), so most words cost no allocation.
pub fn shape_borrowed<'t>(
    text: &'t str,
    words: &[Word],
    i: usize,
    first_of_sentence: bool,
) -> Cow<'t, str> {
    let w = text.slice(words[i].span.clone());
    if w.bytes().any(|c| c.is_ascii_digit()) {
        return Cow::Borrowed("<NUM>");
    }
    if words[i].capitalised && !first_of_sentence && w != "I" {
        return Cow::Borrowed("<NAME>");
    }
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

/// The model's view of one sentence: masked words and, per word, the
/// certainty-lexicon category that covers it.
#[derive(Debug, Clone, Default)]
pub struct SentenceView<'a> {
    /// Masked lowercase words.
    pub words: Vec<Cow<'a, str>>,
    /// (family, category) of a lexicon hedge/booster/approximator hit
    /// covering the word; its features read `lex=family:category`.
    pub lex: Vec<Option<(&'static str, &'a str)>>,
    /// The [`SENTENCE_CUES`] the sentence holds, in that order.
    pub cues: Vec<&'static str>,
}

impl<'a> SentenceView<'a> {
    /// Builds the view of sentence `s` of an analysis.
    pub fn new(analysis: &'a Analysis, lexicon: &'a Lexicon, s: usize) -> SentenceView<'a> {
        let text = analysis.article.text.as_str();
        let range = analysis.sentence_words[s].clone();
        let words = &analysis.words;
        let mut view = SentenceView {
            words: range
                .clone()
                .map(|i| shape_borrowed(text, words, i, i == range.start))
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
        let last = analysis.hits.partition_point(|(hs, _)| *hs <= s).max(first);
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
            // a hit's words by binary search (a scan per hit was quadratic)
            let first =
                range.start + words[range.clone()].partition_point(|w| w.span.end <= hit.start);
            for i in (first..range.end).take_while(|&i| words[i].span.start < hit.end) {
                view.lex[i - range.start] = Some((cat.family.name(), cat.id.as_str()));
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
            view.words.get(j as usize).map_or("</s>", |w| w.as_ref())
        }
    };
    let lex_at = |d: isize| -> Option<(&str, &str)> {
        let j = usize::try_from(k as isize + d).ok()?;
        *view.lex.get(j)?
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
    if let Some((fam, cat)) = lex_at(0) {
        emit(buf, &["lex=", fam, ":", cat]);
    }
    if let Some((fam, cat)) = lex_at(-1) {
        emit(buf, &["lex-1=", fam, ":", cat]);
    }
    if let Some((fam, cat)) = lex_at(1) {
        emit(buf, &["lex+1=", fam, ":", cat]);
    }
    for cue in &view.cues {
        emit(buf, &["sent=", cue]);
    }
}

/// The ids of the templates and fixed parts, looked up once per [`tag`].
struct Ids {
    bias: u32,
    one: u32,
    start: u32,
    end: u32,
    /// `w`, `w-1`, `w+1`, `w-2`, `w+2`, `w-1w`, `ww+1`, `suf`, `lex`, `lex-1`, `lex+1`, `sent`.
    t: [u32; 12],
    /// The id of each of [`SENTENCE_CUES`].
    cues: Vec<u32>,
}

impl Ids {
    fn new(it: &Interned) -> Ids {
        let t = [
            "w", "w-1", "w+1", "w-2", "w+2", "w-1w", "ww+1", "suf", "lex", "lex-1", "lex+1", "sent",
        ]
        .map(|t| it.template(t));
        Ids {
            bias: it.template("bias"),
            one: it.part("1"),
            start: it.part("<s>"),
            end: it.part("</s>"),
            t,
            cues: SENTENCE_CUES.iter().map(|c| it.part(c)).collect(),
        }
    }
}

/// The ids of a sentence view's words and lexicon hits.
fn view_ids(it: &Interned, view: &SentenceView<'_>, buf: &mut String) -> (Vec<u32>, Vec<u32>) {
    let words = view.words.iter().map(|w| it.part(w)).collect();
    let lex = view
        .lex
        .iter()
        .map(|l| {
            l.map_or(crate::learn::model::UNKNOWN, |(fam, cat)| {
                buf.clear();
                buf.push_str(fam);
                buf.push(':');
                buf.push_str(cat);
                it.part(buf)
            })
        })
        .collect();
    (words, lex)
}

/// The `hedge` score of word `k`: the sum of the weights of
/// [`each_feature`]'s features, in the same order (so the same float), by id.
fn word_score(
    it: &Interned,
    ids: &Ids,
    view: &SentenceView<'_>,
    (words, lex): (&[u32], &[u32]),
    k: usize,
) -> f64 {
    let at = |d: isize| -> u32 {
        let j = k as isize + d;
        if j < 0 {
            ids.start
        } else {
            words.get(j as usize).copied().unwrap_or(ids.end)
        }
    };
    let [
        tw,
        tm1,
        tp1,
        tm2,
        tp2,
        tm1w,
        twp1,
        tsuf,
        tlex,
        tlexm1,
        tlexp1,
        tsent,
    ] = ids.t;
    let (w, m1, p1) = (at(0), at(-1), at(1));
    let mut score = it.weight1(0, ids.bias, ids.one);
    score += it.weight1(0, tw, w);
    score += it.weight1(0, tm1, m1);
    score += it.weight1(0, tp1, p1);
    score += it.weight1(0, tm2, at(-2));
    score += it.weight1(0, tp2, at(2));
    score += it.weight2(0, tm1w, m1, w);
    score += it.weight2(0, twp1, w, p1);
    let text = view.words[k].as_ref();
    if text.chars().count() > 4 && !text.starts_with('<') {
        let cut = text.char_indices().rev().nth(2).map_or(0, |(i, _)| i);
        score += it.weight1(0, tsuf, it.part(&text[cut..]));
    }
    let lex_at = |d: isize| -> Option<u32> {
        let j = usize::try_from(k as isize + d).ok()?;
        view.lex.get(j)?.as_ref()?;
        Some(lex[j])
    };
    if let Some(l) = lex_at(0) {
        score += it.weight1(0, tlex, l);
    }
    if let Some(l) = lex_at(-1) {
        score += it.weight1(0, tlexm1, l);
    }
    if let Some(l) = lex_at(1) {
        score += it.weight1(0, tlexp1, l);
    }
    for cue in &view.cues {
        let c = SENTENCE_CUES
            .iter()
            .position(|x| x == cue)
            .map_or(crate::learn::model::UNKNOWN, |i| ids.cues[i]);
        score += it.weight1(0, tsent, c);
    }
    score
}

/// The `hedge` score of word `k` by strings: what [`word_score`] must equal.
fn word_score_by_string(model: &Model, view: &SentenceView<'_>, buf: &mut String, k: usize) -> f64 {
    let mut score = 0.0;
    each_feature(view, k, buf, |f| score += model.weight(f, 0));
    score
}

/// Tags the learned hedges of an analysis (empty when no hedge model is loaded).
pub fn tag(analysis: &Analysis, lexicon: &Lexicon) -> Vec<LearnedHedge> {
    let Some(model) = lexicon.models.hedges.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let ids = model.interned().map(|it| (it, Ids::new(it)));
    let mut buf = String::new();
    for s in 0..analysis.sentence_words.len() {
        let range = analysis.sentence_words[s].clone();
        if range.is_empty() {
            continue;
        }
        let view = SentenceView::new(analysis, lexicon, s);
        let view_ids = ids.as_ref().map(|(it, _)| view_ids(it, &view, &mut buf));
        let mut open: Option<LearnedHedge> = None;
        for k in 0..view.words.len() {
            let score = match (&ids, &view_ids) {
                (Some((it, ids)), Some((words, lex))) => {
                    word_score(it, ids, &view, (words, lex), k)
                }
                _ => word_score_by_string(model, &view, &mut buf, k),
            };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::analyze;
    use crate::ingest::Article;

    /// The id path ([`word_score`]) gives the same float as the string path
    /// for every word of the seed articles and of hand-made sentences
    /// (capitals, non-ASCII, `_` inside words, numbers, sentence cues).
    #[test]
    fn word_score_by_id_equals_word_score_by_string() {
        let lexicon = Lexicon::shared().expect("lexicon");
        let model = lexicon.models.hedges.as_ref().expect("hedge model");
        let it = model.interned().expect("the shipped model has ids");
        let ids = Ids::new(it);
        let mut texts = vec![
            "It may be that Émile suggests, perhaps, whether ÉTAT and naïve_word might possibly hold. \
             Unless it is clearly certain, 12 of them could be around 40%. If so, I think it's likely."
                .to_string(),
        ];
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        for entry in std::fs::read_dir(seeds).expect("seeds") {
            texts.push(std::fs::read_to_string(entry.expect("entry").path()).expect("seed"));
        }
        let (mut buf, mut words) = (String::new(), 0);
        for text in &texts {
            let article = Article::from_text("t", text);
            let analysis = analyze(&article, lexicon);
            for s in 0..analysis.sentence_words.len() {
                let view = SentenceView::new(&analysis, lexicon, s);
                let (w, l) = view_ids(it, &view, &mut buf);
                for k in 0..view.words.len() {
                    let by_id = word_score(it, &ids, &view, (&w, &l), k);
                    let by_string = word_score_by_string(model, &view, &mut buf, k);
                    assert_eq!(by_id.to_bits(), by_string.to_bits(), "{:?}", view.words[k]);
                    words += 1;
                }
            }
        }
        assert!(words > 1000, "{words}");
    }
}

//! Lexicon term hits with everything a reader needs to check them: the
//! modifiers that changed their weight, whose voice they are in, and which
//! actor they are about.
//!
//! Modifiers look back a few words inside the clause (a comma, semicolon,
//! colon or dash ends the reach of "not"): negators flip and damp the polarity
//! (VADER's −0.74 by default), intensifiers and downtoners scale it. A
//! contrast word ("but", "however") makes what follows it weigh more and what
//! precedes it less.
//!
//! Targets follow rules a linguist would accept, tried in order: possessive
//! ("Beijing's expansionist narrative"), of-phrase ("the hawkish leadership of
//! Takaichi"), vocative ("Japan, don't get too arrogant"), predicate ("Japan is
//! arrogant"), the actor right after the word (adjective or verb object:
//! "aggressive China", "accused Tokyo"), the actor right before it (subject:
//! "Russia backs"), and, failing those, the nearest actor in the same clause.

use std::ops::Range;

use super::actors::{ActorRef, Mention};
use super::words::word_at;
use super::{Analysis, quotes::Quote};
use crate::lexicon::{Family, Lexicon, Target};

/// One lexicon term in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct TermHit {
    /// Index into `Lexicon::terms`.
    pub term: usize,
    /// The term's family (cached).
    pub family: Family,
    /// Sentence index.
    pub sentence: usize,
    /// Start byte.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// A negator governs it.
    pub negated: bool,
    /// Product of intensifier, downtoner and contrast factors.
    pub factor: f64,
    /// Signed contribution: polarity × weight × factor (× negation); 0 for non-polar families.
    pub value: f64,
    /// Inside a quotation or attributed content.
    pub quoted: bool,
    /// The attribution whose words these are.
    pub attribution: Option<usize>,
    /// Who says it, when quoted.
    pub speaker: Option<String>,
    /// The actor it is about.
    pub target: Option<ActorRef>,
    /// The strongest polar term of its place in the text: only these count
    /// toward tone and actors, so a word listed in two lexicons counts once.
    pub primary: bool,
}

const COPULAS: &[&str] = &[
    "appear", "appears", "are", "be", "became", "become", "been", "being", "is", "looks", "remain",
    "remains", "seem", "seems", "was", "were",
];
const MAX_GAP_WORDS: usize = 3;

/// Collects every term hit with modifiers, voice and target.
pub fn collect(analysis: &Analysis, lexicon: &Lexicon) -> Vec<TermHit> {
    let modifiers = modifier_hits(analysis, lexicon);
    let mut out = Vec::new();
    for (sentence, hit) in &analysis.hits {
        let first = out.len();
        for target in &hit.targets {
            let Target::Term(t) = *target else { continue };
            let term = &lexicon.terms[t as usize];
            let family = lexicon.categories[term.category].family;
            let mut th = TermHit {
                term: t as usize,
                family,
                sentence: *sentence,
                start: hit.start,
                end: hit.end,
                negated: false,
                factor: 1.0,
                value: 0.0,
                quoted: false,
                attribution: None,
                speaker: None,
                target: None,
                primary: false,
            };
            if family.is_polar() {
                apply_modifiers(analysis, lexicon, &modifiers, &mut th);
                let sign = if th.negated {
                    lexicon.scoring.negation_factor
                } else {
                    1.0
                };
                th.value = term.polarity * term.weight * th.factor * sign;
                th.target = target_of(analysis, th.sentence, th.start..th.end);
            }
            voice(analysis, &mut th);
            out.push(th);
        }
        mark_primary(&mut out, first);
    }
    out
}

/// Marks the strongest polar hit among `hits[first..]` (one place in the text).
fn mark_primary(hits: &mut [TermHit], first: usize) {
    let strongest = hits[first..]
        .iter()
        .enumerate()
        .filter(|(_, h)| h.value != 0.0)
        .max_by(|(_, a), (_, b)| a.value.abs().total_cmp(&b.value.abs()))
        .map(|(i, _)| first + i);
    if let Some(i) = strongest {
        hits[i].primary = true;
    }
}

/// A modifier in the text: its span, family and factor.
struct Modifier {
    sentence: usize,
    span: Range<usize>,
    family: Family,
    factor: f64,
}

fn modifier_hits(analysis: &Analysis, lexicon: &Lexicon) -> Vec<Modifier> {
    let mut out = Vec::new();
    for (sentence, hit) in &analysis.hits {
        for target in &hit.targets {
            let Target::Term(t) = *target else { continue };
            let cat = &lexicon.categories[lexicon.terms[t as usize].category];
            if matches!(
                cat.family,
                Family::Negator | Family::Intensifier | Family::Downtoner | Family::Contrast
            ) {
                out.push(Modifier {
                    sentence: *sentence,
                    span: hit.start..hit.end,
                    family: cat.family,
                    factor: cat.factor,
                });
            }
        }
    }
    out
}

fn apply_modifiers(
    analysis: &Analysis,
    lexicon: &Lexicon,
    modifiers: &[Modifier],
    th: &mut TermHit,
) {
    let text = analysis.article.text.as_str();
    let words = &analysis.words;
    let term_word = word_at(words, th.start);
    let window = lexicon.scoring.modifier_window;
    for m in modifiers.iter().filter(|m| m.sentence == th.sentence) {
        if m.family == Family::Contrast {
            if m.span.end <= th.start {
                th.factor *= m.factor;
            } else if m.span.start >= th.end {
                th.factor *= lexicon.scoring.before_contrast;
            }
            continue;
        }
        if m.span.end > th.start {
            continue;
        }
        let distance = term_word.saturating_sub(word_at(words, m.span.end.saturating_sub(1)));
        let gap = &text[m.span.end..th.start];
        let same_clause = !gap.contains([',', ';', ':', '\u{2014}', '(', ')']);
        if distance == 0 || distance > window || !same_clause {
            continue;
        }
        match m.family {
            Family::Negator => th.negated = !th.negated,
            _ => th.factor *= m.factor,
        }
    }
}

/// Sets voice and speaker: inside a source's quote or attributed content, or the writer's own.
fn voice(analysis: &Analysis, th: &mut TermHit) {
    let inside = |r: &Range<usize>| r.start <= th.start && th.end <= r.end;
    let quote: Option<&Quote> = analysis
        .quotes
        .iter()
        .find(|q| inside(&q.inner) && !q.scare);
    let attribution = match quote {
        Some(q) => q
            .attribution
            .or_else(|| carried_speaker(analysis, th.sentence)),
        None => analysis
            .attributions
            .iter()
            .position(|a| !a.direct && inside(&a.content)),
    };
    th.quoted = quote.is_some() || attribution.is_some();
    th.attribution = attribution;
    th.speaker = attribution.and_then(|a| analysis.attributions[a].speaker.clone());
}

/// A quote with no cue of its own continues the last speaker of the two sentences before.
fn carried_speaker(analysis: &Analysis, sentence: usize) -> Option<usize> {
    analysis
        .attributions
        .iter()
        .rposition(|a| a.sentence <= sentence && a.sentence + 2 >= sentence)
}

fn target_of(analysis: &Analysis, sentence: usize, span: Range<usize>) -> Option<ActorRef> {
    let text = analysis.article.text.as_str();
    let in_sentence: Vec<&Mention> = analysis
        .mentions
        .iter()
        .filter(|m| {
            m.sentence == sentence && (m.span.end <= span.start || m.span.start >= span.end)
        })
        .collect();
    if in_sentence.is_empty() {
        return None;
    }
    let words_between = |a: usize, b: usize| {
        if a >= b {
            return 0;
        }
        text[a..b]
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    let before: Vec<&&Mention> = in_sentence
        .iter()
        .filter(|m| m.span.end <= span.start)
        .collect();
    let after: Vec<&&Mention> = in_sentence
        .iter()
        .filter(|m| m.span.start >= span.end)
        .collect();
    let clean =
        |a: usize, b: usize| !text[a.min(b)..b.max(a)].contains([',', ';', ':', '.', '\u{2014}']);
    // possessive: "Beijing's expansionist narrative", "its aggressive claims"
    if let Some(m) = before.iter().rev().find(|m| {
        let gap = &text[m.span.end..span.start];
        let possessive = gap.starts_with("'s") || gap.starts_with("\u{2019}s") || {
            let word = text[m.span.clone()].to_lowercase();
            m.pronoun && matches!(word.as_str(), "its" | "his" | "her" | "their")
        };
        possessive
            && words_between(m.span.end, span.start) <= MAX_GAP_WORDS
            && clean(m.span.end, span.start)
    }) {
        return Some(m.actor);
    }
    // of-phrase: "the hawkish leadership of Prime Minister Sanae Takaichi"
    if let Some(m) = after.iter().find(|m| {
        let gap = text[span.end..m.span.start].to_lowercase();
        gap.split_whitespace().any(|w| w == "of")
            && words_between(span.end, m.span.start) <= 5
            && clean(span.end, m.span.start)
    }) {
        return Some(m.actor);
    }
    // vocative: "Japan, don't get too arrogant."
    let sentence_start = analysis.doc.sentences[sentence].span.start;
    if let Some(m) = before.first().filter(|m| {
        text[sentence_start..m.span.start].trim().is_empty()
            && text[m.span.end..].trim_start().starts_with(',')
    }) && words_between(m.span.end, span.start) <= 6
    {
        return Some(m.actor);
    }
    // predicate: "Japan is arrogant"
    if let Some(m) = before.iter().rev().find(|m| {
        let gap = text[m.span.end..span.start].to_lowercase();
        words_between(m.span.end, span.start) <= 4
            && clean(m.span.end, span.start)
            && gap
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| COPULAS.contains(&w))
    }) {
        return Some(m.actor);
    }
    // right after: adjective + actor, verb + object
    if let Some(m) = after
        .first()
        .filter(|m| words_between(span.end, m.span.start) <= 2 && clean(span.end, m.span.start))
    {
        return Some(m.actor);
    }
    // right before: subject + verb
    if let Some(m) = before
        .last()
        .filter(|m| words_between(m.span.end, span.start) <= 1 && clean(m.span.end, span.start))
    {
        return Some(m.actor);
    }
    nearest_in_clause(text, &in_sentence, &span)
}

fn nearest_in_clause(text: &str, mentions: &[&Mention], span: &Range<usize>) -> Option<ActorRef> {
    let clause_break = |a: usize, b: usize| {
        let gap = text[a..b].to_lowercase();
        gap.contains([';', ':', '\u{2014}']) || gap.contains(" but ") || gap.contains(" however")
    };
    mentions
        .iter()
        .filter_map(|m| {
            let (a, b) = if m.span.end <= span.start {
                (m.span.end, span.start)
            } else {
                (span.end, m.span.start)
            };
            (!clause_break(a, b)).then_some((b - a, m.span.start > span.start, m.actor))
        })
        .min_by_key(|(distance, after, _)| (*distance, *after))
        .map(|(_, _, actor)| actor)
}

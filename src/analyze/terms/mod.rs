//! Lexicon term hits with everything a reader needs to check them: the
//! modifiers that changed their weight, whose voice they are in, and which
//! actor they are about.
//!
//! Modifiers look back a few words inside the clause (a comma, semicolon,
//! colon or dash ends the reach of "not"): negators flip and damp a positive
//! word (VADER's −0.74 by default) and cancel a negative one ("not a
//! dictator" is no praise), intensifiers and downtoners scale it. A
//! contrast word ("but", "however") makes what follows it weigh more and what
//! precedes it less.
//!
//! Targets follow rules a linguist would accept, tried in order: possessive
//! ("Beijing's expansionist narrative"), of-phrase ("the hawkish leadership of
//! Takaichi"), vocative ("Japan, don't get too arrogant"), predicate ("Japan is
//! arrogant"), the agent of a verb of harming ("Japan's expansion …
//! threatens the passage for the Russian fleet"), the actor right after the
//! word (adjective or verb object: "aggressive China", "accused Tokyo"), the
//! actor right before it (subject: "Russia backs"), and, failing those, the
//! nearest actor in the same clause. A noun of feeling or relation whose
//! possessive or of-phrase names an actor ("the anxieties of China") is about
//! no one. The words that trigger these rules come from `rules.toml`.

mod modifiers;
mod target;
#[cfg(test)]
mod tests;
mod voice;

use std::ops::Range;

use super::actors::{ActorRef, Mention};
use super::words::word_at;
use super::{Analysis, quotes::Quote};
use crate::lexicon::{Family, Lexicon, RuleWords, Target};
use crate::text::Slice;
use modifiers::{apply_modifiers, modifier_hits};
use target::target_of;
use voice::voice;

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
                let sign = match (th.negated, term.polarity < 0.0) {
                    (false, _) => 1.0,
                    // "not a dictator", "no threat": denying a fault takes
                    // the fault away but says nothing good (SO-CAL shifts
                    // rather than flips, Taboada et al. 2011; Kiritchenko &
                    // Mohammad 2016 find negated negative words near neutral)
                    (true, true) => lexicon.scoring.negated_negative,
                    (true, false) => lexicon.scoring.negation_factor,
                };
                // `+ 0.0` turns the -0 of a negated negative word into 0
                th.value = term.polarity * term.weight * th.factor * sign + 0.0;
            }
            voice(analysis, &lexicon.words, &mut th);
            if family.is_polar() {
                let speaker = th
                    .attribution
                    .and_then(|a| analysis.attributions[a].source.clone());
                th.target = target_of(
                    analysis,
                    &lexicon.words,
                    th.sentence,
                    th.start..th.end,
                    speaker,
                );
            }
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

/// A word lower-cased, without the punctuation around it.
pub(super) fn bare_lower(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Up to `n` words before the end of `before`, last first, stopping at a clause break.
pub(super) fn last_words(before: &str, n: usize) -> Vec<&str> {
    let mut out = Vec::new();
    for w in before.split_whitespace().rev().take(n) {
        if w.contains([';', ':', '\u{2014}', '(']) {
            break;
        }
        out.push(w);
    }
    out
}

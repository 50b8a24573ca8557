//! Lexicon term hits with everything a reader needs to check them: the
//! modifiers that changed their weight, whose voice they are in, and which
//! actor they are about.
//!
//! Modifiers look back a few words inside the clause (a comma, semicolon,
//! colon or dash ends the reach of "not"): negators flip and damp a positive
//! word (VADER's −0.74 by default) and cancel a negative one ("not a
//! dictator" is no praise), intensifiers and downtoners scale it. A
//! negative determiner heading the subject reaches its verb further on ("no
//! major political party on the island endorses this approach"). A
//! contrast word ("but", "however") makes what follows it weigh more and what
//! precedes it less.
//!
//! Targets follow rules a linguist would accept, tried in order. An actor
//! that is a topic is never judged: one right before "issue" ("the Taiwan
//! issue"), in an over/in/about phrase after the word ("tensions over
//! Taiwan", "a crisis in the Taiwan Strait") or a party after "between". A
//! noun of feeling or relation ("the anxieties of China", "Japan's concerns")
//! is about no one. Then: possessive ("Beijing's expansionist narrative");
//! the agent of an act, for a harm noun or a polar word on an act noun ("a
//! Chinese attack on Taiwan", "a chilling warning to Japan" go to China and
//! to whoever warns, never to the recipient); a demonym before a situation
//! noun ("a Japanese crisis"; "a civil war" is no one's); of-phrase ("the
//! hawkish leadership of Takaichi"); vocative ("Japan, don't get too
//! arrogant"); predicate ("Japan is arrogant"); a verb between a subject and
//! an object actor, as its connotation frame says (frames.toml: "China
//! threatens Japan" judges China, "Russia accused Japan" judges Japan in
//! Russia's view, "Russia supports China" is about China); the agent of a
//! verb of harming or of causing a feeling ("Japan's expansion … threatens
//! the passage for the Russian fleet"; "Japan alarmed Beijing" is Beijing's
//! view of Japan); the actor right after the word (adjective or verb object:
//! "aggressive China", "accused Tokyo"), the actor right before it (subject:
//! "Russia backs"), and, failing those and unless the word names a
//! situation, the nearest actor in the same clause.
//!
//! Scare quotes make a polar word someone else's, and a positive one counts
//! nothing ("Beijing's \"constructive\" role"); a sarcastic phrase in
//! loaded.toml ("favorite tactic") is one negative hit. A positive degree
//! adjective right before a negative word intensifies it ("strong
//! criticism") instead of praising. The words that trigger these rules come
//! from `rules.toml` and `frames.toml`.

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
    let mut contents = voice::Contents::new(analysis);
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
            voice(analysis, &lexicon.words, &mut contents, &mut th);
            if family.is_polar() {
                // a scare-quoted word is someone else's: "Beijing's
                // \"constructive\" role" is no praise, and "the \"Japanese
                // Nightmare\"" is not the writer's own judgement
                if scare_quoted(analysis, &th) {
                    th.quoted = true;
                    if th.value > 0.0 {
                        th.value *= SCARE_QUOTED_POSITIVE;
                    }
                }
                let speaker = th
                    .attribution
                    .and_then(|a| analysis.attributions[a].source.clone());
                let aim = target_of(
                    analysis,
                    &lexicon.words,
                    th.sentence,
                    th.start..th.end,
                    th.value,
                    speaker,
                );
                th.target = aim.actor;
                th.quoted |= aim.attributed;
            }
            out.push(th);
        }
        mark_primary(&mut out, first);
    }
    degree_adjectives(analysis, &lexicon.words, &mut out);
    out
}

/// What a positive word in scare quotes counts of its polarity: the quotes
/// say the writer does not mean it ("a \"constructive\" role").
pub(super) const SCARE_QUOTED_POSITIVE: f64 = 0.0;

/// What a degree adjective does to the negative word right after it ("strong
/// criticism"): the factor of modifiers.toml's plain intensifiers.
pub(super) const DEGREE_ADJECTIVE_FACTOR: f64 = 1.3;

/// The hit lies inside a scare quote.
fn scare_quoted(analysis: &Analysis, th: &TermHit) -> bool {
    analysis
        .quotes
        .iter()
        .any(|q| q.scare && q.inner.start <= th.start && th.end <= q.inner.end)
}

/// A positive degree adjective right before a negative word intensifies it
/// instead of praising: "strong criticism towards Japan" is strong
/// criticism, not something strong about Japan; "strong ties" stays praise.
fn degree_adjectives(analysis: &Analysis, rules: &RuleWords, hits: &mut [TermHit]) {
    let text = analysis.article.text.as_str();
    for i in 0..hits.len() {
        let h = &hits[i];
        if !h.primary
            || h.value <= 0.0
            || !rules
                .degree_adjectives
                .contains(&bare_lower(text.slice(h.start..h.end)))
        {
            continue;
        }
        let (start, end, sentence) = (h.start, h.end, h.sentence);
        // the next polar place in the sentence, only blanks before it
        let Some(next) = hits[i + 1..]
            .iter()
            .position(|n| n.sentence == sentence && n.start >= end && n.family.is_polar())
            .map(|j| i + 1 + j)
        else {
            continue;
        };
        let at = hits[next].start;
        if !text.slice(end..at).trim().is_empty()
            || !hits[next..]
                .iter()
                .take_while(|n| n.start == at)
                .any(|n| n.primary && n.value < 0.0)
        {
            continue;
        }
        for n in hits[next..].iter_mut().take_while(|n| n.start == at) {
            n.factor *= DEGREE_ADJECTIVE_FACTOR;
            n.value *= DEGREE_ADJECTIVE_FACTOR;
        }
        for h in hits
            .iter_mut()
            .filter(|h| h.start == start && h.family.is_polar())
        {
            h.value = 0.0;
            h.primary = false;
        }
    }
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

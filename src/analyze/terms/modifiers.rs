//! Modifiers: the negators, degree words and contrast words that change a
//! polar word's weight, looked for a few words back inside its clause.

use super::*;

/// A modifier in the text: its span, family and factor.
pub(super) struct Modifier {
    sentence: usize,
    span: Range<usize>,
    family: Family,
    factor: f64,
}

/// Contrast words counted at most on each side of a polar word. Each one
/// multiplies the word's weight, so an unbounded run ("good but good but …")
/// took the product to infinity and the tone to NaN; no real sentence comes
/// near this many.
pub(super) const MAX_CONTRASTS: usize = 8;

/// The modifiers of an article in text order, and its contrast words alone,
/// so that a polar word finds the contrasts around it by binary search rather
/// than by reading every contrast of its sentence.
pub(super) struct Modifiers {
    all: Vec<Modifier>,
    contrasts: Vec<Modifier>,
}

pub(super) fn modifier_hits(analysis: &Analysis, lexicon: &Lexicon) -> Modifiers {
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
    let contrasts = out
        .iter()
        .filter(|m| m.family == Family::Contrast)
        .map(|m| Modifier {
            span: m.span.clone(),
            ..*m
        })
        .collect();
    Modifiers {
        all: out,
        contrasts,
    }
}

/// The contrast factor of a polar word at `span` in `sentence`: the factor of
/// each contrast word before it (what follows "but" weighs more) times
/// `before_contrast` for each one after it, counting the nearest
/// [`MAX_CONTRASTS`] on each side. Multiplies in the same order as reading
/// the sentence, so results are bit for bit those of reading every contrast.
fn contrast_factor(
    contrasts: &[Modifier],
    sentence: usize,
    span: &Range<usize>,
    before_contrast: f64,
) -> f64 {
    let lo = contrasts.partition_point(|m| m.sentence < sentence);
    let hi = contrasts
        .partition_point(|m| m.sentence <= sentence)
        .max(lo);
    let contrasts = &contrasts[lo..hi];
    let before = contrasts.partition_point(|m| m.span.end <= span.start);
    let after = contrasts.len() - contrasts.partition_point(|m| m.span.start < span.end);
    let mut factor = 1.0;
    for m in &contrasts[before.saturating_sub(MAX_CONTRASTS)..before] {
        factor *= m.factor;
    }
    for _ in 0..after.min(MAX_CONTRASTS) {
        factor *= before_contrast;
    }
    factor
}

pub(super) fn apply_modifiers(
    analysis: &Analysis,
    lexicon: &Lexicon,
    modifiers: &Modifiers,
    th: &mut TermHit,
) {
    let text = analysis.article.text.as_str();
    let words = &analysis.words;
    let term_word = word_at(words, th.start);
    let window = lexicon.scoring.modifier_window;
    th.factor *= contrast_factor(
        &modifiers.contrasts,
        th.sentence,
        &(th.start..th.end),
        lexicon.scoring.before_contrast,
    );
    let all = &modifiers.all;
    let lo = all.partition_point(|m| m.sentence < th.sentence);
    let hi = all.partition_point(|m| m.sentence <= th.sentence).max(lo);
    let sentence = &all[lo..hi];
    // negators and degree words: only the few just before the word can reach it
    let before = sentence.partition_point(|m| m.span.end <= th.start);
    for m in sentence[..before].iter().rev().take(2 * window + 2).rev() {
        if m.family == Family::Contrast {
            continue;
        }
        let distance = term_word.saturating_sub(word_at(words, m.span.end.saturating_sub(1)));
        if distance == 0 || distance > window {
            continue;
        }
        let gap = text.slice(m.span.end..th.start);
        if gap.contains([',', ';', ':', '\u{2014}', '(', ')']) {
            continue;
        }
        match m.family {
            Family::Negator if prohibitive(analysis, &lexicon.words, th.sentence, &m.span) => {}
            Family::Negator => th.negated = !th.negated,
            _ => th.factor *= m.factor,
        }
    }
    if subject_negated(text, sentence, th, window) {
        th.negated = !th.negated;
    }
}

/// Negative determiners and pronouns that, heading a subject, negate its verb.
pub(super) const SUBJECT_NEGATORS: &[&str] = &["neither", "no", "nobody", "none", "nothing"];
/// Words between a negative determiner and the verb of its subject.
pub(super) const SUBJECT_NEGATION_REACH: usize = 8;
/// Words that end a subject noun phrase before any verb: a relative or
/// subordinate clause, or a coordination, starts there.
const SUBJECT_ENDS: &[&str] = &[
    "and", "as", "because", "but", "if", "or", "than", "that", "when", "which", "while", "who",
    "whom", "whose",
];

/// A negative determiner heading the subject reaches the verb beyond the
/// modifier window: "no major political party on the island endorses this
/// approach" is no endorsement. The polar word must look like a finite verb
/// (lower-case, ending in -s or -ed) with nothing but the subject between.
fn subject_negated(text: &str, sentence: &[Modifier], th: &TermHit, window: usize) -> bool {
    let word = text.slice(th.start..th.end);
    if word.contains(' ')
        || word.starts_with(char::is_uppercase)
        || !(word.ends_with('s') || word.ends_with("ed"))
    {
        return false;
    }
    sentence
        .iter()
        .filter(|m| m.family == Family::Negator && m.span.end <= th.start)
        .any(|m| {
            let negator = text.slice(m.span.clone()).to_lowercase();
            if !SUBJECT_NEGATORS.contains(&negator.as_str()) {
                return false;
            }
            let gap = text.slice(m.span.end..th.start);
            let words: Vec<String> = gap.split_whitespace().map(bare_lower).collect();
            words.len() >= window
                && words.len() <= SUBJECT_NEGATION_REACH
                && !gap.contains([',', ';', ':', '\u{2014}', '(', ')', '"', '\u{201c}'])
                && !words.iter().any(|w| SUBJECT_ENDS.contains(&w.as_str()))
        })
}

/// A negator that forbids rather than denies: a negative imperative at the
/// start of a clause ("Japan, don't get too arrogant") or "not to" after a
/// directive verb ("urged Japan not to interfere"). Warning someone off a thing
/// presupposes they lean toward it, so the polar word keeps its sign.
pub(super) fn prohibitive(
    analysis: &Analysis,
    rules: &RuleWords,
    sentence: usize,
    negator: &Range<usize>,
) -> bool {
    let text = analysis.article.text.as_str();
    let word = text
        .slice(negator.clone())
        .to_lowercase()
        .replace('\u{2019}', "'");
    let start = analysis.doc.sentences[sentence].span.start;
    let before = text.slice(start..negator.start);
    if matches!(word.as_str(), "don't" | "do not" | "never") {
        // clause-initial: after nothing but an opening quote, or after a
        // vocative of up to three words ("Japan, don't ...")
        let lead: Vec<&str> = before.split_whitespace().take(4).collect();
        let bare = lead
            .concat()
            .trim_matches(['"', '\u{201c}', '\u{2018}', '\''])
            .is_empty();
        let vocative = lead.len() <= 3
            && lead.last().is_some_and(|w| w.ends_with(','))
            && lead[..lead.len() - 1].iter().all(|w| !w.contains(','))
            && lead[0]
                .trim_start_matches(['"', '\u{201c}', '\u{2018}', '\''])
                .starts_with(char::is_uppercase);
        return bare || vocative;
    }
    if word != "not" || !text.slice(negator.end..).trim_start().starts_with("to ") {
        return false;
    }
    last_words(before, DIRECTIVE_REACH)
        .iter()
        .any(|w| rules.directive_verbs.contains(&bare_lower(w)))
}

/// Words before "not to" searched for a directive verb.
pub(super) const DIRECTIVE_REACH: usize = 6;

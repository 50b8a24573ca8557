//! Voice: whether a polar word is the writer's or the words of someone the
//! writer quotes, reports, or reports as accusing or fearing.

use super::*;

/// Words before a polar word searched for a verb of accusing or fearing
/// (`accusing_verbs`, `fearing_verbs` in rules.toml): what follows "of",
/// "for" or "as" after an accusing verb is the accuser's judgement, and what
/// follows a verb of fearing is the experiencer's view.
pub(super) const ACCUSING_REACH: usize = 8;

/// The hit is an accusing verb, or lies in the complement of one in its clause.
pub(super) fn accusation(
    rules: &RuleWords,
    text: &str,
    sentence_start: usize,
    hit: &Range<usize>,
) -> bool {
    let is_accusing = |w: &str| rules.accusing_verbs.contains(&bare_lower(w));
    let is_fearing = |w: &str| rules.fearing_verbs.contains(&bare_lower(w));
    let head = text.slice(hit.clone()).to_lowercase();
    if !head.contains(' ') && (is_accusing(&head) || is_fearing(&head)) {
        return true;
    }
    let words = last_words(text.slice(sentence_start..hit.start), ACCUSING_REACH);
    if words.iter().any(|w| is_fearing(w)) {
        return true;
    }
    let Some(verb) = words.iter().position(|w| is_accusing(w)) else {
        return false;
    };
    words[..verb].iter().any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        matches!(w.as_str(), "of" | "for" | "as")
    })
}

/// Words before a polar word searched for a possessed noun of discourse
/// ("Beijing's favorite tactic of ...").
pub(super) const DISCOURSE_REACH: usize = 8;

/// The hit lies in the of-complement of a noun of discourse or tactic that an
/// actor's possessive owns ("Beijing's favorite tactic of using historical
/// guilt", "Moscow's narrative of Japanese militarism"): the framing is the
/// possessor's, not the writer's. A "that" clause is left alone, since it is
/// as often a relative clause that the writer adds ("Beijing's narrative
/// that extends beyond the strait to its aggressive claims").
pub(super) fn possessed_framing(
    rules: &RuleWords,
    text: &str,
    sentence_start: usize,
    hit: &Range<usize>,
) -> bool {
    let words = last_words(text.slice(sentence_start..hit.start), DISCOURSE_REACH);
    // words are last first: find "of", then the noun before it, then a
    // possessive at most two words before the noun
    words.iter().enumerate().any(|(i, w)| {
        bare_lower(w) == "of"
            && words
                .get(i + 1)
                .is_some_and(|noun| rules.discourse_nouns.contains(&bare_lower(noun)))
            && words[(i + 2).min(words.len())..(i + 4).min(words.len())]
                .iter()
                .any(|w| w.ends_with("'s") || w.ends_with("\u{2019}s"))
    })
}

/// Sets voice and speaker: inside a source's quote or attributed content, or the writer's own.
pub(super) fn voice(analysis: &Analysis, rules: &RuleWords, th: &mut TermHit) {
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
    if !th.quoted && th.family.is_polar() {
        let start = analysis.doc.sentences[th.sentence].span.start;
        let text = analysis.article.text.as_str();
        let hit = th.start..th.end;
        th.quoted =
            accusation(rules, text, start, &hit) || possessed_framing(rules, text, start, &hit);
    }
}

/// A quote with no cue of its own continues the last speaker of the two sentences before.
pub(super) fn carried_speaker(analysis: &Analysis, sentence: usize) -> Option<usize> {
    analysis
        .attributions
        .iter()
        .rposition(|a| a.sentence <= sentence && a.sentence + 2 >= sentence)
}

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
pub(super) fn voice(
    analysis: &Analysis,
    rules: &RuleWords,
    contents: &mut Contents,
    th: &mut TermHit,
) {
    let inside = |r: &Range<usize>| r.start <= th.start && th.end <= r.end;
    // quotes are disjoint and in text order: only the last one starting at or
    // before the word can hold it
    let quotes = &analysis.quotes;
    let k = quotes.partition_point(|q| q.inner.start <= th.start);
    let quote: Option<&Quote> = k
        .checked_sub(1)
        .map(|k| &quotes[k])
        .filter(|q| inside(&q.inner) && !q.scare);
    let attribution = match quote {
        Some(q) => q
            .attribution
            .or_else(|| carried_speaker(analysis, th.sentence)),
        None => contents.first_holding(analysis, &(th.start..th.end)),
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
    // attributions come in sentence order
    let attributions = &analysis.attributions;
    let k = attributions.partition_point(|a| a.sentence <= sentence);
    k.checked_sub(1)
        .filter(|&a| attributions[a].sentence + 2 >= sentence)
}

/// Finds, for a word, the first attribution (in article order) whose
/// indirect content holds it, in logarithmic time, however many contents
/// overlap ("said said said …" gives every cue the rest of the sentence).
///
/// Words are asked about in text order. A content becomes active once the
/// sweep reaches its start; a max-tree over attribution indexes keeps each
/// active content's end, so the leftmost index whose end reaches the word's
/// end is one descent away. A content that ended before the word cannot
/// reach its end, so nothing needs removing. A word asked out of order
/// restarts the sweep: still correct, only slower.
pub(super) struct Contents {
    /// Indirect attributions by content start.
    by_start: Vec<usize>,
    /// How many of `by_start` are active.
    active: usize,
    /// Where the sweep is.
    at: usize,
    /// Leaves: content end + 1 of each active attribution (0: inactive).
    tree: Vec<usize>,
    leaves: usize,
}

impl Contents {
    pub(super) fn new(analysis: &Analysis) -> Contents {
        let attributions = &analysis.attributions;
        let mut by_start: Vec<usize> = (0..attributions.len())
            .filter(|&a| !attributions[a].direct)
            .collect();
        by_start.sort_by_key(|&a| attributions[a].content.start);
        let leaves = attributions.len().next_power_of_two();
        Contents {
            by_start,
            active: 0,
            at: 0,
            tree: vec![0; 2 * leaves],
            leaves,
        }
    }

    /// The first indirect attribution whose content holds `span`.
    pub(super) fn first_holding(
        &mut self,
        analysis: &Analysis,
        span: &Range<usize>,
    ) -> Option<usize> {
        let attributions = &analysis.attributions;
        if span.start < self.at {
            self.tree.iter_mut().for_each(|v| *v = 0);
            self.active = 0;
        }
        self.at = span.start;
        while let Some(&a) = self.by_start.get(self.active) {
            let content = &attributions[a].content;
            if content.start > span.start {
                break;
            }
            self.set(a, content.end + 1);
            self.active += 1;
        }
        self.leftmost_reaching(span.end + 1)
    }

    fn set(&mut self, i: usize, value: usize) {
        let mut node = self.leaves + i;
        self.tree[node] = value;
        while node > 1 {
            node /= 2;
            self.tree[node] = self.tree[2 * node].max(self.tree[2 * node + 1]);
        }
    }

    /// The leftmost leaf whose value is at least `value`.
    fn leftmost_reaching(&self, value: usize) -> Option<usize> {
        if self.tree.get(1).is_none_or(|&top| top < value) {
            return None;
        }
        let mut node = 1;
        while node < self.leaves {
            node = if self.tree[2 * node] >= value {
                2 * node
            } else {
                2 * node + 1
            };
        }
        Some(node - self.leaves)
    }
}

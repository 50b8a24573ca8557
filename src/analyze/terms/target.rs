//! Targets: which actor a polar word is about, by the first of a list of
//! positional rules that applies.

use super::*;

pub(super) const COPULAS: &[&str] = &[
    "appear", "appears", "are", "be", "became", "become", "been", "being", "is", "looks", "remain",
    "remains", "seem", "seems", "was", "were",
];
pub(super) const MAX_GAP_WORDS: usize = 3;
/// Mentions considered on each side of a polar word.
pub(super) const CANDIDATE_WINDOW: usize = 16;

/// Something a polar word can be about: an actor's mention.
#[derive(Debug)]
pub(super) struct Candidate {
    span: Range<usize>,
    actor: ActorRef,
    pronoun: bool,
}

/// Candidates of one sentence: its mentions, except that an ad-hoc target
/// given by the article wins over a lexicon actor on the same words, and the
/// speaker of attributed words is never their target ("Short said Clinton
/// regrets..." is not about Short).
pub(super) fn candidates(
    analysis: &Analysis,
    sentence: usize,
    span: &Range<usize>,
    speaker: Option<&Range<usize>>,
) -> Vec<Candidate> {
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    let lo = analysis.mentions.partition_point(|m| m.sentence < sentence);
    let hi = analysis
        .mentions
        .partition_point(|m| m.sentence <= sentence);
    let hi = hi.max(lo);
    // The rules look at the sentence's first mention (vocative) and at the
    // mentions nearest the word; a window around it keeps long sentences linear.
    let at = lo + analysis.mentions[lo..hi].partition_point(|m| m.span.start < span.start);
    let window = at.saturating_sub(CANDIDATE_WINDOW).max(lo)..(at + CANDIDATE_WINDOW).min(hi);
    let first = (lo < hi && lo < window.start).then_some(lo);
    let all: Vec<&Mention> = first
        .into_iter()
        .chain(window)
        .map(|i| &analysis.mentions[i])
        .collect();
    let adhoc: Vec<&Range<usize>> = all
        .iter()
        .filter(|m| matches!(m.actor, ActorRef::Adhoc(_)))
        .map(|m| &m.span)
        .collect();
    let in_speaker =
        |r: &Range<usize>| speaker.is_some_and(|s| s.start <= r.start && r.end <= s.end);
    let mut out: Vec<Candidate> = all
        .iter()
        .filter(|m| !overlaps(&m.span, span) && !in_speaker(&m.span))
        .filter(|m| {
            matches!(m.actor, ActorRef::Adhoc(_)) || !adhoc.iter().any(|a| overlaps(a, &m.span))
        })
        .map(|m| Candidate {
            span: m.span.clone(),
            actor: m.actor,
            pronoun: m.pronoun,
        })
        .collect();
    out.sort_by_key(|c| (c.span.start, c.span.end));
    out
}

/// The actor a polar word at `span` is about. Rules in order; the first that
/// finds a candidate decides.
pub(super) fn target_of(
    analysis: &Analysis,
    rules: &RuleWords,
    sentence: usize,
    span: Range<usize>,
    speaker: Option<Range<usize>>,
) -> Option<ActorRef> {
    let text = analysis.article.text.as_str();
    let in_sentence = candidates(analysis, sentence, &span, speaker.as_ref());
    if in_sentence.is_empty() {
        return None;
    }
    // at most `n` words between byte offsets `a` and `b` (reads no further than that)
    let within = |a: usize, b: usize, n: usize| {
        a >= b
            || text
                .slice(a..b)
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .take(n + 1)
                .count()
                <= n
    };
    let before: Vec<&Candidate> = in_sentence
        .iter()
        .filter(|m| m.span.end <= span.start)
        .collect();
    let after: Vec<&Candidate> = in_sentence
        .iter()
        .filter(|m| m.span.start >= span.end)
        .collect();
    let clean = |a: usize, b: usize| {
        !text
            .slice(a.min(b)..b.max(a))
            .contains([',', ';', ':', '.', '\u{2014}'])
    };
    // an experiencer noun names whose feeling it is, not whom it judges:
    // "the security anxieties of China", "Japan's concerns", "the dispute
    // between Russia and Japan"
    let experiencer = rules
        .experiencer_nouns
        .contains(&bare_lower(text.slice(span.clone())));
    // possessive: "Beijing's expansionist narrative", "its aggressive claims"
    if let Some(m) = before.iter().rev().find(|m| {
        let gap = text.slice(m.span.end..span.start);
        let possessive = gap.starts_with("'s") || gap.starts_with("\u{2019}s") || {
            let word = text.slice(m.span.clone()).to_lowercase();
            m.pronoun && matches!(word.as_str(), "its" | "his" | "her" | "their")
        };
        possessive && within(m.span.end, span.start, MAX_GAP_WORDS) && clean(m.span.end, span.start)
    }) {
        return (!experiencer).then_some(m.actor);
    }
    // of-phrase: "the hawkish leadership of Prime Minister Sanae Takaichi"
    if let Some(m) = after.first().filter(|m| {
        let linkers: &[&str] = if experiencer {
            &["of", "between", "among"]
        } else {
            &["of"]
        };
        within(span.end, m.span.start, 5)
            && clean(span.end, m.span.start)
            && text
                .slice(span.end..m.span.start)
                .split_whitespace()
                .any(|w| linkers.iter().any(|l| w.eq_ignore_ascii_case(l)))
    }) {
        return (!experiencer).then_some(m.actor);
    }
    // vocative: "Japan, don't get too arrogant."
    let sentence_start = analysis.doc.sentences[sentence].span.start;
    if let Some(m) = before.first().filter(|m| {
        text.slice(sentence_start..m.span.start)
            .trim()
            .trim_start_matches(['"', '\u{201c}'])
            .is_empty()
            && text.slice(m.span.end..).trim_start().starts_with(',')
    }) && within(m.span.end, span.start, 6)
    {
        return Some(m.actor);
    }
    // predicate: "Japan is arrogant"
    if let Some(m) = before.iter().rev().find(|m| {
        within(m.span.end, span.start, 4)
            && clean(m.span.end, span.start)
            && text
                .slice(m.span.end..span.start)
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| COPULAS.contains(&w))
    }) {
        return Some(m.actor);
    }
    // a verb of harming is the agent's doing: "Japan's military expansion,
    // especially its efforts …, directly threatens the passage for the Russian
    // fleet" judges Japan, not the fleet it threatens
    if rules
        .harm_verbs
        .contains(&bare_lower(text.slice(span.clone())))
        && let Some(m) = before
            .iter()
            .rev()
            .find(|m| !clause_break(text, m.span.end, span.start))
    {
        return Some(m.actor);
    }
    // right after: adjective + actor, verb + object
    if let Some(m) = after
        .first()
        .filter(|m| within(span.end, m.span.start, 2) && clean(span.end, m.span.start))
    {
        return Some(m.actor);
    }
    // right before: subject + verb
    if let Some(m) = before
        .last()
        .filter(|m| within(m.span.end, span.start, 1) && clean(m.span.end, span.start))
    {
        return Some(m.actor);
    }
    nearest_in_clause(text, &in_sentence, &span)
}

/// Whether a clause ends between byte offsets `a` and `b` (commas do not end one).
pub(super) fn clause_break(text: &str, a: usize, b: usize) -> bool {
    let gap = text.slice(a..b).to_lowercase();
    gap.contains([';', ':', '\u{2014}']) || gap.contains(" but ") || gap.contains(" however")
}

pub(super) fn nearest_in_clause(
    text: &str,
    cands: &[Candidate],
    span: &Range<usize>,
) -> Option<ActorRef> {
    let clause_break = |a: usize, b: usize| clause_break(text, a, b);
    // The nearest candidate on each side; a farther one on the same side
    // cannot be in the clause when the nearest is not.
    let side = |after: bool| {
        cands
            .iter()
            .filter(|m| !m.span.contains(&span.start))
            .filter(|m| (m.span.start > span.start) == after)
            .map(|m| {
                let (a, b) = if after {
                    (span.end, m.span.start.max(span.end))
                } else {
                    (m.span.end.min(span.start), span.start)
                };
                (b - a, a, b, m.actor)
            })
            .min_by_key(|(distance, ..)| *distance)
            .filter(|(_, a, b, _)| !clause_break(*a, *b))
    };
    match (side(false), side(true)) {
        (Some(b), Some(a)) => Some(if a.0 < b.0 { a.3 } else { b.3 }),
        (Some(x), None) | (None, Some(x)) => Some(x.3),
        (None, None) => None,
    }
}

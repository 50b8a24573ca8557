//! Targets: which actor a polar word is about, by the first of a list of
//! positional rules that applies.

use super::*;

pub(super) const COPULAS: &[&str] = &[
    "appear", "appears", "are", "be", "became", "become", "been", "being", "is", "looks", "remain",
    "remains", "seem", "seems", "was", "were",
];
pub(super) const MAX_GAP_WORDS: usize = 3;
/// Bytes at most between a polar word and an actor in one clause: a gap
/// this long (some 150 words, or a run of blanks) is read as a clause break,
/// so that no word reads more than this much text to find its target (one
/// actor before 50,000 polar words in a sentence made targeting quadratic).
pub(super) const MAX_GAP_BYTES: usize = 1000;
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

/// Prepositions that make the actor right after a polar word its topic,
/// not the one judged: "tensions over Taiwan", "a crisis in the Taiwan
/// Strait", "worries about China".
pub(super) const TOPIC_PREPOSITIONS: &[&str] =
    &["about", "around", "concerning", "in", "over", "regarding"];
/// Prepositions that name the agent after an act: "a warning from Moscow".
pub(super) const AGENT_PREPOSITIONS: &[&str] = &["by", "from"];
/// Prepositions before a mention that make it no subject ("loyalty to
/// Beijing", "support for China").
pub(super) const PREPOSITIONS: &[&str] = &[
    "about", "against", "at", "between", "by", "for", "from", "in", "into", "of", "on", "over",
    "to", "toward", "towards", "with",
];
/// Words between "by"/"from" and the agent of an act ("a warning from the
/// Kremlin").
pub(super) const AGENT_GAP_WORDS: usize = 3;

/// Whom a polar word is about, and whose view it is when a connotation frame
/// says so.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(super) struct Aim {
    /// The actor judged.
    pub actor: Option<ActorRef>,
    /// The polarity is the view of an actor in the sentence, not the
    /// writer's: a verb whose frame gives the subject's view of the object
    /// ("X accused Y"), or a verb of causing a feeling ("X alarmed Y": Y's
    /// view of X).
    pub attributed: bool,
}

impl Aim {
    fn at(actor: ActorRef) -> Self {
        Aim {
            actor: Some(actor),
            attributed: false,
        }
    }
}

/// The first word after byte `at`, lower-cased and bare.
fn next_word(text: &str, at: usize) -> String {
    text.slice(at..)
        .split_whitespace()
        .next()
        .map(bare_lower)
        .unwrap_or_default()
}

/// The actor a polar word at `span` (signed `value`) is about. Rules in
/// order; the first that finds a candidate decides. A verb of causing a
/// feeling is in the view of the one who feels it, whichever rule finds its
/// cause ("Takaichi's administration has alarmed Beijing").
pub(super) fn target_of(
    analysis: &Analysis,
    rules: &RuleWords,
    sentence: usize,
    span: Range<usize>,
    value: f64,
    speaker: Option<Range<usize>>,
) -> Aim {
    let text = analysis.article.text.as_str();
    let stimulus = rules
        .stimulus_verbs
        .contains(&bare_lower(text.slice(span.clone())));
    let mut aim = aim_rules(analysis, rules, sentence, span, value, speaker);
    aim.attributed |= stimulus && aim.actor.is_some();
    aim
}

fn aim_rules(
    analysis: &Analysis,
    rules: &RuleWords,
    sentence: usize,
    span: Range<usize>,
    value: f64,
    speaker: Option<Range<usize>>,
) -> Aim {
    let text = analysis.article.text.as_str();
    let mut in_sentence = candidates(analysis, sentence, &span, speaker.as_ref());
    // "the Taiwan issue": a topic, not a party
    in_sentence.retain(|m| !rules.topic_heads.contains(&next_word(text, m.span.end)));
    if in_sentence.is_empty() {
        return Aim::default();
    }
    let word = bare_lower(text.slice(span.clone()));
    // a noun of feeling or relation is the feeler's state or the parties'
    // relation, not a judgement of anyone: "the security anxieties of
    // China", "Japan's concerns", "the dispute between Russia and Japan"
    if rules.experiencer_nouns.contains(&word) {
        return Aim::default();
    }
    // at most `n` words between byte offsets `a` and `b` (reads no further than that)
    let within = |a: usize, b: usize, n: usize| {
        a >= b
            || b - a <= MAX_GAP_BYTES
                && text
                    .slice(a..b)
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .take(n + 1)
                    .count()
                    <= n
    };
    // an actor after the word in an over/in/about phrase is its topic
    let topic_after = |m: &Candidate| {
        m.span.start >= span.end && TOPIC_PREPOSITIONS.contains(&next_word(text, span.end).as_str())
    };
    in_sentence.retain(|m| !topic_after(m) && !relation_party(text, m));
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
    // possessive: "Beijing's expansionist narrative", "its aggressive claims"
    if let Some(m) = before.iter().rev().find(|m| {
        possessive(text, m)
            && within(m.span.end, span.start, MAX_GAP_WORDS)
            && clean(m.span.end, span.start)
    }) {
        return Aim::at(m.actor);
    }
    // an act and what is said of it are about its agent, never its
    // recipient: "a Chinese attack on Taiwan", "a chilling warning to Japan"
    let next = next_word(text, span.end);
    let harm = rules.harm_nouns.contains(&word);
    let on_event = rules.event_nouns.contains(&next) || rules.harm_nouns.contains(&next);
    if harm || on_event {
        let noun_end = if harm {
            span.end
        } else {
            // the end of the act noun right after the word
            let rest = text.slice(span.end..).trim_start();
            text.len() - rest.len() + rest.split_whitespace().next().map_or(0, str::len)
        };
        let agent = agent(text, &before, &after, span.start, noun_end);
        // an act with no agent in view is still done to its recipient ("an
        // attack against Obama's plan"); what is said of it is not
        if agent.is_some() || !harm {
            return Aim {
                actor: agent,
                attributed: false,
            };
        }
    }
    // a situation is an actor's by a demonym right before it ("a Japanese
    // crisis"), or by the rules below ("X has a problem", "a problem for
    // X"), never by mere nearness ("a civil war" is no one's)
    let topic = rules.topic_nouns.contains(&word);
    if topic
        && let Some(m) = before
            .last()
            .filter(|m| text.slice(m.span.end..span.start).trim().is_empty())
    {
        return Aim::at(m.actor);
    }
    // of-phrase: "the hawkish leadership of Prime Minister Sanae Takaichi"
    if let Some(m) = after.first().filter(|m| {
        within(span.end, m.span.start, 5)
            && clean(span.end, m.span.start)
            && text
                .slice(span.end..m.span.start)
                .split_whitespace()
                .any(|w| w.eq_ignore_ascii_case("of"))
    }) {
        return Aim::at(m.actor);
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
        return Aim::at(m.actor);
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
        return Aim::at(m.actor);
    }
    let subject = before
        .last()
        .filter(|m| within(m.span.end, span.start, 1) && clean(m.span.end, span.start));
    let object = after
        .first()
        .filter(|m| within(span.end, m.span.start, 2) && clean(span.end, m.span.start));
    // a verb between two actors judges the one its connotation frame says:
    // "Japan threatens Russia" the subject, "Russia accused Japan" and
    // "Russia backs China" the object (Rashkin et al. 2016; frames.toml)
    if let (Some(s), Some(o)) = (subject, object) {
        if value < 0.0 && rules.frame_agent_negative.contains(&word) {
            return Aim::at(s.actor);
        }
        if (value < 0.0 && rules.frame_theme_negative.contains(&word))
            || (value > 0.0 && rules.frame_theme_positive.contains(&word))
        {
            return Aim {
                actor: Some(o.actor),
                attributed: rules.frame_subject_voice.contains(&word),
            };
        }
    }
    // a verb of harming is the agent's doing: "Japan's military expansion,
    // especially its efforts …, directly threatens the passage for the Russian
    // fleet" judges Japan, not the fleet it threatens; a verb of causing a
    // feeling is about its cause ("X alarmed Beijing")
    if (rules.stimulus_verbs.contains(&word) || rules.harm_verbs.contains(&word))
        && let Some(m) = before
            .iter()
            .rev()
            .find(|m| !clause_break(text, m.span.end, span.start))
    {
        return Aim::at(m.actor);
    }
    // right after: adjective + actor, verb + object
    if let Some(m) = object {
        return Aim::at(m.actor);
    }
    // right before: subject + verb
    if let Some(m) = subject {
        return Aim::at(m.actor);
    }
    Aim {
        actor: (!topic)
            .then(|| nearest_in_clause(text, &in_sentence, &span))
            .flatten(),
        attributed: false,
    }
}

/// Words before a mention searched for "between" or "among".
pub(super) const RELATION_REACH: usize = 4;

/// The mention is a party to a relation, not one judged: "the political
/// foundation between China and Japan", "trust among Russia, China and Iran".
fn relation_party(text: &str, m: &Candidate) -> bool {
    last_words(text.slice(..m.span.start), RELATION_REACH)
        .iter()
        .any(|w| matches!(bare_lower(w).as_str(), "between" | "among" | "amongst"))
}

/// The mention is a possessive: "Beijing's", "its".
/// After a pronoun "'s" is "is" or "has" ("she's become a threat").
fn possessive(text: &str, m: &Candidate) -> bool {
    if m.pronoun {
        let word = text.slice(m.span.clone()).to_lowercase();
        return matches!(word.as_str(), "its" | "his" | "her" | "their");
    }
    let gap = text.slice(m.span.end..);
    gap.starts_with("'s") || gap.starts_with("\u{2019}s")
}

/// The agent of an act whose words run from `start` to `noun_end`: a
/// mention right before them ("a Chinese attack", "Russia's warning"), an
/// actor after "by"/"from" ("a warning from Moscow"), or else the nearest
/// actor before them in the sentence that is neither a possessive nor after a
/// preposition (the subject: "Moscow ... delivering a chilling warning to
/// Japan"). The recipient ("to Japan", "on Taiwan") is never the agent.
fn agent(
    text: &str,
    before: &[&Candidate],
    after: &[&Candidate],
    start: usize,
    noun_end: usize,
) -> Option<ActorRef> {
    if let Some(m) = before.last().filter(|m| {
        let gap = text.slice(m.span.end..start).trim();
        gap.is_empty() || gap == "'s" || gap == "\u{2019}s"
    }) {
        return Some(m.actor);
    }
    if let Some(m) = after.iter().find(|m| m.span.start >= noun_end) {
        let gap: Vec<String> = text
            .slice(noun_end..m.span.start)
            .split_whitespace()
            .map(bare_lower)
            .collect();
        if gap.len() <= AGENT_GAP_WORDS
            && gap
                .first()
                .is_some_and(|w| AGENT_PREPOSITIONS.contains(&w.as_str()))
        {
            return Some(m.actor);
        }
    }
    before
        .iter()
        .rev()
        .find(|m| {
            let after_preposition = text
                .slice(..m.span.start)
                .split_whitespace()
                .next_back()
                .is_some_and(|w| PREPOSITIONS.contains(&bare_lower(w).as_str()));
            !possessive(text, m) && !after_preposition
        })
        .map(|m| m.actor)
}

/// Whether a clause ends between byte offsets `a` and `b` (commas do not end one).
pub(super) fn clause_break(text: &str, a: usize, b: usize) -> bool {
    if b.saturating_sub(a) > MAX_GAP_BYTES {
        return true;
    }
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

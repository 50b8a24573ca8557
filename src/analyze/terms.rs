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
//! arrogant"), the actor right after the word (adjective or verb object:
//! "aggressive China", "accused Tokyo"), the actor right before it (subject:
//! "Russia backs"), and, failing those, the nearest actor in the same clause.

use std::ops::Range;

use super::actors::{ActorRef, Mention};
use super::words::word_at;
use super::{Analysis, quotes::Quote};
use crate::lexicon::{Family, Lexicon, RuleWords, Target};

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
/// What a negated negative word counts of its polarity: denying a fault
/// ("not a dictator", "no threat", "not guilty of collusion") takes the fault
/// away but says nothing good (SO-CAL shifts rather than flips, Taboada et
/// al. 2011; Kiritchenko & Mohammad 2016 find negated negative words near
/// neutral). Negated positive words keep `negation_factor` ("not honest").
const NEGATED_NEGATIVE: f64 = 0.0;
/// Mentions considered on each side of a polar word.
const CANDIDATE_WINDOW: usize = 16;

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
                    // "not a dictator", "no threat": denying a fault is not praise
                    (true, true) => NEGATED_NEGATIVE,
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
    let lo = modifiers.partition_point(|m| m.sentence < th.sentence);
    let hi = modifiers
        .partition_point(|m| m.sentence <= th.sentence)
        .max(lo);
    let sentence = &modifiers[lo..hi];
    for m in sentence.iter().filter(|m| m.family == Family::Contrast) {
        if m.span.end <= th.start {
            th.factor *= m.factor;
        } else if m.span.start >= th.end {
            th.factor *= lexicon.scoring.before_contrast;
        }
    }
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
        let gap = &text[m.span.end..th.start];
        if gap.contains([',', ';', ':', '\u{2014}', '(', ')']) {
            continue;
        }
        match m.family {
            Family::Negator if prohibitive(analysis, &lexicon.words, th.sentence, &m.span) => {}
            Family::Negator => th.negated = !th.negated,
            _ => th.factor *= m.factor,
        }
    }
}

/// A negator that forbids rather than denies: a negative imperative at the
/// start of a clause ("Japan, don't get too arrogant") or "not to" after a
/// directive verb ("urged Japan not to interfere"). Warning someone off a thing
/// presupposes they lean toward it, so the polar word keeps its sign.
fn prohibitive(
    analysis: &Analysis,
    rules: &RuleWords,
    sentence: usize,
    negator: &Range<usize>,
) -> bool {
    let text = analysis.article.text.as_str();
    let word = text[negator.clone()]
        .to_lowercase()
        .replace('\u{2019}', "'");
    let start = analysis.doc.sentences[sentence].span.start;
    let before = &text[start..negator.start];
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
    if word != "not" || !text[negator.end..].trim_start().starts_with("to ") {
        return false;
    }
    last_words(before, DIRECTIVE_REACH)
        .iter()
        .any(|w| rules.directive_verbs.contains(&bare_lower(w)))
}

/// A word lower-cased, without the punctuation around it.
fn bare_lower(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Up to `n` words before the end of `before`, last first, stopping at a clause break.
fn last_words(before: &str, n: usize) -> Vec<&str> {
    let mut out = Vec::new();
    for w in before.split_whitespace().rev().take(n) {
        if w.contains([';', ':', '\u{2014}', '(']) {
            break;
        }
        out.push(w);
    }
    out
}

/// Words before "not to" searched for a directive verb.
const DIRECTIVE_REACH: usize = 6;

/// Words before a polar word searched for a verb of accusing or fearing
/// (`accusing_verbs`, `fearing_verbs` in rules.toml): what follows "of",
/// "for" or "as" after an accusing verb is the accuser's judgement, and what
/// follows a verb of fearing is the experiencer's view.
const ACCUSING_REACH: usize = 8;

/// The hit is an accusing verb, or lies in the complement of one in its clause.
fn accusation(rules: &RuleWords, text: &str, sentence_start: usize, hit: &Range<usize>) -> bool {
    let is_accusing = |w: &str| rules.accusing_verbs.contains(&bare_lower(w));
    let is_fearing = |w: &str| rules.fearing_verbs.contains(&bare_lower(w));
    let head = text[hit.clone()].to_lowercase();
    if !head.contains(' ') && (is_accusing(&head) || is_fearing(&head)) {
        return true;
    }
    let words = last_words(&text[sentence_start..hit.start], ACCUSING_REACH);
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

/// Sets voice and speaker: inside a source's quote or attributed content, or the writer's own.
fn voice(analysis: &Analysis, rules: &RuleWords, th: &mut TermHit) {
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
        th.quoted = accusation(rules, &analysis.article.text, start, &(th.start..th.end));
    }
}

/// A quote with no cue of its own continues the last speaker of the two sentences before.
fn carried_speaker(analysis: &Analysis, sentence: usize) -> Option<usize> {
    analysis
        .attributions
        .iter()
        .rposition(|a| a.sentence <= sentence && a.sentence + 2 >= sentence)
}

/// Something a polar word can be about: an actor's mention.
#[derive(Debug)]
struct Candidate {
    span: Range<usize>,
    actor: ActorRef,
    pronoun: bool,
}

/// Candidates of one sentence: its mentions, except that an ad-hoc target
/// given by the article wins over a lexicon actor on the same words, and the
/// speaker of attributed words is never their target ("Short said Clinton
/// regrets..." is not about Short).
fn candidates(
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
fn target_of(
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
            || text[a..b]
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
    let clean =
        |a: usize, b: usize| !text[a.min(b)..b.max(a)].contains([',', ';', ':', '.', '\u{2014}']);
    // an experiencer noun names whose feeling it is, not whom it judges:
    // "the security anxieties of China", "Japan's concerns", "the dispute
    // between Russia and Japan"
    let experiencer = rules
        .experiencer_nouns
        .contains(&bare_lower(&text[span.clone()]));
    // possessive: "Beijing's expansionist narrative", "its aggressive claims"
    if let Some(m) = before.iter().rev().find(|m| {
        let gap = &text[m.span.end..span.start];
        let possessive = gap.starts_with("'s") || gap.starts_with("\u{2019}s") || {
            let word = text[m.span.clone()].to_lowercase();
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
            && text[span.end..m.span.start]
                .split_whitespace()
                .any(|w| linkers.iter().any(|l| w.eq_ignore_ascii_case(l)))
    }) {
        return (!experiencer).then_some(m.actor);
    }
    // vocative: "Japan, don't get too arrogant."
    let sentence_start = analysis.doc.sentences[sentence].span.start;
    if let Some(m) = before.first().filter(|m| {
        text[sentence_start..m.span.start]
            .trim()
            .trim_start_matches(['"', '\u{201c}'])
            .is_empty()
            && text[m.span.end..].trim_start().starts_with(',')
    }) && within(m.span.end, span.start, 6)
    {
        return Some(m.actor);
    }
    // predicate: "Japan is arrogant"
    if let Some(m) = before.iter().rev().find(|m| {
        within(m.span.end, span.start, 4)
            && clean(m.span.end, span.start)
            && text[m.span.end..span.start]
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| COPULAS.contains(&w))
    }) {
        return Some(m.actor);
    }
    // a verb of harming is the agent's doing: "Japan's military expansion,
    // especially its efforts …, directly threatens the passage for the Russian
    // fleet" judges Japan, not the fleet it threatens
    if rules.harm_verbs.contains(&bare_lower(&text[span.clone()]))
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
fn clause_break(text: &str, a: usize, b: usize) -> bool {
    let gap = text[a..b].to_lowercase();
    gap.contains([';', ':', '\u{2014}']) || gap.contains(" but ") || gap.contains(" however")
}

fn nearest_in_clause(text: &str, cands: &[Candidate], span: &Range<usize>) -> Option<ActorRef> {
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

#[cfg(test)]
mod tests {
    use crate::analyze::{ActorRef, analyze};
    use crate::ingest::{Article, TargetSpec};
    use crate::lexicon::Lexicon;

    /// (term text, target actor label or "-", negated, quoted) for every primary polar hit.
    fn hits(text: &str, targets: Vec<TargetSpec>) -> Vec<(String, String, bool, bool)> {
        let lexicon = Lexicon::builtin().expect("builtin");
        let mut article = Article::from_text("t", text);
        article.targets = targets;
        let a = analyze(&article, &lexicon);
        a.terms
            .iter()
            .filter(|h| h.primary || (h.negated && h.family.is_polar() && h.value == 0.0))
            .map(|h| {
                let target = match h.target {
                    Some(ActorRef::Lexicon(i)) => lexicon.actors[i].label.clone(),
                    Some(ActorRef::Adhoc(i)) => article.targets[i].name.clone(),
                    None => "-".to_string(),
                };
                (
                    text[h.start..h.end].to_string(),
                    target,
                    h.negated,
                    h.quoted,
                )
            })
            .collect()
    }

    fn find<'a>(
        rows: &'a [(String, String, bool, bool)],
        word: &str,
    ) -> &'a (String, String, bool, bool) {
        rows.iter()
            .find(|r| r.0 == word)
            .unwrap_or_else(|| panic!("no hit {word:?} in {rows:?}"))
    }

    #[test]
    fn targeting_rules_table() {
        // (text, polar word, expected target)
        let cases = [
            (
                "Beijing's expansionist narrative worries its neighbours.",
                "expansionist",
                "China",
            ),
            (
                "Analysts criticised the hawkish leadership of Japan last week.",
                "hawkish",
                "Japan",
            ),
            (
                "Japan is arrogant, the editorial said.",
                "arrogant",
                "Japan",
            ),
            ("Japan, don't get too arrogant.", "arrogant", "Japan"),
            (
                "The aggressive Russia of today worries Europe.",
                "aggressive",
                "Russia",
            ),
            (
                "Sakhalin is a node connecting the security anxieties of China and Russia.",
                "anxieties",
                "-",
            ),
            (
                "Ties are strained by the territorial dispute between Russia and Japan.",
                "dispute",
                "-",
            ),
            (
                "Japan's expansion, especially in the south, directly threatens the passage for the Russian fleet.",
                "threatens",
                "Japan",
            ),
        ];
        for (text, word, want) in cases {
            let rows = hits(text, Vec::new());
            assert_eq!(find(&rows, word).1, want, "{text}");
        }
    }

    #[test]
    fn prohibitions_do_not_flip_polarity() {
        let rows = hits("Japan, don't get too arrogant.", Vec::new());
        assert!(!find(&rows, "arrogant").2, "{rows:?}");
        let rows = hits(
            "Moscow warned Japan not to interfere recklessly.",
            Vec::new(),
        );
        assert!(!find(&rows, "recklessly").2, "{rows:?}");
        // an ordinary denial still flips
        let rows = hits("Officials said Japan is not arrogant.", Vec::new());
        assert!(find(&rows, "arrogant").2, "{rows:?}");
    }

    #[test]
    fn a_negated_negative_word_counts_nothing_a_negated_positive_one_flips() {
        let lexicon = Lexicon::builtin().expect("builtin");
        // (text, polar word, negated, sign of the value)
        let cases = [
            ("Japan is not aggressive.", "aggressive", true, 0.0),
            ("Japan is aggressive.", "aggressive", false, -1.0),
            ("Japan is not honest.", "honest", true, -1.0),
            ("Japan is honest.", "honest", false, 1.0),
        ];
        for (text, word, negated, sign) in cases {
            let article = Article::from_text("t", text);
            let a = analyze(&article, &lexicon);
            let hit = a
                .terms
                .iter()
                .find(|h| &text[h.start..h.end] == word && h.family.is_polar())
                .unwrap_or_else(|| panic!("no hit {word:?} in {text:?}"));
            assert_eq!(hit.negated, negated, "{text}");
            assert_eq!(
                hit.value.signum() * f64::from(hit.value != 0.0),
                sign,
                "{text}"
            );
            assert!(
                !hit.value.is_sign_negative() || hit.value != 0.0,
                "-0 in {text}"
            );
        }
    }

    #[test]
    fn accusations_and_fears_are_not_the_writers_voice() {
        let rows = hits(
            "Zakharova launched an attack, accusing Tokyo of historical amnesia.",
            Vec::new(),
        );
        assert!(find(&rows, "historical amnesia").3, "{rows:?}");
        let rows = hits(
            "The leaders fear the terrible power of a Japanese military.",
            Vec::new(),
        );
        assert!(find(&rows, "terrible").3, "{rows:?}");
        let rows = hits("Japan's dangerous moves worry China.", Vec::new());
        assert!(!find(&rows, "dangerous").3, "{rows:?}");
    }

    #[test]
    fn the_speaker_is_not_the_target_of_their_own_words() {
        let text = "\"Clinton regrets nothing and is a disaster,\" Short said.";
        let start = text.find("Short").unwrap();
        let span = TargetSpec {
            name: "T".into(),
            aliases: Vec::new(),
            start: Some(text[..start].chars().count()),
            end: Some(text[..start].chars().count() + 5),
        };
        let rows = hits(text, vec![span]);
        assert_ne!(find(&rows, "disaster").1, "T", "{rows:?}");
    }

    #[test]
    fn a_span_target_wins_over_the_lexicon_actor_on_the_same_words() {
        let text = "Japan is arrogant.";
        let span = TargetSpec {
            name: "T".into(),
            aliases: Vec::new(),
            start: Some(0),
            end: Some(5),
        };
        let rows = hits(text, vec![span]);
        assert_eq!(find(&rows, "arrogant").1, "T", "{rows:?}");
    }

    #[test]
    fn bad_input_completes_without_panic() {
        // 5,000 words, no punctuation, polar words and actors throughout
        let long: String = (0..5000)
            .map(|i| match i % 10 {
                0 => "China",
                3 => "aggressive",
                6 => "not",
                7 => "Japan's",
                _ => "word",
            })
            .collect::<Vec<_>>()
            .join(" ");
        assert!(!hits(&long, Vec::new()).is_empty());
        // 200 actors in one sentence (ad-hoc targets and lexicon actors)
        let names: Vec<String> = (0..200).map(|i| format!("Name{i}")).collect();
        let text = format!("{} are all arrogant and dangerous.", names.join(" and "));
        let targets = names
            .iter()
            .map(|n| TargetSpec {
                name: n.clone(),
                aliases: Vec::new(),
                start: None,
                end: None,
            })
            .collect();
        assert!(!hits(&text, targets).is_empty());
        let many = [
            "China", "Japan", "Russia", "NATO", "Beijing", "Moscow", "Tokyo",
        ]
        .repeat(30)
        .join(", ");
        assert!(!hits(&format!("{many} are arrogant."), Vec::new()).is_empty());
        // apostrophes, hyphens, non-Latin scripts, in names and around them
        for (name, text) in [
            (
                "O'Rourke",
                "O'Rourke's arrogant remarks angered Xi Jinping's aides.",
            ),
            (
                "Jean-Luc",
                "Jean-Luc is arrogant \u{2014} Sino-Japanese ties suffer.",
            ),
            (
                "\u{4e60}\u{8fd1}\u{5e73}",
                "\u{4e60}\u{8fd1}\u{5e73} is arrogant, \u{65e5}\u{672c} said.",
            ),
            (
                "\u{041f}\u{0443}\u{0442}\u{0438}\u{043d}",
                "\u{041f}\u{0443}\u{0442}\u{0438}\u{043d}'s brutal war.",
            ),
        ] {
            let targets = vec![TargetSpec {
                name: name.into(),
                aliases: Vec::new(),
                start: None,
                end: None,
            }];
            let rows = hits(text, targets);
            assert!(!rows.is_empty(), "{text}");
        }
    }
}

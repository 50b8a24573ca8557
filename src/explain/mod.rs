//! One article read the way a fact-checker reads it: who says what, which
//! assertions the writer makes with no source, which words are loaded, and
//! each actor's score with the words behind it.
//!
//! [`explain`] gathers all of it from an analysis into owned, serialisable
//! records (character offsets, as in every report), so the terminal text,
//! the JSON and the HTML page ([`html`]) show the same facts.

pub mod html;

use std::ops::Range;

use serde::Serialize;

use crate::analyze::{ActorRef, Analysis, SourceKind, TermHit, actors};
use crate::lexicon::{Family, Lexicon};
use crate::report::rows::actor_id;
use crate::score;

/// A piece of the article text.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Span {
    /// The words as written.
    pub text: String,
    /// Character offset of the start.
    pub char_start: usize,
    /// Character offset of the end (exclusive).
    pub char_end: usize,
    /// Byte range in the article text (for rendering; not serialised).
    #[serde(skip)]
    pub bytes: Range<usize>,
}

/// The article's headline figures (as in `articles.csv`).
#[derive(Debug, Clone, Serialize)]
pub struct Figures {
    /// Words.
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Overall polarity, −1 to +1.
    pub tone: f64,
    /// Sourcing score, 0–100.
    pub sourcing_score: f64,
    /// Reliability composite, 0–100.
    pub reliability: f64,
    /// Its parts, 0–100 each (the `reliability_*` columns).
    pub reliability_parts: crate::score::ReliabilityParts,
    /// `news`, `opinion` or `analysis`.
    pub article_type: &'static str,
    /// Flags.
    pub flags: Vec<String>,
}

impl Figures {
    /// "sourcing 41, restraint 70, …": the reliability parts, rounded.
    pub fn parts_line(&self) -> String {
        let p = &self.reliability_parts;
        format!(
            "sourcing {:.0}, restraint {:.0}, calibration {:.0}, balance {:.0}, transparency {:.0}",
            p.sourcing, p.restraint, p.calibration, p.balance, p.transparency
        )
    }
}

/// An attributed statement.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    /// Sentence of the cue.
    pub sentence: usize,
    /// The source as written.
    pub source: Option<Span>,
    /// The speaker's name (pronouns resolved) or the source text.
    pub speaker: Option<String>,
    /// `named`, `organisation`, `vague`, `anonymous` or `none`.
    pub kind: &'static str,
    /// The reporting cue.
    pub cue: Span,
    /// A direct quotation.
    pub direct: bool,
    /// What is attributed.
    pub content: Span,
    /// Outlets or bodies from `sources.toml` cited in the source.
    pub cited: Vec<String>,
}

/// A sentence in which the writer asserts something with no source.
#[derive(Debug, Clone, Serialize)]
pub struct Unsourced {
    /// Sentence index.
    pub sentence: usize,
    /// The sentence.
    pub text: Span,
    /// Boosters in it ("clearly", "it is well known").
    pub boosters: Vec<String>,
    /// Loaded words in it.
    pub loaded: Vec<String>,
}

/// A lexicon hit with its sentence.
#[derive(Debug, Clone, Serialize)]
pub struct Word {
    /// The words.
    pub span: Span,
    /// Sentence index.
    pub sentence: usize,
    /// The sentence, as written.
    pub sentence_text: String,
    /// Lexicon family.
    pub family: &'static str,
    /// Category.
    pub category: String,
    /// The lexicon entry (`barbarian*`).
    pub entry: String,
    /// `authorial` or `quoted`.
    pub voice: &'static str,
    /// Who says it, when quoted and known.
    pub speaker: Option<String>,
    /// The actor it is about.
    pub target: Option<String>,
    /// Signed contribution after negation, intensifiers and contrast.
    pub value: f64,
    /// A negator governs it.
    pub negated: bool,
    /// For learned hedges: the features that decided, strongest first.
    pub features: Vec<(String, f64)>,
}

/// The targets model's verdict on one mention.
#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    /// The mention.
    pub mention: Span,
    /// Sentence index.
    pub sentence: usize,
    /// Signed value.
    pub value: f64,
    /// The features that decided, strongest first.
    pub features: Vec<(String, f64)>,
}

/// One actor's figures and the evidence behind them.
#[derive(Debug, Clone, Serialize)]
pub struct ActorExplained {
    /// Actor id (as in `actors.csv`).
    pub id: String,
    /// Display name.
    pub label: String,
    /// Explicit mentions.
    pub mentions: usize,
    /// Statements attributed to it.
    pub voice: usize,
    /// Sentiment, all voices.
    pub sentiment: f64,
    /// Sentiment, the writer's own words.
    pub authorial_sentiment: f64,
    /// Sentiment, quoted words.
    pub quoted_sentiment: f64,
    /// The polar words aimed at it or at its people.
    pub words: Vec<Word>,
    /// The targets model's verdicts on its mentions.
    pub verdicts: Vec<Verdict>,
}

/// Everything `explain` shows about one article.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    /// The article id.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Headline figures.
    pub figures: Figures,
    /// Attributed statements.
    pub statements: Vec<Statement>,
    /// The writer's assertions with no source.
    pub unsourced: Vec<Unsourced>,
    /// Hedges.
    pub hedges: Vec<Word>,
    /// Boosters.
    pub boosters: Vec<Word>,
    /// Loaded words.
    pub loaded: Vec<Word>,
    /// Scare quotes.
    pub scare_quotes: Vec<Span>,
    /// Actors.
    pub actors: Vec<ActorExplained>,
}

/// Explains one analysed article.
pub fn explain(a: &Analysis, lexicon: &Lexicon) -> Explanation {
    let s = score::score(a, lexicon);
    let word = |h: &TermHit| word(a, lexicon, h);
    let of = |family: Family| -> Vec<Word> {
        a.terms
            .iter()
            .filter(|h| h.family == family)
            .map(word)
            .collect()
    };
    Explanation {
        id: a.article.id.clone(),
        title: a.title.clone(),
        outlet: a.article.outlet.clone(),
        figures: Figures {
            words: s.words,
            sentences: s.sentences,
            tone: s.tone,
            sourcing_score: s.sourcing_score,
            reliability: s.reliability,
            reliability_parts: s.parts,
            article_type: s.genre.kind.name(),
            flags: s.flags.clone(),
        },
        statements: statements(a, lexicon),
        unsourced: unsourced_assertions(a)
            .into_iter()
            .map(|i| unsourced(a, i))
            .collect(),
        hedges: of(Family::Hedge),
        boosters: of(Family::Booster),
        loaded: of(Family::Loaded),
        scare_quotes: a
            .quotes
            .iter()
            .filter(|q| q.scare)
            .map(|q| span(a, &q.outer))
            .collect(),
        actors: actor_evidence(a, lexicon),
    }
}

fn span(a: &Analysis, bytes: &Range<usize>) -> Span {
    Span {
        text: a.slice(bytes).to_string(),
        char_start: a.chars.chars(bytes.start),
        char_end: a.chars.chars(bytes.end),
        bytes: bytes.clone(),
    }
}

fn word(a: &Analysis, lexicon: &Lexicon, h: &TermHit) -> Word {
    let term = &lexicon.terms[h.term];
    let cat = &lexicon.categories[term.category];
    let features = if h.family == Family::Hedge {
        a.learned_hedges
            .iter()
            .find(|l| l.span.start < h.end && h.start < l.span.end)
            .map(|l| l.evidence.iter().take(FEATURES).cloned().collect())
            .unwrap_or_default()
    } else {
        Vec::new()
    };
    Word {
        span: span(a, &(h.start..h.end)),
        sentence: h.sentence,
        sentence_text: a.slice(&a.doc.sentences[h.sentence].span).to_string(),
        family: cat.family.name(),
        category: cat.id.clone(),
        entry: term.text.clone(),
        voice: if h.quoted { "quoted" } else { "authorial" },
        speaker: h.speaker.clone(),
        target: h.target.map(|t| actor_id(a, t, lexicon)),
        value: h.value,
        negated: h.negated,
        features,
    }
}

/// Features kept for each learned verdict.
const FEATURES: usize = 4;

fn statements(a: &Analysis, lexicon: &Lexicon) -> Vec<Statement> {
    a.attributions
        .iter()
        .map(|r| Statement {
            sentence: r.sentence,
            source: r.source.as_ref().map(|s| span(a, s)),
            speaker: r.speaker.clone(),
            kind: r.kind.name(),
            cue: span(a, &r.cue),
            direct: r.direct,
            content: span(a, &r.content),
            cited: r
                .outlets
                .iter()
                .map(|o| lexicon.sources[*o].label.clone())
                .collect(),
        })
        .collect()
}

fn unsourced(a: &Analysis, sentence: usize) -> Unsourced {
    let of = |family: Family| {
        a.terms
            .iter()
            .filter(|h| h.sentence == sentence && h.family == family && !h.quoted)
            .map(|h| a.slice(&(h.start..h.end)).to_string())
            .collect()
    };
    Unsourced {
        sentence,
        text: span(a, &a.doc.sentences[sentence].span),
        boosters: of(Family::Booster),
        loaded: of(Family::Loaded),
    }
}

/// Fewest words for a sentence to count as an assertion (shorter ones are
/// headings, datelines, captions).
const MIN_WORDS: usize = 5;

/// The sentences in which the writer asserts something with no source: in
/// the writer's own voice (not mostly inside a quotation), with no
/// attributed statement in the sentence (its cue or its content; a cue
/// with no content, as "Russia has" read as a reporting verb, does not
/// source anything), declarative (ending in `.`, `!` or
/// `…`, possibly before a closing quote or bracket: not a question, not a
/// heading or byline with no final stop), of at least five words, and not
/// hedged in the writer's voice ("may", "reportedly": those present the
/// statement as uncertain). Boosters and loaded words are not required: a
/// plain unsourced claim is still a claim. Sentence indexes, in order.
pub fn unsourced_assertions(a: &Analysis) -> Vec<usize> {
    let attributed = sourced_sentences(a);
    let mut hedged = vec![false; a.doc.sentences.len()];
    for h in a
        .terms
        .iter()
        .filter(|h| h.family == Family::Hedge && !h.quoted)
    {
        hedged[h.sentence] = true;
    }
    (0..a.doc.sentences.len())
        .filter(|&i| !attributed[i] && !hedged[i])
        .filter(|&i| {
            a.sentence_words
                .get(i)
                .is_some_and(|w| w.len() >= MIN_WORDS)
        })
        .filter(|&i| declarative(a.slice(&a.doc.sentences[i].span)))
        .filter(|&i| !quoted(a, &a.doc.sentences[i].span))
        .collect()
}

/// For each sentence: does it hold the cue or the content of a statement
/// with content?
fn sourced_sentences(a: &Analysis) -> Vec<bool> {
    let sentences = &a.doc.sentences;
    let mut marked = vec![false; sentences.len()];
    for r in a.attributions.iter().filter(|r| !r.content.is_empty()) {
        for span in [&r.cue, &r.content] {
            let lo = sentences.partition_point(|s| s.span.end <= span.start);
            let hi = sentences.partition_point(|s| s.span.start < span.end);
            for m in marked.iter_mut().take(hi).skip(lo) {
                *m = true;
            }
        }
    }
    marked
}

fn declarative(sentence: &str) -> bool {
    let end = sentence
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    end.ends_with(['.', '!', '…'])
}

/// Whether most of a sentence lies inside direct quotations (a quote that
/// runs over several sentences leaves them unattributed but not the writer's).
fn quoted(a: &Analysis, sentence: &Range<usize>) -> bool {
    let inside: usize = a
        .quotes
        .iter()
        .filter(|q| !q.scare)
        .map(|q| {
            let lo = q.inner.start.max(sentence.start);
            let hi = q.inner.end.min(sentence.end);
            hi.saturating_sub(lo)
        })
        .sum();
    inside * 2 > sentence.len()
}

/// Each actor's figures (as in `actors.csv`), with the polar words aimed at
/// it (the primary hit of each place; words about a person count for that
/// person, not for their country, as the score counts them) and the targets model's verdicts on its mentions.
pub fn actor_evidence(a: &Analysis, lexicon: &Lexicon) -> Vec<ActorExplained> {
    // as the score counts them: what is said of a person judges that
    // person only; what is said of a part of an actor judges the actor too
    let rolls_up = |target: ActorRef, actor: ActorRef| {
        let person = matches!(target, ActorRef::Lexicon(i) if lexicon.actors[i].kind == "person");
        target == actor || (!person && actors::speaker_actor(target, lexicon) == actor)
    };
    score::actors(a, lexicon)
        .into_iter()
        .map(|x| {
            let label = match x.actor {
                ActorRef::Lexicon(i) => lexicon.actors[i].label.clone(),
                ActorRef::Adhoc(i) => a.article.targets[i].name.clone(),
            };
            let words = a
                .terms
                .iter()
                .filter(|h| h.primary && h.target.is_some_and(|t| rolls_up(t, x.actor)))
                .map(|h| word(a, lexicon, h))
                .collect();
            let verdicts = a
                .learned_stances
                .iter()
                .filter(|l| rolls_up(a.mentions[l.mention].actor, x.actor))
                .map(|l| {
                    let m = &a.mentions[l.mention];
                    Verdict {
                        mention: span(a, &m.span),
                        sentence: m.sentence,
                        value: l.value,
                        features: l.evidence.iter().take(FEATURES).cloned().collect(),
                    }
                })
                .collect();
            ActorExplained {
                id: actor_id(a, x.actor, lexicon),
                label,
                mentions: x.mentions,
                voice: x.voice,
                sentiment: x.sentiment,
                authorial_sentiment: x.authorial_sentiment,
                quoted_sentiment: x.quoted_sentiment,
                words,
                verdicts,
            }
        })
        .collect()
}

/// Whether a statement's source is vague or anonymous.
pub fn is_vague(kind: &str) -> bool {
    kind == SourceKind::Vague.name() || kind == SourceKind::Anonymous.name()
}

#[cfg(test)]
mod tests;

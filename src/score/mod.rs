//! Per-article and per-actor figures: pure functions of an analysis and the
//! weights in `scoring.toml`.
//!
//! Every figure is a count, a rate per 1,000 words, or a damped balance
//! `(P − N) / (P + N + k)`: positive minus negative evidence over all evidence
//! plus a damping constant `k`. The balance does not drift toward ±1 as an
//! article gets longer (it measures one-sidedness, not volume), and `k` keeps a
//! single word from swinging a score to the extreme. Composites are weighted
//! sums of named components, each documented in the README.

pub mod genre;
pub mod parts;

use std::collections::BTreeMap;

use crate::analyze::{ActorRef, Analysis, SourceKind, actors};
use crate::lexicon::{Family, Lexicon, Scoring};
pub use genre::{ArticleType, Genre};

/// Figures for one article (the `articles.csv` row).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleScores {
    /// Words in kept text.
    pub words: usize,
    /// Sentences.
    pub sentences: usize,
    /// Paragraphs.
    pub paragraphs: usize,
    /// Words dropped as boilerplate.
    pub dropped_words: usize,
    /// Overall evaluative polarity in [-1, 1].
    pub tone: f64,
    /// Loaded terms (all voices).
    pub loaded: usize,
    /// Loaded terms in the writer's own voice.
    pub loaded_authorial: usize,
    /// Loaded terms per category (all voices), by category ID.
    pub loaded_by_category: BTreeMap<String, usize>,
    /// Epistemic hedges (all voices): lexicon family `hedge` and learned hedges.
    pub hedges: usize,
    /// Approximators (all voices): "often", "almost", "roughly".
    pub approximators: usize,
    /// Hedges in the writer's voice.
    pub hedges_authorial: usize,
    /// Boosters (all voices).
    pub boosters: usize,
    /// Boosters in the writer's voice.
    pub boosters_authorial: usize,
    /// Authorial boosters in sentences with no attribution.
    pub unsupported_boosters: usize,
    /// Direct quotations (not scare quotes).
    pub quotes: usize,
    /// Scare quotes plus "so-called" phrases.
    pub scare_quotes: usize,
    /// Share of sentences that carry an attribution.
    pub attributed_share: f64,
    /// Attributed statements.
    pub statements: usize,
    /// Statements by kind of source.
    pub named_sources: usize,
    /// Statements from organisations.
    pub organisation_sources: usize,
    /// Statements from vague sources.
    pub vague_sources: usize,
    /// Statements from anonymous sources.
    pub anonymous_sources: usize,
    /// Distinct named and organisation speakers.
    pub distinct_sources: usize,
    /// Mentions of state-affiliated outlets.
    pub state_media_citations: usize,
    /// Actors given a voice.
    pub voices: usize,
    /// Sourcing score 0–100.
    pub sourcing_score: f64,
    /// Reliability composite 0–100: the weighted mean of its parts.
    pub reliability: f64,
    /// Reliability's parts, each 0–100.
    pub parts: ReliabilityParts,
    /// Attributed statements with a direct quotation.
    pub direct_statements: usize,
    /// Attributed statements that rest on state media.
    pub state_media_statements: usize,
    /// News report, opinion or analysis, and the points behind it.
    pub genre: Genre,
    /// Flags, in a fixed order.
    pub flags: Vec<String>,
}

/// The parts of `reliability`, each 0–100 (README, "How the scores are computed").
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct ReliabilityParts {
    /// The sourcing score.
    pub sourcing: f64,
    /// Few loaded words and scare quotes in the writer's voice.
    pub restraint: f64,
    /// Few boosters without a source.
    pub calibration: f64,
    /// The writer is not one-sided toward the actors, and the criticised are heard.
    pub balance: f64,
    /// Byline, date, named sources.
    pub transparency: f64,
}

impl ArticleScores {
    /// A count per 1,000 words.
    pub fn per_1k(&self, count: usize) -> f64 {
        if self.words == 0 {
            0.0
        } else {
            count as f64 * 1000.0 / self.words as f64
        }
    }
}

/// Figures for one actor in one article (the `actors.csv` row).
#[derive(Debug, Clone, PartialEq)]
pub struct ActorScores {
    /// The actor.
    pub actor: ActorRef,
    /// Explicit mentions.
    pub mentions: usize,
    /// Statements attributed to it or its people.
    pub voice: usize,
    /// Positive hits about it.
    pub positive: usize,
    /// Negative hits about it.
    pub negative: usize,
    /// Damped balance of all hits.
    pub sentiment: f64,
    /// Same, writer's own words only.
    pub authorial_sentiment: f64,
    /// Same, quoted words only.
    pub quoted_sentiment: f64,
}

/// `(P − N) / (P + N + k)`.
pub fn balance(positive: f64, negative: f64, damping: f64) -> f64 {
    let total = positive + negative + damping;
    if total <= 0.0 {
        0.0
    } else {
        (positive - negative) / total
    }
}

/// Scores one article.
pub fn score(analysis: &Analysis, lexicon: &Lexicon) -> ArticleScores {
    let w = &lexicon.scoring;
    let mut s = ArticleScores {
        words: analysis.doc.words,
        sentences: analysis.doc.sentences.len(),
        paragraphs: analysis.doc.paragraphs.len(),
        dropped_words: analysis.doc.dropped_words,
        tone: tone(analysis, w.tone_damping),
        ..ArticleScores::default()
    };
    count_terms(analysis, lexicon, &mut s);
    count_sources(analysis, lexicon, &mut s);
    s.sourcing_score = sourcing_score(&s, w);
    s.parts = reliability_parts(analysis, lexicon, &s);
    s.reliability = reliability(&s.parts, w);
    s.genre = genre::classify(analysis, lexicon);
    s.flags = flags(analysis, lexicon, &s);
    s
}

/// Balance of polar evidence; each place in the text counts once, with its strongest term.
fn tone(analysis: &Analysis, damping: f64) -> f64 {
    let (positive, negative) =
        analysis
            .terms
            .iter()
            .filter(|h| h.primary)
            .fold((0.0, 0.0), |(p, n), h| {
                if h.value > 0.0 {
                    (p + h.value, n)
                } else {
                    (p, n - h.value)
                }
            });
    balance(positive, negative, damping)
}

fn count_terms(analysis: &Analysis, lexicon: &Lexicon, s: &mut ArticleScores) {
    let attributed = attributed_sentences(analysis);
    for (_, cat) in lexicon.categories_of(Family::Loaded) {
        s.loaded_by_category.insert(cat.id.clone(), 0);
    }
    for hit in &analysis.terms {
        let authorial = usize::from(!hit.quoted);
        match hit.family {
            Family::Loaded => {
                s.loaded += 1;
                s.loaded_authorial += authorial;
                let cat = &lexicon.categories[lexicon.terms[hit.term].category];
                *s.loaded_by_category.entry(cat.id.clone()).or_default() += 1;
            }
            Family::Hedge => {
                s.hedges += 1;
                s.hedges_authorial += authorial;
            }
            Family::Approximator => s.approximators += 1,
            Family::Booster => {
                s.boosters += 1;
                s.boosters_authorial += authorial;
                if !hit.quoted && !attributed[hit.sentence] {
                    s.unsupported_boosters += 1;
                }
            }
            Family::SoCalled => s.scare_quotes += 1,
            _ => {}
        }
    }
}

/// For each sentence: does it carry an attribution (a cue, attributed content, or a source's quote)?
///
/// Sentences are disjoint and in order, so the sentences a span overlaps are
/// one run found by binary search, and the runs are added up in one pass
/// (a span over many sentences costs no more than a short one).
pub fn attributed_sentences(analysis: &Analysis) -> Vec<bool> {
    let sentences = &analysis.doc.sentences;
    let mut starts = vec![0i64; sentences.len() + 1];
    let mut mark = |span: &std::ops::Range<usize>| {
        // the sentences with start < span.end and span.start < end
        let lo = sentences.partition_point(|s| s.span.end <= span.start);
        let hi = sentences.partition_point(|s| s.span.start < span.end);
        if lo < hi {
            starts[lo] += 1;
            starts[hi] -= 1;
        }
    };
    for a in &analysis.attributions {
        mark(&a.cue);
        mark(&a.content);
    }
    for q in analysis.quotes.iter().filter(|q| !q.scare) {
        mark(&q.inner);
    }
    let mut open = 0;
    starts[..sentences.len()]
        .iter()
        .map(|d| {
            open += d;
            open > 0
        })
        .collect()
}

fn count_sources(analysis: &Analysis, lexicon: &Lexicon, s: &mut ArticleScores) {
    let attributed = attributed_sentences(analysis);
    s.attributed_share = if attributed.is_empty() {
        0.0
    } else {
        attributed.iter().filter(|a| **a).count() as f64 / attributed.len() as f64
    };
    s.quotes = analysis.quotes.iter().filter(|q| !q.scare).count();
    s.scare_quotes += analysis.quotes.iter().filter(|q| q.scare).count();
    s.statements = analysis.attributions.len();
    s.direct_statements = analysis.attributions.iter().filter(|a| a.direct).count();
    s.state_media_statements = parts::state_media_statements(analysis, lexicon);
    let mut speakers: Vec<String> = Vec::new();
    for a in &analysis.attributions {
        match a.kind {
            SourceKind::Named => s.named_sources += 1,
            SourceKind::Organisation => s.organisation_sources += 1,
            SourceKind::Vague => s.vague_sources += 1,
            SourceKind::Anonymous => s.anonymous_sources += 1,
            SourceKind::None => {}
        }
        if matches!(a.kind, SourceKind::Named | SourceKind::Organisation)
            && let Some(name) = &a.speaker
        {
            speakers.push(name.to_lowercase());
        }
    }
    speakers.sort();
    speakers.dedup();
    s.distinct_sources = speakers.len();
    s.state_media_citations = analysis
        .hits
        .iter()
        .flat_map(|(_, h)| h.targets.iter())
        .filter(|t| matches!(t, crate::lexicon::Target::Source(i) if lexicon.sources[*i as usize].kind == "state_media"))
        .count();
    let mut voices: Vec<ActorRef> = (0..analysis.attributions.len())
        .flat_map(|a| actors::speakers_of(analysis, a))
        .map(|actor| actors::speaker_actor(actor, lexicon))
        .collect();
    voices.sort();
    voices.dedup();
    s.voices = voices.len();
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Sourcing score 0–100: attributed share, named sources, diversity, quotes; minus vagueness and unsupported certainty.
///
/// Quotes count as sourcing when a speaker stands behind them (attributed
/// statements with a direct quotation): a quoted fragment with no speaker
/// ("the \"accelerated militarization\" process") is the writer's framing.
pub fn sourcing_score(s: &ArticleScores, w: &Scoring) -> f64 {
    let identified = s.named_sources + s.organisation_sources;
    let unnamed = s.vague_sources + s.anonymous_sources;
    let direct_share = (s.direct_statements as f64 / 3.0).min(1.0);
    let score = w.sourcing_attributed * (s.attributed_share / 0.5).min(1.0)
        + w.sourcing_named * ratio(identified, s.statements)
        + w.sourcing_diversity * (s.distinct_sources as f64 / 4.0).min(1.0)
        + w.sourcing_quotes * direct_share
        - w.sourcing_vague_penalty * ratio(unnamed, s.statements)
        - w.sourcing_unsupported_penalty * (s.per_1k(s.unsupported_boosters) / 5.0).min(1.0);
    round1(score.clamp(0.0, 100.0))
}

/// Each part of reliability, 0–100.
fn reliability_parts(
    analysis: &Analysis,
    lexicon: &Lexicon,
    s: &ArticleScores,
) -> ReliabilityParts {
    let w = &lexicon.scoring;
    let framing = s.loaded_authorial + s.scare_quotes;
    let restraint = 1.0 - (s.per_1k(framing) / w.loaded_ceiling_per_1k).min(1.0);
    let calibration = 1.0 - (s.per_1k(s.unsupported_boosters) / w.booster_ceiling_per_1k).min(1.0);
    let balance = parts::balance(&actors(analysis, lexicon), w);
    let named = ratio(s.named_sources + s.organisation_sources, s.statements);
    let transparency = parts::transparency(analysis, lexicon, named);
    ReliabilityParts {
        sourcing: s.sourcing_score,
        restraint: round1(100.0 * restraint),
        calibration: round1(100.0 * calibration),
        balance: round1(100.0 * balance),
        transparency: round1(100.0 * transparency),
    }
}

/// Reliability 0–100: the weighted mean of its parts.
pub fn reliability(p: &ReliabilityParts, w: &Scoring) -> f64 {
    let weighted = [
        (w.reliability_sourcing, p.sourcing),
        (w.reliability_restraint, p.restraint),
        (w.reliability_calibration, p.calibration),
        (w.reliability_balance, p.balance),
        (w.reliability_transparency, p.transparency),
    ];
    let total: f64 = weighted.iter().map(|(weight, _)| weight).sum();
    if total <= 0.0 {
        return 0.0;
    }
    let value: f64 = weighted
        .iter()
        .map(|(weight, part)| weight * part)
        .sum::<f64>()
        / total;
    round1(value)
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

fn flags(analysis: &Analysis, lexicon: &Lexicon, s: &ArticleScores) -> Vec<String> {
    let mut flags: Vec<String> = analysis.flags.clone();
    if s.unsupported_boosters > 0 {
        flags.push("unattributed-claims".into());
    }
    if s.words >= 50 && s.statements == 0 {
        flags.push("no-sources".into());
    }
    // the claims rest on state media: most statements come from it, not
    // merely an outlet named ("told Xinhua", "in an interview with TASS")
    if s.state_media_statements > 0
        && ratio(s.state_media_statements, s.statements) >= lexicon.scoring.state_media_share
    {
        flags.push("state-media-only".into());
    }
    if s.per_1k(s.loaded_authorial) >= 10.0 {
        flags.push("loaded-language".into());
    }
    if s.scare_quotes >= 2 {
        flags.push("scare-quotes".into());
    }
    if s.statements > 0 && ratio(s.vague_sources + s.anonymous_sources, s.statements) >= 0.5 {
        flags.push("vague-sourcing".into());
    }
    flags
}

/// Scores every actor the article mentions, in order of first appearance.
pub fn actors(analysis: &Analysis, lexicon: &Lexicon) -> Vec<ActorScores> {
    let mut order: Vec<ActorRef> = Vec::new();
    let mut rows: BTreeMap<ActorRef, Tally> = BTreeMap::new();
    let roll_up = |actor: ActorRef| -> Vec<ActorRef> {
        let up = actors::speaker_actor(actor, lexicon);
        if up == actor {
            vec![actor]
        } else {
            vec![actor, up]
        }
    };
    // what is said of a person is said of that person: "the hawkish Takaichi"
    // does not judge Japan, which gets only what the text says of Japan
    // itself (mentions and voice still count toward the country)
    let judged_as = |actor: ActorRef| -> Vec<ActorRef> {
        match actor {
            ActorRef::Lexicon(i) if lexicon.actors[i].kind == "person" => vec![actor],
            _ => roll_up(actor),
        }
    };
    let mut seen: std::collections::HashSet<ActorRef> = std::collections::HashSet::new();
    let mut touch = |actor: ActorRef, order: &mut Vec<ActorRef>| {
        if seen.insert(actor) {
            order.push(actor);
        }
    };
    // (actor, sentence) pairs the targets model judged: there its verdict,
    // which reads the rules' verdict as one of its features, stands for the
    // rules in `sentiment` (a mention it finds neutral is neutral)
    let mut judged: std::collections::HashSet<(ActorRef, usize)> = std::collections::HashSet::new();
    let model = lexicon.models.targets.is_some();
    for m in analysis.mentions.iter().filter(|m| !m.pronoun) {
        for a in roll_up(m.actor) {
            touch(a, &mut order);
            rows.entry(a).or_default().mentions += 1;
            if model {
                judged.insert((a, m.sentence));
            }
        }
    }
    for i in 0..analysis.attributions.len() {
        let mut speakers: Vec<ActorRef> = actors::speakers_of(analysis, i)
            .into_iter()
            .flat_map(roll_up)
            .collect();
        speakers.sort();
        speakers.dedup();
        for a in speakers {
            touch(a, &mut order);
            rows.entry(a).or_default().voice += 1;
        }
    }
    for hit in analysis.terms.iter().filter(|h| h.primary) {
        let Some(target) = hit.target else { continue };
        for a in judged_as(target) {
            touch(a, &mut order);
            let by_model = judged.contains(&(a, hit.sentence));
            rows.entry(a)
                .or_default()
                .add(hit.value, hit.quoted, hit.sentence, by_model);
        }
    }
    let w = lexicon.scoring.learned_target_weight;
    let wa = lexicon.scoring.learned_authorial_weight;
    for l in &analysis.learned_stances {
        let m = &analysis.mentions[l.mention];
        let own_voice = crate::analyze::genre::in_writers_voice(analysis, &m.span);
        for a in judged_as(m.actor) {
            touch(a, &mut order);
            let row = rows.entry(a).or_default();
            row.learned.add(w * l.value);
            if own_voice && wa > 0.0 {
                row.learned_authorial.add(wa * l.value);
            }
        }
    }
    let damping = Damping {
        base: lexicon.scoring.actor_damping,
        per_plain_mention: lexicon.scoring.actor_mention_damping,
        agreement: lexicon.scoring.actor_agreement,
    };
    order
        .into_iter()
        .map(|actor| {
            rows.remove(&actor)
                .unwrap_or_default()
                .finish(actor, damping)
        })
        .collect()
}

/// How much neutral evidence an actor's balance starts with: `base`, plus
/// `per_plain_mention` for every mention that carries no polar word about
/// it. An article that names an actor twenty times and calls it "hasty" once
/// says little about it; a sentence that names it once and calls it hasty
/// says that much.
#[derive(Debug, Clone, Copy)]
struct Damping {
    base: f64,
    per_plain_mention: f64,
    /// Power of the agreement between the two sides.
    agreement: f64,
}

impl Damping {
    fn for_tally(self, mentions: usize, hits: usize) -> f64 {
        self.base + self.per_plain_mention * mentions.saturating_sub(hits) as f64
    }

    /// The agreement |P − N| / (P + N) between the sentences that speak
    /// well and ill of an actor (each sentence counted by its net value),
    /// raised to `agreement`: an article whose sentences praise and blame an
    /// actor about equally lands near 0 rather than at the sign of the
    /// slightly larger side. Within one sentence the words combine as they
    /// are, so a one-sentence text is never pulled in.
    fn agreement(self, (positive, negative): (f64, f64)) -> f64 {
        let total = positive + negative;
        if total > 0.0 {
            ((positive - negative).abs() / total).powf(self.agreement)
        } else {
            1.0
        }
    }
}

/// The learned verdicts on an actor's mentions, counted as one piece of
/// evidence: their mean, times their agreement |Σv| / Σ|v|. The model was
/// trained on single sentences, each with one mention; summed over an
/// article's twenty mentions, twenty weak leanings would add up to a strong
/// verdict that no sentence makes, and verdicts that disagree would count
/// as much as verdicts that agree. On a single mention this is the verdict
/// itself.
#[derive(Debug, Default, Clone, Copy)]
struct Verdicts {
    sum: f64,
    magnitude: f64,
    count: usize,
}

impl Verdicts {
    fn add(&mut self, value: f64) {
        self.sum += value;
        self.magnitude += value.abs();
        self.count += 1;
    }

    /// (positive, negative) evidence of the verdicts, their agreement
    /// raised to `power` (`actor_agreement`).
    fn evidence(self, power: f64) -> [f64; 2] {
        if self.count == 0 || self.magnitude <= 0.0 {
            return [0.0, 0.0];
        }
        let agreement = (self.sum.abs() / self.magnitude).powf(power);
        let mean = self.sum / self.count as f64 * agreement;
        if mean > 0.0 {
            [mean, 0.0]
        } else {
            [0.0, -mean]
        }
    }
}

#[derive(Default)]
struct Tally {
    mentions: usize,
    voice: usize,
    positive: usize,
    negative: usize,
    sums: [f64; 4],
    /// Learned verdicts on the actor's mentions, weighted by `learned_target_weight`.
    learned: Verdicts,
    /// Learned verdicts on mentions in the writer's own voice, weighted by
    /// `learned_authorial_weight`.
    learned_authorial: Verdicts,
    /// Rule evidence (positive, negative) in sentences the model did not
    /// judge for this actor: what `sentiment` adds to the learned evidence.
    unjudged: [f64; 2],
    /// Net value per (sentence, quoted): what each sentence says of the
    /// actor in each voice, for the agreement between sentences.
    sentences: BTreeMap<(usize, bool), f64>,
}

impl Tally {
    fn add(&mut self, value: f64, quoted: bool, sentence: usize, judged: bool) {
        *self.sentences.entry((sentence, quoted)).or_default() += value;
        if !judged {
            self.unjudged[usize::from(value < 0.0)] += value.abs();
        }
        let voice = if quoted { 2 } else { 0 };
        if value > 0.0 {
            self.positive += 1;
            self.sums[voice] += value;
        } else {
            self.negative += 1;
            self.sums[voice + 1] -= value;
        }
    }

    fn finish(self, actor: ActorRef, damping: Damping) -> ActorScores {
        let [ap, an, qp, qn] = self.sums;
        let [lp, ln] = self.learned.evidence(damping.agreement);
        let [up, un] = self.unjudged;
        let [wp, wn] = self.learned_authorial.evidence(damping.agreement);
        let k = damping.for_tally(self.mentions, self.positive + self.negative);
        // the sides as whole sentences see them, in each voice and in all
        let sides = |voice: Option<bool>| {
            let mut net: BTreeMap<usize, f64> = BTreeMap::new();
            for (&(sentence, quoted), &v) in &self.sentences {
                if voice.is_none_or(|q| q == quoted) {
                    *net.entry(sentence).or_default() += v;
                }
            }
            let positive: f64 = net.values().filter(|v| **v > 0.0).sum();
            let negative: f64 = -net.values().filter(|v| **v < 0.0).sum::<f64>();
            (positive, negative)
        };
        ActorScores {
            actor,
            mentions: self.mentions,
            voice: self.voice,
            positive: self.positive,
            negative: self.negative,
            sentiment: balance(up + lp, un + ln, k) * damping.agreement(sides(None)),
            authorial_sentiment: balance(ap + wp, an + wn, k)
                * damping.agreement(sides(Some(false))),
            quoted_sentiment: balance(qp, qn, k) * damping.agreement(sides(Some(true))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balance_table() {
        let cases = [
            (0.0, 0.0, 2.0, 0.0),
            (1.0, 0.0, 2.0, 1.0 / 3.0),
            (0.0, 1.0, 2.0, -1.0 / 3.0),
            (10.0, 10.0, 2.0, 0.0),
            (0.0, 0.0, 0.0, 0.0),
        ];
        for (p, n, k, want) in cases {
            assert!(
                (balance(p, n, k) - want).abs() < 1e-12,
                "balance({p}, {n}, {k})"
            );
        }
    }

    #[test]
    fn plain_mentions_damp_an_actors_balance() {
        let damping = Damping {
            base: 3.0,
            per_plain_mention: 0.5,
            agreement: 1.0,
        };
        // (mentions, negative hits, expected authorial sentiment)
        let cases = [
            // one mention, one hit: a sentence that calls it hasty
            (1, 1, -1.0 / 4.0),
            // twenty mentions, one hit: an article that names it often
            (20, 1, -1.0 / (1.0 + 3.0 + 0.5 * 19.0)),
            // more hits than mentions (pronouns, roll-ups): no negative damping
            (1, 3, -3.0 / 6.0),
        ];
        for (mentions, negative, want) in cases {
            let tally = Tally {
                mentions,
                negative,
                sums: [0.0, negative as f64, 0.0, 0.0],
                ..Tally::default()
            };
            let got = tally
                .finish(ActorRef::Lexicon(0), damping)
                .authorial_sentiment;
            assert!((got - want).abs() < 1e-12, "{mentions} {negative}: {got}");
        }
    }

    #[test]
    fn sentences_that_disagree_pull_an_actor_toward_neutral() {
        let damping = Damping {
            base: 3.0,
            per_plain_mention: 0.0,
            agreement: 1.0,
        };
        // (hits as (value, sentence), expected authorial sentiment)
        let cases: [(&[(f64, usize)], f64); 3] = [
            // two sentences that agree: the plain balance
            (&[(-1.0, 0), (-1.0, 1)], -2.0 / 5.0),
            // praise and blame in different sentences: agreement 0.5 / 1.5
            (&[(-1.0, 0), (0.5, 1)], -0.5 / 4.5 * (0.5 / 1.5)),
            // the same words in one sentence combine first: agreement 1
            (&[(-1.0, 0), (0.5, 0)], -0.5 / 4.5),
        ];
        for (hits, want) in cases {
            let mut tally = Tally {
                mentions: hits.len(),
                ..Tally::default()
            };
            for &(value, sentence) in hits {
                tally.add(value, false, sentence, false);
            }
            let got = tally
                .finish(ActorRef::Lexicon(0), damping)
                .authorial_sentiment;
            assert!((got - want).abs() < 1e-12, "{hits:?}: {got} vs {want}");
        }
    }

    #[test]
    fn one_loaded_word_does_not_swing_an_actor_to_the_extreme() {
        let one = balance(0.0, 1.0, ScoringDoc::default().actor_damping);
        assert!(one > -0.5, "{one}");
    }

    use crate::lexicon::schema::ScoringDoc;

    #[test]
    fn learned_verdicts_count_as_their_agreeing_mean() {
        let verdicts = |values: &[f64]| {
            let mut v = Verdicts::default();
            for x in values {
                v.add(*x);
            }
            v.evidence(1.0)
        };
        let cases: [(&[f64], [f64; 2]); 4] = [
            (&[], [0.0, 0.0]),
            // one mention: the verdict itself (a NewsMTSC item)
            (&[-0.6], [0.0, 0.6]),
            // twenty weak leanings stay weak
            (&[-0.1; 20], [0.0, 0.1]),
            // verdicts that disagree cancel
            (&[0.5, -0.5], [0.0, 0.0]),
        ];
        for (values, want) in cases {
            let got = verdicts(values);
            assert!(
                (got[0] - want[0]).abs() < 1e-9 && (got[1] - want[1]).abs() < 1e-9,
                "{values:?}: {got:?}"
            );
        }
    }

    #[test]
    fn what_is_said_of_a_person_does_not_judge_their_country() {
        let lexicon = Lexicon::shared().expect("built-in lexicons");
        let article = crate::ingest::Article::from_text(
            "t",
            "Under the hawkish leadership of Prime Minister Sanae Takaichi, Japan has begun to change course.",
        );
        let analysis = crate::analyze::analyze(&article, lexicon);
        let rows = actors(&analysis, lexicon);
        let of = |id: &str| {
            rows.iter()
                .find(|r| matches!(r.actor, ActorRef::Lexicon(i) if lexicon.actors[i].id == id))
                .map(|r| r.authorial_sentiment)
        };
        let japan = of("japan").expect("Japan is mentioned");
        assert!(japan.abs() < 0.05, "Japan {japan}");
    }

    #[test]
    fn an_article_with_no_sentences_scores_zero_without_panicking() {
        let lexicon = Lexicon::shared().expect("built-in lexicons");
        for text in ["", " \n\n\t"] {
            let article = crate::ingest::Article::from_text("t", text);
            let analysis = crate::analyze::analyze(&article, lexicon);
            let s = score(&analysis, lexicon);
            assert_eq!(s.sentences, 0);
            assert_eq!(s.genre.kind, ArticleType::News);
            for part in [
                s.parts.sourcing,
                s.parts.restraint,
                s.parts.calibration,
                s.parts.balance,
                s.parts.transparency,
                s.reliability,
            ] {
                assert!(part.is_finite() && (0.0..=100.0).contains(&part), "{part}");
            }
            assert!(!s.flags.iter().any(|f| f == "state-media-only"));
        }
    }
}

//! The learned target-sentiment layer: for each actor mention, a linear
//! model over features placed relative to the mention decides whether the
//! sentence is negative, neutral or positive toward it; trained on sentences
//! whose polarity toward one marked mention was judged by hand
//! (`framescore train --task targets`, NewsMTSC).
//!
//! Features (templates in [`TEMPLATES`]) are the words by side and distance
//! bucket (`L1=against`: within 1–3 words left of the mention; `R2`: 4–7
//! right; `L3`/`R3`: 8 or more), the words of the mention's clause (`c=`),
//! negated words (`neg=`), the words right next to it (`p1=accused`,
//! `n1=faces`, `p2=`, `n2=` pairs), the lexicon's polar hits by side and
//! bucket (`lexL1=neg`), the rule-based verdict for this actor in the
//! sentence (`rule=neg`, `rule=pos:strong`: the rules in [`super::terms`]
//! stay the first judge, the model learns how far to trust them), a
//! reporting cue right after or before the mention (`cue=after`), the
//! mention's own words when they are not names (`t=`), its voice
//! (`voice=quote|content|source|author`), a connotation-frame verb within
//! three words in its clause with the mention as surface object or subject
//! (`frame=obj:theme_neg`, `frame=subj:agent_neg`), and negated polar hits
//! by side and bucket (`lexneg=L1:pos`). Proper names are
//! masked (`<NAME>`), so the model learns language, not people.
//!
//! A mention's learned value is the margin of the winning class over the
//! runner-up, signed, and 0 when neutral wins; [`super::super::score`] adds
//! it to the actor's evidence weighted by `learned_target_weight`.

use std::cell::Cell;
use std::ops::Range;

use super::Analysis;
use super::actors::ActorRef;
use super::hedge_model::shape;
use super::words::Word;
use super::words::word_at;
use crate::learn::model::Interned;
use crate::lexicon::{Family, Lexicon, RuleWords, Target};
use crate::text::Slice;

/// The non-null labels (the null label is "neutral").
pub const LABELS: &[&str] = &["negative", "positive"];

/// Feature templates the extractor makes.
pub const TEMPLATES: &[&str] = &[
    "bias", "L1", "L2", "L3", "R1", "R2", "R3", "c", "neg", "p1", "p2", "n1", "n2", "lexL1",
    "lexL2", "lexL3", "lexR1", "lexR2", "lexR3", "lexc", "rule", "cue", "t", "first", "voice",
    "frame", "lexneg",
];

/// Characters between two words that end a clause.
const CLAUSE_BREAKS: &[char] = &[',', ';', ':', '(', ')', '\u{2014}', '\u{2013}', '"'];

/// Words after a negator that it reaches (inside its clause).
const NEGATION_REACH: usize = 3;

/// Score margin above which the rules' verdict counts as strong.
const STRONG_RULE: f64 = 0.5;

/// One learned verdict on a mention.
#[derive(Debug, Clone, PartialEq)]
pub struct LearnedStance {
    /// Index into `Analysis::mentions`.
    pub mention: usize,
    /// Signed value: > 0 positive, < 0 negative, 0 neutral.
    pub value: f64,
    /// Features and weights toward the winning label, strongest first.
    pub evidence: Vec<(String, f64)>,
}

/// Words either side of a mention that its features look at. Bucket 3 is
/// "8 or more", so this only bounds very long sentences: without it, an
/// article that is one 20,000-word sentence naming an actor 2,500 times took
/// a minute (every mention read the whole sentence).
const REACH: usize = 40;

/// What every mention in one sentence shares, built once per sentence.
struct SentenceContext<'a> {
    /// The sentence's range of `Analysis::words`.
    range: Range<usize>,
    /// Each word as the model sees it (names and numbers masked).
    shaped: Vec<String>,
    /// Clause index of each word.
    clause: Vec<usize>,
    /// Per word: a negator of its clause within [`NEGATION_REACH`] words
    /// before it (computed once per sentence, read by every mention).
    negated: Vec<bool>,
    /// Words that are reporting cues.
    cue: Vec<bool>,
    /// Polar term hits: (word index in the sentence, value, target), in order.
    polar: Vec<(usize, f64, Option<ActorRef>)>,
    /// Each word's connotation frame as a verb: agent-negative,
    /// theme-negative, theme-positive (frames.toml), or none; looked up
    /// only for the few words next to a mention.
    frame: Frames<'a>,
    /// Byte spans of direct quotations (not scare quotes) in the sentence.
    quotes: Vec<Range<usize>>,
    /// Byte spans of attributed content and of sources in the sentence.
    contents: Vec<Range<usize>>,
    sources: Vec<Range<usize>>,
}

impl<'a> SentenceContext<'a> {
    fn new(analysis: &'a Analysis, lexicon: &'a Lexicon, sentence: usize, terms: &[usize]) -> Self {
        let text = analysis.article.text.as_str();
        let range = analysis.sentence_words[sentence].clone();
        let words = &analysis.words;
        let shaped: Vec<String> = range
            .clone()
            .map(|i| shape(text, words, i, i == range.start))
            .collect();
        let mut clause = vec![0usize; range.len()];
        for k in 1..range.len() {
            let gap =
                text.slice(words[range.start + k - 1].span.end..words[range.start + k].span.start);
            clause[k] = clause[k - 1] + usize::from(gap.contains(CLAUSE_BREAKS));
        }
        let mut negator = vec![false; range.len()];
        let mut cue = vec![false; range.len()];
        let hits_first = analysis.hits.partition_point(|(s, _)| *s < sentence);
        let hits_last = analysis
            .hits
            .partition_point(|(s, _)| *s <= sentence)
            .max(hits_first);
        for (_, hit) in &analysis.hits[hits_first..hits_last] {
            for t in &hit.targets {
                let Target::Term(t) = *t else { continue };
                let family = lexicon.categories[lexicon.terms[t as usize].category].family;
                let k = word_at(words, hit.start).saturating_sub(range.start);
                if k < range.len() {
                    match family {
                        Family::Negator => negator[k] = true,
                        Family::Cue => cue[k] = true,
                        _ => {}
                    }
                }
            }
        }
        let last_word = range.len().saturating_sub(1);
        let polar = terms
            .iter()
            .map(|&i| &analysis.terms[i])
            .filter(|h| h.primary && h.value != 0.0)
            .map(|h| {
                let k = word_at(words, h.start).saturating_sub(range.start);
                (k.min(last_word), h.value, h.target)
            })
            .collect();
        let frame = Frames {
            text,
            words,
            rules: &lexicon.words,
            first: range.start,
            cache: vec![Cell::new(None); range.len()],
        };
        let negated = (0..range.len())
            .map(|k| {
                (k.saturating_sub(NEGATION_REACH)..k).any(|j| negator[j] && clause[j] == clause[k])
            })
            .collect();
        let bytes = match (range.clone().next(), range.clone().last()) {
            (Some(a), Some(b)) => words[a].span.start..words[b].span.end,
            _ => 0..0,
        };
        let overlaps = |r: &Range<usize>| r.start < bytes.end && bytes.start < r.end;
        let quotes = analysis
            .quotes
            .iter()
            .filter(|q| !q.scare && overlaps(&q.inner))
            .map(|q| q.inner.clone())
            .collect();
        let contents = analysis
            .attributions
            .iter()
            .filter(|a| overlaps(&a.content))
            .map(|a| a.content.clone())
            .collect();
        let sources = analysis
            .attributions
            .iter()
            .filter_map(|a| a.source.clone())
            .filter(|r| overlaps(r))
            .collect();
        SentenceContext {
            range,
            shaped,
            clause,
            negated,
            cue,
            polar,
            frame,
            quotes,
            contents,
            sources,
        }
    }

    /// The features of the mention at byte span `span` of actor `actor`.
    fn features(
        &self,
        words: &[Word],
        span: &Range<usize>,
        actor: Option<ActorRef>,
    ) -> Vec<String> {
        let mut f = Vec::new();
        self.each_feature(words, span, actor, |t, a, b| {
            f.push(self.feature_text(t, a, b));
        });
        f
    }

    /// The scores of [`SentenceContext::features`] by ids, summed in the
    /// same order (so the same floats) without building a string.
    fn scores(
        &self,
        it: &Interned,
        ids: &SentenceIds,
        words: &[Word],
        span: &Range<usize>,
        actor: Option<ActorRef>,
    ) -> [f64; 2] {
        let mut scores = [0.0f64; 2];
        self.each_feature(words, span, actor, |t, a, b| {
            let t = ids.templates[t];
            let a = ids.part(it, a);
            let b = b.map(|b| ids.part(it, b));
            for (l, score) in scores.iter_mut().enumerate() {
                *score += match b {
                    Some(b) => it.weight2(l, t, a, b),
                    None => it.weight1(l, t, a),
                };
            }
        });
        scores
    }

    /// [`crate::learn::Model::evidence`] of the features toward `label`, by ids: only the
    /// features with a weight are written out.
    fn evidence(
        &self,
        it: &Interned,
        ids: &SentenceIds,
        (words, span, actor): (&[Word], &Range<usize>, Option<ActorRef>),
        label: usize,
    ) -> Vec<(String, f64)> {
        let mut out: Vec<(String, f64)> = Vec::new();
        self.each_feature(words, span, actor, |t, a, b| {
            let (ti, ai) = (ids.templates[t], ids.part(it, a));
            let w = match b {
                Some(b) => it.weight2(label, ti, ai, ids.part(it, b)),
                None => it.weight1(label, ti, ai),
            };
            // a model holds no zero weight: a zero is an absent feature
            if w != 0.0 {
                out.push((self.feature_text(t, a, b), w));
            }
        });
        out.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
        out.dedup();
        out
    }

    /// A feature written out: `template=value` or `template=value_second`.
    fn feature_text<'p>(&'p self, t: usize, a: Part<'p>, b: Option<Part<'p>>) -> String {
        let word = |p: Part<'p>| -> &'p str {
            match p {
                Part::Word(k) => self.shaped[k].as_str(),
                Part::Fixed(s) => s,
            }
        };
        let t = TEMPLATES[t];
        match b {
            Some(b) => format!("{t}={}_{}", word(a), word(b)),
            None => format!("{t}={}", word(a)),
        }
    }

    /// Calls `emit(template, value, second part)` for each feature of the
    /// mention, in order; a feature reads `template=value` or
    /// `template=value_second`.
    fn each_feature<'s>(
        &'s self,
        words: &[Word],
        span: &Range<usize>,
        actor: Option<ActorRef>,
        mut emit: impl FnMut(usize, Part<'s>, Option<Part<'s>>),
    ) {
        use Part::{Fixed, Word as W};
        let range = &self.range;
        if range.is_empty() {
            return emit(T_BIAS, Fixed("1"), None);
        }
        let clause = &self.clause;
        let first = word_at(words, span.start).max(range.start) - range.start;
        let last = (word_at(words, span.end.saturating_sub(1)).max(range.start) - range.start)
            .min(range.len() - 1)
            .max(first);
        let first = first.min(range.len() - 1);
        let target_clause = clause[first];
        // a bounded window: a mention in a 20,000-word "sentence" reads the
        // words near it, not all of them (quadratic over the mentions)
        let window = first.saturating_sub(REACH)..(last + REACH + 1).min(range.len());
        emit(T_BIAS, Fixed("1"), None);
        let side = |k: usize| -> Option<(&'static str, usize)> {
            if k < first {
                Some(("L", first - k))
            } else if k > last {
                Some(("R", k - last))
            } else {
                None
            }
        };
        for k in window.clone() {
            match side(k) {
                None => {
                    if self.shaped[k] != "<NAME>" {
                        emit(T_T, W(k), None);
                    }
                }
                Some((s, d)) => {
                    emit(side_template(s, d), W(k), None);
                    if clause[k] == target_clause {
                        emit(T_C, W(k), None);
                    }
                    if self.negated[k] {
                        emit(T_NEG, W(k), None);
                    }
                }
            }
        }
        let at = |k: isize| -> Part<'s> {
            if k < 0 {
                Fixed("<s>")
            } else if (k as usize) < self.shaped.len() {
                W(k as usize)
            } else {
                Fixed("</s>")
            }
        };
        let (fi, la) = (first as isize, last as isize);
        emit(T_P1, at(fi - 1), None);
        emit(T_P2, at(fi - 2), Some(at(fi - 1)));
        emit(T_N1, at(la + 1), None);
        emit(T_N2, at(la + 1), Some(at(la + 2)));
        if first == 0 {
            emit(T_FIRST, Fixed("1"), None);
        }
        // a reporting cue right after the mention ("X said") or before it
        // ("told X", "according to X")
        let cue = &self.cue;
        if cue.get(last + 1).copied().unwrap_or(false)
            || cue.get(last + 2).copied().unwrap_or(false)
        {
            emit(T_CUE, Fixed("after"), None);
        }
        if (first.saturating_sub(3)..first).any(|k| cue[k]) {
            emit(T_CUE, Fixed("before"), None);
        }
        // whose voice the mention is in: inside a direct quotation, the
        // source of a statement, inside an attributed content, or the
        // writer's own
        let inside = |r: &Range<usize>| r.start <= span.start && span.end <= r.end;
        let voice = if self.quotes.iter().any(inside) {
            "quote"
        } else if self
            .sources
            .iter()
            .any(|r| r.start < span.end && span.start < r.end)
        {
            "source"
        } else if self.contents.iter().any(inside) {
            "content"
        } else {
            "author"
        };
        emit(T_VOICE, Fixed(voice), None);
        // a connotation-frame verb near the mention in its clause: the
        // mention before the verb is its surface subject, after it its object
        let near = (first.saturating_sub(3)..first)
            .map(|k| ("obj", k))
            .chain(((last + 1)..(last + 4).min(range.len())).map(|k| ("subj", k)));
        for (role, k) in near {
            if let Some(fr) = self.frame.at(k, &self.shaped)
                && clause[k] == target_clause
            {
                emit(T_FRAME, Fixed(frame_value(role, fr)), None);
            }
        }
        // polar lexicon hits by side and bucket, in the clause, and negated
        let lo = self.polar.partition_point(|p| p.0 < window.start);
        let hi = self.polar.partition_point(|p| p.0 < window.end).max(lo);
        for &(k, value, _) in &self.polar[lo..hi] {
            let sign = if value > 0.0 { "pos" } else { "neg" };
            if let Some((s, d)) = side(k) {
                emit(lex_template(s, d), Fixed(sign), None);
                if clause[k] == target_clause {
                    emit(T_LEXC, Fixed(sign), None);
                }
                if self.negated[k] {
                    emit(T_LEXNEG, Fixed(lexneg_value(s, d, sign)), None);
                }
            }
        }
        let rule: f64 = match actor {
            Some(_) => self.polar[lo..hi]
                .iter()
                .filter(|p| p.2 == actor)
                .map(|p| p.1)
                .sum(),
            None => 0.0,
        };
        if rule != 0.0 {
            let (sign, strong) = if rule > 0.0 {
                ("pos", "pos:strong")
            } else {
                ("neg", "neg:strong")
            };
            emit(T_RULE, Fixed(sign), None);
            if rule.abs() > STRONG_RULE {
                emit(T_RULE, Fixed(strong), None);
            }
        }
    }
}

/// The connotation frames of a sentence's words, each looked up on first use.
struct Frames<'a> {
    text: &'a str,
    words: &'a [Word],
    rules: &'a RuleWords,
    /// The sentence's first word.
    first: usize,
    /// Per word of the sentence: `None` until looked up.
    cache: Vec<Cell<Option<Option<&'static str>>>>,
}

impl Frames<'_> {
    /// The frame of word `k` of the sentence (`shaped`: the sentence's shaped words).
    fn at(&self, k: usize, shaped: &[String]) -> Option<&'static str> {
        if let Some(known) = self.cache[k].get() {
            return known;
        }
        // the shaped word is the lower case unless it is masked
        let owned;
        let w = if shaped[k].starts_with('<') {
            owned = self
                .text
                .slice(self.words[self.first + k].span.clone())
                .to_lowercase();
            owned.as_str()
        } else {
            shaped[k].as_str()
        };
        let rules = self.rules;
        let frame = if rules.frame_agent_negative.contains(w) {
            Some("agent_neg")
        } else if rules.frame_theme_negative.contains(w) {
            Some("theme_neg")
        } else if rules.frame_theme_positive.contains(w) {
            Some("theme_pos")
        } else {
            None
        };
        self.cache[k].set(Some(frame));
        frame
    }
}

/// A part of a feature value: a word of the sentence (by index) or a fixed text.
#[derive(Debug, Clone, Copy)]
enum Part<'s> {
    /// The shaped word at this index of the sentence.
    Word(usize),
    /// A fixed value.
    Fixed(&'s str),
}

/// The indexes of [`TEMPLATES`] that [`SentenceContext::each_feature`] emits.
const T_BIAS: usize = 0;
const T_C: usize = 7;
const T_NEG: usize = 8;
const T_P1: usize = 9;
const T_P2: usize = 10;
const T_N1: usize = 11;
const T_N2: usize = 12;
const T_LEXC: usize = 19;
const T_RULE: usize = 20;
const T_CUE: usize = 21;
const T_T: usize = 22;
const T_FIRST: usize = 23;
const T_VOICE: usize = 24;
const T_FRAME: usize = 25;
const T_LEXNEG: usize = 26;

/// The bucket of a distance as 0, 1, 2 (1–3, 4–7, 8+ words).
fn bucket_index(distance: usize) -> usize {
    match distance {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

/// The template (index of [`TEMPLATES`]) of a word by side (`L`/`R`) and
/// distance: `L1`…`R3`.
fn side_template(side: &str, distance: usize) -> usize {
    (if side == "L" { 1 } else { 4 }) + bucket_index(distance)
}

/// The template of a polar hit by side and distance: `lexL1`…`lexR3`.
fn lex_template(side: &str, distance: usize) -> usize {
    (if side == "L" { 13 } else { 16 }) + bucket_index(distance)
}

/// The value of a `frame` feature: role and frame.
fn frame_value(role: &str, frame: &str) -> &'static str {
    const VALUES: [&str; 6] = [
        "obj:agent_neg",
        "obj:theme_neg",
        "obj:theme_pos",
        "subj:agent_neg",
        "subj:theme_neg",
        "subj:theme_pos",
    ];
    VALUES
        .iter()
        .find(|v| v.split_once(':') == Some((role, frame)))
        .copied()
        .unwrap_or("")
}

/// The value of a `lexneg` feature: side, bucket and sign.
fn lexneg_value(side: &str, distance: usize, sign: &str) -> &'static str {
    const VALUES: [&str; 12] = [
        "L1:pos", "L1:neg", "L2:pos", "L2:neg", "L3:pos", "L3:neg", "R1:pos", "R1:neg", "R2:pos",
        "R2:neg", "R3:pos", "R3:neg",
    ];
    let want = (TEMPLATES[side_template(side, distance)], sign);
    VALUES
        .iter()
        .find(|v| v.split_once(':') == Some(want))
        .copied()
        .unwrap_or("")
}

/// The ids of a model's templates and of one sentence's shaped words.
struct SentenceIds {
    /// Per template of [`TEMPLATES`], its id.
    templates: Vec<u32>,
    /// Per word of the sentence, its id.
    words: Vec<u32>,
}

impl SentenceIds {
    fn new(it: &Interned, templates: &[u32], shaped: &[String]) -> SentenceIds {
        SentenceIds {
            templates: templates.to_vec(),
            words: shaped.iter().map(|w| it.part(w)).collect(),
        }
    }

    fn part(&self, it: &Interned, p: Part<'_>) -> u32 {
        match p {
            Part::Word(k) => self.words[k],
            Part::Fixed(s) => it.part(s),
        }
    }
}

/// Term hits (indices into `Analysis::terms`) of each sentence.
fn terms_by_sentence(analysis: &Analysis) -> Vec<Vec<usize>> {
    let mut by = vec![Vec::new(); analysis.sentence_words.len()];
    for (i, h) in analysis.terms.iter().enumerate() {
        if let Some(list) = by.get_mut(h.sentence) {
            list.push(i);
        }
    }
    for list in &mut by {
        list.sort_by_key(|&i| analysis.terms[i].start);
    }
    by
}

/// The features of a mention (byte span `span` of actor `actor`) in `sentence`.
pub fn mention_features(
    analysis: &Analysis,
    lexicon: &Lexicon,
    sentence: usize,
    span: &Range<usize>,
    actor: Option<ActorRef>,
) -> Vec<String> {
    let terms: Vec<usize> = terms_by_sentence(analysis)
        .into_iter()
        .nth(sentence)
        .unwrap_or_default();
    SentenceContext::new(analysis, lexicon, sentence, &terms).features(&analysis.words, span, actor)
}

/// The signed value of a model's scores: the winner's margin over the
/// runner-up (the neutral label scores 0), negative for `negative`.
pub fn value(scores: &[f64]) -> f64 {
    let (neg, pos) = (scores[0], scores[1]);
    if pos > neg && pos > 0.0 {
        pos - neg.max(0.0)
    } else if neg > pos && neg > 0.0 {
        -(neg - pos.max(0.0))
    } else {
        0.0
    }
}

/// Learned verdicts on every non-pronoun mention (empty without a targets model).
pub fn judge(analysis: &Analysis, lexicon: &Lexicon) -> Vec<LearnedStance> {
    let Some(model) = lexicon.models.targets.as_ref() else {
        return Vec::new();
    };
    let terms = terms_by_sentence(analysis);
    let interned = model.interned();
    let templates: Vec<u32> = interned
        .map(|it| TEMPLATES.iter().map(|t| it.template(t)).collect())
        .unwrap_or_default();
    let mut context: Option<(usize, SentenceContext, Option<SentenceIds>)> = None;
    let mut out = Vec::new();
    for (i, m) in analysis.mentions.iter().enumerate() {
        if m.pronoun || m.sentence >= terms.len() {
            continue;
        }
        if context.as_ref().is_none_or(|(s, _, _)| *s != m.sentence) {
            let built = SentenceContext::new(analysis, lexicon, m.sentence, &terms[m.sentence]);
            let ids = interned.map(|it| SentenceIds::new(it, &templates, &built.shaped));
            context = Some((m.sentence, built, ids));
        }
        let Some((_, ctx, ids)) = context.as_ref() else {
            continue;
        };
        let actor = Some(m.actor);
        let scores = match (interned, ids) {
            (Some(it), Some(ids)) => ctx.scores(it, ids, &analysis.words, &m.span, actor),
            _ => {
                let feats = ctx.features(&analysis.words, &m.span, actor);
                let s = model.scores(feats.iter().map(String::as_str));
                [s[0], s[1]]
            }
        };
        let v = value(&scores);
        if v != 0.0 {
            let label = usize::from(v > 0.0);
            let evidence = match (interned, ids) {
                (Some(it), Some(ids)) => {
                    ctx.evidence(it, ids, (&analysis.words, &m.span, actor), label)
                }
                _ => {
                    let feats = ctx.features(&analysis.words, &m.span, actor);
                    model.evidence(feats.iter().map(String::as_str), label)
                }
            };
            out.push(LearnedStance {
                mention: i,
                value: v,
                evidence,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::analyze;
    use crate::ingest::Article;

    #[test]
    fn a_mention_in_a_20000_word_sentence_reads_a_bounded_window() {
        // One sentence naming Japan 2,500 times: before the window each
        // mention made features for every word of the sentence (minutes).
        let text = "Japan is arrogant and the talks went well ".repeat(2500);
        let lexicon = Lexicon::shared().expect("lexicon");
        let article = Article::from_text("t", &text);
        let analysis = analyze(&article, lexicon);
        let m = &analysis.mentions[analysis.mentions.len() / 2];
        let f = mention_features(&analysis, lexicon, m.sentence, &m.span, Some(m.actor));
        // at most three features per word in reach, plus the fixed ones
        assert!(
            f.len() <= 3 * (2 * REACH + 1) + 2 * (2 * REACH + 1) + 16,
            "{}",
            f.len()
        );
        assert!(f.iter().any(|x| x == "R1=is"), "nearby words still count");
    }

    /// The scores by ids are the scores of the feature strings, bit for
    /// bit, for every mention of the seed articles.
    #[test]
    fn id_scores_are_the_string_scores() {
        let lexicon = Lexicon::shared().expect("lexicon");
        let model = lexicon
            .models
            .targets
            .as_ref()
            .expect("shipped targets model");
        let it = model.interned().expect("the shipped model has ids");
        let templates: Vec<u32> = TEMPLATES.iter().map(|t| it.template(t)).collect();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut mentions = 0;
        for entry in std::fs::read_dir(dir).expect("seeds") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
            let article = Article::from_text("t", &text);
            let analysis = analyze(&article, lexicon);
            let terms = terms_by_sentence(&analysis);
            for m in &analysis.mentions {
                let ctx = SentenceContext::new(&analysis, lexicon, m.sentence, &terms[m.sentence]);
                let ids = SentenceIds::new(it, &templates, &ctx.shaped);
                let fast = ctx.scores(it, &ids, &analysis.words, &m.span, Some(m.actor));
                let feats = ctx.features(&analysis.words, &m.span, Some(m.actor));
                let slow = model.scores(feats.iter().map(String::as_str));
                assert_eq!(
                    fast.map(f64::to_bits),
                    [slow[0].to_bits(), slow[1].to_bits()],
                    "{feats:?}"
                );
                for label in 0..2 {
                    assert_eq!(
                        ctx.evidence(it, &ids, (&analysis.words, &m.span, Some(m.actor)), label),
                        model.evidence(feats.iter().map(String::as_str), label)
                    );
                }
                mentions += 1;
            }
        }
        assert!(mentions > 100, "{mentions} mentions compared");
    }

    #[test]
    fn value_table() {
        // (negative score, positive score) -> signed margin
        let cases = [
            ([0.0, 0.0], 0.0),
            ([-1.0, 2.0], 2.0),
            ([1.5, 0.5], -1.0),
            ([-0.5, -0.2], 0.0),
        ];
        for (scores, want) in cases {
            assert!((value(&scores) - want).abs() < 1e-12, "{scores:?}");
        }
    }
}

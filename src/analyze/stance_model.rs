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

use std::ops::Range;

use super::Analysis;
use super::actors::ActorRef;
use super::hedge_model::shape;
use super::words::Word;
use super::words::word_at;
use crate::lexicon::{Family, Lexicon, Target};
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

fn bucket(distance: usize) -> &'static str {
    match distance {
        0..=3 => "1",
        4..=7 => "2",
        _ => "3",
    }
}

/// Words either side of a mention that its features look at. Bucket 3 is
/// "8 or more", so this only bounds very long sentences: without it, an
/// article that is one 20,000-word sentence naming an actor 2,500 times took
/// a minute (every mention read the whole sentence).
const REACH: usize = 40;

/// What every mention in one sentence shares, built once per sentence.
struct SentenceContext {
    /// The sentence's range of `Analysis::words`.
    range: Range<usize>,
    /// Each word as the model sees it (names and numbers masked).
    shaped: Vec<String>,
    /// Clause index of each word.
    clause: Vec<usize>,
    /// Words that are negators.
    negator: Vec<bool>,
    /// Words that are reporting cues.
    cue: Vec<bool>,
    /// Polar term hits: (word index in the sentence, value, target), in order.
    polar: Vec<(usize, f64, Option<ActorRef>)>,
    /// Each word's connotation frame as a verb: agent-negative,
    /// theme-negative, theme-positive (frames.toml), or none.
    frame: Vec<Option<&'static str>>,
    /// Byte spans of direct quotations (not scare quotes) in the sentence.
    quotes: Vec<Range<usize>>,
    /// Byte spans of attributed content and of sources in the sentence.
    contents: Vec<Range<usize>>,
    sources: Vec<Range<usize>>,
}

impl SentenceContext {
    fn new(analysis: &Analysis, lexicon: &Lexicon, sentence: usize, terms: &[usize]) -> Self {
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
        let rules = &lexicon.words;
        let frame = range
            .clone()
            .map(|i| {
                let w = text.slice(words[i].span.clone()).to_lowercase();
                if rules.frame_agent_negative.contains(&w) {
                    Some("agent_neg")
                } else if rules.frame_theme_negative.contains(&w) {
                    Some("theme_neg")
                } else if rules.frame_theme_positive.contains(&w) {
                    Some("theme_pos")
                } else {
                    None
                }
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
            negator,
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
        let range = &self.range;
        if range.is_empty() {
            return vec!["bias=1".into()];
        }
        let (shaped, clause) = (&self.shaped, &self.clause);
        let first = word_at(words, span.start).max(range.start) - range.start;
        let last = (word_at(words, span.end.saturating_sub(1)).max(range.start) - range.start)
            .min(range.len() - 1)
            .max(first);
        let first = first.min(range.len() - 1);
        let target_clause = clause[first];
        let window = first.saturating_sub(REACH)..(last + REACH + 1).min(range.len());
        let mut f = vec!["bias=1".to_string()];
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
            let w = &shaped[k];
            match side(k) {
                None => {
                    if w != "<NAME>" {
                        f.push(format!("t={w}"));
                    }
                }
                Some((s, d)) => {
                    f.push(format!("{s}{}={w}", bucket(d)));
                    if clause[k] == target_clause {
                        f.push(format!("c={w}"));
                    }
                    let negated = (k.saturating_sub(NEGATION_REACH)..k)
                        .any(|j| self.negator[j] && clause[j] == clause[k]);
                    if negated {
                        f.push(format!("neg={w}"));
                    }
                }
            }
        }
        let at = |k: isize| -> &str {
            if k < 0 {
                "<s>"
            } else {
                shaped.get(k as usize).map_or("</s>", String::as_str)
            }
        };
        let (fi, la) = (first as isize, last as isize);
        f.push(format!("p1={}", at(fi - 1)));
        f.push(format!("p2={}_{}", at(fi - 2), at(fi - 1)));
        f.push(format!("n1={}", at(la + 1)));
        f.push(format!("n2={}_{}", at(la + 1), at(la + 2)));
        if first == 0 {
            f.push("first=1".into());
        }
        let cue = &self.cue;
        if cue.get(last + 1).copied().unwrap_or(false)
            || cue.get(last + 2).copied().unwrap_or(false)
        {
            f.push("cue=after".into());
        }
        if (first.saturating_sub(3)..first).any(|k| cue[k]) {
            f.push("cue=before".into());
        }
        // the mention's voice: inside a direct quotation, inside attributed
        // content, the source itself, or the writer's own words
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
        f.push(format!("voice={voice}"));
        // a connotation-frame verb near the mention in its clause: before it
        // the mention is its object ("accused X"), after it its subject
        // ("X threatens")
        let near = (first.saturating_sub(3)..first)
            .map(|k| ("obj", k))
            .chain(((last + 1)..(last + 4).min(range.len())).map(|k| ("subj", k)));
        for (role, k) in near {
            if let Some(fr) = self.frame[k]
                && clause[k] == target_clause
            {
                f.push(format!("frame={role}:{fr}"));
            }
        }
        // lexicon polar hits in reach, and the rules' verdict on this actor
        let lo = self.polar.partition_point(|p| p.0 < window.start);
        let hi = self.polar.partition_point(|p| p.0 < window.end).max(lo);
        for &(k, value, _) in &self.polar[lo..hi] {
            let sign = if value > 0.0 { "pos" } else { "neg" };
            if let Some((s, d)) = side(k) {
                f.push(format!("lex{s}{}={sign}", bucket(d)));
                if clause[k] == target_clause {
                    f.push(format!("lexc={sign}"));
                }
                let negated = (k.saturating_sub(NEGATION_REACH)..k)
                    .any(|j| self.negator[j] && clause[j] == clause[k]);
                if negated {
                    f.push(format!("lexneg={s}{}:{sign}", bucket(d)));
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
            let sign = if rule > 0.0 { "pos" } else { "neg" };
            f.push(format!("rule={sign}"));
            if rule.abs() > STRONG_RULE {
                f.push(format!("rule={sign}:strong"));
            }
        }
        f
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
    let mut context: Option<(usize, SentenceContext)> = None;
    let mut out = Vec::new();
    for (i, m) in analysis.mentions.iter().enumerate() {
        if m.pronoun || m.sentence >= terms.len() {
            continue;
        }
        if context.as_ref().is_none_or(|(s, _)| *s != m.sentence) {
            let built = SentenceContext::new(analysis, lexicon, m.sentence, &terms[m.sentence]);
            context = Some((m.sentence, built));
        }
        let Some((_, ctx)) = context.as_ref() else {
            continue;
        };
        let feats = ctx.features(&analysis.words, &m.span, Some(m.actor));
        let scores = model.scores(feats.iter().map(String::as_str));
        let v = value(&scores);
        if v != 0.0 {
            out.push(LearnedStance {
                mention: i,
                value: v,
                evidence: model.evidence(feats.iter().map(String::as_str), usize::from(v > 0.0)),
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

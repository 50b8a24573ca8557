//! Attribution: who says what. Every reporting cue ("said", "told", "according
//! to", a colon or a dash that introduces a quotation, an agentless passive
//! such as "it is widely believed") is tied to a source, when one can be
//! found, and to a content span.
//!
//! The rules are positional, as a reader would apply them:
//! - a verb cue takes as its source the subject noun phrase before it
//!   ("Russian Foreign Minister Sergei Lavrov said", "Twenty-four percent
//!   said"), skipping auxiliaries, adverbs and time phrases ("has also said",
//!   "who in 2010 said"), a parenthesis ("Rubio (R-Fla.) said") and an
//!   appositive between commas ("Eaton, a nominal Republican, said");
//! - after a quote or a comma the source may follow the verb ("…," said Lavrov);
//! - a verb after "and" or after a relative pronoun ("…and said", "Barkley,
//!   who said") takes the subject of its clause's antecedent, and a participle
//!   after a comma (", saying …") takes the subject of the main clause;
//! - a phrase cue ("according to") takes the noun phrase after it;
//! - a colon is a cue after a short name at the start of a line ("Graham: …",
//!   headlines and transcripts) or before a quotation; a dash is a cue at the
//!   start of a line before a name ("— Paul Ryan") or between a name and a quote;
//! - the content is the adjacent quotation if there is one (direct), else the
//!   rest of the clause after the cue, skipping "that" (indirect), else the
//!   part of the sentence before the source ("Japan is wrong, he said");
//! - a verb cue used as a noun ("its claims", "the reports", "aggressive
//!   claims") is no cue; a verb cue with no source found still makes a row
//!   (source kind `none`), since the verb alone marks reported speech;
//! - a cue inside a direct quotation belongs to the quoted speaker's own
//!   words, not to the article, and makes no row;
//! - pronouns ("he", "she") carry the last named speaker;
//! - in a title-case headline, where capitals mark no name, the words before
//!   the verb in its clause are the source ("Former Clinton Pollster Says");
//! - a gerund after "by", "after", "while" takes its clause's subject
//!   ("distanced himself by saying");
//! - "in" before a phrase headed by "poll" or "survey" cites the poll;
//! - an agentless passive with an agent after all takes it ("is widely
//!   viewed by geopolitical analysts"), and an outlet that is told something
//!   ("told Xinhua News Agency") is cited as the statement's channel.
//!
//! The source's kind comes from the words inside it: an anonymous-source or
//! vague-source term, a person's name, an organisation's name; a source with
//! none of these ("the judge", "voters") is vague.
//!
//! Closed-class words the rules need (pronouns, determiners, auxiliaries, the
//! adverbs that may sit between a subject and its verb) are grammar, not
//! judgement, and live in `grammar`; role nouns that head a source phrase
//! ("spokesperson", "ministry") are open lists and come from `rules.toml`.
//! Each lookup scans a short constant list or a hash set, and each rule looks
//! a bounded number of words away from its cue, so the pass stays linear in
//! the article's length.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::ops::Range;

use super::Analysis;
use super::words::{Word, word_at};
use crate::lexicon::{Category, CuePosition, Family, Hit, Lexicon, NameRole, RuleWords, Target};
use crate::text::Slice;

mod grammar;
mod kind;
mod lines;
mod marks;
mod phrase;
mod subject;
pub mod tagger;
#[cfg(test)]
mod tests;

/// What kind of source a statement has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    /// A person identified by name (or a pronoun standing for one).
    Named,
    /// An organisation, government, outlet, or its unnamed spokesperson.
    Organisation,
    /// Unnamed and unspecific: "analysts", "experts say".
    Vague,
    /// Deliberately unnamed: "a source familiar with the matter".
    Anonymous,
    /// No source found.
    None,
}

impl SourceKind {
    /// The name used in `sources.csv`.
    pub fn name(self) -> &'static str {
        match self {
            SourceKind::Named => "named",
            SourceKind::Organisation => "organisation",
            SourceKind::Vague => "vague",
            SourceKind::Anonymous => "anonymous",
            SourceKind::None => "none",
        }
    }
}

/// One attributed statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// Sentence of the cue.
    pub sentence: usize,
    /// The cue's span.
    pub cue: Range<usize>,
    /// The cue signals the writer's stance ("claimed", "admitted").
    pub loaded_cue: bool,
    /// The source's span, if found.
    pub source: Option<Range<usize>>,
    /// The source's kind.
    pub kind: SourceKind,
    /// Who speaks: the person's name, or the source text; pronouns resolved.
    pub speaker: Option<String>,
    /// Lexicon sources named in the source span (indexes into `Lexicon::sources`).
    pub outlets: Vec<usize>,
    /// What is attributed.
    pub content: Range<usize>,
    /// The content is a direct quotation.
    pub direct: bool,
}

/// The grammatical form of a verb cue, which decides what may be its subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// "said", "told", "claimed": never a noun after a subject.
    Past,
    /// "says", "claims": also a plural noun ("its claims").
    ThirdPerson,
    /// "saying", "warning": also a noun or an adjunct.
    Participle,
    /// "say", "claim": also a singular noun.
    Base,
}

impl Form {
    pub(super) fn of(cue: &str) -> Form {
        let last = cue.rsplit(' ').next().unwrap_or(cue).to_lowercase();
        let first = cue.split(' ').next().unwrap_or(cue).to_lowercase();
        if first.ends_with("ing") {
            Form::Participle
        } else if first.ends_with("ed") || IRREGULAR_PAST.contains(&first.as_str()) {
            Form::Past
        } else if first.ends_with('s') && !first.ends_with("ss") {
            Form::ThirdPerson
        } else if last.ends_with("ed") {
            Form::Past
        } else {
            Form::Base
        }
    }
}

pub(super) const IRREGULAR_PAST: &[&str] = &[
    "blurted", "fought", "hit", "made", "said", "shot", "spoke", "swore", "taught", "told", "went",
    "wrote",
];

/// The kinds of cue, each with its own rule for the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    /// A reporting verb: the source is its subject.
    Verb,
    /// A verb of thought or evidence: a cue only with a subject ("polls show").
    SubjectVerb,
    /// "according to": the source follows.
    Phrase,
    /// A colon or a dash before a quote or after a name.
    Mark,
    /// "it is widely believed": the phrase is its own vague source.
    Agentless,
    /// "in" before a poll ("in a new Fox News poll"): the poll is the source.
    Poll,
    /// A word the tagger proposes: a cue only where the rules find its subject.
    Learned,
    /// A reporting verb in a title-case headline ("Trump Says He Never…"):
    /// the words before it in its clause are the source.
    Headline,
}

/// A cue found in a sentence.
struct Cue {
    span: Range<usize>,
    loaded: bool,
    kind: CueKind,
}

/// Where the walk left from a verb ends.
enum Head {
    /// A word that ends the subject.
    Word(usize),
    /// A comma right before the verb (or its auxiliaries); the word before it.
    Comma(usize),
    /// "and", "but": the verb shares an earlier subject.
    Coordinated,
    /// "who", "which", "that" at this word.
    Relative(usize),
    /// Nothing usable.
    Nothing,
}

/// Finds every attributed statement.
pub fn find(analysis: &Analysis, lexicon: &Lexicon) -> Vec<Attribution> {
    let mut finder = Finder::new(analysis, lexicon);
    for s in 0..analysis.doc.sentences.len() {
        finder.sentence(s);
    }
    finder.out
}

struct Finder<'a, 'b> {
    analysis: &'a Analysis<'b>,
    lexicon: &'a Lexicon,
    out: Vec<Attribution>,
    last_person: Option<String>,
    /// For each word, the name, outlet or vague/anonymous-source target covering it.
    names: Vec<Option<Target>>,
    /// For each word, whether a reporting cue covers it.
    cue_words: Vec<bool>,
    /// Lower-cased words written with a capital somewhere other than at the
    /// start of a sentence: names, as opposed to words capitalised by position.
    /// Built on first use: only a rare rule needs it.
    proper: OnceCell<HashSet<String>>,
    /// The learned cue tagger.
    model: &'a tagger::CueModel,
    /// The words covered by a cue of the lists, in order (the tagger's anchors).
    cue_at: Vec<usize>,
    /// Every word lower-cased once per article: word `w` is
    /// `lowered[lower_at[w].clone()]` (the rules and the tagger ask for a
    /// word's lower case many times).
    lowered: String,
    lower_at: Vec<Range<usize>>,
    /// For each word, [`Finder::skippable`]: the subject walks ask it of the
    /// same words again and again.
    skip: Vec<bool>,
}

/// Every word of `text` lower-cased into one buffer, and each word's range
/// in it.
fn lower_all(text: &str, words: &[Word]) -> (String, Vec<Range<usize>>) {
    let mut lowered = String::with_capacity(text.len());
    let mut at = Vec::with_capacity(words.len());
    for w in words {
        let start = lowered.len();
        let word = text.slice(w.span.clone());
        if word.is_ascii() {
            lowered.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            lowered.push_str(&word.to_lowercase());
        }
        at.push(start..lowered.len());
    }
    (lowered, at)
}

/// The category of a term target.
pub(super) fn category<'l>(lexicon: &'l Lexicon, target: &Target) -> Option<&'l Category> {
    match target {
        Target::Term(i) => Some(&lexicon.categories[lexicon.terms[*i as usize].category]),
        _ => None,
    }
}

/// Whether a target names a possible source: an actor, an outlet, a vague or anonymous source.
pub(super) fn names_source(lexicon: &Lexicon, target: &Target) -> bool {
    match target {
        Target::Name { .. } | Target::Source(_) => true,
        Target::Term(_) => category(lexicon, target)
            .is_some_and(|c| matches!(c.family, Family::VagueSource | Family::AnonymousSource)),
        Target::Except(_) => false,
    }
}

impl<'a, 'b> Finder<'a, 'b> {
    pub(super) fn new(analysis: &'a Analysis<'b>, lexicon: &'a Lexicon) -> Self {
        let words = &analysis.words;
        let mut names = vec![None; words.len()];
        let mut cue_words = vec![false; words.len()];
        for (_, hit) in &analysis.hits {
            let name = hit
                .targets
                .iter()
                .copied()
                .find(|t| names_source(lexicon, t));
            let cue = hit
                .targets
                .iter()
                .any(|t| category(lexicon, t).is_some_and(|c| c.family == Family::Cue));
            let mut w = word_at(words, hit.start);
            while w < words.len() && words[w].span.end <= hit.end {
                if words[w].span.start >= hit.start {
                    names[w] = names[w].or(name);
                    cue_words[w] |= cue;
                }
                w += 1;
            }
        }
        let cue_at = (0..words.len()).filter(|&w| cue_words[w]).collect();
        let (lowered, lower_at) = lower_all(&analysis.article.text, words);
        let mut finder = Finder {
            analysis,
            lexicon,
            out: Vec::new(),
            last_person: None,
            names,
            cue_words,
            proper: OnceCell::new(),
            model: lexicon
                .models
                .attribution
                .as_ref()
                .unwrap_or(tagger::CueModel::builtin()),
            cue_at,
            lowered,
            lower_at,
            skip: Vec::new(),
        };
        finder.skip = (0..words.len())
            .map(|w| finder.skippable(w, finder.lower(w)))
            .collect();
        finder
    }

    /// Whether a word (lower-cased) is capitalised somewhere other than at
    /// the start of a sentence.
    pub(super) fn capitalised_elsewhere(&self, lower: &str) -> bool {
        let words = &self.analysis.words;
        self.proper
            .get_or_init(|| {
                self.analysis
                    .sentence_words
                    .iter()
                    .flat_map(|range| range.clone().skip(1))
                    .filter(|&w| words[w].capitalised)
                    .map(|w| self.text().slice(words[w].span.clone()).to_lowercase())
                    .collect()
            })
            .contains(lower)
    }

    pub(super) fn text(&self) -> &'b str {
        &self.analysis.article.text
    }

    pub(super) fn words(&self) -> &'a [Word] {
        &self.analysis.words
    }

    /// The lists of rules.toml.
    pub(super) fn rules(&self) -> &'a RuleWords {
        &self.lexicon.words
    }

    /// A role noun ("spokesperson", "officials"), as written or in the singular.
    pub(super) fn role_noun(&self, lower: &str) -> bool {
        let roles = &self.rules().role_nouns;
        roles.contains(lower) || roles.contains(grammar::singular(lower))
    }

    /// Word `w` in lower case.
    pub(super) fn lower(&self, w: usize) -> &str {
        &self.lowered[self.lower_at[w].clone()]
    }

    pub(super) fn is(&self, w: usize, list: &[&str]) -> bool {
        list.contains(&self.lower(w))
    }

    /// A closed-class word that the rules never take as a proposed cue.
    pub(super) fn function_word(&self, lower: &str) -> bool {
        [
            grammar::NOT_HEAD,
            grammar::STOPS,
            grammar::CONNECTORS,
            grammar::DETERMINERS,
            grammar::PRONOUNS,
        ]
        .iter()
        .any(|list| list.contains(&lower))
    }

    /// "has backed", "could retaliate", "is expected": an auxiliary or a
    /// modal before a verb is never a cue ("has" as a main verb may be one).
    fn auxiliary_before_verb(&self, w: usize, end: usize) -> bool {
        let lower = self.lower(w);
        if !grammar::AUXILIARIES.contains(&lower) {
            return false;
        }
        if grammar::MODALS.contains(&lower) || w + 1 >= end {
            return true;
        }
        let next = self.lower(w + 1);
        ["ed", "en", "ing", "wn"].iter().any(|e| next.ends_with(e))
            || grammar::BETWEEN.contains(&next)
    }

    pub(super) fn sentence_span(&self, s: usize) -> Range<usize> {
        self.analysis.doc.sentences[s].span.clone()
    }

    pub(super) fn sentence(&mut self, s: usize) {
        let scores = if self.model.is_empty() {
            tagger::Scores::default()
        } else {
            self.sentence_scores(s, &self.cue_at)
        };
        for cue in self.learned_cues(s, &scores) {
            if cue.kind != CueKind::Mark && self.in_quote(cue.span.start) {
                continue;
            }
            let sure = self.word_score(s, &scores, &cue.span) > tagger::SURE_AT;
            let found = match cue.kind {
                CueKind::Verb | CueKind::SubjectVerb if sure => self
                    .verb_cue(s, &cue)
                    .or_else(|| (!self.refused(s, &cue)).then(|| self.bare_cue(s, &cue))),
                CueKind::Verb => self.verb_cue(s, &cue),
                CueKind::SubjectVerb => self.verb_cue(s, &cue).filter(|a| a.source.is_some()),
                CueKind::Learned => self
                    .verb_cue(s, &cue)
                    .filter(|a| a.source.is_some() || cue.loaded)
                    .or_else(|| {
                        let tagged = self.tagged_source(s, &scores, &cue.span);
                        (cue.loaded || tagged.is_some()).then(|| self.bare_cue(s, &cue))
                    }),
                CueKind::Phrase => Some(self.phrase_cue(s, &cue)),
                CueKind::Mark => self.mark_cue(s, &cue),
                CueKind::Agentless => Some(self.agentless_cue(s, &cue)),
                CueKind::Headline => self.headline_cue(s, &cue),
                CueKind::Poll => self.poll_cue(s, &cue),
            };
            if let Some(mut attribution) = found {
                // "Moscow wants Beijing's constructive role": what a proposed
                // verb with a noun-phrase object reports is that object
                let w = word_at(self.words(), cue.span.start);
                let end = self.analysis.sentence_words[s].end;
                if cue.kind == CueKind::Learned && !self.says_something_after(w, end) {
                    attribution.content = self
                        .np_right(cue.span.end, end, false)
                        .unwrap_or(cue.span.end..cue.span.end);
                    attribution.direct = false;
                }
                // an outlet in a dateline is the article's own, not a source
                if let (Some(src), Some(line)) = (&attribution.source, self.dateline(s))
                    && src.start < line.end
                {
                    attribution.source = None;
                    attribution.kind = SourceKind::None;
                    attribution.speaker = None;
                    attribution.outlets.clear();
                }
                if self.same_statement(&attribution) {
                    continue;
                }
                if attribution.source.is_none()
                    && let Some(src) = self.tagged_source(s, &scores, &attribution.cue)
                {
                    let (kind, speaker, outlets) = self.kind_of(&src);
                    attribution.source = Some(src);
                    attribution.kind = kind;
                    attribution.speaker = speaker;
                    attribution.outlets = outlets;
                }
                self.resolve(&mut attribution);
                self.out.push(attribution);
            }
        }
    }

    /// The cues of the lists that the tagger does not veto, and the words
    /// it proposes where the lists have none.
    pub(super) fn learned_cues(&self, s: usize, scores: &tagger::Scores) -> Vec<Cue> {
        let mut cues = self.cues(s);
        if scores.is_empty() {
            return cues;
        }
        let range = self.analysis.sentence_words[s].clone();
        let words = self.words();
        let score_of = |span: &Range<usize>| {
            let w = word_at(words, span.start);
            (w < range.end && words[w].span.end >= span.end).then(|| scores.cue(w - range.start))
        };
        cues.retain(|c| {
            !matches!(c.kind, CueKind::Verb | CueKind::SubjectVerb)
                || score_of(&c.span).is_none_or(|x| x >= tagger::VETO_AT)
        });
        for w in range.clone() {
            // only a word outside the lists' cues that the tagger marks can
            // be proposed: the tests below decide nothing for the others
            let proposed = scores.cue(w - range.start) > tagger::PROPOSE_AT;
            if self.cue_words[w] || !proposed {
                continue;
            }
            let span = &words[w].span;
            // a word next to a cue is part of its verb group ("have
            // consistently argued"): one statement, one row
            let lo = words[w.saturating_sub(1).max(range.start)].span.start;
            let hi = words[(w + 1).min(range.end - 1)].span.end;
            let covered = cues.iter().any(|c| c.span.start < hi && lo < c.span.end);
            // "sent a clear warning to Tokyo": an act of speech with an
            // indefinite object and nothing said is no statement
            let object = w + 1 < range.end && self.is(w + 1, &["a", "an"]);
            // "have consistently argued": an auxiliary or adverb before a cue
            // is part of its verb group
            let lower = self.lower(w);
            let auxiliary = self.skip[w]
                && cues
                    .iter()
                    .any(|c| c.span.start >= span.end && word_at(words, c.span.start) <= w + 3);
            // the rules find subjects for verbs: a function word the tagger
            // marks ("reports of") belongs to a cue of the lists or to none
            let function = self.function_word(lower) || self.auxiliary_before_verb(w, range.end);
            if !covered && !object && !auxiliary && !function {
                cues.push(Cue {
                    span: span.clone(),
                    // a sure proposal makes a row without a subject, like a verb of the lists
                    loaded: scores.cue(w - range.start) > tagger::SURE_AT,
                    kind: CueKind::Learned,
                });
            }
        }
        cues.sort_by_key(|c| c.span.start);
        cues
    }

    /// The run of words the tagger marks as a source nearest to the cue in
    /// its sentence, outside quotations and cues; one before the cue wins a tie.
    pub(super) fn tagged_source(
        &self,
        s: usize,
        scores: &tagger::Scores,
        cue: &Range<usize>,
    ) -> Option<Range<usize>> {
        if scores.is_empty() || !self.model.has_source() {
            return None;
        }
        let range = self.analysis.sentence_words[s].clone();
        let words = self.words();
        let source = |w: usize| {
            let in_cue = cue.start < words[w].span.end && words[w].span.start < cue.end;
            let out = self.cue_words[w] || in_cue || self.in_quote(words[w].span.start);
            scores.source(w - range.start) > tagger::SOURCE_AT && !out
        };
        let mut best: Option<(usize, Range<usize>)> = None;
        let mut w = range.start;
        while w < range.end {
            if !source(w) {
                w += 1;
                continue;
            }
            let start = w;
            while w + 1 < range.end && source(w + 1) && self.glued(w, w + 1) {
                w += 1;
            }
            let span = words[start].span.start..words[w].span.end;
            let distance = if span.end <= cue.start {
                cue.start - span.end
            } else {
                span.start.saturating_sub(cue.end) + 1
            };
            if best.as_ref().is_none_or(|(d, _)| distance < *d) {
                best = Some((distance, span));
            }
            w += 1;
        }
        best.map(|(_, span)| self.widen(span))
    }

    /// The tagger's cue score of a one-word span (minus infinity otherwise).
    fn word_score(&self, s: usize, scores: &tagger::Scores, span: &Range<usize>) -> f64 {
        let range = self.analysis.sentence_words[s].clone();
        let words = self.words();
        let w = word_at(words, span.start);
        if scores.is_empty() || w >= range.end || words[w].span.end < span.end {
            return f64::NEG_INFINITY;
        }
        scores.cue(w - range.start)
    }

    /// Whether what follows word `w` is something said: a clause ("that",
    /// "if", a subject pronoun), a quotation, a colon or comma, or an
    /// infinitive ("refused to").
    fn says_something_after(&self, w: usize, end: usize) -> bool {
        let words = self.words();
        let rest = self.text()[words[w].span.end..].trim_start();
        if rest.starts_with(grammar::OPENERS) || rest.starts_with([':', ',']) || w + 1 >= end {
            return true;
        }
        self.is(
            w + 1,
            &[
                "that", "to", "if", "whether", "how", "what", "why", "he", "she", "they", "we",
                "i", "it", "there",
            ],
        )
    }

    /// A row with no source: the cue and the rest of its clause.
    pub(super) fn bare_cue(&self, s: usize, cue: &Cue) -> Attribution {
        let content = self.indirect_content(s, cue.span.end, None, cue);
        self.attribution(s, cue, None, content, false)
    }

    /// The hits of sentence `s` (hits are in text order, so by sentence too).
    pub(super) fn sentence_hits(&self, s: usize) -> &'a [(usize, Hit)] {
        let hits = &self.analysis.hits;
        let lo = hits.partition_point(|(x, _)| *x < s);
        let hi = hits.partition_point(|(x, _)| *x <= s);
        &hits[lo..hi]
    }

    pub(super) fn cues(&self, s: usize) -> Vec<Cue> {
        let headline = self.headline(self.analysis.sentence_words[s].clone());
        let mut cues: Vec<Cue> = self
            .sentence_hits(s)
            .iter()
            .filter_map(|(_, hit)| self.cue_of(hit))
            .filter_map(|c| match c.kind {
                CueKind::Verb if headline => Some(Cue {
                    kind: CueKind::Headline,
                    ..c
                }),
                CueKind::SubjectVerb if headline => None,
                _ => Some(c),
            })
            .collect();
        cues.extend(self.mark_cues(s));
        cues.extend(self.poll_cues(s));
        cues.sort_by_key(|c| c.span.start);
        cues
    }

    pub(super) fn cue_of(&self, hit: &Hit) -> Option<Cue> {
        hit.targets.iter().find_map(|t| {
            let cat = category(self.lexicon, t)?;
            let kind = match (cat.family, cat.position) {
                (Family::Cue, CuePosition::Verb) => CueKind::Verb,
                (Family::Cue, CuePosition::VerbWithSubject) => CueKind::SubjectVerb,
                (Family::Cue, CuePosition::BeforeSource) => CueKind::Phrase,
                (Family::VagueSource, _) if self.agentless(hit) => CueKind::Agentless,
                _ => return None,
            };
            Some(Cue {
                span: hit.start..hit.end,
                loaded: cat.loaded_cue,
                kind,
            })
        })
    }

    /// A vague-source phrase that is a passive clause with no agent: "it is
    /// believed", "widely seen as".
    pub(super) fn agentless(&self, hit: &Hit) -> bool {
        let phrase = self.text().slice(hit.start..hit.end).to_lowercase();
        let mut words = phrase.split_whitespace();
        let first = words.next().unwrap_or("");
        first == "widely"
            || phrase
                .split_whitespace()
                .any(|w| matches!(w, "is" | "are" | "was" | "were" | "been" | "be"))
    }

    /// Whether byte `at` lies inside a closed quotation.
    pub(super) fn in_quote(&self, at: usize) -> bool {
        let quotes = &self.analysis.quotes;
        let k = quotes.partition_point(|q| q.outer.start <= at);
        k > 0 && {
            let q = &quotes[k - 1];
            q.outer.start < at && at < q.outer.end && !q.unbalanced
        }
    }
}

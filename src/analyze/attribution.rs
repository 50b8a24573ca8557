//! Attribution: who says what. Every reporting cue ("said", "told", "according
//! to", a colon before a quote) is tied to a source and a content span.
//!
//! The rules are positional, as a reader would apply them:
//! - a verb cue takes its source from the noun phrase just before it
//!   ("Russian Foreign Minister Sergei Lavrov said"), or just after it when the
//!   cue follows a quote or a comma ("…," said Lavrov);
//! - a phrase cue ("according to") takes the noun phrase after it;
//! - the content is the adjacent quotation if there is one (direct), else the
//!   rest of the clause after the cue, skipping "that" (indirect), else the
//!   part of the sentence before the source ("Japan is wrong, he said");
//! - a verb cue with neither a source nor an adjacent quote is dropped: that is
//!   what keeps the noun "claims" in "its aggressive claims" from being a cue;
//! - pronouns ("he", "she") carry the last named speaker.
//!
//! The source's kind comes from the words inside it: an anonymous-source or
//! vague-source term, a person's name, an organisation's name.
//!
//! Closed-class words the rules need (pronouns, determiners, the adverbs that
//! may sit between a subject and its verb) are grammar, not judgement, and live
//! here; role nouns that head a source phrase ("spokesperson", "ministry") are
//! listed here too, as the one open list the rules cannot do without.

use std::ops::Range;

use super::Analysis;
use super::words::Word;
use crate::lexicon::{CuePosition, Family, Lexicon, NameRole, Target};

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

const PRONOUNS: &[&str] = &["he", "him", "i", "it", "she", "them", "they", "we"];
const DETERMINERS: &[&str] = &["a", "an", "her", "his", "its", "one", "the", "their", "two"];
const CONNECTORS: &[&str] = &["and", "by", "for", "of", "to"];
const BETWEEN: &[&str] = &[
    "again", "also", "already", "further", "had", "has", "have", "is", "later", "once", "then",
    "was", "were", "will", "would",
];
const STOPS: &[&str] = &[
    "after",
    "amid",
    "as",
    "at",
    "before",
    "but",
    "by",
    "during",
    "following",
    "friday",
    "from",
    "if",
    "in",
    "meanwhile",
    "monday",
    "on",
    "saturday",
    "since",
    "so",
    "sunday",
    "that",
    "these",
    "this",
    "those",
    "through",
    "thursday",
    "today",
    "tuesday",
    "under",
    "wednesday",
    "what",
    "when",
    "which",
    "while",
    "who",
    "with",
    "yesterday",
];
const ROLES: &[&str] = &[
    "administration",
    "agency",
    "aide",
    "ambassador",
    "army",
    "authorities",
    "cabinet",
    "campaign",
    "chairman",
    "chief",
    "commander",
    "committee",
    "company",
    "council",
    "court",
    "department",
    "diplomat",
    "director",
    "embassy",
    "envoy",
    "firm",
    "government",
    "governor",
    "group",
    "head",
    "leader",
    "lawmaker",
    "military",
    "minister",
    "ministry",
    "network",
    "newspaper",
    "office",
    "official",
    "party",
    "police",
    "president",
    "prosecutor",
    "representative",
    "secretary",
    "senator",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "statement",
    "report",
    "white",
];
const ORG_ROLES: &[&str] = &[
    "administration",
    "agency",
    "army",
    "authorities",
    "cabinet",
    "campaign",
    "committee",
    "company",
    "council",
    "court",
    "department",
    "embassy",
    "firm",
    "government",
    "group",
    "military",
    "ministry",
    "network",
    "newspaper",
    "office",
    "party",
    "police",
    "report",
    "statement",
];
const MAX_SOURCE_WORDS: usize = 10;
const MAX_QUOTE_GAP: usize = 80;

/// Finds every attributed statement.
pub fn find(analysis: &Analysis, lexicon: &Lexicon) -> Vec<Attribution> {
    let mut finder = Finder {
        analysis,
        lexicon,
        out: Vec::new(),
        last_person: None,
    };
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
}

/// A cue found in a sentence.
struct Cue {
    span: Range<usize>,
    loaded: bool,
    position: CuePosition,
}

impl Finder<'_, '_> {
    fn text(&self) -> &str {
        &self.analysis.article.text
    }

    fn sentence(&mut self, s: usize) {
        for cue in self.cues(s) {
            let found = match cue.position {
                CuePosition::Verb => self.verb_cue(s, &cue),
                CuePosition::BeforeSource => self.phrase_cue(s, &cue),
            };
            if let Some(mut attribution) = found {
                self.resolve(&mut attribution);
                self.out.push(attribution);
            }
        }
    }

    fn cues(&self, s: usize) -> Vec<Cue> {
        let mut cues: Vec<Cue> = self
            .analysis
            .hits
            .iter()
            .filter(|(sentence, _)| *sentence == s)
            .filter_map(|(_, hit)| {
                hit.targets.iter().find_map(|t| match t {
                    Target::Term(i) => {
                        let cat =
                            &self.lexicon.categories[self.lexicon.terms[*i as usize].category];
                        (cat.family == Family::Cue).then_some(Cue {
                            span: hit.start..hit.end,
                            loaded: cat.loaded_cue,
                            position: cat.position,
                        })
                    }
                    _ => None,
                })
            })
            .collect();
        cues.extend(self.colon_cues(s));
        cues.sort_by_key(|c| c.span.start);
        cues
    }

    /// `Source: "quote"` — a colon right before an opening quote mark.
    fn colon_cues(&self, s: usize) -> Vec<Cue> {
        let span = self.analysis.doc.sentences[s].span.clone();
        let body = &self.text()[span.clone()];
        body.match_indices(':')
            .filter(|(i, _)| {
                let after = body[i + 1..].trim_start();
                after.starts_with(['"', '\u{201C}', '\u{00AB}', '\u{201E}'])
            })
            .map(|(i, _)| Cue {
                span: span.start + i..span.start + i + 1,
                loaded: false,
                position: CuePosition::Verb,
            })
            .collect()
    }

    fn verb_cue(&self, s: usize, cue: &Cue) -> Option<Attribution> {
        let words = &self.analysis.words;
        let range = self.analysis.sentence_words[s].clone();
        if self.headline(range.clone()) {
            return None;
        }
        let cue_word = super::words::word_at(words, cue.span.start);
        let participle = self.text()[cue.span.clone()]
            .to_lowercase()
            .ends_with("ing");
        let mut source = self
            .source_left(range.start, cue_word, cue.span.start)
            .filter(|src| !is_possessive(&self.text()[src.clone()]));
        let inverted = source.is_none() && !participle && self.inverted(s, cue.span.start);
        if inverted {
            source = self
                .source_right(cue.span.end, range.end)
                .filter(|src| self.ends_clause(src.end));
        }
        if participle && source.is_none() {
            return None;
        }
        let quote_before = self.quote_before(
            source
                .as_ref()
                .map_or(cue.span.start, |r| r.start.min(cue.span.start)),
        );
        let after = source
            .as_ref()
            .filter(|_| inverted)
            .map_or(cue.span.end, |r| r.end);
        let quote_after = quote_before
            .is_none()
            .then(|| self.quote_after(after, s))
            .flatten();
        let quote = quote_before.or(quote_after);
        let long_quote = quote.is_some_and(|q| self.analysis.quotes[q].words >= 5);
        if source.is_none() && !long_quote {
            return None;
        }
        let (content, direct) = match quote {
            Some(q) => (self.analysis.quotes[q].inner.clone(), true),
            None => (self.indirect_content(s, after, source.as_ref(), cue), false),
        };
        Some(self.attribution(s, cue, source, content, direct))
    }

    fn phrase_cue(&self, s: usize, cue: &Cue) -> Option<Attribution> {
        let range = self.analysis.sentence_words[s].clone();
        let source = self.source_right(cue.span.end, range.end);
        let sentence = self.analysis.doc.sentences[s].span.clone();
        let after = source.as_ref().map_or(cue.span.end, |r| r.end);
        let before = trim_punct(self.text(), sentence.start..cue.span.start);
        let content = if before.is_empty() {
            trim_punct(self.text(), after..sentence.end)
        } else {
            before
        };
        let quote = self.quote_after(after, s);
        let (content, direct) = match quote {
            Some(q) => (self.analysis.quotes[q].inner.clone(), true),
            None => (content, false),
        };
        Some(self.attribution(s, cue, source, content, direct))
    }

    fn attribution(
        &self,
        s: usize,
        cue: &Cue,
        source: Option<Range<usize>>,
        content: Range<usize>,
        direct: bool,
    ) -> Attribution {
        let (kind, speaker, outlets) = match &source {
            Some(span) => self.kind_of(span),
            None => (SourceKind::None, None, Vec::new()),
        };
        Attribution {
            sentence: s,
            cue: cue.span.clone(),
            loaded_cue: cue.loaded,
            source,
            kind,
            speaker,
            outlets,
            content,
            direct,
        }
    }

    /// Pronouns take the last named speaker.
    fn resolve(&mut self, a: &mut Attribution) {
        let Some(span) = &a.source else { return };
        let text = self.text()[span.clone()].to_lowercase();
        if matches!(text.as_str(), "he" | "she" | "i" | "him" | "her") {
            if let Some(person) = &self.last_person {
                a.speaker = Some(person.clone());
            }
            a.kind = SourceKind::Named;
        } else if a.kind == SourceKind::Named {
            self.last_person.clone_from(&a.speaker);
        }
    }

    /// Whether the cue follows a quote or a comma: "…," said X.
    fn inverted(&self, s: usize, cue_start: usize) -> bool {
        let sentence = &self.analysis.doc.sentences[s].span;
        let before = self.text()[sentence.start..cue_start].trim_end();
        before.ends_with([
            ',', '"', '\u{201D}', '\u{2019}', '\'', '\u{2014}', '\u{2013}',
        ])
    }

    /// Whether a clause ends after `at`: punctuation, the sentence end, or a time/place phrase.
    fn ends_clause(&self, at: usize) -> bool {
        let rest = self.text()[at..].trim_start();
        let next_word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
        rest.is_empty()
            || rest.starts_with([',', '.', ';', ':', '!', '?', '\n'])
            || STOPS.contains(&next_word.to_lowercase().as_str())
    }

    /// A title-case line ("Russia Backs China, Warns Japan"): words there are not cues.
    fn headline(&self, range: Range<usize>) -> bool {
        let long: Vec<&Word> = self.analysis.words[range]
            .iter()
            .filter(|w| w.span.len() >= 4)
            .collect();
        long.len() >= 3 && long.iter().filter(|w| w.capitalised).count() * 10 >= long.len() * 7
    }

    fn word_text(&self, w: &Word) -> String {
        self.text()[w.span.clone()].to_lowercase()
    }

    /// Whether only spaces and possessive/hyphen glue separate two words.
    fn glued(&self, left: &Word, right: &Word) -> bool {
        let gap = &self.text()[left.span.end..right.span.start];
        gap.chars()
            .all(|c| c.is_whitespace() || matches!(c, '-' | '.'))
            && !gap.contains("  ")
    }

    fn name_hit_at(&self, w: &Word) -> Option<&Target> {
        self.analysis
            .hits
            .iter()
            .filter(|(_, h)| h.start <= w.span.start && w.span.end <= h.end)
            .flat_map(|(_, h)| h.targets.iter())
            .find(|t| match t {
                Target::Name { .. } | Target::Source(_) => true,
                Target::Term(i) => matches!(
                    self.lexicon.categories[self.lexicon.terms[*i as usize].category].family,
                    Family::VagueSource | Family::AnonymousSource
                ),
                Target::Except(_) => false,
            })
    }

    fn nounish(&self, w: &Word) -> bool {
        let lower = self.word_text(w);
        if STOPS.contains(&lower.as_str()) {
            return false;
        }
        w.capitalised || ROLES.contains(&singular(&lower)) || self.name_hit_at(w).is_some()
    }

    fn source_left(&self, first: usize, cue_word: usize, cue_start: usize) -> Option<Range<usize>> {
        let words = &self.analysis.words;
        let mut j = cue_word;
        let mut skipped = 0;
        while j > first {
            let w = &words[j - 1];
            let lower = self.word_text(w);
            let gap_ok = self.text()[w.span.end..cue_start.max(w.span.end)]
                .chars()
                .all(|c| c.is_alphanumeric() || c.is_whitespace() || c == '\'');
            if !gap_ok {
                return None;
            }
            if skipped < 3
                && (BETWEEN.contains(&lower.as_str()) || (lower.ends_with("ly") && !w.capitalised))
            {
                skipped += 1;
                j -= 1;
                continue;
            }
            break;
        }
        if j == first {
            return None;
        }
        let head = &words[j - 1];
        let head_lower = self.word_text(head);
        if PRONOUNS.contains(&head_lower.as_str()) {
            return Some(head.span.clone());
        }
        if !self.nounish(head) {
            return None;
        }
        let mut k = j - 1;
        while k > first && j - k < MAX_SOURCE_WORDS {
            let w = &words[k - 1];
            if !self.glued(w, &words[k]) {
                break;
            }
            let lower = self.word_text(w);
            let right_is_head = self.is_vague_head(&words[k])
                || ROLES.contains(&singular(&self.word_text(&words[k])));
            let joins = self.nounish(w)
                || DETERMINERS.contains(&lower.as_str())
                || (CONNECTORS.contains(&lower.as_str()) && k >= 2 && self.nounish(&words[k - 2]))
                || (!w.capitalised
                    && right_is_head
                    && !STOPS.contains(&lower.as_str())
                    && !BETWEEN.contains(&lower.as_str()));
            if !joins {
                break;
            }
            k -= 1;
        }
        while k < j - 1 && CONNECTORS.contains(&self.word_text(&words[k]).as_str()) {
            k += 1;
        }
        Some(self.widen(words[k].span.start..head.span.end))
    }

    fn is_vague_head(&self, w: &Word) -> bool {
        matches!(self.name_hit_at(w), Some(Target::Term(_)))
    }

    fn source_right(&self, after: usize, end: usize) -> Option<Range<usize>> {
        let words = &self.analysis.words;
        let start = super::words::word_at(words, after);
        if start >= end {
            return None;
        }
        let gap = &self.text()[after..words[start].span.start];
        if gap
            .chars()
            .any(|c| matches!(c, '.' | ';' | '"' | '\u{201C}' | '\u{201D}'))
        {
            return None;
        }
        let first = &words[start];
        let lower = self.word_text(first);
        if PRONOUNS.contains(&lower.as_str()) {
            return Some(first.span.clone());
        }
        let mut k = start;
        while k < end && k - start < MAX_SOURCE_WORDS {
            let w = &words[k];
            if k > start && !self.glued(&words[k - 1], w) {
                break;
            }
            let lower = self.word_text(w);
            let joins = self.nounish(w)
                || DETERMINERS.contains(&lower.as_str())
                || (CONNECTORS.contains(&lower.as_str())
                    && k + 1 < end
                    && self.nounish(&words[k + 1]))
                || (!w.capitalised && k + 1 < end && self.is_vague_head(&words[k + 1]));
            if !joins {
                break;
            }
            k += 1;
        }
        while k > start && {
            let l = self.word_text(&words[k - 1]);
            CONNECTORS.contains(&l.as_str()) || DETERMINERS.contains(&l.as_str())
        } {
            k -= 1;
        }
        (k > start).then(|| {
            self.complete(
                self.widen(words[start].span.start..words[k - 1].span.end),
                end,
            )
        })
    }

    /// "a source familiar with" → "a source familiar with the talks": a phrase ending in a
    /// preposition takes the next few words, up to punctuation.
    fn complete(&self, span: Range<usize>, sentence_end_word: usize) -> Range<usize> {
        let text = self.text();
        let last = text[span.clone()]
            .rsplit(' ')
            .next()
            .unwrap_or("")
            .to_lowercase();
        if !matches!(last.as_str(), "with" | "of" | "to" | "on" | "about") {
            return span;
        }
        let words = &self.analysis.words;
        let mut k = super::words::word_at(words, span.end);
        let mut end = span.end;
        let mut taken = 0;
        while k < sentence_end_word && taken < 5 {
            let w = &words[k];
            if text[end..w.span.start].contains([',', '.', ';', ':', '"']) {
                break;
            }
            end = w.span.end;
            taken += 1;
            k += 1;
        }
        span.start..end
    }

    /// Grows a source span to cover every lexicon name or source phrase it cuts through.
    fn widen(&self, mut span: Range<usize>) -> Range<usize> {
        for (_, hit) in &self.analysis.hits {
            let overlaps = hit.start < span.end && span.start < hit.end;
            let useful = hit.targets.iter().any(|t| !matches!(t, Target::Except(_)));
            if overlaps && useful && self.name_hit_at_span(hit.start..hit.end) {
                span.start = span.start.min(hit.start);
                span.end = span.end.max(hit.end);
            }
        }
        span
    }

    fn name_hit_at_span(&self, span: Range<usize>) -> bool {
        self.analysis
            .words
            .iter()
            .any(|w| w.span.start == span.start && self.name_hit_at(w).is_some())
    }

    /// A quotation that ends right before `at` (only commas, dashes, spaces between).
    fn quote_before(&self, at: usize) -> Option<usize> {
        self.analysis.quotes.iter().rposition(|q| {
            q.outer.end <= at
                && at - q.outer.end <= 4
                && self.text()[q.outer.end..at]
                    .chars()
                    .all(|c| c.is_whitespace() || matches!(c, ',' | '\u{2014}' | '\u{2013}' | '-'))
        })
    }

    /// A quotation that opens shortly after `at`, in the same sentence.
    fn quote_after(&self, at: usize, s: usize) -> Option<usize> {
        let sentence_end = self.analysis.doc.sentences[s].span.end;
        self.analysis.quotes.iter().position(|q| {
            q.outer.start >= at
                && q.outer.start < sentence_end
                && q.outer.start - at <= MAX_QUOTE_GAP
                && !self.text()[at..q.outer.start].contains(['.', ';'])
                && q.words > 4
        })
    }

    fn indirect_content(
        &self,
        s: usize,
        after: usize,
        source: Option<&Range<usize>>,
        cue: &Cue,
    ) -> Range<usize> {
        let sentence = self.analysis.doc.sentences[s].span.clone();
        let rest = &self.text()[after..sentence.end];
        let skip = rest
            .find(" that ")
            .filter(|i| *i < 40)
            .map_or(0, |i| i + " that ".len());
        let content = trim_punct(self.text(), after + skip..sentence.end);
        if !content.is_empty() && self.text()[content.clone()].split_whitespace().count() > 1 {
            return content;
        }
        let until = source.map_or(cue.span.start, |r| r.start.min(cue.span.start));
        trim_punct(self.text(), sentence.start..until)
    }

    fn kind_of(&self, span: &Range<usize>) -> (SourceKind, Option<String>, Vec<usize>) {
        let text = &self.text()[span.clone()];
        let lower = text.to_lowercase();
        let words: Vec<&Word> = self
            .analysis
            .words
            .iter()
            .filter(|w| span.start <= w.span.start && w.span.end <= span.end)
            .collect();
        let mut kind = SourceKind::None;
        let mut outlets = Vec::new();
        let mut person: Option<String> = None;
        let mut organisation = false;
        let mut vague = false;
        for (_, hit) in self
            .analysis
            .hits
            .iter()
            .filter(|(_, h)| span.start <= h.start && h.end <= span.end)
        {
            for target in &hit.targets {
                match target {
                    Target::Source(i) => {
                        outlets.push(*i as usize);
                        organisation = true;
                    }
                    Target::Name { actor, role } => {
                        let is_person = matches!(role, NameRole::Person | NameRole::Surname)
                            || self.lexicon.actors[*actor as usize].kind == "person";
                        if is_person && *role != NameRole::Demonym {
                            person
                                .get_or_insert_with(|| self.text()[hit.start..hit.end].to_string());
                        } else if *role == NameRole::Alias {
                            organisation = true;
                        }
                    }
                    Target::Term(i) => {
                        match self.lexicon.categories[self.lexicon.terms[*i as usize].category]
                            .family
                        {
                            Family::AnonymousSource => kind = SourceKind::Anonymous,
                            Family::VagueSource => vague = true,
                            _ => {}
                        }
                    }
                    Target::Except(_) => {}
                }
            }
        }
        if kind == SourceKind::Anonymous {
            return (kind, Some(text.to_string()), outlets);
        }
        if PRONOUNS.contains(&lower.as_str()) {
            let kind = if matches!(lower.as_str(), "he" | "she" | "i" | "him" | "her") {
                SourceKind::Named
            } else {
                SourceKind::Organisation
            };
            return (kind, Some(text.to_string()), outlets);
        }
        let name = person.or_else(|| self.capitalised_name(&words));
        if let Some(name) = name {
            return (SourceKind::Named, Some(name), outlets);
        }
        let org_word = words
            .iter()
            .any(|w| ORG_ROLES.contains(&singular(&self.word_text(w))));
        let any_capital = words
            .iter()
            .any(|w| w.capitalised && !DETERMINERS.contains(&self.word_text(w).as_str()));
        let role = words
            .iter()
            .any(|w| ROLES.contains(&singular(&self.word_text(w))));
        kind = if organisation || org_word {
            SourceKind::Organisation
        } else if vague {
            SourceKind::Vague
        } else if any_capital && role {
            SourceKind::Organisation
        } else if role {
            SourceKind::Vague
        } else if any_capital {
            SourceKind::Named
        } else {
            SourceKind::None
        };
        (kind, Some(text.to_string()), outlets)
    }

    /// The last run of two or more capitalised words that are not role or organisation words: a person's name.
    fn capitalised_name(&self, words: &[&Word]) -> Option<String> {
        let mut best: Option<Range<usize>> = None;
        let mut run: Option<Range<usize>> = None;
        let mut count = 0;
        for w in words {
            let lower = self.word_text(w);
            let plain = w.capitalised
                && !ROLES.contains(&singular(&lower))
                && !DETERMINERS.contains(&lower.as_str())
                && !matches!(
                    self.name_hit_at(w),
                    Some(Target::Source(_))
                        | Some(Target::Name {
                            role: NameRole::Alias | NameRole::Demonym,
                            ..
                        })
                );
            if plain {
                run = Some(run.map_or(w.span.clone(), |r| r.start..w.span.end));
                count += 1;
                if count >= 2 {
                    best = run.clone();
                }
            } else {
                run = None;
                count = 0;
            }
        }
        best.map(|r| self.text()[r].to_string())
    }
}

fn is_possessive(source: &str) -> bool {
    source.ends_with("'s") || source.ends_with("\u{2019}s")
}

fn singular(word: &str) -> &str {
    word.strip_suffix('s')
        .filter(|w| w.len() > 3)
        .unwrap_or(word)
}

fn trim_punct(text: &str, span: Range<usize>) -> Range<usize> {
    if span.start >= span.end {
        return span.start..span.start;
    }
    let body = &text[span.clone()];
    let junk = |c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '\u{2014}' | '\u{2013}' | '-')
    };
    let lead = body.len() - body.trim_start_matches(junk).len();
    let kept = body.trim_matches(junk);
    span.start + lead..span.start + lead + kept.len()
}

#[cfg(test)]
mod tests {
    use crate::analyze::analyze;
    use crate::ingest::Article;
    use crate::lexicon::Lexicon;

    fn rows(text: &str) -> Vec<Row> {
        let lexicon = Lexicon::builtin().expect("builtin");
        let article = Article::from_text("t", text);
        let a = analyze(&article, &lexicon);
        a.attributions
            .iter()
            .map(|r| {
                (
                    text[r.cue.clone()].to_string(),
                    r.source
                        .clone()
                        .map_or(String::new(), |s| text[s].to_string()),
                    r.kind.name().to_string(),
                    r.direct,
                )
            })
            .collect()
    }

    type Row = (String, String, String, bool);

    fn row(cue: &str, source: &str, kind: &str, direct: bool) -> Row {
        (cue.into(), source.into(), kind.into(), direct)
    }

    #[test]
    fn attribution_table() {
        let cases: Vec<(&str, Vec<Row>)> = vec![
            (
                "\"Taiwan is an integral part of China,\" Lavrov asserted.",
                vec![row("asserted", "Lavrov", "named", true)],
            ),
            (
                "Russian Foreign Minister Sergei Lavrov said Japan must think twice.",
                vec![row(
                    "said",
                    "Russian Foreign Minister Sergei Lavrov",
                    "named",
                    false,
                )],
            ),
            (
                "Geopolitical analysts say the stance is a payment.",
                vec![row("say", "Geopolitical analysts", "vague", false)],
            ),
            (
                "The plan failed, according to a source familiar with the talks.",
                vec![row(
                    "according to",
                    "a source familiar with the talks",
                    "anonymous",
                    false,
                )],
            ),
            ("Its aggressive claims over the sea grew.", vec![]),
            (
                "\"We will respond,\" said the Defence Ministry.",
                vec![row("said", "the Defence Ministry", "organisation", true)],
            ),
        ];
        for (text, want) in cases {
            let got = rows(text);
            for w in &want {
                assert!(got.contains(w), "{text:?}: wanted {w:?} in {got:?}");
            }
            if want.is_empty() {
                assert!(got.is_empty(), "{text:?}: wanted none, got {got:?}");
            }
        }
    }

    #[test]
    fn pronoun_carries_last_named_speaker() {
        let lexicon = Lexicon::builtin().expect("builtin");
        let text = "Sergei Lavrov said talks went well. He added that Japan should wait.";
        let article = Article::from_text("t", text);
        let a = analyze(&article, &lexicon);
        let speakers: Vec<_> = a.attributions.iter().map(|r| r.speaker.clone()).collect();
        assert_eq!(
            speakers,
            vec![Some("Sergei Lavrov".into()), Some("Sergei Lavrov".into())]
        );
    }
}

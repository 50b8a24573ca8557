//! Where a statement may come from: lines that are not prose (headings,
//! captions, datelines), speech nouns that stand for their speaker ("remarks
//! made by X"), subjects that cannot speak ("a new geopolitical reality
//! confirms"), and the person a pronoun stands for.

use std::ops::Range;

use super::grammar::{CLOSERS, DASHES, DETERMINERS, is_possessive};
use super::{Attribution, Finder};
use crate::analyze::words::word_at;
use crate::lexicon::{NameRole, Target};

/// Words at most before the mark of a dateline ("MOSCOW, Dec. 28 (Reuters) —").
const MAX_DATELINE_WORDS: usize = 8;
/// Words at most in a caption line or a heading.
const MAX_HEADING_WORDS: usize = 12;
/// Sentences looked back for a pronoun's person.
const PRONOUN_LOOKBACK_SENTENCES: usize = 4;

/// Gender a pronoun or a name says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    Female,
    Male,
    Unknown,
}

impl Finder<'_, '_> {
    /// The line holding byte `at`, trimmed.
    pub(super) fn line_at(&self, at: usize) -> Range<usize> {
        let text = self.text();
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let body = &text[start..end];
        let lead = body.len() - body.trim_start().len();
        start + lead..start + body.trim_end().len()
    }

    /// A heading or a caption: a short line that does not end as a sentence does.
    pub(super) fn heading_line(&self, at: usize) -> bool {
        let line = &self.text()[self.line_at(at)];
        let words = line.split_whitespace().count();
        (1..=MAX_HEADING_WORDS).contains(&words)
            && !line.ends_with(['.', '!', '?', ':', ';', ','])
            && !line.ends_with(CLOSERS)
    }

    /// The dateline that opens sentence `s`, through its mark: a place or an
    /// outlet before a colon or a dash at the start of a line, marked by a
    /// date in parentheses ("CaliToday (28/12/2025):"), by capitals
    /// ("WASHINGTON ―") or by an outlet's name ("(Reuters) —").
    pub(super) fn dateline(&self, s: usize) -> Option<Range<usize>> {
        let text = self.text();
        let sentence = self.sentence_span(s);
        if self.line_at(sentence.start).start != sentence.start {
            return None;
        }
        let end = super::grammar::char_floor(text, sentence.end.min(sentence.start + 120));
        let head = &text[sentence.start..end];
        let (at, mark) = head
            .char_indices()
            .find(|(_, c)| *c == ':' || DASHES.contains(c) && *c != '-')?;
        let after = &head[at + mark.len_utf8()..];
        if !after.starts_with(char::is_whitespace) {
            return None;
        }
        let prefix = head[..at].trim();
        let mut bare = String::new();
        let mut dated = false;
        let mut depth = 0;
        for c in prefix.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ if depth > 0 => dated |= c.is_ascii_digit(),
                _ => bare.push(c),
            }
        }
        let words: Vec<&str> = bare
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        if words.is_empty() || words.len() > MAX_DATELINE_WORDS {
            return None;
        }
        let capitals = words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
        let shouting = words[0].chars().count() >= 3 && words[0].chars().all(char::is_uppercase);
        let range = sentence.start..sentence.start + at + mark.len_utf8();
        let outlet = self
            .hits_within(&range)
            .any(|h| h.targets.iter().any(|t| matches!(t, Target::Source(_))));
        (capitals && (dated || shouting || outlet || prefix.contains('('))).then_some(range)
    }

    /// "according to remarks made by X", "according to X's statement": the
    /// speaker of the speech noun that follows byte `after`.
    pub(super) fn speech_source(&self, s: usize, after: usize) -> Option<Range<usize>> {
        let end = self.analysis.sentence_words[s].end;
        let words = self.words();
        let first = words.partition_point(|w| w.span.start < after);
        let mut possessor = None;
        let mut k = first;
        while k < end && k < first + 5 {
            let lower = self.lower(k);
            if self.rules().speech_nouns.contains(lower) {
                break;
            }
            if is_possessive(lower) {
                possessor = Some(k);
            } else if !(DETERMINERS.contains(&lower) || self.common_word(k) || words[k].capitalised)
            {
                return None;
            }
            k += 1;
        }
        if k >= end || k >= first + 5 {
            return None;
        }
        if let Some(p) = possessor {
            let span = self.np_left(self.analysis.sentence_words[s].start, p);
            let cut = self.text()[..span.end]
                .rfind(['\'', '\u{2019}'])
                .filter(|&i| i > span.start)?;
            return Some(span.start..cut);
        }
        // "remarks made by", "a statement from", "comments of"
        let mut m = k + 1;
        if m < end && self.is(m, &["made", "given", "issued", "released", "delivered"]) {
            m += 1;
        }
        if m < end && self.is(m, &["by", "from", "of"]) {
            return self.np_right(words[m].span.end, end, false);
        }
        None
    }

    /// Whether the source of a cue of the lists is the writer's inference or
    /// no speaker at all: a subject headed by an abstract noun ("Japan's
    /// military expansion threatens"), or a verb of showing whose subject
    /// cannot speak ("the remarks underscore").
    pub(super) fn mute_subject(&self, cue: &Range<usize>, source: &Range<usize>) -> bool {
        let words = self.words();
        let span = self.words_within(source);
        if span.is_empty() {
            return false;
        }
        let head = self.lower(span.end - 1);
        let head_singular = super::grammar::singular(head);
        let abstract_head = self.rules().abstract_nouns.contains(head)
            || self.rules().abstract_nouns.contains(head_singular);
        if abstract_head && self.names[span.end - 1].is_none() {
            return true;
        }
        let verb = self.text()[cue.clone()].to_lowercase();
        if !self.rules().inference_verbs.contains(&verb) {
            return false;
        }
        // "the remarks underscore", "a new geopolitical reality confirms": the
        // writer's reading of a thing said or a state of affairs ("polls
        // suggest" keeps its source)
        let speech_head = self.rules().speech_nouns.contains(head)
            || self.rules().speech_nouns.contains(head_singular);
        speech_head && words[span.end - 1].span.end <= cue.start
    }

    /// "Japan's military expansion threatens the passage": a verb of harm
    /// with a noun-phrase object and a subject that is no person is no report
    /// of speech ("threatened to sue" and "threatened that" are).
    pub(super) fn harm_with_object(
        &self,
        cue: &Range<usize>,
        source: Option<&Range<usize>>,
    ) -> bool {
        let verb = self.text()[cue.clone()].to_lowercase();
        if !self.rules().harm_verbs.contains(&verb) {
            return false;
        }
        let words = self.words();
        let next = word_at(words, cue.end);
        let rest = self.text()[cue.end..].trim_start();
        // a person who threatens or attacks someone may be speaking
        let speaker = source.is_some_and(|src| {
            let text = self.text()[src.clone()].to_lowercase();
            super::grammar::PRONOUNS.contains(&text.as_str())
                || self.hits_within(src).any(|h| {
                    h.targets.iter().any(|t| {
                        matches!(
                            t,
                            Target::Name {
                                role: NameRole::Person | NameRole::Surname,
                                ..
                            }
                        )
                    })
                })
        });
        !speaker
            && next < words.len()
            && words[next].sentence == words[word_at(words, cue.start)].sentence
            && !rest.starts_with(super::grammar::OPENERS)
            && !rest.starts_with([':', ','])
            && !self.is(next, &["to", "that"])
    }

    /// What a pronoun or a person's name says about gender.
    pub(super) fn gender_of_name(&self, name: &Range<usize>) -> Gender {
        let words = self.words();
        let w = word_at(words, name.start);
        if w > 0 {
            let title = self.lower(w - 1);
            let title = title.trim_end_matches('.');
            if matches!(title, "ms" | "mrs" | "miss" | "madam") {
                return Gender::Female;
            }
            if matches!(title, "mr" | "sir") {
                return Gender::Male;
            }
        }
        let given = self.lower(w.min(words.len().saturating_sub(1)));
        if self.rules().female_given_names.contains(given) {
            Gender::Female
        } else if self.rules().male_given_names.contains(given) {
            Gender::Male
        } else {
            Gender::Unknown
        }
    }

    /// The gender the first word of a full name says ("Sergei Lavrov").
    fn gender_of_given(&self, name: &str) -> Gender {
        let given = name.split_whitespace().next().unwrap_or("").to_lowercase();
        if self.rules().female_given_names.contains(&given) {
            Gender::Female
        } else if self.rules().male_given_names.contains(&given) {
            Gender::Male
        } else {
            Gender::Unknown
        }
    }

    /// The person a pronoun at `at` stands for: the latest person before it
    /// who is the subject of a sentence or a named source, on a line of prose
    /// (not a caption or a heading), whose gender does not clash.
    pub(super) fn person_before(&self, at: usize, pronoun: &str) -> Option<String> {
        let want = match pronoun {
            "he" | "him" | "his" => Gender::Male,
            "she" | "her" => Gender::Female,
            _ => Gender::Unknown,
        };
        let fits = |g: Gender| want == Gender::Unknown || g == Gender::Unknown || g == want;
        let words = self.words();
        let s = words.get(word_at(words, at))?.sentence;
        let earliest = s.saturating_sub(PRONOUN_LOOKBACK_SENTENCES);
        // named sources already found, latest first
        let from_rows = self
            .out
            .iter()
            .rev()
            .filter(|a| a.kind == super::SourceKind::Named && a.sentence >= earliest)
            .filter_map(|a: &Attribution| {
                let src = a.source.clone()?;
                let text = self.text()[src.clone()].to_lowercase();
                (src.end <= at && !super::grammar::PERSONAL.contains(&text.as_str()))
                    .then(|| (src, a.speaker.clone()))
            })
            .find(|(src, speaker)| {
                let gender = match self.gender_of_name(src) {
                    Gender::Unknown => self.gender_of_given(speaker.as_deref().unwrap_or("")),
                    known => known,
                };
                fits(gender)
            });
        // people who open a sentence of prose
        let hits = &self.analysis.hits;
        let hi = hits.partition_point(|(_, h)| h.start < at);
        let from_subjects = hits[..hi]
            .iter()
            .rev()
            .take_while(|(x, _)| *x >= earliest)
            .find_map(|(x, h)| {
                let person = h.targets.iter().find_map(|t| match t {
                    Target::Name { actor, role }
                        if matches!(role, NameRole::Person | NameRole::Surname)
                            || self.lexicon.actors[*actor as usize].kind == "person" =>
                    {
                        (*role != NameRole::Demonym).then_some(*actor)
                    }
                    _ => None,
                })?;
                let span = h.start..h.end;
                let line = self.line_at(h.start);
                let subject = self.subject_position(*x, &span);
                let label = &self.lexicon.actors[person as usize].label;
                let gender = match self.gender_of_name(&span) {
                    Gender::Unknown => self.gender_of_given(label),
                    known => known,
                };
                (subject && !self.heading_line(h.start) && line != span && fits(gender))
                    .then(|| (span, label.clone()))
            });
        match (from_rows, from_subjects) {
            (Some((a, sa)), Some((b, sb))) => Some(if a.start >= b.start { sa? } else { sb }),
            (Some((_, sa)), None) => sa,
            (None, Some((_, sb))) => Some(sb),
            (None, None) => None,
        }
    }

    /// Whether a name opens its sentence, after titles and modifiers only
    /// ("Russian Foreign Minister Lavrov issued …").
    fn subject_position(&self, s: usize, name: &Range<usize>) -> bool {
        let range = self.analysis.sentence_words[s].clone();
        let words = self.words();
        let w = word_at(words, name.start);
        (range.start..w).all(|k| words[k].capitalised || self.is(k, DETERMINERS))
            && w.saturating_sub(range.start) <= 6
    }

    /// Whether a cue's form lets its subject be read from before it: used to
    /// keep a quote that ends a sentence from the next sentence's speaker.
    pub(super) fn quote_in_sentence(&self, s: usize, q: usize) -> bool {
        let quote = &self.analysis.quotes[q];
        let sentence = self.sentence_span(s);
        let inner = self.text()[quote.inner.clone()].trim_end();
        quote.outer.start >= sentence.start || !inner.ends_with(['.', '!', '?'])
    }

    /// Whether a row repeats one already made: the same quotation, in the
    /// same sentence, from the same source ("“…,” Lavrov asserted,
    /// effectively endorsing …" is one statement).
    pub(super) fn same_statement(&self, a: &Attribution) -> bool {
        a.direct
            && self
                .out
                .iter()
                .rev()
                .take_while(|b| b.sentence == a.sentence)
                .any(|b| {
                    b.direct
                        && b.content == a.content
                        && (b.source == a.source || a.source.is_none())
                })
    }
}

//! Verb cues and their subjects: the walk left from a reporting verb, over
//! auxiliaries, adverbs, time phrases and appositives, to the noun phrase that says it.

use std::sync::LazyLock;

use super::grammar::*;
use super::*;

/// A set of closed-class words, hashed: every word of every article is
/// asked whether it may stand between a subject and its verb.
type WordSet = HashSet<&'static str, std::hash::BuildHasherDefault<crate::learn::model::Fnv>>;

/// [`BETWEEN`] and [`TIME_WORDS`].
static BETWEEN_OR_TIME: LazyLock<WordSet> =
    LazyLock::new(|| BETWEEN.iter().chain(TIME_WORDS).copied().collect());

/// [`TIME_WORDS`].
static TIME_SET: LazyLock<WordSet> = LazyLock::new(|| TIME_WORDS.iter().copied().collect());

impl Finder<'_, '_> {
    pub(super) fn verb_cue(&self, s: usize, cue: &Cue) -> Option<Attribution> {
        let range = self.analysis.sentence_words[s].clone();
        let form = Form::of(self.text().slice(cue.span.clone()));
        let j = word_at(self.words(), cue.span.start);
        if self.noun_use(j, range.start, form) || self.reading_participle(s, j, form) {
            return None;
        }
        let (source, inverted) = match self.inverted_source(s, cue, form) {
            Some(src) => (Some(src), true),
            None => (self.subject(s, j, cue, form), false),
        };
        let source = source
            .filter(|src| !is_possessive(self.text().slice(src.clone())))
            .and_then(|src| self.speaker_of_speech_noun(src))
            .filter(|src| inverted || !self.expletive_it(src, j));
        if source
            .as_ref()
            .is_some_and(|src| self.mute_subject(&cue.span, src))
            || self.harm_with_object(&cue.span, source.as_ref())
        {
            return None;
        }
        if source.is_none() && !self.verbal_without_subject(s, cue, form) {
            return None;
        }
        // a quote that ends the sentence before belongs to that sentence's
        // speaker; a quote before the main verb is the main verb's, not a
        // participle's (", adding that …" says something of its own)
        let anchor = match (&source, form) {
            (Some(r), f) if f != Form::Participle => r.start.min(cue.span.start),
            _ => cue.span.start,
        };
        let quote_before = self
            .quote_before(anchor)
            .filter(|&q| self.quote_in_sentence(s, q));
        let after = source
            .as_ref()
            .filter(|_| inverted)
            .map_or(cue.span.end, |r| r.end);
        let quote = quote_before.or_else(|| self.quote_after(after, s));
        let (content, direct) = match quote {
            Some(q) => (self.analysis.quotes[q].inner.clone(), true),
            None => (self.indirect_content(s, after, source.as_ref(), cue), false),
        };
        let mut found = self.attribution(s, cue, source, content, direct);
        for outlet in self.addressed_outlets(s, cue) {
            if !found.outlets.contains(&outlet) {
                found.outlets.push(outlet);
            }
        }
        Some(found)
    }

    /// ", effectively endorsing …", ", thereby conceding …": a participle
    /// after an adverb of interpretation is the writer's reading of the
    /// statement before it, not a new statement.
    pub(super) fn reading_participle(&self, s: usize, j: usize, form: Form) -> bool {
        let first = self.analysis.sentence_words[s].start;
        form == Form::Participle
            && j > first + 1
            && self.is(j - 1, READING_ADVERBS)
            && self.text()[self.words()[j - 2].span.end..self.words()[j - 1].span.start]
                .contains(',')
    }

    /// Whether the rules refuse a cue outright, whatever the tagger says: a
    /// verb of harm with an object, or a subject that cannot speak.
    pub(super) fn refused(&self, s: usize, cue: &Cue) -> bool {
        let form = Form::of(&self.text()[cue.span.clone()]);
        let j = word_at(self.words(), cue.span.start);
        let subject = self.subject(s, j, cue, form);
        self.harm_with_object(&cue.span, subject.as_ref())
            || subject.is_some_and(|src| self.mute_subject(&cue.span, &src))
    }

    /// Whether a cue with no subject found is still surely a verb: a past form
    /// ("said"), or a participle opening a clause after a comma (", saying").
    pub(super) fn verbal_without_subject(&self, s: usize, cue: &Cue, form: Form) -> bool {
        match form {
            Form::Past => true,
            Form::Participle => {
                let sentence = self.sentence_span(s);
                self.text()
                    .slice(sentence.start..cue.span.start)
                    .trim_end()
                    .ends_with(',')
            }
            Form::ThirdPerson | Form::Base => self.verbal_after(cue.span.end),
        }
    }

    /// Whether what follows a cue is a clause or a quotation ("says he", "claims
    /// that", "says: “…"), which only a verb takes: "its claims over" is a noun.
    pub(super) fn verbal_after(&self, at: usize) -> bool {
        let rest = self.text().slice(at..).trim_start();
        if rest.starts_with(OPENERS) || rest.starts_with(':') {
            return true;
        }
        let next: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '\'')
            .flat_map(char::to_lowercase)
            .collect();
        CLAUSE_OPENERS.contains(&next.as_str())
    }

    /// A cue word used as a noun: after a determiner or a possessive ("its
    /// claims", "Trump's remarks"), or a participle used as a noun ("a warning").
    pub(super) fn noun_use(&self, j: usize, first: usize, _form: Form) -> bool {
        if j <= first || j >= self.words().len() {
            return false;
        }
        let prev = j - 1;
        let words = self.words();
        let gap = self.text().slice(words[prev].span.end..words[j].span.start);
        if !gap.chars().all(char::is_whitespace) {
            return false;
        }
        let lower = self.lower(prev);
        NOUN_MARKERS.contains(&lower) || is_possessive(lower)
    }

    /// "…," said Lavrov: after a quote or a comma, a noun phrase that ends the clause.
    pub(super) fn inverted_source(&self, s: usize, cue: &Cue, form: Form) -> Option<Range<usize>> {
        if form == Form::Participle || !self.inverted(s, cue.span.start) {
            return None;
        }
        let end = self.analysis.sentence_words[s].end;
        self.np_right(cue.span.end, end, true)
            .filter(|src| self.ends_clause(src.end))
    }

    /// The subject of a verb cue, read leftwards from word `j`.
    pub(super) fn subject(
        &self,
        s: usize,
        j: usize,
        cue: &Cue,
        form: Form,
    ) -> Option<Range<usize>> {
        let first = self.analysis.sentence_words[s].start;
        match self.left_head(s, j, cue.span.start) {
            // "distanced himself by saying", "while claiming": the gerund's
            // subject is the subject of the clause it modifies
            Head::Word(k)
                if form == Form::Participle && k + 1 == j && self.is(k, GERUND_PREPOSITIONS) =>
            {
                self.clause_subject(s, cue)
            }
            Head::Word(k) => self.subject_at(first, k, form, cue),
            Head::Comma(_) | Head::Coordinated if form == Form::Participle => {
                self.clause_subject(s, cue)
            }
            Head::Comma(k) => self.appositive_subject(s, k),
            Head::Coordinated => self.clause_subject(s, cue),
            Head::Relative(k) => self.antecedent(first, k),
            Head::Nothing => None,
        }
    }

    /// "Her declaration … stating", "Lavrov's remarks suggesting": a speech
    /// noun is no speaker; its owner is, when named by a possessive. An
    /// unowned one ("the statement said") is a document cited as it stands.
    pub(super) fn speaker_of_speech_noun(&self, src: Range<usize>) -> Option<Range<usize>> {
        let span = self.words_within(&src);
        if span.is_empty() {
            return Some(src);
        }
        let head = self.lower(span.end - 1);
        let speech = self.rules().speech_nouns.contains(head)
            || self.rules().speech_nouns.contains(singular(head));
        if !speech {
            return Some(src);
        }
        let words = self.words();
        for k in span.start..span.end - 1 {
            let lower = self.lower(k);
            if matches!(lower, "her" | "his") {
                return Some(words[k].span.clone());
            }
            if is_possessive(lower) {
                let cut = self.text()[..words[k].span.end].rfind(['\'', '\u{2019}'])?;
                return (cut > words[span.start].span.start)
                    .then(|| words[span.start].span.start..cut);
            }
        }
        Some(src)
    }

    /// "It is well known that …", "it was reported": an "it" before a form of
    /// "be" and the cue is the empty subject of a passive, not a speaker.
    pub(super) fn expletive_it(&self, src: &Range<usize>, j: usize) -> bool {
        let span = self.words_within(src);
        span.len() == 1
            && self.lower(span.start) == "it"
            && (span.end..j).any(|k| BE_FORMS.contains(&self.lower(k)))
    }

    /// Walks left from the verb over auxiliaries, adverbs, time phrases and parentheses.
    pub(super) fn left_head(&self, s: usize, j: usize, cue_start: usize) -> Head {
        let words = self.words();
        let sentence = self.sentence_span(s);
        let first = self.analysis.sentence_words[s].start;
        let (mut k, mut at, mut skipped) = (j, cue_start, 0);
        while k > first && skipped <= 6 {
            let w = &words[k - 1];
            let gap = self.text().slice(w.span.end..at.max(w.span.end));
            // most gaps are one space: none of the tests below can hold
            let plain = gap.bytes().all(|b| b == b' ');
            if !plain && gap.contains(')') {
                let lo = char_floor(
                    self.text(),
                    w.span.end.saturating_sub(80).max(sentence.start),
                );
                let Some(open) = self.text().slice(lo..w.span.end).rfind('(') else {
                    return Head::Nothing;
                };
                at = lo + open;
                k = word_at(words, at);
                skipped += 1;
                continue;
            }
            if !plain && (gap.contains(',') || gap.contains(DASHES)) {
                return Head::Comma(k - 1);
            }
            if !plain && !gap.chars().all(|c| c.is_whitespace() || c == '\'') {
                return Head::Nothing;
            }
            let lower = self.lower(k - 1);
            if self.skip[k - 1] {
                skipped += 1;
                k -= 1;
                at = w.span.start;
                continue;
            }
            if COORDINATORS.contains(&lower) {
                return Head::Coordinated;
            }
            if RELATIVES.contains(&lower) {
                return Head::Relative(k - 1);
            }
            return Head::Word(k - 1);
        }
        Head::Nothing
    }

    /// An auxiliary, an adverb, or part of a time phrase ("in 2010", "on Monday").
    pub(super) fn skippable(&self, w: usize, lower: &str) -> bool {
        let word = &self.words()[w];
        BETWEEN_OR_TIME.contains(lower)
            || (lower.ends_with("ly") && !word.capitalised && lower.len() > 4)
            || lower.chars().all(|c| c.is_ascii_digit())
            || (TIME_PREPOSITIONS.contains(&lower)
                && w + 1 < self.words().len()
                && self.time_word(w + 1))
    }

    pub(super) fn time_word(&self, w: usize) -> bool {
        let lower = self.lower(w);
        TIME_SET.contains(lower) || lower.chars().all(|c| c.is_ascii_digit())
    }

    /// The subject noun phrase ending at word `k`, if `k` can end one for this verb form.
    pub(super) fn subject_at(
        &self,
        first: usize,
        k: usize,
        form: Form,
        cue: &Cue,
    ) -> Option<Range<usize>> {
        let cue_end = cue.span.end;
        let lower = self.lower(k);
        if PRONOUNS.contains(&lower) {
            return Some(self.words()[k].span.clone());
        }
        if NOT_HEAD.contains(&lower) || (self.cue_words[k] && !self.noun_at(first, k)) {
            return None;
        }
        // a capital that only opens the sentence says nothing ("Territorial
        // claims"), unless the word is capitalised elsewhere too ("Clinton")
        let initial_only = k == first
            && self.names[k].is_none()
            && !self.role_noun(lower)
            && !self.capitalised_elsewhere(lower);
        let strong = self.nounish(k) || self.verbal_after(cue_end);
        let fits = match form {
            Form::Past => true,
            Form::ThirdPerson if self.plural_noun_too(cue) => {
                (self.nounish(k) && !initial_only) || self.verbal_after(cue_end)
            }
            Form::ThirdPerson => true,
            Form::Participle => strong,
            Form::Base => {
                strong
                    || (lower.ends_with('s') && !lower.ends_with("ss"))
                    || self.rules().unmarked_plurals.contains(lower)
            }
        };
        fits.then(|| self.np_left(first, k))
    }

    /// Whether a cue in "-s" is also a plural noun ("claims", "reports"): only
    /// then can the word before it be a noun modifier rather than its subject
    /// ("territorial claims" against "the billionaire businessman says").
    pub(super) fn plural_noun_too(&self, cue: &Cue) -> bool {
        let first = self
            .text()
            .slice(cue.span.clone())
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_lowercase();
        self.rules().noun_homographs.contains(&first)
    }

    /// Whether the cue word at `k` is a noun ("new fundraising reports", "the
    /// reports"): a plural after a determiner, a possessive or a lowercase modifier.
    pub(super) fn noun_at(&self, first: usize, k: usize) -> bool {
        let form = Form::of(self.lower(k));
        k > first
            && form == Form::ThirdPerson
            && (self.is(k - 1, NOUN_MARKERS)
                || is_possessive(self.lower(k - 1))
                || self.common_word(k - 1))
    }

    /// "Eaton, a nominal Republican, said": the noun phrase before the appositive.
    pub(super) fn appositive_subject(&self, s: usize, k: usize) -> Option<Range<usize>> {
        let words = self.words();
        let sentence = self.sentence_span(s);
        let first = self.analysis.sentence_words[s].start;
        let lo = char_floor(
            self.text(),
            words[k].span.start.saturating_sub(200).max(sentence.start),
        );
        let gap = self.text().slice(words[k].span.end..);
        let delimiter = gap.chars().find(|c| *c == ',' || DASHES.contains(c))?;
        let before = self.text().slice(lo..words[k].span.start);
        let comma = lo + before.rfind(delimiter)?;
        let inside = self
            .text()
            .slice(comma + delimiter.len_utf8()..words[k].span.start);
        if inside.contains(OPENERS) || inside.contains(CLOSERS) {
            return None;
        }
        let m = word_at(words, comma);
        if m <= first || k + 1 - m > MAX_APPOSITIVE_WORDS {
            return None;
        }
        let head = m - 1;
        let gap = self.text().slice(words[head].span.end..comma);
        let fits = self.nounish(head) || self.is(head, PRONOUNS) || self.common_word(head);
        (gap.trim().is_empty() && fits).then(|| self.np_left(first, head))
    }

    /// "Barkley, who said": the noun phrase the relative pronoun at `k` stands for.
    pub(super) fn antecedent(&self, first: usize, k: usize) -> Option<Range<usize>> {
        if k <= first {
            return None;
        }
        let words = self.words();
        let gap = self
            .text()
            .slice(words[k - 1].span.end..words[k].span.start);
        if !gap.chars().all(|c| c.is_whitespace() || c == ',') {
            return None;
        }
        let head = k - 1;
        let lower = self.lower(head);
        if NOT_HEAD.contains(&lower) || self.cue_words[head] {
            return None;
        }
        Some(self.np_left(first, head))
    }

    /// The subject of the clause a coordinated verb or participle belongs to:
    /// the source of the sentence's previous statement, else its first noun phrase.
    pub(super) fn clause_subject(&self, s: usize, cue: &Cue) -> Option<Range<usize>> {
        if let Some(prev) = self
            .out
            .last()
            .filter(|a| a.sentence == s && a.cue.end <= cue.span.start && a.source.is_some())
        {
            return prev.source.clone();
        }
        let range = self.analysis.sentence_words[s].clone();
        let start = self.words().get(range.start)?.span.start;
        let start = self.dateline(s).map_or(start, |d| d.end);
        self.np_right(start, range.end, false)
            .filter(|src| src.end <= cue.span.start)
    }
}

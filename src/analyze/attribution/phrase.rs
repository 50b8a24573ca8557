//! Noun-phrase bounds: how far a source phrase reaches on either side of its head.

use super::grammar::*;
use super::*;

impl Finder<'_, '_> {
    pub(super) fn nounish(&self, w: usize) -> bool {
        let lower = self.lower(w);
        if STOPS.contains(&lower) || NOT_HEAD.contains(&lower) {
            return false;
        }
        self.words()[w].capitalised || self.role_noun(lower) || self.names[w].is_some()
    }

    pub(super) fn is_vague_head(&self, w: usize) -> bool {
        matches!(self.names[w], Some(Target::Term(_)))
    }

    /// Whether only spaces and hyphen/abbreviation glue separate two adjacent words.
    pub(super) fn glued(&self, left: usize, right: usize) -> bool {
        let words = self.words();
        let gap = self
            .text()
            .slice(words[left].span.end..words[right].span.start);
        gap.chars()
            .all(|c| c.is_whitespace() || matches!(c, '-' | '.'))
            && !gap.contains("  ")
            && !gap.contains('\n')
    }

    /// A plain lowercase word that can modify or head a noun ("six-million people").
    pub(super) fn common_word(&self, w: usize) -> bool {
        let lower = self.lower(w);
        !self.words()[w].capitalised
            && !self.cue_words[w]
            && ![NOT_HEAD, STOPS, BETWEEN, COORDINATORS]
                .iter()
                .any(|list| list.contains(&lower))
    }

    /// The noun phrase that ends at word `head`, read leftwards.
    pub(super) fn np_left(&self, first: usize, head: usize) -> Range<usize> {
        let mut k = head;
        while k > first && head + 1 - k < MAX_SOURCE_WORDS {
            let w = k - 1;
            if !self.glued(w, k) || !self.joins_left(first, w, k) {
                break;
            }
            k -= 1;
        }
        while k < head && self.is(k, CONNECTORS) {
            k += 1;
        }
        let words = self.words();
        self.widen(words[k].span.start..words[head].span.end)
    }

    /// Whether word `w` belongs to the noun phrase that starts at word `right`.
    pub(super) fn joins_left(&self, first: usize, w: usize, right: usize) -> bool {
        if self.is(right, DETERMINERS) {
            return self.is(w, CONNECTORS) && w > first && self.nounish(w - 1);
        }
        if self.is(w, CONNECTORS) {
            return w > first && self.nounish(w - 1) && self.nounish(right);
        }
        let right_common = !self.words()[right].capitalised
            || self.role_noun(self.lower(right))
            || self.is_vague_head(right);
        self.nounish(w)
            || self.is(w, DETERMINERS)
            || is_number(self.lower(w))
            || (right_common && self.common_word(w))
    }

    /// The noun phrase that starts after byte `after`, read rightwards. `lenient` lets it
    /// take more plain lowercase words ("said six-million people who…").
    pub(super) fn np_right(&self, after: usize, end: usize, lenient: bool) -> Option<Range<usize>> {
        let words = self.words();
        let start = words.partition_point(|w| w.span.start < after);
        if start >= end {
            return None;
        }
        let gap = self.text().slice(after..words[start].span.start);
        if gap
            .chars()
            .any(|c| matches!(c, '.' | ';' | ':' | '"' | '\u{201C}' | '\u{201D}'))
        {
            return None;
        }
        if self.is(start, PRONOUNS) {
            return Some(words[start].span.clone());
        }
        let limit = if lenient { 3 } else { 1 };
        let (mut k, mut common) = (start, 0);
        while k < end && k - start < MAX_SOURCE_WORDS {
            if k > start && !self.glued(k - 1, k) {
                break;
            }
            let lower = self.lower(k);
            let plain =
                k > start && common < limit && self.common_word(k) && !lower.ends_with("ed");
            let joins = self.nounish(k)
                || DETERMINERS.contains(&lower)
                || is_number(lower)
                || (CONNECTORS.contains(&lower) && k + 1 < end && self.nounish(k + 1))
                || (!words[k].capitalised && k + 1 < end && self.is_vague_head(k + 1))
                || plain;
            if !joins {
                break;
            }
            common += usize::from(plain && !self.nounish(k));
            k += 1;
        }
        while k > start && (self.is(k - 1, CONNECTORS) || self.is(k - 1, DETERMINERS)) {
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
    pub(super) fn complete(&self, span: Range<usize>, sentence_end_word: usize) -> Range<usize> {
        let text = self.text();
        let last = text
            .slice(span.clone())
            .rsplit(' ')
            .next()
            .unwrap_or("")
            .to_lowercase();
        if !matches!(last.as_str(), "with" | "of" | "to" | "on" | "about") {
            return span;
        }
        let words = self.words();
        let mut k = words.partition_point(|w| w.span.start < span.end);
        let mut end = span.end;
        let mut taken = 0;
        while k < sentence_end_word && taken < 5 {
            let w = &words[k];
            if text
                .slice(end..w.span.start)
                .contains([',', '.', ';', ':', '"'])
            {
                break;
            }
            end = w.span.end;
            taken += 1;
            k += 1;
        }
        span.start..end
    }

    /// Grows a source span to cover every lexicon name or source phrase it cuts through.
    pub(super) fn widen(&self, mut span: Range<usize>) -> Range<usize> {
        let hits = &self.analysis.hits;
        let words = self.words();
        let mut i = hits.partition_point(|(_, h)| h.end <= span.start);
        while let Some((_, hit)) = hits.get(i).filter(|(_, h)| h.start < span.end) {
            let w = word_at(words, hit.start);
            let named = words
                .get(w)
                .is_some_and(|word| word.span.start == hit.start)
                && self.names.get(w).is_some_and(Option::is_some);
            if named {
                span.start = span.start.min(hit.start);
                span.end = span.end.max(hit.end);
            }
            i += 1;
        }
        span
    }

    /// Whether the cue follows a quote, a comma or a dash: "…," said X.
    pub(super) fn inverted(&self, s: usize, cue_start: usize) -> bool {
        let sentence = self.sentence_span(s);
        let before = self.text().slice(sentence.start..cue_start).trim_end();
        before.ends_with([',', '\u{2014}', '\u{2013}']) || before.ends_with(CLOSERS)
    }

    /// Whether a clause ends after `at`: punctuation, the sentence end, or a time/place phrase.
    pub(super) fn ends_clause(&self, at: usize) -> bool {
        let rest = self.text().slice(at..).trim_start();
        let next_word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
        rest.is_empty()
            || rest.starts_with([',', '.', ';', ':', '!', '?', '\n', '('])
            || rest.starts_with(DASHES)
            || STOPS.contains(&next_word.to_lowercase().as_str())
    }

    /// A title-case line ("Russia Backs China, Warns Japan"): words there are not cues.
    pub(super) fn headline(&self, range: Range<usize>) -> bool {
        let long: Vec<&Word> = self.analysis.words[range]
            .iter()
            .filter(|w| w.span.len() >= 4)
            .collect();
        long.len() >= 3 && long.iter().filter(|w| w.capitalised).count() * 10 >= long.len() * 7
    }
}

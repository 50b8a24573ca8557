//! Phrase cues ("according to"), agentless passives, colons and dashes, and the
//! quotation or clause each cue introduces as content.

use super::grammar::*;
use super::*;

impl Finder<'_, '_> {
    pub(super) fn phrase_cue(&self, s: usize, cue: &Cue) -> Attribution {
        let range = self.analysis.sentence_words[s].clone();
        let source = self
            .speech_source(s, cue.span.end)
            .or_else(|| self.np_right(cue.span.end, range.end, false));
        let sentence = self.sentence_span(s);
        let after = source.as_ref().map_or(cue.span.end, |r| r.end);
        let before = trim_punct(self.text(), sentence.start..cue.span.start);
        let content = if before.is_empty() {
            trim_punct(self.text(), after..sentence.end)
        } else {
            before
        };
        let (content, direct) = match self.quote_after(after, s) {
            Some(q) => (self.analysis.quotes[q].inner.clone(), true),
            None => (content, false),
        };
        self.attribution(s, cue, source, content, direct)
    }

    /// A verb in a title-case headline, where capitals say nothing about where
    /// a name ends: the source is every word between the start of the verb's
    /// clause and the verb ("Former Clinton Pollster Says …", "…, Trevor Noah
    /// Says"), if it is short enough to be a name or a role. Only "-s" and
    /// past forms that are not also nouns count.
    pub(super) fn headline_cue(&self, s: usize, cue: &Cue) -> Option<Attribution> {
        // "Issues Pointed Warning", "Trump Calls": a capitalised -ing form or
        // plural noun is as likely a noun as a verb
        let form = Form::of(self.text().slice(cue.span.clone()));
        if !matches!(form, Form::Past | Form::ThirdPerson) || self.plural_noun_too(cue) {
            return None;
        }
        let sentence = self.sentence_span(s);
        // a source of at most a few words: look back a bounded stretch only
        let lo = char_floor(
            self.text(),
            cue.span
                .start
                .saturating_sub(HEADLINE_LOOKBACK)
                .max(sentence.start),
        );
        let before = self.text().slice(lo..cue.span.start);
        let clause = before
            .rfind([',', ';', ':', '\u{2014}', '\u{2013}', '|', '\n'])
            .map_or(lo, |i| {
                lo + i + before.slice(i..).chars().next().map_or(1, char::len_utf8)
            });
        let source = trim_punct(self.text(), clause..cue.span.start);
        let words = self.text().slice(source.clone()).split_whitespace().count();
        if words == 0 || words > MAX_HEADLINE_SOURCE_WORDS || self.in_quote(source.start) {
            return None;
        }
        let content = self.indirect_content(s, cue.span.end, Some(&source), cue);
        Some(self.attribution(s, cue, Some(source), content, false))
    }

    /// "it is widely believed that …": the phrase is both the cue and its
    /// vague source. A passive with its agent after all ("is widely viewed by geopolitical
    /// analysts") takes the agent as its source, whose kind its words decide.
    pub(super) fn agentless_cue(&self, s: usize, cue: &Cue) -> Attribution {
        if let Some(agent) = self.agent_after(s, cue.span.end) {
            let content = self.indirect_content(s, agent.end, Some(&agent), cue);
            return self.attribution(s, cue, Some(agent), content, false);
        }
        let content = self.indirect_content(s, cue.span.end, None, cue);
        let mut a = self.attribution(s, cue, Some(cue.span.clone()), content, false);
        a.kind = SourceKind::Vague;
        a
    }

    /// The noun phrase after "by" right after a passive cue.
    fn agent_after(&self, s: usize, at: usize) -> Option<Range<usize>> {
        let rest = self.text().slice(at..);
        let by = rest.len() - rest.trim_start().len();
        if !rest
            .slice(by..)
            .get(..3)
            .is_some_and(|w| w.eq_ignore_ascii_case("by "))
        {
            return None;
        }
        let end = self.analysis.sentence_words[s].end;
        self.np_right(at + by + "by".len(), end, true)
    }

    /// Colons and dashes that introduce or sign a quotation.
    pub(super) fn mark_cues(&self, s: usize) -> Vec<Cue> {
        let span = self.sentence_span(s);
        self.text()
            .slice(span.clone())
            .char_indices()
            .filter(|(_, c)| *c == ':' || DASHES.contains(c))
            .map(|(i, c)| (span.start + i, c))
            .filter(|&(at, c)| {
                if c == ':' {
                    self.colon_is_cue(s, at)
                } else {
                    self.dash_is_cue(s, at, c)
                }
            })
            .map(|(at, c)| Cue {
                span: at..at + c.len_utf8(),
                loaded: false,
                kind: CueKind::Mark,
            })
            .collect()
    }

    /// "led in a new Fox News poll", "fourth in every statewide poll": "in"
    /// before a noun phrase headed by a poll noun (`poll_nouns` in rules.toml)
    /// cites the poll as the source of the figures.
    pub(super) fn poll_cues(&self, s: usize) -> Vec<Cue> {
        self.analysis.sentence_words[s]
            .clone()
            .filter(|&w| {
                self.text()
                    .slice(self.words()[w].span.clone())
                    .eq_ignore_ascii_case("in")
                    && self.poll_head(s, w).is_some()
            })
            .map(|w| Cue {
                span: self.words()[w].span.clone(),
                loaded: false,
                kind: CueKind::Poll,
            })
            .collect()
    }

    /// The poll noun that heads the phrase after "in" at word `w`.
    fn poll_head(&self, s: usize, w: usize) -> Option<usize> {
        let end = self.analysis.sentence_words[s].end;
        (w + 1..end)
            .take(MAX_POLL_PHRASE_WORDS)
            .take_while(|&k| (k == w + 1 || self.glued(k - 1, k)) && !self.is(k, NOT_HEAD))
            .find(|&k| self.rules().poll_nouns.contains(self.lower(k)))
    }

    /// The poll is the source; what it found is the rest of the sentence.
    pub(super) fn poll_cue(&self, s: usize, cue: &Cue) -> Option<Attribution> {
        let w = word_at(self.words(), cue.span.start);
        let head = self.poll_head(s, w)?;
        let source = self.words()[w + 1].span.start..self.words()[head].span.end;
        let sentence = self.sentence_span(s);
        let content = trim_punct(self.text(), sentence.start..cue.span.start);
        Some(self.attribution(s, cue, Some(source), content, false))
    }

    pub(super) fn colon_is_cue(&self, s: usize, at: usize) -> bool {
        let next = self
            .text()
            .slice(at + 1..)
            .trim_start_matches([' ', '\u{a0}']);
        if next.starts_with(|c: char| c.is_ascii_digit() || c == '/') {
            return false;
        }
        let w = word_at(self.words(), at);
        let after_cue_word = w > self.analysis.sentence_words[s].start && self.cue_words[w - 1];
        if after_cue_word || self.dateline(s).is_some_and(|d| d.end == at + 1) {
            return false;
        }
        // "The Quid Pro Quo: Ukraine for Taiwan" is a heading, not a speaker's line
        self.quote_follows(at + 1).is_some()
            || self.line_name(s, at).is_some_and(|name| {
                let first = word_at(self.words(), name.start);
                !self.heading_line(at) || !self.is(first, DETERMINERS)
            })
    }

    /// A dash at the start of a line or after a quote, before a name ("— Paul Ryan"),
    /// or between a name and a quote.
    pub(super) fn dash_is_cue(&self, s: usize, at: usize, dash: char) -> bool {
        let text = self.text();
        let before = text.slice(self.line_start(s, at)..at);
        let after = text.slice(at + dash.len_utf8()..);
        if dash == '-' && !(after.starts_with(char::is_whitespace) && before.trim().is_empty()) {
            return false;
        }
        let signs = (before.trim().is_empty() || before.trim_end().ends_with(CLOSERS))
            && self.dash_name(s, at, dash).is_some();
        signs
            || (self.quote_follows(at + dash.len_utf8()).is_some()
                && self.left_name(s, at).is_some())
    }

    pub(super) fn mark_cue(&self, s: usize, cue: &Cue) -> Option<Attribution> {
        let mark = self.text().slice(cue.span.clone()).chars().next()?;
        let source = if mark == ':' {
            self.line_name(s, cue.span.start)
                .or_else(|| self.left_name(s, cue.span.start))
        } else {
            self.dash_name(s, cue.span.start, mark)
                .or_else(|| self.left_name(s, cue.span.start))
        };
        let quote = self
            .quote_follows(cue.span.end)
            .or_else(|| self.quote_before(cue.span.start));
        let (content, direct) = match quote {
            Some(q) => (self.analysis.quotes[q].inner.clone(), true),
            None => {
                let end = self.sentence_span(s).end;
                (trim_punct(self.text(), cue.span.end..end), false)
            }
        };
        if source.is_none() && quote.is_none() {
            return None;
        }
        Some(self.attribution(s, cue, source, content, direct))
    }

    /// Byte where the line holding `at` starts (bounded by the sentence start).
    pub(super) fn line_start(&self, s: usize, at: usize) -> usize {
        let sentence = self.sentence_span(s);
        let lo = char_floor(self.text(), at.saturating_sub(200).max(sentence.start));
        self.text()
            .slice(lo..at)
            .rfind('\n')
            .map_or(lo, |i| lo + i + 1)
    }

    /// A short capitalised name alone between the start of the line and byte `at`
    /// ("Graham:", "JAKE TAPPER:").
    pub(super) fn line_name(&self, s: usize, at: usize) -> Option<Range<usize>> {
        let text = self.text();
        let start = self.line_start(s, at);
        let head = text.slice(start..at);
        let words = self.words();
        let (lo, hi) = (word_at(words, start), word_at(words, at));
        let n = hi.saturating_sub(lo);
        if n == 0 || n > MAX_COLON_NAME_WORDS || head.contains(['"', '\u{201C}', ',', '.']) {
            return None;
        }
        let all_names = (lo..hi).all(|w| self.nounish(w) || self.is(w, CONNECTORS));
        (all_names && words[lo].capitalised).then(|| trim_punct(text, start..at))
    }

    /// A noun phrase ending right before the mark at `at` (only spaces between).
    pub(super) fn left_name(&self, s: usize, at: usize) -> Option<Range<usize>> {
        let words = self.words();
        let first = self.analysis.sentence_words[s].start;
        let k = word_at(words, at);
        if k <= first
            || !self
                .text()
                .slice(words[k - 1].span.end..at)
                .trim()
                .is_empty()
        {
            return None;
        }
        let head = k - 1;
        (self.nounish(head) || self.is(head, PRONOUNS)).then(|| self.np_left(first, head))
    }

    /// The capitalised name after a dash ("— Paul Ryan (@SpeakerRyan)").
    pub(super) fn dash_name(&self, s: usize, at: usize, dash: char) -> Option<Range<usize>> {
        let end = self.analysis.sentence_words[s].end;
        let start = at + dash.len_utf8();
        let first = word_at(self.words(), start);
        (first < end && self.words()[first].capitalised && self.nounish(first))
            .then(|| self.np_right(start, end, false))
            .flatten()
            .filter(|src| self.ends_clause(src.end))
    }
}

/// Quotations near a cue, and the content of indirect speech.
impl Finder<'_, '_> {
    /// A quotation that ends right before `at` (only commas, dashes, spaces between).
    pub(super) fn quote_before(&self, at: usize) -> Option<usize> {
        let quotes = &self.analysis.quotes;
        let k = quotes.partition_point(|q| q.outer.end <= at);
        let q = k.checked_sub(1)?;
        let end = quotes[q].outer.end;
        (at - end <= 4
            && self
                .text()
                .slice(end..at)
                .chars()
                .all(|c| c.is_whitespace() || c == ',' || DASHES.contains(&c)))
        .then_some(q)
    }

    /// A quotation that opens shortly after `at`, in the same sentence.
    pub(super) fn quote_after(&self, at: usize, s: usize) -> Option<usize> {
        let sentence_end = self.sentence_span(s).end;
        let quotes = &self.analysis.quotes;
        let k = quotes.partition_point(|q| q.outer.start < at);
        quotes
            .iter()
            .enumerate()
            .skip(k)
            .take(3)
            .find(|(_, q)| {
                q.outer.start < sentence_end
                    && q.outer.start - at <= MAX_QUOTE_GAP
                    && !self.text().slice(at..q.outer.start).contains(['.', ';'])
                    && q.words > 4
            })
            .map(|(i, _)| i)
    }

    /// A quotation opening right after `at`, across spaces and line breaks only.
    pub(super) fn quote_follows(&self, at: usize) -> Option<usize> {
        let quotes = &self.analysis.quotes;
        let k = quotes.partition_point(|q| q.outer.start < at);
        let q = quotes.get(k)?;
        (q.outer.start - at <= 8 && self.text().slice(at..q.outer.start).trim().is_empty())
            .then_some(k)
    }

    pub(super) fn indirect_content(
        &self,
        s: usize,
        after: usize,
        source: Option<&Range<usize>>,
        cue: &Cue,
    ) -> Range<usize> {
        let sentence = self.sentence_span(s);
        let window = self
            .text()
            .slice(after..char_floor(self.text(), (after + 48).min(sentence.end)));
        let skip = window.find(" that ").map_or(0, |i| i + " that ".len());
        let content = trim_punct(self.text(), after + skip..sentence.end);
        if self
            .text()
            .slice(content.clone())
            .split_whitespace()
            .take(2)
            .count()
            > 1
        {
            return content;
        }
        let until = source.map_or(cue.span.start, |r| r.start.min(cue.span.start));
        let before = trim_punct(self.text(), sentence.start..until);
        // "Russia warns Japan": nothing before the source, one word after the cue
        if before.is_empty() { content } else { before }
    }
}

//! Paragraphs and sentences, as spans into the text as read.
//!
//! Sentence boundaries come from Unicode's rules (UAX #29, via
//! unicode-segmentation), which already keep "U.S. officials" and quotes
//! together; news text then needs a repair pass for what those rules cannot
//! know: titles ("Ms. Takaichi"), months before a day ("Dec. 29"), initials and
//! dotted acronyms before a name ("U.S. President"). Paragraphs are non-blank
//! lines: web text marks paragraphs with line breaks, and a sentence never runs
//! across one.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::text::boilerplate::{Boilerplate, Verdict};
use crate::text::normalize::Folded;
use crate::text::span::Slice;

/// A sentence: its span and the paragraph it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the article text.
    pub span: Range<usize>,
    /// Index of its paragraph.
    pub paragraph: usize,
}

/// The segmented article.
#[derive(Debug, Clone, Default)]
pub struct Doc {
    /// Kept paragraphs, byte ranges.
    pub paragraphs: Vec<Range<usize>>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Words in kept text.
    pub words: usize,
    /// Words in dropped boilerplate lines.
    pub dropped_words: usize,
    /// Flags set by boilerplate rules that fired.
    pub flags: Vec<String>,
    /// Every line a flagged boilerplate rule fired on (trimmed byte range),
    /// with its flag: the evidence behind `flags` ("the views expressed are
    /// the author's own" behind `opinion-marker`).
    pub flagged_lines: Vec<(Range<usize>, String)>,
}

/// Splits `text` into paragraphs and sentences, dropping boilerplate lines.
pub fn segment(text: &str, rules: &Boilerplate) -> Doc {
    segment_folded(text, &Folded::new(text, 0), rules)
}

/// [`segment`] with the article already folded (`folded` is `text` folded
/// from offset 0), so boilerplate rules read each line's fold from it.
pub fn segment_folded(text: &str, folded: &Folded, rules: &Boilerplate) -> Doc {
    let mut doc = Doc::default();
    let mut offset = 0;
    let mut dropping_rest = false;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let span = trim_span(line, start);
        if span.is_empty() {
            continue;
        }
        let content = text.slice(span.clone());
        if dropping_rest {
            doc.dropped_words += content.unicode_words().count();
            continue;
        }
        let (verdict, flag) = rules.judge_folded(folded.range(span.clone()).text);
        if let Some(flag) = flag {
            if !doc.flags.iter().any(|f| f == flag) {
                doc.flags.push(flag.to_string());
            }
            doc.flagged_lines.push((span.clone(), flag.to_string()));
        }
        match verdict {
            Verdict::Keep => doc.paragraph(text, span),
            Verdict::DropLine => doc.dropped_words += content.unicode_words().count(),
            Verdict::DropRest => {
                doc.dropped_words += content.unicode_words().count();
                dropping_rest = true;
            }
        }
    }
    doc
}

impl Doc {
    fn paragraph(&mut self, text: &str, span: Range<usize>) {
        let index = self.paragraphs.len();
        let body = text.slice(span.clone());
        self.words += body.unicode_words().count();
        for sentence in sentences(body) {
            let s = span.start + sentence.start..span.start + sentence.end;
            self.sentences.push(Sentence {
                span: s,
                paragraph: index,
            });
        }
        self.paragraphs.push(span);
    }
}

fn trim_span(line: &str, start: usize) -> Range<usize> {
    let lead = line.len() - line.trim_start().len();
    let body = line.trim();
    start + lead..start + lead + body.len()
}

/// Sentence spans (relative byte ranges) of one paragraph.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (start, piece) in text.split_sentence_bound_indices() {
        let span = trim_span(piece, start);
        if span.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(prev) if joins(text.slice(prev.clone()), text.slice(span.clone())) => {
                prev.end = span.end
            }
            _ => out.push(span),
        }
    }
    out
}

const TITLES: &[&str] = &[
    "adm", "amb", "brig", "capt", "cmdr", "col", "cpl", "dr", "gen", "gov", "hon", "lt", "maj",
    "messrs", "mr", "mrs", "ms", "mt", "pres", "prof", "pvt", "rep", "rev", "sen", "sgt", "sr",
    "st", "supt", "vs",
];

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "nos", "art", "sec", "vol", "p", "pp", "fig",
];

const STARTERS: &[&str] = &[
    "a",
    "after",
    "an",
    "and",
    "as",
    "at",
    "before",
    "but",
    "for",
    "he",
    "her",
    "his",
    "how",
    "i",
    "if",
    "in",
    "it",
    "its",
    "many",
    "meanwhile",
    "most",
    "on",
    "she",
    "so",
    "some",
    "still",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "we",
    "what",
    "when",
    "while",
    "why",
    "yet",
    "you",
];

/// Whether a sentence break between `prev` and `next` is a false one.
fn joins(prev: &str, next: &str) -> bool {
    // "Who Wants to be a Millionaire? on Christmas Day", "…!" the advert said
    if next.chars().next().is_some_and(char::is_lowercase) {
        return true;
    }
    let Some(last) = prev.split_whitespace().next_back() else {
        return false;
    };
    let Some(word) = last.strip_suffix('.') else {
        return false;
    };
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let lower = word.to_lowercase();
    let first = next.chars().next().unwrap_or(' ');
    let next_word = next
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    if TITLES.contains(&lower.as_str()) {
        return true;
    }
    if MONTHS.contains(&lower.as_str()) {
        return first.is_ascii_digit();
    }
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let acronym = word.contains('.') && word.split('.').all(|p| p.chars().count() == 1);
    (initial || acronym) && !STARTERS.contains(&next_word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::BoilerRule;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn sentence_table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            (
                "U.S. officials met. They left.",
                &["U.S. officials met.", "They left."],
            ),
            (
                "He met U.S. President Trump.",
                &["He met U.S. President Trump."],
            ),
            (
                "It came from the U.S. The talks ended.",
                &["It came from the U.S.", "The talks ended."],
            ),
            ("On Dec. 29 Lavrov spoke.", &["On Dec. 29 Lavrov spoke."]),
            (
                "Ms. Takaichi refused. Mr. Lavrov did not.",
                &["Ms. Takaichi refused.", "Mr. Lavrov did not."],
            ),
            (
                "\"Japan must think twice.\" Lavrov said so.",
                &["\"Japan must think twice.\"", "Lavrov said so."],
            ),
            (
                "\"Taiwan is part of China,\" Lavrov asserted.",
                &["\"Taiwan is part of China,\" Lavrov asserted."],
            ),
            (
                "Wait... then what? Nothing!",
                &["Wait... then what?", "Nothing!"],
            ),
            (
                "Signed by J. Smith yesterday.",
                &["Signed by J. Smith yesterday."],
            ),
            (
                "\"Help us!\" the advert said.",
                &["\"Help us!\" the advert said."],
            ),
            (
                "Shall We Dance? at number three.",
                &["Shall We Dance? at number three."],
            ),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "{text:?}");
        }
    }

    #[test]
    fn paragraphs_are_lines_and_boilerplate_is_dropped() {
        let rules = vec![BoilerRule {
            id: "r".into(),
            action: crate::lexicon::BoilerAction::DropRest,
            how: crate::lexicon::BoilerHow::Line,
            flag: None,
            lines: vec!["related articles".into()],
        }];
        let text =
            "Title here\r\n\r\nFirst para. Second sentence.\nRelated Articles\nOther story text.";
        let doc = segment(text, &Boilerplate::new(rules));
        assert_eq!(doc.paragraphs.len(), 2);
        assert_eq!(doc.sentences.len(), 3);
        assert_eq!(&text[doc.paragraphs[0].clone()], "Title here");
        assert_eq!(doc.dropped_words, 5);
        assert_eq!(doc.words, 6);
    }
}

//! Words with spans: the unit the rules count in ("within three words of").
//!
//! Words come from Unicode word boundaries (UAX #29); each keeps its byte span
//! and sentence so rules can move between hits, words and sentences cheaply.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::text::Doc;
use crate::text::Slice;

/// One word of a kept sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the article text.
    pub span: Range<usize>,
    /// Sentence index.
    pub sentence: usize,
    /// Starts with an uppercase letter.
    pub capitalised: bool,
}

/// Splits every kept sentence into words; returns the words and each sentence's word range.
pub fn split(text: &str, doc: &Doc) -> (Vec<Word>, Vec<Range<usize>>) {
    let mut words = Vec::new();
    let mut ranges = Vec::with_capacity(doc.sentences.len());
    for (i, sentence) in doc.sentences.iter().enumerate() {
        let first = words.len();
        let body = text.slice(sentence.span.clone());
        for (at, word) in body.unicode_word_indices() {
            let start = sentence.span.start + at;
            words.push(Word {
                span: start..start + word.len(),
                sentence: i,
                capitalised: word.chars().next().is_some_and(char::is_uppercase),
            });
        }
        ranges.push(first..words.len());
    }
    (words, ranges)
}

/// Index of the first word that ends after byte `at` (the word at or after it).
pub fn word_at(words: &[Word], at: usize) -> usize {
    words.partition_point(|w| w.span.end <= at)
}

/// The lowercase text of a word.
pub fn lower(text: &str, word: &Word) -> String {
    text.slice(word.span.clone()).to_lowercase()
}

//! Markers of the article's type: the words and lines that say a text is
//! commentary or analysis rather than a news report.
//!
//! A report keeps the writer out of the text; a commentary speaks for "us",
//! tells actors what they must do, and wears a column label. Each of those is
//! a marker only where it is the writer's own: "we must" inside a quotation is
//! the speaker's, and "Japan must" in a sentence reporting Lavrov is his.
//! The markers come from `genre.toml` through an automaton of their own (see
//! [`crate::lexicon::Lexicon::genre_matcher`]), and each keeps only where its
//! category's `position` says it counts: anywhere in the writer's words, as a
//! heading near the top, or right after an actor it addresses. A disclaimer
//! line ("the views expressed are the author's own") is dropped as
//! boilerplate; its line is a marker too.

use std::ops::Range;

use super::Analysis;
use crate::lexicon::{Family, Lexicon, MarkerPosition, Target};
use crate::text::Slice;
use crate::text::normalize::Folded;

/// The boilerplate flag of an opinion disclaimer line.
pub const DISCLAIMER_FLAG: &str = "opinion-marker";

/// Paragraphs from the top in which a column label counts.
const HEADING_PARAGRAPHS: usize = 3;

/// What a marker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerKind {
    /// A term of `genre.toml`: index into `Lexicon::terms`.
    Term(usize),
    /// An opinion disclaimer line (boilerplate flag `opinion-marker`).
    Disclaimer,
}

/// One marker of the article's type, in the writer's own words.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    /// What it is.
    pub kind: MarkerKind,
    /// `Opinion` or `Analysis`.
    pub family: Family,
    /// Its sentence; `None` for a dropped disclaimer line.
    pub sentence: Option<usize>,
    /// Byte range in the article text.
    pub span: Range<usize>,
}

/// Every marker that counts, in text order.
pub fn markers(analysis: &Analysis, lexicon: &Lexicon) -> Vec<Marker> {
    let text = analysis.article.text.as_str();
    let mut out: Vec<Marker> = analysis
        .doc
        .flagged_lines
        .iter()
        .filter(|(_, flag)| flag == DISCLAIMER_FLAG)
        .map(|(span, _)| Marker {
            kind: MarkerKind::Disclaimer,
            family: Family::Opinion,
            sentence: None,
            span: span.clone(),
        })
        .collect();
    if lexicon.genre_matcher.is_empty() {
        return out;
    }
    let mut folded = Folded::default();
    for (i, sentence) in analysis.doc.sentences.iter().enumerate() {
        folded.refill(text.slice(sentence.span.clone()), sentence.span.start);
        for hit in lexicon.genre_matcher.find(folded.view(), text) {
            let span = hit.start..hit.end;
            if !in_writers_voice(analysis, &span) {
                continue;
            }
            for target in &hit.targets {
                let Target::Term(t) = *target else { continue };
                let category = &lexicon.categories[lexicon.terms[t as usize].category];
                let counts = match category.marker {
                    MarkerPosition::Anywhere => true,
                    MarkerPosition::Heading => is_heading(analysis, i, &span),
                    MarkerPosition::AfterActor => after_actor(analysis, &span),
                };
                if counts {
                    out.push(Marker {
                        kind: MarkerKind::Term(t as usize),
                        family: category.family,
                        sentence: Some(i),
                        span: span.clone(),
                    });
                    break;
                }
            }
        }
    }
    out.sort_by_key(|m| m.span.start);
    out
}

/// Whether the words at `span` are the writer's own: not inside a direct
/// quotation (scare quotes aside) nor inside an attributed statement's content.
pub fn in_writers_voice(analysis: &Analysis, span: &Range<usize>) -> bool {
    let inside = |r: &Range<usize>| r.start <= span.start && span.end <= r.end;
    !analysis.quotes.iter().any(|q| !q.scare && inside(&q.outer))
        && !analysis.attributions.iter().any(|a| inside(&a.content))
}

/// A column label: near the top, opening its line, and either the whole
/// line or followed by `:`, `|` or a dash ("Opinion", "Analysis: …").
fn is_heading(analysis: &Analysis, sentence: usize, span: &Range<usize>) -> bool {
    let paragraph = analysis.doc.sentences[sentence].paragraph;
    if paragraph >= HEADING_PARAGRAPHS {
        return false;
    }
    let line = &analysis.doc.paragraphs[paragraph];
    let text = analysis.article.text.as_str();
    let before = text.slice(line.start..span.start);
    if !before
        .chars()
        .all(|c| c.is_whitespace() || "|•*#".contains(c))
    {
        return false;
    }
    let after = text.slice(span.end..line.end).trim_start();
    after.is_empty() || after.starts_with([':', '|', '-', '–', '—', '/'])
}

/// Right after an actor named in the same sentence: "Tokyo must stop", or a
/// vocative that opens its sentence, "Japan, don't".
fn after_actor(analysis: &Analysis, span: &Range<usize>) -> bool {
    let text = analysis.article.text.as_str();
    analysis
        .mentions
        .iter()
        .filter(|m| !m.pronoun && m.span.end <= span.start)
        .filter(|m| span.start - m.span.end <= 3)
        .any(|m| {
            let gap = text.slice(m.span.end..span.start);
            if gap.chars().all(char::is_whitespace) {
                return true;
            }
            let vocative = gap.trim() == ",";
            let opens = analysis.doc.sentences[m.sentence].span.start == m.span.start;
            vocative && opens
        })
}

#[cfg(test)]
mod tests {
    use crate::analyze::analyze;
    use crate::ingest::Article;
    use crate::lexicon::Lexicon;

    use super::*;

    fn found(text: &str) -> Vec<(String, &'static str)> {
        let lexicon = Lexicon::shared().expect("built-in lexicons");
        let article = Article::from_text("t", text);
        let analysis = analyze(&article, lexicon);
        markers(&analysis, lexicon)
            .into_iter()
            .map(|m| (text[m.span.clone()].to_string(), m.family.name()))
            .collect()
    }

    #[test]
    fn markers_table() {
        let opinion = "opinion";
        let cases: &[(&str, &[(&str, &str)])] = &[
            // the writer speaking for "us"
            ("We must not let this stand.", &[("We must", opinion)]),
            // the same words quoted are the speaker's
            ("\"We must act,\" the minister said.", &[]),
            // a command addressed to an actor, and a vocative
            (
                "Tokyo must stop its provocations.",
                &[("must stop", opinion)],
            ),
            ("Japan, don't get too arrogant.", &[("don't", opinion)]),
            // a modal that addresses no actor
            ("The law must be changed.", &[]),
            // a column label on a line of its own, or opening one
            ("Opinion\nThe budget is late.", &[("Opinion", opinion)]),
            (
                "Analysis: what the vote means\nThe vote was close.",
                &[("Analysis", "analysis")],
            ),
            // the label word inside a sentence is no label
            ("Opinion polls show a close race.", &[]),
            // an opinion disclaimer line is dropped, and is a marker
            (
                "The budget is late.\nThe views expressed are the author's own.",
                &[("The views expressed are the author's own.", opinion)],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<(String, &str)> = want.iter().map(|(t, f)| (t.to_string(), *f)).collect();
            assert_eq!(found(text), want, "{text}");
        }
    }

    #[test]
    fn an_article_with_no_sentences_has_no_markers() {
        assert!(found("").is_empty());
        assert!(found(" \n\n ").is_empty());
    }
}

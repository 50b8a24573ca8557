//! From segmented text to evidence: lexicon hits, quotes, attributions, actor
//! mentions and the target of every polar expression.
//!
//! Analysis of one article is a pure function of the article and the lexicon,
//! so the pipeline can run it on any thread and get the same result. Each step
//! adds one layer and reads the layers before it:
//!
//! 1. `segment` (text) → sentences and words, boilerplate dropped;
//! 2. one automaton pass per sentence → [`Hit`]s;
//! 3. [`quotes`] → quoted spans; [`attribution`] → who said what;
//! 4. [`actors`] → actor mentions; [`terms`] → polar hits with modifiers,
//!    voice and target; stances between actors.

pub mod actors;
pub mod attribution;
pub mod genre;
pub mod hedge_model;
pub mod quotes;
pub mod stance_model;
pub mod terms;
pub mod words;

use std::borrow::Cow;
use std::ops::Range;

use crate::ingest::Article;
use crate::lexicon::{Hit, Lexicon};
use crate::text::Slice;
use crate::text::normalize::Folded;
use crate::text::offsets::CharIndex;
use crate::text::span::excerpt;
use crate::text::{Doc, segment_folded};

pub use actors::{ActorRef, Mention, Stance};
pub use attribution::{Attribution, SourceKind};
pub use quotes::Quote;
pub use terms::TermHit;
pub use words::Word;

/// Everything found in one article, with spans into its text.
#[derive(Debug)]
pub struct Analysis<'a> {
    /// The article.
    pub article: &'a Article,
    /// Title: from the source, else the first line.
    pub title: Option<String>,
    /// Paragraphs and sentences.
    pub doc: Doc,
    /// Byte → character offsets.
    pub chars: CharIndex,
    /// Words of kept sentences, in order.
    pub words: Vec<Word>,
    /// For each sentence, its range of `words`.
    pub sentence_words: Vec<Range<usize>>,
    /// Raw automaton hits, in text order, with their sentence.
    pub hits: Vec<(usize, Hit)>,
    /// Quotations.
    pub quotes: Vec<Quote>,
    /// Attributed statements.
    pub attributions: Vec<Attribution>,
    /// Actor mentions.
    pub mentions: Vec<Mention>,
    /// Lexicon term hits with their modifiers, voice and target.
    pub terms: Vec<TermHit>,
    /// Speaker-actor → target-actor edges.
    pub stances: Vec<Stance>,
    /// Flags from boilerplate rules.
    pub flags: Vec<String>,
    /// Hedges found by the learned tagger, with the features that decided.
    pub learned_hedges: Vec<hedge_model::LearnedHedge>,
    /// Learned verdicts on actor mentions, with the features that decided.
    pub learned_stances: Vec<stance_model::LearnedStance>,
    /// Markers of the article's type in the writer's own words.
    pub markers: Vec<genre::Marker>,
}

impl Analysis<'_> {
    /// The text of a byte range (checked: never cuts a character).
    pub fn slice(&self, span: &Range<usize>) -> &str {
        self.article.text.slice(span.clone())
    }

    /// Every span of the analysis that does not slice the text cleanly:
    /// reversed, past the end, or with an end inside a character. Empty when
    /// all is well; the property tests and fuzz targets check it on every
    /// input they make.
    pub fn span_errors(&self) -> Vec<String> {
        let text = self.article.text.as_str();
        let mut errors = Vec::new();
        let mut check = |what: &str, i: usize, span: &Range<usize>| {
            let clean = span.start <= span.end
                && span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end);
            if !clean {
                errors.push(format!("{what} {i}: {span:?} in {} bytes", text.len()));
            }
        };
        for (i, p) in self.doc.paragraphs.iter().enumerate() {
            check("paragraph", i, p);
        }
        for (i, s) in self.doc.sentences.iter().enumerate() {
            check("sentence", i, &s.span);
        }
        for (i, w) in self.words.iter().enumerate() {
            check("word", i, &w.span);
        }
        for (i, (_, h)) in self.hits.iter().enumerate() {
            check("hit", i, &(h.start..h.end));
        }
        for (i, q) in self.quotes.iter().enumerate() {
            check("quote", i, &q.outer);
            check("quote inner", i, &q.inner);
        }
        for (i, a) in self.attributions.iter().enumerate() {
            check("cue", i, &a.cue);
            check("content", i, &a.content);
            if let Some(source) = &a.source {
                check("source", i, source);
            }
        }
        for (i, m) in self.mentions.iter().enumerate() {
            check("mention", i, &m.span);
        }
        for (i, t) in self.terms.iter().enumerate() {
            check("term", i, &(t.start..t.end));
        }
        for (i, q) in self.quotes.iter().enumerate() {
            if q.inner.start < q.outer.start || q.outer.end < q.inner.end {
                errors.push(format!(
                    "quote {i}: inner {:?} outside {:?}",
                    q.inner, q.outer
                ));
            }
        }
        errors
    }

    /// The sentence containing byte offset `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let k = self.doc.sentences.partition_point(|s| s.span.end <= at);
        (k < self.doc.sentences.len() && self.doc.sentences[k].span.start <= at).then_some(k)
    }
}

/// Analyses one article against the lexicon.
pub fn analyze<'a>(article: &'a Article, lexicon: &Lexicon) -> Analysis<'a> {
    analyze_with(article, lexicon, Layers::All)
}

/// Which layers an analysis runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layers {
    /// Lexicon rules and learned models.
    All,
    /// Lexicon rules only: what a model's features are computed from when
    /// it is trained, so a model loaded in the lexicon cannot change the
    /// features of the next one.
    LexiconOnly,
}

/// Analyses one article, running the learned layers or not.
pub fn analyze_with<'a>(article: &'a Article, lexicon: &Lexicon, layers: Layers) -> Analysis<'a> {
    let text = article.text.as_str();
    // folded once: boilerplate rules and the automaton read views of it
    let folded = Folded::new(text, 0);
    let doc = segment_folded(text, &folded, &lexicon.boilerplate);
    let (words, sentence_words) = words::split(text, &doc);
    let hits = find_hits(text, &folded, &doc, lexicon);
    let title = article
        .title
        .clone()
        .or_else(|| first_line_title(text, &doc));
    let mut analysis = Analysis {
        article,
        title,
        flags: doc.flags.clone(),
        chars: CharIndex::new(text),
        doc,
        words,
        sentence_words,
        hits,
        quotes: Vec::new(),
        attributions: Vec::new(),
        mentions: Vec::new(),
        terms: Vec::new(),
        stances: Vec::new(),
        learned_hedges: Vec::new(),
        learned_stances: Vec::new(),
        markers: Vec::new(),
    };
    analysis.quotes = quotes::find(&analysis);
    analysis.attributions = attribution::find(&analysis, lexicon);
    // a speaker's name is repeated on every row of its statements and words:
    // keep it an excerpt, so that a 40 KB "name" before 2,000 × "He said"
    // cannot make the reports grow with the square of the input
    for a in &mut analysis.attributions {
        if let Some(name) = &mut a.speaker
            && let Cow::Owned(short) = excerpt(name)
        {
            *name = short;
        }
    }
    quotes::classify(&mut analysis);
    analysis.mentions = actors::mentions(&analysis, lexicon);
    if layers == Layers::All {
        analysis.learned_hedges = hedge_model::tag(&analysis, lexicon);
        hedge_model::combine(&mut analysis.hits, &analysis.learned_hedges, lexicon);
    }
    analysis.terms = terms::collect(&analysis, lexicon);
    if layers == Layers::All {
        analysis.learned_stances = stance_model::judge(&analysis, lexicon);
    }
    analysis.stances = actors::stances(&analysis, lexicon);
    analysis.markers = genre::markers(&analysis, lexicon);
    analysis
}

fn find_hits(text: &str, folded: &Folded, doc: &Doc, lexicon: &Lexicon) -> Vec<(usize, Hit)> {
    let mut hits = Vec::new();
    let mut out = Vec::new();
    for (i, sentence) in doc.sentences.iter().enumerate() {
        lexicon
            .matcher
            .find_into(folded.range(sentence.span.clone()), text, &mut hits);
        out.extend(hits.drain(..).map(|hit| (i, hit)));
    }
    out
}

/// The first kept paragraph's first sentence, as a title of last resort.
fn first_line_title(text: &str, doc: &Doc) -> Option<String> {
    let first = doc.sentences.first()?;
    if first.paragraph != 0 {
        return None;
    }
    let line = text.slice(first.span.clone()).trim();
    let title: String = line.chars().take(200).collect();
    (!title.is_empty()).then_some(title)
}

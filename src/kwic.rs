//! Keyword in context: finding what a lexicon maintainer looks for — a word
//! that is not (yet) in any lexicon, a wildcard, a regular expression, a
//! category, an actor, a source — in a batch of analysed articles.
//!
//! Word searches run on the same folded text as the lexicon matcher (case,
//! curly quotes, dashes and runs of spaces ignored), so a search for a form
//! the matcher found ("barbarians", matched by `barbarian*`) finds it, and
//! each hit says which lexicon entries, if any, cover it. Hits are handed to
//! a callback one at a time, in text order, and never collected: a search
//! with a million hits runs in the memory of one article.

use std::ops::Range;

use regex::{Regex, RegexBuilder};

use crate::analyze::{ActorRef, Analysis, TermHit};
use crate::lexicon::{Family, Lexicon, Target};
use crate::text::Slice;
use crate::text::normalize::{Folded, fold, is_word_char};

/// What to look for.
#[derive(Debug, Clone)]
pub enum Query {
    /// Words or a phrase (`*` ends a word with any continuation), over folded text.
    Words(Regex),
    /// A regular expression over the text as written.
    Regex(Regex),
    /// The lexicon hits of a category: index into `Lexicon::categories`.
    Category(usize),
    /// Scare quotes (the `scare_quote` rows of `matches.csv`).
    ScareQuotes,
    /// Mentions of an actor or of its people: index into `Lexicon::actors`.
    Actor(usize),
    /// Attributed statements whose source, speaker or cited outlet contains these folded words.
    Source(String),
}

/// Why a query cannot be run; each message says what to write instead.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// Nothing to look for.
    #[error("the pattern is empty; give a word, a phrase, `family:category`, or --regex")]
    Empty,
    /// The regular expression does not compile.
    #[error("bad regular expression: {0}")]
    Regex(String),
    /// No such category.
    #[error("no lexicon category `{given}`; {hint}")]
    Category {
        /// As given.
        given: String,
        /// The categories there are.
        hint: String,
    },
    /// No such actor.
    #[error("no actor `{given}` in actors.toml (by id, label or name){hint}")]
    Actor {
        /// As given.
        given: String,
        /// Close ids, if any.
        hint: String,
    },
}

impl Query {
    /// A bare pattern: `family:category` (`loaded:name_calling`) when it
    /// names a lexicon family, else words.
    pub fn parse(pattern: &str, lexicon: &Lexicon) -> Result<Query, QueryError> {
        let p = pattern.trim();
        if let Some((family, category)) = p.split_once(':')
            && !family.is_empty()
            && !category.contains(char::is_whitespace)
            && (Family::parse(family).is_some() || family == "scare_quote")
        {
            return Query::category(p, lexicon);
        }
        Query::words(p)
    }

    /// Words or a phrase; `*` at the end (or start) of a word stands for any
    /// continuation of it.
    pub fn words(pattern: &str) -> Result<Query, QueryError> {
        let tokens: Vec<String> = pattern.split_whitespace().map(word_pattern).collect();
        if tokens.iter().all(|t| t.is_empty()) {
            return Err(QueryError::Empty);
        }
        let re = Regex::new(&tokens.join(" ")).map_err(|e| QueryError::Regex(e.to_string()))?;
        Ok(Query::Words(re))
    }

    /// A regular expression (Rust `regex` syntax; `(?i)` for case-insensitive).
    pub fn regex(pattern: &str) -> Result<Query, QueryError> {
        if pattern.is_empty() {
            return Err(QueryError::Empty);
        }
        RegexBuilder::new(pattern)
            .size_limit(1 << 24)
            .build()
            .map(Query::Regex)
            .map_err(|e| QueryError::Regex(e.to_string()))
    }

    /// A category: `family:id` or a bare `id`.
    pub fn category(spec: &str, lexicon: &Lexicon) -> Result<Query, QueryError> {
        let spec = spec.trim();
        let (family, id) = match spec.split_once(':') {
            Some((f, id)) => (Some(f), id),
            None => (None, spec),
        };
        if id == "scare_quote" && family.is_none_or(|f| f == "scare_quote") {
            return Ok(Query::ScareQuotes);
        }
        let found = lexicon
            .categories
            .iter()
            .position(|c| c.id == id && family.is_none_or(|f| c.family.name() == f));
        found.map(Query::Category).ok_or_else(|| {
            let listed: Vec<String> = lexicon
                .categories
                .iter()
                .filter(|c| family.is_none_or(|f| c.family.name() == f))
                .map(|c| format!("{}:{}", c.family.name(), c.id))
                .collect();
            QueryError::Category {
                given: spec.to_string(),
                hint: if listed.is_empty() {
                    "no category has that family; families are loaded, sentiment, hedge, booster, …"
                        .into()
                } else {
                    format!("categories: {}", listed.join(", "))
                },
            }
        })
    }

    /// An actor by id ("china"), label ("China") or any of its names ("Beijing").
    pub fn actor(name: &str, lexicon: &Lexicon) -> Result<Query, QueryError> {
        let name = name.trim();
        let folded = fold(name);
        if let Some(i) = lexicon
            .actors
            .iter()
            .position(|a| a.id == name || fold(&a.label) == folded)
        {
            return Ok(Query::Actor(i));
        }
        let text = Folded::new(name, 0);
        for hit in lexicon.matcher.find(text.view(), name) {
            if hit.start == 0 && hit.end == name.len() {
                for t in hit.targets {
                    if let Target::Name { actor, .. } = t {
                        return Ok(Query::Actor(actor as usize));
                    }
                }
            }
        }
        let close: Vec<&str> = lexicon
            .actors
            .iter()
            .filter(|a| a.id.starts_with(&folded[..folded.len().min(3)]))
            .map(|a| a.id.as_str())
            .take(8)
            .collect();
        Err(QueryError::Actor {
            given: name.to_string(),
            hint: if close.is_empty() {
                "; add it to actors.toml, or give an article `targets`".into()
            } else {
                format!("; did you mean {}?", close.join(", "))
            },
        })
    }

    /// Statements from a source: its words as written, the speaker's name or a cited outlet.
    pub fn source(name: &str) -> Result<Query, QueryError> {
        let folded = fold(name);
        if folded.is_empty() {
            return Err(QueryError::Empty);
        }
        Ok(Query::Source(folded))
    }

    /// Whether an article can hold a hit at all, judged on its raw text
    /// (a cheap test before analysing it). Never false for an article with hits.
    pub fn may_match(&self, text: &str) -> bool {
        match self {
            Query::Words(re) => re.is_match(&Folded::new(text, 0).text),
            Query::Regex(re) => re.is_match(text),
            _ => true,
        }
    }
}

/// `*` → any continuation; word edges need a word boundary.
fn word_pattern(token: &str) -> String {
    let lead = token.starts_with('*');
    let tail = token.ends_with('*') && token.len() > 1;
    let core = fold(token.trim_matches('*'));
    if core.is_empty() {
        return String::new();
    }
    let edge = |c: Option<char>| c.is_some_and(is_word_char);
    let mut out = String::new();
    if lead {
        out.push_str(r"\w*");
    } else if edge(core.chars().next()) {
        out.push_str(r"\b");
    }
    out.push_str(&regex::escape(&core));
    if tail {
        out.push_str(r"\w*");
    }
    if tail || edge(core.chars().last()) {
        out.push_str(r"\b");
    }
    out
}

/// One hit, with everything a reader needs to judge it.
#[derive(Debug, Clone)]
pub struct KwicHit<'a> {
    /// Sentence index.
    pub sentence: usize,
    /// Byte span in the article text.
    pub span: Range<usize>,
    /// The lexicon hits covering the span (empty: no lexicon entry matched here).
    pub terms: Vec<&'a TermHit>,
    /// In a quotation or attributed content.
    pub quoted: bool,
    /// Who says it, when quoted and known.
    pub speaker: Option<&'a str>,
    /// The actor it is about, or the actor mentioned.
    pub target: Option<ActorRef>,
    /// A note on the hit: `mention` or `pronoun`, or a statement's source kind and cue.
    pub note: Option<String>,
    /// The attributed statement (index into `Analysis::attributions`) whose source this is.
    pub statement: Option<usize>,
}

/// Calls `emit` with every hit of `query` in the article, in text order,
/// until `emit` returns false; returns false if it was stopped.
pub fn search<'a>(
    query: &Query,
    a: &'a Analysis,
    lexicon: &Lexicon,
    emit: &mut dyn FnMut(KwicHit<'a>) -> bool,
) -> bool {
    let index = TermIndex::new(a);
    let text = a.article.text.as_str();
    match query {
        Query::Words(re) => {
            let mut folded = Folded::default();
            for (i, s) in a.doc.sentences.iter().enumerate() {
                folded.refill(text.slice(s.span.clone()), s.span.start);
                for m in re.find_iter(&folded.text) {
                    let span = folded.original(m.start())..folded.original(m.end());
                    if span.is_empty() {
                        continue;
                    }
                    if !emit(index.hit(a, i, span, None)) {
                        return false;
                    }
                }
            }
        }
        Query::Regex(re) => {
            for (i, s) in a.doc.sentences.iter().enumerate() {
                let sentence = text.slice(s.span.clone());
                for m in re.find_iter(sentence) {
                    if m.is_empty() {
                        continue;
                    }
                    let span = s.span.start + m.start()..s.span.start + m.end();
                    if !emit(index.hit(a, i, span, None)) {
                        return false;
                    }
                }
            }
        }
        Query::Category(c) => {
            for &t in &index.order {
                let h = &a.terms[t];
                if lexicon.terms[h.term].category == *c
                    && !emit(index.hit(a, h.sentence, h.start..h.end, None))
                {
                    return false;
                }
            }
        }
        Query::ScareQuotes => {
            for q in a.quotes.iter().filter(|q| q.scare) {
                let sentence = a.sentence_at(q.outer.start).unwrap_or(0);
                if !emit(index.hit(a, sentence, q.outer.clone(), None)) {
                    return false;
                }
            }
        }
        Query::Actor(actor) => {
            let wanted = |m: ActorRef| match m {
                ActorRef::Lexicon(i) => i == *actor || lexicon.actors[i].part_of == Some(*actor),
                ActorRef::Adhoc(_) => false,
            };
            for m in a.mentions.iter().filter(|m| wanted(m.actor)) {
                let mut hit = index.hit(a, m.sentence, m.span.clone(), None);
                hit.target = Some(m.actor);
                hit.note = Some(if m.pronoun { "pronoun" } else { "mention" }.to_string());
                if !emit(hit) {
                    return false;
                }
            }
        }
        Query::Source(name) => {
            for (n, r) in a.attributions.iter().enumerate() {
                let source = r.source.as_ref().map(|s| fold(a.slice(s)));
                let outlets = r.outlets.iter().map(|o| &lexicon.sources[*o]);
                let matched = source.as_deref().is_some_and(|s| s.contains(name.as_str()))
                    || r.speaker
                        .as_deref()
                        .is_some_and(|s| fold(s).contains(name.as_str()))
                    || outlets
                        .clone()
                        .any(|o| fold(&o.label).contains(name.as_str()) || o.id == *name);
                if !matched {
                    continue;
                }
                let span = r.source.clone().unwrap_or_else(|| r.cue.clone());
                let mut hit = index.hit(a, r.sentence, span, Some(n));
                hit.note = Some(format!(
                    "{} source, {} \"{}\"",
                    r.kind.name(),
                    if r.direct { "quote" } else { "reported" },
                    a.slice(&r.cue)
                ));
                if !emit(hit) {
                    return false;
                }
            }
        }
    }
    true
}

/// The article's term hits sorted by start, for overlap look-ups in
/// O(log n + k) per hit.
struct TermIndex {
    order: Vec<usize>,
    longest: usize,
}

impl TermIndex {
    fn new(a: &Analysis) -> TermIndex {
        let mut order: Vec<usize> = (0..a.terms.len()).collect();
        order.sort_by_key(|&i| (a.terms[i].start, a.terms[i].end));
        let longest = a.terms.iter().map(|t| t.end - t.start).max().unwrap_or(0);
        TermIndex { order, longest }
    }

    fn overlapping<'a>(&self, a: &'a Analysis, span: &Range<usize>) -> Vec<&'a TermHit> {
        let lo = self
            .order
            .partition_point(|&i| a.terms[i].start + self.longest <= span.start);
        let hi = self.order.partition_point(|&i| a.terms[i].start < span.end);
        self.order[lo..hi.max(lo)]
            .iter()
            .map(|&i| &a.terms[i])
            .filter(|t| t.end > span.start)
            .collect()
    }

    /// A hit at `span`, its voice from the lexicon hits there, the
    /// statement `statement`, or the quotations and attributions around it.
    fn hit<'a>(
        &self,
        a: &'a Analysis,
        sentence: usize,
        span: Range<usize>,
        statement: Option<usize>,
    ) -> KwicHit<'a> {
        let terms = self.overlapping(a, &span);
        let (quoted, speaker) = match (terms.first(), statement) {
            (_, Some(n)) => (false, a.attributions[n].speaker.as_deref()),
            (Some(t), None) => (t.quoted, t.speaker.as_deref()),
            (None, None) => voice_at(a, &span),
        };
        let target = terms.iter().find_map(|t| t.target);
        KwicHit {
            sentence,
            span,
            terms,
            quoted,
            speaker,
            target,
            note: None,
            statement,
        }
    }
}

/// Whose words a span is: inside attributed content or a direct quotation
/// it is quoted (with the speaker when known), else the writer's.
pub fn voice_at<'a>(a: &'a Analysis, span: &Range<usize>) -> (bool, Option<&'a str>) {
    let inside = |r: &Range<usize>| r.start <= span.start && span.end <= r.end;
    if let Some(r) = a.attributions.iter().find(|r| inside(&r.content)) {
        return (true, r.speaker.as_deref());
    }
    if let Some(q) = a.quotes.iter().find(|q| !q.scare && inside(&q.inner)) {
        let speaker = q
            .attribution
            .and_then(|n| a.attributions.get(n))
            .and_then(|r| r.speaker.as_deref());
        return (true, speaker);
    }
    (false, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Article;

    fn hits(query: &Query, text: &str) -> Vec<(String, usize)> {
        let lexicon = Lexicon::shared().expect("built-in");
        let article = Article::from_text("t", text);
        let a = crate::analyze::analyze(&article, lexicon);
        let mut out = Vec::new();
        search(query, &a, lexicon, &mut |h| {
            out.push((text[h.span.clone()].to_string(), h.terms.len()));
            true
        });
        out
    }

    const TEXT: &str = "The Barbarians came. Barbarian hordes and barbarism, said Sergei Lavrov.\nA wolf  warrior spoke: \"These are barbarians.\" The US and us.";

    #[test]
    fn words_table() {
        let cases: &[(&str, &[&str])] = &[
            ("barbarians", &["Barbarians", "barbarians"]),
            ("barbarian*", &["Barbarians", "Barbarian", "barbarians"]),
            ("BARBARISM", &["barbarism"]),
            ("wolf warrior", &["wolf  warrior"]),
            ("hordes and", &["hordes and"]),
            ("*ism", &["barbarism"]),
            ("us", &["US", "us"]),
            ("arian", &[]),
            ("not here", &[]),
        ];
        for (pattern, want) in cases {
            let q = Query::words(pattern).expect("query");
            let got: Vec<String> = hits(&q, TEXT).into_iter().map(|h| h.0).collect();
            assert_eq!(got, *want, "{pattern}");
        }
    }

    #[test]
    fn a_form_a_wildcard_entry_matched_carries_that_entry() {
        let q = Query::words("barbarians").expect("query");
        let lexicon = Lexicon::shared().expect("built-in");
        let article = Article::from_text("t", TEXT);
        let a = crate::analyze::analyze(&article, lexicon);
        let mut entries = Vec::new();
        search(&q, &a, lexicon, &mut |h| {
            entries.push(
                h.terms
                    .iter()
                    .map(|t| lexicon.terms[t.term].text.clone())
                    .collect::<Vec<_>>(),
            );
            true
        });
        assert_eq!(entries.len(), 2);
        assert!(
            entries
                .iter()
                .all(|e| e.contains(&"barbarian*".to_string())),
            "{entries:?}"
        );
    }

    #[test]
    fn regex_category_actor_source() {
        let lexicon = Lexicon::shared().expect("built-in");
        let re = Query::regex(r"[Bb]arbar\w+").expect("regex");
        assert_eq!(hits(&re, TEXT).len(), 4);
        assert!(matches!(Query::regex("("), Err(QueryError::Regex(_))));
        let cat = Query::parse("loaded:name_calling", lexicon).expect("category");
        assert!(matches!(cat, Query::Category(_)));
        assert!(hits(&cat, TEXT).iter().any(|h| h.0 == "barbarians"));
        let err = Query::parse("loaded:name_caling", lexicon).expect_err("typo");
        assert!(err.to_string().contains("loaded:name_calling"), "{err}");
        let russia = Query::actor("Moscow", lexicon).expect("alias");
        assert!(hits(&russia, TEXT).iter().any(|h| h.0 == "Sergei Lavrov"));
        assert!(Query::actor("Atlantis", lexicon).is_err());
        let source = Query::source("lavrov").expect("source");
        assert_eq!(hits(&source, TEXT).len(), 1);
        assert!(matches!(Query::words(" * "), Err(QueryError::Empty)));
    }

    #[test]
    fn words_outside_a_lexicon_and_in_quotes_have_a_voice() {
        let q = Query::words("these are").expect("query");
        let lexicon = Lexicon::shared().expect("built-in");
        let article = Article::from_text("t", TEXT);
        let a = crate::analyze::analyze(&article, lexicon);
        let mut voices = Vec::new();
        search(&q, &a, lexicon, &mut |h| {
            voices.push((h.terms.is_empty(), h.quoted));
            true
        });
        assert_eq!(voices, [(true, true)]);
    }
}

//! Report rows for one article: the only place where analysis results become
//! owned values, with byte offsets turned into character offsets; and the
//! one definition of every report's columns ([`Schemas`]), which the CSV,
//! JSON Lines and HTML writers all render.
//!
//! Column order is the contract in DESIGN.md: the contract columns first, in
//! their fixed order, then extra columns that only ever get appended. A new
//! figure is one field in its row type (or in [`ArticleScores`]) and one line
//! in the schema below.

use crate::analyze::genre::{Marker, MarkerKind};
use crate::analyze::{ActorRef, Analysis, Attribution};
use crate::lexicon::{Family, Lexicon};
use crate::report::cell::Cell;
use crate::report::columns::{Kind, Schema};
use crate::score::{ActorScores, ArticleScores};
use crate::text::span::{EXCERPT_BUDGET, Slice, excerpt_cell};

/// The `articles.csv` row: the article's metadata and its figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleRow {
    /// Article id.
    pub id: String,
    /// Title from the input or the first line.
    pub title: Option<String>,
    /// Outlet, from the input or `--outlet-from`.
    pub outlet: Option<String>,
    /// Date from the input.
    pub date: Option<String>,
    /// URL from the input.
    pub url: Option<String>,
    /// File (and line) it came from.
    pub origin: String,
    /// Further input columns (CSV columns, JSONL keys), by name.
    pub extra: Vec<(String, String)>,
    /// The figures.
    pub scores: ArticleScores,
}

impl ArticleRow {
    /// The value of input column `name` (extra columns), if the article has it.
    pub fn extra(&self, name: &str) -> Option<&str> {
        self.extra
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A `matches.csv` row: one lexicon hit or scare quote.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchRow {
    /// Article id.
    pub article_id: String,
    /// Sentence index; none for a marker on a line dropped as boilerplate.
    pub sentence: Option<usize>,
    /// Character offsets.
    pub char_start: usize,
    /// End character offset (exclusive).
    pub char_end: usize,
    /// The words as written.
    pub text: String,
    /// Lexicon family name.
    pub family: &'static str,
    /// Category id.
    pub category: String,
    /// Lexicon polarity.
    pub polarity: f64,
    /// Lexicon weight.
    pub weight: f64,
    /// Inside a quotation or attributed content.
    pub quoted: bool,
    /// The speaker, when quoted and known.
    pub speaker: Option<String>,
    /// The actor it is about.
    pub target: Option<String>,
    /// Governed by a negator.
    pub negated: bool,
    /// Signed contribution after modifiers.
    pub value: f64,
    /// Up to 40 characters on each side.
    pub context: String,
}

/// A `sources.csv` row: one attributed statement.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRow {
    /// Article id.
    pub article_id: String,
    /// Sentence of the cue.
    pub sentence: usize,
    /// The cue as written.
    pub cue: String,
    /// Cue character offsets.
    pub cue_span: (usize, usize),
    /// The source as written.
    pub source: Option<String>,
    /// Source character offsets.
    pub source_span: Option<(usize, usize)>,
    /// `named`, `organisation`, …
    pub source_kind: &'static str,
    /// Content character offsets.
    pub content_span: (usize, usize),
    /// A direct quotation.
    pub direct: bool,
    /// Resolved speaker.
    pub speaker: Option<String>,
    /// A cue that signals the writer's stance.
    pub loaded_cue: bool,
    /// An outlet or body from `sources.toml` named as the source.
    pub cited_source: Option<String>,
    /// Its kind.
    pub cited_source_kind: Option<String>,
    /// Excerpt of the content.
    pub content: String,
}

/// An `actors.csv` row: one actor in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorRow {
    /// Article id.
    pub article_id: String,
    /// Actor id.
    pub actor: String,
    /// Display name.
    pub label: String,
    /// `country`, `person`, …, `target`.
    pub kind: String,
    /// The article's outlet.
    pub outlet: Option<String>,
    /// The figures.
    pub scores: ActorScores,
}

/// A `stances.csv` row: a speaker of one actor speaking of another.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceRow {
    /// Article id.
    pub article_id: String,
    /// Speaking actor.
    pub from: String,
    /// Actor spoken of.
    pub to: String,
    /// Polarity.
    pub polarity: f64,
    /// Sentence index.
    pub sentence: usize,
    /// The sentence, cut.
    pub evidence: String,
    /// The article's outlet.
    pub outlet: Option<String>,
}

fn opt(s: &Option<String>) -> Cell {
    Cell::opt(s.as_deref())
}

fn flag(b: bool) -> usize {
    usize::from(b)
}

/// Every report's columns, built once per run before the workers start.
pub struct Schemas {
    /// `articles.csv`.
    pub articles: Schema<ArticleRow>,
    /// `matches.csv`.
    pub matches: Schema<MatchRow>,
    /// `sources.csv`.
    pub sources: Schema<SourceRow>,
    /// `actors.csv`.
    pub actors: Schema<ActorRow>,
    /// `stances.csv`.
    pub stances: Schema<StanceRow>,
    /// SHA-256 of the lexicons the rows come from (carried by `--jsonl` so
    /// that `framescore merge` can refuse shards of different lexicons).
    pub lexicon_digest: String,
}

impl Schemas {
    /// The schemas for a lexicon (one column per loaded category) and the
    /// input's extra columns (appended to `articles.csv`, in order).
    pub fn new(lexicon: &Lexicon, extra: &[String]) -> Schemas {
        Schemas {
            articles: articles_schema(lexicon, extra),
            matches: matches_schema(),
            sources: sources_schema(),
            actors: actors_schema(),
            stances: stances_schema(),
            lexicon_digest: lexicon.digest.clone(),
        }
    }
}

/// The `articles.csv` columns.
pub fn articles_schema(lexicon: &Lexicon, extra: &[String]) -> Schema<ArticleRow> {
    let mut s = Schema::new()
        // the contract columns, in their fixed order
        .text("article_id", |r: &ArticleRow| Cell::text(&r.id))
        .text("title", |r| opt(&r.title))
        .text("outlet", |r| opt(&r.outlet))
        .count("words", |r| r.scores.words)
        .count("sentences", |r| r.scores.sentences)
        .figure("tone", |r| r.scores.tone)
        .figure("loaded_per_1k", |r| r.scores.per_1k(r.scores.loaded))
        .figure("hedges_per_1k", |r| r.scores.per_1k(r.scores.hedges))
        .figure("boosters_per_1k", |r| r.scores.per_1k(r.scores.boosters))
        .count("quotes", |r| r.scores.quotes)
        .count("scare_quotes", |r| r.scores.scare_quotes)
        .figure("attributed_share", |r| r.scores.attributed_share)
        .count("named_sources", |r| r.scores.named_sources)
        .count("vague_sources", |r| r.scores.vague_sources)
        .score("sourcing_score", |r| r.scores.sourcing_score)
        .score("reliability", |r| r.scores.reliability)
        .text("flags", |r| Cell::text(r.scores.flags.join(";")))
        // later columns, only ever appended
        .text("date", |r| opt(&r.date))
        .text("url", |r| opt(&r.url))
        .text("origin", |r| Cell::text(&r.origin))
        .count("paragraphs", |r| r.scores.paragraphs)
        .count("dropped_words", |r| r.scores.dropped_words)
        .figure("loaded_authorial_per_1k", |r| {
            r.scores.per_1k(r.scores.loaded_authorial)
        })
        .figure("hedges_authorial_per_1k", |r| {
            r.scores.per_1k(r.scores.hedges_authorial)
        })
        .figure("boosters_authorial_per_1k", |r| {
            r.scores.per_1k(r.scores.boosters_authorial)
        })
        .count("unsupported_boosters", |r| r.scores.unsupported_boosters)
        .count("statements", |r| r.scores.statements)
        .count("organisation_sources", |r| r.scores.organisation_sources)
        .count("anonymous_sources", |r| r.scores.anonymous_sources)
        .count("distinct_sources", |r| r.scores.distinct_sources)
        .count("state_media_citations", |r| r.scores.state_media_citations)
        .count("voices", |r| r.scores.voices)
        .figure("approximators_per_1k", |r| {
            r.scores.per_1k(r.scores.approximators)
        })
        .text("article_type", |r| Cell::text(r.scores.genre.kind.name()))
        .score("reliability_sourcing", |r| r.scores.parts.sourcing)
        .score("reliability_restraint", |r| r.scores.parts.restraint)
        .score("reliability_calibration", |r| r.scores.parts.calibration)
        .score("reliability_balance", |r| r.scores.parts.balance)
        .score("reliability_transparency", |r| r.scores.parts.transparency);
    for (_, category) in lexicon.categories_of(Family::Loaded) {
        let id = category.id.clone();
        s.push(format!("loaded_{id}_per_1k"), Kind::Figure, move |r| {
            let n = r.scores.loaded_by_category.get(&id).copied().unwrap_or(0);
            Cell::Num(r.scores.per_1k(n))
        });
    }
    // the input's own columns last, so a pivot by any of them needs no join
    for name in extra {
        let key = name.clone();
        s.push(name.clone(), Kind::Text, move |r| Cell::opt(r.extra(&key)));
    }
    s
}

fn matches_schema() -> Schema<MatchRow> {
    Schema::new()
        .text("article_id", |r: &MatchRow| Cell::text(&r.article_id))
        .column("sentence", Kind::Count, |r| {
            r.sentence.map_or(Cell::Empty, Cell::Int)
        })
        .count("char_start", |r| r.char_start)
        .count("char_end", |r| r.char_end)
        .text("text", |r| Cell::text(&r.text))
        .text("family", |r| Cell::text(r.family))
        .text("category", |r| Cell::text(&r.category))
        .figure("polarity", |r| r.polarity)
        .figure("weight", |r| r.weight)
        .text("voice", |r| Cell::text(voice(r.quoted)))
        .text("speaker", |r| opt(&r.speaker))
        .text("target", |r| opt(&r.target))
        .count("negated", |r| flag(r.negated))
        .figure("value", |r| r.value)
        .text("context", |r| Cell::text(&r.context))
}

/// `quoted` or `authorial`.
pub fn voice(quoted: bool) -> &'static str {
    if quoted { "quoted" } else { "authorial" }
}

fn sources_schema() -> Schema<SourceRow> {
    let start = |s: Option<(usize, usize)>| s.map_or(Cell::Empty, |s| Cell::Int(s.0));
    let end = |s: Option<(usize, usize)>| s.map_or(Cell::Empty, |s| Cell::Int(s.1));
    Schema::new()
        .text("article_id", |r: &SourceRow| Cell::text(&r.article_id))
        .count("sentence", |r| r.sentence)
        .text("cue", |r| Cell::text(&r.cue))
        .count("cue_start", |r| r.cue_span.0)
        .count("cue_end", |r| r.cue_span.1)
        .text("source", |r| opt(&r.source))
        .column("source_start", Kind::Count, move |r| start(r.source_span))
        .column("source_end", Kind::Count, move |r| end(r.source_span))
        .text("source_kind", |r| Cell::text(r.source_kind))
        .count("content_start", |r| r.content_span.0)
        .count("content_end", |r| r.content_span.1)
        .count("direct", |r| flag(r.direct))
        .text("speaker", |r| opt(&r.speaker))
        .text("cue_stance", |r| {
            Cell::text(if r.loaded_cue { "loaded" } else { "neutral" })
        })
        .text("cited_source", |r| opt(&r.cited_source))
        .text("cited_source_kind", |r| opt(&r.cited_source_kind))
        .text("content", |r| Cell::text(&r.content))
}

fn actors_schema() -> Schema<ActorRow> {
    Schema::new()
        .text("article_id", |r: &ActorRow| Cell::text(&r.article_id))
        .text("actor", |r| Cell::text(&r.actor))
        .count("mentions", |r| r.scores.mentions)
        .count("voice", |r| r.scores.voice)
        .count("positive", |r| r.scores.positive)
        .count("negative", |r| r.scores.negative)
        .figure("sentiment", |r| r.scores.sentiment)
        .figure("authorial_sentiment", |r| r.scores.authorial_sentiment)
        .figure("quoted_sentiment", |r| r.scores.quoted_sentiment)
        .text("label", |r| Cell::text(&r.label))
        .text("kind", |r| Cell::text(&r.kind))
        .text("outlet", |r| opt(&r.outlet))
}

fn stances_schema() -> Schema<StanceRow> {
    Schema::new()
        .text("article_id", |r: &StanceRow| Cell::text(&r.article_id))
        .text("from", |r| Cell::text(&r.from))
        .text("to", |r| Cell::text(&r.to))
        .figure("polarity", |r| r.polarity)
        .count("sentence", |r| r.sentence)
        .text("evidence", |r| Cell::text(&r.evidence))
        .text("outlet", |r| opt(&r.outlet))
}

/// Every row one article contributes to the reports.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleRows {
    /// The `articles.csv` row.
    pub article: ArticleRow,
    /// `matches.csv` rows.
    pub matches: Vec<MatchRow>,
    /// `sources.csv` rows.
    pub sources: Vec<SourceRow>,
    /// `actors.csv` rows.
    pub actors: Vec<ActorRow>,
    /// `stances.csv` rows.
    pub stances: Vec<StanceRow>,
    /// The article text as read (for highlighting).
    pub text: String,
}

/// Builds every row of one article.
pub fn build(
    a: &Analysis,
    s: &ArticleScores,
    actors: &[ActorScores],
    lexicon: &Lexicon,
) -> ArticleRows {
    ArticleRows {
        article: article_row(a, s),
        matches: match_rows(a, lexicon),
        sources: source_rows(a, lexicon),
        actors: actors.iter().map(|x| actor_row(a, x, lexicon)).collect(),
        stances: stance_rows(a, lexicon),
        text: a.article.text.clone(),
    }
}

fn article_row(a: &Analysis, s: &ArticleScores) -> ArticleRow {
    let art = a.article;
    ArticleRow {
        id: art.id.clone(),
        title: a.title.clone(),
        outlet: art.outlet.clone(),
        date: art.date.clone(),
        url: art.url.clone(),
        origin: art.origin.clone(),
        extra: art.extra.clone(),
        scores: s.clone(),
    }
}

/// The id of an actor in reports.
pub fn actor_id(a: &Analysis, actor: ActorRef, lexicon: &Lexicon) -> String {
    match actor {
        ActorRef::Lexicon(i) => lexicon.actors[i].id.clone(),
        ActorRef::Adhoc(i) => a.article.targets[i].name.clone(),
    }
}

fn context(a: &Analysis, start: usize, end: usize) -> String {
    let sentence = a
        .sentence_at(start)
        .map(|s| a.doc.sentences[s].span.clone());
    let Some(span) = sentence else {
        return String::new();
    };
    let text = &a.article.text;
    let left: String = {
        // the last 40 characters, read from the end (a long sentence stays linear)
        let before: Vec<char> = text[span.start..start].chars().rev().take(40).collect();
        before.into_iter().rev().collect()
    };
    let right: String = text[end..span.end.max(end)].chars().take(40).collect();
    format!("{left}[{}]{right}", &text[start..end]).replace(['\n', '\r'], " ")
}

fn match_rows(a: &Analysis, lexicon: &Lexicon) -> Vec<MatchRow> {
    let mut rows: Vec<(usize, MatchRow)> = a
        .terms
        .iter()
        .map(|h| {
            let term = &lexicon.terms[h.term];
            let cat = &lexicon.categories[term.category];
            let row = MatchRow {
                article_id: a.article.id.clone(),
                sentence: Some(h.sentence),
                char_start: a.chars.chars(h.start),
                char_end: a.chars.chars(h.end),
                text: a.article.text[h.start..h.end].to_string(),
                family: cat.family.name(),
                category: cat.id.clone(),
                polarity: term.polarity,
                weight: term.weight,
                quoted: h.quoted,
                speaker: h.speaker.clone(),
                target: h.target.map(|t| actor_id(a, t, lexicon)),
                negated: h.negated,
                value: h.value,
                context: context(a, h.start, h.end),
            };
            (h.start, row)
        })
        .collect();
    for q in a.quotes.iter().filter(|q| q.scare) {
        let sentence = a.sentence_at(q.outer.start).unwrap_or(0);
        let row = MatchRow {
            article_id: a.article.id.clone(),
            sentence: Some(sentence),
            char_start: a.chars.chars(q.outer.start),
            char_end: a.chars.chars(q.outer.end),
            text: a.article.text[q.outer.clone()].to_string(),
            family: "scare_quote",
            category: "scare_quote".into(),
            polarity: 0.0,
            weight: 1.0,
            quoted: false,
            speaker: None,
            target: None,
            negated: false,
            value: 0.0,
            context: context(a, q.outer.start, q.outer.end),
        };
        rows.push((q.outer.start, row));
    }
    rows.extend(
        a.markers
            .iter()
            .map(|m| (m.span.start, marker_row(a, m, lexicon))),
    );
    rows.sort_by_key(|(start, _)| *start);
    rows.into_iter().map(|(_, row)| row).collect()
}

/// A marker of the article's type: a `genre.toml` term, or a disclaimer
/// line (category `disclaimer`, no sentence: the line is dropped as boilerplate).
fn marker_row(a: &Analysis, m: &Marker, lexicon: &Lexicon) -> MatchRow {
    let (category, weight) = match m.kind {
        MarkerKind::Term(t) => {
            let term = &lexicon.terms[t];
            (lexicon.categories[term.category].id.clone(), term.weight)
        }
        MarkerKind::Disclaimer => (
            "disclaimer".to_string(),
            lexicon.scoring.opinion_disclaimer_points,
        ),
    };
    let text = a.article.text.slice(m.span.clone());
    MatchRow {
        article_id: a.article.id.clone(),
        sentence: m.sentence,
        char_start: a.chars.chars(m.span.start),
        char_end: a.chars.chars(m.span.end),
        text: crate::text::span::excerpt(text).to_string(),
        family: m.family.name(),
        category,
        polarity: 0.0,
        weight,
        quoted: false,
        speaker: None,
        target: None,
        negated: false,
        value: 0.0,
        context: context(a, m.span.start, m.span.end),
    }
}

fn source_rows(a: &Analysis, lexicon: &Lexicon) -> Vec<SourceRow> {
    let mut budget = EXCERPT_BUDGET * a.article.text.len();
    a.attributions
        .iter()
        .map(|r| source_row(a, r, lexicon, &mut budget))
        .collect()
}

fn source_row(a: &Analysis, r: &Attribution, lexicon: &Lexicon, budget: &mut usize) -> SourceRow {
    let text = &a.article.text;
    let chars = |s: &std::ops::Range<usize>| (a.chars.chars(s.start), a.chars.chars(s.end));
    let outlet = r.outlets.first().map(|o| &lexicon.sources[*o]);
    SourceRow {
        article_id: a.article.id.clone(),
        sentence: r.sentence,
        cue: text[r.cue.clone()].to_string(),
        cue_span: chars(&r.cue),
        source: r.source.as_ref().map(|s| text[s.clone()].to_string()),
        source_span: r.source.as_ref().map(chars),
        source_kind: r.kind.name(),
        content_span: chars(&r.content),
        direct: r.direct,
        speaker: r.speaker.clone(),
        loaded_cue: r.loaded_cue,
        cited_source: outlet.map(|o| o.label.clone()),
        cited_source_kind: outlet.map(|o| o.kind.clone()),
        content: excerpt_cell(text.slice(r.content.clone()), budget),
    }
}

fn actor_row(a: &Analysis, x: &ActorScores, lexicon: &Lexicon) -> ActorRow {
    let (label, kind) = match x.actor {
        ActorRef::Lexicon(i) => (
            lexicon.actors[i].label.clone(),
            lexicon.actors[i].kind.clone(),
        ),
        ActorRef::Adhoc(i) => (a.article.targets[i].name.clone(), "target".to_string()),
    };
    ActorRow {
        article_id: a.article.id.clone(),
        actor: actor_id(a, x.actor, lexicon),
        label,
        kind,
        outlet: a.article.outlet.clone(),
        scores: x.clone(),
    }
}

fn stance_rows(a: &Analysis, lexicon: &Lexicon) -> Vec<StanceRow> {
    let mut budget = EXCERPT_BUDGET * a.article.text.len();
    a.stances
        .iter()
        .map(|s| {
            let sentence = &a.doc.sentences[s.sentence].span;
            StanceRow {
                article_id: a.article.id.clone(),
                from: actor_id(a, s.from, lexicon),
                to: actor_id(a, s.to, lexicon),
                polarity: s.polarity,
                sentence: s.sentence,
                evidence: excerpt_cell(a.article.text.slice(sentence.clone()), &mut budget),
                outlet: a.article.outlet.clone(),
            }
        })
        .collect()
}

//! Report rows for one article: the only place where analysis results become
//! owned strings, with byte offsets turned into character offsets.
//!
//! Column order is the contract in DESIGN.md: the contract columns first, in
//! their fixed order, then extra columns that only ever get appended.

use crate::analyze::genre::MarkerKind;
use crate::analyze::{ActorRef, Analysis, Attribution};
use crate::lexicon::{Family, Lexicon};
use crate::report::cell::Cell;
use crate::score::{ActorScores, ArticleScores};
use crate::text::span::{EXCERPT_BUDGET, Slice, excerpt_cell};

/// `articles.csv` contract columns.
pub const ARTICLES: &[&str] = &[
    "article_id",
    "title",
    "outlet",
    "words",
    "sentences",
    "tone",
    "loaded_per_1k",
    "hedges_per_1k",
    "boosters_per_1k",
    "quotes",
    "scare_quotes",
    "attributed_share",
    "named_sources",
    "vague_sources",
    "sourcing_score",
    "reliability",
    "flags",
];

/// `articles.csv` extra columns, before the per-category ones.
pub const ARTICLES_EXTRA: &[&str] = &[
    "date",
    "url",
    "origin",
    "paragraphs",
    "dropped_words",
    "loaded_authorial_per_1k",
    "hedges_authorial_per_1k",
    "boosters_authorial_per_1k",
    "unsupported_boosters",
    "statements",
    "organisation_sources",
    "anonymous_sources",
    "distinct_sources",
    "state_media_citations",
    "voices",
    "approximators_per_1k",
    "article_type",
    "reliability_sourcing",
    "reliability_restraint",
    "reliability_calibration",
    "reliability_balance",
    "reliability_transparency",
];

/// `matches.csv` columns.
pub const MATCHES: &[&str] = &[
    "article_id",
    "sentence",
    "char_start",
    "char_end",
    "text",
    "family",
    "category",
    "polarity",
    "weight",
    "voice",
    "speaker",
    "target",
    "negated",
    "value",
    "context",
];

/// `sources.csv` columns.
pub const SOURCES: &[&str] = &[
    "article_id",
    "sentence",
    "cue",
    "cue_start",
    "cue_end",
    "source",
    "source_start",
    "source_end",
    "source_kind",
    "content_start",
    "content_end",
    "direct",
    "speaker",
    "cue_stance",
    "cited_source",
    "cited_source_kind",
    "content",
];

/// `actors.csv` columns.
pub const ACTORS: &[&str] = &[
    "article_id",
    "actor",
    "mentions",
    "voice",
    "positive",
    "negative",
    "sentiment",
    "authorial_sentiment",
    "quoted_sentiment",
    "label",
    "kind",
    "outlet",
];

/// `stances.csv` columns.
pub const STANCES: &[&str] = &[
    "article_id",
    "from",
    "to",
    "polarity",
    "sentence",
    "evidence",
    "outlet",
];

/// The `articles.csv` header for a lexicon (one column per loaded category).
pub fn articles_header(lexicon: &Lexicon) -> Vec<String> {
    ARTICLES
        .iter()
        .chain(ARTICLES_EXTRA)
        .map(|s| (*s).to_string())
        .chain(
            lexicon
                .categories_of(Family::Loaded)
                .map(|(_, c)| format!("loaded_{}_per_1k", c.id)),
        )
        .collect()
}

/// Every row one article contributes to the reports.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleRows {
    /// The `articles.csv` row.
    pub article: Vec<Cell>,
    /// `matches.csv` rows.
    pub matches: Vec<Vec<Cell>>,
    /// `sources.csv` rows.
    pub sources: Vec<Vec<Cell>>,
    /// `actors.csv` rows.
    pub actors: Vec<Vec<Cell>>,
    /// `stances.csv` rows.
    pub stances: Vec<Vec<Cell>>,
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

fn article_row(a: &Analysis, s: &ArticleScores) -> Vec<Cell> {
    let art = a.article;
    let mut row = vec![
        Cell::text(&art.id),
        Cell::opt(a.title.as_deref()),
        Cell::opt(art.outlet.as_deref()),
        Cell::Int(s.words),
        Cell::Int(s.sentences),
        Cell::Num(s.tone),
        Cell::Num(s.per_1k(s.loaded)),
        Cell::Num(s.per_1k(s.hedges)),
        Cell::Num(s.per_1k(s.boosters)),
        Cell::Int(s.quotes),
        Cell::Int(s.scare_quotes),
        Cell::Num(s.attributed_share),
        Cell::Int(s.named_sources),
        Cell::Int(s.vague_sources),
        Cell::Score(s.sourcing_score),
        Cell::Score(s.reliability),
        Cell::text(s.flags.join(";")),
        Cell::opt(art.date.as_deref()),
        Cell::opt(art.url.as_deref()),
        Cell::text(&art.origin),
        Cell::Int(s.paragraphs),
        Cell::Int(s.dropped_words),
        Cell::Num(s.per_1k(s.loaded_authorial)),
        Cell::Num(s.per_1k(s.hedges_authorial)),
        Cell::Num(s.per_1k(s.boosters_authorial)),
        Cell::Int(s.unsupported_boosters),
        Cell::Int(s.statements),
        Cell::Int(s.organisation_sources),
        Cell::Int(s.anonymous_sources),
        Cell::Int(s.distinct_sources),
        Cell::Int(s.state_media_citations),
        Cell::Int(s.voices),
        Cell::Num(s.per_1k(s.approximators)),
        Cell::text(s.genre.kind.name()),
        Cell::Score(s.parts.sourcing),
        Cell::Score(s.parts.restraint),
        Cell::Score(s.parts.calibration),
        Cell::Score(s.parts.balance),
        Cell::Score(s.parts.transparency),
    ];
    row.extend(
        s.loaded_by_category
            .values()
            .map(|n| Cell::Num(s.per_1k(*n))),
    );
    row
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

fn match_rows(a: &Analysis, lexicon: &Lexicon) -> Vec<Vec<Cell>> {
    let mut rows: Vec<(usize, Vec<Cell>)> = a
        .terms
        .iter()
        .map(|h| {
            let term = &lexicon.terms[h.term];
            let cat = &lexicon.categories[term.category];
            let row = vec![
                Cell::text(&a.article.id),
                Cell::Int(h.sentence),
                Cell::Int(a.chars.chars(h.start)),
                Cell::Int(a.chars.chars(h.end)),
                Cell::text(&a.article.text[h.start..h.end]),
                Cell::text(cat.family.name()),
                Cell::text(&cat.id),
                Cell::Num(term.polarity),
                Cell::Num(term.weight),
                Cell::text(if h.quoted { "quoted" } else { "authorial" }),
                Cell::opt(h.speaker.as_deref()),
                h.target
                    .map_or(Cell::Empty, |t| Cell::text(actor_id(a, t, lexicon))),
                Cell::Int(usize::from(h.negated)),
                Cell::Num(h.value),
                Cell::text(context(a, h.start, h.end)),
            ];
            (h.start, row)
        })
        .collect();
    for q in a.quotes.iter().filter(|q| q.scare) {
        let sentence = a.sentence_at(q.outer.start).unwrap_or(0);
        let row = vec![
            Cell::text(&a.article.id),
            Cell::Int(sentence),
            Cell::Int(a.chars.chars(q.outer.start)),
            Cell::Int(a.chars.chars(q.outer.end)),
            Cell::text(&a.article.text[q.outer.clone()]),
            Cell::text("scare_quote"),
            Cell::text("scare_quote"),
            Cell::Num(0.0),
            Cell::Num(1.0),
            Cell::text("authorial"),
            Cell::Empty,
            Cell::Empty,
            Cell::Int(0),
            Cell::Num(0.0),
            Cell::text(context(a, q.outer.start, q.outer.end)),
        ];
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
fn marker_row(a: &Analysis, m: &crate::analyze::genre::Marker, lexicon: &Lexicon) -> Vec<Cell> {
    let (category, weight) = match m.kind {
        MarkerKind::Term(t) => {
            let term = &lexicon.terms[t];
            (lexicon.categories[term.category].id.as_str(), term.weight)
        }
        MarkerKind::Disclaimer => ("disclaimer", lexicon.scoring.opinion_disclaimer_points),
    };
    let text = a.article.text.slice(m.span.clone());
    vec![
        Cell::text(&a.article.id),
        m.sentence.map_or(Cell::Empty, Cell::Int),
        Cell::Int(a.chars.chars(m.span.start)),
        Cell::Int(a.chars.chars(m.span.end)),
        Cell::text(crate::text::span::excerpt(text)),
        Cell::text(m.family.name()),
        Cell::text(category),
        Cell::Num(0.0),
        Cell::Num(weight),
        Cell::text("authorial"),
        Cell::Empty,
        Cell::Empty,
        Cell::Int(0),
        Cell::Num(0.0),
        Cell::text(context(a, m.span.start, m.span.end)),
    ]
}

fn source_rows(a: &Analysis, lexicon: &Lexicon) -> Vec<Vec<Cell>> {
    let mut budget = EXCERPT_BUDGET * a.article.text.len();
    a.attributions
        .iter()
        .map(|r| source_row(a, r, lexicon, &mut budget))
        .collect()
}

fn source_row(a: &Analysis, r: &Attribution, lexicon: &Lexicon, budget: &mut usize) -> Vec<Cell> {
    let text = &a.article.text;
    let span_cells = |span: Option<&std::ops::Range<usize>>| match span {
        Some(s) => [
            Cell::Int(a.chars.chars(s.start)),
            Cell::Int(a.chars.chars(s.end)),
        ],
        None => [Cell::Empty, Cell::Empty],
    };
    let [cue_start, cue_end] = span_cells(Some(&r.cue));
    let [source_start, source_end] = span_cells(r.source.as_ref());
    let [content_start, content_end] = span_cells(Some(&r.content));
    let outlet = r.outlets.first().map(|o| &lexicon.sources[*o]);
    vec![
        Cell::text(&a.article.id),
        Cell::Int(r.sentence),
        Cell::text(&text[r.cue.clone()]),
        cue_start,
        cue_end,
        r.source
            .as_ref()
            .map_or(Cell::Empty, |s| Cell::text(&text[s.clone()])),
        source_start,
        source_end,
        Cell::text(r.kind.name()),
        content_start,
        content_end,
        Cell::Int(usize::from(r.direct)),
        Cell::opt(r.speaker.as_deref()),
        Cell::text(if r.loaded_cue { "loaded" } else { "neutral" }),
        Cell::opt(outlet.map(|o| o.label.as_str())),
        Cell::opt(outlet.map(|o| o.kind.as_str())),
        Cell::text(excerpt_cell(text.slice(r.content.clone()), budget)),
    ]
}

fn actor_row(a: &Analysis, x: &ActorScores, lexicon: &Lexicon) -> Vec<Cell> {
    let (label, kind) = match x.actor {
        ActorRef::Lexicon(i) => (
            lexicon.actors[i].label.clone(),
            lexicon.actors[i].kind.clone(),
        ),
        ActorRef::Adhoc(i) => (a.article.targets[i].name.clone(), "target".to_string()),
    };
    vec![
        Cell::text(&a.article.id),
        Cell::text(actor_id(a, x.actor, lexicon)),
        Cell::Int(x.mentions),
        Cell::Int(x.voice),
        Cell::Int(x.positive),
        Cell::Int(x.negative),
        Cell::Num(x.sentiment),
        Cell::Num(x.authorial_sentiment),
        Cell::Num(x.quoted_sentiment),
        Cell::text(label),
        Cell::text(kind),
        Cell::opt(a.article.outlet.as_deref()),
    ]
}

fn stance_rows(a: &Analysis, lexicon: &Lexicon) -> Vec<Vec<Cell>> {
    let mut budget = EXCERPT_BUDGET * a.article.text.len();
    a.stances
        .iter()
        .map(|s| {
            let sentence = &a.doc.sentences[s.sentence].span;
            vec![
                Cell::text(&a.article.id),
                Cell::text(actor_id(a, s.from, lexicon)),
                Cell::text(actor_id(a, s.to, lexicon)),
                Cell::Num(s.polarity),
                Cell::Int(s.sentence),
                Cell::text(excerpt_cell(
                    a.article.text.slice(sentence.clone()),
                    &mut budget,
                )),
                Cell::opt(a.article.outlet.as_deref()),
            ]
        })
        .collect()
}

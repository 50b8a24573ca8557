//! What must hold for any article, however hostile: shared by the property
//! tests and the fuzz targets (which include this file by path).
//!
//! - every span of the analysis slices the text on character boundaries;
//! - every character offset in `matches.csv` and `sources.csv` slices the text
//!   to the text reported beside it;
//! - no figure is NaN or infinite, and each stays in the range the README
//!   documents for its column.

use framescore::analyze::Analysis;
use framescore::report::cell::Cell;
use framescore::report::rows::{ArticleRows, Schemas};
use framescore::score::{ActorScores, ArticleScores};

/// Everything wrong with one scored article; empty when all holds.
pub fn problems(
    analysis: &Analysis,
    scores: &ArticleScores,
    actors: &[ActorScores],
    rows: &ArticleRows,
) -> Vec<String> {
    let mut out = analysis.span_errors();
    out.extend(quote_problems(analysis));
    out.extend(row_problems(&analysis.article.text, rows));
    out.extend(figure_problems(scores, actors));
    out
}

/// A quote's span is its words with exactly one mark before them and one
/// after (none when its closing mark is missing).
fn quote_problems(analysis: &Analysis) -> Vec<String> {
    let text = analysis.article.text.as_str();
    let is_mark = |s: &str| {
        let mut chars = s.chars();
        chars.next().is_some_and(|c| {
            "\"'\u{201C}\u{201D}\u{201E}\u{00AB}\u{00BB}\u{2018}\u{2019}".contains(c)
        }) && chars.next().is_none()
    };
    let mut out = Vec::new();
    for q in &analysis.quotes {
        let (Some(open), Some(close)) = (
            text.get(q.outer.start..q.inner.start),
            text.get(q.inner.end..q.outer.end),
        ) else {
            out.push(format!(
                "quote {:?} / {:?} does not slice",
                q.outer, q.inner
            ));
            continue;
        };
        if !is_mark(open) || !(is_mark(close) || q.unbalanced && close.is_empty()) {
            out.push(format!("quote {:?}: marks {open:?} and {close:?}", q.outer));
        }
    }
    out
}

fn int(cell: &Cell) -> Option<usize> {
    match cell {
        Cell::Int(n) => Some(*n),
        _ => None,
    }
}

fn text(cell: &Cell) -> &str {
    match cell {
        Cell::Text(s) => s,
        _ => "",
    }
}

/// An article's text with the byte offset of every character (and of its end).
struct Chars<'a> {
    text: &'a str,
    bytes: Vec<usize>,
}

impl<'a> Chars<'a> {
    fn new(text: &'a str) -> Self {
        let bytes = text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .collect();
        Chars { text, bytes }
    }

    /// The characters `start..end`, if both are inside the text.
    fn get(&self, start: usize, end: usize) -> Option<&'a str> {
        (start <= end && end < self.bytes.len())
            .then(|| &self.text[self.bytes[start]..self.bytes[end]])
    }
}

/// Checks that `[start, end, text]` cells at `at` agree with the article text.
fn offsets_match(
    article: &Chars,
    row: &[Cell],
    at: (usize, usize, usize),
    what: &str,
) -> Option<String> {
    let (s, e, t) = at;
    let (Some(start), Some(end)) = (int(&row[s]), int(&row[e])) else {
        return (!matches!(row[s], Cell::Empty)).then(|| format!("{what}: offsets not numbers"));
    };
    match article.get(start, end) {
        None => Some(format!("{what}: {start}..{end} outside the text")),
        Some(got) if t != usize::MAX && got != text(&row[t]) => Some(format!(
            "{what}: {start}..{end} slices to {got:?}, row says {:?}",
            text(&row[t])
        )),
        Some(_) => None,
    }
}

/// Offsets in report rows slice the article text to the text they report.
pub fn row_problems(article: &str, rows: &ArticleRows) -> Vec<String> {
    let lexicon = framescore::lexicon::Lexicon::shared().expect("built-in lexicons");
    let schemas = Schemas::new(lexicon, &[]);
    let article = &Chars::new(article);
    let mut out = Vec::new();
    let matches: Vec<Vec<Cell>> = rows
        .matches
        .iter()
        .map(|r| schemas.matches.cells(r))
        .collect();
    let sources: Vec<Vec<Cell>> = rows
        .sources
        .iter()
        .map(|r| schemas.sources.cells(r))
        .collect();
    for row in &matches {
        out.extend(offsets_match(article, row, (2, 3, 4), "matches.csv"));
    }
    for row in &sources {
        out.extend(offsets_match(article, row, (3, 4, 2), "sources.csv cue"));
        out.extend(offsets_match(article, row, (6, 7, 5), "sources.csv source"));
        out.extend(offsets_match(
            article,
            row,
            (9, 10, usize::MAX),
            "sources.csv content",
        ));
    }
    let every = std::iter::once(schemas.articles.cells(&rows.article))
        .chain(matches)
        .chain(sources)
        .chain(rows.actors.iter().map(|r| schemas.actors.cells(r)))
        .chain(rows.stances.iter().map(|r| schemas.stances.cells(r)));
    for row in every {
        for cell in &row {
            if let Cell::Num(x) | Cell::Score(x) = cell
                && !x.is_finite()
            {
                out.push(format!("a report cell is {x}"));
            }
        }
    }
    out
}

/// Figures stay finite and inside their documented ranges.
pub fn figure_problems(s: &ArticleScores, actors: &[ActorScores]) -> Vec<String> {
    let mut out = Vec::new();
    let mut within = |name: &str, x: f64, lo: f64, hi: f64| {
        if !(lo..=hi).contains(&x) {
            out.push(format!("{name} = {x}, outside {lo}..={hi}"));
        }
    };
    within("tone", s.tone, -1.0, 1.0);
    within("attributed_share", s.attributed_share, 0.0, 1.0);
    within("sourcing_score", s.sourcing_score, 0.0, 100.0);
    within("reliability", s.reliability, 0.0, 100.0);
    for (name, count) in [
        ("loaded_per_1k", s.loaded),
        ("hedges_per_1k", s.hedges),
        ("boosters_per_1k", s.boosters),
    ] {
        within(name, s.per_1k(count), 0.0, f64::MAX);
    }
    for a in actors {
        within("actor sentiment", a.sentiment, -1.0, 1.0);
        within(
            "actor authorial_sentiment",
            a.authorial_sentiment,
            -1.0,
            1.0,
        );
        within("actor quoted_sentiment", a.quoted_sentiment, -1.0, 1.0);
    }
    out
}

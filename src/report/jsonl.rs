//! JSON Lines output: one object per article on a stream, in input order, for
//! running framescore as a mapper under a distributed engine (Spark `pipe`,
//! Hadoop Streaming). Every report row becomes an object keyed by the same
//! column names as the CSV files (the same [`Schemas`]), so downstream code
//! reads either.

use std::io::{self, Write};

use super::Counts;
use super::columns::{Format, Json};
use super::rows::{ArticleRows, Schemas};

/// One article as a JSON line: `{"article": {…}, "matches": […], …}`.
pub fn line(rows: &ArticleRows, schemas: &Schemas) -> Vec<u8> {
    let mut out = Vec::with_capacity(4096);
    out.extend_from_slice(b"{\"article\":");
    let article = &schemas.articles;
    Json::object(article.names(), &article.cells(&rows.article), &mut out);
    let list = |key: &str, out: &mut Vec<u8>, body: &dyn Fn(&mut Vec<u8>)| {
        out.extend_from_slice(b",\"");
        out.extend_from_slice(key.as_bytes());
        out.extend_from_slice(b"\":");
        Json.header(&[], out);
        body(out);
        Json.end(out);
    };
    list("matches", &mut out, &|o| {
        schemas.matches.rows(&Json, &rows.matches, o)
    });
    list("sources", &mut out, &|o| {
        schemas.sources.rows(&Json, &rows.sources, o)
    });
    list("actors", &mut out, &|o| {
        schemas.actors.rows(&Json, &rows.actors, o)
    });
    list("stances", &mut out, &|o| {
        schemas.stances.rows(&Json, &rows.stances, o)
    });
    exact(rows, schemas, &mut out);
    out.extend_from_slice(b"}\n");
    out
}

/// The `exact` key: what `framescore merge` needs beyond the rounded cells
/// to rebuild `outlets.csv` and `outlet_actors.csv` to the last digit, and to
/// refuse shards of other versions or lexicons: `version`, `lexicon_digest`,
/// `article` (every numeric `articles.csv` column, in order, as the hex bits
/// of the `f64`, `null` when empty) and `actors` (per `actors` row, the bits
/// of `authorial_sentiment` and `quoted_sentiment`). Bits, not decimals, so
/// that no float parser can move the last digit.
fn exact(rows: &ArticleRows, schemas: &Schemas, out: &mut Vec<u8>) {
    let _ = write!(
        out,
        ",\"exact\":{{\"version\":\"{}\",\"lexicon_digest\":\"{}\",\"article\":[",
        env!("CARGO_PKG_VERSION"),
        schemas.lexicon_digest
    );
    let numeric = schemas
        .articles
        .columns()
        .iter()
        .filter(|c| c.kind.numeric());
    for (i, column) in numeric.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        match column.number(&rows.article) {
            Some(x) => {
                let _ = write!(out, "\"{:016x}\"", x.to_bits());
            }
            None => out.extend_from_slice(b"null"),
        }
    }
    out.extend_from_slice(b"],\"actors\":[");
    for (i, actor) in rows.actors.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        let s = &actor.scores;
        let _ = write!(
            out,
            "[\"{:016x}\",\"{:016x}\"]",
            s.authorial_sentiment.to_bits(),
            s.quoted_sentiment.to_bits()
        );
    }
    out.extend_from_slice(b"]}");
}

/// Writes each article's line, rendered beforehand on a worker.
pub struct JsonlSink<W: Write> {
    out: W,
    counts: Counts,
}

impl<W: Write> JsonlSink<W> {
    /// A sink on `out`.
    pub fn new(out: W) -> JsonlSink<W> {
        JsonlSink {
            out,
            counts: Counts::default(),
        }
    }

    /// Appends one article's line (from [`line`]).
    pub fn append(&mut self, rows: &ArticleRows, line: &[u8]) -> io::Result<()> {
        self.out.write_all(line)?;
        self.counts.add(rows);
        Ok(())
    }

    /// Lines and rows written so far.
    pub fn counts(&self) -> Counts {
        self.counts.clone()
    }

    /// Flushes the stream.
    pub fn finish(mut self) -> io::Result<()> {
        self.out.flush()
    }
}

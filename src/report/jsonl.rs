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
    out.extend_from_slice(b"}\n");
    out
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

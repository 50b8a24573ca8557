//! JSON Lines output: one object per article on a stream, in input order, for
//! running framescore as a mapper under a distributed engine (Spark `pipe`,
//! Hadoop Streaming). Every report row becomes an object keyed by the same
//! column names as the CSV files, so downstream code reads either.

use std::io::{self, Write};

use serde_json::{Map, Number, Value};

use super::Counts;
use super::cell::Cell;
use super::rows::{self, ArticleRows};
use crate::lexicon::Lexicon;

/// Writes each article's rows as one JSON line.
pub struct JsonlSink<W: Write> {
    out: W,
    article_header: Vec<String>,
    counts: Counts,
}

impl<W: Write> JsonlSink<W> {
    /// A sink on `out`; the lexicon fixes the article columns.
    pub fn new(out: W, lexicon: &Lexicon) -> JsonlSink<W> {
        JsonlSink {
            out,
            article_header: rows::articles_header(lexicon),
            counts: Counts::default(),
        }
    }

    /// Writes one article.
    pub fn write(&mut self, r: &ArticleRows) -> io::Result<()> {
        let mut line = Map::new();
        line.insert("article".into(), object(&self.article_header, &r.article));
        line.insert("matches".into(), list(rows::MATCHES, &r.matches));
        line.insert("sources".into(), list(rows::SOURCES, &r.sources));
        line.insert("actors".into(), list(rows::ACTORS, &r.actors));
        line.insert("stances".into(), list(rows::STANCES, &r.stances));
        // serialised first, so that a closed pipe reaches the caller as the
        // plain `BrokenPipe` io::Error it is, not wrapped in a serde error
        let mut bytes = serde_json::to_vec(&line).map_err(io::Error::other)?;
        bytes.push(b'\n');
        self.out.write_all(&bytes)?;
        self.counts.articles += 1;
        self.counts.matches += r.matches.len();
        self.counts.sources += r.sources.len();
        self.counts.actors += r.actors.len();
        self.counts.stances += r.stances.len();
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

fn list(header: &[&str], rows: &[Vec<Cell>]) -> Value {
    let header: Vec<String> = header.iter().map(|h| (*h).to_string()).collect();
    Value::Array(rows.iter().map(|row| object(&header, row)).collect())
}

fn object(header: &[String], row: &[Cell]) -> Value {
    Value::Object(header.iter().cloned().zip(row.iter().map(value)).collect())
}

fn value(cell: &Cell) -> Value {
    let rounded = |x: f64, scale: f64| {
        Number::from_f64((x * scale).round() / scale).map_or(Value::Null, Value::Number)
    };
    match cell {
        Cell::Text(s) => Value::String(s.clone()),
        Cell::Int(n) => Value::from(*n),
        Cell::Num(x) => rounded(*x, 1e4),
        Cell::Score(x) => rounded(*x, 10.0),
        Cell::Empty => Value::Null,
    }
}

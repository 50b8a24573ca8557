//! JSON Lines: one article object per line (the contract in DESIGN.md).
//! Unknown fields are ignored so that existing corpora can be piped in as they are.

use std::io::BufRead;

use serde::Deserialize;

use super::files::skip;
use super::{Article, Item, Skip, TargetSpec, nonempty};

#[derive(Deserialize)]
struct Line {
    id: Option<serde_json::Value>,
    text: Option<String>,
    title: Option<String>,
    outlet: Option<String>,
    date: Option<String>,
    url: Option<String>,
    #[serde(default)]
    targets: Vec<TargetSpec>,
    /// Every other key, flowing through to `articles.csv`.
    #[serde(flatten)]
    rest: serde_json::Map<String, serde_json::Value>,
}

/// The keys a JSONL line may hold besides extra columns.
pub(super) const KNOWN: [&str; 7] = ["id", "text", "title", "outlet", "date", "url", "targets"];

/// A JSON value as a cell: strings as they are, other scalars as JSON,
/// arrays and objects as compact JSON; `null` is no value.
fn scalar(value: serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s),
        other => Some(other.to_string()),
    }
}

/// Reads JSONL from `reader`; `location` names it in messages.
pub(super) fn read(
    mut reader: impl BufRead,
    location: &str,
    sink: &mut dyn FnMut(Item) -> bool,
) -> bool {
    let mut buf = Vec::new();
    let mut line_no = 0;
    let mut invalid_lines = 0;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => break,
            Ok(_) => {}
            Err(err) => {
                return sink(skip(
                    location,
                    format!("cannot read after line {line_no}: {err}"),
                ));
            }
        }
        line_no += 1;
        let decoded = crate::text::decode(&buf);
        invalid_lines += usize::from(decoded.invalid > 0);
        let raw = decoded.text.trim();
        if raw.is_empty() {
            continue;
        }
        let at = format!("{location}:{line_no}");
        if !sink(parse(raw, &at, location, line_no)) {
            return false;
        }
    }
    if invalid_lines > 0 {
        return sink(Item::Warning(Skip {
            location: location.to_string(),
            message: format!(
                "{invalid_lines} line(s) held invalid UTF-8, replaced by U+FFFD; re-save the file as UTF-8"
            ),
        }));
    }
    true
}

fn parse(raw: &str, at: &str, location: &str, line_no: usize) -> Item {
    let line: Line = match serde_json::from_str(raw) {
        Ok(line) => line,
        Err(err) => {
            return skip(
                at,
                format!(
                    "not a JSON object ({err}); each line must be one object like {{\"id\": \"a1\", \"text\": \"...\"}}"
                ),
            );
        }
    };
    let Some(text) = line.text else {
        return skip(
            at,
            "no `text` field; each line needs the article in `text`".into(),
        );
    };
    let id = match line.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => format!("{}:{line_no}", stem(location)),
    };
    Item::Article(Box::new(Article {
        id,
        title: nonempty(line.title),
        outlet: nonempty(line.outlet),
        date: nonempty(line.date),
        url: nonempty(line.url),
        text,
        targets: line.targets,
        origin: at.to_string(),
        extra: line
            .rest
            .into_iter()
            .filter_map(|(k, v)| scalar(v).map(|v| (k, v)))
            .collect(),
    }))
}

/// The file stem of a location, for generated ids.
pub(super) fn stem(location: &str) -> String {
    std::path::Path::new(location).file_stem().map_or_else(
        || location.to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

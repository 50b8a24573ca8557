//! Gold annotations: the JSONL format `framescore train` (and `eval`) read.
//!
//! One object per line:
//!
//! ```json
//! {"id": "d1", "text": "It may rain.", "spans": [{"start": 3, "end": 6, "label": "hedge"}],
//!  "targets": [{"start": 0, "end": 2, "polarity": "neutral"}], "split": "train"}
//! ```
//!
//! Offsets are Unicode character offsets, 0-based, end-exclusive, like every
//! offset framescore reports. A span label is `cue`, `source` or `content`
//! (attribution), a lexicon family (`hedge`, `loaded`, … see
//! [`SPAN_FAMILIES`]) or `family:category` (`loaded:name_calling`); whether
//! the category exists depends on the lexicons, so `eval` checks that part.
//! `targets` mark a mention and the polarity shown toward it; `labels` give
//! document figures (`{"tone": -0.4}`, names in [`DOC_LABELS`]). `spans`,
//! `targets`, `labels` and `split` (`train`, `dev` or `test`) are optional;
//! `title` and `outlet` are accepted and passed on. Unknown keys are refused,
//! so a typo ("spnas") is an error and not an unannotated article.

use std::collections::BTreeMap;
use std::io::BufRead;

use serde::Deserialize;

/// Attribution span labels (compared with the cue, source and content of each attribution).
pub const ATTRIBUTION_LABELS: &[&str] = &["cue", "source", "content"];

/// Lexicon families a span label may name, alone or as `family:category`.
pub const SPAN_FAMILIES: &[&str] = &[
    "loaded",
    "sentiment",
    "hedge",
    "approximator",
    "booster",
    "cue",
    "vague_source",
    "anonymous_source",
    "so_called",
];

/// Document labels and the `articles.csv` figure each is compared with.
pub const DOC_LABELS: &[&str] = &[
    "tone",
    "loaded_per_1k",
    "hedges_per_1k",
    "boosters_per_1k",
    "attributed_share",
    "sourcing_score",
    "reliability",
];

/// Splits a record may belong to.
pub const SPLITS: &[&str] = &["train", "dev", "test"];

/// Polarity toward a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Polarity {
    /// Negative.
    Negative,
    /// Neither.
    Neutral,
    /// Positive.
    Positive,
}

impl Polarity {
    /// The name in gold files and models.
    pub fn name(self) -> &'static str {
        match self {
            Polarity::Negative => "negative",
            Polarity::Neutral => "neutral",
            Polarity::Positive => "positive",
        }
    }
}

/// A labelled span, in characters.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldSpan {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// `cue`, `source`, `content`, a family of [`SPAN_FAMILIES`] or `family:category`.
    pub label: String,
}

/// A target mention and the polarity toward it, in characters.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldTarget {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Polarity toward the mention.
    pub polarity: Polarity,
    /// Optional display name.
    #[serde(default)]
    pub name: Option<String>,
}

/// One annotated text.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldRecord {
    /// Identifier.
    pub id: String,
    /// The text the offsets point into.
    pub text: String,
    /// Optional title.
    #[serde(default)]
    pub title: Option<String>,
    /// Optional outlet.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Labelled spans.
    #[serde(default)]
    pub spans: Vec<GoldSpan>,
    /// Target mentions.
    #[serde(default)]
    pub targets: Vec<GoldTarget>,
    /// Document figures by name (one of [`DOC_LABELS`]).
    #[serde(default)]
    pub labels: BTreeMap<String, f64>,
    /// `train`, `dev` or `test`; none means train.
    #[serde(default)]
    pub split: Option<String>,
    /// 1-based line in the file (set by the reader).
    #[serde(skip)]
    pub line: usize,
}

impl GoldRecord {
    /// Whether the record is for training (no split, or `train`).
    pub fn is_train(&self) -> bool {
        self.split.as_deref().is_none_or(|s| s == "train")
    }
}

/// A gold file that cannot be used, with its place.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    /// The file could not be read.
    #[error("cannot read gold file `{path}`: {error}")]
    Io {
        /// The path.
        path: String,
        /// The OS error (in the message, so not a `source`: printed once).
        error: std::io::Error,
    },
    /// A line is wrong.
    #[error("{path}:{line}: {message}")]
    Invalid {
        /// The path.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong and how to fix it.
        message: String,
    },
}

/// Reads and checks every line of a gold file; blank lines are skipped.
pub fn read(path: &str, reader: impl BufRead) -> Result<Vec<GoldRecord>, GoldError> {
    let mut out = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|error| GoldError::Io {
            path: path.to_string(),
            error,
        })?;
        let n = i + 1;
        let text = line.trim_start_matches('\u{feff}');
        if text.trim().is_empty() {
            continue;
        }
        let invalid = |message: String| GoldError::Invalid {
            path: path.to_string(),
            line: n,
            message,
        };
        let mut record: GoldRecord =
            serde_json::from_str(text).map_err(|e| invalid(format!("not a gold record: {e}")))?;
        record.line = n;
        check(&record).map_err(invalid)?;
        out.push(record);
    }
    Ok(out)
}

/// Reads a gold file from disk.
pub fn read_file(path: &std::path::Path) -> Result<Vec<GoldRecord>, GoldError> {
    let shown = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|error| GoldError::Io {
        path: shown.clone(),
        error,
    })?;
    read(&shown, std::io::BufReader::new(file))
}

/// Checks spans and targets of one record against its text.
pub fn check(record: &GoldRecord) -> Result<(), String> {
    let len = record.text.chars().count();
    if let Some(split) = &record.split
        && !SPLITS.contains(&split.as_str())
    {
        return Err(format!(
            "unknown split `{split}`; use one of: {}",
            SPLITS.join(", ")
        ));
    }
    let in_range = |what: &str, start: usize, end: usize| {
        if start >= end || end > len {
            Err(format!(
                "{what} {start}..{end} is out of range: the text has {len} characters and a span needs start < end (character offsets, end-exclusive)"
            ))
        } else {
            Ok(())
        }
    };
    for s in &record.spans {
        check_label(&s.label)?;
        in_range("span", s.start, s.end)?;
    }
    let mut spans: Vec<&GoldSpan> = record.spans.iter().collect();
    spans.sort_by(|a, b| (&a.label, a.start).cmp(&(&b.label, b.start)));
    for pair in spans.windows(2) {
        if pair[0].label == pair[1].label && pair[1].start < pair[0].end {
            return Err(format!(
                "`{}` spans {}..{} and {}..{} overlap; merge them into one span",
                pair[0].label, pair[0].start, pair[0].end, pair[1].start, pair[1].end
            ));
        }
    }
    for t in &record.targets {
        in_range("target", t.start, t.end)?;
    }
    for (name, value) in &record.labels {
        if !DOC_LABELS.contains(&name.as_str()) {
            return Err(format!(
                "unknown document label `{name}`; use one of: {}",
                DOC_LABELS.join(", ")
            ));
        }
        if !value.is_finite() {
            return Err(format!("document label `{name}` is not a finite number"));
        }
    }
    Ok(())
}

/// Splits a span label into its family and optional category.
pub fn split_label(label: &str) -> (&str, Option<&str>) {
    match label.split_once(':') {
        Some((family, category)) => (family, Some(category)),
        None => (label, None),
    }
}

/// Checks the form of a span label (the category's existence is up to the lexicons).
fn check_label(label: &str) -> Result<(), String> {
    let (family, category) = split_label(label);
    let known = SPAN_FAMILIES.contains(&family)
        || (category.is_none() && ATTRIBUTION_LABELS.contains(&family));
    let valid_category = category.is_none_or(|c| {
        !c.is_empty()
            && c.chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
    });
    if known && valid_category {
        return Ok(());
    }
    Err(format!(
        "unknown span label `{label}`; use one of: {}, or a family or `family:category` of: {}",
        ATTRIBUTION_LABELS.join(", "),
        SPAN_FAMILIES.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Vec<GoldRecord>, String> {
        read("g.jsonl", text.as_bytes()).map_err(|e| e.to_string())
    }

    #[test]
    fn valid_record() {
        let got = parse(
            "\n{\"id\":\"a\",\"text\":\"Ça may be\",\"spans\":[{\"start\":3,\"end\":6,\"label\":\"hedge\"}],\"targets\":[{\"start\":0,\"end\":2,\"polarity\":\"neutral\"}],\"split\":\"dev\"}\n",
        )
        .expect("valid");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].line, 2);
        assert_eq!(got[0].targets[0].polarity, Polarity::Neutral);
        assert!(!got[0].is_train());
    }

    #[test]
    fn gold_errors_table() {
        let cases = [
            (
                "{\"id\":\"a\"}",
                "g.jsonl:1: not a gold record: missing field `text`",
            ),
            (
                "{\"id\":\"a\",\"text\":\"x\",\"spnas\":[]}",
                "g.jsonl:1: not a gold record: unknown field `spnas`",
            ),
            ("not json", "g.jsonl:1: not a gold record"),
            (
                "{\"id\":\"a\",\"text\":\"abc\",\"spans\":[{\"start\":1,\"end\":9,\"label\":\"hedge\"}]}",
                "g.jsonl:1: span 1..9 is out of range: the text has 3 characters",
            ),
            (
                "{\"id\":\"a\",\"text\":\"abc\",\"spans\":[{\"start\":2,\"end\":2,\"label\":\"hedge\"}]}",
                "g.jsonl:1: span 2..2 is out of range",
            ),
            (
                "{\"id\":\"a\",\"text\":\"abc\",\"spans\":[{\"start\":0,\"end\":1,\"label\":\"maybe\"}]}",
                "g.jsonl:1: unknown span label `maybe`",
            ),
            (
                "{\"id\":\"a\",\"text\":\"abcdef\",\"spans\":[{\"start\":0,\"end\":3,\"label\":\"hedge\"},{\"start\":2,\"end\":4,\"label\":\"hedge\"}]}",
                "g.jsonl:1: `hedge` spans 0..3 and 2..4 overlap",
            ),
            (
                "{\"id\":\"a\",\"text\":\"abc\",\"targets\":[{\"start\":0,\"end\":1,\"polarity\":\"good\"}]}",
                "g.jsonl:1: not a gold record: unknown variant `good`",
            ),
            (
                "{\"id\":\"a\",\"text\":\"abc\",\"split\":\"holdout\"}",
                "g.jsonl:1: unknown split `holdout`",
            ),
            (
                "{\"id\":\"a\",\"text\":\"abc\",\"spans\":[{\"start\":0,\"end\":1,\"label\":\"loaded:Name Calling\"}]}",
                "g.jsonl:1: unknown span label `loaded:Name Calling`",
            ),
            (
                "{\"id\":\"a\",\"text\":\"abc\",\"spans\":[{\"start\":0,\"end\":1,\"label\":\"source:named\"}]}",
                "g.jsonl:1: unknown span label `source:named`",
            ),
            (
                "{\"id\":\"a\",\"text\":\"abc\",\"labels\":{\"mood\":1}}",
                "g.jsonl:1: unknown document label `mood`",
            ),
            (
                "{\"id\":\"a\",\"text\":\"abc\",\"labels\":{\"tone\":\"high\"}}",
                "g.jsonl:1: not a gold record: invalid type",
            ),
        ];
        for (text, want) in cases {
            let got = parse(text).expect_err(text);
            assert!(got.starts_with(want), "{text}: {got}");
        }
    }

    #[test]
    fn category_labels_and_document_labels() {
        let text = "{\"id\":\"a\",\"text\":\"abcdef\",\"spans\":[{\"start\":0,\"end\":3,\"label\":\"loaded\"},{\"start\":0,\"end\":3,\"label\":\"loaded:name_calling\"}],\"labels\":{\"tone\":-0.4}}";
        let got = parse(text).expect("valid");
        assert_eq!(got[0].labels["tone"], -0.4);
        assert_eq!(
            split_label("loaded:name_calling"),
            ("loaded", Some("name_calling"))
        );
        assert_eq!(split_label("hedge"), ("hedge", None));
    }

    #[test]
    fn different_labels_may_overlap() {
        let text = "{\"id\":\"a\",\"text\":\"abcdef\",\"spans\":[{\"start\":0,\"end\":3,\"label\":\"cue\"},{\"start\":2,\"end\":4,\"label\":\"hedge\"}]}";
        assert!(parse(text).is_ok());
    }
}

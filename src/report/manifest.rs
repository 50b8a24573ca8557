//! `manifest.json`: what produced a set of reports, so a figure can be traced
//! to the tool version, lexicons and options that made it, and so a reader can
//! check that the files beside it belong to one run (`run_id`, `files`).

use std::collections::BTreeMap;

use serde::Serialize;

use super::Counts;

/// A skipped, degraded or passed-over input.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Notice {
    /// File, or file:line.
    pub location: String,
    /// What happened.
    pub message: String,
}

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// Input that should have been an article and was not scored (exit code 1).
    Skipped,
    /// Read, but with a problem (invalid UTF-8, duplicate id, input given twice).
    Warning,
    /// Not an article and passed over, or a symlink followed: for the record.
    Note,
}

/// Repeats found in the inputs.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Duplicates {
    /// Articles whose id an earlier article already had.
    pub ids: usize,
    /// Files reached a second time and read once.
    pub inputs: usize,
}

/// The manifest of one run.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    /// Always `framescore`.
    pub tool: String,
    /// Crate version.
    pub version: String,
    /// Unique id of the run that wrote this report set.
    pub run_id: String,
    /// SHA-256 of every other report file of this run (name → hex digest).
    pub files: BTreeMap<String, String>,
    /// SHA-256 over the lexicon files used.
    pub lexicon_digest: String,
    /// Lexicon files used (name → path).
    pub lexicon_files: Vec<(String, String)>,
    /// Inputs as given.
    pub inputs: Vec<String>,
    /// Options that change results or layout.
    pub options: serde_json::Value,
    /// Rows per report.
    pub counts: Counts,
    /// Repeated ids and inputs.
    pub duplicates: Duplicates,
    /// Inputs skipped.
    pub skipped: Vec<Notice>,
    /// Inputs read with problems (e.g. invalid UTF-8, duplicate ids).
    pub warnings: Vec<Notice>,
    /// Files passed over as no articles, symlinks followed, leftovers cleaned.
    pub notes: Vec<Notice>,
    /// Wall-clock seconds.
    pub elapsed_seconds: f64,
    /// The shards a `framescore merge` combined, in order (absent otherwise).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shards: Vec<Shard>,
}

/// One shard of a merged report set.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Shard {
    /// The path as given (`-` for standard input).
    pub path: String,
    /// `report` (a folder written by `score`) or `jsonl` (`score --jsonl` output).
    pub kind: String,
    /// The shard's `run_id` (report folders; JSONL carries none).
    pub run_id: Option<String>,
    /// SHA-256 of the shard's `manifest.json`, or of the JSONL bytes.
    pub sha256: String,
    /// Articles it held.
    pub articles: usize,
}

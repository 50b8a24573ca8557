//! `manifest.json`: what produced a set of reports, so a figure can be traced
//! to the tool version, lexicons and options that made it.

use serde::Serialize;

use super::Counts;

/// A skipped or degraded input.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Notice {
    /// File, or file:line.
    pub location: String,
    /// What happened.
    pub message: String,
}

/// The manifest of one run.
#[derive(Debug, Clone, Serialize)]
pub struct Manifest {
    /// Always `framescore`.
    pub tool: String,
    /// Crate version.
    pub version: String,
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
    /// Inputs skipped.
    pub skipped: Vec<Notice>,
    /// Inputs read with problems (e.g. invalid UTF-8).
    pub warnings: Vec<Notice>,
    /// Wall-clock seconds.
    pub elapsed_seconds: f64,
}

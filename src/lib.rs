//! framescore: transparent, lexicon-driven scoring of news articles.
//!
//! The library is the whole pipeline described in `DESIGN.md`, one module per
//! stage, so that each stage can be tested and benchmarked on its own:
//!
//! ```text
//! ingest ─► text ─► analyze ─► score ─► report
//! ```
//!
//! It never prints and never parses command-line arguments: the `framescore`
//! binary is a thin shell around [`pipeline::run`].
//!
//! ```
//! use framescore::{ingest::Article, lexicon::Lexicon, analyze, score};
//!
//! let lexicon = Lexicon::shared().expect("built-in lexicons are valid");
//! let article = Article::from_text("demo", "Critics say the arrogant plan clearly failed.");
//! let analysis = analyze::analyze(&article, lexicon);
//! let scores = score::score(&analysis, lexicon);
//! assert!(scores.tone < 0.0);
//! ```
#![warn(missing_docs, clippy::print_stdout, clippy::print_stderr)]

pub mod analyze;
pub mod diff;
pub mod eval;
pub mod explain;
pub mod ingest;
pub mod kwic;
pub mod learn;
pub mod lexicon;
pub mod pipeline;
pub mod report;
pub mod score;
pub mod text;
pub mod workbench;

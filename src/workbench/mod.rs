//! The lexicon maintainer's tools: bringing other tools' dictionaries in
//! (`import`) and finding words the lexicons miss (`suggest`). They sit
//! beside the pipeline rather than in it: each reads whole inputs, uses the
//! same loader and matcher as `score`, and returns data for the CLI to write.

pub mod import;
pub mod suggest;

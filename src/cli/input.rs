//! The input options `score` has, shared by the commands that read articles
//! (`kwic`, `explain`, `diff --lexicons`), so one corpus is read the same way
//! by each of them.

use clap::ValueEnum;
use framescore::ingest::{Columns, IngestOptions, InputFormat};

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Auto,
    Text,
    Jsonl,
    Csv,
}

/// How to read the inputs.
#[derive(clap::Args, Clone)]
pub struct InputArgs {
    /// How to read the inputs (auto: by extension; stdin is JSONL).
    #[arg(long, value_enum, default_value = "auto")]
    input_format: Format,
    /// CSV column holding the article text.
    #[arg(long, default_value = "text")]
    text_col: String,
    /// CSV column holding the article id.
    #[arg(long, default_value = "id")]
    id_col: String,
    /// CSV column holding the title.
    #[arg(long, default_value = "title")]
    title_col: String,
    /// CSV column holding the outlet.
    #[arg(long, default_value = "outlet")]
    outlet_col: String,
}

impl InputArgs {
    /// The library's ingest options.
    pub fn options(&self) -> IngestOptions {
        IngestOptions {
            format: match self.input_format {
                Format::Auto => InputFormat::Auto,
                Format::Text => InputFormat::Text,
                Format::Jsonl => InputFormat::Jsonl,
                Format::Csv => InputFormat::Csv,
            },
            columns: Columns {
                text: self.text_col.clone(),
                id: self.id_col.clone(),
                title: self.title_col.clone(),
                outlet: self.outlet_col.clone(),
                ..Columns::default()
            },
            ..IngestOptions::default()
        }
    }
}

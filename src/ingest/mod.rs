//! Readers that turn files, folders, CSV, JSONL and stdin into a stream of articles.
//!
//! Readers push items to a callback instead of returning a collection, so the
//! corpus is never held in memory: the pipeline puts a bounded channel behind
//! the callback. A problem with one file, row or line becomes a [`Skip`] with
//! its location and the stream goes on; files that are no articles (README,
//! binary, the output folder) become a [`Item::Note`].

mod columns;
mod delimited;
mod files;
mod jsonl;
mod sniff;

pub use columns::input_columns;

use std::path::PathBuf;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

use serde::Deserialize;

/// An extra actor given with one article (JSONL `targets`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct TargetSpec {
    /// Name reported in `actors.csv`.
    pub name: String,
    /// Names to find in the text (the name itself is always one).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Exact mention: start character offset.
    pub start: Option<usize>,
    /// Exact mention: end character offset (exclusive).
    pub end: Option<usize>,
}

/// One article to score.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// Identifier reported in every output.
    pub id: String,
    /// Title, if the source gives one.
    pub title: Option<String>,
    /// Outlet, if given.
    pub outlet: Option<String>,
    /// Date, if given.
    pub date: Option<String>,
    /// URL, if given.
    pub url: Option<String>,
    /// The text as read (decoded).
    pub text: String,
    /// Ad-hoc actors for this article only.
    pub targets: Vec<TargetSpec>,
    /// Further input columns (CSV columns, JSONL keys) and their values, which
    /// flow through to `articles.csv`.
    pub extra: Vec<(String, String)>,
    /// Where it came from (path, or path:line).
    pub origin: String,
}

impl Article {
    /// An article from an id and a text, with no metadata.
    pub fn from_text(id: &str, text: &str) -> Article {
        Article {
            id: id.to_string(),
            text: text.to_string(),
            origin: id.to_string(),
            ..Article::default()
        }
    }
}

/// How to read an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// By extension (`-` is JSONL).
    #[default]
    Auto,
    /// One article per file.
    Text,
    /// One JSON object per line.
    Jsonl,
    /// A table with a text column.
    Csv,
}

/// Column names for CSV input.
#[derive(Debug, Clone)]
pub struct Columns {
    /// Text column.
    pub text: String,
    /// Id column.
    pub id: String,
    /// Title column.
    pub title: String,
    /// Outlet column.
    pub outlet: String,
    /// Date column.
    pub date: String,
    /// URL column.
    pub url: String,
}

impl Default for Columns {
    fn default() -> Self {
        Columns {
            text: "text".into(),
            id: "id".into(),
            title: "title".into(),
            outlet: "outlet".into(),
            date: "date".into(),
            url: "url".into(),
        }
    }
}

/// Options for reading inputs.
#[derive(Debug, Clone, Default)]
pub struct IngestOptions {
    /// Forced format, or by extension.
    pub format: InputFormat,
    /// CSV column names.
    pub columns: Columns,
    /// In folders, read only files whose path inside the folder matches (`--glob`).
    pub include: Option<GlobSet>,
    /// In folders, pass over files and folders whose path matches (`--exclude`).
    pub exclude: Option<GlobSet>,
    /// Folders (canonical paths) never read from inside an input folder: the output folder.
    pub skip_dirs: Vec<PathBuf>,
}

/// Compiles `--glob`/`--exclude` patterns as fd and ripgrep read them: matched
/// against the path inside the input folder; a pattern without `/` matches a
/// name at any depth; `*` stays within one path component, `**` crosses them.
pub fn globs(patterns: &[String]) -> Result<Option<GlobSet>, globset::Error> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut set = GlobSetBuilder::new();
    for pattern in patterns {
        let pattern = pattern.trim_start_matches("./");
        let mut forms = vec![pattern.to_string()];
        if !pattern.contains('/') {
            forms.push(format!("**/{pattern}"));
        }
        for form in forms {
            set.add(GlobBuilder::new(&form).literal_separator(true).build()?);
        }
    }
    set.build().map(Some)
}

/// Something that could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skip {
    /// File, or file:line.
    pub location: String,
    /// What went wrong and what to do.
    pub message: String,
}

/// What the readers emit.
#[derive(Debug, Clone)]
pub enum Item {
    /// An article to score.
    Article(Box<Article>),
    /// Input that was skipped; the rest goes on.
    Skip(Skip),
    /// Input that was read with a problem (e.g. invalid UTF-8).
    Warning(Skip),
    /// Input that is not an article and was passed over, or a symlink followed.
    Note(Skip),
}

/// What reading the inputs found besides items.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadStats {
    /// Files reached a second time (an input given twice, or a file inside a
    /// folder also given) and read once.
    pub duplicate_inputs: usize,
}

/// Reads every input in order, passing each item to `sink`; stops early if `sink` returns false.
pub fn read_inputs(
    inputs: &[PathBuf],
    options: &IngestOptions,
    sink: &mut dyn FnMut(Item) -> bool,
) -> ReadStats {
    let articles = std::cell::Cell::new(0usize);
    let mut counting = |item: Item| {
        if matches!(item, Item::Article(_)) {
            articles.set(articles.get() + 1);
        }
        sink(item)
    };
    let mut reader = files::Reader::new(options, &mut counting, &articles);
    for input in inputs {
        if !reader.read_input(input) {
            break;
        }
    }
    ReadStats {
        duplicate_inputs: reader.duplicate_inputs,
    }
}

/// Decodes bytes and reports invalid UTF-8 once for `location`.
fn decode_reporting(
    bytes: &[u8],
    location: &str,
    sink: &mut dyn FnMut(Item) -> bool,
) -> (String, bool) {
    let decoded = crate::text::decode(bytes);
    let mut go_on = true;
    if decoded.invalid > 0 {
        go_on = sink(Item::Warning(Skip {
            location: location.to_string(),
            message: format!(
                "{} invalid UTF-8 sequence(s) replaced by U+FFFD; re-save the file as UTF-8 to keep every character",
                decoded.invalid
            ),
        }));
    }
    (decoded.text, go_on)
}

/// Takes an id-like JSON/CSV value as a string.
fn nonempty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

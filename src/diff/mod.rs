//! Comparing two report sets: what moved when the lexicons (or the program)
//! changed, so that tuning a lexicon is a loop of edit, score, diff.
//!
//! A lexicon change shows up in three places, and each is compared the way it
//! can be compared cheaply at any corpus size:
//!
//! - every numeric figure of `articles.csv` (keyed by article) and
//!   `actors.csv` (keyed by article and actor; an actor missing from one side
//!   had no mentions there, so its figures are zero): the old side is held
//!   in a hash map, the new side streams past it;
//! - the rows of `matches.csv`, keyed by article, span, family, category and
//!   text: both sides are sorted by key and merged, so a million matches
//!   cost two sorts, never a quadratic join;
//! - counts per family of what appeared and disappeared.
//!
//! Report folders written by different framescore versions are compared on
//! the columns both have, and the difference is said in [`Diff::notes`];
//! a folder missing a key column is refused with the reason.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use crate::lexicon::{Lexicon, Target};
use crate::report::cell::{Cell, Table};
use crate::text::normalize::Folded;

/// Why two report folders cannot be compared; every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum DiffError {
    /// A file could not be opened or read.
    #[error("{}: cannot read: {error}; pass a folder written by `framescore score`", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        error: io::Error,
    },
    /// A file is not what a report folder holds.
    #[error("{}:{line}: {message}", path.display())]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// 1-based line (0 when unknown).
        line: u64,
        /// What is wrong and what to do.
        message: String,
    },
    /// The two folders cannot be compared.
    #[error("{0}")]
    Refused(String),
}

/// One figure that changed, in `articles.csv` or `actors.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureChange {
    /// `articles.csv` or `actors.csv`.
    pub file: &'static str,
    /// The article.
    pub article_id: String,
    /// The actor, for `actors.csv`.
    pub actor: Option<String>,
    /// The column.
    pub figure: String,
    /// Value in the old report (absent when the cell was empty).
    pub old: Option<f64>,
    /// Value in the new report.
    pub new: Option<f64>,
}

impl FigureChange {
    /// `new − old`, an absent value counting as 0.
    pub fn delta(&self) -> f64 {
        self.new.unwrap_or(0.0) - self.old.unwrap_or(0.0)
    }
}

/// One row of `matches.csv` that is in one report and not the other.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchRow {
    /// The article.
    pub article_id: String,
    /// Sentence index.
    pub sentence: String,
    /// Character offsets.
    pub char_start: u64,
    /// End offset (exclusive).
    pub char_end: u64,
    /// The words as written.
    pub text: String,
    /// Lexicon family.
    pub family: String,
    /// Category.
    pub category: String,
    /// The context column, when the report has it.
    pub context: String,
    /// The lexicon entry behind the match (`barbarian*`), when it was found.
    pub entry: Option<String>,
}

/// Counts over the whole comparison.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Articles in both reports.
    pub articles_both: usize,
    /// Article ids only in the old report.
    pub only_old: Vec<String>,
    /// Article ids only in the new report.
    pub only_new: Vec<String>,
    /// Articles in both with at least one changed figure in `articles.csv`.
    pub articles_changed: usize,
    /// Article × actor pairs with a changed figure in `actors.csv`.
    pub actors_changed: usize,
    /// Matches that appeared, per family.
    pub added: BTreeMap<String, usize>,
    /// Matches that disappeared, per family.
    pub removed: BTreeMap<String, usize>,
}

/// What changed between two report sets.
#[derive(Debug, Clone, Default)]
pub struct Diff {
    /// Figure changes, largest absolute change first (ties in report order).
    pub figures: Vec<FigureChange>,
    /// Matches in the new report only, in report order.
    pub added: Vec<MatchRow>,
    /// Matches in the old report only, in report order.
    pub removed: Vec<MatchRow>,
    /// Counts.
    pub summary: Summary,
    /// What was not compared and why (version and column differences).
    pub notes: Vec<String>,
}

/// Finds the lexicon entry behind a match, given its words, family and category.
pub trait EntryLookup {
    /// The entry as written in the lexicon (`barbarian*`), if one matches.
    fn entry(&self, text: &str, family: &str, category: &str) -> Option<String>;
}

/// No lexicon at hand: no entries.
pub struct NoEntries;

impl EntryLookup for NoEntries {
    fn entry(&self, _: &str, _: &str, _: &str) -> Option<String> {
        None
    }
}

impl EntryLookup for Lexicon {
    fn entry(&self, text: &str, family: &str, category: &str) -> Option<String> {
        entries_matching(self, text)
            .into_iter()
            .map(|t| &self.terms[t])
            .find(|t| {
                let c = &self.categories[t.category];
                c.id == category && c.family.name() == family
            })
            .map(|t| t.text.clone())
    }
}

/// The terms (indexes into [`Lexicon::terms`]) whose entry matches the whole
/// of `text`: the wildcard entry `barbarian*` for "barbarians", the
/// multiword entry `wolf warrior` for "Wolf  Warrior". Uses the lexicon's own
/// matcher, so the answer is exactly what scoring would find.
pub fn entries_matching(lexicon: &Lexicon, text: &str) -> Vec<usize> {
    let text = text.trim();
    let folded = Folded::new(text, 0);
    lexicon
        .matcher
        .find(folded.view(), text)
        .into_iter()
        .filter(|h| h.start == 0 && h.end == text.len())
        .flat_map(|h| h.targets)
        .filter_map(|t| match t {
            Target::Term(i) => Some(i as usize),
            _ => None,
        })
        .collect()
}

/// The lexicon folders a report was scored with, from its manifest's
/// `lexicon_files` (built-in files need no folder). `None` when the manifest
/// does not say.
pub fn lexicon_dirs(manifest: &serde_json::Value) -> Option<Vec<PathBuf>> {
    let files = manifest.get("lexicon_files")?.as_array()?;
    let mut dirs: Vec<PathBuf> = Vec::new();
    for pair in files {
        let path = pair.get(1)?.as_str()?;
        if path.starts_with("<built-in>") {
            continue;
        }
        let path = Path::new(path);
        let mut dir = path.parent()?.to_path_buf();
        if dir
            .file_name()
            .is_some_and(|n| n == crate::lexicon::MODELS_DIR)
        {
            dir = dir.parent()?.to_path_buf();
        }
        if !dirs.contains(&dir) {
            dirs.push(dir);
        }
    }
    Some(dirs)
}

/// Reads and parses a report folder's `manifest.json`; `Ok(None)` when there is none.
pub fn read_manifest(dir: &Path) -> Result<Option<serde_json::Value>, DiffError> {
    let path = dir.join("manifest.json");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(DiffError::Io { path, error }),
    };
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| DiffError::Corrupt {
        path: path.clone(),
        line: e.line() as u64,
        message: format!(
            "column {}: not valid JSON ({e}); run `framescore score` again to rewrite the folder",
            e.column()
        ),
    })?;
    if value.get("tool").and_then(|t| t.as_str()) != Some("framescore") {
        return Err(DiffError::Corrupt {
            path,
            line: 1,
            message: "not a framescore manifest (no \"tool\": \"framescore\")".into(),
        });
    }
    Ok(Some(value))
}

/// Text columns of `articles.csv` and `actors.csv`: never compared as numbers
/// (a title may well be "2024").
const TEXT_COLUMNS: &[&str] = &[
    "article_id",
    "title",
    "outlet",
    "flags",
    "date",
    "url",
    "origin",
    "actor",
    "label",
    "kind",
];

/// Columns that identify a `matches.csv` row.
const MATCH_KEY: &[&str] = &[
    "article_id",
    "char_start",
    "char_end",
    "text",
    "family",
    "category",
];

/// Compares the report folders `old` and `new`; `old_lexicon` and
/// `new_lexicon` name the entry behind each removed and added match.
pub fn compare(
    old: &Path,
    new: &Path,
    old_lexicon: &dyn EntryLookup,
    new_lexicon: &dyn EntryLookup,
) -> Result<Diff, DiffError> {
    let mut diff = Diff::default();
    version_notes(old, new, &mut diff.notes)?;
    let articles = figures(
        &old.join("articles.csv"),
        &new.join("articles.csv"),
        &["article_id"],
        &mut diff.notes,
    )?;
    diff.summary.articles_both = articles.both;
    diff.summary.only_old = articles.only_old;
    diff.summary.only_new = articles.only_new;
    diff.summary.articles_changed = articles.rows_changed;
    let actors = figures(
        &old.join("actors.csv"),
        &new.join("actors.csv"),
        &["article_id", "actor"],
        &mut diff.notes,
    )?;
    diff.summary.actors_changed = actors.rows_changed;
    let mut changes = articles.changes;
    changes.extend(actors.changes);
    // stable: equal changes stay in report order, articles before actors
    changes.sort_by(|a, b| b.delta().abs().total_cmp(&a.delta().abs()));
    diff.figures = changes;
    let (added, removed) = matches(&old.join("matches.csv"), &new.join("matches.csv"))?;
    for (rows, counts) in [
        (&added, &mut diff.summary.added),
        (&removed, &mut diff.summary.removed),
    ] {
        for r in rows {
            *counts.entry(r.family.clone()).or_default() += 1;
        }
    }
    diff.added = with_entries(added, new_lexicon);
    diff.removed = with_entries(removed, old_lexicon);
    Ok(diff)
}

fn with_entries(mut rows: Vec<MatchRow>, lexicon: &dyn EntryLookup) -> Vec<MatchRow> {
    let mut cache: HashMap<(String, String, String), Option<String>> = HashMap::new();
    for r in &mut rows {
        let key = (r.text.to_lowercase(), r.family.clone(), r.category.clone());
        r.entry = cache
            .entry(key)
            .or_insert_with(|| lexicon.entry(&r.text, &r.family, &r.category))
            .clone();
    }
    rows
}

fn version_notes(old: &Path, new: &Path, notes: &mut Vec<String>) -> Result<(), DiffError> {
    let version = |m: &Option<serde_json::Value>| {
        m.as_ref()
            .and_then(|m| m.get("version"))
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    let (old_m, new_m) = (read_manifest(old)?, read_manifest(new)?);
    for (dir, m) in [(old, &old_m), (new, &new_m)] {
        if m.is_none() {
            notes.push(format!(
                "{}: no manifest.json, so the framescore version that wrote it is unknown; comparing the columns both folders have",
                dir.display()
            ));
        }
    }
    if let (Some(a), Some(b)) = (version(&old_m), version(&new_m))
        && a != b
    {
        notes.push(format!(
            "{} was written by framescore {a} and {} by framescore {b}: only the columns both have are compared",
            old.display(),
            new.display()
        ));
    }
    Ok(())
}

/// What a figure comparison of one file found.
struct Figures {
    changes: Vec<FigureChange>,
    both: usize,
    only_old: Vec<String>,
    only_new: Vec<String>,
    rows_changed: usize,
}

/// One CSV file being read, with its path for messages.
struct Csv {
    path: PathBuf,
    reader: csv::Reader<Box<dyn Read>>,
    header: Vec<String>,
}

impl Csv {
    fn open(path: &Path) -> Result<Csv, DiffError> {
        let file = File::open(path).map_err(|error| DiffError::Io {
            path: path.to_path_buf(),
            error,
        })?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(Box::new(BufReader::new(file)) as Box<dyn Read>);
        let header = reader
            .headers()
            .map_err(|e| csv_error(path, &e))?
            .iter()
            .enumerate()
            .map(|(i, h)| {
                if i == 0 {
                    h.trim_start_matches('\u{feff}').to_string()
                } else {
                    h.to_string()
                }
            })
            .collect();
        Ok(Csv {
            path: path.to_path_buf(),
            reader,
            header,
        })
    }

    fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    fn require(&self, name: &str) -> Result<usize, DiffError> {
        self.column(name).ok_or_else(|| {
            DiffError::Refused(format!(
                "cannot compare {}: it has no `{name}` column, which identifies its rows; it was not written by a framescore version this one can read",
                self.path.display()
            ))
        })
    }

    /// Every row, each with the byte offset where it starts, stopping at the first bad one.
    fn rows(&mut self) -> impl Iterator<Item = Result<(Place, csv::StringRecord), DiffError>> + '_ {
        let path = self.path.clone();
        self.reader.records().map(move |r| match r {
            Ok(record) => {
                let byte = record.position().map_or(0, |p| p.byte());
                Ok((Place(byte), record))
            }
            Err(e) => Err(csv_error(&path, &e)),
        })
    }
}

/// Where a row starts (a byte offset), turned into a line number only
/// when a message needs one.
#[derive(Debug, Clone, Copy)]
struct Place(u64);

impl Place {
    /// The 1-based line of the row in `path`. Counted from the bytes, as
    /// the `csv` reader's own line count is one short on CRLF files (the
    /// reports' line ending): there a row "starts" at the `\n` ending the
    /// line before it, so that byte is counted too.
    fn line(self, path: &Path) -> u64 {
        let Ok(file) = File::open(path) else { return 0 };
        let mut head = Vec::new();
        if file.take(self.0 + 1).read_to_end(&mut head).is_err() {
            return 0;
        }
        1 + head.iter().filter(|&&b| b == b'\n').count() as u64
    }
}

fn csv_error(path: &Path, e: &csv::Error) -> DiffError {
    let line = e.position().map_or(0, |p| Place(p.byte()).line(path));
    let message = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!(
            "row has {len} fields, the header has {expected_len}; the file is cut or was edited by hand, run `framescore score` again"
        ),
        csv::ErrorKind::Utf8 { .. } => "not valid UTF-8".to_string(),
        _ => e.to_string(),
    };
    DiffError::Corrupt {
        path: path.to_path_buf(),
        line,
        message,
    }
}

/// The numeric columns both files share, as (name, old index, new index),
/// and notes on the columns only one side has.
fn shared_columns(old: &Csv, new: &Csv, notes: &mut Vec<String>) -> Vec<(String, usize, usize)> {
    let only = |a: &Csv, b: &Csv| -> Vec<String> {
        a.header
            .iter()
            .filter(|h| b.column(h).is_none())
            .cloned()
            .collect()
    };
    for (side, cols) in [(&old.path, only(old, new)), (&new.path, only(new, old))] {
        if !cols.is_empty() {
            notes.push(format!(
                "{}: not compared, only in this file: {}",
                side.display(),
                cols.join(", ")
            ));
        }
    }
    old.header
        .iter()
        .enumerate()
        .filter(|(_, h)| !TEXT_COLUMNS.contains(&h.as_str()))
        .filter_map(|(i, h)| new.column(h).map(|j| (h.clone(), i, j)))
        .collect()
}

/// A cell as a number: `Ok(None)` when empty, `Err` when it holds text.
fn number(cell: &str) -> Result<Option<f64>, ()> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    cell.parse::<f64>().map(Some).map_err(|_| ())
}

fn key_of(record: &csv::StringRecord, key: &[usize]) -> String {
    let mut out = String::new();
    for (n, &i) in key.iter().enumerate() {
        if n > 0 {
            out.push('\u{1f}');
        }
        out.push_str(record.get(i).unwrap_or(""));
    }
    out
}

/// A row's key and its occurrence (the second row with one id is `(id, 2)`).
type RowKey = (String, usize);

/// An old row waiting for its new counterpart.
struct Held {
    /// Row number, to list the rows left over in report order.
    order: usize,
    /// The shared numeric columns.
    values: Vec<Option<f64>>,
}

/// Compares the numeric columns of two tables keyed by `key` columns.
/// Actors-style tables (key of two columns) treat a missing row as zeros.
fn figures(
    old_path: &Path,
    new_path: &Path,
    key: &[&str],
    notes: &mut Vec<String>,
) -> Result<Figures, DiffError> {
    let mut old = Csv::open(old_path)?;
    let mut new = Csv::open(new_path)?;
    let old_key: Vec<usize> = key
        .iter()
        .map(|k| old.require(k))
        .collect::<Result<_, _>>()?;
    let new_key: Vec<usize> = key
        .iter()
        .map(|k| new.require(k))
        .collect::<Result<_, _>>()?;
    let columns = shared_columns(&old, &new, notes);
    let file: &'static str = if key.len() == 1 {
        "articles.csv"
    } else {
        "actors.csv"
    };
    let zero_missing = key.len() > 1;
    // old side: key (with its occurrence, for repeated ids) → values, in order
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut held: HashMap<RowKey, Held> = HashMap::new();
    // columns found to hold text (a later version's, or hand-edited): not compared
    let mut text = vec![false; columns.len()];
    for (order, row) in old.rows().enumerate() {
        let (_, record) = row?;
        let k = key_of(&record, &old_key);
        let n = seen.entry(k.clone()).or_default();
        *n += 1;
        let cells = columns.iter().map(|(_, i, _)| record.get(*i).unwrap_or(""));
        let values = numbers(cells, &mut text);
        held.insert((k, *n), Held { order, values });
    }
    let mut out = Figures {
        changes: Vec::new(),
        both: 0,
        only_old: Vec::new(),
        only_new: Vec::new(),
        rows_changed: 0,
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    let zeros = vec![Some(0.0); columns.len()];
    for row in new.rows() {
        let (_, record) = row?;
        let k = key_of(&record, &new_key);
        let n = seen.entry(k.clone()).or_default();
        *n += 1;
        let cells = columns.iter().map(|(_, _, j)| record.get(*j).unwrap_or(""));
        let values = numbers(cells, &mut text);
        let before = match held.remove(&(k.clone(), *n)) {
            Some(held) => held.values,
            None if zero_missing => zeros.clone(),
            None => {
                out.only_new.push(k);
                continue;
            }
        };
        out.both += 1;
        push_changes(file, &k, &columns, &before, &values, &mut out);
    }
    // rows only in the old report, in their order
    let mut rest: Vec<(RowKey, Held)> = held.into_iter().collect();
    rest.sort_by_key(|(_, held)| held.order);
    for ((k, _), held) in rest {
        if zero_missing {
            push_changes(file, &k, &columns, &held.values, &zeros, &mut out);
        } else {
            out.only_old.push(k);
        }
    }
    let text: Vec<&str> = columns
        .iter()
        .zip(&text)
        .filter(|(_, t)| **t)
        .map(|(c, _)| c.0.as_str())
        .collect();
    if !text.is_empty() {
        notes.push(format!(
            "{} and {}: not compared, these columns hold text: {}",
            old_path.display(),
            new_path.display(),
            text.join(", ")
        ));
        out.changes.retain(|c| !text.contains(&c.figure.as_str()));
    }
    // a row changed when it has a change; changes of one row are adjacent
    out.rows_changed = out
        .changes
        .iter()
        .zip(std::iter::once(None).chain(out.changes.iter().map(Some)))
        .filter(|(c, prev)| prev.is_none_or(|p| p.article_id != c.article_id || p.actor != c.actor))
        .count();
    Ok(out)
}

/// The numbers of a row's compared cells; a cell with text marks its column.
fn numbers<'c>(cells: impl Iterator<Item = &'c str>, text: &mut [bool]) -> Vec<Option<f64>> {
    cells
        .enumerate()
        .map(|(c, cell)| {
            number(cell).unwrap_or_else(|()| {
                text[c] = true;
                None
            })
        })
        .collect()
}

fn push_changes(
    file: &'static str,
    key: &str,
    columns: &[(String, usize, usize)],
    old: &[Option<f64>],
    new: &[Option<f64>],
    out: &mut Figures,
) {
    let mut parts = key.split('\u{1f}');
    let article_id = parts.next().unwrap_or("").to_string();
    let actor = parts.next().map(str::to_string);
    for ((name, _, _), (a, b)) in columns.iter().zip(old.iter().zip(new)) {
        let same = match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() < 1e-9,
            (None, None) => true,
            _ => false,
        };
        if !same {
            out.changes.push(FigureChange {
                file,
                article_id: article_id.clone(),
                actor: actor.clone(),
                figure: name.clone(),
                old: *a,
                new: *b,
            });
        }
    }
}

/// Strings shared by both sides, so match keys compare as small integers.
#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
}

impl Interner {
    fn get(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(s.to_string(), id);
        id
    }
}

/// What identifies a `matches.csv` row, compactly: article, span, family,
/// category (interned) and text, plus the row number to read it back by.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct MatchKey {
    article: u32,
    start: u64,
    end: u64,
    family: u32,
    category: u32,
    text: Box<str>,
    seq: usize,
}

/// The columns of `matches.csv` that `diff` reads.
struct MatchColumns {
    key: Vec<usize>,
    sentence: Option<usize>,
    context: Option<usize>,
}

fn match_columns(csv: &Csv) -> Result<MatchColumns, DiffError> {
    Ok(MatchColumns {
        key: MATCH_KEY
            .iter()
            .map(|k| csv.require(k))
            .collect::<Result<_, _>>()?,
        sentence: csv.column("sentence"),
        context: csv.column("context"),
    })
}

fn offset(
    path: &Path,
    at: Place,
    record: &csv::StringRecord,
    i: usize,
    column: &str,
) -> Result<u64, DiffError> {
    let cell = record.get(i).unwrap_or("");
    cell.trim().parse::<u64>().map_err(|_| DiffError::Corrupt {
        path: path.to_path_buf(),
        line: at.line(path),
        message: format!("column `{column}`: `{cell}` is not a character offset"),
    })
}

/// Every row's key: a few dozen bytes a row, so a million matches fit.
fn match_keys(path: &Path, names: &mut Interner) -> Result<Vec<MatchKey>, DiffError> {
    let mut csv = Csv::open(path)?;
    let cols = match_columns(&csv)?;
    let mut keys = Vec::new();
    for (seq, row) in csv.rows().enumerate() {
        let (at, record) = row?;
        let cell = |i: usize| record.get(cols.key[i]).unwrap_or("");
        let start = offset(path, at, &record, cols.key[1], "char_start")?;
        let end = offset(path, at, &record, cols.key[2], "char_end")?;
        keys.push(MatchKey {
            article: names.get(cell(0)),
            start,
            end,
            family: names.get(cell(4)),
            category: names.get(cell(5)),
            text: cell(3).into(),
            seq,
        });
    }
    Ok(keys)
}

/// Reads back in full the rows numbered `seqs` (sorted), in one pass.
fn match_rows(path: &Path, seqs: &[usize]) -> Result<Vec<MatchRow>, DiffError> {
    let mut out = Vec::with_capacity(seqs.len());
    if seqs.is_empty() {
        return Ok(out);
    }
    let mut csv = Csv::open(path)?;
    let cols = match_columns(&csv)?;
    let mut wanted = seqs.iter().peekable();
    for (seq, row) in csv.rows().enumerate() {
        let Some(&&next) = wanted.peek() else { break };
        if seq < next {
            continue;
        }
        wanted.next();
        let (at, record) = row?;
        let cell = |i: usize| record.get(i).unwrap_or("").to_string();
        out.push(MatchRow {
            article_id: cell(cols.key[0]),
            char_start: offset(path, at, &record, cols.key[1], "char_start")?,
            char_end: offset(path, at, &record, cols.key[2], "char_end")?,
            text: cell(cols.key[3]),
            family: cell(cols.key[4]),
            category: cell(cols.key[5]),
            sentence: cols.sentence.map(cell).unwrap_or_default(),
            context: cols.context.map(cell).unwrap_or_default(),
            entry: None,
        });
    }
    Ok(out)
}

/// The rows only in `new` (added) and only in `old` (removed), as
/// multisets: both sides' keys are sorted and merged, then the rows that
/// differ are read back, in report order.
fn matches(old: &Path, new: &Path) -> Result<(Vec<MatchRow>, Vec<MatchRow>), DiffError> {
    let mut names = Interner::default();
    let mut old_keys = match_keys(old, &mut names)?;
    let mut new_keys = match_keys(new, &mut names)?;
    let same = |a: &MatchKey, b: &MatchKey| {
        (a.article, a.start, a.end, a.family, a.category, &a.text)
            .cmp(&(b.article, b.start, b.end, b.family, b.category, &b.text))
    };
    old_keys.sort_unstable_by(|a, b| same(a, b).then(a.seq.cmp(&b.seq)));
    new_keys.sort_unstable_by(|a, b| same(a, b).then(a.seq.cmp(&b.seq)));
    let (mut added, mut removed) = (Vec::new(), Vec::new());
    let (mut i, mut j) = (0, 0);
    while i < old_keys.len() || j < new_keys.len() {
        let order = match (old_keys.get(i), new_keys.get(j)) {
            (Some(a), Some(b)) => same(a, b),
            (Some(_), None) => std::cmp::Ordering::Less,
            _ => std::cmp::Ordering::Greater,
        };
        match order {
            std::cmp::Ordering::Less => {
                removed.push(old_keys[i].seq);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                added.push(new_keys[j].seq);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    drop((old_keys, new_keys));
    added.sort_unstable();
    removed.sort_unstable();
    Ok((match_rows(new, &added)?, match_rows(old, &removed)?))
}

/// Columns of `diff --format csv`: one row per change, `kind` saying which.
pub const CSV_COLUMNS: &[&str] = &[
    "kind",
    "article_id",
    "actor",
    "figure",
    "old",
    "new",
    "delta",
    "sentence",
    "char_start",
    "char_end",
    "text",
    "family",
    "category",
    "entry",
    "context",
];

/// Writes the comparison as CSV: `summary` rows, then `figure` and
/// `actor_figure` rows (largest change first), then `match_added` and
/// `match_removed` rows.
pub fn write_csv<W: Write>(diff: &Diff, out: W) -> io::Result<W> {
    let header: Vec<String> = CSV_COLUMNS.iter().map(|c| (*c).to_string()).collect();
    let mut table = Table::new(out, &header).map_err(io::Error::other)?;
    let e = io::Error::other;
    let blank = |n: usize| vec![Cell::Empty; n];
    let s = &diff.summary;
    let mut counts: Vec<(String, usize)> = vec![
        ("articles_both".into(), s.articles_both),
        ("articles_only_old".into(), s.only_old.len()),
        ("articles_only_new".into(), s.only_new.len()),
        ("articles_changed".into(), s.articles_changed),
        ("actors_changed".into(), s.actors_changed),
    ];
    counts.extend(
        s.added
            .iter()
            .map(|(f, n)| (format!("matches_added:{f}"), *n)),
    );
    counts.extend(
        s.removed
            .iter()
            .map(|(f, n)| (format!("matches_removed:{f}"), *n)),
    );
    for (name, n) in counts {
        let mut row = vec![
            Cell::text("summary"),
            Cell::Empty,
            Cell::Empty,
            Cell::text(name),
            Cell::Empty,
            Cell::Empty,
            Cell::Int(n),
        ];
        row.extend(blank(8));
        table.row(&row).map_err(e)?;
    }
    let num = |x: Option<f64>| x.map_or(Cell::Empty, Cell::Num);
    for c in &diff.figures {
        let kind = if c.actor.is_some() {
            "actor_figure"
        } else {
            "figure"
        };
        let mut row = vec![
            Cell::text(kind),
            Cell::text(&c.article_id),
            Cell::opt(c.actor.as_deref()),
            Cell::text(&c.figure),
            num(c.old),
            num(c.new),
            Cell::Num(c.delta()),
        ];
        row.extend(blank(8));
        table.row(&row).map_err(e)?;
    }
    for (kind, rows) in [
        ("match_added", &diff.added),
        ("match_removed", &diff.removed),
    ] {
        for m in rows {
            let mut row = vec![Cell::text(kind), Cell::text(&m.article_id)];
            row.extend(blank(5));
            row.extend([
                Cell::text(&m.sentence),
                Cell::Int(m.char_start as usize),
                Cell::Int(m.char_end as usize),
                Cell::text(&m.text),
                Cell::text(&m.family),
                Cell::text(&m.category),
                Cell::opt(m.entry.as_deref()),
                Cell::text(&m.context),
            ]);
            table.row(&row).map_err(e)?;
        }
    }
    table.finish()
}

#[cfg(test)]
mod tests;

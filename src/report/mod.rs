//! Report files: one table per output, written atomically.
//!
//! Each report is written to a temporary file in the output folder and renamed
//! over the old one only when the whole run has succeeded, so an interrupted
//! or failed run never leaves a half-written report and never destroys the
//! previous good one. Writers are generic over `io::Write` ([`cell::Table`]), so
//! tests render them into memory.

pub mod cell;
pub mod html;
pub mod jsonl;
pub mod manifest;
pub mod rows;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::lexicon::Lexicon;
use cell::Table;
pub use manifest::Manifest;
use rows::ArticleRows;

type Sink = Table<BufWriter<NamedTempFile>>;

/// Rows written to each report.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Articles scored.
    pub articles: usize,
    /// `matches.csv` rows.
    pub matches: usize,
    /// `sources.csv` rows.
    pub sources: usize,
    /// `actors.csv` rows.
    pub actors: usize,
    /// `stances.csv` rows.
    pub stances: usize,
}

/// The open report files of one run.
pub struct ReportSet {
    dir: PathBuf,
    articles: Sink,
    matches: Sink,
    sources: Sink,
    actors: Sink,
    stances: Sink,
    html: html::HtmlReport,
}

/// File names, in the order they are written.
pub const FILES: [&str; 7] = [
    "articles.csv",
    "matches.csv",
    "sources.csv",
    "actors.csv",
    "stances.csv",
    "manifest.json",
    "report.html",
];

fn open(dir: &Path, header: &[String], excel: bool) -> io::Result<Sink> {
    let mut out = BufWriter::new(NamedTempFile::new_in(dir)?);
    if excel {
        out.write_all(b"\xEF\xBB\xBF")?;
    }
    Table::new(out, header).map_err(io::Error::other)
}

fn strings(cols: &[&str]) -> Vec<String> {
    cols.iter().map(|c| (*c).to_string()).collect()
}

impl ReportSet {
    /// Opens temporary report files in `dir` (created if missing).
    pub fn create(dir: &Path, lexicon: &Lexicon, excel: bool) -> io::Result<ReportSet> {
        std::fs::create_dir_all(dir)?;
        Ok(ReportSet {
            dir: dir.to_path_buf(),
            articles: open(dir, &rows::articles_header(lexicon), excel)?,
            matches: open(dir, &strings(rows::MATCHES), excel)?,
            sources: open(dir, &strings(rows::SOURCES), excel)?,
            actors: open(dir, &strings(rows::ACTORS), excel)?,
            stances: open(dir, &strings(rows::STANCES), excel)?,
            html: html::HtmlReport::default(),
        })
    }

    /// Appends one article's rows.
    pub fn write(&mut self, rows: &ArticleRows) -> io::Result<()> {
        let e = io::Error::other;
        self.articles.row(&rows.article).map_err(e)?;
        for r in &rows.matches {
            self.matches.row(r).map_err(e)?;
        }
        for r in &rows.sources {
            self.sources.row(r).map_err(e)?;
        }
        for r in &rows.actors {
            self.actors.row(r).map_err(e)?;
        }
        for r in &rows.stances {
            self.stances.row(r).map_err(e)?;
        }
        self.html.add(rows);
        Ok(())
    }

    /// Rows written so far.
    pub fn counts(&self) -> Counts {
        Counts {
            articles: self.articles.rows(),
            matches: self.matches.rows(),
            sources: self.sources.rows(),
            actors: self.actors.rows(),
            stances: self.stances.rows(),
        }
    }

    /// Flushes everything, writes the manifest, and renames every file into place.
    pub fn finish(self, manifest: &Manifest) -> io::Result<()> {
        let mut done: Vec<NamedTempFile> = Vec::new();
        for table in [
            self.articles,
            self.matches,
            self.sources,
            self.actors,
            self.stances,
        ] {
            let file = table.finish()?.into_inner().map_err(|e| e.into_error())?;
            done.push(file);
        }
        let mut json = BufWriter::new(NamedTempFile::new_in(&self.dir)?);
        serde_json::to_writer_pretty(&mut json, manifest).map_err(io::Error::other)?;
        json.write_all(b"\n")?;
        done.push(json.into_inner().map_err(|e| e.into_error())?);
        let mut page = NamedTempFile::new_in(&self.dir)?;
        page.write_all(self.html.render().as_bytes())?;
        done.push(page);
        for (file, name) in done.into_iter().zip(FILES) {
            file.as_file().sync_all().ok();
            file.persist(self.dir.join(name)).map_err(|e| e.error)?;
        }
        Ok(())
    }
}

/// Whether `dir` holds a report from an earlier run.
pub fn exists(dir: &Path) -> bool {
    File::open(dir.join(FILES[0])).is_ok()
}

//! Report files: one table per output, committed as one set.
//!
//! Every report of a run is written into a staging folder and the whole set
//! is then made visible in one step ([`commit`] explains the scheme and why),
//! so an interrupted or failed run never leaves a half-written report or a
//! mix of two runs, and never destroys the previous good set. Files are
//! created with the usual `0666 & !umask` mode, so colleagues and web
//! servers can read them where the umask allows. Writers are generic over
//! `io::Write` ([`cell::Table`]), so tests render them into memory.

pub mod cell;
pub mod commit;
pub mod html;
pub mod jsonl;
pub mod manifest;
pub mod rows;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::lexicon::Lexicon;
use cell::Table;
pub use commit::{CommitError, FILES};
pub use manifest::Manifest;
use rows::ArticleRows;

type Sink = Table<BufWriter<Hashing<File>>>;

/// A writer that keeps the SHA-256 of everything written through it.
struct Hashing<W> {
    inner: W,
    hasher: Sha256,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl Hashing<File> {
    fn create(path: &Path) -> io::Result<Self> {
        Ok(Hashing {
            inner: File::create(path)?,
            hasher: Sha256::new(),
        })
    }

    /// Syncs the file and returns its digest in hex.
    fn finish(self) -> io::Result<String> {
        self.inner.sync_all()?;
        Ok(self
            .hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect())
    }
}

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
    staging: commit::Staging,
    articles: Sink,
    matches: Sink,
    sources: Sink,
    actors: Sink,
    stances: Sink,
    html: html::HtmlReport,
}

fn open(dir: &Path, name: &str, header: &[String], excel: bool) -> io::Result<Sink> {
    let mut out = BufWriter::new(Hashing::create(&dir.join(name))?);
    if excel {
        out.write_all(b"\xEF\xBB\xBF")?;
    }
    Table::new(out, header).map_err(io::Error::other)
}

fn strings(cols: &[&str]) -> Vec<String> {
    cols.iter().map(|c| (*c).to_string()).collect()
}

impl ReportSet {
    /// Cleans up after killed runs and opens the report files of a new run
    /// in a staging folder for `dir` (created if missing).
    pub fn create(dir: &Path, lexicon: &Lexicon, excel: bool) -> io::Result<ReportSet> {
        let staging = commit::Staging::create(dir)?;
        let at = staging.path().to_path_buf();
        Ok(ReportSet {
            articles: open(&at, "articles.csv", &rows::articles_header(lexicon), excel)?,
            matches: open(&at, "matches.csv", &strings(rows::MATCHES), excel)?,
            sources: open(&at, "sources.csv", &strings(rows::SOURCES), excel)?,
            actors: open(&at, "actors.csv", &strings(rows::ACTORS), excel)?,
            stances: open(&at, "stances.csv", &strings(rows::STANCES), excel)?,
            html: html::HtmlReport::default(),
            staging,
        })
    }

    /// What the clean-up of leftovers from killed runs did.
    pub fn recovered(&self) -> &[String] {
        &self.staging.recovered
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

    /// Flushes and syncs every file, writes the manifest (with the run id and
    /// each file's SHA-256) last, and commits the set.
    pub fn finish(self, mut manifest: Manifest) -> Result<(), FinishError> {
        let at = self.staging.path().to_path_buf();
        manifest.run_id = self.staging.run_id();
        let named = [
            ("articles.csv", self.articles),
            ("matches.csv", self.matches),
            ("sources.csv", self.sources),
            ("actors.csv", self.actors),
            ("stances.csv", self.stances),
        ];
        for (name, table) in named {
            let file = table.finish()?.into_inner().map_err(|e| e.into_error())?;
            manifest.files.insert(name.to_string(), file.finish()?);
        }
        let mut page = Hashing::create(&at.join("report.html"))?;
        page.write_all(self.html.render().as_bytes())?;
        manifest.files.insert("report.html".into(), page.finish()?);
        let mut json = BufWriter::new(File::create(at.join("manifest.json"))?);
        serde_json::to_writer_pretty(&mut json, &manifest).map_err(io::Error::other)?;
        json.write_all(b"\n")?;
        json.into_inner().map_err(|e| e.into_error())?.sync_all()?;
        self.staging.commit().map_err(FinishError::Commit)
    }
}

/// Why the report set could not be finished.
#[derive(Debug, thiserror::Error)]
pub enum FinishError {
    /// Writing the staged files failed; the output folder was not touched.
    #[error("{0}")]
    Write(#[from] io::Error),
    /// The commit failed; the message says what is on disk.
    #[error("{0}")]
    Commit(CommitError),
}

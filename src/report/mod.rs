//! Report files: one table per output, committed as one set.
//!
//! Every report of a run is written into a staging folder and the whole set
//! is then made visible in one step ([`commit`] explains the scheme and why),
//! so an interrupted or failed run never leaves a half-written report or a
//! mix of two runs, and never destroys the previous good set. Files are
//! created with the usual `0666 & !umask` mode, so colleagues and web
//! servers can read them where the umask allows. Each article's rows are
//! rendered to bytes on a worker thread ([`Renderer`]); the writer only
//! appends them, and aggregates the typed rows into `outlets.csv` and
//! `report.html`.

pub mod cell;
pub mod columns;
pub mod commit;
pub mod groups;
pub mod html;
pub mod jsonl;
pub mod manifest;
pub mod merge;
pub mod rows;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use columns::{Csv, Format};
pub use commit::{CommitError, FILES};
use groups::Groups;
pub use groups::UnknownColumn;
pub use manifest::Manifest;
use rows::{ArticleRows, Schemas};

type Sink = BufWriter<Hashing<File>>;

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

/// Writes `bytes` to a new file and returns its SHA-256.
fn write_file(path: &Path, bytes: &[u8]) -> io::Result<String> {
    let mut file = Hashing::create(path)?;
    file.write_all(bytes)?;
    file.finish()
}

/// Writes an article page and returns its SHA-256; not synced one by one
/// (thousands of `fsync` calls would cost more than the scoring), but all
/// together by [`sync_pages`] before the commit.
fn write_page(path: &Path, bytes: &[u8]) -> io::Result<String> {
    let mut file = Hashing::create(path)?;
    file.write_all(bytes)?;
    Ok(file
        .hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Makes the pages durable: one `syncfs` of the file system on Linux, else
/// each page in turn.
fn sync_pages(dir: &Path, pages: &[(String, String)]) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        let _ = pages;
        rustix::fs::syncfs(File::open(dir)?).map_err(io::Error::from)
    }
    #[cfg(not(target_os = "linux"))]
    {
        for (name, _) in pages {
            File::open(dir.join(name))?.sync_all()?;
        }
        Ok(())
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
    /// `outlets.csv` rows (groups).
    pub outlets: usize,
    /// `outlet_actors.csv` rows.
    pub outlet_actors: usize,
}

impl Counts {
    /// Counts one article's rows.
    pub fn add(&mut self, rows: &ArticleRows) {
        self.articles += 1;
        self.matches += rows.matches.len();
        self.sources += rows.sources.len();
        self.actors += rows.actors.len();
        self.stances += rows.stances.len();
    }
}

/// How a report set is laid out.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    /// Start each CSV with a UTF-8 BOM.
    pub excel: bool,
    /// Write `report.html` and `articles/`.
    pub html: bool,
    /// The `articles.csv` column that `outlets.csv` groups by.
    pub group_by: String,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            excel: false,
            html: true,
            group_by: "outlet".into(),
        }
    }
}

/// Renders one article's rows to the bytes of every report; shared by the
/// worker threads (it holds only the column definitions).
#[derive(Clone)]
pub struct Renderer {
    schemas: Arc<Schemas>,
    html: bool,
}

/// One article's bytes for each report, ready to append.
#[derive(Debug, Default)]
pub struct Rendered {
    tables: [Vec<u8>; 5],
    page: Option<(html::IndexRow, Vec<u8>)>,
}

impl Renderer {
    /// A renderer for these columns; `html` adds the article's page.
    pub fn new(schemas: Arc<Schemas>, html: bool) -> Renderer {
        Renderer { schemas, html }
    }

    /// The column definitions.
    pub fn schemas(&self) -> &Schemas {
        &self.schemas
    }

    /// The CSV rows of one article for each table, and its HTML page.
    pub fn render(&self, rows: &ArticleRows) -> Rendered {
        let s = &*self.schemas;
        let mut tables: [Vec<u8>; 5] = Default::default();
        s.articles.rows(&Csv, [&rows.article], &mut tables[0]);
        s.matches.rows(&Csv, &rows.matches, &mut tables[1]);
        s.sources.rows(&Csv, &rows.sources, &mut tables[2]);
        s.actors.rows(&Csv, &rows.actors, &mut tables[3]);
        s.stances.rows(&Csv, &rows.stances, &mut tables[4]);
        let page = self
            .html
            .then(|| (html::index_row(rows), html::page(rows, s)));
        Rendered { tables, page }
    }

    /// One article as a JSON line (`--jsonl`).
    pub fn line(&self, rows: &ArticleRows) -> Vec<u8> {
        jsonl::line(rows, &self.schemas)
    }
}

/// The per-article tables, in [`FILES`] order.
const TABLES: [&str; 5] = [
    "articles.csv",
    "matches.csv",
    "sources.csv",
    "actors.csv",
    "stances.csv",
];

/// The open report files of one run.
pub struct ReportSet {
    staging: commit::Staging,
    tables: Vec<Sink>,
    counts: Counts,
    renderer: Renderer,
    groups: Groups,
    html: Option<html::HtmlReport>,
    pages: Vec<(String, String)>,
    excel: bool,
}

fn open(dir: &Path, name: &str, header: &[String], excel: bool) -> io::Result<Sink> {
    let mut out = BufWriter::new(Hashing::create(&dir.join(name))?);
    if excel {
        out.write_all(b"\xEF\xBB\xBF")?;
    }
    let mut bytes = Vec::new();
    Csv.header(header, &mut bytes);
    out.write_all(&bytes)?;
    Ok(out)
}

/// Why a report set could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// `--group-by` names no text column.
    #[error(transparent)]
    GroupBy(#[from] UnknownColumn),
    /// The staging folder or a file could not be created.
    #[error(transparent)]
    Io(#[from] io::Error),
}

impl ReportSet {
    /// Checks the options, cleans up after killed runs and opens the report
    /// files of a new run in a staging folder for `dir` (created if missing).
    pub fn create(
        dir: &Path,
        schemas: Arc<Schemas>,
        options: &ReportOptions,
    ) -> Result<ReportSet, OpenError> {
        let groups = Groups::new(&schemas.articles, &options.group_by)?;
        let staging = commit::Staging::create(dir)?;
        let at = staging.path().to_path_buf();
        let headers = [
            schemas.articles.names(),
            schemas.matches.names(),
            schemas.sources.names(),
            schemas.actors.names(),
            schemas.stances.names(),
        ];
        let mut tables = Vec::new();
        for (name, header) in TABLES.iter().zip(headers) {
            tables.push(open(&at, name, header, options.excel)?);
        }
        if options.html {
            std::fs::create_dir(at.join(html::PAGES_DIR))?;
        }
        Ok(ReportSet {
            tables,
            counts: Counts::default(),
            renderer: Renderer::new(schemas, options.html),
            groups,
            html: options.html.then(html::HtmlReport::default),
            pages: Vec::new(),
            excel: options.excel,
            staging,
        })
    }

    /// What the clean-up of leftovers from killed runs did.
    pub fn recovered(&self) -> &[String] {
        &self.staging.recovered
    }

    /// The renderer the workers use for this set.
    pub fn renderer(&self) -> Renderer {
        self.renderer.clone()
    }

    /// Appends one article: its rendered bytes, and its typed rows to the tallies.
    pub fn append(&mut self, rows: &ArticleRows, rendered: Rendered) -> io::Result<()> {
        for (sink, bytes) in self.tables.iter_mut().zip(&rendered.tables) {
            sink.write_all(bytes)?;
        }
        self.counts.add(rows);
        self.groups.add(&self.renderer.schemas.articles, rows);
        if let (Some(report), Some((index, page))) = (&mut self.html, rendered.page) {
            let name = report.add(&index)?;
            let rel = format!("{}/{name}", html::PAGES_DIR);
            let digest = write_page(&self.staging.path().join(&rel), &page)?;
            self.pages.push((rel, digest));
        }
        Ok(())
    }

    /// Renders and appends one article (on the calling thread).
    pub fn write(&mut self, rows: &ArticleRows) -> io::Result<()> {
        let rendered = self.renderer.render(rows);
        self.append(rows, rendered)
    }

    /// Rows written so far.
    pub fn counts(&self) -> Counts {
        let mut counts = self.counts.clone();
        counts.outlets = self.groups.groups.len();
        counts.outlet_actors = self
            .groups
            .groups
            .values()
            .map(|g| 2 * g.actors.len())
            .sum();
        counts
    }

    /// Flushes and syncs every file, writes the summaries, the manifest (with
    /// the run id and each file's SHA-256) last, and commits the set.
    pub fn finish(self, mut manifest: Manifest) -> Result<(), FinishError> {
        let at = self.staging.path().to_path_buf();
        manifest.run_id = self.staging.run_id();
        for (name, table) in TABLES.iter().zip(self.tables) {
            let file = table.into_inner().map_err(|e| e.into_error())?;
            manifest.files.insert((*name).to_string(), file.finish()?);
        }
        let bom: &[u8] = if self.excel { b"\xEF\xBB\xBF" } else { b"" };
        let (outlets, _) = self.groups.outlets_csv();
        let digest = write_file(&at.join("outlets.csv"), &[bom, &outlets].concat())?;
        manifest.files.insert("outlets.csv".into(), digest);
        let (actors, _) = self.groups.actors_csv();
        let digest = write_file(&at.join("outlet_actors.csv"), &[bom, &actors].concat())?;
        manifest.files.insert("outlet_actors.csv".into(), digest);
        if let Some(note) = self.groups.cut_note() {
            manifest.notes.push(manifest::Notice {
                location: "outlets.csv".into(),
                message: note,
            });
        }
        if let Some(report) = self.html {
            let mut page = BufWriter::new(Hashing::create(&at.join("report.html"))?);
            report.render(&self.groups, &mut page)?;
            let page = page.into_inner().map_err(|e| e.into_error())?;
            manifest.files.insert("report.html".into(), page.finish()?);
            sync_pages(&at, &self.pages)?;
            manifest.files.extend(self.pages);
            commit::sync_dir(&at.join(html::PAGES_DIR));
        }
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
    #[error(transparent)]
    Write(#[from] io::Error),
    /// The commit failed; the message says what is on disk.
    #[error("{0}")]
    Commit(CommitError),
}

//! The bounded, ordered, parallel run: reader → workers → one writer.
//!
//! A reader thread streams articles into a bounded channel, so memory holds at
//! most one channel's and one chunk's worth of articles whatever the corpus
//! size. The main thread takes a chunk, scores it on a rayon pool (scoring is a
//! pure function of article and lexicon), and writes the results in input
//! order; so the bytes of every report are the same for any thread count. A
//! panic while scoring one article becomes a skipped-input notice, not a crash.
//! The output folder is never read back as input, and an article id seen
//! before is reported (the first one wins nothing: both are scored).

use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};
use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

use crate::analyze::{Analysis, analyze};
use crate::ingest::{Article, IngestOptions, Item, read_inputs};
use crate::lexicon::Lexicon;
use crate::report::jsonl::JsonlSink;
use crate::report::manifest::{Duplicates, Notice, NoticeKind};
use crate::report::rows::{self, ArticleRows, Schemas};
use crate::report::{CommitError, Counts, FinishError, Manifest, ReportSet};
use crate::report::{OpenError, Rendered, Renderer, ReportOptions, UnknownColumn};
use crate::score;
use crate::text::outlet::{OutletFrom, outlet_for};

/// What a run needs to know.
#[derive(Debug, Clone)]
pub struct Options {
    /// Files, folders, or `-`.
    pub inputs: Vec<PathBuf>,
    /// How to read them.
    pub ingest: IngestOptions,
    /// Output folder.
    pub out: PathBuf,
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Write a UTF-8 BOM so Excel detects the encoding.
    pub excel: bool,
    /// Write JSON Lines to standard output instead of report files.
    pub jsonl: bool,
    /// `--glob` patterns as given (compiled in `ingest`), for the manifest.
    pub globs: Vec<String>,
    /// `--exclude` patterns as given, for the manifest.
    pub excludes: Vec<String>,
    /// Write `report.html` and its article pages (`--no-html` turns it off).
    pub html: bool,
    /// The `articles.csv` column `outlets.csv` groups by (`outlet` unless `--group-by`).
    pub group_by: String,
    /// Where to find the outlet of articles whose input names none.
    pub outlet_from: Option<OutletFrom>,
}

/// Where scored rows go: report files, or a JSON Lines stream.
enum Output {
    Files(Box<ReportSet>),
    Stream(JsonlSink<std::io::BufWriter<std::io::Stdout>>),
}

/// One article's bytes for the output, rendered on a worker.
enum Bytes {
    Files(Rendered),
    Line(Vec<u8>),
}

impl Output {
    fn render(renderer: &Renderer, stream: bool, rows: &ArticleRows) -> Bytes {
        if stream {
            Bytes::Line(renderer.line(rows))
        } else {
            Bytes::Files(renderer.render(rows))
        }
    }

    fn append(&mut self, rows: &ArticleRows, bytes: Bytes) -> std::io::Result<()> {
        match (self, bytes) {
            (Output::Files(reports), Bytes::Files(r)) => reports.append(rows, r),
            (Output::Stream(sink), Bytes::Line(line)) => sink.append(rows, &line),
            _ => Err(io::Error::other("rendered for the other output")),
        }
    }

    fn counts(&self) -> Counts {
        match self {
            Output::Files(reports) => reports.counts(),
            Output::Stream(sink) => sink.counts(),
        }
    }

    fn finish(self, manifest: Manifest) -> Result<(), FinishError> {
        match self {
            Output::Files(reports) => reports.finish(manifest),
            Output::Stream(sink) => sink.finish().map_err(FinishError::Write),
        }
    }
}

/// Hooks for a progress display; the library itself never prints.
pub trait Progress: Sync {
    /// `done` articles have been written.
    fn advance(&self, _done: usize) {}
    /// An input was skipped, read with a problem, or passed over.
    fn notice(&self, _kind: NoticeKind, _notice: &Notice) {}
}

/// A progress sink that does nothing.
pub struct Silent;
impl Progress for Silent {}

/// What a finished run did.
#[derive(Debug, Clone)]
pub struct Summary {
    /// Rows written per report.
    pub counts: Counts,
    /// Inputs skipped.
    pub skipped: Vec<Notice>,
    /// Inputs read with problems.
    pub warnings: Vec<Notice>,
    /// Inputs passed over as no articles, symlinks followed, leftovers cleaned.
    pub notes: Vec<Notice>,
    /// Repeated ids and inputs.
    pub duplicates: Duplicates,
    /// Wall-clock seconds.
    pub elapsed_seconds: f64,
}

/// Every notice of a run, in order, each also shown through [`Progress`].
#[derive(Default)]
struct Log {
    skipped: Vec<Notice>,
    warnings: Vec<Notice>,
    notes: Vec<Notice>,
}

impl Log {
    fn push(&mut self, progress: &dyn Progress, kind: NoticeKind, notice: Notice) {
        progress.notice(kind, &notice);
        match kind {
            NoticeKind::Skipped => self.skipped.push(notice),
            NoticeKind::Warning => self.warnings.push(notice),
            NoticeKind::Note => self.notes.push(notice),
        }
    }
}

/// Why a run failed; each message says what is on disk.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The staged reports could not be written; the output folder was not touched.
    #[error("cannot write reports to `{}`: {error}; the reports already there were not touched; check that the folder is writable and the disk has room, or choose another with --out", dir.display())]
    Output {
        /// The folder.
        dir: PathBuf,
        /// The OS error (shown in the message, so not a `source`: printed once).
        error: io::Error,
    },
    /// Standard output (`--jsonl`) could not be written.
    #[error("cannot write to standard output: {0}")]
    Stdout(io::Error),
    /// The report set could not be committed; the message says what is on disk.
    #[error("{0}")]
    Commit(CommitError),
    /// `--group-by` names no column of `articles.csv`.
    #[error(transparent)]
    GroupBy(UnknownColumn),
    /// Nothing could be read.
    #[error(
        "no article could be read from the inputs ({skipped} skipped, see the messages above); earlier reports were left as they were; check the paths and --input-format"
    )]
    NoArticles {
        /// Number of skipped inputs.
        skipped: usize,
    },
    /// The thread pool could not start.
    #[error("cannot start {threads} worker threads: {message}; try a smaller --threads")]
    Threads {
        /// Requested threads.
        threads: usize,
        /// Why.
        message: String,
    },
}

impl PipelineError {
    /// The OS error behind the failure, if any (to tell a closed pipe from a real failure).
    pub fn io_error(&self) -> Option<&io::Error> {
        match self {
            PipelineError::Output { error, .. } | PipelineError::Stdout(error) => Some(error),
            PipelineError::Commit(err) => Some(err.io()),
            _ => None,
        }
    }
}

/// Scores one article into report rows: the pure per-article function.
pub fn score_article(article: &Article, lexicon: &Lexicon) -> ArticleRows {
    let analysis = analyze(article, lexicon);
    let scores = score::score(&analysis, lexicon);
    let actors = score::actors(&analysis, lexicon);
    rows::build(&analysis, &scores, &actors, lexicon)
}

const CHANNEL: usize = 256;
const CHUNK_PER_THREAD: usize = 32;

/// Runs the whole pipeline and writes every report into `options.out`.
pub fn run(
    options: &Options,
    lexicon: &Lexicon,
    progress: &dyn Progress,
) -> Result<Summary, PipelineError> {
    let started = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.threads)
        .build()
        .map_err(|e| PipelineError::Threads {
            threads: options.threads,
            message: e.to_string(),
        })?;
    let write_error = |error| {
        if options.jsonl {
            PipelineError::Stdout(error)
        } else {
            PipelineError::Output {
                dir: options.out.clone(),
                error,
            }
        }
    };
    let mut log = Log::default();
    let mut ingest = options.ingest.clone();
    // the input's own columns are known before the header is written, and
    // `--group-by` is checked before any article is scored
    let extra = crate::ingest::input_columns(&options.inputs, &options.ingest);
    let schemas = std::sync::Arc::new(Schemas::new(lexicon, &extra));
    let report_options = ReportOptions {
        excel: options.excel,
        html: options.html,
        group_by: options.group_by.clone(),
    };
    let renderer = Renderer::new(schemas.clone(), options.html && !options.jsonl);
    let mut reports = if options.jsonl {
        crate::report::groups::Groups::new(&schemas.articles, &options.group_by)
            .map_err(PipelineError::GroupBy)?;
        Output::Stream(JsonlSink::new(io::BufWriter::new(io::stdout())))
    } else {
        let reports = ReportSet::create(&options.out, schemas.clone(), &report_options).map_err(
            |e| match e {
                OpenError::GroupBy(e) => PipelineError::GroupBy(e),
                OpenError::Io(error) => write_error(error),
            },
        )?;
        for done in reports.recovered() {
            let notice = Notice {
                location: options.out.display().to_string(),
                message: done.clone(),
            };
            log.push(progress, NoticeKind::Note, notice);
        }
        if let Ok(out) = std::fs::canonicalize(&options.out) {
            ingest.skip_dirs.push(out);
        }
        Output::Files(Box::new(reports))
    };
    let chunk_size = CHUNK_PER_THREAD * pool.current_num_threads().max(1);
    // 8 bytes per article, not its id and origin: memory stays small on a
    // corpus of millions (a collision of 64-bit hashes is not a concern here)
    let mut seen_ids: HashSet<u64> = HashSet::new();
    let id_hasher = RandomState::new();
    let mut duplicates = Duplicates::default();
    let (tx, rx) = crossbeam_channel::bounded::<Item>(CHANNEL);
    let written = std::thread::scope(|scope| -> io::Result<()> {
        let ingest = &ingest;
        let reader = scope
            .spawn(move || read_inputs(&options.inputs, ingest, &mut |item| tx.send(item).is_ok()));
        let mut chunk: Vec<Article> = Vec::with_capacity(chunk_size);
        let mut done = 0;
        let mut flush = |chunk: &mut Vec<Article>, log: &mut Log| -> io::Result<()> {
            let stream = options.jsonl;
            let results: Vec<Result<(ArticleRows, Bytes), Notice>> = pool.install(|| {
                chunk
                    .par_iter()
                    .map(|a| {
                        let rows = guarded(a, lexicon)?;
                        let bytes = Output::render(&renderer, stream, &rows);
                        Ok((rows, bytes))
                    })
                    .collect()
            });
            for result in results {
                match result {
                    Ok((rows, bytes)) => reports.append(&rows, bytes)?,
                    Err(notice) => log.push(progress, NoticeKind::Skipped, notice),
                }
            }
            done += chunk.len();
            progress.advance(done);
            chunk.clear();
            Ok(())
        };
        for item in rx {
            let (kind, s) = match item {
                Item::Article(article) => {
                    if !seen_ids.insert(id_hasher.hash_one(&article.id)) {
                        duplicates.ids += 1;
                        let notice = Notice {
                            location: article.origin.clone(),
                            message: format!(
                                "article id `{}` was already used by an earlier article; both are scored, but their rows cannot be told apart by id: rename a file or fix the id",
                                article.id
                            ),
                        };
                        log.push(progress, NoticeKind::Warning, notice);
                    }
                    let mut article = *article;
                    if let Some(from) = options.outlet_from
                        && article.outlet.is_none()
                    {
                        article.outlet = outlet_for(
                            from,
                            &article.origin,
                            &article.text,
                            article.url.as_deref(),
                            lexicon,
                        );
                    }
                    chunk.push(article);
                    if chunk.len() == chunk_size {
                        flush(&mut chunk, &mut log)?;
                    }
                    continue;
                }
                Item::Skip(s) => (NoticeKind::Skipped, s),
                Item::Warning(s) => (NoticeKind::Warning, s),
                Item::Note(s) => (NoticeKind::Note, s),
            };
            let notice = Notice {
                location: s.location,
                message: s.message,
            };
            log.push(progress, kind, notice);
        }
        flush(&mut chunk, &mut log)?;
        // a panic in the reader must not pass for the end of the input
        let stats = reader
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        duplicates.inputs = stats.duplicate_inputs;
        Ok(())
    });
    written.map_err(write_error)?;
    let counts = reports.counts();
    if counts.articles == 0 && !log.skipped.is_empty() {
        return Err(PipelineError::NoArticles {
            skipped: log.skipped.len(),
        });
    }
    let elapsed_seconds = started.elapsed().as_secs_f64();
    let manifest = Manifest {
        tool: "framescore".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        run_id: String::new(),
        files: Default::default(),
        lexicon_digest: lexicon.digest.clone(),
        lexicon_files: lexicon.files.clone(),
        inputs: options
            .inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect(),
        options: serde_json::json!({
            "threads": pool.current_num_threads(),
            "excel": options.excel,
            "input_format": format!("{:?}", options.ingest.format).to_lowercase(),
            "text_col": options.ingest.columns.text,
            "glob": options.globs,
            "exclude": options.excludes,
            "html": options.html,
            "group_by": options.group_by,
            "outlet_from": options.outlet_from.map(|f| format!("{f:?}").to_lowercase()),
            "input_columns": extra,
        }),
        counts: counts.clone(),
        duplicates: duplicates.clone(),
        skipped: log.skipped.clone(),
        warnings: log.warnings.clone(),
        notes: log.notes.clone(),
        elapsed_seconds,
    };
    reports.finish(manifest).map_err(|e| match e {
        FinishError::Write(error) => write_error(error),
        FinishError::Commit(err) => PipelineError::Commit(err),
    })?;
    Ok(Summary {
        counts,
        skipped: log.skipped,
        warnings: log.warnings,
        notes: log.notes,
        duplicates,
        elapsed_seconds,
    })
}

fn guarded(article: &Article, lexicon: &Lexicon) -> Result<ArticleRows, Notice> {
    catch_unwind(AssertUnwindSafe(|| {
        test_panic_hook(article);
        score_article(article, lexicon)
    }))
    .map_err(|_| internal_error(article, "scoring"))
}

/// [`analyze`], with a panic turned into a notice, for the commands that show
/// one article's analysis (`explain`, `kwic`): one bad article never stops them.
pub fn analyze_guarded<'a>(
    article: &'a Article,
    lexicon: &Lexicon,
) -> Result<Analysis<'a>, Notice> {
    catch_unwind(AssertUnwindSafe(|| {
        test_panic_hook(article);
        analyze(article, lexicon)
    }))
    .map_err(|_| internal_error(article, "analysing"))
}

fn internal_error(article: &Article, doing: &str) -> Notice {
    Notice {
        location: article.origin.clone(),
        message: format!(
            "internal error while {doing} article `{}`; it was skipped — please report this with the article",
            article.id
        ),
    }
}

/// Test hook (debug builds only): `FRAMESCORE_TEST_PANIC_ID=ID` makes the
/// article with that id panic, so tests can prove a panic is contained.
fn test_panic_hook(article: &Article) {
    if cfg!(debug_assertions)
        && std::env::var_os("FRAMESCORE_TEST_PANIC_ID").is_some_and(|id| id == article.id.as_str())
    {
        panic!("FRAMESCORE_TEST_PANIC_ID test hook");
    }
}

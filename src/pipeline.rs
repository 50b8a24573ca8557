//! The bounded, ordered, parallel run: reader → workers → one writer.
//!
//! A reader thread numbers every input item and hands it to a queue; worker
//! threads take items as they come free and score them (scoring is a pure
//! function of article and lexicon); the writer puts results back in input
//! order and writes each one as soon as the one before it is out, while the
//! workers go on. Nothing waits for a batch to finish, so no core idles at a
//! batch boundary, and a window of permits bounds how many articles are alive
//! at once whatever the corpus size. The bytes of every report are the same
//! for any thread count. A panic while scoring one article becomes a
//! skipped-input notice, not a crash. The output folder is never read back as
//! input, and an article id seen before is reported (both are scored).

use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};
use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::Instant;

use crate::analyze::{Analysis, analyze};
use crate::ingest::{Article, IngestOptions, Item, read_inputs};
use crate::lexicon::Lexicon;
use crate::report::jsonl::JsonlSink;
use crate::report::manifest::{Duplicates, Notice, NoticeKind};
use crate::report::rows::{self, ArticleRows};
use crate::report::{CommitError, Counts, FinishError, Manifest, ReportSet};
use crate::score;

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
}

/// Where scored rows go: report files, or a JSON Lines stream.
enum Output {
    Files(Box<ReportSet>),
    Stream(JsonlSink<std::io::BufWriter<std::io::Stdout>>),
}

impl Output {
    fn write(&mut self, rows: &ArticleRows) -> std::io::Result<()> {
        match self {
            Output::Files(reports) => reports.write(rows),
            Output::Stream(sink) => sink.write(rows),
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

/// Articles (and notices) in flight per worker: read, queued, being scored,
/// or scored and waiting for an earlier one to be written. Memory is bounded
/// by this many articles' text and rows, whatever the corpus size.
const WINDOW_PER_THREAD: usize = 32;

/// How often (in articles written) the progress display hears of it.
const PROGRESS_EVERY: usize = 16;

/// One input item, scored or passed through, at its place in input order.
enum Done {
    Rows(Box<ArticleRows>),
    Notice(NoticeKind, Notice),
}

/// The pure step a worker runs on each item.
fn process(item: Item, lexicon: &Lexicon) -> Done {
    let notice = |kind, s: crate::ingest::Skip| {
        Done::Notice(
            kind,
            Notice {
                location: s.location,
                message: s.message,
            },
        )
    };
    match item {
        Item::Article(article) => match guarded(&article, lexicon) {
            Ok(rows) => Done::Rows(Box::new(rows)),
            Err(notice) => Done::Notice(NoticeKind::Skipped, notice),
        },
        Item::Skip(s) => notice(NoticeKind::Skipped, s),
        Item::Warning(s) => notice(NoticeKind::Warning, s),
        Item::Note(s) => notice(NoticeKind::Note, s),
    }
}

/// The serial end of the run: takes results in any order, writes them in
/// input order as soon as the next one is there, and hands a permit back to
/// the reader for every item written, so at most `window` items are alive.
struct Writer<'a> {
    output: &'a mut Output,
    log: &'a mut Log,
    progress: &'a dyn Progress,
    permits: crossbeam_channel::Sender<()>,
    pending: std::collections::BTreeMap<usize, Done>,
    next: usize,
    articles: usize,
}

impl Writer<'_> {
    fn accept(&mut self, seq: usize, done: Done) -> io::Result<()> {
        if seq != self.next {
            self.pending.insert(seq, done);
            return Ok(());
        }
        self.emit(done)?;
        while let Some(done) = self.pending.remove(&self.next) {
            self.emit(done)?;
        }
        Ok(())
    }

    fn emit(&mut self, done: Done) -> io::Result<()> {
        match done {
            Done::Rows(rows) => {
                self.output.write(&rows)?;
                self.articles += 1;
                if self.articles.is_multiple_of(PROGRESS_EVERY) {
                    self.progress.advance(self.articles);
                }
            }
            Done::Notice(kind, notice) => self.log.push(self.progress, kind, notice),
        }
        self.next += 1;
        // the reader may be gone (it stops after the last item): not an error
        let _ = self.permits.send(());
        Ok(())
    }
}

/// Number of worker threads for `--threads N` (0: one per core).
fn worker_count(threads: usize) -> usize {
    if threads > 0 {
        return threads;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Runs the whole pipeline and writes every report into `options.out`.
pub fn run(
    options: &Options,
    lexicon: &Lexicon,
    progress: &dyn Progress,
) -> Result<Summary, PipelineError> {
    let started = Instant::now();
    let threads = worker_count(options.threads);
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
    let mut reports = if options.jsonl {
        Output::Stream(JsonlSink::new(io::BufWriter::new(io::stdout()), lexicon))
    } else {
        let reports =
            ReportSet::create(&options.out, lexicon, options.excel).map_err(write_error)?;
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
    let window = threads * WINDOW_PER_THREAD;
    let (permits, permit_rx) = crossbeam_channel::bounded(window);
    for _ in 0..window {
        let _ = permits.send(());
    }
    let writer = Writer {
        output: &mut reports,
        log: &mut log,
        progress,
        permits,
        pending: Default::default(),
        next: 0,
        articles: 0,
    };
    let job = Job {
        inputs: &options.inputs,
        ingest: &ingest,
        lexicon,
        threads,
        permits: permit_rx,
    };
    let streamed =
        stream(job, writer).map_err(|message| PipelineError::Threads { threads, message })?;
    progress.advance(streamed.articles);
    let duplicates = Duplicates {
        ids: streamed.duplicate_ids,
        inputs: streamed.duplicate_inputs,
    };
    let written = streamed.written;
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
            "threads": threads,
            "excel": options.excel,
            "input_format": format!("{:?}", options.ingest.format).to_lowercase(),
            "text_col": options.ingest.columns.text,
            "glob": options.globs,
            "exclude": options.excludes,
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

/// What the streaming part of a run needs.
struct Job<'a> {
    inputs: &'a [PathBuf],
    ingest: &'a IngestOptions,
    lexicon: &'a Lexicon,
    threads: usize,
    /// One permit per item the reader may send; the writer hands them back.
    permits: crossbeam_channel::Receiver<()>,
}

/// What the streaming part of a run did.
struct Streamed {
    written: io::Result<()>,
    articles: usize,
    duplicate_ids: usize,
    duplicate_inputs: usize,
}

/// Reads, scores and writes every item: a reader thread numbers the items in
/// input order, `threads` workers take them from one queue as they come free
/// (no chunk barrier: a slow article holds up no one but the writer's turn for
/// it), and the writer puts them back in order. With one thread the scoring
/// runs on the writer's thread, so `--threads 1` uses one core for the work.
/// Fails only when a thread cannot start.
fn stream(job: Job<'_>, mut writer: Writer<'_>) -> Result<Streamed, String> {
    let (tx, rx) = crossbeam_channel::unbounded::<(usize, Item)>();
    let lexicon = job.lexicon;
    std::thread::scope(|scope| {
        let permits = job.permits;
        let (inputs, ingest) = (job.inputs, job.ingest);
        let reader = std::thread::Builder::new()
            .name("framescore-reader".into())
            .spawn_scoped(scope, move || read_numbered(inputs, ingest, &permits, &tx))
            .map_err(|e| e.to_string())?;
        let mut written = Ok(());
        if job.threads <= 1 {
            for (seq, item) in rx {
                written = writer.accept(seq, process(item, lexicon));
                if written.is_err() {
                    break;
                }
            }
        } else {
            let (done_tx, done_rx) = crossbeam_channel::unbounded::<(usize, Done)>();
            for i in 0..job.threads {
                let (rx, done_tx) = (rx.clone(), done_tx.clone());
                let worker = move || {
                    for (seq, item) in rx {
                        if done_tx.send((seq, process(item, lexicon))).is_err() {
                            break;
                        }
                    }
                };
                std::thread::Builder::new()
                    .name(format!("framescore-worker-{i}"))
                    .spawn_scoped(scope, worker)
                    .map_err(|e| e.to_string())?;
            }
            drop((rx, done_tx));
            for (seq, done) in done_rx {
                written = writer.accept(seq, done);
                if written.is_err() {
                    break;
                }
            }
        }
        let articles = writer.articles;
        // dropping the writer's permits (and the queues above) stops the
        // reader and the workers early after a write error
        drop(writer);
        // a panic in the reader must not pass for the end of the input
        let (stats, duplicate_ids) = reader
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Ok(Streamed {
            written,
            articles,
            duplicate_ids,
            duplicate_inputs: stats.duplicate_inputs,
        })
    })
}

/// The reader thread: every item numbered in input order, each sent only
/// with a permit; a repeated article id becomes a warning just before it.
fn read_numbered(
    inputs: &[PathBuf],
    ingest: &IngestOptions,
    permits: &crossbeam_channel::Receiver<()>,
    tx: &crossbeam_channel::Sender<(usize, Item)>,
) -> (crate::ingest::ReadStats, usize) {
    // 8 bytes per article, not its id and origin: memory stays small on a
    // corpus of millions (a collision of 64-bit hashes is not a concern here)
    let mut seen_ids: HashSet<u64> = HashSet::new();
    let id_hasher = RandomState::new();
    let mut duplicate_ids = 0;
    let mut seq = 0;
    let mut send = |item: Item| {
        let sent = permits.recv().is_ok() && tx.send((seq, item)).is_ok();
        seq += 1;
        sent
    };
    let stats = read_inputs(inputs, ingest, &mut |item| {
        if let Item::Article(article) = &item
            && !seen_ids.insert(id_hasher.hash_one(&article.id))
        {
            duplicate_ids += 1;
            let warning = crate::ingest::Skip {
                location: article.origin.clone(),
                message: format!(
                    "article id `{}` was already used by an earlier article; both are scored, but their rows cannot be told apart by id: rename a file or fix the id",
                    article.id
                ),
            };
            if !send(Item::Warning(warning)) {
                return false;
            }
        }
        send(item)
    });
    (stats, duplicate_ids)
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

//! The bounded, ordered, parallel run: reader → workers → one writer.
//!
//! A reader thread numbers every input item and hands it to a queue; worker
//! loops on a rayon thread pool take items as they come free and score them (scoring is a pure
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

impl Options {
    /// Scoring `inputs` into `out` as `framescore score` does with no flags:
    /// every core, every report including the HTML one, grouped by outlet.
    pub fn new(inputs: Vec<PathBuf>, out: PathBuf) -> Options {
        Options {
            inputs,
            ingest: IngestOptions::default(),
            out,
            threads: 0,
            excel: false,
            jsonl: false,
            globs: Vec::new(),
            excludes: Vec::new(),
            html: true,
            group_by: "outlet".to_string(),
            outlet_from: None,
        }
    }
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

/// Articles (and notices) in flight per worker: read, queued, being scored,
/// or scored and waiting for an earlier one to be written. Memory is bounded
/// by this many articles' text and rows, whatever the corpus size.
const WINDOW_PER_THREAD: usize = 32;

/// How often (in articles written) the progress display hears of it.
const PROGRESS_EVERY: usize = 16;

/// One input item, scored or passed through, at its place in input order.
enum Done {
    Rows(Box<(ArticleRows, Bytes)>),
    Notice(NoticeKind, Notice),
}

/// What every worker shares: the lexicon, the renderer, and the per-article
/// options that need no other article.
struct Work<'a> {
    lexicon: &'a Lexicon,
    renderer: &'a Renderer,
    stream: bool,
    outlet_from: Option<OutletFrom>,
}

/// The pure step a worker runs on each item: the article scored and its
/// rows rendered to bytes, so the writer only appends.
fn process(item: Item, work: &Work<'_>) -> Done {
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
        Item::Article(article) => {
            let mut article = *article;
            if let Some(from) = work.outlet_from
                && article.outlet.is_none()
            {
                article.outlet = outlet_for(
                    from,
                    &article.origin,
                    &article.text,
                    article.url.as_deref(),
                    work.lexicon,
                );
            }
            match guarded(&article, work.lexicon) {
                Ok(rows) => {
                    let bytes = Output::render(work.renderer, work.stream, &rows);
                    Done::Rows(Box::new((rows, bytes)))
                }
                Err(notice) => Done::Notice(NoticeKind::Skipped, notice),
            }
        }
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
            Done::Rows(done) => {
                let (rows, bytes) = *done;
                self.output.append(&rows, bytes)?;
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
    let work = Work {
        lexicon,
        renderer: &renderer,
        stream: options.jsonl,
        outlet_from: options.outlet_from,
    };
    let job = Job {
        inputs: &options.inputs,
        ingest: &ingest,
        work: &work,
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
        shards: Vec::new(),
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
    work: &'a Work<'a>,
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
fn stream(job: Job<'_>, writer: Writer<'_>) -> Result<Streamed, String> {
    let (tx, rx) = crossbeam_channel::unbounded::<(usize, Item)>();
    let work = job.work;
    std::thread::scope(|scope| {
        let permits = job.permits;
        let (inputs, ingest) = (job.inputs, job.ingest);
        let reader = std::thread::Builder::new()
            .name("framescore-reader".into())
            .spawn_scoped(scope, move || read_numbered(inputs, ingest, &permits, &tx))
            .map_err(|e| e.to_string())?;
        let (written, articles) = if job.threads <= 1 {
            write_all(
                writer,
                rx.into_iter().map(|(seq, item)| (seq, process(item, work))),
            )
        } else {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(job.threads)
                .thread_name(|i| format!("framescore-worker-{i}"))
                .build()
                .map_err(|e| e.to_string())?;
            let (done_tx, done_rx) = crossbeam_channel::unbounded::<(usize, Done)>();
            // each pool thread runs one long-lived worker loop over the queue;
            // the writer runs here, on the calling thread
            pool.in_place_scope(move |workers| {
                for _ in 0..job.threads {
                    let (rx, done_tx) = (rx.clone(), done_tx.clone());
                    workers.spawn(move |_| {
                        for (seq, item) in rx {
                            if done_tx.send((seq, process(item, work))).is_err() {
                                break;
                            }
                        }
                    });
                }
                drop((rx, done_tx));
                write_all(writer, done_rx)
            })
        };
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

/// The writer's loop: every result, in any order, until the input ends or a
/// write fails. The writer is dropped on return: its permits go with it, which
/// stops the reader (and so the workers) early after a write error.
fn write_all(
    mut writer: Writer<'_>,
    results: impl IntoIterator<Item = (usize, Done)>,
) -> (io::Result<()>, usize) {
    for (seq, done) in results {
        if let Err(error) = writer.accept(seq, done) {
            return (Err(error), writer.articles);
        }
    }
    (Ok(()), writer.articles)
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

//! The bounded, ordered, parallel run: reader → workers → one writer.
//!
//! A reader thread streams articles into a bounded channel, so memory holds at
//! most one channel's and one chunk's worth of articles whatever the corpus
//! size. The main thread takes a chunk, scores it on a rayon pool (scoring is a
//! pure function of article and lexicon), and writes the results in input
//! order; so the bytes of every report are the same for any thread count. A
//! panic while scoring one article becomes a skipped-input notice, not a crash.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

use crate::analyze::analyze;
use crate::ingest::{Article, IngestOptions, Item, read_inputs};
use crate::lexicon::Lexicon;
use crate::report::jsonl::JsonlSink;
use crate::report::manifest::Notice;
use crate::report::rows::{self, ArticleRows};
use crate::report::{Counts, Manifest, ReportSet};
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

    fn finish(self, manifest: &Manifest) -> std::io::Result<()> {
        match self {
            Output::Files(reports) => reports.finish(manifest),
            Output::Stream(sink) => sink.finish(),
        }
    }
}

/// Hooks for a progress display; the library itself never prints.
pub trait Progress: Sync {
    /// `done` articles have been written.
    fn advance(&self, _done: usize) {}
    /// An input was skipped or read with a problem.
    fn notice(&self, _skipped: bool, _notice: &Notice) {}
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
    /// Wall-clock seconds.
    pub elapsed_seconds: f64,
}

/// Why a run failed; no report was replaced.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The output folder could not be written.
    #[error("cannot write reports to `{}`: {source}; check that the folder is writable or choose another with --out", dir.display())]
    Output {
        /// The folder.
        dir: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// Nothing could be read.
    #[error(
        "no article could be read from the inputs ({skipped} skipped); earlier reports were left as they were"
    )]
    NoArticles {
        /// Number of skipped inputs.
        skipped: usize,
    },
    /// The thread pool could not start.
    #[error("cannot start {threads} worker threads: {message}")]
    Threads {
        /// Requested threads.
        threads: usize,
        /// Why.
        message: String,
    },
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
    let output = |source| PipelineError::Output {
        dir: options.out.clone(),
        source,
    };
    let mut reports = if options.jsonl {
        Output::Stream(JsonlSink::new(
            std::io::BufWriter::new(std::io::stdout()),
            lexicon,
        ))
    } else {
        Output::Files(Box::new(
            ReportSet::create(&options.out, lexicon, options.excel).map_err(output)?,
        ))
    };
    let chunk_size = CHUNK_PER_THREAD * pool.current_num_threads().max(1);
    let mut skipped = Vec::new();
    let mut warnings = Vec::new();
    let (tx, rx) = crossbeam_channel::bounded::<Item>(CHANNEL);
    let written = std::thread::scope(|scope| -> std::io::Result<()> {
        scope.spawn(move || {
            read_inputs(&options.inputs, &options.ingest, &mut |item| {
                tx.send(item).is_ok()
            })
        });
        let mut chunk: Vec<Article> = Vec::with_capacity(chunk_size);
        let mut done = 0;
        let mut flush =
            |chunk: &mut Vec<Article>, skipped: &mut Vec<Notice>| -> std::io::Result<()> {
                let results: Vec<Result<ArticleRows, Notice>> =
                    pool.install(|| chunk.par_iter().map(|a| guarded(a, lexicon)).collect());
                for result in results {
                    match result {
                        Ok(rows) => reports.write(&rows)?,
                        Err(notice) => {
                            progress.notice(true, &notice);
                            skipped.push(notice);
                        }
                    }
                }
                done += chunk.len();
                progress.advance(done);
                chunk.clear();
                Ok(())
            };
        for item in rx {
            match item {
                Item::Article(article) => {
                    chunk.push(*article);
                    if chunk.len() == chunk_size {
                        flush(&mut chunk, &mut skipped)?;
                    }
                }
                Item::Skip(s) => {
                    let notice = Notice {
                        location: s.location,
                        message: s.message,
                    };
                    progress.notice(true, &notice);
                    skipped.push(notice);
                }
                Item::Warning(s) => {
                    let notice = Notice {
                        location: s.location,
                        message: s.message,
                    };
                    progress.notice(false, &notice);
                    warnings.push(notice);
                }
            }
        }
        flush(&mut chunk, &mut skipped)
    });
    written.map_err(output)?;
    let counts = reports.counts();
    if counts.articles == 0 && !skipped.is_empty() {
        return Err(PipelineError::NoArticles {
            skipped: skipped.len(),
        });
    }
    let elapsed_seconds = started.elapsed().as_secs_f64();
    let manifest = Manifest {
        tool: "framescore".into(),
        version: env!("CARGO_PKG_VERSION").into(),
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
        }),
        counts: counts.clone(),
        skipped: skipped.clone(),
        warnings: warnings.clone(),
        elapsed_seconds,
    };
    reports.finish(&manifest).map_err(output)?;
    Ok(Summary {
        counts,
        skipped,
        warnings,
        elapsed_seconds,
    })
}

fn guarded(article: &Article, lexicon: &Lexicon) -> Result<ArticleRows, Notice> {
    catch_unwind(AssertUnwindSafe(|| score_article(article, lexicon))).map_err(|_| Notice {
        location: article.origin.clone(),
        message: format!(
            "internal error while scoring article `{}`; it was skipped — please report this with the article",
            article.id
        ),
    })
}

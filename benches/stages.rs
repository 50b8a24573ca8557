//! One benchmark per pipeline stage over the same inputs (the seeds, and the
//! BBC corpus when `FRAMESCORE_BENCH_CORPUS` points at a folder of .txt files),
//! reported in bytes/s, and the whole run at one and two threads.
//!
//! Each bench checks a count against one taken before timing by a plainer
//! way of computing it (every line folded on its own, every sentence folded on
//! its own, a one-thread run), so a bench that silently stops matching, or an
//! optimisation that changes an answer, fails instead of getting faster.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use framescore::analyze::{analyze, words};
use framescore::ingest::Article;
use framescore::lexicon::{Lexicon, builtin_files};
use framescore::pipeline::{self, Options, Silent, score_article};
use framescore::text::normalize::{Folded, fold};
use framescore::text::{segment, segment_folded};

fn corpus_dir() -> PathBuf {
    std::env::var("FRAMESCORE_BENCH_CORPUS")
        .unwrap_or_else(|_| "seeds".into())
        .into()
}

fn inputs() -> Vec<Article> {
    let mut paths: Vec<_> = walk(&corpus_dir());
    paths.sort();
    paths.truncate(500);
    paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).expect("readable input");
            Article::from_text(
                &p.display().to_string(),
                &framescore::text::decode(&bytes).text,
            )
        })
        .collect()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)
        .expect("bench corpus folder")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    out
}

/// Trimmed non-empty lines, as byte ranges: what boilerplate rules judge.
fn lines(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim();
        if !line.is_empty() {
            let start = at + (raw.len() - raw.trim_start().len());
            out.push(start..start + line.len());
        }
        at += raw.len();
    }
    out
}

/// Folded bytes of every line, each line folded on its own (the reference).
fn folded_line_bytes(a: &Article) -> usize {
    lines(&a.text)
        .into_iter()
        .map(|r| fold(&a.text[r]).len())
        .sum()
}

/// Hits of every sentence, each sentence folded on its own (the reference).
fn hits_sentence_by_sentence(a: &Article, lexicon: &Lexicon) -> usize {
    let doc = segment(&a.text, &lexicon.boilerplate);
    doc.sentences
        .iter()
        .map(|s| {
            let folded = Folded::new(&a.text[s.span.clone()], s.span.start);
            lexicon.matcher.find(folded.view(), &a.text).len()
        })
        .sum()
}

fn stages(c: &mut Criterion) {
    let lexicon = Lexicon::builtin().expect("built-in lexicons");
    let articles = inputs();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let want_folded: usize = articles.iter().map(folded_line_bytes).sum();
    let want_hits: usize = articles
        .iter()
        .map(|a| hits_sentence_by_sentence(a, &lexicon))
        .sum();
    let want_sentences: usize = articles
        .iter()
        .map(|a| segment(&a.text, &lexicon.boilerplate).sentences.len())
        .sum();
    let want_terms: usize = articles
        .iter()
        .map(|a| analyze(a, &lexicon).terms.len())
        .sum();
    assert!(want_hits > 0 && want_terms > 0 && want_sentences > articles.len());

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("lexicon_build", |b| {
        let files = builtin_files();
        b.iter(|| framescore::lexicon::build(black_box(&files)).expect("valid"))
    });
    group.bench_function("fold", |b| {
        b.iter(|| {
            let got: usize = articles
                .iter()
                .map(|a| {
                    let folded = Folded::new(&a.text, 0);
                    lines(&a.text)
                        .into_iter()
                        .map(|r| folded.range(r).text.len())
                        .sum::<usize>()
                })
                .sum();
            assert_eq!(got, want_folded, "an article folded once, viewed per line");
            got
        })
    });
    group.bench_function("segment", |b| {
        b.iter(|| {
            let got: usize = articles
                .iter()
                .map(|a| {
                    let folded = Folded::new(&a.text, 0);
                    segment_folded(&a.text, &folded, &lexicon.boilerplate)
                        .sentences
                        .len()
                })
                .sum();
            assert_eq!(got, want_sentences);
            got
        })
    });
    group.bench_function("words", |b| {
        let docs: Vec<_> = articles
            .iter()
            .map(|a| segment(&a.text, &lexicon.boilerplate))
            .collect();
        let want: usize = docs.iter().map(|d| d.words).sum();
        b.iter(|| {
            let got: usize = articles
                .iter()
                .zip(&docs)
                .map(|(a, d)| words::split(&a.text, d).0.len())
                .sum();
            // a paragraph's words and its sentences' words are one count
            assert!(
                got.abs_diff(want) * 100 <= want,
                "{got} words, {want} counted"
            );
            got
        })
    });
    group.bench_function("match", |b| {
        let docs: Vec<_> = articles
            .iter()
            .map(|a| segment(&a.text, &lexicon.boilerplate))
            .collect();
        b.iter(|| {
            let mut hits = Vec::new();
            for (a, doc) in articles.iter().zip(&docs) {
                let folded = Folded::new(&a.text, 0);
                for s in &doc.sentences {
                    let view = folded.range(s.span.clone());
                    lexicon.matcher.find_into(view, &a.text, &mut hits);
                }
            }
            assert_eq!(hits.len(), want_hits, "one fold per article, per sentence");
            hits.len()
        })
    });
    group.bench_function("analyze", |b| {
        b.iter(|| {
            let got: usize = articles
                .iter()
                .map(|a| analyze(a, &lexicon).terms.len())
                .sum();
            assert_eq!(got, want_terms);
            got
        })
    });
    group.bench_function("score_and_rows", |b| {
        b.iter(|| {
            let rows: usize = articles
                .iter()
                .map(|a| score_article(a, &lexicon).matches.len())
                .sum();
            assert!(rows > 0);
            rows
        })
    });
    group.finish();
}

/// The whole `framescore score` run on the corpus folder, reports written to
/// a temporary folder, at one and two threads: the ratio of the two is the
/// scaling figure, and the rows written must be the same.
fn run(c: &mut Criterion) {
    let lexicon = Lexicon::builtin().expect("built-in lexicons");
    let dir = corpus_dir();
    let bytes: u64 = walk(&dir)
        .iter()
        .map(|p| std::fs::metadata(p).expect("stat").len())
        .sum();
    let out = tempfile::tempdir().expect("tempdir");
    // the figure: every report except the HTML one
    let options = |threads| Options {
        threads,
        html: false,
        ..Options::new(vec![dir.clone()], out.path().join(format!("t{threads}")))
    };
    let want = pipeline::run(&options(1), &lexicon, &Silent)
        .expect("a run")
        .counts;
    assert!(want.articles > 0);
    let mut group = c.benchmark_group("run");
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10);
    for threads in [1, 2] {
        group.bench_function(format!("threads_{threads}"), |b| {
            b.iter(|| {
                let got = pipeline::run(&options(threads), &lexicon, &Silent).expect("a run");
                assert_eq!(got.counts, want);
                got.counts.articles
            })
        });
    }
    group.finish();
}

criterion_group!(benches, stages, run);
criterion_main!(benches);

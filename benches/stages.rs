//! One benchmark per pipeline stage over the same inputs (the seeds, and the
//! BBC corpus when `FRAMESCORE_BENCH_CORPUS` points at a folder of .txt files),
//! reported in bytes/s. Each bench also checks a count, so a bench that
//! silently stops matching anything fails instead of getting faster.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use framescore::analyze::analyze;
use framescore::ingest::Article;
use framescore::lexicon::{Lexicon, builtin_files};
use framescore::pipeline::score_article;
use framescore::text::normalize::Folded;
use framescore::text::segment;

fn inputs() -> Vec<Article> {
    let dir = std::env::var("FRAMESCORE_BENCH_CORPUS").unwrap_or_else(|_| "seeds".into());
    let mut paths: Vec<_> = walk(Path::new(&dir));
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

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
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

fn stages(c: &mut Criterion) {
    let lexicon = Lexicon::builtin().expect("built-in lexicons");
    let articles = inputs();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);

    group.bench_function("lexicon_build", |b| {
        let files = builtin_files();
        b.iter(|| framescore::lexicon::build(black_box(&files)).expect("valid"))
    });
    group.bench_function("segment", |b| {
        b.iter(|| {
            let sentences: usize = articles
                .iter()
                .map(|a| segment(&a.text, &lexicon.boilerplate).sentences.len())
                .sum();
            assert!(sentences > articles.len());
            sentences
        })
    });
    group.bench_function("match", |b| {
        b.iter(|| {
            let hits: usize = articles
                .iter()
                .map(|a| {
                    lexicon
                        .matcher
                        .find(&Folded::new(&a.text, 0), &a.text)
                        .len()
                })
                .sum();
            assert!(hits > 0);
            hits
        })
    });
    group.bench_function("analyze", |b| {
        b.iter(|| {
            let terms: usize = articles
                .iter()
                .map(|a| analyze(a, &lexicon).terms.len())
                .sum();
            assert!(terms > 0);
            terms
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

criterion_group!(benches, stages);
criterion_main!(benches);

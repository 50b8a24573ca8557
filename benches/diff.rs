//! `diff` over 10,000 articles: two report folders made by scoring the seeds
//! with the built-in lexicons and with one extra loaded term, each row then
//! repeated under 2,000 article ids (about 580,000 match rows a side), so
//! the comparison runs on real report rows at corpus scale.

use std::fs;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use framescore::diff::{NoEntries, compare};
use framescore::lexicon::Lexicon;
use framescore::pipeline::{Options, Silent, run};

const COPIES: usize = 2_000;

fn score(lexicon: &Lexicon, out: &Path) {
    let options = Options {
        html: false,
        ..Options::new(vec!["seeds".into()], out.to_path_buf())
    };
    run(&options, lexicon, &Silent).expect("seeds score");
}

/// Rewrites each CSV of `dir` with every row repeated under `COPIES` ids.
fn multiply(dir: &Path) {
    for name in ["articles.csv", "actors.csv", "matches.csv"] {
        let path = dir.join(name);
        let mut reader = csv::Reader::from_path(&path).expect("report csv");
        let header = reader.headers().expect("header").clone();
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        let mut writer = csv::Writer::from_path(&path).expect("rewrite");
        writer.write_record(&header).expect("header");
        for k in 0..COPIES {
            for row in &rows {
                let id = format!("{}#{k}", &row[0]);
                let cells = std::iter::once(id.as_str()).chain(row.iter().skip(1));
                writer.write_record(cells).expect("row");
            }
        }
        writer.flush().expect("flush");
    }
}

fn bench_diff(c: &mut Criterion) {
    let work = tempfile::tempdir().expect("tempdir");
    let (old, new) = (work.path().join("old"), work.path().join("new"));
    let lex = work.path().join("lex");
    fs::create_dir_all(&lex).expect("mkdir");
    let loaded = fs::read_to_string("lexicons/loaded.toml").expect("loaded.toml");
    fs::write(
        lex.join("loaded.toml"),
        loaded.replacen(
            "  \"barbarian*\",\n",
            "  \"barbarian*\",\n  \"backing*\",\n",
            1,
        ),
    )
    .expect("write");
    score(&Lexicon::builtin().expect("built-in"), &old);
    score(&Lexicon::load(&[lex]).expect("overlay"), &new);
    multiply(&old);
    multiply(&new);
    let mut group = c.benchmark_group("diff");
    group.sample_size(10);
    group.bench_function("10k_articles", |b| {
        b.iter(|| {
            let diff = compare(&old, &new, &NoEntries, &NoEntries).expect("compare");
            // one added match per copy: a bench that stops finding it fails
            assert_eq!(diff.added.len(), COPIES);
            diff.figures.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_diff);
criterion_main!(benches);

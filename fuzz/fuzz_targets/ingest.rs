//! Arbitrary bytes read as a CSV file and as a JSON Lines file through
//! `ingest::read_inputs`: every item must be an article, a skip or a warning,
//! never a panic, and each article must analyze cleanly.
#![no_main]

use std::path::PathBuf;

use framescore::analyze::analyze;
use framescore::ingest::{IngestOptions, InputFormat, Item, read_inputs};
use framescore::lexicon::Lexicon;
use libfuzzer_sys::fuzz_target;

fn scratch(ext: &str) -> PathBuf {
    std::env::temp_dir().join(format!("framescore-fuzz-{}.{ext}", std::process::id()))
}

fuzz_target!(|data: &[u8]| {
    let lexicon = Lexicon::shared().expect("built-in lexicons");
    for (ext, format) in [("csv", InputFormat::Csv), ("jsonl", InputFormat::Jsonl)] {
        let path = scratch(ext);
        std::fs::write(&path, data).expect("write scratch input");
        let options = IngestOptions {
            format,
            ..IngestOptions::default()
        };
        read_inputs(std::slice::from_ref(&path), &options, &mut |item| {
            if let Item::Article(article) = item {
                let analysis = analyze(&article, lexicon);
                let errors = analysis.span_errors();
                assert!(errors.is_empty(), "{errors:?}");
            }
            true
        });
    }
});

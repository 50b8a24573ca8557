//! Arbitrary bytes → decode → analyze → score → report rows, checking every
//! invariant of `tests/common/checks.rs` (spans on character boundaries and
//! matching their reported text, finite figures in their ranges).
#![no_main]

use framescore::analyze::analyze;
use framescore::ingest::Article;
use framescore::lexicon::Lexicon;
use framescore::report::jsonl::JsonlSink;
use framescore::report::rows;
use framescore::{score, text};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| {
    let lexicon = Lexicon::shared().expect("built-in lexicons");
    let decoded = text::decode(data);
    let article = Article::from_text("fuzz", &decoded.text);
    let analysis = analyze(&article, lexicon);
    let scores = score::score(&analysis, lexicon);
    let actors = score::actors(&analysis, lexicon);
    let rows = rows::build(&analysis, &scores, &actors, lexicon);
    let problems = checks::problems(&analysis, &scores, &actors, &rows);
    assert!(problems.is_empty(), "{problems:#?}");
    let mut sink = JsonlSink::new(Vec::new(), lexicon);
    sink.write(&rows).expect("rendering to memory");
});

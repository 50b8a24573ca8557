//! An arbitrary TOML text as a user lexicon file laid over the built-in ones
//! (under each built-in file's name in turn, so every schema is reached):
//! the validator must refuse it with problems or build a lexicon, never
//! panic; a lexicon it builds must then score a short article.
#![no_main]

use framescore::analyze::analyze;
use framescore::ingest::Article;
use framescore::lexicon::{LexiconFile, build, builtin_files, overlay};
use framescore::score;
use libfuzzer_sys::fuzz_target;

const ARTICLE: &str = "Lavrov said: \u{201C}Japan is arrogant.\u{201D} Critics say the plan clearly failed, but China backs it.";

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let base = builtin_files();
    let name = base[usize::from(pick) % base.len()].name.clone();
    let user = LexiconFile {
        path: format!("fuzz/{name}"),
        name,
        text: text.to_string(),
    };
    let Ok(lexicon) = build(&overlay(base, vec![user])) else {
        return;
    };
    let article = Article::from_text("fuzz", ARTICLE);
    let analysis = analyze(&article, &lexicon);
    let _ = score::score(&analysis, &lexicon);
    let _ = score::actors(&analysis, &lexicon);
});

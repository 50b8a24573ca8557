//! Inputs the fuzz targets in `fuzz/` found, each kept as a test named after
//! what it caught.

use framescore::analyze::analyze;
use framescore::ingest::Article;
use framescore::lexicon::{LexiconFile, build, builtin_files, overlay};

/// `lexicon_load`: an `actors.toml` whose person has `surname = ""` panicked
/// (subtract with overflow in the matcher, on every article) instead of being
/// refused. Either `build` refuses it, or the lexicon it builds scores text.
#[test]
fn an_empty_surname_is_refused_or_harmless_not_a_panic() {
    let user = LexiconFile {
        name: "actors.toml".into(),
        path: "fuzz/actors.toml".into(),
        text: "[actor.x]\nlabel=\"X\"\naliases=[\"X\"]\npeople=[{text=\"A B\", surname=\"\"}]\n"
            .into(),
    };
    if let Ok(lexicon) = build(&overlay(builtin_files(), vec![user])) {
        let article = Article::from_text("t", "A B said X is good. B agreed.");
        let _ = analyze(&article, &lexicon);
    }
}

//! Inputs the fuzz targets in `fuzz/` found, each kept as a test named after
//! what it caught.

use framescore::lexicon::{LexiconFile, build, builtin_files, overlay};

/// `lexicon_load`: an `actors.toml` whose person has `surname = ""` panicked
/// (subtract with overflow in the matcher, on every article) instead of being
/// refused; `build` now refuses it, naming the empty surname.
#[test]
fn an_empty_surname_is_refused_not_a_panic() {
    let user = LexiconFile {
        name: "actors.toml".into(),
        path: "fuzz/actors.toml".into(),
        text: "[actor.x]\nlabel=\"X\"\naliases=[\"X\"]\npeople=[{text=\"A B\", surname=\"\"}]\n"
            .into(),
    };
    let refused = build(&overlay(builtin_files(), vec![user]));
    let err = refused.expect_err("an empty surname is refused");
    assert!(err.to_string().contains("surname"), "{err}");
}

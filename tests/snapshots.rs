//! Report writers rendered into memory and compared with reviewed snapshots
//! (insta): the byte layout of each CSV is a contract with spreadsheets and
//! scripts. After an intended change, review with `cargo insta review` or
//! re-run with `INSTA_UPDATE=always` and read the diff before committing.

use framescore::analyze::analyze;
use framescore::ingest::Article;
use framescore::lexicon::Lexicon;
use framescore::pipeline::score_article;
use framescore::report::columns::{Csv, Schema};
use framescore::report::rows::{ArticleRows, Schemas};

const TEXT: &str = "Russia warns Japan\n\nRussian Foreign Minister Sergei Lavrov said on Sunday that Japan's \u{201C}accelerated militarization\u{201D} was a threat. \"Taiwan is an integral part of China,\" Lavrov asserted. Analysts say the so-called alliance is clearly not stable, according to a source familiar with the talks.";

fn rows() -> (ArticleRows, &'static Lexicon) {
    let lexicon = Lexicon::shared().expect("built-in lexicons");
    (
        score_article(&Article::from_text("demo", TEXT), lexicon),
        lexicon,
    )
}

fn render<R>(schema: &Schema<R>, rows: &[R]) -> String {
    String::from_utf8(schema.table(&Csv, rows)).expect("utf-8")
}

fn schemas(lexicon: &Lexicon) -> Schemas {
    Schemas::new(lexicon, &[])
}

#[test]
fn sources_csv_layout() {
    let (rows, lexicon) = rows();
    insta::assert_snapshot!(render(&schemas(lexicon).sources, &rows.sources));
}

#[test]
fn matches_csv_layout() {
    let (rows, lexicon) = rows();
    insta::assert_snapshot!(render(&schemas(lexicon).matches, &rows.matches));
}

#[test]
fn actors_csv_layout() {
    let (rows, lexicon) = rows();
    insta::assert_snapshot!(render(&schemas(lexicon).actors, &rows.actors));
}

#[test]
fn articles_csv_layout() {
    let (rows, lexicon) = rows();
    insta::assert_snapshot!(render(
        &schemas(lexicon).articles,
        std::slice::from_ref(&rows.article)
    ));
}

#[test]
fn offsets_are_characters_into_the_text_as_read() {
    let lexicon = Lexicon::shared().expect("built-in lexicons");
    let article = Article::from_text("demo", TEXT);
    let analysis = analyze(&article, lexicon);
    let chars: Vec<char> = TEXT.chars().collect();
    for hit in &analysis.terms {
        let (s, e) = (
            analysis.chars.chars(hit.start),
            analysis.chars.chars(hit.end),
        );
        let by_chars: String = chars[s..e].iter().collect();
        assert_eq!(by_chars, &TEXT[hit.start..hit.end]);
    }
}

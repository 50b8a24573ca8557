//! Hostile articles from the issues: each must be scored without a panic and
//! with sensible output. (Speed is measured in benches, not asserted here; these
//! inputs are sized so that quadratic behaviour would make the suite crawl.)

use framescore::ingest::{Article, TargetSpec};
use framescore::lexicon::Lexicon;
use framescore::pipeline::score_article;

fn score(text: &str) -> framescore::report::rows::ArticleRows {
    let lexicon = Lexicon::shared().expect("built-in lexicons");
    score_article(&Article::from_text("hostile", text), lexicon)
}

#[test]
fn hostile_articles_are_scored_without_panic() {
    let long_quote = format!(
        "Lavrov said: \"{}\"",
        "Japan is arrogant and the talks went well ".repeat(2500)
    );
    let cases: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("only punctuation", "... !!! ??? ,,, ;;; ---".into()),
        ("only whitespace lines", "\n\n \r\n\t\n".into()),
        ("hundreds of quote marks", "\"a\" \u{201C}b\u{201D} 'c' \u{00AB}d\u{00BB} ".repeat(300)),
        ("only opening marks", "\u{201C}Lavrov \u{201C}said \u{201E}Japan ".repeat(500)),
        ("only closing marks", "Japan\u{201D} said\u{201D} no\u{2019} ".repeat(500)),
        ("a quote of 20,000 words", long_quote),
        ("5,000-word sentence, no punctuation", "china warned japan over the arrogant hegemonic plan ".repeat(625)),
        ("title-case headline of 5,000 verbs", "Trump Says Clinton Claims ".repeat(2500)),
        ("5,000 polls", "in a new poll in the survey ".repeat(1000)),
        ("200 actors in one sentence", "China Russia Japan Taiwan NATO ".repeat(40) + "are arrogant."),
        ("nested and mismatched", "\u{201C}He said \u{2018}no \u{201C}never\u{2019} ok\u{201D} fine\u{201D} \"x".repeat(100)),
        ("non-Latin scripts", "\u{4E60}\u{8FD1}\u{5E73}\u{8BF4} \u{0421}\u{0435}\u{0440}\u{0433}\u{0435}\u{0439} \u{041B}\u{0430}\u{0432}\u{0440}\u{043E}\u{0432} \u{0627}\u{0644}\u{0635}\u{064A}\u{0646}. O'Brien-Smith said it's fine.".into()),
        ("control characters", "\u{0000}\u{0007}Japan\u{FEFF} is \u{FFFD} arrogant\u{200B}.".into()),
    ];
    for (name, text) in cases {
        let rows = score(&text);
        assert!(!rows.article.is_empty(), "{name}: no article row");
    }
}

#[test]
fn targets_with_bad_spans_are_ignored_not_fatal() {
    let lexicon = Lexicon::shared().expect("built-in lexicons");
    let mut article = Article::from_text("t", "A good day for Acme.");
    article.targets = vec![
        TargetSpec {
            name: "past end".into(),
            aliases: vec![],
            start: Some(5),
            end: Some(500),
        },
        TargetSpec {
            name: "reversed".into(),
            aliases: vec![],
            start: Some(9),
            end: Some(2),
        },
        TargetSpec {
            name: "Acme".into(),
            aliases: vec!["".into()],
            start: None,
            end: None,
        },
    ];
    let rows = score_article(&article, lexicon);
    assert_eq!(rows.actors.len(), 1, "only the findable target gets a row");
}

#[test]
fn an_article_with_no_sentences_is_news_with_finite_reliability_parts() {
    use framescore::report::cell::Cell;
    let lexicon = Lexicon::shared().expect("built-in lexicons");
    let header = framescore::report::rows::articles_header(lexicon);
    let column = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    for text in ["", "\n \n\t", "... !!! ???"] {
        let rows = score(text);
        assert_eq!(
            rows.article[column("article_type")],
            Cell::Text("news".into()),
            "{text:?}"
        );
        for name in [
            "reliability",
            "reliability_sourcing",
            "reliability_restraint",
            "reliability_calibration",
            "reliability_balance",
            "reliability_transparency",
        ] {
            match &rows.article[column(name)] {
                Cell::Score(x) => assert!((0.0..=100.0).contains(x), "{text:?} {name} {x}"),
                other => panic!("{text:?} {name}: {other:?}"),
            }
        }
        assert!(
            !rows
                .matches
                .iter()
                .any(|m| matches!(&m[5], Cell::Text(f) if f == "opinion" || f == "analysis")),
            "{text:?}: markers in an empty article"
        );
    }
}

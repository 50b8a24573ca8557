use std::fs;

use super::*;

const ARTICLES: &str =
    "article_id,title,words,tone,flags\r\na,T,100,0.5000,\r\nb,2024,200,-0.2500,x\r\n";

fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        fs::write(dir.path().join(name), text).expect("write");
    }
    dir
}

fn report(articles: &str, actors: &str, matches: &str) -> tempfile::TempDir {
    folder(&[
        ("articles.csv", articles),
        ("actors.csv", actors),
        ("matches.csv", matches),
        (
            "manifest.json",
            r#"{"tool": "framescore", "version": "0.1.0"}"#,
        ),
    ])
}

const ACTORS: &str = "article_id,actor,mentions,sentiment\na,china,2,0.1000\n";
const MATCHES: &str = "article_id,sentence,char_start,char_end,text,family,category,context\na,0,4,9,brutal,loaded,pejoratives,x\n";

#[test]
fn figures_table() {
    // (new articles.csv, changes as (article, figure, delta), articles changed)
    type Case<'a> = (&'a str, &'a [(&'a str, &'a str, f64)], usize);
    let cases: &[Case] = &[
        (ARTICLES, &[], 0),
        (
            "article_id,title,words,tone,flags\na,T,100,0.7500,\nb,2024,230,-0.2500,y\n",
            &[("b", "words", 30.0), ("a", "tone", 0.25)],
            2,
        ),
        // reordered rows and a title that looks like a number change nothing
        (
            "article_id,title,words,tone,flags\nb,2025,200,-0.2500,x\na,T,100,0.5000,\n",
            &[],
            0,
        ),
    ];
    for (text, want, changed) in cases {
        let old = report(ARTICLES, ACTORS, MATCHES);
        let new = report(text, ACTORS, MATCHES);
        let diff = compare(old.path(), new.path(), &NoEntries, &NoEntries).expect("compare");
        let got: Vec<(&str, &str, f64)> = diff
            .figures
            .iter()
            .map(|c| (c.article_id.as_str(), c.figure.as_str(), c.delta()))
            .collect();
        assert_eq!(got.len(), want.len(), "{text}: {got:?}");
        for (g, w) in got.iter().zip(want.iter()) {
            assert_eq!((g.0, g.1), (w.0, w.1), "{text}");
            assert!((g.2 - w.2).abs() < 1e-9, "{text}: {g:?}");
        }
        assert_eq!(diff.summary.articles_changed, *changed, "{text}");
    }
}

#[test]
fn an_actor_missing_on_one_side_counts_as_zero() {
    let old = report(ARTICLES, ACTORS, MATCHES);
    let new = report(ARTICLES, "article_id,actor,mentions,sentiment\n", MATCHES);
    let diff = compare(old.path(), new.path(), &NoEntries, &NoEntries).expect("compare");
    let got: Vec<(Option<&str>, &str, f64)> = diff
        .figures
        .iter()
        .map(|c| (c.actor.as_deref(), c.figure.as_str(), c.delta()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("china"), "mentions", -2.0),
            (Some("china"), "sentiment", -0.1)
        ]
    );
    assert_eq!(diff.summary.actors_changed, 1);
}

#[test]
fn matches_appear_and_disappear_as_multisets() {
    let old = report(
        ARTICLES,
        ACTORS,
        "article_id,sentence,char_start,char_end,text,family,category\na,0,4,9,brutal,loaded,pejoratives\na,0,4,9,brutal,loaded,pejoratives\nb,1,0,3,may,hedge,modal\n",
    );
    let new = report(
        ARTICLES,
        ACTORS,
        "article_id,sentence,char_start,char_end,text,family,category\nb,2,20,30,barbarians,loaded,name_calling\na,0,4,9,brutal,loaded,pejoratives\n",
    );
    let diff = compare(old.path(), new.path(), &NoEntries, &NoEntries).expect("compare");
    let texts = |rows: &[MatchRow]| rows.iter().map(|r| r.text.clone()).collect::<Vec<_>>();
    assert_eq!(texts(&diff.added), vec!["barbarians"]);
    assert_eq!(texts(&diff.removed), vec!["brutal", "may"]);
    assert_eq!(diff.summary.added.get("loaded"), Some(&1));
    assert_eq!(diff.summary.removed.get("hedge"), Some(&1));
}

#[test]
fn the_entry_behind_a_wildcard_match_is_found() {
    let lexicon = Lexicon::shared().expect("built-in");
    let cases = [
        ("barbarians", "loaded", "name_calling", Some("barbarian*")),
        (
            "Wolf\n Warriors",
            "loaded",
            "name_calling",
            Some("wolf warrior*"),
        ),
        ("barbarians", "hedge", "name_calling", None),
        ("barbarians are", "loaded", "name_calling", None),
        ("no such words here", "loaded", "name_calling", None),
    ];
    for (text, family, category, want) in cases {
        assert_eq!(
            lexicon.entry(text, family, category).as_deref(),
            want,
            "{text}"
        );
    }
    assert!(!entries_matching(lexicon, "barbarians").is_empty());
}

#[test]
fn bad_report_folders_name_the_file_and_line() {
    let good = report(ARTICLES, ACTORS, MATCHES);
    let cases: &[(&[(&str, &str)], &str)] = &[
        (
            &[("actors.csv", ACTORS), ("matches.csv", MATCHES)],
            "articles.csv: cannot read",
        ),
        // the reports end lines with CRLF; the line is still right
        (
            &[
                ("articles.csv", "article_id,words\r\na,1\r\nb\r\n"),
                ("actors.csv", ACTORS),
                ("matches.csv", MATCHES),
            ],
            "articles.csv:3: row has 1 fields, the header has 2",
        ),
        (
            &[
                (
                    "articles.csv",
                    "article_id,title,words\r\na,\"x\r\ny\",1\r\nb,t\r\n",
                ),
                ("actors.csv", ACTORS),
                ("matches.csv", MATCHES),
            ],
            "articles.csv:4: row has 2 fields, the header has 3",
        ),
        (
            &[
                ("articles.csv", "article_id,words\na,1\nb\n"),
                ("actors.csv", ACTORS),
                ("matches.csv", MATCHES),
            ],
            "articles.csv:3: row has 1 fields, the header has 2",
        ),
        (
            &[
                ("articles.csv", "id,words\na,1\n"),
                ("actors.csv", ACTORS),
                ("matches.csv", MATCHES),
            ],
            "has no `article_id` column",
        ),
        (
            &[
                ("articles.csv", ARTICLES),
                ("actors.csv", ACTORS),
                ("matches.csv", MATCHES),
                ("manifest.json", "{\n  \"tool\": \"framescore\",\n  oops\n}"),
            ],
            "manifest.json:3: column 3: not valid JSON",
        ),
        (
            &[
                ("articles.csv", ARTICLES),
                ("actors.csv", ACTORS),
                (
                    "matches.csv",
                    "article_id,sentence,char_start,char_end,text,family,category\na,0,x,9,b,loaded,p\n",
                ),
            ],
            "matches.csv:2: column `char_start`: `x` is not a character offset",
        ),
    ];
    for (files, want) in cases {
        let bad = folder(files);
        let err = compare(good.path(), bad.path(), &NoEntries, &NoEntries)
            .expect_err("refused")
            .to_string();
        assert!(err.contains(want), "{err}\nwant: {want}");
    }
}

#[test]
fn report_folders_from_different_versions_compare_the_shared_columns() {
    let old = report(ARTICLES, ACTORS, MATCHES);
    let new = folder(&[
        (
            "articles.csv",
            "article_id,title,words,tone,reach,flags\na,T,100,0.5000,3,\nb,2024,200,-0.2500,4,x\n",
        ),
        ("actors.csv", ACTORS),
        ("matches.csv", MATCHES),
        (
            "manifest.json",
            r#"{"tool": "framescore", "version": "9.0.0"}"#,
        ),
    ]);
    let diff = compare(old.path(), new.path(), &NoEntries, &NoEntries).expect("compare");
    assert!(diff.figures.is_empty());
    let notes = diff.notes.join("\n");
    assert!(
        notes.contains("by framescore 0.1.0") && notes.contains("by framescore 9.0.0"),
        "{notes}"
    );
    assert!(notes.contains("only in this file: reach"), "{notes}");
}

#[test]
fn csv_output_has_a_row_per_change() {
    let old = report(ARTICLES, ACTORS, MATCHES);
    let new = report(
        "article_id,title,words,tone,flags\na,T,100,0.7500,\nb,2024,200,-0.2500,x\n",
        ACTORS,
        "article_id,sentence,char_start,char_end,text,family,category,context\n",
    );
    let diff = compare(old.path(), new.path(), &NoEntries, &NoEntries).expect("compare");
    let csv = String::from_utf8(write_csv(&diff, Vec::new()).expect("csv")).expect("utf8");
    assert!(
        csv.starts_with("kind,article_id,actor,figure,old,new,delta,"),
        "{csv}"
    );
    assert!(
        csv.contains("figure,a,,tone,0.5000,0.7500,0.2500,"),
        "{csv}"
    );
    assert!(
        csv.contains("match_removed,a,,,,,,0,4,9,brutal,loaded,pejoratives,,x"),
        "{csv}"
    );
    assert!(
        csv.contains("summary,,,matches_removed:loaded,,,1,"),
        "{csv}"
    );
}

#[test]
fn a_column_holding_text_is_left_out_with_a_note() {
    // a later version's text column (`article_type`) or a hand-edited cell
    let old = report(
        "article_id,words,article_type\na,100,news\nb,200,opinion\n",
        ACTORS,
        MATCHES,
    );
    let new = report(
        "article_id,words,article_type\na,120,opinion\nb,200,opinion\n",
        ACTORS,
        MATCHES,
    );
    let diff = compare(old.path(), new.path(), &NoEntries, &NoEntries).expect("compare");
    let got: Vec<&str> = diff.figures.iter().map(|c| c.figure.as_str()).collect();
    assert_eq!(got, ["words"]);
    assert_eq!(diff.summary.articles_changed, 1);
    let notes = diff.notes.join("\n");
    assert!(
        notes.contains("these columns hold text: article_type"),
        "{notes}"
    );
}

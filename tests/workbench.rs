//! The lexicon workbench from the command line: `lexicon import` on one
//! fixture per format (and per kind of bad input), `suggest` on fixtures.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn framescore() -> Command {
    Command::cargo_bin("framescore").expect("binary builds")
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// Imports `file` as `format` into `dir/name`, and checks that the folder passes `lexicon check`.
fn import_and_check(format: &str, file: &str, name: &str, extra: &[&str]) -> (String, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join(name);
    let assert = framescore()
        .args(["lexicon", "import", format])
        .arg(fixture(file))
        .args(extra)
        .arg("--out")
        .arg(&out)
        .assert();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    framescore()
        .args(["lexicon", "check"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("0 error(s), 0 warning(s)"));
    (fs::read_to_string(&out).expect("written"), stderr)
}

#[test]
fn import_vader_with_extra_columns() {
    let (toml, stderr) = import_and_check(
        "vader",
        "import/vader-extra-columns.txt",
        "sentiment.toml",
        &[],
    );
    assert!(
        toml.contains("{ text = \"chipper\", polarity = 0.525 }"),
        "{toml}"
    );
    assert!(
        toml.contains("{ text = \"dismal\", polarity = -0.6 }"),
        "{toml}"
    );
    let path = fixture("import/vader-extra-columns.txt")
        .display()
        .to_string();
    assert!(
        stderr.contains(&format!("{path}:4: note: `:-/` has no letter")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "{path}:5: skipped: the mean rating `not-a-number`"
        )),
        "{stderr}"
    );
}

#[test]
fn import_liwc_in_latin1_with_a_conditional_entry() {
    let (toml, stderr) = import_and_check("liwc", "import/moods-latin1.dic", "moods.toml", &[]);
    for want in [
        "[category.gloomy]",
        "\"drear*\"",
        "\"déjà vu\"",
        "\"naïve\"",
        "\"red tape\"",
    ] {
        assert!(toml.contains(want), "{want}\n{toml}");
    }
    assert!(stderr.contains("(latin-1)"), "{stderr}");
    let path = fixture("import/moods-latin1.dic").display().to_string();
    assert!(
        stderr.contains(&format!(
            "{path}:10: note: `kind`: LIWC2007 conditional entries"
        )),
        "{stderr}"
    );
}

#[test]
fn import_liwc_one_category() {
    let (toml, _) = import_and_check(
        "liwc",
        "import/moods-latin1.dic",
        "sentiment.toml",
        &[
            "--category",
            "sunny",
            "--polarity",
            "0.5",
            "--family",
            "sentiment",
        ],
    );
    assert!(
        toml.contains("[category.sunny]\nfamily = \"sentiment\"\npolarity = 0.5\n"),
        "{toml}"
    );
    assert!(!toml.contains("gloomy"), "{toml}");
}

#[test]
fn import_quanteda_yaml() {
    let (toml, stderr) = import_and_check("yaml", "import/topics.yml", "topics.toml", &[]);
    for want in [
        "[category.fiscal]",
        "[category.temper_angry]",
        "[category.temper_calm]",
        "\"purse strings\"",
    ] {
        assert!(toml.contains(want), "{want}\n{toml}");
    }
    assert!(stderr.contains("topics.yml:9: note: `*fury`"), "{stderr}");
}

#[test]
fn import_word_list() {
    let (toml, stderr) = import_and_check(
        "words",
        "import/jeers.txt",
        "jeers.toml",
        &["--category", "jeers", "--polarity", "-1"],
    );
    assert!(toml.ends_with("[category.jeers]\nfamily = \"loaded\"\npolarity = -1.0\nterms = [\n  \"blowhard\",\n  \"windbag\",\n]\n"), "{toml}");
    assert!(
        stderr.contains("jeers.txt:5: note: `windbag` is listed twice"),
        "{stderr}"
    );
}

#[test]
fn import_bad_input_names_file_and_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let no_legend = dir.path().join("no-legend.dic");
    fs::write(&no_legend, "word\t1\n").expect("write");
    let bad_yaml = dir.path().join("bad.yml");
    fs::write(&bad_yaml, "a:\n  - x\n b: [y\n").expect("write");
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "").expect("write");
    let cases = [
        (
            "liwc",
            &no_legend,
            format!(
                "{}:1: a LIWC .dic file starts with a `%` line",
                no_legend.display()
            ),
        ),
        (
            "yaml",
            &bad_yaml,
            format!("{}:3: not valid YAML", bad_yaml.display()),
        ),
        (
            "words",
            &empty,
            format!("{}: no term could be imported", empty.display()),
        ),
    ];
    for (format, path, want) in cases {
        framescore()
            .args(["lexicon", "import", format])
            .arg(path)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(want));
    }
    framescore()
        .args(["lexicon", "import", "words"])
        .arg(fixture("import/jeers.txt"))
        .args(["--family", "lodaed"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown family `lodaed`"));
}

#[test]
fn suggest_lists_over_represented_phrases_not_in_any_lexicon() {
    let assert = framescore()
        .arg("suggest")
        .arg(fixture("suggest/input"))
        .arg("--reference")
        .arg(fixture("suggest/reference"))
        .args(["--min-count", "2"])
        .assert()
        .success();
    let csv = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        [
            "term",
            "words",
            "count",
            "reference_count",
            "keyness",
            "example_1",
            "example_2"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let row = |term: &str| rows.iter().find(|r| &r[0] == term);
    let levy = row("dredging levy").unwrap_or_else(|| panic!("dredging levy in\n{csv}"));
    assert_eq!((&levy[1], &levy[2], &levy[3]), ("2", "4", "0"));
    assert!(levy[4].parse::<f64>().expect("keyness") > 0.0);
    assert!(levy[5].contains("[dredging levy]"), "{csv}");
    assert!(!levy[6].is_empty(), "two examples: {csv}");
    // a wildcard entry of loaded.toml (hegemon*) matches "hegemonic": not a candidate
    assert!(row("hegemonic").is_none(), "{csv}");
    // "said" and "the" are among the reference's most frequent words
    assert!(
        rows.iter()
            .all(|r| !r[0].starts_with("the ") && !r[0].ends_with(" said")),
        "{csv}"
    );
}

#[test]
fn suggest_on_an_empty_corpus_is_a_clear_error() {
    framescore()
        .arg("suggest")
        .arg(fixture("suggest/empty"))
        .arg("--reference")
        .arg(fixture("suggest/reference"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the input corpus"))
        .stderr(predicate::str::contains("holds no words"));
    framescore()
        .arg("suggest")
        .arg(fixture("suggest/input"))
        .arg("--reference")
        .arg(fixture("suggest/empty"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the reference corpus"));
}

#[test]
fn suggest_with_gold_lists_learned_features_outside_the_lexicons() {
    let assert = framescore()
        .args(["suggest", "--gold"])
        .arg(fixture("gold/reckon.jsonl"))
        .assert()
        .success()
        .stderr(predicate::str::contains("trained `hedges`"));
    let csv = String::from_utf8_lossy(&assert.get_output().stdout).to_string();
    assert!(csv.starts_with("term,feature,label,weight\r\n"), "{csv}");
    assert!(csv.contains("\r\nreckon,w=reckon,hedge,"), "{csv}");
    let dir = tempfile::tempdir().expect("tempdir");
    let plain = dir.path().join("plain.jsonl");
    fs::write(
        &plain,
        "{\"id\": \"a\", \"text\": \"Nothing is marked here.\"}\n",
    )
    .expect("write");
    framescore()
        .args(["suggest", "--gold"])
        .arg(&plain)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no `hedge` spans and no `targets`",
        ));
}

//! `outlets.csv`, `outlet_actors.csv`, `--group-by`, `--outlet-from`, the
//! input's own columns in `articles.csv`, and `--no-html` (issue 11): each
//! test scores a small input written here and reads the files back.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

fn framescore() -> Command {
    Command::cargo_bin("framescore").expect("binary builds")
}

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The rows of a CSV text as string records, header first.
fn records(csv: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    reader
        .records()
        .map(|r| r.expect("record").iter().map(str::to_string).collect())
        .collect()
}

fn column(csv: &str, name: &str) -> Vec<String> {
    let rows = records(csv);
    let i = rows[0]
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {:?}", rows[0]));
    rows[1..].iter().map(|r| r[i].clone()).collect()
}

/// Scores `inputs` (files written into a temp dir) with `args`; returns the dir and the run.
fn run(files: &[(&str, &str)], args: &[&str]) -> (tempfile::TempDir, assert_cmd::assert::Assert) {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, body) in files {
        let path = dir.path().join("in").join(name);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, body).expect("write");
    }
    let assert = framescore()
        .current_dir(dir.path())
        .args(["score", "in", "--out", "out", "--quiet"])
        .args(args)
        .assert();
    (dir, assert)
}

const ARTICLES: &str = concat!(
    r#"{"id":"a1","outlet":"Daily","section":"world","text":"China warned Japan. The arrogant plan is a threat, Lavrov said."}"#,
    "\n",
    r#"{"id":"a2","outlet":"Daily","section":"politics","text":"Russia backs China. Officials said the talks were good."}"#,
    "\n",
    r#"{"id":"a3","outlet":"Weekly","section":"world","text":"Japan is calm. Analysts say the plan is sound."}"#,
    "\n",
);

#[test]
fn outlets_csv_has_one_row_per_outlet_with_mean_and_spread_of_every_figure() {
    let (dir, assert) = run(&[("a.jsonl", ARTICLES)], &[]);
    assert.success();
    let out = dir.path().join("out");
    let outlets = read(&out, "outlets.csv");
    assert_eq!(column(&outlets, "outlet"), ["Daily", "Weekly"]);
    assert_eq!(column(&outlets, "articles"), ["2", "1"]);
    let header = &records(&outlets)[0];
    for figure in ["words", "tone", "reliability", "loaded_per_1k"] {
        for stat in ["mean", "sd"] {
            let name = format!("{figure}_{stat}");
            assert!(header.contains(&name), "no {name}");
        }
    }
    // the mean of the words of a1 and a2, from articles.csv itself
    let articles = read(&out, "articles.csv");
    let words: Vec<f64> = column(&articles, "words")
        .iter()
        .map(|w| w.parse().expect("number"))
        .collect();
    let mean = column(&outlets, "words_mean")[0]
        .parse::<f64>()
        .expect("number");
    assert!((mean - (words[0] + words[1]) / 2.0).abs() < 1e-4);
    assert_eq!(
        column(&outlets, "words_sd")[1],
        "",
        "one article has no spread"
    );
    let actors = read(&out, "outlet_actors.csv");
    assert_eq!(
        records(&actors)[0],
        [
            "outlet",
            "actor",
            "voice",
            "n",
            "mean_sentiment",
            "sd_sentiment",
            "label"
        ]
    );
    let voices = column(&actors, "voice");
    assert!(voices.iter().all(|v| v == "authorial" || v == "quoted"));
    let pairs: Vec<(String, String)> = column(&actors, "outlet")
        .into_iter()
        .zip(column(&actors, "actor"))
        .collect();
    assert!(
        pairs.contains(&("Daily".into(), "china".into())),
        "{pairs:?}"
    );
    assert!(
        pairs.contains(&("Weekly".into(), "japan".into())),
        "{pairs:?}"
    );
}

#[test]
fn extra_input_columns_flow_through_to_articles_csv_and_group_by_uses_them() {
    let csv = "id,text,section,desk\nc1,China warned Japan.,world,=HYPERLINK(1)\nc2,Japan is calm.,sport,\n";
    let (dir, assert) = run(
        &[("a.jsonl", ARTICLES), ("b.csv", csv)],
        &["--group-by", "section"],
    );
    assert.success();
    let out = dir.path().join("out");
    let articles = read(&out, "articles.csv");
    let header = &records(&articles)[0];
    let n = header.len();
    assert_eq!(
        &header[n - 2..],
        ["section", "desk"],
        "input columns come last"
    );
    assert_eq!(
        column(&articles, "section"),
        ["world", "politics", "world", "world", "sport"]
    );
    assert_eq!(
        column(&articles, "desk"),
        ["", "", "", "'=HYPERLINK(1)", ""],
        "formula-like values are neutralised"
    );
    let outlets = read(&out, "outlets.csv");
    assert_eq!(records(&outlets)[0][0], "section");
    assert_eq!(column(&outlets, "section"), ["politics", "sport", "world"]);
    assert_eq!(column(&outlets, "articles"), ["1", "1", "3"]);
}

#[test]
fn group_by_a_column_that_does_not_exist_fails_before_scoring_and_names_the_columns() {
    let (dir, assert) = run(&[("a.jsonl", ARTICLES)], &["--group-by", "topic"]);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).expect("utf-8");
    assert.code(2);
    assert!(stderr.contains("--group-by `topic`"), "{stderr}");
    assert!(
        stderr.contains("section") && stderr.contains("outlet"),
        "{stderr}"
    );
    assert!(!dir.path().join("out").exists(), "nothing written");
}

#[test]
fn empty_long_and_formula_like_outlets_give_safe_cells_and_a_note() {
    let long = "L".repeat(5000);
    let lines = [
        r#"{"id":"e1","outlet":"  ","text":"Japan is calm."}"#.to_string(),
        format!(r#"{{"id":"e2","outlet":"{long}","text":"Japan is calm."}}"#),
        r#"{"id":"e3","outlet":"=cmd|' /C calc'!A0","text":"Japan is calm."}"#.to_string(),
        r#"{"id":"e4","outlet":"@SUM(1)","text":""}"#.to_string(),
    ];
    let (dir, assert) = run(&[("a.jsonl", &lines.join("\n"))], &[]);
    assert.success();
    let out = dir.path().join("out");
    let outlets = column(&read(&out, "outlets.csv"), "outlet");
    assert_eq!(outlets.len(), 4, "{outlets:?}");
    assert!(
        outlets.contains(&String::new()),
        "empty outlet is one group"
    );
    assert!(outlets.contains(&"'=cmd|' /C calc'!A0".to_string()));
    assert!(outlets.contains(&"'@SUM(1)".to_string()));
    let cut = outlets
        .iter()
        .find(|o| o.starts_with('L'))
        .expect("long outlet");
    assert_eq!(cut.chars().count(), 200);
    assert!(cut.ends_with('…'));
    let manifest = read(&out, "manifest.json");
    assert!(
        manifest.contains("longer than 200 characters were cut"),
        "{manifest}"
    );
    // the article with no sentences has its row, its page and zero figures
    let articles = read(&out, "articles.csv");
    assert_eq!(column(&articles, "sentences")[3], "0");
    assert!(out.join("articles/0004.html").exists());
    let page = read(&out, "report.html");
    assert!(page.contains("(no outlet)"));
    assert!(
        page.contains("=cmd|&#39; /C calc&#39;!A0"),
        "escaped, not run"
    );
}

#[test]
fn outlet_from_folder_dateline_and_domain() {
    let files = [
        ("business/one.txt", "Markets rose.\n\nShares were up."),
        (
            "wire/two.txt",
            "Headline\nMOSCOW (Reuters) - Russia said it was calm.",
        ),
        (
            "wire/three.txt",
            "Headline\n- Myind Staff\nRussia said it was calm.",
        ),
        (
            "urls.jsonl",
            r#"{"id":"u1","url":"https://news.bbc.co.uk/x","text":"Japan is calm."}
{"id":"u2","url":"https://www.example.org/a","outlet":"Given","text":"Japan is calm."}"#,
        ),
    ];
    let ids = ["business/one", "wire/two", "wire/three", "u1", "u2"];
    let cases: [(&str, [&str; 5]); 3] = [
        ("folder", ["business", "wire", "wire", "in", "Given"]),
        ("dateline", ["", "Reuters", "Myind", "", "Given"]),
        ("domain", ["", "", "", "BBC", "Given"]),
    ];
    for (from, want) in cases {
        let (dir, assert) = run(&files, &["--outlet-from", from]);
        assert.success();
        let articles = read(&dir.path().join("out"), "articles.csv");
        let got: Vec<(String, String)> = column(&articles, "article_id")
            .into_iter()
            .zip(column(&articles, "outlet"))
            .collect();
        for (id, want) in ids.iter().zip(want) {
            let outlet = &got.iter().find(|(i, _)| i == id).expect(id).1;
            assert_eq!(outlet, want, "--outlet-from {from}, article {id}");
        }
    }
}

#[test]
fn no_html_writes_no_page_and_a_later_run_without_it_removes_the_pages() {
    let (dir, assert) = run(&[("a.jsonl", ARTICLES)], &[]);
    assert.success();
    let out = dir.path().join("out");
    assert!(out.join("report.html").exists() && out.join("articles/0003.html").exists());
    framescore()
        .current_dir(dir.path())
        .args(["score", "in", "--out", "out", "--quiet", "--no-html"])
        .assert()
        .success();
    assert!(!out.join("report.html").exists(), "stale page removed");
    assert!(!out.join("articles").exists(), "stale pages removed");
    assert!(out.join("outlets.csv").exists());
    let manifest = read(&out, "manifest.json");
    assert!(!manifest.contains("report.html"));
}

#[test]
fn article_pages_are_listed_in_the_manifest_with_their_digest() {
    let (dir, assert) = run(&[("a.jsonl", ARTICLES)], &[]);
    assert.success();
    let manifest: serde_json::Value =
        serde_json::from_str(&read(&dir.path().join("out"), "manifest.json")).expect("json");
    let files = manifest["files"].as_object().expect("files");
    for name in [
        "articles/0001.html",
        "articles/0003.html",
        "outlets.csv",
        "outlet_actors.csv",
        "report.html",
    ] {
        assert!(files.contains_key(name), "{name} in manifest");
    }
    assert_eq!(manifest["counts"]["outlets"], 2);
}

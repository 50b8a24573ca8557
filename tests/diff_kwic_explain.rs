//! The lexicon workbench from the command line: `diff`, `kwic` and `explain`
//! on the seeds and on small fixtures made here, bad input included.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn framescore() -> Command {
    let mut cmd = Command::cargo_bin("framescore").expect("binary builds");
    cmd.current_dir(root());
    cmd
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().expect("run");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// A lexicon folder whose loaded.toml adds `backing*` to name_calling.
fn lexicon_with_backing() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let loaded = fs::read_to_string(root().join("lexicons/loaded.toml")).expect("loaded.toml");
    let changed = loaded.replacen(
        "  \"barbarian*\",\n",
        "  \"barbarian*\",\n  \"backing*\",\n",
        1,
    );
    assert_ne!(loaded, changed, "loaded.toml still lists barbarian*");
    fs::write(dir.path().join("loaded.toml"), changed).expect("write");
    dir
}

fn score_into(dir: &Path, lexicons: Option<&Path>) {
    let mut cmd = framescore();
    cmd.args(["score", "seeds", "--quiet", "--out"]).arg(dir);
    if let Some(l) = lexicons {
        cmd.arg("--lexicons").arg(l);
    }
    cmd.assert().success();
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read_dir") {
        let path = entry.expect("entry").path();
        let dest = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_dir(&path, &dest); // a report set's article pages
        } else {
            fs::copy(&path, dest).expect("copy");
        }
    }
}

#[test]
fn help_of_every_workbench_command_shows_an_example() {
    for command in ["diff", "kwic", "explain"] {
        framescore()
            .args([command, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Example"));
    }
}

// ---------------------------------------------------------------- diff

#[test]
fn diff_of_two_lexicon_versions_shows_the_new_match_and_its_entry() {
    let lex = lexicon_with_backing();
    let out = stdout(
        framescore()
            .args(["diff", "--lexicons"])
            .arg(lex.path())
            .arg("seeds"),
    );
    assert!(out.contains("1 with changed figures"), "{out}");
    assert!(
        out.contains("matches: +1 added, −0 removed (loaded +1 −0)"),
        "{out}"
    );
    assert!(
        out.contains("+ 002_ff0042146f90539b:4 \"backing\" loaded/name_calling ← backing*"),
        "{out}"
    );
    // largest change first
    let figures = out.split("Figure changes").nth(1).expect("figures section");
    let first = figures.lines().nth(2).expect("first change");
    assert!(
        first.contains("loaded_per_1k") && first.contains("+2.53"),
        "{first}"
    );
}

#[test]
fn diff_of_two_report_folders_writes_csv_to_a_file() {
    let work = tempfile::tempdir().expect("tempdir");
    let lex = lexicon_with_backing();
    let (old, new) = (work.path().join("old"), work.path().join("new"));
    score_into(&old, None);
    score_into(&new, Some(lex.path()));
    let csv_path = work.path().join("diff.csv");
    framescore()
        .arg("diff")
        .args([&old, &new])
        .args(["--format", "csv", "--out"])
        .arg(&csv_path)
        .assert()
        .success()
        .stdout("");
    let csv = fs::read_to_string(&csv_path).expect("diff.csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let kinds: Vec<&str> = rows.iter().map(|r| &r[0]).collect();
    assert!(
        kinds.contains(&"summary") && kinds.contains(&"figure") && kinds.contains(&"actor_figure")
    );
    let added: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[0] == "match_added").collect();
    assert_eq!(added.len(), 1, "{csv}");
    assert_eq!(&added[0][10], "backing");
    assert_eq!(
        &added[0][13], "backing*",
        "the entry, from the lexicon named in manifest.json"
    );
}

#[test]
fn diff_of_a_report_folder_with_itself_changes_nothing() {
    framescore()
        .args(["diff", "reports", "reports"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "0 with changed figures; 0 actor rows changed",
        ))
        .stdout(predicate::str::contains("matches: +0 added, −0 removed"));
}

#[test]
fn diff_refuses_a_folder_that_is_not_a_report_naming_the_file() {
    framescore()
        .args(["diff", "reports", "seeds"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("seeds/articles.csv: cannot read"));
    framescore()
        .args(["diff", "reports"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("give two report folders"));
}

#[test]
fn diff_of_report_folders_from_different_versions_compares_the_shared_columns() {
    let work = tempfile::tempdir().expect("tempdir");
    let other = work.path().join("other");
    copy_dir(&root().join("reports"), &other);
    let manifest = fs::read_to_string(other.join("manifest.json")).expect("manifest");
    fs::write(
        other.join("manifest.json"),
        manifest.replacen("\"version\": \"0.1.0\"", "\"version\": \"9.9.9\"", 1),
    )
    .expect("write");
    // the other version has no `voices` column
    let articles = fs::read_to_string(other.join("articles.csv")).expect("articles");
    let mut reader = csv::Reader::from_reader(articles.as_bytes());
    let header = reader.headers().expect("header").clone();
    let drop = header
        .iter()
        .position(|h| h == "voices")
        .expect("voices column");
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(
            header
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != drop)
                .map(|(_, h)| h),
        )
        .expect("header");
    for row in reader.records() {
        let row = row.expect("row");
        writer
            .write_record(
                row.iter()
                    .enumerate()
                    .filter(|(i, _)| *i != drop)
                    .map(|(_, c)| c),
            )
            .expect("row");
    }
    fs::write(
        other.join("articles.csv"),
        writer.into_inner().expect("csv"),
    )
    .expect("write");
    framescore()
        .arg("diff")
        .arg("reports")
        .arg(&other)
        .assert()
        .success()
        .stderr(predicate::str::contains("by framescore 0.1.0"))
        .stderr(predicate::str::contains("by framescore 9.9.9"))
        .stderr(predicate::str::contains(
            "only the columns both have are compared",
        ))
        .stderr(predicate::str::contains(
            "reports/articles.csv: not compared, only in this file: voices",
        ))
        .stdout(predicate::str::contains("0 with changed figures"));
}

#[test]
fn diff_names_the_file_and_line_of_a_corrupt_report() {
    let work = tempfile::tempdir().expect("tempdir");
    let bad = work.path().join("bad");
    copy_dir(&root().join("reports"), &bad);
    let articles = fs::read_to_string(bad.join("articles.csv")).expect("articles");
    let mut lines: Vec<&str> = articles.split("\r\n").collect();
    lines[2] = "002_ff0042146f90539b,cut short";
    fs::write(bad.join("articles.csv"), lines.join("\r\n")).expect("write");
    framescore()
        .arg("diff")
        .arg("reports")
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "bad/articles.csv:3: row has 2 fields",
        ));
    fs::write(bad.join("manifest.json"), "{\"tool\": \"framescore\",,}").expect("write");
    framescore()
        .arg("diff")
        .arg("reports")
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad/manifest.json:1: column"));
}

#[test]
fn diff_of_an_empty_corpus_says_there_is_nothing_to_compare() {
    let lex = lexicon_with_backing();
    framescore()
        .args(["diff", "--lexicons"])
        .arg(lex.path())
        .arg("tests/fixtures/empty_dir")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing to compare"));
}

// ---------------------------------------------------------------- kwic

fn article(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("art.txt");
    fs::write(&path, text).expect("write");
    (dir, path)
}

#[test]
fn kwic_finds_words_that_are_no_lexicon_term() {
    framescore()
        .args(["kwic", "foreign ministry", "seeds"])
        .assert()
        .success()
        .stdout(predicate::str::contains("[Foreign Ministry]"))
        .stdout(predicate::str::contains("not a lexicon hit"));
}

#[test]
fn kwic_finds_the_forms_a_wildcard_entry_matched() {
    let (_dir, path) =
        article("The minister called them barbarians at the gate. The Barbarians answered.\n");
    let out = stdout(framescore().args(["kwic", "barbarians"]).arg(&path));
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(
        out.lines()
            .all(|l| l.contains("loaded:name_calling=barbarian*")),
        "{out}"
    );
    let out = stdout(framescore().args(["kwic", "barbar*"]).arg(&path));
    assert_eq!(out.lines().count(), 2, "{out}");
}

#[test]
fn kwic_category_regex_actor_and_source() {
    let by_category = stdout(framescore().args(["kwic", "loaded:name_calling", "seeds"]));
    let by_flag = stdout(framescore().args(["kwic", "--category", "name_calling", "seeds"]));
    assert_eq!(by_category, by_flag);
    assert!(by_category.lines().count() >= 3, "{by_category}");
    assert!(
        by_category
            .lines()
            .all(|l| l.contains("loaded:name_calling="))
    );

    let regex = stdout(framescore().args(["kwic", "--regex", r"Wolf\s+Warrior", "seeds"]));
    assert!(regex.contains("[Wolf Warrior]"), "{regex}");

    let actor = stdout(framescore().args(["kwic", "--actor", "Moscow", "seeds"]));
    assert!(
        actor.lines().count() > 5 && actor.lines().all(|l| l.contains("→ ")),
        "{actor}"
    );
    assert!(
        actor.contains("[Moscow]") && actor.contains("→ russia"),
        "{actor}"
    );

    let source =
        stdout(framescore().args(["kwic", "--source", "Zakharova", "seeds", "--format", "csv"]));
    let mut reader = csv::Reader::from_reader(source.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert!(!rows.is_empty());
    for r in &rows {
        assert_eq!(&r[7], "source");
        assert_eq!(&r[8], "Maria Zakharova");
    }
}

#[test]
fn kwic_json_is_one_object_per_line_with_character_offsets() {
    let (_dir, path) = article("Naïve “wolf warriors” lied.");
    let out = stdout(
        framescore()
            .args(["kwic", "wolf warrior*", "--format", "json"])
            .arg(&path),
    );
    let hits: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(hits.len(), 1, "{out}");
    assert_eq!(hits[0]["match"], "wolf warriors");
    assert_eq!(hits[0]["char_start"], 7);
    assert_eq!(hits[0]["char_end"], 20);
}

#[test]
fn kwic_exits_1_when_nothing_is_found_and_2_on_a_bad_pattern() {
    framescore()
        .args(["kwic", "zzqx", "seeds"])
        .assert()
        .code(1)
        .stdout("");
    framescore()
        .args(["kwic", "--regex", "(unclosed", "seeds"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad regular expression"));
    framescore()
        .args(["kwic", "loaded:name_caling", "seeds"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no lexicon category `loaded:name_caling`",
        ))
        .stderr(predicate::str::contains("loaded:name_calling"));
    framescore()
        .args(["kwic", "--actor", "Atlantis", "seeds"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no actor `Atlantis`"));
    framescore()
        .args(["kwic", "wolf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("give the articles to search"));
}

#[test]
fn kwic_streams_many_hits_from_stdin() {
    // 20,000 hits in one article, written as they are found
    let text = "the ".repeat(20_000);
    let out = framescore()
        .args(["kwic", "the", "-", "--input-format", "text", "--width", "4"])
        .write_stdin(text)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 20_000);
}

// ---------------------------------------------------------------- explain

#[test]
fn explain_lists_the_unsourced_assertions_of_the_hawkish_seed() {
    let out = stdout(framescore().args(["explain", "seeds/001_1a46e1846f172996.txt"]));
    let section = out
        .split("Unsourced assertions")
        .nth(1)
        .and_then(|s| s.split("\n\n").next())
        .expect("section");
    assert!(
        section.contains("[9] This warning reflects a deep-seated anxiety"),
        "{section}"
    );
    assert!(section.contains("(loaded: hawkish)"), "{section}");
    assert!(!section.contains("none"), "{section}");
    // each actor with the words behind its score, each loaded word with its sentence
    assert!(
        out.contains("\"brutal\" (loaded:pejoratives, authorial) [4]"),
        "{out}"
    );
    assert!(out.contains("[10] \"hawkish\" (aggression_labels, authorial → sanae_takaichi): Under the hawkish leadership"), "{out}");
}

#[test]
fn explain_shows_the_article_type_and_each_reliability_part() {
    let out = stdout(framescore().args(["explain", "seeds/001_1a46e1846f172996.txt"]));
    assert!(
        out.contains("article type: opinion; reliability parts: sourcing "),
        "{out}"
    );
    assert!(out.contains(", transparency "), "{out}");
    let json = stdout(framescore().args([
        "explain",
        "seeds/004_8809fbebfa25ad9a.txt",
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["figures"]["article_type"], "news");
    for part in [
        "sourcing",
        "restraint",
        "calibration",
        "balance",
        "transparency",
    ] {
        let x = v["figures"]["reliability_parts"][part]
            .as_f64()
            .expect(part);
        assert!((0.0..=100.0).contains(&x), "{part} {x}");
    }
}

#[test]
fn explain_says_none_for_an_empty_section() {
    framescore()
        .args(["explain", "-"])
        .write_stdin("Officials said the meeting would take place on Monday in Geneva.\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("stdin"))
        .stdout(predicate::str::contains("Unsourced assertions (the writer's own declarative sentences with no attribution and no hedge)\n  none"))
        .stdout(predicate::str::contains("Loaded words, each with its sentence\n  none"));
}

#[test]
fn explain_reads_csv_with_another_text_column_and_writes_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("corpus.csv");
    fs::write(
        &path,
        "id,body\na1,The calm report.\na2,\"The brutal regime lied to everyone about the war, again.\"\n",
    )
    .expect("write");
    let out = stdout(framescore().arg("explain").arg(&path).args([
        "--text-col",
        "body",
        "--id",
        "a2",
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["id"], "a2");
    assert_eq!(v["loaded"][0]["span"]["text"], "brutal");
    assert_eq!(v["loaded"][0]["span"]["char_start"], 4);
    assert_eq!(v["unsourced"][0]["sentence"], 0);
    assert!(v["actors"].is_array() && v["statements"].is_array());
    framescore()
        .arg("explain")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--text-col"));
}

#[test]
fn explain_html_is_one_escaped_page_with_marks_and_sources() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page_path = dir.path().join("page.html");
    framescore()
        .args(["explain", "seeds/001_1a46e1846f172996.txt", "--html"])
        .arg(&page_path)
        .assert()
        .success();
    let page = fs::read_to_string(&page_path).expect("page");
    assert!(page.starts_with("<!DOCTYPE html>") && page.trim_end().ends_with("</html>"));
    assert!(page.contains("class=\"loaded\""), "loaded words marked");
    assert!(
        page.contains("title=\"source: Maria Zakharova (named)\""),
        "sources underlined with speaker"
    );
    assert!(page.contains("class=\"unsourced\""));
    assert!(
        !page.contains("<script") && !page.contains("src=\"http"),
        "self-contained, no scripts"
    );
    assert_eq!(
        page.matches("<span").count(),
        page.matches("</span>").count()
    );
    // article text is escaped
    let (_d, path) = article("<img src=x onerror=alert(1)> The brutal regime lied.");
    framescore()
        .arg("explain")
        .arg(&path)
        .arg("--html")
        .arg(&page_path)
        .assert()
        .success();
    let page = fs::read_to_string(&page_path).expect("page");
    assert!(
        !page.contains("<img") && page.contains("&lt;img src=x"),
        "{page}"
    );
}

#[test]
fn explain_names_an_unreadable_input() {
    framescore()
        .args(["explain", "no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/file.txt"));
}

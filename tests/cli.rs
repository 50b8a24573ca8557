//! The command line on fixtures and on the seeds: formats, bad input, exit
//! codes, report files, determinism and the committed golden reports.

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

fn read(dir: &Path, name: &str) -> String {
    fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn column(csv: &str, name: &str) -> Vec<String> {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().expect("header").clone();
    let i = headers
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}"));
    reader
        .records()
        .map(|r| r.expect("row")[i].to_string())
        .collect()
}

fn score(args: &[&str]) -> (tempfile::TempDir, assert_cmd::assert::Assert) {
    let out = tempfile::tempdir().expect("tempdir");
    let assert = framescore()
        .arg("score")
        .args(args)
        .arg("--out")
        .arg(out.path())
        .arg("--quiet")
        .assert();
    (out, assert)
}

#[test]
fn text_files_and_folders_are_read_recursively_in_order_without_hidden_files() {
    let (out, assert) = score(&[fixture("txt").to_str().unwrap()]);
    assert.success();
    let articles = read(out.path(), "articles.csv");
    assert_eq!(column(&articles, "article_id"), vec!["one", "two"]);
    assert_eq!(
        column(&articles, "title"),
        vec!["A calm title", "# Markdown story"]
    );
    for name in [
        "articles.csv",
        "matches.csv",
        "sources.csv",
        "actors.csv",
        "manifest.json",
        "report.html",
        "outlets.csv",
        "outlet_actors.csv",
        "articles/0001.html",
        "articles/0002.html",
    ] {
        assert!(out.path().join(name).exists(), "{name}");
    }
    let page = read(out.path(), "report.html");
    assert!(page.contains("id=heat") && page.contains("href=\"articles/0001.html\">one</a>"));
    assert!(read(out.path(), "articles/0001.html").contains("<h1>A calm title</h1>"));
}

#[test]
fn jsonl_bad_lines_are_skipped_with_file_and_line_and_the_rest_is_scored() {
    let (out, assert) = score(&[fixture("bad/mixed.jsonl").to_str().unwrap()]);
    assert
        .code(1)
        .stderr(predicate::str::contains("mixed.jsonl:2: not a JSON object"))
        .stderr(predicate::str::contains("mixed.jsonl:3: no `text` field"));
    let articles = read(out.path(), "articles.csv");
    assert_eq!(column(&articles, "article_id"), vec!["j1", "4"]);
    assert_eq!(column(&articles, "outlet"), vec!["Wire", ""]);
    let manifest: serde_json::Value =
        serde_json::from_str(&read(out.path(), "manifest.json")).expect("json");
    assert_eq!(manifest["skipped"].as_array().map(Vec::len), Some(2));
}

#[test]
fn adhoc_span_target_gets_its_own_actor_row() {
    let (out, _) = score(&[fixture("bad/mixed.jsonl").to_str().unwrap()]);
    let actors = read(out.path(), "actors.csv");
    let ids = column(&actors, "actor");
    let i = ids
        .iter()
        .position(|a| a == "deal")
        .expect("ad-hoc target row");
    let sentiment: f64 = column(&actors, "sentiment")[i].parse().expect("number");
    assert!(sentiment > 0.0, "the excellent deal: {sentiment}");
}

#[test]
fn csv_rows_without_text_are_skipped_and_formulas_neutralised() {
    let (out, assert) = score(&[fixture("bad/rows.csv").to_str().unwrap()]);
    assert.code(1).stderr(predicate::str::contains(
        "rows.csv:3: row has no text in column `text`",
    ));
    let articles = read(out.path(), "articles.csv");
    assert_eq!(column(&articles, "article_id"), vec!["c1", "c3"]);
    // the context cells quote the article's opening `=HYPERLINK("x") …`: each
    // must reach the spreadsheet as text, with the apostrophe in the bytes
    let matches = read(out.path(), "matches.csv");
    assert!(
        matches.contains("\"'=HYPERLINK(\"\"x\"\") Russia [warned] Japan, officials said.\""),
        "{matches}"
    );
    for name in ["matches.csv", "sources.csv", "articles.csv"] {
        let table = read(out.path(), name);
        let mut reader = csv::Reader::from_reader(table.as_bytes());
        for record in reader.records() {
            let record = record.expect("row");
            for cell in record.iter() {
                let formula = cell.starts_with(['=', '@', '\t', '\r'])
                    || (cell.starts_with(['+', '-']) && cell.parse::<f64>().is_err());
                assert!(!formula, "{name}: cell {cell:?} would run as a formula");
            }
        }
    }
}

#[test]
fn csv_without_the_text_column_names_the_flag_to_use() {
    let (_, assert) = score(&[fixture("bad/nocol.csv").to_str().unwrap()]);
    assert
        .code(2)
        .stderr(predicate::str::contains(
            "no `text` column (columns are: id, body)",
        ))
        .stderr(predicate::str::contains("--text-col"));
}

#[test]
fn text_col_renames_the_text_column() {
    let (out, assert) = score(&[
        fixture("bad/nocol.csv").to_str().unwrap(),
        "--text-col",
        "body",
    ]);
    assert.success();
    assert_eq!(
        column(&read(out.path(), "articles.csv"), "article_id"),
        vec!["x"]
    );
}

#[test]
fn invalid_utf8_is_a_warning_not_a_failure() {
    let out = tempfile::tempdir().expect("tempdir");
    framescore()
        .args([
            "score",
            fixture("bad/latin1.txt").to_str().unwrap(),
            "--out",
        ])
        .arg(out.path())
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "latin1.txt: 1 invalid UTF-8 sequence",
        ));
    let manifest = read(out.path(), "manifest.json");
    assert!(manifest.contains("invalid UTF-8"), "{manifest}");
}

#[test]
fn empty_folder_and_missing_file_are_reported_and_the_rest_goes_on() {
    let (out, assert) = score(&[
        fixture("empty_dir").to_str().unwrap(),
        fixture("does-not-exist.txt").to_str().unwrap(),
        fixture("txt/one.txt").to_str().unwrap(),
    ]);
    assert
        .code(1)
        .stderr(predicate::str::contains("empty_dir: holds no .txt"))
        .stderr(predicate::str::contains("does-not-exist.txt: cannot open"));
    assert_eq!(
        column(&read(out.path(), "articles.csv"), "article_id"),
        vec!["one"]
    );
}

#[test]
fn a_failed_run_leaves_earlier_reports_untouched() {
    let (out, _) = score(&[fixture("txt").to_str().unwrap()]);
    let before = read(out.path(), "articles.csv");
    framescore()
        .args([
            "score",
            fixture("empty_dir").to_str().unwrap(),
            "--quiet",
            "--out",
        ])
        .arg(out.path())
        .assert()
        .code(2);
    assert_eq!(read(out.path(), "articles.csv"), before);
    let leftovers: Vec<_> = fs::read_dir(out.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(".tmp") || name.starts_with(".framescore")
        })
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
}

#[test]
fn stdin_is_jsonl_by_default_and_text_when_asked() {
    let out = tempfile::tempdir().expect("tempdir");
    framescore()
        .args(["score", "-", "--quiet", "--out"])
        .arg(out.path())
        .write_stdin("{\"id\": \"s1\", \"text\": \"A fine day.\"}\n")
        .assert()
        .success();
    assert_eq!(
        column(&read(out.path(), "articles.csv"), "article_id"),
        vec!["s1"]
    );
    framescore()
        .args(["score", "-", "--input-format", "text", "--quiet", "--out"])
        .arg(out.path())
        .write_stdin("Plain text from a pipe.")
        .assert()
        .success();
    assert_eq!(
        column(&read(out.path(), "articles.csv"), "article_id"),
        vec!["stdin"]
    );
}

#[test]
fn excel_flag_adds_a_bom() {
    let (out, _) = score(&[fixture("txt/one.txt").to_str().unwrap(), "--excel"]);
    let bytes = fs::read(out.path().join("articles.csv")).expect("read");
    assert!(bytes.starts_with(b"\xEF\xBB\xBFarticle_id,"));
}

#[test]
fn one_thread_and_four_threads_give_identical_reports_over_many_chunks() {
    // 300 articles of different lengths: several chunks at either thread
    // count (32 articles per thread per chunk), with boundaries in different
    // places, so a chunk written out of order or twice shows as a difference
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut texts: Vec<String> = fs::read_dir(&seeds)
        .expect("seeds")
        .filter_map(|e| e.ok())
        .map(|e| fs::read_to_string(e.path()).expect("seed"))
        .collect();
    texts.sort();
    let sentences: Vec<&str> = texts.iter().flat_map(|t| t.split_inclusive(". ")).collect();
    let mut corpus = String::new();
    for i in 0..300 {
        let take = 1 + (i * 7) % 13;
        let text: String = (0..take)
            .map(|k| sentences[(i * 31 + k * 17) % sentences.len()])
            .collect();
        let line = serde_json::json!({"id": format!("g{i:03}"), "outlet": format!("o{}", i % 5), "text": text});
        corpus.push_str(&line.to_string());
        corpus.push('\n');
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let input = dir.path().join("corpus.jsonl");
    fs::write(&input, corpus).expect("write");
    let (one, _) = score(&[input.to_str().unwrap(), "--threads", "1"]);
    let (four, _) = score(&[input.to_str().unwrap(), "--threads", "4"]);
    let ids = column(&read(one.path(), "articles.csv"), "article_id");
    let want: Vec<String> = (0..300).map(|i| format!("g{i:03}")).collect();
    assert_eq!(ids, want, "input order");
    for name in [
        "articles.csv",
        "matches.csv",
        "sources.csv",
        "actors.csv",
        "stances.csv",
        "report.html",
    ] {
        assert!(
            read(one.path(), name) == read(four.path(), name),
            "{name} differs"
        );
    }
}

#[test]
fn committed_seed_reports_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().expect("tempdir");
    framescore()
        .current_dir(root)
        .args(["score", "seeds", "--quiet", "--out"])
        .arg(out.path())
        .assert()
        .success();
    for name in [
        "articles.csv",
        "matches.csv",
        "sources.csv",
        "actors.csv",
        "stances.csv",
        "outlets.csv",
        "outlet_actors.csv",
        "report.html",
        "articles/0001.html",
        "articles/0005.html",
    ] {
        let committed = read(&root.join("reports"), name);
        assert!(
            committed == read(out.path(), name),
            "reports/{name} is stale: run `cargo run --release -- score seeds --out reports` and commit"
        );
    }
}

#[test]
fn lexicon_check_passes_on_the_shipped_lexicons() {
    framescore()
        .args(["lexicon", "check"])
        .assert()
        .success()
        .stderr(predicate::str::contains("0 error(s), 0 warning(s)"));
}

#[test]
fn lexicon_check_lists_every_problem_with_file_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("mine.toml"),
        "[category.x]\nfamily = \"loaded\"\npolarity = -1\nterms = [\"heg*mon\", \"\"]\n[actor.y]\nlabel = \"Y\"\naliases = [\"Beijing\"]\n",
    )
    .expect("write");
    let path = dir.path().join("mine.toml").display().to_string();
    framescore()
        .args(["lexicon", "check"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(format!(
            "{path}:4:10: error: in `terms`: bad wildcard"
        )))
        .stdout(predicate::str::contains(format!(
            "{path}:4:21: error: in `terms`: empty term"
        )))
        .stdout(predicate::str::contains(format!(
            "{path}:7:12: error: `Beijing` is a name of actor"
        )));
}

#[test]
fn lexicon_check_and_score_list_three_mistakes_of_one_file_in_one_run() {
    let dir = fixture("lexicons/three_mistakes");
    let path = dir.join("mine.toml").display().to_string();
    let want = [
        format!(
            "{path}:7:1: error: unknown key `wieght` in `[category.insults]`; did you mean `weight`?"
        ),
        format!("{path}:13:19: error: in `terms`: bad wildcard in `snoot*y`"),
        format!("{path}:17:8: error: `actor.atlantis`: unknown kind `continent`"),
    ];
    let check = framescore()
        .args(["lexicon", "check"])
        .arg(&dir)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("3 error(s)"));
    let stdout = String::from_utf8_lossy(&check.get_output().stdout).to_string();
    let (_, score) = score(&[
        fixture("txt").to_str().unwrap(),
        "--lexicons",
        dir.to_str().unwrap(),
    ]);
    let score = score.code(2);
    let stderr = String::from_utf8_lossy(&score.get_output().stderr).to_string();
    for line in &want {
        assert!(stdout.contains(line.as_str()), "check: {line}\n{stdout}");
        assert!(stderr.contains(line.as_str()), "score: {line}\n{stderr}");
    }
}

#[test]
fn lexicon_dump_writes_the_file_that_built_in_locations_point_at() {
    let dir = tempfile::tempdir().expect("tempdir");
    framescore()
        .args(["lexicon", "dump", "--out"])
        .arg(dir.path())
        .assert()
        .success();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicons");
    for name in ["loaded.toml", "actors.toml", "models/hedges.tsv"] {
        assert_eq!(
            fs::read(dir.path().join(name)).expect(name),
            fs::read(shipped.join(name)).expect(name),
            "{name}"
        );
    }
    // the dumped folder is a valid --lexicons folder
    framescore()
        .args(["lexicon", "check"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("0 error(s), 0 warning(s)"));
    framescore()
        .args(["lexicon", "dump", "loaded"])
        .assert()
        .success()
        .stdout(fs::read_to_string(shipped.join("loaded.toml")).expect("loaded"));
    framescore()
        .args(["lexicon", "dump", "loadd"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `loaded`?"));
}

#[test]
fn a_bad_lexicon_stops_score_with_its_location() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("loaded.toml"),
        "[category.x]\nfamily = \"loaded\"\nweigth = 2\n",
    )
    .expect("write");
    let (_, assert) = score(&[
        fixture("txt").to_str().unwrap(),
        "--lexicons",
        dir.path().to_str().unwrap(),
    ]);
    assert.code(2).stderr(predicate::str::contains(
        "loaded.toml:3:1: error: unknown key `weigth` in `[category.x]`; did you mean `weight`?",
    ));
}

#[test]
fn score_refuses_a_lexicon_weight_of_nan_with_its_location() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("extra.toml"),
        "[category.x]\nfamily = \"loaded\"\npolarity = -1\nterms = [{ text = \"calm\", weight = nan }]\n",
    )
    .expect("write");
    let (out, assert) = score(&[
        fixture("txt").to_str().unwrap(),
        "--lexicons",
        dir.path().to_str().unwrap(),
    ]);
    assert.code(2).stderr(predicate::str::contains(
        "extra.toml:4:10: error: in `terms`: weight `NaN` of `calm` is not a finite number",
    ));
    assert!(!out.path().join("articles.csv").exists(), "nothing scored");
}

#[test]
fn a_user_lexicon_extends_the_builtin_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(
        dir.path().join("extra.toml"),
        "[category.calm_words]\nfamily = \"loaded\"\npolarity = 0.5\nterms = [\"calm title\"]\n",
    )
    .expect("write");
    let (out, assert) = score(&[
        fixture("txt/one.txt").to_str().unwrap(),
        "--lexicons",
        dir.path().to_str().unwrap(),
    ]);
    assert.success();
    let matches = read(out.path(), "matches.csv");
    assert!(
        matches.contains("calm title") || matches.contains("calm_words"),
        "{matches}"
    );
    assert!(read(out.path(), "articles.csv").contains("loaded_calm_words_per_1k"));
}

#[test]
fn a_user_word_list_switches_a_rule_on_for_new_words() {
    let input = tempfile::tempdir().expect("tempdir");
    fs::write(
        input.path().join("a.txt"),
        "Zakharova upbraided Tokyo for its arrogance.\n",
    )
    .expect("write");
    let lexicons = tempfile::tempdir().expect("tempdir");
    fs::write(
        lexicons.path().join("extra.toml"),
        "[words.accusing_verbs]\nterms = [\"upbraid*\"]\n",
    )
    .expect("write");
    let voice_of_arrogance = |extra: &[&str]| {
        let mut args = vec![input.path().to_str().unwrap()];
        args.extend_from_slice(extra);
        let (out, assert) = score(&args);
        assert.success();
        let matches = read(out.path(), "matches.csv");
        let texts = column(&matches, "text");
        let voices = column(&matches, "voice");
        let i = texts.iter().position(|t| t == "arrogance").expect("a hit");
        voices[i].clone()
    };
    assert_eq!(voice_of_arrogance(&[]), "authorial");
    assert_eq!(
        voice_of_arrogance(&["--lexicons", lexicons.path().to_str().unwrap()]),
        "quoted"
    );
}

#[test]
fn help_shows_an_example_for_each_subcommand() {
    framescore()
        .args(["score", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Example:"));
    framescore()
        .args(["lexicon", "check", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Example:"));
}

#[test]
fn explain_shows_who_says_what_for_one_article() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    framescore()
        .current_dir(root)
        .args(["explain", "seeds/001_1a46e1846f172996.txt"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Who says what"))
        .stdout(predicate::str::contains("Lavrov (named, quote) asserted"))
        .stdout(predicate::str::contains("scare quotes: \"Wolf Warrior\""));
}

#[test]
fn explain_names_a_missing_id() {
    framescore()
        .args([
            "explain",
            fixture("bad/mixed.jsonl").to_str().unwrap(),
            "--id",
            "nope",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no article with id `nope`"));
}

#[test]
fn kwic_lists_every_hit_of_a_term_in_context() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    framescore()
        .current_dir(root)
        .args(["kwic", "wolf warrior", "seeds"])
        .assert()
        .success()
        .stdout(predicate::str::contains("001_1a46e1846f172996:1\t"))
        .stdout(predicate::str::contains("[Wolf Warrior]"));
    // like grep: nothing found is exit 1, not an error
    framescore()
        .args(["kwic", "no such term", fixture("txt").to_str().unwrap()])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("0 hit(s)"));
}

#[test]
fn jsonl_mode_streams_one_object_per_article_in_input_order() {
    let out = framescore()
        .args(["score", "-", "--jsonl", "--threads", "2"])
        .write_stdin("{\"id\": \"a\", \"text\": \"Lavrov said Japan is arrogant.\"}\nbroken\n{\"id\": \"b\", \"text\": \"A good day.\"}\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("<stdin>:2: not a JSON object"))
        .get_output()
        .stdout
        .clone();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    let ids: Vec<&str> = lines
        .iter()
        .map(|l| l["article"]["article_id"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(ids, vec!["a", "b"]);
    assert_eq!(lines[0]["sources"][0]["cue"], "said");
    assert!(
        lines[0]["article"]["tone"]
            .as_f64()
            .is_some_and(|t| t < 0.0)
    );
}

fn train(gold: &Path, out: &Path) -> assert_cmd::assert::Assert {
    framescore()
        .args(["train", "--task", "hedges", "--min-count", "1", "--gold"])
        .arg(gold)
        .arg("--out")
        .arg(out)
        .assert()
}

#[test]
fn train_is_deterministic_and_its_model_loads_with_lexicons() {
    let gold = fixture("gold/hedges.jsonl");
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    train(&gold, a.path()).success();
    train(&gold, b.path()).success();
    let model = |dir: &Path| {
        // the header names the --out folder; the weights must be byte-identical
        read(&dir.join("models"), "hedges.tsv")
            .lines()
            .filter(|l| !l.starts_with("# made by"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(model(a.path()), model(b.path()));
    let text = read(&a.path().join("models"), "hedges.tsv");
    assert!(text.starts_with("# task: hedges\n"), "{text}");
    assert!(text.contains("# made by: framescore train --task hedges"));
    assert!(text.contains("# dev score: uncertain_f1"));
    let out = tempfile::tempdir().unwrap();
    framescore()
        .args(["score", "--quiet", "--lexicons"])
        .arg(a.path())
        .arg(fixture("txt"))
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
}

#[test]
fn train_errors_name_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.jsonl");
    let cases = [
        (
            "{\"id\":\"a\",\"text\":\"It may.\"}\n{\"id\":\"b\",\"text\":\"abc\",\"spans\":[{\"start\":1,\"end\":9,\"label\":\"hedge\"}]}\n",
            "bad.jsonl:2: span 1..9 is out of range",
        ),
        (
            "{\"id\":\"a\",\"text\":\"It may.\",\"spans\":[{\"start\":3,\"end\":6,\"label\":\"guess\"}]}\n",
            "bad.jsonl:1: unknown span label `guess`",
        ),
        (
            "{\"id\":\"a\",\"text\":\"It may.\",\"split\":\"dev\"}\n",
            "empty training set for task `hedges`",
        ),
        (
            "{\"id\":\"a\",\"text\":\"Nothing here.\"}\n",
            "none of the 2 examples carries a label",
        ),
    ];
    for (text, want) in cases {
        fs::write(&bad, text).unwrap();
        train(&bad, dir.path())
            .failure()
            .stderr(predicate::str::contains(want));
    }
    framescore()
        .args(["train", "--task", "sarcasm", "--out", "x", "--gold"])
        .arg(fixture("gold/hedges.jsonl"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("unknown task `sarcasm`"));
    framescore()
        .args(["train", "--task", "attribution", "--out", "x", "--gold"])
        .arg(fixture("gold/hedges.jsonl"))
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "empty training set for task `attribution`: no `cue` span",
        ));
}

#[test]
fn a_bad_model_file_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("models")).unwrap();
    fs::write(
        dir.path().join("models/hedges.tsv"),
        "# task: hedges\nfeature\tlabel\tweight\nw=may\thedge\t0.5\nshape=Xx\thedge\t1\n",
    )
    .unwrap();
    framescore()
        .args(["lexicon", "check"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "models/hedges.tsv:4:1: error: unknown feature template `shape`",
        ));
}

#[test]
fn train_writes_its_model_with_the_umask_mode_not_0600_and_leaves_no_partial_file() {
    use std::os::unix::fs::PermissionsExt;
    let gold = fixture("gold/hedges.jsonl");
    let out = tempfile::tempdir().unwrap();
    let models = out.path().join("models");
    std::fs::create_dir_all(&models).unwrap();
    // a partial file left by a killed run is replaced, not kept
    std::fs::write(models.join("hedges.tsv.partial"), "half a model").unwrap();
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(
            "umask 022 && exec \"$0\" train --task hedges --min-count 1 --gold \"$1\" --out \"$2\"",
        )
        .arg(assert_cmd::cargo::cargo_bin("framescore"))
        .arg(&gold)
        .arg(out.path())
        .status()
        .expect("sh");
    assert!(status.success());
    let mode = std::fs::metadata(models.join("hedges.tsv"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o644, "{mode:o}");
    let names: Vec<String> = std::fs::read_dir(&models)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["hedges.tsv".to_string()]);
}

#[test]
fn train_on_a_missing_gold_file_prints_the_os_error_once() {
    let out = tempfile::tempdir().unwrap();
    let assert = framescore()
        .args([
            "train",
            "--task",
            "hedges",
            "--gold",
            "no-such-gold.jsonl",
            "--out",
        ])
        .arg(out.path())
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert_eq!(stderr.matches("No such file").count(), 1, "{stderr}");
    assert!(stderr.contains("no-such-gold.jsonl"), "{stderr}");
}

/// A loaded wildcard was hidden where `sentiment.toml` spells the word out:
/// "thug*" never counted in "thugs", "devastat*" never in "devastating".
#[test]
fn loaded_wildcard_counts_where_sentiment_lists_the_same_word() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("thugs.txt");
    fs::write(
        &path,
        "Title\n\nThey are thugs and the result was devastating.\n",
    )
    .expect("write");
    let (out, assert) = score(&[path.to_str().unwrap()]);
    assert.success();
    let matches = read(out.path(), "matches.csv");
    let rows: Vec<(String, String)> = column(&matches, "text")
        .into_iter()
        .zip(column(&matches, "family"))
        .collect();
    for word in ["thugs", "devastating"] {
        for family in ["loaded", "sentiment"] {
            assert!(
                rows.contains(&(word.to_string(), family.to_string())),
                "{word} as {family}: {rows:?}"
            );
        }
    }
}

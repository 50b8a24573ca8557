//! `framescore merge`: shards of the seeds (report folders and `--jsonl`
//! outputs) merged give the reports of one run over all of them, byte for
//! byte (but `manifest.json`, and `origin` for JSONL shards: see the README);
//! bad shards are refused with the shard, file and line named.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn framescore() -> Command {
    Command::cargo_bin("framescore").expect("binary builds")
}

fn seeds() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("seeds")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

fn score(inputs: &[PathBuf], out: &Path, extra: &[&str]) {
    framescore()
        .arg("score")
        .args(inputs)
        .args(extra)
        .arg("--out")
        .arg(out)
        .arg("--quiet")
        .assert()
        .success();
}

fn merge(shards: &[PathBuf], out: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    framescore()
        .arg("merge")
        .args(shards)
        .args(extra)
        .arg("--out")
        .arg(out)
        .arg("--quiet")
        .assert()
}

/// Every file of `a` (recursively) but manifest.json, paired with `b`'s.
fn files(a: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(a).expect("dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(files(&path));
        } else if path.file_name().is_some_and(|n| n != "manifest.json") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Asserts both folders hold the same files with the same bytes, but
/// manifest.json and the files `skip` names.
fn assert_same(one: &Path, merged: &Path, skip: &[&str]) -> usize {
    let mut compared = 0;
    let names: Vec<_> = files(one)
        .iter()
        .map(|p| p.strip_prefix(one).unwrap().to_path_buf())
        .collect();
    let theirs: Vec<_> = files(merged)
        .iter()
        .map(|p| p.strip_prefix(merged).unwrap().to_path_buf())
        .collect();
    assert_eq!(names, theirs, "the same files");
    for name in names {
        if skip.iter().any(|s| name == Path::new(s)) {
            continue;
        }
        let a = fs::read(one.join(&name)).unwrap();
        let b = fs::read(merged.join(&name)).unwrap();
        assert!(a == b, "{} differs", name.display());
        compared += 1;
    }
    compared
}

fn manifest(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(dir.join("manifest.json")).unwrap()).unwrap()
}

/// Report folders of 2 and 3 shards.
#[test]
fn report_folder_shards_merge_into_the_reports_of_one_run() {
    let seeds = seeds();
    let tmp = tempfile::tempdir().unwrap();
    let one = tmp.path().join("one");
    score(&seeds, &one, &[]);
    for cuts in [vec![0, 2, 5], vec![0, 1, 3, 5]] {
        let mut shards = Vec::new();
        for (i, w) in cuts.windows(2).enumerate() {
            let dir = tmp.path().join(format!("shard{}-{i}", cuts.len()));
            score(&seeds[w[0]..w[1]], &dir, &[]);
            shards.push(dir);
        }
        let merged = tmp.path().join(format!("merged{}", cuts.len()));
        merge(&shards, &merged, &[]).success();
        // outlets.csv is recomputed from the rounded cells of the shards'
        // CSV files (a mean can move in its last decimal): its rows and
        // groups are the same, the figures are compared in the JSONL test
        let compared = assert_same(&one, &merged, &["outlets.csv"]);
        assert!(
            compared > 10,
            "CSV files, report.html and the pages compared"
        );
        let a = fs::read_to_string(one.join("outlets.csv")).unwrap();
        let b = fs::read_to_string(merged.join("outlets.csv")).unwrap();
        assert_eq!(a.lines().count(), b.lines().count());
        let m = manifest(&merged);
        let single = manifest(&one);
        assert_eq!(m["counts"], single["counts"]);
        assert_eq!(m["lexicon_digest"], single["lexicon_digest"]);
        assert_eq!(m["shards"].as_array().unwrap().len(), shards.len());
        assert_eq!(m["shards"][0]["run_id"], manifest(&shards[0])["run_id"]);
        for (name, digest) in single["files"].as_object().unwrap() {
            if name != "outlets.csv" {
                assert_eq!(&m["files"][name], digest, "{name}");
            }
        }
    }
}

fn jsonl_record(path: &Path, i: usize) -> String {
    let text = fs::read_to_string(path).unwrap();
    let id = path.file_stem().unwrap().to_string_lossy().to_string();
    let outlet = ["Left Post", "Right Times"][i % 2];
    serde_json::json!({"id": id, "text": text, "outlet": outlet, "section": format!("s{}", i % 3)})
        .to_string()
}

/// Drops the `origin` column: it names the shard's own file and line.
fn without_origin(csv: &[u8]) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv);
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let i = rows[0].iter().position(|c| c == "origin").unwrap();
    rows.into_iter()
        .map(|mut r| {
            r.remove(i);
            r
        })
        .collect()
}

#[test]
fn jsonl_shards_merge_into_the_reports_of_one_run_to_the_last_digit() {
    let seeds = seeds();
    let tmp = tempfile::tempdir().unwrap();
    let lines: Vec<String> = seeds
        .iter()
        .enumerate()
        .map(|(i, p)| jsonl_record(p, i))
        .collect();
    let all = tmp.path().join("all.jsonl");
    fs::write(&all, lines.join("\n") + "\n").unwrap();
    let one = tmp.path().join("one");
    score(&[all], &one, &["--no-html"]);
    let mut shards = Vec::new();
    for (i, part) in [&lines[..2], &lines[2..3], &lines[3..]].iter().enumerate() {
        let input = tmp.path().join(format!("in{i}.jsonl"));
        fs::write(&input, part.join("\n") + "\n").unwrap();
        let out = framescore()
            .args(["score", "--jsonl", "--quiet"])
            .arg(&input)
            .output()
            .unwrap();
        assert!(out.status.success());
        let shard = tmp.path().join(format!("part{i}.jsonl"));
        fs::write(&shard, out.stdout).unwrap();
        shards.push(shard);
    }
    let merged = tmp.path().join("merged");
    // the last shard through standard input, as a pipe would give it
    let stdin = fs::read(shards.pop().unwrap()).unwrap();
    shards.push(PathBuf::from("-"));
    framescore()
        .arg("merge")
        .args(&shards)
        .args(["--no-html", "--quiet", "--out"])
        .arg(&merged)
        .write_stdin(stdin)
        .assert()
        .success();
    let compared = assert_same(&one, &merged, &["articles.csv"]);
    assert_eq!(
        compared, 6,
        "matches, sources, actors, stances, outlets, outlet_actors"
    );
    let a = without_origin(&fs::read(one.join("articles.csv")).unwrap());
    let b = without_origin(&fs::read(merged.join("articles.csv")).unwrap());
    assert_eq!(a, b);
    assert!(
        a[0].contains(&"section".to_string()),
        "input columns flow through"
    );
    // grouped by an input column, recomputed from the merged rows
    let by_section = tmp.path().join("by-section");
    merge(
        &shards[..2],
        &by_section,
        &["--no-html", "--group-by", "section"],
    )
    .success();
    let outlets = fs::read_to_string(by_section.join("outlets.csv")).unwrap();
    assert!(outlets.starts_with("section,articles,"), "{outlets}");
}

#[test]
fn jsonl_shards_need_no_html() {
    let tmp = tempfile::tempdir().unwrap();
    let shard = tmp.path().join("part.jsonl");
    let out = framescore()
        .args(["score", "--jsonl", "--quiet"])
        .arg(&seeds()[0])
        .output()
        .unwrap();
    fs::write(&shard, out.stdout).unwrap();
    merge(&[shard], &tmp.path().join("m"), &[])
        .code(2)
        .stderr(predicate::str::contains("part.jsonl").and(predicate::str::contains("--no-html")));
    assert!(!tmp.path().join("m/manifest.json").exists());
}

fn two_shards(tmp: &Path) -> Vec<PathBuf> {
    let seeds = seeds();
    let a = tmp.join("a");
    let b = tmp.join("b");
    score(&seeds[..2], &a, &[]);
    score(&seeds[2..], &b, &[]);
    vec![a, b]
}

#[test]
fn a_missing_shard_is_named_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let mut shards = two_shards(tmp.path());
    shards.insert(1, tmp.path().join("nowhere"));
    let out = tmp.path().join("m");
    merge(&shards, &out, &[]).code(2).stderr(
        predicate::str::contains("nowhere").and(predicate::str::contains("no such file or folder")),
    );
    assert!(!out.join("manifest.json").exists());
}

#[test]
fn a_corrupt_csv_is_named_with_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let shards = two_shards(tmp.path());
    let path = shards[1].join("matches.csv");
    let mut text = fs::read_to_string(&path).unwrap();
    // a row cut short on line 3
    let third = text.match_indices("\r\n").nth(2).unwrap().0;
    let second = text.match_indices("\r\n").nth(1).unwrap().0;
    text.replace_range(second + 2..third, "x,1");
    fs::write(&path, text).unwrap();
    merge(&shards, &tmp.path().join("m"), &[]).code(2).stderr(
        predicate::str::contains("b/matches.csv line 3")
            .and(predicate::str::contains("corrupt CSV")),
    );
}

#[test]
fn shards_of_different_lexicons_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let shards = two_shards(tmp.path());
    let path = shards[1].join("manifest.json");
    let mut m = manifest(&shards[1]);
    m["lexicon_digest"] = serde_json::json!("0123456789abcdef0123");
    fs::write(&path, serde_json::to_string(&m).unwrap()).unwrap();
    merge(&shards, &tmp.path().join("m"), &[]).code(2).stderr(
        predicate::str::contains("/b:").and(predicate::str::contains("lexicons 0123456789ab")),
    );
}

#[test]
fn an_empty_shard_list_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    framescore()
        .arg("merge")
        .arg("--out")
        .arg(tmp.path().join("m"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("SHARD"));
}

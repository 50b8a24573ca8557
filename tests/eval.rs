//! `framescore eval` from the command line: its three formats, bad gold files,
//! and the validity scripts that wrap it giving the same figures as eval itself.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use predicates::prelude::*;

fn framescore() -> Command {
    Command::cargo_bin("framescore").expect("binary builds")
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/gold")
        .join(path)
}

fn eval_json(gold: &Path, extra: &[&str]) -> serde_json::Value {
    let out = framescore()
        .args(["eval", "--format", "json", "--gold"])
        .arg(gold)
        .args(extra)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn span<'a>(report: &'a serde_json::Value, label: &str, gold: &str) -> &'a serde_json::Value {
    report["spans"]
        .as_array()
        .expect("spans")
        .iter()
        .find(|f| f["label"] == label && f["gold_label"] == gold)
        .unwrap_or_else(|| panic!("no {label} vs {gold}"))
}

#[test]
fn eval_table_shows_spans_entries_targets_and_documents() {
    framescore()
        .args(["eval", "--gold"])
        .arg(fixture("eval.jsonl"))
        .assert()
        .success()
        .stdout(
            predicate::str::contains("4 gold records")
                .and(predicate::str::contains("loaded:name_calling"))
                .and(predicate::str::contains(
                    "lexicon entries, most hits outside gold first",
                ))
                .and(predicate::str::contains("dictator*"))
                .and(predicate::str::contains(
                    "target sentiment (neutral band ±0.05): 3 targets",
                ))
                .and(predicate::str::contains("macro-F1"))
                .and(predicate::str::contains(
                    "document labels against the article figure",
                )),
        );
}

#[test]
fn eval_json_counts_match_the_fixture() {
    let report = eval_json(&fixture("eval.jsonl"), &[]);
    assert_eq!(report["records"], 4);
    let loaded = span(&report, "loaded", "loaded");
    assert_eq!(loaded["overlap"]["gold"], 3);
    assert_eq!(loaded["overlap"]["found"], 3);
    let name = span(&report, "loaded:name_calling", "loaded:name_calling");
    assert_eq!(name["exact"]["right"], 1);
    assert_eq!(span(&report, "hedge", "hedge")["overlap"]["found"], 1);
    assert_eq!(report["targets"]["targets"], 3);
    assert_eq!(report["documents"][0]["label"], "tone");
    assert!(report.get("per_record").is_none());
    let per = eval_json(&fixture("eval.jsonl"), &["--per-record"]);
    assert_eq!(per["per_record"].as_array().expect("per record").len(), 4);
}

#[test]
fn eval_csv_has_a_section_per_table() {
    let out = framescore()
        .args(["eval", "--format", "csv", "--gold"])
        .arg(fixture("eval.jsonl"))
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.starts_with("section,label,gold,gold_spans,predicted,overlap_p"),
        "{text}"
    );
    for section in [
        "\nspans,loaded,",
        "\nentries,",
        "\ntargets,negative,",
        "\ntargets,macro,",
        "\ndocuments,tone,4,",
    ] {
        assert!(text.contains(section), "{section}: {text}");
    }
}

#[test]
fn eval_split_keeps_only_that_split_and_an_empty_one_is_an_error() {
    framescore()
        .args(["eval", "--split", "dev", "--gold"])
        .arg(fixture("eval.jsonl"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "has no gold records in split `dev`",
        ));
}

#[test]
fn eval_bad_gold_files_name_file_and_line() {
    let cases = [
        (
            "bad_offsets.jsonl",
            "bad_offsets.jsonl:2: span 4..40 is out of range",
        ),
        (
            "bad_overlap.jsonl",
            "bad_overlap.jsonl:3: `loaded` spans 0..8 and 4..12 overlap",
        ),
        (
            "bad_label.jsonl",
            "bad_label.jsonl:1: unknown span label `propaganda`",
        ),
        (
            "bad_category.jsonl",
            "bad_category.jsonl:2: unknown category in span label `loaded:name_caling`",
        ),
        (
            "bad_doc_label.jsonl",
            "bad_doc_label.jsonl:1: unknown document label `mood`",
        ),
    ];
    for (file, want) in cases {
        framescore()
            .args(["eval", "--gold"])
            .arg(fixture(file))
            .assert()
            .code(2)
            .stderr(predicate::str::contains(want).and(predicate::str::contains("panicked").not()));
    }
}

/// Runs a validity script with this build's binary; `None` (with the reason printed) when
/// there is no python3.
fn script(name: &str, args: &[&Path], extra: &[&str]) -> Option<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cmd = Process::new("python3");
    cmd.arg(root.join("benches/validity").join(name))
        .args(args)
        .args(extra)
        .arg("--bin")
        .arg(assert_cmd::cargo::cargo_bin("framescore"));
    let out = match cmd.output() {
        Ok(out) => out,
        Err(e) => {
            println!("skipped: python3 is not available ({e})");
            return None;
        }
    };
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).expect("utf-8"))
}

/// The value after `label` on the script's table line that starts with it.
fn figure(output: &str, label: &str) -> String {
    output
        .lines()
        .find(|l| l.starts_with(label))
        .and_then(|l| l.split_whitespace().last())
        .unwrap_or_else(|| panic!("no `{label}` in {output}"))
        .to_string()
}

fn gold_from(converter: &str, data: &Path, extra: &[&str]) -> Option<tempfile::NamedTempFile> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Process::new("python3")
        .arg(root.join("benches/validity").join(converter))
        .arg(data)
        .args(extra)
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(file.path(), out.stdout).expect("write gold");
    Some(file)
}

#[test]
fn vader_script_and_eval_give_the_same_correlation() {
    let data = fixture("vader_mini.txt");
    let Some(printed) = script("vader_nyt.py", &[&data], &[]) else {
        return;
    };
    let Some(gold) = gold_from("gold_vader.py", &data, &[]) else {
        return;
    };
    let report = eval_json(gold.path(), &[]);
    let doc = &report["documents"][0];
    let r = doc["pearson"].as_f64().expect("pearson");
    let rho = doc["spearman"].as_f64().expect("spearman");
    assert_eq!(figure(&printed, "Pearson r"), format!("{r:.3}"));
    assert_eq!(figure(&printed, "Spearman rho"), format!("{rho:.3}"));
    assert_eq!(figure(&printed, "scored (n)"), "6");
}

#[test]
fn newsmtsc_script_and_eval_give_the_same_confusion_and_macro_f1() {
    let data = fixture("");
    let file = ["--file", "newsmtsc_mini.jsonl"];
    let Some(printed) = script("newsmtsc.py", &[&data], &file) else {
        return;
    };
    let Some(gold) = gold_from(
        "gold_newsmtsc.py",
        &data,
        &[file[0], file[1], "--per-target", "--target-name", "T"],
    ) else {
        return;
    };
    let report = eval_json(gold.path(), &[]);
    let t = &report["targets"];
    assert_eq!(t["targets"], 6);
    let macro_f1 = t["macro_f1"].as_f64().expect("macro");
    let row = printed
        .lines()
        .find(|l| l.starts_with("0.050"))
        .unwrap_or_else(|| panic!("no eps 0.05 row: {printed}"));
    assert_eq!(
        row.split_whitespace().nth(1),
        Some(format!("{macro_f1:.3}").as_str())
    );
    for (g, name) in ["neg", "neu", "pos"].iter().enumerate() {
        let line = figure_line(&printed, &format!("gold {name}"));
        let want: Vec<String> = (0..3).map(|p| t["confusion"][g][p].to_string()).collect();
        assert_eq!(line, want, "{printed}");
    }
}

fn figure_line(output: &str, label: &str) -> Vec<String> {
    output
        .lines()
        .find(|l| l.starts_with(label))
        .map(|l| l.split_whitespace().skip(2).map(str::to_string).collect())
        .unwrap_or_else(|| panic!("no `{label}` in {output}"))
}

//! Inputs that are no articles, and articles that must not vanish: each test
//! builds a small folder that shows one case.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn framescore() -> Command {
    let bin = std::env::var_os("CARGO_BIN_EXE_framescore").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_framescore")),
        PathBuf::from,
    );
    Command::new(bin)
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("mkdir");
    }
    fs::write(path, bytes).expect("write");
}

fn ids(out: &Path) -> Vec<String> {
    let csv = fs::read_to_string(out.join("articles.csv")).expect("articles.csv");
    csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(|r| r.expect("row")[0].to_string())
        .collect()
}

fn manifest(out: &Path) -> serde_json::Value {
    serde_json::from_str(&fs::read_to_string(out.join("manifest.json")).expect("manifest"))
        .expect("json")
}

const ARTICLE: &str = "Russia warned Japan, officials said.\n";

#[test]
fn the_output_folder_inside_the_input_folder_is_not_read_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["a.txt", "b.txt", "c.txt"] {
        write(dir.path(), name, ARTICLE);
    }
    for _ in 0..2 {
        framescore()
            .current_dir(dir.path())
            .args(["score", ".", "--out", "reports"])
            .assert()
            .success();
        assert_eq!(ids(&dir.path().join("reports")), vec!["a", "b", "c"]);
    }
}

#[test]
fn readme_license_and_changelog_in_a_folder_are_not_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a.txt", ARTICLE);
    for name in ["README.TXT", "license.md", "CHANGELOG.md", "sub/Readme.txt"] {
        write(dir.path(), name, "About this corpus.");
    }
    let out = tempfile::tempdir().expect("out");
    framescore()
        .arg("score")
        .arg(dir.path())
        .arg("--out")
        .arg(out.path())
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "README.TXT: a README/LICENSE-type file, not an article",
        ));
    assert_eq!(ids(out.path()), vec!["a"]);
    assert_eq!(
        manifest(out.path())["notes"].as_array().map(Vec::len),
        Some(4)
    );
    // a folder of nothing but such files is no corpus: the earlier reports stay
    let before = fs::read(out.path().join("articles.csv")).expect("articles.csv");
    framescore()
        .arg("score")
        .arg(dir.path().join("sub"))
        .arg("--out")
        .arg(out.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "sub: holds no article: its 1 .txt",
        ));
    assert_eq!(
        fs::read(out.path().join("articles.csv")).expect("articles.csv"),
        before
    );
}

#[test]
fn symlinked_files_and_folders_are_followed_and_a_loop_is_reported() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().expect("tempdir");
    let elsewhere = tempfile::tempdir().expect("elsewhere");
    write(dir.path(), "a.txt", ARTICLE);
    write(elsewhere.path(), "b.txt", ARTICLE);
    write(elsewhere.path(), "c.txt", ARTICLE);
    symlink(elsewhere.path(), dir.path().join("linked")).expect("folder link");
    symlink(elsewhere.path().join("c.txt"), dir.path().join("d.txt")).expect("file link");
    symlink(dir.path(), dir.path().join("loop")).expect("loop");
    let out = tempfile::tempdir().expect("out");
    framescore()
        .arg("score")
        .arg(dir.path())
        .arg("--out")
        .arg(out.path())
        .assert()
        .success()
        .stderr(predicate::str::contains("symlinked folder, followed to"))
        .stderr(predicate::str::contains(
            "d.txt: symlinked file, followed to",
        ))
        .stderr(predicate::str::contains("symlink loop"));
    // c.txt is reached twice (through `d.txt` and `linked/`): read once
    assert_eq!(ids(out.path()), vec!["a", "d", "linked/b"]);
    assert_eq!(manifest(out.path())["duplicates"]["inputs"], 1);
}

#[test]
fn duplicate_ids_and_an_input_given_twice_are_warned_and_counted() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "two.jsonl",
        "{\"id\": \"x\", \"text\": \"A fine day.\"}\n{\"id\": \"x\", \"text\": \"Another day.\"}\n",
    );
    write(dir.path(), "a.txt", ARTICLE);
    let a = dir.path().join("a.txt");
    let out = tempfile::tempdir().expect("out");
    framescore()
        .arg("score")
        .arg(dir.path().join("two.jsonl"))
        .arg(&a)
        .arg(&a)
        .arg("--out")
        .arg(out.path())
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "two.jsonl:2: article id `x` was already used by an earlier article",
        ))
        .stderr(predicate::str::contains("a.txt: was already read"));
    assert_eq!(ids(out.path()), vec!["x", "x", "a"]);
    let m = manifest(out.path());
    assert_eq!(m["duplicates"]["ids"], 1);
    assert_eq!(m["duplicates"]["inputs"], 1);
}

#[test]
fn binary_files_are_skipped_with_a_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "a.txt", ARTICLE);
    write(
        dir.path(),
        "scan.txt",
        b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj",
    );
    write(
        dir.path(),
        "image.md",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    );
    write(
        dir.path(),
        "dump.jsonl",
        b"\x1f\x8b\x08\x00\x00\x00\x00\x00",
    );
    write(dir.path(), "sheet.csv", b"PK\x03\x04\x14\x00\x06\x00");
    write(dir.path(), "nul.txt", b"text with a \x00 NUL byte");
    let out = tempfile::tempdir().expect("out");
    framescore()
        .arg("score")
        .arg(dir.path())
        .arg("--out")
        .arg(out.path())
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "scan.txt: looks like a PDF document, not text",
        ))
        .stderr(predicate::str::contains("image.md: looks like a PNG image"))
        .stderr(predicate::str::contains(
            "dump.jsonl: looks like gzip-compressed",
        ))
        .stderr(predicate::str::contains(
            "sheet.csv: looks like a zip archive",
        ))
        .stderr(predicate::str::contains("nul.txt: looks like binary"));
    assert_eq!(ids(out.path()), vec!["a"]);
    // named explicitly, a binary file is an input that failed: exit code 1
    framescore()
        .arg("score")
        .arg(dir.path().join("scan.txt"))
        .arg(dir.path().join("a.txt"))
        .arg("--out")
        .arg(out.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("skipped:"))
        .stderr(predicate::str::contains("convert it to a .txt file"));
}

#[test]
fn utf16_with_a_bom_is_decoded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "Лавров said Japan’s plan is arrogant.\nMore text.";
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let jsonl = "{\"id\": \"j\", \"text\": \"A good day.\"}\n";
    let jsonl_le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(jsonl.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    write(dir.path(), "be.txt", be);
    write(dir.path(), "le.txt", le);
    write(dir.path(), "lines.jsonl", jsonl_le);
    let out = tempfile::tempdir().expect("out");
    framescore()
        .arg("score")
        .arg(dir.path())
        .arg("--out")
        .arg(out.path())
        .assert()
        .success();
    assert_eq!(ids(out.path()), vec!["be", "le", "j"]);
    let csv = fs::read_to_string(out.path().join("articles.csv")).expect("articles.csv");
    let titles: Vec<String> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(|r| r.expect("row")[1].to_string())
        .collect();
    let first_line = text.lines().next().unwrap_or_default();
    assert_eq!(titles[..2], [first_line, first_line]);
}

#[test]
fn glob_and_exclude_pick_paths_inside_folders() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in [
        "2025/a.txt",
        "2025/drafts/b.txt",
        "2025/c.md",
        "2024/d.txt",
        "e.txt",
    ] {
        write(dir.path(), name, ARTICLE);
    }
    let picked = |args: &[&str]| {
        let out = tempfile::tempdir().expect("out");
        framescore()
            .arg("score")
            .arg(dir.path())
            .args(args)
            .arg("--out")
            .arg(out.path())
            .assert()
            .success();
        ids(out.path())
    };
    assert_eq!(
        picked(&["--glob", "2025/**", "--exclude", "drafts"]),
        vec!["2025/a", "2025/c"]
    );
    let out = tempfile::tempdir().expect("out");
    framescore()
        .arg("score")
        .arg(dir.path())
        .args(["--glob", "2025/**", "--exclude", "drafts", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let options = &manifest(out.path())["options"];
    assert_eq!(options["glob"], serde_json::json!(["2025/**"]));
    assert_eq!(options["exclude"], serde_json::json!(["drafts"]));
    assert_eq!(
        picked(&["--glob", "*.txt", "--exclude", "2025/*.txt"]),
        vec!["2024/d", "2025/drafts/b", "e"]
    );
    assert_eq!(
        picked(&["--exclude", "*.md", "--exclude", "2024"]),
        vec!["2025/a", "2025/drafts/b", "e"]
    );
    framescore()
        .arg("score")
        .arg(dir.path())
        .args(["--glob", "a[", "--out"])
        .arg(dir.path().join("out"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad --glob pattern"));
}

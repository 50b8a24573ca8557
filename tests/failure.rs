//! One output and failure discipline for every subcommand: a closed pipe is
//! success, a panic on one article is reported and the run goes on, and an OS
//! error is printed once.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn bin() -> PathBuf {
    std::env::var_os("CARGO_BIN_EXE_framescore").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_framescore")),
        PathBuf::from,
    )
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs framescore with stdout a pipe that is closed after `keep` bytes;
/// returns the exit code and stderr.
fn into_closed_pipe(args: &[&str], stdin: Option<Vec<u8>>, keep: usize) -> (Option<i32>, String) {
    let mut child = Command::new(bin())
        .args(args)
        .current_dir(root())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let feeder = stdin.map(|bytes| {
        let mut input = child.stdin.take().expect("stdin");
        std::thread::spawn(move || {
            let _ = input.write_all(&bytes);
        })
    });
    let mut stdout = child.stdout.take().expect("stdout");
    let mut head = vec![0; keep];
    if keep > 0 {
        stdout.read_exact(&mut head).expect("the first bytes");
    }
    drop(stdout);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut stderr)
        .expect("stderr");
    let status = child.wait().expect("wait");
    if let Some(feeder) = feeder {
        let _ = feeder.join();
    }
    (status.code(), stderr)
}

#[test]
fn score_jsonl_into_a_closed_pipe_exits_0() {
    let seed =
        std::fs::read_to_string(root().join("seeds/001_1a46e1846f172996.txt")).expect("seed");
    let mut input = Vec::new();
    for i in 0..300 {
        let line = serde_json::json!({"id": format!("a{i}"), "text": seed});
        input.extend_from_slice(line.to_string().as_bytes());
        input.push(b'\n');
    }
    let (code, stderr) = into_closed_pipe(&["score", "-", "--jsonl", "--quiet"], Some(input), 10);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("error"),
        "{stderr}"
    );
}

#[test]
fn explain_and_kwic_into_a_closed_pipe_exit_0_without_a_panic() {
    let cases: [&[&str]; 2] = [
        &["explain", "seeds/001_1a46e1846f172996.txt"],
        &["kwic", "--category", "name_calling", "seeds"],
    ];
    for args in cases {
        let (code, stderr) = into_closed_pipe(args, None, 0);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

#[test]
fn lexicon_check_into_a_closed_pipe_exits_0_without_a_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    let terms: Vec<String> = (0..2000).map(|i| format!("\"t{i}*x\"")).collect();
    let toml = format!(
        "[category.x]\nfamily = \"loaded\"\nterms = [{}]\n",
        terms.join(", ")
    );
    std::fs::write(dir.path().join("bad.toml"), toml).expect("write");
    let path = dir.path().to_str().expect("utf-8 path");
    let (code, stderr) = into_closed_pipe(&["lexicon", "check", path], None, 0);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

fn two_articles() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("bad.txt"), "Japan is arrogant, he said.").expect("write");
    std::fs::write(dir.path().join("good.txt"), "Russia is arrogant, she said.").expect("write");
    dir
}

#[test]
fn a_panic_on_one_article_is_reported_and_kwic_goes_on() {
    let dir = two_articles();
    let out = Command::new(bin())
        .args(["kwic", "arrogant"])
        .arg(dir.path())
        .env("FRAMESCORE_TEST_PANIC_ID", "bad")
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("internal error while analysing article `bad`"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("good:0") && !stdout.contains("bad:0"),
        "{stdout}"
    );
}

#[test]
fn a_panic_in_explain_is_an_error_message_not_exit_101() {
    let dir = two_articles();
    let out = Command::new(bin())
        .arg("explain")
        .arg(dir.path().join("bad.txt"))
        .env("FRAMESCORE_TEST_PANIC_ID", "bad")
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("framescore: error:")
            && stderr.contains(
                "internal error while analysing article `bad`; it was skipped — please report this"
            ),
        "{stderr}"
    );
}

#[test]
fn an_os_error_is_printed_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("a-file");
    std::fs::write(&file, "not a folder").expect("write");
    let cases: [Vec<std::ffi::OsString>; 2] = [
        vec![
            "score".into(),
            root().join("tests/fixtures/txt").into(),
            "--out".into(),
            file.join("reports").into(),
        ],
        vec![
            "score".into(),
            root().join("tests/fixtures/txt").into(),
            "--lexicons".into(),
            dir.path().join("missing").into(),
        ],
    ];
    for args in cases {
        let out = Command::new(bin()).args(&args).output().expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert_eq!(stderr.matches("(os error").count(), 1, "{args:?}: {stderr}");
        assert!(
            stderr.contains("choose another with --out")
                || stderr.contains("check the --lexicons path"),
            "says what to do: {stderr}"
        );
    }
}

#[test]
fn control_characters_in_article_text_are_escaped_on_a_terminal_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("esc.txt");
    std::fs::write(
        &article,
        "Japan is arrogant \u{1b}[2J\u{1b}]0;owned\u{7} here, he said.\n",
    )
    .expect("write");
    let commands = [
        format!(
            "'{}' kwic arrogant '{}'",
            bin().display(),
            article.display()
        ),
        format!("'{}' explain '{}'", bin().display(), article.display()),
    ];
    for command in &commands {
        // `script` gives the command a terminal as stdout
        let Ok(out) = Command::new("script")
            .args(["-qec", command, "/dev/null"])
            .output()
        else {
            eprintln!("no `script` command here: the terminal case is not checked");
            break;
        };
        let shown = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{command}: {shown}");
        assert!(
            shown.contains("\\u{1b}[2J") && shown.contains("\\u{7}") && !shown.contains('\u{1b}'),
            "{command}: {shown:?}"
        );
    }
    // into a pipe or a file the text stays as it is
    let out = Command::new(bin())
        .args(["kwic", "arrogant"])
        .arg(&article)
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&out.stdout).contains("\u{1b}[2J"));
}

//! `report.html` and its article pages loaded in headless Chromium (Debian's
//! `chromium`; `.ci/run` installs it): no console message or script error,
//! and the key elements are in the DOM the browser built. Without Chromium
//! the tests say that they are skipped and why, on stderr; they never pass
//! silently as if the page had been checked.

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::Command as Bin;

/// The Chromium binary, if one is installed.
fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .map(PathBuf::from)
}

fn skipped(test: &str) {
    eprintln!(
        "SKIPPED {test}: no chromium on PATH (install Debian's `chromium`, as .ci/run does), so report.html was not loaded in a browser"
    );
}

/// What a page looks like to a browser: its DOM after load, and every
/// console line (messages, errors, uncaught exceptions).
struct Loaded {
    dom: String,
    console: Vec<String>,
}

fn load(browser: &Path, page: &Path) -> Loaded {
    let url = format!("file://{}", page.canonicalize().expect("page").display());
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
        ])
        .arg(&url)
        .output()
        .expect("chromium runs");
    assert!(out.status.success(), "chromium failed on {url}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    Loaded {
        dom: String::from_utf8_lossy(&out.stdout).into_owned(),
        console: stderr
            .lines()
            .filter(|l| l.contains(":CONSOLE") || l.contains("Uncaught"))
            .map(str::to_string)
            .collect(),
    }
}

#[test]
fn the_checker_catches_a_script_error() {
    let Some(browser) = chromium() else {
        return skipped("the_checker_catches_a_script_error");
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("broken.html");
    std::fs::write(
        &page,
        "<!doctype html><p id=x>hi</p><script>undefinedFn()</script>",
    )
    .expect("write");
    let loaded = load(&browser, &page);
    assert!(loaded.dom.contains("id=\"x\""));
    assert!(
        loaded.console.iter().any(|l| l.contains("undefinedFn")),
        "{:?}",
        loaded.console
    );
}

#[test]
fn report_and_article_pages_load_in_chromium_without_console_errors() {
    let Some(browser) = chromium() else {
        return skipped("report_and_article_pages_load_in_chromium_without_console_errors");
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("out");
    Bin::cargo_bin("framescore")
        .expect("binary")
        .current_dir(root)
        .args([
            "score",
            "seeds",
            "--outlet-from",
            "dateline",
            "--quiet",
            "--out",
        ])
        .arg(&out)
        .assert()
        .success();
    let main = load(&browser, &out.join("report.html"));
    assert!(main.console.is_empty(), "console: {:?}", main.console);
    for needle in [
        "id=\"heat\"",
        "id=\"reliability\"",
        "id=\"loaded\"",
        "id=\"quoted\"",
        "class=\"sortable\"",
        "<th>CaliToday</th>",
        "<th>Myind</th>",
        "<th>(no outlet)</th>",
        "href=\"articles/0005.html\"",
    ] {
        assert!(main.dom.contains(needle), "report.html has no {needle}");
    }
    assert_eq!(
        main.dom.matches("href=\"articles/").count(),
        5,
        "one link per article"
    );
    let page = load(&browser, &out.join("articles/0002.html"));
    assert!(page.console.is_empty(), "console: {:?}", page.console);
    for needle in [
        "f-loaded m neg",
        "f-scare_quote m neu",
        "class=\"src\"",
        "class=\"figures\"",
        "href=\"../report.html#articles\"",
    ] {
        assert!(page.dom.contains(needle), "article page has no {needle}");
    }
}

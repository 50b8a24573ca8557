//! Paths: single files by extension, folders walked recursively in sorted
//! order with hidden entries skipped, and `-` for stdin.

use std::io::Read;
use std::path::Path;

use walkdir::WalkDir;

use super::{Article, IngestOptions, InputFormat, Item, Skip, decode_reporting, delimited, jsonl};

const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "jsonl", "ndjson", "csv"];

/// Reads one input path (file, folder or `-`).
pub(super) fn read_input(
    input: &Path,
    options: &IngestOptions,
    sink: &mut dyn FnMut(Item) -> bool,
) -> bool {
    if input.as_os_str() == "-" {
        return read_stdin(options, sink);
    }
    if input.is_dir() {
        return read_dir(input, options, sink);
    }
    read_file(input, None, options, sink)
}

fn read_stdin(options: &IngestOptions, sink: &mut dyn FnMut(Item) -> bool) -> bool {
    let stdin = std::io::stdin();
    match options.format {
        InputFormat::Auto | InputFormat::Jsonl => jsonl::read(stdin.lock(), "<stdin>", sink),
        InputFormat::Csv => delimited::read(stdin.lock(), "<stdin>", &options.columns, sink),
        InputFormat::Text => {
            let mut bytes = Vec::new();
            if let Err(err) = stdin.lock().read_to_end(&mut bytes) {
                return sink(skip(
                    "<stdin>",
                    format!("cannot read standard input: {err}"),
                ));
            }
            let (text, go_on) = decode_reporting(&bytes, "<stdin>", sink);
            go_on && sink(text_article("stdin", "<stdin>", text))
        }
    }
}

fn read_dir(dir: &Path, options: &IngestOptions, sink: &mut dyn FnMut(Item) -> bool) -> bool {
    let walker = WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    let mut found = 0;
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let at = err.path().unwrap_or(dir).display().to_string();
                if !sink(skip(&at, format!("cannot read: {err}"))) {
                    return false;
                }
                continue;
            }
        };
        let path = entry.path();
        if !entry.file_type().is_file() || !has_article_extension(path, options) {
            continue;
        }
        found += 1;
        let id = path
            .strip_prefix(dir)
            .unwrap_or(path)
            .with_extension("")
            .to_string_lossy()
            .replace('\\', "/");
        if !read_file(path, Some(id), options, sink) {
            return false;
        }
    }
    if found == 0 {
        let message = "holds no .txt, .md, .jsonl, .ndjson or .csv file; point framescore at a folder of articles".to_string();
        return sink(skip(&dir.display().to_string(), message));
    }
    true
}

fn has_article_extension(path: &Path, options: &IngestOptions) -> bool {
    let ext = extension(path);
    match options.format {
        InputFormat::Auto => ARTICLE_EXTENSIONS.contains(&ext.as_str()),
        InputFormat::Text => ext == "txt" || ext == "md",
        InputFormat::Jsonl => ext == "jsonl" || ext == "ndjson",
        InputFormat::Csv => ext == "csv",
    }
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

fn read_file(
    path: &Path,
    id: Option<String>,
    options: &IngestOptions,
    sink: &mut dyn FnMut(Item) -> bool,
) -> bool {
    let location = path.display().to_string();
    let format = match options.format {
        InputFormat::Auto => match extension(path).as_str() {
            "jsonl" | "ndjson" => InputFormat::Jsonl,
            "csv" => InputFormat::Csv,
            _ => InputFormat::Text,
        },
        forced => forced,
    };
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(err) => {
            return sink(skip(
                &location,
                format!("cannot open: {err}; check the path and permissions"),
            ));
        }
    };
    let reader = std::io::BufReader::new(file);
    match format {
        InputFormat::Jsonl => jsonl::read(reader, &location, sink),
        InputFormat::Csv => delimited::read(reader, &location, &options.columns, sink),
        _ => {
            let mut bytes = Vec::new();
            if let Err(err) = { reader }.read_to_end(&mut bytes) {
                return sink(skip(&location, format!("cannot read: {err}")));
            }
            let (text, go_on) = decode_reporting(&bytes, &location, sink);
            let id = id.unwrap_or_else(|| {
                path.file_stem()
                    .map_or_else(|| location.clone(), |s| s.to_string_lossy().into_owned())
            });
            go_on && sink(text_article(&id, &location, text))
        }
    }
}

fn text_article(id: &str, location: &str, text: String) -> Item {
    Item::Article(Box::new(Article {
        id: id.to_string(),
        text,
        origin: location.to_string(),
        ..Article::default()
    }))
}

pub(super) fn skip(location: &str, message: String) -> Item {
    Item::Skip(Skip {
        location: location.to_string(),
        message,
    })
}

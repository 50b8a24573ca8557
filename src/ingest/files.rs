//! Paths: single files by extension, folders walked recursively in sorted
//! order, and `-` for stdin.
//!
//! In a folder, hidden entries, the output folder, README/LICENSE-type files,
//! binary files and paths outside `--glob`/inside `--exclude` are passed over,
//! each with a note; symlinks are followed (walkdir detects loops, which are
//! reported) and each one is noted. A file reached twice (the same input given
//! twice, or a file inside a folder also given) is read once, with a warning.
//! A file named explicitly is read whatever its name.

use std::cell::Cell;
use std::collections::HashSet;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::sniff::{self, Content};
use super::{Article, IngestOptions, InputFormat, Item, Skip, decode_reporting, delimited, jsonl};

const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "jsonl", "ndjson", "csv"];

/// Reads inputs, remembering which files it has read.
pub(super) struct Reader<'a> {
    options: &'a IngestOptions,
    sink: &'a mut dyn FnMut(Item) -> bool,
    seen: HashSet<PathBuf>,
    /// Articles passed to the sink so far (counted by the caller's wrapper).
    articles: &'a Cell<usize>,
    /// Files reached a second time and not read again.
    pub(super) duplicate_inputs: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(
        options: &'a IngestOptions,
        sink: &'a mut dyn FnMut(Item) -> bool,
        articles: &'a Cell<usize>,
    ) -> Self {
        Reader {
            options,
            sink,
            seen: HashSet::new(),
            articles,
            duplicate_inputs: 0,
        }
    }

    fn emit(&mut self, item: Item) -> bool {
        (self.sink)(item)
    }

    /// Reads one input path (file, folder or `-`).
    pub(super) fn read_input(&mut self, input: &Path) -> bool {
        if input.as_os_str() == "-" {
            return self.read_stdin();
        }
        if input.is_dir() {
            return self.read_dir(input);
        }
        self.read_file(input, None)
    }

    fn read_stdin(&mut self) -> bool {
        let stdin = std::io::stdin();
        let options = self.options;
        match options.format {
            InputFormat::Auto | InputFormat::Jsonl => {
                jsonl::read(stdin.lock(), "<stdin>", self.sink)
            }
            InputFormat::Csv => {
                delimited::read(stdin.lock(), "<stdin>", &options.columns, self.sink)
            }
            InputFormat::Text => {
                let mut bytes = Vec::new();
                if let Err(err) = stdin.lock().read_to_end(&mut bytes) {
                    return self.emit(skip(
                        "<stdin>",
                        format!("cannot read standard input: {err}"),
                    ));
                }
                let content = match sniff::sniff(&bytes) {
                    utf16 @ Content::Utf16 { .. } => utf16,
                    _ => Content::Text,
                };
                self.text("stdin", "<stdin>", &bytes, content)
            }
        }
    }

    fn read_dir(&mut self, dir: &Path) -> bool {
        let options = self.options;
        let mut walker = WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter();
        let mut found = 0;
        let articles_before = self.articles.get();
        while let Some(entry) = walker.next() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    let at = err.path().unwrap_or(dir).display().to_string();
                    let item = match err.loop_ancestor() {
                        Some(ancestor) => Item::Warning(Skip {
                            location: at,
                            message: format!(
                                "symlink loop: this leads back to `{}`; it was not followed again (remove the link if it is a mistake)",
                                ancestor.display()
                            ),
                        }),
                        None => skip(
                            &at,
                            format!("cannot read: {err}; check the path and permissions"),
                        ),
                    };
                    if !self.emit(item) {
                        return false;
                    }
                    continue;
                }
            };
            if entry.depth() == 0 {
                continue;
            }
            let path = entry.path();
            let is_dir = entry.file_type().is_dir();
            let name = entry.file_name().to_string_lossy();
            let relative = path.strip_prefix(dir).unwrap_or(path);
            let location = path.display().to_string();
            if name.starts_with('.') {
                if is_dir {
                    walker.skip_current_dir();
                }
                continue;
            }
            if is_dir && self.is_skipped_dir(path) {
                walker.skip_current_dir();
                let note = note(
                    &location,
                    "the output folder (--out) is not read as input".into(),
                );
                if !self.emit(note) {
                    return false;
                }
                continue;
            }
            if options
                .exclude
                .as_ref()
                .is_some_and(|g| g.is_match(relative))
            {
                if is_dir {
                    walker.skip_current_dir();
                }
                continue;
            }
            if entry.path_is_symlink() {
                let target = std::fs::read_link(path)
                    .map_or_else(|_| "?".into(), |t| t.display().to_string());
                let what = if is_dir { "folder" } else { "file" };
                let message = format!("symlinked {what}, followed to `{target}`");
                if !self.emit(note(&location, message)) {
                    return false;
                }
            }
            if is_dir || !entry.file_type().is_file() || !has_article_extension(path, options) {
                continue;
            }
            if options
                .include
                .as_ref()
                .is_some_and(|g| !g.is_match(relative))
            {
                continue;
            }
            found += 1;
            if sniff::is_corpus_doc(&name) {
                let message = "a README/LICENSE-type file, not an article; skipped (rename it, or name it as an input, to score it)".to_string();
                if !self.emit(note(&location, message)) {
                    return false;
                }
                continue;
            }
            let id = relative
                .with_extension("")
                .to_string_lossy()
                .replace('\\', "/");
            if !self.read_file(path, Some(id)) {
                return false;
            }
        }
        if found == 0 {
            let message = "holds no .txt, .md, .jsonl, .ndjson or .csv file; point framescore at a folder of articles".to_string();
            return self.emit(skip(&dir.display().to_string(), message));
        }
        if self.articles.get() == articles_before {
            let message = format!(
                "holds no article: its {found} .txt, .md, .jsonl, .ndjson or .csv file(s) were passed over or unreadable (see the messages above)"
            );
            return self.emit(skip(&dir.display().to_string(), message));
        }
        true
    }

    fn is_skipped_dir(&self, path: &Path) -> bool {
        !self.options.skip_dirs.is_empty()
            && std::fs::canonicalize(path).is_ok_and(|p| self.options.skip_dirs.contains(&p))
    }

    /// Reads one file; `id` is given for files found in a folder.
    fn read_file(&mut self, path: &Path, id: Option<String>) -> bool {
        let location = path.display().to_string();
        let in_folder = id.is_some();
        if let Ok(canonical) = std::fs::canonicalize(path)
            && !self.seen.insert(canonical)
        {
            self.duplicate_inputs += 1;
            let message =
                "was already read (given twice, or inside a folder also given); read once"
                    .to_string();
            return self.emit(Item::Warning(Skip { location, message }));
        }
        let format = match self.options.format {
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
                return self.emit(skip(
                    &location,
                    format!("cannot open: {err}; check the path and permissions"),
                ));
            }
        };
        let mut reader = std::io::BufReader::with_capacity(sniff::HEAD, file);
        let content = match reader.fill_buf() {
            Ok(head) => sniff::sniff(head),
            Err(err) => return self.emit(skip(&location, format!("cannot read: {err}"))),
        };
        if let Content::Binary(kind) = content {
            let message = format!(
                "looks like {kind}, not text; skipped (convert it to a .txt file to score it)"
            );
            let item = if in_folder {
                note(&location, message)
            } else {
                skip(&location, message)
            };
            return self.emit(item);
        }
        if matches!(format, InputFormat::Text) || matches!(content, Content::Utf16 { .. }) {
            let mut bytes = Vec::new();
            if let Err(err) = reader.read_to_end(&mut bytes) {
                return self.emit(skip(&location, format!("cannot read: {err}")));
            }
            if !matches!(format, InputFormat::Text) {
                // UTF-16 JSONL or CSV: decoded whole, then read as usual
                let text = self.decode(&bytes, content, &location);
                let Some(text) = text else { return false };
                let cursor = std::io::Cursor::new(text.into_bytes());
                return self.structured(format, cursor, &location);
            }
            let id = id.unwrap_or_else(|| {
                path.file_stem()
                    .map_or_else(|| location.clone(), |s| s.to_string_lossy().into_owned())
            });
            return self.text(&id, &location, &bytes, content);
        }
        self.structured(format, reader, &location)
    }

    fn structured(&mut self, format: InputFormat, reader: impl BufRead, location: &str) -> bool {
        match format {
            InputFormat::Csv => delimited::read(reader, location, &self.options.columns, self.sink),
            _ => jsonl::read(reader, location, self.sink),
        }
    }

    /// Decodes UTF-8 or UTF-16 (reporting bad sequences); `None` if the sink wants no more.
    fn decode(&mut self, bytes: &[u8], content: Content, location: &str) -> Option<String> {
        let Content::Utf16 { big_endian } = content else {
            let (text, go_on) = decode_reporting(bytes, location, self.sink);
            return go_on.then_some(text);
        };
        let decoded = sniff::decode_utf16(bytes, big_endian);
        if decoded.invalid > 0 {
            let message = format!(
                "{} invalid UTF-16 sequence(s) replaced by U+FFFD; re-save the file as UTF-8 to keep every character",
                decoded.invalid
            );
            if !self.emit(Item::Warning(Skip {
                location: location.to_string(),
                message,
            })) {
                return None;
            }
        }
        Some(decoded.text)
    }

    /// One text article from raw bytes, as `content` says to decode them.
    fn text(&mut self, id: &str, location: &str, bytes: &[u8], content: Content) -> bool {
        let Some(text) = self.decode(bytes, content, location) else {
            return false;
        };
        self.emit(text_article(id, location, text))
    }
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

fn note(location: &str, message: String) -> Item {
    Item::Note(Skip {
        location: location.to_string(),
        message,
    })
}

//! The input's own columns, found before scoring starts: CSV header rows and
//! the keys of JSONL objects that are not part of the contract (`section`,
//! `topic`, …). They become `articles.csv` columns after the contract ones,
//! so the header can be written first and `--group-by` can be checked before
//! any article is scored. Reading headers and keys costs a small fraction of
//! scoring; standard input cannot be read twice, so its extra keys are not
//! known in advance and do not flow through.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use walkdir::WalkDir;

use super::{IngestOptions, InputFormat};

/// The extra column names of every CSV and JSONL input, in first-seen order.
pub fn input_columns(inputs: &[PathBuf], options: &IngestOptions) -> Vec<String> {
    let mut names = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            continue;
        }
        if input.is_dir() {
            let walker = WalkDir::new(input)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.')
                });
            for entry in walker.filter_map(Result::ok) {
                if entry.file_type().is_file() {
                    scan_file(entry.path(), options, &mut names);
                }
            }
        } else {
            scan_file(input, options, &mut names);
        }
    }
    names
}

fn scan_file(path: &Path, options: &IngestOptions, names: &mut Vec<String>) {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let format = match options.format {
        InputFormat::Auto => match ext.as_str() {
            "csv" => InputFormat::Csv,
            "jsonl" | "ndjson" => InputFormat::Jsonl,
            _ => return,
        },
        forced => forced,
    };
    let Ok(file) = File::open(path) else { return };
    let reader = BufReader::new(file);
    match format {
        InputFormat::Csv => csv_columns(reader, options, names),
        InputFormat::Jsonl => jsonl_keys(reader, names),
        _ => {}
    }
}

fn add(names: &mut Vec<String>, name: &str) {
    if !name.is_empty() && !names.iter().any(|n| n == name) {
        names.push(name.to_string());
    }
}

fn csv_columns(mut reader: impl BufRead, options: &IngestOptions, names: &mut Vec<String>) {
    let Ok(head) = reader.fill_buf() else { return };
    let delimiter = super::delimited::sniff(head);
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(reader);
    let Ok(headers) = csv.byte_headers() else {
        return;
    };
    let c = &options.columns;
    let known = [&c.text, &c.id, &c.title, &c.outlet, &c.date, &c.url];
    for h in headers {
        let h = String::from_utf8_lossy(h);
        let h = h.trim().trim_start_matches('\u{FEFF}');
        if !known.iter().any(|k| k.eq_ignore_ascii_case(h)) {
            add(names, h);
        }
    }
}

fn jsonl_keys(reader: impl BufRead, names: &mut Vec<String>) {
    for line in reader.split(b'\n').map_while(Result::ok) {
        let mut de = serde_json::Deserializer::from_slice(&line);
        let mut keys = Vec::new();
        if de.deserialize_map(Keys(&mut keys)).is_ok() {
            for key in keys {
                if !super::jsonl::KNOWN.contains(&key.as_str()) {
                    add(names, &key);
                }
            }
        }
    }
}

/// Collects the keys of one JSON object, skipping the values.
struct Keys<'a>(&'a mut Vec<String>);

impl<'de> Visitor<'de> for Keys<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            map.next_value::<IgnoredAny>()?;
            self.0.push(key);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_columns_table() {
        let cases: [(&str, &str, &[&str]); 4] = [
            (
                "a.csv",
                "id,text,section,topic\n1,x,a,b\n",
                &["section", "topic"],
            ),
            ("b.csv", "Text;Outlet;Desk\nx;y;z\n", &["Desk"]),
            (
                "c.jsonl",
                "{\"id\":1,\"text\":\"x\",\"section\":\"a\"}\n{\"text\":\"y\",\"topic\":[1],\"section\":null}\nnot json\n",
                &["section", "topic"],
            ),
            ("d.txt", "id,text,section\n", &[]),
        ];
        let dir = tempfile::tempdir().expect("tempdir");
        for (name, body, want) in cases {
            let path = dir.path().join(name);
            std::fs::write(&path, body).expect("write");
            let got = input_columns(&[path], &IngestOptions::default());
            assert_eq!(
                got,
                want.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                "{name}"
            );
        }
    }
}

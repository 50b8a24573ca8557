//! CSV with a text column; id, title, outlet, date and url columns are picked up
//! by name. The delimiter is sniffed from the header line (`,` `;` or tab),
//! because annotated corpora such as BABE ship semicolon-separated files.

use std::io::{BufRead, Read};

use super::files::skip;
use super::jsonl::stem;
use super::{Article, Columns, Item, Skip, nonempty};

/// Reads CSV from `reader`; `location` names it in messages.
pub(super) fn read(
    mut reader: impl BufRead,
    location: &str,
    columns: &Columns,
    sink: &mut dyn FnMut(Item) -> bool,
) -> bool {
    let delimiter = match reader.fill_buf() {
        Ok(head) => sniff(head),
        Err(err) => return sink(skip(location, format!("cannot read: {err}"))),
    };
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(BomSkipper::new(reader));
    let headers = match csv.byte_headers() {
        Ok(h) => h
            .iter()
            .map(|h| String::from_utf8_lossy(h).trim().to_string())
            .collect::<Vec<_>>(),
        Err(err) => return sink(skip(location, format!("cannot read the header row: {err}"))),
    };
    let find = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let Some(text_col) = find(&columns.text) else {
        let message = format!(
            "no `{}` column (columns are: {}); name the text column with --text-col",
            columns.text,
            headers.join(", ")
        );
        return sink(skip(location, message));
    };
    let picks = [
        find(&columns.id),
        find(&columns.title),
        find(&columns.outlet),
        find(&columns.date),
        find(&columns.url),
    ];
    let known: Vec<usize> = picks.iter().flatten().copied().chain([text_col]).collect();
    let extra_cols: Vec<(usize, &String)> = headers
        .iter()
        .enumerate()
        .filter(|(i, h)| !known.contains(i) && !h.is_empty())
        .collect();
    let mut invalid_rows = 0;
    for (row, record) in csv.byte_records().enumerate() {
        let line = row + 2;
        let at = format!("{location}:{line}");
        let record = match record {
            Ok(r) => r,
            Err(err) => {
                if !sink(skip(
                    &at,
                    format!("unreadable CSV row ({err}); check its quoting"),
                )) {
                    return false;
                }
                continue;
            }
        };
        let line = record.position().map_or(line, |p| p.line() as usize);
        let at = format!("{location}:{line}");
        let mut invalid = false;
        let mut cell = |i: Option<usize>| {
            i.and_then(|i| record.get(i)).map(|b| {
                let d = crate::text::decode(b);
                invalid |= d.invalid > 0;
                d.text
            })
        };
        let Some(text) = cell(Some(text_col)).filter(|t| !t.trim().is_empty()) else {
            let message = format!(
                "row has no text in column `{}`; fill it or remove the row",
                columns.text
            );
            if !sink(skip(&at, message)) {
                return false;
            }
            continue;
        };
        let [id, title, outlet, date, url] = picks.map(|p| nonempty(cell(p)));
        let extra = extra_cols
            .iter()
            .filter_map(|(i, name)| Some(((*name).clone(), cell(Some(*i))?)))
            .collect();
        invalid_rows += usize::from(invalid);
        let article = Article {
            id: id.unwrap_or_else(|| format!("{}:{line}", stem(location))),
            title,
            outlet,
            date,
            url,
            text,
            targets: Vec::new(),
            origin: at,
            extra,
        };
        if !sink(Item::Article(Box::new(article))) {
            return false;
        }
    }
    if invalid_rows > 0 {
        return sink(Item::Warning(Skip {
            location: location.to_string(),
            message: format!(
                "{invalid_rows} row(s) held invalid UTF-8, replaced by U+FFFD; re-save the file as UTF-8"
            ),
        }));
    }
    true
}

pub(super) fn sniff(head: &[u8]) -> u8 {
    let first = head.split(|b| *b == b'\n').next().unwrap_or(head);
    let count = |d: u8| first.iter().filter(|b| **b == d).count();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| (count(*d), *d == b','))
        .unwrap_or(b',')
}

/// Skips a UTF-8 BOM at the start of a reader.
struct BomSkipper<R> {
    inner: R,
    checked: bool,
}

impl<R: BufRead> BomSkipper<R> {
    fn new(inner: R) -> Self {
        BomSkipper {
            inner,
            checked: false,
        }
    }
}

impl<R: BufRead> Read for BomSkipper<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if !self.checked {
            self.checked = true;
            if self.inner.fill_buf()?.starts_with(b"\xEF\xBB\xBF") {
                self.inner.consume(3);
            }
        }
        self.inner.read(buf)
    }
}

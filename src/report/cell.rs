//! CSV cells that open safely in a spreadsheet.
//!
//! Text cells that a spreadsheet would run as a formula (starting with `=`,
//! `+`, `-`, `@`, tab or CR) get a leading apostrophe; numbers are written as
//! numbers, so a negative tone stays a number. Floats have a fixed number of
//! decimals so that reports are byte-stable across runs and platforms.

use std::io::Write;

/// One cell of a report row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Free text, neutralised if it looks like a formula.
    Text(String),
    /// A count.
    Int(usize),
    /// A figure, written with 4 decimals.
    Num(f64),
    /// A figure, written with 1 decimal (scores 0–100).
    Score(f64),
    /// Nothing.
    Empty,
}

impl Cell {
    /// Text from anything string-like.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// Optional text, empty when absent.
    pub fn opt(s: Option<&str>) -> Cell {
        s.map_or(Cell::Empty, Cell::text)
    }

    fn render(&self) -> String {
        match self {
            Cell::Text(s) => neutralise(s),
            Cell::Int(n) => n.to_string(),
            Cell::Num(x) => fixed(*x, 4),
            Cell::Score(x) => fixed(*x, 1),
            Cell::Empty => String::new(),
        }
    }
}

fn fixed(x: f64, decimals: usize) -> String {
    let s = format!("{x:.decimals$}");
    // "-0.0000" is "0.0000": the sign of zero is noise in a spreadsheet
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s[1..].to_string()
    } else {
        s
    }
}

/// Prefixes a formula-looking cell with `'`.
pub fn neutralise(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// A CSV table: a fixed header, then rows of cells.
pub struct Table<W: Write> {
    writer: csv::Writer<W>,
    columns: usize,
    rows: usize,
}

impl<W: Write> Table<W> {
    /// Starts a table on `out`, writing the header.
    pub fn new(out: W, header: &[String]) -> csv::Result<Table<W>> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        writer.write_record(header)?;
        Ok(Table {
            writer,
            columns: header.len(),
            rows: 0,
        })
    }

    /// Writes one row; it must have as many cells as the header.
    pub fn row(&mut self, cells: &[Cell]) -> csv::Result<()> {
        debug_assert_eq!(cells.len(), self.columns, "row width differs from header");
        self.writer.write_record(cells.iter().map(Cell::render))?;
        self.rows += 1;
        Ok(())
    }

    /// Rows written so far.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Flushes and returns the inner writer.
    pub fn finish(self) -> std::io::Result<W> {
        self.writer
            .into_inner()
            .map_err(|e| std::io::Error::other(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_table() {
        let cases = [
            (Cell::text("=SUM(A1)"), "'=SUM(A1)"),
            (Cell::text("+1"), "'+1"),
            (Cell::text("-x"), "'-x"),
            (Cell::text("@me"), "'@me"),
            (Cell::text("\tx"), "'\tx"),
            (Cell::text("plain"), "plain"),
            (Cell::Num(-0.25), "-0.2500"),
            (Cell::Num(-0.00001), "0.0000"),
            (Cell::Score(55.55), "55.5"),
            (Cell::Int(3), "3"),
            (Cell::Empty, ""),
        ];
        for (cell, want) in cases {
            assert_eq!(cell.render(), want, "{cell:?}");
        }
    }

    #[test]
    fn table_quotes_per_rfc4180() {
        let mut table = Table::new(Vec::new(), &["a".into(), "b".into()]).expect("header");
        table
            .row(&[Cell::text("x, \"y\""), Cell::Int(1)])
            .expect("row");
        let bytes = table.finish().expect("finish");
        assert_eq!(
            String::from_utf8(bytes).expect("utf8"),
            "a,b\r\n\"x, \"\"y\"\"\",1\r\n"
        );
    }
}

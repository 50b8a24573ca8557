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

    /// The cell as written in a CSV file.
    pub fn render(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Cell::Text(s) => neutralise(s),
            Cell::Int(n) => n.to_string().into(),
            Cell::Num(x) => fixed(*x, 4).into(),
            Cell::Score(x) => fixed(*x, 1).into(),
            Cell::Empty => "".into(),
        }
    }
}

/// `x` with `decimals` decimals, as `format!("{x:.decimals$}")` writes it but
/// without its slow exact-decimal path where integer arithmetic gives the
/// same digits: when `x` scaled is not within a hair of a rounding tie (the
/// only place where the float product and the exact decimal could round
/// differently), the digits come from one rounded integer.
fn fixed(x: f64, decimals: usize) -> String {
    let scale = [1.0, 10.0, 100.0, 1e3, 1e4][decimals.min(4)];
    let scaled = x * scale;
    let frac = scaled.abs().fract();
    let s = if decimals <= 4 && scaled.abs() < 1e15 && (frac - 0.5).abs() > 1e-6 {
        let units = scaled.abs().round() as u64;
        let p = 10u64.pow(decimals as u32);
        let mut s = String::with_capacity(24);
        if x.is_sign_negative() && units > 0 {
            s.push('-');
        }
        s.push_str(&(units / p).to_string());
        if decimals > 0 {
            let rest = (units % p).to_string();
            s.push('.');
            for _ in rest.len()..decimals {
                s.push('0');
            }
            s.push_str(&rest);
        }
        return s;
    } else {
        format!("{x:.decimals$}")
    };
    // "-0.0000" is "0.0000": the sign of zero is noise in a spreadsheet
    if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') {
        s[1..].to_string()
    } else {
        s
    }
}

/// Prefixes a formula-looking cell with `'`.
pub fn neutralise(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}").into()
    } else {
        s.into()
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
        let cells: Vec<_> = cells.iter().map(Cell::render).collect();
        self.writer
            .write_record(cells.iter().map(|c| c.as_bytes()))?;
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
    fn fast_fixed_writes_what_format_writes() {
        let mut x: f64 = -1234.56789;
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut values = vec![
            0.0,
            -0.0,
            0.5,
            -0.5,
            0.00005,
            0.00015,
            1.23445,
            99.95,
            1e16,
            f64::NAN,
            f64::INFINITY,
            -1e-9,
        ];
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            x = (seed % 2_000_000) as f64 / 997.0 - 1000.0 + x * 1e-9;
            values.push(x);
            values.push((seed % 100_000) as f64 / 10_000.0 - 5.0);
            values.push((seed % 10_000) as f64 / 20.0);
        }
        for v in values {
            for d in [1, 4] {
                let slow = format!("{v:.d$}");
                let slow =
                    if slow.starts_with('-') && slow[1..].chars().all(|c| c == '0' || c == '.') {
                        slow[1..].to_string()
                    } else {
                        slow
                    };
                assert_eq!(fixed(v, d), slow, "{v:e} with {d} decimals");
            }
        }
    }
}

//! Report columns defined once: each report is a [`Schema`], an ordered list
//! of columns, each a name, a kind and a typed accessor on the report's row
//! type; every output format renders a schema through the one [`Format`]
//! trait (CSV, JSON, HTML), so headers and cells can never drift apart.
//!
//! Rendering goes to a byte buffer per article, so the work happens on the
//! worker threads and the single writer only appends bytes. Adding a column
//! is one line in the schema builder in [`super::rows`].

use std::io::Write as _;

use super::cell::Cell;

/// What a column holds; numeric kinds are aggregated in `outlets.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text.
    Text,
    /// A count.
    Count,
    /// A figure with 4 decimals.
    Figure,
    /// A score 0–100 with 1 decimal.
    Score,
}

impl Kind {
    /// Counts, figures and scores.
    pub fn numeric(self) -> bool {
        self != Kind::Text
    }
}

type Getter<R> = Box<dyn Fn(&R) -> Cell + Send + Sync>;

/// One column: its name, kind, and how to read it from a row.
pub struct Column<R> {
    /// Header name.
    pub name: String,
    /// What it holds.
    pub kind: Kind,
    get: Getter<R>,
}

impl<R> Column<R> {
    /// The cell of `row`.
    pub fn cell(&self, row: &R) -> Cell {
        (self.get)(row)
    }

    /// The value of a numeric column as a float (`None` for text or empty).
    pub fn number(&self, row: &R) -> Option<f64> {
        match self.cell(row) {
            Cell::Int(n) => Some(n as f64),
            Cell::Num(x) | Cell::Score(x) => Some(x),
            _ => None,
        }
    }
}

/// The ordered columns of one report.
pub struct Schema<R> {
    columns: Vec<Column<R>>,
    names: Vec<String>,
}

impl<R> Default for Schema<R> {
    fn default() -> Self {
        Schema {
            columns: Vec::new(),
            names: Vec::new(),
        }
    }
}

impl<R> Schema<R> {
    /// An empty schema.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends a column.
    pub fn column(
        mut self,
        name: impl Into<String>,
        kind: Kind,
        get: impl Fn(&R) -> Cell + Send + Sync + 'static,
    ) -> Self {
        self.push(name, kind, get);
        self
    }

    /// Appends a column in place.
    pub fn push(
        &mut self,
        name: impl Into<String>,
        kind: Kind,
        get: impl Fn(&R) -> Cell + Send + Sync + 'static,
    ) {
        let name = name.into();
        self.names.push(name.clone());
        self.columns.push(Column {
            name,
            kind,
            get: Box::new(get),
        });
    }

    /// A text column.
    pub fn text(self, name: &str, get: impl Fn(&R) -> Cell + Send + Sync + 'static) -> Self {
        self.column(name, Kind::Text, get)
    }

    /// A count column.
    pub fn count(self, name: &str, get: impl Fn(&R) -> usize + Send + Sync + 'static) -> Self {
        self.column(name, Kind::Count, move |r| Cell::Int(get(r)))
    }

    /// A figure column (4 decimals).
    pub fn figure(self, name: &str, get: impl Fn(&R) -> f64 + Send + Sync + 'static) -> Self {
        self.column(name, Kind::Figure, move |r| Cell::Num(get(r)))
    }

    /// A score column (1 decimal).
    pub fn score(self, name: &str, get: impl Fn(&R) -> f64 + Send + Sync + 'static) -> Self {
        self.column(name, Kind::Score, move |r| Cell::Score(get(r)))
    }

    /// The header names, in order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The columns, in order.
    pub fn columns(&self) -> &[Column<R>] {
        &self.columns
    }

    /// The column called `name`.
    pub fn find(&self, name: &str) -> Option<&Column<R>> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// The cells of one row, in column order.
    pub fn cells(&self, row: &R) -> Vec<Cell> {
        self.columns.iter().map(|c| c.cell(row)).collect()
    }

    /// Renders the header in `format`.
    pub fn header<F: Format>(&self, format: &F, out: &mut Vec<u8>) {
        format.header(&self.names, out);
    }

    /// Renders rows in `format`.
    pub fn rows<'r, F: Format>(
        &self,
        format: &F,
        rows: impl IntoIterator<Item = &'r R>,
        out: &mut Vec<u8>,
    ) where
        R: 'r,
    {
        for row in rows {
            format.row(&self.names, &self.cells(row), out);
        }
    }

    /// A whole table (header and rows) in `format`, e.g. for tests.
    pub fn table<'r, F: Format>(&self, format: &F, rows: impl IntoIterator<Item = &'r R>) -> Vec<u8>
    where
        R: 'r,
    {
        let mut out = Vec::new();
        format.header(&self.names, &mut out);
        self.rows(format, rows, &mut out);
        format.end(&mut out);
        out
    }
}

/// An output format for rows of named cells: the one writer trait that CSV,
/// JSON and HTML implement.
pub trait Format {
    /// Writes the header (or the start of a table).
    fn header(&self, names: &[String], out: &mut Vec<u8>);
    /// Writes one row.
    fn row(&self, names: &[String], cells: &[Cell], out: &mut Vec<u8>);
    /// Writes what closes a table (nothing for CSV).
    fn end(&self, _out: &mut Vec<u8>) {}
}

/// RFC 4180 CSV with CRLF line ends; text cells neutralised for spreadsheets.
pub struct Csv;

impl Csv {
    fn record<'a>(fields: impl Iterator<Item = std::borrow::Cow<'a, str>>, out: &mut Vec<u8>) {
        let mut first = true;
        let mut count = 0;
        let mut only_empty = true;
        for field in fields {
            if !first {
                out.push(b',');
            }
            first = false;
            count += 1;
            only_empty &= field.is_empty();
            csv_field(&field, out);
        }
        // a record of one empty field is written `""`, as the csv crate does,
        // so that it is not read back as an empty line
        if count == 1 && only_empty {
            out.extend_from_slice(b"\"\"");
        }
        out.extend_from_slice(b"\r\n");
    }
}

/// One CSV field, quoted when it holds a comma, a quote, CR or LF.
fn csv_field(field: &str, out: &mut Vec<u8>) {
    let needs = field
        .bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'));
    if !needs {
        out.extend_from_slice(field.as_bytes());
        return;
    }
    out.push(b'"');
    for part in field.split_inclusive('"') {
        out.extend_from_slice(part.as_bytes());
        if part.ends_with('"') {
            out.push(b'"');
        }
    }
    out.push(b'"');
}

impl Format for Csv {
    fn header(&self, names: &[String], out: &mut Vec<u8>) {
        Csv::record(names.iter().map(|n| n.as_str().into()), out);
    }

    fn row(&self, names: &[String], cells: &[Cell], out: &mut Vec<u8>) {
        debug_assert_eq!(cells.len(), names.len(), "row width differs from header");
        Csv::record(cells.iter().map(Cell::render), out);
    }
}

/// JSON objects keyed by column name, compact, each row one object; a table
/// is a JSON array (`[` … `]`), numbers rounded as in the CSV files.
pub struct Json;

impl Json {
    /// One row as a JSON object.
    pub fn object(names: &[String], cells: &[Cell], out: &mut Vec<u8>) {
        out.push(b'{');
        for (i, (name, cell)) in names.iter().zip(cells).enumerate() {
            if i > 0 {
                out.push(b',');
            }
            json_string(name, out);
            out.push(b':');
            json_value(cell, out);
        }
        out.push(b'}');
    }
}

fn json_string(s: &str, out: &mut Vec<u8>) {
    // serde_json's escaping, so the bytes match its compact output exactly
    let _ = serde_json::to_writer(&mut *out, s);
}

fn json_value(cell: &Cell, out: &mut Vec<u8>) {
    // the digits of the CSV cell, so that a tie (-0.28125) rounds the same
    // way in both (`framescore merge` rebuilds CSV rows from these values)
    let rounded = |cell: &Cell| {
        cell.render()
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or(serde_json::Value::Null, serde_json::Value::Number)
    };
    let value = match cell {
        Cell::Text(s) => return json_string(s, out),
        Cell::Int(n) => {
            let _ = write!(out, "{n}");
            return;
        }
        Cell::Num(_) | Cell::Score(_) => rounded(cell),
        Cell::Empty => serde_json::Value::Null,
    };
    let _ = serde_json::to_writer(&mut *out, &value);
}

impl Format for Json {
    fn header(&self, _names: &[String], out: &mut Vec<u8>) {
        out.push(b'[');
    }

    fn row(&self, names: &[String], cells: &[Cell], out: &mut Vec<u8>) {
        if out.last() != Some(&b'[') {
            out.push(b',');
        }
        Json::object(names, cells, out);
    }

    fn end(&self, out: &mut Vec<u8>) {
        out.push(b']');
    }
}

/// An HTML table: a header row of names, then one row per record; cells
/// escaped, numbers right-aligned and carrying their value for sorting.
pub struct Html;

impl Format for Html {
    fn header(&self, names: &[String], out: &mut Vec<u8>) {
        out.extend_from_slice(b"<table class=rows><thead><tr>");
        for name in names {
            let _ = write!(out, "<th>{}</th>", escape(name));
        }
        out.extend_from_slice(b"</tr></thead><tbody>");
    }

    fn row(&self, _names: &[String], cells: &[Cell], out: &mut Vec<u8>) {
        out.extend_from_slice(b"<tr>");
        for cell in cells {
            html_cell(cell, out);
        }
        out.extend_from_slice(b"</tr>");
    }

    fn end(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"</tbody></table>");
    }
}

/// One `<td>`: text escaped, numbers as written in the CSV files.
pub fn html_cell(cell: &Cell, out: &mut Vec<u8>) {
    match cell {
        Cell::Text(s) => {
            let _ = write!(out, "<td>{}</td>", escape(s));
        }
        Cell::Empty => out.extend_from_slice(b"<td></td>"),
        number => {
            let _ = write!(out, "<td class=n>{}</td>", number.render());
        }
    }
}

/// A column-wise view of one row: `<tr><th>name</th><td>value</td></tr>` per
/// column, for the figures beside an article.
pub fn html_figures(names: &[String], cells: &[Cell], out: &mut Vec<u8>) {
    out.extend_from_slice(b"<table class=figures>");
    for (name, cell) in names.iter().zip(cells) {
        let _ = write!(out, "<tr><th>{}</th>", escape(name));
        html_cell(cell, out);
        out.extend_from_slice(b"</tr>");
    }
    out.extend_from_slice(b"</table>");
}

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['&', '<', '>', '"', '\'']) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_numbers_round_ties_like_the_csv_cells() {
        for (cell, csv, json) in [
            (Cell::Num(-0.28125), "-0.2812", "-0.2812"),
            (Cell::Num(0.5), "0.5000", "0.5"),
            (Cell::Score(12.25), "12.2", "12.2"),
            (Cell::Num(f64::NAN), "NaN", "null"),
        ] {
            assert_eq!(cell.render(), csv);
            let mut out = Vec::new();
            Json::object(&["v".to_string()], &[cell], &mut out);
            assert_eq!(String::from_utf8(out).unwrap(), format!("{{\"v\":{json}}}"));
        }
    }

    struct Row {
        name: &'static str,
        n: usize,
        x: f64,
    }

    fn schema() -> Schema<Row> {
        Schema::new()
            .text("name", |r: &Row| Cell::text(r.name))
            .count("n", |r| r.n)
            .figure("x", |r| r.x)
    }

    #[test]
    fn one_schema_renders_csv_json_and_html_in_the_same_order() {
        let rows = [
            Row {
                name: "a, \"b\"",
                n: 2,
                x: -0.5,
            },
            Row {
                name: "=1+1",
                n: 0,
                x: 0.25,
            },
        ];
        let s = schema();
        let cases: [(&str, Vec<u8>); 3] = [
            (
                "name,n,x\r\n\"a, \"\"b\"\"\",2,-0.5000\r\n'=1+1,0,0.2500\r\n",
                s.table(&Csv, &rows),
            ),
            (
                r#"[{"name":"a, \"b\"","n":2,"x":-0.5},{"name":"=1+1","n":0,"x":0.25}]"#,
                s.table(&Json, &rows),
            ),
            (
                "<table class=rows><thead><tr><th>name</th><th>n</th><th>x</th></tr></thead><tbody><tr><td>a, &quot;b&quot;</td><td class=n>2</td><td class=n>-0.5000</td></tr><tr><td>=1+1</td><td class=n>0</td><td class=n>0.2500</td></tr></tbody></table>",
                s.table(&Html, &rows),
            ),
        ];
        for (want, got) in cases {
            assert_eq!(String::from_utf8(got).expect("utf-8"), want);
        }
    }

    #[test]
    fn csv_field_quoting_matches_the_csv_crate() {
        let fields = [
            "",
            "plain",
            "a,b",
            "say \"hi\"",
            "line\nbreak",
            "cr\r",
            "\"",
            "é ü",
        ];
        for field in fields {
            let mut ours = Vec::new();
            Csv::record([field.into(), "x".into()].into_iter(), &mut ours);
            let mut theirs = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(Vec::new());
            theirs.write_record([field, "x"]).expect("record");
            assert_eq!(ours, theirs.into_inner().expect("flush"), "{field:?}");
        }
    }
}

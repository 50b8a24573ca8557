//! Importing other tools' lexicons into framescore TOML.
//!
//! Each reader turns one format into the same plain list of categories and
//! terms; one writer prints that list in canonical form (sorted, no
//! duplicates, the shape of the shipped files), and the result is built with
//! the lexicon loader before it is returned, so an import always passes
//! `lexicon check`. Lines that cannot be carried over are reported with their
//! line number, never fatal: a dictionary of 6,000 entries with one LIWC2007
//! conditional entry still imports the other 5,999.

use std::collections::{BTreeMap, HashMap};

use crate::lexicon::{self, Family, LexiconFile};
use crate::text::normalize::fold;

/// The formats `lexicon import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// VADER's `vader_lexicon.txt`: word, mean, sd, ratings (tab-separated).
    Vader,
    /// A LIWC `.dic` file: `%` category legend, then entries.
    Liwc,
    /// A quanteda YAML dictionary: nested keys are categories.
    Yaml,
    /// One term per line.
    Words,
}

impl Format {
    /// Every format with its command-line name.
    pub const ALL: [(Format, &'static str); 4] = [
        (Format::Vader, "vader"),
        (Format::Liwc, "liwc"),
        (Format::Yaml, "yaml"),
        (Format::Words, "words"),
    ];

    /// Parses a command-line name.
    pub fn parse(name: &str) -> Option<Format> {
        Self::ALL.iter().find(|(_, n)| *n == name).map(|(f, _)| *f)
    }

    /// The command-line name.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(f, _)| *f == self)
            .map_or("", |(_, n)| n)
    }
}

/// What the user chose on the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Word lists and VADER: the category ID; LIWC and YAML: import only this
    /// category (by its name in the file).
    pub category: Option<String>,
    /// Category polarity (word lists, LIWC, YAML).
    pub polarity: Option<f64>,
    /// The family of every category (default `sentiment` for VADER, else `loaded`).
    pub family: Option<String>,
}

/// A line that was not carried over.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    /// 1-based line in the input file.
    pub line: usize,
    /// What was wrong and what to do.
    pub reason: String,
    /// The line is well-formed but framescore has no equivalent (an emoticon,
    /// a LIWC2007 conditional entry); `false`: the line is malformed.
    pub unsupported: bool,
}

/// The result of an import.
#[derive(Debug)]
pub struct Imported {
    /// The framescore TOML, in canonical form.
    pub toml: String,
    /// Terms written, over all categories.
    pub terms: usize,
    /// Categories written.
    pub categories: usize,
    /// Lines not carried over.
    pub skipped: Vec<Skipped>,
    /// How the file was decoded (`utf-8` or `latin-1`).
    pub encoding: &'static str,
}

/// Why nothing could be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file does not have the format's structure at all.
    #[error("{path}:{line}: {message}")]
    Format {
        /// The input as named.
        path: String,
        /// 1-based line.
        line: usize,
        /// What is wrong and what to do.
        message: String,
    },
    /// A chosen option is not valid.
    #[error("{0}")]
    Option(String),
    /// Nothing was left to write.
    #[error("{path}: no term could be imported{why}")]
    Empty {
        /// The input as named.
        path: String,
        /// Why, when one reason covers it.
        why: String,
    },
    /// The writer made a file the loader refuses: a bug in framescore.
    #[error(
        "the imported lexicon does not pass `lexicon check` (a framescore bug, please report it):\n{0}"
    )]
    Invalid(String),
}

/// One term as read: its text, optional polarity, and the line it came from.
#[derive(Debug, Clone)]
struct Raw {
    text: String,
    polarity: Option<f64>,
    line: usize,
}

/// What a reader returns: terms by category name, and the lines it skipped.
#[derive(Default)]
struct Read {
    categories: BTreeMap<String, Vec<Raw>>,
    skipped: Vec<Skipped>,
}

impl Read {
    fn skip(&mut self, line: usize, reason: String, unsupported: bool) {
        self.skipped.push(Skipped {
            line,
            reason,
            unsupported,
        });
    }
}

/// Decodes bytes as UTF-8 (a BOM dropped), or as Latin-1 when they are not
/// UTF-8: LIWC dictionaries made on Windows often are.
pub fn decode(bytes: &[u8]) -> (String, &'static str) {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), "utf-8"),
        Err(_) => (bytes.iter().map(|&b| char::from(b)).collect(), "latin-1"),
    }
}

/// Imports `bytes` (the file named `path`) as `format`.
pub fn import(
    format: Format,
    bytes: &[u8],
    path: &str,
    options: &Options,
) -> Result<Imported, ImportError> {
    let (text, encoding) = decode(bytes);
    let family = options.family.clone().unwrap_or_else(|| match format {
        Format::Vader => "sentiment".into(),
        _ => "loaded".into(),
    });
    if Family::parse(&family).is_none() {
        let names: Vec<&str> = Family::ALL.iter().map(|(_, n)| *n).collect();
        return Err(ImportError::Option(format!(
            "unknown family `{family}` for --family; use one of {}",
            names.join(", ")
        )));
    }
    if let Some(p) = options.polarity
        && !(-1.0..=1.0).contains(&p)
    {
        return Err(ImportError::Option(format!(
            "--polarity `{p}` is out of range; use a number from -1 to 1"
        )));
    }
    let stem = std::path::Path::new(path)
        .file_stem()
        .map_or("imported".to_string(), |s| s.to_string_lossy().into_owned());
    let mut read = match format {
        Format::Vader => read_vader(&text, options.category.as_deref().unwrap_or("vader")),
        Format::Words => read_words(&text, options.category.as_deref().unwrap_or(&stem)),
        Format::Liwc => read_liwc(&text, path)?,
        Format::Yaml => read_yaml(&text, path)?,
    };
    if matches!(format, Format::Liwc | Format::Yaml)
        && let Some(only) = &options.category
    {
        let wanted = category_id(only);
        if !read.categories.keys().any(|k| category_id(k) == wanted) {
            let names: Vec<&str> = read.categories.keys().map(String::as_str).collect();
            return Err(ImportError::Option(format!(
                "{path} has no category `{only}`; its categories are {}",
                names.join(", ")
            )));
        }
        read.categories.retain(|k, _| category_id(k) == wanted);
    }
    let header = format!(
        "# Imported by `framescore lexicon import {}` from {}.\n# Check it with `framescore lexicon check`; see lexicons/README.md for the schema.\n",
        format.name(),
        std::path::Path::new(path)
            .file_name()
            .map_or(path.into(), |n| n.to_string_lossy())
    );
    let categories = canonical(read.categories, &mut read.skipped);
    let terms: usize = categories.values().map(Vec::len).sum();
    if terms == 0 {
        let why = match read.skipped.first() {
            Some(first) if read.skipped.len() == 1 => {
                format!(" (line {}: {})", first.line, first.reason)
            }
            Some(_) => format!("; {} line(s) were skipped", read.skipped.len()),
            None => "; the file holds no entries".into(),
        };
        return Err(ImportError::Empty {
            path: path.into(),
            why,
        });
    }
    let toml = write_toml(&header, &categories, &family, options.polarity, format);
    let file = LexiconFile {
        name: "imported.toml".into(),
        path: "imported.toml".into(),
        text: toml.clone(),
    };
    if let Err(err) = lexicon::build(&[file]) {
        return Err(ImportError::Invalid(err.to_string()));
    }
    read.skipped.sort_by_key(|s| s.line);
    Ok(Imported {
        toml,
        terms,
        categories: categories.len(),
        skipped: read.skipped,
        encoding,
    })
}

/// A category name as a framescore ID: lowercase ASCII letters, digits, `_`.
pub fn category_id(name: &str) -> String {
    let mut id = String::new();
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('_') && !id.is_empty() {
            id.push('_');
        }
    }
    let id = id.trim_end_matches('_').to_string();
    match id.chars().next() {
        None => "imported".into(),
        Some(c) if c.is_ascii_digit() => format!("c_{id}"),
        Some(_) => id,
    }
}

/// Why `text` cannot be a framescore term, if it cannot.
fn term_problem(text: &str) -> Option<String> {
    let bare = text.strip_suffix('*').unwrap_or(text);
    if text.is_empty() {
        return Some("empty term".into());
    }
    if !bare.chars().any(char::is_alphanumeric) {
        return Some(format!(
            "`{text}` has no letter or digit (an emoticon?); framescore matches words only"
        ));
    }
    if bare.contains('*') || bare.contains('?') {
        return Some(format!(
            "`{text}`: a wildcard may only end a term (`stem*`); add the forms it should match by hand"
        ));
    }
    if text.ends_with('*') && !bare.chars().next_back().is_some_and(char::is_alphanumeric) {
        return Some(format!("`{text}`: `*` must follow a letter"));
    }
    None
}

fn read_vader(text: &str, category: &str) -> Read {
    let mut read = Read::default();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 2 {
            let reason = "expected `word<TAB>mean<TAB>sd<TAB>ratings`; found no tab".into();
            read.skip(n, reason, false);
            continue;
        }
        let word = fields[0].trim();
        let Ok(mean) = fields[1].trim().parse::<f64>() else {
            let reason = format!(
                "the mean rating `{}` (second column) is not a number",
                fields[1].trim()
            );
            read.skip(n, reason, false);
            continue;
        };
        if !(-4.0..=4.0).contains(&mean) {
            let reason = format!("the mean rating `{mean}` is outside VADER's -4..4 scale");
            read.skip(n, reason, false);
            continue;
        }
        if let Some(problem) = term_problem(word) {
            read.skip(n, problem, true);
            continue;
        }
        let polarity = (mean / 4.0 * 10_000.0).round() / 10_000.0;
        read.categories
            .entry(category.to_string())
            .or_default()
            .push(Raw {
                text: word.to_string(),
                polarity: Some(polarity),
                line: n,
            });
    }
    read
}

fn read_words(text: &str, category: &str) -> Read {
    let mut read = Read::default();
    let list = read.categories.entry(category.to_string()).or_default();
    let mut skipped = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let term = line.trim();
        if term.is_empty() || term.starts_with('#') {
            continue;
        }
        if let Some(problem) = term_problem(term) {
            skipped.push((i + 1, problem));
            continue;
        }
        list.push(Raw {
            text: term.to_string(),
            polarity: None,
            line: i + 1,
        });
    }
    for (line, reason) in skipped {
        read.skip(line, reason, false);
    }
    read
}

fn read_liwc(text: &str, path: &str) -> Result<Read, ImportError> {
    let mut read = Read::default();
    let mut lines = text
        .lines()
        .enumerate()
        .skip_while(|(_, l)| l.trim().is_empty());
    let format_error = |line: usize, message: String| ImportError::Format {
        path: path.into(),
        line,
        message,
    };
    match lines.next() {
        Some((_, l)) if l.trim() == "%" => {}
        Some((i, _)) => {
            return Err(format_error(
                i + 1,
                "a LIWC .dic file starts with a `%` line, then the category legend (`1<TAB>name`), then `%`".into(),
            ));
        }
        None => return Err(format_error(1, "the file is empty".into())),
    }
    let mut legend: HashMap<String, String> = HashMap::new();
    let mut closed = false;
    for (i, line) in lines.by_ref() {
        let trimmed = line.trim();
        if trimmed == "%" {
            closed = true;
            break;
        }
        if trimmed.is_empty() {
            continue;
        }
        let mut parts = trimmed.split_whitespace();
        match (parts.next(), parts.next()) {
            (Some(number), Some(name)) if number.chars().all(|c| c.is_ascii_digit()) => {
                legend.insert(number.trim_start_matches('0').to_string(), name.to_string());
            }
            _ => {
                return Err(format_error(
                    i + 1,
                    format!("`{trimmed}` is not a legend line `NUMBER<TAB>category`"),
                ));
            }
        }
    }
    if !closed {
        return Err(format_error(
            text.lines().count(),
            "the category legend is never closed by a second `%` line".into(),
        ));
    }
    for (i, line) in lines {
        let n = i + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.contains('(') || trimmed.contains('/') || trimmed.contains('<') {
            let word = trimmed.split_whitespace().next().unwrap_or("");
            read.skip(
                n,
                format!(
                    "`{word}`: LIWC2007 conditional entries (`(02 134)125/464`) are not supported; add the phrases it stands for by hand"
                ),
                true,
            );
            continue;
        }
        let (term, numbers) = liwc_entry(trimmed);
        if numbers.is_empty() {
            read.skip(
                n,
                format!("`{trimmed}` has no category number after the term"),
                false,
            );
            continue;
        }
        if let Some(problem) = term_problem(&term) {
            read.skip(n, problem, true);
            continue;
        }
        for number in numbers {
            let key = number.trim_start_matches('0');
            let Some(name) = legend.get(key) else {
                read.skip(
                    n,
                    format!("category `{number}` of `{term}` is not in the legend"),
                    false,
                );
                continue;
            };
            read.categories.entry(name.clone()).or_default().push(Raw {
                text: term.clone(),
                polarity: None,
                line: n,
            });
        }
    }
    Ok(read)
}

/// A LIWC entry's term and category numbers: the term before the first tab
/// (LIWC-22, where a term may hold spaces), else the words before the
/// trailing all-digit ones.
fn liwc_entry(line: &str) -> (String, Vec<String>) {
    let is_number = |f: &&str| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit());
    if let Some((term, rest)) = line.split_once('\t') {
        return (
            term.trim().to_string(),
            rest.split_whitespace().map(str::to_string).collect(),
        );
    }
    let fields: Vec<&str> = line.split_whitespace().collect();
    let split = fields
        .iter()
        .rposition(|f| !is_number(f))
        .map_or(0, |p| p + 1);
    let term = fields[..split].join(" ");
    let numbers = fields[split..].iter().map(|s| (*s).to_string()).collect();
    (term, numbers)
}

fn read_yaml(text: &str, path: &str) -> Result<Read, ImportError> {
    use yaml_rust2::parser::{Event, Parser};

    enum Frame {
        Map(Option<String>),
        Seq,
    }
    let mut read = Read::default();
    let mut stack: Vec<Frame> = Vec::new();
    let mut skip_depth = 0usize;
    let mut parser = Parser::new_from_str(text);
    let category = |stack: &[Frame]| -> String {
        stack
            .iter()
            .filter_map(|f| match f {
                Frame::Map(Some(k)) => Some(k.as_str()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("_")
    };
    loop {
        let (event, mark) = parser.next_token().map_err(|err| ImportError::Format {
            path: path.into(),
            line: err.marker().line(),
            message: format!("not valid YAML: {}", err.info()),
        })?;
        let line = mark.line();
        if skip_depth > 0 {
            match event {
                Event::MappingStart(..) | Event::SequenceStart(..) => skip_depth += 1,
                Event::MappingEnd | Event::SequenceEnd => skip_depth -= 1,
                _ => {}
            }
            continue;
        }
        match event {
            Event::StreamEnd => break,
            Event::MappingStart(..) => match stack.last() {
                None | Some(Frame::Map(Some(_))) => stack.push(Frame::Map(None)),
                _ => {
                    read.skip(
                        line,
                        "a mapping inside a list of terms; a quanteda dictionary lists terms as strings".into(),
                        false,
                    );
                    skip_depth = 1;
                }
            },
            Event::SequenceStart(..) => match stack.last() {
                Some(Frame::Map(Some(_))) | Some(Frame::Seq) => stack.push(Frame::Seq),
                _ => {
                    return Err(ImportError::Format {
                        path: path.into(),
                        line,
                        message: "a quanteda dictionary maps category names to lists of terms; this list has no category key".into(),
                    });
                }
            },
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
                if let Some(Frame::Map(key)) = stack.last_mut() {
                    *key = None;
                }
            }
            Event::Scalar(value, ..) => match stack.last_mut() {
                Some(Frame::Map(key @ None)) => *key = Some(value),
                Some(Frame::Map(Some(_))) => {
                    let name = category(&stack);
                    yaml_term(&mut read, name, &value, line);
                    if let Some(Frame::Map(key)) = stack.last_mut() {
                        *key = None;
                    }
                }
                Some(Frame::Seq) => {
                    let name = category(&stack);
                    yaml_term(&mut read, name, &value, line);
                }
                None => {
                    return Err(ImportError::Format {
                        path: path.into(),
                        line,
                        message: "a quanteda dictionary is a mapping of category names (`economy:`) to lists of terms".into(),
                    });
                }
            },
            Event::Alias(_) => read.skip(line, "YAML aliases are not supported".into(), true),
            _ => {}
        }
    }
    Ok(read)
}

fn yaml_term(read: &mut Read, category: String, value: &str, line: usize) {
    let term = value.trim();
    if let Some(problem) = term_problem(term) {
        read.skip(line, problem, true);
        return;
    }
    read.categories.entry(category).or_default().push(Raw {
        text: term.to_string(),
        polarity: None,
        line,
    });
}

/// Categories by ID, each list sorted and free of duplicates; a term is kept
/// in the first category (by ID) that lists it, as the loader allows a term
/// once per family, and a word a wildcard of its category matches is dropped.
fn canonical(
    categories: BTreeMap<String, Vec<Raw>>,
    skipped: &mut Vec<Skipped>,
) -> BTreeMap<String, Vec<Raw>> {
    let mut by_id: BTreeMap<String, Vec<Raw>> = BTreeMap::new();
    for (name, terms) in categories {
        by_id.entry(category_id(&name)).or_default().extend(terms);
    }
    let mut owner: HashMap<(String, bool), String> = HashMap::new();
    for (id, terms) in &mut by_id {
        terms.sort_by_key(|t| t.line);
        let mut kept: Vec<Raw> = Vec::with_capacity(terms.len());
        for term in terms.drain(..) {
            let wildcard = term.text.ends_with('*');
            let key = (fold(term.text.trim_end_matches('*')), wildcard);
            if let Some(first) = owner.get(&key) {
                let reason = if first == id {
                    format!("`{}` is listed twice; kept once", term.text)
                } else {
                    format!(
                        "`{}` is also in category `{first}`; kept there only (a term is listed once per family; use --category to import one category)",
                        term.text
                    )
                };
                skipped.push(Skipped {
                    line: term.line,
                    reason,
                    unsupported: true,
                });
                continue;
            }
            owner.insert(key, id.clone());
            kept.push(term);
        }
        let stems: Vec<String> = kept
            .iter()
            .filter(|t| t.text.ends_with('*'))
            .map(|t| fold(t.text.trim_end_matches('*')))
            .collect();
        kept.retain(|t| {
            let folded = fold(&t.text);
            let shadow = if t.text.ends_with('*') {
                None
            } else {
                stems
                    .iter()
                    .find(|s| folded.starts_with(s.as_str()) && folded != **s)
            };
            match shadow {
                Some(stem) => {
                    skipped.push(Skipped {
                        line: t.line,
                        reason: format!(
                            "`{}` is already matched by `{stem}*` in its category; dropped",
                            t.text
                        ),
                        unsupported: true,
                    });
                    false
                }
                None => true,
            }
        });
        kept.sort_by(|a, b| {
            (a.text.to_lowercase(), &a.text).cmp(&(b.text.to_lowercase(), &b.text))
        });
        *terms = kept;
    }
    by_id.retain(|_, terms| !terms.is_empty());
    by_id
}

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn write_toml(
    header: &str,
    categories: &BTreeMap<String, Vec<Raw>>,
    family: &str,
    polarity: Option<f64>,
    format: Format,
) -> String {
    let mut out = String::from(header);
    for (id, terms) in categories {
        out.push_str(&format!("\n[category.{id}]\nfamily = {}\n", quoted(family)));
        if let Some(p) = polarity
            && format != Format::Vader
        {
            out.push_str(&format!("polarity = {p:?}\n"));
        }
        out.push_str("terms = [\n");
        for term in terms {
            match term.polarity {
                Some(p) => out.push_str(&format!(
                    "  {{ text = {}, polarity = {p:?} }},\n",
                    quoted(&term.text)
                )),
                None => out.push_str(&format!("  {},\n", quoted(&term.text))),
            }
        }
        out.push_str("]\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(format: Format, text: &[u8], options: &Options) -> Imported {
        import(format, text, "in.txt", options).expect("imports")
    }

    #[test]
    fn category_id_table() {
        let cases = [
            ("Negative Emotion", "negative_emotion"),
            ("negemo", "negemo"),
            ("2pers", "c_2pers"),
            ("Émotion", "motion"),
            ("--", "imported"),
        ];
        for (name, want) in cases {
            assert_eq!(category_id(name), want, "{name}");
        }
    }

    #[test]
    fn vader_mean_becomes_polarity_and_extra_columns_are_ignored() {
        let text = b"glad\t2.0\t0.6\t[2, 2, 3]\textra\tcolumns\n:-)\t1.5\t0.5\t[1, 2]\nsulky\t-1.6\t0.5\t[-2, -1]\nbroken line\nodd\tx\t0.1\n";
        let got = run(Format::Vader, text, &Options::default());
        assert!(
            got.toml.contains("{ text = \"glad\", polarity = 0.5 }"),
            "{}",
            got.toml
        );
        assert!(
            got.toml.contains("{ text = \"sulky\", polarity = -0.4 }"),
            "{}",
            got.toml
        );
        assert!(got.toml.contains("family = \"sentiment\""));
        let lines: Vec<(usize, bool)> = got
            .skipped
            .iter()
            .map(|s| (s.line, s.unsupported))
            .collect();
        assert_eq!(lines, [(2, true), (4, false), (5, false)]);
    }

    #[test]
    fn liwc_legend_wildcards_multiwords_conditionals_and_latin1() {
        let mut text = b"%\n1\tgrumpy\n2\tcheery\n%\ncross*\t1\nna\xefve\t2\nin a huff\t1\nlike\t02 134\t(02 134)125/464\nfine\t1 2\nmystery\t9\n".to_vec();
        text.extend_from_slice(b"fine\t2\n");
        let got = run(Format::Liwc, &text, &Options::default());
        assert_eq!(got.encoding, "latin-1");
        assert!(got.toml.contains("[category.grumpy]"), "{}", got.toml);
        assert!(got.toml.contains("\"cross*\""));
        assert!(got.toml.contains("\"in a huff\""));
        assert!(got.toml.contains("\"naïve\""), "{}", got.toml);
        let reasons: Vec<String> = got
            .skipped
            .iter()
            .map(|s| format!("{}: {}", s.line, s.reason))
            .collect();
        assert!(
            reasons
                .iter()
                .any(|r| r.starts_with("8: `like`: LIWC2007 conditional")),
            "{reasons:?}"
        );
        assert!(
            reasons.iter().any(|r| r.starts_with("10: category `9`")),
            "{reasons:?}"
        );
        assert!(
            reasons
                .iter()
                .any(|r| r.starts_with("9: `fine` is also in category `cheery`")),
            "{reasons:?}"
        );
    }

    #[test]
    fn yaml_nested_keys_become_categories() {
        let text = b"economy:\n  - tax*\n  - budget\npolitics:\n  domestic: [election, ballot box]\n  foreign:\n    - treaty\n    - '*war'\n";
        let got = run(Format::Yaml, text, &Options::default());
        for want in [
            "[category.economy]",
            "[category.politics_domestic]",
            "[category.politics_foreign]",
            "\"ballot box\"",
        ] {
            assert!(got.toml.contains(want), "{want}\n{}", got.toml);
        }
        assert_eq!(got.skipped.len(), 1);
        assert_eq!(got.skipped[0].line, 8);
    }

    #[test]
    fn word_list_takes_category_and_polarity() {
        let options = Options {
            category: Some("Slurs".into()),
            polarity: Some(-1.0),
            ..Options::default()
        };
        let got = run(
            Format::Words,
            b"# a comment\nzealot\nbully\n\nBully\n*\n",
            &options,
        );
        assert_eq!(
            got.toml.split_once("\n\n").map(|(_, body)| body),
            Some(
                "[category.slurs]\nfamily = \"loaded\"\npolarity = -1.0\nterms = [\n  \"bully\",\n  \"zealot\",\n]\n"
            )
        );
        assert_eq!(
            got.skipped.iter().map(|s| s.line).collect::<Vec<_>>(),
            [5, 6]
        );
    }

    #[test]
    fn bad_input_is_an_error_with_file_and_line() {
        let cases: &[(Format, &[u8], &str)] = &[
            (
                Format::Liwc,
                b"word\t1\n",
                "in.txt:1: a LIWC .dic file starts with a `%` line",
            ),
            (
                Format::Liwc,
                b"%\n1\tx\n",
                "in.txt:2: the category legend is never closed",
            ),
            (
                Format::Liwc,
                b"%\n1\tx\nword\t1\n",
                "in.txt:3: `word\t1` is not a legend line",
            ),
            (
                Format::Liwc,
                b"%\none two\n%\n",
                "in.txt:2: `one two` is not a legend line",
            ),
            (Format::Yaml, b"a: [x\n", "in.txt:2: not valid YAML"),
            (
                Format::Yaml,
                b"- x\n- y\n",
                "in.txt:1: a quanteda dictionary maps category names",
            ),
            (
                Format::Vader,
                b":)\t1.0\n",
                "in.txt: no term could be imported (line 1: `:)` has no letter",
            ),
            (
                Format::Words,
                b"",
                "in.txt: no term could be imported; the file holds no entries",
            ),
        ];
        for (format, text, want) in cases {
            let err = import(*format, text, "in.txt", &Options::default())
                .expect_err(want)
                .to_string();
            assert!(err.starts_with(want), "{format:?}: {err}");
        }
    }
}

//! `framescore merge`: shards scored apart (on a cluster, or in batches)
//! combined into the report set one run over all their inputs would write.
//!
//! The per-article tables are concatenated as written (their bytes do not
//! depend on the other articles), and everything that sums articles up
//! (`outlets.csv`, `outlet_actors.csv`, the summary of `report.html`) is
//! recomputed from the merged rows, never averaged from the shards'
//! averages. A shard is a report folder written by `framescore score` or the
//! JSON Lines of `framescore score --jsonl`. Everything is read and checked
//! before anything is written, and the result is committed like a run of
//! `score` ([`ReportSet`]), so a bad shard leaves `--out` untouched.
//!
//! What a shard can give back exactly: `--jsonl` carries the bits of every
//! figure the summaries average (its `exact` key), so merged JSONL shards
//! give the summaries of one run to the last digit; a report folder has only
//! the rounded cells of its CSV files, so its summaries are recomputed from
//! those (a mean can move in the 4th decimal). Article pages need the text,
//! which JSONL does not carry: they are copied from report folders only.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::cell::Cell;
use super::columns::{Csv, Format, Kind, Schema};
use super::groups::{ActorValues, UnknownColumn};
use super::html::{self, IndexRow};
use super::manifest::{Manifest, Notice, Shard};
use super::rows::{ArticleRow, Schemas};
use super::{Counts, FinishError, OpenError, ReportOptions, ReportSet, TABLES, write_page};

/// How to merge.
#[derive(Debug, Clone)]
pub struct MergeOptions {
    /// Folder for the merged reports.
    pub out: PathBuf,
    /// Write `report.html` and `articles/` (report folder shards only).
    pub html: bool,
    /// The `articles.csv` column that `outlets.csv` groups by.
    pub group_by: String,
}

/// Why shards could not be merged; nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// No shard was given.
    #[error("no shards given: name the report folders or --jsonl files to merge, in input order")]
    NoShards,
    /// A shard is missing, unreadable, corrupt or does not fit the others.
    #[error("{shard}: {message}")]
    Shard {
        /// The shard (and file and line where known).
        shard: String,
        /// What is wrong and what to do.
        message: String,
    },
    /// `--group-by` names no text column.
    #[error(transparent)]
    GroupBy(#[from] UnknownColumn),
    /// Writing the merged set failed; `--out` was not touched.
    #[error("cannot write {dir}: {error}")]
    Output {
        /// The output folder.
        dir: PathBuf,
        /// The error.
        error: io::Error,
    },
    /// The commit failed.
    #[error("{0}")]
    Commit(super::CommitError),
}

fn bad(shard: impl Into<String>, message: impl Into<String>) -> MergeError {
    MergeError::Shard {
        shard: shard.into(),
        message: message.into(),
    }
}

/// One article's values for the summaries.
#[derive(Debug, Clone, Default)]
struct ArticleValues {
    /// The raw text of every `articles.csv` column (for the group value).
    texts: Vec<String>,
    /// The numeric columns, in order.
    figures: Vec<Option<f64>>,
    actors: Vec<ActorValues>,
}

/// One article's entry in the HTML index and where its page is.
struct PageRef {
    index: IndexRow,
    page: PathBuf,
}

/// A shard read and checked.
struct Loaded {
    record: Shard,
    version: String,
    lexicon_digest: String,
    lexicon_files: Vec<(String, String)>,
    excel: bool,
    headers: Vec<Vec<String>>,
    tables: Vec<Vec<u8>>,
    rows: [usize; 5],
    articles: Vec<ArticleValues>,
    pages: Option<Vec<PageRef>>,
    inputs: Vec<String>,
    notices: [Vec<Notice>; 3],
}

/// Merges `shards` (in input order) into `options.out`; returns the counts.
pub fn merge(
    shards: &[PathBuf],
    options: &MergeOptions,
    base: &Schemas,
) -> Result<Counts, MergeError> {
    if shards.is_empty() {
        return Err(MergeError::NoShards);
    }
    let mut loaded = Vec::new();
    for path in shards {
        let shard = if path == Path::new("-") || path.is_file() {
            if options.html {
                return Err(bad(
                    path.display().to_string(),
                    "JSONL carries no article text, so no article pages can be made from it: pass --no-html",
                ));
            }
            read_jsonl(path, base)?
        } else {
            read_folder(path, base, options.html)?
        };
        loaded.push(shard);
    }
    check_alike(&loaded)?;
    let first = &loaded[0];
    let schemas = Arc::new(Schemas {
        articles: articles_schema(&first.headers[0], base),
        matches: copy_schema(&base.matches),
        sources: copy_schema(&base.sources),
        actors: copy_schema(&base.actors),
        stances: copy_schema(&base.stances),
        lexicon_digest: first.lexicon_digest.clone(),
    });
    let by = schemas
        .articles
        .columns()
        .iter()
        .position(|c| c.name == options.group_by && c.kind == Kind::Text);
    let report_options = ReportOptions {
        excel: first.excel,
        html: options.html,
        group_by: options.group_by.clone(),
    };
    let output = |error| MergeError::Output {
        dir: options.out.clone(),
        error,
    };
    let mut set =
        ReportSet::create(&options.out, schemas, &report_options).map_err(|e| match e {
            OpenError::GroupBy(e) => MergeError::GroupBy(e),
            OpenError::Io(e) => output(e),
        })?;
    let by = by.unwrap_or_default();
    for shard in &loaded {
        set.append_shard(shard, by).map_err(output)?;
    }
    let counts = set.counts();
    let manifest = manifest(&loaded, options, counts.clone());
    set.finish(manifest).map_err(|e| match e {
        FinishError::Write(e) => output(e),
        FinishError::Commit(e) => MergeError::Commit(e),
    })?;
    Ok(counts)
}

impl ReportSet {
    /// Appends a whole shard: its rows as written, its values to the tallies,
    /// its pages renumbered.
    fn append_shard(&mut self, shard: &Loaded, by: usize) -> io::Result<()> {
        for (sink, bytes) in self.tables.iter_mut().zip(&shard.tables) {
            sink.write_all(bytes)?;
        }
        self.counts.articles += shard.rows[0];
        self.counts.matches += shard.rows[1];
        self.counts.sources += shard.rows[2];
        self.counts.actors += shard.rows[3];
        self.counts.stances += shard.rows[4];
        for article in &shard.articles {
            let value = article.texts.get(by).map_or("", String::as_str);
            self.groups
                .add_values(value, &article.figures, &article.actors);
        }
        if let (Some(report), Some(pages)) = (&mut self.html, &shard.pages) {
            for page in pages {
                let name = report.add(&page.index)?;
                let bytes = std::fs::read(&page.page)?;
                let rel = format!("{}/{name}", html::PAGES_DIR);
                let digest = write_page(&self.staging.path().join(&rel), &bytes)?;
                self.pages.push((rel, digest));
            }
        }
        Ok(())
    }
}

/// The merged manifest: the first shard's lexicons, every shard's inputs
/// and notices, and the shards themselves.
fn manifest(loaded: &[Loaded], options: &MergeOptions, counts: Counts) -> Manifest {
    let first = &loaded[0];
    let mut notices: [Vec<Notice>; 3] = Default::default();
    for shard in loaded {
        for (all, these) in notices.iter_mut().zip(&shard.notices) {
            all.extend(these.iter().cloned());
        }
    }
    let [skipped, warnings, notes] = notices;
    Manifest {
        tool: "framescore".into(),
        version: first.version.clone(),
        run_id: String::new(),
        files: Default::default(),
        lexicon_digest: first.lexicon_digest.clone(),
        lexicon_files: first.lexicon_files.clone(),
        inputs: loaded.iter().flat_map(|s| s.inputs.clone()).collect(),
        options: serde_json::json!({
            "merge": true,
            "excel": first.excel,
            "html": options.html,
            "group_by": options.group_by,
        }),
        counts,
        duplicates: Default::default(),
        skipped,
        warnings,
        notes,
        elapsed_seconds: 0.0,
        shards: loaded.iter().map(|s| s.record.clone()).collect(),
    }
}

/// Refuses shards of other versions, lexicons, layouts or columns, naming
/// the shard that differs from the first.
fn check_alike(loaded: &[Loaded]) -> Result<(), MergeError> {
    let first = &loaded[0];
    for shard in &loaded[1..] {
        let name = &shard.record.path;
        let against = &first.record.path;
        if shard.version != first.version {
            return Err(bad(
                name,
                format!(
                    "scored by framescore {}, but {against} by {}: score every shard with the same version",
                    shard.version, first.version
                ),
            ));
        }
        if shard.lexicon_digest != first.lexicon_digest {
            return Err(bad(
                name,
                format!(
                    "scored with lexicons {}, but {against} with {}: score every shard with the same lexicons (--lexicons)",
                    short(&shard.lexicon_digest),
                    short(&first.lexicon_digest)
                ),
            ));
        }
        if shard.excel != first.excel {
            return Err(bad(
                name,
                format!("--excel differs from {against}: score every shard with the same options"),
            ));
        }
        for (t, (a, b)) in shard.headers.iter().zip(&first.headers).enumerate() {
            if a != b && shard.rows[0] > 0 && first.rows[0] > 0 {
                return Err(bad(
                    name,
                    format!(
                        "{} has columns {}, but {against} has {}: the shards must have the same columns (the same lexicons and input columns)",
                        TABLES[t],
                        a.join(","),
                        b.join(",")
                    ),
                ));
            }
        }
    }
    Ok(())
}

fn short(digest: &str) -> &str {
    &digest[..digest.len().min(12)]
}

/// The articles schema for a header: kinds from the base schema by name,
/// `loaded_<category>_per_1k` a figure, anything else (input columns) text.
fn articles_schema(names: &[String], base: &Schemas) -> Schema<ArticleRow> {
    let mut schema = Schema::new();
    for name in names {
        schema.push(name.clone(), article_kind(name, base), |_| Cell::Empty);
    }
    schema
}

fn article_kind(name: &str, base: &Schemas) -> Kind {
    if let Some(column) = base.articles.find(name) {
        return column.kind;
    }
    if name.starts_with("loaded_") && name.ends_with("_per_1k") {
        return Kind::Figure;
    }
    Kind::Text
}

fn copy_schema<R>(schema: &Schema<R>) -> Schema<R> {
    let mut copy = Schema::new();
    for column in schema.columns() {
        copy.push(column.name.clone(), column.kind, |_| Cell::Empty);
    }
    copy
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A CSV cell as written back to its text: the `'` that protects a
/// formula-looking cell taken off.
fn unneutralise(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => s,
    }
}

// ---- report folders ----

fn read_folder(dir: &Path, base: &Schemas, html: bool) -> Result<Loaded, MergeError> {
    let name = dir.display().to_string();
    if !dir.exists() {
        return Err(bad(
            &name,
            "no such file or folder: give report folders written by `framescore score` or files written by `framescore score --jsonl`",
        ));
    }
    let manifest_path = dir.join("manifest.json");
    let manifest_bytes = std::fs::read(&manifest_path).map_err(|e| {
        bad(
            &name,
            format!("not a report folder (cannot read manifest.json: {e}): give a folder written by `framescore score`"),
        )
    })?;
    let manifest: serde_json::Value = serde_json::from_slice(&manifest_bytes).map_err(|e| {
        bad(
            manifest_path.display().to_string(),
            format!("not valid JSON ({e}): score the shard again"),
        )
    })?;
    let text = |key: &str| manifest[key].as_str().unwrap_or_default().to_string();
    let mut headers = Vec::new();
    let mut tables = Vec::new();
    let mut records = Vec::new();
    let mut excel = false;
    for table in TABLES {
        let path = dir.join(table);
        let (header, bytes, rows, bom) = read_csv(&path)?;
        excel |= bom;
        headers.push(header);
        tables.push(bytes);
        records.push(rows);
    }
    let articles = folder_values(dir, &headers, &records, base)?;
    let rows = [0, 1, 2, 3, 4].map(|i| records[i].len());
    let pages = if html {
        Some(read_index(dir, rows[0])?)
    } else {
        None
    };
    let notices = ["skipped", "warnings", "notes"].map(|key| {
        manifest[key]
            .as_array()
            .map(|list| {
                list.iter()
                    .map(|n| Notice {
                        location: n["location"].as_str().unwrap_or_default().to_string(),
                        message: n["message"].as_str().unwrap_or_default().to_string(),
                    })
                    .collect()
            })
            .unwrap_or_default()
    });
    let lexicon_files = manifest["lexicon_files"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|pair| {
                    let at = |i: usize| pair[i].as_str().unwrap_or_default().to_string();
                    (at(0), at(1))
                })
                .collect()
        })
        .unwrap_or_default();
    let inputs = manifest["inputs"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    Ok(Loaded {
        record: Shard {
            path: name,
            kind: "report".into(),
            run_id: Some(text("run_id")),
            sha256: sha256(&manifest_bytes),
            articles: rows[0],
        },
        version: text("version"),
        lexicon_digest: text("lexicon_digest"),
        lexicon_files,
        excel,
        headers,
        tables,
        rows,
        articles,
        pages,
        inputs,
        notices,
    })
}

type CsvFile = (Vec<String>, Vec<u8>, Vec<csv::StringRecord>, bool);

/// A report CSV: its header, the bytes of its rows, the rows parsed (which
/// checks them), and whether it starts with a BOM.
fn read_csv(path: &Path) -> Result<CsvFile, MergeError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        bad(
            &name,
            format!("cannot read ({e}): the shard is incomplete; score it again"),
        )
    })?;
    let (bom, body) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (true, rest),
        None => (false, &bytes[..]),
    };
    let header_end = body
        .windows(2)
        .position(|w| w == b"\r\n")
        .map(|i| i + 2)
        .ok_or_else(|| bad(&name, "line 1: no header line: score the shard again"))?;
    // flexible: a row of the wrong width is reported here, with the line
    // it starts on (the crate's own error points at the row before)
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(body);
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| bad(&name, format!("line 1: {e}")))?
        .iter()
        .map(String::from)
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            bad(
                format!("{name} line {line}"),
                format!("corrupt CSV ({e}): score the shard again"),
            )
        })?;
        if record.len() != header.len() {
            // the crate counts the line a record starts on from 0 here
            let line = record.position().map_or(0, |p| p.line() + 1);
            return Err(bad(
                format!("{name} line {line}"),
                format!(
                    "corrupt CSV: {} fields where the header has {}: score the shard again",
                    record.len(),
                    header.len()
                ),
            ));
        }
        rows.push(record);
    }
    if !body.is_empty() && !body.ends_with(b"\r\n") {
        return Err(bad(
            format!("{name} line {}", rows.len() + 1),
            "the last row is cut short: score the shard again",
        ));
    }
    Ok((header, body[header_end..].to_vec(), rows, bom))
}

/// Each article's values, from `articles.csv` and `actors.csv` (an actor row
/// belongs to the next article of its id, in order).
fn folder_values(
    dir: &Path,
    headers: &[Vec<String>],
    records: &[Vec<csv::StringRecord>],
    base: &Schemas,
) -> Result<Vec<ArticleValues>, MergeError> {
    let kinds: Vec<bool> = headers[0]
        .iter()
        .map(|n| n != "article_id" && article_kind(n, base).numeric())
        .collect();
    let mut articles = Vec::new();
    for (line, record) in records[0].iter().enumerate() {
        let mut values = ArticleValues::default();
        for (i, cell) in record.iter().enumerate() {
            values.texts.push(unneutralise(cell).to_string());
            if kinds.get(i).copied().unwrap_or(false) {
                let x = if cell.is_empty() {
                    None
                } else {
                    Some(cell.parse::<f64>().map_err(|_| {
                        bad(
                            format!("{} line {}", dir.join("articles.csv").display(), line + 2),
                            format!(
                                "column {} holds {cell:?}, not a number: score the shard again",
                                headers[0][i]
                            ),
                        )
                    })?)
                };
                values.figures.push(x);
            }
        }
        articles.push(values);
    }
    let column = |name: &str| headers[3].iter().position(|n| n == name);
    let (Some(id), Some(actor), Some(label), Some(mentions), Some(voice), Some(auth), Some(quoted)) = (
        column("article_id"),
        column("actor"),
        column("label"),
        column("mentions"),
        column("voice"),
        column("authorial_sentiment"),
        column("quoted_sentiment"),
    ) else {
        return Err(bad(
            dir.join("actors.csv").display().to_string(),
            "not the columns of framescore's actors.csv: give a folder written by `framescore score`",
        ));
    };
    let mut at = 0;
    for (line, record) in records[3].iter().enumerate() {
        let where_ = || format!("{} line {}", dir.join("actors.csv").display(), line + 2);
        while at < articles.len()
            && articles[at].texts.first().map(String::as_str) != Some(unneutralise(&record[id]))
        {
            at += 1;
        }
        if at == articles.len() {
            return Err(bad(
                where_(),
                "names an article that articles.csv does not have in this order: score the shard again",
            ));
        }
        let number = |i: usize| {
            record[i].parse::<f64>().map_err(|_| {
                bad(
                    where_(),
                    format!("{:?} is not a number: score the shard again", &record[i]),
                )
            })
        };
        let count = |i: usize| {
            record[i].parse::<usize>().map_err(|_| {
                bad(
                    where_(),
                    format!("{:?} is not a count: score the shard again", &record[i]),
                )
            })
        };
        let values = ActorValues {
            id: unneutralise(&record[actor]).to_string(),
            label: unneutralise(&record[label]).to_string(),
            authorial: number(auth)?,
            quoted: number(quoted)?,
            mentions: count(mentions)?,
            voice: count(voice)?,
        };
        articles[at].actors.push(values);
    }
    Ok(articles)
}

/// The article rows of a shard's `report.html`, with their pages.
fn read_index(dir: &Path, articles: usize) -> Result<Vec<PageRef>, MergeError> {
    let path = dir.join("report.html");
    let name = path.display().to_string();
    let page = std::fs::read_to_string(&path).map_err(|e| {
        bad(
            &name,
            format!("cannot read ({e}); a shard scored with --no-html or given as JSONL has no pages: pass --no-html"),
        )
    })?;
    let start = page
        .find("<h2 id=articles>")
        .and_then(|at| page[at..].find("<tbody>\n").map(|i| at + i + 8))
        .ok_or_else(|| bad(&name, "no table of articles: score the shard again"))?;
    let mut refs = Vec::new();
    for (i, line) in page[start..].lines().enumerate() {
        if line.starts_with("</tbody>") {
            break;
        }
        let parsed = parse_index_line(line);
        let Some((page_name, id, cells)) = parsed else {
            return Err(bad(
                &name,
                format!(
                    "article row {} is not one framescore wrote: score the shard again",
                    i + 1
                ),
            ));
        };
        refs.push(PageRef {
            index: IndexRow::from_parts(id, cells.as_bytes().to_vec()),
            page: dir.join(html::PAGES_DIR).join(page_name),
        });
    }
    if refs.len() != articles {
        return Err(bad(
            &name,
            format!(
                "lists {} articles, articles.csv {articles}: the shard's files do not belong together; score it again",
                refs.len()
            ),
        ));
    }
    Ok(refs)
}

/// `<tr><td class=n>N</td><td><a href="articles/P">ID</a></td>CELLS</tr>`:
/// the page name, the id (unescaped) and the cells.
fn parse_index_line(line: &str) -> Option<(&str, String, &str)> {
    let rest = line.strip_prefix("<tr><td class=n>")?;
    let rest = &rest[rest.find("</td><td><a href=\"")? + 18..];
    let rest = rest.strip_prefix(html::PAGES_DIR)?.strip_prefix('/')?;
    let quote = rest.find("\">")?;
    let page = &rest[..quote];
    let rest = &rest[quote + 2..];
    let end = rest.find("</a></td>")?;
    let id = unescape(&rest[..end]);
    let cells = rest[end + 9..].strip_suffix("</tr>")?;
    Some((page, id, cells))
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

// ---- JSON Lines ----

fn read_jsonl(path: &Path, base: &Schemas) -> Result<Loaded, MergeError> {
    let name = path.display().to_string();
    let mut bytes = Vec::new();
    let read = if path == Path::new("-") {
        io::stdin().lock().read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes))
    };
    read.map_err(|e| bad(&name, format!("cannot read: {e}")))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        bad(
            &name,
            format!("not UTF-8 ({e}): give the output of `framescore score --jsonl`"),
        )
    })?;
    let mut shard = Loaded {
        record: Shard {
            path: name.clone(),
            kind: "jsonl".into(),
            run_id: None,
            sha256: sha256(&bytes),
            articles: 0,
        },
        version: String::new(),
        lexicon_digest: String::new(),
        lexicon_files: Vec::new(),
        excel: false,
        headers: vec![
            Vec::new(),
            base.matches.names().to_vec(),
            base.sources.names().to_vec(),
            base.actors.names().to_vec(),
            base.stances.names().to_vec(),
        ],
        tables: vec![Vec::new(); 5],
        rows: [0; 5],
        articles: Vec::new(),
        pages: None,
        inputs: vec![name.clone()],
        notices: Default::default(),
    };
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = || format!("{name} line {}", i + 1);
        let value: serde_json::Value = serde_json::from_str(line).map_err(|e| {
            bad(
                at(),
                format!("not JSON ({e}): give the output of `framescore score --jsonl`"),
            )
        })?;
        json_article(&mut shard, &value, base).map_err(|message| bad(at(), message))?;
    }
    shard.record.articles = shard.rows[0];
    Ok(shard)
}

const LISTS: [&str; 4] = ["matches", "sources", "actors", "stances"];

/// Adds one `--jsonl` line: its rows rendered as the CSV files have them,
/// its exact values to the tallies.
fn json_article(
    shard: &mut Loaded,
    value: &serde_json::Value,
    base: &Schemas,
) -> Result<(), String> {
    let not_ours = "not a line of `framescore score --jsonl`";
    let article = value["article"].as_object().ok_or(not_ours)?;
    let exact = value["exact"].as_object().ok_or(
        "no `exact` key: written by a framescore before merge existed; score the shard again with this version",
    )?;
    let field = |key: &str| {
        exact
            .get(key)
            .and_then(|v| v.as_str())
            .unwrap_or_default()
            .to_string()
    };
    let (version, digest) = (field("version"), field("lexicon_digest"));
    if shard.rows[0] == 0 {
        shard.version = version;
        shard.lexicon_digest = digest;
        shard.headers[0] = article.keys().cloned().collect();
    } else if version != shard.version || digest != shard.lexicon_digest {
        return Err(
            "scored by another framescore version or other lexicons than the shard's first line"
                .into(),
        );
    }
    let names: Vec<String> = article.keys().cloned().collect();
    if names != shard.headers[0] {
        return Err(format!(
            "its article has keys {}, the shard's first line {}: the lines must have the same columns",
            names.join(","),
            shard.headers[0].join(",")
        ));
    }
    let bits = exact
        .get("article")
        .and_then(|v| v.as_array())
        .ok_or(not_ours)?;
    let mut numbers = bits.iter().map(from_bits);
    let mut cells = Vec::new();
    let mut values = ArticleValues::default();
    for (name, v) in article {
        let kind = article_kind(name, base);
        let cell = if kind.numeric() && name != "article_id" && !v.is_string() {
            let x = numbers
                .next()
                .ok_or("fewer exact values than numeric columns")??;
            values.figures.push(x);
            values.texts.push(String::new());
            match (x, kind) {
                (None, _) => Cell::Empty,
                (Some(x), Kind::Count) => Cell::Int(x as usize),
                (Some(x), Kind::Score) => Cell::Score(x),
                (Some(x), _) => Cell::Num(x),
            }
        } else {
            let text = v.as_str().unwrap_or_default().to_string();
            values.texts.push(text.clone());
            if v.is_null() {
                Cell::Empty
            } else {
                Cell::Text(text)
            }
        };
        cells.push(cell);
    }
    Csv.row(&shard.headers[0], &cells, &mut shard.tables[0]);
    shard.rows[0] += 1;
    let kinds = [
        kinds_of(&base.matches),
        kinds_of(&base.sources),
        kinds_of(&base.actors),
        kinds_of(&base.stances),
    ];
    for (t, (list, kinds)) in LISTS.iter().zip(&kinds).enumerate() {
        let rows = value[*list].as_array().ok_or(not_ours)?;
        let header = shard.headers[t + 1].clone();
        for row in rows {
            let object = row.as_object().ok_or(not_ours)?;
            if !object.keys().eq(header.iter()) {
                return Err(format!(
                    "a `{list}` row has keys {}, framescore's {} has {}: score the shard again with this version",
                    object.keys().cloned().collect::<Vec<_>>().join(","),
                    TABLES[t + 1],
                    header.join(",")
                ));
            }
            let cells: Vec<Cell> = object
                .values()
                .zip(kinds.iter())
                .map(|(v, k)| json_cell(v, *k))
                .collect();
            Csv.row(&header, &cells, &mut shard.tables[t + 1]);
            shard.rows[t + 1] += 1;
        }
    }
    let actors = value["actors"].as_array().ok_or(not_ours)?;
    let pairs = exact
        .get("actors")
        .and_then(|v| v.as_array())
        .ok_or(not_ours)?;
    if pairs.len() != actors.len() {
        return Err("`exact.actors` and `actors` differ in length".into());
    }
    for (actor, pair) in actors.iter().zip(pairs) {
        let pair = pair.as_array().ok_or(not_ours)?;
        let sentiment = |i: usize| -> Result<f64, String> {
            Ok(pair
                .get(i)
                .map(from_bits)
                .transpose()?
                .flatten()
                .unwrap_or(f64::NAN))
        };
        let text = |key: &str| actor[key].as_str().unwrap_or_default().to_string();
        let count = |key: &str| actor[key].as_u64().unwrap_or_default() as usize;
        values.actors.push(ActorValues {
            id: text("actor"),
            label: text("label"),
            authorial: sentiment(0)?,
            quoted: sentiment(1)?,
            mentions: count("mentions"),
            voice: count("voice"),
        });
    }
    shard.articles.push(values);
    Ok(())
}

fn kinds_of<R>(schema: &Schema<R>) -> Vec<Kind> {
    schema.columns().iter().map(|c| c.kind).collect()
}

/// An exact value: the hex bits of an `f64`, or `null`.
fn from_bits(v: &serde_json::Value) -> Result<Option<f64>, String> {
    match v {
        serde_json::Value::Null => Ok(None),
        serde_json::Value::String(s) => u64::from_str_radix(s, 16)
            .map(|b| Some(f64::from_bits(b)))
            .map_err(|_| format!("exact value {s:?} is not the hex bits of a number")),
        _ => Err("an exact value is neither hex bits nor null".into()),
    }
}

/// A JSON cell back as the cell it was rendered from.
fn json_cell(v: &serde_json::Value, kind: Kind) -> Cell {
    match v {
        serde_json::Value::Null => Cell::Empty,
        serde_json::Value::String(s) => Cell::Text(s.clone()),
        serde_json::Value::Number(n) => match (kind, n.as_u64()) {
            (Kind::Count, Some(n)) => Cell::Int(n as usize),
            (Kind::Score, _) => Cell::Score(n.as_f64().unwrap_or(f64::NAN)),
            _ => Cell::Num(n.as_f64().unwrap_or(f64::NAN)),
        },
        other => Cell::Text(other.to_string()),
    }
}

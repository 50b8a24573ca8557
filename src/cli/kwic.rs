//! `framescore kwic`: every occurrence of what a lexicon maintainer looks for,
//! in context, across a batch — written as it is found, like grep.

use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::ValueEnum;
use framescore::analyze::Analysis;
use framescore::ingest::{Item, read_inputs};
use framescore::kwic::{KwicHit, Query, search};
use framescore::lexicon::Lexicon;
use framescore::pipeline::analyze_guarded;
use framescore::report::cell::neutralise;
use framescore::report::rows::actor_id;

use super::Exit;
use super::input::InputArgs;
use super::terminal::Out;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Csv,
    Json,
}

/// Show every occurrence of a word, phrase, pattern, category, actor or source in context.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  framescore kwic 'wolf warrior' seeds          any words, lexicon term or not (case ignored)\n  framescore kwic 'hegemon*' seeds              * continues a word\n  framescore kwic barbarians seeds              each hit names the lexicon entry behind it (barbarian*)\n  framescore kwic loaded:name_calling seeds     a category (family:category)\n  framescore kwic --regex '\\b[A-Z]{3,}\\b' seeds\n  framescore kwic --actor Beijing seeds         mentions of an actor and its people\n  framescore kwic --source Zakharova seeds      statements from a source\n\nExit codes: 0 hits found, 1 no hit (or some input skipped), 2 failure."
)]
pub struct Args {
    /// PATTERN then the inputs (files, folders, - for stdin); with --actor or --source, only inputs.
    /// PATTERN: words or a phrase (`*` continues a word), `family:category`, or with --regex a regular expression.
    #[arg(required = true, value_name = "PATTERN] [INPUT")]
    args: Vec<String>,
    /// Treat PATTERN as a category ID (`name_calling` or `loaded:name_calling`).
    #[arg(long, conflicts_with = "regex")]
    category: bool,
    /// Treat PATTERN as a regular expression over the text as written (`(?i)` ignores case).
    #[arg(long)]
    regex: bool,
    /// Mentions of this actor (id, label or any name) and of its people; no PATTERN.
    #[arg(long, value_name = "NAME", conflicts_with_all = ["category", "regex", "source"])]
    actor: Option<String>,
    /// Statements whose source, speaker or cited outlet contains NAME; no PATTERN.
    #[arg(long, value_name = "NAME", conflicts_with_all = ["category", "regex"])]
    source: Option<String>,
    /// Output format (json: one object per hit and line).
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Lexicon folder laid over the built-in lexicons (repeatable).
    #[arg(long = "lexicons", value_name = "DIR")]
    lexicons: Vec<PathBuf>,
    /// Characters of context on each side.
    #[arg(long, default_value_t = 50)]
    width: usize,
    #[command(flatten)]
    input: InputArgs,
}

impl Args {
    pub fn run(self) -> anyhow::Result<Exit> {
        let lexicon = Lexicon::load(&self.lexicons).context("cannot load lexicons")?;
        let (query, inputs) = self.query(&lexicon)?;
        let mut out = Out::new();
        let mut hits = 0usize;
        let mut failure: Option<std::io::Error> = None;
        let mut skipped = 0;
        if self.format == Format::Csv {
            out.write(&csv_line(&CSV_COLUMNS.map(String::from)))?;
        }
        read_inputs(&inputs, &self.input.options(), &mut |item| {
            let article = match item {
                Item::Article(a) => a,
                Item::Skip(s) => {
                    eprintln!("framescore: skipped: {}: {}", s.location, s.message);
                    skipped += 1;
                    return true;
                }
                Item::Warning(_) | Item::Note(_) => return true,
            };
            if !query.may_match(&article.text) {
                return true;
            }
            let a = match analyze_guarded(&article, &lexicon) {
                Ok(a) => a,
                Err(n) => {
                    eprintln!("framescore: skipped: {}: {}", n.location, n.message);
                    skipped += 1;
                    return true;
                }
            };
            search(&query, &a, &lexicon, &mut |hit| {
                let line = self.line(&a, &lexicon, &hit);
                if let Err(e) = out.write(&line) {
                    failure = Some(e);
                    return false;
                }
                hits += 1;
                true
            })
        });
        if let Some(e) = failure.or_else(|| out.flush().err()) {
            return Err(e.into());
        }
        eprintln!("framescore: {hits} hit(s)");
        if skipped > 0 {
            eprintln!("framescore: {skipped} input(s) skipped; see the messages above");
        }
        Ok(if hits > 0 && skipped == 0 {
            Exit::Success
        } else {
            Exit::Partial
        })
    }

    /// The query the arguments describe, and the inputs.
    fn query(&self, lexicon: &Lexicon) -> anyhow::Result<(Query, Vec<PathBuf>)> {
        let by_name = self.actor.is_some() || self.source.is_some();
        let (pattern, inputs) = match self.args.split_first() {
            Some((first, rest)) if !by_name => (Some(first.as_str()), rest),
            _ => (None, self.args.as_slice()),
        };
        if inputs.is_empty() {
            bail!("give the articles to search after the pattern: files, folders, or - for stdin");
        }
        let inputs = inputs.iter().map(PathBuf::from).collect();
        let query = if let Some(actor) = &self.actor {
            Query::actor(actor, lexicon)
        } else if let Some(source) = &self.source {
            Query::source(source)
        } else {
            let pattern = pattern.unwrap_or_default();
            if self.regex {
                Query::regex(pattern)
            } else if self.category {
                Query::category(pattern, lexicon)
            } else {
                Query::parse(pattern, lexicon)
            }
        };
        Ok((query?, inputs))
    }

    fn line(&self, a: &Analysis, lexicon: &Lexicon, hit: &KwicHit) -> String {
        let r = Record::new(a, lexicon, hit, self.width);
        match self.format {
            Format::Text => {
                let speaker = r.speaker.map(|s| format!(" ({s})")).unwrap_or_default();
                let target = r
                    .target
                    .as_ref()
                    .map(|t| format!(" → {t}"))
                    .unwrap_or_default();
                let entries = if r.entries.is_empty() {
                    if r.note.is_some() {
                        String::new()
                    } else {
                        "not a lexicon hit".to_string()
                    }
                } else {
                    r.entries.join("; ")
                };
                let note = r.note.map(|n| format!("\t{n}")).unwrap_or_default();
                format!(
                    "{}:{}\t{:>w$} [{}] {:<w$}\t{}{speaker}{target}\t{entries}{note}\n",
                    r.article_id,
                    r.sentence,
                    r.left,
                    r.matched.replace(['\n', '\r', '\t'], " "),
                    r.right,
                    r.voice,
                    w = self.width
                )
            }
            Format::Csv => csv_line(&[
                r.article_id.to_string(),
                r.sentence.to_string(),
                r.char_start.to_string(),
                r.char_end.to_string(),
                r.left,
                r.matched.to_string(),
                r.right,
                r.voice.to_string(),
                r.speaker.unwrap_or_default().to_string(),
                r.target.unwrap_or_default(),
                r.entries.join(";"),
                r.note.unwrap_or_default(),
            ]),
            Format::Json => {
                let value = serde_json::json!({
                    "article_id": r.article_id,
                    "sentence": r.sentence,
                    "char_start": r.char_start,
                    "char_end": r.char_end,
                    "left": r.left,
                    "match": r.matched,
                    "right": r.right,
                    "voice": r.voice,
                    "speaker": r.speaker,
                    "target": r.target,
                    "entries": r.entries,
                    "note": r.note,
                });
                format!("{value}\n")
            }
        }
    }
}

/// `kwic --format csv` columns.
const CSV_COLUMNS: [&str; 12] = [
    "article_id",
    "sentence",
    "char_start",
    "char_end",
    "left",
    "match",
    "right",
    "voice",
    "speaker",
    "target",
    "entries",
    "note",
];

/// One hit as shown: owned context, offsets in characters.
struct Record<'a> {
    article_id: &'a str,
    sentence: usize,
    char_start: usize,
    char_end: usize,
    left: String,
    matched: &'a str,
    right: String,
    voice: &'static str,
    speaker: Option<&'a str>,
    target: Option<String>,
    /// `family:category=entry` for each lexicon hit covering the match.
    entries: Vec<String>,
    note: Option<String>,
}

impl<'a> Record<'a> {
    fn new(a: &'a Analysis, lexicon: &Lexicon, hit: &KwicHit<'a>, width: usize) -> Record<'a> {
        let text = a.article.text.as_str();
        let flat = |s: String| s.replace(['\n', '\r', '\t'], " ");
        let left: String = {
            let before: Vec<char> = text[..hit.span.start].chars().rev().take(width).collect();
            before.into_iter().rev().collect()
        };
        let right: String = text[hit.span.end..].chars().take(width).collect();
        let entries = hit
            .terms
            .iter()
            .map(|t| {
                let term = &lexicon.terms[t.term];
                let cat = &lexicon.categories[term.category];
                format!("{}:{}={}", cat.family.name(), cat.id, term.text)
            })
            .collect();
        Record {
            article_id: &a.article.id,
            sentence: hit.sentence,
            char_start: a.chars.chars(hit.span.start),
            char_end: a.chars.chars(hit.span.end),
            left: flat(left),
            matched: &text[hit.span.clone()],
            right: flat(right),
            voice: match (hit.statement, hit.quoted) {
                (Some(_), _) => "source",
                (None, true) => "quoted",
                (None, false) => "authorial",
            },
            speaker: hit.speaker,
            target: hit.target.map(|t| actor_id(a, t, lexicon)),
            entries,
            note: hit.note.clone(),
        }
    }
}

/// One RFC 4180 line (CRLF), cells that look like formulas neutralised.
fn csv_line(cells: &[String]) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let cells: Vec<String> = cells.iter().map(|c| neutralise(c).into_owned()).collect();
    // writing into memory cannot fail
    let _ = writer.write_record(&cells);
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

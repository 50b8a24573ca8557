//! `framescore explain`: one article, read the way a fact-checker reads it.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::ValueEnum;
use framescore::explain::{self, Explanation, Word, is_vague};
use framescore::ingest::{InputFormat, Item, read_inputs};
use framescore::lexicon::Lexicon;
use framescore::pipeline::analyze_guarded;

use super::Exit;
use super::input::InputArgs;
use super::terminal::Out;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Show one article's sources, unsourced assertions, loaded words and actors.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  framescore explain seeds/001_1a46e1846f172996.txt\n  framescore explain corpus.jsonl --id a42 --format json\n  framescore explain corpus.csv --text-col body --id a42\n  pbpaste | framescore explain -                 a pasted article (stdin is plain text here)\n  framescore explain seeds/001_1a46e1846f172996.txt --html 001.html"
)]
pub struct Args {
    /// A file (.txt .md .jsonl .csv) or - for stdin (plain text unless --input-format says otherwise).
    input: PathBuf,
    /// The article id to explain when the input holds several (default: the first).
    #[arg(long)]
    id: Option<String>,
    /// Lexicon folder laid over the built-in lexicons (repeatable).
    #[arg(long = "lexicons", value_name = "DIR")]
    lexicons: Vec<PathBuf>,
    /// Output format on standard output.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Also write one self-contained HTML page for the article to FILE.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    #[command(flatten)]
    input_args: InputArgs,
}

impl Args {
    pub fn run(self) -> anyhow::Result<Exit> {
        let lexicon = Lexicon::load(&self.lexicons).context("cannot load lexicons")?;
        let mut options = self.input_args.options();
        if self.input.as_os_str() == "-" && options.format == InputFormat::Auto {
            // a pasted article, not a JSONL stream
            options.format = InputFormat::Text;
        }
        let mut found = None;
        let mut problems = Vec::new();
        read_inputs(
            std::slice::from_ref(&self.input),
            &options,
            &mut |item| match item {
                Item::Article(a) if self.id.as_ref().is_none_or(|id| *id == a.id) => {
                    found = Some(*a);
                    false
                }
                Item::Skip(s) => {
                    problems.push(format!("{}: {}", s.location, s.message));
                    true
                }
                _ => true,
            },
        );
        for p in &problems {
            eprintln!("framescore: skipped: {p}");
        }
        let Some(article) = found else {
            match &self.id {
                Some(id) => bail!(
                    "no article with id `{id}` in `{}`; check the id column (--id-col)",
                    self.input.display()
                ),
                None => bail!(
                    "no article could be read from `{}`; check the path, or give a .txt, .md, .jsonl or .csv file (--input-format, --text-col)",
                    self.input.display()
                ),
            }
        };
        let analysis = match analyze_guarded(&article, &lexicon) {
            Ok(analysis) => analysis,
            Err(n) => bail!("{}: {}", n.location, n.message),
        };
        let e = explain::explain(&analysis, &lexicon);
        if let Some(path) = &self.html {
            std::fs::write(path, explain::html::render(&e, &article.text))
                .with_context(|| format!("cannot write `{}`", path.display()))?;
        }
        let text = match self.format {
            Format::Text => render(&e),
            Format::Json => format!("{}\n", serde_json::to_string_pretty(&e)?),
        };
        let mut out = Out::new();
        out.write(&text)?;
        out.flush()?;
        Ok(Exit::Success)
    }
}

fn render(e: &Explanation) -> String {
    let mut out = String::new();
    let title = e.title.as_deref().unwrap_or("(untitled)");
    let f = &e.figures;
    let _ = writeln!(out, "{} — {title}", e.id);
    let _ = writeln!(
        out,
        "{} words, {} sentences; tone {:+.2}; sourcing {:.0}/100; reliability {:.0}/100; flags: {}",
        f.words,
        f.sentences,
        f.tone,
        f.sourcing_score,
        f.reliability,
        or_none(f.flags.join(", "))
    );
    let _ = writeln!(
        out,
        "article type: {}; reliability parts: {}",
        f.article_type,
        f.parts_line()
    );
    section(&mut out, "Who says what");
    let statements: Vec<String> = e
        .statements
        .iter()
        .map(|s| {
            let source = s.source.as_ref().map_or("(no source)", |x| x.text.as_str());
            let speaker = s
                .speaker
                .as_deref()
                .filter(|sp| *sp != source)
                .map(|sp| format!(" = {sp}"))
                .unwrap_or_default();
            let cited = if s.cited.is_empty() {
                String::new()
            } else {
                format!(" [cites {}]", s.cited.join(", "))
            };
            format!(
                "[{}] {source}{speaker} ({}, {}){cited} {}: {}",
                s.sentence,
                s.kind,
                if s.direct { "quote" } else { "reported" },
                s.cue.text,
                clip(&s.content.text, 110)
            )
        })
        .collect();
    lines(&mut out, statements);
    section(&mut out, "Vague or anonymous sources");
    lines(
        &mut out,
        e.statements
            .iter()
            .filter(|s| is_vague(s.kind))
            .map(|s| {
                let source = s.source.as_ref().map_or("", |x| x.text.as_str());
                format!("[{}] {source} ({})", s.sentence, s.kind)
            })
            .collect(),
    );
    section(
        &mut out,
        "Unsourced assertions (the writer's own declarative sentences with no attribution and no hedge)",
    );
    lines(
        &mut out,
        e.unsourced
            .iter()
            .map(|u| {
                let mut line = format!("[{}] {}", u.sentence, clip(&u.text.text, 160));
                for (what, words) in [("boosters", &u.boosters), ("loaded", &u.loaded)] {
                    if !words.is_empty() {
                        let _ = write!(line, "  ({what}: {})", words.join(", "));
                    }
                }
                line
            })
            .collect(),
    );
    section(
        &mut out,
        "Hedges (uncertainty; learned ones with the features that decided)",
    );
    lines(
        &mut out,
        e.hedges
            .iter()
            .map(|h| {
                let why = if h.features.is_empty() {
                    String::new()
                } else {
                    let top: Vec<String> = h
                        .features
                        .iter()
                        .map(|(f, w)| format!("{f} {w:+.2}"))
                        .collect();
                    format!(": {} …", top.join(", "))
                };
                format!(
                    "[{}] \"{}\" ({}, {}){why}",
                    h.sentence, h.span.text, h.category, h.voice
                )
            })
            .collect(),
    );
    section(&mut out, "Loaded words, each with its sentence");
    lines(&mut out, e.loaded.iter().map(loaded_line).collect());
    let scare: Vec<&str> = e.scare_quotes.iter().map(|q| q.text.as_str()).collect();
    let _ = writeln!(out, "  scare quotes: {}", or_none(scare.join(", ")));
    section(
        &mut out,
        "Actors (mentions, voice, sentiment: all / writer / quoted) and the words behind each score",
    );
    if e.actors.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for x in &e.actors {
        let _ = writeln!(
            out,
            "  {:<22} {:>3} mentions {:>2} voice   {:+.2} / {:+.2} / {:+.2}",
            x.id, x.mentions, x.voice, x.sentiment, x.authorial_sentiment, x.quoted_sentiment
        );
        for w in &x.words {
            let negated = if w.negated { ", negated" } else { "" };
            let _ = writeln!(
                out,
                "      {:+.2} \"{}\" ({}:{}, {}{negated}) [{}]",
                w.value, w.span.text, w.family, w.category, w.voice, w.sentence
            );
        }
        for v in &x.verdicts {
            let top: Vec<String> = v
                .features
                .iter()
                .map(|(f, w)| format!("{f} {w:+.2}"))
                .collect();
            let _ = writeln!(
                out,
                "      {:+.2} model on \"{}\" [{}]: {} …",
                v.value,
                v.mention.text,
                v.sentence,
                top.join(", ")
            );
        }
    }
    out
}

fn loaded_line(w: &Word) -> String {
    let target = w
        .target
        .as_deref()
        .map(|t| format!(" → {t}"))
        .unwrap_or_default();
    let speaker = w
        .speaker
        .as_deref()
        .map(|s| format!(" ({s})"))
        .unwrap_or_default();
    format!(
        "[{}] \"{}\" ({}, {}{speaker}{target}): {}",
        w.sentence,
        w.span.text,
        w.category,
        w.voice,
        clip(&w.sentence_text, 120)
    )
}

fn lines(out: &mut String, lines: Vec<String>) {
    if lines.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for line in lines {
        let _ = writeln!(out, "  {line}");
    }
}

fn or_none(s: String) -> String {
    if s.is_empty() { "none".into() } else { s }
}

fn section(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{title}");
}

fn clip(text: &str, max: usize) -> String {
    let flat = text.trim().replace(['\n', '\r'], " ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    format!("{cut}…")
}

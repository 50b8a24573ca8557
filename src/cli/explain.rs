//! `framescore explain`: one article, read the way a fact-checker reads it.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context, bail};
use framescore::analyze::{Analysis, SourceKind};
use framescore::ingest::{IngestOptions, Item, read_inputs};
use framescore::lexicon::{Family, Lexicon};
use framescore::pipeline::analyze_guarded;
use framescore::report::rows::actor_id;
use framescore::score;
use framescore::text::Slice;

use super::Exit;
use super::terminal::Out;

/// Show one article's sources, unsupported claims, loaded words and actors.
#[derive(clap::Args)]
#[command(
    after_help = "Example:\n  framescore explain seeds/001_1a46e1846f172996.txt\n  framescore explain corpus.jsonl --id a42"
)]
pub struct Args {
    /// A file (.txt .md .jsonl .csv) or - for stdin.
    input: PathBuf,
    /// The article id to explain when the input holds several (default: the first).
    #[arg(long)]
    id: Option<String>,
    /// Lexicon folder laid over the built-in lexicons (repeatable).
    #[arg(long = "lexicons", value_name = "DIR")]
    lexicons: Vec<PathBuf>,
}

impl Args {
    pub fn run(self) -> anyhow::Result<Exit> {
        let lexicon = Lexicon::load(&self.lexicons).context("cannot load lexicons")?;
        let mut found = None;
        let mut problems = Vec::new();
        read_inputs(
            std::slice::from_ref(&self.input),
            &IngestOptions::default(),
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
                    "no article with id `{id}` in `{}`; check the id column",
                    self.input.display()
                ),
                None => bail!(
                    "no article could be read from `{}`; check the path, or give a .txt, .md, .jsonl or .csv file",
                    self.input.display()
                ),
            }
        };
        let analysis = match analyze_guarded(&article, &lexicon) {
            Ok(analysis) => analysis,
            Err(n) => bail!("{}: {}", n.location, n.message),
        };
        let mut out = Out::new();
        out.write(&render(&analysis, &lexicon))?;
        out.flush()?;
        Ok(Exit::Success)
    }
}

fn render(a: &Analysis, lexicon: &Lexicon) -> String {
    let s = score::score(a, lexicon);
    let mut out = String::new();
    let title = a.title.as_deref().unwrap_or("(untitled)");
    let _ = writeln!(out, "{} — {title}", a.article.id);
    let _ = writeln!(
        out,
        "{} words, {} sentences; tone {:+.2}; sourcing {:.0}/100; reliability {:.0}/100; flags: {}",
        s.words,
        s.sentences,
        s.tone,
        s.sourcing_score,
        s.reliability,
        if s.flags.is_empty() {
            "none".into()
        } else {
            s.flags.join(", ")
        }
    );
    section(&mut out, "Who says what");
    for r in &a.attributions {
        let source = r
            .source
            .as_ref()
            .map_or("(no source)", |span| a.slice(span));
        let speaker = r
            .speaker
            .as_deref()
            .filter(|sp| *sp != source)
            .map(|sp| format!(" = {sp}"))
            .unwrap_or_default();
        let quote = if r.direct { "quote" } else { "reported" };
        let _ = writeln!(
            out,
            "  [{}] {source}{speaker} ({}, {quote}) {}: {}",
            r.sentence,
            r.kind.name(),
            a.slice(&r.cue),
            clip(a.slice(&r.content), 110)
        );
    }
    section(&mut out, "Vague or anonymous sources");
    for r in a
        .attributions
        .iter()
        .filter(|r| matches!(r.kind, SourceKind::Vague | SourceKind::Anonymous))
    {
        let source = r.source.as_ref().map_or("", |span| a.slice(span));
        let _ = writeln!(out, "  [{}] {source} ({})", r.sentence, r.kind.name());
    }
    section(&mut out, "Claims stated with certainty and no source");
    let attributed = score::attributed_sentences(a);
    for h in a
        .terms
        .iter()
        .filter(|h| h.family == Family::Booster && !h.quoted && !attributed[h.sentence])
    {
        let sentence = a.slice(&a.doc.sentences[h.sentence].span);
        let _ = writeln!(
            out,
            "  [{}] \"{}\": {}",
            h.sentence,
            a.article.text.slice(h.start..h.end),
            clip(sentence, 110)
        );
    }
    section(
        &mut out,
        "Hedges (uncertainty; learned ones with the features that decided)",
    );
    for h in a.terms.iter().filter(|h| h.family == Family::Hedge) {
        let cat = &lexicon.categories[lexicon.terms[h.term].category].id;
        let voice = if h.quoted { "quoted" } else { "writer" };
        let learned = a
            .learned_hedges
            .iter()
            .find(|l| l.span.start < h.end && h.start < l.span.end);
        let why = learned.map_or_else(String::new, |l| {
            let top: Vec<String> = l
                .evidence
                .iter()
                .take(EVIDENCE_SHOWN)
                .map(|(f, w)| format!("{f} {w:+.2}"))
                .collect();
            format!(": score {:+.2} = {} …", l.score, top.join(", "))
        });
        let _ = writeln!(
            out,
            "  [{}] \"{}\" ({cat}, {voice}){why}",
            h.sentence,
            a.article.text.slice(h.start..h.end)
        );
    }
    section(&mut out, "Loaded words (writer's own / quoted)");
    for quoted in [false, true] {
        let words: Vec<String> = a
            .terms
            .iter()
            .filter(|h| h.family == Family::Loaded && h.quoted == quoted)
            .map(|h| {
                let cat = &lexicon.categories[lexicon.terms[h.term].category].id;
                format!("{} ({cat})", a.article.text.slice(h.start..h.end))
            })
            .collect();
        let who = if quoted { "quoted" } else { "writer" };
        let _ = writeln!(
            out,
            "  {who}: {}",
            if words.is_empty() {
                "none".into()
            } else {
                words.join(", ")
            }
        );
    }
    let scare: Vec<&str> = a
        .quotes
        .iter()
        .filter(|q| q.scare)
        .map(|q| a.slice(&q.outer))
        .collect();
    let _ = writeln!(
        out,
        "  scare quotes: {}",
        if scare.is_empty() {
            "none".into()
        } else {
            scare.join(", ")
        }
    );
    section(
        &mut out,
        "Actors (mentions, voice, sentiment: all / writer / quoted)",
    );
    for x in score::actors(a, lexicon) {
        let _ = writeln!(
            out,
            "  {:<22} {:>3} mentions {:>2} voice   {:+.2} / {:+.2} / {:+.2}",
            actor_id(a, x.actor, lexicon),
            x.mentions,
            x.voice,
            x.sentiment,
            x.authorial_sentiment,
            x.quoted_sentiment
        );
    }
    section(
        &mut out,
        "Learned verdicts on mentions (target model; features that decided)",
    );
    for l in &a.learned_stances {
        let m = &a.mentions[l.mention];
        let top: Vec<String> = l
            .evidence
            .iter()
            .take(EVIDENCE_SHOWN)
            .map(|(f, w)| format!("{f} {w:+.2}"))
            .collect();
        let _ = writeln!(
            out,
            "  [{}] \"{}\" ({}) {:+.2}: {} …",
            m.sentence,
            a.slice(&m.span),
            actor_id(a, m.actor, lexicon),
            l.value,
            top.join(", ")
        );
    }
    out
}

/// Features shown for each learned hit.
const EVIDENCE_SHOWN: usize = 4;

fn section(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{title}");
}

fn clip(text: &str, max: usize) -> String {
    let flat = text.replace(['\n', '\r'], " ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    format!("{cut}…")
}

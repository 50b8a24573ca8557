//! `framescore eval`: measure the lexicons against gold annotations.

use std::io::Write as _;
use std::path::PathBuf;

use anyhow::Context;
use framescore::eval::measure::Counts;
use framescore::eval::{self, Options, Report, TargetScore};
use framescore::learn::gold;
use framescore::lexicon::Lexicon;

use super::Exit;

/// Compare what the lexicons find with gold annotations (JSONL).
#[derive(clap::Args)]
#[command(
    after_help = "Example:\n  framescore eval --gold semeval-dev.jsonl --lexicons my-lexicons\n  framescore eval --gold babe.jsonl --split dev --format json\n\nThe gold format is described in README.md (\"Gold annotations\")."
)]
pub struct Args {
    /// Gold annotations (JSONL).
    #[arg(long)]
    gold: PathBuf,
    /// Lexicon folder laid over the built-in lexicons (repeatable; same file name replaces).
    #[arg(long = "lexicons", value_name = "DIR")]
    lexicons: Vec<PathBuf>,
    /// Output: a table for reading, or csv / json for scripts.
    #[arg(long, default_value = "table", value_parser = ["table", "csv", "json"])]
    format: String,
    /// Evaluate only the records of this split (train, dev or test).
    #[arg(long, value_parser = ["train", "dev", "test"])]
    split: Option<String>,
    /// A target score within ±BAND is neutral.
    #[arg(long, value_name = "BAND", default_value_t = 0.05)]
    neutral_band: f64,
    /// The actor figure compared with target polarity.
    #[arg(long, default_value = "sentiment", value_parser = ["sentiment", "authorial_sentiment"])]
    target_score: String,
    /// With --format json: also list each record's figures, target scores and predicted spans.
    #[arg(long)]
    per_record: bool,
    /// Lexicon entries listed in the table (csv and json list all).
    #[arg(long, value_name = "N", default_value_t = 25)]
    entries: usize,
}

impl Args {
    /// Runs the evaluation and prints it.
    pub fn run(self) -> anyhow::Result<Exit> {
        let lexicon = Lexicon::load(&self.lexicons).context("cannot load lexicons")?;
        let mut records = gold::read_file(&self.gold)?;
        if let Some(split) = &self.split {
            records.retain(|r| r.split.as_deref().unwrap_or("train") == split);
        }
        eval::check_categories(&self.gold.display().to_string(), &records, &lexicon)?;
        if records.is_empty() {
            anyhow::bail!(
                "`{}` has no gold records{}; nothing to evaluate",
                self.gold.display(),
                self.split
                    .as_ref()
                    .map_or(String::new(), |s| format!(" in split `{s}`"))
            );
        }
        let options = Options {
            neutral_band: self.neutral_band,
            target_score: if self.target_score == "sentiment" {
                TargetScore::Sentiment
            } else {
                TargetScore::AuthorialSentiment
            },
            per_record: self.per_record,
        };
        let report = eval::evaluate(&records, &lexicon, &options);
        let text = match self.format.as_str() {
            "json" => serde_json::to_string_pretty(&report)? + "\n",
            "csv" => csv(&report)?,
            _ => table(&report, self.entries),
        };
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
        Ok(Exit::Success)
    }
}

fn prf(c: &Counts) -> [String; 3] {
    [c.precision(), c.recall(), c.f1()].map(|x| format!("{x:.3}"))
}

fn span_row(f: &eval::SpanFigures) -> Vec<String> {
    let mut row = vec![
        f.label.clone(),
        f.gold_label.clone(),
        f.overlap.gold.to_string(),
        f.overlap.predicted.to_string(),
    ];
    for c in [&f.overlap, &f.exact, &f.words] {
        row.extend(prf(c));
    }
    row
}

const SPAN_HEADER: [&str; 13] = [
    "label",
    "gold",
    "gold_spans",
    "predicted",
    "overlap_p",
    "overlap_r",
    "overlap_f1",
    "exact_p",
    "exact_r",
    "exact_f1",
    "word_p",
    "word_r",
    "word_f1",
];

fn aligned(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    let widths: Vec<usize> = (0..header.len())
        .map(|i| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([header[i].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: Vec<&str>| {
        let parts: Vec<String> = cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (c, w))| {
                if i == 0 {
                    format!("{c:<w$}")
                } else {
                    format!("{c:>w$}")
                }
            })
            .collect();
        parts.join("  ").trim_end().to_string() + "\n"
    };
    out.push_str(&line(header.to_vec()));
    for r in rows {
        out.push_str(&line(r.iter().map(String::as_str).collect()));
    }
}

fn table(report: &Report, entries: usize) -> String {
    let mut out = format!("{} gold records\n", report.records);
    if !report.spans.is_empty() {
        out.push_str(
            "\nspans (overlap: sharing a character; exact: same ends; word: words inside spans)\n",
        );
        let rows: Vec<Vec<String>> = report.spans.iter().map(span_row).collect();
        aligned(&mut out, &SPAN_HEADER, &rows);
    }
    if !report.entries.is_empty() {
        let shown = entries.min(report.entries.len());
        out.push_str(&format!(
            "\nlexicon entries, most hits outside gold first ({shown} of {})\n",
            report.entries.len()
        ));
        let rows: Vec<Vec<String>> = report.entries[..shown]
            .iter()
            .map(|e| {
                vec![
                    e.term.clone(),
                    e.label.clone(),
                    e.hits.to_string(),
                    e.inside.to_string(),
                    format!("{:.3}", e.precision),
                ]
            })
            .collect();
        aligned(
            &mut out,
            &["entry", "label", "hits", "inside_gold", "precision"],
            &rows,
        );
    }
    if let Some(t) = &report.targets {
        out.push_str(&format!(
            "\ntarget {} (neutral band ±{}): {} targets, {} without an actor row (counted neutral)\n",
            score_name(t.score),
            t.neutral_band,
            t.targets,
            t.missing
        ));
        let rows: Vec<Vec<String>> = (0..3)
            .map(|g| {
                let mut r = vec![format!("gold {}", t.classes[g])];
                r.extend(t.confusion[g].iter().map(|n| n.to_string()));
                r.push(format!("{:.3}", t.f1[g]));
                r
            })
            .collect();
        let header = ["", "pred negative", "pred neutral", "pred positive", "F1"];
        aligned(&mut out, &header, &rows);
        out.push_str(&format!(
            "macro-F1 {:.3}, accuracy {:.3}\n",
            t.macro_f1, t.accuracy
        ));
    }
    if !report.documents.is_empty() {
        out.push_str("\ndocument labels against the article figure\n");
        let rows: Vec<Vec<String>> = report
            .documents
            .iter()
            .map(|d| {
                vec![
                    d.label.clone(),
                    d.records.to_string(),
                    format!("{:.3}", d.pearson),
                    format!("{:.3}", d.spearman),
                ]
            })
            .collect();
        aligned(
            &mut out,
            &["label", "records", "pearson", "spearman"],
            &rows,
        );
    }
    out
}

fn score_name(s: TargetScore) -> &'static str {
    match s {
        TargetScore::Sentiment => "sentiment",
        TargetScore::AuthorialSentiment => "authorial_sentiment",
    }
}

/// The tables as CSV, one after the other, each with its header, a blank line between.
fn csv(report: &Report) -> anyhow::Result<String> {
    let mut sections: Vec<Vec<u8>> = Vec::new();
    let mut section = |header: &[&str], rows: Vec<Vec<String>>| -> anyhow::Result<()> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(header)?;
        for r in rows {
            w.write_record(&r)?;
        }
        sections.push(w.into_inner()?);
        Ok(())
    };
    let mut header = vec!["section"];
    header.extend(SPAN_HEADER);
    section(
        &header,
        report
            .spans
            .iter()
            .map(|f| [vec!["spans".to_string()], span_row(f)].concat())
            .collect(),
    )?;
    section(
        &[
            "section",
            "entry",
            "label",
            "hits",
            "inside_gold",
            "precision",
        ],
        report
            .entries
            .iter()
            .map(|e| {
                vec![
                    "entries".to_string(),
                    e.term.clone(),
                    e.label.clone(),
                    e.hits.to_string(),
                    e.inside.to_string(),
                    format!("{:.4}", e.precision),
                ]
            })
            .collect(),
    )?;
    if let Some(t) = &report.targets {
        section(
            &[
                "section",
                "gold",
                "pred_negative",
                "pred_neutral",
                "pred_positive",
                "f1",
            ],
            (0..3)
                .map(|g| {
                    let mut r = vec!["targets".to_string(), t.classes[g].to_string()];
                    r.extend(t.confusion[g].iter().map(|n| n.to_string()));
                    r.push(format!("{:.4}", t.f1[g]));
                    r
                })
                .chain([vec![
                    "targets".to_string(),
                    "macro".to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                    format!("{:.4}", t.macro_f1),
                ]])
                .collect(),
        )?;
    }
    if !report.documents.is_empty() {
        section(
            &["section", "label", "records", "pearson", "spearman"],
            report
                .documents
                .iter()
                .map(|d| {
                    vec![
                        "documents".to_string(),
                        d.label.clone(),
                        d.records.to_string(),
                        format!("{:.4}", d.pearson),
                        format!("{:.4}", d.spearman),
                    ]
                })
                .collect(),
        )?;
    }
    let parts: Vec<String> = sections
        .into_iter()
        .map(|s| String::from_utf8_lossy(&s).into_owned())
        .collect();
    Ok(parts.join("\n"))
}

//! Trains the cue tagger on gold JSONL and writes pruned models, until
//! `framescore train --task attribution` takes this over.
//!
//! cargo run --release --example train_attribution -- GOLD.jsonl OUT.tsv [KEEP [EPOCHS [NOTE]]]
//!
//! NOTE is added to the model's header (the dev score, say).

use std::process::ExitCode;

use framescore::analyze::attribution::tagger::{self, CueModel};
use framescore::ingest::Article;
use framescore::lexicon::Lexicon;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: train_attribution GOLD.jsonl OUT.tsv [KEEP [EPOCHS]]");
        return ExitCode::from(2);
    }
    let keep: usize = args.get(2).and_then(|k| k.parse().ok()).unwrap_or(0);
    let epochs: usize = args.get(3).and_then(|k| k.parse().ok()).unwrap_or(5);
    let text = match std::fs::read_to_string(&args[0]) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read `{}`: {e}", args[0]);
            return ExitCode::FAILURE;
        }
    };
    let gold = match tagger::read_gold(&text) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("error: {}: {e}", args[0]);
            return ExitCode::FAILURE;
        }
    };
    let lexicon = Lexicon::builtin().expect("built-in lexicons");
    let (mut examples, mut sources) = (Vec::new(), Vec::new());
    for doc in &gold {
        let article = Article::from_text(&doc.id, &doc.text);
        examples.extend(tagger::examples(&article, &doc.cues, &lexicon));
        sources.extend(tagger::examples(&article, &doc.sources, &lexicon));
    }
    let model: CueModel = tagger::train_pruned(&examples, epochs, keep)
        .with_source(tagger::train_pruned(&sources, epochs, keep));
    let header = format!(
        "cue tagger of framescore's attribution rules: feature<TAB>weight; a word is proposed as a cue above 0; `source:` weights say whether a word is part of a source\n\
         averaged perceptron, {epochs} epochs, the {keep} heaviest features refitted ({} weights), proper names masked\n\
         data: {} ({} articles, {} words)\n\
         remake: python3 benches/validity/gold_polnear.py DATA/polnear --split train --out train.jsonl\n\
         \x20       cargo run --release --example train_attribution -- train.jsonl lexicons/models/attribution.tsv {keep} {epochs}\n{}",
        model.len(),
        args[0],
        gold.len(),
        examples.len(),
        args.get(4).map_or("", String::as_str)
    );
    if let Err(e) = std::fs::write(&args[1], model.to_tsv(&header)) {
        eprintln!("error: cannot write `{}`: {e}", args[1]);
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

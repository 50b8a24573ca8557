//! Model files (`models/<task>.tsv`) among the lexicon files: parsed with the
//! task's labels and feature templates, so an unknown task, label or template
//! is refused with its line like any lexicon error, then attached to the
//! compiled lexicon. Learned hedges are reported as hits of one synthetic
//! category, `learned` (family `hedge`), so every report and count treats
//! them like lexicon hedges.

use super::{Category, CuePosition, Family, Lexicon, LexiconFile, Problem, Severity, Term};
use crate::learn::Model;
use crate::learn::task::task;

/// The category learned hedges are reported under.
pub const LEARNED_CATEGORY: &str = "learned";

/// Whether a lexicon file is a model file.
pub fn is_model(file: &LexiconFile) -> bool {
    file.name.starts_with(&format!("{}/", super::MODELS_DIR))
}

/// The models parsed from model files.
#[derive(Debug, Default)]
pub struct Loaded {
    hedges: Option<Model>,
    targets: Option<Model>,
    attribution: Option<crate::analyze::attribution::tagger::CueModel>,
}

/// Parses every model file; problems carry file and line.
pub fn load(files: &[&LexiconFile]) -> (Loaded, Vec<Problem>) {
    let mut loaded = Loaded::default();
    let mut problems = Vec::new();
    let problem = |path: &str, line: usize, message: String| Problem {
        path: path.to_string(),
        line: line.max(1),
        column: 1,
        severity: Severity::Error,
        message,
    };
    for file in files {
        let stem = file
            .name
            .trim_start_matches(&format!("{}/", super::MODELS_DIR))
            .trim_end_matches(".tsv");
        // the attribution tagger has its own file format (cue and `source:`
        // weights over the attribution rules' features) until it moves onto
        // the learn module's templates
        if stem == "attribution" {
            match crate::analyze::attribution::tagger::CueModel::parse(&file.text) {
                Ok(model) => loaded.attribution = Some(model),
                Err(e) => problems.push(problem(&file.path, e.line, e.message)),
            }
            continue;
        }
        let t = match task(stem) {
            Ok(t) => t,
            Err(e) => {
                problems.push(problem(
                    &file.path,
                    1,
                    format!("model file for task `{stem}` cannot be used: {e}"),
                ));
                continue;
            }
        };
        match Model::parse(&file.path, &file.text, t.labels(), t.templates()) {
            Ok(model) => match t.name() {
                "hedges" => loaded.hedges = Some(model),
                "targets" => loaded.targets = Some(model),
                other => problems.push(problem(
                    &file.path,
                    1,
                    format!("no analysis step applies a `{other}` model yet"),
                )),
            },
            Err(e) => problems.push(problem(&e.path, e.line, e.message)),
        }
    }
    (loaded, problems)
}

/// Attaches parsed models to a compiled lexicon.
pub fn attach(lexicon: &mut Lexicon, loaded: Loaded) {
    lexicon.models.targets = loaded.targets;
    lexicon.models.attribution = loaded.attribution;
    if let Some(model) = loaded.hedges {
        let category = lexicon.categories.len();
        lexicon.categories.push(Category {
            id: LEARNED_CATEGORY.to_string(),
            family: Family::Hedge,
            polarity: 0.0,
            weight: 1.0,
            factor: 1.0,
            loaded_cue: false,
            position: CuePosition::Verb,
            marker: super::MarkerPosition::Anywhere,
        });
        lexicon.models.hedge_term = Some(lexicon.terms.len() as u32);
        lexicon.terms.push(Term {
            text: format!("({LEARNED_CATEGORY})"),
            category,
            polarity: 0.0,
            weight: 1.0,
        });
        lexicon.models.hedges = Some(model);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped models load and are in canonical form: what the loader
    /// reads, the writer writes back byte for byte (sorted, four decimals).
    #[test]
    fn shipped_models_are_canonical() {
        let files: Vec<LexiconFile> = super::super::builtin_files()
            .into_iter()
            .filter(is_model)
            .collect();
        assert!(files.len() >= 2, "hedges and targets are built in");
        for file in &files {
            let stem = file
                .name
                .trim_start_matches("models/")
                .trim_end_matches(".tsv");
            let t = task(stem).expect("known task");
            let model = Model::parse(&file.path, &file.text, t.labels(), t.templates())
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                model.to_tsv(&[]),
                file.text,
                "{} is not canonical",
                file.name
            );
            assert!(
                model
                    .header_value("made by")
                    .is_some_and(|c| c.starts_with("framescore train"))
            );
        }
    }
}

//! Lexicons: where every judgement framescore makes is written down.
//!
//! Loading is split in two so that tests can work on literal TOML: files are
//! first gathered as `(name, path, text)` ([`LexiconFile`]), from the copies
//! compiled into the binary and from `--lexicons` folders (same name replaces,
//! new name extends); then [`build`] validates all of them in one pass,
//! collecting every problem with its location, and compiles the matcher once.

mod build;
pub mod dump;
mod matcher;
mod models;
pub mod schema;
mod shape;
mod words;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use crate::text::boilerplate::Boilerplate;

pub use build::build;
pub use matcher::{Hit, Matcher, NameRole, Target};
pub use schema::ScoringDoc as Scoring;
pub use words::{RuleWords, WordList};

/// The lexicon files shipped with framescore, compiled into the binary.
const BUILTIN: &[(&str, &str)] = &[
    ("actors.toml", include_str!("../../lexicons/actors.toml")),
    (
        "attribution.toml",
        include_str!("../../lexicons/attribution.toml"),
    ),
    (
        "boilerplate.toml",
        include_str!("../../lexicons/boilerplate.toml"),
    ),
    ("frames.toml", include_str!("../../lexicons/frames.toml")),
    ("genre.toml", include_str!("../../lexicons/genre.toml")),
    ("hedges.toml", include_str!("../../lexicons/hedges.toml")),
    ("loaded.toml", include_str!("../../lexicons/loaded.toml")),
    (
        "modifiers.toml",
        include_str!("../../lexicons/modifiers.toml"),
    ),
    ("rules.toml", include_str!("../../lexicons/rules.toml")),
    ("scoring.toml", include_str!("../../lexicons/scoring.toml")),
    (
        "sentiment.toml",
        include_str!("../../lexicons/sentiment.toml"),
    ),
    ("sources.toml", include_str!("../../lexicons/sources.toml")),
];

/// The models shipped with framescore (`lexicons/models/<task>.tsv`), compiled in.
const BUILTIN_MODELS: &[(&str, &str)] = &[
    (
        "models/hedges.tsv",
        include_str!("../../lexicons/models/hedges.tsv"),
    ),
    (
        "models/targets.tsv",
        include_str!("../../lexicons/models/targets.tsv"),
    ),
];

/// Folder of model files inside a lexicon folder.
pub const MODELS_DIR: &str = "models";

/// One lexicon file's text and where it came from.
#[derive(Debug, Clone)]
pub struct LexiconFile {
    /// File name, the key by which user files replace built-in ones.
    pub name: String,
    /// Where to point the user: a path, or `<built-in>/NAME`.
    pub path: String,
    /// The TOML text.
    pub text: String,
}

/// The built-in lexicon files.
pub fn builtin_files() -> Vec<LexiconFile> {
    BUILTIN
        .iter()
        .chain(BUILTIN_MODELS)
        .map(|(name, text)| LexiconFile {
            name: (*name).to_string(),
            path: format!("<built-in>/{name}"),
            text: (*text).to_string(),
        })
        .collect()
}

/// Reads every `*.toml` file of a folder, sorted by name.
pub fn read_dir(dir: &Path) -> Result<Vec<LexiconFile>, LexiconError> {
    let io_err = |error| LexiconError::Io {
        path: dir.to_path_buf(),
        error,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io_err)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    let models = dir.join(MODELS_DIR);
    if models.is_dir() {
        paths.extend(
            std::fs::read_dir(&models)
                .map_err(|error| LexiconError::Io {
                    path: models.clone(),
                    error,
                })?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|ext| ext == "tsv")),
        );
    }
    paths.sort();
    if paths.is_empty() {
        return Err(LexiconError::EmptyDir(dir.to_path_buf()));
    }
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).map_err(|error| LexiconError::Io {
                path: path.clone(),
                error,
            })?;
            let file_name = path.file_name().unwrap_or_default().to_string_lossy();
            let name = if path.extension().is_some_and(|ext| ext == "tsv") {
                format!("{MODELS_DIR}/{file_name}")
            } else {
                file_name.into()
            };
            Ok(LexiconFile {
                name,
                path: path.display().to_string(),
                text,
            })
        })
        .collect()
}

/// Lays `extra` over `base`: a file with the same name replaces, a new one extends.
pub fn overlay(mut base: Vec<LexiconFile>, extra: Vec<LexiconFile>) -> Vec<LexiconFile> {
    for file in extra {
        match base.iter_mut().find(|f| f.name == file.name) {
            Some(slot) => *slot = file,
            None => base.push(file),
        }
    }
    base.sort_by(|a, b| a.name.cmp(&b.name));
    base
}

/// The built-in files with each folder of `dirs` laid over them in turn.
pub fn gather(dirs: &[PathBuf]) -> Result<Vec<LexiconFile>, LexiconError> {
    let mut files = builtin_files();
    for dir in dirs {
        files = overlay(files, read_dir(dir)?);
    }
    Ok(files)
}

/// How serious a lexicon problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The lexicon is refused.
    Error,
    /// The lexicon works, but something is probably not what was meant.
    Warning,
}

/// One problem found in a lexicon file, with its location.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// File path as shown to the user.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {kind}: {}",
            self.path, self.line, self.column, self.message
        )
    }
}

/// Why a lexicon could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A file or folder could not be read.
    #[error("cannot read lexicon `{}`: {error}; check the --lexicons path and its permissions", path.display())]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The OS error (in the message, so not a `source`: printed once).
        error: std::io::Error,
    },
    /// A `--lexicons` folder holds no `.toml` file.
    #[error("lexicon folder `{}` holds no .toml file and no models/*.tsv; point --lexicons at a folder of lexicon files", .0.display())]
    EmptyDir(PathBuf),
    /// The files have errors.
    #[error("{} lexicon error(s):\n{}", .0.iter().filter(|p| p.severity == Severity::Error).count(), list(.0))]
    Invalid(Vec<Problem>),
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The kind of a term list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    /// Loaded language.
    Loaded,
    /// General evaluative words.
    Sentiment,
    /// Lower certainty: epistemic hedges ("may", "reportedly", "if").
    Hedge,
    /// Soften a figure or a generalisation ("often", "almost", "some").
    Approximator,
    /// Raise certainty.
    Booster,
    /// Flip polarity.
    Negator,
    /// Strengthen polarity.
    Intensifier,
    /// Weaken polarity.
    Downtoner,
    /// "but", "however".
    Contrast,
    /// Reporting cue.
    Cue,
    /// Unnamed source.
    VagueSource,
    /// Deliberately anonymous source.
    AnonymousSource,
    /// "so-called".
    SoCalled,
    /// A marker of opinion or commentary ("we must", an "Opinion" label).
    Opinion,
    /// A marker of analysis ("what this means", an "Analysis" label).
    Analysis,
}

impl Family {
    /// All families with their names in TOML and reports.
    pub const ALL: [(Family, &'static str); 15] = [
        (Family::Loaded, "loaded"),
        (Family::Sentiment, "sentiment"),
        (Family::Hedge, "hedge"),
        (Family::Approximator, "approximator"),
        (Family::Booster, "booster"),
        (Family::Negator, "negator"),
        (Family::Intensifier, "intensifier"),
        (Family::Downtoner, "downtoner"),
        (Family::Contrast, "contrast"),
        (Family::Cue, "cue"),
        (Family::VagueSource, "vague_source"),
        (Family::AnonymousSource, "anonymous_source"),
        (Family::SoCalled, "so_called"),
        (Family::Opinion, "opinion"),
        (Family::Analysis, "analysis"),
    ];

    /// The name used in TOML and in `matches.csv`.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(f, _)| *f == self)
            .map_or("", |(_, n)| n)
    }

    /// Parses a TOML family name.
    pub fn parse(name: &str) -> Option<Family> {
        Self::ALL.iter().find(|(_, n)| *n == name).map(|(f, _)| *f)
    }

    /// Whether hits of this family mark the article's type (see [`MarkerPosition`]).
    pub fn is_genre(self) -> bool {
        matches!(self, Family::Opinion | Family::Analysis)
    }

    /// Whether hits of this family carry polarity toward a target.
    pub fn is_polar(self) -> bool {
        matches!(self, Family::Loaded | Family::Sentiment | Family::SoCalled)
    }
}

/// Where a reporting cue stands relative to its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CuePosition {
    /// A verb: "Lavrov said", "said Lavrov".
    Verb,
    /// A phrase before the source: "according to TASS".
    BeforeSource,
    /// A verb that attributes only with an explicit subject: "polls show",
    /// "Clinton believes" (without one, "showed" or "believed" is no attribution).
    VerbWithSubject,
}

/// Where an article-type marker counts (`position` of an `opinion` or
/// `analysis` category).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerPosition {
    /// Anywhere in the writer's own words: "we must", "what this means".
    Anywhere,
    /// As a column label: a line of its own near the top ("Opinion"), or
    /// opening such a line before `:`, `|` or a dash ("Analysis: …").
    Heading,
    /// Right after an actor it addresses, in the writer's own words:
    /// "Tokyo must stop", "Japan, don't".
    AfterActor,
}

/// A compiled `[category.ID]`.
#[derive(Debug, Clone)]
pub struct Category {
    /// The ID after `category.`.
    pub id: String,
    /// Its kind.
    pub family: Family,
    /// Default polarity of its terms.
    pub polarity: f64,
    /// Default weight of its terms.
    pub weight: f64,
    /// Modifier factor.
    pub factor: f64,
    /// Whether a cue signals the writer's stance ("claimed").
    pub loaded_cue: bool,
    /// Cue position.
    pub position: CuePosition,
    /// Where an article-type marker counts.
    pub marker: MarkerPosition,
}

/// A compiled term of a category.
#[derive(Debug, Clone)]
pub struct Term {
    /// As written in the lexicon.
    pub text: String,
    /// Index into [`Lexicon::categories`].
    pub category: usize,
    /// Polarity in [-1, 1].
    pub polarity: f64,
    /// Weight >= 0.
    pub weight: f64,
}

/// A compiled `[actor.ID]`.
#[derive(Debug, Clone)]
pub struct Actor {
    /// The ID after `actor.`, used in `actors.csv`.
    pub id: String,
    /// Display name.
    pub label: String,
    /// country, person, …
    pub kind: String,
    /// Index of the actor this one belongs to.
    pub part_of: Option<usize>,
    /// Indexes of the actors a group mention also names.
    pub members: Vec<usize>,
}

/// A compiled `[source.ID]`.
#[derive(Debug, Clone)]
pub struct Source {
    /// The ID after `source.`.
    pub id: String,
    /// Display name.
    pub label: String,
    /// state_media, wire, …
    pub kind: String,
    /// ISO country code, if given.
    pub country: Option<String>,
}

/// What a boilerplate rule drops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoilerAction {
    /// The matching line.
    DropLine,
    /// The matching line and everything after it.
    DropRest,
}

/// How a boilerplate rule compares a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoilerHow {
    /// The whole line.
    Line,
    /// The line's start.
    Prefix,
    /// Anywhere in the line.
    Contains,
}

/// A compiled `[boilerplate.ID]`.
#[derive(Debug, Clone)]
pub struct BoilerRule {
    /// The ID after `boilerplate.`.
    pub id: String,
    /// What it drops.
    pub action: BoilerAction,
    /// How it compares.
    pub how: BoilerHow,
    /// Flag set when it fires.
    pub flag: Option<String>,
    /// Lines, normalised (lowercase, quotes and dashes unified).
    pub lines: Vec<String>,
}

/// Every lexicon, validated and compiled: immutable and shared by all workers.
#[derive(Debug)]
pub struct Lexicon {
    /// Term categories, in file then ID order.
    pub categories: Vec<Category>,
    /// Every term of every category.
    pub terms: Vec<Term>,
    /// Actors.
    pub actors: Vec<Actor>,
    /// Sources.
    pub sources: Vec<Source>,
    /// Boilerplate rules.
    pub boilerplate: Boilerplate,
    /// Score weights.
    pub scoring: Scoring,
    /// Word lists of the analysis rules.
    pub words: RuleWords,
    /// The one automaton over every name and term (article-type markers aside).
    pub matcher: Matcher,
    /// The automaton over the article-type markers (families `opinion`, `analysis`).
    pub genre_matcher: Matcher,
    /// SHA-256 over the file names and texts, for the manifest.
    pub digest: String,
    /// The files it was built from (name, path).
    pub files: Vec<(String, String)>,
    /// Warnings found while building.
    pub warnings: Vec<Problem>,
    /// Learned models (`models/<task>.tsv`).
    pub models: Models,
}

/// The learned models of a lexicon set, each optional.
#[derive(Debug, Default)]
pub struct Models {
    /// The hedge tagger (`models/hedges.tsv`).
    pub hedges: Option<crate::learn::Model>,
    /// The term that learned hedges are reported as (category `learned`).
    pub hedge_term: Option<u32>,
    /// The target-sentiment model (`models/targets.tsv`).
    pub targets: Option<crate::learn::Model>,
    /// The attribution cue and source tagger (`models/attribution.tsv`);
    /// `None` uses the built-in one.
    pub attribution: Option<crate::analyze::attribution::tagger::CueModel>,
}

/// The built-in lexicons, compiled on first use and shared by every caller.
static SHARED: LazyLock<Result<Lexicon, String>> =
    LazyLock::new(|| Lexicon::builtin().map_err(|e| e.to_string()));

impl Lexicon {
    /// The built-in lexicons, compiled afresh.
    pub fn builtin() -> Result<Lexicon, LexiconError> {
        build(&builtin_files())
    }

    /// The built-in lexicons, compiled once per process and shared (for tests,
    /// benches and library users who score many small texts).
    pub fn shared() -> Result<&'static Lexicon, &'static str> {
        SHARED.as_ref().map_err(String::as_str)
    }

    /// The built-in lexicons with `dirs` laid over them.
    pub fn load(dirs: &[PathBuf]) -> Result<Lexicon, LexiconError> {
        build(&gather(dirs)?)
    }

    /// Category IDs of a family, in order.
    pub fn categories_of(&self, family: Family) -> impl Iterator<Item = (usize, &Category)> {
        self.categories
            .iter()
            .enumerate()
            .filter(move |(_, c)| c.family == family)
    }

    /// Index of an actor by ID.
    pub fn actor_index(&self, id: &str) -> Option<usize> {
        self.actors.iter().position(|a| a.id == id)
    }
}

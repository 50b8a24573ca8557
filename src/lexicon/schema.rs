//! The TOML shape of a lexicon file, as serde sees it.
//!
//! Tables reject unknown keys so that a typo ("polarty") is an error with a
//! location, not a silently ignored setting; `shape` checks each table against
//! the same field lists first, so that every mistake of a file is reported at
//! once, and deserializes each table on its own. Term lists are kept as raw
//! `toml::Value`s with spans: a term may be a string or a table, and the checks
//! that serde cannot express (bad wildcard, duplicates, conflicting polarity)
//! need the location of every single entry.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// One lexicon file: the tables that passed the shape check.
#[derive(Debug, Default)]
pub struct FileDoc {
    /// Term lists matched in text.
    pub category: BTreeMap<String, Spanned<CategoryDoc>>,
    /// Actors and their names.
    pub actor: BTreeMap<String, Spanned<ActorDoc>>,
    /// Citable outlets, agencies and bodies.
    pub source: BTreeMap<String, Spanned<SourceDoc>>,
    /// Page-furniture rules.
    pub boilerplate: BTreeMap<String, Spanned<BoilerplateDoc>>,
    /// Score weights.
    pub scoring: Option<Spanned<ScoringDoc>>,
    /// Word lists the analysis rules consult.
    pub words: BTreeMap<String, Spanned<WordsDoc>>,
    /// The raw `[scoring]` values, range-checked even when a key is mistyped.
    pub scoring_values: BTreeMap<String, Spanned<toml::Value>>,
    /// File-level `exclude`: entries removed from every category, actor and source.
    pub exclude: RawList,
    /// Tables holding only `exclude` (and `note`): they amend a table of the
    /// same ID defined in another file instead of defining one.
    pub amendments: Vec<Amendment>,
}

/// `[category.ID]`, `[actor.ID]` or `[source.ID]` with only `exclude`.
#[derive(Debug)]
pub struct Amendment {
    /// `category`, `actor` or `source`.
    pub table: &'static str,
    /// The ID of the table it amends.
    pub id: String,
    /// Where the table is written.
    pub span: std::ops::Range<usize>,
    /// The entries it removes.
    pub exclude: RawList,
}

/// A raw list entry: a string or a table, with its location.
pub type RawList = Vec<Spanned<toml::Value>>;

/// `[category.ID]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryDoc {
    /// Lexicon kind, e.g. `loaded`.
    pub family: Spanned<String>,
    /// Polarity toward what the term is about.
    pub polarity: Option<Spanned<f64>>,
    /// How much one hit counts.
    pub weight: Option<Spanned<f64>>,
    /// Multiplier of modifiers.
    pub factor: Option<Spanned<f64>>,
    /// Cue stance: `neutral` or `loaded`.
    pub stance: Option<Spanned<String>>,
    /// Cue position: `verb`, `verb_with_subject` or `before_source`.
    pub position: Option<Spanned<String>>,
    /// Free text for maintainers.
    pub note: Option<String>,
    /// The terms.
    #[serde(default)]
    pub terms: RawList,
    /// Phrases in which the terms do not count.
    #[serde(default)]
    pub except: RawList,
    /// Entries removed from this category wherever it is defined.
    #[serde(default)]
    pub exclude: RawList,
}

/// `[actor.ID]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorDoc {
    /// Display name.
    pub label: String,
    /// country, government, organisation, alliance, person or group.
    pub kind: Option<Spanned<String>>,
    /// Names of the actor itself.
    #[serde(default)]
    pub aliases: RawList,
    /// Adjective forms.
    #[serde(default)]
    pub demonyms: RawList,
    /// People who speak for the actor.
    #[serde(default)]
    pub people: RawList,
    /// The actor a person or body belongs to.
    pub part_of: Option<Spanned<String>>,
    /// Actors a group mention also names.
    #[serde(default)]
    pub members: Vec<Spanned<String>>,
    /// Free text for maintainers.
    pub note: Option<String>,
    /// Names removed from this actor wherever it is defined.
    #[serde(default)]
    pub exclude: RawList,
}

/// `[source.ID]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDoc {
    /// Display name.
    pub label: String,
    /// state_media, wire, broadcaster, …
    pub kind: Spanned<String>,
    /// ISO country code.
    pub country: Option<String>,
    /// Names in text.
    #[serde(default)]
    pub aliases: RawList,
    /// Free text for maintainers.
    pub note: Option<String>,
    /// Names removed from this source wherever it is defined.
    #[serde(default)]
    pub exclude: RawList,
}

/// `[boilerplate.ID]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoilerplateDoc {
    /// `drop_line` or `drop_rest`.
    pub action: Spanned<String>,
    /// `line`, `prefix` or `contains`.
    pub how: Spanned<String>,
    /// Article flag set when the rule fires.
    pub flag: Option<String>,
    /// The lines to compare with.
    #[serde(default)]
    pub lines: RawList,
    /// Free text for maintainers.
    pub note: Option<String>,
}

/// `[words.ID]`: one word list of the rules.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordsDoc {
    /// Free text for maintainers.
    pub note: Option<String>,
    /// Lower-case single words; `stem*` matches any word that starts with `stem`.
    #[serde(default)]
    pub terms: RawList,
    /// Words removed from this list, whichever file adds them.
    #[serde(default)]
    pub exclude: RawList,
}

/// `[scoring]`: every weight has a default, so a partial table is fine.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ScoringDoc {
    /// Damping constant of `tone`: larger values pull short texts toward 0.
    pub tone_damping: f64,
    /// Polarity multiplier of a negated expression (VADER uses -0.74).
    pub negation_factor: f64,
    /// Words before a polar term searched for negators and intensifiers.
    pub modifier_window: usize,
    /// Weight of polar terms before a contrast word in the same sentence.
    pub before_contrast: f64,
    /// Hits per actor that move sentiment halfway to ±1.
    pub actor_damping: f64,
    /// Added to `actor_damping` for each mention of the actor that carries
    /// no polar word about it.
    pub actor_mention_damping: f64,
    /// Power of the agreement |P − N| / (P + N) that an actor's balance is
    /// multiplied by: mixed evidence pulls it toward 0 (0 turns this off).
    pub actor_agreement: f64,
    /// What a negated negative word counts of its polarity ("not a dictator").
    pub negated_negative: f64,
    /// Weight of the learned target-sentiment verdict on one mention
    /// (`models/targets.tsv`), counted like a polar hit in `sentiment`.
    pub learned_target_weight: f64,
    /// Weight of the learned verdict on a mention in the writer's own voice
    /// (not inside a quotation or an attributed statement's content) in
    /// `authorial_sentiment`.
    pub learned_authorial_weight: f64,
    /// Sourcing score: points for the attributed share of sentences.
    pub sourcing_attributed: f64,
    /// Sourcing score: points for named (person or organisation) sources.
    pub sourcing_named: f64,
    /// Sourcing score: points for source diversity (distinct named sources).
    pub sourcing_diversity: f64,
    /// Sourcing score: points for direct quotes.
    pub sourcing_quotes: f64,
    /// Sourcing score: penalty per vague or anonymous source share.
    pub sourcing_vague_penalty: f64,
    /// Sourcing score: penalty for unsupported boosters per 1,000 words.
    pub sourcing_unsupported_penalty: f64,
    /// Reliability: weight of the sourcing score.
    pub reliability_sourcing: f64,
    /// Reliability: weight of restraint in loaded language.
    pub reliability_restraint: f64,
    /// Reliability: weight of calibrated certainty (few boosters without a source).
    pub reliability_calibration: f64,
    /// Reliability: weight of balance toward the actors.
    pub reliability_balance: f64,
    /// Reliability: weight of transparency (byline, date, named sources).
    pub reliability_transparency: f64,
    /// Balance: the largest authorial sentiment toward an actor (in
    /// absolute value) at which the article counts as wholly one-sided.
    pub balance_ceiling: f64,
    /// Balance: the share of one-sidedness forgiven when every actor the
    /// writer criticises is given a voice.
    pub balance_voice_credit: f64,
    /// Transparency: weight of a byline.
    pub transparency_byline: f64,
    /// Transparency: weight of a date or dateline.
    pub transparency_dateline: f64,
    /// Transparency: weight of the share of statements with a named or
    /// organisation source.
    pub transparency_named: f64,
    /// `state-media-only`: the share of attributed statements resting on
    /// state media at which the flag is set.
    pub state_media_share: f64,
    /// Article type: opinion points at which an article is opinion.
    pub opinion_threshold: f64,
    /// Article type: analysis points at which an article is analysis.
    pub analysis_threshold: f64,
    /// Article type: opinion points of a disclaimer line ("the views
    /// expressed are the author's own").
    pub opinion_disclaimer_points: f64,
    /// Article type: authorial evaluation per 1,000 words worth one opinion point.
    pub opinion_evaluation_per_1k: f64,
    /// Article type: the writer's share of all evaluation below which it
    /// earns no opinion points (the evaluation is mostly quoted).
    pub opinion_authorial_share: f64,
    /// Article type: loaded terms in the writer's voice per 1,000 words
    /// worth one opinion point.
    pub opinion_loaded_per_1k: f64,
    /// Loaded terms per 1,000 authorial words at which restraint reaches 0.
    pub loaded_ceiling_per_1k: f64,
    /// Unsupported boosters per 1,000 words at which certainty reaches 0.
    pub booster_ceiling_per_1k: f64,
}

impl Default for ScoringDoc {
    fn default() -> Self {
        Self {
            tone_damping: 1.5,
            negation_factor: -0.74,
            modifier_window: 3,
            before_contrast: 0.5,
            actor_damping: 3.0,
            actor_mention_damping: 0.5,
            actor_agreement: 1.0,
            negated_negative: 0.0,
            learned_target_weight: 1.0,
            learned_authorial_weight: 0.0,
            sourcing_attributed: 40.0,
            sourcing_named: 25.0,
            sourcing_diversity: 15.0,
            sourcing_quotes: 20.0,
            sourcing_vague_penalty: 20.0,
            sourcing_unsupported_penalty: 20.0,
            reliability_sourcing: 0.35,
            reliability_restraint: 0.2,
            reliability_calibration: 0.15,
            reliability_balance: 0.15,
            reliability_transparency: 0.15,
            balance_ceiling: 0.5,
            balance_voice_credit: 0.5,
            transparency_byline: 0.25,
            transparency_dateline: 0.25,
            transparency_named: 0.5,
            state_media_share: 0.5,
            opinion_threshold: 3.0,
            analysis_threshold: 2.0,
            opinion_disclaimer_points: 3.0,
            opinion_evaluation_per_1k: 20.0,
            opinion_authorial_share: 0.5,
            opinion_loaded_per_1k: 5.0,
            loaded_ceiling_per_1k: 30.0,
            booster_ceiling_per_1k: 10.0,
        }
    }
}

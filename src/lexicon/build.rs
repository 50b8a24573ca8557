//! Validation and compilation of lexicon files, in one pass that reports every
//! problem with its file, line and column.
//!
//! serde catches the shape (unknown keys, wrong types); this module catches
//! what serde cannot: bad wildcards, empty terms, a term listed twice or with
//! conflicting polarity, a name claimed by two actors, dangling references,
//! lists out of canonical order. Errors refuse the lexicon; warnings do not.
//! Every file is read (and its `exclude` lists gathered) before any is built,
//! so an `exclude` in one file removes entries that another file defines.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;

use sha2::{Digest, Sha256};
use toml::{Spanned, Value};

use super::matcher::{Entry, Matcher, NameRole, Target};
use super::schema::{FileDoc, RawList};
use super::{
    Actor, BoilerAction, BoilerHow, BoilerRule, Category, CuePosition, Family, Lexicon,
    LexiconError, LexiconFile, MarkerPosition, Problem, RuleWords, Scoring, Severity, Source, Term,
};
use crate::learn::model::Fnv;
use crate::text::boilerplate::Boilerplate;
use crate::text::normalize::{fold, fold_keep_case};

/// The builder's look-up tables: keys are the lexicon's own short strings, so
/// FNV (a few instructions a byte) replaces SipHash, which guards against
/// hostile keys and cost about a tenth of start-up.
type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Validates and compiles lexicon files; every problem is reported at once.
pub fn build(files: &[LexiconFile]) -> Result<Lexicon, LexiconError> {
    let mut builder = Builder::default();
    let (models, lexicons): (Vec<&LexiconFile>, Vec<&LexiconFile>) =
        files.iter().partition(|f| super::models::is_model(f));
    let docs: Vec<(Ctx, FileDoc)> = lexicons
        .into_iter()
        .map(|file| {
            let ctx = Ctx::new(file);
            let shaped = super::shape::read(&file.text);
            for (span, message) in &shaped.problems {
                builder.error(&ctx, span, message.clone());
            }
            (ctx, shaped.doc)
        })
        .collect();
    for (ctx, doc) in &docs {
        builder.gather_excludes(ctx, doc);
    }
    for (ctx, doc) in docs {
        builder.file(&ctx, doc);
    }
    let (loaded, problems) = super::models::load(&models);
    builder.problems.extend(problems);
    let mut lexicon = builder.finish(files)?;
    super::models::attach(&mut lexicon, loaded);
    Ok(lexicon)
}

/// A term as written: text plus optional overrides.
struct TermSpec {
    text: String,
    pattern: String,
    wildcard: bool,
    exact: Option<String>,
    polarity: Option<f64>,
    weight: Option<f64>,
    surname: Option<String>,
    span: Range<usize>,
}

impl TermSpec {
    fn key(&self) -> (String, Option<String>, bool) {
        (self.pattern.clone(), self.exact.clone(), self.wildcard)
    }
}

/// Where something was defined, for "also at" messages.
#[derive(Clone)]
struct Place {
    path: String,
    line: usize,
}

/// A term's identity within a family: folded pattern, exact case, wildcard.
type TermKey = (Family, String, Option<String>, bool);

/// What an `exclude` entry removes: the table it names (`None`: every
/// category, actor and source), the folded pattern, and whether it is a wildcard.
type ExcludeKey = (Option<String>, String, bool);

/// One `exclude` entry and whether it removed anything.
struct Exclude {
    text: String,
    path: String,
    line: usize,
    column: usize,
    used: bool,
}

/// The actor kinds the analysis knows.
const ACTOR_KINDS: [&str; 6] = [
    "country",
    "government",
    "organisation",
    "alliance",
    "person",
    "group",
];

#[derive(Default)]
struct Builder {
    problems: Vec<Problem>,
    categories: Vec<Category>,
    terms: Vec<Term>,
    entries: Vec<Entry>,
    actors: Vec<Actor>,
    actor_refs: Vec<ActorRef>,
    sources: Vec<Source>,
    boilerplate: Vec<BoilerRule>,
    scoring: Option<Scoring>,
    words: RuleWords,
    seen_terms: FastMap<TermKey, (String, f64, Place)>,
    seen_names: FastMap<(String, Option<String>), (String, Place)>,
    seen_sources: FastMap<(String, Option<String>), (String, Place)>,
    seen_domains: FastMap<String, (String, Place)>,
    category_ids: FastMap<String, Place>,
    excludes: FastMap<ExcludeKey, Exclude>,
    amendments: Vec<(String, Problem)>,
}

/// A `part_of` or `members` reference, resolved once every actor is known.
struct ActorRef {
    from: usize,
    to: String,
    member: bool,
    path: String,
    line: usize,
    column: usize,
}

/// One file being read: its text and how to turn offsets into line:column.
struct Ctx<'a> {
    path: &'a str,
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Ctx<'a> {
    fn new(file: &'a LexiconFile) -> Self {
        let line_starts = std::iter::once(0)
            .chain(file.text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Ctx {
            path: &file.path,
            text: &file.text,
            line_starts,
        }
    }

    fn locate(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let column = self.text[start..offset.min(self.text.len())]
            .chars()
            .count()
            + 1;
        (line, column)
    }

    fn problem(&self, span: &Range<usize>, severity: Severity, message: String) -> Problem {
        let (line, column) = self.locate(span.start);
        Problem {
            path: self.path.to_string(),
            line,
            column,
            severity,
            message,
        }
    }

    fn place(&self, span: &Range<usize>) -> Place {
        Place {
            path: self.path.to_string(),
            line: self.locate(span.start).0,
        }
    }
}

impl Builder {
    fn error(&mut self, ctx: &Ctx, span: &Range<usize>, message: String) {
        self.problems
            .push(ctx.problem(span, Severity::Error, message));
    }

    fn warn(&mut self, ctx: &Ctx, span: &Range<usize>, message: String) {
        self.problems
            .push(ctx.problem(span, Severity::Warning, message));
    }

    /// Records every `exclude` list of a file before any table is built.
    fn gather_excludes(&mut self, ctx: &Ctx, doc: &FileDoc) {
        let tables = doc
            .category
            .iter()
            .map(|(id, d)| (format!("category.{id}"), &d.get_ref().exclude))
            .chain(
                doc.actor
                    .iter()
                    .map(|(id, d)| (format!("actor.{id}"), &d.get_ref().exclude)),
            )
            .chain(
                doc.source
                    .iter()
                    .map(|(id, d)| (format!("source.{id}"), &d.get_ref().exclude)),
            )
            .chain(
                doc.words
                    .iter()
                    .map(|(id, d)| (format!("words.{id}"), &d.get_ref().exclude)),
            )
            .chain(
                doc.amendments
                    .iter()
                    .map(|a| (format!("{}.{}", a.table, a.id), &a.exclude)),
            );
        let lists: Vec<(Option<String>, &RawList)> = tables
            .map(|(owner, list)| (Some(owner), list))
            .chain(std::iter::once((None, &doc.exclude)))
            .collect();
        for (owner, list) in lists {
            for value in list {
                let spec = match parse_term(value) {
                    Ok(spec) => spec,
                    Err(msg) => {
                        self.error(ctx, &value.span(), format!("in `exclude`: {msg}"));
                        continue;
                    }
                };
                let (line, column) = ctx.locate(spec.span.start);
                let key = (owner.clone(), spec.pattern, spec.wildcard);
                self.excludes.insert(
                    key,
                    Exclude {
                        text: spec.text,
                        path: ctx.path.to_string(),
                        line,
                        column,
                        used: false,
                    },
                );
            }
        }
        for amendment in &doc.amendments {
            let owner = format!("{}.{}", amendment.table, amendment.id);
            let problem = ctx.problem(&amendment.span, Severity::Error, String::new());
            self.amendments.push((owner, problem));
        }
    }

    /// Whether an `exclude` list removes `spec` from the list of `owner`.
    fn excluded(&mut self, owner: &str, spec: &TermSpec) -> bool {
        let global = ["category.", "actor.", "source."]
            .iter()
            .any(|t| owner.starts_with(t));
        let keys = [
            (Some(owner.to_string()), spec.pattern.clone(), spec.wildcard),
            (None, spec.pattern.clone(), spec.wildcard),
        ];
        for key in keys.into_iter().take(if global { 2 } else { 1 }) {
            if let Some(exclude) = self.excludes.get_mut(&key) {
                exclude.used = true;
                return true;
            }
        }
        false
    }

    fn file(&mut self, ctx: &Ctx, doc: FileDoc) {
        for (id, category) in &doc.category {
            self.category(ctx, id, category);
        }
        for (id, actor) in &doc.actor {
            self.actor(ctx, id, actor);
        }
        for (id, source) in &doc.source {
            self.source(ctx, id, source);
        }
        for (id, rule) in &doc.boilerplate {
            self.boilerplate(ctx, id, rule);
        }
        for (id, list) in &doc.words {
            self.words(ctx, id, list);
        }
        if !doc.scoring_values.is_empty() {
            let span = doc.scoring.as_ref().map_or(0..0, Spanned::span);
            self.check_scoring(ctx, &doc.scoring_values, &span);
        }
        if let Some(scoring) = doc.scoring {
            if self.scoring.is_some() {
                self.error(
                    ctx,
                    &scoring.span(),
                    "`[scoring]` is defined in more than one file; keep it in scoring.toml".into(),
                );
            }
            self.scoring = Some(scoring.into_inner());
        }
    }

    fn check_id(&mut self, ctx: &Ctx, table: &str, id: &str, span: &Range<usize>) {
        let valid = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !valid {
            self.error(
                ctx,
                span,
                format!("`{table}.{id}`: IDs use lowercase ASCII letters, digits and `_` only; rename it"),
            );
        }
    }

    /// An optional string that, when given, must hold more than white space.
    fn nonempty(
        &mut self,
        ctx: &Ctx,
        span: &Range<usize>,
        table: &str,
        key: &str,
        value: Option<&str>,
    ) {
        if value.is_some_and(|v| v.trim().is_empty()) {
            let msg = format!("`{table}`: `{key}` is empty; write a value or remove the key");
            self.error(ctx, span, msg);
        }
    }

    /// Every `[scoring]` value must be finite and inside the range that keeps
    /// figures finite and polarities the right way round (see [`SCORING_RANGES`]).
    fn check_scoring(
        &mut self,
        ctx: &Ctx,
        values: &std::collections::BTreeMap<String, Spanned<Value>>,
        table: &Range<usize>,
    ) {
        let mut reliability = 0.0;
        let mut reliability_given = false;
        for (key, value) in values {
            let Some(range) = SCORING_RANGES.iter().find(|r| r.key == key) else {
                continue; // serde has already reported the unknown key
            };
            let Ok(v) = number(value.get_ref(), key) else {
                continue; // and a value of the wrong type
            };
            if let Some(msg) = range.check(v) {
                self.error(ctx, &value.span(), format!("[scoring] {msg}"));
            } else if key.starts_with("reliability_") {
                reliability_given = true;
            }
        }
        if reliability_given {
            let defaults = Scoring::default();
            let get = |key: &str, default: f64| {
                values
                    .get(key)
                    .and_then(|v| number(v.get_ref(), key).ok())
                    .unwrap_or(default)
            };
            reliability += get("reliability_sourcing", defaults.reliability_sourcing);
            reliability += get("reliability_restraint", defaults.reliability_restraint);
            reliability += get("reliability_calibration", defaults.reliability_calibration);
            reliability += get("reliability_balance", defaults.reliability_balance);
            reliability += get(
                "reliability_transparency",
                defaults.reliability_transparency,
            );
            if reliability <= 0.0 {
                self.error(
                    ctx,
                    table,
                    "[scoring] `reliability_sourcing`, `reliability_restraint`, `reliability_calibration`, `reliability_balance` and `reliability_transparency` are all 0, so reliability means nothing; give at least one a weight above 0".into(),
                );
            }
        }
    }

    fn category(&mut self, ctx: &Ctx, id: &str, doc: &Spanned<super::schema::CategoryDoc>) {
        let span = doc.span();
        self.check_id(ctx, "category", id, &span);
        if let Some(first) = self.category_ids.get(id) {
            let msg = format!(
                "category `{id}` is already defined in {} line {}; give it another ID",
                first.path, first.line
            );
            self.error(ctx, &span, msg);
            return;
        }
        self.category_ids.insert(id.to_string(), ctx.place(&span));
        let doc = doc.get_ref();
        let Some(family) = Family::parse(doc.family.get_ref()) else {
            let names: Vec<&str> = Family::ALL.iter().map(|(_, n)| *n).collect();
            let family = doc.family.get_ref();
            let msg = format!(
                "unknown family `{family}`{}",
                super::shape::hint(family, &names)
            );
            self.error(ctx, &doc.family.span(), msg);
            return;
        };
        let polarity = self.ranged(ctx, doc.polarity.as_ref(), "polarity", -1.0..=1.0, 0.0);
        let weight = self.ranged(ctx, doc.weight.as_ref(), "weight", 0.0..=MAX_WEIGHT, 1.0);
        let factor = self.ranged(ctx, doc.factor.as_ref(), "factor", 0.0..=10.0, 1.0);
        let loaded_cue = self.stance(ctx, doc.stance.as_ref());
        let (position, marker) = if family.is_genre() {
            (
                CuePosition::Verb,
                self.marker_position(ctx, doc.position.as_ref()),
            )
        } else {
            (
                self.position(ctx, doc.position.as_ref()),
                MarkerPosition::Anywhere,
            )
        };
        let index = self.categories.len();
        self.categories.push(Category {
            id: id.to_string(),
            family,
            polarity,
            weight,
            factor,
            loaded_cue,
            position,
            marker,
        });
        let owner = format!("category.{id}");
        let terms = self.list(ctx, &doc.terms, "terms", &owner);
        let wildcards: Vec<(String, usize)> = terms
            .iter()
            .filter(|t| t.wildcard)
            .map(|t| (t.pattern.clone(), t.span.start))
            .collect();
        for spec in terms {
            self.term(ctx, index, family, spec, &wildcards);
        }
        for spec in self.list(ctx, &doc.except, "except", &owner) {
            self.entries.push(Entry {
                pattern: spec.pattern,
                wildcard: spec.wildcard,
                exact: spec.exact,
                target: Target::Except(index as u32),
            });
        }
    }

    fn term(
        &mut self,
        ctx: &Ctx,
        category: usize,
        family: Family,
        spec: TermSpec,
        wildcards: &[(String, usize)],
    ) {
        let cat = &self.categories[category];
        let polarity = spec.polarity.unwrap_or(cat.polarity);
        let weight = spec.weight.unwrap_or(cat.weight);
        let cat_id = cat.id.clone();
        if !spec.wildcard
            && let Some((w, _)) = wildcards
                .iter()
                .find(|(w, _)| spec.pattern.starts_with(w.as_str()) && spec.pattern != *w)
        {
            let msg = format!(
                "`{}` is already matched by `{w}*` in this category; remove it or give it its own category",
                spec.text
            );
            self.warn(ctx, &spec.span, msg);
        }
        let (pattern, exact, wildcard) = spec.key();
        let key = (family, pattern, exact, wildcard);
        if let Some((other, other_pol, place)) = self.seen_terms.get(&key) {
            let conflict = other_pol.signum() != polarity.signum() && family.is_polar();
            let msg = if conflict {
                format!(
                    "`{}` has polarity {polarity} here but {other_pol} in category `{other}` ({} line {}); keep one",
                    spec.text, place.path, place.line
                )
            } else {
                format!(
                    "`{}` is already in category `{other}` ({} line {}); a term is listed once per family",
                    spec.text, place.path, place.line
                )
            };
            self.error(ctx, &spec.span, msg);
            return;
        }
        self.seen_terms
            .insert(key, (cat_id, polarity, ctx.place(&spec.span)));
        let term = self.terms.len() as u32;
        self.terms.push(Term {
            text: spec.text,
            category,
            polarity,
            weight,
        });
        self.entries.push(Entry {
            pattern: spec.pattern,
            wildcard: spec.wildcard,
            exact: spec.exact,
            target: Target::Term(term),
        });
    }

    fn ranged(
        &mut self,
        ctx: &Ctx,
        value: Option<&Spanned<f64>>,
        name: &str,
        range: std::ops::RangeInclusive<f64>,
        default: f64,
    ) -> f64 {
        let Some(value) = value else { return default };
        let v = *value.get_ref();
        if !range.contains(&v) {
            let msg = format!(
                "{name} `{v}` is {}; use a number from {} to {}",
                if v.is_finite() {
                    "out of range"
                } else {
                    "not a finite number"
                },
                range.start(),
                range.end()
            );
            self.error(ctx, &value.span(), msg);
            return default;
        }
        v
    }

    fn stance(&mut self, ctx: &Ctx, value: Option<&Spanned<String>>) -> bool {
        match value.map(|v| (v.get_ref().as_str(), v.span())) {
            None | Some(("neutral", _)) => false,
            Some(("loaded", _)) => true,
            Some((other, span)) => {
                let msg = format!("unknown stance `{other}`; use `neutral` or `loaded`");
                self.error(ctx, &span, msg);
                false
            }
        }
    }

    fn position(&mut self, ctx: &Ctx, value: Option<&Spanned<String>>) -> CuePosition {
        match value.map(|v| (v.get_ref().as_str(), v.span())) {
            None | Some(("verb", _)) => CuePosition::Verb,
            Some(("before_source", _)) => CuePosition::BeforeSource,
            Some(("verb_with_subject", _)) => CuePosition::VerbWithSubject,
            Some((other, span)) => {
                let msg = format!(
                    "unknown position `{other}`; use `verb`, `verb_with_subject` or `before_source`"
                );
                self.error(ctx, &span, msg);
                CuePosition::Verb
            }
        }
    }

    /// `position` of an `opinion` or `analysis` category.
    fn marker_position(&mut self, ctx: &Ctx, value: Option<&Spanned<String>>) -> MarkerPosition {
        match value.map(|v| (v.get_ref().as_str(), v.span())) {
            None | Some(("anywhere", _)) => MarkerPosition::Anywhere,
            Some(("heading", _)) => MarkerPosition::Heading,
            Some(("after_actor", _)) => MarkerPosition::AfterActor,
            Some((other, span)) => {
                let msg = format!(
                    "unknown position `{other}` for an article-type marker; use `anywhere`, `heading` or `after_actor`"
                );
                self.error(ctx, &span, msg);
                MarkerPosition::Anywhere
            }
        }
    }

    /// Parses a list of terms, checking each entry and the list's canonical order.
    fn list(&mut self, ctx: &Ctx, raw: &RawList, name: &str, owner: &str) -> Vec<TermSpec> {
        let mut out: Vec<TermSpec> = Vec::with_capacity(raw.len());
        let mut previous: Option<(String, String)> = None;
        let mut seen: FastMap<(String, Option<String>, bool), usize> = FastMap::default();
        for value in raw {
            let spec = match parse_term(value) {
                Ok(spec) => spec,
                Err(msg) => {
                    self.error(ctx, &value.span(), format!("in `{name}`: {msg}"));
                    continue;
                }
            };
            if self.excluded(owner, &spec) {
                continue;
            }
            let key = (spec.text.to_lowercase(), spec.text.clone());
            if let Some(prev) = &previous
                && key < *prev
            {
                let msg = format!(
                    "`{}` is out of order in `{name}`: lists are kept sorted (case-insensitive); move it before `{}`",
                    spec.text, prev.1
                );
                self.warn(ctx, &spec.span, msg);
            }
            previous = Some(key);
            if let Some(line) = seen.get(&spec.key()) {
                let msg = format!(
                    "`{}` is listed twice in `{name}` (also line {line}); remove one",
                    spec.text
                );
                self.error(ctx, &spec.span, msg);
                continue;
            }
            seen.insert(spec.key(), ctx.locate(spec.span.start).0);
            out.push(spec);
        }
        out
    }

    fn actor(&mut self, ctx: &Ctx, id: &str, doc: &Spanned<super::schema::ActorDoc>) {
        let span = doc.span();
        self.check_id(ctx, "actor", id, &span);
        let doc = doc.get_ref();
        self.nonempty(
            ctx,
            &span,
            &format!("actor.{id}"),
            "label",
            Some(&doc.label),
        );
        if let Some(kind) = &doc.kind
            && !ACTOR_KINDS.contains(&kind.get_ref().as_str())
        {
            let msg = format!(
                "`actor.{id}`: unknown kind `{}`{}",
                kind.get_ref(),
                super::shape::hint(kind.get_ref(), &ACTOR_KINDS)
            );
            self.error(ctx, &kind.span(), msg);
        }
        let index = self.actors.len();
        let kind = doc
            .kind
            .as_ref()
            .map_or("country".to_string(), |k| k.get_ref().clone());
        self.actors.push(Actor {
            id: id.to_string(),
            label: doc.label.clone(),
            kind,
            part_of: None,
            members: Vec::new(),
        });
        let lists = [
            (&doc.aliases, "aliases", NameRole::Alias),
            (&doc.demonyms, "demonyms", NameRole::Demonym),
            (&doc.people, "people", NameRole::Person),
        ];
        let owner = format!("actor.{id}");
        for (raw, name, role) in lists {
            for spec in self.list(ctx, raw, name, &owner) {
                self.name(ctx, index, id, role, spec);
            }
        }
        let refs = doc
            .part_of
            .iter()
            .map(|p| (p, false))
            .chain(doc.members.iter().map(|m| (m, true)));
        for (target, member) in refs {
            let (line, column) = ctx.locate(target.span().start);
            self.actor_refs.push(ActorRef {
                from: index,
                to: target.get_ref().clone(),
                member,
                path: ctx.path.to_string(),
                line,
                column,
            });
        }
    }

    fn name(&mut self, ctx: &Ctx, actor: usize, id: &str, role: NameRole, spec: TermSpec) {
        let key = (spec.pattern.clone(), spec.exact.clone());
        if let Some((other, place)) = self.seen_names.get(&key) {
            {
                let msg = format!(
                    "`{}` is a name of actor `{other}` too ({} line {}); a name belongs to one actor, keep it in one",
                    spec.text, place.path, place.line
                );
                self.error(ctx, &spec.span, msg);
            }
            return;
        }
        self.seen_names
            .insert(key, (id.to_string(), ctx.place(&spec.span)));
        let target = |role| Target::Name {
            actor: actor as u32,
            role,
        };
        let person_alias = role == NameRole::Alias && self.actors[actor].kind == "person";
        if (role == NameRole::Person || person_alias)
            && let Some(surname) = spec.surname.clone().or_else(|| surname(&spec.text))
        {
            let key = (fold(&surname), None);
            self.seen_names
                .entry(key)
                .or_insert_with(|| (id.to_string(), ctx.place(&spec.span)));
            self.entries.push(Entry {
                pattern: fold(&surname),
                wildcard: false,
                exact: Some(surname),
                target: target(NameRole::Surname),
            });
        }
        self.entries.push(Entry {
            pattern: spec.pattern,
            wildcard: spec.wildcard,
            exact: spec.exact,
            target: target(role),
        });
    }

    fn source(&mut self, ctx: &Ctx, id: &str, doc: &Spanned<super::schema::SourceDoc>) {
        let span = doc.span();
        self.check_id(ctx, "source", id, &span);
        let doc = doc.get_ref();
        let table = format!("source.{id}");
        self.nonempty(ctx, &span, &table, "label", Some(&doc.label));
        self.nonempty(ctx, &span, &table, "country", doc.country.as_deref());
        const KINDS: [&str; 9] = [
            "state_media",
            "wire",
            "broadcaster",
            "newspaper",
            "government",
            "think_tank",
            "ngo",
            "international_org",
            "other",
        ];
        if !KINDS.contains(&doc.kind.get_ref().as_str()) {
            let msg = format!(
                "unknown source kind `{}`{}",
                doc.kind.get_ref(),
                super::shape::hint(doc.kind.get_ref(), &KINDS)
            );
            self.error(ctx, &doc.kind.span(), msg);
        }
        let index = self.sources.len() as u32;
        let mut domains = Vec::new();
        for domain in &doc.domains {
            let d = domain.get_ref();
            if let Some(problem) = domain_problem(d) {
                let msg = format!("`source.{id}`: domain `{d}` {problem}");
                self.error(ctx, &domain.span(), msg);
            } else if let Some((other, place)) = self.seen_domains.get(d) {
                let msg = format!(
                    "domain `{d}` belongs to source `{other}` too ({} line {}); keep it in one",
                    place.path, place.line
                );
                self.error(ctx, &domain.span(), msg);
            } else {
                self.seen_domains
                    .insert(d.clone(), (id.to_string(), ctx.place(&domain.span())));
                domains.push(d.clone());
            }
        }
        let specs = self.list(ctx, &doc.aliases, "aliases", &format!("source.{id}"));
        self.sources.push(Source {
            id: id.to_string(),
            label: doc.label.clone(),
            kind: doc.kind.get_ref().clone(),
            country: doc.country.clone(),
            aliases: specs.iter().map(|s| s.text.clone()).collect(),
            domains,
        });
        for spec in specs {
            let key = (spec.pattern.clone(), spec.exact.clone());
            if let Some((other, place)) = self.seen_sources.get(&key) {
                let msg = format!(
                    "`{}` is a name of source `{other}` too ({} line {}); keep it in one",
                    spec.text, place.path, place.line
                );
                self.error(ctx, &spec.span, msg);
                continue;
            }
            self.seen_sources
                .insert(key, (id.to_string(), ctx.place(&spec.span)));
            self.entries.push(Entry {
                pattern: spec.pattern,
                wildcard: spec.wildcard,
                exact: spec.exact,
                target: Target::Source(index),
            });
        }
    }

    fn boilerplate(&mut self, ctx: &Ctx, id: &str, doc: &Spanned<super::schema::BoilerplateDoc>) {
        let span = doc.span();
        self.check_id(ctx, "boilerplate", id, &span);
        let doc = doc.get_ref();
        self.nonempty(
            ctx,
            &span,
            &format!("boilerplate.{id}"),
            "flag",
            doc.flag.as_deref(),
        );
        let action = match doc.action.get_ref().as_str() {
            "drop_line" => BoilerAction::DropLine,
            "drop_rest" => BoilerAction::DropRest,
            other => {
                let msg = format!("unknown action `{other}`; use `drop_line` or `drop_rest`");
                self.error(ctx, &doc.action.span(), msg);
                return;
            }
        };
        let how = match doc.how.get_ref().as_str() {
            "line" => BoilerHow::Line,
            "prefix" => BoilerHow::Prefix,
            "contains" => BoilerHow::Contains,
            other => {
                let msg = format!("unknown how `{other}`; use `line`, `prefix` or `contains`");
                self.error(ctx, &doc.how.span(), msg);
                return;
            }
        };
        let lines = self
            .list(ctx, &doc.lines, "lines", &format!("boilerplate.{id}"))
            .into_iter()
            .map(|spec| fold(&spec.text))
            .collect();
        self.boilerplate.push(BoilerRule {
            id: id.to_string(),
            action,
            how,
            flag: doc.flag.clone(),
            lines,
        });
    }

    fn words(&mut self, ctx: &Ctx, id: &str, doc: &Spanned<super::schema::WordsDoc>) {
        if self.words.get_mut(id).is_none() {
            let known = RuleWords::ids().join("`, `");
            let msg = format!("unknown word list `words.{id}`; the rules use `{known}`");
            self.error(ctx, &doc.span(), msg);
            return;
        }
        let name = format!("words.{id}");
        for spec in self.list(ctx, &doc.get_ref().terms, &name, &name) {
            if is_rule_word(&spec.text) {
                if let Some(list) = self.words.get_mut(id) {
                    list.insert(&spec.text);
                }
            } else {
                let msg = format!(
                    "in `words.{id}`: `{}` is not one lower-case word; write e.g. `spokesperson` or `accus*`",
                    spec.text
                );
                self.error(ctx, &spec.span, msg);
            }
        }
    }

    fn resolve_actor_refs(&mut self) {
        for r in std::mem::take(&mut self.actor_refs) {
            let Some(to) = self.actors.iter().position(|a| a.id == r.to) else {
                self.problems.push(Problem {
                    path: r.path,
                    line: r.line,
                    column: r.column,
                    severity: Severity::Error,
                    message: format!(
                        "no actor `{}` is defined; use the ID of an `[actor.ID]` table",
                        r.to
                    ),
                });
                continue;
            };
            if r.member {
                self.actors[r.from].members.push(to);
            } else {
                self.actors[r.from].part_of = Some(to);
            }
        }
    }

    /// Amending tables must name a defined table; every `exclude` entry must
    /// remove something (else it is a typo, or the entry is already gone).
    fn check_excludes(&mut self) {
        let mut missing: Vec<String> = Vec::new();
        for (owner, mut problem) in std::mem::take(&mut self.amendments) {
            let (table, id) = owner.split_once('.').unwrap_or(("", ""));
            let known: Vec<&str> = match table {
                "category" => self.category_ids.keys().map(String::as_str).collect(),
                "actor" => self.actors.iter().map(|a| a.id.as_str()).collect(),
                _ => self.sources.iter().map(|s| s.id.as_str()).collect(),
            };
            if known.contains(&id) {
                continue;
            }
            let hint = match super::shape::closest(id, known.iter().copied()) {
                Some(best) => format!("; did you mean `{best}`?"),
                None => String::new(),
            };
            problem.message = format!(
                "`[{owner}]` holds only `exclude`, so it amends a table defined elsewhere, but no lexicon defines `[{owner}]`{hint}"
            );
            self.problems.push(problem);
            missing.push(owner);
        }
        for ((owner, pattern, _), exclude) in &self.excludes {
            if exclude.used || owner.as_ref().is_some_and(|o| missing.contains(o)) {
                continue;
            }
            let table = owner
                .as_ref()
                .map_or("any category, actor or source".to_string(), |o| {
                    format!("`[{o}]`")
                });
            let mut near: Vec<String> = self
                .seen_terms
                .iter()
                .filter(|((_, p, _, _), _)| p == pattern)
                .map(|((_, p, _, wildcard), (category, _, _))| {
                    let star = if *wildcard { "*" } else { "" };
                    format!("`{p}{star}` is in `[category.{category}]`")
                })
                .collect();
            near.sort();
            let hint = match near.first() {
                Some(near) => format!("; {near}"),
                None => "; check its spelling or remove it".into(),
            };
            self.problems.push(Problem {
                path: exclude.path.clone(),
                line: exclude.line,
                column: exclude.column,
                severity: Severity::Warning,
                message: format!(
                    "`exclude` entry `{}` removes nothing: it is not in {table}{hint}",
                    exclude.text
                ),
            });
        }
    }

    fn finish(mut self, files: &[LexiconFile]) -> Result<Lexicon, LexiconError> {
        self.resolve_actor_refs();
        self.check_excludes();
        self.problems.sort();
        if self.problems.iter().any(|p| p.severity == Severity::Error) {
            return Err(LexiconError::Invalid(self.problems));
        }
        let mut hasher = Sha256::new();
        for file in files {
            hasher.update(file.name.as_bytes());
            hasher.update([0]);
            hasher.update(file.text.as_bytes());
            hasher.update([0]);
        }
        let digest = hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        // article-type markers ("we must", "must") get an automaton of their
        // own: in the main one, leftmost-longest matching would let "must
        // not" swallow the negator "not" and "we have reason to believe" the
        // hedge "believe"
        let genre = |target: &Target| match *target {
            Target::Term(t) => self.categories[self.terms[t as usize].category]
                .family
                .is_genre(),
            Target::Except(c) => self.categories[c as usize].family.is_genre(),
            _ => false,
        };
        let (genre_entries, entries): (Vec<Entry>, Vec<Entry>) =
            self.entries.into_iter().partition(|e| genre(&e.target));
        Ok(Lexicon {
            matcher: Matcher::new(entries),
            genre_matcher: Matcher::new(genre_entries),
            categories: self.categories,
            terms: self.terms,
            actors: self.actors,
            sources: self.sources,
            boilerplate: Boilerplate::new(self.boilerplate),
            scoring: self.scoring.unwrap_or_default(),
            words: self.words,
            digest,
            files: files
                .iter()
                .map(|f| (f.name.clone(), f.path.clone()))
                .collect(),
            warnings: self.problems,
            models: super::Models::default(),
        })
    }
}

/// The largest weight a category or term may have.
const MAX_WEIGHT: f64 = 100.0;

/// The allowed range of one `[scoring]` value.
struct ScoringRange {
    key: &'static str,
    min: f64,
    /// Whether `min` itself is refused (a divisor or damping constant of 0
    /// would make 0/0 = NaN on an article with no hits).
    above_min: bool,
    max: f64,
    integer: bool,
}

impl ScoringRange {
    const fn new(key: &'static str, min: f64, above_min: bool, max: f64) -> Self {
        ScoringRange {
            key,
            min,
            above_min,
            max,
            integer: false,
        }
    }

    /// What is wrong with `v`, if anything.
    fn check(&self, v: f64) -> Option<String> {
        let key = self.key;
        let low = if self.above_min { "above" } else { "from" };
        let what = if self.integer {
            "a whole number"
        } else {
            "a number"
        };
        let fix = format!("use {what} {low} {} to {}", self.min, self.max);
        if !v.is_finite() {
            return Some(format!("`{key}` is `{v}`, not a finite number; {fix}"));
        }
        let below = v < self.min || (self.above_min && v == self.min);
        (below || v > self.max).then(|| format!("`{key}` = `{v}` is out of range; {fix}"))
    }
}

/// Every `[scoring]` key with the range that keeps figures finite and in
/// their documented bounds.
const SCORING_RANGES: &[ScoringRange] = &[
    ScoringRange::new("tone_damping", 0.0, true, 1000.0),
    ScoringRange::new("negation_factor", -1.0, false, 1.0),
    ScoringRange {
        integer: true,
        ..ScoringRange::new("modifier_window", 0.0, false, 10.0)
    },
    ScoringRange::new("before_contrast", 0.0, false, 1.0),
    ScoringRange::new("negated_negative", -1.0, false, 1.0),
    ScoringRange::new("actor_damping", 0.0, true, 1000.0),
    ScoringRange::new("actor_mention_damping", 0.0, false, 100.0),
    ScoringRange::new("learned_target_weight", 0.0, false, 10.0),
    ScoringRange::new("learned_authorial_weight", 0.0, false, 10.0),
    ScoringRange::new("actor_agreement", 0.0, false, 4.0),
    ScoringRange::new("sourcing_attributed", 0.0, false, 100.0),
    ScoringRange::new("sourcing_named", 0.0, false, 100.0),
    ScoringRange::new("sourcing_diversity", 0.0, false, 100.0),
    ScoringRange::new("sourcing_quotes", 0.0, false, 100.0),
    ScoringRange::new("sourcing_vague_penalty", 0.0, false, 100.0),
    ScoringRange::new("sourcing_unsupported_penalty", 0.0, false, 100.0),
    ScoringRange::new("reliability_sourcing", 0.0, false, 1.0),
    ScoringRange::new("reliability_restraint", 0.0, false, 1.0),
    ScoringRange::new("reliability_calibration", 0.0, false, 1.0),
    ScoringRange::new("reliability_balance", 0.0, false, 1.0),
    ScoringRange::new("reliability_transparency", 0.0, false, 1.0),
    ScoringRange::new("balance_ceiling", 0.0, true, 1.0),
    ScoringRange::new("balance_voice_credit", 0.0, false, 1.0),
    ScoringRange::new("transparency_byline", 0.0, false, 1.0),
    ScoringRange::new("transparency_dateline", 0.0, false, 1.0),
    ScoringRange::new("transparency_named", 0.0, false, 1.0),
    ScoringRange::new("state_media_share", 0.0, true, 1.0),
    ScoringRange::new("opinion_threshold", 0.0, true, 100.0),
    ScoringRange::new("analysis_threshold", 0.0, true, 100.0),
    ScoringRange::new("opinion_disclaimer_points", 0.0, false, 100.0),
    ScoringRange::new("opinion_evaluation_per_1k", 0.0, true, 1000.0),
    ScoringRange::new("opinion_authorial_share", 0.0, false, 1.0),
    ScoringRange::new("opinion_loaded_per_1k", 0.0, true, 1000.0),
    ScoringRange::new("loaded_ceiling_per_1k", 0.0, true, 1000.0),
    ScoringRange::new("booster_ceiling_per_1k", 0.0, true, 1000.0),
];

/// Every `[scoring]` key, and whether it takes a whole number.
pub(super) fn scoring_keys() -> impl Iterator<Item = (&'static str, bool)> {
    SCORING_RANGES.iter().map(|r| (r.key, r.integer))
}

/// One lower-case word, with an optional `*` at its end.
fn is_rule_word(word: &str) -> bool {
    let bare = word.strip_suffix('*').unwrap_or(word);
    !bare.is_empty()
        && bare
            .chars()
            .all(|c| c.is_alphanumeric() && !c.is_uppercase() || matches!(c, '-' | '\''))
}

/// The surname of a multi-word person name: its last word, if it looks like one.
fn surname(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = *words.last()?;
    let capitalised = last.chars().next().is_some_and(char::is_uppercase);
    (words.len() >= 2 && capitalised && last.chars().count() >= 4).then(|| last.to_string())
}

fn parse_term(value: &Spanned<Value>) -> Result<TermSpec, String> {
    let span = value.span();
    let (text, sensitive, polarity, weight, surname) = match value.get_ref() {
        Value::String(s) => (s.clone(), false, None, None, None),
        Value::Table(table) => term_table(table)?,
        _ => {
            return Err(
                "a term is a string or a table like { text = \"PLA\", case = \"sensitive\" }"
                    .into(),
            );
        }
    };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err("empty term; remove it".into());
    }
    let wildcard = trimmed.ends_with('*');
    let bare = trimmed.strip_suffix('*').unwrap_or(trimmed);
    if bare.contains('*') {
        return Err(format!(
            "bad wildcard in `{trimmed}`: `*` may only end a term (e.g. `hegemon*`)"
        ));
    }
    if !bare.chars().any(char::is_alphanumeric) {
        return Err(format!(
            "`{trimmed}` has no letter or digit; a term must contain a word"
        ));
    }
    if wildcard && !bare.chars().next_back().is_some_and(char::is_alphanumeric) {
        return Err(format!(
            "bad wildcard in `{trimmed}`: `*` must follow a letter (e.g. `hegemon*`)"
        ));
    }
    if let Some(p) = polarity
        && !(-1.0..=1.0).contains(&p)
    {
        return Err(format!(
            "polarity `{p}` of `{trimmed}` is {}; use -1 to 1",
            if p.is_finite() {
                "out of range"
            } else {
                "not a finite number"
            }
        ));
    }
    if let Some(w) = weight
        && !(0.0..=MAX_WEIGHT).contains(&w)
    {
        return Err(format!(
            "weight `{w}` of `{trimmed}` is {}; use a number from 0 to {MAX_WEIGHT} (a negative weight would turn the term's polarity round: change `polarity` instead)",
            if w.is_finite() {
                "out of range"
            } else {
                "not a finite number"
            }
        ));
    }
    if let Some(name) = &surname
        && !name.chars().any(char::is_alphanumeric)
    {
        return Err(format!(
            "empty `surname` for `{trimmed}`; write the surname (e.g. `surname = \"Xi\"`) or remove the key"
        ));
    }
    Ok(TermSpec {
        text: trimmed.to_string(),
        pattern: fold(bare),
        wildcard,
        exact: sensitive.then(|| fold_keep_case(bare)),
        polarity,
        weight,
        surname,
        span,
    })
}

type TermFields = (String, bool, Option<f64>, Option<f64>, Option<String>);

fn term_table(table: &toml::Table) -> Result<TermFields, String> {
    let mut text = None;
    let mut sensitive = false;
    let mut polarity = None;
    let mut weight = None;
    let mut surname = None;
    for (key, value) in table {
        match (key.as_str(), value) {
            ("text", Value::String(s)) => text = Some(s.clone()),
            ("case", Value::String(s)) if s == "sensitive" => sensitive = true,
            ("case", Value::String(s)) if s == "insensitive" => sensitive = false,
            ("case", _) => return Err("`case` is `sensitive` or `insensitive`".into()),
            ("polarity", v) => polarity = Some(number(v, "polarity")?),
            ("weight", v) => weight = Some(number(v, "weight")?),
            ("note", Value::String(_)) => {}
            ("surname", Value::String(s)) => surname = Some(s.trim().to_string()),
            (other, _) => {
                const KEYS: [&str; 6] = ["text", "case", "polarity", "weight", "surname", "note"];
                let hint = match super::shape::closest(other, KEYS) {
                    Some(best) if best != other => format!("did you mean `{best}`? "),
                    _ => String::new(),
                };
                return Err(format!(
                    "unknown or mistyped key `{other}` in a term table; {hint}expected text, case, polarity, weight, surname, note"
                ));
            }
        }
    }
    let text = text.ok_or("a term table needs `text = \"...\"`")?;
    Ok((text, sensitive, polarity, weight, surname))
}

fn number(value: &Value, name: &str) -> Result<f64, String> {
    match value {
        Value::Float(f) => Ok(*f),
        Value::Integer(i) => Ok(*i as f64),
        _ => Err(format!("`{name}` must be a number")),
    }
}

/// What is wrong with a `domains` entry, if anything: it must be a bare
/// host name in lower case ("tass.com"), without scheme, path or `www.`.
fn domain_problem(d: &str) -> Option<&'static str> {
    if d.contains("://") || d.contains('/') {
        Some("is a URL; write the bare host name, e.g. `tass.com`")
    } else if d.starts_with("www.") {
        Some("starts with `www.`; leave it out (it is ignored when matching)")
    } else if !d.contains('.') || d.starts_with('.') || d.ends_with('.') || d.contains("..") {
        Some("is not a host name; write e.g. `tass.com`")
    } else if !d
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
    {
        Some("may hold only lower-case letters, digits, `.` and `-`")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(toml: &str) -> Vec<String> {
        let file = LexiconFile {
            name: "t.toml".into(),
            path: "t.toml".into(),
            text: toml.into(),
        };
        match build(&[file]) {
            Ok(lexicon) => lexicon.warnings.iter().map(ToString::to_string).collect(),
            Err(LexiconError::Invalid(problems)) => {
                problems.iter().map(ToString::to_string).collect()
            }
            Err(other) => vec![other.to_string()],
        }
    }

    #[test]
    fn lexicon_error_table() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "unknown key",
                "[category.a]\nfamily = \"loaded\"\npolarty = -1\n",
                "t.toml:3:1: error: unknown key `polarty` in `[category.a]`; did you mean `polarity`?",
            ),
            (
                "bad wildcard",
                "[category.a]\nfamily = \"loaded\"\nterms = [\"heg*mon\"]\n",
                "t.toml:3:10: error: in `terms`: bad wildcard",
            ),
            (
                "empty term",
                "[category.a]\nfamily = \"loaded\"\nterms = [\" \"]\n",
                "t.toml:3:10: error: in `terms`: empty term",
            ),
            (
                "conflicting polarity",
                "[category.a]\nfamily = \"loaded\"\npolarity = -1\nterms = [\"x\"]\n[category.b]\nfamily = \"loaded\"\npolarity = 1\nterms = [\"x\"]\n",
                "t.toml:8:10: error: `x` has polarity 1 here but -1",
            ),
            (
                "shadowed by wildcard",
                "[category.a]\nfamily = \"loaded\"\nterms = [\"hegemon*\", \"hegemony\"]\n",
                "t.toml:3:22: warning: `hegemony` is already matched by `hegemon*`",
            ),
            (
                "listed twice",
                "[category.a]\nfamily = \"hedge\"\nterms = [\"may\", \"may\"]\n",
                "t.toml:3:17: error: `may` is listed twice",
            ),
            (
                "out of order",
                "[category.a]\nfamily = \"hedge\"\nterms = [\"may\", \"could\"]\n",
                "t.toml:3:17: warning: `could` is out of order",
            ),
            (
                "unknown family",
                "[category.a]\nfamily = \"loud\"\n",
                "t.toml:2:10: error: unknown family `loud`",
            ),
            (
                "polarity out of range",
                "[category.a]\nfamily = \"loaded\"\npolarity = -3\n",
                "t.toml:3:12: error: polarity `-3` is out of range",
            ),
            (
                "alias shared by two actors",
                "[actor.a]\nlabel = \"A\"\naliases = [\"Kim\"]\n[actor.b]\nlabel = \"B\"\naliases = [\"Kim\"]\n",
                "t.toml:6:12: error: `Kim` is a name of actor `a` too",
            ),
            (
                "dangling part_of",
                "[actor.a]\nlabel = \"A\"\npart_of = \"nowhere\"\n",
                "t.toml:3:11: error: no actor `nowhere` is defined",
            ),
            (
                "bad term table key",
                "[category.a]\nfamily = \"loaded\"\nterms = [{ txt = \"x\" }]\n",
                "t.toml:3:10: error: in `terms`: unknown or mistyped key `txt`",
            ),
            (
                "unknown word list",
                "[words.role_noun]\nterms = [\"envoy\"]\n",
                "t.toml:1:1: error: unknown word list `words.role_noun`",
            ),
            (
                "word list entry of two words",
                "[words.role_nouns]\nterms = [\"chief envoy\"]\n",
                "t.toml:2:10: error: in `words.role_nouns`: `chief envoy` is not one lower-case word",
            ),
            (
                "word list entry in capitals",
                "[words.accusing_verbs]\nterms = [\"Accus*\"]\n",
                "t.toml:2:10: error: in `words.accusing_verbs`: `Accus*` is not one lower-case word",
            ),
            (
                "word list out of order",
                "[words.fearing_verbs]\nterms = [\"fear\", \"dread\"]\n",
                "t.toml:2:18: warning: `dread` is out of order in `words.fearing_verbs`",
            ),
            (
                "term weight nan",
                "[category.a]\nfamily = \"loaded\"\nterms = [{ text = \"x\", weight = nan }]\n",
                "t.toml:3:10: error: in `terms`: weight `NaN` of `x` is not a finite number",
            ),
            (
                "term weight inf",
                "[category.a]\nfamily = \"loaded\"\nterms = [{ text = \"x\", weight = inf }]\n",
                "t.toml:3:10: error: in `terms`: weight `inf` of `x` is not a finite number",
            ),
            (
                "negative term weight turns an insult into praise",
                "[category.a]\nfamily = \"loaded\"\npolarity = -1\nterms = [{ text = \"x\", weight = -50 }]\n",
                "t.toml:4:10: error: in `terms`: weight `-50` of `x` is out of range; use a number from 0 to 100",
            ),
            (
                "term polarity nan",
                "[category.a]\nfamily = \"loaded\"\nterms = [{ text = \"x\", polarity = nan }]\n",
                "t.toml:3:10: error: in `terms`: polarity `NaN` of `x` is not a finite number",
            ),
            (
                "category weight nan",
                "[category.a]\nfamily = \"loaded\"\nweight = nan\n",
                "t.toml:3:10: error: weight `NaN` is not a finite number",
            ),
            (
                "empty surname loops the matcher",
                "[actor.a]\nlabel = \"A\"\npeople = [{ text = \"Xi Jinping\", surname = \"\" }]\n",
                "t.toml:3:11: error: in `people`: empty `surname` for `Xi Jinping`",
            ),
            (
                "blank surname",
                "[actor.a]\nlabel = \"A\"\npeople = [{ text = \"Xi Jinping\", surname = \" . \" }]\n",
                "t.toml:3:11: error: in `people`: empty `surname` for `Xi Jinping`",
            ),
            (
                "empty actor label",
                "[actor.a]\nlabel = \" \"\n",
                "t.toml:1:1: error: `actor.a`: `label` is empty",
            ),
            (
                "empty source label",
                "[source.a]\nlabel = \"\"\nkind = \"wire\"\n",
                "t.toml:1:1: error: `source.a`: `label` is empty",
            ),
            (
                "source domain given as a URL",
                "[source.a]\nlabel = \"A\"\nkind = \"wire\"\ndomains = [\"https://a.com/\"]\n",
                "t.toml:4:12: error: `source.a`: domain `https://a.com/` is a URL; write the bare host name",
            ),
            (
                "source domain in capitals",
                "[source.a]\nlabel = \"A\"\nkind = \"wire\"\ndomains = [\"A.com\"]\n",
                "t.toml:4:12: error: `source.a`: domain `A.com` may hold only lower-case letters",
            ),
            (
                "source domain of two sources",
                "[source.a]\nlabel = \"A\"\nkind = \"wire\"\ndomains = [\"a.com\"]\n[source.b]\nlabel = \"B\"\nkind = \"wire\"\ndomains = [\"a.com\"]\n",
                "t.toml:8:12: error: domain `a.com` belongs to source `a` too",
            ),
            (
                "empty boilerplate flag",
                "[boilerplate.a]\naction = \"drop_line\"\nhow = \"line\"\nflag = \"\"\nlines = [\"x\"]\n",
                "t.toml:1:1: error: `boilerplate.a`: `flag` is empty",
            ),
            (
                "scoring nan",
                "[scoring]\ntone_damping = nan\n",
                "t.toml:2:16: error: [scoring] `tone_damping` is `NaN`, not a finite number",
            ),
            (
                "scoring damping 0 makes 0/0",
                "[scoring]\nactor_damping = 0\n",
                "t.toml:2:17: error: [scoring] `actor_damping` = `0` is out of range; use a number above 0",
            ),
            (
                "scoring ceiling 0 divides by zero",
                "[scoring]\nloaded_ceiling_per_1k = 0.0\n",
                "t.toml:2:25: error: [scoring] `loaded_ceiling_per_1k` = `0` is out of range",
            ),
            (
                "scoring negative points invert the score",
                "[scoring]\nsourcing_named = -25\n",
                "t.toml:2:18: error: [scoring] `sourcing_named` = `-25` is out of range; use a number from 0 to 100",
            ),
            (
                "scoring inf",
                "[scoring]\nsourcing_quotes = inf\n",
                "t.toml:2:19: error: [scoring] `sourcing_quotes` is `inf`, not a finite number",
            ),
            (
                "scoring negation factor above 1",
                "[scoring]\nnegation_factor = 5\n",
                "t.toml:2:19: error: [scoring] `negation_factor` = `5` is out of range; use a number from -1 to 1",
            ),
            (
                "scoring huge modifier window",
                "[scoring]\nmodifier_window = 1000000\n",
                "t.toml:2:19: error: [scoring] `modifier_window` = `1000000` is out of range; use a whole number from 0 to 10",
            ),
            (
                "unknown actor kind",
                "[actor.a]\nlabel = \"A\"\nkind = \"contry\"\n",
                "t.toml:3:8: error: `actor.a`: unknown kind `contry`; did you mean `country`?",
            ),
            (
                "unknown family gets a suggestion",
                "[category.a]\nfamily = \"loded\"\n",
                "t.toml:2:10: error: unknown family `loded`; did you mean `loaded`?",
            ),
            (
                "term table typo gets a suggestion",
                "[category.a]\nfamily = \"loaded\"\nterms = [{ text = \"x\", wieght = 2 }]\n",
                "t.toml:3:10: error: in `terms`: unknown or mistyped key `wieght` in a term table; did you mean `weight`?",
            ),
            (
                "wrong type names the key",
                "[category.a]\nfamily = \"loaded\"\nweight = \"heavy\"\n",
                "t.toml:3:10: error: `weight` in `[category.a]` must be a number, not string",
            ),
            (
                "missing required key",
                "[source.a]\nlabel = \"A\"\n",
                "t.toml:1:1: error: `[source.a]` needs `kind = ...`",
            ),
            (
                "exclude that removes nothing",
                "[category.a]\nfamily = \"loaded\"\nterms = [\"x\"]\nexclude = [\"y\"]\n",
                "t.toml:4:12: warning: `exclude` entry `y` removes nothing",
            ),
            (
                "exclude without the wildcard names the entry it missed",
                "exclude = [\"wolf warrior\"]\n[category.a]\nfamily = \"loaded\"\nterms = [\"wolf warrior*\"]\n",
                "t.toml:1:12: warning: `exclude` entry `wolf warrior` removes nothing: it is not in any category, actor or source; `wolf warrior*` is in `[category.a]`",
            ),
            (
                "amending an undefined table",
                "[category.b]\nfamily = \"loaded\"\n[category.bb]\nexclude = [\"x\"]\n",
                "t.toml:3:1: error: `[category.bb]` holds only `exclude`, so it amends a table defined elsewhere, but no lexicon defines `[category.bb]`; did you mean `b`?",
            ),
            (
                "scoring key typo",
                "[scoring]\ntone_dampng = 1\n",
                "t.toml:2:1: error: unknown key `tone_dampng` in `[scoring]`; did you mean `tone_damping`?",
            ),
            (
                "unknown table",
                "[categroy.a]\nfamily = \"loaded\"\n",
                "t.toml:1:2: error: unknown table `categroy`; did you mean `category`?",
            ),
            (
                "scoring reliability weights all 0",
                "[scoring]\nreliability_sourcing = 0\nreliability_restraint = 0\nreliability_calibration = 0\nreliability_balance = 0\nreliability_transparency = 0\n",
                "t.toml:1:1: error: [scoring] `reliability_sourcing`, `reliability_restraint`, `reliability_calibration`, `reliability_balance` and `reliability_transparency` are all 0",
            ),
            (
                "genre marker with an unknown position",
                "[category.x]\nfamily = \"opinion\"\nposition = \"top\"\nterms = [\"we must\"]\n",
                "t.toml:3:12: error: unknown position `top` for an article-type marker",
            ),
        ];
        let failed: Vec<String> = cases
            .iter()
            .filter_map(|(name, toml, want)| {
                let got = check(toml);
                (!got.iter().any(|line| line.starts_with(want)))
                    .then(|| format!("{name}: wanted a line starting with {want:?}, got {got:?}"))
            })
            .collect();
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    #[test]
    fn every_scoring_key_has_a_range_and_its_default_is_inside_it() {
        let shipped = super::super::builtin_files()
            .into_iter()
            .find(|f| f.name == "scoring.toml")
            .expect("scoring.toml");
        let doc: toml::Table = toml::from_str(&shipped.text).expect("toml");
        let mut keys: Vec<&str> = doc["scoring"]
            .as_table()
            .expect("[scoring]")
            .keys()
            .map(String::as_str)
            .collect();
        let mut ranged: Vec<&str> = SCORING_RANGES.iter().map(|r| r.key).collect();
        keys.sort_unstable();
        ranged.sort_unstable();
        assert_eq!(
            keys, ranged,
            "scoring.toml sets every key, and each has a range"
        );
        for range in SCORING_RANGES {
            let key = range.key;
            let got = check(&format!("[scoring]\n{key} = 1000000\n"));
            assert!(
                got.iter().any(|l| l.contains("is out of range")),
                "{key}: {got:?}"
            );
            if !range.integer {
                let got = check(&format!("[scoring]\n{key} = nan\n"));
                assert!(
                    got.iter().any(|l| l.contains("not a finite number")),
                    "{key}: {got:?}"
                );
            }
        }
        assert!(check(&shipped.text).is_empty());
    }

    #[test]
    fn word_lists_of_several_files_are_joined() {
        let files = [
            "[words.role_nouns]\nterms = [\"envoy\"]\n",
            "[words.role_nouns]\nterms = [\"rapporteur\"]\n",
        ]
        .iter()
        .enumerate()
        .map(|(i, text)| LexiconFile {
            name: format!("{i}.toml"),
            path: format!("{i}.toml"),
            text: (*text).to_string(),
        })
        .collect::<Vec<_>>();
        let lexicon = build(&files).expect("valid");
        let roles = &lexicon.words.role_nouns;
        assert!(roles.contains("envoy") && roles.contains("rapporteur"));
        assert_eq!(roles.len(), 2);
    }

    fn files(texts: &[(&str, &str)]) -> Vec<LexiconFile> {
        texts
            .iter()
            .map(|(name, text)| LexiconFile {
                name: (*name).to_string(),
                path: (*name).to_string(),
                text: (*text).to_string(),
            })
            .collect()
    }

    #[test]
    fn three_mistakes_in_one_file_give_three_messages_in_one_run() {
        let text = "[category.a]\nfamily = \"loaded\"\nwieght = 2\nterms = [\"x\"]\n\n[category.b]\nfamily = \"loaded\"\nterms = [\"heg*mon\"]\n\n[actor.c]\nlabel = \"C\"\nkind = \"planet\"\n";
        let got = check(text);
        let errors: Vec<&String> = got.iter().filter(|l| l.contains(": error: ")).collect();
        assert_eq!(errors.len(), 3, "{got:?}");
        assert!(errors[0].starts_with("t.toml:3:1: error: unknown key `wieght`"));
        assert!(errors[1].starts_with("t.toml:8:10: error: in `terms`: bad wildcard"));
        assert!(errors[2].starts_with("t.toml:12:8: error: `actor.c`: unknown kind `planet`"));
    }

    #[test]
    fn an_exclude_in_one_file_removes_entries_defined_in_another() {
        let base = "[category.name_calling]\nfamily = \"loaded\"\npolarity = -1\nterms = [\"hegemon*\", \"regime\", \"thug\"]\n\n[actor.china]\nlabel = \"China\"\naliases = [\"Beijing\", \"China\", { text = \"PLA\", case = \"sensitive\" }]\n";
        let user = "[category.name_calling]\nexclude = [\"regime\"]\n\n[actor.china]\nexclude = [\"PLA\"]\n";
        let global = "exclude = [\"thug\"]\n";
        let lexicon = build(&files(&[
            ("a.toml", base),
            ("b.toml", user),
            ("c.toml", global),
        ]))
        .expect("valid");
        assert!(lexicon.warnings.is_empty(), "{:?}", lexicon.warnings);
        let terms: Vec<&str> = lexicon.terms.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(terms, ["hegemon*"]);
        let text = "PLA and Beijing";
        let folded = crate::text::normalize::Folded::new(text, 0);
        let hits = lexicon.matcher.find(folded.view(), text).len();
        assert_eq!(hits, 1, "PLA is no longer a name of China");
    }

    #[test]
    fn valid_lexicon_has_no_problems() {
        let got = check(
            "[category.a]\nfamily = \"loaded\"\npolarity = -1\nterms = [\"arrogant\", { text = \"PLA\", case = \"sensitive\" }, \"wolf warrior\"]\nexcept = [\"arrogant bastard ale\"]\n",
        );
        assert!(got.is_empty(), "{got:?}");
    }
}

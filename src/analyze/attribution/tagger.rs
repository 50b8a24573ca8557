//! The learned cue tagger: a linear model over readable per-word features
//! that says how likely a word is part of an attribution cue.
//!
//! It works with the rules, not instead of them: it proposes cues the word
//! lists miss ("found", "believe", "want", "refused") and vetoes cues the lists
//! hold where they are not attributive (a "said" in "the said committee", a
//! "called" that names); the rules then find the source and the content of
//! every cue. A proposal becomes a row only where the rules find a subject for
//! it, so the tagger cannot add a statement without a speaker.
//!
//! The model is a file (`lexicons/models/attribution.tsv`: a header of `#`
//! lines saying how it was made, then `feature<TAB>weight` rows), compiled in
//! like the lexicons; applying it is a sum of the weights of a word's
//! features. Proper names are masked in the features (`<name>`, `<cap>`), so
//! the weights are about language, not about who is in the news.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::LazyLock;

use super::Finder;
use super::grammar::{CLOSERS, DASHES, OPENERS};
use crate::lexicon::{CuePosition, Family, Target};

/// The shipped cue model.
const BUILTIN: &str = include_str!("../../../lexicons/models/attribution.tsv");

static SHARED: LazyLock<CueModel> =
    LazyLock::new(|| CueModel::parse(BUILTIN).expect("the shipped models/attribution.tsv parses"));

/// A word scoring above this is proposed as a cue where the rules have none.
pub(super) const PROPOSE_AT: f64 = 0.0;
/// A word scoring above this is part of a source.
pub(super) const SOURCE_AT: f64 = 0.0;
/// A one-word rule cue scoring below this is vetoed.
pub(super) const VETO_AT: f64 = -1.0;
/// A proposal scoring above this makes a row even with no subject found, as
/// a verb of the lists does.
pub(super) const SURE_AT: f64 = 3.0;

/// Weights of the tagger's features: one set says whether a word is part of
/// a cue, the other (features written `source:FEATURE` in the file) whether it
/// is part of a source.
#[derive(Debug, Clone, Default)]
pub struct CueModel {
    weights: HashMap<String, f64, Fnv>,
    source: HashMap<String, f64, Fnv>,
    /// Both weight sets keyed by the FNV-1a hash of the feature, built with
    /// the weights, so that [`Finder::scores`] hashes a feature's parts
    /// instead of writing it out. `None` when two features of the model hash
    /// alike (the string path is then used).
    fast: Option<FastTable>,
}

/// Two models are equal when their weights are: the table follows from them.
impl PartialEq for CueModel {
    fn eq(&self, other: &CueModel) -> bool {
        self.weights == other.weights && self.source == other.source
    }
}

/// The weights of one hashed feature: its cue weight and its source weight,
/// each where the model has one.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    cue: Option<f64>,
    source: Option<f64>,
}

/// The weights by feature key ([`feature_key`]).
///
/// Built once into an open-addressing array (a power of two at most half
/// full, linear probing): a lookup is a multiply, a shift and a compare or
/// two, which matters at two dozen lookups per word.
#[derive(Clone)]
struct FastTable {
    /// `(key, slot)`; a free entry has the key [`FREE`].
    entries: Vec<(u64, Slot)>,
    /// Keys in use.
    len: usize,
}

/// The key of a free entry of a [`FastTable`] (a feature hashing to it
/// makes the table refuse to build, like a collision).
const FREE: u64 = u64::MAX;

impl std::fmt::Debug for FastTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FastTable({} features)", self.len)
    }
}

impl FastTable {
    /// The table of `weights` and `source`, or `None` if two distinct
    /// features share a key.
    fn build(
        weights: &HashMap<String, f64, Fnv>,
        source: &HashMap<String, f64, Fnv>,
    ) -> Option<Self> {
        let mut table = FastTable {
            entries: vec![
                (FREE, Slot::default());
                (2 * (weights.len() + source.len()))
                    .next_power_of_two()
                    .max(2)
            ],
            len: 0,
        };
        for (feature, &weight) in weights {
            // the features of one set are distinct: a key met twice is a collision
            let slot = table.slot_mut(feature_key(feature))?;
            if slot.cue.replace(weight).is_some() {
                return None;
            }
        }
        for (feature, &weight) in source {
            let slot = table.slot_mut(feature_key(feature))?;
            // a feature may carry both a cue and a source weight; a cue
            // weight of another feature under this key is a collision
            if slot.source.replace(weight).is_some()
                || (slot.cue.is_some() && !weights.contains_key(feature.as_str()))
            {
                return None;
            }
        }
        Some(table)
    }

    /// The home entry of a key.
    fn home(&self, key: u64) -> usize {
        let bits = self.entries.len().trailing_zeros();
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
    }

    /// The slot of `key`, made empty if new (`None` for the reserved key).
    fn slot_mut(&mut self, key: u64) -> Option<&mut Slot> {
        if key == FREE {
            return None;
        }
        let mask = self.entries.len() - 1;
        let mut i = self.home(key);
        while self.entries[i].0 != key && self.entries[i].0 != FREE {
            i = (i + 1) & mask;
        }
        if self.entries[i].0 == FREE {
            self.entries[i].0 = key;
            self.len += 1;
        }
        Some(&mut self.entries[i].1)
    }

    /// The slot of `key`, if the model has it.
    fn get(&self, key: u64) -> Option<&Slot> {
        let mask = self.entries.len() - 1;
        let mut i = self.home(key);
        loop {
            let (k, ref slot) = self.entries[i];
            if k == key {
                return Some(slot);
            }
            if k == FREE {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

/// The templates whose value follows without a `=`.
const BARE_TEMPLATES: [&str; 3] = ["w|gap>", "gap<", "gap>"];

/// The key of a feature written out: its template (up to the first `=`, or
/// one of [`BARE_TEMPLATES`]) and the `|`-separated parts of its value, as
/// [`key`] combines them. Words never hold a `|`, so the split is the one
/// [`Finder::features`] joined.
fn feature_key(feature: &str) -> u64 {
    let (template, value) = BARE_TEMPLATES
        .iter()
        .find_map(|t| feature.strip_prefix(t).map(|rest| (*t, Some(rest))))
        .or_else(|| {
            feature
                .find('=')
                .map(|i| (&feature[..=i], Some(&feature[i + 1..])))
        })
        .unwrap_or((feature, None));
    let mut h = fnv(FNV_OFFSET, template.as_bytes());
    for part in value.into_iter().flat_map(|v| v.split('|')) {
        h = key(h, fnv(FNV_OFFSET, part.as_bytes()));
    }
    h
}

/// One more part (its FNV-1a hash) of a feature key: the parts of a word are
/// hashed once per article and combined per feature, instead of hashing
/// each feature's text.
const fn key(h: u64, part: u64) -> u64 {
    (h ^ part)
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .rotate_left(29)
}

/// The hash of a template or part.
const fn h(s: &str) -> u64 {
    fnv(FNV_OFFSET, s.as_bytes())
}

/// The FNV-1a offset basis.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a of `bytes` continued from state `h`: hashing the parts of a
/// feature in turn gives the hash of the whole feature.
const fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h
}

/// FNV-1a, shared with [`crate::learn::model`]: the model is looked up a
/// few dozen times per word, and SipHash's protection against chosen keys
/// buys nothing for a shipped file.
type Fnv = std::hash::BuildHasherDefault<crate::learn::model::Fnv>;

/// The prefix of a source weight's feature in the model file.
const SOURCE: &str = "source:";

/// A bad model file: the line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct ModelError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl CueModel {
    /// The built-in model.
    pub fn builtin() -> &'static CueModel {
        &SHARED
    }

    /// Reads a model: `#` lines and blank lines are skipped, every other line
    /// is `feature<TAB>weight` with a finite weight.
    pub fn parse(text: &str) -> Result<CueModel, ModelError> {
        // sized once: the shipped model has some 20,000 lines
        let lines = text.lines().count();
        let (mut weights, mut source): (HashMap<String, f64, Fnv>, HashMap<String, f64, Fnv>) = (
            HashMap::with_capacity_and_hasher(lines, Fnv::default()),
            HashMap::default(),
        );
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let err = |message: String| ModelError {
                line: i + 1,
                message,
            };
            let (feature, weight) = line
                .rsplit_once('\t')
                .ok_or_else(|| err("expected `feature<TAB>weight`".into()))?;
            let weight: f64 = weight
                .trim()
                .parse()
                .map_err(|_| err(format!("weight `{weight}` is not a number")))?;
            if !weight.is_finite() {
                return Err(err(format!("weight `{weight}` is not finite")));
            }
            let slot = match feature.strip_prefix(SOURCE) {
                Some(f) => source.insert(f.to_string(), weight),
                None => weights.insert(feature.to_string(), weight),
            };
            if slot.is_some() {
                return Err(err(format!("feature `{feature}` appears twice")));
            }
        }
        Ok(CueModel::new(weights, source))
    }

    /// A model of these weights, with its hashed table.
    fn new(weights: HashMap<String, f64, Fnv>, source: HashMap<String, f64, Fnv>) -> CueModel {
        let fast = FastTable::build(&weights, &source);
        CueModel {
            weights,
            source,
            fast,
        }
    }

    /// The model as `feature<TAB>weight` lines after `header` (each header
    /// line gets a `# `), heaviest first, then by name: the same weights give
    /// the same bytes.
    pub fn to_tsv(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            let _ = writeln!(out, "# {line}");
        }
        for (prefix, set) in [("", &self.weights), (SOURCE, &self.source)] {
            let mut rows: Vec<(&String, &f64)> = set.iter().collect();
            rows.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(b.0)));
            for (feature, weight) in rows {
                let _ = writeln!(out, "{prefix}{feature}\t{weight:.4}");
            }
        }
        out
    }

    /// Number of weights.
    pub fn len(&self) -> usize {
        self.weights.len() + self.source.len()
    }

    /// The sum of the source weights of `features`.
    pub fn source_score<S: AsRef<str>>(&self, features: &[S]) -> f64 {
        features
            .iter()
            .filter_map(|f| self.source.get(f.as_ref()))
            .sum()
    }

    /// This model's cue weights with `other`'s cue weights as source weights.
    pub fn with_source(self, other: CueModel) -> CueModel {
        CueModel::new(self.weights, other.weights)
    }

    /// Whether the model has source weights.
    pub fn has_source(&self) -> bool {
        !self.source.is_empty()
    }

    /// Whether the model has no weights.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The sum of the weights of `features`.
    pub fn score<S: AsRef<str>>(&self, features: &[S]) -> f64 {
        features
            .iter()
            .filter_map(|f| self.weights.get(f.as_ref()))
            .sum()
    }

    /// The `keep` heaviest weights (the bias always stays).
    pub fn pruned(&self, keep: usize) -> CueModel {
        let mut rows: Vec<(&String, &f64)> = self.weights.iter().collect();
        rows.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(b.0)));
        let mut weights: HashMap<String, f64, Fnv> = rows
            .into_iter()
            .filter(|(_, w)| **w != 0.0)
            .take(keep)
            .map(|(f, w)| (f.clone(), *w))
            .collect();
        if let Some(b) = self.weights.get(BIAS) {
            weights.insert(BIAS.to_string(), *b);
        }
        CueModel::new(weights, HashMap::default())
    }
}

const BIAS: &str = "bias";

/// Bucket of a distance in words.
fn bucket(d: usize) -> &'static str {
    match d {
        0 => "0",
        1 => "1",
        2..=3 => "2-3",
        4..=7 => "4-7",
        _ => "8+",
    }
}

fn shape(word: &str) -> &'static str {
    let mut chars = word.chars();
    let first = chars.next().unwrap_or(' ');
    if first.is_ascii_digit() {
        "d"
    } else if word.chars().all(char::is_uppercase) && word.chars().count() > 1 {
        "XX"
    } else if first.is_uppercase() {
        "Xx"
    } else {
        "x"
    }
}

impl Finder<'_, '_> {
    /// The word as the model sees it: lower-cased, with names masked.
    pub(super) fn token(&self, w: usize) -> String {
        self.token_str(w).to_string()
    }

    /// The lexicon flag of a word: which kind of cue, or source word, covers it.
    fn flag(&self, w: usize) -> &'static str {
        if self.cue_words[w] {
            return self.cue_position(w);
        }
        match self.names[w] {
            Some(Target::Name { .. }) => "name",
            Some(Target::Source(_)) => "outlet",
            Some(Target::Term(_)) => "vague",
            _ => "-",
        }
    }

    /// The position of the cue that covers word `w`.
    fn cue_position(&self, w: usize) -> &'static str {
        let span = &self.words()[w].span;
        let s = self.words()[w].sentence;
        for (_, hit) in self.sentence_hits(s) {
            if hit.start <= span.start && span.end <= hit.end {
                for t in &hit.targets {
                    if let Some(c) = super::category(self.lexicon, t)
                        && c.family == Family::Cue
                    {
                        return match (c.position, c.loaded_cue) {
                            (CuePosition::BeforeSource, _) => "cue-phrase",
                            (CuePosition::VerbWithSubject, _) => "cue-thought",
                            (_, true) => "cue-loaded",
                            _ => "cue-verb",
                        };
                    }
                }
            }
        }
        "cue-verb"
    }

    /// The punctuation right before and after a word, as a class.
    fn gaps(&self, w: usize) -> (&'static str, &'static str) {
        let words = self.words();
        let text = self.text();
        let s = words[w].sentence;
        let range = self.analysis.sentence_words[s].clone();
        let sentence = self.sentence_span(s);
        let before = if w > range.start {
            &text[words[w - 1].span.end..words[w].span.start]
        } else {
            &text[sentence.start..words[w].span.start]
        };
        let after = if w + 1 < range.end {
            &text[words[w].span.end..words[w + 1].span.start]
        } else {
            &text[words[w].span.end..sentence.end]
        };
        (class(before), class(after))
    }

    /// The features of word `w`, readable: `w=said`, `p1=<name>`, `dist=L1`...
    pub(super) fn features(&self, w: usize, cue_at: &[usize]) -> Vec<String> {
        let words = self.words();
        let s = words[w].sentence;
        let range = self.analysis.sentence_words[s].clone();
        let tok = |k: usize| self.token(k);
        let t = tok(w);
        let lower = self.lower(w);
        let mut f = vec![BIAS.to_string(), format!("w={t}")];
        if t.starts_with('<') {
            f.push(format!(
                "shape={}",
                shape(&self.text()[words[w].span.clone()])
            ));
        } else {
            let n = lower.chars().count();
            if n > 3 {
                let suffix: String = lower.chars().skip(n - 3).collect();
                f.push(format!("suf={suffix}"));
            }
            f.push(format!(
                "shape={}",
                shape(&self.text()[words[w].span.clone()])
            ));
        }
        let flag = self.flag(w);
        f.push(format!("lex={flag}"));
        let p1 = if w > range.start {
            tok(w - 1)
        } else {
            "<s>".into()
        };
        let n1 = if w + 1 < range.end {
            tok(w + 1)
        } else {
            "</s>".into()
        };
        f.push(format!("p1={p1}"));
        f.push(format!("n1={n1}"));
        f.push(format!("p1w={p1}|{t}"));
        f.push(format!("wn1={t}|{n1}"));
        if w >= range.start + 2 {
            f.push(format!("p2={}", tok(w - 2)));
        }
        if w + 2 < range.end {
            f.push(format!("n2={}", tok(w + 2)));
        }
        if w > range.start {
            f.push(format!("p1lex={}", self.flag(w - 1)));
        }
        if w + 1 < range.end {
            f.push(format!("n1lex={}", self.flag(w + 1)));
        }
        let (before, after) = self.gaps(w);
        f.push(format!("gap<{before}"));
        f.push(format!("gap>{after}"));
        f.push(format!("gap<{before}|{t}"));
        f.push(format!("w|gap>{t}|{after}"));
        if self.in_quote(words[w].span.start) {
            f.push("inquote".into());
        }
        // the nearest reporting-cue word of the lists, by side
        match nearest_cue(cue_at, w, range.clone()) {
            Some(Nearest::Right(d)) => f.push(format!("cueR={}", bucket(d))),
            Some(Nearest::Left(d)) => f.push(format!("cueL={}", bucket(d))),
            None => f.push("cue=none".into()),
        }
        if w == range.start {
            f.push("first".into());
        }
        let head = self.head_class(w);
        f.push(format!("head={head}"));
        f.push(format!("head|w={head}|{t}"));
        f
    }

    /// What the walk left from word `w` (as if it were a verb) ends on: a
    /// pronoun, a name, a role or vague-source noun, another word, or a
    /// comma, a coordinator, a relative pronoun, nothing.
    fn head_class(&self, w: usize) -> &'static str {
        let s = self.words()[w].sentence;
        match self.left_head(s, w, self.words()[w].span.start) {
            super::Head::Word(k) => {
                let lower = self.lower(k);
                if super::grammar::PRONOUNS.contains(&lower) {
                    "pronoun"
                } else if self.names[k].is_some() {
                    "name"
                } else if self.role_noun(lower) {
                    "role"
                } else if self.words()[k].capitalised {
                    "cap"
                } else {
                    "word"
                }
            }
            super::Head::Comma(_) => "comma",
            super::Head::Coordinated => "and",
            super::Head::Relative(_) => "rel",
            super::Head::Nothing => "none",
        }
    }

    /// The words of the article covered by a cue of the lists, in order.
    pub(super) fn cue_word_indexes(&self) -> Vec<usize> {
        (0..self.words().len())
            .filter(|&w| self.cue_words[w])
            .collect()
    }

    /// The tagger's cue and source scores of every word of sentence `s`.
    pub(super) fn scores(&self, s: usize, cue_at: &[usize]) -> Vec<(f64, f64)> {
        let Some(table) = &self.model.fast else {
            return self.scores_by_string(s, cue_at);
        };
        let range = self.analysis.sentence_words[s].clone();
        // each word's token, its hash and its lexicon flag once: a word is
        // also its neighbours' context
        let words: Vec<WordParts> = range
            .clone()
            .map(|w| {
                let tok = self.token_str(w);
                WordParts {
                    hash: h(tok),
                    suffix: suffix_hash(tok),
                    flag: h(self.flag(w)),
                }
            })
            .collect();
        // the punctuation class of each gap between words (and at the
        // sentence's ends), hashed: gap k is before word k and after word k-1
        let text = self.text();
        let sentence = self.sentence_span(s);
        let all = self.words();
        let gaps: Vec<u64> = (0..=range.len())
            .map(|k| {
                let from = if k == 0 {
                    sentence.start
                } else {
                    all[range.start + k - 1].span.end
                };
                let to = if k == range.len() {
                    sentence.end
                } else {
                    all[range.start + k].span.start
                };
                h(class(&text[from..to]))
            })
            .collect();
        range
            .clone()
            .map(|w| {
                // words inside a quotation are the quoted speaker's: the
                // rules make no cue and take no source there
                if self.in_quote(self.words()[w].span.start) {
                    return (f64::NEG_INFINITY, f64::NEG_INFINITY);
                }
                self.hashed_score(w, cue_at, table, (&words, &gaps))
            })
            .collect()
    }

    /// The scores of sentence `s` that the rules read.
    pub(super) fn sentence_scores(&self, s: usize, cue_at: &[usize]) -> Scores {
        Scores {
            words: self.scores(s, cue_at),
        }
    }

    /// The scores of sentence `s` by the readable features.
    fn scores_by_string(&self, s: usize, cue_at: &[usize]) -> Vec<(f64, f64)> {
        let model = self.model;
        self.analysis.sentence_words[s]
            .clone()
            .map(|w| {
                if self.in_quote(self.words()[w].span.start) {
                    return (f64::NEG_INFINITY, f64::NEG_INFINITY);
                }
                let f = self.features(w, cue_at);
                (model.score(&f), model.source_score(&f))
            })
            .collect()
    }

    /// [`Finder::token`], borrowed from the article's lower-cased words
    /// where it is the word itself.
    fn token_str(&self, w: usize) -> &str {
        match self.names[w] {
            Some(Target::Name { .. }) => return "<name>",
            Some(Target::Source(_)) => return "<outlet>",
            _ => {}
        }
        let lower = self.lower(w);
        if lower.chars().all(|c| c.is_ascii_digit()) {
            return "<num>";
        }
        let words = self.words();
        let first = self.analysis.sentence_words[words[w].sentence].start == w;
        let name_like = words[w].capitalised
            && !self.role_noun(lower)
            && !self.cue_words[w]
            && (!first || self.capitalised_elsewhere(lower));
        if name_like { "<cap>" } else { lower }
    }

    /// The cue and source scores of word `w` (outside quotations): the
    /// features of [`Finder::features`], in the same order, each keyed from
    /// the hashes of its parts and looked up in `table`.
    fn hashed_score(
        &self,
        w: usize,
        cue_at: &[usize],
        table: &FastTable,
        (parts, gaps): (&[WordParts], &[u64]),
    ) -> (f64, f64) {
        // the sums start as `Iterator::sum` does, and add in the same order
        let (mut cue, mut source) = (-0.0f64, -0.0f64);
        let mut add = |k: u64| {
            if let Some(slot) = table.get(k) {
                if let Some(c) = slot.cue {
                    cue += c;
                }
                if let Some(x) = slot.source {
                    source += x;
                }
            }
        };
        let words = self.words();
        let range = self.analysis.sentence_words[words[w].sentence].clone();
        let part = |k: usize| &parts[k - range.start];
        let t = part(w).hash;
        let shape = h(shape(&self.text()[words[w].span.clone()]));
        add(H_BIAS);
        add(key(H_W, t));
        if let Some(suffix) = part(w).suffix {
            add(key(H_SUF, suffix));
        }
        add(key(H_SHAPE, shape));
        add(key(H_LEX, part(w).flag));
        let p1 = if w > range.start {
            part(w - 1).hash
        } else {
            H_START
        };
        let n1 = if w + 1 < range.end {
            part(w + 1).hash
        } else {
            H_END
        };
        add(key(H_P1, p1));
        add(key(H_N1, n1));
        add(key(key(H_P1W, p1), t));
        add(key(key(H_WN1, t), n1));
        if w >= range.start + 2 {
            add(key(H_P2, part(w - 2).hash));
        }
        if w + 2 < range.end {
            add(key(H_N2, part(w + 2).hash));
        }
        if w > range.start {
            add(key(H_P1LEX, part(w - 1).flag));
        }
        if w + 1 < range.end {
            add(key(H_N1LEX, part(w + 1).flag));
        }
        let (before, after) = (gaps[w - range.start], gaps[w - range.start + 1]);
        add(key(H_GAP_BEFORE, before));
        add(key(H_GAP_AFTER, after));
        add(key(key(H_GAP_BEFORE, before), t));
        add(key(key(H_W_GAP_AFTER, t), after));
        // no `inquote`: words inside a quotation are not scored
        match nearest_cue(cue_at, w, range.clone()) {
            Some(Nearest::Right(d)) => add(key(H_CUE_R, h(bucket(d)))),
            Some(Nearest::Left(d)) => add(key(H_CUE_L, h(bucket(d)))),
            None => add(key(H_CUE, h("none"))),
        }
        if w == range.start {
            add(H_FIRST);
        }
        let head = h(self.head_class(w));
        add(key(H_HEAD, head));
        add(key(key(H_HEAD_W, head), t));
        (cue, source)
    }
}

/// The tagger's scores of one sentence's words.
#[derive(Debug, Default)]
pub(super) struct Scores {
    /// Per word: (cue, source) score; minus infinity inside a quotation.
    words: Vec<(f64, f64)>,
}

impl Scores {
    /// Whether no word was scored (no model).
    pub(super) fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The cue score of word `k` of the sentence.
    pub(super) fn cue(&self, k: usize) -> f64 {
        self.words[k].0
    }

    /// The source score of word `k` of the sentence.
    pub(super) fn source(&self, k: usize) -> f64 {
        self.words[k].1
    }
}

/// The hashes a word gives the features of itself and of its neighbours.
struct WordParts {
    /// Of its token.
    hash: u64,
    /// Of its last three letters, when it has a `suf` feature.
    suffix: Option<u64>,
    /// Of its lexicon flag.
    flag: u64,
}

/// The hash of a token's `suf` value: the last 3 letters of an unmasked
/// token longer than 3.
fn suffix_hash(token: &str) -> Option<u64> {
    if token.starts_with('<') {
        return None;
    }
    let n = token.chars().count();
    (n > 3).then(|| {
        let cut = token.char_indices().nth(n - 3).map_or(0, |(i, _)| i);
        h(&token[cut..])
    })
}

const H_BIAS: u64 = h(BIAS);
const H_W: u64 = h("w=");
const H_SUF: u64 = h("suf=");
const H_SHAPE: u64 = h("shape=");
const H_LEX: u64 = h("lex=");
const H_P1: u64 = h("p1=");
const H_N1: u64 = h("n1=");
const H_P1W: u64 = h("p1w=");
const H_WN1: u64 = h("wn1=");
const H_P2: u64 = h("p2=");
const H_N2: u64 = h("n2=");
const H_P1LEX: u64 = h("p1lex=");
const H_N1LEX: u64 = h("n1lex=");
const H_GAP_BEFORE: u64 = h("gap<");
const H_GAP_AFTER: u64 = h("gap>");
const H_W_GAP_AFTER: u64 = h("w|gap>");
const H_CUE_R: u64 = h("cueR=");
const H_CUE_L: u64 = h("cueL=");
const H_CUE: u64 = h("cue=");
const H_FIRST: u64 = h("first");
const H_HEAD: u64 = h("head=");
const H_HEAD_W: u64 = h("head|w=");
const H_START: u64 = h("<s>");
const H_END: u64 = h("</s>");

/// The punctuation between two words, as a class.
fn class(gap: &str) -> &'static str {
    let gap = gap.trim();
    if gap.is_empty() {
        " "
    } else if gap.contains(OPENERS) || gap.contains(CLOSERS) {
        if gap.contains(',') { ",q" } else { "q" }
    } else if gap.contains(',') {
        ","
    } else if gap.contains(':') {
        ":"
    } else if gap.contains(DASHES) {
        "-"
    } else if gap.contains('(') || gap.contains(')') {
        "("
    } else {
        "p"
    }
}

/// One annotated article of a gold JSONL file: its id, text and gold cue spans (bytes).
#[derive(Debug, Clone)]
pub struct GoldCues {
    /// The article id.
    pub id: String,
    /// The text.
    pub text: String,
    /// Byte spans of the gold cues.
    pub cues: Vec<Range<usize>>,
    /// Byte spans of the gold sources.
    pub sources: Vec<Range<usize>>,
}

/// The `cue` and `source` spans of gold records (read and validated by
/// [`crate::learn::gold`]), as byte spans; records marked for another split
/// than `train` are left out.
pub fn gold_cues(records: Vec<crate::learn::gold::GoldRecord>) -> Vec<GoldCues> {
    records
        .into_iter()
        .filter(|r| r.is_train())
        .map(|r| {
            let bytes: Vec<usize> = r
                .text
                .char_indices()
                .map(|(b, _)| b)
                .chain([r.text.len()])
                .collect();
            let (mut cues, mut sources) = (Vec::new(), Vec::new());
            for span in &r.spans {
                // in range: checked by the gold reader
                let (start, end) = (bytes[span.start], bytes[span.end]);
                match span.label.as_str() {
                    "cue" => cues.push(start..end),
                    "source" => sources.push(start..end),
                    _ => {}
                }
            }
            GoldCues {
                id: r.id,
                text: r.text,
                cues,
                sources,
            }
        })
        .collect()
}

/// The examples of one article: each word's features and whether it lies in
/// one of `gold` (the gold cues, or the gold sources).
pub fn examples(
    article: &crate::ingest::Article,
    gold: &[Range<usize>],
    lexicon: &crate::lexicon::Lexicon,
) -> Vec<(Vec<String>, bool)> {
    let analysis = super::super::analyze(article, lexicon);
    let finder = Finder::new(&analysis, lexicon);
    let cue_at = finder.cue_word_indexes();
    let words = finder.words();
    (0..words.len())
        .map(|w| {
            let span = &words[w].span;
            let gold = gold
                .iter()
                .any(|c| c.start < span.end && span.start < c.end);
            (finder.features(w, &cue_at), gold)
        })
        .collect()
}

/// Trains an averaged perceptron over `examples` for `epochs` passes in a
/// fixed order: the same examples give the same weights.
pub fn train(examples: &[(Vec<String>, bool)], epochs: usize) -> CueModel {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut ids: Vec<Vec<usize>> = Vec::with_capacity(examples.len());
    let mut names: Vec<&str> = Vec::new();
    for (features, _) in examples {
        ids.push(
            features
                .iter()
                .map(|f| {
                    *index.entry(f.as_str()).or_insert_with(|| {
                        names.push(f.as_str());
                        names.len() - 1
                    })
                })
                .collect(),
        );
    }
    let n = names.len();
    let (mut w, mut total, mut stamp) = (vec![0.0f64; n], vec![0.0f64; n], vec![0u64; n]);
    let mut step: u64 = 0;
    for _ in 0..epochs {
        for (x, (_, gold)) in ids.iter().zip(examples) {
            step += 1;
            let score: f64 = x.iter().map(|&i| w[i]).sum();
            let y = if *gold { 1.0 } else { -1.0 };
            if score * y <= 0.0 {
                for &i in x {
                    total[i] += (step - stamp[i]) as f64 * w[i];
                    stamp[i] = step;
                    w[i] += y;
                }
            }
        }
    }
    let weights = (0..n)
        .filter_map(|i| {
            let sum = total[i] + (step - stamp[i]) as f64 * w[i];
            let avg = sum / step.max(1) as f64;
            (avg.abs() > 1e-6).then(|| (names[i].to_string(), avg))
        })
        .collect();
    CueModel::new(weights, HashMap::default())
}

/// Trains, keeps the `keep` heaviest features, and trains again over those
/// only, so that the kept weights are refitted rather than cut.
pub fn train_pruned(examples: &[(Vec<String>, bool)], epochs: usize, keep: usize) -> CueModel {
    let full = train(examples, epochs);
    if keep == 0 || full.len() <= keep {
        return full;
    }
    let kept = full.pruned(keep);
    let narrowed: Vec<(Vec<String>, bool)> = examples
        .iter()
        .map(|(f, y)| {
            let f = f
                .iter()
                .filter(|x| kept.weights.contains_key(x.as_str()))
                .cloned()
                .collect();
            (f, *y)
        })
        .collect();
    train(&narrowed, epochs)
}

/// The nearest reporting-cue word of the lists to word `w`, and its distance.
enum Nearest {
    Left(usize),
    Right(usize),
}

/// Looks up the nearest cue word (other than `w`) within `range`, on either
/// side; a tie goes to the left. Both feature paths use this one lookup.
fn nearest_cue(cue_at: &[usize], w: usize, range: std::ops::Range<usize>) -> Option<Nearest> {
    let k = cue_at.partition_point(|&c| c < w);
    let left = k
        .checked_sub(1)
        .map(|i| cue_at[i])
        .filter(|&c| c >= range.start);
    let right = cue_at[k..]
        .iter()
        .copied()
        .find(|&c| c != w)
        .filter(|&c| c < range.end);
    match (left, right) {
        (Some(l), Some(r)) if r - w < w - l => Some(Nearest::Right(r - w)),
        (Some(l), _) => Some(Nearest::Left(w - l)),
        (None, Some(r)) => Some(Nearest::Right(r - w)),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_file_round_trips() {
        let m = CueModel::parse("# made by a test\nbias\t-1.5\nw=said\t3.25\nsource:w=he\t2\n")
            .expect("parse");
        assert_eq!(m.len(), 3);
        assert_eq!(m.source_score(&["w=he"]), 2.0);
        assert_eq!(m.score(&["bias", "w=said", "w=other"]), 1.75);
        let again = CueModel::parse(&m.to_tsv("again")).expect("parse");
        assert_eq!(again, m);
    }

    #[test]
    fn bad_model_lines_are_named() {
        for (text, line) in [
            ("bias\tx\n", 1),
            ("# h\nbias\tNaN\n", 2),
            ("w=a\t1\nw=a\t2\n", 2),
            ("no tab\n", 1),
        ] {
            assert_eq!(CueModel::parse(text).unwrap_err().line, line, "{text:?}");
        }
    }

    /// The hashed path gives the string path's scores, bit for bit, on
    /// every word of the seed articles and of hand-made sentences (quotes,
    /// names, numbers, non-ASCII words, one-word sentences).
    #[test]
    fn hashed_scores_are_the_string_scores() {
        // the shipped model is loaded, not an empty stand-in
        assert!(
            CueModel::builtin().len() > 1000,
            "{}",
            CueModel::builtin().len()
        );
        let lexicon = crate::lexicon::Lexicon::shared().expect("builtin");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .expect("seeds")
            .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("read"))
            .collect();
        texts.extend(
            [
                "\"We will not yield,\" Lavrov said on Tuesday, adding: \"never.\"",
                "ÉTAT officials believe 2024 was ΣΟΦΟΣ. Said. The said committee, according to AP, refused.",
                "Reuters reported that Ms Smith, a spokesperson, had warned them - in 3 letters (sent).",
            ]
            .map(String::from),
        );
        let mut words = 0;
        for text in &texts {
            let article = crate::ingest::Article::from_text("t", text);
            let analysis = crate::analyze::analyze(&article, lexicon);
            let finder = Finder::new(&analysis, lexicon);
            assert!(
                finder.model.fast.is_some(),
                "the shipped model has no collision"
            );
            for s in 0..analysis.sentence_words.len() {
                let fast = finder.scores(s, &finder.cue_at);
                let slow = finder.scores_by_string(s, &finder.cue_at);
                let bits = |v: &[(f64, f64)]| -> Vec<(u64, u64)> {
                    v.iter().map(|(a, b)| (a.to_bits(), b.to_bits())).collect()
                };
                assert_eq!(bits(&fast), bits(&slow), "sentence {s} of {text:.60}");
                words += fast.len();
            }
        }
        assert!(words > 1000, "{words} words compared");
    }

    #[test]
    fn a_model_without_table_scores_by_string() {
        let m = CueModel::parse("bias\t-1.5\nw=said\t3.25\n").expect("parse");
        assert!(m.fast.is_some());
        let slow = CueModel {
            fast: None,
            ..m.clone()
        };
        let lexicon = crate::lexicon::Lexicon::builtin().expect("builtin");
        let article = crate::ingest::Article::from_text("t", "He said so. Nobody said it.");
        let analysis = crate::analyze::analyze(&article, &lexicon);
        for model in [&m, &slow] {
            let mut finder = Finder::new(&analysis, &lexicon);
            finder.model = model;
            assert_eq!(finder.scores(0, &finder.cue_at.clone())[1].0, 1.75);
        }
    }

    #[test]
    fn training_is_deterministic_and_learns_a_word() {
        let ex: Vec<(Vec<String>, bool)> = (0..20)
            .map(|i| {
                let word = if i % 2 == 0 { "w=said" } else { "w=cat" };
                (vec![BIAS.to_string(), word.to_string()], i % 2 == 0)
            })
            .collect();
        let a = train(&ex, 3);
        assert_eq!(a, train(&ex, 3));
        assert!(a.score(&["bias", "w=said"]) > 0.0);
        assert!(a.score(&["bias", "w=cat"]) < 0.0);
    }
}

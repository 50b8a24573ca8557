//! A trained model as data: the readable TSV file, its loader and the small
//! function that applies it.
//!
//! ```text
//! # task: hedges
//! # made by: framescore train --gold szeged-train.jsonl --task hedges --out lexicons
//! feature<TAB>label<TAB>weight
//! w=may<TAB>hedge<TAB>0.8125
//! ```
//!
//! Lines starting with `#` are the header (`# key: value`, kept in order and
//! written back as they were); the column line names the three columns; every
//! other line is one weight. Lines are sorted by feature then label and
//! weights have four decimals (`WEIGHT_DECIMALS`), so the same training run
//! gives the same bytes and a diff of two models reads as a diff of weights.
//!
//! Two ways to look a weight up. [`Model::weight`] takes the feature as a
//! string. [`Interned`] is for taggers that run on every word: built once in
//! [`Model::new`], it gives every template and every part of a feature value
//! (`a_b` is also read as the parts `a` and `b`) a small id; a caller looks
//! each word's id up once per sentence and a feature is then the exact
//! integer key (template, part, part): no string is built, no hash can
//! collide, and a word the model never saw skips its lookups.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: a fast, deterministic hash for the short feature strings looked
/// up for every word (std's SipHash guards against hostile keys, which a
/// model's own feature names are not).
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

type FeatureMap<V> = HashMap<String, V, BuildHasherDefault<Fnv>>;

/// The id [`Interned`] gives a template or part the model has no weight for.
pub const UNKNOWN: u32 = u32::MAX;

/// Part ids are below this; it stands for "no second part" in a key.
const ONE_PART: u32 = (1 << 28) - 1;

/// A model's features as ids, for lookups without strings: see the module
/// header. Same weights as [`Model::weight`], by construction.
#[derive(Clone, PartialEq, Default)]
pub struct Interned {
    templates: FeatureMap<u32>,
    parts: FeatureMap<u32>,
    /// Per label: open-addressing table of (key, weight), `u64::MAX` free.
    tables: Vec<Vec<(u64, f64)>>,
}

impl fmt::Debug for Interned {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Interned")
            .field("templates", &self.templates.len())
            .field("parts", &self.parts.len())
            .finish()
    }
}

/// The key of (template, part, part): injective while templates < 255 and
/// parts < [`ONE_PART`], and never `u64::MAX`.
fn pack(t: u32, a: u32, b: u32) -> u64 {
    (u64::from(t) << 56) | (u64::from(a) << 28) | u64::from(b)
}

fn home(key: u64, len: usize) -> usize {
    // high bits of a multiplicative hash; len is a power of two
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - len.trailing_zeros())) as usize
}

fn intern(map: &mut FeatureMap<u32>, s: &str) -> u32 {
    if let Some(&id) = map.get(s) {
        return id;
    }
    let id = map.len() as u32;
    map.insert(s.to_string(), id);
    id
}

impl Interned {
    /// `None` when the model has too many templates or parts for the keys
    /// (callers then use the string lookups).
    fn build(labels: &[String], weights: &[(String, String, f64)]) -> Option<Interned> {
        let mut it = Interned::default();
        let mut entries: Vec<Vec<(u64, f64)>> = vec![Vec::new(); labels.len()];
        for (f, l, w) in weights {
            let (Some(k), Some((t, v))) = (labels.iter().position(|x| x == l), f.split_once('='))
            else {
                continue;
            };
            let t = intern(&mut it.templates, t);
            let a = intern(&mut it.parts, v);
            entries[k].push((pack(t, a, ONE_PART), *w));
            for (j, _) in v.match_indices('_') {
                let a = intern(&mut it.parts, &v[..j]);
                let b = intern(&mut it.parts, &v[j + 1..]);
                entries[k].push((pack(t, a, b), *w));
            }
            if it.templates.len() >= 255 || it.parts.len() >= ONE_PART as usize {
                return None;
            }
        }
        it.tables = entries
            .into_iter()
            .map(|entries| {
                if entries.is_empty() {
                    return Vec::new();
                }
                let len = (entries.len() * 4).next_power_of_two();
                let mut table = vec![(u64::MAX, 0.0); len];
                for (key, w) in entries {
                    let mut i = home(key, len);
                    while table[i].0 != u64::MAX && table[i].0 != key {
                        i = (i + 1) & (len - 1);
                    }
                    // a repeated (feature, label) keeps its first weight, as `weight` does
                    if table[i].0 == u64::MAX {
                        table[i] = (key, w);
                    }
                }
                table
            })
            .collect();
        Some(it)
    }

    /// The id of a template, [`UNKNOWN`] if no feature uses it.
    pub fn template(&self, t: &str) -> u32 {
        self.templates.get(t).copied().unwrap_or(UNKNOWN)
    }

    /// The id of a feature value or a side of one (`a` and `b` of `a_b`),
    /// [`UNKNOWN`] if no feature has it.
    pub fn part(&self, p: &str) -> u32 {
        self.parts.get(p).copied().unwrap_or(UNKNOWN)
    }

    fn get(&self, label: usize, t: u32, a: u32, b: u32) -> f64 {
        let Some(table) = self.tables.get(label).filter(|t| !t.is_empty()) else {
            return 0.0;
        };
        if t == UNKNOWN || a == UNKNOWN || b == UNKNOWN {
            return 0.0;
        }
        let key = pack(t, a, b);
        let mut i = home(key, table.len());
        loop {
            let (k, w) = table[i];
            if k == key {
                return w;
            }
            if k == u64::MAX {
                return 0.0;
            }
            i = (i + 1) & (table.len() - 1);
        }
    }

    /// The weight of `t=a` for `label`: [`Model::weight`] of that string.
    pub fn weight1(&self, label: usize, t: u32, a: u32) -> f64 {
        self.get(label, t, a, ONE_PART)
    }

    /// The weight of `t=a_b` for `label`: [`Model::weight`] of that string.
    pub fn weight2(&self, label: usize, t: u32, a: u32, b: u32) -> f64 {
        self.get(label, t, a, b)
    }
}

/// Decimals kept in weights, in memory and in the file.
pub const WEIGHT_DECIMALS: i32 = 4;

/// The column line after the header.
pub const COLUMNS: &str = "feature\tlabel\tweight";

/// A linear model: for each (feature, label) a weight; the null label scores 0.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    labels: Vec<String>,
    /// Sorted by (feature, label).
    weights: Vec<(String, String, f64)>,
    /// Feature → (label index, weight).
    index: FeatureMap<Vec<(usize, f64)>>,
    /// `# key: value` lines of the file, in order.
    header: Vec<(String, String)>,
    /// The features as ids, made from `weights`.
    interned: Option<Interned>,
}

/// A model file that cannot be used, with its place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}:{line}: {message}")]
pub struct ModelError {
    /// File path as shown to the user.
    pub path: String,
    /// 1-based line (0 for the file as a whole).
    pub line: usize,
    /// What is wrong and how to fix it.
    pub message: String,
}

fn round(w: f64) -> f64 {
    let scale = 10f64.powi(WEIGHT_DECIMALS);
    // `+ 0.0` turns -0 into 0
    (w * scale).round() / scale + 0.0
}

/// The template of a feature: the part before the first `=`.
pub fn template(feature: &str) -> Option<&str> {
    feature.split_once('=').map(|(t, _)| t)
}

impl Model {
    /// A model from weights (any order); weights are rounded to
    /// [`WEIGHT_DECIMALS`] and those that round to 0 are dropped.
    pub fn new(labels: Vec<String>, weights: Vec<(String, String, f64)>) -> Model {
        let mut weights: Vec<(String, String, f64)> = weights
            .into_iter()
            .map(|(f, l, w)| (f, l, round(w)))
            .filter(|(_, _, w)| *w != 0.0)
            .collect();
        weights.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        let mut index: FeatureMap<Vec<(usize, f64)>> = FeatureMap::default();
        for (f, l, w) in &weights {
            if let Some(k) = labels.iter().position(|x| x == l) {
                index.entry(f.clone()).or_default().push((k, *w));
            }
        }
        let interned = Interned::build(&labels, &weights);
        Model {
            labels,
            weights,
            index,
            header: Vec::new(),
            interned,
        }
    }

    /// The non-null labels, in score order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Every weight, sorted by (feature, label).
    pub fn weights(&self) -> &[(String, String, f64)] {
        &self.weights
    }

    /// The `# key: value` header lines.
    pub fn header(&self) -> &[(String, String)] {
        &self.header
    }

    /// A header value.
    pub fn header_value(&self, key: &str) -> Option<&str> {
        self.header
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Replaces the header.
    pub fn with_header(mut self, header: Vec<(String, String)>) -> Model {
        self.header = header;
        self
    }

    /// One score per label: the sum of the weights of the features present.
    pub fn scores<'f>(&self, features: impl IntoIterator<Item = &'f str>) -> Vec<f64> {
        let mut scores = vec![0.0; self.labels.len()];
        for f in features {
            if let Some(ws) = self.index.get(f) {
                for &(l, w) in ws {
                    scores[l] += w;
                }
            }
        }
        scores
    }

    /// The weight of one feature for label `label` (0 when absent).
    pub fn weight(&self, feature: &str, label: usize) -> f64 {
        self.index
            .get(feature)
            .and_then(|ws| ws.iter().find(|(l, _)| *l == label))
            .map_or(0.0, |(_, w)| *w)
    }

    /// The features as ids, for lookups without strings (`None` for a model
    /// too large for its keys: use [`Model::weight`]).
    pub fn interned(&self) -> Option<&Interned> {
        self.interned.as_ref()
    }

    /// The weights of label `label` among `features`, strongest first (ties
    /// by feature): what decided.
    pub fn evidence<'f>(
        &self,
        features: impl IntoIterator<Item = &'f str>,
        label: usize,
    ) -> Vec<(String, f64)> {
        let mut out: Vec<(String, f64)> = features
            .into_iter()
            .filter_map(|f| {
                let ws = self.index.get(f)?;
                let (_, w) = ws.iter().find(|(l, _)| *l == label)?;
                Some((f.to_string(), *w))
            })
            .collect();
        out.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
        out.dedup();
        out
    }

    /// The model keeping only the `k` weights largest in absolute value (ties
    /// broken by feature then label, so pruning is deterministic).
    pub fn prune(&self, k: usize) -> Model {
        let mut ranked: Vec<&(String, String, f64)> = self.weights.iter().collect();
        ranked.sort_by(|a, b| {
            b.2.abs()
                .total_cmp(&a.2.abs())
                .then_with(|| (&a.0, &a.1).cmp(&(&b.0, &b.1)))
        });
        ranked.truncate(k);
        Model::new(self.labels.clone(), ranked.into_iter().cloned().collect())
            .with_header(self.header.clone())
    }

    /// The file text: header lines, `extra` header lines, columns, weights.
    pub fn to_tsv(&self, extra: &[(String, String)]) -> String {
        let mut out = String::new();
        for (k, v) in self.header.iter().chain(extra) {
            out.push_str(&format!("# {k}: {v}\n"));
        }
        out.push_str(COLUMNS);
        out.push('\n');
        for (f, l, w) in &self.weights {
            out.push_str(&format!("{f}\t{l}\t{w:.4}\n"));
        }
        out
    }

    /// Parses a model file. `labels` are the labels the task knows (in score
    /// order) and `templates` the feature templates its extractor makes; a
    /// weight for anything else is an error naming the line.
    pub fn parse(
        path: &str,
        text: &str,
        labels: &[&str],
        templates: &[&str],
    ) -> Result<Model, ModelError> {
        let err = |line: usize, message: String| ModelError {
            path: path.to_string(),
            line,
            message,
        };
        let mut header = Vec::new();
        let mut weights = Vec::new();
        let mut lines = Vec::new();
        let mut seen_columns = false;
        // a repeated (feature, label) is found after the loop (a sort, not a
        // map of owned keys per line); an error at a later line must not hide it
        let repeat_before = |weights: &[(String, String, f64)], lines: &[usize], n: usize| {
            first_repeat(weights, lines)
                .filter(|&(line, _, _)| line < n)
                .map(|(line, first, i)| {
                    let (feature, label, _) = &weights[i];
                    err(
                        line,
                        format!("`{feature}` `{label}` already has a weight on line {first}"),
                    )
                })
        };
        for (i, raw) in text.lines().enumerate() {
            let n = i + 1;
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            if line.trim().is_empty() {
                continue;
            }
            if let Some(comment) = line.strip_prefix('#') {
                if let Some((k, v)) = comment.split_once(':') {
                    header.push((k.trim().to_string(), v.trim().to_string()));
                }
                continue;
            }
            if !seen_columns && line == COLUMNS {
                seen_columns = true;
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(feature), Some(label), Some(weight), None) =
                (fields.next(), fields.next(), fields.next(), fields.next())
            else {
                let e = err(
                    n,
                    format!(
                        "expected `feature<TAB>label<TAB>weight`, found {} tab-separated field(s)",
                        line.split('\t').count()
                    ),
                );
                return Err(repeat_before(&weights, &lines, n).unwrap_or(e));
            };
            let fail = |message: String| {
                Err(repeat_before(&weights, &lines, n).unwrap_or_else(|| err(n, message)))
            };
            let Some(tmpl) = template(feature) else {
                return fail(format!(
                    "feature `{feature}` has no template: write it as `template=value`"
                ));
            };
            if !templates.contains(&tmpl) {
                return fail(format!(
                    "unknown feature template `{tmpl}` in `{feature}`; this task knows: {}",
                    templates.join(", ")
                ));
            }
            if !labels.contains(&label) {
                return fail(format!(
                    "unknown label `{label}`; this task's labels are: {}",
                    labels.join(", ")
                ));
            }
            let Ok(w) = weight.trim().parse::<f64>() else {
                return fail(format!("weight `{weight}` is not a number"));
            };
            if !w.is_finite() {
                return fail(format!("weight `{weight}` is not finite; use a number"));
            }
            weights.push((feature.to_string(), label.to_string(), w));
            lines.push(n);
        }
        if let Some(e) = repeat_before(&weights, &lines, usize::MAX) {
            return Err(e);
        }
        let labels = labels.iter().map(|s| (*s).to_string()).collect();
        Ok(Model::new(labels, weights).with_header(header))
    }
}

/// The first line, in file order, that repeats the (feature, label) of an
/// earlier one: (its line, the earlier line, its index in `weights`).
/// `lines[i]` is the line of `weights[i]`, increasing.
fn first_repeat(
    weights: &[(String, String, f64)],
    lines: &[usize],
) -> Option<(usize, usize, usize)> {
    let key = |i: usize| (&weights[i].0, &weights[i].1);
    let mut order: Vec<usize> = (0..weights.len()).collect();
    // model files are sorted: then this is one pass
    if !order.windows(2).all(|p| key(p[0]) <= key(p[1])) {
        // stable, so each group of equal keys stays in file order
        order.sort_by(|&a, &b| key(a).cmp(&key(b)));
    }
    order
        .windows(2)
        .filter(|p| key(p[0]) == key(p[1]))
        .map(|p| (lines[p[1]], lines[p[0]], p[1]))
        .min()
}

impl fmt::Display for Model {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_tsv(&[]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LABELS: &[&str] = &["hedge"];
    const TEMPLATES: &[&str] = &["w", "bias"];

    #[test]
    fn round_trip_keeps_bytes() {
        let text = "# task: hedges\n# made by: test\nfeature\tlabel\tweight\nbias=1\thedge\t-0.2500\nw=may\thedge\t0.8125\n";
        let model = Model::parse("m.tsv", text, LABELS, TEMPLATES).expect("valid");
        assert_eq!(model.to_tsv(&[]), text);
        assert_eq!(model.header_value("task"), Some("hedges"));
        assert_eq!(model.scores(["w=may", "bias=1", "w=unknown"]), vec![0.5625]);
    }

    #[test]
    fn loader_errors_table() {
        let cases = [
            (
                "w=may\thedge",
                "m.tsv:1: expected `feature<TAB>label<TAB>weight`, found 2",
            ),
            ("w=may\tcue\t1", "m.tsv:1: unknown label `cue`"),
            (
                "# x\nzz=may\thedge\t1",
                "m.tsv:2: unknown feature template `zz`",
            ),
            ("may\thedge\t1", "m.tsv:1: feature `may` has no template"),
            ("w=may\thedge\tNaN", "m.tsv:1: weight `NaN` is not finite"),
            ("w=may\thedge\tinf", "m.tsv:1: weight `inf` is not finite"),
            (
                "w=may\thedge\tlots",
                "m.tsv:1: weight `lots` is not a number",
            ),
            (
                "w=a\thedge\t1\nw=a\thedge\t2",
                "m.tsv:2: `w=a` `hedge` already has a weight on line 1",
            ),
            // the first problem in file order wins, repeats included
            (
                "w=b\thedge\t1\nw=a\thedge\t1\nw=b\thedge\t2\nw=a\thedge\t3\nw=c\thedge\tx",
                "m.tsv:3: `w=b` `hedge` already has a weight on line 1",
            ),
            (
                "w=a\thedge\t1\nw=b\thedge\tx\nw=a\thedge\t2",
                "m.tsv:2: weight `x` is not a number",
            ),
            (
                "w=a\thedge\t1\nw=a\thedge\t2\nw=a\thedge\t3",
                "m.tsv:2: `w=a` `hedge` already has a weight on line 1",
            ),
        ];
        for (text, want) in cases {
            let got = Model::parse("m.tsv", text, LABELS, TEMPLATES)
                .expect_err(text)
                .to_string();
            assert!(got.starts_with(want), "{text:?}: {got}");
        }
    }

    #[test]
    fn prune_keeps_the_strongest() {
        let labels = vec!["hedge".to_string()];
        let m = Model::new(
            labels,
            vec![
                ("w=a".into(), "hedge".into(), 0.1),
                ("w=b".into(), "hedge".into(), -0.9),
                ("w=c".into(), "hedge".into(), 0.5),
            ],
        );
        let p = m.prune(2);
        let kept: Vec<&str> = p.weights().iter().map(|(f, _, _)| f.as_str()).collect();
        assert_eq!(kept, ["w=b", "w=c"]);
    }

    #[test]
    fn interned_agrees_with_weight() {
        let m = Model::new(
            vec!["hedge".to_string(), "other".to_string()],
            vec![
                ("w=may".into(), "hedge".into(), 0.5),
                ("w=may".into(), "other".into(), -0.25),
                ("w-1w=a_b_c".into(), "hedge".into(), 0.75),
                ("bias=1".into(), "hedge".into(), -0.125),
            ],
        );
        let it = m.interned().expect("small model");
        let (t, p) = (|s| it.template(s), |s| it.part(s));
        // (template, parts, label, want)
        let cases: &[(&str, &[&str], usize, f64)] = &[
            ("w", &["may"], 0, 0.5),
            ("w", &["may"], 1, -0.25),
            ("bias", &["1"], 0, -0.125),
            ("bias", &["1"], 1, 0.0),
            // every reading of a value with `_` as two parts finds it
            ("w-1w", &["a", "b_c"], 0, 0.75),
            ("w-1w", &["a_b", "c"], 0, 0.75),
            ("w-1w", &["a_b_c"], 0, 0.75),
            ("w-1w", &["a", "b"], 0, 0.0),
            ("w", &["a"], 0, 0.0),
            ("w", &["might"], 0, 0.0),
            ("nope", &["may"], 0, 0.0),
            ("w", &["may", "b"], 0, 0.0),
        ];
        for &(tmpl, parts, label, want) in cases {
            let got = match parts {
                [a] => it.weight1(label, t(tmpl), p(a)),
                [a, b] => it.weight2(label, t(tmpl), p(a), p(b)),
                _ => unreachable!(),
            };
            assert_eq!(got, want, "{tmpl} {parts:?}");
            let text = format!("{tmpl}={}", parts.join("_"));
            assert_eq!(m.weight(&text, label), want, "{text}");
        }
        let empty = Model::new(vec!["hedge".to_string()], Vec::new());
        let it = empty.interned().expect("empty model");
        assert_eq!(it.weight1(0, it.template("w"), it.part("may")), 0.0);
    }

    #[test]
    fn evidence_strongest_first() {
        let m = Model::new(
            vec!["hedge".to_string()],
            vec![
                ("w=a".into(), "hedge".into(), 0.1),
                ("w=b".into(), "hedge".into(), -0.9),
            ],
        );
        let e = m.evidence(["w=a", "w=b", "w=z"], 0);
        assert_eq!(e, vec![("w=b".to_string(), -0.9), ("w=a".to_string(), 0.1)]);
    }
}

//! `outlets.csv` and `outlet_actors.csv`: the articles of a run summed up per
//! outlet, or per value of any `articles.csv` text column (`--group-by`).
//!
//! One running tally per group (count, mean and spread by Welford's method,
//! which stays exact to the last decimal written where sums of squares lose
//! digits) is all that is kept, so memory grows with the number of groups,
//! not of articles; groups come out sorted by name. The per-actor part is long
//! format (one row per group × actor × voice), the shape a pivot table wants.

use std::collections::BTreeMap;

use super::cell::Cell;
use super::columns::{Csv, Format, Schema};
use super::rows::{ArticleRow, ArticleRows};

/// Longest group value kept whole; longer ones are cut, with a note.
pub const MAX_GROUP_CHARS: usize = 200;

/// Mean and spread of a stream of numbers.
#[derive(Debug, Clone, Copy, Default)]
pub struct Running {
    n: usize,
    mean: f64,
    m2: f64,
}

impl Running {
    /// Adds one value.
    pub fn add(&mut self, x: f64) {
        self.n += 1;
        let delta = x - self.mean;
        self.mean += delta / self.n as f64;
        self.m2 += delta * (x - self.mean);
    }

    /// Values added.
    pub fn n(&self) -> usize {
        self.n
    }

    /// The mean (0 when empty).
    pub fn mean(&self) -> f64 {
        self.mean
    }

    /// The sample standard deviation (n − 1), `None` under two values.
    pub fn sd(&self) -> Option<f64> {
        (self.n >= 2).then(|| (self.m2 / (self.n - 1) as f64).sqrt())
    }

    fn cells(&self) -> [Cell; 2] {
        [
            Cell::Num(self.mean),
            self.sd().map_or(Cell::Empty, Cell::Num),
        ]
    }
}

/// One actor within one group.
#[derive(Debug, Clone, Default)]
pub struct ActorTally {
    /// Display name.
    pub label: String,
    /// Authorial sentiment over the group's articles that name the actor.
    pub authorial: Running,
    /// Quoted sentiment, likewise.
    pub quoted: Running,
    /// Mentions summed.
    pub mentions: usize,
    /// Statements attributed to the actor, summed.
    pub statements: usize,
}

/// One group's tally.
#[derive(Debug, Clone, Default)]
pub struct GroupTally {
    /// Articles in the group.
    pub articles: usize,
    /// One running figure per numeric `articles.csv` column, in column order.
    pub figures: Vec<Running>,
    /// Per actor id.
    pub actors: BTreeMap<String, ActorTally>,
}

/// The tallies of every group of a run.
pub struct Groups {
    /// The grouping column (`outlet` unless `--group-by`).
    pub by: String,
    /// Names of the numeric `articles.csv` columns, in order.
    pub figure_names: Vec<String>,
    /// Their indexes in the articles schema.
    figure_columns: Vec<usize>,
    /// Index of the grouping column.
    by_column: usize,
    /// Per group value (cut to [`MAX_GROUP_CHARS`]).
    pub groups: BTreeMap<String, GroupTally>,
    /// Distinct values that were cut, and the first of them.
    pub cut: (usize, Option<String>),
}

/// Why a grouping column cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "--group-by `{name}`: no such column; the articles have these text columns: {}; name one of them (CSV and JSONL inputs add their own columns)",
    known.join(", ")
)]
pub struct UnknownColumn {
    /// The name asked for.
    pub name: String,
    /// The text columns there are.
    pub known: Vec<String>,
}

/// Text columns of `articles.csv` that `--group-by` accepts.
pub fn groupable(schema: &Schema<ArticleRow>) -> Vec<String> {
    schema
        .columns()
        .iter()
        .filter(|c| !c.kind.numeric() && c.name != "article_id")
        .map(|c| c.name.clone())
        .collect()
}

impl Groups {
    /// Tallies grouped by column `by` of `schema`.
    pub fn new(schema: &Schema<ArticleRow>, by: &str) -> Result<Groups, UnknownColumn> {
        let columns = schema.columns();
        let by_column = columns
            .iter()
            .position(|c| c.name == by && !c.kind.numeric() && c.name != "article_id")
            .ok_or_else(|| UnknownColumn {
                name: by.to_string(),
                known: groupable(schema),
            })?;
        let figure_columns: Vec<usize> = (0..columns.len())
            .filter(|i| columns[*i].kind.numeric())
            .collect();
        Ok(Groups {
            by: by.to_string(),
            figure_names: figure_columns
                .iter()
                .map(|i| columns[*i].name.clone())
                .collect(),
            figure_columns,
            by_column,
            groups: BTreeMap::new(),
            cut: (0, None),
        })
    }

    /// The group value of an article, cut to [`MAX_GROUP_CHARS`].
    fn key(&self, schema: &Schema<ArticleRow>, row: &ArticleRow) -> (String, bool) {
        let value = match schema.columns()[self.by_column].cell(row) {
            Cell::Text(s) => s,
            _ => String::new(),
        };
        cut(&value)
    }

    /// Adds one article from values read back from a report (`framescore
    /// merge`): its group value, the numeric columns in order (`None` when
    /// empty) and its actors; the same tally as [`Groups::add`].
    pub fn add_values(&mut self, value: &str, figures: &[Option<f64>], actors: &[ActorValues]) {
        let (key, was_cut) = cut(value);
        if was_cut && !self.groups.contains_key(&key) {
            self.cut.0 += 1;
            self.cut.1.get_or_insert_with(|| key.clone());
        }
        let width = self.figure_columns.len();
        let tally = self.groups.entry(key).or_insert_with(|| GroupTally {
            figures: vec![Running::default(); width],
            ..GroupTally::default()
        });
        tally.articles += 1;
        for (running, x) in tally.figures.iter_mut().zip(figures) {
            if let Some(x) = x.filter(|x| x.is_finite()) {
                running.add(x);
            }
        }
        for actor in actors {
            let t = tally.actors.entry(actor.id.clone()).or_default();
            if t.label.is_empty() {
                t.label = actor.label.clone();
            }
            t.authorial.add(actor.authorial);
            t.quoted.add(actor.quoted);
            t.mentions += actor.mentions;
            t.statements += actor.voice;
        }
    }
}

/// One `actors.csv` row as [`Groups::add_values`] needs it.
#[derive(Debug, Clone, Default)]
pub struct ActorValues {
    /// Actor id.
    pub id: String,
    /// Display name.
    pub label: String,
    /// `authorial_sentiment`.
    pub authorial: f64,
    /// `quoted_sentiment`.
    pub quoted: f64,
    /// `mentions`.
    pub mentions: usize,
    /// `voice`.
    pub voice: usize,
}

/// A group value trimmed and cut to [`MAX_GROUP_CHARS`]; whether it was cut.
fn cut(value: &str) -> (String, bool) {
    {
        let value = value.trim();
        if value.chars().count() <= MAX_GROUP_CHARS {
            return (value.to_string(), false);
        }
        let cut: String = value.chars().take(MAX_GROUP_CHARS - 1).collect();
        (format!("{cut}…"), true)
    }
}

impl Groups {
    /// Adds one article.
    pub fn add(&mut self, schema: &Schema<ArticleRow>, rows: &ArticleRows) {
        let (key, was_cut) = self.key(schema, &rows.article);
        let fresh = !self.groups.contains_key(&key);
        if was_cut && fresh {
            self.cut.0 += 1;
            self.cut.1.get_or_insert_with(|| key.clone());
        }
        let width = self.figure_columns.len();
        let tally = self.groups.entry(key).or_insert_with(|| GroupTally {
            figures: vec![Running::default(); width],
            ..GroupTally::default()
        });
        tally.articles += 1;
        let columns = schema.columns();
        for (running, i) in tally.figures.iter_mut().zip(&self.figure_columns) {
            if let Some(x) = columns[*i].number(&rows.article).filter(|x| x.is_finite()) {
                running.add(x);
            }
        }
        for actor in &rows.actors {
            let t = tally.actors.entry(actor.actor.clone()).or_default();
            if t.label.is_empty() {
                t.label = actor.label.clone();
            }
            t.authorial.add(actor.scores.authorial_sentiment);
            t.quoted.add(actor.scores.quoted_sentiment);
            t.mentions += actor.scores.mentions;
            t.statements += actor.scores.voice;
        }
    }

    /// The running figure of column `name` in a group.
    pub fn figure<'a>(&self, tally: &'a GroupTally, name: &str) -> Option<&'a Running> {
        let i = self.figure_names.iter().position(|n| n == name)?;
        tally.figures.get(i)
    }

    /// `outlets.csv`: one row per group.
    pub fn outlets_csv(&self) -> (Vec<u8>, usize) {
        let mut names = vec![self.by.clone(), "articles".to_string()];
        for name in &self.figure_names {
            names.push(format!("{name}_mean"));
            names.push(format!("{name}_sd"));
        }
        let mut out = Vec::new();
        Csv.header(&names, &mut out);
        for (key, tally) in &self.groups {
            let mut cells = vec![Cell::text(key), Cell::Int(tally.articles)];
            cells.extend(tally.figures.iter().flat_map(Running::cells));
            Csv.row(&names, &cells, &mut out);
        }
        (out, self.groups.len())
    }

    /// `outlet_actors.csv`: one row per group × actor × voice.
    pub fn actors_csv(&self) -> (Vec<u8>, usize) {
        let names: Vec<String> = [
            self.by.as_str(),
            "actor",
            "voice",
            "n",
            "mean_sentiment",
            "sd_sentiment",
            "label",
        ]
        .iter()
        .map(|s| (*s).to_string())
        .collect();
        let mut out = Vec::new();
        let mut rows = 0;
        Csv.header(&names, &mut out);
        for (key, tally) in &self.groups {
            for (actor, t) in &tally.actors {
                for (voice, running) in [("authorial", &t.authorial), ("quoted", &t.quoted)] {
                    let [mean, sd] = running.cells();
                    let cells = [
                        Cell::text(key),
                        Cell::text(actor),
                        Cell::text(voice),
                        Cell::Int(running.n()),
                        mean,
                        sd,
                        Cell::text(&t.label),
                    ];
                    Csv.row(&names, &cells, &mut out);
                    rows += 1;
                }
            }
        }
        (out, rows)
    }

    /// A note when group values were cut, for the manifest.
    pub fn cut_note(&self) -> Option<String> {
        let (n, first) = &self.cut;
        first.as_ref().map(|first| {
            format!(
                "{n} `{}` value(s) longer than {MAX_GROUP_CHARS} characters were cut in outlets.csv and outlet_actors.csv (the first: `{first}`); articles.csv keeps them whole",
                self.by
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::report::rows::Schemas;

    fn article(outlet: &str, words: usize) -> ArticleRows {
        let mut rows = ArticleRows::default();
        rows.article.outlet = Some(outlet.to_string());
        rows.article.scores.words = words;
        rows
    }

    #[test]
    fn ten_thousand_distinct_groups_come_out_sorted_one_row_each() {
        let lexicon = Lexicon::shared().expect("built-in lexicons");
        let schemas = Schemas::new(lexicon, &[]);
        let mut groups = Groups::new(&schemas.articles, "outlet").expect("outlet");
        // inserted in a scrambled order
        for i in 0..10_000usize {
            let k = (i * 7919) % 10_000;
            groups.add(&schemas.articles, &article(&format!("outlet {k:05}"), k));
        }
        let (csv, rows) = groups.outlets_csv();
        assert_eq!(rows, 10_000);
        let text = String::from_utf8(csv).expect("utf-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 10_001);
        assert!(
            lines[1].starts_with("outlet 00000,1,0.0000,,"),
            "{}",
            lines[1]
        );
        assert!(lines[10_000].starts_with("outlet 09999,1,9999.0000,,"));
    }

    #[test]
    fn group_by_an_unknown_column_names_the_ones_there_are() {
        let lexicon = Lexicon::shared().expect("built-in lexicons");
        let schemas = Schemas::new(lexicon, &["section".to_string()]);
        let cases = [
            ("section", None),
            ("outlet", None),
            (
                "topic",
                Some(
                    "--group-by `topic`: no such column; the articles have these text columns: title, outlet, flags, date, url, origin, article_type, section;",
                ),
            ),
            ("words", Some("--group-by `words`: no such column")),
            (
                "article_id",
                Some("--group-by `article_id`: no such column"),
            ),
        ];
        for (name, want) in cases {
            match (Groups::new(&schemas.articles, name), want) {
                (Ok(_), None) => {}
                (Err(e), Some(want)) => assert!(e.to_string().starts_with(want), "{e}"),
                (Ok(_), Some(_)) => panic!("{name} accepted"),
                (Err(e), None) => panic!("{name} refused: {e}"),
            }
        }
    }

    #[test]
    fn running_mean_and_sd_table() {
        let cases: [(&[f64], f64, Option<f64>); 4] = [
            (&[], 0.0, None),
            (&[2.0], 2.0, None),
            (&[1.0, 3.0], 2.0, Some(std::f64::consts::SQRT_2)),
            (&[1e9 + 1.0, 1e9 + 2.0, 1e9 + 3.0], 1e9 + 2.0, Some(1.0)),
        ];
        for (values, mean, sd) in cases {
            let mut r = Running::default();
            values.iter().for_each(|x| r.add(*x));
            assert!((r.mean() - mean).abs() < 1e-9, "{values:?}");
            match (r.sd(), sd) {
                (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9, "{values:?}"),
                (a, b) => assert_eq!(a, b, "{values:?}"),
            }
        }
    }
}

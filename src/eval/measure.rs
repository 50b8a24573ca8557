//! The arithmetic of evaluation, apart from the pipeline so each formula is
//! tested on its own: span matching, precision/recall, correlations, macro-F1.

use serde::Serialize;

/// A half-open character span.
pub type Span = (usize, usize);

/// Counts behind precision and recall, kept on both sides: a predicted span
/// is right when it meets a gold one, a gold span is found when a predicted
/// one meets it (the two can differ when one long span covers two short ones).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Predicted spans (or words) that match gold.
    pub right: usize,
    /// Predicted spans (or words).
    pub predicted: usize,
    /// Gold spans (or words) that a prediction matches.
    pub found: usize,
    /// Gold spans (or words).
    pub gold: usize,
}

impl Counts {
    /// Adds another record's counts.
    pub fn add(&mut self, other: Counts) {
        self.right += other.right;
        self.predicted += other.predicted;
        self.found += other.found;
        self.gold += other.gold;
    }

    /// Share of predictions that match (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.right, self.predicted)
    }

    /// Share of gold that is found (0 when there is no gold).
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        f1(self.precision(), self.recall())
    }
}

/// `a / b`, 0 when `b` is 0.
pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Harmonic mean, 0 when both are 0.
pub fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn meets(a: Span, b: Span) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Counts for one record: spans match when they share a character.
pub fn overlap(gold: &[Span], predicted: &[Span]) -> Counts {
    matching(gold, predicted, meets)
}

/// Counts for one record: spans match when both ends are equal.
pub fn exact(gold: &[Span], predicted: &[Span]) -> Counts {
    matching(gold, predicted, |a, b| a == b)
}

fn matching(gold: &[Span], predicted: &[Span], same: impl Fn(Span, Span) -> bool) -> Counts {
    Counts {
        right: predicted
            .iter()
            .filter(|p| gold.iter().any(|g| same(*g, **p)))
            .count(),
        predicted: predicted.len(),
        found: gold
            .iter()
            .filter(|g| predicted.iter().any(|p| same(**g, *p)))
            .count(),
        gold: gold.len(),
    }
}

/// Counts over words (runs of letters, digits and `_`, as Python's `\w+`): a
/// word is gold when it meets a gold span, predicted when it meets a
/// predicted one.
pub fn words(words: &[Span], gold: &[Span], predicted: &[Span]) -> Counts {
    let mut c = Counts::default();
    for w in words {
        let g = gold.iter().any(|s| meets(*s, *w));
        let p = predicted.iter().any(|s| meets(*s, *w));
        c.gold += usize::from(g);
        c.predicted += usize::from(p);
        c.right += usize::from(g && p);
    }
    c.found = c.right;
    c
}

/// The word spans of a text, in characters.
pub fn word_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = None;
    let mut n = 0;
    for (i, ch) in text.chars().enumerate() {
        let word = ch.is_alphanumeric() || ch == '_';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
        n = i + 1;
    }
    if let Some(s) = start {
        out.push((s, n));
    }
    out
}

/// Pearson's r; NaN when either side is constant or there are fewer than 2 pairs.
pub fn pearson(xs: &[f64], ys: &[f64]) -> f64 {
    let n = xs.len() as f64;
    if xs.len() < 2 {
        return f64::NAN;
    }
    let mx = xs.iter().sum::<f64>() / n;
    let my = ys.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in xs.iter().zip(ys) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    if sxx > 0.0 && syy > 0.0 {
        sxy / (sxx * syy).sqrt()
    } else {
        f64::NAN
    }
}

/// Ranks from 1, ties given their average rank.
pub fn ranks(xs: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..xs.len()).collect();
    order.sort_by(|a, b| xs[*a].total_cmp(&xs[*b]));
    let mut out = vec![0.0; xs.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && xs[order[j + 1]] == xs[order[i]] {
            j += 1;
        }
        for k in &order[i..=j] {
            out[*k] = (i + j) as f64 / 2.0 + 1.0;
        }
        i = j + 1;
    }
    out
}

/// Spearman's rho: Pearson's r of the ranks.
pub fn spearman(xs: &[f64], ys: &[f64]) -> f64 {
    pearson(&ranks(xs), &ranks(ys))
}

/// Negative, neutral, positive: the classes of target sentiment, in matrix order.
pub const CLASSES: [&str; 3] = ["negative", "neutral", "positive"];

/// The class of a score: above `band` positive, below `-band` negative.
pub fn class_of(value: f64, band: f64) -> usize {
    if value > band {
        2
    } else if value < -band {
        0
    } else {
        1
    }
}

/// Per-class F1 of a gold × predicted confusion matrix.
pub fn class_f1(m: &[[usize; 3]; 3]) -> [f64; 3] {
    let mut out = [0.0; 3];
    for (c, f) in out.iter_mut().enumerate() {
        let tp = m[c][c];
        let predicted: usize = m.iter().map(|row| row[c]).sum();
        let gold: usize = m[c].iter().sum();
        *f = f1(ratio(tp, predicted), ratio(tp, gold));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (gold, predicted, overlap counts, exact counts), counts as [right, predicted, found, gold].
    type Case<'a> = (&'a [Span], &'a [Span], [usize; 4], [usize; 4]);

    #[test]
    fn overlap_and_exact_table() {
        let cases: [Case; 4] = [
            (&[(0, 5)], &[(0, 5)], [1, 1, 1, 1], [1, 1, 1, 1]),
            (&[(0, 5)], &[(4, 8)], [1, 1, 1, 1], [0, 1, 0, 1]),
            (&[(0, 2), (3, 5)], &[(0, 5)], [1, 1, 2, 2], [0, 1, 0, 2]),
            (&[(0, 2)], &[(2, 4), (6, 7)], [0, 2, 0, 1], [0, 2, 0, 1]),
        ];
        for (gold, pred, o, e) in cases {
            let got = overlap(gold, pred);
            assert_eq!(
                [got.right, got.predicted, got.found, got.gold],
                o,
                "{gold:?} {pred:?}"
            );
            let got = exact(gold, pred);
            assert_eq!(
                [got.right, got.predicted, got.found, got.gold],
                e,
                "{gold:?} {pred:?}"
            );
        }
    }

    #[test]
    fn word_spans_are_python_words() {
        assert_eq!(
            word_spans("Ça va, l'été_2"),
            vec![(0, 2), (3, 5), (7, 8), (9, 14)]
        );
        assert_eq!(word_spans(""), Vec::<Span>::new());
    }

    #[test]
    fn word_counts() {
        let w = word_spans("a bad awful day");
        let c = words(&w, &[(2, 11)], &[(2, 5), (12, 15)]);
        assert_eq!([c.right, c.predicted, c.gold], [1, 2, 2]);
        assert!((c.precision() - 0.5).abs() < 1e-12);
    }

    #[test]
    fn correlations() {
        let xs = [1.0, 2.0, 3.0, 4.0];
        assert!((pearson(&xs, &[2.0, 4.0, 6.0, 8.0]) - 1.0).abs() < 1e-12);
        assert!((spearman(&xs, &[1.0, 10.0, 100.0, 1000.0]) - 1.0).abs() < 1e-12);
        assert!(pearson(&xs, &[1.0; 4]).is_nan());
        assert_eq!(ranks(&[3.0, 1.0, 3.0]), vec![2.5, 1.0, 2.5]);
    }

    #[test]
    fn classes_and_f1() {
        assert_eq!(
            [
                class_of(0.06, 0.05),
                class_of(0.05, 0.05),
                class_of(-0.2, 0.05)
            ],
            [2, 1, 0]
        );
        let m = [[1, 1, 0], [0, 2, 0], [0, 0, 0]];
        let f = class_f1(&m);
        assert!((f[0] - 2.0 / 3.0).abs() < 1e-12);
        assert!((f[1] - 0.8).abs() < 1e-12);
        assert_eq!(f[2], 0.0);
    }
}

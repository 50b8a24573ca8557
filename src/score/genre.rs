//! The article's type — news report, opinion or analysis — from the markers
//! of `genre.toml` and from how much of the evaluation is the writer's own.
//!
//! Markers alone miss the commentary that wears no label and never says
//! "we" (a hawkish piece that lets its adjectives do the work), so the
//! writer's own evaluation also earns opinion points: the summed strength of
//! the polar words in the writer's voice per 1,000 words, counted only when
//! the writer, not the people quoted, does most of the evaluating. Every
//! threshold is a named value in `scoring.toml`.

use crate::analyze::Analysis;
use crate::analyze::genre::MarkerKind;
use crate::lexicon::{Family, Lexicon, Scoring};

/// What kind of article it is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ArticleType {
    /// A news report: the default.
    #[default]
    News,
    /// Opinion or commentary.
    Opinion,
    /// Analysis or an explainer.
    Analysis,
}

impl ArticleType {
    /// The name in `articles.csv`.
    pub fn name(self) -> &'static str {
        match self {
            ArticleType::News => "news",
            ArticleType::Opinion => "opinion",
            ArticleType::Analysis => "analysis",
        }
    }
}

/// The type and the points behind it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Genre {
    /// The verdict.
    pub kind: ArticleType,
    /// Opinion points: markers plus the writer's own evaluation.
    pub opinion: f64,
    /// Analysis points.
    pub analysis: f64,
}

/// Decides the type of one article.
pub fn classify(analysis: &Analysis, lexicon: &Lexicon) -> Genre {
    let w = &lexicon.scoring;
    let (mut opinion, mut analysis_points) = (0.0, 0.0);
    for m in &analysis.markers {
        let points = match m.kind {
            MarkerKind::Term(t) => lexicon.terms[t].weight,
            MarkerKind::Disclaimer => w.opinion_disclaimer_points,
        };
        match m.family {
            Family::Analysis => analysis_points += points,
            _ => opinion += points,
        }
    }
    opinion += evaluation_points(analysis, w) + loaded_points(analysis, w);
    let kind = if opinion >= w.opinion_threshold {
        ArticleType::Opinion
    } else if analysis_points >= w.analysis_threshold {
        ArticleType::Analysis
    } else {
        ArticleType::News
    };
    Genre {
        kind,
        opinion,
        analysis: analysis_points,
    }
}

/// Opinion points of the writer's own evaluation: its strength per 1,000
/// words over `opinion_evaluation_per_1k`, when the writer's share of all
/// evaluation reaches `opinion_authorial_share`.
fn evaluation_points(analysis: &Analysis, w: &Scoring) -> f64 {
    let words = analysis.doc.words;
    if words == 0 {
        return 0.0;
    }
    let (own, quoted) = analysis
        .terms
        .iter()
        .filter(|h| h.primary && h.family.is_polar())
        .fold((0.0, 0.0), |(own, quoted), h| {
            if h.quoted {
                (own, quoted + h.value.abs())
            } else {
                (own + h.value.abs(), quoted)
            }
        });
    let total = own + quoted;
    if total <= 0.0 || own / total < w.opinion_authorial_share {
        return 0.0;
    }
    own * 1000.0 / words as f64 / w.opinion_evaluation_per_1k
}

/// Opinion points of loaded language in the writer's voice: one per
/// `opinion_loaded_per_1k` loaded terms per 1,000 words.
fn loaded_points(analysis: &Analysis, w: &Scoring) -> f64 {
    let words = analysis.doc.words;
    if words == 0 {
        return 0.0;
    }
    let loaded = analysis
        .terms
        .iter()
        .filter(|h| h.family == Family::Loaded && !h.quoted)
        .count();
    loaded as f64 * 1000.0 / words as f64 / w.opinion_loaded_per_1k
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::analyze;
    use crate::ingest::Article;

    fn kind(text: &str) -> &'static str {
        let lexicon = Lexicon::shared().expect("built-in lexicons");
        let article = Article::from_text("t", text);
        classify(&analyze(&article, lexicon), lexicon).kind.name()
    }

    #[test]
    fn article_type_table() {
        let cases = [
            (
                "The ministry said on Monday that talks would resume. \"We hope for progress,\" a spokesman said.",
                "news",
            ),
            (
                "Opinion\nThe budget is late, and the ministry has again failed to explain why.",
                "opinion",
            ),
            (
                "The budget is late.\nThe views expressed are the author's own.",
                "opinion",
            ),
            (
                "We must not let this stand. We should say so. Tokyo must stop its provocations.",
                "opinion",
            ),
            (
                "Analysis\nWhat this means for the budget is unclear. In other words, nobody knows.",
                "analysis",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(kind(text), want, "{text}");
        }
    }

    #[test]
    fn an_article_with_no_sentences_is_news_with_no_points() {
        let lexicon = Lexicon::shared().expect("built-in lexicons");
        for text in ["", "\n \n"] {
            let article = Article::from_text("t", text);
            let genre = classify(&analyze(&article, lexicon), lexicon);
            assert_eq!(genre, Genre::default(), "{text:?}");
        }
    }
}

//! The parts of `reliability` that need more than counts: balance toward the
//! actors, transparency about who wrote the text and when, and whether the
//! article's claims rest on state media.
//!
//! Each part reads textual signals only. Balance asks whether the writer's
//! own words lean hard on some actor and whether the actors the writer
//! criticises are heard; transparency asks whether a byline, a date and
//! named sources let a reader check the text; the state-media test asks who
//! the statements come from, not which outlets are named (an interview
//! given to TASS is Lavrov's statement; "TASS reported" is TASS's).

use std::ops::Range;

use crate::analyze::{Analysis, SourceKind};
use crate::lexicon::{Lexicon, Scoring, Target};
use crate::score::ActorScores;
use crate::text::Slice;

/// An authorial sentiment below this is criticism of the actor (the ±0.05
/// neutral band of every sentiment check).
const CRITICISM: f64 = -0.05;

/// Lines from the top (and from the end) searched for a byline or a date.
const HEAD_LINES: usize = 6;
const TAIL_LINES: usize = 3;
/// Words at most in a byline.
const BYLINE_WORDS: usize = 6;
/// Words from the start of a line searched for a date.
const DATE_LINE_WORDS: usize = 12;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Balance 0–1: 1 − S × (1 − credit × V), S the one-sidedness of the
/// writer's words (the largest |authorial sentiment| toward an actor over
/// `balance_ceiling`, at most 1), V the share of the actors the writer
/// criticises that are given a voice.
pub fn balance(actors: &[ActorScores], w: &Scoring) -> f64 {
    let strongest = actors
        .iter()
        .map(|a| a.authorial_sentiment.abs())
        .fold(0.0, f64::max);
    let one_sided = (strongest / w.balance_ceiling).min(1.0);
    let criticised: Vec<&ActorScores> = actors
        .iter()
        .filter(|a| a.authorial_sentiment < CRITICISM)
        .collect();
    let voiced = if criticised.is_empty() {
        0.0
    } else {
        criticised.iter().filter(|a| a.voice > 0).count() as f64 / criticised.len() as f64
    };
    1.0 - one_sided * (1.0 - w.balance_voice_credit * voiced)
}

/// Transparency 0–1: a byline, a date (the input's or one in the text) and
/// the share of statements with a named or organisation source, weighted.
pub fn transparency(analysis: &Analysis, lexicon: &Lexicon, named_share: f64) -> f64 {
    let w = &lexicon.scoring;
    let total = w.transparency_byline + w.transparency_dateline + w.transparency_named;
    if total <= 0.0 {
        return 0.0;
    }
    let byline = f64::from(u8::from(has_byline(analysis, lexicon)));
    let dated = f64::from(u8::from(
        analysis
            .article
            .date
            .as_deref()
            .is_some_and(|d| !d.trim().is_empty())
            || has_date_line(analysis),
    ));
    (w.transparency_byline * byline
        + w.transparency_dateline * dated
        + w.transparency_named * named_share)
        / total
}

/// The non-empty lines at the top and at the end of the text, trimmed of
/// list marks.
fn edge_lines(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text
        .lines()
        .map(|l| {
            l.trim()
                .trim_start_matches(['-', '•', '*', '|', '–', '—'])
                .trim()
        })
        .filter(|l| !l.is_empty())
        .collect();
    let head = lines.len().min(HEAD_LINES);
    let tail = lines.len().saturating_sub(TAIL_LINES).max(head);
    lines[..head]
        .iter()
        .chain(&lines[tail..])
        .copied()
        .collect()
}

/// "By Jane Doe", or a short line of capitalised words ending in a byline
/// noun ("Myind Staff").
pub fn has_byline(analysis: &Analysis, lexicon: &Lexicon) -> bool {
    edge_lines(&analysis.article.text).iter().any(|line| {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() || words.len() > BYLINE_WORDS {
            return false;
        }
        let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
        let by = words.len() >= 2
            && words[0].eq_ignore_ascii_case("by")
            && words[1..].iter().take(2).all(capitalised);
        let last = words[words.len() - 1]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let staff = words.len() >= 2
            && words.iter().all(capitalised)
            && lexicon.words.byline_nouns.contains(&last);
        by || staff
    })
}

/// A date in the first words of a line near the top or the end: a month
/// name by a day with a year ("Dec 29, 2025"), or digits such as
/// "28/12/2025" or "2025-12-28".
pub fn has_date_line(analysis: &Analysis) -> bool {
    edge_lines(&analysis.article.text).iter().any(|line| {
        let words: Vec<String> = line
            .split(|c: char| !c.is_alphanumeric() && c != '/' && c != '-' && c != '.')
            .map(|w| w.trim_matches('.').to_lowercase())
            .filter(|w| !w.is_empty())
            .take(DATE_LINE_WORDS)
            .collect();
        let year = |w: &str| {
            w.len() == 4
                && w.chars().all(|c| c.is_ascii_digit())
                && (w.starts_with("19") || w.starts_with("20"))
        };
        let month = |w: &str| {
            let w = w.trim_end_matches('.');
            MONTHS.contains(&w) || FULL_MONTHS.contains(&w) || w == "sept"
        };
        let number =
            |w: &str| !w.is_empty() && w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit());
        let numeric = |w: &str| {
            let parts: Vec<&str> = w.split(['/', '-', '.']).collect();
            parts.len() == 3
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
                && parts.iter().any(|p| year(p))
        };
        // a month next to a number ("Dec 29", "5 May"): "may rise" is no date
        let dated_month = (0..words.len()).any(|k| {
            month(&words[k])
                && (k > 0 && number(&words[k - 1]) || k + 1 < words.len() && number(&words[k + 1]))
        });
        words.iter().any(|w| numeric(w)) || dated_month && words.iter().any(|w| year(w))
    })
}

const FULL_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// How many attributed statements rest on state media: their source is a
/// state-media outlet ("TASS reported", "according to a report by the TASS
/// news agency"), or they lie inside such a statement's content, or such a
/// statement refers back to them ("The remarks, reported by TASS, …" covers
/// the sentence before). An outlet only addressed ("told Xinhua") or named
/// as where someone spoke is not a source of the article's claims.
pub fn state_media_statements(analysis: &Analysis, lexicon: &Lexicon) -> usize {
    let text = analysis.article.text.as_str();
    let state: Vec<Range<usize>> = analysis
        .hits
        .iter()
        .filter(|(_, h)| {
            h.targets.iter().any(|t| {
                matches!(t, Target::Source(i) if lexicon.sources[*i as usize].kind == "state_media")
            })
        })
        .map(|(_, h)| h.start..h.end)
        .collect();
    if state.is_empty() {
        return 0;
    }
    let names_state = |source: &Range<usize>| {
        state.iter().any(|h| {
            let inside = source.start <= h.start && h.end <= source.end;
            let joined = h.start >= source.end
                && h.start - source.end <= 40
                && text.is_char_boundary(h.start)
                && text
                    .slice(source.end..h.start)
                    .split_whitespace()
                    .all(|w| JOINERS.contains(&w.to_lowercase().as_str()));
            inside || joined
        })
    };
    let attributions = &analysis.attributions;
    let reports: Vec<usize> = (0..attributions.len())
        .filter(|&i| {
            attributions[i].kind != SourceKind::None
                && attributions[i].source.as_ref().is_some_and(names_state)
        })
        .collect();
    let mut rests = vec![false; attributions.len()];
    for &i in &reports {
        let report = &attributions[i];
        rests[i] = true;
        let anaphor = refers_back(text, lexicon, &report.content);
        for (j, other) in attributions.iter().enumerate() {
            let inside =
                report.content.start <= other.cue.start && other.cue.end <= report.content.end;
            let before = anaphor && other.sentence + 1 == report.sentence;
            if inside || before {
                rests[j] = true;
            }
        }
    }
    rests.iter().filter(|r| **r).count()
}

/// Words between a source phrase and the outlet it is "by" or "of"
/// ("a report by the TASS news agency").
const JOINERS: [&str; 6] = ["by", "of", "from", "the", "a", "an"];

/// Whether a statement's content is a short phrase pointing back at what
/// was said ("The remarks", "these statements").
fn refers_back(text: &str, lexicon: &Lexicon, content: &Range<usize>) -> bool {
    if !text.is_char_boundary(content.start) || !text.is_char_boundary(content.end) {
        return false;
    }
    let words: Vec<String> = text
        .slice(content.clone())
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let pointer = [
        "the", "these", "this", "those", "such", "his", "her", "their",
    ];
    words.len() <= 3
        && words.first().is_some_and(|w| pointer.contains(&w.as_str()))
        && words
            .last()
            .is_some_and(|w| lexicon.words.speech_nouns.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{ActorRef, analyze};
    use crate::ingest::Article;

    fn lexicon() -> &'static Lexicon {
        Lexicon::shared().expect("built-in lexicons")
    }

    fn actor(authorial: f64, voice: usize) -> ActorScores {
        ActorScores {
            actor: ActorRef::Lexicon(0),
            mentions: 1,
            voice,
            positive: 0,
            negative: 0,
            sentiment: authorial,
            authorial_sentiment: authorial,
            quoted_sentiment: 0.0,
        }
    }

    #[test]
    fn balance_table() {
        let w = &lexicon().scoring;
        let cases = [
            // no actors, or neutral words: balanced
            (vec![], 1.0),
            (vec![actor(0.02, 0)], 1.0 - 0.02 / w.balance_ceiling),
            // the writer condemns an actor that is never heard
            (vec![actor(-0.6, 0)], 0.0),
            // the same actor, quoted: half forgiven
            (vec![actor(-0.6, 2)], w.balance_voice_credit),
            // praise for one, blame for another who is heard
            (
                vec![actor(0.25, 0), actor(-0.1, 1)],
                1.0 - 0.5 * (1.0 - w.balance_voice_credit),
            ),
        ];
        for (actors, want) in cases {
            let got = balance(&actors, w);
            assert!((got - want).abs() < 1e-9, "{actors:?}: {got} vs {want}");
        }
    }

    fn article(text: &str) -> Article {
        Article::from_text("t", text)
    }

    #[test]
    fn byline_and_date_table() {
        let cases = [
            ("Talks resume\nBy Jane Doe\nThe talks resumed.", true, false),
            (
                "Talks resume\n- Myind Staff\n- 01:12 PM, Dec 29, 2025\nThe talks resumed.",
                true,
                true,
            ),
            ("CaliToday (28/12/2025): The talks resumed.", false, true),
            // a name in a caption line is no byline; a year alone is no date
            (
                "The talks resumed in 2025.\nHayashitake Asa\nThey went on.",
                false,
                false,
            ),
            ("", false, false),
        ];
        for (text, byline, dated) in cases {
            let a = article(text);
            let analysis = analyze(&a, lexicon());
            assert_eq!(has_byline(&analysis, lexicon()), byline, "byline: {text}");
            assert_eq!(has_date_line(&analysis), dated, "date: {text}");
        }
    }

    #[test]
    fn state_media_statements_table() {
        let cases = [
            // the wire report resting on TASS
            (
                "Shoigu told Wang Yi that Moscow backs Beijing, according to a report by the TASS state news agency.",
                2,
            ),
            ("TASS reported that the talks had ended.", 1),
            // naming TASS as where someone spoke is not resting on it
            (
                "Lavrov said in an interview with TASS that Japan must think twice.",
                0,
            ),
            (
                "\"Japan must learn,\" Zakharova told Xinhua News Agency.",
                0,
            ),
            ("", 0),
        ];
        for (text, want) in cases {
            let a = article(text);
            let analysis = analyze(&a, lexicon());
            assert_eq!(state_media_statements(&analysis, lexicon()), want, "{text}");
        }
    }
}

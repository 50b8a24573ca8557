//! Quotations: straight, curly and guillemet marks, quotes over several
//! paragraphs, and scare quotes.
//!
//! One left-to-right pass with a tiny state machine keeps this linear on any
//! input (hundreds of marks, none, only openers). Double marks are tracked on
//! their own; single marks only outside double quotes, and a `’` between two
//! letters is an apostrophe. A double quote left open at the end of a
//! paragraph continues if the next paragraph opens with a quote mark (the
//! newspaper convention); otherwise it is closed there and counted unbalanced.
//! Whether a quote is a source's words or a scare quote is decided after
//! attribution, in [`classify`].

use std::ops::Range;

use super::Analysis;
use super::attribution::SourceKind;
use crate::text::Slice;

/// A quoted span.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    /// Span including the marks.
    pub outer: Range<usize>,
    /// Span of the quoted words.
    pub inner: Range<usize>,
    /// Number of words inside.
    pub words: usize,
    /// The attribution whose content it is.
    pub attribution: Option<usize>,
    /// A short phrase held at arm's length, not a source's words.
    pub scare: bool,
    /// Its closing mark was missing.
    pub unbalanced: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Open,
    Close,
    Either,
}

fn double_mark(c: char) -> Option<Mark> {
    match c {
        '"' => Some(Mark::Either),
        '\u{201C}' | '\u{201E}' | '\u{00AB}' => Some(Mark::Open),
        '\u{201D}' | '\u{00BB}' => Some(Mark::Close),
        _ => None,
    }
}

/// Finds every quotation in the kept paragraphs.
pub fn find(analysis: &Analysis) -> Vec<Quote> {
    let text = analysis.article.text.as_str();
    let paragraphs = &analysis.doc.paragraphs;
    let mut quotes = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (p, para) in paragraphs.iter().enumerate() {
        let body = text.slice(para.clone());
        let mut single: OpenSingle = None;
        let mut chars = body.char_indices().peekable();
        let mut prev = ' ';
        let carried = open.is_some();
        while let Some((i, c)) = chars.next() {
            let at = para.start + i;
            let next = chars.peek().map_or(' ', |(_, n)| *n);
            if carried && i == 0 && double_mark(c).is_some() {
                prev = c;
                continue;
            }
            if let Some(mark) = double_mark(c) {
                single = None;
                match (open, mark) {
                    (None, Mark::Open | Mark::Either) => open = Some((at, c)),
                    (Some((start, opener)), Mark::Close | Mark::Either) => {
                        push(&mut quotes, text, start, opener, at, c, false);
                        open = None;
                    }
                    (Some((_, '\u{201E}')), Mark::Open) if c == '\u{201C}' => {
                        let (start, opener) = open.take().unwrap_or((at, c));
                        push(&mut quotes, text, start, opener, at, c, false);
                    }
                    _ => {}
                }
            } else if open.is_none() {
                single = single_mark(text, &mut quotes, single, at, c, prev, next);
            }
            prev = c;
        }
        if let Some((start, opener)) = open {
            let continues = paragraphs
                .get(p + 1)
                .and_then(|n| text.slice(n.clone()).chars().next())
                .is_some_and(|c| matches!(double_mark(c), Some(Mark::Open | Mark::Either)));
            if !continues {
                push(&mut quotes, text, start, opener, para.end, ' ', true);
                open = None;
            }
        }
    }
    quotes
}

/// An open single quote: where its mark is, and which mark it is (a `‘` may
/// be closed by a `'` and the other way round, so the opener's width cannot be
/// inferred from the closer's).
type OpenSingle = Option<(usize, char)>;

fn single_mark(
    text: &str,
    quotes: &mut Vec<Quote>,
    single: OpenSingle,
    at: usize,
    c: char,
    prev: char,
    next: char,
) -> OpenSingle {
    let is_single = matches!(c, '\'' | '\u{2018}' | '\u{2019}');
    if !is_single || (prev.is_alphanumeric() && next.is_alphanumeric()) {
        return single;
    }
    match single {
        None if !prev.is_alphanumeric() && next.is_alphanumeric() && c != '\u{2019}' => {
            Some((at, c))
        }
        Some((start, opener)) if !prev.is_whitespace() && !next.is_alphanumeric() => {
            push(quotes, text, start, opener, at, c, false);
            None
        }
        other => other,
    }
}

fn push(
    quotes: &mut Vec<Quote>,
    text: &str,
    start: usize,
    opener: char,
    close_at: usize,
    closer: char,
    unbalanced: bool,
) {
    let inner_start = start + opener.len_utf8();
    let outer_end = if unbalanced {
        close_at
    } else {
        close_at + closer.len_utf8()
    };
    if inner_start >= close_at {
        return;
    }
    let inner = text.slice(inner_start..close_at);
    let words = inner
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    if words == 0 {
        return;
    }
    quotes.push(Quote {
        outer: start..outer_end,
        inner: inner_start..close_at,
        words,
        attribution: None,
        scare: false,
        unbalanced,
    });
}

/// Words at most in a scare quote.
const SCARE_MAX_WORDS: usize = 4;

/// Marks scare quotes: short, and not the words of a named source.
///
/// Links each direct quotation to the attribution whose content it is, and
/// finds the indirect contents that enclose a quote with one sorted sweep, so
/// the pass stays linear-logarithmic however many quotes and cues there are.
pub fn classify(analysis: &mut Analysis) {
    link_direct(analysis);
    let enclosing = named_contents(analysis);
    let text = analysis.article.text.as_str();
    for q in 0..analysis.quotes.len() {
        let quote = &analysis.quotes[q];
        let inner = text.slice(quote.inner.clone()).trim_end();
        let sentence_like = inner.ends_with(['.', '!', '?']) && quote.words > 2;
        let attributed_to_someone = quote
            .attribution
            .is_some_and(|a| named(analysis.attributions[a].kind));
        let inside_named_content = enclosing.covers(&quote.outer);
        let scare = quote.words <= SCARE_MAX_WORDS
            && !sentence_like
            && !attributed_to_someone
            && !inside_named_content;
        analysis.quotes[q].scare = scare;
    }
}

fn named(kind: SourceKind) -> bool {
    !matches!(kind, SourceKind::Vague | SourceKind::None)
}

/// Sets `Quote::attribution` for quotes that are the content of a direct attribution.
fn link_direct(analysis: &mut Analysis) {
    for (a, attribution) in analysis.attributions.iter().enumerate() {
        if !attribution.direct {
            continue;
        }
        let quotes = &analysis.quotes;
        let k = quotes.partition_point(|q| q.inner.start < attribution.content.start);
        if let Some(q) = analysis.quotes.get_mut(k)
            && q.inner == attribution.content
            && q.attribution.is_none()
        {
            q.attribution = Some(a);
        }
    }
}

/// Indirect contents of identified sources, sorted, with the running furthest end.
struct Enclosing {
    starts: Vec<usize>,
    max_end: Vec<usize>,
}

impl Enclosing {
    /// Whether some content starts at or before `span` and ends at or after it.
    fn covers(&self, span: &Range<usize>) -> bool {
        let k = self.starts.partition_point(|s| *s <= span.start);
        k > 0 && self.max_end[k - 1] >= span.end
    }
}

fn named_contents(analysis: &Analysis) -> Enclosing {
    let mut spans: Vec<Range<usize>> = analysis
        .attributions
        .iter()
        .filter(|a| !a.direct && named(a.kind))
        .map(|a| a.content.clone())
        .collect();
    spans.sort_by_key(|r| r.start);
    let mut furthest = 0;
    let max_end = spans
        .iter()
        .map(|r| {
            furthest = furthest.max(r.end);
            furthest
        })
        .collect();
    Enclosing {
        starts: spans.iter().map(|r| r.start).collect(),
        max_end,
    }
}

#[cfg(test)]
mod tests {
    use crate::analyze::analyze;
    use crate::ingest::Article;
    use crate::lexicon::Lexicon;

    fn quotes(text: &str) -> Vec<(String, bool)> {
        let lexicon = Lexicon::shared().expect("builtin");
        let article = Article::from_text("t", text);
        let a = analyze(&article, lexicon);
        a.quotes
            .iter()
            .map(|q| (text[q.inner.clone()].to_string(), q.unbalanced))
            .collect()
    }

    #[test]
    fn quote_table() {
        let s = |x: &str, u: bool| (x.to_string(), u);
        let cases: Vec<(&str, Vec<(String, bool)>)> = vec![
            ("He said \"no way\" today.", vec![s("no way", false)]),
            (
                "He said \u{201C}no way\u{201D} today.",
                vec![s("no way", false)],
            ),
            (
                "Il a dit \u{00AB} jamais \u{00BB}.",
                vec![s(" jamais ", false)],
            ),
            ("Er sagte \u{201E}nie\u{201C} heute.", vec![s("nie", false)]),
            (
                "Wang called it 'shocking.' Then left.",
                vec![s("shocking.", false)],
            ),
            (
                "Russia\u{2019}s army and the countries\u{2019} talks.",
                vec![],
            ),
            (
                "\"Open only and never closed",
                vec![s("Open only and never closed", true)],
            ),
            (
                "\"First para\n\"second para.\" he said",
                vec![s("First para\n\"second para.", false)],
            ),
            ("Stray close\u{201D} mark.", vec![]),
            ("\"\" empty", vec![]),
        ];
        for (text, want) in cases {
            assert_eq!(quotes(text), want, "{text:?}");
        }
    }

    /// Issue 9: the closing mark was taken for the opening one, so an opener
    /// and closer of different widths cut a character in half (a panic) or
    /// lost characters of the quote.
    #[test]
    fn single_quote_closed_by_a_mark_of_another_width_keeps_its_inner_text() {
        let lexicon = Lexicon::shared().expect("builtin");
        let cases: &[(&str, &str)] = &[
            ("He called it a \u{2018}wolf' policy.", "wolf"),
            ("\u{2018}r'", "r"),
            ("'\u{1E9E}\u{2019}", "\u{1E9E}"),
            (
                "\u{4ED6}\u{8BF4} '\u{4E2D}\u{56FD}\u{2019} \u{5F88}\u{597D}",
                "\u{4E2D}\u{56FD}",
            ),
            (
                "Smith said: 'We will never surrender to them\u{2019}",
                "We will never surrender to them",
            ),
            ("'ab\u{2019}", "ab"),
        ];
        for &(text, want) in cases {
            let article = Article::from_text("t", text);
            let a = analyze(&article, lexicon);
            let got: Vec<&str> = a.quotes.iter().map(|q| &text[q.inner.clone()]).collect();
            assert_eq!(got, [want], "{text:?}");
            let outer = &a.quotes[0].outer;
            assert_eq!(
                text[outer.clone()].chars().count(),
                want.chars().count() + 2,
                "{text:?}"
            );
        }
    }

    #[test]
    fn twenty_thousand_word_quote_is_one_quote_and_its_cues_are_the_speakers() {
        let body = "we said the plan works and they told us so ".repeat(2000);
        let text = format!("Lavrov said: \u{201C}{body}\u{201D} It ended.");
        let lexicon = Lexicon::shared().expect("builtin");
        let article = Article::from_text("t", &text);
        let a = analyze(&article, lexicon);
        assert_eq!(a.quotes.len(), 1);
        assert!(a.quotes[0].words >= 20_000);
        assert!(
            a.attributions.len() <= 2,
            "cues inside the quote make no rows: {}",
            a.attributions.len()
        );
    }

    #[test]
    fn sentence_with_hundreds_of_marks_and_cues_stays_sane() {
        let text =
            "\"Yes,\" he said, \u{201C}no\u{201D} \u{00AB}maybe\u{00BB} \u{2014} ".repeat(300);
        let lexicon = Lexicon::shared().expect("builtin");
        let article = Article::from_text("t", &text);
        let a = analyze(&article, lexicon);
        assert_eq!(a.quotes.len(), 900);
        assert!(a.attributions.len() <= 600);
        let unbalanced = "\u{201C}a \u{201D}b \u{201D} \"c ' \u{2018}d ".repeat(300);
        let article = Article::from_text("t", &unbalanced);
        let _ = analyze(&article, lexicon);
    }

    #[test]
    fn many_marks_stay_linear_and_sane() {
        let text = "\"a\" ".repeat(5000);
        assert_eq!(quotes(&text).len(), 5000);
        let openers = "\u{201C}x ".repeat(5000);
        assert!(quotes(&openers).len() <= 1);
    }
}

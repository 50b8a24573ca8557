//! Closed-class words and small string helpers the attribution rules share:
//! grammar, not judgement, so they live in code.

use super::*;

/// Subject pronouns (and "him", for "according to him").
pub(super) const PRONOUNS: &[&str] = &["he", "him", "i", "it", "she", "them", "they", "we", "you"];
/// Pronouns that stand for one person.
pub(super) const PERSONAL: &[&str] = &["he", "her", "him", "his", "i", "she"];
pub(super) const DETERMINERS: &[&str] = &[
    "a", "an", "another", "her", "his", "its", "one", "our", "some", "the", "their", "two",
];
/// Words after which a verb-like cue is a noun: "its claims", "the reports".
pub(super) const NOUN_MARKERS: &[&str] = &[
    "a", "an", "any", "each", "every", "her", "his", "its", "my", "no", "our", "such", "the",
    "their", "these", "those", "your",
];
pub(super) const CONNECTORS: &[&str] = &["and", "by", "for", "of", "to"];
/// Forms of "be", "have" and "do" and the modals: an auxiliary is never a cue
/// ("Russia has backed …").
pub(super) const AUXILIARIES: &[&str] = &[
    "am", "are", "be", "been", "being", "can", "could", "did", "do", "does", "had", "has", "have",
    "having", "is", "may", "might", "must", "shall", "should", "was", "were", "will", "would",
];
/// Modals: always auxiliaries.
pub(super) const MODALS: &[&str] = &[
    "can", "could", "may", "might", "must", "shall", "should", "will", "would",
];
/// Forms of "be": "it is known that" is a passive with an empty subject.
pub(super) const BE_FORMS: &[&str] = &["are", "be", "been", "being", "is", "was", "were"];
/// Auxiliaries and adverbs that may stand between a subject and its verb.
pub(super) const BETWEEN: &[&str] = &[
    "again",
    "also",
    "already",
    "always",
    "are",
    "be",
    "been",
    "can",
    "could",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "don't",
    "even",
    "ever",
    "first",
    "further",
    "had",
    "has",
    "hasn't",
    "have",
    "haven't",
    "is",
    "just",
    "later",
    "may",
    "might",
    "must",
    "never",
    "not",
    "now",
    "often",
    "once",
    "reportedly",
    "should",
    "since",
    "still",
    "then",
    "was",
    "well",
    "were",
    "will",
    "won't",
    "would",
    "wouldn't",
];
/// Adverbs of interpretation: a participle after one (", effectively
/// endorsing") is the writer's reading, not a statement.
pub(super) const READING_ADVERBS: &[&str] = &[
    "effectively",
    "essentially",
    "implicitly",
    "tacitly",
    "thereby",
    "thus",
];
/// Words of a time phrase that may stand between a subject and its verb ("who in 2010 said").
pub(super) const TIME_WORDS: &[&str] = &[
    "april",
    "august",
    "december",
    "earlier",
    "february",
    "friday",
    "january",
    "july",
    "june",
    "last",
    "march",
    "monday",
    "month",
    "morning",
    "night",
    "november",
    "october",
    "saturday",
    "september",
    "sunday",
    "this",
    "thursday",
    "today",
    "tonight",
    "tuesday",
    "wednesday",
    "week",
    "year",
    "yesterday",
];
pub(super) const TIME_PREPOSITIONS: &[&str] = &["at", "during", "in", "on"];
/// Words that join two clauses: a verb after them shares the first clause's subject.
pub(super) const COORDINATORS: &[&str] = &["and", "but", "or"];
/// Relative pronouns: the source is the noun phrase they refer back to.
pub(super) const RELATIVES: &[&str] = &["that", "which", "who"];
/// Function words that cannot end a subject noun phrase.
pub(super) const NOT_HEAD: &[&str] = &[
    "about",
    "after",
    "against",
    "although",
    "amid",
    "among",
    "and",
    "as",
    "at",
    "because",
    "before",
    "between",
    "but",
    "by",
    "during",
    "following",
    "for",
    "from",
    "here",
    "how",
    "if",
    "in",
    "into",
    "like",
    "meanwhile",
    "nor",
    "of",
    "on",
    "or",
    "over",
    "so",
    "than",
    "that",
    "there",
    "though",
    "through",
    "to",
    "under",
    "unless",
    "until",
    "upon",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "with",
    "without",
];
/// Words that end a noun phrase read rightwards from the cue.
pub(super) const STOPS: &[&str] = &[
    "after",
    "amid",
    "as",
    "at",
    "before",
    "but",
    "by",
    "during",
    "following",
    "friday",
    "from",
    "if",
    "in",
    "meanwhile",
    "monday",
    "on",
    "saturday",
    "since",
    "so",
    "sunday",
    "that",
    "these",
    "this",
    "those",
    "through",
    "thursday",
    "today",
    "tuesday",
    "under",
    "wednesday",
    "what",
    "when",
    "which",
    "while",
    "who",
    "with",
    "yesterday",
];
/// Words that open a clause after a verb of saying ("says he", "claims that").
pub(super) const CLAUSE_OPENERS: &[&str] = &[
    "he", "her", "his", "i", "it", "its", "our", "she", "that", "their", "there", "they", "we",
    "you",
];
pub(super) const OPENERS: [char; 4] = ['"', '\u{201C}', '\u{00AB}', '\u{201E}'];
pub(super) const CLOSERS: [char; 5] = ['"', '\u{201D}', '\u{2019}', '\'', '\u{00BB}'];
pub(super) const DASHES: [char; 4] = ['\u{2014}', '\u{2015}', '\u{2013}', '-'];
pub(super) const MAX_SOURCE_WORDS: usize = 10;
pub(super) const MAX_QUOTE_GAP: usize = 80;
/// Words at most in an appositive between a subject and its verb.
pub(super) const MAX_APPOSITIVE_WORDS: usize = 16;
/// Prepositions and conjunctions that take a gerund whose subject is the
/// clause's ("by saying", "after warning", "while claiming").
pub(super) const GERUND_PREPOSITIONS: &[&str] =
    &["after", "before", "by", "since", "when", "while", "without"];
/// Words at most in the source of a headline verb ("Former Clinton Pollster").
pub(super) const MAX_HEADLINE_SOURCE_WORDS: usize = 6;
/// Bytes looked back from a headline verb for the start of its clause.
pub(super) const HEADLINE_LOOKBACK: usize = 160;
/// Words at most between "in" and a poll noun ("in a new Fox News poll").
pub(super) const MAX_POLL_PHRASE_WORDS: usize = 7;
/// Words at most in a name before a colon ("Graham: …").
pub(super) const MAX_COLON_NAME_WORDS: usize = 6;

pub(super) fn is_possessive(source: &str) -> bool {
    source.ends_with("'s") || source.ends_with("\u{2019}s")
}

pub(super) fn is_number(word: &str) -> bool {
    const NUMBERS: &[&str] = &[
        "dozens",
        "eight",
        "eighty",
        "few",
        "fifty",
        "five",
        "forty",
        "four",
        "hundred",
        "hundreds",
        "million",
        "millions",
        "nine",
        "ninety",
        "seven",
        "seventy",
        "several",
        "six",
        "sixty",
        "ten",
        "thirty",
        "thousand",
        "thousands",
        "three",
        "twenty",
        "two",
    ];
    word.chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && word.starts_with(|c: char| c.is_ascii_digit())
        || NUMBERS.contains(&word)
}

pub(super) fn singular(word: &str) -> &str {
    word.strip_suffix('s')
        .filter(|w| w.len() > 3)
        .unwrap_or(word)
}

pub(super) fn singular_owned(word: &str) -> String {
    singular(word).to_string()
}

/// The largest char boundary of `text` at or below `at`.
pub(super) fn char_floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

pub(super) fn trim_punct(text: &str, span: Range<usize>) -> Range<usize> {
    if span.start >= span.end {
        return span.start..span.start;
    }
    let body = text.slice(span.clone());
    let junk = |c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '\u{2014}' | '\u{2013}' | '-')
    };
    let lead = body.len() - body.trim_start_matches(junk).len();
    let kept = body.trim_matches(junk);
    span.start + lead..span.start + lead + kept.len()
}

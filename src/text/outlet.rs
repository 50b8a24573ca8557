//! The outlet of an article that its input does not name (`--outlet-from`):
//! the folder it sits in, the outlet in its dateline or byline, or its URL's
//! domain. Names and domains are mapped through `sources.toml`, so "TASS news
//! agency" in a dateline and `tass.ru` in a URL both give the outlet "TASS";
//! a name or host that no source lists is used as it is.
//!
//! Datelines and bylines are read from the first lines only, by their shape,
//! not by a list of outlets: "CaliToday (28/12/2025):" (a name, a date in
//! parentheses, a colon or dash), "MOSCOW (Reuters) —" (an outlet in
//! parentheses after a place), "Myind Staff" or "By Kyodo News Staff
//! Writer" (a name before a staff or desk word).

use std::path::Path;

use crate::lexicon::Lexicon;

/// Where `--outlet-from` takes the outlet from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutletFrom {
    /// The name of the folder holding the file.
    Folder,
    /// A dateline or byline in the first lines of the text.
    Dateline,
    /// The domain of the article's URL.
    Domain,
}

/// Lines of the text searched for a dateline or byline.
const HEAD_LINES: usize = 12;
/// Words at most in an outlet name.
const MAX_NAME_WORDS: usize = 4;

/// Words that end a byline naming an outlet rather than a person.
const STAFF_WORDS: &[&str] = &[
    "staff",
    "staff reporter",
    "staff writer",
    "news desk",
    "web desk",
    "desk",
    "bureau",
    "news service",
    "newsroom",
    "correspondent",
];

/// The outlet of an article by `from`, mapped through `sources.toml`.
pub fn outlet_for(
    from: OutletFrom,
    origin: &str,
    text: &str,
    url: Option<&str>,
    lexicon: &Lexicon,
) -> Option<String> {
    match from {
        OutletFrom::Folder => folder(origin),
        OutletFrom::Dateline => dateline(text).map(|name| by_name(&name, lexicon)),
        OutletFrom::Domain => url.and_then(host).map(|h| by_domain(&h, lexicon)),
    }
}

/// The name of the folder a file (or `file:line`) lies in.
fn folder(origin: &str) -> Option<String> {
    let parent = Path::new(origin).parent()?;
    let name = parent.file_name()?.to_string_lossy().into_owned();
    (!name.is_empty()).then_some(name)
}

/// The source label for a name, or the name itself.
fn by_name(name: &str, lexicon: &Lexicon) -> String {
    lexicon
        .sources
        .iter()
        .find(|s| {
            s.label.eq_ignore_ascii_case(name)
                || s.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
        })
        .map_or_else(|| name.to_string(), |s| s.label.clone())
}

/// The source label for a host (or its nearest listed parent domain), or the host.
fn by_domain(host: &str, lexicon: &Lexicon) -> String {
    let mut at = host;
    loop {
        if let Some(s) = lexicon
            .sources
            .iter()
            .find(|s| s.domains.iter().any(|d| d == at))
        {
            return s.label.clone();
        }
        match at.split_once('.') {
            Some((_, rest)) if rest.contains('.') => at = rest,
            _ => return host.to_string(),
        }
    }
}

/// The host of a URL, lower case, without `www.` or a port.
fn host(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (host.contains('.') && !host.contains(char::is_whitespace)).then_some(host)
}

/// An outlet name from a dateline or byline in the first lines of `text`.
fn dateline(text: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(HEAD_LINES)
        .find_map(|line| parenthesised(line).or_else(|| byline(line)))
}

/// A capitalised name of at most [`MAX_NAME_WORDS`] words.
fn name_like(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= MAX_NAME_WORDS
        && words[0].starts_with(|c: char| c.is_uppercase())
        && s.chars().count() <= 60
        && !s.contains(['.', ',', ';', '"', '“', '”'])
}

/// "CaliToday (28/12/2025):" → CaliToday; "MOSCOW (Reuters) —" → Reuters.
fn parenthesised(line: &str) -> Option<String> {
    let open = line.find('(')?;
    let close = open + line[open..].find(')')?;
    let before = line[..open].trim();
    let inside = line[open + 1..close].trim();
    let after = line[close + 1..].trim_start();
    if !after.starts_with([':', '-', '\u{2013}', '\u{2014}', '\u{2015}']) || before.is_empty() {
        return None;
    }
    let dated = inside.chars().any(|c| c.is_ascii_digit());
    if dated {
        return name_like(before).then(|| before.to_string());
    }
    // a place in capitals opens a wire dateline: "MOSCOW, Dec 28 (Reuters) -"
    let first = before.split([' ', ',']).next().unwrap_or("");
    let shouting = first.chars().count() >= 2 && first.chars().all(char::is_uppercase);
    (shouting && name_like(inside)).then(|| inside.to_string())
}

/// "Myind Staff", "By Kyodo News Staff Writer", "- PTI News Desk" → the name.
fn byline(line: &str) -> Option<String> {
    let line = line
        .trim_start_matches(['-', '•', '*', '–', '—', ' '])
        .trim();
    let line = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))
        .unwrap_or(line);
    let lower = line.to_lowercase();
    STAFF_WORDS.iter().find_map(|w| {
        let cut = lower.strip_suffix(w)?;
        if !cut.ends_with(' ') {
            return None;
        }
        let name = line[..cut.len()].trim();
        name_like(name).then(|| name.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_and_byline_table() {
        let cases = [
            (
                "CaliToday (28/12/2025): Russian Foreign Minister said",
                Some("CaliToday"),
            ),
            ("MOSCOW, Dec 28 (Reuters) - Russia said", Some("Reuters")),
            ("MOSCOW (Reuters) — Russia said", Some("Reuters")),
            (
                "Headline\n- In Reports\n- 01:12 PM, Dec 29, 2025\n- Myind Staff\nRussia has said",
                Some("Myind"),
            ),
            ("By Kyodo News Staff Writer\nTokyo", Some("Kyodo News")),
            ("Russia (and China) - a story", None),
            ("The president said (on Monday): no", None),
            ("Hayashitake Asa\n\nWhile the PLA", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(dateline(text).as_deref(), want, "{text:?}");
        }
    }

    #[test]
    fn hosts_table() {
        let cases = [
            ("https://www.TASS.com/politics/1", Some("tass.com")),
            (
                "http://user@news.bbc.co.uk:8080/x?y",
                Some("news.bbc.co.uk"),
            ),
            ("tass.ru", Some("tass.ru")),
            ("not a url", None),
            ("", None),
        ];
        for (url, want) in cases {
            assert_eq!(host(url).as_deref(), want, "{url:?}");
        }
    }

    #[test]
    fn names_and_domains_map_through_sources_toml() {
        let lexicon = Lexicon::shared().expect("built-in lexicons");
        let cases = [
            (
                OutletFrom::Domain,
                "",
                "",
                Some("https://news.bbc.co.uk/a"),
                Some("BBC"),
            ),
            (
                OutletFrom::Domain,
                "",
                "",
                Some("https://tass.ru/x"),
                Some("TASS"),
            ),
            (
                OutletFrom::Domain,
                "",
                "",
                Some("https://example.org/x"),
                Some("example.org"),
            ),
            (
                OutletFrom::Dateline,
                "",
                "MOSCOW (TASS news agency) — x",
                None,
                Some("TASS"),
            ),
            (
                OutletFrom::Folder,
                "corpus/business/001.txt",
                "",
                None,
                Some("business"),
            ),
            (OutletFrom::Folder, "data.jsonl:3", "", None, None),
        ];
        for (from, origin, text, url, want) in cases {
            assert_eq!(
                outlet_for(from, origin, text, url, lexicon).as_deref(),
                want,
                "{from:?} {origin} {text} {url:?}"
            );
        }
    }
}

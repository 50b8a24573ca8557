//! The one automaton that finds every lexicon entry in a pass over the text.
//!
//! All terms, exceptions, actor names and source names go into a single
//! leftmost-longest aho-corasick automaton over folded text, so "Chinese
//! government" beats "Chinese" and an exception phrase swallows the term inside
//! it. Word boundaries, `*` wildcards and case-sensitive entries are checked on
//! each candidate; when the longest candidate fails its boundary check, shorter
//! candidates at the same start are tried, so "wolf warriors" still yields
//! "wolf" if that is a term. The longest pattern would also hide a wildcard
//! of another list that covers the same word ("thug*" under "thugs"), so the
//! shorter wildcards that end with the accepted word join its hit. The
//! automaton is built once per run and shared by all threads.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};

use crate::text::normalize::{FoldedView, fold_keep_case, is_word_char};

/// What a lexicon entry points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A term: index into `Lexicon::terms`.
    Term(u32),
    /// An exception phrase of a category: index into `Lexicon::categories`.
    Except(u32),
    /// A name of an actor: index into `Lexicon::actors`.
    Name {
        /// The actor.
        actor: u32,
        /// What kind of name.
        role: NameRole,
    },
    /// A name of a source: index into `Lexicon::sources`.
    Source(u32),
}

/// The kind of an actor name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameRole {
    /// A name of the actor itself.
    Alias,
    /// An adjective form ("Chinese").
    Demonym,
    /// A person who speaks for the actor, full name.
    Person,
    /// A person's surname, valid after the full name appeared.
    Surname,
}

/// One entry as the automaton sees it.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Folded pattern (lowercase).
    pub pattern: String,
    /// `*` at the end: any continuation of the last word.
    pub wildcard: bool,
    /// For case-sensitive entries: the exact (case-kept, folded) text.
    pub exact: Option<String>,
    /// What it points at.
    pub target: Target,
}

/// A match in the original text.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Start byte in the original text.
    pub start: usize,
    /// End byte (exclusive) in the original text.
    pub end: usize,
    /// Everything the matched words are.
    pub targets: Vec<Target>,
}

/// The compiled automaton and the entries behind each pattern.
#[derive(Debug)]
pub struct Matcher {
    automaton: AhoCorasick,
    entries: Vec<Entry>,
    by_pattern: Vec<Vec<u32>>,
}

impl Matcher {
    /// Builds the automaton; identical folded patterns share one automaton pattern.
    pub fn new(entries: Vec<Entry>) -> Matcher {
        let mut patterns: Vec<&str> = Vec::new();
        let mut index: std::collections::HashMap<
            &str,
            usize,
            std::hash::BuildHasherDefault<crate::learn::model::Fnv>,
        > = std::collections::HashMap::with_capacity_and_hasher(entries.len(), Default::default());
        let mut by_pattern: Vec<Vec<u32>> = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            if entry.pattern.is_empty() {
                // the validator refuses empty names; an empty pattern would match
                // everywhere and stall the search, so it is never compiled
                continue;
            }
            let id = *index.entry(entry.pattern.as_str()).or_insert_with(|| {
                patterns.push(entry.pattern.as_str());
                by_pattern.push(Vec::new());
                patterns.len() - 1
            });
            by_pattern[id].push(i as u32);
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .build(&patterns)
            .expect("lexicon patterns are short enough for aho-corasick");
        Matcher {
            automaton,
            entries,
            by_pattern,
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every hit in `folded`, whose original text is `original`, in text order.
    pub fn find(&self, folded: FoldedView<'_>, original: &str) -> Vec<Hit> {
        let mut hits = Vec::new();
        self.find_into(folded, original, &mut hits);
        hits
    }

    /// Like [`Matcher::find`], appending to `hits` (one buffer for a whole article).
    pub fn find_into(&self, folded: FoldedView<'_>, original: &str, hits: &mut Vec<Hit>) {
        let hay = folded.text;
        let mut pos = 0;
        while pos < hay.len() {
            let Some(m) = self.automaton.find(Input::new(hay).span(pos..hay.len())) else {
                break;
            };
            let start = m.start();
            let found = if boundary_before(hay, start) {
                self.longest_valid(folded, original, start, m.end(), m.pattern().as_usize())
            } else {
                None
            };
            match found {
                Some((end, targets)) => {
                    hits.push(Hit {
                        start: folded.original(start),
                        end: folded.original(end),
                        targets,
                    });
                    pos = end;
                }
                None => pos = next_word_start(hay, start),
            }
        }
    }

    fn longest_valid(
        &self,
        folded: FoldedView<'_>,
        original: &str,
        start: usize,
        mut end: usize,
        mut pattern: usize,
    ) -> Option<(usize, Vec<Target>)> {
        loop {
            if let Some((stop, mut targets)) = self.accept(folded, original, start, end, pattern) {
                self.add_shorter_wildcards(folded, original, start, end, stop, &mut targets);
                return Some((stop, targets));
            }
            let input = Input::new(folded.text)
                .span(start..end - 1)
                .anchored(Anchored::Yes);
            let m = self.automaton.find(input)?;
            end = m.end();
            pattern = m.pattern().as_usize();
        }
    }

    /// Adds to `targets` the wildcard entries of shorter patterns at the
    /// same start that cover the same words (`stop`): "thug*" in one family
    /// still counts in "thugs" when another family lists "thugs" itself.
    /// An exception phrase among the targets keeps them out, as it keeps
    /// out every term inside it.
    fn add_shorter_wildcards(
        &self,
        folded: FoldedView<'_>,
        original: &str,
        start: usize,
        mut end: usize,
        stop: usize,
        targets: &mut Vec<Target>,
    ) {
        if targets.iter().any(|t| matches!(t, Target::Except(_))) {
            return;
        }
        while end > start + 1 {
            let input = Input::new(folded.text)
                .span(start..end - 1)
                .anchored(Anchored::Yes);
            let Some(m) = self.automaton.find(input) else {
                return;
            };
            end = m.end();
            if let Some((found_stop, found)) =
                self.accept(folded, original, start, end, m.pattern().as_usize())
                && found_stop == stop
            {
                for target in found {
                    if !targets.contains(&target) {
                        targets.push(target);
                    }
                }
            }
        }
    }

    fn accept(
        &self,
        folded: FoldedView<'_>,
        original: &str,
        start: usize,
        end: usize,
        pattern: usize,
    ) -> Option<(usize, Vec<Target>)> {
        let hay = folded.text;
        let word_end = end
            + hay[end..]
                .chars()
                .take_while(|c| is_word_char(*c))
                .map(char::len_utf8)
                .sum::<usize>();
        let mut targets = Vec::new();
        let mut stop = end;
        for &i in &self.by_pattern[pattern] {
            let entry = &self.entries[i as usize];
            let entry_end = if entry.wildcard { word_end } else { end };
            if entry_end != word_end {
                continue;
            }
            if let Some(exact) = &entry.exact {
                let span = &original[folded.original(start)..folded.original(end)];
                if fold_keep_case(span) != *exact {
                    continue;
                }
            }
            stop = entry_end;
            targets.push(entry.target);
        }
        (!targets.is_empty()).then_some((stop, targets))
    }
}

fn boundary_before(hay: &str, i: usize) -> bool {
    hay[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !is_word_char(c))
}

/// Where to look next after the candidate at `i` was rejected: the first
/// place after it where a word may start (after a character that is not part
/// of a word). Every candidate starting before that fails `boundary_before`,
/// so skipping them changes nothing but the work.
fn next_word_start(hay: &str, i: usize) -> usize {
    let mut chars = hay[i..].char_indices();
    for (at, c) in chars.by_ref() {
        if !is_word_char(c) {
            return i + at + c.len_utf8();
        }
    }
    hay.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::fold;

    fn entry(text: &str, id: u32) -> Entry {
        let sensitive = text.starts_with('=');
        let text = text.trim_start_matches('=');
        let wildcard = text.ends_with('*');
        let bare = text.trim_end_matches('*');
        Entry {
            pattern: fold(bare),
            wildcard,
            exact: sensitive.then(|| fold_keep_case(bare)),
            target: Target::Term(id),
        }
    }

    fn hits(terms: &[&str], text: &str) -> Vec<(String, Vec<u32>)> {
        let entries = terms
            .iter()
            .enumerate()
            .map(|(i, t)| entry(t, i as u32))
            .collect();
        let matcher = Matcher::new(entries);
        let folded = crate::text::normalize::Folded::new(text, 0);
        matcher
            .find(folded.view(), text)
            .into_iter()
            .map(|h| {
                let ids = h
                    .targets
                    .iter()
                    .map(|t| match t {
                        Target::Term(i) => *i,
                        _ => u32::MAX,
                    })
                    .collect();
                (text[h.start..h.end].to_string(), ids)
            })
            .collect()
    }

    #[test]
    fn matching_table() {
        type Case<'a> = (&'a str, &'a [&'a str], &'a str, &'a [&'a str]);
        let cases: &[Case] = &[
            (
                "plain word",
                &["arrogant"],
                "Japan, don't get too arrogant.",
                &["arrogant"],
            ),
            (
                "case folded",
                &["arrogant"],
                "ARROGANT claims",
                &["ARROGANT"],
            ),
            ("whole words only", &["arrogant"], "arrogantly", &[]),
            (
                "wildcard",
                &["hegemon*"],
                "hegemonic claims and hegemony",
                &["hegemonic", "hegemony"],
            ),
            (
                "wildcard needs word start",
                &["hegemon*"],
                "antihegemonic",
                &[],
            ),
            (
                "multiword across spacing",
                &["wolf warrior"],
                "\u{201C}Wolf\n Warrior\u{201D}",
                &["Wolf\n Warrior"],
            ),
            (
                "longest wins",
                &["chinese", "chinese government"],
                "the Chinese government said",
                &["Chinese government"],
            ),
            (
                "shorter when longer fails boundary",
                &["wolf", "wolf warrior"],
                "wolf warriors",
                &["wolf"],
            ),
            ("case sensitive acronym", &["=US"], "the US and us", &["US"]),
            ("case sensitive rejects", &["=PLA"], "a pla", &[]),
            (
                "curly apostrophe",
                &["russia's"],
                "Russia\u{2019}s army",
                &["Russia\u{2019}s"],
            ),
            ("hyphen is a boundary", &["china"], "anti-China", &["China"]),
            (
                "dash variants",
                &["indo-pacific"],
                "the Indo\u{2013}Pacific",
                &["Indo\u{2013}Pacific"],
            ),
            (
                "no partial inside word",
                &["war"],
                "warm award war",
                &["war"],
            ),
            ("unicode text", &["état"], "L'ÉTAT profond", &["ÉTAT"]),
        ];
        for (name, terms, text, want) in cases {
            let got: Vec<String> = hits(terms, text).into_iter().map(|(s, _)| s).collect();
            assert_eq!(got, *want, "{name}");
        }
    }

    #[test]
    fn same_pattern_keeps_every_entry() {
        let got = hits(&["arrogant", "arrogant"], "so arrogant");
        assert_eq!(got, vec![("arrogant".to_string(), vec![0, 1])]);
    }

    /// A wildcard entry was lost where another entry spelled out the same
    /// word: "thug*" (loaded) never counted in "thugs" because sentiment
    /// lists "thugs". Each row: terms, text, the ids of the hit's targets.
    #[test]
    fn wildcard_shadowed_by_exact_entry_of_same_word() {
        type Case<'a> = (&'a str, &'a [&'a str], &'a str, &'a [(&'a str, &'a [u32])]);
        let cases: &[Case] = &[
            (
                "both count",
                &["thugs", "thug*"],
                "the thugs",
                &[("thugs", &[0, 1])],
            ),
            (
                "order does not matter",
                &["thug*", "thugs"],
                "thugs",
                &[("thugs", &[1, 0])],
            ),
            (
                "two wildcards",
                &["thugs", "thug*", "thu*"],
                "thugs",
                &[("thugs", &[0, 1, 2])],
            ),
            (
                "a shorter word is no match",
                &["wolf warriors", "wolf*"],
                "wolf warriors",
                &[("wolf warriors", &[0])],
            ),
            (
                "exact shorter word not added",
                &["thugs", "thug"],
                "thugs",
                &[("thugs", &[0])],
            ),
            (
                "case-sensitive wildcard checked",
                &["thugs", "=Thug*"],
                "thugs",
                &[("thugs", &[0])],
            ),
        ];
        for (name, terms, text, want) in cases {
            let want: Vec<(String, Vec<u32>)> = want
                .iter()
                .map(|(s, ids)| ((*s).to_string(), ids.to_vec()))
                .collect();
            assert_eq!(hits(terms, text), want, "{name}");
        }
    }

    /// An exception phrase keeps out a shorter wildcard of the same word.
    #[test]
    fn exception_keeps_out_shorter_wildcard() {
        let entries = vec![
            entry("smear*", 0),
            Entry {
                pattern: fold("smears"),
                wildcard: false,
                exact: None,
                target: Target::Except(0),
            },
        ];
        let matcher = Matcher::new(entries);
        let text = "smears";
        let found = matcher.find(crate::text::normalize::Folded::new(text, 0).view(), text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].targets, vec![Target::Except(0)]);
    }
}

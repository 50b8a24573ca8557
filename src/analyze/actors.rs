//! Actors: who is mentioned, who speaks, and who attacks whom.
//!
//! Mentions come from the automaton (aliases, demonyms, people, surnames),
//! from the article's own ad-hoc targets, and from a few rules a reader can
//! check: a person's surname counts once the full name has appeared; "Sino-"
//! names China; "the two countries" names the last two countries mentioned;
//! "he/she/his/her" carry the last person, "it/its" the last country or body of
//! the previous sentence. Pronoun mentions only serve targeting; they are not
//! counted as mentions.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::{AhoCorasickBuilder, MatchKind};

use super::Analysis;
use super::attribution::SourceKind;
use crate::lexicon::{Lexicon, NameRole, Target};
use crate::text::Slice;
use crate::text::normalize::is_word_char;
use crate::text::offsets::CharIndex;

/// An actor: from the lexicon, or given with the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorRef {
    /// Index into `Lexicon::actors`.
    Lexicon(usize),
    /// Index into `Article::targets`.
    Adhoc(usize),
}

/// One mention of an actor.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Who.
    pub actor: ActorRef,
    /// Where.
    pub span: Range<usize>,
    /// Sentence index.
    pub sentence: usize,
    /// A pronoun standing for the actor (used for targets, not counted).
    pub pronoun: bool,
    /// Names a person (so "he/she" can carry it).
    pub person: bool,
}

/// A speaker-actor saying something polar about another actor.
#[derive(Debug, Clone, PartialEq)]
pub struct Stance {
    /// The speaker's actor.
    pub from: ActorRef,
    /// The actor spoken about.
    pub to: ActorRef,
    /// Sum of the polar values.
    pub polarity: f64,
    /// Sentence of the evidence.
    pub sentence: usize,
}

/// Every actor mention in the kept text, in text order.
pub fn mentions(analysis: &Analysis, lexicon: &Lexicon) -> Vec<Mention> {
    let mut out = lexicon_mentions(analysis, lexicon);
    out.extend(adhoc_mentions(analysis));
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out.dedup_by(|a, b| a.actor == b.actor && a.span == b.span);
    let mut pronouns = pronoun_mentions(analysis, &out, lexicon);
    out.append(&mut pronouns);
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

fn lexicon_mentions(analysis: &Analysis, lexicon: &Lexicon) -> Vec<Mention> {
    let mut out = Vec::new();
    // full names of people seen so far, lower-cased, with their actor: a
    // surname counts only after a full name that holds it ("Lin" after "Lin
    // Jian" is China's spokesperson, after "Lin Chia-lung" Taiwan's minister)
    let mut seen_people: Vec<(usize, String)> = Vec::new();
    let text = analysis.article.text.as_str();
    for (sentence, hit) in &analysis.hits {
        for target in &hit.targets {
            let Target::Name { actor, role } = *target else {
                continue;
            };
            let actor = actor as usize;
            let is_person_name = role == NameRole::Person
                || (role == NameRole::Alias && lexicon.actors[actor].kind == "person");
            if role == NameRole::Surname || is_person_name {
                let name = text.slice(hit.start..hit.end).to_lowercase();
                let holds = |full: &String| full.split([' ', '-']).any(|w| w == name);
                let seen = |(a, full): &(usize, String)| *a == actor && holds(full);
                if role == NameRole::Surname && !seen_people.iter().any(seen) {
                    continue;
                }
                if is_person_name && !seen_people.iter().any(|(a, n)| *a == actor && *n == name) {
                    seen_people.push((actor, name));
                }
            }
            let person = matches!(role, NameRole::Person | NameRole::Surname)
                || lexicon.actors[actor].kind == "person";
            let mention = |a| Mention {
                actor: ActorRef::Lexicon(a),
                span: hit.start..hit.end,
                sentence: *sentence,
                pronoun: false,
                person,
            };
            out.push(mention(actor));
            for &member in &lexicon.actors[actor].members {
                out.push(mention(member));
            }
        }
    }
    out.extend(sino_mentions(analysis, lexicon));
    out
}

/// "Sino-Russian", "Sino-Japanese": the prefix names China.
fn sino_mentions(analysis: &Analysis, lexicon: &Lexicon) -> Vec<Mention> {
    let text = analysis.article.text.as_str();
    let china = lexicon.actors.iter().position(|a| a.label == "China");
    let Some(china) = china else {
        return Vec::new();
    };
    analysis
        .words
        .iter()
        .filter(|w| text.slice(w.span.clone()).eq_ignore_ascii_case("sino"))
        .map(|w| Mention {
            actor: ActorRef::Lexicon(china),
            span: w.span.clone(),
            sentence: w.sentence,
            pronoun: false,
            person: false,
        })
        .collect()
}

fn adhoc_mentions(analysis: &Analysis) -> Vec<Mention> {
    let text = analysis.article.text.as_str();
    let mut out = Vec::new();
    for (i, target) in analysis.article.targets.iter().enumerate() {
        if let (Some(start), Some(end)) = (target.start, target.end) {
            let (Some(s), Some(e)) = (CharIndex::byte(text, start), CharIndex::byte(text, end))
            else {
                continue;
            };
            if s < e
                && let Some(sentence) = analysis.sentence_at(s)
            {
                out.push(Mention {
                    actor: ActorRef::Adhoc(i),
                    span: s..e,
                    sentence,
                    pronoun: false,
                    person: false,
                });
            }
            continue;
        }
        out.extend(names_in_text(analysis, i));
    }
    out
}

fn names_in_text(analysis: &Analysis, target: usize) -> Vec<Mention> {
    let spec = &analysis.article.targets[target];
    let names: Vec<&str> = std::iter::once(spec.name.as_str())
        .chain(spec.aliases.iter().map(String::as_str))
        .filter(|n| !n.trim().is_empty())
        .collect();
    let Ok(automaton) = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(&names)
    else {
        return Vec::new();
    };
    let text = analysis.article.text.as_str();
    automaton
        .find_iter(text)
        .filter(|m| {
            let before = text.slice(..m.start()).chars().next_back();
            let after = text.slice(m.end()..).chars().next();
            !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
        })
        .filter_map(|m| {
            let sentence = analysis.sentence_at(m.start())?;
            Some(Mention {
                actor: ActorRef::Adhoc(target),
                span: m.start()..m.end(),
                sentence,
                pronoun: false,
                person: false,
            })
        })
        .collect()
}

/// Pronouns and "the two countries", resolved to earlier mentions.
fn pronoun_mentions(analysis: &Analysis, named: &[Mention], lexicon: &Lexicon) -> Vec<Mention> {
    let text = analysis.article.text.as_str();
    let mut out = Vec::new();
    let mut k = 0;
    let mut last_person: Option<ActorRef> = None;
    let mut last_thing: Option<(ActorRef, usize)> = None;
    let mut countries: Vec<ActorRef> = Vec::new();
    for (wi, word) in analysis.words.iter().enumerate() {
        while k < named.len() && named[k].span.start < word.span.start {
            let m = &named[k];
            if m.person {
                last_person = Some(m.actor);
            } else {
                last_thing = Some((m.actor, m.sentence));
                if is_country(m.actor, lexicon) && countries.last() != Some(&m.actor) {
                    countries.retain(|a| *a != m.actor);
                    countries.push(m.actor);
                }
            }
            k += 1;
        }
        let lower = text.slice(word.span.clone()).to_lowercase();
        let resolved: Vec<ActorRef> = match lower.as_str() {
            "he" | "she" | "his" | "her" | "him" => last_person.into_iter().collect(),
            "it" | "its" => last_thing
                .filter(|(_, s)| *s + 1 >= word.sentence)
                .map(|(a, _)| a)
                .into_iter()
                .collect(),
            "countries" | "sides" | "nations" | "powers"
                if wi >= 2
                    && text
                        .slice(analysis.words[wi - 1].span.clone())
                        .eq_ignore_ascii_case("two") =>
            {
                countries.iter().rev().take(2).copied().collect()
            }
            _ => Vec::new(),
        };
        for actor in resolved {
            out.push(Mention {
                actor,
                span: word.span.clone(),
                sentence: word.sentence,
                pronoun: true,
                person: false,
            });
        }
    }
    out
}

fn is_country(actor: ActorRef, lexicon: &Lexicon) -> bool {
    matches!(actor, ActorRef::Lexicon(i) if matches!(lexicon.actors[i].kind.as_str(), "country" | "government"))
}

/// The actor a mention speaks for: a person's country, or the actor itself.
pub fn speaker_actor(actor: ActorRef, lexicon: &Lexicon) -> ActorRef {
    match actor {
        ActorRef::Lexicon(i) => lexicon.actors[i].part_of.map_or(actor, ActorRef::Lexicon),
        adhoc => adhoc,
    }
}

/// The actors that speak in attribution `a`: mentions inside its source span,
/// or, for a pronoun source, the last person mentioned before it.
pub fn speakers_of(analysis: &Analysis, a: usize) -> Vec<ActorRef> {
    let attribution = &analysis.attributions[a];
    let Some(source) = &attribution.source else {
        return Vec::new();
    };
    if matches!(attribution.kind, SourceKind::Vague | SourceKind::Anonymous) {
        return Vec::new();
    }
    // mentions are sorted by start: read only those that start inside the source
    let mentions = &analysis.mentions;
    let first = mentions.partition_point(|m| m.span.start < source.start);
    let mut actors: Vec<ActorRef> = mentions[first..]
        .iter()
        .take_while(|m| m.span.start <= source.end)
        .filter(|m| m.span.end <= source.end)
        .map(|m| m.actor)
        .collect();
    actors.sort();
    actors.dedup();
    actors
}

/// A speaker-actor and the sentence of its statement.
type Group = (ActorRef, usize);

/// Speaker-actor → target-actor edges from polar words inside attributed content.
///
/// A polar word counts once for each speaker-actor and sentence of the
/// statements whose content holds it: two cues of one speaker in one sentence
/// ("Lavrov said that Japan, he said, is arrogant") do not count it twice.
/// The statements of one speaker-actor and sentence are read together in one
/// sweep over their contents sorted by start, so each word is read once per
/// such group however much the contents overlap ("China said China said …").
pub fn stances(analysis: &Analysis, lexicon: &Lexicon) -> Vec<Stance> {
    // contents by (speaker-actor, sentence), groups in order of first statement
    let mut groups: Vec<(Group, Vec<Range<usize>>)> = Vec::new();
    let mut group_of: HashMap<Group, usize> = HashMap::new();
    for (a, attribution) in analysis.attributions.iter().enumerate() {
        let from: Vec<ActorRef> = speakers_of(analysis, a)
            .into_iter()
            .map(|s| speaker_actor(s, lexicon))
            .collect();
        let Some(&from) = from.first() else { continue };
        let key = (from, attribution.sentence);
        let g = *group_of.entry(key).or_insert_with(|| {
            groups.push((key, Vec::new()));
            groups.len() - 1
        });
        groups[g].1.push(attribution.content.clone());
    }
    let terms = &analysis.terms;
    let mut out: Vec<Stance> = Vec::new();
    let mut index: HashMap<(ActorRef, ActorRef, usize), usize> = HashMap::new();
    for ((from, sentence), mut contents) in groups {
        contents.sort_by_key(|c| c.start);
        let mut next = 0;
        let mut reach = 0;
        let mut k = contents.first().map_or(terms.len(), |c| {
            terms.partition_point(|h| h.start < c.start)
        });
        while k < terms.len() {
            let hit = &terms[k];
            while next < contents.len() && contents[next].start <= hit.start {
                reach = reach.max(contents[next].end);
                next += 1;
            }
            if reach <= hit.start {
                // a gap no content covers: jump to the next content
                let Some(c) = contents.get(next) else { break };
                k = terms.partition_point(|h| h.start < c.start);
                continue;
            }
            k += 1;
            let Some(to) = hit
                .target
                .filter(|t| hit.end <= reach && hit.primary && speaker_actor(*t, lexicon) != from)
            else {
                continue;
            };
            let key = (from, to, sentence);
            match index.get(&key) {
                Some(&i) => out[i].polarity += hit.value,
                None => {
                    index.insert(key, out.len());
                    out.push(Stance {
                        from,
                        to,
                        polarity: hit.value,
                        sentence,
                    });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::ActorRef;
    use crate::analyze::analyze;
    use crate::ingest::Article;
    use crate::lexicon::Lexicon;

    /// The actor ids of every non-pronoun mention of `word` in `text`.
    fn actors_of(text: &str, word: &str) -> Vec<String> {
        let lexicon = Lexicon::shared().expect("builtin");
        let article = Article::from_text("t", text);
        let a = analyze(&article, lexicon);
        a.mentions
            .iter()
            .filter(|m| !m.pronoun && text[m.span.clone()] == *word)
            .filter_map(|m| match m.actor {
                ActorRef::Lexicon(i) => Some(lexicon.actors[i].id.clone()),
                ActorRef::Adhoc(_) => None,
            })
            .collect()
    }

    #[test]
    fn a_surname_counts_only_after_a_full_name_that_holds_it() {
        let cases = [
            (
                "Spokesperson Lin Jian spoke in Beijing. Lin added that Taiwan must wait.",
                vec!["china"],
            ),
            ("Taiwan and China disagreed. Lin said nothing.", vec![]),
            (
                "Lin Chia-lung met envoys in Taipei. Lin said China was wrong.",
                vec!["taiwan"],
            ),
        ];
        for (text, want) in cases {
            let mut got = actors_of(text, "Lin");
            got.dedup();
            assert_eq!(got, want, "{text}");
        }
    }
}

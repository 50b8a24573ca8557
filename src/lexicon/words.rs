//! Word lists that the analysis rules consult by name.
//!
//! The rules themselves (who is the subject of a verb, what an accusation
//! covers) are grammar and live in code with table tests; which words trigger
//! them is a judgement a lexicon maintainer may want to change ("rapporteur"
//! as a role noun, "castigate" as a verb of accusing), so the open-class lists
//! live in `lexicons/rules.toml` as `[words.ID]` tables. Closed-class words
//! (pronouns, determiners, auxiliaries) stay in code.

use std::collections::HashSet;

/// A set of lower-case words; an entry ending in `*` matches any word that
/// starts with it ("accus*" matches "accused" and "accusation").
#[derive(Debug, Clone, Default)]
pub struct WordList {
    /// FNV-hashed: the rules ask these sets of nearly every word.
    exact: HashSet<String, std::hash::BuildHasherDefault<crate::learn::model::Fnv>>,
    prefixes: Vec<String>,
}

impl WordList {
    /// Adds one entry, as written in the lexicon (`word` or `stem*`).
    pub fn insert(&mut self, entry: &str) {
        let entry = entry.to_lowercase();
        match entry.strip_suffix('*') {
            Some(stem) => {
                if !self.prefixes.iter().any(|p| p == stem) {
                    self.prefixes.push(stem.to_string());
                }
            }
            None => {
                self.exact.insert(entry);
            }
        }
    }

    /// Whether a word (already lower-cased) is in the list.
    pub fn contains(&self, word: &str) -> bool {
        self.exact.contains(word) || self.prefixes.iter().any(|p| word.starts_with(p.as_str()))
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.exact.len() + self.prefixes.len()
    }

    /// The list has no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Every word list the rules use, by the ID of its `[words.ID]` table.
#[derive(Debug, Clone, Default)]
pub struct RuleWords {
    /// Nouns that head a source phrase for a person or body ("spokesperson",
    /// "ministry"): a source headed by one is an organisation or vague, not
    /// a named person.
    pub role_nouns: WordList,
    /// Role nouns that name a body, which makes the source an organisation.
    pub organisation_nouns: WordList,
    /// Plural nouns without a plural "s" that can head a subject ("people say").
    pub unmarked_plurals: WordList,
    /// Reporting verbs whose "-s" form is also a common plural noun ("claims",
    /// "reports", "calls"): after a lowercase word they need more evidence of
    /// being a verb than "says" or "argues" do.
    pub noun_homographs: WordList,
    /// Verbs of telling whose object is the addressee ("told Xinhua"): an
    /// outlet addressed is the channel of the statement, and counts as cited.
    pub addressee_verbs: WordList,
    /// Verbs of harming ("threatens", "undermines"): as verbs they judge their
    /// agent, so they are attached to the actor before them in the clause.
    pub harm_verbs: WordList,
    /// Nouns of opinion polling: "in" before a phrase headed by one ("in a new
    /// Fox News poll") cites the poll as a source.
    pub poll_nouns: WordList,
    /// Nouns of feeling or of a relation ("anxieties", "concerns", "dispute"):
    /// the actor in their possessive or of-phrase is whose feeling it is or a
    /// party to it, not the one judged, so the word is attached to no actor.
    pub experiencer_nouns: WordList,
    /// Verbs whose "not to" complement forbids rather than negates ("warned
    /// Japan not to interfere" keeps "interfere" negative).
    pub directive_verbs: WordList,
    /// Verbs of judging someone: what follows "of", "for" or "as" is the
    /// accuser's judgement, not the writer's.
    pub accusing_verbs: WordList,
    /// Verbs of fearing: their object is the experiencer's view of a threat.
    pub fearing_verbs: WordList,
    /// Nouns of discourse or tactic ("narrative", "tactic", "propaganda"):
    /// what follows "of" after one that an actor's possessive owns is the
    /// possessor's framing, not the writer's.
    pub discourse_nouns: WordList,
    /// Nouns of something said ("remarks", "statement"): "according to
    /// remarks made by X" and "according to X's statement" cite X.
    pub speech_nouns: WordList,
    /// Verbs of showing or stressing ("underscores", "confirms"): a cue only
    /// with a subject that can speak, not "the remarks underscore".
    pub inference_verbs: WordList,
    /// Given names of women: "he" does not stand for them.
    pub female_given_names: WordList,
    /// Given names of men: "she" does not stand for them.
    pub male_given_names: WordList,
    /// Nouns of ideas and events ("reality", "expansion"): never the
    /// speaker of a reporting verb.
    pub abstract_nouns: WordList,
    /// Verbs of causing a feeling in their object ("alarmed Beijing",
    /// "angered Tokyo"): the feeling is the object's, so the word judges
    /// no one.
    pub stimulus_verbs: WordList,
    /// Nouns of an act with an agent and a recipient ("warning", "attack",
    /// "criticism"): a polar adjective on one ("a chilling warning to
    /// Japan") evaluates the act, so it is about the agent.
    pub event_nouns: WordList,
    /// Nouns of a harmful act ("attack", "invasion"): they judge their agent
    /// ("a Chinese attack on Taiwan" is about China), never the recipient.
    pub harm_nouns: WordList,
    /// Nouns of a situation with no agent of its own ("crisis", "war",
    /// "tensions"): an actor after them in an over/in/about phrase is the
    /// topic, and only a possessive or demonym makes one of them an actor's.
    pub topic_nouns: WordList,
    /// Nouns that make the actor before them a topic ("the Taiwan issue").
    pub topic_heads: WordList,
    /// Adjectives of degree that are also positive words ("strong", "deep"):
    /// before a negative word they intensify it ("strong criticism").
    pub degree_adjectives: WordList,
    /// Connotation-frame verbs whose writer's view of the subject is
    /// negative: between two actors a negative one judges the subject.
    pub frame_agent_negative: WordList,
    /// Connotation-frame verbs whose subject's view of the object is
    /// negative: between two actors a negative one judges the object.
    pub frame_theme_negative: WordList,
    /// Connotation-frame verbs whose subject's view of the object is
    /// positive: between two actors a positive one is about the object.
    pub frame_theme_positive: WordList,
    /// Connotation-frame verbs whose polarity toward the object is the
    /// subject's view, not the writer's.
    pub frame_subject_voice: WordList,
    /// Nouns that end a byline ("Myind Staff", "Moscow Correspondent"): a
    /// short line of capitalised words ending in one names the writer.
    pub byline_nouns: WordList,
}

impl RuleWords {
    /// Every list with its ID, as written in `[words.ID]`: the one place that
    /// ties an ID to a field.
    pub fn lists_mut(&mut self) -> [(&'static str, &mut WordList); 28] {
        [
            ("abstract_nouns", &mut self.abstract_nouns),
            ("accusing_verbs", &mut self.accusing_verbs),
            ("addressee_verbs", &mut self.addressee_verbs),
            ("byline_nouns", &mut self.byline_nouns),
            ("degree_adjectives", &mut self.degree_adjectives),
            ("directive_verbs", &mut self.directive_verbs),
            ("discourse_nouns", &mut self.discourse_nouns),
            ("event_nouns", &mut self.event_nouns),
            ("experiencer_nouns", &mut self.experiencer_nouns),
            ("fearing_verbs", &mut self.fearing_verbs),
            ("female_given_names", &mut self.female_given_names),
            ("frame_agent_negative", &mut self.frame_agent_negative),
            ("frame_subject_voice", &mut self.frame_subject_voice),
            ("frame_theme_negative", &mut self.frame_theme_negative),
            ("frame_theme_positive", &mut self.frame_theme_positive),
            ("harm_nouns", &mut self.harm_nouns),
            ("harm_verbs", &mut self.harm_verbs),
            ("inference_verbs", &mut self.inference_verbs),
            ("male_given_names", &mut self.male_given_names),
            ("noun_homographs", &mut self.noun_homographs),
            ("organisation_nouns", &mut self.organisation_nouns),
            ("poll_nouns", &mut self.poll_nouns),
            ("role_nouns", &mut self.role_nouns),
            ("speech_nouns", &mut self.speech_nouns),
            ("stimulus_verbs", &mut self.stimulus_verbs),
            ("topic_heads", &mut self.topic_heads),
            ("topic_nouns", &mut self.topic_nouns),
            ("unmarked_plurals", &mut self.unmarked_plurals),
        ]
    }

    /// The list with a given ID.
    pub fn get_mut(&mut self, id: &str) -> Option<&mut WordList> {
        self.lists_mut()
            .into_iter()
            .find_map(|(name, list)| (name == id).then_some(list))
    }

    /// The IDs of the lists, for messages.
    pub fn ids() -> Vec<&'static str> {
        RuleWords::default()
            .lists_mut()
            .iter()
            .map(|(id, _)| *id)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_list_matches_words_and_stems() {
        let mut list = WordList::default();
        for entry in ["Minister", "accus*", "accus*"] {
            list.insert(entry);
        }
        let cases = [
            ("minister", true),
            ("ministers", false),
            ("accused", true),
            ("accusation", true),
            ("accu", false),
            ("", false),
        ];
        for (word, expected) in cases {
            assert_eq!(list.contains(word), expected, "{word:?}");
        }
        assert_eq!(list.len(), 2);
    }

    #[test]
    fn every_list_id_resolves_and_the_builtin_file_fills_every_list() {
        let mut words = crate::lexicon::Lexicon::shared()
            .expect("builtin")
            .words
            .clone();
        for id in RuleWords::ids() {
            let list = words.get_mut(id).expect("an ID names a list");
            assert!(!list.is_empty(), "rules.toml leaves `{id}` empty");
        }
        assert!(RuleWords::default().get_mut("no_such_list").is_none());
    }
}

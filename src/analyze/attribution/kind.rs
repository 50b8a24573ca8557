//! Source kinds: what the words inside a source span say about who it is.

use super::grammar::*;
use super::*;

impl Finder<'_, '_> {
    pub(super) fn attribution(
        &self,
        s: usize,
        cue: &Cue,
        source: Option<Range<usize>>,
        content: Range<usize>,
        direct: bool,
    ) -> Attribution {
        let (kind, speaker, outlets) = match &source {
            Some(span) => self.kind_of(span),
            None => (SourceKind::None, None, Vec::new()),
        };
        Attribution {
            sentence: s,
            cue: cue.span.clone(),
            loaded_cue: cue.loaded,
            source,
            kind,
            speaker,
            outlets,
            content,
            direct,
        }
    }

    /// Pronouns take the last named speaker.
    pub(super) fn resolve(&mut self, a: &mut Attribution) {
        let Some(span) = &a.source else { return };
        let text = self.text().slice(span.clone()).to_lowercase();
        if PERSONAL.contains(&text.as_str()) {
            if let Some(person) = self
                .person_before(span.start, &text)
                .or_else(|| self.last_person.clone())
            {
                a.speaker = Some(person);
            }
            a.kind = SourceKind::Named;
        } else if a.kind == SourceKind::Named {
            self.last_person.clone_from(&a.speaker);
        }
    }

    /// The hits that lie inside `span`.
    pub(super) fn hits_within(&self, span: &Range<usize>) -> impl Iterator<Item = &Hit> {
        let hits = &self.analysis.hits;
        let lo = hits.partition_point(|(_, h)| h.start < span.start);
        hits[lo..]
            .iter()
            .map(|(_, h)| h)
            .take_while(move |h| h.start < span.end)
            .filter(move |h| h.end <= span.end)
    }

    /// "Zakharova told Xinhua News Agency": an outlet addressed by a verb of
    /// telling (`addressee_verbs` in rules.toml) is the channel the statement
    /// came through, so it counts as cited.
    pub(super) fn addressed_outlets(&self, s: usize, cue: &Cue) -> Vec<usize> {
        let verb = self.text().slice(cue.span.clone()).to_lowercase();
        if !self.rules().addressee_verbs.contains(&verb) {
            return Vec::new();
        }
        let end = self.analysis.sentence_words[s].end;
        let Some(object) = self.np_right(cue.span.end, end, false) else {
            return Vec::new();
        };
        self.hits_within(&object)
            .flat_map(|h| &h.targets)
            .filter_map(|t| match t {
                Target::Source(i) => Some(*i as usize),
                _ => None,
            })
            .collect()
    }

    pub(super) fn kind_of(&self, span: &Range<usize>) -> (SourceKind, Option<String>, Vec<usize>) {
        let text = self.text().slice(span.clone());
        let lower = text.to_lowercase();
        let mut outlets = Vec::new();
        let mut person: Option<String> = None;
        let (mut organisation, mut vague, mut anonymous) = (false, false, false);
        for hit in self.hits_within(span) {
            for target in &hit.targets {
                match target {
                    Target::Source(i) => {
                        outlets.push(*i as usize);
                        organisation = true;
                    }
                    Target::Name { actor, role } => {
                        let is_person = matches!(role, NameRole::Person | NameRole::Surname)
                            || self.lexicon.actors[*actor as usize].kind == "person";
                        if is_person && *role != NameRole::Demonym {
                            // the listed person, however the text names them
                            // ("Russian Foreign Minister Lavrov" is Sergei Lavrov)
                            let actor = &self.lexicon.actors[*actor as usize];
                            person.get_or_insert_with(|| {
                                if actor.kind == "person" {
                                    actor.label.clone()
                                } else {
                                    self.text().slice(hit.start..hit.end).to_string()
                                }
                            });
                        } else if *role == NameRole::Alias {
                            organisation = true;
                        }
                    }
                    Target::Term(_) => match category(self.lexicon, target).map(|c| c.family) {
                        Some(Family::AnonymousSource) => anonymous = true,
                        Some(Family::VagueSource) => vague = true,
                        _ => {}
                    },
                    Target::Except(_) => {}
                }
            }
        }
        if anonymous {
            return (SourceKind::Anonymous, Some(text.to_string()), outlets);
        }
        if PRONOUNS.contains(&lower.as_str()) {
            let kind = if PERSONAL.contains(&lower.as_str()) {
                SourceKind::Named
            } else {
                SourceKind::Organisation
            };
            return (kind, Some(text.to_string()), outlets);
        }
        let words = self.words_within(span);
        if let Some(name) = person.or_else(|| self.capitalised_name(words.clone())) {
            return (SourceKind::Named, Some(name), outlets);
        }
        let kind = self.kind_without_name(words, organisation, vague);
        (kind, Some(text.to_string()), outlets)
    }

    pub(super) fn words_within(&self, span: &Range<usize>) -> Range<usize> {
        let words = self.words();
        let lo = word_at(words, span.start);
        let hi = words.partition_point(|w| w.span.end <= span.end);
        lo..hi.max(lo)
    }

    pub(super) fn kind_without_name(
        &self,
        words: Range<usize>,
        organisation: bool,
        vague: bool,
    ) -> SourceKind {
        let role_of = |w: usize| singular_owned(self.lower(w));
        let org_word = words
            .clone()
            .any(|w| self.rules().organisation_nouns.contains(&role_of(w)));
        let any_capital = words.clone().any(|w| {
            self.words()[w].capitalised && !self.is(w, DETERMINERS) && !is_number(self.lower(w))
        });
        let role = words.clone().any(|w| self.role_noun(self.lower(w)));
        if organisation || org_word || (any_capital && role && !vague) {
            SourceKind::Organisation
        } else if vague || role || !any_capital {
            SourceKind::Vague
        } else {
            SourceKind::Named
        }
    }

    /// The last run of two or more capitalised words that are not role or organisation words: a person's name.
    pub(super) fn capitalised_name(&self, words: Range<usize>) -> Option<String> {
        let mut best: Option<Range<usize>> = None;
        let mut run: Option<Range<usize>> = None;
        let mut count = 0;
        for w in words {
            let word = &self.words()[w];
            let lower = self.lower(w);
            let plain = word.capitalised
                && !self.role_noun(lower)
                && !DETERMINERS.contains(&lower)
                && !matches!(
                    self.names[w],
                    Some(Target::Source(_))
                        | Some(Target::Name {
                            role: NameRole::Alias | NameRole::Demonym,
                            ..
                        })
                );
            if plain {
                run = Some(run.map_or(word.span.clone(), |r| r.start..word.span.end));
                count += 1;
                if count >= 2 {
                    best = run.clone();
                }
            } else {
                run = None;
                count = 0;
            }
        }
        best.map(|r| self.text()[r].to_string())
    }
}

//! Page furniture that is not article text: cookie banners, share buttons,
//! related-article lists, opinion disclaimers.
//!
//! Rules work on whole lines because that is how web text arrives: furniture
//! sits on lines of its own. A `drop_rest` rule ends the article at a heading
//! such as "Related Articles"; a rule with a flag (e.g. `opinion-marker`) also
//! records that it fired, because the disclaimer is itself a signal.

use aho_corasick::{AhoCorasick, MatchKind};

use crate::lexicon::{BoilerAction, BoilerHow, BoilerRule};
use crate::text::normalize::fold;

/// What to do with one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Article text.
    Keep,
    /// Furniture: drop this line.
    DropLine,
    /// Furniture: drop this line and the rest of the article.
    DropRest,
}

/// The boilerplate rules with one automaton over all their lines, so that
/// judging a line costs one pass over it however many rules there are.
#[derive(Debug, Clone)]
pub struct Boilerplate {
    rules: Vec<BoilerRule>,
    automaton: AhoCorasick,
    /// For each pattern of the automaton, the rule it belongs to.
    owners: Vec<usize>,
}

impl Boilerplate {
    /// Compiles the rules (lines already folded by the lexicon builder).
    pub fn new(rules: Vec<BoilerRule>) -> Self {
        let mut owners = Vec::new();
        let mut patterns = Vec::new();
        for (i, rule) in rules.iter().enumerate() {
            for line in rule.lines.iter().filter(|l| !l.is_empty()) {
                owners.push(i);
                patterns.push(line.as_str());
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("boilerplate lines are short plain strings");
        Boilerplate {
            rules,
            automaton,
            owners,
        }
    }

    /// The rules, in lexicon order.
    pub fn rules(&self) -> &[BoilerRule] {
        &self.rules
    }

    /// Judges a line: the verdict and the flag of the first rule (in lexicon
    /// order) that fires.
    pub fn judge(&self, line: &str) -> (Verdict, Option<&str>) {
        self.judge_folded(&fold(line))
    }

    /// [`Boilerplate::judge`] on a line already folded (and trimmed).
    pub fn judge_folded(&self, folded: &str) -> (Verdict, Option<&str>) {
        if folded.is_empty() {
            return (Verdict::Keep, None);
        }
        let fired = self
            .automaton
            .find_overlapping_iter(folded)
            .filter(|m| {
                let rule = &self.rules[self.owners[m.pattern().as_usize()]];
                match rule.how {
                    BoilerHow::Line => m.start() == 0 && m.end() == folded.len(),
                    BoilerHow::Prefix => m.start() == 0,
                    BoilerHow::Contains => true,
                }
            })
            .map(|m| self.owners[m.pattern().as_usize()])
            .min();
        let Some(rule) = fired.map(|i| &self.rules[i]) else {
            return (Verdict::Keep, None);
        };
        let verdict = match rule.action {
            BoilerAction::DropLine => Verdict::DropLine,
            BoilerAction::DropRest => Verdict::DropRest,
        };
        (verdict, rule.flag.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> Vec<BoilerRule> {
        vec![
            BoilerRule {
                id: "related".into(),
                action: BoilerAction::DropRest,
                how: BoilerHow::Line,
                flag: None,
                lines: vec!["related articles".into()],
            },
            BoilerRule {
                id: "opinion".into(),
                action: BoilerAction::DropLine,
                how: BoilerHow::Contains,
                flag: Some("opinion-marker".into()),
                lines: vec!["personal views of the author".into()],
            },
            BoilerRule {
                id: "cookies".into(),
                action: BoilerAction::DropLine,
                how: BoilerHow::Prefix,
                flag: None,
                lines: vec!["we use cookies".into()],
            },
        ]
    }

    #[test]
    fn judge_table() {
        let rules = Boilerplate::new(rules());
        let cases = [
            ("Related Articles", Verdict::DropRest, None),
            ("  related   articles ", Verdict::DropRest, None),
            ("Related articles show a trend.", Verdict::Keep, None),
            (
                "Statement: The article represents the personal views of the author.",
                Verdict::DropLine,
                Some("opinion-marker"),
            ),
            ("We use cookies to improve", Verdict::DropLine, None),
            ("Officials say we use cookies", Verdict::Keep, None),
            // two rules fire: the earlier one in lexicon order decides
            (
                "We use cookies; the personal views of the author",
                Verdict::DropLine,
                Some("opinion-marker"),
            ),
            ("", Verdict::Keep, None),
        ];
        for (line, verdict, flag) in cases {
            assert_eq!(rules.judge(line), (verdict, flag), "{line:?}");
        }
    }
}

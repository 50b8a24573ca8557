//! Page furniture that is not article text: cookie banners, share buttons,
//! related-article lists, opinion disclaimers.
//!
//! Rules work on whole lines because that is how web text arrives: furniture
//! sits on lines of its own. A `drop_rest` rule ends the article at a heading
//! such as "Related Articles"; a rule with a flag (e.g. `opinion-marker`) also
//! records that it fired, because the disclaimer is itself a signal.

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

/// Judges a line against the rules; returns the verdict and the flag of the rule that fired.
pub fn judge<'r>(line: &str, rules: &'r [BoilerRule]) -> (Verdict, Option<&'r str>) {
    let folded = fold(line);
    if folded.is_empty() {
        return (Verdict::Keep, None);
    }
    for rule in rules {
        let hit = rule.lines.iter().any(|l| match rule.how {
            BoilerHow::Line => folded == *l,
            BoilerHow::Prefix => folded.starts_with(l.as_str()),
            BoilerHow::Contains => folded.contains(l.as_str()),
        });
        if hit {
            let verdict = match rule.action {
                BoilerAction::DropLine => Verdict::DropLine,
                BoilerAction::DropRest => Verdict::DropRest,
            };
            return (verdict, rule.flag.as_deref());
        }
    }
    (Verdict::Keep, None)
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
        let rules = rules();
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
            ("", Verdict::Keep, None),
        ];
        for (line, verdict, flag) in cases {
            assert_eq!(judge(line, &rules), (verdict, flag), "{line:?}");
        }
    }
}

use crate::analyze::{ActorRef, analyze};
use crate::ingest::{Article, TargetSpec};
use crate::lexicon::Lexicon;

/// (term text, target actor label or "-", negated, quoted) for every primary polar hit.
fn hits(text: &str, targets: Vec<TargetSpec>) -> Vec<(String, String, bool, bool)> {
    let lexicon = Lexicon::builtin().expect("builtin");
    let mut article = Article::from_text("t", text);
    article.targets = targets;
    let a = analyze(&article, &lexicon);
    a.terms
        .iter()
        .filter(|h| h.primary || (h.negated && h.family.is_polar() && h.value == 0.0))
        .map(|h| {
            let target = match h.target {
                Some(ActorRef::Lexicon(i)) => lexicon.actors[i].label.clone(),
                Some(ActorRef::Adhoc(i)) => article.targets[i].name.clone(),
                None => "-".to_string(),
            };
            (
                text[h.start..h.end].to_string(),
                target,
                h.negated,
                h.quoted,
            )
        })
        .collect()
}

fn find<'a>(
    rows: &'a [(String, String, bool, bool)],
    word: &str,
) -> &'a (String, String, bool, bool) {
    rows.iter()
        .find(|r| r.0 == word)
        .unwrap_or_else(|| panic!("no hit {word:?} in {rows:?}"))
}

#[test]
fn targeting_rules_table() {
    // (text, polar word, expected target)
    let cases = [
        (
            "Beijing's expansionist narrative worries its neighbours.",
            "expansionist",
            "China",
        ),
        (
            "Analysts criticised the hawkish leadership of Japan last week.",
            "hawkish",
            "Japan",
        ),
        (
            "Japan is arrogant, the editorial said.",
            "arrogant",
            "Japan",
        ),
        ("Japan, don't get too arrogant.", "arrogant", "Japan"),
        (
            "The aggressive Russia of today worries Europe.",
            "aggressive",
            "Russia",
        ),
        (
            "Sakhalin is a node connecting the security anxieties of China and Russia.",
            "anxieties",
            "-",
        ),
        (
            "Ties are strained by the territorial dispute between Russia and Japan.",
            "dispute",
            "-",
        ),
        (
            "Japan's expansion, especially in the south, directly threatens the passage for the Russian fleet.",
            "threatens",
            "Japan",
        ),
    ];
    for (text, word, want) in cases {
        let rows = hits(text, Vec::new());
        assert_eq!(find(&rows, word).1, want, "{text}");
    }
}

#[test]
fn prohibitions_do_not_flip_polarity() {
    let rows = hits("Japan, don't get too arrogant.", Vec::new());
    assert!(!find(&rows, "arrogant").2, "{rows:?}");
    let rows = hits(
        "Moscow warned Japan not to interfere recklessly.",
        Vec::new(),
    );
    assert!(!find(&rows, "recklessly").2, "{rows:?}");
    // an ordinary denial still flips
    let rows = hits("Officials said Japan is not arrogant.", Vec::new());
    assert!(find(&rows, "arrogant").2, "{rows:?}");
}

#[test]
fn a_negated_negative_word_counts_nothing_a_negated_positive_one_flips() {
    let lexicon = Lexicon::builtin().expect("builtin");
    // (text, polar word, negated, sign of the value)
    let cases = [
        ("Japan is not aggressive.", "aggressive", true, 0.0),
        ("Japan is aggressive.", "aggressive", false, -1.0),
        ("Japan is not honest.", "honest", true, -1.0),
        ("Japan is honest.", "honest", false, 1.0),
    ];
    for (text, word, negated, sign) in cases {
        let article = Article::from_text("t", text);
        let a = analyze(&article, &lexicon);
        let hit = a
            .terms
            .iter()
            .find(|h| &text[h.start..h.end] == word && h.family.is_polar())
            .unwrap_or_else(|| panic!("no hit {word:?} in {text:?}"));
        assert_eq!(hit.negated, negated, "{text}");
        assert_eq!(
            hit.value.signum() * f64::from(hit.value != 0.0),
            sign,
            "{text}"
        );
        assert!(
            !hit.value.is_sign_negative() || hit.value != 0.0,
            "-0 in {text}"
        );
    }
}

#[test]
fn accusations_and_fears_are_not_the_writers_voice() {
    let rows = hits(
        "Zakharova launched an attack, accusing Tokyo of historical amnesia.",
        Vec::new(),
    );
    assert!(find(&rows, "historical amnesia").3, "{rows:?}");
    let rows = hits(
        "The leaders fear the terrible power of a Japanese military.",
        Vec::new(),
    );
    assert!(find(&rows, "terrible").3, "{rows:?}");
    let rows = hits("Japan's dangerous moves worry China.", Vec::new());
    assert!(!find(&rows, "dangerous").3, "{rows:?}");
}

#[test]
fn the_speaker_is_not_the_target_of_their_own_words() {
    let text = "\"Clinton regrets nothing and is a disaster,\" Short said.";
    let start = text.find("Short").unwrap();
    let span = TargetSpec {
        name: "T".into(),
        aliases: Vec::new(),
        start: Some(text[..start].chars().count()),
        end: Some(text[..start].chars().count() + 5),
    };
    let rows = hits(text, vec![span]);
    assert_ne!(find(&rows, "disaster").1, "T", "{rows:?}");
}

#[test]
fn a_span_target_wins_over_the_lexicon_actor_on_the_same_words() {
    let text = "Japan is arrogant.";
    let span = TargetSpec {
        name: "T".into(),
        aliases: Vec::new(),
        start: Some(0),
        end: Some(5),
    };
    let rows = hits(text, vec![span]);
    assert_eq!(find(&rows, "arrogant").1, "T", "{rows:?}");
}

#[test]
fn bad_input_completes_without_panic() {
    // 5,000 words, no punctuation, polar words and actors throughout
    let long: String = (0..5000)
        .map(|i| match i % 10 {
            0 => "China",
            3 => "aggressive",
            6 => "not",
            7 => "Japan's",
            _ => "word",
        })
        .collect::<Vec<_>>()
        .join(" ");
    assert!(!hits(&long, Vec::new()).is_empty());
    // 200 actors in one sentence (ad-hoc targets and lexicon actors)
    let names: Vec<String> = (0..200).map(|i| format!("Name{i}")).collect();
    let text = format!("{} are all arrogant and dangerous.", names.join(" and "));
    let targets = names
        .iter()
        .map(|n| TargetSpec {
            name: n.clone(),
            aliases: Vec::new(),
            start: None,
            end: None,
        })
        .collect();
    assert!(!hits(&text, targets).is_empty());
    let many = [
        "China", "Japan", "Russia", "NATO", "Beijing", "Moscow", "Tokyo",
    ]
    .repeat(30)
    .join(", ");
    assert!(!hits(&format!("{many} are arrogant."), Vec::new()).is_empty());
    // apostrophes, hyphens, non-Latin scripts, in names and around them
    for (name, text) in [
        (
            "O'Rourke",
            "O'Rourke's arrogant remarks angered Xi Jinping's aides.",
        ),
        (
            "Jean-Luc",
            "Jean-Luc is arrogant \u{2014} Sino-Japanese ties suffer.",
        ),
        (
            "\u{4e60}\u{8fd1}\u{5e73}",
            "\u{4e60}\u{8fd1}\u{5e73} is arrogant, \u{65e5}\u{672c} said.",
        ),
        (
            "\u{041f}\u{0443}\u{0442}\u{0438}\u{043d}",
            "\u{041f}\u{0443}\u{0442}\u{0438}\u{043d}'s brutal war.",
        ),
    ] {
        let targets = vec![TargetSpec {
            name: name.into(),
            aliases: Vec::new(),
            start: None,
            end: None,
        }];
        let rows = hits(text, targets);
        assert!(!rows.is_empty(), "{text}");
    }
}

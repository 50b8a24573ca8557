use crate::analyze::{ActorRef, analyze};
use crate::ingest::{Article, TargetSpec};
use crate::lexicon::Lexicon;

/// (term text, target actor label or "-", negated, quoted) for every primary polar hit.
fn hits(text: &str, targets: Vec<TargetSpec>) -> Vec<(String, String, bool, bool)> {
    let lexicon = Lexicon::shared().expect("builtin");
    let mut article = Article::from_text("t", text);
    article.targets = targets;
    let a = analyze(&article, lexicon);
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
    let lexicon = Lexicon::shared().expect("builtin");
    // (text, polar word, negated, sign of the value)
    let cases = [
        ("Japan is not aggressive.", "aggressive", true, 0.0),
        ("Japan is aggressive.", "aggressive", false, -1.0),
        ("Japan is not honest.", "honest", true, -1.0),
        ("Japan is honest.", "honest", false, 1.0),
    ];
    for (text, word, negated, sign) in cases {
        let article = Article::from_text("t", text);
        let a = analyze(&article, lexicon);
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

/// One polar hit as the rules left it.
#[derive(Debug)]
struct Polar {
    text: String,
    target: String,
    negated: bool,
    quoted: bool,
    value: f64,
    primary: bool,
}

/// Every polar hit of `text` (primary or not), in text order.
fn polar(text: &str) -> Vec<Polar> {
    let lexicon = Lexicon::shared().expect("builtin");
    let article = Article::from_text("t", text);
    let a = analyze(&article, lexicon);
    a.terms
        .iter()
        .filter(|h| h.family.is_polar())
        .map(|h| Polar {
            text: text[h.start..h.end].to_string(),
            target: match h.target {
                Some(ActorRef::Lexicon(i)) => lexicon.actors[i].label.clone(),
                _ => "-".to_string(),
            },
            negated: h.negated,
            quoted: h.quoted,
            value: h.value,
            primary: h.primary,
        })
        .collect()
}

/// The strongest hit on `word`.
fn on<'a>(rows: &'a [Polar], word: &str) -> &'a Polar {
    rows.iter()
        .filter(|r| r.text == word)
        .max_by(|a, b| a.value.abs().total_cmp(&b.value.abs()))
        .unwrap_or_else(|| panic!("no hit {word:?} in {rows:?}"))
}

/// How a hit should come out: its target, the sign of what it counts
/// (-1, 0, 1), and whether it is someone else's view.
type Want = (&'static str, f64, bool);

fn check(cases: &[(&str, &str, Want)]) {
    for &(text, word, (target, sign, quoted)) in cases {
        let rows = polar(text);
        let hit = on(&rows, word);
        let counted = if hit.primary { hit.value } else { 0.0 };
        assert_eq!(
            hit.target, target,
            "target of {word:?} in {text:?}: {rows:?}"
        );
        assert_eq!(
            counted.signum() * f64::from(counted != 0.0),
            sign,
            "sign of {word:?} in {text:?}: {rows:?}"
        );
        assert_eq!(
            hit.quoted, quoted,
            "voice of {word:?} in {text:?}: {rows:?}"
        );
    }
}

#[test]
fn an_evaluation_of_an_act_goes_to_its_agent_not_its_recipient() {
    check(&[
        (
            "Moscow is delivering a chilling warning to a re-arming Japan.",
            "chilling",
            ("Russia", -1.0, false),
        ),
        (
            "Russia's harsh warning to Japan came on Sunday.",
            "harsh",
            ("Russia", -1.0, false),
        ),
        (
            "Tokyo fears that a Chinese attack on Taiwan is near.",
            "attack",
            ("China", -1.0, true),
        ),
        (
            "The drill rehearsed a Chinese attack on Taiwan.",
            "attack",
            ("China", -1.0, false),
        ),
        // no agent in view: the act is still done to its recipient
        (
            "He went on a direct attack against Japan.",
            "attack",
            ("Japan", -1.0, false),
        ),
    ]);
}

#[test]
fn actors_in_topic_phrases_are_not_judged() {
    check(&[
        (
            "A possible crisis in the Taiwan Strait would hit trade.",
            "crisis",
            ("-", -1.0, false),
        ),
        (
            "Russia will stand by China if tensions over Taiwan rise.",
            "tensions",
            ("-", -1.0, false),
        ),
        (
            "Taiwan has been governed separately since the end of a civil war.",
            "war",
            ("-", -1.0, false),
        ),
        (
            "Japan's dangerous moves on the Taiwan issue are the concern.",
            "dangerous",
            ("Japan", -1.0, false),
        ),
        (
            "His statements on the Taiwan issue seriously violate the foundation between China and Japan.",
            "violate",
            ("-", -1.0, false),
        ),
        // the topic of a situation is no target for any word of the sentence
        (
            "This strong statement comes at a time of escalating tensions in the Taiwan Strait.",
            "strong",
            ("-", 1.0, false),
        ),
        // a place is not judged
        (
            "This strong statement comes at a time of military activity around the Taiwan Strait.",
            "strong",
            ("-", 1.0, false),
        ),
        // a possessive still makes a situation an actor's
        ("Russia's war grinds on.", "war", ("Russia", -1.0, false)),
    ]);
}

#[test]
fn feelings_belong_to_who_feels_them() {
    check(&[
        (
            "The Communist Party leadership, who fear the terrible power of a fully unleashed Japanese military, met.",
            "terrible",
            ("Japan", -1.0, true),
        ),
        // the of-complement of a possessed tactic or narrative is the
        // possessor's framing
        (
            "Zakharova spoke, mirroring Beijing's favorite tactic of using historical guilt against Japan.",
            "guilt",
            ("Japan", -1.0, true),
        ),
        (
            "Japan's government has alarmed Beijing.",
            "alarmed",
            ("Japan", -1.0, true),
        ),
        (
            "Moscow shares the anxiety of Beijing.",
            "anxiety",
            ("-", -1.0, false),
        ),
    ]);
}

#[test]
fn a_verb_between_two_actors_judges_whom_its_frame_says() {
    check(&[
        // the subject's view of the object, not the writer's
        (
            "Russia accused Japan yesterday.",
            "accused",
            ("Japan", -1.0, true),
        ),
        // the writer's view of the object too
        ("Russia supports China.", "supports", ("China", 1.0, false)),
        // the writer's view of the subject
        (
            "China threatens Japan.",
            "threatens",
            ("China", -1.0, false),
        ),
        ("Japan attacked China.", "attacked", ("Japan", -1.0, false)),
    ]);
}

#[test]
fn a_degree_adjective_on_a_negative_word_intensifies_it() {
    check(&[
        (
            "Lavrov also directed strong criticism towards Japan.",
            "strong",
            ("-", 0.0, false),
        ),
        (
            "Lavrov also directed strong criticism towards Japan.",
            "criticism",
            ("Japan", -1.0, true),
        ),
        // before anything else it keeps its own polarity
        (
            "China and Russia have developed strong ties.",
            "strong",
            ("Russia", 1.0, false),
        ),
    ]);
    let rows = polar("Lavrov also directed strong criticism towards Japan.");
    let plain = polar("Lavrov also directed criticism towards Japan.");
    assert!(on(&rows, "criticism").value < on(&plain, "criticism").value);
}

#[test]
fn negation_reaches_a_verb_from_its_subjects_determiner() {
    let rows = polar("No major political party on the island endorses this approach.");
    assert!(on(&rows, "endorses").negated, "{rows:?}");
    // a clause in between stops it
    let rows = polar("There is no doubt that the party endorses this approach.");
    assert!(!on(&rows, "endorses").negated, "{rows:?}");
}

#[test]
fn scare_quoted_or_sarcastic_praise_is_not_praise() {
    check(&[
        (
            "Moscow wants Beijing's \"constructive role\" in Ukraine.",
            "constructive",
            ("China", 0.0, true),
        ),
        (
            "Zakharova spoke, mirroring Beijing's favorite tactic of using history.",
            "favorite tactic",
            ("China", -1.0, false),
        ),
    ]);
    let rows = polar("Zakharova spoke, mirroring Beijing's favorite tactic of using history.");
    assert!(!rows.iter().any(|r| r.text == "favorite"), "{rows:?}");
}

use crate::analyze::analyze;
use crate::ingest::Article;
use crate::lexicon::Lexicon;

fn rows(text: &str) -> Vec<Row> {
    let lexicon = Lexicon::shared().expect("builtin");
    let article = Article::from_text("t", text);
    let a = analyze(&article, lexicon);
    a.attributions
        .iter()
        .map(|r| {
            (
                text[r.cue.clone()].to_string(),
                r.source
                    .clone()
                    .map_or(String::new(), |s| text[s].to_string()),
                r.kind.name().to_string(),
                r.direct,
            )
        })
        .collect()
}

type Row = (String, String, String, bool);

fn row(cue: &str, source: &str, kind: &str, direct: bool) -> Row {
    (cue.into(), source.into(), kind.into(), direct)
}

#[test]
fn attribution_table() {
    let cases: Vec<(&str, Vec<Row>)> = vec![
        (
            "\"Taiwan is an integral part of China,\" Lavrov asserted.",
            vec![row("asserted", "Lavrov", "named", true)],
        ),
        (
            "Russian Foreign Minister Sergei Lavrov said Japan must think twice.",
            vec![row(
                "said",
                "Russian Foreign Minister Sergei Lavrov",
                "named",
                false,
            )],
        ),
        (
            "Geopolitical analysts say the stance is a payment.",
            vec![row("say", "Geopolitical analysts", "vague", false)],
        ),
        (
            "The plan failed, according to a source familiar with the talks.",
            vec![row(
                "according to",
                "a source familiar with the talks",
                "anonymous",
                false,
            )],
        ),
        ("Its aggressive claims over the sea grew.", vec![]),
        (
            "\"We will respond,\" said the Defence Ministry.",
            vec![row("said", "the Defence Ministry", "organisation", true)],
        ),
    ];
    for (text, want) in cases {
        let got = rows(text);
        for w in &want {
            assert!(got.contains(w), "{text:?}: wanted {w:?} in {got:?}");
        }
        if want.is_empty() {
            assert!(got.is_empty(), "{text:?}: wanted none, got {got:?}");
        }
    }
}

/// Runs a table: each text must yield at least the wanted rows (none when empty).
fn check(cases: &[(&str, Vec<Row>)]) {
    for (text, want) in cases {
        let got = rows(text);
        for w in want {
            assert!(got.contains(w), "{text:?}: wanted {w:?} in {got:?}");
        }
        if want.is_empty() {
            assert!(got.is_empty(), "{text:?}: wanted none, got {got:?}");
        }
    }
}

#[test]
fn subjects_found_across_appositives_parentheses_and_time_phrases() {
    check(&[
        (
            "Parker Eaton, a nominal Republican who voted for Clinton, said the field was weak.",
            vec![row("said", "Parker Eaton", "named", false)],
        ),
        (
            "Chris Cox, who runs the lobbying arm, says the actions would not help.",
            vec![row("says", "Chris Cox", "named", false)],
        ),
        (
            "Jason Sims \u{2014} a teacher from Mount Pleasant \u{2014} says he decided late.",
            vec![row("says", "Jason Sims", "named", false)],
        ),
        (
            "Marco Rubio (R-FL) said the deal was dangerous.",
            vec![row("said", "Marco Rubio", "named", false)],
        ),
        (
            "Trump, speaking to reporters in Iowa, said the wall would rise.",
            vec![row("said", "Trump", "named", false)],
        ),
        (
            "Barkley, who in 2010 said he votes Democratic, was not convinced.",
            vec![row("said", "Barkley", "named", false)],
        ),
        (
            "Clinton has repeatedly said she would not run.",
            vec![row("said", "Clinton", "named", false)],
        ),
    ]);
}

#[test]
fn coordinated_verbs_and_participles_share_the_clause_subject() {
    check(&[
        (
            "The judge rubbed his chin and then said the case was closed.",
            vec![row("said", "The judge", "vague", false)],
        ),
        (
            "Lavrov criticised Tokyo on Monday, saying Japan must think twice.",
            vec![row("saying", "Lavrov", "named", false)],
        ),
    ]);
}

#[test]
fn unnamed_and_lowercase_subjects_are_vague() {
    check(&[
        (
            "The billionaire businessman says he will win.",
            vec![row("says", "The billionaire businessman", "vague", false)],
        ),
        (
            "Twenty-four percent said they would vote for him.",
            vec![row("said", "Twenty-four percent", "vague", false)],
        ),
        (
            "It is widely believed that the talks failed.",
            vec![row(
                "It is widely believed",
                "It is widely believed",
                "vague",
                false,
            )],
        ),
        (
            "Ukraine depends on what intelligence agencies call shadow aid from China.",
            vec![row("call", "intelligence agencies", "vague", false)],
        ),
    ]);
}

#[test]
fn colons_and_dashes_introduce_or_sign_quotes() {
    check(&[
        (
            "Graham: Trump Rhetoric Is Hateful\n\nThe senator spoke on Sunday.",
            vec![row(":", "Graham", "named", false)],
        ),
        (
            "Republican pollster Daron Shaw: \u{201C}Historically, lesser-known candidates beat the favourites.\u{201D}",
            vec![row(":", "Daron Shaw", "named", true)],
        ),
        (
            "\"No one should be above the law.\"\n\u{2014} Paul Ryan (@SpeakerRyan) July 5, 2016",
            vec![row("\u{2014}", "Paul Ryan", "named", true)],
        ),
    ]);
}

#[test]
fn nouns_quotes_and_subjectless_thought_verbs_make_no_row() {
    check(&[
        ("Its aggressive claims over the sea grew.", vec![]),
        ("Moscow sent a clear warning to Tokyo.", vec![]),
        ("The reports of fraud spread.", vec![]),
        ("Attacked from all sides, the bill stalled.", vec![]),
        ("The time was 6:05 p.m. in Ohio.", vec![]),
    ]);
    let got = rows("\"I said no to them all,\" Lavrov told reporters.");
    assert_eq!(got, vec![row("told", "Lavrov", "named", true)]);
}

#[test]
fn verbs_of_thought_and_evidence_need_a_subject() {
    check(&[(
        "New fundraising reports showed the campaign was nearly broke.",
        vec![row(
            "showed",
            "New fundraising reports",
            "organisation",
            false,
        )],
    )]);
}

#[test]
fn odd_input_never_panics() {
    let lexicon = Lexicon::shared().expect("builtin");
    let pieces = [
        "said ",
        "Lavrov ",
        "\u{2015} ",
        "\u{2014}",
        ": ",
        "\"",
        "\u{201C}",
        "\u{201D}",
        "\u{00AB}",
        "(",
        ")",
        ", ",
        ". ",
        "\n\n",
        "who ",
        "and ",
        "saying ",
        "the ",
        "it is widely believed ",
        "according to ",
        "- ",
        "\u{2019}s ",
        "Sen. ",
        "2010 ",
        "according to",
        "\u{00E9}t\u{00E9} ",
        "told",
        "(R-Fla.) ",
    ];
    let mut seed: u64 = 7;
    for _ in 0..400 {
        let mut text = String::new();
        for _ in 0..40 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        let article = Article::from_text("t", &text);
        let a = analyze(&article, lexicon);
        for r in &a.attributions {
            assert!(text.get(r.cue.clone()).is_some(), "{text:?}");
            assert!(text.get(r.content.clone()).is_some(), "{text:?}");
        }
    }
}

#[test]
fn pronoun_carries_last_named_speaker() {
    let lexicon = Lexicon::shared().expect("builtin");
    let text = "Sergei Lavrov said talks went well. He added that Japan should wait.";
    let article = Article::from_text("t", text);
    let a = analyze(&article, lexicon);
    let speakers: Vec<_> = a.attributions.iter().map(|r| r.speaker.clone()).collect();
    assert_eq!(
        speakers,
        vec![Some("Sergei Lavrov".into()), Some("Sergei Lavrov".into())]
    );
}

#[test]
fn says_after_a_lowercase_noun_is_a_verb_but_claims_may_be_a_noun() {
    check(&[
        (
            "The billionaire businessman says running for president is tough.",
            vec![row("says", "The billionaire businessman", "vague", false)],
        ),
        (
            "A top adviser argues the campaign is on a glide path.",
            vec![row("argues", "A top adviser", "vague", false)],
        ),
        (
            "Territorial claims over the islands grew last year.",
            vec![],
        ),
        ("Local news reports on the vote were thin.", vec![]),
    ]);
}

#[test]
fn title_case_headlines_take_the_words_before_the_verb_as_source() {
    check(&[
        (
            "Former Clinton Pollster Says Clinton Is In Trouble In California",
            vec![row("Says", "Former Clinton Pollster", "named", false)],
        ),
        (
            "Donald Trump Is Like A Lawyer's Dumbest Client Ever, Trevor Noah Says",
            vec![row("Says", "Trevor Noah", "named", false)],
        ),
        (
            "Russia Issues Pointed Warning To Japan Over Taiwan Remarks",
            vec![],
        ),
        ("Trump Calls For A Total Ban On New Arrivals", vec![]),
    ]);
}

#[test]
fn in_before_a_named_poll_cites_it() {
    check(&[
        (
            "Trump achieved 45 percent support in a new Fox News poll released Thursday.",
            vec![row("in", "a new Fox News poll", "organisation", false)],
        ),
        ("He slid in the polls behind Clinton.", vec![]),
        ("He lives in a house in Iowa.", vec![]),
    ]);
}

#[test]
fn a_gerund_after_a_preposition_takes_the_clause_subject() {
    check(&[
        (
            "Bolton distanced himself from the movement by saying he would help.",
            vec![row("saying", "Bolton", "named", false)],
        ),
        (
            "Ms Zakharova ended the briefing after warning Tokyo again.",
            vec![row("warning", "Ms Zakharova", "named", false)],
        ),
    ]);
}

#[test]
fn a_passive_cue_with_an_agent_takes_the_agent_as_source() {
    check(&[
        (
            "His stance is widely viewed by geopolitical analysts as a payment.",
            vec![row(
                "is widely viewed",
                "geopolitical analysts",
                "vague",
                false,
            )],
        ),
        (
            "It is widely believed that the talks failed.",
            vec![row(
                "It is widely believed",
                "It is widely believed",
                "vague",
                false,
            )],
        ),
    ]);
}

#[test]
fn an_outlet_told_something_is_cited_as_the_channel() {
    let lexicon = Lexicon::shared().expect("builtin");
    let outlets = |text: &str| {
        let article = Article::from_text("t", text);
        let a = analyze(&article, lexicon);
        a.attributions
            .iter()
            .flat_map(|r| r.outlets.iter().map(|o| lexicon.sources[*o].label.clone()))
            .collect::<Vec<_>>()
    };
    let told = outlets("\"Japan must learn,\" Zakharova told Xinhua News Agency.");
    assert!(told.iter().any(|l| l.contains("Xinhua")), "{told:?}");
    let visited = outlets("Zakharova said she visited Xinhua News Agency.");
    assert!(visited.is_empty(), "{visited:?}");
}

/// Rows as (cue, source, speaker).
fn speakers(text: &str) -> Vec<(String, String, String)> {
    let lexicon = Lexicon::shared().expect("builtin");
    let article = Article::from_text("t", text);
    let a = analyze(&article, lexicon);
    a.attributions
        .iter()
        .map(|r| {
            (
                text[r.cue.clone()].to_string(),
                r.source
                    .clone()
                    .map_or(String::new(), |s| text[s].to_string()),
                r.speaker.clone().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn headings_captions_and_datelines_are_never_sources() {
    let cases: &[(&str, &str)] = &[
        // a subheading with a colon is no speaker's line
        (
            "Lavrov spoke on Sunday.\n\nThe Quid Pro Quo: Ukraine for Taiwan\n\nThe deal is old.",
            "The Quid Pro Quo",
        ),
        // an outlet in a dateline is the article's outlet
        (
            "CaliToday (28/12/2025): Russian Foreign Minister Sergei Lavrov issued an ultimatum on Sunday, declaring Russia's opposition to independence.",
            "CaliToday",
        ),
        (
            "MOSCOW \u{2015} The minister warned Tokyo, saying the drills would go ahead.",
            "MOSCOW",
        ),
    ];
    for (text, not_source) in cases {
        let got = speakers(text);
        assert!(
            got.iter().all(|(_, src, _)| !src.contains(not_source)),
            "{text:?}: {not_source:?} is a source in {got:?}"
        );
    }
    let got = speakers(cases[1].0);
    assert!(
        got.iter()
            .any(|(cue, src, _)| cue == "declaring" && src.contains("Lavrov")),
        "{got:?}"
    );
}

#[test]
fn according_to_a_speech_noun_takes_its_speaker() {
    check(&[
        (
            "Russia will stand by China, according to remarks made by Russian Foreign Minister Sergei Lavrov.",
            vec![row(
                "according to",
                "Russian Foreign Minister Sergei Lavrov",
                "named",
                false,
            )],
        ),
        (
            "Russia will stand by China, according to Lavrov's statement.",
            vec![row("according to", "Lavrov", "named", false)],
        ),
        (
            "Russia will stand by China, according to a statement from the Foreign Ministry.",
            vec![row(
                "according to",
                "the Foreign Ministry",
                "organisation",
                false,
            )],
        ),
    ]);
}

#[test]
fn harm_verbs_with_objects_and_abstract_subjects_are_no_cues() {
    for text in [
        "Japan's military expansion, especially its efforts in the Southwest Islands, directly threatens the passage for the Russian Pacific Fleet.",
        "The resulting consensus confirms a new geopolitical reality: Russia provides the oil.",
        "The remarks underscore the strengthening alliance between Russia and China.",
        "The statements underline rising tensions in East Asia.",
    ] {
        let got = rows(text);
        assert!(
            got.iter().all(|r| !matches!(
                r.0.as_str(),
                "threatens" | "confirms" | "underscore" | "underline"
            )),
            "{text:?}: {got:?}"
        );
    }
    // a person who threatens is speaking; so does a poll that shows
    check(&[
        (
            "Trump threatened to sue the newspaper.",
            vec![row("threatened", "Trump", "named", false)],
        ),
        (
            "The latest polls suggest the race is tight.",
            vec![row("suggest", "The latest polls", "vague", false)],
        ),
    ]);
}

#[test]
fn pronouns_skip_captions_and_check_gender() {
    let text = "Russian Foreign Minister Lavrov issued a clear warning to Japan.\n\nSanae Takaichi\n\nHe stated that Japan's militarization poses a threat.";
    let got = speakers(text);
    assert!(
        got.contains(&("stated".into(), "He".into(), "Sergei Lavrov".into())),
        "{got:?}"
    );
    let text = "Ms Takaichi said a Chinese attack could be a survival-threatening situation. Lavrov met reporters. She suggested Japan could act.";
    let got = speakers(text);
    assert!(
        got.contains(&("suggested".into(), "She".into(), "Sanae Takaichi".into())),
        "{got:?}"
    );
}

#[test]
fn a_titled_surname_is_the_listed_person() {
    let got = speakers("Russian Foreign Minister Lavrov said Japan must think twice.");
    assert!(
        got.iter()
            .any(|(cue, _, who)| cue == "said" && who == "Sergei Lavrov"),
        "{got:?}"
    );
}

#[test]
fn a_quote_belongs_to_the_speaker_of_its_own_sentence() {
    let text = "Lavrov said: \u{201C}Japan must think twice about it.\u{201D} Takaichi told parliament Japan would defend itself.";
    let lexicon = Lexicon::shared().expect("builtin");
    let article = Article::from_text("t", text);
    let a = analyze(&article, lexicon);
    let told = a
        .attributions
        .iter()
        .find(|r| &text[r.cue.clone()] == "told")
        .expect("a told row");
    assert!(!told.direct, "{:?}", &text[told.content.clone()]);
}

#[test]
fn one_statement_is_one_row() {
    let got = rows(
        "\"Taiwan is an integral part of China,\" Lavrov asserted, effectively endorsing Beijing's narrative.",
    );
    assert_eq!(got, vec![row("asserted", "Lavrov", "named", true)]);
    // a participle that adds something of its own is a statement of its own
    let got = rows("\"We will respond,\" Lavrov said, adding that Japan must think twice.");
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(!got[1].3, "{got:?}");
}

#[test]
fn an_auxiliary_is_never_a_cue_and_a_statement_needs_content() {
    let got = rows("Russia has backed China's position on Taiwan.");
    assert!(got.iter().all(|(cue, ..)| cue != "has"), "{got:?}");
    let lexicon = Lexicon::shared().expect("builtin");
    let text =
        "Russia has backed China's position on Taiwan. Moscow wants Beijing's role in Ukraine.";
    let article = Article::from_text("t", text);
    let a = analyze(&article, lexicon);
    assert!(
        a.attributions.iter().all(|r| !r.content.is_empty()),
        "{:?}",
        a.attributions
    );
}

#[test]
fn it_is_well_known_has_no_source() {
    let got = speakers("It is well known that the talks failed.");
    assert!(
        got.iter()
            .all(|(_, src, speaker)| src != "well" && speaker != "well"),
        "{got:?}"
    );
    assert!(got.iter().all(|(_, src, _)| src.is_empty()), "{got:?}");
}

#[test]
fn a_speech_noun_is_no_speaker_its_owner_is() {
    let text = "Prime Minister Sanae Takaichi spoke in Tokyo. Her declaration on November 7 stating that Japan could retaliate sent shockwaves through Beijing.";
    let got = speakers(text);
    let stating = got.iter().find(|(cue, ..)| cue == "stating");
    assert!(
        stating.is_some_and(|(_, src, speaker)| src == "Her" && speaker.contains("Takaichi")),
        "{got:?}"
    );
    let got = speakers("Lavrov's remarks on Sunday stating that Japan was rearming drew a reply.");
    assert!(
        got.iter().all(|(_, src, _)| !src.contains("remarks")),
        "{got:?}"
    );
}

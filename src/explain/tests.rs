use super::*;
use crate::ingest::Article;

fn explained(text: &str) -> Explanation {
    let lexicon = Lexicon::shared().expect("built-in");
    let article = Article::from_text("t", text);
    let a = crate::analyze::analyze(&article, lexicon);
    explain(&a, lexicon)
}

#[test]
fn unsourced_assertions_table() {
    // (text, sentences listed as unsourced)
    let cases: &[(&str, &[&str])] = &[
        // a cue read with no content ("Russia has") sources nothing
        (
            "Russia has backed China on every count this year.",
            &["Russia has backed China on every count this year."],
        ),
        (
            "Russia backed China on every count this year!",
            &["Russia backed China on every count this year!"],
        ),
        (
            "Officials said Russia has backed China on every count.",
            &[],
        ),
        (
            "Russia may have backed China on every count this year.",
            &[],
        ),
        ("Has Russia backed China on every count this year?", &[]),
        ("Russia backs China", &[]),
        (
            "\"Russia has backed China on every single count,\" she said.",
            &[],
        ),
        (
            "Clearly the regime is lying to everyone. Analysts say it will fail.",
            &["Clearly the regime is lying to everyone."],
        ),
    ];
    for (text, want) in cases {
        let e = explained(text);
        let got: Vec<&str> = e.unsourced.iter().map(|u| u.text.text.trim()).collect();
        assert_eq!(got, *want, "{text}");
    }
}

#[test]
fn an_unsourced_booster_sentence_names_its_booster() {
    let e = explained("Clearly the regime is lying to everyone about the war.");
    assert_eq!(e.unsourced.len(), 1);
    assert!(
        e.unsourced[0].boosters.iter().any(|b| b == "Clearly"),
        "{:?}",
        e.unsourced
    );
}

#[test]
fn each_actor_lists_the_words_behind_its_score() {
    let e =
        explained("The aggressive China threatened Japan. Japan was praised for its restraint.");
    let china = e.actors.iter().find(|x| x.id == "china").expect("china");
    assert!(china.sentiment < 0.0);
    assert!(
        !china.words.is_empty() || !china.verdicts.is_empty(),
        "{china:?}"
    );
    for w in &china.words {
        assert_eq!(w.target.as_deref(), Some("china"));
    }
}

#[test]
fn html_escapes_article_text_and_marks_hits() {
    let lexicon = Lexicon::shared().expect("built-in");
    let text = "<script>alert(1)</script> The brutal regime & its \"Wolf Warrior\" diplomats lied, said Maria Zakharova.";
    let article = Article::from_text("t<1>", text);
    let a = crate::analyze::analyze(&article, lexicon);
    let e = explain(&a, lexicon);
    let page = html::render(&e, text);
    assert!(!page.contains("<script>"), "{page}");
    assert!(page.contains("&lt;script&gt;"));
    assert!(page.contains("&amp; its"));
    assert!(page.contains("class=\"loaded\""), "{page}");
    assert!(page.contains("class=\"source\""), "{page}");
    assert!(page.contains("t&lt;1&gt;"));
    // every <span> closes
    assert_eq!(
        page.matches("<span").count(),
        page.matches("</span>").count()
    );
}

//! One article as a self-contained HTML page (no scripts, no external
//! files): the text with every lexicon hit highlighted, sources underlined
//! with their speaker, unsourced assertions shaded, then the lists of the
//! terminal `explain`. Every piece of article text is escaped, so an article
//! cannot inject markup.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::{Explanation, Word};

pub use crate::report::columns::escape;

/// A marked range of the text: byte span, CSS class, hover text.
struct Layer {
    start: usize,
    end: usize,
    class: &'static str,
    title: String,
}

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}\
.text{white-space:pre-wrap;border:1px solid #ddd;padding:1rem;border-radius:4px}\
.loaded{background:#f8c6c6}.sentiment{background:#e6e0f8}.hedge{background:#d7ecf9}.booster{background:#fde7b0}\
.scare{outline:1px dashed #c33}.source{text-decoration:underline;text-decoration-thickness:2px;text-decoration-color:#1a7f37}\
.unsourced{box-shadow:inset 0 -0.35em #fff3a3}.legend span{padding:0 .3em;margin-right:.5em}\
table{border-collapse:collapse}td,th{border-bottom:1px solid #eee;padding:.2rem .5rem;text-align:left;vertical-align:top}\
.num{text-align:right;font-variant-numeric:tabular-nums}";

/// Renders the page for one article; `text` is the article text as read.
pub fn render(e: &Explanation, text: &str) -> String {
    let mut out = String::new();
    let title = e.title.as_deref().unwrap_or("(untitled)");
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{} — framescore explain</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(title)
    );
    let _ = writeln!(out, "<h1>{}</h1>", escape(title));
    let f = &e.figures;
    let _ = writeln!(
        out,
        "<p>{} · {} words, {} sentences · tone {:+.2} · sourcing {:.0}/100 · reliability {:.0}/100 · flags: {}</p>",
        escape(&e.id),
        f.words,
        f.sentences,
        f.tone,
        f.sourcing_score,
        f.reliability,
        if f.flags.is_empty() {
            "none".to_string()
        } else {
            escape(&f.flags.join(", ")).into_owned()
        }
    );
    let _ = writeln!(
        out,
        "<p>article type: {} · reliability parts: {}</p>",
        f.article_type,
        f.parts_line()
    );
    out.push_str("<p class=\"legend\"><span class=\"loaded\">loaded</span><span class=\"sentiment\">sentiment</span><span class=\"hedge\">hedge</span><span class=\"booster\">booster</span><span class=\"scare\">scare quote</span><span class=\"source\">source (hover: speaker)</span><span class=\"unsourced\">unsourced assertion</span></p>\n");
    let _ = writeln!(out, "<div class=\"text\">{}</div>", marked(e, text));
    section(&mut out, "Unsourced assertions");
    list(
        &mut out,
        e.unsourced.iter().map(|u| {
            let mut item = format!("[{}] {}", u.sentence, escape(&u.text.text));
            for (what, words) in [("boosters", &u.boosters), ("loaded", &u.loaded)] {
                if !words.is_empty() {
                    let _ = write!(item, " <em>({what}: {})</em>", escape(&words.join(", ")));
                }
            }
            item
        }),
    );
    section(&mut out, "Who says what");
    list(
        &mut out,
        e.statements.iter().map(|s| {
            let source = s.source.as_ref().map_or("(no source)", |x| x.text.as_str());
            let speaker = s
                .speaker
                .as_deref()
                .filter(|sp| *sp != source)
                .map(|sp| format!(" = {}", escape(sp)))
                .unwrap_or_default();
            format!(
                "[{}] <u>{}</u>{speaker} ({}, {}) {}: {}",
                s.sentence,
                escape(source),
                s.kind,
                if s.direct { "quote" } else { "reported" },
                escape(&s.cue.text),
                escape(&s.content.text)
            )
        }),
    );
    section(&mut out, "Actors");
    if e.actors.is_empty() {
        out.push_str("<p>none</p>\n");
    } else {
        out.push_str("<table><tr><th>actor</th><th>mentions</th><th>voice</th><th>sentiment (all / writer / quoted)</th><th>words behind it</th></tr>\n");
        for x in &e.actors {
            let words: Vec<String> = x
                .words
                .iter()
                .map(|w| format!("{} {:+.2} ({})", escape(&w.span.text), w.value, w.voice))
                .chain(
                    x.verdicts
                        .iter()
                        .map(|v| format!("model on “{}” {:+.2}", escape(&v.mention.text), v.value)),
                )
                .collect();
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:+.2} / {:+.2} / {:+.2}</td><td>{}</td></tr>",
                escape(&x.label),
                x.mentions,
                x.voice,
                x.sentiment,
                x.authorial_sentiment,
                x.quoted_sentiment,
                if words.is_empty() {
                    "none".to_string()
                } else {
                    words.join("; ")
                }
            );
        }
        out.push_str("</table>\n");
    }
    section(&mut out, "Loaded words");
    list(
        &mut out,
        e.loaded.iter().map(|w| {
            format!(
                "[{}] <b>{}</b> ({}, {}) — {}",
                w.sentence,
                escape(&w.span.text),
                escape(&w.category),
                w.voice,
                escape(&w.sentence_text)
            )
        }),
    );
    out.push_str("<p><small>framescore measures textual signals of sourcing and framing; it does not check facts.</small></p>\n</body>\n</html>\n");
    out
}

fn section(out: &mut String, title: &str) {
    let _ = writeln!(out, "<h2>{title}</h2>");
}

fn list(out: &mut String, items: impl Iterator<Item = String>) {
    let items: Vec<String> = items.collect();
    if items.is_empty() {
        out.push_str("<p>none</p>\n");
        return;
    }
    out.push_str("<ul>\n");
    for item in items {
        let _ = writeln!(out, "<li>{item}</li>");
    }
    out.push_str("</ul>\n");
}

fn word_layer(w: &Word) -> Layer {
    let class = match w.family {
        "loaded" => "loaded",
        "hedge" => "hedge",
        "booster" => "booster",
        _ => "sentiment",
    };
    let target = w
        .target
        .as_deref()
        .map(|t| format!(" → {t}"))
        .unwrap_or_default();
    Layer {
        start: w.span.bytes.start,
        end: w.span.bytes.end,
        class,
        title: format!(
            "{}:{} ({}) {} {:+.2}{target}",
            w.family, w.category, w.entry, w.voice, w.value
        ),
    }
}

fn layers(e: &Explanation) -> Vec<Layer> {
    let mut layers: Vec<Layer> = Vec::new();
    for u in &e.unsourced {
        layers.push(Layer {
            start: u.text.bytes.start,
            end: u.text.bytes.end,
            class: "unsourced",
            title: "unsourced assertion".into(),
        });
    }
    for s in &e.statements {
        if let Some(src) = &s.source {
            let speaker = s.speaker.as_deref().unwrap_or(&src.text);
            layers.push(Layer {
                start: src.bytes.start,
                end: src.bytes.end,
                class: "source",
                title: format!("source: {speaker} ({})", s.kind),
            });
        }
    }
    for q in &e.scare_quotes {
        layers.push(Layer {
            start: q.bytes.start,
            end: q.bytes.end,
            class: "scare",
            title: "scare quote".into(),
        });
    }
    // the other polar words aimed at actors (sentiment); loaded ones are listed already
    let polar = e
        .actors
        .iter()
        .flat_map(|x| x.words.iter())
        .filter(|w| w.family != "loaded");
    for w in e
        .loaded
        .iter()
        .chain(&e.hedges)
        .chain(&e.boosters)
        .chain(polar)
    {
        layers.push(word_layer(w));
    }
    layers.retain(|l| l.start < l.end);
    layers
}

/// The text with a `<span>` per run of equal marks: overlapping marks never
/// need to nest, and a sweep over sorted boundaries keeps it linear.
fn marked(e: &Explanation, text: &str) -> String {
    let layers = layers(e);
    let mut events: Vec<(usize, bool, usize)> = Vec::with_capacity(layers.len() * 2);
    for (i, l) in layers.iter().enumerate() {
        if l.end <= text.len() && text.is_char_boundary(l.start) && text.is_char_boundary(l.end) {
            events.push((l.start, true, i));
            events.push((l.end, false, i));
        }
    }
    // at one offset, ends before starts
    events.sort_by_key(|&(at, start, i)| (at, start, i));
    let mut out = String::with_capacity(text.len() * 2);
    let mut active: BTreeSet<usize> = BTreeSet::new();
    let mut at = 0;
    let mut k = 0;
    while at < text.len() {
        while k < events.len() && events[k].0 == at {
            let (_, start, i) = events[k];
            if start {
                active.insert(i);
            } else {
                active.remove(&i);
            }
            k += 1;
        }
        let next = events.get(k).map_or(text.len(), |e| e.0).min(text.len());
        let piece = escape(&text[at..next]);
        if active.is_empty() {
            out.push_str(&piece);
        } else {
            let mut classes: Vec<&str> = active.iter().map(|&i| layers[i].class).collect();
            classes.sort_unstable();
            classes.dedup();
            let mut titles: Vec<&str> = active.iter().map(|&i| layers[i].title.as_str()).collect();
            titles.dedup();
            let _ = write!(
                out,
                "<span class=\"{}\" title=\"{}\">{piece}</span>",
                classes.join(" "),
                escape(&titles.join(" | "))
            );
        }
        at = next;
    }
    out
}

//! `report.html`: the human-facing summary of a run — how each outlet scores,
//! how each actor is treated (the writer's voice against the voices quoted),
//! and the first article with every lexicon hit highlighted.
//!
//! It aggregates as rows stream past (one tally per outlet and per actor, one
//! article's text), so memory stays flat whatever the corpus size. Plain HTML
//! and CSS, no script: it opens from disk in any browser.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::cell::Cell;
use super::rows::{self, ArticleRows};

#[derive(Default)]
struct OutletTally {
    articles: usize,
    tone: f64,
    loaded: f64,
    sourcing: f64,
    reliability: f64,
}

#[derive(Default)]
struct ActorTally {
    label: String,
    articles: usize,
    mentions: usize,
    authorial: f64,
    quoted: f64,
}

struct Highlight {
    id: String,
    title: String,
    text: String,
    /// (char start, char end, family, note)
    spans: Vec<(usize, usize, String, String)>,
}

/// Aggregates rows into the HTML report.
#[derive(Default)]
pub struct HtmlReport {
    outlets: BTreeMap<String, OutletTally>,
    actors: BTreeMap<String, ActorTally>,
    first: Option<Highlight>,
}

fn col(header: &[&str], name: &str) -> usize {
    header.iter().position(|c| *c == name).unwrap_or(usize::MAX)
}

fn num(row: &[Cell], i: usize) -> f64 {
    match row.get(i) {
        Some(Cell::Num(x) | Cell::Score(x)) => *x,
        Some(Cell::Int(n)) => *n as f64,
        _ => 0.0,
    }
}

fn text(row: &[Cell], i: usize) -> String {
    match row.get(i) {
        Some(Cell::Text(s)) => s.clone(),
        _ => String::new(),
    }
}

impl HtmlReport {
    /// Adds one article's rows.
    pub fn add(&mut self, r: &ArticleRows) {
        let a = rows::ARTICLES;
        let outlet = Some(text(&r.article, col(a, "outlet")))
            .filter(|o| !o.is_empty())
            .unwrap_or_else(|| "(no outlet)".into());
        let t = self.outlets.entry(outlet).or_default();
        t.articles += 1;
        t.tone += num(&r.article, col(a, "tone"));
        t.loaded += num(&r.article, col(a, "loaded_per_1k"));
        t.sourcing += num(&r.article, col(a, "sourcing_score"));
        t.reliability += num(&r.article, col(a, "reliability"));
        let h = rows::ACTORS;
        for row in &r.actors {
            let tally = self.actors.entry(text(row, col(h, "actor"))).or_default();
            tally.label = text(row, col(h, "label"));
            tally.articles += 1;
            tally.mentions += num(row, col(h, "mentions")) as usize;
            tally.authorial += num(row, col(h, "authorial_sentiment"));
            tally.quoted += num(row, col(h, "quoted_sentiment"));
        }
        if self.first.is_none() {
            self.first = Some(highlight(r, a));
        }
    }

    /// The whole page.
    pub fn render(&self) -> String {
        let mut out = String::from(HEAD);
        self.outlet_table(&mut out);
        self.actor_table(&mut out);
        if let Some(h) = &self.first {
            article(&mut out, h);
        }
        out.push_str("</body></html>\n");
        out
    }

    fn outlet_table(&self, out: &mut String) {
        out.push_str("<h2>Outlets</h2><table><tr><th>outlet</th><th>articles</th><th>tone</th><th>loaded / 1k words</th><th>sourcing</th><th>reliability</th></tr>");
        for (name, t) in &self.outlets {
            let n = t.articles.max(1) as f64;
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{:.1}</td><td>{:.0}</td><td>{:.0}</td></tr>",
                esc(name),
                t.articles,
                bar(t.tone / n),
                t.loaded / n,
                t.sourcing / n,
                t.reliability / n
            );
        }
        out.push_str("</table>");
    }

    fn actor_table(&self, out: &mut String) {
        let mut actors: Vec<(&String, &ActorTally)> = self.actors.iter().collect();
        actors.sort_by(|a, b| b.1.mentions.cmp(&a.1.mentions).then(a.0.cmp(b.0)));
        out.push_str("<h2>Actors</h2><p>Mean sentiment toward each actor per article, in the writer's own words and in the words of the people quoted (−1 to +1).</p><table><tr><th>actor</th><th>articles</th><th>mentions</th><th>writer's voice</th><th>quoted voices</th></tr>");
        for (id, t) in actors.iter().take(30) {
            let n = t.articles.max(1) as f64;
            let _ = write!(
                out,
                "<tr><td title=\"{}\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(id),
                esc(&t.label),
                t.articles,
                t.mentions,
                bar(t.authorial / n),
                bar(t.quoted / n)
            );
        }
        out.push_str("</table>");
    }
}

fn highlight(r: &ArticleRows, a: &[&str]) -> Highlight {
    let m = rows::MATCHES;
    let spans = r
        .matches
        .iter()
        .map(|row| {
            let note = format!(
                "{} / {} — {} voice{}{}",
                text(row, col(m, "family")),
                text(row, col(m, "category")),
                text(row, col(m, "voice")),
                Some(text(row, col(m, "target")))
                    .filter(|t| !t.is_empty())
                    .map(|t| format!(", about {t}"))
                    .unwrap_or_default(),
                if num(row, col(m, "negated")) > 0.0 {
                    ", negated"
                } else {
                    ""
                }
            );
            (
                num(row, col(m, "char_start")) as usize,
                num(row, col(m, "char_end")) as usize,
                text(row, col(m, "family")),
                note,
            )
        })
        .collect();
    Highlight {
        id: text(&r.article, col(a, "article_id")),
        title: text(&r.article, col(a, "title")),
        text: r.text.clone(),
        spans,
    }
}

fn article(out: &mut String, h: &Highlight) {
    let _ = write!(
        out,
        "<h2>First article: {} — {}</h2><p class=legend>",
        esc(&h.id),
        esc(&h.title)
    );
    for family in [
        "loaded",
        "sentiment",
        "hedge",
        "booster",
        "cue",
        "vague_source",
        "scare_quote",
    ] {
        let _ = write!(out, "<mark class=\"{family}\">{family}</mark> ");
    }
    out.push_str("(hover a mark for its category, voice and target)</p><div class=article>");
    let chars: Vec<char> = h.text.chars().collect();
    let mut at = 0;
    for (start, end, family, note) in &h.spans {
        if *start < at || *end > chars.len() || start >= end {
            continue;
        }
        out.push_str(&esc(&chars[at..*start].iter().collect::<String>()));
        let word: String = chars[*start..*end].iter().collect();
        let _ = write!(
            out,
            "<mark class=\"{}\" title=\"{}\">{}</mark>",
            esc(family),
            esc(note),
            esc(&word)
        );
        at = *end;
    }
    out.push_str(&esc(&chars[at..].iter().collect::<String>()));
    out.push_str("</div>");
}

/// A signed value as a small bar around a centre line.
fn bar(x: f64) -> String {
    let x = x.clamp(-1.0, 1.0);
    let width = (x.abs() * 50.0).round();
    let (side, class) = if x < 0.0 {
        ("right:50%", "neg")
    } else {
        ("left:50%", "pos")
    };
    format!(
        "<span class=bar><span class=\"{class}\" style=\"{side};width:{width}%\"></span></span> {x:+.2}"
    )
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const HEAD: &str = "<!doctype html><html lang=en><head><meta charset=utf-8><title>framescore report</title><style>
body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{padding:.25em .7em;border-bottom:1px solid #ddd;text-align:left}
.bar{display:inline-block;position:relative;width:120px;height:.8em;background:#f2f2f2;vertical-align:middle}
.bar span{position:absolute;top:0;bottom:0}.bar .neg{background:#c0392b}.bar .pos{background:#27ae60}
.bar:after{content:'';position:absolute;left:50%;top:-2px;bottom:-2px;border-left:1px solid #888}
.article{white-space:pre-wrap;border:1px solid #ddd;padding:1em;background:#fcfcfc}
mark{border-radius:3px;padding:0 2px}mark.loaded{background:#f5b7b1}mark.sentiment{background:#d6eaf8}
mark.hedge{background:#fcf3cf}mark.booster{background:#fad7a0}mark.cue{background:#d5f5e3}
mark.vague_source,mark.anonymous_source{background:#e8daef}mark.scare_quote,mark.so_called{background:#f9e79f;outline:1px dashed #b7950b}
mark.negator,mark.intensifier,mark.downtoner,mark.contrast{background:#eee}
</style></head><body><h1>framescore report</h1>
<p>Textual signals of sourcing and framing, computed from the lexicons in use; not a check of facts. Every figure traces to the rows of the CSV reports beside this file.</p>";

//! `report.html` and `articles/NNNN.html`: the human-facing view of a run.
//!
//! The main page shows the batch at a glance (an outlet × actor heat map of
//! the writer's sentiment, reliability and its parts per outlet, loaded
//! language and scare quotes, who is quoted) and a sortable table of every
//! article; each article has its own page beside it, with every match
//! highlighted and the figures next to the text. Pages are separate files so
//! the main page stays light at 10,000 articles, and each one is rendered on
//! a worker thread from the article's typed rows (the writer only appends).
//! Everything is inline (CSS, SVG, one small sorting script): the files open
//! from disk with no network and read fine with scripts off. Colours are a
//! blue/orange diverging pair, always with a sign or a pattern beside them,
//! so no reader depends on telling red from green.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;

use super::columns::{Html, Schema, escape, html_figures};
use super::groups::{GroupTally, Groups};
use super::rows::{ArticleRows, Schemas, voice};

/// Folder of the article pages, beside `report.html`.
pub const PAGES_DIR: &str = "articles";

/// The file name of article `n` (1-based) inside [`PAGES_DIR`].
pub fn page_name(n: usize) -> String {
    format!("{n:04}.html")
}

/// Outlets shown in the summary tables (the rest are in `outlets.csv`).
const MAX_GROUPS: usize = 40;
/// Actors shown in the heat maps.
const MAX_ACTORS: usize = 12;

/// An article's entry in the main table, rendered on a worker.
#[derive(Debug, Clone, Default)]
pub struct IndexRow {
    id: String,
    cells: Vec<u8>,
}

impl IndexRow {
    /// A row from its id and its rendered cells, as read back from a
    /// `report.html` by `framescore merge`.
    pub fn from_parts(id: String, cells: Vec<u8>) -> IndexRow {
        IndexRow { id, cells }
    }
}

/// The main table's cells for one article (all but its number and link).
pub fn index_row(rows: &ArticleRows) -> IndexRow {
    let a = &rows.article;
    let s = &a.scores;
    let mut cells = Vec::with_capacity(400);
    let _ = write!(
        cells,
        "<td>{}</td><td>{}</td><td class=n>{}</td><td class=n>{:.2}</td><td class=n>{:.0}</td><td class=n>{:.0}</td><td class=n>{:.1}</td><td class=n>{}</td><td class=n>{}</td><td>{}</td>",
        escape(a.title.as_deref().unwrap_or("")),
        escape(a.outlet.as_deref().unwrap_or("")),
        s.words,
        s.tone,
        s.reliability,
        s.sourcing_score,
        s.per_1k(s.loaded),
        s.quotes,
        s.scare_quotes,
        escape(&s.flags.join(" ")),
    );
    IndexRow {
        id: a.id.clone(),
        cells,
    }
}

/// Aggregates the main page as articles stream past.
pub struct HtmlReport {
    rows: tempfile::SpooledTempFile,
    articles: usize,
}

impl Default for HtmlReport {
    fn default() -> Self {
        HtmlReport {
            // the table rows wait on disk past 4 MB, so memory stays flat
            rows: tempfile::SpooledTempFile::new(4 << 20),
            articles: 0,
        }
    }
}

impl HtmlReport {
    /// Adds an article's row to the main table; returns its page name.
    pub fn add(&mut self, row: &IndexRow) -> std::io::Result<String> {
        self.articles += 1;
        let n = self.articles;
        let page = page_name(n);
        write!(
            self.rows,
            "<tr><td class=n>{n}</td><td><a href=\"{PAGES_DIR}/{page}\">{}</a></td>",
            escape(&row.id)
        )?;
        self.rows.write_all(&row.cells)?;
        self.rows.write_all(b"</tr>\n")?;
        Ok(page)
    }

    /// Writes the whole main page to `out`.
    pub fn render(mut self, groups: &Groups, out: &mut impl std::io::Write) -> std::io::Result<()> {
        let mut head = String::from(HEAD);
        head.push_str(MAIN_CSS);
        head.push_str("</style></head><body><h1>framescore report</h1>");
        head.push_str(DISCLAIMER);
        summary(&mut head, groups, self.articles);
        out.write_all(head.as_bytes())?;
        out.write_all(
            b"<h2 id=articles>Every article</h2><p>Click a column heading to sort (needs scripts; the table reads fine without). Each id opens the article with its matches highlighted.</p><table class=sortable><thead><tr><th>#</th><th>id</th><th>title</th><th>outlet</th><th>words</th><th>tone</th><th>reliability</th><th>sourcing</th><th>loaded / 1k</th><th>quotes</th><th>scare quotes</th><th>flags</th></tr></thead><tbody>\n",
        )?;
        use std::io::Seek;
        self.rows.rewind()?;
        std::io::copy(&mut self.rows, out)?;
        out.write_all(b"</tbody></table>")?;
        out.write_all(SORT_SCRIPT.as_bytes())?;
        out.write_all(b"</body></html>\n")
    }
}

fn group_label(groups: &Groups, key: &str) -> String {
    if key.is_empty() {
        format!("(no {})", groups.by)
    } else {
        key.to_string()
    }
}

/// The groups to show: the largest first (by articles), at most [`MAX_GROUPS`].
fn shown(groups: &Groups) -> Vec<(&String, &GroupTally)> {
    let mut list: Vec<(&String, &GroupTally)> = groups.groups.iter().collect();
    list.sort_by(|a, b| b.1.articles.cmp(&a.1.articles).then(a.0.cmp(b.0)));
    list.truncate(MAX_GROUPS);
    list.sort_by(|a, b| a.0.cmp(b.0));
    list
}

/// The actors named most often over the whole run, at most [`MAX_ACTORS`].
fn top_actors(
    groups: &Groups,
    by: impl Fn(&super::groups::ActorTally) -> usize,
) -> Vec<(String, String)> {
    let mut total: BTreeMap<&String, (usize, &String)> = BTreeMap::new();
    for tally in groups.groups.values() {
        for (id, t) in &tally.actors {
            let e = total.entry(id).or_insert((0, &t.label));
            e.0 += by(t);
        }
    }
    let mut list: Vec<(&String, (usize, &String))> =
        total.into_iter().filter(|(_, (n, _))| *n > 0).collect();
    list.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
    list.into_iter()
        .take(MAX_ACTORS)
        .map(|(id, (_, label))| (id.clone(), label.clone()))
        .collect()
}

fn summary(out: &mut String, groups: &Groups, articles: usize) {
    let shown_groups = shown(groups);
    let _ = write!(
        out,
        "<p class=lead>{articles} article(s) in {} {} group(s). The files beside this page hold every figure: <code>articles.csv</code>, <code>outlets.csv</code> (mean and spread per {}), <code>outlet_actors.csv</code>, <code>actors.csv</code>, <code>matches.csv</code>, <code>sources.csv</code>.</p>",
        groups.groups.len(),
        escape(&groups.by),
        escape(&groups.by),
    );
    if groups.groups.len() > shown_groups.len() {
        let _ = write!(
            out,
            "<p class=note>The tables below show the {} largest of {} groups; <code>outlets.csv</code> has them all.</p>",
            shown_groups.len(),
            groups.groups.len()
        );
    }
    out.push_str("<nav><a href=\"#heat\">Sentiment toward actors</a> · <a href=\"#reliability\">Reliability</a> · <a href=\"#loaded\">Loaded language</a> · <a href=\"#quoted\">Who is quoted</a> · <a href=\"#articles\">Every article</a></nav>");
    heat_map(out, groups, &shown_groups);
    reliability(out, groups, &shown_groups);
    loaded(out, groups, &shown_groups);
    quoted(out, groups, &shown_groups);
}

fn heat_map(out: &mut String, groups: &Groups, shown: &[(&String, &GroupTally)]) {
    let actors = top_actors(groups, |t| t.mentions);
    let _ = write!(
        out,
        "<h2 id=heat>Sentiment toward each actor, in the writer's own words</h2><p>Mean authorial sentiment (−1 to +1) per {} over the articles that name the actor: <span class=swatch style=\"background:{}\"></span> blue and + for favourable, <span class=swatch style=\"background:{}\"></span> orange and − for unfavourable, pale for near 0; · where the actor is not named. Hover a cell for the number of articles.</p>",
        escape(&groups.by),
        colour(0.8),
        colour(-0.8)
    );
    if actors.is_empty() {
        out.push_str("<p>No actor from the lexicons is named in these articles.</p>");
        return;
    }
    let _ = write!(
        out,
        "<div class=wide><table class=heat><tr><th>{}</th>",
        escape(&groups.by)
    );
    for (id, label) in &actors {
        let _ = write!(out, "<th title=\"{}\">{}</th>", escape(id), escape(label));
    }
    out.push_str("</tr>");
    for (key, tally) in shown {
        let _ = write!(out, "<tr><th>{}</th>", escape(&group_label(groups, key)));
        for (id, label) in &actors {
            match tally.actors.get(id) {
                Some(t) => {
                    let x = t.authorial.mean();
                    let _ = write!(
                        out,
                        "<td style=\"background:{}\" title=\"{}, {}: {:+.2} over {} article(s)\">{}</td>",
                        colour(x),
                        escape(&group_label(groups, key)),
                        escape(label),
                        x,
                        t.authorial.n(),
                        signed(x)
                    );
                }
                None => out.push_str("<td class=none>·</td>"),
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</table></div>");
}

fn reliability(out: &mut String, groups: &Groups, shown: &[(&String, &GroupTally)]) {
    let mut parts: Vec<&str> = vec!["reliability", "sourcing_score"];
    parts.extend(
        groups
            .figure_names
            .iter()
            .filter(|n| n.starts_with("reliability_"))
            .map(String::as_str),
    );
    let _ = write!(
        out,
        "<h2 id=reliability>Reliability and its parts</h2><p>Means per {} (0–100; the bar spans 0 to 100, the whisker ±1 standard deviation). Textual signals of sourcing and framing, not a check of facts.</p><div class=wide><table><tr><th>{}</th><th>articles</th>",
        escape(&groups.by),
        escape(&groups.by)
    );
    for p in &parts {
        let _ = write!(out, "<th>{}</th>", escape(&p.replace('_', " ")));
    }
    out.push_str("</tr>");
    for (key, tally) in shown {
        let _ = write!(
            out,
            "<tr><th>{}</th><td class=n>{}</td>",
            escape(&group_label(groups, key)),
            tally.articles
        );
        for p in &parts {
            match groups.figure(tally, p) {
                Some(r) => {
                    let scale = if p.starts_with("reliability_") && r.mean() <= 1.0 {
                        1.0
                    } else {
                        100.0
                    };
                    let _ = write!(
                        out,
                        "<td>{}</td>",
                        bar(r.mean(), r.sd().unwrap_or(0.0), scale)
                    );
                }
                None => out.push_str("<td></td>"),
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</table></div>");
}

fn loaded(out: &mut String, groups: &Groups, shown: &[(&String, &GroupTally)]) {
    let figures = [
        ("loaded_per_1k", "loaded / 1k words"),
        ("loaded_authorial_per_1k", "in the writer's voice"),
        ("scare_quotes", "scare quotes per article"),
        ("boosters_per_1k", "boosters / 1k"),
        ("hedges_per_1k", "hedges / 1k"),
    ];
    let max = |name: &str| {
        groups
            .groups
            .values()
            .filter_map(|t| groups.figure(t, name).map(|r| r.mean()))
            .fold(0.0f64, f64::max)
            .max(1e-9)
    };
    let scales: Vec<f64> = figures.iter().map(|(n, _)| max(n)).collect();
    let _ = write!(
        out,
        "<h2 id=loaded>Loaded language and scare quotes</h2><p>Means per {}; each bar is scaled to the largest mean in its column.</p><div class=wide><table><tr><th>{}</th>",
        escape(&groups.by),
        escape(&groups.by)
    );
    for (_, label) in &figures {
        let _ = write!(out, "<th>{label}</th>");
    }
    out.push_str("</tr>");
    for (key, tally) in shown {
        let _ = write!(out, "<tr><th>{}</th>", escape(&group_label(groups, key)));
        for ((name, _), scale) in figures.iter().zip(&scales) {
            match groups.figure(tally, name) {
                Some(r) => {
                    let _ = write!(
                        out,
                        "<td>{}</td>",
                        bar(r.mean(), r.sd().unwrap_or(0.0), *scale)
                    );
                }
                None => out.push_str("<td></td>"),
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</table></div>");
}

fn quoted(out: &mut String, groups: &Groups, shown: &[(&String, &GroupTally)]) {
    let actors = top_actors(groups, |t| t.statements);
    let _ = write!(
        out,
        "<h2 id=quoted>Who is quoted</h2><p>Statements attributed to each actor or its people, per {} (sum over its articles); the darker the cell, the more.</p>",
        escape(&groups.by)
    );
    if actors.is_empty() {
        out.push_str("<p>No statement is attributed to an actor from the lexicons.</p>");
        return;
    }
    let max = shown
        .iter()
        .flat_map(|(_, t)| t.actors.values().map(|a| a.statements))
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let _ = write!(
        out,
        "<div class=wide><table class=heat><tr><th>{}</th>",
        escape(&groups.by)
    );
    for (id, label) in &actors {
        let _ = write!(out, "<th title=\"{}\">{}</th>", escape(id), escape(label));
    }
    out.push_str("</tr>");
    for (key, tally) in shown {
        let _ = write!(out, "<tr><th>{}</th>", escape(&group_label(groups, key)));
        for (id, _) in &actors {
            let n = tally.actors.get(id).map_or(0, |t| t.statements);
            if n == 0 {
                out.push_str("<td class=none>·</td>");
            } else {
                let a = 0.15 + 0.75 * (n as f64 / max);
                let _ = write!(
                    out,
                    "<td style=\"background:rgba(33,102,172,{a:.2});color:{}\">{n}</td>",
                    if a > 0.55 { "#fff" } else { "#111" }
                );
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</table></div>");
}

/// A diverging colour: blue for positive, orange for negative, pale near 0.
fn colour(x: f64) -> String {
    let x = if x.is_finite() {
        x.clamp(-1.0, 1.0)
    } else {
        0.0
    };
    // ColorBrewer PuOr ends: #2166ac-like blue, #b35806 orange, over near-white
    let (r, g, b) = if x >= 0.0 {
        (33.0, 102.0, 172.0)
    } else {
        (179.0, 88.0, 6.0)
    };
    let t = x.abs().sqrt().min(1.0);
    let mix = |c: f64| (247.0 + (c - 247.0) * t).round() as u8;
    format!("#{:02x}{:02x}{:02x}", mix(r), mix(g), mix(b))
}

/// A value with its sign, for a heat-map cell ("+0.12", "−0.30", "0").
fn signed(x: f64) -> String {
    if x.abs() < 0.005 {
        "0".into()
    } else if x > 0.0 {
        format!("+{x:.2}")
    } else {
        format!("\u{2212}{:.2}", -x)
    }
}

/// An inline SVG bar from 0 to `mean / scale`, with a ±sd whisker, and the number.
fn bar(mean: f64, sd: f64, scale: f64) -> String {
    let w = 100.0;
    let at = |x: f64| (x / scale).clamp(0.0, 1.0) * w;
    let digits = if scale > 10.0 { 0 } else { 2 };
    format!(
        "<svg class=bar width=104 height=12 viewBox=\"0 0 104 12\" aria-hidden=true><rect x=2 y=2 width={w} height=8 fill=\"#eee\"/><rect x=2 y=2 width={:.1} height=8 fill=\"#2166ac\"/><line x1={:.1} x2={:.1} y1=6 y2=6 stroke=\"#111\"/></svg> {mean:.digits$}",
        at(mean),
        2.0 + at(mean - sd),
        2.0 + at(mean + sd),
    )
}

/// One article's page, from its typed rows.
pub fn page(rows: &ArticleRows, schemas: &Schemas) -> Vec<u8> {
    let a = &rows.article;
    let title = a.title.as_deref().unwrap_or(&a.id);
    let mut out = Vec::with_capacity(rows.text.len() * 3 + 8192);
    let _ = write!(
        out,
        "{HEAD}{MAIN_CSS}{PAGE_CSS}</style></head><body><p><a href=\"../report.html#articles\">← every article</a></p><h1>{}</h1><p class=meta>{} · {} · {}</p>",
        escape(title),
        escape(&a.id),
        escape(a.outlet.as_deref().unwrap_or("no outlet")),
        escape(a.date.as_deref().unwrap_or("no date"))
    );
    out.extend_from_slice(LEGEND.as_bytes());
    out.extend_from_slice(b"<div class=layout><div class=text>");
    highlighted(rows, &mut out);
    out.extend_from_slice(b"</div><aside><h2>Figures</h2>");
    let article = &schemas.articles;
    html_figures(article.names(), &article.cells(a), &mut out);
    out.extend_from_slice(b"</aside></div>");
    // every match is on its mark (hover) and in matches.csv; the tables
    // here are the statements and actors, which the marks show only in part
    section(
        &mut out,
        "Attributed statements (sources.csv)",
        &schemas.sources,
        &rows.sources,
    );
    section(
        &mut out,
        "Actors (actors.csv)",
        &schemas.actors,
        &rows.actors,
    );
    section(
        &mut out,
        "Who speaks of whom (stances.csv)",
        &schemas.stances,
        &rows.stances,
    );
    out.extend_from_slice(b"</body></html>\n");
    out
}

/// A heading and the rows of one report as an HTML table.
fn section<R>(out: &mut Vec<u8>, heading: &str, schema: &Schema<R>, rows: &[R]) {
    let _ = write!(out, "<h2>{heading}: {}</h2>", rows.len());
    if !rows.is_empty() {
        out.extend_from_slice(b"<div class=wide>");
        out.extend_from_slice(&schema.table(&Html, rows));
        out.extend_from_slice(b"</div>");
    }
}

/// A highlighted stretch of the text, in characters.
struct Span {
    start: usize,
    end: usize,
    class: String,
    note: String,
    /// Shown right after the span (a speaker's name, a polarity sign).
    after: Option<String>,
}

fn spans(rows: &ArticleRows) -> Vec<Span> {
    let mut spans = Vec::new();
    for s in &rows.sources {
        let speaker = s.speaker.clone().or_else(|| s.source.clone());
        let who = speaker.clone().unwrap_or_else(|| "no source found".into());
        spans.push(Span {
            start: s.content_span.0,
            end: s.content_span.1,
            class: "said".into(),
            note: format!("attributed to {who} ({})", s.source_kind),
            after: None,
        });
        if let Some((start, end)) = s.source_span {
            spans.push(Span {
                start,
                end,
                class: "src".into(),
                note: format!("source: {who} ({})", s.source_kind),
                // the speaker's name only where the source does not spell it ("he", "the minister")
                after: speaker.filter(|sp| {
                    s.source
                        .as_ref()
                        .is_none_or(|src| !src.to_lowercase().contains(&sp.to_lowercase()))
                }),
            });
        }
    }
    for m in &rows.matches {
        let sign = if m.value > 0.0 || (m.value == 0.0 && m.polarity > 0.0) {
            "pos"
        } else if m.value < 0.0 || (m.value == 0.0 && m.polarity < 0.0) {
            "neg"
        } else {
            "neu"
        };
        let mut note = format!("{} / {} — {} voice", m.family, m.category, voice(m.quoted));
        if let Some(sp) = &m.speaker {
            let _ = write!(note, " ({sp})");
        }
        if let Some(t) = &m.target {
            let _ = write!(note, ", about {t}");
        }
        if m.negated {
            note.push_str(", negated");
        }
        if m.value != 0.0 {
            let _ = write!(note, ", value {:+.2}", m.value);
        }
        let polar = matches!(m.family, "loaded" | "sentiment");
        spans.push(Span {
            start: m.char_start,
            end: m.char_end,
            class: format!("m f-{} {sign}", m.family),
            note,
            after: match sign {
                "pos" if polar => Some("+".into()),
                "neg" if polar => Some("\u{2212}".into()),
                _ => None,
            },
        });
    }
    spans.retain(|s| s.start < s.end);
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    spans
}

/// The text with every span marked; overlapping spans split the text into
/// runs, each run carrying the classes and notes of every span over it.
fn highlighted(rows: &ArticleRows, out: &mut Vec<u8>) {
    let text = &rows.text;
    let bytes_at: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let chars = bytes_at.len() - 1;
    let spans: Vec<Span> = spans(rows).into_iter().filter(|s| s.end <= chars).collect();
    let mut bounds: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    bounds.push(0);
    bounds.push(chars);
    bounds.sort_unstable();
    bounds.dedup();
    let mut next = 0;
    let mut active: Vec<usize> = Vec::new();
    for pair in bounds.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        active.retain(|i| spans[*i].end > from);
        while next < spans.len() && spans[next].start <= from {
            if spans[next].end > from {
                active.push(next);
            }
            next += 1;
        }
        let piece = escape(&text[bytes_at[from]..bytes_at[to]]);
        if active.is_empty() {
            out.extend_from_slice(piece.as_bytes());
            continue;
        }
        let mut classes: Vec<&str> = active
            .iter()
            .flat_map(|i| spans[*i].class.split(' '))
            .collect();
        classes.sort_unstable();
        classes.dedup();
        let notes: Vec<&str> = active.iter().map(|i| spans[*i].note.as_str()).collect();
        let _ = write!(
            out,
            "<span class=\"{}\" title=\"{}\">{piece}</span>",
            classes.join(" "),
            escape(&notes.join("\n"))
        );
        // one mark per distinct label: a word in two lexicons shows its sign once
        let mut shown: Vec<&str> = Vec::new();
        for i in &active {
            if spans[*i].end == to
                && let Some(after) = &spans[*i].after
                && !shown.contains(&after.as_str())
            {
                shown.push(after);
                let class = if spans[*i].class == "src" {
                    "spk"
                } else {
                    "sg"
                };
                let _ = write!(out, "<sup class={class}>{}</sup>", escape(after));
            }
        }
    }
}

const HEAD: &str = "<!doctype html><html lang=en><head><meta charset=utf-8><meta name=viewport content=\"width=device-width\"><title>framescore report</title><style>";

const DISCLAIMER: &str = "<p>Textual signals of sourcing and framing, computed from the lexicons in use: who is quoted, whether claims carry a source, hedges, boosters, loaded words and the polarity of the words aimed at each actor. <strong>Not a check of facts</strong>: a well-sourced article can be false and a loaded one true.</p>";

const MAIN_CSS: &str = "
body{font:15px/1.5 system-ui,sans-serif;max-width:1200px;margin:1.5em auto;padding:0 1em;color:#1a1a1a;background:#fff}
h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.2em;margin:1.6em 0 .3em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.4em 0 1em}td,th{padding:.2em .55em;border-bottom:1px solid #e3e3e3;text-align:left;vertical-align:top}
th{background:#f4f4f4;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
.wide{overflow-x:auto}.lead{font-size:1.05em}.note{color:#555}nav{margin:.5em 0 1em;color:#555}
table.heat td{text-align:center;min-width:3.2em;font-variant-numeric:tabular-nums}table.heat td.none{color:#999}
table.heat th{font-size:.9em}.swatch{display:inline-block;width:1em;height:1em;vertical-align:middle;border:1px solid #999}
svg.bar{vertical-align:middle}
table.sortable th{cursor:pointer;position:sticky;top:0}table.sortable th:hover{background:#e6e6e6}
table.sortable td{font-size:.92em}code{background:#f4f4f4;padding:0 .2em}
";

const PAGE_CSS: &str = "
.meta{color:#555}.layout{display:flex;gap:1.5em;align-items:flex-start}
.text{flex:1 1 60%;white-space:pre-wrap;border:1px solid #ddd;padding:1em;line-height:1.75;background:#fdfdfd}
aside{flex:0 0 20em;font-size:.85em}aside table{width:100%}aside h2{margin-top:0}
table.rows{font-size:.85em}
.m{border-radius:2px}
.f-loaded.neg{background:#f6c48f;border-bottom:2px solid #b35806}.f-loaded.pos{background:#a9cce3;border-bottom:2px solid #2166ac}.f-loaded.neu{background:#ddd;border-bottom:2px solid #666}
.f-sentiment.neg{background:#fde3c8}.f-sentiment.pos{background:#d6e6f4}
.f-hedge,.f-approximator{text-decoration:underline dotted #5e3c99 2px}.f-booster{text-decoration:underline double #5e3c99}
.f-scare_quote,.f-so_called{outline:1px dashed #333}
.f-cue{font-style:italic;background:#ececec}.f-vague_source,.f-anonymous_source{outline:1px dotted #333;background:#f0f0f0}
.f-negator,.f-intensifier,.f-downtoner,.f-contrast{font-variant:small-caps}
.said{background-image:linear-gradient(#eef3f8,#eef3f8)}
.src{border-bottom:2px solid #111;font-weight:600}
sup.spk{font-size:.7em;background:#111;color:#fff;padding:0 .3em;border-radius:2px;margin-left:1px}
sup.sg{font-size:.75em;font-weight:700;margin-left:1px}
.legend span{margin-right:.6em;padding:0 .2em}
@media (max-width:800px){.layout{display:block}aside{margin-top:1em}}
";

const LEGEND: &str = "<p class=legend>Legend: <span class=\"m f-loaded neg\">loaded, unfavourable</span><sup class=sg>\u{2212}</sup> <span class=\"m f-loaded pos\">loaded, favourable</span><sup class=sg>+</sup> <span class=\"m f-sentiment neg\">sentiment \u{2212}</span> <span class=\"m f-sentiment pos\">sentiment +</span> <span class=\"m f-hedge\">hedge</span> <span class=\"m f-booster\">booster</span> <span class=\"m f-scare_quote\">scare quote</span> <span class=\"m f-cue\">reporting cue</span> <span class=\"m f-vague_source\">vague source</span> <span class=src>source</span><sup class=spk>speaker</sup> <span class=said>attributed words</span>. Hover any mark for its category, voice and target.</p>";

const SORT_SCRIPT: &str = "<script>
document.querySelectorAll('table.sortable th').forEach(function(th,i){th.addEventListener('click',function(){var t=th.closest('table'),b=t.tBodies[0],rows=Array.prototype.slice.call(b.rows),asc=th.dataset.dir!=='asc';th.dataset.dir=asc?'asc':'desc';function v(r){return r.cells[i].textContent.trim()}rows.sort(function(x,y){var a=v(x),c=v(y),na=parseFloat(a),nc=parseFloat(c),d=(!isNaN(na)&&!isNaN(nc))?na-nc:a.localeCompare(c);return asc?d:-d});var f=document.createDocumentFragment();rows.forEach(function(r){f.appendChild(r)});b.appendChild(f)})});
</script>";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_and_signs_table() {
        let cases = [
            (0.0, "#f7f7f7", "0"),
            (1.0, "#2166ac", "+1.00"),
            (-1.0, "#b35806", "\u{2212}1.00"),
            (f64::NAN, "#f7f7f7", "NaN"),
        ];
        for (x, c, s) in cases {
            assert_eq!(colour(x), c, "{x}");
            if x.is_finite() {
                assert_eq!(signed(x), s, "{x}");
            }
        }
    }

    #[test]
    fn page_names_are_numbered_from_one() {
        assert_eq!(page_name(1), "0001.html");
        assert_eq!(page_name(12345), "12345.html");
    }
}

#!/usr/bin/env python3
"""Does framescore find who says what? Attribution cues, sources and contents against
PolNeAR (Newell, Margolin & Ruths, LREC 2018), political news with hand-annotated
attribution relations (source, cue, content) in brat standoff format.

Each article text is scored whole (offsets are Unicode characters into the file, as in
the annotation). A gold span counts as found when a span that framescore reports in
sources.csv shares at least one character with it:
  cue precision / recall   sources.csv cue spans vs gold Cue spans
  source recall            gold Source spans (relations that have one) overlapped by a
                           reported source span; "paired" also requires that row's cue
                           to overlap the relation's cue
  content recall           gold Content spans overlapped by a reported content span
Targets: cue recall >= 0.85, cue precision >= 0.80, source recall >= 0.75.

    python3 benches/validity/polnear.py DATA/polnear [--split dev|train|test|all]
"""

import argparse
import collections
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import common  # noqa: E402


def parse_ann(path: pathlib.Path) -> list[dict]:
    """Attribution relations of one .ann file: {role: [(start, end), ...]} per relation.

    `T<n>\\t<Type> <s> <e>[;<s> <e>...]\\t<text>` lines give spans (discontinuous spans
    are `;`-separated, and the text may run onto following lines, which are skipped);
    `E<n>\\tAttribution:T1 Source:T2 Cue:T3 Content:T4` lines link them. Roles: Source,
    Cue, Content, Content2; the anchor role is Attribution or Attribution-no-source."""
    spans, events = {}, []
    for line in path.read_text(encoding="utf-8").split("\n"):
        fields = line.split("\t")
        if len(fields) < 2 or not fields[0][1:].isdigit():
            continue  # continuation of a multi-line span text, or blank
        if fields[0][0] == "T":
            kind, _, offsets = fields[1].partition(" ")
            spans[fields[0]] = [tuple(map(int, p.split())) for p in offsets.split(";")]
        elif fields[0][0] == "E":
            events.append(dict(arg.split(":", 1) for arg in fields[1].split()))
    relations = []
    for ev in events:
        rel = {}
        for role, tid in ev.items():
            role = "Content" if role.startswith("Content") else role
            if role in ("Source", "Cue", "Content") and tid in spans:
                rel.setdefault(role, []).extend(spans[tid])
        relations.append(rel)
    return relations


def load(root: pathlib.Path, split: str):
    """(article id, publisher, text, relations) per article of the split(s). When several
    annotators' .ann files exist for a text, the first by file name is used."""
    data = root / "data" if (root / "data").is_dir() else root
    splits = sorted(p.name for p in data.iterdir() if (p / "text").is_dir())
    chosen = splits if split == "all" else [split]
    if not set(chosen) <= set(splits):
        sys.exit(f"error: split `{split}` not in {data} (found: {', '.join(splits)})")
    articles, unannotated = [], 0
    for sp in chosen:
        for txt in sorted((data / sp / "text").glob("*.txt")):
            anns = sorted((data / sp / "attributions").glob(f"{txt.stem}_*.ann"))
            if not anns:
                unannotated += 1
                continue
            with open(txt, encoding="utf-8", newline="") as fh:  # keep offsets exact
                text = fh.read()
            articles.append((f"{sp}/{txt.stem}", txt.stem.split("_")[0], text, parse_ann(anns[0])))
    return articles, unannotated


def evaluate(articles, rows) -> collections.Counter:
    """Overlap counts, overall (key "all") and per publisher."""
    c = collections.Counter()
    for aid, pub, _, relations in articles:
        preds = rows.get(aid, [])
        c["articles without rows"] += not preds
        cues = sorted({s for r in preds if (s := common.span(r, "cue_start", "cue_end"))})
        srcs = [s for r in preds if (s := common.span(r, "source_start", "source_end"))]
        conts = [s for r in preds if (s := common.span(r, "content_start", "content_end"))]
        pairs = [(common.span(r, "cue_start", "cue_end"), common.span(r, "source_start", "source_end"))
                 for r in preds]
        gold_cues = [rel["Cue"] for rel in relations if "Cue" in rel]
        gold_cue_spans = [s for g in gold_cues for s in g]
        gold_src_spans = [s for rel in relations for s in rel.get("Source", [])]
        for key in ("all", pub):
            c[key, "pred cues"] += len(cues)
            c[key, "pred cues hit"] += sum(common.overlaps([s], gold_cue_spans) for s in cues)
            c[key, "gold cues"] += len(gold_cues)
            c[key, "gold cues hit"] += sum(common.overlaps(g, cues) for g in gold_cues)
        for rel in relations:
            if "Source" in rel:
                c["gold sources"] += 1
                c["gold sources hit"] += common.overlaps(rel["Source"], srcs)
                c["paired hit"] += any(cu and so and common.overlaps(rel.get("Cue", []), [cu])
                                       and common.overlaps(rel["Source"], [so]) for cu, so in pairs)
            if "Content" in rel:
                c["gold contents"] += 1
                c["gold contents hit"] += common.overlaps(rel["Content"], conts)
        c["pred sources"] += len(srcs)
        c["pred sources hit"] += sum(common.overlaps([s], gold_src_spans) for s in srcs)
    return c


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=pathlib.Path, help="DATA/polnear (holding data/<split>/)")
    ap.add_argument("--split", default="dev", help="dev, train, test or all (default: dev)")
    common.add_run_args(ap)
    args = ap.parse_args()

    articles, unannotated = load(args.data, args.split)
    records = [{"id": aid, "text": text, "outlet": pub} for aid, pub, text, _ in articles]
    reports = common.score(args, records)
    if reports["sources"] is None:
        print("warning: no sources.csv: every figure below is 0", file=sys.stderr)
    rows = collections.defaultdict(list)
    for row in reports["sources"] or []:
        rows[row["article_id"]].append(row)
    kinds = collections.Counter(r.get("source_kind", "") for r in reports["sources"] or [])
    c = evaluate(articles, rows)

    def ratio(hit, n):
        return c[hit] / c[n] if c[n] else 0.0

    def cue_row(key):
        p, r, f = common.prf(c[key, "pred cues hit"], c[key, "pred cues"],
                             c[key, "gold cues hit"], c[key, "gold cues"])
        return [key, c[key, "gold cues"], c[key, "pred cues"], p, r, f]

    n_rel = sum(len(a[3]) for a in articles)
    print(f"PolNeAR {args.split}: {len(articles)} articles, {n_rel} gold attributions "
          f"({unannotated} texts without .ann skipped, {c['articles without rows']} articles "
          f"with no sources.csv row)")
    print("\nattribution cues (span overlap)")
    overall = cue_row("all")
    common.table(["publisher", "gold", "predicted", "precision", "recall", "F1"],
                 [overall] + [cue_row(p) for p in sorted({a[1] for a in articles})])
    print("\nsources and contents")
    common.table(["figure", "value"], [
        ["gold sources", c["gold sources"]],
        ["source recall (any reported source)", ratio("gold sources hit", "gold sources")],
        ["source recall (paired with the cue)", ratio("paired hit", "gold sources")],
        ["source precision (overlaps a gold source)", ratio("pred sources hit", "pred sources")],
        ["content recall", ratio("gold contents hit", "gold contents")],
    ])
    print("sources.csv rows by source_kind: "
          + (", ".join(f"{k or '(empty)'} {v}" for k, v in sorted(kinds.items())) or "none"))

    def verdict(ok):
        return "met" if ok else "NOT met"

    print(f"\ntargets: cue recall >= 0.85 {verdict(overall[4] >= 0.85)}; "
          f"cue precision >= 0.80 {verdict(overall[3] >= 0.80)}; "
          f"source recall >= 0.75 {verdict(ratio('gold sources hit', 'gold sources') >= 0.75)}")
    return 0


if __name__ == "__main__":
    common.run(main)

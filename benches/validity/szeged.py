#!/usr/bin/env python3
"""Hedges that mean uncertainty: framescore's epistemic hedges against the Szeged
Uncertainty Corpus (Wikipedia part; Szarvas et al. 2012, a re-annotation of the
CoNLL-2010 Wikipedia set), where annotators marked uncertainty cues (may, possibly,
if, whether, considered, believed, ...) but not approximators (often, usually).

Each gold sentence (gold_szeged.py) is one gold record, scored by `framescore eval` as
one article (exact: no sentence mapping needed). A sentence is predicted uncertain when
eval found a `hedge` span in it (the matches.csv rows of family `hedge`:
lexicon epistemic hedges and learned hedges; approximators have their own family and
do not count). Reported: sentence-level uncertain precision, recall and F1 (target
F1 >= 0.80), and eval's word-level cue precision and recall (a word is a cue word when
it overlaps a gold `ccue`, predicted when it overlaps a hedge match).

    python3 benches/validity/szeged.py DATA/conll2010-szeged-uncertainty [--part dev]

`--part` is the document split of gold_szeged.py (dev: md5 of the DocID, 20%).
"""

import argparse
import collections
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import common  # noqa: E402
import gold_szeged  # noqa: E402

TARGET_F1 = 0.80
WORD = re.compile(r"\w+")


def records(data: pathlib.Path, part: str) -> list[dict]:
    import xml.etree.ElementTree as ET
    root = ET.parse(data / "wiki.xml").getroot()
    out = []
    for doc in root.iter("Document"):
        doc_id = (doc.findtext("DocID") or "").strip()
        split = gold_szeged.part_of(doc_id)
        if part != "all" and split != part:
            continue
        for sentence in doc.iter("Sentence"):
            rec = gold_szeged.sentence_record(doc_id, sentence, split)
            if rec["text"].strip():
                out.append(rec)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", help="the conll2010-szeged-uncertainty folder")
    parser.add_argument("--part", choices=["train", "dev", "all"], default="dev")
    parser.add_argument("--top", type=int, default=15,
                        help="list the N most frequent false positive and missed words")
    common.add_run_args(parser)
    args = parser.parse_args()
    gold = records(pathlib.Path(args.data), args.part)
    result = common.evaluate(args, gold)
    hedges = {r["id"]: [tuple(s) for s in r["predicted"].get("hedge", [])]
              for r in result["per_record"]}
    sent = collections.Counter()
    false_pos, missed = collections.Counter(), collections.Counter()
    for r in gold:
        g_any = bool(r["spans"])
        p_any = bool(hedges.get(r["id"]))
        sent[(g_any, p_any)] += 1
        gspans = [(s["start"], s["end"]) for s in r["spans"]]
        for m in WORD.finditer(r["text"]):
            w = (m.start(), m.end())
            g = any(a < w[1] and w[0] < b for a, b in gspans)
            p = any(a < w[1] and w[0] < b for a, b in hedges.get(r["id"], []))
            if p and not g:
                false_pos[m.group().lower()] += 1
            if g and not p:
                missed[m.group().lower()] += 1

    def prf(c):
        tp, fp, fn = c[(True, True)], c[(False, True)], c[(True, False)]
        p = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * rc / (p + rc) if p + rc else 0.0
        return p, rc, f

    sp, sr, sf = prf(sent)
    words = next(f["words"] for f in result["spans"] if f["label"] == "hedge")
    wp, wr, wf = common.prf(words["right"], words["predicted"], words["found"], words["gold"])
    print(f"Szeged {args.part}: {len(gold)} sentences, "
          f"{sum(1 for r in gold if r['spans'])} uncertain")
    common.table(["level", "P", "R", "F1"],
                 [["uncertain sentence", f"{sp:.3f}", f"{sr:.3f}", f"{sf:.3f}"],
                  ["cue word", f"{wp:.3f}", f"{wr:.3f}", f"{wf:.3f}"]])
    print(f"target: uncertain-sentence F1 >= {TARGET_F1:.2f}: "
          f"{'met' if sf >= TARGET_F1 else 'NOT met'}")
    if args.top:
        print("most frequent false-positive words:",
              ", ".join(f"{w} {n}" for w, n in false_pos.most_common(args.top)))
        print("most frequent missed cue words:",
              ", ".join(f"{w} {n}" for w, n in missed.most_common(args.top)))
    return 0


if __name__ == "__main__":
    common.run(main)

#!/usr/bin/env python3
"""Sentiment toward one marked mention: framescore's per-actor sentiment against NewsMTSC
(Hamborg & Donnay, EACL 2021), sentences from political news with the polarity toward a
marked target mention (negative / neutral / positive).

Every (sentence, target) pair is one article whose single ad-hoc target is exactly the
annotated mention: `targets = [{"name": "T", "start": from, "end": to}]` (character
offsets, end-exclusive, as in the data). The predicted class comes from the actors.csv
row of actor "T": sentiment > +eps positive, < -eps negative, else neutral; a missing row
counts as neutral (and is reported). The baseline ignores the mention and classifies the
whole sentence's `tone` the same way, so the gain from targeting shows. Target:
macro-F1 >= 0.60 on devtest_mt.jsonl.

    python3 benches/validity/newsmtsc.py DATA/newsmtsc [--file devtest_mt.jsonl] [--eps 0.05]
"""

import argparse
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import common  # noqa: E402

GOLD = {2.0: "neg", 4.0: "neu", 6.0: "pos"}
EPS_TABLE = (0.0, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3)
TARGET_F1 = 0.60


def find_file(root: pathlib.Path, name: str) -> pathlib.Path:
    """The JSONL file: as given, or under DATA/newsmtsc/official/ or DATA/newsmtsc/."""
    for cand in (pathlib.Path(name), root / "official" / name, root / name):
        if cand.is_file():
            return cand
    sys.exit(f"error: `{name}` not found in {root}/official or {root}")


def load(path: pathlib.Path, target: str):
    """JSONL records for framescore and the gold label of each, one per (sentence, target).

    Each line: {"primary_gid", "sentence_normalized", "targets": [{"from", "to",
    "mention", "polarity", ...}]}; from/to are Python character offsets, end-exclusive.
    `further_mentions` (automatic coreference, not annotated) are not used."""
    records, gold, bad = [], {}, 0
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            obj = json.loads(line)
            text = obj["sentence_normalized"]
            for k, t in enumerate(obj["targets"]):
                if text[t["from"]:t["to"]] != t["mention"] or t["polarity"] not in GOLD:
                    bad += 1
                    continue
                rid = f"{n}-{k}"
                records.append({"id": rid, "text": text,
                                "targets": [{"name": target, "start": t["from"], "end": t["to"]}]})
                gold[rid] = GOLD[t["polarity"]]
    return records, gold, bad


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=pathlib.Path, help="DATA/newsmtsc")
    ap.add_argument("--file", default="devtest_mt.jsonl", help="JSONL file (default: %(default)s)")
    ap.add_argument("--eps", type=float, default=0.05,
                    help="neutral band: |sentiment| <= eps is neutral (default: %(default)s)")
    ap.add_argument("--target-name", default="T", help="name of the ad-hoc target (default: T)")
    common.add_run_args(ap)
    args = ap.parse_args()

    path = find_file(args.data, args.file)
    records, gold, bad = load(path, args.target_name)
    reports = common.score(args, records)
    tone = {r["article_id"]: common.num(r.get("tone")) for r in reports["articles"]}
    senti = {}
    for row in reports["actors"] or []:
        if row["actor"] == args.target_name or row["actor"].casefold() == args.target_name.casefold():
            senti[row["article_id"]] = common.num(row.get("sentiment"), 0.0)

    ids = list(gold)
    gold_l = [gold[i] for i in ids]
    missing = sum(1 for i in ids if i not in senti)
    no_tone = sum(1 for i in ids if tone.get(i) is None)

    def f1_at(scores, eps):
        pred = [common.classify(scores.get(i), eps) for i in ids]
        return pred, common.macro_f1(gold_l, pred)

    print(f"NewsMTSC {path.name}: {len(ids)} (sentence, target) pairs "
          f"({bad} skipped: mention text or label mismatch); "
          f"gold neg/neu/pos {gold_l.count('neg')}/{gold_l.count('neu')}/{gold_l.count('pos')}")
    print(f"missing actors.csv row for the target: {missing} (counted neutral); "
          f"missing tone: {no_tone}\n")
    rows = []
    for eps in sorted(set(EPS_TABLE) | {args.eps}):
        _, (m, acc, per) = f1_at(senti, eps)
        _, (bm, bacc, _) = f1_at(tone, eps)
        rows.append([eps, m, acc, per["neg"], per["neu"], per["pos"], bm, bacc])
    common.table(["eps", "target macro-F1", "acc", "F1 neg", "F1 neu", "F1 pos",
                  "tone macro-F1", "tone acc"], rows)

    pred, (m, _, _) = f1_at(senti, args.eps)
    print(f"\nconfusion at eps = {args.eps} (targeted sentiment)")
    common.confusion(gold_l, pred)
    print(f"\ntarget macro-F1 >= {TARGET_F1} at eps {args.eps}: {'met' if m >= TARGET_F1 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    common.run(main)

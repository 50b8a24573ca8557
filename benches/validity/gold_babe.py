#!/usr/bin/env python3
"""Convert BABE (Spinde et al. 2021, final_labels_SG2.csv) to framescore gold JSONL.

    python3 benches/validity/gold_babe.py DATA/babe --out /tmp/babe.jsonl

One record per sentence (semicolon-separated CSV with a BOM). Each word of the
`biased_words` list becomes a `loaded` span at every whole-word occurrence in the
sentence (case-sensitive; failing that, case-insensitive; a word not found is counted
and dropped); overlapping spans are merged. Sentences without biased words are kept with
no spans, so hits in them count against precision. `split`: md5("framescore-split:" +
text) even is `train` (for tuning), odd is `dev` (for reporting). Python 3.11 standard
library only.
"""

import argparse
import ast
import csv
import hashlib
import json
import pathlib
import re
import sys


def part_of(key: str) -> str:
    digest = hashlib.md5(("framescore-split:" + key).encode("utf-8")).digest()
    return "train" if digest[-1] % 2 == 0 else "dev"


def occurrences(text: str, word: str) -> list[tuple[int, int]]:
    pattern = r"(?<!\w)" + re.escape(word) + r"(?!\w)"
    found = [m.span() for m in re.finditer(pattern, text)]
    if not found:
        found = [m.span() for m in re.finditer(pattern, text, re.IGNORECASE)]
    return found


def merge(spans):
    out = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", help="the babe folder (or the CSV file itself)")
    parser.add_argument("--label", default="loaded", help="span label (default: %(default)s)")
    parser.add_argument("--part", choices=["train", "dev", "all"], default="all")
    parser.add_argument("--out", help="output file (default: standard output)")
    args = parser.parse_args()
    path = pathlib.Path(args.data)
    if path.is_dir():
        path = path / "final_labels_SG2.csv"
    recs, dropped, seen = [], 0, set()
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for n, row in enumerate(csv.DictReader(fh, delimiter=";"), 2):
            text = row["text"]
            if not text.strip() or text in seen:
                continue
            seen.add(text)
            try:
                words = ast.literal_eval(row["biased_words"] or "[]")
            except (ValueError, SyntaxError):
                sys.exit(f"error: {path}:{n}: biased_words is not a list: {row['biased_words']!r}")
            spans = []
            for w in words:
                w = w.strip()
                found = occurrences(text, w) if w else []
                dropped += not found
                spans += found
            split = part_of(text)
            if args.part not in ("all", split):
                continue
            recs.append({"id": f"babe-{n}", "text": text, "outlet": row.get("outlet") or None,
                         "spans": [{"start": s, "end": e, "label": args.label}
                                   for s, e in merge(spans)],
                         "split": split})
    fh = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    for r in recs:
        if r["outlet"] is None:
            del r["outlet"]
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    if args.out:
        fh.close()
    print(f"babe: {len(recs)} sentences, {sum(len(r['spans']) for r in recs)} spans, "
          f"{dropped} biased words not found in their sentence", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

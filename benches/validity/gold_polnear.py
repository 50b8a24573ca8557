#!/usr/bin/env python3
"""PolNeAR (Newell, Margolin & Ruths, LREC 2018) as framescore gold JSONL, the input of
`framescore train --task attribution`.

One line per article of the split:
    {"id": "<split>/<file stem>", "text": "...",
     "spans": [{"start": S, "end": E, "label": "cue" | "source" | "content"}, ...]}
Offsets are Unicode character offsets into `text`, 0-based, end-exclusive, exactly as in
the brat annotation (the text is read with its line ends untouched). A discontinuous
brat span becomes one span per piece; whitespace at either end of a piece is trimmed.
Spans are sorted and never overlap: where two annotated spans overlap (a handful of
annotation slips), the one met first in the order cue, source, content is kept. When
several annotators' .ann files exist for a text, the first by file name is used, as in
polnear.py.

    python3 benches/validity/gold_polnear.py DATA/polnear --split train > train.jsonl
"""

import argparse
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import polnear  # noqa: E402

LABELS = {"Cue": "cue", "Source": "source", "Content": "content"}


def spans_of(text: str, relations: list[dict]) -> list[dict]:
    """The gold spans of one article: trimmed, sorted, without overlaps."""
    wanted = []
    for priority, role in enumerate(LABELS):
        for rel in relations:
            for start, end in rel.get(role, []):
                while start < end and text[start].isspace():
                    start += 1
                while end > start and text[end - 1].isspace():
                    end -= 1
                if 0 <= start < end <= len(text):
                    wanted.append((priority, start, end, LABELS[role]))
    kept = []
    for _, start, end, label in sorted(wanted):
        if all(end <= s or e <= start for s, e, _ in kept):
            kept.append((start, end, label))
    return [{"start": s, "end": e, "label": lab} for s, e, lab in sorted(kept)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=pathlib.Path, help="DATA/polnear (holding data/<split>/)")
    ap.add_argument("--split", default="train", help="train, dev, test or all (default: train)")
    ap.add_argument("--out", type=pathlib.Path, help="output file (default: stdout)")
    args = ap.parse_args()
    articles, _ = polnear.load(args.data, args.split)
    out = open(args.out, "w", encoding="utf-8", newline="\n") if args.out else sys.stdout
    with out:
        for aid, _, text, relations in articles:
            line = {"id": aid, "text": text, "spans": spans_of(text, relations)}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Convert SemEval-2020 Task 11 (Propaganda Techniques Corpus, Da San Martino et al.)
to framescore gold JSONL.

    python3 benches/validity/gold_semeval.py DATA/semeval2020-task11-ptc --out /tmp/semeval.jsonl

One record per article (`datasets/train-articles/article<ID>.txt`, the whole file as
text, title line included). The technique spans of `train-task2-TC.labels` (character
offsets, end-exclusive) whose technique is in `--techniques` (default Loaded_Language and
Name_Calling,Labeling, the loaded-language floor of issue 10) become `loaded` spans;
spans that overlap or touch are merged into one, as the gold format requires. Each
article gets a `split`: md5("framescore-split:" + id) even is `train` (for tuning), odd
is `dev` (for reporting), so the two halves never mix. Python 3.11 standard library only.
"""

import argparse
import collections
import hashlib
import json
import pathlib
import sys

DEFAULT = "Loaded_Language;Name_Calling,Labeling"


def part_of(key: str) -> str:
    """`train` or `dev`, from a salted md5 of the key (about half each)."""
    digest = hashlib.md5(("framescore-split:" + key).encode("utf-8")).digest()
    return "train" if digest[-1] % 2 == 0 else "dev"


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans merged, in order."""
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def records(root: pathlib.Path, techniques: set[str], label: str) -> list[dict]:
    base = root / "datasets" if (root / "datasets").is_dir() else root
    spans = collections.defaultdict(list)
    with open(base / "train-task2-TC.labels", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4:
                sys.exit(f"error: {base / 'train-task2-TC.labels'}:{n}: expected 4 tab-separated fields")
            art, tech, start, end = parts
            if tech in techniques:
                spans[art].append((int(start), int(end)))
    out = []
    for path in sorted((base / "train-articles").glob("article*.txt")):
        art = path.stem.removeprefix("article")
        text = path.read_text(encoding="utf-8")
        gold = merge(spans.get(art, []))
        for s, e in gold:
            if not 0 <= s < e <= len(text):
                sys.exit(f"error: article {art}: span {s}..{e} outside the text ({len(text)} characters)")
        out.append({"id": art, "text": text,
                    "spans": [{"start": s, "end": e, "label": label} for s, e in gold],
                    "split": part_of(art)})
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", help="the semeval2020-task11-ptc folder")
    parser.add_argument("--techniques", default=DEFAULT,
                        help="techniques to keep, separated by `;` (default: %(default)s)")
    parser.add_argument("--label", default="loaded", help="span label (default: %(default)s)")
    parser.add_argument("--part", choices=["train", "dev", "all"], default="all",
                        help="write only one half (default: all, each record with its split)")
    parser.add_argument("--out", help="output file (default: standard output)")
    args = parser.parse_args()
    recs = [r for r in records(pathlib.Path(args.data), set(args.techniques.split(";")), args.label)
            if args.part in ("all", r["split"])]
    fh = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    for r in recs:
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    if args.out:
        fh.close()
    print(f"semeval: {len(recs)} articles, {sum(len(r['spans']) for r in recs)} spans",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

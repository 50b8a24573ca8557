#!/usr/bin/env python3
"""Convert the VADER NYT editorial snippets (Hutto & Gilbert, ICWSM 2014) to framescore
gold JSONL.

    python3 benches/validity/gold_vader.py DATA/vader --out /tmp/vader.jsonl

One record per snippet: `{"id": "2_1", "text": ..., "labels": {"tone": MEAN}}`, MEAN
being the mean of about 20 human ratings from -4 to +4 (a document label: `eval`
correlates it with `tone`). The file is tab-separated with CRLF line ends:
ID <TAB> MEAN <TAB> TEXT. Python 3.11 standard library only.
"""

import argparse
import json
import pathlib
import sys

FILE = "nytEditorialSnippets_GroundTruth.txt"


def records(path: pathlib.Path) -> list[dict]:
    """One gold record per snippet; a malformed line is reported and skipped."""
    if path.is_dir():
        path = path / FILE
    out = []
    with open(path, encoding="utf-8", errors="replace", newline="") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                print(f"warning: {path.name}:{n}: expected 3 tab-separated fields", file=sys.stderr)
                continue
            out.append({"id": parts[0], "text": parts[2], "labels": {"tone": float(parts[1])}})
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=pathlib.Path, help=f"DATA/vader (or the {FILE} file)")
    parser.add_argument("--out", help="output file (default: standard output)")
    args = parser.parse_args()
    recs = records(args.data)
    fh = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    for r in recs:
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    if args.out:
        fh.close()
    print(f"vader: {len(recs)} snippets", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Convert NewsMTSC (Hamborg & Donnay, EACL 2021) to framescore gold JSONL.

    python3 benches/validity/gold_newsmtsc.py DATA/newsmtsc --file train.jsonl > newsmtsc-train.jsonl

One record per sentence: `{"id": primary_gid, "text": sentence_normalized, "targets":
[{"start": from, "end": to, "polarity": ..., "name": mention}]}`; the polarity of the
readme (2.0 negative, 4.0 neutral, 6.0 positive) becomes its name. `from`/`to` are
end-exclusive character offsets (checked: `sentence[from:to] == mention`; a target
that fails the check is dropped and counted). `further_mentions` (automatic
coreference) are not used. Python 3.11 standard library only.
"""

import argparse
import json
import pathlib
import sys

POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", help="the newsmtsc folder")
    parser.add_argument("--file", default="train.jsonl",
                        help="train.jsonl or devtest_mt.jsonl (under DATA/official/)")
    parser.add_argument("--split", choices=["train", "dev", "test"],
                        help="write this `split` on every record (default: none, i.e. train)")
    args = parser.parse_args()
    root = pathlib.Path(args.data)
    path = next((p for p in (pathlib.Path(args.file), root / "official" / args.file,
                             root / args.file) if p.is_file()), None)
    if path is None:
        sys.exit(f"error: `{args.file}` not found in {root}/official or {root}")
    records = targets = dropped = 0
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            text = row["sentence_normalized"]
            out = []
            for t in row.get("targets", []):
                start, end = int(t["from"]), int(t["to"])
                polarity = POLARITY.get(float(t["polarity"]))
                if polarity is None or text[start:end] != t["mention"]:
                    dropped += 1
                    continue
                out.append({"start": start, "end": end, "polarity": polarity,
                            "name": t["mention"]})
            if not out:
                continue
            rec = {"id": row["primary_gid"], "text": text, "targets": out}
            if args.split:
                rec["split"] = args.split
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            records += 1
            targets += len(out)
    print(f"{path.name}: {records} sentences, {targets} targets, {dropped} dropped",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

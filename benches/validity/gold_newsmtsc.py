#!/usr/bin/env python3
"""Convert NewsMTSC (Hamborg & Donnay, EACL 2021) to framescore gold JSONL.

    python3 benches/validity/gold_newsmtsc.py DATA/newsmtsc --file train.jsonl > newsmtsc-train.jsonl

One record per sentence: `{"id": primary_gid, "text": sentence_normalized, "targets":
[{"start": from, "end": to, "polarity": ..., "name": mention}]}`; the polarity of the
readme (2.0 negative, 4.0 neutral, 6.0 positive) becomes its name. `from`/`to` are
end-exclusive character offsets (checked: `sentence[from:to] == mention`; a target
that fails the check is dropped and counted). `further_mentions` (automatic
coreference) are not used. With `--per-target`, one record per (sentence, target)
instead, with id `LINE-K` (K-th target of the file's LINE-th line), as newsmtsc.py
evaluates them; `--target-name T` names every target T instead of its mention (a name
is also looked for in the text, so a one-letter name adds no second mention). Python
3.11 standard library only.
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
    parser.add_argument("--per-target", action="store_true",
                        help="one record per (sentence, target), id LINE-K")
    parser.add_argument("--target-name", help="name every target this (default: its mention)")
    args = parser.parse_args()
    path = find_file(pathlib.Path(args.data), args.file)
    recs, dropped = records(path, args.per_target, args.target_name, args.split)
    for rec in recs:
        sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{path.name}: {len(recs)} records, {sum(len(r['targets']) for r in recs)} targets, "
          f"{dropped} dropped", file=sys.stderr)
    return 0


def find_file(root: pathlib.Path, name: str) -> pathlib.Path:
    """The JSONL file: as given, or under DATA/newsmtsc/official/ or DATA/newsmtsc/."""
    path = next((p for p in (pathlib.Path(name), root / "official" / name, root / name)
                 if p.is_file()), None)
    if path is None:
        sys.exit(f"error: `{name}` not found in {root}/official or {root}")
    return path


def records(path: pathlib.Path, per_target: bool = False, name: str | None = None,
            split: str | None = None) -> tuple[list[dict], int]:
    """Gold records of a NewsMTSC file and the number of targets dropped."""
    out, dropped = [], 0
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            text = row["sentence_normalized"]
            targets = []
            for k, t in enumerate(row.get("targets", [])):
                start, end = int(t["from"]), int(t["to"])
                polarity = POLARITY.get(float(t["polarity"]))
                if polarity is None or text[start:end] != t["mention"]:
                    dropped += 1
                    continue
                targets.append((k, {"start": start, "end": end, "polarity": polarity,
                                    "name": name or t["mention"]}))
            groups = ([(f"{n}-{k}", [t]) for k, t in targets] if per_target
                      else [(row["primary_gid"], [t for _, t in targets])] if targets else [])
            for rid, ts in groups:
                rec = {"id": rid, "text": text, "targets": ts}
                if split:
                    rec["split"] = split
                out.append(rec)
    return out, dropped


if __name__ == "__main__":
    sys.exit(main())

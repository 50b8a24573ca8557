#!/usr/bin/env python3
"""Convert the Szeged Uncertainty Corpus (Wikipedia part) to framescore gold JSONL.

    python3 benches/validity/gold_szeged.py DATA/conll2010-szeged-uncertainty --part train > szeged-train.jsonl

One record per sentence: `{"id": "DocID:S1.2", "text": ..., "spans": [{"start", "end",
"label": "hedge"}], "split": "train"|"dev"}`, each `ccue` element a `hedge` span
(Unicode character offsets, end-exclusive). The split is by document, deterministic:
a document is in `dev` when md5("framescore-split:" + DocID) is 0 mod 5 (about 20%),
else in `train`; sentences of one article never straddle the split. Both title and
text sentences are kept. Python 3.11 standard library only.
"""

import argparse
import hashlib
import json
import pathlib
import sys
import xml.etree.ElementTree as ET


def part_of(doc_id: str) -> str:
    digest = hashlib.md5(("framescore-split:" + doc_id).encode("utf-8")).hexdigest()
    return "dev" if int(digest, 16) % 5 == 0 else "train"


def sentence_record(doc_id: str, sentence: ET.Element, split: str) -> dict:
    text = sentence.text or ""
    spans = []
    for child in sentence:
        inner = "".join(child.itertext())
        if child.tag == "ccue" and inner:
            start = len(text)
            # cue text may carry stray spaces at its edges: mark the words only
            lead = len(inner) - len(inner.lstrip())
            spans.append({"start": start + lead,
                          "end": start + len(inner.rstrip()),
                          "label": "hedge"})
        text += inner + (child.tail or "")
    spans = [s for s in spans if s["start"] < s["end"]]
    return {"id": f"{doc_id}:{sentence.get('id')}", "text": text,
            "spans": spans, "split": split}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", help="the conll2010-szeged-uncertainty folder")
    parser.add_argument("--part", choices=["train", "dev", "all"], default="train")
    args = parser.parse_args()
    path = pathlib.Path(args.data) / "wiki.xml"
    root = ET.parse(path).getroot()
    out = sys.stdout
    docs = sentences = cues = 0
    for doc in root.iter("Document"):
        doc_id = (doc.findtext("DocID") or "").strip()
        split = part_of(doc_id)
        if args.part != "all" and split != args.part:
            continue
        docs += 1
        for sentence in doc.iter("Sentence"):
            record = sentence_record(doc_id, sentence, split)
            if not record["text"].strip():
                continue
            sentences += 1
            cues += len(record["spans"])
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{args.part}: {docs} documents, {sentences} sentences, {cues} cues",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

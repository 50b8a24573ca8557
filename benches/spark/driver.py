"""Scores a corpus with framescore under Spark: the articles become JSONL
records, each partition is piped through `framescore score - --jsonl`, and
each partition's output is written to its own file, in order, for
`framescore merge`.

usage: driver.py FRAMESCORE CORPUS_DIR OUT_DIR [PARTITIONS]
writes OUT_DIR/input.jsonl (all records, for the single local run) and
OUT_DIR/part-00000.jsonl ... (one per partition).
"""

import json
import os
import sys
import time

from pyspark import SparkConf, SparkContext


def records(corpus):
    """One JSONL record per .txt file, sorted by path; outlet = its folder."""
    out = []
    for root, dirs, files in os.walk(corpus):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(".txt") or name.startswith("."):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, corpus)
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            outlet = os.path.dirname(rel)
            out.append(json.dumps({"id": rel, "text": text, "outlet": outlet}, ensure_ascii=False))
    return out


def main():
    binary, corpus, out_dir = sys.argv[1:4]
    partitions = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    binary = os.path.abspath(binary)
    os.makedirs(out_dir, exist_ok=True)
    lines = records(corpus)
    with open(os.path.join(out_dir, "input.jsonl"), "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")
    conf = (
        SparkConf()
        .setMaster(f"local[{partitions}]")
        .setAppName("framescore")
        .set("spark.ui.enabled", "false")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
    )
    started = time.time()
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    ready = time.time()
    # the piped command gets an empty environment unless env= is given
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"}
    command = f"{binary} score - --jsonl --quiet --threads 1"
    parts = (
        sc.parallelize(lines, partitions)
        .pipe(command, env=env)
        .glom()
        .collect()
    )
    done = time.time()
    sc.stop()
    for i, part in enumerate(parts):
        with open(os.path.join(out_dir, f"part-{i:05d}.jsonl"), "w", encoding="utf-8") as f:
            for line in part:
                f.write(line + "\n")
    sizes = [len(p) for p in parts]
    print(
        f"spark: {len(lines)} articles, {partitions} partitions {sizes}, "
        f"start-up {ready - started:.1f}s, pipe {done - ready:.1f}s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()

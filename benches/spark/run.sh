#!/usr/bin/env bash
# Proves `framescore merge` on a real engine: Spark local[2] pipes a corpus
# as JSONL through `framescore score - --jsonl`, the partition outputs are
# merged, and the result is compared with one local run over the same JSONL.
# Not part of CI (it installs pyspark, ≈ 520 MB).
#
# usage: benches/spark/run.sh [CORPUS_DIR] [PARTITIONS]
#   CORPUS_DIR  default ../shared/data/bbc-news/bbc (2,225 BBC articles)
#   VENV        virtual environment to use or create (default target/spark-venv)
#   OUT         work folder (default target/spark-run)
#   FRAMESCORE  binary to use (default: cargo build --release)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
corpus="${1:-$repo/../shared/data/bbc-news/bbc}"
partitions="${2:-2}"
venv="${VENV:-$repo/target/spark-venv}"
out="${OUT:-$repo/target/spark-run}"

java -version 2>&1 | head -1
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet pyspark   # a source package: ≈ 1 minute to build
fi
bin="${FRAMESCORE:-}"
if [ -z "$bin" ]; then
  (cd "$repo" && cargo build --release --quiet)
  bin="$repo/target/release/framescore"
fi

# loopback only, no UI (the driver sets spark.ui.enabled=false too)
export SPARK_LOCAL_IP=127.0.0.1
rm -rf "$out"
mkdir -p "$out"
start=$(date +%s.%N)
"$venv/bin/python" "$here/driver.py" "$bin" "$corpus" "$out/spark" "$partitions"
"$bin" merge "$out"/spark/part-*.jsonl --out "$out/merged" --no-html --quiet
end=$(date +%s.%N)
"$bin" score - --no-html --quiet --out "$out/single" < "$out/spark/input.jsonl"
awk -v a="$start" -v b="$end" 'BEGIN { printf "spark + merge: %.1f s\n", b - a }'

# every file byte for byte, but manifest.json (run id, time, inputs,
# shards) and articles.csv's `origin` (each partition numbers its stdin
# lines from 1): articles.csv is compared with that column taken out
status=0
for f in "$out"/single/*; do
  name="$(basename "$f")"
  case "$name" in
    manifest.json) continue ;;
    articles.csv)
      "$venv/bin/python" - "$f" "$out/merged/$name" <<'PY' || status=1
import csv, sys
def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        table = list(csv.reader(f))
    i = table[0].index("origin")
    return [r[:i] + r[i + 1:] for r in table]
a, b = rows(sys.argv[1]), rows(sys.argv[2])
if a != b:
    print(f"articles.csv differs ({len(a)} vs {len(b)} rows)")
    sys.exit(1)
PY
      ;;
    *) cmp "$f" "$out/merged/$name" || status=1 ;;
  esac
done
python3 - "$out/single/manifest.json" "$out/merged/manifest.json" <<'PY' || status=1
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
for key in ("version", "lexicon_digest", "counts"):
    if a[key] != b[key]:
        print(f"manifest {key} differs: {a[key]} vs {b[key]}")
        sys.exit(1)
for name, digest in a["files"].items():
    if name != "articles.csv" and b["files"].get(name) != digest:
        print(f"manifest files[{name}] differs")
        sys.exit(1)
print(f"{len(b['shards'])} shards, {b['counts']['articles']} articles")
PY
if [ "$status" = 0 ]; then echo "OK: merged Spark output equals one local run"; else echo "DIFFERENT"; fi
exit "$status"

#!/bin/sh
# How long `framescore eval` takes over 10,000 articles: the SemEval-2020 task 11
# articles with their loaded-language gold spans (benches/validity/gold_semeval.py),
# repeated under new ids until there are at least N records (default 10000).
#
#   sh benches/eval_10k.sh DATA/semeval2020-task11-ptc [N]
#
# Needs python3 and a release build (cargo build --release). The gold file is written to
# a temporary folder, never into the repository.
set -eu
data=${1:?usage: sh benches/eval_10k.sh DATA/semeval2020-task11-ptc [N]}
n=${2:-10000}
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/target/release/framescore"
[ -x "$bin" ] || { echo "error: build first: cargo build --release" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$root/benches/validity/gold_semeval.py" "$data" --out "$tmp/one.jsonl" 2>/dev/null
python3 - "$tmp/one.jsonl" "$tmp/gold.jsonl" "$n" <<'PY'
import json, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
recs = [json.loads(l) for l in open(src, encoding="utf-8")]
with open(dst, "w", encoding="utf-8") as fh:
    k = 0
    while k < n:
        for r in recs:
            fh.write(json.dumps(dict(r, id=f"{r['id']}-{k}"), ensure_ascii=False) + "\n")
            k += 1
PY
records=$(wc -l < "$tmp/gold.jsonl")
chars=$(wc -m < "$tmp/gold.jsonl")
start=$(date +%s.%N)
"$bin" eval --gold "$tmp/gold.jsonl" --format json > "$tmp/out.json"
end=$(date +%s.%N)
echo "eval: $records records ($chars characters of JSONL) in $(echo "$end - $start" | bc) s"

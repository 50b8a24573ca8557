#!/usr/bin/env bash
# Whole-binary throughput on a corpus, next to the reference points in
# ../shared/bench: the bare aho-corasick pass (`limit`) and VADER (the peer).
#
#   benches/corpus.sh [CORPUS_DIR] [RUNS]
#
# CORPUS_DIR defaults to the BBC corpus copied 8 times (built once under
# target/corpus, never committed), as in ../shared/bench/README.md. RUNS (default 5)
# timed runs each; the median is printed. VADER runs only if `python3 -c "import
# vaderSentiment"` works (pip install vaderSentiment==3.3.2 in a virtualenv; point
# VADER_PYTHON at its python).
# BASE_BIN=path/to/framescore (a build of an earlier commit) is timed next to
# this one at 1 and 2 threads, for before/after figures taken in one run.
# Machines are shared and noisy: compare the ratios printed in one run.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${SHARED:-../shared}
runs=${2:-5}
corpus=${1:-target/corpus/bbc-x8}
if [ ! -d "$corpus" ]; then
  mkdir -p "$corpus"
  for i in 1 2 3 4 5 6 7 8; do cp -r "$shared/data/bbc-news/bbc" "$corpus/copy$i"; done
fi
cargo build --release --quiet

cargo build --release --quiet --manifest-path "$shared/bench/limit/Cargo.toml" --target-dir target/limit
limit=target/limit/release/limit
bytes=$(find "$corpus" -type f -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
files=$(find "$corpus" -type f -name '*.txt' | wc -l)

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timeit() { # command... → median seconds over $runs runs
  for _ in $(seq "$runs"); do
    s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N)
    echo "$e - $s" | bc -l
  done | median
}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf 'corpus: %s (%s files, %s bytes), %s runs, %s cores (%s)\n' "$corpus" "$files" "$bytes" "$runs" "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
report() { printf '%-28s median %8.3f s  %7.2f MB/s\n' "$1" "$2" "$(echo "$bytes / $2 / 1000000" | bc -l)"; }
t_limit=$(timeit "$limit" "$shared/bench/vader_terms.txt" "$corpus"); report "bare aho-corasick (limit)" "$t_limit"
score() { "$1" score "$corpus" --out "$out/r" --quiet --threads "$2"; }
t_fs1=$(timeit score target/release/framescore 1); report "framescore --threads 1" "$t_fs1"
t_fs2=$(timeit score target/release/framescore 2); report "framescore --threads 2" "$t_fs2"
t_fs=$(timeit score target/release/framescore 0); report "framescore (all cores)" "$t_fs"
jsonl() { target/release/framescore score "$corpus" --jsonl --quiet --threads "$1" >"$out/all.jsonl"; }
t_js1=$(timeit jsonl 1); report "framescore --jsonl --threads 1" "$t_js1"
printf '2 threads are %.2fx one thread\n' "$(echo "$t_fs1 / $t_fs2" | bc -l)"
printf -- '--jsonl writes %.1f bytes per input byte and takes %.2fx the time of report files\n' \
  "$(echo "$(stat -c %s "$out/all.jsonl") / $bytes" | bc -l)" "$(echo "$t_js1 / $t_fs1" | bc -l)"
if [ -n "${BASE_BIN:-}" ]; then
  t_b1=$(timeit score "$BASE_BIN" 1); report "before (BASE_BIN) --threads 1" "$t_b1"
  t_b2=$(timeit score "$BASE_BIN" 2); report "before (BASE_BIN) --threads 2" "$t_b2"
  printf 'one thread: %.2fx the throughput of before; two threads: %.2fx; before, 2 threads were %.2fx one\n' \
    "$(echo "$t_b1 / $t_fs1" | bc -l)" "$(echo "$t_b2 / $t_fs2" | bc -l)" "$(echo "$t_b1 / $t_b2" | bc -l)"
fi
py=${VADER_PYTHON:-python3}
if "$py" -c "import vaderSentiment" 2>/dev/null; then
  t_vader=$(timeit "$py" "$shared/bench/peer_vader.py" "$corpus" "$out/vader.csv"); report "VADER (peer)" "$t_vader"
  printf 'framescore is %.1fx faster than VADER\n' "$(echo "$t_vader / $t_fs" | bc -l)"
fi
printf 'framescore takes %.1fx the time of the bare pass (one thread: %.1fx)\n' \
  "$(echo "$t_fs / $t_limit" | bc -l)" "$(echo "$t_fs1 / $t_limit" | bc -l)"
for t in 1 2; do
  rss=$(/usr/bin/time -v target/release/framescore score "$corpus" --out "$out/r" --quiet --threads "$t" 2>&1 | awk -F: '/Maximum resident/ {print $2}' | xargs)
  printf 'peak RSS, --threads %s: %s KB\n' "$t" "$rss"
done

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
t_fs1=$(timeit target/release/framescore score "$corpus" --out "$out" --quiet --threads 1); report "framescore --threads 1" "$t_fs1"
t_fs=$(timeit target/release/framescore score "$corpus" --out "$out" --quiet); report "framescore (all cores)" "$t_fs"
py=${VADER_PYTHON:-python3}
if "$py" -c "import vaderSentiment" 2>/dev/null; then
  t_vader=$(timeit "$py" "$shared/bench/peer_vader.py" "$corpus" "$out/vader.csv"); report "VADER (peer)" "$t_vader"
  printf 'framescore is %.1fx faster than VADER\n' "$(echo "$t_vader / $t_fs" | bc -l)"
fi
printf 'framescore takes %.1fx the time of the bare pass\n' "$(echo "$t_fs / $t_limit" | bc -l)"
/usr/bin/time -v target/release/framescore score "$corpus" --out "$out" --quiet 2>&1 | grep -E 'Maximum resident' || true

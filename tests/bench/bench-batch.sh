#!/usr/bin/env bash
# Batch throughput of spinal-pathways-cli on N generated cases, including
# JSON parsing and output, with peak memory.
#
# Usage (from the build folder): bash tests/bench/bench-batch.sh [N] [ROUNDS]
#
# Each round runs every mode once, in turn, so a machine that slows down
# for a while slows every mode alike; the medians over the rounds are
# reported. Modes:
#   null    results written to /dev/null: the program alone
#   pipe    results read by another process (wc -c) through a pipe
#   file    results written to a file in a temporary folder
#   one     /dev/null with SP_BATCH_THREADS=1: one worker thread
#   brief   /dev/null with --brief: no prose
set -euo pipefail
n=${1:-100000}
rounds=${2:-5}
build=$(pwd)
cli="$build/src/cli/spinal-pathways-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$build/tests/bench/bench-engine" --write-jsonl "$n" "$work/cases.jsonl"
echo "input: $n cases, $(du -h "$work/cases.jsonl" | cut -f1); $rounds rounds; $(nproc) processors"

now () { date +%s.%N; }

: > "$work/times"
for round in $(seq "$rounds"); do
  start=$(now); "$cli" evaluate --batch "$work/cases.jsonl" > /dev/null; end=$(now)
  echo "null $start $end" >> "$work/times"

  start=$(now); "$cli" evaluate --batch "$work/cases.jsonl" | wc -c > /dev/null; end=$(now)
  echo "pipe $start $end" >> "$work/times"

  rm -f "$work/out.jsonl"
  start=$(now)
  /usr/bin/time -f "%M" -o "$work/rss.$round" "$cli" evaluate --batch "$work/cases.jsonl" > "$work/out.jsonl"
  end=$(now)
  echo "file $start $end" >> "$work/times"

  start=$(now); SP_BATCH_THREADS=1 "$cli" evaluate --batch "$work/cases.jsonl" > /dev/null; end=$(now)
  echo "one $start $end" >> "$work/times"

  start=$(now); "$cli" evaluate --batch --brief "$work/cases.jsonl" > /dev/null; end=$(now)
  echo "brief $start $end" >> "$work/times"
done

lines=$(wc -l < "$work/out.jsonl")
size=$(du -h "$work/out.jsonl" | cut -f1)
cat "$work"/rss.* > "$work/rss"
python3 - "$n" "$work/times" "$work/rss" "$lines" "$size" <<'PY'
import statistics, sys
n, times_path, rss_path, lines, size = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
rates = {}
for row in open(times_path):
    mode, start, end = row.split()
    rates.setdefault(mode, []).append(n / (float(end) - float(start)))
rss = max(int(x) for x in open(rss_path).read().split())
words = {
    "null": "to /dev/null (all processors)",
    "pipe": "through a pipe to wc -c",
    "file": "to a file",
    "one": "to /dev/null, SP_BATCH_THREADS=1",
    "brief": "to /dev/null with --brief (all processors)",
}
for mode in ("null", "pipe", "file", "one", "brief"):
    r = sorted(rates[mode])
    print(f"evaluate --batch {words[mode]}: median {statistics.median(r):,.0f} cases/s "
          f"(slowest {r[0]:,.0f}, fastest {r[-1]:,.0f})")
print(f"peak RSS {rss / 1024:.1f} MiB; {lines} result lines, {size}")
PY

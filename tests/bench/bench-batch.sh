#!/usr/bin/env bash
# Batch throughput of spinal-pathways-cli on 100,000 generated cases,
# including JSON parsing and output, with peak memory.
# Usage (from the build folder): bash tests/bench/bench-batch.sh [N]
set -euo pipefail
n=${1:-100000}
build=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$build/tests/bench/bench-engine" --write-jsonl "$n" "$work/cases.jsonl"
echo "input: $n cases, $(du -h "$work/cases.jsonl" | cut -f1)"

start=$(date +%s.%N)
/usr/bin/time -f "%M" -o "$work/rss" "$build/src/cli/spinal-pathways-cli" evaluate --batch "$work/cases.jsonl" > "$work/out.jsonl"
end=$(date +%s.%N)

# Again with the output discarded, to separate the program from the disk.
start_null=$(date +%s.%N)
"$build/src/cli/spinal-pathways-cli" evaluate --batch "$work/cases.jsonl" > /dev/null
end_null=$(date +%s.%N)
# And through a pipe to another process, as a consumer of the results reads them.
start_pipe=$(date +%s.%N)
"$build/src/cli/spinal-pathways-cli" evaluate --batch "$work/cases.jsonl" | wc -c > /dev/null
end_pipe=$(date +%s.%N)
single_start=$(date +%s.%N)
SP_BATCH_THREADS=1 "$build/src/cli/spinal-pathways-cli" evaluate --batch "$work/cases.jsonl" > /dev/null
single_end=$(date +%s.%N)

lines=$(wc -l < "$work/out.jsonl")
python3 - "$n" "$start" "$end" "$(cat "$work/rss")" "$lines" "$(du -h "$work/out.jsonl" | cut -f1)" \
  "$start_null" "$end_null" "$single_start" "$single_end" "$start_pipe" "$end_pipe" <<'PY'
import sys
n, start, end, rss_kb, lines, size = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
null_seconds = float(sys.argv[8]) - float(sys.argv[7])
single_seconds = float(sys.argv[10]) - float(sys.argv[9])
pipe_seconds = float(sys.argv[12]) - float(sys.argv[11])
seconds = end - start
print(f"evaluate --batch to a file: {n} cases in {seconds:.2f} s = {n / seconds:,.0f} cases/s; "
      f"peak RSS {rss_kb / 1024:.1f} MiB; {lines} result lines, {size}")
print(f"evaluate --batch to /dev/null: {n / null_seconds:,.0f} cases/s (all cores); "
      f"{n / single_seconds:,.0f} cases/s (SP_BATCH_THREADS=1: one thread a chunk)")
print(f"evaluate --batch through a pipe to wc -c: {n / pipe_seconds:,.0f} cases/s")
PY

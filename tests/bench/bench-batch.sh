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

lines=$(wc -l < "$work/out.jsonl")
python3 - "$n" "$start" "$end" "$(cat "$work/rss")" "$lines" "$(du -h "$work/out.jsonl" | cut -f1)" <<'PY'
import sys
n, start, end, rss_kb, lines, size = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
seconds = end - start
print(f"evaluate --batch: {n} cases in {seconds:.2f} s = {n / seconds:,.0f} cases/s; peak RSS {rss_kb / 1024:.1f} MiB; {lines} result lines, {size}")
PY

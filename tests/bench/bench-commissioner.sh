#!/usr/bin/env bash
# Throughput and peak memory of diff (with cases) and audit on generated
# cases, at two input sizes to show memory stays flat.
#
# Usage (from the build folder): bash tests/bench/bench-commissioner.sh [N] [ROUNDS]
set -euo pipefail
n=${1:-200000}
rounds=${2:-3}
build=$(pwd)
cli="$build/src/cli/spinal-pathways-cli"
policy="$(dirname "$0")/../../../data/policy/spinal-interventions.json"
[ -f "$policy" ] || policy="$build/../data/policy/spinal-interventions.json"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$build/tests/bench/bench-engine" --write-jsonl "$n" "$work/cases.jsonl"
"$build/tests/bench/bench-engine" --write-jsonl 10000 "$work/small.jsonl"
python3 - "$policy" "$work/moved.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
d = next(d for d in p["decisions"] if d["id"] == "lumbar.discectomy")
d["rows"][1]["when"]["all"][4]["any"][0]["ge"] = 6
json.dump(p, open(sys.argv[2], "w"))
PY
echo "input: $n cases; $rounds rounds; $(nproc) processors"
for round in $(seq "$rounds"); do
  for mode in diff audit; do
    if [ $mode = diff ]; then args=(diff "$policy" "$work/moved.json"); else args=(audit); fi
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$work/rss" "$cli" "${args[@]}" "$work/cases.jsonl" > /dev/null || true
    end=$(date +%s.%N)
    /usr/bin/time -f "%M" -o "$work/rss-small" "$cli" "${args[@]}" "$work/small.jsonl" > /dev/null || true
    echo "$mode $(python3 -c "print(round($n / ($end - $start)))") cases/s; peak RSS $(tail -n 1 "$work/rss") KiB ($(tail -n 1 "$work/rss-small") KiB on 10,000 cases)"
  done
done

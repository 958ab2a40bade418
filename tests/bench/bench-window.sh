#!/usr/bin/env bash
# Start-up to first frame and peak RSS of the window against a minimal
# libadwaita window, the same to the frame that shows the first tab's whole
# form, and per-edit cost over 1,000 edits.
# Usage (from the build folder): bash tests/bench/bench-window.sh [RUNS]
set -euo pipefail
runs=${1:-10}
build=$(pwd)
bench=$build/tests/bench/bench-window
export GSK_RENDERER=cairo GDK_DEBUG=gl-disable GTK_A11Y=none NO_AT_BRIDGE=1
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$build/data

modes=(baseline app complete)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# An empty drafts folder: the window looks for drafts to restore as it starts.
export SP_DRAFTS_DIR=$work/drafts

# One run of each mode in turn, RUNS times over, so that a machine growing
# busier or quieter weighs on the baseline and the window alike.
measure_all () {
  for _ in $(seq "$runs"); do
    for mode in "${modes[@]}"; do
      local start end
      start=$(date +%s%N)
      /usr/bin/time -f "%M" -o "$work/rss" "$bench" "$mode" >/dev/null
      end=$(date +%s%N)
      echo "$mode $(( (end - start) / 1000 )) $(cat "$work/rss")" >> "$work/runs"
    done
  done
  python3 - "$work/runs" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    mode, micros, rss = line.split()
    runs[mode].append((int(micros), int(rss)))
base = statistics.median(t for t, _ in runs["baseline"])
base_rss = statistics.median(r for _, r in runs["baseline"])
for mode in ("baseline", "app", "complete"):
    times = [t for t, _ in runs[mode]]
    rss = statistics.median(r for _, r in runs[mode])
    print(f"{mode}: first frame median {statistics.median(times) / 1000:.0f} ms (min {min(times) / 1000:.0f}, "
          f"max {max(times) / 1000:.0f}; {statistics.median(times) / base:.2f}x the baseline); "
          f"peak RSS median {rss / 1024:.1f} MiB ({rss / base_rss:.2f}x)")
PY
}

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s '-screen 0 1280x800x24' bash "$0" "$@"
fi

measure_all
"$bench" edits 1000

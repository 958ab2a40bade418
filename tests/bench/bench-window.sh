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

measure () {
  local mode=$1 times=() rss=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f "%M" -o /tmp/bench-window-rss.$$ "$bench" "$mode" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
    rss+=("$(cat /tmp/bench-window-rss.$$)")
  done
  rm -f /tmp/bench-window-rss.$$
  python3 - "$mode" "${times[*]}" "${rss[*]}" <<'PY'
import statistics, sys
mode, times, rss = sys.argv[1], [int(t) for t in sys.argv[2].split()], [int(r) for r in sys.argv[3].split()]
print(f"{mode}: first frame median {statistics.median(times) / 1000:.0f} ms (min {min(times) / 1000:.0f}, "
      f"max {max(times) / 1000:.0f}); peak RSS median {statistics.median(rss) / 1024:.1f} MiB")
PY
}

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s '-screen 0 1280x800x24' bash "$0" "$@"
fi

measure baseline
measure app
measure complete
"$bench" edits 1000

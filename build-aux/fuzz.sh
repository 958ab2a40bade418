#!/bin/bash
# Builds the libFuzzer harnesses in tests/fuzz with clang, ASan and UBSan,
# seeds each one's corpus from the cases, bad cases, batch lines and
# policies in tests/, and runs each for a bounded time.
#
#   build-aux/fuzz.sh [SECONDS_EACH] [TARGET...]
#
# SECONDS_EACH defaults to 60. Prints one "fuzz TARGET: ok|FAILED" line per
# target and exits 1 if any failed; what a failing run found is kept in
# $SP_FUZZ_DIR (default _fuzz/) as crash-*, with the log beside it. New
# inputs the fuzzer finds are kept in _fuzz/corpus/TARGET between runs, so
# running it again (or for hours: build-aux/fuzz.sh 36000) goes further.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift || true
builddir=${SP_FUZZ_DIR:-$top/_fuzz}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz-case-loader fuzz-line-reader fuzz-policy-loader fuzz-summary)

if [ ! -f "$builddir/build.ninja" ]; then
  mkdir -p "$builddir"
  CC=clang meson setup "$builddir" "$top" -Dfuzzing=true -Dapp=false -Dbuildtype=debugoptimized \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dc_args='-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined' >"$builddir/setup.log" 2>&1 ||
    { cat "$builddir/setup.log"; echo "fuzz build: FAILED (setup)"; echo "fail build" >"$builddir/results"; exit 1; }
fi
nice -n 10 ninja -C "$builddir" -j2 "${targets[@]/#/tests/fuzz/}" >"$builddir/ninja.log" 2>&1 ||
  { tail -50 "$builddir/ninja.log"; echo "fuzz build: FAILED"; echo "fail build" >"$builddir/results"; exit 1; }

# Seeds: the tests' cases (the "case" member of the described ones), bad
# cases, each line of the batch files, and the policies.
seeds=$builddir/seeds
rm -rf "$seeds"
mkdir -p "$seeds/cases" "$seeds/lines" "$seeds/policies"
python3 - "$top" "$seeds" <<'PY'
import json, pathlib, sys, hashlib
top, seeds = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
def put(kind, data):
    (seeds / kind / hashlib.sha1(data).hexdigest()).write_bytes(data)
for d in ["tests/cases", "tests/bad-cases", "tests/report/cases"]:
    for f in sorted((top / d).glob("*")):
        data = f.read_bytes()
        put("cases", data)
        try:
            doc = json.loads(data)
            if isinstance(doc, dict) and isinstance(doc.get("case"), dict):
                put("cases", json.dumps(doc["case"]).encode())
                put("lines", json.dumps(doc["case"], separators=(",", ":")).encode())
        except Exception:
            pass
        if f.suffix == ".jsonl":
            for line in data.splitlines():
                put("lines", line)
for f in list((top / "data/policy").glob("*.json")) + list((top / "tests/core/data").glob("*.json")):
    put("policies", f.read_bytes())
PY
declare -A seed_of=([fuzz-case-loader]=cases [fuzz-summary]=cases [fuzz-line-reader]=lines [fuzz-policy-loader]=policies)

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
# Leaks found by LeakSanitizer in one process that lives for many inputs are
# real, but GLib's type system and the policy kept between inputs are not.
cat "$top/tests/sanitizers/lsan.supp" "$top/tests/fuzz/lsan-fuzz.supp" >"$builddir/lsan.supp"
export LSAN_OPTIONS=suppressions=$builddir/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

failed=0
# One "ok TARGET" or "fail TARGET" line each, for build-aux/test.sh's count.
: >"$builddir/results"
for target in "${targets[@]}"; do
  corpus=$builddir/corpus/$target
  mkdir -p "$corpus"
  log=$builddir/$target.log
  ( cd "$builddir" &&
    "$builddir/tests/fuzz/$target" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 \
      -max_len=65536 -artifact_prefix="$builddir/$target-" -print_final_stats=1 \
      "$corpus" "$seeds/${seed_of[$target]}" ) >"$log" 2>&1
  status=$?
  if [ $status -eq 0 ]; then
    echo "ok $target" >>"$builddir/results"
    echo "fuzz $target: ok ($(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') runs in ${seconds} s)"
  else
    echo "fail $target" >>"$builddir/results"
    echo "fuzz $target: FAILED (exit $status; see $log)"
    grep -E 'ERROR|runtime error|Test unit written' "$log" | head -5
    failed=$((failed + 1))
  fi
done
[ $failed -eq 0 ]

#!/usr/bin/env bash
# Builds Spinal Pathways and runs every test twice: in a normal build with
# warnings as errors, and in a second build under AddressSanitizer and
# UndefinedBehaviorSanitizer. Ends with the line "N passed, N failed".
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash build-aux/install-deps.sh || exit 1

status=0
builds=()

run_build () {
  local dir=$1; shift
  builds+=("$dir")
  if [ ! -d "$dir" ]; then
    meson setup "$dir" "$@" || { status=1; return; }
  else
    meson configure "$dir" "$@" >/dev/null || { status=1; return; }
  fi
  meson compile -C "$dir" || { status=1; return; }
  meson test -C "$dir" --print-errorlogs --num-processes 2 "${test_args[@]}" || status=1
}

test_args=()

# Warnings are errors here, as in CI; a default build has none either.
run_build _build-test -Dwerror=true -Dbuildtype=debugoptimized

# The sanitizers. LSAN_OPTIONS names our suppressions file, where each line
# says why it is there.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=suppressions=$top/tests/sanitizers/lsan.supp:print_suppressions=0
# The Flatpak staging build is a release build of its own: once is enough.
# The widget tests run separately below.
test_args=(--no-suite flatpak --no-suite app --no-suite report)
run_build _build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dwerror=true -Dbuildtype=debug

# GLib, GTK and cairo are built without frame pointers, so LeakSanitizer's
# fast unwinder cannot see who allocated inside them, and by-design allocations
# (made while the libraries load) cannot be told from leaks. The widget
# and report tests therefore unwind slowly, which takes minutes, hence the longer
# timeout. The log of this second run is kept beside the first.
if [ -d _build-asan ]; then
  cp _build-asan/meson-logs/testlog.json _build-asan/meson-logs/testlog-core.json 2>/dev/null || true
  ASAN_OPTIONS=$ASAN_OPTIONS:fast_unwind_on_malloc=0:malloc_context_size=24 \
    meson test -C _build-asan --print-errorlogs --num-processes 2 --suite app --suite report --timeout-multiplier 8 || status=1
  cp _build-asan/meson-logs/testlog.json _build-asan/meson-logs/testlog-app.json 2>/dev/null || true
fi

# clang's UndefinedBehaviorSanitizer finds what GCC's does not
# (float-cast-overflow among them): the core suite, any report fatal. Not
# -Dwerror: clang warns where GCC does not (-Wcast-align in sp-engine.c).
(
  export CC=clang
  test_args=(--suite core --timeout-multiplier 4)
  run_build _build-ubsan-clang -Dapp=false -Dbuildtype=debug -Db_sanitize=undefined -Db_lundef=false \
    "-Dc_args=-fsanitize=float-cast-overflow -fno-sanitize-recover=all" \
    "-Dc_link_args=-fsanitize=float-cast-overflow"
  exit $status
) || status=1
builds+=(_build-ubsan-clang)

# The fuzzers, each for a bounded time on top of its corpus (seeded from
# tests/). Each target counts as one test in the line below.
SP_FUZZ_DIR=$top/_build-fuzz bash build-aux/fuzz.sh "${SP_FUZZ_SECONDS:-75}" || status=1

# The Debian packages, built from the committed source, linted, installed
# into a scratch root and checked (about a minute); one test in the line below.
if bash build-aux/build-deb.sh "$top/_deb"; then
  echo "ok debian-package" > _deb-result
else
  echo "fail debian-package" > _deb-result
  status=1
fi

python3 - "${builds[@]}" <<'PY'
import json, os, sys
passed = failed = 0
if os.path.exists("_deb-result"):
    verdict, name = open("_deb-result").read().split()
    if verdict == "ok":
        passed += 1
    else:
        failed += 1
        print(f"{name}: FAIL (build-aux/build-deb.sh)")
fuzz_results = os.path.join("_build-fuzz", "results")
if os.path.exists(fuzz_results):
    with open(fuzz_results) as f:
        for line in f:
            verdict, name = line.split()
            if verdict == "ok":
                passed += 1
            else:
                failed += 1
                print(f"_build-fuzz: {name}: FAIL")
else:
    failed += 1
    print("_build-fuzz: no results (the fuzz build failed)")
logs = []
for build in sys.argv[1:]:
    split = [os.path.join(build, "meson-logs", name) for name in ("testlog-core.json", "testlog-app.json")]
    if all(os.path.exists(path) for path in split):
        logs += [(build, path) for path in split]
    else:
        logs.append((build, os.path.join(build, "meson-logs", "testlog.json")))
for build, log in logs:
    if not os.path.exists(log):
        failed += 1
        print(f"{build}: no test log (the build failed)")
        continue
    with open(log) as f:
        for line in f:
            result = json.loads(line)
            if result["result"] in ("OK", "EXPECTEDFAIL"):
                passed += 1
            elif result["result"] == "SKIP":
                pass
            else:
                failed += 1
                print(f"{build}: {result['name']}: {result['result']}")
                # CI keeps only the tail of its log: say why here too. A
                # sanitizer's report goes to stderr after the last test's
                # "ok", so stderr is printed after stdout's tail: from the
                # report's first line if there is one, and its last lines.
                for stream, keep in (("stdout", 6), ("stderr", 60)):
                    lines = (result.get(stream) or "").strip().splitlines()
                    starts = [i for i, text in enumerate(lines) if "Sanitizer" in text]
                    first = starts[0] if starts else max(0, len(lines) - keep)
                    shown = lines[first:first + keep]
                    if first + keep < len(lines):
                        shown += ["..."] + lines[-3:]
                    if shown:
                        print(f"  {stream}:")
                    for text in shown:
                        print(f"    {text[:200]}")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
summary=$?
[ $status -eq 0 ] && [ $summary -eq 0 ]

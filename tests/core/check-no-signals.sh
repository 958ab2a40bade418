#!/bin/bash
# Runs spinal-pathways-cli over every case, bad case and policy in the tree,
# the fuzz corpora when present, and generated hostile inputs, with every
# command that reads a file, and fails if any run dies by a signal (a crash,
# an abort from an assertion, a sanitizer report, a GLib critical) or hangs. Exit statuses 0,
# 1 and 2 are all fine here: other tests check which one each input earns.
set -u
cli=$1
source_root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
runs=0

check () {
  local status
  timeout -s KILL 60 "$cli" "$@" </dev/null >/dev/null 2>"$work/err"
  status=$?
  runs=$((runs + 1))
  # A sanitizer may report and exit 1 rather than abort: its report counts too.
  if [ "$status" -gt 2 ] || grep -q -e 'runtime error:' -e 'Sanitizer' -e 'CRITICAL' "$work/err"; then
    echo "FAIL (exit $status): spinal-pathways-cli $*"
    head -c 2000 "$work/err"
    failures=$((failures + 1))
  fi
}

# Generated hostile inputs, beside the ones in the tree.
gen=$work/generated
mkdir "$gen"
printf '' >"$gen/empty.json"
printf '\0\0\0' >"$gen/nul.json"
printf '\xef\xbb\xbf{}' >"$gen/bom.json"
printf '\xff\xfe\xc0\x80{' >"$gen/bad-utf8.json"
head -c 100000 /dev/zero | tr '\0' '[' >"$gen/deep-arrays.json"
python3 - "$gen" <<'PY'
import json, sys
d = sys.argv[1]
base = {"format": "spinal-pathways-case", "format_version": 1, "facts": {}}
def write(name, value, raw=None):
    with open(f"{d}/{name}", "w", encoding="utf-8", errors="surrogatepass") as f:
        f.write(raw if raw is not None else json.dumps(value, ensure_ascii=False))
write("huge-number.json", None, '{"format": "spinal-pathways-case", "format_version": 1e999, "facts": {"conservative_weeks": -1e308}}')
write("nan-like.json", None, '{"format": "spinal-pathways-case", "format_version": 1, "facts": {"conservative_weeks": 1e-400}}')
write("surrogate.json", None, '{"format": "spinal-pathways-case", "format_version": 1, "notes": "\\ud800", "facts": {}}')
write("nul-escape.json", None, '{"format": "spinal-pathways-case", "format_version": 1, "notes": "a\\u0000b", "facts": {}}')
write("escapes-in-keys.json", None, '{"format": "spinal-pathways-case", "format_version": 1, "facts": {"\\u001b[2Jx\\n": true}}')
long = dict(base, notes="N" * 100000, patient={"name": "W" * 200})
write("long-notes.json", long)
marks = dict(base, notes="a" + "\u0301" * 65999, patient={"name": "a" + "\u0301" * 199})
write("combining-marks.json", marks)
wrong = dict(base, facts={"assessment_date": ["x"], "conservative_weeks": {"a": 1}, "serious_pathology_suspected": 3})
write("wrong-types.json", wrong)
with open(f"{d}/batch.jsonl", "w") as f:
    f.write("\n".join([json.dumps(base), "", "{", "\x00", json.dumps(long), "[" * 5000]) + "\n")
PY

inputs=()
while IFS= read -r -d '' f; do inputs+=("$f"); done < <(
  find "$source_root/tests/cases" "$source_root/tests/bad-cases" "$source_root/tests/report/cases" \
       "$source_root/tests/fuzz/corpus" "$source_root/tests/fuzz/crashes" "$gen" \
       -type f -print0 2>/dev/null | sort -z)

for f in "${inputs[@]}"; do
  check evaluate "$f"
  check evaluate --batch "$f"
  check export --text "$f"
done

# The PDF writer is slower: the bad cases, the generated inputs and the
# report's own cases.
while IFS= read -r -d '' f; do
  check export --pdf "$work/out.pdf" "$f"
done < <(find "$source_root/tests/bad-cases" "$source_root/tests/report/cases" "$gen" -type f -print0 | sort -z)

# Any of these files given as a policy, and the policies themselves.
while IFS= read -r -d '' f; do
  check --policy "$f" facts
done < <(find "$source_root/tests/core/data" "$source_root/data/policy" "$source_root/tests/bad-cases" \
              "$source_root/tests/fuzz/corpus" "$gen" -type f -name '*.json' -print0 2>/dev/null | sort -z)

echo "$runs runs, $failures died by a signal or hung"
[ "$failures" -eq 0 ]

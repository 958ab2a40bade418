#!/usr/bin/env python3
# Fails when doc/clinical-safety/traceability.md is not what
# `spinal-pathways-cli trace --tests tests/cases` writes today: a new test
# case, a decision or a clause changed without regenerating it.
#
# Usage: check-traceability.py CLI SOURCE_ROOT
import difflib, os, subprocess, sys

cli, root = sys.argv[1:3]
r = subprocess.run([cli, "trace", "--tests", "tests/cases"], cwd=root, capture_output=True, text=True)
if r.returncode != 0:
    print(r.stderr)
    sys.exit(1)
committed = open(os.path.join(root, "doc", "clinical-safety", "traceability.md")).read()
if committed != r.stdout:
    sys.stdout.writelines(difflib.unified_diff(committed.splitlines(True), r.stdout.splitlines(True),
                                               "committed", "generated"))
    print("doc/clinical-safety/traceability.md is out of date: regenerate it with\n"
          "  _build/src/cli/spinal-pathways-cli trace --tests tests/cases > doc/clinical-safety/traceability.md")
    sys.exit(1)

# The edges themselves, against the policy file read here.
import csv, io, json
policy = json.load(open(os.path.join(root, "data", "policy", "spinal-interventions.json")))
want = set()
for d in policy["decisions"]:
    for row in d["rows"]:
        for c in row.get("clauses", []):
            want.add(("clause", c, "cited by decision", d["id"]))
            want.add(("decision", d["id"], "cites clause", c))
for a in policy["advisories"]:
    for c in a.get("clauses", []):
        want.add(("clause", c, "cited by advisory", a["id"]))
for i in policy["interpretations"]:
    want.add(("clause", i["clause"], "read by interpretation", i["id"]))
for name in os.listdir(os.path.join(root, "tests", "cases")):
    expect = json.load(open(os.path.join(root, "tests", "cases", name))).get("expect", {})
    for d, outcome in expect.get("decisions", {}).items():
        if "status" in outcome:
            want.add(("decision", d, outcome["status"], name))
r = subprocess.run([cli, "trace", "--csv", "--tests", "tests/cases"], cwd=root, capture_output=True, text=True)
rows = list(csv.reader(io.StringIO(r.stdout)))
got = set(tuple(row) for row in rows[1:])
if r.returncode != 0 or rows[0] != ["kind", "id", "relation", "target"] or got != want:
    print("trace --csv differs from the policy and the test cases:")
    print("missing:", sorted(want - got)[:20])
    print("extra:", sorted(got - want)[:20])
    sys.exit(1)

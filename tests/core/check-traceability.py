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

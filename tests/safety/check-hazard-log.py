#!/usr/bin/env python3
# Reads doc/clinical-safety/hazard-log.md and fails when a hazard the safety
# case must cover (issue 15) is absent, when a hazard cites no evidence, or
# when an evidence path names a file, or a test inside a file, that does not
# exist: a control the log claims must be a test that CI can run.
#
# Evidence lines look like
#   Evidence: `tests/cases/urgent-cauda-equina.json`, `tests/core/test-engine.c::/sp/engine/kleene-laws`
# where "path::name" requires the quoted test name "name" inside the file.
#
# Usage: check-hazard-log.py SOURCE_ROOT

import re
import sys
from pathlib import Path

LOG = Path("doc/clinical-safety/hazard-log.md")

# The hazards issue 15 requires, by id, with a word each heading must carry
# so that renumbering cannot silently drop one.
REQUIRED = {
    "HAZ-01": "red flag",
    "HAZ-02": "serious pathology",
    "HAZ-03": "over-trigger",
    "HAZ-04": "looser",
    "HAZ-05": "tighter",
    "HAZ-06": "misclassified",
    "HAZ-07": "unknown",
    "HAZ-08": "contradictory",
    "HAZ-09": "funding approval",
    "HAZ-10": "wrong patient",
    "HAZ-11": "stale",
    "HAZ-12": "policy",
    "HAZ-13": "interpretation",
    "HAZ-14": "half-filled",
    "HAZ-15": "misspelt",
    "HAZ-16": "lost",
    "HAZ-17": "identifiers",
    "HAZ-18": "hostile",
}

HEADING = re.compile(r"^## (HAZ-\d\d): (.+)$")
EVIDENCE = re.compile(r"^(?:- )?Evidence:(.*)$")
PATH = re.compile(r"`([^`]+)`")
FIELDS = ("Cause:", "Effect on the patient:", "Initial risk:", "Controls:", "Residual risk:")


def main():
    if len(sys.argv) != 2:
        print("usage: check-hazard-log.py SOURCE_ROOT", file=sys.stderr)
        return 2
    root = Path(sys.argv[1]).resolve()
    lines = (root / LOG).read_text(encoding="utf-8").splitlines()
    problems = []
    hazards = {}
    current = None
    for number, line in enumerate(lines, 1):
        heading = HEADING.match(line)
        if heading:
            current = heading.group(1)
            if current in hazards:
                problems.append(f"{LOG}:{number}: {current} appears twice")
            hazards[current] = {"title": heading.group(2), "evidence": [], "text": []}
            continue
        if line.startswith("## "):
            current = None
            continue
        if current is None:
            continue
        hazards[current]["text"].append(line)
        evidence = EVIDENCE.match(line)
        if evidence:
            cited = PATH.findall(evidence.group(1))
            if not cited:
                problems.append(f"{LOG}:{number}: an Evidence line cites no backticked path")
            hazards[current]["evidence"] += [(number, c) for c in cited]

    for hazard_id, word in REQUIRED.items():
        if hazard_id not in hazards:
            problems.append(f"{LOG}: required hazard {hazard_id} ({word}) is absent")
        elif word not in hazards[hazard_id]["title"].lower():
            problems.append(f"{LOG}: {hazard_id}'s heading does not mention \"{word}\"")

    checked = 0
    for hazard_id, hazard in hazards.items():
        body = "\n".join(hazard["text"])
        for field in FIELDS:
            if field not in body:
                problems.append(f"{LOG}: {hazard_id} has no \"{field}\"")
        if not hazard["evidence"]:
            problems.append(f"{LOG}: {hazard_id} cites no evidence")
        for number, cited in hazard["evidence"]:
            path, _, test_name = cited.partition("::")
            target = (root / path).resolve()
            if root not in target.parents or not target.is_file():
                problems.append(f"{LOG}:{number}: {hazard_id} cites {path}, which is not a file in the repository")
                continue
            if test_name and f'"{test_name}"' not in target.read_text(encoding="utf-8", errors="replace"):
                problems.append(f"{LOG}:{number}: {hazard_id} cites test \"{test_name}\", which {path} does not define")
                continue
            checked += 1

    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print(f"{len(hazards)} hazards, {checked} evidence citations, all present")
    return 0


if __name__ == "__main__":
    sys.exit(main())

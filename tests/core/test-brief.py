#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 Spinal Pathways developers
"""evaluate --brief: the full result without its prose, nothing else changed.

Every case of tests/cases (and a few bad lines) goes through evaluate --batch
twice, with and without --brief. Each brief decision must be the full one
without "reasons"; each advisory its id alone; implied facts, errors and line
numbers the same. A single case through evaluate --brief must read the same
as its batch line. TAP output.

Usage: test-brief.py CLI CASES_DIR
"""

import json
import os
import subprocess
import sys

DECISION_KEYS = ["id", "pathway", "status", "missing", "citations", "interpretations"]

results = []


def report(ok, name, detail=""):
    results.append(ok)
    print(f"{'ok' if ok else 'not ok'} {len(results)} {name}")
    if not ok and detail:
        for line in str(detail).splitlines()[:20]:
            print(f"# {line}")


def run(cli, args, stdin):
    done = subprocess.run([cli] + args, input=stdin, capture_output=True)
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


def brief_of(full):
    """What --brief should print for a full result."""
    if "error" in full:
        return full
    expected = dict(full)
    expected["decisions"] = [{k: d[k] for k in DECISION_KEYS} for d in full["decisions"]]
    expected["advisories"] = [{"id": a["id"]} for a in full["advisories"]]
    return expected


def main(argv):
    cli, cases_dir = argv[1], argv[2]
    lines = []
    for name in sorted(os.listdir(cases_dir)):
        if name.endswith(".json"):
            with open(os.path.join(cases_dir, name), encoding="utf-8") as f:
                lines.append(json.dumps(json.load(f)["case"]))
    # Bad lines keep their errors, word for word.
    lines[3:3] = ['{"format": "spinal-pathways-case"', '[]',
                  '{"format":"spinal-pathways-case","format_version":1,"facts":{"no_such_fact":true}}']
    batch = ("\n".join(lines) + "\n").encode("utf-8")

    code_full, out_full, _ = run(cli, ["evaluate", "--batch", "-"], batch)
    code_brief, out_brief, err_brief = run(cli, ["evaluate", "--batch", "--brief", "-"], batch)
    report(code_full == code_brief == 2, "bad lines give the same exit status with and without --brief",
           f"{code_full} {code_brief} {err_brief}")

    full = [json.loads(line) for line in out_full.splitlines()]
    brief = [json.loads(line) for line in out_brief.splitlines()]
    report(len(full) == len(brief) == len(lines), "one result per line", f"{len(full)} {len(brief)} {len(lines)}")

    mismatches = [(f.get("line"), b, brief_of(f)) for f, b in zip(full, brief) if b != brief_of(f)]
    report(not mismatches, "each brief result is the full one without its prose",
           "\n".join(f"line {n}: got {json.dumps(b)[:300]}\nwant {json.dumps(w)[:300]}" for n, b, w in mismatches[:3]))

    report("reasons" not in out_brief and '"text"' not in out_brief, "no reasons and no advisory text in --brief")
    report(any(f.get("implied") for f in full) and any(b.get("implied") for b in brief),
           "implied facts are kept (and the cases have some)")
    report(any(d["status"] == "urgent_referral" for f in full if "decisions" in f for d in f["decisions"]),
           "the cases include an urgent referral")
    report(len(out_brief) < len(out_full), "--brief is shorter",
           f"{len(out_brief)} bytes against {len(out_full)}")

    single_ok = True
    for i, line in enumerate(lines[:8]):
        expected = next((b for b in brief if b.get("line") == i + 1), None)
        if expected is None or "error" in expected:
            continue
        code, out, err = run(cli, ["evaluate", "--brief", "-"], line.encode("utf-8"))
        expected = dict(expected)
        del expected["line"]
        if code != 0 or json.loads(out) != expected:
            single_ok = False
            print(f"# line {i + 1}: {code} {err} {out[:200]}")
    report(single_ok, "evaluate --brief of one case reads as its batch line")

    code, _, err = run(cli, ["--brief", "facts"], b"")
    report(code == 2 and "--brief goes with evaluate" in err, "--brief elsewhere is a usage error", err)

    print(f"1..{len(results)}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))

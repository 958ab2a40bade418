#!/usr/bin/env python3
# spinal-pathways-cli diff: revisions made here from the real policy, each
# with its exact expected report; transitions over cases checked against
# evaluate --batch run under each policy (an independent count); a policy
# against itself; bad policies and bad cases.
#
# Usage: test-diff.py CLI POLICY.json CASES_DIR BAD_CASES_DIR
import atexit, copy, json, os, shutil, subprocess, sys, tempfile

cli, policy_path, cases_dir, bad_dir = sys.argv[1:5]
policy = json.load(open(policy_path))
work = tempfile.mkdtemp()
# Removed however the test ends, pass or fail.
atexit.register(shutil.rmtree, work, ignore_errors=True)
failures = 0
tests = 0


def check(name, ok, detail=""):
    global failures, tests
    tests += 1
    print(("ok" if ok else "not ok"), tests, "-", name)
    if not ok:
        failures += 1
        for line in str(detail).splitlines():
            print("#", line)


def write_policy(name, data):
    path = os.path.join(work, name)
    with open(path, "w") as f:
        json.dump(data, f)
    return path


def run(*args):
    r = subprocess.run([cli, *args], capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def decision(p, id_):
    return next(d for d in p["decisions"] if d["id"] == id_)


# Cases: every test case of the suite, plus variations of the discectomy
# case around its threshold, so that moving the threshold moves decisions.
cases = []
for name in sorted(os.listdir(cases_dir)):
    cases.append(json.load(open(os.path.join(cases_dir, name)))["case"])
base = json.load(open(os.path.join(cases_dir, "lumbar-discectomy-3-months-supported.json")))["case"]
for months in (1, 2.9, 3, 4, 5.9, 6, 7, 12):
    for severe in (True, False, None):
        c = copy.deepcopy(base)
        c["facts"]["radicular_symptom_months"] = months
        c["facts"]["severe_symptoms"] = severe
        cases.append(c)
cases_path = os.path.join(work, "cases.jsonl")
with open(cases_path, "w") as f:
    for c in cases:
        f.write(json.dumps(c) + "\n")

original = write_policy("original.json", policy)

# A threshold moved.
moved = copy.deepcopy(policy)
decision(moved, "lumbar.discectomy")["rows"][1]["when"]["all"][4]["any"][0]["ge"] = 6
moved_path = write_policy("moved.json", moved)
rc, out, err = run("diff", original, moved_path)
check("threshold moved: exact report",
      (rc, out) == (1, "threshold changed: lumbar.discectomy: radicular_symptom_months ≥ 3 became ≥ 6\n"),
      f"rc={rc}\n{out}{err}")

# Adopted: the status moves from draft, and the diff says so.
adopted = copy.deepcopy(policy)
adopted["status"] = "adopted"
rc, out, err = run("diff", original, write_policy("adopted.json", adopted))
check("status adopted: exact report",
      (rc, out) == (1, 'policy status changed: "draft" became "adopted"\n'), f"rc={rc}\n{out}{err}")

# A clause reworded.
reworded = copy.deepcopy(policy)
reworded["clauses"][0]["text"] += " (revised)"
rc, out, err = run("diff", original, write_policy("reworded.json", reworded))
check("clause reworded: exact report",
      (rc, out) == (1, "clause reworded: %s\n" % policy["clauses"][0]["id"]), f"rc={rc}\n{out}{err}")

# A decision removed (the advisories that name it must go too, or the
# loader refuses the file: a revision is checked like any policy).
removed = copy.deepcopy(policy)
gone = decision(policy, "general.acupuncture")
removed["decisions"] = [d for d in removed["decisions"] if d["id"] != gone["id"]]
still_cited = {i for d in removed["decisions"] for r in d["rows"] for i in r.get("interpretations", [])}
still_cited |= {i for l in policy["screening"].get("interpretations", {}).values() for i in l}
dropped = [i for i in policy["interpretations"] if i["id"] not in still_cited]
removed["interpretations"] = [i for i in policy["interpretations"] if i["id"] in still_cited]
cited = {c for d in removed["decisions"] for r in d["rows"] for c in r.get("clauses", [])}
cited |= {c for a in policy["advisories"] for c in a.get("clauses", [])}
cited |= {i["clause"] for i in removed["interpretations"]}
cited |= set(policy["screening"]["clauses"].values())
dropped_clauses = [c for c in policy["clauses"] if c["id"] not in cited]
removed["clauses"] = [c for c in policy["clauses"] if c["id"] in cited]
removed_path = write_policy("removed.json", removed)
rc, out, err = run("diff", original, removed_path)
check("decision removed: exact report",
      (rc, out) == (1, "".join("clause removed: %s (%s)\n" % (c["id"], c["heading"]) for c in dropped_clauses) +
                    "".join("interpretation removed: %s (%s)\n" % (i["id"], i["clause"]) for i in dropped) +
                    "decision removed: general.acupuncture (%s)\n" % gone["label"]),
      f"rc={rc}\n{out}{err}")

# An interpretation changed.
reinterpreted = copy.deepcopy(policy)
reinterpreted["interpretations"][0]["reading"] = "Read otherwise."
rc, out, err = run("diff", original, write_policy("reinterpreted.json", reinterpreted))
check("interpretation changed: exact report",
      (rc, out) == (1, "interpretation reworded: %s: reading\n" % policy["interpretations"][0]["id"]),
      f"rc={rc}\n{out}{err}")

# A policy against itself, over every case: nothing, exit 0.
rc, out, err = run("diff", original, original, cases_path)
check("self diff over cases reports nothing",
      (rc, out, err) == (0, "%d cases; 0 (0.0%%) would have a decision change status.\n" % len(cases), ""),
      f"rc={rc}\n{out}{err}")
rc, out, err = run("diff", "--jsonl", original, original, cases_path)
check("self diff --jsonl is empty", (rc, out) == (0, ""), f"rc={rc}\n{out}{err}")


# The moved threshold over cases, against evaluate --batch under each policy.
def statuses(policy_file):
    r = subprocess.run([cli, "--policy", policy_file, "evaluate", "--batch", cases_path],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return [{d["id"]: d["status"] for d in json.loads(l)["decisions"]} for l in r.stdout.splitlines()]


before, after = statuses(original), statuses(moved_path)
expected_lines = []
expected_counts = {}
for n, (b, a) in enumerate(zip(before, after), start=1):
    changes = [(d, b[d], a[d]) for d in b if d in a and b[d] != a[d]]
    if changes:
        expected_lines.append({"line": n, "changes": [{"decision": d, "from": f, "to": t} for d, f, t in changes]})
    for change in changes:
        expected_counts[change] = expected_counts.get(change, 0) + 1
check("the moved threshold changes some cases", len(expected_lines) > 0)

rc, out, err = run("diff", "--jsonl", original, moved_path, cases_path)
check("--jsonl: one line per changed case, as evaluate says",
      rc == 1 and [json.loads(l) for l in out.splitlines()] == expected_lines, f"rc={rc}\n{out}{err}")

rc, out, err = run("diff", "--csv", original, moved_path, cases_path)
rows = out.splitlines()
got = {}
for row in rows[1:]:
    d, f, t, count, share, examples = row.split(",")
    got[(d.strip('"'), f, t)] = int(count)
    first = [e["line"] for e in expected_lines if (d.strip('"'), f, t) in
             [(c["decision"], c["from"], c["to"]) for c in e["changes"]]][:3]
    check("--csv examples are the first lines of %s %s→%s" % (d, f, t),
          [int(x) for x in examples.split()] == first and abs(float(share) - int(count) / len(cases)) < 1e-4,
          row)
check("--csv: header and counts as evaluate says",
      rc == 1 and rows[0] == "decision,from,to,cases,share,example_lines" and got == expected_counts,
      f"{got}\n{expected_counts}")

rc, out, err = run("diff", original, moved_path, cases_path)
changed = len(expected_lines)
check("table: totals line", rc == 1 and
      ("%d cases; %d (%.1f%%) would have a decision change status." % (len(cases), changed, 100 * changed / len(cases))) in out,
      out)

# A decision removed is no transition: its cases are not compared.
# Cases that name it (as an exceptional intervention) the revision cannot
# read: each is reported, and the run ends with exit 2.
rc, out, err = run("diff", "--jsonl", original, removed_path, cases_path)
naming = [n for n, c in enumerate(cases, start=1)
          if "general.acupuncture" in (c["facts"].get("exceptional_interventions") or [])]
reported = [int(l.split(":")[2]) for l in err.splitlines() if l.startswith("under the new policy: ")]
check("removed decision: no transitions; cases naming it reported, exit 2",
      (rc, out) == (2, "") and reported == naming and len(naming) > 0, f"rc={rc}\n{out}{err}")

# A revision that keeps the facts but adds a constraint: the cases it
# breaks are reported under the new policy, with the constraint's member
# and words, exactly as evaluate under the revision reports them, and the
# others are compared. (With the same facts, diff reads each case once and
# checks the new constraints on a copy: this is the test of that path.)
constrained = copy.deepcopy(policy)
constrained["constraints"].append({
    "id": "radicular_months_at_most_six", "member": "radicular_symptom_months",
    "must": {"fact": "radicular_symptom_months", "le": 6},
    "message": "is more than 6 months (a test constraint)"})
constrained_path = write_policy("constrained.json", constrained)
breaking = [n for n, c in enumerate(cases, start=1)
            if (c["facts"].get("radicular_symptom_months") or 0) > 6]
rc, out, err = run("diff", "--jsonl", original, constrained_path, cases_path)
reported = [l for l in err.splitlines() if l.startswith("under the new policy: ")]
r2 = subprocess.run([cli, "--policy", constrained_path, "evaluate", "--batch", cases_path],
                    capture_output=True, text=True)
errors_under_new = {json.loads(l)["line"]: json.loads(l)["error"] for l in r2.stdout.splitlines()
                    if "error" in json.loads(l)}
check("added constraint: the cases it breaks reported with its words, as evaluate says, exit 2",
      rc == 2 and len(breaking) > 0 and [int(l.split(":")[2]) for l in reported] == breaking and
      sorted(errors_under_new) == breaking and
      all("facts.radicular_symptom_months" in l and "a test constraint" in l for l in reported) and
      all(l[len("under the new policy: "):].endswith(errors_under_new[int(l.split(":")[2])].split(": ", 1)[1])
          for l in reported),
      f"rc={rc}\nbreaking={breaking}\n{out}{err}\n{errors_under_new}")
check("added constraint: the other cases compared, no change", out == "", out)

# A revision that narrows a fact's range reads cases differently: each is
# read under both, and those out of the new range are reported.
narrowed = copy.deepcopy(policy)
next(f for f in narrowed["facts"] if f["id"] == "radicular_symptom_months")["max"] = 6
rc, out, err = run("diff", "--jsonl", original, write_policy("narrowed.json", narrowed), cases_path)
reported = [int(l.split(":")[2]) for l in err.splitlines() if l.startswith("under the new policy: ")]
check("narrowed range: cases out of it reported under the new policy, exit 2",
      rc == 2 and reported == breaking and "out of range" in err, f"rc={rc}\n{out}{err}")

# Bad policies.
bad = os.path.join(work, "bad.json")
open(bad, "w").write('{"schema": "spinal-pathways-policy"')
rc, out, err = run("diff", original, bad)
check("truncated policy: exit 2, named", rc == 2 and "bad.json" in err and out == "", f"rc={rc}\n{out}{err}")
broken = copy.deepcopy(policy)
decision(broken, "lumbar.discectomy")["rows"][1]["when"]["all"][4]["any"][0]["fact"] = "no_such_fact"
rc, out, err = run("diff", original, write_policy("broken.json", broken))
check("policy naming an unknown fact: exit 2", rc == 2 and "no_such_fact" in err, f"rc={rc}\n{out}{err}")
rc, out, err = run("diff", original, os.path.join(work, "absent.json"))
check("absent policy: exit 2", rc == 2 and "absent.json" in err, f"rc={rc}\n{err}")
rc, out, err = run("diff", original)
check("one policy only: exit 2", rc == 2, f"rc={rc}\n{err}")

# Bad cases: every line reported on standard error, the good ones still
# counted, exit 2.
mixed = os.path.join(bad_dir, "batch-mixed.jsonl")
n_lines = sum(1 for l in open(mixed) if l.strip())
expect = json.load(open(os.path.join(bad_dir, "batch-mixed.expect.json")))
rc, out, err = run("diff", original, original, mixed)
bad_lines = [l for l in err.splitlines() if l]
check("bad case lines: exit 2, each on standard error",
      rc == 2 and len(bad_lines) > 0 and
      out.startswith("%d cases;" % (n_lines - len(bad_lines))), f"rc={rc}\n{out}{err}")
rc, out, err = run("diff", original, original, os.path.join(work, "absent.jsonl"))
check("absent cases: exit 2", rc == 2 and "absent.jsonl" in err, f"rc={rc}\n{err}")

print("1..%d" % tests)
sys.exit(1 if failures else 0)

#!/usr/bin/env python3
# spinal-pathways-cli audit: every figure checked against counts this test
# computes itself from evaluate --batch and from the input facts; --by;
# .spcase folders; no identifier in the output; bad cases.
#
# Usage: test-audit.py CLI CASES_DIR REPORT_CASES_DIR BAD_CASES_DIR
import atexit, json, os, shutil, subprocess, sys, tempfile

cli, cases_dir, report_cases_dir, bad_dir = sys.argv[1:5]
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
        for line in str(detail).splitlines()[:40]:
            print("#", line)


def run(*args):
    r = subprocess.run([cli, *args], capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


cases = [json.load(open(os.path.join(cases_dir, n)))["case"] for n in sorted(os.listdir(cases_dir))]
# Cases with identity: the audit must read them and never repeat them.
identified = [json.load(open(os.path.join(report_cases_dir, n))) for n in sorted(os.listdir(report_cases_dir))]
cases += identified
cases_path = os.path.join(work, "cases.jsonl")
with open(cases_path, "w") as f:
    for c in cases:
        f.write(json.dumps(c) + "\n")

r = subprocess.run([cli, "evaluate", "--batch", cases_path], capture_output=True, text=True)
assert r.returncode == 0, r.stderr
results = [json.loads(l) for l in r.stdout.splitlines()]


def expected_figures(select):
    figures = {}
    n = 0
    for case, result in zip(cases, results):
        group = select(case)
        if group is None:
            continue
        g = figures.setdefault(group, {"cases": 0, "status": {}, "missing": {}, "red_flag": 0})
        g["cases"] += 1
        missing = set()
        for d in result["decisions"]:
            key = (d["id"], d["status"])
            g["status"][key] = g["status"].get(key, 0) + 1
            missing |= set(d["missing"])
        for fact in missing:
            g["missing"][fact] = g["missing"].get(fact, 0) + 1
        # A red flag sends every decision to urgent referral.
        g["red_flag"] += all(d["status"] == "urgent_referral" for d in result["decisions"])
    return figures


def read_csv(out):
    figures = {}
    lines = out.splitlines()
    assert lines[0] == "group,measure,subject,status,cases,share", lines[0]
    for line in lines[1:]:
        group, measure, subject, status, count, share = line.split(",")
        g = figures.setdefault(group, {"cases": 0, "status": {}, "missing": {}, "red_flag": 0})
        count = int(count)
        if measure == "cases":
            g["cases"] = count
        elif measure == "status" and count:
            g["status"][(subject, status)] = count
        elif measure == "missing":
            g["missing"][subject] = count
        elif measure == "flag" and subject == "red_flag":
            g["red_flag"] = count
    return figures


rc, out, err = run("audit", "--csv", cases_path)
check("--csv: every figure as counted independently",
      rc == 0 and read_csv(out) == expected_figures(lambda c: "all"), f"rc={rc}\n{err}\n{out}")


def setting(case):
    value = case["facts"].get("setting")
    return "not_recorded" if value is None else value


rc, out, err = run("audit", "--csv", "--by", "setting", cases_path)
got = read_csv(out)
want = expected_figures(setting)
# Groups with no case are written too, all zero.
got = {k: v for k, v in got.items() if v["cases"] > 0}
check("--by setting: the figures of each group", rc == 0 and got == want and len(want) > 1,
      f"rc={rc}\n{err}\n{got}\n{want}")

# The text report carries the same totals.
import re
rc, out, err = run("audit", cases_path)
red = re.search(r"^  red_flag +(\d+) ", out, re.M)
check("text: case count and red flags",
      rc == 0 and out.startswith("%d cases\n" % len(cases)) and red and
      int(red.group(1)) == expected_figures(lambda c: "all")["all"]["red_flag"], out[:400])

# No identifier of any case in any output.
identifiers = []
for c in identified:
    identifiers += [v for v in c.get("patient", {}).values() if isinstance(v, str)]
    identifiers += [v for v in c.get("clinician", {}).values() if isinstance(v, str)]
    if c.get("notes"):
        identifiers.append(c["notes"])
identifiers = [i for i in identifiers if len(i) > 3]
outputs = [run("audit", cases_path)[1], run("audit", "--csv", cases_path)[1],
           run("audit", "--by", "setting", cases_path)[1]]
leaks = [i for i in identifiers for o in outputs if i in o or i.replace(" ", "") in o]
check("no identifier in any output", len(identifiers) > 0 and not leaks, leaks)

# A folder of .spcase files (and a folder within it) gives the same figures.
folder = os.path.join(work, "folder")
os.makedirs(os.path.join(folder, "inner"))
for i, c in enumerate(cases):
    sub = folder if i % 2 else os.path.join(folder, "inner")
    with open(os.path.join(sub, "case-%03d.spcase" % i), "w") as f:
        json.dump(c, f, indent=2)
open(os.path.join(folder, "ignored.txt"), "w").write("not a case")
rc, out, err = run("audit", "--csv", folder)
check("folder of .spcase files: the same figures", rc == 0 and read_csv(out) == expected_figures(lambda c: "all"),
      f"rc={rc}\n{err}")

# Bad cases: each reported, the good ones still counted, exit 2.
mixed = os.path.join(bad_dir, "batch-mixed.jsonl")
n_lines = sum(1 for l in open(mixed) if l.strip())
rc, out, err = run("audit", mixed)
bad = [l for l in err.splitlines() if l]
check("bad lines: exit 2, each on standard error, the rest counted",
      rc == 2 and bad and out.startswith("%d cases\n" % (n_lines - len(bad))), f"rc={rc}\n{out[:200]}\n{err}")
rc, out, err = run("audit", os.path.join(bad_dir, "not-json.spcase"), os.path.join(cases_path))
check("a bad .spcase file: exit 2, the rest counted",
      rc == 2 and "not-json.spcase" in err and out.startswith("%d cases\n" % len(cases)), f"rc={rc}\n{err}")
rc, out, err = run("audit", "--by", "conservative_weeks", cases_path)
check("--by a number fact: refused", rc == 2 and out == "", err)
rc, out, err = run("audit", "--by", "no_such_fact", cases_path)
check("--by an unknown fact: refused", rc == 2 and out == "", err)
rc, out, err = run("audit", os.path.join(work, "absent.jsonl"))
check("absent file: exit 2", rc == 2 and "absent.jsonl" in err, err)

print("1..%d" % tests)
sys.exit(1 if failures else 0)

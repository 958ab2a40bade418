#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 Spinal Pathways developers
"""The command line under the pseudo-translation.

  - its help and the summary it exports come out pseudo-translated (the
    report's own words go through gettext), with the policy's words as
    the policy wrote them;
  - its JSON (evaluate, one case and --batch) is byte for byte what it is in
    the C locale: a machine interface does not change with the language.

The tool under test is spinal-pathways-cli built with its catalogue folder
set to LOCALEDIR here (tests/i18n/meson.build), where the pseudo catalogue
is put as en_GB; C.UTF-8 with LANGUAGE=en_GB selects it, as in
test-pseudo-locale.c.

Usage: check-cli-locale.py CLI PSEUDO.mo LOCALEDIR GETTEXT_PACKAGE SOURCE_ROOT
"""

import os
import shutil
import subprocess
import sys

cli, mo, localedir, package, source = sys.argv[1:6]

messages = os.path.join(localedir, "en_GB", "LC_MESSAGES")
os.makedirs(messages, exist_ok=True)
shutil.copyfile(mo, os.path.join(messages, package + ".mo"))

base = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in ("LANG", "LANGUAGE")}
pseudo_env = dict(base, LC_ALL="C.UTF-8", LANGUAGE="en_GB")
plain_env = dict(base, LC_ALL="C")

case = os.path.join(source, "tests", "report", "cases", "lumbar-sciatica-supported.json")
batch = os.path.join(source, "tests", "bad-cases", "batch-mixed.jsonl")
failures = []


def run(args, env):
    done = subprocess.run([cli] + args, env=env, capture_output=True)
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


def pseudo(text):
    return "[" in text and any(c in text for c in "åéîöûŕţšñÅÉÎÖÛŔŢŠÑ")


# The catalogue is found: without it every check below would pass for
# the wrong reason.
code, out, err = run(["--help"], pseudo_env)
if not pseudo(out + err):
    failures.append("--help is not pseudo-translated: the catalogue was not found")

# The summary's own words are translated; the policy's are not.
code, out, err = run(["export", "--text", case], pseudo_env)
if code != 0:
    failures.append("export --text failed: " + err)
else:
    lines = out.splitlines()
    if not pseudo(lines[0]):
        failures.append("the summary's title is not pseudo-translated: " + lines[0])
    if not any(line.startswith("[ÐÉÇÎŠÎÖÑŠ]") for line in lines):
        failures.append("the DECISIONS heading is not pseudo-translated")
    if "Interventions for spinal pain" not in out:
        failures.append("the policy's title is not as the policy writes it")
    if "Lumbar discectomy" not in out:
        failures.append("an intervention's name is not as the policy writes it")
    if "Decision support, not a decision" in out:
        failures.append("the footer's disclaimer is not pseudo-translated")

# The JSON does not change with the language.
for args in (["evaluate", case], ["evaluate", "--batch", batch], ["evaluate", "--brief", case]):
    plain = run(args, plain_env)
    translated = run(args, pseudo_env)
    if plain[1] == "":
        failures.append(" ".join(args) + ": no output")
    if translated[0] != plain[0] or translated[1] != plain[1]:
        failures.append(" ".join(args) + ": the JSON differs under the pseudo-translation")
        for a, b in zip(plain[1].splitlines(), translated[1].splitlines()):
            if a != b:
                failures.append("  C:      " + a[:200])
                failures.append("  pseudo: " + b[:200])
                break
    if pseudo(translated[1]):
        failures.append(" ".join(args) + ": pseudo-translated words in the JSON")

# And the reasons are there to compare: the check is not of empty output.
code, out, err = run(["evaluate", case], plain_env)
if "Met: " not in out:
    failures.append("evaluate: the JSON has no reasons to compare")

for failure in failures:
    print(failure)
print("%d failure(s)" % len(failures))
sys.exit(1 if failures else 0)

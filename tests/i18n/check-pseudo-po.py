#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 Spinal Pathways developers
"""Checks the translation pipeline from sources to catalogue.

  - every message in the template has a pseudo-translation in the .po, that
    differs from the English and is bracketed (po/make-pseudo.py dropped none);
  - every file listed in po/POTFILES.in contributed at least one message (a
    listed file xgettext could not read, or whose strings lost their marks,
    shows up here);
  - messages from each kind of source are there: C with _() and N_(), C_()
    contexts, GtkBuilder files, the desktop file and the AppStream metainfo.

Usage: check-pseudo-po.py TEMPLATE.pot PSEUDO.po POTFILES.in
"""

import importlib.util
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "make_pseudo", os.path.join(here, "..", "..", "po", "make-pseudo.py"))
make_pseudo = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_pseudo)

# (context, msgid, a file it must come from)
EXPECTED = [
    (None, "Supported", "src/core/sp-types.c"),                        # N_() in the core
    (None, "Decisions", "ui/sp-pathway-page-skeleton.ui"),             # a GtkBuilder file, not a template
    (None, "Not recorded", "src/app/sp-choice-row.c"),                # _() in the app
    ("answer", "Yes", "src/app/sp-tri-state.c"),                       # C_()
    (None, "Default care setting", "ui/sp-preferences-window.ui"),     # GtkBuilder
    # The preferences' care settings are the policy's words now
    # (spinal-interventions-strings.c), not GtkStringList items.
    ("policy", "Specialist (MSK interface clinic or spinal service)",
     "data/policy/spinal-interventions-strings.c"),
    (None, "Apply the NHS spinal pain commissioning policy",           # AppStream
     "data/io.github.spinalpathways.SpinalPathways.metainfo.xml.in.in"),
    (None, "Spinal Pathways",                                          # desktop file
     "data/io.github.spinalpathways.SpinalPathways.desktop.in.in"),
]


def key(entry):
    return (entry.get("msgctxt"), entry["msgid"])


def sources(entry):
    files = set()
    for c in entry["comments"]:
        if c.startswith("#:"):
            for ref in c[2:].split():
                files.add(ref.rsplit(":", 1)[0])
    return files


def main(argv):
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    pot = [e for e in make_pseudo.parse(argv[1]) if e["msgid"] or e.get("msgctxt")]
    po = {key(e): e for e in make_pseudo.parse(argv[2]) if e["msgid"] or e.get("msgctxt")}
    errors = []

    for e in pot:
        t = po.get(key(e))
        if t is None:
            errors.append("not in the pseudo .po: %r" % (key(e),))
            continue
        strs = [v for k, v in t.items() if k.startswith("msgstr")]
        for s in strs:
            if s == "" or s == e["msgid"] or "[" not in s or "]" not in s:
                errors.append("not pseudo-translated: %r -> %r" % (key(e), s))
    if len(po) != len(pot):
        errors.append("the .po has %d messages, the template %d" % (len(po), len(pot)))

    contributed = set()
    for e in pot:
        contributed |= sources(e)
    with open(argv[3], encoding="utf-8") as f:
        listed = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    for path in listed:
        if path not in contributed:
            errors.append("%s is in POTFILES.in but gave no message" % path)

    by_key = {key(e): e for e in pot}
    for ctx, msgid, path in EXPECTED:
        e = by_key.get((ctx, msgid))
        if e is None:
            errors.append("missing from the template: %r" % ((ctx, msgid),))
        elif path not in sources(e):
            errors.append("%r is not extracted from %s" % (msgid, path))

    for err in errors:
        print("not ok:", err)
    if errors:
        return 1
    print("%d messages, all pseudo-translated; %d files in POTFILES.in, each with messages"
          % (len(pot), len(listed)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

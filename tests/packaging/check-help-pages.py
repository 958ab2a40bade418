#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 Spinal Pathways developers
"""The help pages are listed alike in the three places that name them.

help/meson.build installs them for Yelp, ui/sp-app.gresource.xml compiles
them in, and sp-help-window.c shows them in order when Yelp cannot. A page
in help/C missing from any of these would be shown by one and not the other.

Usage: check-help-pages.py SOURCE_DIR
"""

import os
import re
import sys


def main(argv):
    root = argv[1]
    on_disk = sorted(f[:-5] for f in os.listdir(os.path.join(root, "help", "C")) if f.endswith(".page"))
    with open(os.path.join(root, "help", "meson.build"), encoding="utf-8") as f:
        installed = sorted(re.findall(r"'([a-z-]+)\.page'", f.read()))
    with open(os.path.join(root, "ui", "sp-app.gresource.xml"), encoding="utf-8") as f:
        compiled = sorted(re.findall(r'alias="help/C/([a-z-]+)\.page"', f.read()))
    with open(os.path.join(root, "src", "app", "sp-help-window.c"), encoding="utf-8") as f:
        source = f.read()
    listing = re.search(r"page_ids\[\] = \{(.*?)\};", source, re.S)
    shown = sorted(re.findall(r'"([a-z-]+)"', listing.group(1))) if listing else []

    errors = []
    for name, pages in (("help/meson.build", installed), ("ui/sp-app.gresource.xml", compiled),
                        ("sp-help-window.c page_ids", shown)):
        if pages != on_disk:
            errors.append(f"{name} lists {pages}, help/C has {on_disk}")
    for e in errors:
        print(e, file=sys.stderr)
    if not errors:
        print(f"{len(on_disk)} help pages, listed alike in all three places")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

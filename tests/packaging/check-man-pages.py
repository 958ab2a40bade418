#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 Spinal Pathways developers
"""The man pages render without a warning and list what the programs do.

Each option and command that a program's --help (and each CLI command's
--help) lists is in its man page's text, and each option in the man page's
OPTIONS section is one the programs have: the two cannot drift apart.

Usage: check-man-pages.py GROFF CLI APP MAN_DIR
"""

import re
import subprocess
import sys


def render(groff, page):
    done = subprocess.run([groff, "-man", "-Tutf8", "-ww", "-P", "-cbou", page],
                          capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


def help_text(program, *args):
    done = subprocess.run([program, *args, "--help"], capture_output=True, text=True,
                          env={"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"})
    return done.stdout


def options_in(text):
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", text))


def section(text, name):
    match = re.search(rf"^{name}\n(.*?)(?=^[A-Z][A-Z ]+\n|\Z)", text, re.S | re.M)
    return match.group(1) if match else ""


def main(argv):
    groff, cli, app, man_dir = argv[1:5]
    errors = []
    pages = {}
    for name in ("spinal-pathways-cli", "spinal-pathways"):
        code, text, warnings = render(groff, f"{man_dir}/{name}.1")
        if code != 0 or warnings.strip():
            errors.append(f"{name}.1 does not render cleanly: {warnings.strip()}")
        pages[name] = text

    cli_help = help_text(cli)
    listed = options_in(section(cli_help.replace("Options:\n", "OPTIONS\n"), "OPTIONS") or cli_help)
    commands = set(re.findall(r"^  ([a-z]+)\b", cli_help.split("Commands:", 1)[1].split("\n\n", 1)[0], re.M))
    for command in ("export", "diff", "audit", "trace"):
        listed |= options_in(help_text(cli, command))
    listed -= {"--help-all", "--help-gapplication"}
    app_listed = options_in(help_text(app))

    for option in sorted(listed):
        if option not in pages["spinal-pathways-cli"]:
            errors.append(f"spinal-pathways-cli.1 does not mention {option}, which the CLI's help lists")
    for command in sorted(commands):
        if not re.search(rf"\b{command}\b", pages["spinal-pathways-cli"]):
            errors.append(f"spinal-pathways-cli.1 does not describe the command {command}")
    for option in sorted(app_listed):
        if option not in pages["spinal-pathways"]:
            errors.append(f"spinal-pathways.1 does not mention {option}, which the app's help lists")

    for option in sorted(options_in(section(pages["spinal-pathways-cli"], "OPTIONS"))):
        if option not in listed:
            errors.append(f"spinal-pathways-cli.1 lists {option}, which the CLI does not have")
    for option in sorted(options_in(section(pages["spinal-pathways"], "OPTIONS"))):
        if option not in app_listed:
            errors.append(f"spinal-pathways.1 lists {option}, which the app does not have")

    for e in errors:
        print(e, file=sys.stderr)
    if not errors:
        print(f"man pages render cleanly; {len(listed)} CLI options, {len(commands)} commands and "
              f"{len(app_listed)} app options in step with the programs")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 Spinal Pathways developers
"""Check the Flatpak manifest: the right app id and command, and no sandbox holes.

Patient data must stay on the clinician's machine, so the sandbox grants a window and GPU
access and nothing else: no network, no file system (files come through the portal), no
session or system bus names.

Usage: check-flatpak-manifest.py MANIFEST.json [APP_ID]
"""

import json
import sys

EXPECTED_APP_ID = "io.github.spinalpathways.SpinalPathways"
EXPECTED_COMMAND = "spinal-pathways"
EXPECTED_RUNTIME = "org.gnome.Platform"
EXPECTED_SDK = "org.gnome.Sdk"
EXPECTED_MODULE = "spinal-pathways"

# Exactly these, each once.
ALLOWED_FINISH_ARGS = [
    "--share=ipc",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
]

# Named for a clearer message; anything outside ALLOWED_FINISH_ARGS fails anyway.
FORBIDDEN_PREFIXES = {
    "--filesystem": "file system access (use the file chooser portal)",
    "--share=network": "network access (patient data must stay on the machine)",
    "--socket=session-bus": "the whole session bus",
    "--socket=system-bus": "the whole system bus",
    "--talk-name": "a session bus name",
    "--system-talk-name": "a system bus name",
    "--own-name": "a bus name beyond the app's own",
    "--socket=x11": "X11 even under Wayland (use --socket=fallback-x11)",
    "--device=all": "every device",
    "--persist": "a persistent home folder",
}


def check(manifest, app_id):
    errors = []

    def expect(key, value):
        if manifest.get(key) != value:
            errors.append(f"{key!r} is {manifest.get(key)!r}, expected {value!r}")

    ids = {k: manifest[k] for k in ("id", "app-id") if k in manifest}
    if not ids:
        errors.append("the manifest has no 'id' (or 'app-id')")
    for key, value in ids.items():
        if value != app_id:
            errors.append(f"{key!r} is {value!r}, expected {app_id!r}")

    expect("command", EXPECTED_COMMAND)
    expect("runtime", EXPECTED_RUNTIME)
    expect("sdk", EXPECTED_SDK)
    if not str(manifest.get("runtime-version", "")).strip():
        errors.append("'runtime-version' is missing")

    finish_args = manifest.get("finish-args", [])
    if not isinstance(finish_args, list) or not all(isinstance(a, str) for a in finish_args):
        errors.append("'finish-args' must be a list of strings")
        finish_args = []

    for arg in finish_args:
        for prefix, why in FORBIDDEN_PREFIXES.items():
            if arg.startswith(prefix):
                errors.append(f"finish-args grants {why}: {arg!r}")
                break
        else:
            if arg not in ALLOWED_FINISH_ARGS:
                errors.append(f"finish-args has {arg!r}, which is not allowed")

    for arg in ALLOWED_FINISH_ARGS:
        count = finish_args.count(arg)
        if count == 0:
            errors.append(f"finish-args lacks {arg!r}")
        elif count > 1:
            errors.append(f"finish-args has {arg!r} {count} times")

    modules = manifest.get("modules", [])
    ours = [m for m in modules if isinstance(m, dict) and m.get("name") == EXPECTED_MODULE]
    if len(ours) != 1:
        errors.append(f"expected exactly one module named {EXPECTED_MODULE!r}")
    else:
        module = ours[0]
        if modules[-1] is not module:
            errors.append(f"the {EXPECTED_MODULE!r} module must be the last one")
        if module.get("buildsystem") != "meson":
            errors.append(f"module {EXPECTED_MODULE!r} must use buildsystem 'meson'")
        opts = module.get("config-opts", [])
        if "-Dbuildtype=release" not in opts:
            errors.append(f"module {EXPECTED_MODULE!r} should build with -Dbuildtype=release")
        if app_id == EXPECTED_APP_ID and "-Ddevelopment=true" in opts:
            errors.append("the release manifest must not set -Ddevelopment=true")
        sources = module.get("sources", [])
        if {"type": "dir", "path": ".."} not in sources:
            errors.append(f"module {EXPECTED_MODULE!r} should build the source tree "
                          "({'type': 'dir', 'path': '..'})")
        # Nor may the build itself reach the network.
        build_args = module.get("build-options", {}).get("build-args", [])
        if "--share=network" in build_args:
            errors.append(f"module {EXPECTED_MODULE!r} builds with network access")

    return errors


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2

    path = argv[1]
    app_id = argv[2] if len(argv) == 3 else EXPECTED_APP_ID

    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        print(f"{path}: cannot read the manifest: {e}", file=sys.stderr)
        return 1

    if not isinstance(manifest, dict):
        print(f"{path}: the manifest is not a JSON object", file=sys.stderr)
        return 1

    errors = check(manifest, app_id)
    for e in errors:
        print(f"{path}: {e}", file=sys.stderr)
    if errors:
        return 1

    print(f"{path}: {app_id} runs {EXPECTED_COMMAND} with {', '.join(ALLOWED_FINISH_ARGS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

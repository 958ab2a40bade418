#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 Spinal Pathways developers
"""Check the Flatpak manifest: the right app id and command, and no sandbox holes.

Patient data must stay on the clinician's machine, so the sandbox grants a window and GPU
access and nothing else: no network, no file system (files come through the portal), no
session or system bus names.

The development manifest builds the checkout (a 'dir' source); the Flathub manifest must
pin its source (a git commit, or an archive with its sha256), since Flathub builds exactly
what was reviewed. Both build with -Dtests=false, so nothing test-only is needed.

--same-as DEV checks that the Flathub manifest differs from the development one only in
its sources, so the two cannot drift apart.

Usage: check-flatpak-manifest.py [--flathub] [--git-dir DIR] [--same-as DEV.json] MANIFEST.json [APP_ID]
"""

import json
import os
import re
import subprocess
import sys

EXPECTED_APP_ID = "io.github.spinalpathways.SpinalPathways"
EXPECTED_COMMAND = "spinal-pathways"
EXPECTED_RUNTIME = "org.gnome.Platform"
EXPECTED_SDK = "org.gnome.Sdk"
EXPECTED_MODULE = "spinal-pathways"

# The oldest GNOME runtime still receiving updates when this was last reviewed
# (GNOME keeps a runtime about a year: two releases). Raise it with each release.
OLDEST_SUPPORTED_RUNTIME = 50

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


def check_runtime_version(manifest, errors):
    version = str(manifest.get("runtime-version", "")).strip()
    if not version:
        errors.append("'runtime-version' is missing")
    elif not re.fullmatch(r"[0-9]+", version):
        errors.append(f"'runtime-version' is {version!r}, expected a GNOME release number")
    elif int(version) < OLDEST_SUPPORTED_RUNTIME:
        errors.append(f"'runtime-version' {version} is out of support "
                      f"(the oldest supported GNOME runtime is {OLDEST_SUPPORTED_RUNTIME})")


def check_sources(module, flathub, git_dir, errors):
    sources = module.get("sources", [])
    if not isinstance(sources, list) or not sources:
        errors.append(f"module {EXPECTED_MODULE!r} has no sources")
        return
    if not flathub:
        if {"type": "dir", "path": ".."} not in sources:
            errors.append(f"module {EXPECTED_MODULE!r} should build the source tree "
                          "({'type': 'dir', 'path': '..'})")
        return
    for source in sources:
        kind = source.get("type") if isinstance(source, dict) else None
        if kind == "git":
            url = source.get("url", "")
            commit = source.get("commit", "")
            if not url.startswith("https://"):
                errors.append(f"git source {url!r} is not fetched over https")
            if not re.fullmatch(r"[0-9a-f]{40}", commit):
                errors.append(f"git source {url!r} is not pinned to a full commit id "
                              f"(commit is {commit!r})")
            elif git_dir and os.path.isdir(git_dir):
                known = subprocess.run(["git", "--git-dir", git_dir, "cat-file", "-e",
                                        commit + "^{commit}"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                if known.returncode != 0:
                    errors.append(f"git source commit {commit} is not in this repository's history")
        elif kind in ("archive", "file"):
            if not re.fullmatch(r"[0-9a-f]{64}", str(source.get("sha256", ""))):
                errors.append(f"{kind} source {source.get('url')!r} has no sha256")
        else:
            errors.append(f"source of type {kind!r} cannot be pinned (Flathub needs git or archive)")


def check(manifest, app_id, flathub=False, git_dir=None):
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
    check_runtime_version(manifest, errors)

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
        if "-Dtests=false" not in opts:
            errors.append(f"module {EXPECTED_MODULE!r} should build with -Dtests=false "
                          "(the runtime has no test tools)")
        check_sources(module, flathub, git_dir, errors)
        # Nor may the build itself reach the network.
        build_args = module.get("build-options", {}).get("build-args", [])
        if "--share=network" in build_args:
            errors.append(f"module {EXPECTED_MODULE!r} builds with network access")

    return errors


def without_sources(manifest):
    copy = json.loads(json.dumps(manifest))
    for module in copy.get("modules", []):
        if isinstance(module, dict):
            module.pop("sources", None)
    return copy


def differences_beyond_sources(manifest, other_path):
    try:
        with open(other_path, encoding="utf-8") as f:
            other = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        return [f"cannot read {other_path}: {e}"]
    ours, theirs = without_sources(manifest), without_sources(other)
    return [f"{key!r} differs from {other_path}: {ours.get(key)!r} against {theirs.get(key)!r}"
            for key in sorted(set(ours) | set(theirs)) if ours.get(key) != theirs.get(key)]


def main(argv):
    args = argv[1:]
    flathub = False
    git_dir = None
    same_as = None
    while args and args[0].startswith("--"):
        option = args.pop(0)
        if option == "--flathub":
            flathub = True
        elif option == "--git-dir" and args:
            git_dir = args.pop(0)
        elif option == "--same-as" and args:
            same_as = args.pop(0)
        else:
            args = []
            break
    if len(args) not in (1, 2):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2

    path = args[0]
    app_id = args[1] if len(args) == 2 else EXPECTED_APP_ID

    try:
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        print(f"{path}: cannot read the manifest: {e}", file=sys.stderr)
        return 1

    if not isinstance(manifest, dict):
        print(f"{path}: the manifest is not a JSON object", file=sys.stderr)
        return 1

    errors = check(manifest, app_id, flathub, git_dir)
    if same_as:
        errors += differences_beyond_sources(manifest, same_as)
    for e in errors:
        print(f"{path}: {e}", file=sys.stderr)
    if errors:
        return 1

    print(f"{path}: {app_id} runs {EXPECTED_COMMAND} with {', '.join(ALLOWED_FINISH_ARGS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 Spinal Pathways developers
#
# Builds the Debian packages from the committed source (a copy, so the
# checkout is not littered), lints them, installs them into a scratch root
# and checks what they put there. Prints where the .debs are.
#
# Usage: bash build-aux/build-deb.sh [OUTPUT_DIR]
#   Needs debhelper, dpkg-dev, fakeroot and lintian (build-aux/install-deps.sh).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$top/_deb}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

fail () { echo "build-deb: $*" >&2; failed=1; }

mkdir -p "$out"
# What is committed, nothing else: build folders and local files stay out.
git -C "$top" archive --format=tar --prefix=spinal-pathways/ HEAD | tar -x -C "$work"
src=$work/spinal-pathways
version=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)

echo "build-deb: building spinal-pathways $version"
(cd "$src" && dpkg-buildpackage -us -uc -b > "$work/build.log" 2>&1) ||
  { tail -40 "$work/build.log"; fail "dpkg-buildpackage failed"; exit 1; }

debs=("$work"/*.deb)
for deb in "${debs[@]}"; do
  echo "build-deb: $(basename "$deb"): $(du -h "$deb" | cut -f1)"
done

# Every tag lintian reports is either fixed or overridden with a reason in
# debian/*.lintian-overrides; anything it still prints is a failure.
if command -v lintian > /dev/null; then
  lintian --fail-on error,warning --display-info "$work"/*.changes > "$work/lintian.log" 2>&1 ||
    { cat "$work/lintian.log"; fail "lintian reports problems"; }
  if [[ -s $work/lintian.log ]]; then
    cat "$work/lintian.log"
    grep -qE '^[EW]:' "$work/lintian.log" && fail "lintian reports errors or warnings"
  fi
  echo "build-deb: lintian: $(grep -cE '^[EWI]:' "$work/lintian.log" || true) tags"
else
  fail "lintian is not installed"
fi

root=$work/root
mkdir -p "$root"
for deb in "${debs[@]}"; do
  dpkg -x "$deb" "$root"
done

must_have () {
  [[ -e $root/$1 ]] || fail "the packages do not install /$1"
}
must_have usr/bin/spinal-pathways
must_have usr/bin/spinal-pathways-cli
must_have usr/share/applications/io.github.spinalpathways.SpinalPathways.desktop
must_have usr/share/metainfo/io.github.spinalpathways.SpinalPathways.metainfo.xml
must_have usr/share/icons/hicolor/scalable/apps/io.github.spinalpathways.SpinalPathways.svg
must_have usr/share/glib-2.0/schemas/io.github.spinalpathways.SpinalPathways.gschema.xml
must_have usr/share/mime/packages/io.github.spinalpathways.SpinalPathways.xml
must_have usr/share/help/C/spinal-pathways/index.page
must_have usr/share/man/man1/spinal-pathways.1.gz
must_have usr/share/man/man1/spinal-pathways-cli.1.gz
must_have usr/share/bash-completion/completions/spinal-pathways-cli
must_have usr/share/doc/spinal-pathways-cli/README.md.gz
must_have usr/share/doc/spinal-pathways-cli/clinical-safety/intended-purpose.md.gz
[[ -z $(find "$root" -path '*/usr/local*' -print -quit) ]] || fail "something is installed under /usr/local"

# The installed CLI runs, with its built-in policy, on a case from the tests.
cli=$root/usr/bin/spinal-pathways-cli
reported=$("$cli" --version) || fail "the installed CLI does not run"
[[ $reported == "spinal-pathways-cli $version"* ]] || fail "the installed CLI reports '$reported', not $version"
case_file=$top/tests/cases/urgent-cauda-equina.json
if [[ -f $case_file ]]; then :; else fail "no test case $case_file"; fi
if [[ -f $case_file ]]; then
  result=$(python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))["case"]))' "$case_file" |
           "$cli" evaluate -) || fail "the installed CLI could not evaluate a case"
  [[ $result == *'"status":"urgent_referral"'* ]] || fail "the installed CLI did not find the red flag"
fi
man -l "$root/usr/share/man/man1/spinal-pathways-cli.1.gz" > /dev/null 2>&1 || fail "the installed man page does not render"

cp "${debs[@]}" "$out/"
if (( failed )); then
  echo "build-deb: FAILED"
  exit 1
fi
echo "build-deb: ok: ${#debs[@]} packages in $out, installed into a scratch root and checked"

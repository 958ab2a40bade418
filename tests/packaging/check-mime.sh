#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 Spinal Pathways developers
#
# Builds a scratch MIME database from the built shared-mime-info package and checks that
# *.spcase files are application/x-spinal-pathways-case, a kind of application/json.
#
# Usage: check-mime.sh UPDATE_MIME_DATABASE MIME_XML

set -euo pipefail
export LC_ALL=C

if (( $# != 2 )); then
  echo "usage: check-mime.sh UPDATE_MIME_DATABASE MIME_XML" >&2
  exit 2
fi

update_mime_database=$1
mime_xml=$2
type=application/x-spinal-pathways-case

tmp=$(mktemp -d "${TMPDIR:-/tmp}/spinal-pathways-mime.XXXXXX")
trap 'rm -rf -- "$tmp"' EXIT

mime=$tmp/mime
mkdir -p "$mime/packages"
cp -- "$mime_xml" "$mime/packages/"

# update-mime-database reports a malformed package on stderr but may still exit 0. Point
# the XDG folders at the scratch one so that it does not warn that nobody will read it.
if ! XDG_DATA_HOME=$tmp XDG_DATA_DIRS=$tmp "$update_mime_database" "$mime" > "$tmp/log" 2>&1 \
   || [[ -s $tmp/log ]]; then
  echo "update-mime-database rejected $mime_xml:" >&2
  cat "$tmp/log" >&2
  exit 1
fi

status=0
if ! grep -qx "$type:\*\.spcase" "$mime/globs"; then
  echo "*.spcase is not mapped to $type" >&2
  status=1
fi
if ! grep -qx "$type application/json" "$mime/subclasses"; then
  echo "$type is not a sub-class of application/json" >&2
  status=1
fi
if [[ ! -f $mime/$type.xml ]] \
   || ! grep -q '<comment>Spinal Pathways case</comment>' "$mime/$type.xml"; then
  echo "$type has no comment \"Spinal Pathways case\"" >&2
  status=1
fi

if (( status == 0 )); then
  echo "*.spcase is $type, a sub-class of application/json"
fi
exit $status

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 Spinal Pathways developers
#
# Installs the build into a scratch DESTDIR and checks the staged tree: every file a
# package needs is there, nothing else is, and the staged command-line tool runs and
# reports the project's version.
#
# Usage:
#   check-install-tree.sh --meson MESON --builddir DIR --app-id ID --version VERSION
#                         --gettext-package NAME --bindir DIR --datadir DIR --localedir DIR
#                         (--with-app | --without-app) [--allow GLOB]...
#
# --bindir, --datadir and --localedir are absolute (prefix already joined). Each --allow
# adds a glob (absolute, as installed, without DESTDIR) that staged files may also match.

set -euo pipefail
export LC_ALL=C

meson=meson
builddir=
app_id=
version=
gettext_package=
bindir=
datadir=
localedir=
with_app=
extra_allowed=()

while (( $# )); do
  case $1 in
    --meson) meson=$2; shift 2 ;;
    --builddir) builddir=$2; shift 2 ;;
    --app-id) app_id=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    --gettext-package) gettext_package=$2; shift 2 ;;
    --bindir) bindir=$2; shift 2 ;;
    --datadir) datadir=$2; shift 2 ;;
    --localedir) localedir=$2; shift 2 ;;
    --with-app) with_app=1; shift ;;
    --without-app) with_app=0; shift ;;
    --allow) extra_allowed+=("$2"); shift 2 ;;
    *) echo "check-install-tree.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

for v in builddir app_id version gettext_package bindir datadir localedir with_app; do
  if [[ -z ${!v} ]]; then
    echo "check-install-tree.sh: --${v//_/-} is required" >&2
    exit 2
  fi
done

destdir=$(mktemp -d "${TMPDIR:-/tmp}/spinal-pathways-install.XXXXXX")
log=$(mktemp "${TMPDIR:-/tmp}/spinal-pathways-install-log.XXXXXX")
trap 'rm -rf -- "$destdir" "$log"' EXIT

# A live prefix would also run the cache updates of gnome.post_install(); with DESTDIR set
# meson skips them, as packagers expect.
if ! "$meson" install -C "$builddir" --no-rebuild --quiet --destdir "$destdir" \
       > "$log" 2>&1; then
  echo "not ok: meson install failed:" >&2
  cat "$log" >&2
  if grep -q "could not be found" "$log"; then
    echo "(meson test builds only what tests depend on: add the target to installed_targets)" >&2
  fi
  exit 1
fi

status=0

# Files that must be installed.
expected=(
  "$bindir/spinal-pathways-cli"
  "$datadir/mime/packages/$app_id.xml"
)
if (( with_app )); then
  expected+=(
    "$bindir/spinal-pathways"
    "$datadir/applications/$app_id.desktop"
    "$datadir/metainfo/$app_id.metainfo.xml"
    "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
    "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
    "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
  )
  # Every help page, for Yelp (help:spinal-pathways).
  for page in "$(dirname "$0")"/../../help/C/*.page; do
    expected+=("$datadir/help/C/$gettext_package/${page##*/}")
  done
fi

# Files that may be installed: the expected ones, translations, and any --allow globs.
allowed=(
  "${expected[@]}"
  "$localedir/*/LC_MESSAGES/$gettext_package.mo"
  "${extra_allowed[@]}"
)

for f in "${expected[@]}"; do
  if [[ ! -f $destdir$f ]]; then
    echo "missing: $f" >&2
    status=1
  fi
done

for f in "$bindir/spinal-pathways-cli" "$bindir/spinal-pathways"; do
  if [[ -f $destdir$f && ! -x $destdir$f ]]; then
    echo "not executable: $f" >&2
    status=1
  fi
done

nfiles=0
while IFS= read -r -d '' staged; do
  f=${staged#"$destdir"}
  nfiles=$((nfiles + 1))
  ok=0
  for pattern in "${allowed[@]}"; do
    # Unquoted on the right: a glob, where * also matches /.
    # shellcheck disable=SC2053
    if [[ $f == $pattern ]]; then
      ok=1
      break
    fi
  done
  if (( ! ok )); then
    echo "unexpected file installed: $f" >&2
    status=1
  fi
done < <(find "$destdir" \( -type f -o -type l \) -print0)

if (( nfiles == 0 )); then
  echo "not ok: meson install staged no files" >&2
  exit 1
fi

# The desktop file must launch the staged binary and name the staged icon.
desktop=$destdir$datadir/applications/$app_id.desktop
if (( with_app )) && [[ -f $desktop ]]; then
  if ! grep -qx "Icon=$app_id" "$desktop"; then
    echo "$datadir/applications/$app_id.desktop: Icon is not $app_id" >&2
    status=1
  fi
  exec_line=$(sed -n 's/^Exec=//p' "$desktop" | head -n 1)
  if [[ ${exec_line%% *} != spinal-pathways ]]; then
    echo "$datadir/applications/$app_id.desktop: Exec does not run spinal-pathways: $exec_line" >&2
    status=1
  fi
fi

# The staged tool must run (no build-tree rpath left behind) and print the version.
cli=$destdir$bindir/spinal-pathways-cli
if [[ -x $cli ]]; then
  if ! output=$("$cli" --version 2>&1); then
    echo "staged spinal-pathways-cli --version failed:" >&2
    printf '%s\n' "$output" >&2
    status=1
  elif [[ ! " $output " =~ [^0-9.]${version//./\\.}[^0-9] ]]; then
    echo "staged spinal-pathways-cli --version does not print $version:" >&2
    printf '%s\n' "$output" >&2
    status=1
  fi
fi

if (( status == 0 )); then
  echo "meson install staged $nfiles files, all expected; spinal-pathways-cli reports $version"
fi
exit $status

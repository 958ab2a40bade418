#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the project the way the Flatpak manifest does (its own meson
# config-opts, prefix /app), installs it into a staging folder, and runs the
# installed command-line tool from there. flatpak-builder itself cannot run
# here (no SDK, no network), so this is the closest honest check.
#
# Usage: check-flatpak-build.sh SOURCE_DIR MANIFEST
set -euo pipefail
source_dir=$1
manifest=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mapfile -t options < <(python3 - "$manifest" <<'PY'
import json, sys
manifest = json.load(open(sys.argv[1]))
module = next(m for m in manifest["modules"] if isinstance(m, dict) and m.get("buildsystem") == "meson")
for option in module.get("config-opts", []):
    print(option)
PY
)
command=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["command"])' "$manifest")

echo "manifest options: ${options[*]}"
# The GNOME SDK has no poppler-utils, Xvfb or xdotool, and the build must not
# reach for python3: the build runs with those hidden from PATH, so a build
# that needs them fails here as it would in flatpak-builder.
hidden=" pdftotext pdfinfo xvfb-run Xvfb xdotool python3 python "
mkdir "$work/bin"
IFS=: read -ra path_dirs <<<"$PATH"
for dir in "${path_dirs[@]}"; do
  [ -d "$dir" ] || continue
  for tool in "$dir"/*; do
    name=${tool##*/}
    case $hidden in *" $name "*) continue ;; esac
    [ -x "$tool" ] && [ ! -e "$work/bin/$name" ] && ln -s "$tool" "$work/bin/$name"
  done
done
meson_prog=$(command -v meson)
PATH=$work/bin "$meson_prog" setup "$work/build" "$source_dir" --prefix=/app "${options[@]}" >"$work/setup.log" 2>&1 ||
  { cat "$work/setup.log"; exit 1; }
PATH=$work/bin "$meson_prog" compile -C "$work/build" >"$work/compile.log" 2>&1 || { tail -50 "$work/compile.log"; exit 1; }
DESTDIR="$work/stage" meson install -C "$work/build" --no-rebuild >"$work/install.log" 2>&1 ||
  { cat "$work/install.log"; exit 1; }

stage=$work/stage/app
test -x "$stage/bin/$command" || { echo "the manifest's command $command is not installed"; exit 1; }
test -x "$stage/bin/spinal-pathways-cli"

# Captured, not piped to grep -q: grep leaving early would kill the CLI
# with SIGPIPE, which pipefail reports as a failure.
version=$("$stage/bin/spinal-pathways-cli" --version)
case $version in
  'spinal-pathways-cli '*) ;;
  *) echo "the staged CLI printed an unexpected version: $version"; exit 1 ;;
esac
result=$(printf '%s' '{"format":"spinal-pathways-case","format_version":1,"facts":{"red_flag_cauda_equina":true}}' |
         "$stage/bin/spinal-pathways-cli" evaluate -)
case $result in
  *'"status":"urgent_referral"'*) ;;
  *) echo "the staged CLI did not evaluate a case: $result"; exit 1 ;;
esac
echo "staged /app tree built with the manifest's options; the installed CLI runs"

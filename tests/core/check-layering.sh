#!/usr/bin/env bash
# The core must not depend on GTK or libadwaita: the CLI, the tests and the
# benchmarks link it without a display. The build already has no GTK include
# path for src/core; this check also proves a GTK include there fails to build.
set -euo pipefail
source_dir=$1
cc=${CC:-cc}

if grep -rnE '#\s*include\s*[<"](gtk|adwaita|gdk)' "$source_dir/src/core"; then
  echo "src/core includes GTK or libadwaita" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '#include <gtk/gtk.h>\n#include "sp-types.h"\n' > "$work/probe.c"
# Even with GTK's include path given, sp-types.h refuses to be built with it.
if "$cc" -fsyntax-only -DSP_CORE_COMPILATION $(pkg-config --cflags gtk4 glib-2.0) -I"$source_dir/src/core" "$work/probe.c" 2>"$work/log"; then
  echo "a GTK include in src/core compiled" >&2
  exit 1
fi
grep -q "src/core must not include GTK" "$work/log"
echo "src/core refuses GTK"

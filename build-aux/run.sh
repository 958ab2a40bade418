#!/usr/bin/env bash
# Builds Spinal Pathways and starts it from the build folder (no install
# needed): the window when a display is available, else the command line.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

bash build-aux/install-deps.sh
[ -d _build ] || meson setup _build
meson compile -C _build

if [ -x _build/src/app/spinal-pathways ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  exec meson devenv -C _build ./src/app/spinal-pathways "$@"
fi

echo "No display (or no window built): here is the command line." >&2
exec _build/src/cli/spinal-pathways-cli --help

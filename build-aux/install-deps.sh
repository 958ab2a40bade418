#!/usr/bin/env bash
# Installs the Debian 12 packages needed to build, run and test Spinal
# Pathways, when any is missing. Runs apt-get as root, or through sudo.
set -euo pipefail

packages=(
  # build
  gcc meson ninja-build pkg-config gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  libcairo2-dev libpango1.0-dev
  # gtk4-encode-symbolic-svg, which pre-renders the tab icons
  libgtk-4-bin librsvg2-common
  # tests: a display for widget tests, desktop-file and AppStream validators,
  # PDF text extraction and rendering, fonts for accented and non-Latin names
  xvfb xauth dbus desktop-file-utils appstream poppler-utils
  # real key presses for the keyboard-only walk
  xdotool
  fonts-dejavu-core fonts-noto-core fonts-noto-cjk
  python3
  # the fuzzers (libFuzzer) and the clang UndefinedBehaviorSanitizer build
  clang clang-14 libclang-rt-14-dev
  # the help pages validated (yelp-check), the man pages rendered, the bash
  # completion loaded, the Debian package built and linted
  yelp-tools man-db groff-base bash-completion
  debhelper dpkg-dev fakeroot lintian
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  echo "install-deps: these packages are missing and neither root nor sudo is available: ${missing[*]}" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2

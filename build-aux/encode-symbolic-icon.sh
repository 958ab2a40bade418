#!/bin/sh
# Renders a symbolic SVG icon to GTK's recolourable .symbolic.png at one size.
# Usage: encode-symbolic-icon.sh ENCODER INPUT.svg SIZE OUTPUT.symbolic.png
#
# The app's own icons ship pre-rendered: loading an SVG at run time pulls in
# librsvg, libxml2 and ICU, about 8 MiB of memory and tens of milliseconds
# of start-up, for five small tab icons. The Adwaita theme ships its
# symbolic icons the same way.
set -eu
encoder=$1 input=$2 size=$3 output=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$encoder" -o "$work" "$input" "${size}x${size}"
mv "$work/$(basename "$input" .svg).symbolic.png" "$output"

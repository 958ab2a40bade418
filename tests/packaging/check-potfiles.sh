#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 Spinal Pathways developers
#
# Checks po/POTFILES.in against the source tree:
#   - every file under src/ or ui/ with translatable strings is listed;
#   - every data/ template that msgfmt merges translations into is listed;
#   - every listed file exists;
#   - the list is sorted (LC_ALL=C) and has no duplicates.
#
# Usage: check-potfiles.sh [SOURCE_ROOT]   (default: two folders above this script)

set -euo pipefail
export LC_ALL=C

srcdir=${1:-"$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"}
potfiles="$srcdir/po/POTFILES.in"

if [[ ! -f $potfiles ]]; then
  echo "not ok: $potfiles does not exist" >&2
  exit 1
fi

cd "$srcdir"
status=0

# The listed files: comments and blank lines dropped, surrounding spaces trimmed.
mapfile -t listed < <(sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' \
                        -e '/^$/d' po/POTFILES.in)

# Listed files must exist.
for f in "${listed[@]}"; do
  if [[ ! -f $f ]]; then
    echo "POTFILES.in lists $f, which does not exist" >&2
    status=1
  fi
done

# The list must be sorted, without duplicates.
if ! printf '%s\n' "${listed[@]}" | sort -c -u 2>/dev/null; then
  echo "POTFILES.in is not sorted (LC_ALL=C sort -u); it should read:" >&2
  printf '%s\n' "${listed[@]}" | sort -u | sed 's/^/  /' >&2
  status=1
fi

# Files with translatable strings. In C: _(), N_(), C_(), NC_(), ngettext() and g_dngettext(),
# allowing GNU style's space before the parenthesis but not a longer identifier such as
# foo_(). In GtkBuilder files: translatable="yes" (or "true", "1").
# g_dpgettext2 marks a message only when the message is written there
# (sp_policy_gettext passes the policy's words through it).
c_marks='(^|[^A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext)[[:space:]]*\(|g_dpgettext2[[:space:]]*\([^)]*"[^"]*"[[:space:]]*\)'
ui_marks='translatable[[:space:]]*=[[:space:]]*"(yes|true|1)"'

needed=()
for dir in src ui; do
  [[ -d $dir ]] || continue
  while IFS= read -r -d '' f; do
    f=${f#./}
    if grep -Iq -E -e "$c_marks" -e "$ui_marks" -- "$f"; then
      needed+=("$f")
    fi
  done < <(find "$dir" -type f \
             \( -name '*.c' -o -name '*.h' -o -name '*.ui' -o -name '*.xml' -o -name '*.in' \) \
             -print0)
done

# Templates in data/ that i18n.merge_file() translates.
while IFS= read -r -d '' f; do
  needed+=("${f#./}")
done < <(find data -maxdepth 1 -type f \
           \( -name '*.desktop.in*' -o -name '*.metainfo.xml.in*' -o -name '*.mime.xml.in*' \) \
           -print0 2>/dev/null)

for f in "${needed[@]}"; do
  found=0
  for l in "${listed[@]}"; do
    if [[ $l == "$f" ]]; then
      found=1
      break
    fi
  done
  if (( ! found )); then
    echo "$f has translatable strings but is missing from po/POTFILES.in" >&2
    status=1
  fi
done

if (( status == 0 )); then
  echo "po/POTFILES.in lists ${#listed[@]} files, sorted; nothing translatable is missing"
fi
exit $status

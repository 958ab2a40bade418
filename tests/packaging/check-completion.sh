#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 Spinal Pathways developers
#
# The bash completion loads in a plain bash, completes commands, each
# command's options (checked against the CLI's own help, so they cannot
# drift apart) and the files each command reads.
#
# Usage: check-completion.sh COMPLETION_FILE CLI
set -uo pipefail
completion=$(realpath "$1")
cli=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
touch "$work/a.spcase" "$work/b.jsonl" "$work/c.pdf" "$work/d.txt"
failed=0

complete_words () {
  # $@: the words typed so far, the last one being completed.
  bash --norc --noprofile -c '
    shopt -s extglob
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    _spinal_pathways_cli
    printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "' _ "$completion" "$@"
}

expect () {
  local want=$1; shift
  local got
  got=$(cd "$work" && complete_words "$@")
  if [[ "$got" != "$want" ]]; then
    echo "completing '$*': got '$got', want '$want'"
    failed=1
  fi
}

expect "evaluate export " spinal-pathways-cli e
expect "--batch --brief " spinal-pathways-cli evaluate --b
expect "a.spcase b.jsonl " spinal-pathways-cli evaluate ""
expect "a.spcase b.jsonl " spinal-pathways-cli --policy p.json evaluate --batch ""
expect "c.pdf " spinal-pathways-cli export --pdf ""
expect "--csv --help --jsonl " spinal-pathways-cli diff --
expect "b.jsonl " spinal-pathways-cli diff old.json new.json b

# Every option a command's help lists is completed for it.
for command in export diff audit trace; do
  listed=$("$cli" "$command" --help 2>/dev/null | grep -oE '^ +--[a-z][a-z-]*' | tr -d ' ' | sort -u)
  offered=$(cd "$work" && complete_words spinal-pathways-cli "$command" -- | tr ' ' '\n' | sort -u)
  missing=$(comm -23 <(echo "$listed") <(echo "$offered"))
  if [[ -n $missing ]]; then
    echo "$command: its help lists options the completion does not offer: $missing"
    failed=1
  fi
done
listed=$("$cli" --help | sed -n '/^Options:/,/^$/p' | grep -oE '^ +--[a-z][a-z-]*' | tr -d ' ' | sort -u)
offered=$(cd "$work" && complete_words spinal-pathways-cli -- | tr ' ' '\n' | sort -u)
missing=$(comm -23 <(echo "$listed") <(echo "$offered"))
if [[ -n $missing ]]; then
  echo "global options the completion does not offer: $missing"
  failed=1
fi
commands=$("$cli" --help | sed -n '/^Commands:/,/^$/p' | grep -oE '^  [a-z]+' | tr -d ' ' | sort -u)
offered=$(cd "$work" && complete_words spinal-pathways-cli "" | tr ' ' '\n' | sort -u)
missing=$(comm -23 <(echo "$commands") <(echo "$offered"))
if [[ -n $missing ]]; then
  echo "commands the completion does not offer: $missing"
  failed=1
fi

[[ $failed -eq 0 ]] && echo "bash completion: commands, options and files as the CLI's help lists them"
exit $failed

/* sp-cli-diff.h: spinal-pathways-cli diff
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SP_CLI_DIFF_USAGE \
  "  spinal-pathways-cli diff [--csv|--jsonl] OLD.json NEW.json [CASES.jsonl]\n"

/* @argv[0] is "diff". Exit 0 nothing changes, 1 something does, 2 trouble. */
int sp_cli_diff_run (int argc, char **argv);

G_END_DECLS

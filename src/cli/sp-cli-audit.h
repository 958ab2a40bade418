/* sp-cli-audit.h: spinal-pathways-cli audit
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SP_CLI_AUDIT_USAGE \
  "  spinal-pathways-cli [--policy FILE] audit [--csv] [--by FACT] CASES.jsonl|FOLDER…\n"

/* @argv[0] is "audit"; @policy_path is a --policy given before it, or NULL. */
int sp_cli_audit_run (const char *policy_path, int argc, char **argv);

G_END_DECLS

/* sp-cli-trace.h: spinal-pathways-cli trace
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SP_CLI_TRACE_USAGE \
  "  spinal-pathways-cli [--policy FILE] trace [--csv] [--tests DIR]\n"

/* @argv[0] is "trace"; @policy_path is a --policy given before it, or NULL. */
int sp_cli_trace_run (const char *policy_path, int argc, char **argv);

G_END_DECLS

/* sp-cli-export.h: spinal-pathways-cli export
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-core.h"

G_BEGIN_DECLS

#define SP_CLI_EXPORT_USAGE \
  "  spinal-pathways-cli [--policy FILE] export --pdf OUT.pdf [--no-identifiers] [--no-appendix] CASE.json|-\n" \
  "  spinal-pathways-cli [--policy FILE] export --text [--no-identifiers] [--no-appendix] CASE.json|-\n"

int sp_cli_export (SpPolicy  *policy,
                   int        argc,
                   char     **argv);

G_END_DECLS

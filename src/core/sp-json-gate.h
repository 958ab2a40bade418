/* sp-json-gate.h: one strict reading of JSON before any parser sees it
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-types.h"

G_BEGIN_DECLS

/* The contract: nesting deeper than this is an error, never a stack. */
#define SP_JSON_GATE_MAX_DEPTH 64

/* Sizes no real input comes near; past them an input is refused with a
 * clear error rather than read (README, "Limits"). */
#define SP_CASE_FILE_MAX_SIZE   (1024 * 1024)
#define SP_BATCH_LINE_MAX_SIZE  (1024 * 1024)
#define SP_POLICY_FILE_MAX_SIZE (8 * 1024 * 1024)

gboolean sp_json_gate_check (const char  *data,
                             gsize        length,
                             const char  *file,
                             SpError      code,
                             gsize       *offset,
                             GError     **error);

G_END_DECLS

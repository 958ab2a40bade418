/* sp-boolean-row.h: a yes/no question
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-fact-row.h"

G_BEGIN_DECLS

#define SP_TYPE_BOOLEAN_ROW (sp_boolean_row_get_type ())

G_DECLARE_FINAL_TYPE (SpBooleanRow, sp_boolean_row, SP, BOOLEAN_ROW, AdwActionRow)

G_END_DECLS

/* sp-number-row.h: a number, in the fact's unit and range
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-fact-row.h"

G_BEGIN_DECLS

#define SP_TYPE_NUMBER_ROW (sp_number_row_get_type ())

G_DECLARE_FINAL_TYPE (SpNumberRow, sp_number_row, SP, NUMBER_ROW, AdwActionRow)

G_END_DECLS

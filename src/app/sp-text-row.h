/* sp-text-row.h: free text, checked as typed
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-fact-row.h"

G_BEGIN_DECLS

#define SP_TYPE_TEXT_ROW (sp_text_row_get_type ())

G_DECLARE_FINAL_TYPE (SpTextRow, sp_text_row, SP, TEXT_ROW, AdwActionRow)

G_END_DECLS

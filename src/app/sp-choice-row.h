/* sp-choice-row.h: a question with one answer from the policy's list
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-fact-row.h"

G_BEGIN_DECLS

#define SP_TYPE_CHOICE_ROW (sp_choice_row_get_type ())

G_DECLARE_FINAL_TYPE (SpChoiceRow, sp_choice_row, SP, CHOICE_ROW, AdwComboRow)

G_END_DECLS

/* sp-list-row.h: a question with any number of answers from a list
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-fact-row.h"

G_BEGIN_DECLS

#define SP_TYPE_LIST_ROW (sp_list_row_get_type ())

G_DECLARE_FINAL_TYPE (SpListRow, sp_list_row, SP, LIST_ROW, AdwExpanderRow)

GtkWidget *sp_list_row_get_choice_button (SpListRow  *self,
                                          const char *choice_id);

G_END_DECLS

/* sp-fact-row.h: what every row that asks one fact of the policy does
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The core first: it refuses to be included after GTK. */
#include "sp-core.h"

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_FACT_ROW (sp_fact_row_get_type ())

G_DECLARE_INTERFACE (SpFactRow, sp_fact_row, SP, FACT_ROW, AdwPreferencesRow)

GtkWidget *sp_fact_row_new              (SpCase     *case_,
                                         SpFact     *fact) G_GNUC_WARN_UNUSED_RESULT;
SpFact    *sp_fact_row_get_fact         (SpFactRow  *self);
GtkWidget *sp_fact_row_get_input        (SpFactRow  *self);
GtkWidget *sp_fact_row_get_clear_button (SpFactRow  *self);
gboolean   sp_fact_row_focus_input      (SpFactRow  *self);
void       sp_fact_row_set_compact      (SpFactRow  *self,
                                         gboolean    compact);
void       sp_fact_row_set_implied      (SpFactRow  *self,
                                         const char *answer,
                                         const char *because);

G_END_DECLS

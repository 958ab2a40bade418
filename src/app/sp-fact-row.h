/* sp-fact-row.h: the row that asks one fact of the policy
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The core first: it refuses to be included after GTK. */
#include "sp-core.h"

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *sp_fact_row_new               (SpCase     *case_,
                                          SpFact     *fact) G_GNUC_WARN_UNUSED_RESULT;
SpFact    *sp_fact_row_get_fact          (GtkWidget  *row);
GtkWidget *sp_fact_row_get_input         (GtkWidget  *row);
GtkWidget *sp_fact_row_get_choice_button (GtkWidget  *row,
                                          const char *choice_id);
GtkWidget *sp_fact_row_get_clear_button  (GtkWidget  *row);
gboolean   sp_fact_row_focus_input       (GtkWidget  *row);
void       sp_fact_row_set_compact       (GtkWidget  *row,
                                          gboolean    compact);
void       sp_fact_row_set_implied       (GtkWidget  *row,
                                          const char *answer,
                                          const char *because);

G_END_DECLS

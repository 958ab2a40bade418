/* sp-decision-row.h: one decision, its status and its reasons
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The core first: it refuses to be included after GTK. */
#include "sp-core.h"

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_DECISION_ROW (sp_decision_row_get_type ())

G_DECLARE_FINAL_TYPE (SpDecisionRow, sp_decision_row, SP, DECISION_ROW, AdwExpanderRow)

GtkWidget   *sp_decision_row_new                  (SpCase        *case_,
                                                   SpDecision    *decision) G_GNUC_WARN_UNUSED_RESULT;
void         sp_decision_row_set_compact          (SpDecisionRow *self,
                                                   gboolean       compact);
SpDecision  *sp_decision_row_get_decision         (SpDecisionRow *self);
GtkLabel    *sp_decision_row_get_status_label     (SpDecisionRow *self);
GtkWidget   *sp_decision_row_get_exceptional_check (SpDecisionRow *self);
GtkWidget   *sp_decision_row_get_missing_button   (SpDecisionRow *self,
                                                   const char    *fact_id);

const char  *sp_status_get_icon_name              (SpStatus       status);
const char  *sp_status_get_style_class            (SpStatus       status);

GtkWidget   *sp_decision_row_get_funding_needs_button (SpDecisionRow *self);

G_END_DECLS

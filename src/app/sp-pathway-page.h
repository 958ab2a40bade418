/* sp-pathway-page.h: the questions and decisions of one pathway
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The core first: it refuses to be included after GTK. */
#include "sp-core.h"

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_PATHWAY_PAGE (sp_pathway_page_get_type ())

G_DECLARE_FINAL_TYPE (SpPathwayPage, sp_pathway_page, SP, PATHWAY_PAGE, GtkWidget)

GtkWidget  *sp_pathway_page_new                (SpEvaluation  *evaluation,
                                                const char    *pathway_id,
                                                GtkWidget     *leading_group,
                                                GtkWidget     *trailing_group) G_GNUC_WARN_UNUSED_RESULT;
const char *sp_pathway_page_get_pathway_id     (SpPathwayPage *self);
GtkWidget  *sp_pathway_page_lookup_fact_row    (SpPathwayPage *self,
                                                const char    *fact_id);
GtkWidget  *sp_pathway_page_lookup_decision_row (SpPathwayPage *self,
                                                const char    *decision_id);
GList      *sp_pathway_page_list_fact_rows     (SpPathwayPage *self);
GList      *sp_pathway_page_list_decision_rows (SpPathwayPage *self);
GtkWidget  *sp_pathway_page_get_advice_group   (SpPathwayPage *self);
gboolean    sp_pathway_page_get_narrow         (SpPathwayPage *self);
void        sp_pathway_page_scroll_by          (SpPathwayPage *self,
                                                double         dy);
void        sp_pathway_page_show_decisions     (SpPathwayPage *self);
gboolean    sp_pathway_page_focus_fact         (SpPathwayPage *self,
                                                const char    *fact_id);

G_END_DECLS

/* sp-evaluation.h: the policy's answers for one case, kept up to date
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include <json-glib/json-glib.h>

#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_EVALUATION (sp_evaluation_get_type ())

G_DECLARE_FINAL_TYPE (SpEvaluation, sp_evaluation, SP, EVALUATION, GObject)

SpEvaluation *sp_evaluation_new                     (SpCase       *case_) G_GNUC_WARN_UNUSED_RESULT;
void          sp_evaluation_set_today               (SpEvaluation *self,
                                                     const char   *today);
SpCase       *sp_evaluation_get_case                (SpEvaluation *self);
GListModel   *sp_evaluation_get_decisions           (SpEvaluation *self);
GListModel   *sp_evaluation_get_advisories          (SpEvaluation *self);
SpDecision   *sp_evaluation_lookup_decision         (SpEvaluation *self,
                                                     const char   *decision_id);
gboolean      sp_evaluation_has_advisory            (SpEvaluation *self,
                                                     const char   *advisory_id);
gboolean      sp_evaluation_is_urgent               (SpEvaluation *self);
gboolean      sp_evaluation_is_screening_complete   (SpEvaluation *self);
gboolean      sp_evaluation_has_serious_pathology   (SpEvaluation *self);
char         *sp_evaluation_dup_red_flag_summary    (SpEvaluation *self);
char         *sp_evaluation_dup_serious_pathology_summary (SpEvaluation *self);
guint         sp_evaluation_count_needing_information (SpEvaluation *self,
                                                     const char   *pathway);
void          sp_evaluation_refresh                 (SpEvaluation *self);
char         *sp_evaluation_dup_banner_text         (SpEvaluation *self,
                                                     const char   *banner);
gboolean      sp_evaluation_is_implied              (SpEvaluation *self,
                                                     const char   *fact_id);
JsonNode     *sp_evaluation_dup_implied_value       (SpEvaluation *self,
                                                     const char   *fact_id);
char         *sp_evaluation_describe_implied        (SpEvaluation *self,
                                                     const char   *fact_id);
GStrv         sp_evaluation_dup_implied_because     (SpEvaluation *self,
                                                     const char   *fact_id);

G_END_DECLS

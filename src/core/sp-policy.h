/* sp-policy.h: the commissioning policy, read from data
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sp-types.h"

G_BEGIN_DECLS

#define SP_POLICY_SCHEMA         "spinal-pathways-policy"
#define SP_POLICY_SCHEMA_VERSION 1

#define SP_TYPE_POLICY (sp_policy_get_type ())

G_DECLARE_FINAL_TYPE (SpPolicy, sp_policy, SP, POLICY, GObject)

SpPolicy           *sp_policy_new_default          (GError     **error) G_GNUC_WARN_UNUSED_RESULT;
SpPolicy           *sp_policy_new_from_file        (GFile       *file,
                                                    GError     **error) G_GNUC_WARN_UNUSED_RESULT;
SpPolicy           *sp_policy_new_from_bytes       (GBytes      *bytes,
                                                    const char  *display_name,
                                                    GError     **error) G_GNUC_WARN_UNUSED_RESULT;

const char         *sp_policy_get_id               (SpPolicy    *self);
const char         *sp_policy_get_title            (SpPolicy    *self);
const char         *sp_policy_get_version          (SpPolicy    *self);
const char         *sp_policy_get_effective_date   (SpPolicy    *self);
const char         *sp_policy_get_source_note      (SpPolicy    *self);
guint               sp_policy_get_review_cycle_years (SpPolicy  *self);
const char         *sp_policy_get_sha256           (SpPolicy    *self);
gboolean            sp_policy_is_built_in          (SpPolicy    *self);
gboolean            sp_policy_is_adopted           (SpPolicy    *self);
const char         *sp_policy_get_display_name     (SpPolicy    *self);
const char * const *sp_policy_get_references       (SpPolicy    *self);
const char * const *sp_policy_get_pathway_ids      (SpPolicy    *self);
const char         *sp_policy_get_pathway_label    (SpPolicy    *self,
                                                    const char  *pathway_id);

GListModel         *sp_policy_get_facts            (SpPolicy    *self);
GListModel         *sp_policy_get_decisions        (SpPolicy    *self);
GListModel         *sp_policy_get_clauses          (SpPolicy    *self);
GListModel         *sp_policy_get_interpretations  (SpPolicy    *self);
GListModel         *sp_policy_get_advisories       (SpPolicy    *self);

guint               sp_policy_get_n_facts          (SpPolicy    *self);
SpFact             *sp_policy_get_fact             (SpPolicy    *self,
                                                    guint        index);
guint               sp_policy_get_n_decisions      (SpPolicy    *self);
SpDecisionRule     *sp_policy_get_decision         (SpPolicy    *self,
                                                    guint        index);

SpFact             *sp_policy_lookup_fact          (SpPolicy    *self,
                                                    const char  *fact_id);
SpDecisionRule     *sp_policy_lookup_decision      (SpPolicy    *self,
                                                    const char  *decision_id);
SpClause           *sp_policy_lookup_clause        (SpPolicy    *self,
                                                    const char  *clause_id);
SpInterpretation   *sp_policy_lookup_interpretation (SpPolicy   *self,
                                                    const char  *interpretation_id);

SpFact             *sp_policy_get_exceptional_impairment_fact (SpPolicy *self);
SpFact             *sp_policy_get_care_setting_fact           (SpPolicy *self);
SpFact             *sp_policy_get_assessment_date_fact        (SpPolicy *self);
gboolean            sp_policy_is_red_flag          (SpPolicy    *self,
                                                    SpFact      *fact);
gboolean            sp_policy_is_screening_fact    (SpPolicy    *self,
                                                    SpFact      *fact);

G_END_DECLS

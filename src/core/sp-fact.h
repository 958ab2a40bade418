/* sp-fact.h: one fact of the policy's vocabulary
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_FACT (sp_fact_get_type ())

G_DECLARE_FINAL_TYPE (SpFact, sp_fact, SP, FACT, GObject)

const char   *sp_fact_get_id             (SpFact     *self);
SpFactType    sp_fact_get_fact_type      (SpFact     *self);
guint         sp_fact_get_index          (SpFact     *self);
const char   *sp_fact_get_label          (SpFact     *self);
const char   *sp_fact_get_help           (SpFact     *self);
const char   *sp_fact_get_pathway        (SpFact     *self);
const char   *sp_fact_get_section        (SpFact     *self);
const char   *sp_fact_get_unit           (SpFact     *self);
gboolean      sp_fact_has_range          (SpFact     *self);
double        sp_fact_get_minimum        (SpFact     *self);
double        sp_fact_get_maximum        (SpFact     *self);
const char   *sp_fact_get_pattern        (SpFact     *self);
gboolean      sp_fact_is_recorded_only   (SpFact     *self);
gboolean      sp_fact_defaults_to_today  (SpFact     *self);
guint         sp_fact_get_n_choices      (SpFact     *self);
const char   *sp_fact_get_choice_id      (SpFact     *self,
                                          guint       index);
const char   *sp_fact_get_choice_label   (SpFact     *self,
                                          guint       index);
gboolean      sp_fact_lookup_choice      (SpFact     *self,
                                          const char *choice_id,
                                          guint      *index);
const SpExpr *sp_fact_get_relevant_when  (SpFact     *self);
const SpExpr *sp_fact_get_asked_when     (SpFact     *self);

G_END_DECLS

/* sp-decision-rule.h: how the policy decides one intervention
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_DECISION_RULE (sp_decision_rule_get_type ())

G_DECLARE_FINAL_TYPE (SpDecisionRule, sp_decision_rule, SP, DECISION_RULE, GObject)

const char   *sp_decision_rule_get_id         (SpDecisionRule *self);
const char   *sp_decision_rule_get_pathway    (SpDecisionRule *self);
const char   *sp_decision_rule_get_label      (SpDecisionRule *self);
guint         sp_decision_rule_get_index      (SpDecisionRule *self);
gboolean      sp_decision_rule_is_surgical    (SpDecisionRule *self);
gboolean      sp_decision_rule_supports_on_serious_pathology (SpDecisionRule *self);
char        **sp_decision_rule_dup_clause_ids (SpDecisionRule *self);

G_END_DECLS

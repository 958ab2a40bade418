/* sp-decision.h: one decision for one case, in words
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_DECISION (sp_decision_get_type ())

G_DECLARE_FINAL_TYPE (SpDecision, sp_decision, SP, DECISION, GObject)

SpDecisionRule     *sp_decision_get_rule                (SpDecision *self);
const char         *sp_decision_get_id                  (SpDecision *self);
const char         *sp_decision_get_label               (SpDecision *self);
const char         *sp_decision_get_pathway             (SpDecision *self);
SpStatus            sp_decision_get_status              (SpDecision *self);
const char * const *sp_decision_get_reasons             (SpDecision *self);
SpReasonKind        sp_decision_get_reason_kind         (SpDecision *self,
                                                         guint       index);
const char * const *sp_decision_get_citations           (SpDecision *self);
const char * const *sp_decision_get_interpretations     (SpDecision *self);
const char * const *sp_decision_get_missing             (SpDecision *self);
char               *sp_decision_dup_unmet               (SpDecision *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

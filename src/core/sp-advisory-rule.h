/* sp-advisory-rule.h: when the policy's advice applies
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_ADVISORY_RULE (sp_advisory_rule_get_type ())

G_DECLARE_FINAL_TYPE (SpAdvisoryRule, sp_advisory_rule, SP, ADVISORY_RULE, GObject)

const char         *sp_advisory_rule_get_id         (SpAdvisoryRule *self);
const char         *sp_advisory_rule_get_text       (SpAdvisoryRule *self);
const char * const *sp_advisory_rule_get_clause_ids (SpAdvisoryRule *self);
const char         *sp_advisory_rule_get_banner     (SpAdvisoryRule *self);

G_END_DECLS

/* sp-advisory.h: one piece of advice shown for one case
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_ADVISORY (sp_advisory_get_type ())

G_DECLARE_FINAL_TYPE (SpAdvisory, sp_advisory, SP, ADVISORY, GObject)

SpAdvisory         *sp_advisory_new            (SpAdvisoryRule *rule,
                                                const char     *text) G_GNUC_WARN_UNUSED_RESULT;
SpAdvisoryRule     *sp_advisory_get_rule       (SpAdvisory *self);
const char         *sp_advisory_get_id         (SpAdvisory *self);
const char         *sp_advisory_get_text       (SpAdvisory *self);
const char * const *sp_advisory_get_clause_ids (SpAdvisory *self);

G_END_DECLS

/* sp-interpretation.h
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_INTERPRETATION (sp_interpretation_get_type ())

G_DECLARE_FINAL_TYPE (SpInterpretation, sp_interpretation, SP, INTERPRETATION, GObject)

SpInterpretation *sp_interpretation_new (const char *id, const char *clause_id, const char *reading, const char *reason) G_GNUC_WARN_UNUSED_RESULT;
const char *sp_interpretation_get_id (SpInterpretation *self);
const char *sp_interpretation_get_clause_id (SpInterpretation *self);
const char *sp_interpretation_get_reading (SpInterpretation *self);
const char *sp_interpretation_get_reason (SpInterpretation *self);
gboolean sp_interpretation_is_signed_off (SpInterpretation *self);
const char *sp_interpretation_get_signed_off_by (SpInterpretation *self);
const char *sp_interpretation_get_signed_off_date (SpInterpretation *self);

G_END_DECLS

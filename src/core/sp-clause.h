/* sp-clause.h
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-types.h"

G_BEGIN_DECLS

#define SP_TYPE_CLAUSE (sp_clause_get_type ())

G_DECLARE_FINAL_TYPE (SpClause, sp_clause, SP, CLAUSE, GObject)

SpClause *sp_clause_new (const char *id, const char *heading, const char *text) G_GNUC_WARN_UNUSED_RESULT;
const char *sp_clause_get_id (SpClause *self);
const char *sp_clause_get_heading (SpClause *self);
const char *sp_clause_get_text (SpClause *self);
const char *sp_clause_get_intro (SpClause *self);
guint       sp_clause_get_n_items (SpClause *self);
const char *sp_clause_get_item (SpClause *self,
                                guint     index,
                                guint    *level);
char       *sp_clause_dup_formatted (SpClause *self);

G_END_DECLS

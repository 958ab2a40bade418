/* sp-expr.h: rule expressions, evaluated in three-valued logic
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sp-types.h"
#include "sp-value.h"

G_BEGIN_DECLS

/* What an expression may refer to while it is parsed. The policy loader
 * fills this in; expressions keep indices, never pointers, so evaluation is a
 * walk over plain data. */
typedef struct {
  const char  *file;
  GPtrArray   *facts;           /* SpFact*, in policy order */
  GHashTable  *facts_by_id;     /* id → SpFact* */
  GHashTable  *decisions_by_id; /* id → GUINT_TO_POINTER (index + 1); NULL: decisions not allowed */
  SpFactSet   *facts_read;      /* (out) every fact an expression reads */
} SpExprScope;

typedef struct {
  const SpValue  *values;
  guint32         today;
  gint            assessment_date_fact;  /* -1 when the policy has none */
  const SpStatus *decision_statuses;     /* NULL outside advisories */
  /* Implied facts: an unrecorded fact in @narrowed can take only the
   * values of its @domains entry, so a test over it may be definite. */
  const SpFactSet *narrowed;             /* NULL: nothing narrowed */
  const SpDomain  *domains;              /* indexed by fact */
  /* While the constraints are narrowed, one unrecorded fact is tried at
   * one candidate value; NULL otherwise. */
  const SpValue   *pinned_value;
  guint            pinned_fact;
} SpEvalContext;

SpExpr   *sp_expr_parse             (JsonNode            *node,
                                     const char          *path,
                                     const SpExprScope   *scope,
                                     GError             **error);
void      sp_expr_free              (SpExpr              *expr);

SpTruth   sp_expr_evaluate          (const SpExpr        *expr,
                                     const SpEvalContext *context);
void      sp_expr_collect_unknown   (const SpExpr        *expr,
                                     const SpEvalContext *context,
                                     SpFactSet           *unknown);
void      sp_expr_collect_unmet     (const SpExpr        *expr,
                                     const SpEvalContext *context,
                                     GPtrArray           *facts,
                                     GPtrArray           *descriptions);
char     *sp_expr_describe          (const SpExpr        *expr,
                                     GPtrArray           *facts);
const char *sp_expr_get_text        (const SpExpr        *expr);
const char *sp_expr_get_unmet_text  (const SpExpr        *expr);
const char *sp_expr_get_met_sentence (const SpExpr       *expr,
                                     char              *(*make) (const SpExpr *expr, gpointer data),
                                     gpointer             data);

void      sp_expr_collect_facts     (const SpExpr        *expr,
                                     SpFactSet           *by_value,
                                     SpFactSet           *by_presence);
guint     sp_expr_collect_thresholds (const SpExpr       *expr,
                                     guint                fact,
                                     const SpEvalContext *context,
                                     double              *thresholds,
                                     guint                max_thresholds);
void      sp_expr_collect_implied   (const SpExpr        *expr,
                                     const SpEvalContext *context,
                                     SpFactSet           *implied);
void      sp_expr_collect_met       (const SpExpr        *expr,
                                     const SpEvalContext *context,
                                     GPtrArray           *criteria);
void      sp_expr_collect_unmet_criteria (const SpExpr   *expr,
                                     const SpEvalContext *context,
                                     GPtrArray           *criteria);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpExpr, sp_expr_free)

G_END_DECLS

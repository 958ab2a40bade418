/* sp-engine.h: evaluating a whole policy for one case, without allocation
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-implications.h"
#include "sp-types.h"
#include "sp-value.h"

G_BEGIN_DECLS

#define SP_MAX_ADVISORIES 64

typedef enum {
  SP_OUTCOME_URGENT             = 1 << 0,  /* precedence step 1 */
  SP_OUTCOME_UNSCREENED         = 1 << 1,  /* step 2 */
  SP_OUTCOME_SERIOUS_SUPPORTED  = 1 << 2,  /* step 3: the pathology is the reason to act */
  SP_OUTCOME_SERIOUS_BLOCKED    = 1 << 3,  /* step 3: supported turned criteria_not_met */
  SP_OUTCOME_EXCEPTIONAL        = 1 << 4,  /* step 5: not_normally_funded promoted */
  SP_OUTCOME_FUNDING_REQUEST    = 1 << 5,  /* step 5: criteria_not_met, a request may be considered */
} SpOutcomeFlags;

/* One decision's result, before it is put into words. */
typedef struct {
  SpStatus   status;
  guint      flags;          /* SpOutcomeFlags */
  gint       deciding_row;   /* the row that decided, or -1 */
  guint32    deciding_rows;  /* bit per row that decides for some value an
                              * implied fact can still take */
  guint      possible;       /* bit per SpStatus the rule could still give */
  guint32    open_rows;      /* bit per row not yet false, up to the first
                              * true one, over the recorded facts: the rows
                              * a status still open could rest on */
  SpFactSet  missing;
} SpOutcome;

typedef struct {
  guint32    today;          /* the assessment date used */
  gboolean   urgent;
  gboolean   unscreened;
  gboolean   serious_pathology;
  SpFactSet  unscreened_facts;
  guint64    advisories;     /* bit per advisory rule shown */
  SpImplications implications;  /* computed before any rule runs */
  guint      n_decisions;
  SpOutcome  decisions[];
} SpEngineResult;

SpEngineResult *sp_engine_result_new   (SpPolicy             *policy);
void            sp_engine_evaluate     (SpPolicy             *policy,
                                        const SpValue        *values,
                                        guint32               today,
                                        SpEngineResult       *result);

/* Borrowed strings, in order. An explanation is filled and emptied for
 * every decision of every case of a batch, so emptying a list is setting
 * its length to zero: GPtrArray's removal path, called some eighty times
 * a case, was a twentieth of --brief. */
typedef struct {
  const char **items;
  guint        len;
  guint        allocated;
} SpStringList;

/* The words for one decision: reasons as sentences, the clauses and
 * interpretations they rest on, and the missing facts, all in policy order. */
typedef struct {
  SpStringList reasons;        /* borrowed from the policy, or from @owned */
  GArray      *reason_kinds;   /* SpReasonKind, one per reason; NULL before the first */
  GPtrArray   *owned;          /* char *: sentences made for this case; NULL before the first */
  SpStringList clause_ids;     /* borrowed from the policy */
  SpStringList interpretation_ids;
  SpStringList missing_fact_ids;
  /* Set after sp_explanation_init() for ids only, no sentences (evaluate
   * --brief): reasons stays empty; the ids are the same as with words. */
  gboolean     ids_only;
} SpExplanation;

void            sp_explanation_init    (SpExplanation        *explanation);
void            sp_explanation_reset   (SpExplanation        *explanation);
void            sp_explanation_clear   (SpExplanation        *explanation);
void            sp_engine_explain      (SpPolicy             *policy,
                                        const SpValue        *values,
                                        const SpEngineResult *result,
                                        guint                 decision,
                                        SpExplanation        *explanation);
char           *sp_engine_describe_red_flags (SpPolicy       *policy,
                                        const SpValue        *values);
char           *sp_engine_describe_serious_pathology (SpPolicy       *policy,
                                                      const SpValue  *values);
char           *sp_engine_describe_advisory (SpPolicy        *policy,
                                        const SpValue        *values,
                                        const SpEngineResult *result,
                                        guint                 advisory);

G_END_DECLS

/* sp-case-relevance.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-case.h"
#include "sp-case-relevance.h"
#include "sp-core-private.h"
#include "sp-date.h"
#include "sp-fact.h"
#include "sp-policy.h"

/* A chain of questions each shown because of the one before is a few
 * long; a longer one (or a cycle, which the loader does not look for) is
 * treated as relevant, as is anything the rules cannot settle. */
#define MAX_RELEVANCE_DEPTH 8

/* The facts @expr reads: with nothing recorded, every one it reads is an
 * unknown it turns on. */
static void
collect_facts_read (const SpExpr        *expr,
                    const SpEvalContext *context,
                    guint                n_facts,
                    SpFactSet           *read)
{
  g_autofree SpValue *nothing = g_new0 (SpValue, n_facts);
  SpEvalContext empty = *context;

  empty.values = nothing;
  sp_fact_set_clear (read);
  sp_expr_collect_unknown (expr, &empty, read);
}

static gboolean is_relevant_uncached (SpCase *self, SpFact *fact, const SpEvalContext *context,
                                      guint depth, guint8 *memo);

static gboolean
is_relevant (SpCase              *self,
             SpFact              *fact,
             const SpEvalContext *context,
             guint                depth,
             guint8              *memo)
{
  const SpExpr *expr = sp_fact_get_relevant_when (fact);

  if (expr == NULL || depth > MAX_RELEVANCE_DEPTH)
    return TRUE;
  /* The loader refuses cycles, so each fact's answer is the same wherever
   * it is asked from: worked out once, a chain costs its length, not the
   * power of it. */
  if (memo[sp_fact_get_index (fact)] != 0)
    return memo[sp_fact_get_index (fact)] == 1;
  memo[sp_fact_get_index (fact)] = is_relevant_uncached (self, fact, context, depth, memo) ? 1 : 2;
  return memo[sp_fact_get_index (fact)] == 1;
}

static gboolean
is_relevant_uncached (SpCase              *self,
                      SpFact              *fact,
                      const SpEvalContext *context,
                      guint                depth,
                      guint8              *memo)
{
  SpPolicy *policy = sp_case_get_policy (self);
  const SpExpr *expr = sp_fact_get_relevant_when (fact);
  guint n_facts = sp_policy_get_n_facts (policy);
  g_autofree SpValue *values = NULL;
  SpEvalContext set_aside = *context;
  SpFactSet read, hidden, unknown;
  gboolean any = FALSE;

  /* An answer to a question that is itself not asked (kept in the case
   * from before it stopped applying) does not count: its follow-ups go
   * with it. The copy shares the strings; only "recorded" is changed. */
  collect_facts_read (expr, context, n_facts, &read);
  sp_fact_set_clear (&hidden);
  for (guint i = 0; i < n_facts; i++)
    if (sp_fact_set_contains (&read, i) &&
        !is_relevant (self, sp_policy_get_fact (policy, i), context, depth + 1, memo))
      sp_fact_set_add (&hidden, i);
  values = g_memdup2 (context->values, n_facts * sizeof (SpValue));
  for (guint i = 0; i < n_facts; i++)
    if (sp_fact_set_contains (&hidden, i))
      values[i].recorded = FALSE;
  set_aside.values = values;

  switch (sp_expr_evaluate (expr, &set_aside))
    {
    case SP_TRUTH_TRUE:
      return TRUE;
    case SP_TRUTH_FALSE:
      return FALSE;
    case SP_TRUTH_UNKNOWN:
    default:
      break;
    }

  /* Unknown: asked, unless every unrecorded fact it turns on is itself a
   * question not asked. Otherwise the repeat-injection questions showed for
   * non-specific low back pain, where the count of previous injections
   * they depend on is hidden and so can never be answered. */
  sp_fact_set_clear (&unknown);
  sp_expr_collect_unknown (expr, &set_aside, &unknown);
  for (guint i = 0; i < n_facts; i++)
    {
      if (!sp_fact_set_contains (&unknown, i))
        continue;
      any = TRUE;
      if (!sp_fact_set_contains (&hidden, i))
        return TRUE;
    }
  return !any;
}

/**
 * sp_case_is_fact_relevant:
 * @self: a case
 * @fact_id: a fact of the case's policy
 *
 * Whether the question for @fact_id applies to @self, following the fact's
 * `relevant_when` expression. A question is hidden when that expression is
 * definitely false. While the facts it reads are unknown the question is
 * still asked, because unknown is not "no"; but not when every one of
 * those facts is itself a question that is not asked. Answers kept for
 * questions that are not asked count as unknown here.
 *
 * Returns: %FALSE when @fact_id is definitely not relevant, else %TRUE
 */
gboolean
sp_case_is_fact_relevant (SpCase     *self,
                          const char *fact_id)
{
  SpPolicy *policy;
  SpFact *fact;
  SpEvalContext context = { 0 };

  g_return_val_if_fail (SP_IS_CASE (self), TRUE);
  g_return_val_if_fail (fact_id != NULL, TRUE);

  policy = sp_case_get_policy (self);
  if (!(fact = sp_policy_lookup_fact (policy, fact_id)))
    {
      g_critical ("The policy has no fact \"%s\"", fact_id);
      return TRUE;
    }
  if (sp_fact_get_relevant_when (fact) == NULL)
    return TRUE;

  context.values = sp_case_get_values (self);
  context.today = sp_date_today ();
  context.assessment_date_fact = sp_policy_get_screening (policy)->assessment_date;
  context.decision_statuses = NULL;

  {
    g_autofree guint8 *memo = g_new0 (guint8, sp_policy_get_n_facts (policy));

    return is_relevant (self, fact, &context, 0, memo);
  }
}

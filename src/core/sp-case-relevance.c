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

/**
 * sp_case_is_fact_relevant:
 * @self: a case
 * @fact_id: a fact of the case's policy
 *
 * Whether the question for @fact_id applies to @self, following the fact's
 * `relevant_when` expression. A question is hidden only when that expression
 * is definitely false: while the facts it reads are unknown the question is
 * still asked, because unknown is not "no".
 *
 * Returns: %FALSE when @fact_id is definitely not relevant, else %TRUE
 */
gboolean
sp_case_is_fact_relevant (SpCase     *self,
                          const char *fact_id)
{
  SpPolicy *policy;
  SpFact *fact;
  const SpExpr *expr;
  SpEvalContext context = { 0 };

  g_return_val_if_fail (SP_IS_CASE (self), TRUE);
  g_return_val_if_fail (fact_id != NULL, TRUE);

  policy = sp_case_get_policy (self);
  if (!(fact = sp_policy_lookup_fact (policy, fact_id)))
    {
      g_critical ("The policy has no fact \"%s\"", fact_id);
      return TRUE;
    }
  if (!(expr = sp_fact_get_relevant_when (fact)))
    return TRUE;

  context.values = sp_case_get_values (self);
  context.today = sp_date_today ();
  context.assessment_date_fact = sp_policy_get_screening (policy)->assessment_date;
  context.decision_statuses = NULL;

  return sp_expr_evaluate (expr, &context) != SP_TRUTH_FALSE;
}

/* sp-case-assessment.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-case.h"
#include "sp-case-assessment.h"
#include "sp-fact.h"
#include "sp-policy.h"

/**
 * sp_case_is_pathway_assessed:
 * @case_: a #SpCase
 * @pathway_id: a pathway id of the case's policy
 *
 * The rule of the contract's "Presentation": a pathway is assessed once
 * any fact of its own is recorded, so that its decisions are not shown as
 * "Supported" for a region nobody examined. The policy's first pathway
 * (the patient's general facts, whose decisions apply to everyone) always
 * counts as assessed. A fact implied by others is not "recorded" here: it
 * follows from answers in its own or another pathway, and an implied
 * answer alone means nobody looked at this region.
 *
 * Returns: whether the decisions of @pathway_id apply to this case; %FALSE
 *   for an id the policy does not have
 */
gboolean
sp_case_is_pathway_assessed (SpCase     *case_,
                             const char *pathway_id)
{
  SpPolicy *policy;
  const char * const *pathway_ids;
  gboolean known = FALSE;

  g_return_val_if_fail (SP_IS_CASE (case_), FALSE);
  g_return_val_if_fail (pathway_id != NULL, FALSE);

  policy = sp_case_get_policy (case_);
  pathway_ids = sp_policy_get_pathway_ids (policy);
  for (guint i = 0; pathway_ids && pathway_ids[i]; i++)
    {
      if (g_str_equal (pathway_ids[i], pathway_id))
        {
          if (i == 0)
            return TRUE;
          known = TRUE;
          break;
        }
    }
  if (!known)
    return FALSE;

  for (guint i = 0; i < sp_policy_get_n_facts (policy); i++)
    {
      SpFact *fact = sp_policy_get_fact (policy, i);

      if (g_strcmp0 (sp_fact_get_pathway (fact), pathway_id) == 0 &&
          sp_case_is_recorded (case_, sp_fact_get_id (fact)))
        return TRUE;
    }
  return FALSE;
}

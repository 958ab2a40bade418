/* test-relevance.c: which questions apply to a case
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-core.h"

static SpPolicy *policy;

static SpCase *
new_case (void)
{
  return sp_case_new (policy);
}

/* A question is asked while what it depends on is unknown: unknown is not
 * "no". */
static void
test_unknown_is_asked (void)
{
  g_autoptr(SpCase) case_ = new_case ();

  g_assert_true (sp_case_is_fact_relevant (case_, "lumbar_previous_epidurals"));
  g_assert_true (sp_case_is_fact_relevant (case_, "lumbar_previous_epidural_improvement_percent"));
  g_assert_true (sp_case_is_fact_relevant (case_, "comorbidities_exclude_surgery"));
}

static void
test_definitely_false_is_hidden (void)
{
  g_autoptr(SpCase) case_ = new_case ();

  sp_case_set_choice (case_, "lumbar_condition", "sciatica");
  g_assert_true (sp_case_set_number (case_, "lumbar_previous_epidurals", 0, NULL));
  g_assert_false (sp_case_is_fact_relevant (case_, "lumbar_previous_epidural_improvement_percent"));
  g_assert_true (sp_case_set_number (case_, "lumbar_previous_epidurals", 2, NULL));
  g_assert_true (sp_case_is_fact_relevant (case_, "lumbar_previous_epidural_improvement_percent"));
}

/* The follow-up questions of a question that is not asked are not asked
 * either: with non-specific low back pain the count of previous lumbar
 * injections is hidden, so how much the last one helped is never asked,
 * though the count is unknown. */
static void
test_follow_up_of_hidden_question_is_hidden (void)
{
  g_autoptr(SpCase) case_ = new_case ();

  sp_case_set_choice (case_, "lumbar_condition", "non_specific");
  g_assert_false (sp_case_is_fact_relevant (case_, "lumbar_previous_epidurals"));
  g_assert_false (sp_case_is_fact_relevant (case_, "lumbar_previous_epidural_improvement_percent"));
  g_assert_false (sp_case_is_fact_relevant (case_, "lumbar_previous_epidural_relief_months"));

  /* A question reached through either of two: asked while the other one
   * is still asked and unknown... */
  g_assert_true (sp_case_is_fact_relevant (case_, "cervical_previous_epidurals"));
  g_assert_true (sp_case_is_fact_relevant (case_, "comorbidities_exclude_surgery"));

  /* ...and not once neither is asked. */
  sp_case_set_choice (case_, "cervical_condition", "non_specific");
  g_assert_false (sp_case_is_fact_relevant (case_, "cervical_previous_epidurals"));
  g_assert_false (sp_case_is_fact_relevant (case_, "comorbidities_exclude_surgery"));
  g_assert_false (sp_case_is_fact_relevant (case_, "less_invasive_not_possible"));

  /* Back to unknown, and everything is asked again. */
  sp_case_clear_fact (case_, "lumbar_condition");
  g_assert_true (sp_case_is_fact_relevant (case_, "lumbar_previous_epidural_improvement_percent"));
  g_assert_true (sp_case_is_fact_relevant (case_, "comorbidities_exclude_surgery"));
}

/* An answer kept for a question that no longer applies does not keep its
 * follow-ups asked: recorded before the condition changed, the count of
 * previous injections is set aside, and so are the questions it led to. */
static void
test_answer_to_hidden_question_does_not_count (void)
{
  g_autoptr(SpCase) case_ = new_case ();

  sp_case_set_choice (case_, "lumbar_condition", "sciatica");
  g_assert_true (sp_case_set_number (case_, "lumbar_previous_epidurals", 2, NULL));
  g_assert_true (sp_case_is_fact_relevant (case_, "lumbar_previous_epidural_improvement_percent"));
  g_assert_true (sp_case_is_fact_relevant (case_, "comorbidities_exclude_surgery"));

  sp_case_set_choice (case_, "lumbar_condition", "non_specific");
  sp_case_set_choice (case_, "cervical_condition", "non_specific");
  g_assert_true (sp_case_is_recorded (case_, "lumbar_previous_epidurals"));
  g_assert_false (sp_case_is_fact_relevant (case_, "lumbar_previous_epidurals"));
  g_assert_false (sp_case_is_fact_relevant (case_, "lumbar_previous_epidural_improvement_percent"));
  g_assert_false (sp_case_is_fact_relevant (case_, "comorbidities_exclude_surgery"));

  /* Either way in is enough: a cervical count that applies keeps it asked. */
  sp_case_set_choice (case_, "cervical_condition", "radiculopathy");
  g_assert_true (sp_case_set_number (case_, "cervical_previous_epidurals", 1, NULL));
  g_assert_true (sp_case_is_fact_relevant (case_, "comorbidities_exclude_surgery"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  policy = sp_policy_new_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/relevance/unknown-is-asked", test_unknown_is_asked);
  g_test_add_func ("/relevance/definitely-false-is-hidden", test_definitely_false_is_hidden);
  g_test_add_func ("/relevance/follow-up-of-hidden-question", test_follow_up_of_hidden_question_is_hidden);
  g_test_add_func ("/relevance/answer-to-hidden-question", test_answer_to_hidden_question_does_not_count);

  status = g_test_run ();
  g_object_unref (policy);
  return status;
}

/* test-assessment.c: which pathways of a case count as assessed
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-core.h"

static SpPolicy *policy;

/* A new case: only the patient's general decisions apply. */
static void
test_nothing_recorded (void)
{
  g_autoptr(SpCase) case_ = sp_case_new (policy);
  const char * const *ids = sp_policy_get_pathway_ids (policy);

  g_assert_true (sp_case_is_pathway_assessed (case_, ids[0]));
  for (guint i = 1; ids[i]; i++)
    g_assert_false (sp_case_is_pathway_assessed (case_, ids[i]));
  g_assert_false (sp_case_is_pathway_assessed (case_, "no-such-pathway"));
}

/* A lumbar patient: the neck was never examined, so its decisions are not
 * the patient's, however "Supported" the engine finds them with nothing
 * recorded against them. General facts (red flags) assess no region. */
static void
test_lumbar_patient (void)
{
  g_autoptr(SpCase) case_ = sp_case_new (policy);

  sp_case_set_boolean (case_, "red_flag_cauda_equina", FALSE);
  g_assert_false (sp_case_is_pathway_assessed (case_, "lumbar"));

  sp_case_set_choice (case_, "lumbar_condition", "sciatica");
  g_assert_true (sp_case_is_pathway_assessed (case_, "lumbar"));
  g_assert_false (sp_case_is_pathway_assessed (case_, "cervical"));
  g_assert_false (sp_case_is_pathway_assessed (case_, "facet"));
  g_assert_false (sp_case_is_pathway_assessed (case_, "sij"));

  sp_case_clear_fact (case_, "lumbar_condition");
  g_assert_false (sp_case_is_pathway_assessed (case_, "lumbar"));
}

/* Any fact of the pathway counts, not only its condition. */
static void
test_other_fact_of_pathway (void)
{
  g_autoptr(SpCase) case_ = sp_case_new (policy);

  g_assert_true (sp_case_set_number (case_, "cervical_previous_epidurals", 1, NULL));
  g_assert_true (sp_case_is_pathway_assessed (case_, "cervical"));
  g_assert_false (sp_case_is_pathway_assessed (case_, "lumbar"));
}

/* The serious-pathology banner names what is suspected; a spinal cord
 * injury is a red flag and belongs to the red-flag banner instead. */
static void
test_serious_pathology_summary (void)
{
  g_autoptr(SpCase) case_ = sp_case_new (policy);
  g_autoptr(SpEvaluation) evaluation = sp_evaluation_new (case_);
  const char *cancer_and_infection[] = { "cancer", "infection", NULL };
  const char *with_cord_injury[] = { "infection", "spinal_cord_injury", NULL };
  const char *none[] = { NULL };
  g_autofree char *summary = NULL;
  g_autofree char *nothing = NULL;

  g_assert_null (sp_evaluation_dup_serious_pathology_summary (evaluation));

  sp_case_set_choice_list (case_, "serious_pathology_suspected", cancer_and_infection);
  summary = sp_evaluation_dup_serious_pathology_summary (evaluation);
  g_assert_cmpstr (summary, ==, "Cancer; Infection");

  /* Beside a red flag the infection is still named, the cord injury not. */
  sp_case_set_choice_list (case_, "serious_pathology_suspected", with_cord_injury);
  g_clear_pointer (&summary, g_free);
  summary = sp_evaluation_dup_serious_pathology_summary (evaluation);
  g_assert_cmpstr (summary, ==, "Infection");

  sp_case_set_choice_list (case_, "serious_pathology_suspected", none);
  nothing = sp_evaluation_dup_serious_pathology_summary (evaluation);
  g_assert_null (nothing);
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

  g_test_add_func ("/assessment/nothing-recorded", test_nothing_recorded);
  g_test_add_func ("/assessment/lumbar-patient", test_lumbar_patient);
  g_test_add_func ("/assessment/other-fact-of-pathway", test_other_fact_of_pathway);

  g_test_add_func ("/assessment/serious-pathology-summary", test_serious_pathology_summary);

  status = g_test_run ();
  g_object_unref (policy);
  return status;
}

/* test-engine.c: the three-valued engine on its own: Kleene's laws,
 * exact minimality of "missing", the precedence steps, dates and NHS numbers
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-core.h"
#include "sp-core-private.h"

static SpPolicy *mini;

static SpPolicy *
load_mini (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SP_SOURCE_DIR"), "tests", "core", "data",
                                            "mini-policy.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SpPolicy *policy = sp_policy_new_from_file (file, &error);

  g_assert_no_error (error);
  return policy;
}

/* 0 false, 1 true, 2 unknown: the same order as SpTruth. */
static void
set_truth (SpCase     *case_,
           const char *fact,
           guint       truth)
{
  if (truth == SP_TRUTH_UNKNOWN)
    sp_case_clear_fact (case_, fact);
  else
    sp_case_set_boolean (case_, fact, truth == SP_TRUTH_TRUE);
}

static SpCase *
screened_case (SpPolicy *policy)
{
  SpCase *case_ = sp_case_new (policy);
  const char *none[] = { NULL };

  sp_case_set_boolean (case_, "flag", FALSE);
  sp_case_set_choice_list (case_, "pathology", none);
  return case_;
}

static SpTruth
evaluate_expression (const char *json,
                     SpCase     *case_)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(SpExpr) expr = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *facts = sp_policy_get_fact_array (mini);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  SpExprScope scope = { "test", facts, by_id, NULL, NULL };
  SpEvalContext context = { sp_case_get_values (case_), 1, 0, NULL };

  for (guint i = 0; i < facts->len; i++)
    g_hash_table_insert (by_id, (gpointer) sp_fact_get_id (g_ptr_array_index (facts, i)),
                         g_ptr_array_index (facts, i));
  expr = sp_expr_parse (node, "expr", &scope, &error);
  g_assert_no_error (error);
  return sp_expr_evaluate (expr, &context);
}

/* Kleene's strong three-valued logic, for every pair of values: "and" is
 * the minimum and "or" the maximum in the order false < unknown < true. */
static void
test_kleene_laws (void)
{
  static const guint rank[] = { [SP_TRUTH_FALSE] = 0, [SP_TRUTH_UNKNOWN] = 1, [SP_TRUTH_TRUE] = 2 };
  static const SpTruth by_rank[] = { SP_TRUTH_FALSE, SP_TRUTH_UNKNOWN, SP_TRUTH_TRUE };
  g_autoptr(SpCase) case_ = screened_case (mini);

  for (guint a = 0; a < 3; a++)
    for (guint b = 0; b < 3; b++)
      {
        SpTruth and_result, or_result, not_result, definitely_result;

        set_truth (case_, "a", a);
        set_truth (case_, "b", b);

        and_result = evaluate_expression ("{\"all\": [{\"fact\": \"a\", \"is\": true}, {\"fact\": \"b\", \"is\": true}]}", case_);
        or_result = evaluate_expression ("{\"any\": [{\"fact\": \"a\", \"is\": true}, {\"fact\": \"b\", \"is\": true}]}", case_);
        not_result = evaluate_expression ("{\"not\": {\"fact\": \"a\", \"is\": true}}", case_);
        definitely_result = evaluate_expression ("{\"definitely\": {\"fact\": \"a\", \"is\": true}}", case_);

        g_assert_cmpint (and_result, ==, by_rank[MIN (rank[a], rank[b])]);
        g_assert_cmpint (or_result, ==, by_rank[MAX (rank[a], rank[b])]);
        g_assert_cmpint (not_result, ==, a == SP_TRUTH_UNKNOWN ? SP_TRUTH_UNKNOWN
                                         : a == SP_TRUTH_TRUE ? SP_TRUTH_FALSE : SP_TRUTH_TRUE);
        g_assert_cmpint (definitely_result, ==, a == SP_TRUTH_TRUE ? SP_TRUTH_TRUE : SP_TRUTH_FALSE);
      }

  /* The named laws, spelt out. */
  set_truth (case_, "a", SP_TRUTH_FALSE);
  set_truth (case_, "b", SP_TRUTH_UNKNOWN);
  g_assert_cmpint (evaluate_expression ("{\"all\": [{\"fact\": \"a\", \"is\": true}, {\"fact\": \"b\", \"is\": true}]}", case_),
                   ==, SP_TRUTH_FALSE);   /* false and unknown is false */
  set_truth (case_, "a", SP_TRUTH_TRUE);
  g_assert_cmpint (evaluate_expression ("{\"any\": [{\"fact\": \"a\", \"is\": true}, {\"fact\": \"b\", \"is\": true}]}", case_),
                   ==, SP_TRUTH_TRUE);    /* true or unknown is true */
  g_assert_cmpint (evaluate_expression ("{\"recorded\": \"b\"}", case_), ==, SP_TRUTH_FALSE);
  g_assert_cmpint (evaluate_expression ("{\"fact\": \"b\", \"is\": false}", case_), ==, SP_TRUTH_UNKNOWN);
}

static void
set_kind (SpCase *case_,
          guint   value)
{
  static const char * const kinds[] = { "x", "y", "z" };

  if (value == 3)
    sp_case_clear_fact (case_, "kind");
  else
    sp_case_set_choice (case_, "kind", kinds[value]);
}

/* Every completion of the unknowns among a, b, c and kind. */
static void
collect_statuses (SpEvaluation *evaluation,
                  SpCase       *case_,
                  const char   *decision_id,
                  const guint  *values,
                  guint        *seen_statuses)
{
  SpDecision *decision;

  set_truth (case_, "a", values[0]);
  set_truth (case_, "b", values[1]);
  set_truth (case_, "c", values[2]);
  set_kind (case_, values[3]);
  decision = sp_evaluation_lookup_decision (evaluation, decision_id);
  *seen_statuses |= 1u << sp_decision_get_status (decision);
}

static guint
status_of (SpEvaluation *evaluation,
           SpCase       *case_,
           const char   *decision_id,
           const guint  *values)
{
  guint seen = 0;

  collect_statuses (evaluation, case_, decision_id, values, &seen);
  return __builtin_ctz (seen);
}

/* The contract: "missing" lists the unrecorded facts whose values could
 * change the status, and no others. Checked exactly, by brute force over
 * every partial assignment of the mini policy's facts. */
static gboolean
fact_could_change_status (SpEvaluation *evaluation,
                          SpCase       *case_,
                          const char   *decision_id,
                          const guint  *partial,
                          guint         fact)
{
  static const guint domain_size[] = { 2, 2, 2, 3 };
  guint completion[4];
  guint n_unknown = 0, unknown_positions[4];

  for (guint i = 0; i < 4; i++)
    if (i != fact && partial[i] == (i == 3 ? 3u : SP_TRUTH_UNKNOWN))
      unknown_positions[n_unknown++] = i;

  /* For every completion of the other unknowns, does varying @fact alone
   * give two different statuses? */
  for (guint code = 0; code < 27; code++)
    {
      guint rest = code;
      guint first_status = G_MAXUINT;
      gboolean valid = TRUE;

      memcpy (completion, partial, sizeof completion);
      for (guint u = 0; u < n_unknown; u++)
        {
          guint position = unknown_positions[u];

          completion[position] = rest % domain_size[position];
          rest /= domain_size[position];
        }
      if (rest != 0)
        valid = FALSE;
      if (!valid)
        continue;

      for (guint v = 0; v < domain_size[fact]; v++)
        {
          guint status;

          completion[fact] = v;
          status = status_of (evaluation, case_, decision_id, completion);
          if (first_status == G_MAXUINT)
            first_status = status;
          else if (status != first_status)
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_missing_is_exact (void)
{
  static const char * const decisions[] = { "t.all_any", "t.rows", "t.same" };
  static const char * const fact_ids[] = { "a", "b", "c", "kind" };
  g_autoptr(SpCase) case_ = screened_case (mini);
  g_autoptr(SpEvaluation) evaluation = sp_evaluation_new (case_);
  guint checked = 0;

  for (guint d = 0; d < G_N_ELEMENTS (decisions); d++)
    for (guint code = 0; code < 3 * 3 * 3 * 4; code++)
      {
        guint partial[4] = { code % 3, (code / 3) % 3, (code / 9) % 3, code / 27 };
        const char * const *missing;
        SpDecision *decision;
        SpStatus status;

        set_truth (case_, "a", partial[0]);
        set_truth (case_, "b", partial[1]);
        set_truth (case_, "c", partial[2]);
        set_kind (case_, partial[3]);
        decision = sp_evaluation_lookup_decision (evaluation, decisions[d]);
        status = sp_decision_get_status (decision);
        missing = (const char * const *) g_strdupv ((char **) sp_decision_get_missing (decision));

        for (guint f = 0; f < 4; f++)
          {
            gboolean unknown = partial[f] == (f == 3 ? 3u : SP_TRUTH_UNKNOWN);
            gboolean listed = g_strv_contains (missing, fact_ids[f]);
            gboolean relevant = unknown && fact_could_change_status (evaluation, case_, decisions[d], partial, f);

            if (listed != relevant)
              g_error ("%s with a=%u b=%u c=%u kind=%u: fact %s listed=%d but could change the status=%d",
                       decisions[d], partial[0], partial[1], partial[2], partial[3], fact_ids[f], listed, relevant);
            checked++;
          }

        /* Restore the partial case: the brute force moved its facts. */
        set_truth (case_, "a", partial[0]);
        set_truth (case_, "b", partial[1]);
        set_truth (case_, "c", partial[2]);
        set_kind (case_, partial[3]);
        g_assert_cmpint (sp_decision_get_status (sp_evaluation_lookup_decision (evaluation, decisions[d])), ==, status);
        g_assert_true ((status == SP_STATUS_NEEDS_INFORMATION) == (g_strv_length ((char **) missing) > 0));
        g_strfreev ((char **) missing);
      }

  g_assert_cmpuint (checked, ==, 3 * 108 * 4);
}

static void
test_precedence (void)
{
  g_autoptr(SpCase) case_ = sp_case_new (mini);
  g_autoptr(SpEvaluation) evaluation = sp_evaluation_new (case_);
  const char *cord[] = { "cord", NULL };
  const char *cancer[] = { "cancer", NULL };
  const char *none[] = { NULL };
  const char *named[] = { "t.excluded", "t.all_any", NULL };
  SpDecision *excluded = sp_evaluation_lookup_decision (evaluation, "t.excluded");
  SpDecision *all_any = sp_evaluation_lookup_decision (evaluation, "t.all_any");

  /* Step 2: unscreened, even a definite exclusion waits for screening. */
  g_assert_cmpint (sp_decision_get_status (excluded), ==, SP_STATUS_NEEDS_INFORMATION);
  g_assert_cmpstrv (sp_decision_get_missing (excluded), ((const char * const[]) { "flag", "pathology", NULL }));

  /* Step 1: a red flag decides whatever else is unknown. */
  sp_case_set_boolean (case_, "flag", TRUE);
  g_assert_cmpint (sp_decision_get_status (excluded), ==, SP_STATUS_URGENT_REFERRAL);
  g_assert_cmpint (sp_decision_get_status (all_any), ==, SP_STATUS_URGENT_REFERRAL);
  g_assert_true (sp_evaluation_is_urgent (evaluation));
  sp_case_set_boolean (case_, "flag", FALSE);
  sp_case_set_choice_list (case_, "pathology", cord);
  g_assert_cmpint (sp_decision_get_status (all_any), ==, SP_STATUS_URGENT_REFERRAL);

  /* Step 3: suspected serious pathology blocks a supported intervention. */
  sp_case_set_choice_list (case_, "pathology", cancer);
  sp_case_set_boolean (case_, "a", TRUE);
  sp_case_set_boolean (case_, "b", TRUE);
  g_assert_cmpint (sp_decision_get_status (all_any), ==, SP_STATUS_CRITERIA_NOT_MET);
  sp_case_set_choice_list (case_, "pathology", none);
  g_assert_cmpint (sp_decision_get_status (all_any), ==, SP_STATUS_SUPPORTED);
  g_assert_true (sp_evaluation_is_screening_complete (evaluation));

  /* Step 5: a promotion, never a condition. */
  g_assert_cmpint (sp_decision_get_status (excluded), ==, SP_STATUS_NOT_NORMALLY_FUNDED);
  sp_case_set_choice_list (case_, "named", named);
  g_assert_cmpint (sp_decision_get_status (excluded), ==, SP_STATUS_NOT_NORMALLY_FUNDED);
  sp_case_set_boolean (case_, "impairment", TRUE);
  g_assert_cmpint (sp_decision_get_status (excluded), ==, SP_STATUS_EXCEPTIONAL_CASE);
  sp_case_set_boolean (case_, "a", FALSE);
  g_assert_cmpint (sp_decision_get_status (all_any), ==, SP_STATUS_CRITERIA_NOT_MET);
  g_assert_nonnull (g_strv_contains (sp_decision_get_reasons (all_any),
                                     "Significant health impairment is recorded and this intervention is "
                                     "named as one with evidence of benefit: an individual funding request "
                                     "may be considered (not an approval).") ? "found" : NULL);

  /* Advisories are definite. */
  g_assert_false (sp_evaluation_has_advisory (evaluation, "adv.a"));
  sp_case_set_boolean (case_, "a", TRUE);
  g_assert_true (sp_evaluation_has_advisory (evaluation, "adv.a"));
}

static void
test_unmet_criteria_are_named (void)
{
  g_autoptr(SpCase) case_ = screened_case (mini);
  g_autoptr(SpEvaluation) evaluation = sp_evaluation_new (case_);
  SpDecision *decision = sp_evaluation_lookup_decision (evaluation, "t.all_any");

  sp_case_set_boolean (case_, "a", FALSE);
  g_assert_cmpint (sp_decision_get_status (decision), ==, SP_STATUS_CRITERIA_NOT_MET);
  g_assert_cmpstrv (sp_decision_get_reasons (decision), ((const char * const[]) { "Not met.", "Not met: A: yes.", NULL }));
  g_assert_cmpstrv (sp_decision_get_citations (decision), ((const char * const[]) { "c.rule", NULL }));
}

static void
check_months (const char *last,
              const char *assessment,
              SpStatus    expected)
{
  g_autoptr(SpCase) case_ = screened_case (mini);
  g_autoptr(SpEvaluation) evaluation = sp_evaluation_new (case_);
  g_autoptr(GError) error = NULL;

  sp_case_set_date (case_, "last", last, &error);
  g_assert_no_error (error);
  sp_case_set_date (case_, "assessment_date", assessment, &error);
  g_assert_no_error (error);
  if (sp_decision_get_status (sp_evaluation_lookup_decision (evaluation, "t.months")) != expected)
    g_error ("last %s, assessment %s: expected %s", last, assessment, sp_status_to_string (expected));
}

static void
test_calendar_months (void)
{
  check_months ("2025-06-15", "2026-06-15", SP_STATUS_SUPPORTED);
  check_months ("2025-06-16", "2026-06-15", SP_STATUS_CRITERIA_NOT_MET);
  check_months ("2024-02-29", "2025-02-28", SP_STATUS_SUPPORTED);
  check_months ("2024-02-29", "2025-02-27", SP_STATUS_CRITERIA_NOT_MET);
  check_months ("2023-02-28", "2024-02-28", SP_STATUS_SUPPORTED);
  check_months ("2023-02-28", "2024-02-27", SP_STATUS_CRITERIA_NOT_MET);
  check_months ("2025-01-31", "2026-01-31", SP_STATUS_SUPPORTED);
  check_months ("2025-01-31", "2026-01-30", SP_STATUS_CRITERIA_NOT_MET);
  check_months ("2023-08-31", "2024-08-30", SP_STATUS_CRITERIA_NOT_MET);
  check_months ("2023-12-31", "2024-12-31", SP_STATUS_SUPPORTED);
}

static void
test_dates (void)
{
  guint32 julian;
  g_autofree char *text = NULL;

  g_assert_true (sp_date_parse ("2024-02-29", &julian));
  text = sp_date_format (julian);
  g_assert_cmpstr (text, ==, "2024-02-29");
  g_assert_false (sp_date_parse ("2025-02-29", NULL));
  g_assert_false (sp_date_parse ("2025-02-30", NULL));
  g_assert_false (sp_date_parse ("2025-13-01", NULL));
  g_assert_false (sp_date_parse ("2025-1-01", NULL));
  g_assert_false (sp_date_parse ("25-01-01", NULL));
  g_assert_false (sp_date_parse ("2025-01-01T00:00", NULL));
  g_assert_false (sp_date_parse ("not a date", NULL));
  g_assert_false (sp_date_parse ("0000-01-01", NULL));
}

static void
test_nhs_number (void)
{
  g_autofree char *formatted = NULL;
  g_autofree char *normalized = NULL;

  g_assert_true (sp_nhs_number_is_valid ("943 476 5919"));
  g_assert_true (sp_nhs_number_is_valid ("9434765919"));
  g_assert_true (sp_nhs_number_is_valid ("943-476-5919"));
  g_assert_false (sp_nhs_number_is_valid ("943 476 5918"));
  g_assert_false (sp_nhs_number_is_valid ("943 476 591"));
  g_assert_false (sp_nhs_number_is_valid ("94347659190"));
  g_assert_false (sp_nhs_number_is_valid ("943 476 591a"));
  /* 1000000010 has weighted sum 10*1 + 2*1 = 12, check 11 - 1 = 10: never issued. */
  g_assert_false (sp_nhs_number_is_valid ("1000000010"));
  /* A check digit of 11 reads as 0. */
  g_assert_true (sp_nhs_number_is_valid ("1100000000") == ((10 * 1 + 9 * 1) % 11 == 0));
  formatted = sp_nhs_number_format ("9434765919");
  g_assert_cmpstr (formatted, ==, "943 476 5919");
  normalized = sp_nhs_number_normalize ("943 476 5919");
  g_assert_cmpstr (normalized, ==, "9434765919");
}

static void
test_round_trip (void)
{
  g_autoptr(SpPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCase) case_ = NULL;
  g_autoptr(SpCase) reopened = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) saved_again = NULL;
  const char *pathology[] = { "cancer", "other", NULL };
  const char *named[] = { "lumbar.disc_replacement", NULL };

  policy = sp_policy_new_default (&error);
  g_assert_no_error (error);
  case_ = sp_case_new (policy);
  sp_case_set_boolean (case_, "red_flag_cauda_equina", FALSE);
  sp_case_set_choice_list (case_, "serious_pathology_suspected", pathology);
  sp_case_set_choice (case_, "setting", "specialist");
  g_assert_true (sp_case_set_number (case_, "conservative_weeks", 8.5, &error));
  g_assert_true (sp_case_set_number (case_, "start_back_total", 7, &error));
  g_assert_false (sp_case_set_number (case_, "start_back_total", 7.5, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID_CASE);
  g_clear_error (&error);
  g_assert_false (sp_case_set_number (case_, "start_back_total", 10, &error));
  g_clear_error (&error);
  g_assert_true (sp_case_set_date (case_, "assessment_date", "2026-02-28", &error));
  g_assert_true (sp_case_set_string (case_, "eq5d_profile", "12345", &error));
  sp_case_set_choice_list (case_, "exceptional_interventions", named);
  sp_case_set_patient_name (case_, "Zoë Ñúñez-Ødegård 李小龍");
  g_assert_true (sp_case_set_nhs_number (case_, "9434765919", &error));
  sp_case_set_notes (case_, "Line one\nLine \"two\"");

  saved = sp_case_serialize (case_);
  reopened = sp_case_new_from_bytes (policy, saved, "saved.spcase", &error);
  g_assert_no_error (error);
  saved_again = sp_case_serialize (reopened);
  g_assert_true (g_bytes_equal (saved, saved_again));
  g_assert_cmpfloat (sp_case_get_number (reopened, "conservative_weeks"), ==, 8.5);
  g_assert_cmpstr (sp_case_get_nhs_number (reopened), ==, "943 476 5919");
  g_assert_cmpstr (sp_case_get_patient_name (reopened), ==, "Zoë Ñúñez-Ødegård 李小龍");
  g_assert_false (sp_case_is_recorded (reopened, "red_flag_objective_weakness"));
  g_assert_true (sp_case_is_recorded (reopened, "red_flag_cauda_equina"));
  g_assert_false (sp_case_get_boolean (reopened, "red_flag_cauda_equina"));
}

static void
test_saved_case_records_assessment_date (void)
{
  g_autoptr(SpPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCase) case_ = NULL;
  g_autoptr(SpCase) reopened = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autofree char *today = sp_date_format (sp_date_today ());
  g_autofree char *recorded = NULL;

  policy = sp_policy_new_default (&error);
  g_assert_no_error (error);
  case_ = sp_case_new (policy);
  saved = sp_case_serialize (case_);
  reopened = sp_case_new_from_bytes (policy, saved, "saved.spcase", &error);
  g_assert_no_error (error);
  recorded = sp_case_dup_date (reopened, "assessment_date");
  g_assert_cmpstr (recorded, ==, today);
}

static void
count_changes (SpCase     *case_,
               const char *fact_id,
               GPtrArray  *changed)
{
  g_ptr_array_add (changed, g_strdup (fact_id));
}

static void
test_fact_changed_signal (void)
{
  g_autoptr(SpCase) case_ = sp_case_new (mini);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) only_a = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (case_, "fact-changed", G_CALLBACK (count_changes), all);
  g_signal_connect (case_, "fact-changed::a", G_CALLBACK (count_changes), only_a);

  sp_case_set_boolean (case_, "a", TRUE);
  sp_case_set_boolean (case_, "a", TRUE);      /* not a change */
  sp_case_set_boolean (case_, "b", FALSE);
  sp_case_clear_fact (case_, "a");
  sp_case_clear_fact (case_, "a");             /* not a change */

  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (all, 1), ==, "b");
  g_assert_cmpuint (only_a->len, ==, 2);
  g_assert_false (sp_case_is_recorded (case_, "a"));
}

static void
check_start_back (SpPolicy   *policy,
                  double      total,
                  double      psychosocial,
                  const char *group)
{
  g_autoptr(SpCase) case_ = sp_case_new (policy);
  g_autoptr(SpEvaluation) evaluation = sp_evaluation_new (case_);
  GListModel *advisories = sp_evaluation_get_advisories (evaluation);
  gboolean found = FALSE;

  sp_case_set_choice (case_, "biopsychosocial_tool", "start_back");
  g_assert_true (sp_case_set_number (case_, "start_back_total", total, NULL));
  g_assert_true (sp_case_set_number (case_, "start_back_psychosocial", psychosocial, NULL));

  for (guint i = 0; i < g_list_model_get_n_items (advisories); i++)
    {
      g_autoptr(SpAdvisory) advisory = g_list_model_get_item (advisories, i);

      if (g_str_equal (sp_advisory_get_id (advisory), "advisory.start_back_risk"))
        {
          g_assert_nonnull (strstr (sp_advisory_get_text (advisory), group));
          found = TRUE;
        }
    }
  g_assert_true (found);
}

/* The risk group is worded by the policy's advisory variants. */
static void
test_start_back_group (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPolicy) policy = sp_policy_new_default (&error);

  g_assert_no_error (error);
  check_start_back (policy, 3, 3, "low-risk group");
  check_start_back (policy, 4, 3, "medium-risk group");
  check_start_back (policy, 9, 4, "high-risk group");
  check_start_back (policy, 4, 4, "high-risk group");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  mini = load_mini ();

  g_test_add_func ("/sp/engine/kleene-laws", test_kleene_laws);
  g_test_add_func ("/sp/engine/missing-is-exact", test_missing_is_exact);
  g_test_add_func ("/sp/engine/precedence", test_precedence);
  g_test_add_func ("/sp/engine/unmet-criteria-are-named", test_unmet_criteria_are_named);
  g_test_add_func ("/sp/engine/calendar-months", test_calendar_months);
  g_test_add_func ("/sp/engine/dates", test_dates);
  g_test_add_func ("/sp/engine/nhs-number", test_nhs_number);
  g_test_add_func ("/sp/engine/start-back-group", test_start_back_group);
  g_test_add_func ("/sp/case/round-trip", test_round_trip);
  g_test_add_func ("/sp/case/saved-case-records-assessment-date", test_saved_case_records_assessment_date);
  g_test_add_func ("/sp/case/fact-changed-signal", test_fact_changed_signal);

  status = g_test_run ();
  g_clear_object (&mini);
  return status;
}

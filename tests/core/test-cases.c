/* test-cases.c: the table of case files under tests/cases, each carrying
 * its expected outcome, written from the contract independently of the engine
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "sp-core.h"
#include "sp-core-private.h"

/* The fixtures' "today", for the one case that leaves the assessment date to default. */
#define FIXED_TODAY "2026-06-15"

static SpPolicy *policy;
static char *cases_dir;

static GPtrArray *
list_case_files (void)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *files = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (cases_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (files, g_strdup (name));
  g_ptr_array_sort (files, (GCompareFunc) g_strcmp0);
  return files;
}

static JsonObject *
load_fixture (const char  *name,
              JsonParser  *parser)
{
  g_autofree char *path = g_build_filename (cases_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static char *
strv_to_string (const char * const *strv)
{
  g_autofree char *joined = g_strjoinv (", ", (char **) strv);
  return g_strdup_printf ("[%s]", joined);
}

static char *
advisory_text (SpEvaluation *evaluation,
               const char   *advisory_id)
{
  GListModel *advisories = sp_evaluation_get_advisories (evaluation);

  for (guint i = 0; i < g_list_model_get_n_items (advisories); i++)
    {
      g_autoptr(SpAdvisory) advisory = g_list_model_get_item (advisories, i);

      if (g_str_equal (sp_advisory_get_id (advisory), advisory_id))
        return g_strdup (sp_advisory_get_text (advisory));
    }
  return NULL;
}

static gboolean
reasons_contain (SpDecision *decision,
                 const char *fragment)
{
  const char * const *reasons = sp_decision_get_reasons (decision);

  for (guint i = 0; reasons[i]; i++)
    if (strstr (reasons[i], fragment) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_case_file (gconstpointer data)
{
  const char *name = data;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCase) case_ = NULL;
  g_autoptr(SpEvaluation) evaluation = NULL;
  JsonObject *fixture = load_fixture (name, parser);
  JsonObject *expect = json_object_get_object_member (fixture, "expect");
  JsonObject *decisions;
  JsonObjectIter iter;
  const char *decision_id;
  JsonNode *expected_node;

  g_test_message ("%s: %s", name, json_object_get_string_member_with_default (fixture, "description", ""));

  case_ = sp_case_new_from_json_node (policy, json_object_get_member (fixture, "case"), name, &error);
  g_assert_no_error (error);
  evaluation = sp_evaluation_new (case_);
  sp_evaluation_set_today (evaluation, FIXED_TODAY);

  decisions = json_object_get_object_member (expect, "decisions");
  json_object_iter_init (&iter, decisions);
  while (json_object_iter_next (&iter, &decision_id, &expected_node))
    {
      JsonObject *expected = json_node_get_object (expected_node);
      SpDecision *decision = sp_evaluation_lookup_decision (evaluation, decision_id);
      const char *expected_status = json_object_get_string_member (expected, "status");
      const char *status;

      if (decision == NULL)
        g_error ("%s: no decision \"%s\" in the policy", name, decision_id);

      status = sp_status_to_string (sp_decision_get_status (decision));
      if (!g_str_equal (status, expected_status))
        {
          g_autofree char *reasons = strv_to_string (sp_decision_get_reasons (decision));
          g_autofree char *missing = strv_to_string (sp_decision_get_missing (decision));

          g_error ("%s: %s is %s, expected %s (missing %s; reasons %s)",
                   name, decision_id, status, expected_status, missing, reasons);
        }

      if (g_str_equal (expected_status, "needs_information") && json_object_has_member (expected, "missing"))
        {
          JsonArray *expected_missing = json_object_get_array_member (expected, "missing");
          const char * const *missing = sp_decision_get_missing (decision);
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) wanted = NULL;

          for (guint i = 0; i < json_array_get_length (expected_missing); i++)
            g_strv_builder_add (builder, json_array_get_string_element (expected_missing, i));
          wanted = g_strv_builder_end (builder);

          if (!g_strv_equal (missing, (const char * const *) wanted))
            {
              g_autofree char *got = strv_to_string (missing);
              g_autofree char *want = strv_to_string ((const char * const *) wanted);

              g_error ("%s: %s missing is %s, expected %s", name, decision_id, got, want);
            }
        }
      else
        {
          /* Any status but "more information needed" is definite: nothing missing. */
          if (!g_str_equal (expected_status, "needs_information"))
            g_assert_cmpuint (g_strv_length ((char **) sp_decision_get_missing (decision)), ==, 0);
        }

      /* Revision 3: words a clinician can read. Each expected fragment
       * must be in some reason, each refused one in none. */
      if (json_object_has_member (expected, "reasons_include"))
        {
          JsonArray *fragments = json_object_get_array_member (expected, "reasons_include");

          for (guint i = 0; i < json_array_get_length (fragments); i++)
            if (!reasons_contain (decision, json_array_get_string_element (fragments, i)))
              {
                g_autofree char *reasons = strv_to_string (sp_decision_get_reasons (decision));

                g_error ("%s: %s: no reason says \"%s\" (reasons %s)", name, decision_id,
                         json_array_get_string_element (fragments, i), reasons);
              }
        }
      if (json_object_has_member (expected, "reasons_exclude"))
        {
          JsonArray *fragments = json_object_get_array_member (expected, "reasons_exclude");

          for (guint i = 0; i < json_array_get_length (fragments); i++)
            if (reasons_contain (decision, json_array_get_string_element (fragments, i)))
              {
                g_autofree char *reasons = strv_to_string (sp_decision_get_reasons (decision));

                g_error ("%s: %s: a reason says \"%s\" (reasons %s)", name, decision_id,
                         json_array_get_string_element (fragments, i), reasons);
              }
        }

      /* Every decision explains itself and cites the policy. */
      g_assert_cmpuint (g_strv_length ((char **) sp_decision_get_reasons (decision)), >, 0);
      g_assert_cmpuint (g_strv_length ((char **) sp_decision_get_citations (decision)), >, 0);
    }

  /* Implied facts (revision 3): each expected one with its value and
   * the recorded facts implying it; "implied_absent" are not implied. */
  if (json_object_has_member (expect, "implied"))
    {
      JsonObject *implied = json_object_get_object_member (expect, "implied");
      JsonObjectIter implied_iter;
      const char *fact_id;
      JsonNode *wanted;

      json_object_iter_init (&implied_iter, implied);
      while (json_object_iter_next (&implied_iter, &fact_id, &wanted))
        {
          g_autoptr(JsonNode) value = sp_evaluation_dup_implied_value (evaluation, fact_id);

          if (value == NULL)
            g_error ("%s: %s should be implied", name, fact_id);
          if (!json_node_equal (value, wanted))
            {
              g_autofree char *got = json_to_string (value, FALSE);
              g_autofree char *want = json_to_string (wanted, FALSE);

              g_error ("%s: %s is implied as %s, expected %s", name, fact_id, got, want);
            }
        }
    }
  if (json_object_has_member (expect, "implied_absent"))
    {
      JsonArray *absent = json_object_get_array_member (expect, "implied_absent");

      for (guint i = 0; i < json_array_get_length (absent); i++)
        if (sp_evaluation_is_implied (evaluation, json_array_get_string_element (absent, i)))
          g_error ("%s: %s should not be implied", name, json_array_get_string_element (absent, i));
    }

  /* Revision 3: advisories name what was recorded, and nothing else. */
  for (guint pass = 0; pass < 2; pass++)
    {
      const char *member = pass == 0 ? "advisory_text_include" : "advisory_text_exclude";
      JsonObject *wanted;
      JsonObjectIter advice_iter;
      const char *advisory_id;
      JsonNode *fragments;

      if (!json_object_has_member (expect, member))
        continue;
      wanted = json_object_get_object_member (expect, member);
      json_object_iter_init (&advice_iter, wanted);
      while (json_object_iter_next (&advice_iter, &advisory_id, &fragments))
        {
          g_autofree char *text = advisory_text (evaluation, advisory_id);
          JsonArray *list = json_node_get_array (fragments);

          if (text == NULL)
            g_error ("%s: advisory %s should be shown", name, advisory_id);
          for (guint i = 0; i < json_array_get_length (list); i++)
            {
              const char *fragment = json_array_get_string_element (list, i);

              if ((strstr (text, fragment) != NULL) != (pass == 0))
                g_error ("%s: advisory %s %s \"%s\": %s", name, advisory_id,
                         pass == 0 ? "lacks" : "says", fragment, text);
            }
        }
    }

  if (json_object_has_member (expect, "advisories_present"))
    {
      JsonArray *present = json_object_get_array_member (expect, "advisories_present");

      for (guint i = 0; i < json_array_get_length (present); i++)
        if (!sp_evaluation_has_advisory (evaluation, json_array_get_string_element (present, i)))
          g_error ("%s: advisory %s should be shown", name, json_array_get_string_element (present, i));
    }
  if (json_object_has_member (expect, "advisories_absent"))
    {
      JsonArray *absent = json_object_get_array_member (expect, "advisories_absent");

      for (guint i = 0; i < json_array_get_length (absent); i++)
        if (sp_evaluation_has_advisory (evaluation, json_array_get_string_element (absent, i)))
          g_error ("%s: advisory %s should not be shown", name, json_array_get_string_element (absent, i));
    }
}

/* Traceability: a decision nobody tests is a decision nobody checked. */
static void
test_every_decision_has_a_case (void)
{
  g_autoptr(GPtrArray) files = list_case_files ();
  g_autoptr(GHashTable) named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *fixture = load_fixture (g_ptr_array_index (files, i), parser);
      JsonObject *decisions = json_object_get_object_member (json_object_get_object_member (fixture, "expect"),
                                                             "decisions");
      JsonObjectIter iter;
      const char *id;
      JsonNode *node;

      json_object_iter_init (&iter, decisions);
      while (json_object_iter_next (&iter, &id, &node))
        {
          g_hash_table_add (named, g_strdup (id));
          g_hash_table_add (statuses, g_strdup_printf ("%s=%s", id,
                            json_object_get_string_member (json_node_get_object (node), "status")));
        }
    }

  for (guint d = 0; d < sp_policy_get_n_decisions (policy); d++)
    {
      const char *id = sp_decision_rule_get_id (sp_policy_get_decision (policy, d));
      g_autofree char *urgent = g_strdup_printf ("%s=urgent_referral", id);
      g_autofree char *needs = g_strdup_printf ("%s=needs_information", id);

      if (!g_hash_table_contains (named, id))
        g_error ("decision %s has no test case under tests/cases", id);
      if (!g_hash_table_contains (statuses, urgent) || !g_hash_table_contains (statuses, needs))
        g_error ("decision %s lacks an urgent-referral or a needs-information case", id);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) files = NULL;
  const char *source_dir;
  int status;

  g_test_init (&argc, &argv, NULL);

  source_dir = g_getenv ("SP_SOURCE_DIR");
  g_assert_nonnull (source_dir);
  cases_dir = g_build_filename (source_dir, "tests", "cases", NULL);

  policy = sp_policy_new_default (&error);
  g_assert_no_error (error);

  files = list_case_files ();
  g_assert_cmpuint (files->len, >, 0);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("/sp/cases/%s", (char *) g_ptr_array_index (files, i));
      g_test_add_data_func (path, g_ptr_array_index (files, i), test_case_file);
    }
  g_test_add_func ("/sp/cases/traceability/every-decision", test_every_decision_has_a_case);

  status = g_test_run ();
  g_clear_object (&policy);
  g_free (cases_dir);
  return status;
}

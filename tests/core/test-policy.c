/* test-policy.c: the policy file is validated on load, and a commissioner's
 * revision can be loaded instead of the built-in one
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "sp-core.h"
#include "sp-core-private.h"

static char *policy_path;
static const char *cli;

typedef void (*Mutation) (JsonObject *root);

static JsonObject *
array_object (JsonObject *root,
              const char *member,
              guint       index)
{
  return json_array_get_object_element (json_object_get_array_member (root, member), index);
}

static char *
mutated_policy (Mutation mutate)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, policy_path, &error);
  g_assert_no_error (error);
  if (mutate != NULL)
    mutate (json_node_get_object (json_parser_get_root (parser)));
  return json_to_string (json_parser_get_root (parser), TRUE);
}

static void
assert_refused (Mutation    mutate,
                const char *member,
                const char *words)
{
  g_autofree char *text = mutated_policy (mutate);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_strdup (text), strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPolicy) policy = sp_policy_new_from_bytes (bytes, "revision.json", &error);
  g_autofree char *prefix = g_strdup_printf ("revision.json: %s: ", member);

  g_assert_null (policy);
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID_POLICY);
  if (!g_str_has_prefix (error->message, prefix) || strstr (error->message, words) == NULL)
    g_error ("expected \"%s…%s\", got \"%s\"", prefix, words, error->message);
}

static void
unknown_fact_in_rule (JsonObject *root)
{
  JsonObject *row = json_array_get_object_element (json_object_get_array_member (array_object (root, "decisions", 2), "rows"), 0);
  g_autoptr(JsonNode) when = json_from_string ("{\"fact\": \"conservative_wekks\", \"ge\": 6}", NULL);

  json_object_set_member (row, "when", g_steal_pointer (&when));
}

static void
duplicate_fact (JsonObject *root)
{
  JsonArray *facts = json_object_get_array_member (root, "facts");

  json_array_add_element (facts, json_node_copy (json_array_get_element (facts, 5)));
}

static void
uncited_clause (JsonObject *root)
{
  g_autoptr(JsonNode) clause = json_from_string ("{\"id\": \"orphan\", \"heading\": \"H\", \"text\": \"Words.\"}", NULL);

  json_array_add_element (json_object_get_array_member (root, "clauses"), g_steal_pointer (&clause));
}

static void
unread_fact (JsonObject *root)
{
  g_autoptr(JsonNode) fact = json_from_string ("{\"id\": \"shoe_size\", \"type\": \"bool\", \"label\": \"Shoe\", "
                                               "\"pathway\": \"general\", \"section\": \"S\"}", NULL);

  json_array_add_element (json_object_get_array_member (root, "facts"), g_steal_pointer (&fact));
}

static void
bad_expression (JsonObject *root)
{
  JsonObject *row = json_array_get_object_element (json_object_get_array_member (array_object (root, "decisions", 2), "rows"), 0);
  g_autoptr(JsonNode) when = json_from_string ("{\"most\": []}", NULL);

  json_object_set_member (row, "when", g_steal_pointer (&when));
}

static void
wrong_choice (JsonObject *root)
{
  JsonObject *row = json_array_get_object_element (json_object_get_array_member (array_object (root, "decisions", 2), "rows"), 0);
  g_autoptr(JsonNode) when = json_from_string ("{\"fact\": \"conservative_status\", \"is\": \"finished\"}", NULL);

  json_object_set_member (row, "when", g_steal_pointer (&when));
}

static void
newer_schema (JsonObject *root)
{
  json_object_set_int_member (root, "schema_version", 2);
}

static void
unknown_clause_cited (JsonObject *root)
{
  JsonObject *row = json_array_get_object_element (json_object_get_array_member (array_object (root, "decisions", 0), "rows"), 0);
  JsonArray *clauses = json_array_new ();

  json_array_add_string_element (clauses, "no.such.clause");
  json_object_set_array_member (row, "clauses", clauses);
}

static void
last_row_with_condition (JsonObject *root)
{
  JsonArray *rows = json_object_get_array_member (array_object (root, "decisions", 0), "rows");
  JsonObject *last = json_array_get_object_element (rows, json_array_get_length (rows) - 1);
  g_autoptr(JsonNode) when = json_from_string ("{\"const\": true}", NULL);

  json_object_set_member (last, "when", g_steal_pointer (&when));
}

/* Two questions each asked only when the other is: the biopsychosocial
 * tool made a follow-up of its own STarT Back total. */
static void
relevance_cycle (JsonObject *root)
{
  JsonObject *tool = array_object (root, "facts", 7);
  g_autoptr(JsonNode) when = json_from_string ("{\"fact\": \"start_back_total\", \"ge\": 0}", NULL);

  g_assert_cmpstr (json_object_get_string_member (tool, "id"), ==, "biopsychosocial_tool");
  json_object_set_member (tool, "relevant_when", g_steal_pointer (&when));
}

/* A chain of ten follow-up questions, each asked when the one before is
 * answered: linear now, it once took exponential time to export. */
static void
relevance_long_chain (JsonObject *root)
{
  JsonArray *facts = json_object_get_array_member (root, "facts");

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"id\": \"chain_%u\", \"type\": \"bool\", \"label\": \"Chain %u\", \"pathway\": \"general\", "
        "\"section\": \"S\", \"recorded_only\": true%s%u%s}", i, i,
        i == 0 ? "" : ", \"relevant_when\": {\"fact\": \"chain_", i == 0 ? 0 : i - 1,
        i == 0 ? "" : "\", \"is\": true}");

      if (i == 0)
        {
          g_free (json);
          json = g_strdup ("{\"id\": \"chain_0\", \"type\": \"bool\", \"label\": \"Chain 0\", "
                           "\"pathway\": \"general\", \"section\": \"S\", \"recorded_only\": true}");
        }
      json_array_add_element (facts, json_from_string (json, NULL));
    }
}

/* Wrong types found by attacking the loader: each refused in one line,
 * never a json-glib critical (the tests run with G_DEBUG=fatal-warnings). */
static void
comparison_with_empty_object (JsonObject *root)
{
  JsonObject *row = json_array_get_object_element (json_object_get_array_member (array_object (root, "decisions", 1), "rows"), 0);

  json_object_set_member (row, "when", json_from_string ("{\"fact\": \"conservative_weeks\", \"ge\": {}}", NULL));
}

static void
impossible_effective_date (JsonObject *root)
{
  json_object_set_string_member (root, "effective_date", "2026-02-30");
}

static void
expression_too_deep (JsonObject *root)
{
  JsonObject *row = json_array_get_object_element (json_object_get_array_member (array_object (root, "decisions", 1), "rows"), 0);
  GString *json = g_string_new (NULL);

  for (guint i = 0; i < 80; i++)
    g_string_append (json, "{\"not\": ");
  g_string_append (json, "{\"fact\": \"conservative_weeks\", \"ge\": 1}");
  for (guint i = 0; i < 80; i++)
    g_string_append_c (json, '}');
  json_object_set_member (row, "when", json_from_string (json->str, NULL));
  g_string_free (json, TRUE);
}

static void
set_first_sign_off (JsonObject *root,
                    const char *sign_off_json)
{
  JsonObject *interpretation = array_object (root, "interpretations", 0);

  if (sign_off_json == NULL)
    json_object_remove_member (interpretation, "sign_off");
  else
    json_object_set_member (interpretation, "sign_off", json_from_string (sign_off_json, NULL));
}

static void
sign_off_missing (JsonObject *root)
{
  set_first_sign_off (root, NULL);
}

static void
sign_off_unknown_state (JsonObject *root)
{
  set_first_sign_off (root, "{\"state\": \"approved\"}");
}

static void
sign_off_without_by (JsonObject *root)
{
  set_first_sign_off (root, "{\"state\": \"signed_off\", \"date\": \"2027-01-15\"}");
}

static void
sign_off_blank_by (JsonObject *root)
{
  set_first_sign_off (root, "{\"state\": \"signed_off\", \"by\": \"\", \"date\": \"2027-01-15\"}");
}

static void
sign_off_without_date (JsonObject *root)
{
  set_first_sign_off (root, "{\"state\": \"signed_off\", \"by\": \"ICB policy group\"}");
}

static void
sign_off_impossible_date (JsonObject *root)
{
  set_first_sign_off (root, "{\"state\": \"signed_off\", \"by\": \"ICB policy group\", \"date\": \"2027-02-30\"}");
}

/* "awaiting" with a signer would read as signed off to a careless reader of
 * the file; it is refused rather than guessed at. */
static void
sign_off_awaiting_with_by (JsonObject *root)
{
  set_first_sign_off (root, "{\"state\": \"awaiting\", \"by\": \"ICB policy group\"}");
}

static void
sign_off_signed (JsonObject *root)
{
  set_first_sign_off (root, "{\"state\": \"signed_off\", \"by\": \"ICB policy group\", \"date\": \"2027-01-15\"}");
}

static void
unknown_status (JsonObject *root)
{
  json_object_set_string_member (root, "status", "final");
}

static void
status_not_a_string (JsonObject *root)
{
  json_object_set_boolean_member (root, "status", TRUE);
}

static void
adopted (JsonObject *root)
{
  json_object_set_string_member (root, "status", "adopted");
}

static void
no_status (JsonObject *root)
{
  json_object_remove_member (root, "status");
}

static void
no_care_setting (JsonObject *root)
{
  json_object_remove_member (json_object_get_object_member (root, "screening"), "care_setting");
}

static void
care_setting_not_a_choice (JsonObject *root)
{
  json_object_set_string_member (json_object_get_object_member (root, "screening"), "care_setting",
                                 "conservative_weeks");
}

static void
care_setting_unknown (JsonObject *root)
{
  json_object_set_string_member (json_object_get_object_member (root, "screening"), "care_setting", "settting");
}

static SpPolicy *
load_mutated (Mutation mutate)
{
  g_autofree char *text = mutated_policy (mutate);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_strdup (text), strlen (text));
  g_autoptr(GError) error = NULL;
  SpPolicy *policy = sp_policy_new_from_bytes (bytes, "revision.json", &error);

  g_assert_no_error (error);
  return policy;
}

/* Only a policy that says it is adopted is adopted: the shipped one is a
 * draft, and a file that does not say is read as one too. */
static void
test_status (void)
{
  g_autoptr(SpPolicy) shipped = load_mutated (NULL);
  g_autoptr(SpPolicy) adopted_policy = load_mutated (adopted);
  g_autoptr(SpPolicy) unsaid = load_mutated (no_status);

  g_assert_false (sp_policy_is_adopted (shipped));
  g_assert_true (sp_policy_is_adopted (adopted_policy));
  g_assert_false (sp_policy_is_adopted (unsaid));
  assert_refused (unknown_status, "status", "not a status");
  assert_refused (status_not_a_string, "status", "");
}

/* The care setting is a role the policy gives one of its choice facts,
 * optional: the app names no fact. */
static void
test_care_setting_role (void)
{
  g_autoptr(SpPolicy) shipped = load_mutated (NULL);
  g_autoptr(SpPolicy) without = load_mutated (no_care_setting);

  g_assert_nonnull (sp_policy_get_care_setting_fact (shipped));
  g_assert_cmpstr (sp_fact_get_id (sp_policy_get_care_setting_fact (shipped)), ==, "setting");
  g_assert_cmpint (sp_fact_get_fact_type (sp_policy_get_care_setting_fact (shipped)), ==, SP_FACT_CHOICE);
  g_assert_null (sp_policy_get_care_setting_fact (without));
  g_assert_cmpstr (sp_fact_get_id (sp_policy_get_assessment_date_fact (shipped)), ==, "assessment_date");
  assert_refused (care_setting_not_a_choice, "screening.care_setting", "must be a choice fact");
  assert_refused (care_setting_unknown, "screening.care_setting", "unknown fact \"settting\"");
}

static void
test_refusals (void)
{
  assert_refused (unknown_fact_in_rule, "decisions[2].rows[0].when.fact", "unknown fact \"conservative_wekks\"");
  assert_refused (duplicate_fact, "facts[51].id", "duplicate id");
  assert_refused (relevance_cycle, "facts[7].relevant_when", "refers back to itself");
  assert_refused (comparison_with_empty_object, "decisions[1].rows[0].when.ge.fact", "required member is missing");
  assert_refused (impossible_effective_date, "effective_date", "not a real calendar date");
  /* Expressions are bounded by the JSON gate's 64 levels: a deeper one is
   * refused before it is parsed, so parsing never recurses deeply. */
  {
    g_autofree char *text = mutated_policy (expression_too_deep);
    g_autoptr(GBytes) bytes = g_bytes_new_take (g_strdup (text), strlen (text));
    g_autoptr(GError) error = NULL;
    g_autoptr(SpPolicy) deep = sp_policy_new_from_bytes (bytes, "revision.json", &error);

    g_assert_null (deep);
    g_assert_true (g_str_has_prefix (error->message, "revision.json: decisions[1].rows[0].when.not.not."));
    g_assert_nonnull (strstr (error->message, "nested more than 64 levels deep"));
  }
  assert_refused (relevance_long_chain, "facts[60].relevant_when", "a chain of more than 8 follow-up questions");
  assert_refused (uncited_clause, "clauses[36]", "cited by no rule");
  assert_refused (unread_fact, "facts[51]", "read by no rule");
  assert_refused (bad_expression, "decisions[2].rows[0].when.most", "unknown expression");
  assert_refused (wrong_choice, "decisions[2].rows[0].when.is", "not a choice");
  assert_refused (newer_schema, "schema_version", "not supported");
  assert_refused (unknown_clause_cited, "decisions[0].rows[0].clauses[0]", "unknown clause");
  assert_refused (last_row_with_condition, "decisions[0].rows[0].when", "last row");
  assert_refused (sign_off_missing, "interpretations[0].sign_off", "");
  assert_refused (sign_off_unknown_state, "interpretations[0].sign_off.state", "unknown sign-off state");
  assert_refused (sign_off_without_by, "interpretations[0].sign_off.by", "");
  assert_refused (sign_off_blank_by, "interpretations[0].sign_off.by", "must name who");
  assert_refused (sign_off_without_date, "interpretations[0].sign_off.date", "");
  assert_refused (sign_off_impossible_date, "interpretations[0].sign_off.date", "not a date");
  assert_refused (sign_off_awaiting_with_by, "interpretations[0].sign_off.by", "unknown member");
}

/* Every interpretation in the shipped policy awaits sign-off and says so
 * wherever it is applied; one that is signed off says who signed and when,
 * and no longer says "awaiting". */
static void
test_sign_off (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPolicy) policy = sp_policy_new_default (&error);
  GListModel *interpretations = sp_policy_get_interpretations (policy);
  g_autofree char *text = mutated_policy (sign_off_signed);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_strdup (text), strlen (text));
  g_autoptr(SpPolicy) revised = NULL;
  g_autoptr(SpInterpretation) first = NULL;
  g_autoptr(SpInterpretation) second = NULL;
  const char *sentence;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (interpretations); i++)
    {
      g_autoptr(SpInterpretation) interpretation = g_list_model_get_item (interpretations, i);

      g_assert_false (sp_interpretation_is_signed_off (interpretation));
      g_assert_null (sp_interpretation_get_signed_off_by (interpretation));
      sentence = sp_policy_get_interpretation_sentence (policy, sp_interpretation_get_id (interpretation));
      g_assert_nonnull (strstr (sentence, "awaiting the commissioner's sign-off"));
    }

  revised = sp_policy_new_from_bytes (bytes, "revision.json", &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (sp_policy_get_interpretations (revised), 0);
  second = g_list_model_get_item (sp_policy_get_interpretations (revised), 1);
  g_assert_true (sp_interpretation_is_signed_off (first));
  g_assert_cmpstr (sp_interpretation_get_signed_off_by (first), ==, "ICB policy group");
  g_assert_cmpstr (sp_interpretation_get_signed_off_date (first), ==, "2027-01-15");
  sentence = sp_policy_get_interpretation_sentence (revised, sp_interpretation_get_id (first));
  g_assert_null (strstr (sentence, "awaiting"));
  g_assert_nonnull (strstr (sentence, "signed off by ICB policy group on 2027-01-15"));
  g_assert_false (sp_interpretation_is_signed_off (second));
  sentence = sp_policy_get_interpretation_sentence (revised, sp_interpretation_get_id (second));
  g_assert_nonnull (strstr (sentence, "awaiting the commissioner's sign-off"));
}

static void
test_built_in_policy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPolicy) policy = sp_policy_new_default (&error);
  g_autoptr(GFile) file = g_file_new_for_path (policy_path);
  g_autoptr(SpPolicy) from_file = sp_policy_new_from_file (file, &error);
  g_autofree char *contents = NULL;
  g_autofree char *sha256 = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_cmpstr (sp_policy_get_id (policy), ==, "spinal-interventions");
  g_assert_cmpuint (sp_policy_get_review_cycle_years (policy), ==, 3);
  g_assert_cmpuint (g_strv_length ((char **) sp_policy_get_references (policy)), ==, 7);
  g_assert_cmpuint (sp_policy_get_n_decisions (policy), ==, 27);
  g_assert_cmpuint (sp_policy_get_n_facts (policy), ==, 51);

  /* The built-in resource is byte for byte the file in the repository. */
  g_file_get_contents (policy_path, &contents, &length, &error);
  g_assert_no_error (error);
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
  g_assert_cmpstr (sp_policy_get_sha256 (policy), ==, sha256);
  g_assert_cmpstr (sp_policy_get_sha256 (from_file), ==, sha256);
}

/* Every clause quotes the policy: the loader refuses an uncited clause, and
 * here each interpretation names a clause that exists. */
static void
test_interpretations_name_clauses (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPolicy) policy = sp_policy_new_default (&error);
  GListModel *interpretations = sp_policy_get_interpretations (policy);

  g_assert_cmpuint (g_list_model_get_n_items (interpretations), >=, 11);
  for (guint i = 0; i < g_list_model_get_n_items (interpretations); i++)
    {
      g_autoptr(SpInterpretation) interpretation = g_list_model_get_item (interpretations, i);

      g_assert_nonnull (sp_policy_lookup_clause (policy, sp_interpretation_get_clause_id (interpretation)));
    }
}

static void
revision (JsonObject *root)
{
  json_object_set_string_member (root, "version", "2027.1-commissioner-revision");
}

static void
test_cli_policy_revision (void)
{
  g_autofree char *text = mutated_policy (revision);
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autofree char *dir = g_dir_make_tmp ("sp-policy-XXXXXX", NULL);
  g_autofree char *revision_path = g_build_filename (dir, "revision.json", NULL);
  g_autofree char *case_path = g_build_filename (dir, "case.spcase", NULL);
  g_autofree char *standard_output = NULL;
  g_autofree char *standard_error = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { cli, "--policy", revision_path, "evaluate", case_path, NULL };
  int wait_status;

  g_file_set_contents (revision_path, text, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (case_path, "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{}}", -1, &error);
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &standard_output, &standard_error, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
  expected = g_strdup_printf ("{\"policy\":{\"id\":\"spinal-interventions\",\"version\":\"2027.1-commissioner-revision\","
                              "\"sha256\":\"%s\"}", sha256);
  g_assert_true (g_str_has_prefix (standard_output, expected));

  g_remove (revision_path);
  g_remove (case_path);
  g_rmdir (dir);
}

static void
test_cli_bad_policy (void)
{
  g_autofree char *text = mutated_policy (unknown_fact_in_rule);
  g_autofree char *dir = g_dir_make_tmp ("sp-policy-XXXXXX", NULL);
  g_autofree char *revision_path = g_build_filename (dir, "broken.json", NULL);
  g_autofree char *standard_output = NULL;
  g_autofree char *standard_error = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { cli, "--policy", revision_path, "facts", NULL };
  int wait_status;

  g_file_set_contents (revision_path, text, -1, &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &standard_output, &standard_error, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 2);
  expected = g_strdup_printf ("%s: decisions[2].rows[0].when.fact: unknown fact", revision_path);
  g_assert_true (g_str_has_prefix (standard_error, expected));
  g_remove (revision_path);
  g_rmdir (dir);
}

/* The policy text with its layout taken out: bullets, the private-use
 * arrows of its sub-bullets, words hyphenated across a line joined, and
 * every run of white space one space. */
static char *
normalise_policy_words (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2022 || c == 0xF0D8 || g_unichar_isspace (c))
        {
          /* "Non-\nspecific" in the source is "Non-specific". */
          if (g_unichar_isspace (c) && out->len > 0 && out->str[out->len - 1] == '-' &&
              strchr (p, '\n') != NULL && (p[0] == '\n' || space))
            {
              const char *q = p;

              while (*q == ' ' || *q == '\n')
                q++;
              if (memchr (p, '\n', q - p) != NULL)
                {
                  p = q - 1;
                  space = FALSE;
                  continue;
                }
            }
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Clauses quote the policy verbatim, bullet by bullet (revision 3: a
 * bulleted clause keeps its list), when the policy text is beside the
 * source tree; a reworded quotation would put words in the policy's mouth. */
static void
test_clauses_are_verbatim (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SP_SOURCE_DIR"), "..", "shared", "policy",
                                            "spinal-interventions-policy.txt", NULL);
  g_autoptr(SpPolicy) policy = sp_policy_new_default (NULL);
  g_autofree char *source = NULL;
  g_autofree char *words = NULL;
  GListModel *clauses = sp_policy_get_clauses (policy);
  guint n_items = 0;

  if (!g_file_get_contents (path, &source, NULL, NULL))
    {
      g_test_skip ("../shared/policy is not beside the source tree");
      return;
    }
  words = normalise_policy_words (source);

  for (guint i = 0; i < g_list_model_get_n_items (clauses); i++)
    {
      g_autoptr(SpClause) clause = g_list_model_get_item (clauses, i);
      g_autofree char *intro = normalise_policy_words (sp_clause_get_intro (clause));

      if (strstr (words, intro) == NULL)
        g_error ("%s: not in the policy text: %s", sp_clause_get_id (clause), intro);
      for (guint j = 0; j < sp_clause_get_n_items (clause); j++)
        {
          g_autofree char *item = normalise_policy_words (sp_clause_get_item (clause, j, NULL));

          if (strstr (words, item) == NULL)
            g_error ("%s: bullet %u not in the policy text: %s", sp_clause_get_id (clause), j, item);
          n_items++;
        }
    }
  /* The two bulleted clauses: denervation's criteria, and what is not
   * funded in non-specific low back pain. */
  g_assert_cmpuint (n_items, >=, 4 + 3 + 7);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  policy_path = g_build_filename (g_getenv ("SP_SOURCE_DIR"), "data", "policy", "spinal-interventions.json", NULL);
  cli = g_getenv ("SP_CLI");

  g_test_add_func ("/sp/policy/refusals", test_refusals);
  g_test_add_func ("/sp/policy/status", test_status);
  g_test_add_func ("/sp/policy/care-setting-role", test_care_setting_role);
  g_test_add_func ("/sp/policy/built-in", test_built_in_policy);
  g_test_add_func ("/sp/policy/interpretations-name-clauses", test_interpretations_name_clauses);
  g_test_add_func ("/sp/policy/sign-off", test_sign_off);
  g_test_add_func ("/sp/policy/clauses-are-verbatim", test_clauses_are_verbatim);
  g_test_add_func ("/sp/policy/cli-revision", test_cli_policy_revision);
  g_test_add_func ("/sp/policy/cli-bad-policy", test_cli_bad_policy);

  status = g_test_run ();
  g_free (policy_path);
  return status;
}

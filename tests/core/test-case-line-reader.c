/* test-case-line-reader.c: the batch's fast line reader against the
 * reference (json-glib and sp_values_from_json_node()), line by line
 *
 * The fast reader may give any line back to the reference; what it must
 * never do is accept a line the reference refuses, or read different
 * values from one. Every fixture, bad case, generated line and mutation of
 * one is read both ways and compared.
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "sp-core.h"
#include "sp-core-private.h"
#include "sp-case-line-reader.h"
#include "sp-json-gate.h"

#define N_GENERATED 3000
#define N_MUTATIONS 3

typedef struct {
  SpPolicy         *policy;
  SpCaseLineReader *reader;
  JsonParser       *parser;
  SpValue          *fast_values;
  SpValue          *reference_values;
  guint32           today;
  guint             n_lines;
  guint             n_fast;
  guint             n_reference_valid;
} Fixture;

static const char *source_dir;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_facts;

  fixture->policy = sp_policy_new_default (&error);
  g_assert_no_error (error);
  n_facts = sp_policy_get_n_facts (fixture->policy);
  fixture->reader = sp_case_line_reader_new (fixture->policy);
  fixture->parser = json_parser_new_immutable ();
  fixture->fast_values = g_new0 (SpValue, n_facts);
  fixture->reference_values = g_new0 (SpValue, n_facts);
  g_assert_true (sp_date_parse ("2026-06-15", &fixture->today));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  guint n_facts = sp_policy_get_n_facts (fixture->policy);

  for (guint i = 0; i < n_facts; i++)
    {
      sp_value_clear (&fixture->fast_values[i]);
      sp_value_clear (&fixture->reference_values[i]);
    }
  g_free (fixture->fast_values);
  g_free (fixture->reference_values);
  g_object_unref (fixture->parser);
  sp_case_line_reader_free (fixture->reader);
  g_object_unref (fixture->policy);
}

/* Reads @text both ways; fails the test, naming the line, on any
 * difference. */
static void
check_line (Fixture    *fixture,
            const char *text,
            gsize       length)
{
  g_autoptr(GError) reference_error = NULL;
  g_autoptr(GError) batch_error = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *shown = g_strescape (text, NULL);
  guint n_facts = sp_policy_get_n_facts (fixture->policy);
  gboolean fast, reference, batch;
  gsize offset = 0;

  fixture->n_lines++;
  fast = sp_case_line_reader_read_fast (fixture->reader, text, length, fixture->today,
                                        fixture->fast_values);

  /* The general path: the strict gate, then json-glib. */
  if (!sp_json_gate_check (text, length, "t.jsonl:7", SP_ERROR_INVALID_CASE, &offset, &reference_error))
    reference = FALSE;
  else if (!json_parser_load_from_data (fixture->parser, text + offset, length - offset, &parse_error))
    {
      reference = FALSE;
      g_set_error (&reference_error, SP_ERROR, SP_ERROR_INVALID_CASE,
                   "t.jsonl:7: not a Spinal Pathways case: not valid JSON (%s)", parse_error->message);
    }
  else
    reference = sp_values_from_json_node (fixture->policy, json_parser_get_root (fixture->parser),
                                          "t.jsonl:7", fixture->today, fixture->reference_values,
                                          NULL, &reference_error);
  fixture->n_reference_valid += reference;

  if (fast)
    {
      fixture->n_fast++;
      if (!reference)
        g_test_fail_printf ("the fast reader accepted a line the reference refuses (%s): %s",
                            reference_error->message, shown);
      else
        for (guint i = 0; i < n_facts; i++)
          if (!sp_value_equal (&fixture->fast_values[i], &fixture->reference_values[i]) ||
              fixture->fast_values[i].recorded != fixture->reference_values[i].recorded)
            g_test_fail_printf ("the fast reader read %s differently: %s",
                                sp_fact_get_id (sp_policy_get_fact (fixture->policy, i)), shown);
    }
  else
    for (guint i = 0; i < n_facts; i++)
      if (fixture->fast_values[i].recorded)
        g_test_fail_printf ("the fast reader gave a line back with values set: %s", shown);

  /* The batch's whole read: the same verdict and the same words. */
  batch = sp_case_line_reader_read (fixture->reader, text, length, "t.jsonl", 7, fixture->today,
                                    fixture->fast_values, &batch_error);
  if (batch != reference)
    g_test_fail_printf ("the batch reader %s a line the reference %s: %s",
                        batch ? "accepted" : "refused", reference ? "accepts" : "refuses", shown);
  else if (!batch && g_strcmp0 (batch_error->message, reference_error->message) != 0)
    g_test_fail_printf ("the batch reader's error \"%s\" is not the reference's \"%s\"",
                        batch_error->message, reference_error->message);
}

static void
check_string (Fixture    *fixture,
              const char *text)
{
  check_line (fixture, text, strlen (text));
}

/* Each line, and each with a newline as getline() leaves it. */
static void
check_with_and_without_newline (Fixture    *fixture,
                                const char *text)
{
  g_autofree char *with_newline = g_strconcat (text, "\n", NULL);

  check_string (fixture, text);
  check_string (fixture, with_newline);
}

static char *
read_source_file (const char *folder,
                  const char *name)
{
  g_autofree char *path = g_build_filename (source_dir, "tests", folder, name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static GPtrArray *
list_folder (const char *folder)
{
  g_autofree char *path = g_build_filename (source_dir, "tests", folder, NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (path, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  return names;
}

static char *
to_one_line (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, NULL);
}

static void
test_fixtures (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) cases = list_folder ("cases");
  g_autoptr(GPtrArray) bad_cases = list_folder ("bad-cases");

  for (guint i = 0; i < cases->len; i++)
    {
      g_autofree char *contents = read_source_file ("cases", g_ptr_array_index (cases, i));
      g_autoptr(JsonNode) root = json_from_string (contents, NULL);
      g_autofree char *line = NULL;

      g_assert_nonnull (root);
      line = to_one_line (json_object_get_member (json_node_get_object (root), "case"));
      check_with_and_without_newline (fixture, line);
      g_strdelimit (contents, "\n", ' ');
      check_with_and_without_newline (fixture, contents);
    }

  for (guint i = 0; i < bad_cases->len; i++)
    {
      g_autofree char *contents = read_source_file ("bad-cases", g_ptr_array_index (bad_cases, i));
      g_autoptr(JsonNode) root = json_from_string (contents, NULL);
      g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);

      for (guint l = 0; lines[l] != NULL; l++)
        check_with_and_without_newline (fixture, lines[l]);
      if (root != NULL)
        {
          g_autofree char *line = to_one_line (root);

          check_with_and_without_newline (fixture, line);
        }
      g_strdelimit (contents, "\n", ' ');
      check_with_and_without_newline (fixture, contents);
    }

  /* Every valid fixture must go the fast way: the reader would be of no
   * use, and this test of little, if they did not. */
  g_assert_cmpuint (fixture->n_fast, >, cases->len);
}

/* Lines a person might write, or a program get wrong. */
#define SHA "7330666805b6ab7c296a1c498c5b82cc1cee958fc3a402b6d691f983ac3a258b"
#define CASE_WITH_POLICY(policy) \
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"policy\":" policy ",\"facts\":{}}"

static const char * const awkward_lines[] = {
  "", " ", "\t", "\r", "{}", "[]", "null", "1", "\"x\"",
  /* The saved policy, which the app writes into every case, and near
   * misses of the reference's checks on it. */
  CASE_WITH_POLICY ("{\"id\":\"spinal-interventions\",\"version\":\"2024.1\",\"sha256\":\"" SHA "\"}"),
  CASE_WITH_POLICY ("{\"id\":\"\",\"version\":\"\",\"sha256\":\"" SHA "\"}"),
  CASE_WITH_POLICY ("{\"id\":\"a\",\"version\":\"b\",\"sha256\":\"" SHA "\",\"id\":\"c\"}"),
  CASE_WITH_POLICY ("{\"id\":\"a\",\"version\":\"b\",\"sha256\":\"" SHA "\",\"extra\":\"c\"}"),
  CASE_WITH_POLICY ("{\"id\":\"a\",\"version\":\"b\"}"),
  CASE_WITH_POLICY ("{\"id\":\"a\",\"version\":\"b\",\"sha256\":\"7330666805B6ab7c296a1c498c5b82cc1cee958fc3a402b6d691f983ac3a258b\"}"),
  CASE_WITH_POLICY ("{\"id\":\"a\",\"version\":\"b\",\"sha256\":\"" SHA "0\"}"),
  CASE_WITH_POLICY ("{\"id\":1,\"version\":\"b\",\"sha256\":\"" SHA "\"}"),
  CASE_WITH_POLICY ("{}"),
  CASE_WITH_POLICY ("null"),
  CASE_WITH_POLICY ("\"spinal-interventions\""),
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"policy\":{\"id\":\"a\",\"version\":\"b\",\"sha256\":\"" SHA "\"},\"policy\":{\"id\":\"a\",\"version\":\"b\",\"sha256\":\"" SHA "\"},\"facts\":{}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{}} ",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{}}\r",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{}} x",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{}}{}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{}}//",
  "\xef\xbb\xbf{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{}}",
  " \t{ \"format\" : \"spinal-pathways-case\" ,\t\"format_version\" : 1 , \"facts\" : { } } \t",
  "{\"facts\":{},\"format_version\":1,\"format\":\"spinal-pathways-case\"}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"format_version\":1,\"facts\":{}}",
  "{\"format\":\"spinal-pathways-case\",\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{},\"facts\":{}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1.0,\"facts\":{}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1e0,\"facts\":{}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":2,\"facts\":{}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":0,\"facts\":{}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":-1,\"facts\":{}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":01,\"facts\":{}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1e24,\"facts\":{}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":-1e24,\"facts\":{}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1.5,\"facts\":{}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":\"1\",\"facts\":{}}",
  "{\"format\":\"spinal-pathways-\\u0063ase\",\"format_version\":1,\"facts\":{}}",
  "{\"format\":\"spinal-pathways-case\\u0000\",\"format_version\":1,\"facts\":{}}",
  "{\"format\":\"spinal-pathways-case \",\"format_version\":1,\"facts\":{}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1}",
  "{\"format\":\"spinal-pathways-case\",\"facts\":{}}",
  "{\"format_version\":1,\"facts\":{}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":null}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":[]}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{},\"notes\":null}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{},\"notes\":\"n\"}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{},\"patient\":{\"nhs_number\":\"9434765919\"}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{},\"patient\":{\"nhs_number\":\"9434765918\"}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{},\"patient\":{\"date_of_birth\":\"1970-02-30\"}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{},\"clinician\":{\"name\":\"A\",\"x\":1}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{},\"extra\":1}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"setting\":\"specialist\",}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"setting\":\"specialist\"},}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{setting:\"specialist\"}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"setting\":'specialist'}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"setting\" \"specialist\"}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"setting\":\"specialist\"}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"setting\":\"specialist\",\"setting\":\"primary_care\"}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"\\u0073etting\":\"specialist\"}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"setting\":\"speci\\u0061list\"}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"setting\":null}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"nested\":{\"a\":[1,{\"b\":null}]}}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"eq5d_profile\":\"12345\\n\"}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"eq5d_profile\":\"1234\xc3\xa9\"}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"eq5d_profile\":\"1234\xff\"}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"eq5d_profile\":\"12\\ud800345\"}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"eq5d_profile\":\"12345\t\"}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"conservative_status\":\"not_started\",\"conservative_weeks\":6}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"facet_previous_rfd\":false,\"facet_last_rfd_date\":\"2020-01-01\"}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"facet_previous_rfd\":true,\"facet_last_rfd_date\":\"2099-01-01\"}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"exceptional_interventions\":[\"sij.rfd\",\"lumbar.fusion\"]}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"exceptional_interventions\":[\"sij.rfd\",\"sij.rfd\"]}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"serious_pathology_suspected\":[\"trauma\",null]}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"serious_pathology_suspected\":[\"trauma\",]}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"serious_pathology_suspected\":[[]]}}",
  "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"serious_pathology_suspected\":[ \"trauma\" , \"cancer\" ]}}",
};

/* Values written every way that may, or may not, be a JSON number. */
static const char * const awkward_numbers[] = {
  "8", "8.0", "8.5", "1e2", "1E2", "1.0e1", "-0", "-0.0", "0.0", "00", "007", "0x10",
  "+1", ".5", "5.", "-", "1e400", "123456789012345", "1234567890123456",
  "18446744073709551615", "9223372036854775807", "9223372036854775808",
  "-9223372036854775808", "NaN", "Infinity", "-Infinity", "0.1", "0.30000000000000004",
  "100.00000000000001", "0.046711264814278688", "12.936183764204380001",
  "520.0000000001", "4.9e-324", "1.7976931348623157e308", "-1", "-0.5",
  "null", "nul", "nullx", "true", "tru", "truex", "false", "\"8\"", "[]", "{}", "[1]",
  "\"2024-02-29\"", "\"2023-02-29\"", "\"2024-13-01\"", "\"12345\"", "\"sciatica\"",
  "[\"trauma\"]", "[\"trauma\",\"trauma\"]",
};

static void
test_awkward_lines (Fixture       *fixture,
                    gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (awkward_lines); i++)
    check_with_and_without_newline (fixture, awkward_lines[i]);

  for (guint f = 0; f < sp_policy_get_n_facts (fixture->policy); f++)
    for (guint n = 0; n < G_N_ELEMENTS (awkward_numbers); n++)
      {
        g_autofree char *line =
          g_strdup_printf ("{\"format\":\"spinal-pathways-case\",\"format_version\":1,"
                           "\"facts\":{\"%s\":%s}}",
                           sp_fact_get_id (sp_policy_get_fact (fixture->policy, f)),
                           awkward_numbers[n]);

        check_with_and_without_newline (fixture, line);
      }

  /* Cases saved by the app are in the fast reader's subset. */
  {
    static const char saved[] =
      CASE_WITH_POLICY ("{\"id\":\"spinal-interventions\",\"version\":\"2024.1\",\"sha256\":\"" SHA "\"}");
    g_autofree char *long_id = g_strnfill (SP_CASE_MAX_NAME_CHARACTERS + 1, 'i');
    g_autofree char *too_long = g_strdup_printf (CASE_WITH_POLICY ("{\"id\":\"%s\",\"version\":\"b\",\"sha256\":\"" SHA "\"}"),
                                                 long_id);

    g_assert_true (sp_case_line_reader_read_fast (fixture->reader, saved, strlen (saved), fixture->today,
                                                  fixture->fast_values));
    check_line (fixture, too_long, strlen (too_long));
    g_assert_false (sp_case_line_reader_read_fast (fixture->reader, too_long, strlen (too_long), fixture->today,
                                                   fixture->fast_values));
  }

  /* A line with a NUL inside is read by length, not as a C string. */
  {
    static const char nul_line[] =
      "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"setting\":\"spec\0ialist\"}}";

    check_line (fixture, nul_line, sizeof nul_line - 1);
  }

  g_assert_cmpuint (fixture->n_fast, >, 0);
}

static void
append_number (GString *line,
               GRand   *rand,
               SpFact  *fact)
{
  double min = sp_fact_get_minimum (fact), max = sp_fact_get_maximum (fact);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  switch (g_rand_int_range (rand, 0, 8))
    {
    case 0:
      g_string_append_printf (line, "%d.0", (int) g_rand_double_range (rand, min, max));
      break;
    case 1:
      g_string_append (line, g_ascii_formatd (buffer, sizeof buffer, "%.17g",
                                              g_rand_double_range (rand, min, max)));
      break;
    case 2:
      g_string_append (line, g_ascii_formatd (buffer, sizeof buffer, "%.3f",
                                              g_rand_double_range (rand, min - 2, max + 2)));
      break;
    case 3:
      g_string_append (line, g_ascii_formatd (buffer, sizeof buffer, "%.17g",
                                              g_rand_double_range (rand, 0, 1e-3)));
      break;
    case 4:
      g_string_append (line, g_rand_boolean (rand) ? "-0" : "-0.0");
      break;
    default:
      g_string_append_printf (line, "%d", (int) g_rand_double_range (rand, min - 1, max + 1));
    }
}

static void
append_value (GString  *line,
              GRand    *rand,
              SpFact   *fact)
{
  guint n_choices = sp_fact_get_n_choices (fact);

  if (g_rand_int_range (rand, 0, 12) == 0)
    {
      g_string_append (line, "null");
      return;
    }

  switch (sp_fact_get_fact_type (fact))
    {
    case SP_FACT_BOOLEAN:
      g_string_append (line, g_rand_boolean (rand) ? "true" : "false");
      break;
    case SP_FACT_CHOICE:
      g_string_append_printf (line, "\"%s\"", sp_fact_get_choice_id (fact, g_rand_int_range (rand, 0, n_choices)));
      break;
    case SP_FACT_CHOICE_LIST:
    case SP_FACT_DECISION_LIST:
      {
        guint n = g_rand_int_range (rand, 0, 4);

        g_string_append_c (line, '[');
        for (guint i = 0; i < n; i++)
          g_string_append_printf (line, "%s\"%s\"", i > 0 ? (g_rand_boolean (rand) ? "," : " , ") : "",
                                  sp_fact_get_choice_id (fact, g_rand_int_range (rand, 0, n_choices)));
        g_string_append_c (line, ']');
      }
      break;
    case SP_FACT_INTEGER:
    case SP_FACT_NUMBER:
      append_number (line, rand, fact);
      break;
    case SP_FACT_DATE:
      g_string_append_printf (line, "\"%04d-%02d-%02d\"", g_rand_int_range (rand, 2015, 2028),
                              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 32));
      break;
    case SP_FACT_STRING:
      g_string_append_c (line, '"');
      for (guint i = 0; i < 5; i++)
        g_string_append_c (line, '0' + g_rand_int_range (rand, 1, 7));
      g_string_append_c (line, '"');
      break;
    default:
      g_assert_not_reached ();
    }
}

static char *
generate_line (Fixture *fixture,
               GRand   *rand)
{
  GString *line = g_string_new ("{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{");
  const char *comma = g_rand_int_range (rand, 0, 4) == 0 ? ", " : ",";
  gboolean first = TRUE;

  for (guint f = 0; f < sp_policy_get_n_facts (fixture->policy); f++)
    {
      /* Now and then a fact twice, which json-glib reads as its last value
       * and the fast reader must give back; most facts unrecorded, so that
       * fewer lines break a constraint. */
      guint i = g_rand_int_range (rand, 0, 64) == 0 ? g_rand_int_range (rand, 0, sp_policy_get_n_facts (fixture->policy)) : f;
      SpFact *fact = sp_policy_get_fact (fixture->policy, i);

      if (g_rand_int_range (rand, 0, 3) != 0)
        continue;
      g_string_append_printf (line, "%s\"%s\":", first ? "" : comma, sp_fact_get_id (fact));
      append_value (line, rand, fact);
      first = FALSE;
    }
  g_string_append (line, "}}");
  return g_string_free (line, FALSE);
}

static const char * const tokens[] = {
  "\"", ",", ":", "{", "}", "[", "]", "null", "true", "false", "0", "-", ".", "e", "\\",
  "\\u0000", " ", "\t", "8.0", "\"x\"", "\xff", "\xc3\xa9", "\"notes\":null,", "1e2", "\n",
};

static char *
mutate (const char *text,
        GRand      *rand)
{
  GString *line = g_string_new (text);
  guint n_changes = g_rand_int_range (rand, 1, 4);

  for (guint c = 0; c < n_changes; c++)
    {
      guint at = g_rand_int_range (rand, 0, line->len + 1);

      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          if (at < line->len)
            g_string_erase (line, at, 1);
          break;
        case 1:
          g_string_insert (line, at, tokens[g_rand_int_range (rand, 0, G_N_ELEMENTS (tokens))]);
          break;
        case 2:
          if (at < line->len)
            line->str[at] = (char) g_rand_int_range (rand, 0x20, 0x7f);
          break;
        default:
          {
            const char *colon = strchr (line->str + MIN (at, line->len), ':');
            gsize start, end;

            if (colon == NULL)
              break;
            start = colon - line->str + 1;
            for (end = start; end < line->len && line->str[end] != ',' && line->str[end] != '}'; end++)
              ;
            g_string_erase (line, start, end - start);
            g_string_insert (line, start, awkward_numbers[g_rand_int_range (rand, 0, G_N_ELEMENTS (awkward_numbers))]);
          }
        }
    }
  return g_string_free (line, FALSE);
}

static void
test_generated_and_mutated (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260615);
  guint n_generated_fast;

  for (guint i = 0; i < N_GENERATED; i++)
    {
      g_autofree char *line = generate_line (fixture, rand);

      check_with_and_without_newline (fixture, line);
    }
  n_generated_fast = fixture->n_fast;
  g_test_message ("generated: %u lines, %u valid, %u read by the fast reader",
                  fixture->n_lines, fixture->n_reference_valid, n_generated_fast);
  /* Most valid generated lines are in the fast reader's subset; were none,
   * this test would be checking nothing. */
  g_assert_cmpuint (n_generated_fast, >, fixture->n_reference_valid / 2);

  /* Mutations of lines the fast reader accepts: near misses of its subset. */
  for (guint i = 0; i < N_GENERATED; i++)
    {
      g_autofree char *line = generate_line (fixture, rand);

      for (guint tries = 0; tries < 20; tries++)
        {
          if (sp_case_line_reader_read_fast (fixture->reader, line, strlen (line), fixture->today,
                                             fixture->fast_values))
            break;
          g_free (line);
          line = generate_line (fixture, rand);
        }
      for (guint m = 0; m < N_MUTATIONS; m++)
        {
          g_autofree char *mutated = mutate (line, rand);

          check_string (fixture, mutated);
        }
    }
  g_test_message ("with mutations: %u lines, %u valid, %u read by the fast reader",
                  fixture->n_lines, fixture->n_reference_valid, fixture->n_fast);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  source_dir = g_getenv ("SP_SOURCE_DIR");
  g_assert_nonnull (source_dir);

  g_test_add ("/sp/case-line-reader/fixtures", Fixture, NULL,
              fixture_set_up, test_fixtures, fixture_tear_down);
  g_test_add ("/sp/case-line-reader/awkward-lines", Fixture, NULL,
              fixture_set_up, test_awkward_lines, fixture_tear_down);
  g_test_add ("/sp/case-line-reader/generated-and-mutated", Fixture, NULL,
              fixture_set_up, test_generated_and_mutated, fixture_tear_down);

  return g_test_run ();
}

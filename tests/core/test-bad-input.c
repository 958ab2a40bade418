/* test-bad-input.c: every bad-input kind of the contract, through the loader
 * and through the command line, and batch mode with bad lines in the middle
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "sp-core.h"

static SpPolicy *policy;
static char *bad_dir;
static const char *cli;

typedef struct {
  char *file;
  char *member;
} BadCase;

static void
bad_case_free (gpointer data)
{
  BadCase *bad = data;

  g_free (bad->file);
  g_free (bad->member);
  g_free (bad);
}

/* "FILE: member: problem", or "FILE: problem" when no member is at fault. */
static void
assert_names_file_and_member (const char *message,
                              const char *path,
                              const char *member)
{
  g_autofree char *prefix = NULL;

  if (member[0] != '\0')
    prefix = g_strdup_printf ("%s: %s: ", path, member);
  else
    prefix = g_strdup_printf ("%s: ", path);

  if (!g_str_has_prefix (message, prefix))
    g_error ("error \"%s\" does not start with \"%s\"", message, prefix);
}

static void
test_loader (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *path = g_build_filename (bad_dir, bad->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCase) case_ = NULL;

  case_ = sp_case_new_from_file (policy, file, &error);
  g_assert_null (case_);
  g_assert_nonnull (error);
  g_assert_true (error->domain == SP_ERROR);
  assert_names_file_and_member (error->message, path, bad->member);
}

static void
test_cli (gconstpointer data)
{
  const BadCase *bad = data;
  g_autofree char *path = g_build_filename (bad_dir, bad->file, NULL);
  g_autofree char *standard_output = NULL;
  g_autofree char *standard_error = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { cli, "evaluate", path, NULL };
  int wait_status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &standard_output, &standard_error, &wait_status, &error);
  g_assert_no_error (error);

  g_assert_true (WIFEXITED (wait_status));
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 2);
  g_assert_cmpstr (standard_output, ==, "");
  /* One line, naming the file and the member. */
  g_assert_true (g_str_has_suffix (standard_error, "\n"));
  g_assert_true (strchr (standard_error, '\n') == standard_error + strlen (standard_error) - 1);
  assert_names_file_and_member (standard_error, path, bad->member);
}

static void
test_batch_mixed (void)
{
  g_autofree char *path = g_build_filename (bad_dir, "batch-mixed.jsonl", NULL);
  g_autofree char *expect_path = g_build_filename (bad_dir, "batch-mixed.expect.json", NULL);
  g_autofree char *standard_output = NULL;
  g_autofree char *standard_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) expect_parser = json_parser_new ();
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) error_lines = NULL;
  const char *argv[] = { cli, "evaluate", "--batch", path, NULL };
  JsonArray *expected;
  int wait_status;
  guint n_errors = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &standard_output, &standard_error, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  /* Bad lines make the run a failure, after every good line was answered. */
  g_assert_cmpint (WEXITSTATUS (wait_status), ==, 2);

  json_parser_load_from_file (expect_parser, expect_path, &error);
  g_assert_no_error (error);
  expected = json_node_get_array (json_parser_get_root (expect_parser));

  lines = g_strsplit (g_strchomp (standard_output), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, json_array_get_length (expected));

  for (guint i = 0; i < json_array_get_length (expected); i++)
    {
      JsonObject *want = json_array_get_object_element (expected, i);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *got;

      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      got = json_node_get_object (json_parser_get_root (parser));

      /* Results carry the input's physical line, so they cannot be mispaired. */
      g_assert_cmpint (json_object_get_int_member (got, "line"), ==,
                       json_object_get_int_member (want, "line"));
      if (json_object_has_member (want, "ok"))
        {
          g_assert_false (json_object_has_member (got, "error"));
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (got, "decisions")), ==,
                            sp_policy_get_n_decisions (policy));
        }
      else
        {
          const char *message = json_object_get_string_member (got, "error");
          g_autofree char *where = g_strdup_printf ("%s:%" G_GINT64_FORMAT, path,
                                                    json_object_get_int_member (want, "line"));

          assert_names_file_and_member (message, where, json_object_get_string_member (want, "error_member"));
          n_errors++;
        }
    }

  error_lines = g_strsplit (g_strchomp (standard_error), "\n", -1);
  g_assert_cmpuint (g_strv_length (error_lines), ==, n_errors);
}

static void
test_newer_format_refused (void)
{
  static const char text[] = "{\"format\":\"spinal-pathways-case\",\"format_version\":2,\"facts\":{}}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(SpCase) case_ = sp_case_new_from_bytes (policy, bytes, "future.spcase", &error);

  g_assert_null (case_);
  g_assert_error (error, SP_ERROR, SP_ERROR_NEWER_FORMAT);
  g_assert_true (g_str_has_prefix (error->message, "future.spcase: format_version: "));
}

/* A format_version too large for any integer type once reached an
 * undefined conversion; it must be refused as newer, and a fraction as
 * malformed, each naming the member. */
static void
test_format_version_out_of_range (void)
{
  static const struct {
    const char *version;
    int         code;
  } versions[] = {
    { "1e24", SP_ERROR_NEWER_FORMAT },
    { "1.7976931348623157e308", SP_ERROR_NEWER_FORMAT },
    { "1.5", SP_ERROR_INVALID_CASE },
    { "0.5", SP_ERROR_INVALID_CASE },
    { "-1e24", SP_ERROR_INVALID_CASE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\":\"spinal-pathways-case\","
                                               "\"format_version\":%s,\"facts\":{}}",
                                               versions[i].version);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GError) error = NULL;
      g_autoptr(SpCase) case_ = sp_case_new_from_bytes (policy, bytes, "odd.spcase", &error);

      g_assert_null (case_);
      g_assert_error (error, SP_ERROR, versions[i].code);
      g_assert_true (g_str_has_prefix (error->message, "odd.spcase: format_version: "));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) bad_cases = g_ptr_array_new_with_free_func (bad_case_free);
  g_autofree char *index_path = NULL;
  JsonArray *index;
  int status;

  g_test_init (&argc, &argv, NULL);

  bad_dir = g_build_filename (g_getenv ("SP_SOURCE_DIR"), "tests", "bad-cases", NULL);
  cli = g_getenv ("SP_CLI");
  g_assert_nonnull (cli);

  policy = sp_policy_new_default (&error);
  g_assert_no_error (error);

  index_path = g_build_filename (bad_dir, "index.json", NULL);
  json_parser_load_from_file (parser, index_path, &error);
  g_assert_no_error (error);
  index = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (index), >, 0);

  for (guint i = 0; i < json_array_get_length (index); i++)
    {
      JsonObject *entry = json_array_get_object_element (index, i);
      BadCase *bad = g_new0 (BadCase, 1);
      g_autofree char *loader_path = NULL;
      g_autofree char *cli_path = NULL;

      bad->file = g_strdup (json_object_get_string_member (entry, "file"));
      bad->member = g_strdup (json_object_get_string_member (entry, "member"));
      g_ptr_array_add (bad_cases, bad);

      loader_path = g_strdup_printf ("/sp/bad-input/loader/%s", bad->file);
      cli_path = g_strdup_printf ("/sp/bad-input/cli/%s", bad->file);
      g_test_add_data_func (loader_path, bad, test_loader);
      g_test_add_data_func (cli_path, bad, test_cli);
    }
  g_test_add_func ("/sp/bad-input/batch-mixed", test_batch_mixed);
  g_test_add_func ("/sp/bad-input/newer-format", test_newer_format_refused);
  g_test_add_func ("/sp/bad-input/format-version-out-of-range", test_format_version_out_of_range);

  status = g_test_run ();
  g_clear_object (&policy);
  g_free (bad_dir);
  return status;
}

/* test-cli.c: spinal-pathways-cli as a user runs it: the contract's
 * examples, its output shape, its commands and its exit statuses
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <json-glib/json-glib.h>

#include "sp-core.h"
#include "../sp-test-stdin.h"

static const char *cli;

typedef struct {
  int   exit_status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* @threads: SP_BATCH_THREADS, or NULL to leave it unset */
static void
run_cli_threads (Run         *run,
                 const char  *input,
                 const char **args,
                 const char  *threads)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *stdin_path;

  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  stdin_path = sp_test_stdin_set (launcher, input);
  if (threads != NULL)
    g_subprocess_launcher_setenv (launcher, "SP_BATCH_THREADS", threads, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "SP_BATCH_THREADS");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  sp_test_stdin_remove (stdin_path);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->exit_status = g_subprocess_get_exit_status (process);
}

static void
run_cli (Run         *run,
         const char  *input,
         const char **args)
{
  run_cli_threads (run, input, args, NULL);
}

static JsonObject *
find_decision (JsonObject *result,
               const char *id)
{
  JsonArray *decisions = json_object_get_array_member (result, "decisions");

  for (guint i = 0; i < json_array_get_length (decisions); i++)
    {
      JsonObject *decision = json_array_get_object_element (decisions, i);

      if (g_str_equal (json_object_get_string_member (decision, "id"), id))
        return decision;
    }
  g_error ("no decision %s in the output", id);
}

/* The contract's own example, from standard input. */
static void
test_contract_example (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *args[] = { "evaluate", "-", NULL };
  JsonObject *result, *rfd, *policy;

  run_cli (&run, "{\"format\": \"spinal-pathways-case\", \"format_version\": 1, \"facts\": {"
                 "\"red_flag_objective_weakness\": false, \"red_flag_sexual_dysfunction\": false,"
                 "\"red_flag_cauda_equina\": false, \"red_flag_other_neurological_deterioration\": false,"
                 "\"serious_pathology_suspected\": [], \"radicular_symptoms\": true}}", args);
  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  result = json_node_get_object (json_parser_get_root (parser));

  policy = json_object_get_object_member (result, "policy");
  g_assert_cmpstr (json_object_get_string_member (policy, "id"), ==, "spinal-interventions");
  g_assert_cmpuint (strlen (json_object_get_string_member (policy, "sha256")), ==, 64);

  rfd = find_decision (result, "facet.rfd");
  g_assert_cmpstr (json_object_get_string_member (rfd, "status"), ==, "criteria_not_met");
  g_assert_cmpstr (json_object_get_string_member (rfd, "pathway"), ==, "facet");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (rfd, "missing")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (rfd, "reasons")), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (rfd, "citations")), >, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (result, "decisions")), ==, 27);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (result, "decisions"), 0), "id"), ==, "general.acupuncture");
  g_assert_true (strstr (run.out, "\"advisory.mdt\"") != NULL);
  /* The reasons quote the policy's words for "can be offered", never "approved". */
  g_assert_null (strstr (run.out, "approved"));
}

static void
test_needs_information_names_missing (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *args[] = { "evaluate", "-", NULL };
  JsonArray *missing;

  run_cli (&run, "{\"format\": \"spinal-pathways-case\", \"format_version\": 1, \"facts\": {}}", args);
  g_assert_cmpint (run.exit_status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  missing = json_object_get_array_member (find_decision (json_node_get_object (json_parser_get_root (parser)),
                                                         "general.acupuncture"), "missing");
  /* An empty case waits for screening: exactly the five screening facts. */
  g_assert_cmpuint (json_array_get_length (missing), ==, 5);
  g_assert_cmpstr (json_array_get_string_element (missing, 0), ==, "red_flag_objective_weakness");
  g_assert_cmpstr (json_array_get_string_element (missing, 4), ==, "serious_pathology_suspected");
  g_assert_true (strstr (run.out, "\"advisory.red_flags_unscreened\"") != NULL);
}

static void
test_batch_lines (void)
{
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;
  const char *args[] = { "evaluate", "--batch", "-", NULL };
  const char *empty = "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{}}";
  g_autofree char *input = g_strdup_printf ("%s\n\n   \n%s\n", empty, empty);

  run_cli (&run, input, args);
  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  lines = g_strsplit (g_strchomp (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], "{\"line\":1,\"policy\""));
  g_assert_true (g_str_has_prefix (lines[1], "{\"line\":4,\"policy\""));
}

/* A case from tests/cases, as one line of JSON. */
static char *
fixture_case_line (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("SP_SOURCE_DIR"), "tests", "cases", name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  json_generator_set_root (generator, json_object_get_member (json_node_get_object (json_parser_get_root (parser)),
                                                              "case"));
  return json_generator_to_data (generator, NULL);
}

/* Many chunks' worth of lines, with blank and bad lines among them: every
 * result comes out in the input's order under its own line number, the
 * same whatever the number of worker threads, and each good line's result
 * is what evaluating that case alone gives. */
static void
test_batch_order (void)
{
  const char *fixtures[] = {
    "advisory-eq5d-recorded.json", "advisory-conservative-not-started.json",
    "advisory-biopsychosocial-tool-none.json",
  };
  const char *args[] = { "evaluate", "--batch", "-", NULL };
  const char *thread_counts[] = { "1", "3", NULL };
  char *singles[G_N_ELEMENTS (fixtures)] = { NULL };
  char *lines[G_N_ELEMENTS (fixtures)] = { NULL };
  g_autoptr(GString) input = g_string_new (NULL);
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (int));  /* per line: fixture, -1 bad, -2 blank */
  g_auto(Run) reference = { 0 };
  const guint n_lines = 1500;

  if (g_getenv ("SP_SOURCE_DIR") == NULL)
    {
      g_test_skip ("SP_SOURCE_DIR is not set");
      return;
    }

  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_auto(Run) single = { 0 };
      const char *single_args[] = { "evaluate", "-", NULL };

      lines[f] = fixture_case_line (fixtures[f]);
      run_cli (&single, lines[f], single_args);
      g_assert_cmpint (single.exit_status, ==, 0);
      singles[f] = g_strdup (single.out);
    }

  for (guint n = 1; n <= n_lines; n++)
    {
      int kind = n % 97 == 0 ? -1 : n % 53 == 0 ? -2 : (int) (n % G_N_ELEMENTS (fixtures));

      g_array_append_val (kinds, kind);
      if (kind == -1)
        {
          g_string_append (input, "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{\"no_such_fact\":1}}\n");
        }
      else if (kind == -2)
        g_string_append (input, "  \n");
      else
        g_string_append_printf (input, "%s\n", lines[kind]);
    }

  run_cli_threads (&reference, input->str, args, NULL);
  g_assert_cmpint (reference.exit_status, ==, 2);

  /* Line by line, against what each line is. */
  {
    g_auto(GStrv) out = g_strsplit (reference.out, "\n", -1);
    g_auto(GStrv) err = g_strsplit (reference.err, "\n", -1);
    guint o = 0, e = 0;

    for (guint n = 1; n <= n_lines; n++)
      {
        int kind = g_array_index (kinds, int, n - 1);
        g_autofree char *prefix = g_strdup_printf ("{\"line\":%u,", n);

        if (kind == -2)
          continue;
        g_assert_nonnull (out[o]);
        g_assert_true (g_str_has_prefix (out[o], prefix));
        if (kind == -1)
          {
            g_autofree char *error_prefix = g_strdup_printf ("-:%u: ", n);

            g_assert_true (g_str_has_prefix (out[o] + strlen (prefix), "\"error\":"));
            g_assert_nonnull (err[e]);
            g_assert_true (g_str_has_prefix (err[e], error_prefix));
            g_assert_nonnull (strstr (err[e], "no_such_fact"));
            e++;
          }
        else
          {
            /* The single result, with the line number put in front. */
            g_autofree char *expected = g_strdup_printf ("%s%s", prefix, singles[kind] + 1);

            g_assert_cmpstr (g_strchomp (expected), ==, out[o]);
          }
        o++;
      }
    g_assert_cmpstr (out[o], ==, "");
    g_assert_null (out[o + 1]);
    g_assert_cmpstr (err[e], ==, "");
  }

  for (guint t = 0; thread_counts[t]; t++)
    {
      g_auto(Run) run = { 0 };

      run_cli_threads (&run, input->str, args, thread_counts[t]);
      g_assert_cmpint (run.exit_status, ==, 2);
      g_assert_cmpstr (run.out, ==, reference.out);
      g_assert_cmpstr (run.err, ==, reference.err);
    }

  for (guint f = 0; f < G_N_ELEMENTS (fixtures); f++)
    {
      g_free (singles[f]);
      g_free (lines[f]);
    }
}

/* Input that cannot be read, and results that cannot be written: each is
 * reported with its own cause, and the exit status says which. */
static void
test_batch_io_errors (void)
{
  const char *empty = "{\"format\":\"spinal-pathways-case\",\"format_version\":1,\"facts\":{}}";
  g_autofree char *dir = g_dir_make_tmp ("sp-cli-XXXXXX", NULL);
  g_autoptr(GString) input = g_string_new (NULL);

  g_assert_nonnull (dir);

  /* A folder opens, but reading it fails. */
  {
    g_auto(Run) run = { 0 };
    const char *args[] = { "evaluate", "--batch", dir, NULL };

    run_cli (&run, NULL, args);
    g_assert_cmpint (run.exit_status, ==, 2);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_true (g_str_has_prefix (run.err, dir));
    g_assert_nonnull (strstr (run.err, ": cannot read: "));
    g_assert_nonnull (strstr (run.err, g_strerror (EISDIR)));
  }

  /* A full disk, after several chunks' worth of results. */
  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_autoptr(GSubprocessLauncher) launcher =
        g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;
      char *stdin_path;

      for (guint i = 0; i < 1000; i++)
        g_string_append_printf (input, "%s\n", empty);
      stdin_path = sp_test_stdin_set (launcher, input->str);
      g_subprocess_launcher_set_stdout_file_path (launcher, "/dev/full");
      process = g_subprocess_launcher_spawn (launcher, &error, cli, "evaluate", "--batch", "-", NULL);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
      g_assert_no_error (error);
      sp_test_stdin_remove (stdin_path);
      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
      g_assert_nonnull (strstr (err, "cannot write the results: "));
      g_assert_nonnull (strstr (err, g_strerror (ENOSPC)));
    }

  g_rmdir (dir);
}

static void
test_facts_vocabulary (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPolicy) policy = sp_policy_new_default (&error);
  g_auto(GStrv) lines = NULL;
  const char *args[] = { "facts", NULL };

  run_cli (&run, NULL, args);
  g_assert_cmpint (run.exit_status, ==, 0);
  lines = g_strsplit (g_strchomp (run.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, sp_policy_get_n_facts (policy) + 1);
  for (guint i = 0; i < sp_policy_get_n_facts (policy); i++)
    {
      SpFact *fact = sp_policy_get_fact (policy, i);
      g_autofree char *prefix = g_strdup_printf ("%s\t%s\t", sp_fact_get_id (fact),
                                                 sp_fact_type_to_string (sp_fact_get_fact_type (fact)));

      g_assert_true (g_str_has_prefix (lines[i + 1], prefix));
      g_assert_true (g_str_has_suffix (lines[i + 1], sp_fact_get_label (fact)));
    }
  g_assert_true (g_str_has_prefix (lines[2], "red_flag_objective_weakness\tbool\ttrue|false\t"));
  g_assert_nonnull (strstr (run.out, "conservative_weeks\tnumber\t0..520 weeks\t"));
}

static void
test_interpretations (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPolicy) policy = sp_policy_new_default (&error);
  GListModel *interpretations = sp_policy_get_interpretations (policy);
  const char *args[] = { "interpretations", NULL };

  run_cli (&run, NULL, args);
  g_assert_cmpint (run.exit_status, ==, 0);
  for (guint i = 0; i < g_list_model_get_n_items (interpretations); i++)
    {
      g_autoptr(SpInterpretation) interpretation = g_list_model_get_item (interpretations, i);
      SpClause *clause = sp_policy_lookup_clause (policy, sp_interpretation_get_clause_id (interpretation));

      g_assert_nonnull (strstr (run.out, sp_interpretation_get_id (interpretation)));
      g_assert_nonnull (strstr (run.out, sp_interpretation_get_reading (interpretation)));
      g_assert_nonnull (strstr (run.out, sp_clause_get_text (clause)));
    }
}

static void
test_version_and_help (void)
{
  g_auto(Run) version = { 0 };
  g_auto(Run) help = { 0 };
  const char *version_args[] = { "--version", NULL };
  const char *help_args[] = { "--help", NULL };
  g_autofree char *expected = g_strdup_printf ("spinal-pathways-cli %s\npolicy spinal-interventions ", PACKAGE_VERSION);

  run_cli (&version, NULL, version_args);
  g_assert_cmpint (version.exit_status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, expected));
  g_assert_nonnull (strstr (version.out, "sha256 "));

  run_cli (&help, NULL, help_args);
  g_assert_cmpint (help.exit_status, ==, 0);
  g_assert_nonnull (strstr (help.out, "evaluate --batch FILE.jsonl"));
  g_assert_nonnull (strstr (help.out, "clinical judgement applies"));
}

static void
test_usage_errors (void)
{
  const char *no_command[] = { NULL };
  const char *unknown_option[] = { "--frobnicate", "facts", NULL };
  const char *unknown_command[] = { "decide", NULL };
  const char *too_many[] = { "evaluate", "a.json", "b.json", NULL };
  const char *missing_file[] = { "evaluate", "/nonexistent/case.json", NULL };
  const char *missing_policy[] = { "--policy", NULL };
  const char **cases[] = { no_command, unknown_option, unknown_command, too_many, missing_file, missing_policy };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, NULL, cases[i]);
      g_assert_cmpint (run.exit_status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, !=, "");
    }
}

/* Runs the CLI with standard output on /dev/full: every command must see
 * the failed write and exit 1 with an error line, never report success. */
static void
test_full_standard_output (void)
{
  const char *facts[] = { "facts", NULL };
  const char *interpretations[] = { "interpretations", NULL };
  const char *help[] = { "--help", NULL };
  const char *version[] = { "--version", NULL };
  const char *export_help[] = { "export", "--help", NULL };
  const char *evaluate[] = { "evaluate", "-", NULL };
  const char *export_text[] = { "export", "--text", "-", NULL };
  const char **cases[] = { facts, interpretations, help, version, export_help, evaluate, export_text };
  const char *valid = "{\"format\": \"spinal-pathways-case\", \"format_version\": 1, \"facts\": {}}";

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GSubprocessLauncher) launcher =
        g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *err = NULL;
      char *stdin_path = sp_test_stdin_set (launcher, valid);

      g_ptr_array_add (argv, (gpointer) cli);
      for (guint j = 0; cases[i][j]; j++)
        g_ptr_array_add (argv, (gpointer) cases[i][j]);
      g_ptr_array_add (argv, NULL);
      g_subprocess_launcher_set_stdout_file_path (launcher, "/dev/full");
      process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
      g_assert_no_error (error);
      sp_test_stdin_remove (stdin_path);
      g_assert_true (g_subprocess_get_if_exited (process));
      g_test_message ("%s: %s", cases[i][0], err);
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
      g_assert_nonnull (strstr (err, g_strerror (ENOSPC)));
    }
}

/* Nothing on standard input is a bad input named as such, not a crash. */
static void
test_empty_standard_input (void)
{
  const char *evaluate[] = { "evaluate", "-", NULL };
  const char *export_text[] = { "export", "--text", "-", NULL };
  const char **cases[] = { evaluate, export_text };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, "", cases[i]);
      g_assert_cmpint (run.exit_status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_true (g_str_has_prefix (run.err, "standard input: "));
    }
}

/* An argument quoted back in an error is escaped: no terminal escape
 * reaches the terminal and the error stays on its own line. */
static void
test_escaped_errors (void)
{
  const char *option[] = { "--\033]0;owned\007\n\033[31mred", "facts", NULL };
  const char *export_option[] = { "export", "--\033[2J\r\nx", NULL };
  const char **cases[] = { option, export_option };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      g_auto(GStrv) lines = NULL;

      run_cli (&run, NULL, cases[i]);
      g_assert_cmpint (run.exit_status, ==, 2);
      for (const char *c = run.err; *c; c++)
        if (*c != '\n')
          g_assert_false (g_ascii_iscntrl (*c));
      lines = g_strsplit (run.err, "\n", -1);
      g_assert_nonnull (strstr (lines[0], "\\u001B"));
      g_assert_nonnull (strstr (lines[0], "unknown option"));
    }
}

/* "--" ends the options: what follows is a command or a file name, even
 * one that starts with "-". */
static void
test_end_of_options (void)
{
  g_auto(Run) facts = { 0 };
  g_auto(Run) named = { 0 };
  const char *facts_args[] = { "--", "facts", NULL };
  const char *named_args[] = { "--", "evaluate", "-not-an-option.json", NULL };

  run_cli (&facts, NULL, facts_args);
  g_assert_cmpint (facts.exit_status, ==, 0);
  g_assert_true (g_str_has_prefix (facts.out, "# id\t"));

  run_cli (&named, NULL, named_args);
  g_assert_cmpint (named.exit_status, ==, 2);
  g_assert_nonnull (strstr (named.err, "-not-an-option.json: "));
  g_assert_null (strstr (named.err, "unknown option"));
}

/* export --pdf never replaces what is not a regular file, and "-" is
 * refused rather than written to a file called "-". */
static void
test_export_refuses_special_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("sp-cli-export-XXXXXX", NULL);
  g_autofree char *case_path = g_build_filename (dir, "case.json", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *target = g_build_filename (dir, "target.pdf", NULL);
  g_autofree char *link = g_build_filename (dir, "link.pdf", NULL);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  const char *refused[] = { fifo, link, dir, "/dev/null", "-" };
  GStatBuf st;

  g_assert_true (g_file_set_contents (case_path,
                                      "{\"format\": \"spinal-pathways-case\", \"format_version\": 1, \"facts\": {}}",
                                      -1, NULL));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_true (g_file_set_contents (target, "old", -1, NULL));
  g_assert_cmpint (symlink (target, link), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_auto(Run) run = { 0 };
      const char *args[] = { "export", "--pdf", refused[i], case_path, NULL };

      run_cli (&run, NULL, args);
      g_assert_cmpint (run.exit_status, !=, 0);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_cmpstr (run.err, !=, "");
    }
  g_assert_cmpint (g_lstat ("/dev/null", &st), ==, 0);
  g_assert_true (S_ISCHR (st.st_mode));
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
  g_assert_cmpint (g_lstat (link, &st), ==, 0);
  g_assert_true (S_ISLNK (st.st_mode));
  g_assert_false (g_file_test ("-", G_FILE_TEST_EXISTS));

  {
    g_auto(Run) run = { 0 };
    const char *args[] = { "export", "--pdf", pdf, case_path, NULL };

    run_cli (&run, NULL, args);
    g_assert_cmpint (run.exit_status, ==, 0);
    g_assert_cmpint (g_stat (pdf, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  g_unlink (pdf);
  g_unlink (link);
  g_unlink (target);
  g_unlink (fifo);
  g_unlink (case_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  cli = g_getenv ("SP_CLI");
  g_assert_nonnull (cli);

  g_test_add_func ("/sp/cli/contract-example", test_contract_example);
  g_test_add_func ("/sp/cli/needs-information-names-missing", test_needs_information_names_missing);
  g_test_add_func ("/sp/cli/batch-lines", test_batch_lines);
  g_test_add_func ("/sp/cli/batch-order", test_batch_order);
  g_test_add_func ("/sp/cli/batch-io-errors", test_batch_io_errors);
  g_test_add_func ("/sp/cli/facts", test_facts_vocabulary);
  g_test_add_func ("/sp/cli/interpretations", test_interpretations);
  g_test_add_func ("/sp/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/sp/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/sp/cli/full-standard-output", test_full_standard_output);
  g_test_add_func ("/sp/cli/empty-standard-input", test_empty_standard_input);
  g_test_add_func ("/sp/cli/escaped-errors", test_escaped_errors);
  g_test_add_func ("/sp/cli/end-of-options", test_end_of_options);
  g_test_add_func ("/sp/cli/export-refuses-special-files", test_export_refuses_special_files);

  return g_test_run ();
}

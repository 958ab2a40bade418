/* test-export.c: spinal-pathways-cli export, through sp_cli_export()
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "report-test-util.h"
#include "../sp-test-stdin.h"

typedef struct {
  int   status;
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

static void
run_export (Run        *run,
            const char *input,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  char *stdin_path = sp_test_stdin_set (launcher, input);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, g_strdup (g_getenv ("SP_EXPORT")));
  va_start (args, input);
  while ((arg = va_arg (args, const char *)))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  sp_test_stdin_remove (stdin_path);
  run->status = g_subprocess_get_exit_status (process);
}

static void
assert_one_line (const char *text)
{
  g_assert_nonnull (text);
  g_assert_true (g_str_has_suffix (text, "\n"));
  g_assert_true (strchr (text, '\n') == text + strlen (text) - 1);
}

static void
test_text (void)
{
  g_autofree char *case_path = test_case_path ("lumbar-sciatica-supported.json");
  g_auto(Run) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_export (&run, NULL, "--text", case_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, SP_SUMMARY_TITLE "\n"));
  g_assert_nonnull (strstr (run.out, "Aisha Rahman"));
  g_assert_nonnull (strstr (run.out, "\nSupported: Lumbar discectomy\n"));
  /* Plain words, one paragraph per line: no glyphs, no tabs. */
  g_assert_null (strstr (run.out, "✔"));
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    g_assert_null (strchr (lines[i], '\t'));
}

/* --no-appendix leaves out the reasons and policy text and the facts, says
 * so, and keeps the decisions and what is still to record. */
static void
test_no_appendix (void)
{
  g_autofree char *case_path = test_case_path ("exceptional-case.json");
  g_auto(Run) full = { 0 };
  g_auto(Run) brief = { 0 };

  run_export (&full, NULL, "--text", case_path, NULL);
  run_export (&brief, NULL, "--no-appendix", "--text", case_path, NULL);
  g_assert_cmpint (full.status, ==, 0);
  g_assert_cmpint (brief.status, ==, 0);
  g_assert_nonnull (strstr (full.out, "\nAPPENDIX: REASONS AND POLICY TEXT\n"));
  g_assert_nonnull (strstr (full.out, "\nFACTS RECORDED\n"));
  g_assert_null (strstr (full.out, SP_SUMMARY_REASONS_OMITTED));
  g_assert_null (strstr (brief.out, "\nAPPENDIX: REASONS AND POLICY TEXT\n"));
  g_assert_null (strstr (brief.out, "\nFACTS RECORDED\n"));
  g_assert_null (strstr (brief.out, "Policy, "));
  g_assert_nonnull (strstr (brief.out, SP_SUMMARY_REASONS_OMITTED));
  g_assert_nonnull (strstr (brief.out, "\nStill to record: "));
  g_assert_nonnull (strstr (brief.out, "\nIndividual funding request possible (not an approval): Lumbar spinal fusion\n"));
  g_assert_cmpuint (strlen (brief.out), <, strlen (full.out) / 2);
}

static void
test_no_identifiers (void)
{
  g_autofree char *case_path = test_case_path ("lumbar-sciatica-supported.json");
  g_auto(Run) run = { 0 };

  run_export (&run, NULL, "--no-identifiers", "--text", case_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "Aisha Rahman"));
  g_assert_null (strstr (run.out, "943 476 5919"));
  g_assert_null (strstr (run.out, "David Hughes"));
}

static void
test_stdin (void)
{
  g_autofree char *case_path = test_case_path ("urgent-red-flag.json");
  g_autofree char *contents = NULL;
  g_auto(Run) run = { 0 };

  g_file_get_contents (case_path, &contents, NULL, NULL);
  run_export (&run, contents, "--text", "-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "URGENT REFERRAL TO AN ACUTE SPINAL CENTRE"));
}

static void
test_pdf (void)
{
  g_autofree char *case_path = test_case_path ("exceptional-case.json");
  g_autofree char *dir = g_dir_make_tmp ("sp-export-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "summary.pdf", NULL);
  g_autofree char *contents = NULL;
  g_auto(Run) run = { 0 };
  GStatBuf buf;

  run_export (&run, NULL, "--pdf", pdf, "--no-identifiers", case_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (g_stat (pdf, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  g_file_get_contents (pdf, &contents, NULL, NULL);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_pdf_missing_folder (void)
{
  g_autofree char *case_path = test_case_path ("exceptional-case.json");
  g_autofree char *dir = g_dir_make_tmp ("sp-export-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "missing", "summary.pdf", NULL);
  g_auto(Run) run = { 0 };

  run_export (&run, NULL, "--pdf", pdf, case_path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  g_assert_true (g_str_has_prefix (run.err, pdf));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

static void
test_bad_case (void)
{
  g_auto(Run) run = { 0 };

  run_export (&run, "{\"format\":\"spinal-pathways-case\",\"format_version\":1,"
                    "\"facts\":{\"conservative_wekes\":3}}", "--text", "-", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  assert_one_line (run.err);
  g_assert_nonnull (strstr (run.err, "standard input: "));
  g_assert_nonnull (strstr (run.err, "conservative_wekes"));
}

static void
test_missing_case (void)
{
  g_auto(Run) run = { 0 };

  run_export (&run, NULL, "--text", "/nonexistent/case.json", NULL);
  g_assert_cmpint (run.status, ==, 2);
  assert_one_line (run.err);
  g_assert_nonnull (strstr (run.err, "/nonexistent/case.json"));
}

static void
test_usage (void)
{
  static const char * const bad[][4] = {
    { NULL },
    { "--text", NULL },
    { "case.json", NULL },
    { "--pdf", NULL },
    { "--frobnicate", "--text", "case.json", NULL },
    { "--text", "a.json", "b.json", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(Run) run = { 0 };

      switch (i)
        {
        case 0: run_export (&run, NULL, NULL); break;
        case 1: run_export (&run, NULL, bad[i][0], NULL); break;
        case 2: run_export (&run, NULL, bad[i][0], NULL); break;
        case 3: run_export (&run, NULL, bad[i][0], NULL); break;
        case 4: run_export (&run, NULL, bad[i][0], bad[i][1], bad[i][2], NULL); break;
        case 5: run_export (&run, NULL, bad[i][0], bad[i][1], bad[i][2], NULL); break;
        default: g_assert_not_reached ();
        }
      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      assert_one_line (run.err);
      g_assert_true (g_str_has_prefix (run.err, "spinal-pathways-cli: export: "));
    }
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };

  run_export (&run, NULL, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--no-identifiers"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/export/text", test_text);
  g_test_add_func ("/report/export/no-identifiers", test_no_identifiers);
  g_test_add_func ("/report/export/no-appendix", test_no_appendix);
  g_test_add_func ("/report/export/stdin", test_stdin);
  g_test_add_func ("/report/export/pdf", test_pdf);
  g_test_add_func ("/report/export/pdf-missing-folder", test_pdf_missing_folder);
  g_test_add_func ("/report/export/bad-case", test_bad_case);
  g_test_add_func ("/report/export/missing-case", test_missing_case);
  g_test_add_func ("/report/export/usage", test_usage);
  g_test_add_func ("/report/export/help", test_help);

  return g_test_run ();
}

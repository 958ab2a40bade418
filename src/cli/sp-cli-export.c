/* sp-cli-export.c: spinal-pathways-cli export, a summary for the record
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <gio/gunixinputstream.h>

#include "sp-cli-export.h"
#include "sp-core-private.h"
#include "sp-report.h"

/* The contract's exit statuses. */
enum {
  EXPORT_OK = 0,
  EXPORT_INTERNAL = 1,
  EXPORT_BAD_INPUT = 2,
};

static const char export_help[] =
  "Usage:\n"
  SP_CLI_EXPORT_USAGE
  "\n"
  "Write a summary of the decisions for a case, fit for the patient's record.\n"
  "\n"
  "Options:\n"
  "  --pdf OUT.pdf     Write an A4 PDF to OUT.pdf (readable by you alone, 0600)\n"
  "  --text            Print plain text for a clinical system's free-text box:\n"
  "                    one paragraph per line, plain words, no symbols\n"
  "  --no-appendix     Leave out the appendix: the reasons, quoted policy text,\n"
  "                    readings and facts recorded (the summary says so)\n"
  "  --no-identifiers  Leave out the patient's name, NHS number and date of\n"
  "                    birth, and the clinician's name and role\n"
  "  --help            Print this help\n"
  "\n"
  "CASE.json may be - to read the case from standard input.\n"
  "Exit status: 0 written; 2 bad usage or a bad case; 1 the summary could not\n"
  "be written.\n";

static int
export_usage_error (const char *format,
                    ...) G_GNUC_PRINTF (1, 2);

static int
export_usage_error (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Arguments quoted in the message are escaped: one line, no terminal codes. */
  line = sp_printable_line (message);
  g_printerr ("spinal-pathways-cli: export: %s (try 'spinal-pathways-cli export --help')\n", line);
  return EXPORT_BAD_INPUT;
}

static void
print_one_line (const char *message)
{
  /* Errors are one line each, for scripts that read them line by line. */
  g_autofree char *line = sp_printable_line (message);

  g_printerr ("%s\n", line);
}

static SpCase *
load_case (SpPolicy    *policy,
           const char  *path,
           GError     **error)
{
  if (g_str_equal (path, "-"))
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);
      g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;

      if (g_output_stream_splice (memory, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &local_error) < 0)
        {
          g_set_error (error, SP_ERROR, SP_ERROR_INVALID_CASE, "standard input: cannot read: %s",
                       local_error->message);
          return NULL;
        }
      bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
      return sp_case_new_from_bytes (policy, bytes, "standard input", error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      return sp_case_new_from_file (policy, file, error);
    }
}

/**
 * sp_cli_export:
 * @policy: the policy to apply
 * @argc: the number of arguments after "export"
 * @argv: the arguments after "export"
 *
 * `spinal-pathways-cli export --pdf OUT.pdf CASE` and
 * `spinal-pathways-cli export --text CASE`, with `--no-identifiers`.
 *
 * Returns: the exit status: 0 written, 2 bad usage or a bad case (one line
 *   on standard error naming the file and the member), 1 the summary could
 *   not be written
 */
int
sp_cli_export (SpPolicy  *policy,
               int        argc,
               char     **argv)
{
  g_autoptr(SpCase) case_ = NULL;
  g_autoptr(SpEvaluation) evaluation = NULL;
  g_autoptr(SpSummary) summary = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  const char *pdf_path = NULL;
  const char *case_path = NULL;
  gboolean text = FALSE;
  gboolean identifiers = TRUE;
  gboolean appendix = TRUE;
  gboolean options_done = FALSE;

  g_return_val_if_fail (SP_IS_POLICY (policy), EXPORT_INTERNAL);

  for (int i = 0; i < argc; i++)
    {
      const char *arg = argv[i];

      if (!options_done && g_str_equal (arg, "--"))
        options_done = TRUE;
      else if (!options_done && (g_str_equal (arg, "--help") || g_str_equal (arg, "-h")))
        {
          fputs (export_help, stdout);
          return EXPORT_OK;
        }
      else if (!options_done && g_str_equal (arg, "--pdf"))
        {
          if (i + 1 >= argc)
            return export_usage_error ("--pdf needs the name of the PDF file to write");
          pdf_path = argv[++i];
        }
      else if (!options_done && g_str_has_prefix (arg, "--pdf="))
        pdf_path = arg + strlen ("--pdf=");
      else if (!options_done && g_str_equal (arg, "--text"))
        text = TRUE;
      else if (!options_done && g_str_equal (arg, "--no-identifiers"))
        identifiers = FALSE;
      else if (!options_done && g_str_equal (arg, "--no-appendix"))
        appendix = FALSE;
      else if (!options_done && arg[0] == '-' && arg[1] != '\0')
        return export_usage_error ("unknown option '%s'", arg);
      else if (case_path == NULL)
        case_path = arg;
      else
        return export_usage_error ("one case at a time: '%s' and '%s'", case_path, arg);
    }

  if (pdf_path == NULL && !text)
    return export_usage_error ("say what to write: --pdf OUT.pdf, --text, or both");
  if (pdf_path != NULL && pdf_path[0] == '\0')
    return export_usage_error ("--pdf needs the name of the PDF file to write");
  if (case_path == NULL)
    return export_usage_error ("no case file given");
  /* A PDF is binary and a terminal is the usual standard output; a file
   * named "-" is almost always a mistake. Say so rather than guess. */
  if (pdf_path != NULL && g_str_equal (pdf_path, "-"))
    return export_usage_error ("--pdf - is not supported: name the PDF file to write (./- for a file called \"-\")");

  if (!(case_ = load_case (policy, case_path, &error)))
    {
      print_one_line (error->message);
      return EXPORT_BAD_INPUT;
    }

  /* The summary records when it was made, in local time as the clinician
   * reads it; the engine's "today" is the same local date. */
  now = g_date_time_new_now_local ();
  evaluation = sp_evaluation_new (case_);
  summary = sp_summary_new (evaluation,
                            (identifiers ? SP_SUMMARY_INCLUDE_IDENTIFIERS : SP_SUMMARY_NONE) |
                            (appendix ? SP_SUMMARY_NONE : SP_SUMMARY_OMIT_REASONS),
                            now, PACKAGE_VERSION);

  if (pdf_path != NULL && !sp_report_write_pdf (summary, pdf_path, &error))
    {
      print_one_line (error->message);
      return EXPORT_INTERNAL;
    }

  if (text)
    {
      g_autofree char *out = sp_summary_to_text (summary);
      gsize length = strlen (out);

      if (fwrite (out, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_printerr ("spinal-pathways-cli: export: cannot write the summary: %s\n", g_strerror (errno));
          return EXPORT_INTERNAL;
        }
    }

  return EXPORT_OK;
}

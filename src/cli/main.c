/* main.c: spinal-pathways-cli, the policy engine on the command line
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* For F_SETPIPE_SZ (Linux) */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gio/gunixinputstream.h>
#include <json-glib/json-glib.h>
#include <locale.h>

#include "sp-core.h"
#include "sp-core-private.h"
#include "sp-case-line-reader.h"
#include "sp-cli-export.h"
#include "sp-cli-diff.h"
#include "sp-cli-audit.h"
#include "sp-cli-trace.h"

/* Exit statuses of the contract. */
enum {
  EXIT_OK = 0,
  EXIT_INTERNAL = 1,
  EXIT_BAD_INPUT = 2,
};

/* Tests build a copy of the tool that finds the pseudo-translation in the
 * build tree (tests/i18n/meson.build). */
#ifndef SP_CLI_LOCALEDIR
#define SP_CLI_LOCALEDIR LOCALEDIR
#endif

/* The JSON is a machine interface: its words (the engine's reasons, "yes"
 * and "no", month names) are the same in every locale, while help and
 * errors on the terminal stay in the user's language. uselocale() is per
 * thread, so every thread that evaluates calls this; the result goes back
 * to uselocale() to restore the thread's locale. */
static locale_t
use_untranslated_messages (void)
{
  static gsize c_locale;

  if (g_once_init_enter (&c_locale))
    {
      locale_t c = newlocale (LC_ALL_MASK, "C", (locale_t) 0);

      /* newlocale() of "C" fails only without memory. */
      if (c == (locale_t) 0)
        g_error ("cannot make the C locale: %s", g_strerror (errno));
      g_once_init_leave (&c_locale, (gsize) c);
    }
  return uselocale ((locale_t) c_locale);
}

/* Translated where it is printed, with the options GOptionContext lists. */
static const char usage[] = N_(
  "How each command is called:\n"
  "  spinal-pathways-cli [--policy FILE] evaluate CASE.json|-\n"
  "  spinal-pathways-cli [--policy FILE] evaluate --batch FILE.jsonl\n"
  "  spinal-pathways-cli [--policy FILE] evaluate [--batch] --brief CASE|FILE.jsonl\n"
  SP_CLI_EXPORT_USAGE
  SP_CLI_DIFF_USAGE
  SP_CLI_AUDIT_USAGE
  SP_CLI_TRACE_USAGE
  "  spinal-pathways-cli [--policy FILE] facts\n"
  "  spinal-pathways-cli [--policy FILE] interpretations\n"
  "  spinal-pathways-cli --version | --help\n"
  "\n"
  "Decision support for applying the spinal pain interventions commissioning\n"
  "policy: it is not a decision, and clinical judgement applies.\n"
  "\n"
  "Commands:\n"
  "  evaluate CASE    Print every decision and advisory for a case file as JSON\n"
  "                   (- reads the case from standard input)\n"
  "  evaluate --batch FILE.jsonl\n"
  "                   One case per line in, one result per line out, each with\n"
  "                   \"line\": N; a bad line gives {\"line\": N, \"error\": ...}\n"
  "  evaluate --brief  Without prose: each decision's status, missing facts,\n"
  "                   citations and interpretation ids; advisories by id\n"
  "  export --pdf OUT.pdf|--text [--no-identifiers] [--no-appendix] CASE\n"
  "                   A summary for the patient's record: A4 PDF (0600) or\n"
  "                   plain text on standard output\n"
  "  diff OLD NEW [CASES]\n"
  "                   What a revision of the policy changes, in words; with\n"
  "                   cases, which decisions change status, and for how many\n"
  "                   (exit 0 nothing changes, 1 something does, 2 bad input)\n"
  "  audit CASES…     Figures across cases (JSON lines, .spcase files or folders\n"
  "                   of them): statuses per decision, facts most often missing,\n"
  "                   red flags; counts only, never an identifier\n"
  "  trace            Clauses to decisions, advisories and interpretations;\n"
  "                   --tests DIR adds the test cases of each outcome\n"
  "  facts            The facts a case may record: id, type, values, label\n"
  "  interpretations  Each reading of the policy that its text does not settle,\n"
  "                   with the clause it reads\n"
  "\n"
  "Options:\n"
  "  --policy FILE    Use a commissioner's revision of the policy instead of the\n"
  "                   built-in one; results name its id, version and SHA-256\n"
  "  --version        Print the program's and the policy's versions\n"
  "  --help           Print this help\n"
  "\n"
  "Exit status: 0 all well; 2 bad usage or any bad input (after writing what\n"
  "could be written); 1 internal failure.\n");

static int
usage_error (const char *message)
{
  /* The message may quote an argument: escaped, so a hostile argument can
   * neither drive the terminal nor split the line. */
  g_autofree char *line = sp_printable_line (message);

  g_printerr ("spinal-pathways-cli: %s\n", line);
  g_printerr ("Try 'spinal-pathways-cli --help'.\n");
  return EXIT_BAD_INPUT;
}

static gboolean
write_all (GString *out)
{
  if (out->len > 0 && fwrite (out->str, 1, out->len, stdout) != out->len)
    return FALSE;
  g_string_truncate (out, 0);
  return TRUE;
}

static void
print_error (const GError *error)
{
  /* One line each: a message with a newline in it would break a pipeline
   * reading errors line by line. */
  g_autofree char *line = sp_printable_line (error->message);

  g_printerr ("%s\n", line);
}

static int
evaluate_one (SpPolicy   *policy,
              const char *path,
              gboolean    brief)
{
  g_autoptr(SpCase) case_ = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree SpEngineResult *result = NULL;

  if (g_str_equal (path, "-"))
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);
      g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
      g_autoptr(GBytes) bytes = NULL;

      if (g_output_stream_splice (memory, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error) < 0)
        {
          g_printerr ("standard input: cannot read: %s\n", error->message);
          return EXIT_BAD_INPUT;
        }
      bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
      case_ = sp_case_new_from_bytes (policy, bytes, "standard input", &error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      case_ = sp_case_new_from_file (policy, file, &error);
    }

  if (case_ == NULL)
    {
      print_error (error);
      return EXIT_BAD_INPUT;
    }

  result = sp_engine_result_new (policy);
  {
    locale_t user_locale = use_untranslated_messages ();

    sp_engine_evaluate (policy, sp_case_get_values (case_), sp_date_today (), result);
    if (brief)
      sp_result_json_append_brief (out, policy, sp_result_json_get_cache (policy), sp_case_get_values (case_), result, -1);
    else
      sp_result_json_append (out, policy, sp_case_get_values (case_), result, -1);
    uselocale (user_locale);
  }
  g_string_append_c (out, '\n');
  if (!write_all (out) || fflush (stdout) != 0)
    {
      g_printerr ("spinal-pathways-cli: cannot write the result: %s\n", g_strerror (errno));
      return EXIT_INTERNAL;
    }
  return EXIT_OK;
}

/* Blank means JSON whitespace only: a NUL byte makes a bad line, never a
 * skipped one (a case must not vanish from a batch unreported). */
static gboolean
is_blank (const char *line,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != '\n')
      return FALSE;
  return TRUE;
}

/* Batch mode reads the input in chunks of lines, which a pool of worker
 * threads (one per processor) evaluates; the main thread reads ahead and
 * writes each chunk's results as soon as it and every chunk before it are
 * done, so results come out in the input's order, each carrying its line
 * number. The policy is read-only once loaded, so the threads share it.
 *
 * The chunks form a ring that is reused for the whole batch, so memory
 * stays flat however long the input. A chunk is small enough that the
 * workers stay evenly busy, and large enough that handing it over costs
 * nothing next to evaluating it. */
#define CHUNK_LINES 128
#define MAX_WORKERS 8

typedef struct {
  gsize   offset;              /* into the chunk's text */
  gsize   length;
  gint64  number;
} Line;

typedef struct {
  GString   *text;             /* the chunk's lines, each followed by a NUL */
  Line      *lines;
  guint      n_lines;
  guint      sequence;         /* which chunk of the input, from 0 */
  GString   *out;
  GString   *errors;
  gboolean   any_bad;
  gboolean   done;             /* under Batch.lock */
} Chunk;

typedef struct {
  SpPolicy     *policy;
  const char   *path;
  guint32       today;
  gboolean      brief;         /* no prose: --brief */
  GAsyncQueue  *work;          /* Chunk *, or &stop: no more work */
  Chunk         stop;
  GMutex        lock;
  GCond         chunk_done;
} Batch;

static void
evaluate_chunk (Batch               *batch,
                const SpResultCache *result_cache,
                SpCaseLineReader    *reader,
                SpValue             *values,
                SpEngineResult      *result,
                Chunk               *chunk)
{
  chunk->any_bad = FALSE;
  g_string_truncate (chunk->out, 0);
  g_string_truncate (chunk->errors, 0);

  for (guint i = 0; i < chunk->n_lines; i++)
    {
      const Line *line = &chunk->lines[i];
      g_autoptr(GError) error = NULL;

      if (!sp_case_line_reader_read (reader, chunk->text->str + line->offset, line->length,
                                     batch->path, line->number, batch->today, values, &error))
        {
          g_autofree char *one_line = sp_printable_line (error->message);

          chunk->any_bad = TRUE;
          g_string_append_printf (chunk->errors, "%s\n", one_line);
          sp_result_json_append_error (chunk->out, line->number, error->message);
        }
      else
        {
          sp_engine_evaluate (batch->policy, values, batch->today, result);
          if (batch->brief)
            sp_result_json_append_brief (chunk->out, batch->policy, result_cache, values, result, line->number);
          else
            sp_result_json_append_cached (chunk->out, batch->policy, result_cache, values, result, line->number);
        }
      g_string_append_c (chunk->out, '\n');
    }
}

/* Each worker keeps its own reader, values and result for the whole batch. */
static gpointer
worker_run (gpointer data)
{
  Batch *batch = data;
  /* Before the cache, whose texts are made once, in the first thread. */
  locale_t user_locale = use_untranslated_messages ();
  const SpResultCache *result_cache = sp_result_json_get_cache (batch->policy);
  guint n_facts = sp_policy_get_n_facts (batch->policy);
  SpCaseLineReader *reader = sp_case_line_reader_new (batch->policy);
  SpEngineResult *result = sp_engine_result_new (batch->policy);
  SpValue *values = g_new0 (SpValue, n_facts);
  Chunk *chunk;

  while ((chunk = g_async_queue_pop (batch->work)) != &batch->stop)
    {
      evaluate_chunk (batch, result_cache, reader, values, result, chunk);

      g_mutex_lock (&batch->lock);
      chunk->done = TRUE;
      g_cond_broadcast (&batch->chunk_done);
      g_mutex_unlock (&batch->lock);
    }

  for (guint f = 0; f < n_facts; f++)
    sp_value_clear (&values[f]);
  g_free (values);
  g_free (result);
  sp_case_line_reader_free (reader);
  uselocale (user_locale);
  return NULL;
}

static gboolean
chunk_is_done (Batch *batch,
               Chunk *chunk,
               gboolean wait)
{
  gboolean done;

  g_mutex_lock (&batch->lock);
  while (wait && !chunk->done)
    g_cond_wait (&batch->chunk_done, &batch->lock);
  done = chunk->done;
  g_mutex_unlock (&batch->lock);
  return done;
}

static void
chunk_init (Chunk *chunk)
{
  chunk->text = g_string_sized_new (CHUNK_LINES * 2048);
  chunk->lines = g_new0 (Line, CHUNK_LINES);
  chunk->out = g_string_sized_new (1 << 20);
  chunk->errors = g_string_new (NULL);
}

static void
chunk_clear (Chunk *chunk)
{
  g_string_free (chunk->text, TRUE);
  g_free (chunk->lines);
  g_string_free (chunk->out, TRUE);
  g_string_free (chunk->errors, TRUE);
}

/* Reads up to CHUNK_LINES non-blank lines; FALSE at the end of the input
 * (or a read error, which the caller finds with ferror(), and whose errno
 * is kept in @read_errno: much happens before it is reported). */
static gboolean
chunk_read (Chunk    *chunk,
            FILE     *in,
            char    **buffer,
            size_t   *capacity,
            gint64   *number,
            int      *read_errno)
{
  ssize_t length;

  g_string_truncate (chunk->text, 0);
  chunk->n_lines = 0;
  while (chunk->n_lines < CHUNK_LINES)
    {
      Line *line;

      errno = 0;
      if ((length = getline (buffer, capacity, in)) < 0)
        {
          *read_errno = errno;
          return FALSE;
        }
      (*number)++;
      if (is_blank (*buffer, length))
        continue;

      line = &chunk->lines[chunk->n_lines++];
      line->offset = chunk->text->len;
      line->length = length;
      line->number = *number;
      g_string_append_len (chunk->text, *buffer, length);
      g_string_append_c (chunk->text, '\0');
    }
  return TRUE;
}

/* A chunk's errors, then its results. */
static gboolean
chunk_write (Chunk    *chunk,
             gboolean *any_bad)
{
  *any_bad |= chunk->any_bad;
  if (chunk->errors->len > 0)
    fputs (chunk->errors->str, stderr);
  return write_all (chunk->out);
}

/* Results are large (some 15 KB a case), and a pipe's 64 KiB buffer
 * would make the writer and whatever reads the results take turns every
 * few cases. Linux lets a process grow its pipe to 1 MiB unprivileged; if
 * it will not, the batch runs as before. */
static void
widen_output_pipe (void)
{
#ifdef F_SETPIPE_SZ
  (void) fcntl (fileno (stdout), F_SETPIPE_SZ, 1 << 20);
#endif
}

static int
evaluate_batch (SpPolicy   *policy,
                const char *path,
                gboolean    brief)
{
  Batch batch = { .policy = policy, .path = path, .today = sp_date_today (), .brief = brief };
  guint n_workers = CLAMP (g_get_num_processors (), 1, MAX_WORKERS);
  GThread *workers[MAX_WORKERS] = { NULL };
  Chunk *ring;
  guint ring_size;
  guint oldest = 0;            /* the next chunk to write, in the ring */
  guint in_flight = 0;         /* chunks read and not yet written */
  char *buffer = NULL;
  size_t capacity = 0;
  gint64 number = 0;
  gboolean any_bad = FALSE;
  gboolean written = TRUE;
  gboolean more = TRUE;
  gboolean read_failed;
  guint read_end_sequence = G_MAXUINT;
  int read_errno = 0;
  int write_errno = 0;
  guint write_failed_sequence = G_MAXUINT;
  guint sequence = 0;
  FILE *in;

  /* SP_BATCH_THREADS is for benchmarking: how many worker threads. */
  if (g_getenv ("SP_BATCH_THREADS"))
    n_workers = CLAMP (atoi (g_getenv ("SP_BATCH_THREADS")), 1, MAX_WORKERS);

  if (g_str_equal (path, "-"))
    in = stdin;
  else if (!(in = fopen (path, "r")))
    {
      g_printerr ("%s: cannot open: %s\n", path, g_strerror (errno));
      return EXIT_BAD_INPUT;
    }

  widen_output_pipe ();

  /* Enough chunks that every worker has one while the main thread reads
   * the next and writes the last. */
  ring_size = 2 * n_workers + 2;
  ring = g_new0 (Chunk, ring_size);
  for (guint c = 0; c < ring_size; c++)
    chunk_init (&ring[c]);
  batch.work = g_async_queue_new ();
  g_mutex_init (&batch.lock);
  g_cond_init (&batch.chunk_done);
  for (guint w = 0; w < n_workers; w++)
    workers[w] = g_thread_new ("evaluate", worker_run, &batch);

  /* Write the oldest chunk when it is done (or must be waited for: the
   * ring is full, the input has ended, or writing has failed); otherwise
   * read ahead. Once a write fails, the chunks after it are dropped
   * unwritten, with their errors, as if never read. */
  for (;;)
    {
      Chunk *chunk;

      if (in_flight > 0 &&
          (!more || !written || in_flight == ring_size ||
           chunk_is_done (&batch, &ring[oldest], FALSE)))
        {
          chunk = &ring[oldest];
          chunk_is_done (&batch, chunk, TRUE);
          if (written && !chunk_write (chunk, &any_bad))
            {
              written = FALSE;
              write_errno = errno;
              write_failed_sequence = chunk->sequence;
            }
          oldest = (oldest + 1) % ring_size;
          in_flight--;
          continue;
        }
      if (!more || !written)
        break;

      chunk = &ring[(oldest + in_flight) % ring_size];
      chunk->sequence = sequence++;
      chunk->done = FALSE;
      more = chunk_read (chunk, in, &buffer, &capacity, &number, &read_errno);
      if (!more)
        read_end_sequence = chunk->sequence;
      if (chunk->n_lines > 0)
        {
          in_flight++;
          g_async_queue_push (batch.work, chunk);
        }
    }

  for (guint w = 0; w < n_workers; w++)
    g_async_queue_push (batch.work, &batch.stop);
  for (guint w = 0; w < n_workers; w++)
    g_thread_join (workers[w]);
  g_async_queue_unref (batch.work);
  g_mutex_clear (&batch.lock);
  g_cond_clear (&batch.chunk_done);
  for (guint c = 0; c < ring_size; c++)
    chunk_clear (&ring[c]);
  g_free (ring);
  free (buffer);

  /* A read error is reported unless writing failed first: the chunks after
   * a failed write count as never read. */
  read_failed = ferror (in) && read_end_sequence <= write_failed_sequence;
  if (read_failed)
    {
      g_printerr ("%s:%" G_GINT64_FORMAT ": cannot read: %s\n", path, number + 1, g_strerror (read_errno));
      any_bad = TRUE;
    }
  if (in != stdin)
    fclose (in);

  if (written && fflush (stdout) != 0)
    {
      written = FALSE;
      write_errno = errno;
    }
  if (!written)
    {
      g_printerr ("spinal-pathways-cli: cannot write the results: %s\n", g_strerror (write_errno));
      return EXIT_INTERNAL;
    }

  return any_bad ? EXIT_BAD_INPUT : EXIT_OK;
}

static char *
describe_values (SpFact *fact)
{
  GString *text = g_string_new (NULL);
  char min[G_ASCII_DTOSTR_BUF_SIZE], max[G_ASCII_DTOSTR_BUF_SIZE];

  switch (sp_fact_get_fact_type (fact))
    {
    case SP_FACT_BOOLEAN:
      g_string_append (text, "true|false");
      break;
    case SP_FACT_CHOICE:
    case SP_FACT_CHOICE_LIST:
    case SP_FACT_DECISION_LIST:
      for (guint i = 0; i < sp_fact_get_n_choices (fact); i++)
        {
          if (i > 0)
            g_string_append_c (text, '|');
          g_string_append (text, sp_fact_get_choice_id (fact, i));
        }
      break;
    case SP_FACT_INTEGER:
    case SP_FACT_NUMBER:
      g_string_append_printf (text, "%s..%s",
                              g_ascii_formatd (min, sizeof min, "%g", sp_fact_get_minimum (fact)),
                              g_ascii_formatd (max, sizeof max, "%g", sp_fact_get_maximum (fact)));
      if (sp_fact_get_unit (fact))
        g_string_append_printf (text, " %s", sp_fact_get_unit (fact));
      break;
    case SP_FACT_DATE:
      g_string_append (text, "YYYY-MM-DD");
      break;
    case SP_FACT_STRING:
      g_string_append (text, sp_fact_get_pattern (fact) ? sp_fact_get_pattern (fact) : "text");
      break;
    default:
      g_assert_not_reached ();
    }
  return g_string_free (text, FALSE);
}

static int
print_facts (SpPolicy *policy)
{
  g_print ("# id\ttype\tvalues\tlabel\n");
  for (guint i = 0; i < sp_policy_get_n_facts (policy); i++)
    {
      SpFact *fact = sp_policy_get_fact (policy, i);
      g_autofree char *values = describe_values (fact);

      g_print ("%s\t%s\t%s\t%s\n", sp_fact_get_id (fact),
               sp_fact_type_to_string (sp_fact_get_fact_type (fact)),
               values, sp_fact_get_label (fact));
    }
  return EXIT_OK;
}

static int
print_interpretations (SpPolicy *policy)
{
  GListModel *interpretations = sp_policy_get_interpretations (policy);

  for (guint i = 0; i < g_list_model_get_n_items (interpretations); i++)
    {
      g_autoptr(SpInterpretation) interpretation = g_list_model_get_item (interpretations, i);
      SpClause *clause = sp_policy_lookup_clause (policy, sp_interpretation_get_clause_id (interpretation));

      if (i > 0)
        g_print ("\n");
      g_print ("%s\n", sp_interpretation_get_id (interpretation));
      g_print ("  Clause:  %s (%s)\n", sp_clause_get_id (clause), sp_clause_get_heading (clause));
      g_print ("           \"%s\"\n", sp_clause_get_text (clause));
      g_print ("  Reading: %s\n", sp_interpretation_get_reading (interpretation));
      g_print ("  Reason:  %s\n", sp_interpretation_get_reason (interpretation));
    }
  return EXIT_OK;
}

static int
run_command (int   argc,
             char *argv[])
{
  g_autoptr(SpPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) arguments = g_ptr_array_new ();
  g_autofree char *policy_path = NULL;
  int export_argc = 0;
  char **export_argv = NULL;
  gboolean show_version = FALSE;
  gboolean batch = FALSE;
  gboolean brief = FALSE;
  gboolean options_done = FALSE;
  const char *command;

  /* The global options, before the command, with GOptionContext: "--",
   * "--policy=FILE" and translated help come with it. Commands with
   * options of their own (export, diff, audit, trace) parse the rest. */
  {
    gboolean show_help = FALSE;
    g_autofree char *policy_option = NULL;
    const GOptionEntry entries[] = {
      { "policy", 0, 0, G_OPTION_ARG_FILENAME, &policy_option,
        N_("Use a commissioner's revision of the policy instead of the built-in one"), N_("FILE") },
      { "version", 0, 0, G_OPTION_ARG_NONE, &show_version, N_("Print the program's and the policy's versions"), NULL },
      { "batch", 0, 0, G_OPTION_ARG_NONE, &batch, N_("With evaluate: one case per line in, one result per line out"), NULL },
      { "brief", 0, 0, G_OPTION_ARG_NONE, &brief, N_("With evaluate: statuses, missing facts, citations and interpretation ids, no prose"), NULL },
      { "help", 'h', 0, G_OPTION_ARG_NONE, &show_help, N_("Print this help"), NULL },
      G_OPTION_ENTRY_NULL
    };
    g_autoptr(GOptionContext) context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
    g_autoptr(GPtrArray) head = g_ptr_array_new ();
    int command_at = argc;
    char **head_argv;
    int head_argc;

    /* Where the command is: the first argument that is not an option (nor
     * the value of --policy), unless "--" comes first. */
    for (int i = 1; i < argc; i++)
      {
        if (g_str_equal (argv[i], "--"))
          break;
        if (g_str_equal (argv[i], "--policy"))
          {
            i++;
            continue;
          }
        if (argv[i][0] != '-' || argv[i][1] == '\0')
          {
            command_at = i;
            break;
          }
      }
    /* A command with options of its own gets every argument after it. */
    if (command_at < argc &&
        (g_str_equal (argv[command_at], "export") || g_str_equal (argv[command_at], "diff") ||
         g_str_equal (argv[command_at], "audit") || g_str_equal (argv[command_at], "trace")))
      options_done = TRUE;
    for (int i = 0; i < (options_done ? command_at : argc); i++)
      g_ptr_array_add (head, argv[i]);
    g_ptr_array_add (head, NULL);
    head_argv = (char **) head->pdata;
    head_argc = head->len - 1;

    g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
    g_option_context_set_help_enabled (context, FALSE);
    g_option_context_set_description (context, _(usage));
    if (!g_option_context_parse (context, &head_argc, &head_argv, &error))
      {
        g_autofree char *message = g_strdup_printf ("unknown option or bad use of one (%s)", error->message);

        if (error->code == G_OPTION_ERROR_UNKNOWN_OPTION)
          {
            g_free (message);
            message = g_strdup_printf ("unknown option (%s)", error->message);
          }
        return usage_error (message);
      }
    if (show_help)
      {
        g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

        g_print ("%s", help);
        return EXIT_OK;
      }
    policy_path = g_steal_pointer (&policy_option);

    if (options_done)
      {
        const char *name = argv[command_at];

        if (g_str_equal (name, "diff"))
          return sp_cli_diff_run (argc - command_at, argv + command_at);
        if (g_str_equal (name, "audit"))
          return sp_cli_audit_run (policy_path, argc - command_at, argv + command_at);
        if (g_str_equal (name, "trace"))
          return sp_cli_trace_run (policy_path, argc - command_at, argv + command_at);
        export_argc = argc - command_at - 1;
        export_argv = argv + command_at + 1;
      }
    else
      for (int i = 1; i < head_argc; i++)
        {
          /* GOptionContext leaves "--" in place: what follows it is a
           * command or a file name, even one that starts with "-". */
          if (g_str_equal (head_argv[i], "--") && arguments->len == 0 && !options_done)
            {
              options_done = TRUE;
              continue;
            }
          g_ptr_array_add (arguments, head_argv[i]);
        }
  }

  if (policy_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (policy_path);
      policy = sp_policy_new_from_file (file, &error);
    }
  else
    policy = sp_policy_new_default (&error);

  if (policy == NULL)
    {
      print_error (error);
      /* A broken built-in policy is our fault; a broken --policy file is the user's input. */
      return policy_path != NULL ? EXIT_BAD_INPUT : EXIT_INTERNAL;
    }

  if (show_version)
    {
      g_print ("spinal-pathways-cli %s\n", PACKAGE_VERSION);
      g_print ("policy %s %s (sha256 %s)\n", sp_policy_get_id (policy),
               sp_policy_get_version (policy), sp_policy_get_sha256 (policy));
      return EXIT_OK;
    }

  if (export_argv != NULL)
    return sp_cli_export (policy, export_argc, export_argv);

  if (arguments->len == 0)
    return usage_error ("a command is needed: evaluate, export, facts or interpretations");

  command = g_ptr_array_index (arguments, 0);

  if (g_str_equal (command, "evaluate"))
    {
      if (arguments->len != 2)
        return usage_error (batch ? "evaluate --batch needs exactly one FILE.jsonl"
                                  : "evaluate needs exactly one case file (or - for standard input)");
      return batch ? evaluate_batch (policy, g_ptr_array_index (arguments, 1), brief)
                   : evaluate_one (policy, g_ptr_array_index (arguments, 1), brief);
    }

  if (batch)
    return usage_error ("--batch goes with evaluate");
  if (brief)
    return usage_error ("--brief goes with evaluate");

  if (g_str_equal (command, "facts") && arguments->len == 1)
    return print_facts (policy);
  if (g_str_equal (command, "interpretations") && arguments->len == 1)
    return print_interpretations (policy);

  {
    g_autofree char *message = g_strdup_printf ("unknown command or extra arguments: %s", command);
    return usage_error (message);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, SP_CLI_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  status = run_command (argc, argv);

  /* stdio buffers: a full disk or a closed pipe may only show when the
   * buffer is flushed, and a truncated listing must not look like success. */
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      g_printerr ("spinal-pathways-cli: cannot write to standard output: %s\n", g_strerror (errno));
      return status == EXIT_OK ? EXIT_INTERNAL : status;
    }
  return status;
}

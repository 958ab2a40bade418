/* sp-cli-diff.c: spinal-pathways-cli diff, what a revision would change
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "sp-core.h"
#include "sp-core-private.h"
#include "sp-case-line-reader.h"
#include "sp-policy-diff.h"
#include "sp-json-gate.h"
#include "sp-cli-diff.h"
#include "sp-cli-stream.h"

/* Like diff(1): 0 the same, 1 different, 2 trouble. */
enum {
  DIFF_SAME = 0,
  DIFF_DIFFERENT = 1,
  DIFF_TROUBLE = 2,
};

#define N_EXAMPLES 3

typedef struct {
  SpPolicy  *policy;
  JsonNode  *root;
} LoadedPolicy;

typedef struct {
  guint64  count;
  gint64   examples[N_EXAMPLES];
  guint    n_examples;
} Transition;

typedef struct {
  guint64     n_cases;
  guint64     n_changed;
  Transition *transitions;     /* [decision][from][to], by the old policy's decision index */
} Tally;

typedef struct {
  LoadedPolicy  old, new;
  guint         n_old_decisions;
  gint         *new_index;     /* old decision index → the new's, or -1 */
  gboolean      same_facts;    /* sp_policy_reads_cases_as(): read each case once */
  guint         n_facts;
  guint32       today;
  gboolean      jsonl;
  Tally         total;
} Diff;

typedef struct {
  SpCaseLineReader *old_reader, *new_reader;
  SpValue          *old_values, *new_values;
  SpEngineResult   *old_result, *new_result;
} Worker;

static gboolean
load_policy (const char   *path,
             LoadedPolicy *loaded)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  gconstpointer data;
  gsize length;

  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);

  /* Checked before reading: a hostile file must not take the memory first. */
  if (info != NULL && g_file_info_get_size (info) > SP_POLICY_FILE_MAX_SIZE)
    {
      g_printerr ("%s: not a policy file: larger than %d bytes\n", path, SP_POLICY_FILE_MAX_SIZE);
      return FALSE;
    }
  if (!(bytes = g_file_load_bytes (file, NULL, NULL, &error)))
    {
      g_printerr ("%s: cannot read: %s\n", path, error->message);
      return FALSE;
    }
  /* The loader is the judge of a policy file; the diff reads only what it accepted. */
  if (!(loaded->policy = sp_policy_new_from_bytes (bytes, path, &error)))
    {
      g_autofree char *line = g_strdup (error->message);

      g_printerr ("%s\n", g_strdelimit (line, "\n\r", ' '));
      return FALSE;
    }
  data = g_bytes_get_data (bytes, &length);
  if (!json_parser_load_from_data (parser, data, length, &error))
    {
      g_printerr ("%s: not valid JSON: %s\n", path, error->message);
      return FALSE;
    }
  loaded->root = json_node_copy (json_parser_get_root (parser));
  return TRUE;
}

static void
loaded_policy_clear (LoadedPolicy *loaded)
{
  g_clear_object (&loaded->policy);
  g_clear_pointer (&loaded->root, json_node_unref);
}

static Transition *
transition (Tally *tally,
            guint  decision,
            guint  from,
            guint  to)
{
  return &tally->transitions[(decision * SP_N_STATUSES + from) * SP_N_STATUSES + to];
}

static gpointer
tally_new (gpointer data)
{
  Diff *diff = data;
  Tally *tally = g_new0 (Tally, 1);

  tally->transitions = g_new0 (Transition, MAX (diff->n_old_decisions, 1) * SP_N_STATUSES * SP_N_STATUSES);
  return tally;
}

static void
tally_free (gpointer data,
            gpointer tally_data)
{
  Tally *tally = tally_data;

  g_free (tally->transitions);
  g_free (tally);
}

static gpointer
worker_new (gpointer data)
{
  Diff *diff = data;
  Worker *worker = g_new0 (Worker, 1);

  worker->old_reader = sp_case_line_reader_new (diff->old.policy);
  worker->new_reader = sp_case_line_reader_new (diff->new.policy);
  worker->old_values = g_new0 (SpValue, sp_policy_get_n_facts (diff->old.policy));
  worker->new_values = g_new0 (SpValue, sp_policy_get_n_facts (diff->new.policy));
  worker->old_result = sp_engine_result_new (diff->old.policy);
  worker->new_result = sp_engine_result_new (diff->new.policy);
  return worker;
}

static void
free_values (SpValue *values,
             guint    n)
{
  for (guint i = 0; i < n; i++)
    sp_value_clear (&values[i]);
  g_free (values);
}

static void
worker_free (gpointer data,
             gpointer worker_data)
{
  Diff *diff = data;
  Worker *worker = worker_data;

  free_values (worker->old_values, sp_policy_get_n_facts (diff->old.policy));
  free_values (worker->new_values, sp_policy_get_n_facts (diff->new.policy));
  g_free (worker->old_result);
  g_free (worker->new_result);
  sp_case_line_reader_free (worker->old_reader);
  sp_case_line_reader_free (worker->new_reader);
  g_free (worker);
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_error (SpStreamChunk *chunk,
              const char    *which,
              const GError  *error)
{
  g_autofree char *line = g_strdup (error->message);

  g_strdelimit (line, "\n\r", ' ');
  g_string_append_printf (chunk->errors, "%s%s\n", which, line);
  chunk->any_bad = TRUE;
}

static void
process (gpointer       data,
         gpointer       worker_data,
         SpStreamChunk *chunk)
{
  Diff *diff = data;
  Worker *worker = worker_data;
  Tally *tally = chunk->tally;

  tally->n_cases = tally->n_changed = 0;
  memset (tally->transitions, 0, sizeof (Transition) * diff->n_old_decisions * SP_N_STATUSES * SP_N_STATUSES);

  for (guint i = 0; i < chunk->n_lines; i++)
    {
      const SpStreamLine *line = &chunk->lines[i];
      g_autoptr(GError) error = NULL;
      gboolean changed = FALSE, copied;

      if (!sp_case_line_reader_read (worker->old_reader, line->text, line->length, line->path,
                                     line->number, diff->today, worker->old_values, &error))
        {
          append_error (chunk, "", error);
          continue;
        }
      /* A case the revision cannot read is news: it names a fact the
       * revision dropped, or breaks a constraint it added. When the facts
       * are the same, reading the line again would give the same values,
       * so they are copied and only the new constraints checked; a case
       * that fails them is read again, for the reader's own error. */
      copied = FALSE;
      if (diff->same_facts)
        {
          for (guint f = 0; f < diff->n_facts; f++)
            sp_value_copy (&worker->new_values[f], &worker->old_values[f]);
          copied = sp_values_check_constraints (diff->new.policy, worker->new_values, diff->today, "", NULL);
        }
      if (!copied && !sp_case_line_reader_read (worker->new_reader, line->text, line->length, line->path,
                                                line->number, diff->today, worker->new_values, &error))
        {
          append_error (chunk, "under the new policy: ", error);
          continue;
        }
      sp_engine_evaluate (diff->old.policy, worker->old_values, diff->today, worker->old_result);
      sp_engine_evaluate (diff->new.policy, worker->new_values, diff->today, worker->new_result);
      tally->n_cases++;

      for (guint d = 0; d < diff->n_old_decisions; d++)
        {
          SpStatus from, to;
          Transition *t;

          if (diff->new_index[d] < 0)
            continue;
          from = worker->old_result->decisions[d].status;
          to = worker->new_result->decisions[diff->new_index[d]].status;
          if (from == to)
            continue;

          t = transition (tally, d, from, to);
          if (t->n_examples < N_EXAMPLES)
            t->examples[t->n_examples++] = line->number;
          t->count++;
          if (diff->jsonl)
            {
              if (!changed)
                g_string_append_printf (chunk->out, "{\"line\": %" G_GINT64_FORMAT ", \"changes\": [", line->number);
              else
                g_string_append (chunk->out, ", ");
              g_string_append (chunk->out, "{\"decision\": ");
              append_json_string (chunk->out, sp_decision_rule_get_id (sp_policy_get_decision (diff->old.policy, d)));
              g_string_append_printf (chunk->out, ", \"from\": \"%s\", \"to\": \"%s\"}",
                                      sp_status_to_string (from), sp_status_to_string (to));
            }
          changed = TRUE;
        }
      if (changed)
        {
          tally->n_changed++;
          if (diff->jsonl)
            g_string_append (chunk->out, "]}\n");
        }
    }
}

static void
merge (gpointer       data,
       SpStreamChunk *chunk)
{
  Diff *diff = data;
  Tally *tally = chunk->tally;

  diff->total.n_cases += tally->n_cases;
  diff->total.n_changed += tally->n_changed;
  for (guint i = 0; i < diff->n_old_decisions * SP_N_STATUSES * SP_N_STATUSES; i++)
    {
      Transition *from = &tally->transitions[i];
      Transition *to = &diff->total.transitions[i];

      to->count += from->count;
      for (guint e = 0; e < from->n_examples && to->n_examples < N_EXAMPLES; e++)
        to->examples[to->n_examples++] = from->examples[e];
    }
}

static char *
csv_field (const char *text)
{
  g_autoptr(GString) out = g_string_new ("\"");

  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
format_examples (const Transition *t)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint e = 0; e < t->n_examples; e++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, e > 0 ? " " : "", t->examples[e]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
print_transitions (Diff     *diff,
                   gboolean  csv)
{
  if (csv)
    g_print ("decision,from,to,cases,share,example_lines\n");
  else
    {
      g_print ("%" G_GUINT64_FORMAT " cases; %" G_GUINT64_FORMAT " (%.1f%%) would have a decision change status.\n",
               diff->total.n_cases, diff->total.n_changed,
               diff->total.n_cases ? 100.0 * diff->total.n_changed / diff->total.n_cases : 0.0);
      if (diff->total.n_changed > 0)
        g_print ("\n%-36s %-20s %-20s %10s %8s  %s\n", "decision", "from", "to", "cases", "share", "e.g. lines");
    }

  for (guint d = 0; d < diff->n_old_decisions; d++)
    for (guint from = 0; from < SP_N_STATUSES; from++)
      for (guint to = 0; to < SP_N_STATUSES; to++)
        {
          Transition *t = transition (&diff->total, d, from, to);
          const char *id = sp_decision_rule_get_id (sp_policy_get_decision (diff->old.policy, d));
          g_autofree char *examples = NULL;
          double share;

          if (t->count == 0)
            continue;
          examples = format_examples (t);
          share = 100.0 * t->count / diff->total.n_cases;
          if (csv)
            {
              g_autofree char *field = csv_field (id);

              g_print ("%s,%s,%s,%" G_GUINT64_FORMAT ",%.4f,%s\n", field, sp_status_to_string (from),
                       sp_status_to_string (to), t->count, share / 100.0, examples);
            }
          else
            g_print ("%-36s %-20s %-20s %10" G_GUINT64_FORMAT " %7.2f%%  %s\n", id, sp_status_to_string (from),
                     sp_status_to_string (to), t->count, share, examples);
        }
}

int
sp_cli_diff_run (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("OLD.json NEW.json [CASES.jsonl|-]");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gboolean csv = FALSE, jsonl = FALSE;
  GOptionEntry entries[] = {
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, "Write comma-separated values, for a spreadsheet", NULL },
    { "jsonl", 0, 0, G_OPTION_ARG_NONE, &jsonl, "With cases: one JSON line per case whose decisions change", NULL },
    { NULL }
  };
  Diff diff = { 0 };
  int status = DIFF_SAME;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
    "What differs between two policy files, in words; with cases, which\n"
    "decisions of which cases would change status. Exit status: 0 nothing\n"
    "changes, 1 something does, 2 bad input.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("spinal-pathways-cli diff: %s\n", error->message);
      return DIFF_TROUBLE;
    }
  if (argc < 3 || argc > 4 || (csv && jsonl) || (jsonl && argc != 4))
    {
      g_printerr ("spinal-pathways-cli diff: needs OLD.json NEW.json and optionally one CASES.jsonl"
                  " (--jsonl needs cases; --csv and --jsonl exclude each other)\n");
      return DIFF_TROUBLE;
    }

  if (!load_policy (argv[1], &diff.old) || !load_policy (argv[2], &diff.new))
    {
      loaded_policy_clear (&diff.old);
      loaded_policy_clear (&diff.new);
      return DIFF_TROUBLE;
    }

  changes = sp_policy_diff (diff.old.root, diff.new.root);
  if (changes->len > 0)
    status = DIFF_DIFFERENT;
  if (!jsonl)
    {
      if (csv && argc == 3)
        g_print ("change\n");
      for (guint i = 0; i < changes->len; i++)
        {
          if (csv && argc == 3)
            {
              g_autofree char *field = csv_field (g_ptr_array_index (changes, i));
              g_print ("%s\n", field);
            }
          else if (!csv)
            g_print ("%s\n", (const char *) g_ptr_array_index (changes, i));
        }
    }

  if (argc == 4)
    {
      const char *inputs[] = { argv[3], NULL };
      SpStreamFuncs funcs = { worker_new, worker_free, tally_new, tally_free, process, merge };
      SpStreamStatus stream_status;
      Tally *total;

      diff.n_old_decisions = sp_policy_get_n_decisions (diff.old.policy);
      diff.new_index = g_new (gint, MAX (diff.n_old_decisions, 1));
      for (guint d = 0; d < diff.n_old_decisions; d++)
        {
          const char *id = sp_decision_rule_get_id (sp_policy_get_decision (diff.old.policy, d));
          SpDecisionRule *rule = sp_policy_lookup_decision (diff.new.policy, id);

          diff.new_index[d] = rule ? (gint) sp_decision_rule_get_index (rule) : -1;
        }
      diff.today = sp_date_today ();
      diff.jsonl = jsonl;
      diff.same_facts = sp_policy_reads_cases_as (diff.old.policy, diff.new.policy);
      diff.n_facts = sp_policy_get_n_facts (diff.old.policy);
      total = tally_new (&diff);
      diff.total = *total;
      g_free (total);

      if (!csv && !jsonl && changes->len > 0)
        g_print ("\n");
      fflush (stdout);
      stream_status = sp_stream_run (inputs, &funcs, &diff);
      if (stream_status == SP_STREAM_OK || stream_status == SP_STREAM_BAD_INPUT)
        {
          if (!jsonl)
            print_transitions (&diff, csv);
          if (diff.total.n_changed > 0)
            status = DIFF_DIFFERENT;
        }
      if (stream_status != SP_STREAM_OK)
        status = DIFF_TROUBLE;
      if (stream_status == SP_STREAM_WRITE_FAILED)
        g_printerr ("spinal-pathways-cli diff: cannot write the results\n");
      g_free (diff.total.transitions);
      g_free (diff.new_index);
    }

  if (fflush (stdout) != 0)
    status = DIFF_TROUBLE;
  loaded_policy_clear (&diff.old);
  loaded_policy_clear (&diff.new);
  return status;
}

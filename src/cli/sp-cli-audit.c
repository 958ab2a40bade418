/* sp-cli-audit.c: spinal-pathways-cli audit, figures across many cases
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sp-core.h"
#include "sp-core-private.h"
#include "sp-case-line-reader.h"
#include "sp-cli-audit.h"
#include "sp-cli-stream.h"

/* Only counts leave this file: no case's identifiers, values or line
 * numbers are ever written, so the output of a year's referrals can be
 * shared as it is. */

enum {
  AUDIT_OK = 0,
  AUDIT_INTERNAL = 1,
  AUDIT_BAD_INPUT = 2,
};

enum {
  FLAG_UNSCREENED,
  FLAG_RED_FLAG,
  FLAG_SERIOUS_PATHOLOGY,
  FLAG_FUNDING_REQUEST,
  N_FLAGS
};

static const char * const flag_names[N_FLAGS] = {
  "unscreened", "red_flag", "serious_pathology", "individual_funding_request",
};

/* Figures for one group of --by (or the one group without it). */
typedef struct {
  guint64  n_cases;
  guint64  flags[N_FLAGS];
  guint64 *statuses;          /* [decision][status] */
  guint64 *missing;           /* [fact]: cases in which any decision misses it */
} Group;

typedef struct {
  Group *groups;
} Tally;

typedef struct {
  SpPolicy  *policy;
  guint      n_decisions;
  guint      n_facts;
  SpFact    *by;              /* NULL: one group */
  guint      n_groups;
  guint32    today;
  Tally     *total;
} Audit;

typedef struct {
  SpCaseLineReader *reader;
  SpValue          *values;
  SpEngineResult   *result;
  guint             n_facts;
} Worker;

static void
group_reset (Audit *audit,
             Group *group)
{
  group->n_cases = 0;
  memset (group->flags, 0, sizeof group->flags);
  memset (group->statuses, 0, sizeof (guint64) * audit->n_decisions * SP_N_STATUSES);
  memset (group->missing, 0, sizeof (guint64) * audit->n_facts);
}

static gpointer
tally_new (gpointer data)
{
  Audit *audit = data;
  Tally *tally = g_new0 (Tally, 1);

  tally->groups = g_new0 (Group, audit->n_groups);
  for (guint g = 0; g < audit->n_groups; g++)
    {
      tally->groups[g].statuses = g_new0 (guint64, MAX (audit->n_decisions, 1) * SP_N_STATUSES);
      tally->groups[g].missing = g_new0 (guint64, MAX (audit->n_facts, 1));
    }
  return tally;
}

static void
tally_free (gpointer data,
            gpointer tally_data)
{
  Audit *audit = data;
  Tally *tally = tally_data;

  for (guint g = 0; g < audit->n_groups; g++)
    {
      g_free (tally->groups[g].statuses);
      g_free (tally->groups[g].missing);
    }
  g_free (tally->groups);
  g_free (tally);
}

static gpointer
worker_new (gpointer data)
{
  Audit *audit = data;
  Worker *worker = g_new0 (Worker, 1);

  worker->reader = sp_case_line_reader_new (audit->policy);
  worker->values = g_new0 (SpValue, audit->n_facts);
  worker->result = sp_engine_result_new (audit->policy);
  worker->n_facts = audit->n_facts;
  return worker;
}

static void
worker_free (gpointer data,
             gpointer worker_data)
{
  Worker *worker = worker_data;

  for (guint f = 0; f < worker->n_facts; f++)
    sp_value_clear (&worker->values[f]);
  g_free (worker->values);
  g_free (worker->result);
  sp_case_line_reader_free (worker->reader);
  g_free (worker);
}

/* The group of --by: a choice's index, or false/true for a yes-or-no fact;
 * the last group is "not recorded". */
static guint
group_of (Audit         *audit,
          const SpValue *values)
{
  const SpValue *value;

  if (audit->by == NULL)
    return 0;
  value = &values[sp_fact_get_index (audit->by)];
  if (!value->recorded)
    return audit->n_groups - 1;
  if (sp_fact_get_fact_type (audit->by) == SP_FACT_BOOLEAN)
    return value->boolean ? 1 : 0;
  return value->choice;
}

static void
process (gpointer       data,
         gpointer       worker_data,
         SpStreamChunk *chunk)
{
  Audit *audit = data;
  Worker *worker = worker_data;
  Tally *tally = chunk->tally;

  for (guint g = 0; g < audit->n_groups; g++)
    group_reset (audit, &tally->groups[g]);

  for (guint i = 0; i < chunk->n_lines; i++)
    {
      const SpStreamLine *line = &chunk->lines[i];
      g_autoptr(GError) error = NULL;
      SpEngineResult *result = worker->result;
      SpFactSet missing;
      gboolean funding_request = FALSE;
      Group *group;

      if (!sp_case_line_reader_read (worker->reader, line->text, line->length, line->path,
                                     line->number, audit->today, worker->values, &error))
        {
          g_autofree char *message = g_strdup (error->message);

          /* The reader's messages name the file, line and member, never a value. */
          g_string_append_printf (chunk->errors, "%s\n", g_strdelimit (message, "\n\r", ' '));
          chunk->any_bad = TRUE;
          continue;
        }
      sp_engine_evaluate (audit->policy, worker->values, audit->today, result);
      group = &tally->groups[group_of (audit, worker->values)];
      group->n_cases++;

      sp_fact_set_clear (&missing);
      for (guint d = 0; d < audit->n_decisions; d++)
        {
          const SpOutcome *outcome = &result->decisions[d];

          group->statuses[d * SP_N_STATUSES + outcome->status]++;
          for (guint w = 0; w < G_N_ELEMENTS (missing.words); w++)
            missing.words[w] |= outcome->missing.words[w];
          funding_request |= (outcome->flags & (SP_OUTCOME_FUNDING_REQUEST | SP_OUTCOME_EXCEPTIONAL)) != 0;
        }
      for (guint f = 0; f < audit->n_facts; f++)
        if (sp_fact_set_contains (&missing, f))
          group->missing[f]++;
      group->flags[FLAG_UNSCREENED] += result->unscreened;
      group->flags[FLAG_RED_FLAG] += result->urgent;
      group->flags[FLAG_SERIOUS_PATHOLOGY] += result->serious_pathology;
      group->flags[FLAG_FUNDING_REQUEST] += funding_request;
    }
}

static void
merge (gpointer       data,
       SpStreamChunk *chunk)
{
  Audit *audit = data;
  Tally *tally = chunk->tally;

  for (guint g = 0; g < audit->n_groups; g++)
    {
      Group *from = &tally->groups[g], *to = &audit->total->groups[g];

      to->n_cases += from->n_cases;
      for (guint k = 0; k < N_FLAGS; k++)
        to->flags[k] += from->flags[k];
      for (guint k = 0; k < audit->n_decisions * SP_N_STATUSES; k++)
        to->statuses[k] += from->statuses[k];
      for (guint k = 0; k < audit->n_facts; k++)
        to->missing[k] += from->missing[k];
    }
}

static const char *
group_name (Audit *audit,
            guint  g)
{
  if (audit->by == NULL)
    return "all";
  if (g == audit->n_groups - 1)
    return "not_recorded";
  if (sp_fact_get_fact_type (audit->by) == SP_FACT_BOOLEAN)
    return g ? "true" : "false";
  return sp_fact_get_choice_id (audit->by, g);
}

static double
percent (guint64 part,
         guint64 whole)
{
  return whole ? 100.0 * part / whole : 0.0;
}

/* Facts by how many cases miss them, most first; ties in policy order. */
static int
compare_missing (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const Group *sort_group = data;
  guint x = *(const guint *) a, y = *(const guint *) b;

  if (sort_group->missing[x] != sort_group->missing[y])
    return sort_group->missing[x] > sort_group->missing[y] ? -1 : 1;
  return x < y ? -1 : x > y;
}

#define N_TOP_MISSING 10

static void
print_text (Audit *audit)
{
  for (guint g = 0; g < audit->n_groups; g++)
    {
      Group *group = &audit->total->groups[g];
      g_autofree guint *order = g_new (guint, MAX (audit->n_facts, 1));

      if (audit->by != NULL)
        g_print ("%s%s = %s\n", g > 0 ? "\n" : "", sp_fact_get_id (audit->by), group_name (audit, g));
      g_print ("%" G_GUINT64_FORMAT " cases\n", group->n_cases);
      for (guint k = 0; k < N_FLAGS; k++)
        g_print ("  %-28s %10" G_GUINT64_FORMAT " %6.1f%%\n", flag_names[k], group->flags[k],
                 percent (group->flags[k], group->n_cases));

      g_print ("\n%-36s", "decision");
      for (guint s = 0; s < SP_N_STATUSES; s++)
        g_print (" %19s", sp_status_to_string (s));
      g_print ("\n");
      for (guint d = 0; d < audit->n_decisions; d++)
        {
          g_print ("%-36s", sp_decision_rule_get_id (sp_policy_get_decision (audit->policy, d)));
          for (guint s = 0; s < SP_N_STATUSES; s++)
            g_print (" %19" G_GUINT64_FORMAT, group->statuses[d * SP_N_STATUSES + s]);
          g_print ("\n");
        }

      for (guint f = 0; f < audit->n_facts; f++)
        order[f] = f;
      g_qsort_with_data (order, audit->n_facts, sizeof *order, compare_missing, group);
      g_print ("\nfacts most often missing (cases in which a decision waits for them)\n");
      for (guint i = 0; i < MIN (N_TOP_MISSING, audit->n_facts) && group->missing[order[i]] > 0; i++)
        g_print ("  %-44s %10" G_GUINT64_FORMAT " %6.1f%%\n", sp_fact_get_id (sp_policy_get_fact (audit->policy, order[i])),
                 group->missing[order[i]], percent (group->missing[order[i]], group->n_cases));
    }
}

/* One long table: group, measure, subject, status, cases, share. */
static void
print_csv (Audit *audit)
{
  g_print ("group,measure,subject,status,cases,share\n");
  for (guint g = 0; g < audit->n_groups; g++)
    {
      Group *group = &audit->total->groups[g];
      const char *name = group_name (audit, g);

      g_print ("%s,cases,,,%" G_GUINT64_FORMAT ",1\n", name, group->n_cases);
      for (guint k = 0; k < N_FLAGS; k++)
        g_print ("%s,flag,%s,,%" G_GUINT64_FORMAT ",%.4f\n", name, flag_names[k], group->flags[k],
                 percent (group->flags[k], group->n_cases) / 100);
      for (guint d = 0; d < audit->n_decisions; d++)
        for (guint s = 0; s < SP_N_STATUSES; s++)
          g_print ("%s,status,%s,%s,%" G_GUINT64_FORMAT ",%.4f\n", name,
                   sp_decision_rule_get_id (sp_policy_get_decision (audit->policy, d)), sp_status_to_string (s),
                   group->statuses[d * SP_N_STATUSES + s],
                   percent (group->statuses[d * SP_N_STATUSES + s], group->n_cases) / 100);
      for (guint f = 0; f < audit->n_facts; f++)
        if (group->missing[f] > 0)
          g_print ("%s,missing,%s,,%" G_GUINT64_FORMAT ",%.4f\n", name,
                   sp_fact_get_id (sp_policy_get_fact (audit->policy, f)), group->missing[f],
                   percent (group->missing[f], group->n_cases) / 100);
    }
}

int
sp_cli_audit_run (const char *policy_path,
                  int         argc,
                  char      **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("CASES.jsonl|FOLDER|-…");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPolicy) policy = NULL;
  g_autofree char *own_policy = NULL;
  g_autofree char *by = NULL;
  gboolean csv = FALSE;
  GOptionEntry entries[] = {
    { "policy", 0, 0, G_OPTION_ARG_FILENAME, &own_policy, "The policy revision to apply", "FILE" },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, "Write comma-separated values, for a spreadsheet", NULL },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, "Break the figures down by a yes-or-no or choice fact", "FACT" },
    { NULL }
  };
  SpStreamFuncs funcs = { worker_new, worker_free, tally_new, tally_free, process, merge };
  Audit audit = { 0 };
  SpStreamStatus status;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
    "Per decision, how many cases had each status; the facts most often\n"
    "missing; how many cases were unscreened, had a red flag, suspected serious\n"
    "pathology or an individual funding request. Counts only: no identifier,\n"
    "value or line number of any case is written.");
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("spinal-pathways-cli audit: %s\n", error->message);
      return AUDIT_BAD_INPUT;
    }
  if (argc < 2)
    {
      g_printerr ("spinal-pathways-cli audit: needs at least one CASES.jsonl, .spcase file or folder\n");
      return AUDIT_BAD_INPUT;
    }
  if (own_policy != NULL)
    policy_path = own_policy;

  if (policy_path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (policy_path);
      policy = sp_policy_new_from_file (file, &error);
    }
  else
    policy = sp_policy_new_default (&error);
  if (policy == NULL)
    {
      g_autofree char *line = g_strdup (error->message);

      g_printerr ("%s\n", g_strdelimit (line, "\n\r", ' '));
      return policy_path != NULL ? AUDIT_BAD_INPUT : AUDIT_INTERNAL;
    }

  audit.policy = policy;
  audit.n_decisions = sp_policy_get_n_decisions (policy);
  audit.n_facts = sp_policy_get_n_facts (policy);
  audit.n_groups = 1;
  audit.today = sp_date_today ();
  if (by != NULL)
    {
      audit.by = sp_policy_lookup_fact (policy, by);
      if (audit.by == NULL ||
          (sp_fact_get_fact_type (audit.by) != SP_FACT_BOOLEAN && sp_fact_get_fact_type (audit.by) != SP_FACT_CHOICE))
        {
          g_printerr ("spinal-pathways-cli audit: --by needs a yes-or-no or choice fact of the policy\n");
          return AUDIT_BAD_INPUT;
        }
      audit.n_groups = (sp_fact_get_fact_type (audit.by) == SP_FACT_BOOLEAN ? 2 : sp_fact_get_n_choices (audit.by)) + 1;
    }
  audit.total = tally_new (&audit);

  status = sp_stream_run ((const char * const *) argv + 1, &funcs, &audit);
  if (status != SP_STREAM_WRITE_FAILED)
    {
      if (csv)
        print_csv (&audit);
      else
        print_text (&audit);
    }
  tally_free (&audit, audit.total);

  if (status == SP_STREAM_WRITE_FAILED || fflush (stdout) != 0)
    {
      g_printerr ("spinal-pathways-cli audit: cannot write the figures\n");
      return AUDIT_INTERNAL;
    }
  return status == SP_STREAM_BAD_INPUT ? AUDIT_BAD_INPUT : AUDIT_OK;
}

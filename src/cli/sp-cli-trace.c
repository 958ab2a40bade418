/* sp-cli-trace.c: spinal-pathways-cli trace, from clauses to rules to tests
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "sp-core.h"
#include "sp-cli-trace.h"

/* For the clinical safety case: which parts of the policy each clause
 * became, and which test cases hold each decision's outcomes in place. The
 * output depends only on the policy and the test files (names sorted), so
 * a committed copy can be checked for staleness by comparing bytes. */

enum {
  TRACE_OK = 0,
  TRACE_INTERNAL = 1,
  TRACE_BAD_INPUT = 2,
};

static gboolean
strv_has (char       **strv,
          const char  *text)
{
  return strv != NULL && g_strv_contains ((const char * const *) strv, text);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* "decision id\tstatus" → GPtrArray of case file names. */
static GHashTable *
read_tests (const char *folder,
            gboolean   *ok)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GHashTable *outcomes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) g_ptr_array_unref);
  const char *name;

  *ok = TRUE;
  if (dir == NULL)
    {
      g_printerr ("%s: cannot read the folder: %s\n", folder, error->message);
      *ok = FALSE;
      return outcomes;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (folder, file, NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) parse_error = NULL;
      JsonNode *root, *expect, *decisions;
      g_autoptr(GList) ids = NULL;

      if (!json_parser_load_from_mapped_file (parser, path, &parse_error))
        {
          g_printerr ("%s: not valid JSON: %s\n", path, parse_error->message);
          *ok = FALSE;
          continue;
        }
      root = json_parser_get_root (parser);
      if (!JSON_NODE_HOLDS_OBJECT (root) ||
          !(expect = json_object_get_member (json_node_get_object (root), "expect")) ||
          !JSON_NODE_HOLDS_OBJECT (expect))
        continue;
      decisions = json_object_get_member (json_node_get_object (expect), "decisions");
      if (decisions == NULL || !JSON_NODE_HOLDS_OBJECT (decisions))
        continue;
      ids = json_object_get_members (json_node_get_object (decisions));
      for (GList *l = ids; l != NULL; l = l->next)
        {
          JsonNode *outcome = json_object_get_member (json_node_get_object (decisions), l->data);
          const char *status;
          char *key;
          GPtrArray *files;

          if (!JSON_NODE_HOLDS_OBJECT (outcome) ||
              !(status = json_object_get_string_member_with_default (json_node_get_object (outcome), "status", NULL)))
            continue;
          key = g_strdup_printf ("%s\t%s", (const char *) l->data, status);
          if (!(files = g_hash_table_lookup (outcomes, key)))
            {
              files = g_ptr_array_new_with_free_func (g_free);
              g_hash_table_insert (outcomes, g_strdup (key), files);
            }
          g_ptr_array_add (files, g_strdup (file));
          g_free (key);
        }
    }
  return outcomes;
}

static void
emit (GString    *out,
      gboolean    csv,
      const char *kind,
      const char *subject,
      const char *relation,
      const char *object)
{
  if (csv)
    g_string_append_printf (out, "%s,%s,%s,\"%s\"\n", kind, subject, relation, object);
}

int
sp_cli_trace_run (const char *policy_path,
                  int         argc,
                  char      **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("");
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPolicy) policy = NULL;
  g_autoptr(GHashTable) outcomes = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *own_policy = NULL;
  g_autofree char *tests = NULL;
  gboolean csv = FALSE, tests_ok = TRUE;
  GOptionEntry entries[] = {
    { "policy", 0, 0, G_OPTION_ARG_FILENAME, &own_policy, "The policy revision to trace", "FILE" },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, "Write comma-separated values instead of Markdown", NULL },
    { "tests", 0, 0, G_OPTION_ARG_FILENAME, &tests, "Map each decision outcome to the test cases expecting it", "DIR" },
    { NULL }
  };
  GListModel *clauses, *advisories, *interpretations;
  guint n_decisions;

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_set_summary (context,
    "For each clause of the policy, the decisions, advisories and\n"
    "interpretations that cite it; for each decision, its clauses and (with\n"
    "--tests) the test cases that exercise each of its outcomes.");
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 1)
    {
      g_printerr ("spinal-pathways-cli trace: %s\n", error ? error->message : "takes no arguments");
      return TRACE_BAD_INPUT;
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
      g_printerr ("%s\n", error->message);
      return policy_path != NULL ? TRACE_BAD_INPUT : TRACE_INTERNAL;
    }
  if (tests != NULL)
    outcomes = read_tests (tests, &tests_ok);

  clauses = sp_policy_get_clauses (policy);
  advisories = sp_policy_get_advisories (policy);
  interpretations = sp_policy_get_interpretations (policy);
  n_decisions = sp_policy_get_n_decisions (policy);

  if (csv)
    g_string_append (out, "kind,id,relation,target\n");
  else
    g_string_append_printf (out,
      "# Traceability: %s, version %s\n\n"
      "Generated by `spinal-pathways-cli trace --tests tests/cases`; do not edit by hand\n"
      "(`test-traceability` fails when this copy is out of date).\n\n"
      "## Clauses\n\n| clause | heading | decisions | advisories | interpretations |\n|---|---|---|---|---|\n",
      sp_policy_get_title (policy), sp_policy_get_version (policy));

  for (guint c = 0; c < g_list_model_get_n_items (clauses); c++)
    {
      g_autoptr(SpClause) clause = g_list_model_get_item (clauses, c);
      const char *id = sp_clause_get_id (clause);
      GString *cells[3] = { g_string_new (NULL), g_string_new (NULL), g_string_new (NULL) };

      for (guint d = 0; d < n_decisions; d++)
        {
          SpDecisionRule *rule = sp_policy_get_decision (policy, d);
          g_auto(GStrv) ids = sp_decision_rule_dup_clause_ids (rule);

          if (strv_has (ids, id))
            {
              g_string_append_printf (cells[0], "%s`%s`", cells[0]->len ? ", " : "", sp_decision_rule_get_id (rule));
              emit (out, csv, "clause", id, "cited by decision", sp_decision_rule_get_id (rule));
            }
        }
      for (guint a = 0; a < g_list_model_get_n_items (advisories); a++)
        {
          g_autoptr(SpAdvisoryRule) advisory = g_list_model_get_item (advisories, a);
          const char * const *ids = sp_advisory_rule_get_clause_ids (advisory);

          if (ids != NULL && g_strv_contains (ids, id))
            {
              g_string_append_printf (cells[1], "%s`%s`", cells[1]->len ? ", " : "", sp_advisory_rule_get_id (advisory));
              emit (out, csv, "clause", id, "cited by advisory", sp_advisory_rule_get_id (advisory));
            }
        }
      for (guint i = 0; i < g_list_model_get_n_items (interpretations); i++)
        {
          g_autoptr(SpInterpretation) interpretation = g_list_model_get_item (interpretations, i);

          if (g_str_equal (sp_interpretation_get_clause_id (interpretation), id))
            {
              g_string_append_printf (cells[2], "%s`%s`", cells[2]->len ? ", " : "", sp_interpretation_get_id (interpretation));
              emit (out, csv, "clause", id, "read by interpretation", sp_interpretation_get_id (interpretation));
            }
        }
      if (!csv)
        g_string_append_printf (out, "| `%s` | %s | %s | %s | %s |\n", id, sp_clause_get_heading (clause),
                                cells[0]->str, cells[1]->str, cells[2]->str);
      for (guint k = 0; k < G_N_ELEMENTS (cells); k++)
        g_string_free (cells[k], TRUE);
    }

  if (!csv)
    g_string_append_printf (out, "\n## Decisions\n\n| decision | clauses |%s\n|---|---|%s\n",
                            outcomes ? " outcome | test cases |" : "", outcomes ? "---|---|" : "");
  for (guint d = 0; d < n_decisions; d++)
    {
      SpDecisionRule *rule = sp_policy_get_decision (policy, d);
      const char *id = sp_decision_rule_get_id (rule);
      g_auto(GStrv) ids = sp_decision_rule_dup_clause_ids (rule);
      g_autofree char *joined = NULL;
      gboolean first = TRUE;

      for (guint i = 0; ids && ids[i]; i++)
        emit (out, csv, "decision", id, "cites clause", ids[i]);
      joined = ids ? g_strjoinv ("`, `", ids) : g_strdup ("");

      if (outcomes == NULL)
        {
          if (!csv)
            g_string_append_printf (out, "| `%s` | `%s` |\n", id, joined);
          continue;
        }
      for (guint s = 0; s < SP_N_STATUSES; s++)
        {
          g_autofree char *key = g_strdup_printf ("%s\t%s", id, sp_status_to_string (s));
          GPtrArray *files = g_hash_table_lookup (outcomes, key);
          g_autoptr(GString) cell = g_string_new (NULL);

          for (guint f = 0; files && f < files->len; f++)
            {
              g_string_append_printf (cell, "%s%s", f ? ", " : "", (const char *) g_ptr_array_index (files, f));
              emit (out, csv, "decision", id, sp_status_to_string (s), g_ptr_array_index (files, f));
            }
          if (!csv && files != NULL)
            {
              g_string_append_printf (out, "| %s%s%s | %s%s%s | %s | %s |\n", first ? "`" : "", first ? id : "",
                                      first ? "`" : "", first ? "`" : "", first ? joined : "", first ? "`" : "",
                                      sp_status_to_string (s), cell->str);
              first = FALSE;
            }
        }
      if (!csv && first)
        g_string_append_printf (out, "| `%s` | `%s` | (none) | **no test case** |\n", id, joined);
    }

  if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
    return TRACE_INTERNAL;
  return tests_ok ? TRACE_OK : TRACE_BAD_INPUT;
}

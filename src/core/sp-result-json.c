/* sp-result-json.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-advisory-rule.h"
#include "sp-core-private.h"
#include "sp-decision-rule.h"
#include "sp-fact.h"
#include "sp-interpretation.h"
#include "sp-policy.h"
#include "sp-result-json.h"

/* Written by hand rather than through JsonGenerator: batch evaluation
 * writes a result per case, and building a tree per case would cost more
 * than evaluating it. The output is plain JSON, one object per call. */

void
sp_json_append_string (GString    *out,
                       const char *text)
{
  static const char hex[] = "0123456789abcdef";
  const guchar *p = (const guchar *) text;

  g_string_append_c (out, '"');
  while (*p)
    {
      const guchar *run = p;

      /* Copy runs that need no escaping in one go: most of the output is
       * the policy's plain sentences. */
      while (*p >= 0x20 && *p != '"' && *p != '\\')
        p++;
      if (p > run)
        g_string_append_len (out, (const char *) run, p - run);
      if (*p == '\0')
        break;

      switch (*p)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          g_string_append (out, "\\u00");
          g_string_append_c (out, hex[*p >> 4]);
          g_string_append_c (out, hex[*p & 0xf]);
        }
      p++;
    }
  g_string_append_c (out, '"');
}

/* Most of what a result says is the policy's own text, the same for every
 * case; it is escaped once per policy and copied after that. Only strings
 * the policy owns are in the cache (keyed by address, which stays valid as
 * long as the policy lives), so a sentence made for one case never is. */
static GHashTable *
build_escape_cache (SpPolicy *policy)
{
  GHashTable *cache = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  GPtrArray *decisions = sp_policy_get_decision_array (policy);
  GPtrArray *facts = sp_policy_get_fact_array (policy);
  GListModel *interpretations = sp_policy_get_interpretations (policy);

#define CACHE(text)                                                  \
  G_STMT_START {                                                     \
    const char *text_ = (text);                                      \
    if (text_ != NULL && !g_hash_table_contains (cache, text_))      \
      {                                                              \
        GString *escaped = g_string_new (NULL);                      \
        sp_json_append_string (escaped, text_);                      \
        g_hash_table_insert (cache, (gpointer) text_,                \
                             g_string_free (escaped, FALSE));        \
      }                                                              \
  } G_STMT_END

  for (guint d = 0; d < decisions->len; d++)
    {
      SpDecisionRule *rule = g_ptr_array_index (decisions, d);
      const SpRuleRow *rows;
      guint n_rows;

      CACHE (sp_decision_rule_get_id (rule));
      CACHE (sp_decision_rule_get_pathway (rule));
      rows = sp_decision_rule_get_rows (rule, &n_rows);
      for (guint r = 0; r < n_rows; r++)
        {
          CACHE (rows[r].reason);
          for (guint i = 0; rows[r].clause_ids[i]; i++)
            CACHE (rows[r].clause_ids[i]);
          for (guint i = 0; rows[r].interpretation_ids[i]; i++)
            CACHE (rows[r].interpretation_ids[i]);
        }
    }
  for (guint f = 0; f < facts->len; f++)
    CACHE (sp_fact_get_id (g_ptr_array_index (facts, f)));
  for (guint i = 0; i < g_list_model_get_n_items (interpretations); i++)
    {
      g_autoptr(SpInterpretation) interpretation = g_list_model_get_item (interpretations, i);

      CACHE (sp_policy_get_interpretation_sentence (policy, sp_interpretation_get_id (interpretation)));
    }
  for (guint s = 0; s < SP_N_STATUSES; s++)
    CACHE (sp_status_to_string (s));
#undef CACHE

  return cache;
}

static GHashTable *
get_escape_cache (SpPolicy *policy)
{
  static GMutex lock;
  GHashTable *cache;

  g_mutex_lock (&lock);
  if (!(cache = g_object_get_data (G_OBJECT (policy), "sp-json-escape-cache")))
    {
      cache = build_escape_cache (policy);
      g_object_set_data_full (G_OBJECT (policy), "sp-json-escape-cache", cache,
                              (GDestroyNotify) g_hash_table_unref);
    }
  g_mutex_unlock (&lock);
  return cache;
}

static inline void
append_policy_string (GString    *out,
                      GHashTable *cache,
                      const char *text)
{
  const char *escaped = g_hash_table_lookup (cache, text);

  if (escaped != NULL)
    g_string_append (out, escaped);
  else
    sp_json_append_string (out, text);
}

static void
append_string_array (GString    *out,
                     GHashTable *cache,
                     GPtrArray  *strings)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < strings->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_policy_string (out, cache, g_ptr_array_index (strings, i));
    }
  g_string_append_c (out, ']');
}

static void
append_policy (GString  *out,
               SpPolicy *policy)
{
  g_string_append (out, "\"policy\":{\"id\":");
  sp_json_append_string (out, sp_policy_get_id (policy));
  g_string_append (out, ",\"version\":");
  sp_json_append_string (out, sp_policy_get_version (policy));
  g_string_append (out, ",\"sha256\":");
  sp_json_append_string (out, sp_policy_get_sha256 (policy));
  g_string_append_c (out, '}');
}

/**
 * sp_result_json_append:
 * @line: the input's physical line number, or -1 outside batch mode
 *
 * Appends the contract's result object for one case, without a newline.
 */
void
sp_result_json_append (GString              *out,
                       SpPolicy             *policy,
                       const SpValue        *values,
                       const SpEngineResult *result,
                       gint64                line)
{
  GPtrArray *advisories = sp_policy_get_advisory_array (policy);
  GHashTable *cache = get_escape_cache (policy);
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  if (line >= 0)
    g_string_append_printf (out, "\"line\":%" G_GINT64_FORMAT ",", line);
  append_policy (out, policy);

  g_string_append (out, ",\"decisions\":[");
  for (guint d = 0; d < result->n_decisions; d++)
    {
      SpDecisionRule *rule = sp_policy_get_decision (policy, d);
      SpExplanation explanation;

      sp_explanation_init (&explanation);
      sp_engine_explain (policy, values, result, d, &explanation);

      if (d > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"id\":");
      append_policy_string (out, cache, sp_decision_rule_get_id (rule));
      g_string_append (out, ",\"pathway\":");
      append_policy_string (out, cache, sp_decision_rule_get_pathway (rule));
      g_string_append (out, ",\"status\":");
      append_policy_string (out, cache, sp_status_to_string (result->decisions[d].status));
      g_string_append (out, ",\"missing\":");
      append_string_array (out, cache, explanation.missing_fact_ids);
      g_string_append (out, ",\"reasons\":");
      append_string_array (out, cache, explanation.reasons);
      g_string_append (out, ",\"citations\":");
      append_string_array (out, cache, explanation.clause_ids);
      g_string_append (out, ",\"interpretations\":");
      append_string_array (out, cache, explanation.interpretation_ids);
      g_string_append_c (out, '}');

      sp_explanation_clear (&explanation);
    }
  g_string_append (out, "],\"advisories\":[");

  for (guint a = 0; a < advisories->len; a++)
    {
      g_autofree char *text = NULL;

      if (!(result->advisories & (G_GUINT64_CONSTANT (1) << a)))
        continue;
      text = sp_engine_describe_advisory (policy, values, result, a);
      if (!first)
        g_string_append_c (out, ',');
      first = FALSE;
      g_string_append (out, "{\"id\":");
      sp_json_append_string (out, sp_advisory_rule_get_id (g_ptr_array_index (advisories, a)));
      g_string_append (out, ",\"text\":");
      sp_json_append_string (out, text);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");
}

void
sp_result_json_append_error (GString    *out,
                             gint64      line,
                             const char *message)
{
  g_string_append_printf (out, "{\"line\":%" G_GINT64_FORMAT ",\"error\":", line);
  sp_json_append_string (out, message);
  g_string_append_c (out, '}');
}

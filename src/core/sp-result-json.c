/* sp-result-json.c
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-advisory-rule.h"
#include "sp-core-private.h"
#include "sp-decision-rule.h"
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

static void
append_string_array (GString   *out,
                     GPtrArray *strings)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < strings->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      sp_json_append_string (out, g_ptr_array_index (strings, i));
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
      sp_json_append_string (out, sp_decision_rule_get_id (rule));
      g_string_append (out, ",\"pathway\":");
      sp_json_append_string (out, sp_decision_rule_get_pathway (rule));
      g_string_append (out, ",\"status\":");
      sp_json_append_string (out, sp_status_to_string (result->decisions[d].status));
      g_string_append (out, ",\"missing\":");
      append_string_array (out, explanation.missing_fact_ids);
      g_string_append (out, ",\"reasons\":");
      append_string_array (out, explanation.reasons);
      g_string_append (out, ",\"citations\":");
      append_string_array (out, explanation.clause_ids);
      g_string_append (out, ",\"interpretations\":");
      append_string_array (out, explanation.interpretation_ids);
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

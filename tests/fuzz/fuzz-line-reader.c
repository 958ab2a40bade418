/* fuzz-line-reader.c: differential libFuzzer harness for batch lines
 *
 * The fast line reader may give a line back, but whenever it accepts one
 * the strict JSON gate must let it through and the reference reader
 * (json-glib) must accept it too, with the same values: a difference would
 * be a case decided differently in a batch than on its own, or a line the
 * gate refuses read all the same (sp_case_line_reader_read() runs the gate
 * only on the lines the fast reader gives back).
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sp-core.h"
#include "sp-core-private.h"
#include "sp-case-line-reader.h"
#include "sp-json-gate.h"

#include <json-glib/json-glib.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static gboolean
same_value (SpFact        *fact,
            const SpValue *a,
            const SpValue *b)
{
  if (a->recorded != b->recorded)
    return FALSE;
  if (!a->recorded)
    return TRUE;
  switch (sp_fact_get_fact_type (fact))
    {
    case SP_FACT_BOOLEAN:
      return !a->boolean == !b->boolean;
    case SP_FACT_INTEGER:
    case SP_FACT_NUMBER:
      return a->number == b->number;
    case SP_FACT_CHOICE:
      return a->choice == b->choice;
    case SP_FACT_CHOICE_LIST:
    case SP_FACT_DECISION_LIST:
      return a->list == b->list;
    case SP_FACT_DATE:
      return a->date == b->date;
    case SP_FACT_STRING:
      return g_strcmp0 (a->string, b->string) == 0;
    default:
      return FALSE;
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static SpPolicy *policy;
  static SpCaseLineReader *reader;
  static SpValue *fast, *reference;
  const guint32 today = 20000;
  g_autoptr(GError) error = NULL;
  guint n_facts;
  gboolean fast_ok, reference_ok;

  if (policy == NULL)
    {
      policy = sp_policy_new_default (NULL);
      g_assert (policy != NULL);
      reader = sp_case_line_reader_new (policy);
      fast = g_new0 (SpValue, sp_policy_get_n_facts (policy));
      reference = g_new0 (SpValue, sp_policy_get_n_facts (policy));
    }
  n_facts = sp_policy_get_n_facts (policy);

  fast_ok = sp_case_line_reader_read_fast (reader, (const char *) data, size, today, fast);
  reference_ok = sp_case_line_reader_read (reader, (const char *) data, size, "fuzz", 1, today,
                                           reference, &error);
  g_assert (reference_ok == (error == NULL));
  if (fast_ok)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) gate_error = NULL;
      gsize offset = 0;

      g_assert (reference_ok);
      for (guint f = 0; f < n_facts; f++)
        g_assert (same_value (sp_policy_get_fact (policy, f), &fast[f], &reference[f]));

      /* The gate and json-glib, which the fast reader's acceptance skips. */
      g_assert (sp_json_gate_check ((const char *) data, size, "fuzz", SP_ERROR_INVALID_CASE, &offset,
                                    &gate_error));
      g_assert (json_parser_load_from_data (parser, (const char *) data + offset, size - offset, NULL));
      g_assert (sp_values_from_json_node (policy, json_parser_get_root (parser), "fuzz", today,
                                          reference, NULL, NULL));
      for (guint f = 0; f < n_facts; f++)
        g_assert (same_value (sp_policy_get_fact (policy, f), &fast[f], &reference[f]));
    }

  for (guint f = 0; f < n_facts; f++)
    {
      sp_value_clear (&fast[f]);
      sp_value_clear (&reference[f]);
    }
  return 0;
}

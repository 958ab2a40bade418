/* test-implied.c: statuses and "missing" over every completion of a case
 * that the policy's constraints allow (the contract's implied facts),
 * checked by brute force on a policy with constraints, a follow-up
 * question and the screening gate, and on the real policy for sampled
 * cases
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sp-core.h"
#include "sp-core-private.h"

#define TODAY 2461000   /* a Julian day in 2026 */

/* One fact varied by the brute force, with a value standing for each
 * region its tests tell apart. */
typedef struct {
  const char *id;
  guint       n_values;
  double      numbers[4];   /* numbers, or list masks */
} Varied;

static void
set_value (SpPolicy     *policy,
           SpValue      *values,
           const Varied *varied,
           guint         code)     /* 0: unknown; 1..n: a value */
{
  SpFact *fact = sp_policy_lookup_fact (policy, varied->id);
  SpValue *value = &values[sp_fact_get_index (fact)];

  memset (value, 0, sizeof *value);
  if (code == 0)
    return;
  value->recorded = TRUE;
  switch (sp_fact_get_fact_type (fact))
    {
    case SP_FACT_BOOLEAN:
      value->boolean = code == 2;
      break;
    case SP_FACT_CHOICE:
      value->choice = (guint) varied->numbers[code - 1];
      break;
    case SP_FACT_CHOICE_LIST:
      value->list = (guint64) varied->numbers[code - 1];
      break;
    case SP_FACT_INTEGER:
    case SP_FACT_NUMBER:
      value->number = varied->numbers[code - 1];
      break;
    case SP_FACT_DATE:
    case SP_FACT_STRING:
    case SP_FACT_DECISION_LIST:
    default:
      g_assert_not_reached ();
    }
}

typedef struct {
  SpPolicy       *policy;
  const Varied   *varied;
  guint           n_varied;
  SpValue        *values;
  SpEngineResult *result;
} Oracle;

/* The statuses of every consistent completion of @partial: bit per status
 * per decision, and for each unknown fact whether changing it alone, in
 * some consistent completion, changes the status. */
static void
enumerate (Oracle      *oracle,
           const guint *partial,
           guint       *statuses,       /* per decision */
           guint64     *relevant,       /* per decision: bit per varied fact */
           gboolean    *asked)          /* per varied fact: asked_when true in every completion */
{
  guint n_decisions = oracle->result->n_decisions;
  guint codes[16], unknown[16], n_unknown = 0;
  guint64 total = 1;
  g_autofree guint *first = g_new (guint, n_decisions);

  for (guint d = 0; d < n_decisions; d++)
    statuses[d] = 0, relevant[d] = 0;
  for (guint v = 0; v < oracle->n_varied; v++)
    {
      asked[v] = TRUE;
      if (partial[v] == 0)
        {
          unknown[n_unknown++] = v;
          total *= oracle->varied[v].n_values;
        }
    }

  for (guint64 combination = 0; combination < total; combination++)
    {
      guint64 rest = combination;
      gboolean consistent;

      memcpy (codes, partial, oracle->n_varied * sizeof (guint));
      for (guint u = 0; u < n_unknown; u++)
        {
          codes[unknown[u]] = 1 + rest % oracle->varied[unknown[u]].n_values;
          rest /= oracle->varied[unknown[u]].n_values;
        }
      for (guint v = 0; v < oracle->n_varied; v++)
        set_value (oracle->policy, oracle->values, &oracle->varied[v], codes[v]);
      consistent = sp_values_check_constraints (oracle->policy, oracle->values, TODAY, "t", NULL);
      if (!consistent)
        continue;

      sp_engine_evaluate (oracle->policy, oracle->values, TODAY, oracle->result);
      for (guint d = 0; d < n_decisions; d++)
        statuses[d] |= 1u << oracle->result->decisions[d].status;
      for (guint v = 0; v < oracle->n_varied; v++)
        {
          SpFact *fact = sp_policy_lookup_fact (oracle->policy, oracle->varied[v].id);
          const SpExpr *asked_when = sp_fact_get_asked_when (fact);
          SpEvalContext context = { oracle->values, TODAY, -1, NULL };

          if (asked_when != NULL && sp_expr_evaluate (asked_when, &context) != SP_TRUTH_TRUE)
            asked[v] = FALSE;
        }

      /* Each unknown fact alone, at every other value. */
      for (guint d = 0; d < n_decisions; d++)
        first[d] = oracle->result->decisions[d].status;
      for (guint u = 0; u < n_unknown; u++)
        {
          guint v = unknown[u];

          for (guint other = 1; other <= oracle->varied[v].n_values; other++)
            {
              if (other == codes[v])
                continue;
              set_value (oracle->policy, oracle->values, &oracle->varied[v], other);
              if (sp_values_check_constraints (oracle->policy, oracle->values, TODAY, "t", NULL))
                {
                  sp_engine_evaluate (oracle->policy, oracle->values, TODAY, oracle->result);
                  for (guint d = 0; d < n_decisions; d++)
                    if (oracle->result->decisions[d].status != first[d])
                      relevant[d] |= G_GUINT64_CONSTANT (1) << v;
                }
              set_value (oracle->policy, oracle->values, &oracle->varied[v], codes[v]);
            }
        }
    }
}

static void
check_partial (Oracle      *oracle,
               const guint *partial,
               gboolean     check_missing,
               guint       *n_checked)
{
  guint n_decisions = oracle->result->n_decisions;
  g_autofree guint *statuses = g_new (guint, n_decisions);
  g_autofree guint64 *relevant = g_new (guint64, n_decisions);
  gboolean asked[16];

  enumerate (oracle, partial, statuses, relevant, asked);
  if (statuses[0] == 0)
    return;  /* the partial case itself is inconsistent: the reader refuses it */

  for (guint v = 0; v < oracle->n_varied; v++)
    set_value (oracle->policy, oracle->values, &oracle->varied[v], partial[v]);
  sp_engine_evaluate (oracle->policy, oracle->values, TODAY, oracle->result);

  for (guint d = 0; d < n_decisions; d++)
    {
      const SpOutcome *outcome = &oracle->result->decisions[d];
      const char *id = sp_decision_rule_get_id (sp_policy_get_decision (oracle->policy, d));
      gboolean single = (statuses[d] & (statuses[d] - 1)) == 0;
      guint64 expected_missing = 0, filtered = 0, engine_missing = 0;
      g_autoptr(GString) shown = g_string_new (NULL);

      for (guint v = 0; v < oracle->n_varied; v++)
        g_string_append_printf (shown, "%s=%u ", oracle->varied[v].id, partial[v]);

      if (single && outcome->status != (SpStatus) __builtin_ctz (statuses[d]))
        g_error ("%s with %s: engine says %s, every consistent completion says %s", id, shown->str,
                 sp_status_to_string (outcome->status), sp_status_to_string (__builtin_ctz (statuses[d])));
      if (!single && outcome->status != SP_STATUS_NEEDS_INFORMATION)
        g_error ("%s with %s: engine says %s, but consistent completions disagree (statuses 0x%x)", id,
                 shown->str, sp_status_to_string (outcome->status), statuses[d]);

      for (guint v = 0; v < oracle->n_varied; v++)
        {
          guint index = sp_fact_get_index (sp_policy_lookup_fact (oracle->policy, oracle->varied[v].id));

          if (sp_fact_set_contains (&outcome->missing, index))
            engine_missing |= G_GUINT64_CONSTANT (1) << v;
          if (single)
            continue;
          if ((relevant[d] >> v) & 1)
            {
              expected_missing |= G_GUINT64_CONSTANT (1) << v;
              if (asked[v])
                filtered |= G_GUINT64_CONSTANT (1) << v;
            }
        }
      /* A follow-up question is asked only once its parent says so, unless
       * nothing else is left to ask. */
      if (filtered != 0)
        expected_missing = filtered;
      if (check_missing && engine_missing != expected_missing)
        g_error ("%s with %s: missing 0x%" G_GINT64_MODIFIER "x, expected 0x%" G_GINT64_MODIFIER "x (varied facts in order)",
                 id, shown->str, engine_missing, expected_missing);
      (*n_checked)++;
    }
}

static SpPolicy *
load_policy (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("SP_SOURCE_DIR"), "tests", "core", "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  SpPolicy *policy = sp_policy_new_from_file (file, &error);

  g_assert_no_error (error);
  return policy;
}

static void
test_every_partial_case (void)
{
  static const Varied varied[] = {
    { "flag", 2, { 0 } },
    { "pathology", 3, { 0, 1, 2 } },        /* none, cancer, cord injury */
    { "cond", 3, { 0, 1, 2 } },
    { "radicular", 2, { 0 } },
    { "status", 3, { 0, 1, 2 } },
    { "weeks", 3, { 0, 11, 12 } },
    { "count", 2, { 0, 1 } },
    { "response", 3, { 0, 1, 2 } },
  };
  g_autoptr(SpPolicy) policy = load_policy ("constrained-policy.json");
  g_autofree SpValue *values = g_new0 (SpValue, sp_policy_get_n_facts (policy));
  g_autofree SpEngineResult *result = sp_engine_result_new (policy);
  Oracle oracle = { policy, varied, G_N_ELEMENTS (varied), values, result };
  guint partial[G_N_ELEMENTS (varied)] = { 0 };
  guint n_checked = 0;

  /* Every partial assignment: each fact unknown or one of its values. */
  for (;;)
    {
      guint v;

      check_partial (&oracle, partial, TRUE, &n_checked);
      for (v = 0; v < G_N_ELEMENTS (varied); v++)
        {
          if (++partial[v] <= varied[v].n_values)
            break;
          partial[v] = 0;
        }
      if (v == G_N_ELEMENTS (varied))
        break;
    }
  g_test_message ("%u decisions checked", n_checked);
  g_assert_cmpuint (n_checked, >, 50000);
}

/* The real policy, on cases shaped like real ones: the screening facts
 * and a handful of the constrained facts, each often unrecorded. */
static void
test_real_policy_sampled (void)
{
  static const Varied varied[] = {
    { "red_flag_cauda_equina", 2, { 0 } },
    { "serious_pathology_suspected", 3, { 0, 1, 8 } },  /* none, cancer, spinal cord injury */
    { "lumbar_condition", 3, { 0, 1, 2 } },
    { "radicular_symptoms", 2, { 0 } },
    { "conservative_status", 4, { 0, 1, 2, 3 } },
    { "conservative_weeks", 3, { 0, 6, 12 } },
    { "facet_previous_diagnostic_mbb", 2, { 0, 1 } },
    { "facet_mbb_response", 3, { 0, 1, 2 } },
    { "cervical_condition", 2, { 0, 1 } },
  };
  g_autoptr(SpPolicy) policy = sp_policy_new_default (NULL);
  g_autofree SpValue *values = g_new0 (SpValue, sp_policy_get_n_facts (policy));
  g_autofree SpEngineResult *result = sp_engine_result_new (policy);
  Oracle oracle = { policy, varied, G_N_ELEMENTS (varied), values, result };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261203);
  const char *recorded[] = { "red_flag_objective_weakness", "red_flag_sexual_dysfunction",
                             "red_flag_other_neurological_deterioration" };
  guint n_checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (recorded); i++)
    {
      SpValue *value = &values[sp_fact_get_index (sp_policy_lookup_fact (policy, recorded[i]))];

      value->recorded = TRUE;
      value->boolean = FALSE;
    }

  for (guint sample = 0; sample < 400; sample++)
    {
      guint partial[G_N_ELEMENTS (varied)];

      /* Mostly unrecorded, as in a consultation under way. */
      for (guint v = 0; v < G_N_ELEMENTS (varied); v++)
        partial[v] = g_rand_int_range (rand, 0, 2) == 0 ? 0 : g_rand_int_range (rand, 1, varied[v].n_values + 1);
      /* Facts outside the sample stay unknown in every completion too, so
       * only the statuses are exact here; "missing" is exact on the small
       * policy above. */
      check_partial (&oracle, partial, FALSE, &n_checked);
    }
  g_test_message ("%u decisions checked", n_checked);
  g_assert_cmpuint (n_checked, >, 5000);
}

/* Two constraints that leave an unrecorded fact no value: a radicular
 * condition needs radicular symptoms, and a failed course with five
 * blocks rules them out. The case is refused, naming a constraint's member. */
static void
test_contradiction_through_unrecorded_fact (void)
{
  g_autoptr(SpPolicy) policy = load_policy ("constrained-policy.json");
  g_autofree SpValue *values = g_new0 (SpValue, sp_policy_get_n_facts (policy));
  static const Varied cond = { "cond", 3, { 0, 1, 2 } };
  static const Varied status = { "status", 3, { 0, 1, 2 } };
  static const Varied count = { "count", 2, { 0, 5 } };
  g_autoptr(GError) error = NULL;

  set_value (policy, values, &cond, 1);      /* rad */
  set_value (policy, values, &status, 3);    /* failed */
  g_assert_true (sp_values_check_constraints (policy, values, TODAY, "case.spcase", NULL));
  set_value (policy, values, &count, 2);     /* five blocks */
  g_assert_false (sp_values_check_constraints (policy, values, TODAY, "case.spcase", &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID_CASE);
  g_assert_nonnull (strstr (error->message, "case.spcase: facts."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sp/implied/every-partial-case", test_every_partial_case);
  g_test_add_func ("/sp/implied/real-policy-sampled", test_real_policy_sampled);
  g_test_add_func ("/sp/implied/contradiction-through-unrecorded-fact", test_contradiction_through_unrecorded_fact);

  return g_test_run ();
}

/* bench-engine.c: how long one full-policy evaluation takes
 *
 * Usage: bench-engine [N_CASES]            time the engine on generated cases
 *        bench-engine --write-jsonl N FILE write N generated cases, one per line
 *
 * Cases are generated from the policy's own facts with a fixed seed, shaped
 * like cases in a consultation (SP_BENCH_SHAPE=realistic, the default):
 * each fact is unrecorded with probability 3/5; a number is, more often
 * than not, within one of a value the policy compares it with (the
 * thresholds, where answers change); each red flag and the suspected
 * pathology are unrecorded one time in ten, so about a third of cases are
 * not fully screened, and one flag in thirty is recorded yes.
 * SP_BENCH_SHAPE=dense gives the earlier shape: each fact unrecorded with
 * probability 1/4, numbers uniform, flags nearly always recorded.
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <time.h>

#include "sp-core.h"
#include "sp-core-private.h"

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static gboolean realistic = TRUE;
static GArray **thresholds;   /* per fact: double, the values it is compared with */

/* The values each fact is compared with anywhere in the policy's rules
 * and constraints, read from the policy rather than written here. */
static void
collect_thresholds (SpPolicy *policy)
{
  SpEvalContext nothing = { 0 };
  g_autofree SpValue *values = g_new0 (SpValue, sp_policy_get_n_facts (policy));
  const SpConstraint *constraints;
  guint n_constraints;

  nothing.values = values;
  nothing.assessment_date_fact = -1;
  thresholds = g_new0 (GArray *, sp_policy_get_n_facts (policy));
  constraints = sp_policy_get_constraints (policy, &n_constraints);
  for (guint f = 0; f < sp_policy_get_n_facts (policy); f++)
    {
      double found[64];
      guint n;

      thresholds[f] = g_array_new (FALSE, FALSE, sizeof (double));
      for (guint d = 0; d < sp_policy_get_n_decisions (policy); d++)
        {
          const SpRuleRow *rows;
          guint n_rows;

          rows = sp_decision_rule_get_rows (sp_policy_get_decision (policy, d), &n_rows);
          for (guint r = 0; r < n_rows; r++)
            if (rows[r].when != NULL)
              {
                n = sp_expr_collect_thresholds (rows[r].when, f, &nothing, found, G_N_ELEMENTS (found));
                g_array_append_vals (thresholds[f], found, n);
              }
        }
      for (guint c = 0; c < n_constraints; c++)
        {
          n = sp_expr_collect_thresholds (constraints[c].must, f, &nothing, found, G_N_ELEMENTS (found));
          g_array_append_vals (thresholds[f], found, n);
        }
    }
}

static double
near_threshold (SpFact *fact,
                GRand  *rand,
                double  uniform)
{
  GArray *near = thresholds[sp_fact_get_index (fact)];
  double value;

  if (!realistic || near->len == 0 || g_rand_int_range (rand, 0, 3) == 0)
    return uniform;
  value = g_array_index (near, double, g_rand_int_range (rand, 0, near->len)) + g_rand_int_range (rand, -1, 2);
  return CLAMP (value, sp_fact_get_minimum (fact), sp_fact_get_maximum (fact));
}

static void
random_value (SpFact  *fact,
              GRand   *rand,
              SpPolicy *policy,
              SpValue *value)
{
  SpFactType type = sp_fact_get_fact_type (fact);

  memset (value, 0, sizeof *value);
  if (sp_policy_is_red_flag (policy, fact))
    {
      if (realistic)
        {
          value->recorded = g_rand_int_range (rand, 0, 10) != 0;
          value->boolean = g_rand_int_range (rand, 0, 30) == 0;
        }
      else
        {
          value->recorded = g_rand_int_range (rand, 0, 50) != 0;
          value->boolean = g_rand_int_range (rand, 0, 20) == 0;
        }
      return;
    }
  /* The suspected pathology list is a screening question: mostly answered. */
  if (realistic && type == SP_FACT_CHOICE_LIST)
    {
      if (g_rand_int_range (rand, 0, 10) == 0)
        return;
    }
  else if (realistic ? g_rand_int_range (rand, 0, 5) < 3 : g_rand_int_range (rand, 0, 4) == 0)
    return;

  value->recorded = TRUE;
  switch (sp_fact_get_fact_type (fact))
    {
    case SP_FACT_BOOLEAN:
      value->boolean = g_rand_boolean (rand);
      break;
    case SP_FACT_CHOICE:
      value->choice = g_rand_int_range (rand, 0, sp_fact_get_n_choices (fact));
      break;
    case SP_FACT_CHOICE_LIST:
    case SP_FACT_DECISION_LIST:
      /* Mostly none: a list of suspected pathology is the exception. */
      if (g_rand_int_range (rand, 0, 8) == 0)
        value->list = G_GUINT64_CONSTANT (1) << g_rand_int_range (rand, 0, sp_fact_get_n_choices (fact));
      break;
    case SP_FACT_INTEGER:
      value->number = near_threshold (fact, rand,
                                      g_rand_int_range (rand, (gint32) sp_fact_get_minimum (fact),
                                                        (gint32) MIN (sp_fact_get_maximum (fact), sp_fact_get_minimum (fact) + 24) + 1));
      break;
    case SP_FACT_NUMBER:
      value->number = near_threshold (fact, rand,
                                      g_rand_double_range (rand, sp_fact_get_minimum (fact),
                                                           MIN (sp_fact_get_maximum (fact), sp_fact_get_minimum (fact) + 24)));
      break;
    case SP_FACT_DATE:
      value->date = 738000 + g_rand_int_range (rand, 0, 1200);
      break;
    case SP_FACT_STRING:
      value->string = g_strdup ("12345");
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Generated values may break the contract's constraints; such cases are
 * redrawn, so every case is one the CLI accepts. */
static SpCase *
generate_case (SpPolicy *policy,
               GRand    *rand)
{
  for (;;)
    {
      g_autoptr(SpCase) case_ = sp_case_new (policy);

      for (guint i = 0; i < sp_policy_get_n_facts (policy); i++)
        {
          SpValue value;

          random_value (sp_policy_get_fact (policy, i), rand, policy, &value);
          sp_case_set_value (case_, i, &value);
          sp_value_clear (&value);
        }
      if (sp_case_check_constraints (case_, "generated", NULL))
        return g_steal_pointer (&case_);
    }
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

static int
write_jsonl (SpPolicy   *policy,
             guint       n,
             const char *path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261124);
  FILE *out = fopen (path, "w");

  if (out == NULL)
    {
      g_printerr ("%s: cannot write\n", path);
      return 1;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SpCase) case_ = generate_case (policy, rand);
      g_autoptr(GBytes) bytes = sp_case_serialize (case_);
      g_autoptr(JsonNode) node = json_from_string (g_bytes_get_data (bytes, NULL), NULL);
      g_autofree char *line = json_to_string (node, FALSE);

      fprintf (out, "%s\n", line);
    }
  fclose (out);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpPolicy) policy = sp_policy_new_default (&error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree SpEngineResult *result = NULL;
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree gint64 *samples = NULL;
  g_autofree gint64 *explained = NULL;
  guint n_cases = 10000;
  guint32 today = sp_date_today ();
  guint n_needs = 0, n_supported = 0, n_urgent = 0;

  if (policy == NULL)
    g_error ("%s", error->message);
  realistic = g_strcmp0 (g_getenv ("SP_BENCH_SHAPE"), "dense") != 0;
  collect_thresholds (policy);

  if (argc == 4 && g_str_equal (argv[1], "--write-jsonl"))
    return write_jsonl (policy, (guint) g_ascii_strtoull (argv[2], NULL, 10), argv[3]);
  if (argc == 2)
    n_cases = (guint) g_ascii_strtoull (argv[1], NULL, 10);

  for (guint i = 0; i < n_cases; i++)
    g_ptr_array_add (cases, generate_case (policy, rand));

  result = sp_engine_result_new (policy);
  samples = g_new (gint64, n_cases);
  explained = g_new (gint64, n_cases);

  /* Warm the caches once. */
  for (guint i = 0; i < n_cases; i++)
    sp_engine_evaluate (policy, sp_case_get_values (g_ptr_array_index (cases, i)), today, result);

  for (guint i = 0; i < n_cases; i++)
    {
      const SpValue *values = sp_case_get_values (g_ptr_array_index (cases, i));
      gint64 start;
      const guint repeats = 20;

      /* Each sample is the mean of a few back-to-back evaluations of the
       * same case, so the clock's own cost does not dominate. */
      start = now_ns ();
      for (guint r = 0; r < repeats; r++)
        sp_engine_evaluate (policy, values, today, result);
      samples[i] = (now_ns () - start) / repeats;

      for (guint d = 0; d < result->n_decisions; d++)
        {
          n_needs += result->decisions[d].status == SP_STATUS_NEEDS_INFORMATION;
          n_supported += result->decisions[d].status == SP_STATUS_SUPPORTED;
          n_urgent += result->decisions[d].status == SP_STATUS_URGENT_REFERRAL;
        }

      start = now_ns ();
      for (guint d = 0; d < result->n_decisions; d++)
        {
          SpExplanation explanation;

          sp_explanation_init (&explanation);
          sp_engine_explain (policy, values, result, d, &explanation);
          sp_explanation_clear (&explanation);
        }
      explained[i] = now_ns () - start;
    }

  qsort (samples, n_cases, sizeof (gint64), compare_gint64);
  qsort (explained, n_cases, sizeof (gint64), compare_gint64);

  g_print ("shape: %s\n", realistic ? "realistic" : "dense");
  g_print ("cases: %u (decisions: %u supported, %u needs information, %u urgent referral)\n",
           n_cases, n_supported, n_needs, n_urgent);
  g_print ("engine, full policy (%u decisions, %u advisories): median %.2f us, p99 %.2f us\n",
           sp_policy_get_n_decisions (policy),
           g_list_model_get_n_items (sp_policy_get_advisories (policy)),
           samples[n_cases / 2] / 1000.0, samples[(n_cases * 99) / 100] / 1000.0);
  g_print ("explanations in words, all decisions: median %.2f us, p99 %.2f us\n",
           explained[n_cases / 2] / 1000.0, explained[(n_cases * 99) / 100] / 1000.0);
  return 0;
}

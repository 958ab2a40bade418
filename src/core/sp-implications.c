/* sp-implications.c: the constraints narrow what an unrecorded fact can be
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "sp-core-private.h"
#include "sp-fact.h"
#include "sp-implications.h"
#include "sp-policy.h"

/* Each pass can only remove values, and chains in a real policy are one or
 * two links long; the bound keeps a hostile policy's work linear. */
#define MAX_PASSES     4
#define MAX_THRESHOLDS 32
#define MAX_CANDIDATES (MAX_THRESHOLDS * 4 + 2)

static void
pin (SpFactType  type,
     SpValue    *value,
     double      number,
     guint       bit)
{
  memset (value, 0, sizeof *value);
  value->recorded = TRUE;
  if (type == SP_FACT_BOOLEAN)
    value->boolean = bit == 1;
  else if (type == SP_FACT_CHOICE)
    value->choice = bit;
  else if (type == SP_FACT_DATE)
    value->date = (guint32) number;
  else
    value->number = number;
}

static gboolean
is_whole (SpFactType type)
{
  return type == SP_FACT_INTEGER || type == SP_FACT_DATE;
}

/* The values of @fact that @must does not rule out, given everything else
 * as it stands. Yes/no and choice facts try every value; numbers and dates
 * try the ends of their range and each side of every value they are
 * compared with, since a comparison's answer can change only there. */
static void
narrow_one (const SpExpr  *must,
            SpFactType     type,
            guint          index,
            SpEvalContext *context,
            SpDomain      *domain)
{
  SpValue pinned;

  context->pinned_fact = index;
  context->pinned_value = &pinned;

  if (type == SP_FACT_BOOLEAN || type == SP_FACT_CHOICE)
    {
      guint64 kept = 0;

      for (guint bit = 0; bit < 64; bit++)
        {
          if (!((domain->mask >> bit) & 1))
            continue;
          pin (type, &pinned, 0, bit);
          if (sp_expr_evaluate (must, context) != SP_TRUTH_FALSE)
            kept |= G_GUINT64_CONSTANT (1) << bit;
        }
      domain->mask = kept;
    }
  else
    {
      double thresholds[MAX_THRESHOLDS];
      double candidates[MAX_CANDIDATES];
      guint n_thresholds, n = 0;
      double low = INFINITY, high = -INFINITY;

      n_thresholds = sp_expr_collect_thresholds (must, index, context, thresholds, MAX_THRESHOLDS);
      candidates[n++] = domain->low;
      candidates[n++] = domain->high;
      for (guint i = 0; i < n_thresholds; i++)
        {
          double t = thresholds[i];

          if (is_whole (type))
            {
              candidates[n++] = floor (t) - 1;
              candidates[n++] = floor (t);
              candidates[n++] = ceil (t);
              candidates[n++] = ceil (t) + 1;
            }
          else
            {
              candidates[n++] = nextafter (t, -INFINITY);
              candidates[n++] = t;
              candidates[n++] = nextafter (t, INFINITY);
            }
        }

      for (guint i = 0; i < n; i++)
        {
          double candidate = candidates[i];

          if (!(candidate >= domain->low && candidate <= domain->high))
            continue;
          if (candidate >= low && candidate <= high)
            continue;  /* already inside what is kept */
          pin (type, &pinned, candidate, 0);
          if (sp_expr_evaluate (must, context) == SP_TRUTH_FALSE)
            continue;
          low = MIN (low, candidate);
          high = MAX (high, candidate);
        }

      if (low > high)
        domain->mask = 0, domain->low = 1, domain->high = 0;  /* nothing left */
      else
        domain->low = low, domain->high = high;
    }

  context->pinned_value = NULL;
}

static gboolean
domain_is_empty (SpFactType      type,
                 const SpDomain *domain)
{
  if (type == SP_FACT_BOOLEAN || type == SP_FACT_CHOICE)
    return domain->mask == 0;
  return domain->low > domain->high;
}

static gboolean
domain_equal (const SpDomain *a,
              const SpDomain *b)
{
  return a->mask == b->mask && a->low == b->low && a->high == b->high;
}

static gboolean
domain_is_single (SpFactType      type,
                  const SpDomain *domain)
{
  if (type == SP_FACT_BOOLEAN || type == SP_FACT_CHOICE)
    return domain->mask != 0 && (domain->mask & (domain->mask - 1)) == 0;
  return domain->low == domain->high;
}

/**
 * sp_implications_compute:
 * @values: one per fact of @policy
 * @today: the date an unrecorded assessment date stands for
 * @implications: (out caller-allocates): with @domains and @because
 *   pointing at room for every fact of @policy
 *
 * Narrows every unrecorded fact that a constraint reads to the values the
 * constraints still allow. Sound by construction: a value is dropped only
 * when a constraint is definitely false with it, so an implied answer is
 * never one the clinician could still contradict.
 */
void
sp_implications_compute (SpPolicy       *policy,
                         const SpValue  *values,
                         guint32         today,
                         SpImplications *implications)
{
  const SpScreening *screening = sp_policy_get_screening (policy);
  GPtrArray *facts = sp_policy_get_fact_array (policy);
  const SpConstraint *constraints;
  SpEvalContext context = { 0 };
  const SpDomain *full_domains = sp_policy_get_full_domains (policy);
  const guint8 *types = sp_policy_get_fact_types (policy);
  SpFactSet known, recorded, narrowed_before;
  guint n_constraints;

  sp_fact_set_clear (&narrowed_before);
  sp_fact_set_clear (&implications->narrowed);
  sp_fact_set_clear (&implications->implied);
  implications->contradiction = -1;

  context.values = values;
  context.today = today;
  context.assessment_date_fact = screening->assessment_date;
  context.narrowed = &implications->narrowed;
  context.domains = implications->domains;

  constraints = sp_policy_get_constraints (policy, &n_constraints);
  sp_fact_set_clear (&recorded);
  for (guint f = 0; f < facts->len; f++)
    if (values[f].recorded)
      sp_fact_set_add (&recorded, f);
  known = recorded;
  if (screening->assessment_date >= 0)
    sp_fact_set_add (&known, screening->assessment_date);

  for (guint pass = 0; pass < MAX_PASSES; pass++)
    {
      SpFactSet narrowed_now;
      gboolean changed = FALSE;

      sp_fact_set_clear (&narrowed_now);
      for (guint c = 0; c < n_constraints; c++)
        {
          const SpConstraint *constraint = &constraints[c];
          gboolean reads_known = FALSE, reads_new = pass == 0;
          SpTruth truth;

          /* A constraint narrows nothing unless it reads something known,
           * and after the first pass nothing new unless it reads a fact
           * the last pass narrowed: most cases end here, cheaply. */
          for (guint w = 0; w < G_N_ELEMENTS (known.words); w++)
            {
              reads_known |= (constraint->reads.words[w] & known.words[w]) != 0;
              reads_new |= (constraint->reads.words[w] & narrowed_before.words[w]) != 0;
            }
          if (!reads_known || !reads_new)
            continue;

          truth = sp_expr_evaluate (constraint->must, &context);

          /* False only through what other constraints implied: the
           * recorded facts contradict each other through a fact nobody
           * recorded. */
          if (truth == SP_TRUTH_FALSE && implications->contradiction < 0)
            implications->contradiction = c;
          if (truth != SP_TRUTH_UNKNOWN)
            continue;

          for (guint w = 0; w < G_N_ELEMENTS (constraint->narrows.words); w++)
            for (guint64 bits = constraint->narrows.words[w]; bits; bits &= bits - 1)
              {
                guint index = w * 64 + __builtin_ctzll (bits);
                SpFactType type = types[index];
                SpDomain *domain = &implications->domains[index];
                SpDomain before;

                if (values[index].recorded || (gint) index == screening->assessment_date)
                  continue;
                if (!sp_fact_set_contains (&implications->narrowed, index))
                  *domain = full_domains[index];
                before = *domain;
                narrow_one (constraint->must, type, index, &context, domain);

                if (domain_is_empty (type, domain))
                  {
                    /* The recorded facts contradict each other through
                     * this fact: the case reader refuses such a case. */
                    *domain = before;
                    if (implications->contradiction < 0)
                      implications->contradiction = c;
                    continue;
                  }
                if (domain_equal (domain, &before) && sp_fact_set_contains (&implications->narrowed, index))
                  continue;
                if (!sp_fact_set_contains (&implications->narrowed, index))
                  {
                    if (domain_equal (domain, &full_domains[index]))
                      continue;
                    sp_fact_set_clear (&implications->because[index]);
                    sp_fact_set_add (&implications->narrowed, index);
                  }

                /* What narrowed it: the recorded facts of the constraint,
                 * and what narrowed the other facts it read. */
                for (guint w2 = 0; w2 < G_N_ELEMENTS (recorded.words); w2++)
                  {
                    guint64 others = constraint->reads.words[w2];

                    implications->because[index].words[w2] |= others & recorded.words[w2];
                    for (guint64 narrowed = others & implications->narrowed.words[w2]; narrowed;
                         narrowed &= narrowed - 1)
                      {
                        guint other = w2 * 64 + __builtin_ctzll (narrowed);

                        if (other != index)
                          sp_fact_set_union (&implications->because[index], &implications->because[other]);
                      }
                  }
                sp_fact_set_add (&narrowed_now, index);
                changed = TRUE;
              }
        }
      if (!changed)
        break;
      narrowed_before = narrowed_now;
      sp_fact_set_union (&known, &narrowed_now);
    }

  for (guint w = 0; w < G_N_ELEMENTS (implications->narrowed.words); w++)
    for (guint64 bits = implications->narrowed.words[w]; bits; bits &= bits - 1)
      {
        guint index = w * 64 + __builtin_ctzll (bits);

        if (domain_is_single (types[index], &implications->domains[index]))
          sp_fact_set_add (&implications->implied, index);
      }
}

/**
 * sp_implications_get_value:
 * @value: (out caller-allocates): the implied value, as if recorded
 *
 * Returns: %TRUE when @fact is implied (settled to one value)
 */
gboolean
sp_implications_get_value (SpPolicy             *policy,
                           const SpImplications *implications,
                           guint                 fact,
                           SpValue              *value)
{
  const SpDomain *domain;

  if (!sp_fact_set_contains (&implications->implied, fact))
    return FALSE;

  domain = &implications->domains[fact];
  pin (sp_policy_get_fact_types (policy)[fact], value, domain->low,
       domain->mask != 0 ? (guint) __builtin_ctzll (domain->mask) : 0);
  return TRUE;
}

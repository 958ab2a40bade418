/* sp-value.h: the recorded value of one fact, and sets of facts
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-types.h"

G_BEGIN_DECLS

/* A fixed-size set keeps evaluation free of allocation; a policy with more
 * facts than this is refused on load with a clear error. */
#define SP_MAX_FACTS     256
#define SP_MAX_CHOICES   64
#define SP_MAX_DECISIONS 64

typedef struct {
  guint64 words[SP_MAX_FACTS / 64];
} SpFactSet;

/* The value of one fact in a case. Which member is meaningful follows from
 * the fact's type: integers and numbers use @number, dates are Julian day
 * numbers in @date, choices an index in @choice, lists a bit mask of choice
 * (or decision) indices in @list. */
typedef struct {
  gboolean  recorded;
  union {
    gboolean boolean;
    double   number;
    guint    choice;
    guint32  date;
    guint64  list;
  };
  char     *string;
} SpValue;

/* The values an unrecorded fact can still take, given what is recorded and
 * the policy's constraints (the contract's implied facts). Yes/no facts
 * use @mask bit 0 for no and bit 1 for yes, choices a bit per choice;
 * integers, numbers and dates (as Julian days) the closed range @low to
 * @high. Lists are never narrowed. */
typedef struct {
  guint64  mask;
  double   low;
  double   high;
} SpDomain;

static inline void
sp_fact_set_clear (SpFactSet *set)
{
  memset (set, 0, sizeof *set);
}

static inline void
sp_fact_set_add (SpFactSet *set,
                 guint      index)
{
  set->words[index / 64] |= G_GUINT64_CONSTANT (1) << (index % 64);
}

static inline void
sp_fact_set_remove (SpFactSet *set,
                    guint      index)
{
  set->words[index / 64] &= ~(G_GUINT64_CONSTANT (1) << (index % 64));
}

static inline gboolean
sp_fact_set_contains (const SpFactSet *set,
                      guint            index)
{
  return (set->words[index / 64] >> (index % 64)) & 1;
}

static inline void
sp_fact_set_union (SpFactSet       *set,
                   const SpFactSet *other)
{
  for (guint i = 0; i < G_N_ELEMENTS (set->words); i++)
    set->words[i] |= other->words[i];
}

static inline gboolean
sp_fact_set_is_empty (const SpFactSet *set)
{
  for (guint i = 0; i < G_N_ELEMENTS (set->words); i++)
    if (set->words[i] != 0)
      return FALSE;
  return TRUE;
}

static inline guint
sp_fact_set_count (const SpFactSet *set)
{
  guint count = 0;

  for (guint i = 0; i < G_N_ELEMENTS (set->words); i++)
    count += __builtin_popcountll (set->words[i]);
  return count;
}

G_END_DECLS

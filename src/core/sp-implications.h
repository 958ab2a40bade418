/* sp-implications.h: what the recorded facts imply about unrecorded ones
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-types.h"
#include "sp-value.h"

G_BEGIN_DECLS

/* The policy's constraints, read the other way round: besides refusing a
 * contradictory case, they narrow the values an unrecorded fact can take
 * (sciatica leaves radicular symptoms only "yes"). Room for every fact is
 * allocated by the caller, so evaluation stays free of allocation. */
typedef struct {
  SpFactSet  narrowed;       /* unrecorded facts with values ruled out */
  SpFactSet  implied;        /* of those, the ones left with one value */
  SpDomain  *domains;        /* per fact: meaningful for @narrowed ones */
  SpFactSet *because;        /* per fact: the recorded facts that narrow it */
  gint       contradiction;  /* a constraint no value can satisfy, or -1 */
} SpImplications;

void     sp_implications_compute   (SpPolicy             *policy,
                                    const SpValue        *values,
                                    guint32               today,
                                    SpImplications       *implications);
gboolean sp_implications_get_value (SpPolicy             *policy,
                                    const SpImplications *implications,
                                    guint                 fact,
                                    SpValue              *value);

G_END_DECLS

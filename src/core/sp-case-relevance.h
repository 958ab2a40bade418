/* sp-case-relevance.h: whether a fact's question applies to a case
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-types.h"

G_BEGIN_DECLS

gboolean sp_case_is_fact_relevant (SpCase     *self,
                                   const char *fact_id);

G_END_DECLS

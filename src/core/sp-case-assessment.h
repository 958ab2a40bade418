/* sp-case-assessment.h: which of a case's pathways have been assessed
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-types.h"

G_BEGIN_DECLS

gboolean sp_case_is_pathway_assessed (SpCase     *case_,
                                      const char *pathway_id);

G_END_DECLS

/* sp-result-json.h: the command line's JSON output, written directly
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-engine.h"
#include "sp-types.h"

G_BEGIN_DECLS

typedef struct _SpResultCache SpResultCache;

void sp_json_append_string      (GString              *out,
                                 const char           *text);
const SpResultCache *sp_result_json_get_cache (SpPolicy *policy);
void sp_result_json_append      (GString              *out,
                                 SpPolicy             *policy,
                                 const SpValue        *values,
                                 const SpEngineResult *result,
                                 gint64                line);
void sp_result_json_append_cached (GString              *out,
                                   SpPolicy             *policy,
                                   const SpResultCache  *result_cache,
                                   const SpValue        *values,
                                   const SpEngineResult *result,
                                   gint64                line);
void sp_result_json_append_brief  (GString              *out,
                                   SpPolicy             *policy,
                                   const SpResultCache  *result_cache,
                                   const SpValue        *values,
                                   const SpEngineResult *result,
                                   gint64                line);
void sp_result_json_append_error (GString             *out,
                                 gint64                line,
                                 const char           *message);

G_END_DECLS

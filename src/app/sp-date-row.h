/* sp-date-row.h: a date, typed day first or picked
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-fact-row.h"

G_BEGIN_DECLS

#define SP_TYPE_DATE_ROW (sp_date_row_get_type ())

G_DECLARE_FINAL_TYPE (SpDateRow, sp_date_row, SP, DATE_ROW, AdwActionRow)

G_END_DECLS

/* sp-date.h: calendar dates as the contract defines them
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  sp_date_parse            (const char *text,
                                    guint32    *julian);
gboolean  sp_date_parse_typed      (const char *text,
                                    guint32    *julian);
char     *sp_date_format           (guint32     julian);
char     *sp_date_format_long      (guint32     julian);
guint32   sp_date_add_months       (guint32     julian,
                                    guint       months);
guint32   sp_date_today            (void);

G_END_DECLS

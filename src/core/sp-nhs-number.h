/* sp-nhs-number.h: NHS number validation and display
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  sp_nhs_number_is_valid   (const char *text);
char     *sp_nhs_number_normalize  (const char *text);
char     *sp_nhs_number_format     (const char *text);

G_END_DECLS

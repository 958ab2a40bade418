/* sp-label-util.h
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *sp_wrapped_label_new     (const char *text);
void       sp_limit_wrapped_labels  (GtkWidget  *widget);

G_END_DECLS

/* sp-widget-util.h
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

const char *sp_policy_gettext            (const char *text);
GtkWidget *sp_wrapped_label_new          (const char *text);
GtkWidget *sp_paragraph_label_new        (const char *text);
void       sp_make_rows_cheap_to_measure (GtkWidget  *widget,
                                          gboolean    use_grids);
void       sp_widget_set_new_tooltip     (GtkWidget  *widget,
                                          const char *text);

GtkListView *sp_combo_row_get_popup_list        (AdwComboRow *combo_row);
void         sp_combo_row_choose_activated_item (AdwComboRow *combo_row);

G_END_DECLS

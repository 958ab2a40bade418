/* sp-choice-item.h
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_CHOICE_ITEM (sp_choice_item_get_type ())

G_DECLARE_FINAL_TYPE (SpChoiceItem, sp_choice_item, SP, CHOICE_ITEM, GtkWidget)

GtkWidget  *sp_choice_item_new        (void) G_GNUC_WARN_UNUSED_RESULT;
const char *sp_choice_item_get_label  (SpChoiceItem *self);
void        sp_choice_item_set_label  (SpChoiceItem *self,
                                       const char   *label);
gboolean    sp_choice_item_get_chosen (SpChoiceItem *self);
void        sp_choice_item_set_chosen (SpChoiceItem *self,
                                       gboolean      chosen);
void        sp_choice_item_bind       (SpChoiceItem *self,
                                       AdwComboRow  *combo_row,
                                       guint         position,
                                       const char   *label);
void        sp_choice_item_unbind     (SpChoiceItem *self);
void        sp_combo_row_show_choices_in_full (AdwComboRow *combo_row);

G_END_DECLS

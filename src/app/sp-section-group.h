/* sp-section-group.h: one section of a pathway's form
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_SECTION_GROUP (sp_section_group_get_type ())

G_DECLARE_FINAL_TYPE (SpSectionGroup, sp_section_group, SP, SECTION_GROUP, AdwPreferencesGroup)

GtkWidget *sp_section_group_new            (const char     *title,
                                            gboolean        screening) G_GNUC_WARN_UNUSED_RESULT;
void       sp_section_group_add_row        (SpSectionGroup *self,
                                            GtkWidget      *row);
void       sp_section_group_remove_all     (SpSectionGroup *self);
GtkWidget *sp_section_group_get_row        (SpSectionGroup *self,
                                            guint           position);
void       sp_section_group_update_visible (SpSectionGroup *self);

G_END_DECLS

/* sp-notes-group.h
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sp-core.h"

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_NOTES_GROUP (sp_notes_group_get_type ())

G_DECLARE_FINAL_TYPE (SpNotesGroup, sp_notes_group, SP, NOTES_GROUP, AdwPreferencesGroup)

GtkWidget *sp_notes_group_new       (SpCase       *case_) G_GNUC_WARN_UNUSED_RESULT;
GtkWidget *sp_notes_group_get_view  (SpNotesGroup *self);

G_END_DECLS

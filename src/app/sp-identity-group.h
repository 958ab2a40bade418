/* sp-identity-group.h: who the patient is and who is assessing them
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The core first: it refuses to be included after GTK. */
#include "sp-core.h"

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_IDENTITY_GROUP (sp_identity_group_get_type ())

G_DECLARE_FINAL_TYPE (SpIdentityGroup, sp_identity_group, SP, IDENTITY_GROUP, AdwPreferencesGroup)

GtkWidget *sp_identity_group_new            (SpCase          *case_) G_GNUC_WARN_UNUSED_RESULT;
GtkWidget *sp_identity_group_get_nhs_row    (SpIdentityGroup *self);
GtkWidget *sp_identity_group_get_nhs_error  (SpIdentityGroup *self);

G_END_DECLS

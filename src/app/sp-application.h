/* sp-application.h
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The core first: it refuses to be included after GTK. */
#include "sp-core.h"

#include <adwaita.h>

#include "sp-settings.h"

G_BEGIN_DECLS

#define SP_TYPE_APPLICATION (sp_application_get_type ())

G_DECLARE_FINAL_TYPE (SpApplication, sp_application, SP, APPLICATION, AdwApplication)

SpApplication *sp_application_new        (GApplicationFlags  flags) G_GNUC_WARN_UNUSED_RESULT;
SpPolicy      *sp_application_get_policy (SpApplication     *self);
SpSettings    *sp_application_get_settings (SpApplication   *self);
SpDraftStore  *sp_application_get_draft_store    (SpApplication *self);
SpDraftStore  *sp_application_create_draft_store (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

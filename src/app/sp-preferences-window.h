/* sp-preferences-window.h: the application's preferences
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sp-core.h"
#include "sp-settings.h"

G_BEGIN_DECLS

#define SP_TYPE_PREFERENCES_WINDOW (sp_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (SpPreferencesWindow, sp_preferences_window, SP, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

SpPreferencesWindow *sp_preferences_window_new          (GtkWindow           *parent,
                                                         SpSettings          *settings,
                                                         SpPolicy            *policy) G_GNUC_WARN_UNUSED_RESULT;
SpSettings          *sp_preferences_window_get_settings (SpPreferencesWindow *self);

G_END_DECLS

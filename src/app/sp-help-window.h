/* sp-help-window.h
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_HELP_WINDOW (sp_help_window_get_type ())

G_DECLARE_FINAL_TYPE (SpHelpWindow, sp_help_window, SP, HELP_WINDOW, AdwWindow)

SpHelpWindow *sp_help_window_new         (GtkWindow    *parent);
guint         sp_help_window_get_n_pages (SpHelpWindow *self);

G_END_DECLS

/* sp-window.h: the main window
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The core first: it refuses to be included after GTK. */
#include "sp-core.h"

#include <adwaita.h>

G_BEGIN_DECLS

#define SP_TYPE_WINDOW (sp_window_get_type ())

G_DECLARE_FINAL_TYPE (SpWindow, sp_window, SP, WINDOW, AdwApplicationWindow)

/* What the application asks of a window. Everything else a window does
 * is an action ("win.save", "win.export-pdf", ...), declared once in its
 * class; what sp-window.c and sp-window-actions.c share, and what the
 * tests look into, is in sp-window-private.h. */
SpWindow     *sp_window_new                   (GtkApplication *application,
                                               SpPolicy       *policy) G_GNUC_WARN_UNUSED_RESULT;
SpPolicy     *sp_window_get_policy            (SpWindow       *self);
void          sp_window_load_file             (SpWindow       *self,
                                               GFile          *file);
gboolean      sp_window_is_pristine           (SpWindow       *self);
void          sp_window_offer_restore_async   (SpWindow            *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      sp_window_offer_restore_finish  (SpWindow            *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS

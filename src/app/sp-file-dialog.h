/* sp-file-dialog.h
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SP_CASE_MIME_TYPE "application/x-spinal-pathways-case"
#define SP_CASE_SUFFIX    ".spcase"

void   sp_file_dialog_save        (GtkWindow            *parent,
                                   const char           *title,
                                   const char           *accept_label,
                                   GListModel           *filters,
                                   GFile                *initial_file,
                                   const char           *initial_name,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
void   sp_file_dialog_open        (GtkWindow            *parent,
                                   const char           *title,
                                   const char           *accept_label,
                                   GListModel           *filters,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
GFile *sp_file_dialog_finish      (GAsyncResult         *result,
                                   GError              **error);

GtkFileFilter *sp_file_filter_new (const char           *name,
                                   const char           *mime_type,
                                   const char           *suffix);

void   sp_file_dialog_note_recent (GFile                *file,
                                   const char           *mime_type);

G_END_DECLS

/* sp-file-dialog.c: choosing a file to open or save, through the portal
 * when sandboxed
 *
 * Copyright 2026 Spinal Pathways developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

/* GtkFileDialog (GTK 4.10) where the GTK we are built against has it; the
 * build otherwise refuses anything newer than 4.8. */
#undef GDK_VERSION_MAX_ALLOWED
#define GDK_VERSION_MAX_ALLOWED G_ENCODE_VERSION (4, 10)

#include <glib/gi18n.h>

#include "sp-file-dialog.h"

/* The portal grants the exact file it returns, and only that one: the name
 * is used as it comes back, never given an extension afterwards. So the
 * suggested name must carry its extension, and the filters say which. */

#if GTK_CHECK_VERSION (4, 10, 0)

static void
on_dialog_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file;

  if (g_task_get_task_data (task) != NULL)
    file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);
  else
    file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, &error);

  /* Cancelling is not an error the user needs to hear about. */
  if (file == NULL && error != NULL &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, file, g_object_unref);
}

static GtkFileDialog *
dialog_new (const char *title,
            const char *accept_label,
            GListModel *filters)
{
  GtkFileDialog *dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, title);
  gtk_file_dialog_set_accept_label (dialog, accept_label);
  gtk_file_dialog_set_modal (dialog, TRUE);
  if (filters != NULL && g_list_model_get_n_items (filters) > 0)
    {
      g_autoptr(GtkFileFilter) first = g_list_model_get_item (filters, 0);

      gtk_file_dialog_set_filters (dialog, filters);
      gtk_file_dialog_set_default_filter (dialog, first);
    }
  return dialog;
}

void
sp_file_dialog_save (GtkWindow           *parent,
                     const char          *title,
                     const char          *accept_label,
                     GListModel          *filters,
                     GFile               *initial_file,
                     const char          *initial_name,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GtkFileDialog) dialog = dialog_new (title, accept_label, filters);
  GTask *task = g_task_new (parent, NULL, callback, user_data);

  g_task_set_source_tag (task, sp_file_dialog_save);
  /* Marks the task as a save for on_dialog_done. */
  g_task_set_task_data (task, GINT_TO_POINTER (1), NULL);
  if (initial_file != NULL)
    gtk_file_dialog_set_initial_file (dialog, initial_file);
  else if (initial_name != NULL)
    gtk_file_dialog_set_initial_name (dialog, initial_name);
  gtk_file_dialog_save (dialog, parent, NULL, on_dialog_done, task);
}

void
sp_file_dialog_open (GtkWindow           *parent,
                     const char          *title,
                     const char          *accept_label,
                     GListModel          *filters,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GtkFileDialog) dialog = dialog_new (title, accept_label, filters);
  GTask *task = g_task_new (parent, NULL, callback, user_data);

  g_task_set_source_tag (task, sp_file_dialog_open);
  gtk_file_dialog_open (dialog, parent, NULL, on_dialog_done, task);
}

#else /* GTK 4.8: GtkFileChooserNative, which also goes through the portal */

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(GTask) task = user_data;
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_task_return_pointer (task, file, g_object_unref);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
chooser_show (GtkWindow            *parent,
              const char           *title,
              const char           *accept_label,
              GtkFileChooserAction  action,
              GListModel           *filters,
              GFile                *initial_file,
              const char           *initial_name,
              GTask                *task)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, parent, action, accept_label, _("_Cancel"));
  for (guint i = 0; filters != NULL && i < g_list_model_get_n_items (filters); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
    }
  if (initial_file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), initial_file, NULL);
  else if (initial_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), initial_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
sp_file_dialog_save (GtkWindow           *parent,
                     const char          *title,
                     const char          *accept_label,
                     GListModel          *filters,
                     GFile               *initial_file,
                     const char          *initial_name,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task = g_task_new (parent, NULL, callback, user_data);

  g_task_set_source_tag (task, sp_file_dialog_save);
  chooser_show (parent, title, accept_label, GTK_FILE_CHOOSER_ACTION_SAVE,
                filters, initial_file, initial_name, task);
}

void
sp_file_dialog_open (GtkWindow           *parent,
                     const char          *title,
                     const char          *accept_label,
                     GListModel          *filters,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task = g_task_new (parent, NULL, callback, user_data);

  g_task_set_source_tag (task, sp_file_dialog_open);
  chooser_show (parent, title, accept_label, GTK_FILE_CHOOSER_ACTION_OPEN, filters, NULL, NULL, task);
}

#endif

/**
 * sp_file_dialog_finish:
 *
 * Returns: (transfer full) (nullable): the file chosen, exactly as the
 *   dialog (or the portal) gave it; %NULL with no error when the user
 *   cancelled
 */
GFile *
sp_file_dialog_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * sp_file_filter_new:
 * @suffix: with its dot, e.g. ".pdf"
 */
GtkFileFilter *
sp_file_filter_new (const char *name,
                    const char *mime_type,
                    const char *suffix)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  g_return_val_if_fail (suffix != NULL && suffix[0] == '.', filter);

  gtk_file_filter_set_name (filter, name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  /* A suffix, not a pattern: matched whatever its case, and the portal's
   * dialog can show it. */
  gtk_file_filter_add_suffix (filter, suffix + 1);
  return filter;
}

/**
 * sp_file_dialog_note_recent:
 *
 * Adds @file to the desktop's recent files, so that the file chooser's
 * Recent and the shell find it again. Only the file's address is kept,
 * in the user's own recently-used list on this machine.
 */
void
sp_file_dialog_note_recent (GFile      *file,
                            const char *mime_type)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) mime_type,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "spinal-pathways %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}
